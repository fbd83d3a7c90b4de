"""Errors meant for the user, shared by the core, the CLI and the GUI (plain Python).

A :class:`UserError` carries a sentence fit to show as it is ("No document 'x'"); the CLI prints
it as one line on stderr and exits with :attr:`UserError.exit_code`, the GUI shows it in a
message box.  Feature packages raise these instead of importing anything from ``cli.py``.
"""

from __future__ import annotations


class UserError(Exception):
    """Something the user asked for cannot be done; ``str(exc)`` says why.  Exit status 1."""

    exit_code = 1


class UsageError(UserError):
    """Arguments that make no sense together or are empty (exit status 2, like argparse)."""

    exit_code = 2
