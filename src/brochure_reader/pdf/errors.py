"""Exceptions that cross the worker-process boundary (plain, picklable, user-facing messages)."""

from brochure_reader.errors import UserError
from brochure_reader.i18n import _


class DocumentError(UserError):
    """The document cannot be opened or read.  ``str(exc)`` is a sentence for the user."""


class PasswordRequired(DocumentError):
    """The document is encrypted; ``wrong`` is true when a password was given and refused."""

    def __init__(self, message: str | None = None, wrong=False):
        super().__init__(message or _("This document is protected by a password."))
        self.wrong = wrong

    def __reduce__(self):
        return (PasswordRequired, (str(self), self.wrong))
