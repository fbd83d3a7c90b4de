"""Facts about document files that several layers need: which formats we accept, and a file's
content hash (plain Python: no PyMuPDF, no Qt)."""

from __future__ import annotations

import hashlib
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
