"""Printing untrusted text (document titles and outlines, imported bookmark labels and notes)
to a terminal without letting it drive the terminal.

Escape sequences can retitle the window, hide text, fake a prompt or, on some terminals, write
files.  :func:`protect_terminal` wraps ``sys.stdout`` / ``sys.stderr`` when they are terminals so
that every command's output passes :func:`printable`; output to a pipe or file is unchanged
(JSON output escapes control characters itself).

:func:`warn`, :func:`note` and :func:`error_line` write the CLI's ``brochure-reader: warning: …``
lines in the interface language.
"""

from __future__ import annotations

import re
import sys

from brochure_reader import APP_NAME
from brochure_reader.i18n import _

#: C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides and
#: isolates that make text read in another order than it is stored (CVE-2021-42574).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
#: Whole escape sequences (CSI ``ESC [ … final``, OSC ``ESC ] … BEL/ST``, two-byte ``ESC x``),
#: removed before the lone control characters so no parameters are left behind.
_SEQUENCE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]|"
                       r"\x9b[0-?]*[ -/]*[@-~]|\x9d[^\x07\x1b]*(?:\x07|\x1b\\)?")


def printable(text: str) -> str:
    """*text* without terminal escape sequences and control characters (tab and newline
    kept; ``\\r`` removed, so a line cannot overwrite itself)."""
    return _UNSAFE.sub("", _SEQUENCE.sub("", text))


class _Protected:
    """A text stream that passes everything written through :func:`printable`."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(printable(text))
        return len(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name):
        return getattr(self._stream, name)


def protect_terminal() -> None:
    """Wrap ``sys.stdout`` and ``sys.stderr`` where they are terminals (idempotent)."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        try:
            tty = stream is not None and not isinstance(stream, _Protected) and stream.isatty()
        except (AttributeError, ValueError):
            tty = False
        if tty:
            setattr(sys, name, _Protected(stream))


# --- the CLI's message lines (in the interface language) ----------------------------------


def warn(message: str) -> None:
    """``brochure-reader: warning: MESSAGE`` on stderr, in the interface language."""
    print(_("{app}: warning: {message}").format(app=APP_NAME, message=message), file=sys.stderr)


def note(message: str) -> None:
    """``brochure-reader: note: MESSAGE`` on stderr, in the interface language."""
    print(_("{app}: note: {message}").format(app=APP_NAME, message=message), file=sys.stderr)


def error_line(message: str) -> str:
    """``brochure-reader: error: MESSAGE`` (the one line a failed command prints on stderr)."""
    return _("{app}: error: {message}").format(app=APP_NAME, message=message)
