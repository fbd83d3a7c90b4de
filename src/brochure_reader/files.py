"""Facts about document files that several layers need: which formats we accept, a file's
content hash, and writing a file so that it is either complete or not there (plain Python: no
PyMuPDF, no Qt)."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: Formats PyMuPDF opens that we accept for import (lower-case suffixes with the dot).
SUPPORTED_SUFFIXES = (".pdf", ".epub", ".xps", ".oxps", ".cbz", ".fb2", ".mobi")


def file_sha256(path: str | Path) -> str:
    """Hex SHA-256 of the file's bytes (read in 1 MiB chunks).  Raises OSError."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@contextmanager
def replacing(path: str | Path, mode: int | None = None) -> Iterator[Path]:
    """Write *path* all at once: yields a temporary path in the same folder for the caller to
    write (by any means, e.g. ``pymupdf.Document.save``); when the block ends without error it
    is flushed to disk and renamed over *path*.

    On any error (a full disk, a write that failed half-way) the temporary file is removed and
    *path* is left as it was: never a 0-byte or half-written file.  The file gets *mode*, or
    keeps the mode of the file it replaces (a new one: 0666 less the umask).  Raises what the
    block or the file system raised (OSError for a full or read-only disk).
    """
    path = Path(path)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with tmp.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(path) if mode is None else mode)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write_bytes(path: str | Path, data: bytes, mode: int | None = None) -> None:
    """Write *data* to *path* through :func:`replacing` (complete, or the old file kept)."""
    with replacing(path, mode) as tmp, tmp.open("wb") as handle:
        handle.write(data)


def _mode_for(path: Path) -> int:
    """The mode a replaced file keeps, or a new file gets (0666 less the umask, read without
    changing it: ``os.umask`` is process-wide and other threads write files)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        pass
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o644
