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


# --- what kind of failure: shared by the stores and the messages (stdlib only) --------------

#: SQLite primary result codes (https://www.sqlite.org/rescode.html)
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_NOTADB = 10, 11, 13, 26


def _sqlite_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def is_damaged_database(exc: BaseException) -> bool:
    """Whether *exc* (a ``sqlite3`` error) says the file itself is damaged or is not a
    database (SQLITE_CORRUPT, SQLITE_NOTADB) — as opposed to locked, busy, I/O, permissions or
    a full disk, which are never a reason to throw a file away."""
    import sqlite3

    if not isinstance(exc, sqlite3.DatabaseError) or isinstance(exc, sqlite3.OperationalError):
        return False
    code = _sqlite_code(exc)
    if code is not None:
        return code in (SQLITE_CORRUPT, SQLITE_NOTADB)
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


def is_disk_full(exc: BaseException, folder=None) -> bool:
    """Whether *exc* comes from a full disk: ENOSPC/EDQUOT, SQLite's SQLITE_FULL, or an I/O
    error (SQLite cannot grow its shared-memory file on a full disk) while *folder*'s file
    system has no space left."""
    import errno
    import shutil

    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    code = _sqlite_code(exc)
    text = str(exc).lower()
    if code == SQLITE_FULL or "disk is full" in text:
        return True
    if folder is not None and (code == SQLITE_IOERR or "disk i/o error" in text):
        try:
            return shutil.disk_usage(folder).free < (1 << 20)
        except OSError:
            return False
    return False
