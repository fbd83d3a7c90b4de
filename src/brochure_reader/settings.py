"""Versioned JSON settings with atomic writes.

Unknown keys are kept (a newer version may have written them), a value of the wrong type falls
back to its default and is reported, and a damaged file is moved aside: settings never stop the
app from starting.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1

DEFAULTS: dict[str, Any] = {
    "version": SCHEMA_VERSION,
    "recent_documents": [],  # most recent first: document ids
    "positions": {},  # document id -> {"page": 0-based int, "y": PDF points, "zoom": float}
    "zoom_mode": "fit-width",  # "fit-width" | "fit-page" | "custom"
    "zoom": 1.0,
    "clinic": {"clinic": "", "clinician": "", "contact": ""},
    "window_geometry": "",
    "window_state": "",
    "larger_text": False,  # menus, lists and the start page at 1.3 × the normal size
}


def atomic_write_text(path: Path, text: str) -> None:
    """Write *text* to *path* atomically (temp file in the same folder, fsync, rename).

    Raises OSError (for example a full disk); the old file is then left untouched.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class Settings:
    """Settings stored in one JSON file.  ``problems`` lists what was wrong on load."""

    def __init__(self, path: Path):
        self.path = path
        self.problems: list[str] = []
        self._data: dict[str, Any] = json.loads(json.dumps(DEFAULTS))
        self._load()

    def _load(self) -> None:
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        except OSError as exc:
            self.problems.append(f"Could not read settings {self.path}: {exc.strerror}")
            return
        try:
            data = json.loads(raw)
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
        except ValueError as exc:
            aside = self.path.with_name(
                f"{self.path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}"
            )
            try:
                self.path.replace(aside)
                where = f"; the old file was kept as {aside.name}"
            except OSError:
                where = ""
            self.problems.append(f"Settings file was damaged ({exc}); using defaults{where}")
            return
        for key, value in data.items():
            default = DEFAULTS.get(key)
            wrong = default is not None and not isinstance(value, type(default))
            if wrong and not (isinstance(default, float) and isinstance(value, int)):
                self.problems.append(f"Setting {key!r} had a wrong value; using the default")
                continue
            self._data[key] = value

    def get(self, key: str, default: Any = None) -> Any:
        return self._data.get(key, DEFAULTS.get(key, default))

    def set(self, key: str, value: Any) -> None:
        self._data[key] = value

    def save(self) -> None:
        """Write the settings atomically.  Raises OSError when the disk refuses."""
        self._data["version"] = SCHEMA_VERSION
        atomic_write_text(self.path, json.dumps(self._data, indent=2, ensure_ascii=False))

    # Reading positions ------------------------------------------------------------------------

    def position(self, doc_id: str) -> dict[str, float] | None:
        """The saved reading position of *doc_id*: ``{"page": 0-based, "y": points, ...}``."""
        pos = self._data.get("positions", {}).get(doc_id)
        return pos if isinstance(pos, dict) else None

    def remember_position(
        self, doc_id: str, page: int, y: float, zoom: float | None = None
    ) -> None:
        """Store the reading position (page 0-based, y in PDF points); mark *doc_id* recent."""
        entry: dict[str, float] = {"page": int(page), "y": float(y)}
        if zoom is not None:
            entry["zoom"] = float(zoom)
        self._data.setdefault("positions", {})[doc_id] = entry
        recent = [d for d in self._data.get("recent_documents", []) if d != doc_id]
        self._data["recent_documents"] = [doc_id, *recent][:12]
