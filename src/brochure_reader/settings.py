"""Versioned JSON settings with atomic, merging writes.

Settings never stop the app from starting:

* every known field is validated on its own; a bad value falls back to its default and is
  reported once in :attr:`Settings.problems` (the next save writes the default);
* a file that cannot be decoded (not UTF-8, not JSON, not an object) or a ``settings.json`` that
  is a folder is moved aside as ``settings.json.damaged-YYYYmmdd-HHMMSS`` and reported once;
* unknown keys are kept (a newer version may have written them).

Several windows (and the CLI) may share one settings file.  :meth:`Settings.save` therefore
re-reads the file under a lock (``settings.json.lock``, :mod:`filelock`) and merges: keys this
process changed win, every other key keeps what is on disk, and reading positions are merged
per document, the most recently stored one winning (each carries its time, ``"t"``), so two
windows never overwrite each other's positions.  Thread-safe: the GUI saves from a background
thread.
"""

from __future__ import annotations

import builtins
import json
import logging
import math
import os
import threading
import time
from pathlib import Path
from typing import Any

from brochure_reader.files import atomic_write_bytes
from brochure_reader.i18n import SETTING_CHOICES as LANGUAGE_CHOICES
from brochure_reader.i18n import _, ngettext

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
#: How many documents the "recent" list keeps.
RECENT_LIMIT = 12

DEFAULTS: dict[str, Any] = {
    "version": SCHEMA_VERSION,
    "recent_documents": [],  # most recent first: document ids
    # document id -> {"page": 0-based int, "y": PDF points, "zoom": float, "t": epoch seconds}
    "positions": {},
    "zoom_mode": "fit-width",  # "fit-width" | "fit-page" | "custom"
    "zoom": 1.0,
    "clinic": {"clinic": "", "clinician": "", "contact": ""},
    "window_geometry": "",
    "window_state": "",
    "larger_text": False,  # menus, lists and the start page at 1.3 × the normal size
    # document id -> {"view": "page" | "text", "text_size": percent, "zoom_mode", "zoom"}
    "documents": {},
    "view": "page",  # the view last used: documents never opened before start in it
    "text_layout": {"line_spacing": 150, "line_length": 65, "margin": 3},
    "theme": "system",  # "system" | "light" | "dark" | "high-contrast"
    "page_colours": "normal",  # page view: "normal" | "night" | "sepia"
    "read_aloud_speed": "100",  # percent of the speech engine's normal speed (READ_ALOUD_SPEEDS)
    # interface language: "system" or a code of brochure_reader.i18n.LANGUAGES ("en", "fr")
    "language": "system",
    "last_folder": "",  # file dialogs start here (absolute path; "" = Documents)
}

ZOOM_MODES = ("fit-width", "fit-page", "custom")
#: The ``theme`` and ``page_colours`` choices (ui/theme.py, ui/page_colours.py draw them).
THEMES = ("system", "light", "dark", "high-contrast")
PAGE_COLOURS = ("normal", "night", "sepia")
#: Read aloud's speeds, percent of the speech engine's normal speed.
READ_ALOUD_SPEEDS = ("60", "80", "100", "125", "150", "200")
#: Largest y (points) and zoom a position may hold: far beyond any real page (PDF pages are at
#: most 14,400 pt; UserUnit can multiply that by 75), small enough for any scroll bar.
MAX_POINTS, MAX_ZOOM = 1.2e6, 100.0


def atomic_write_text(path: Path, text: str) -> None:
    """Write *text* (UTF-8) to *path* atomically (temp file in the same folder, fsync, rename;
    :func:`brochure_reader.files.replacing`).

    Raises OSError (for example a full disk); the old file is then left untouched and no
    temporary file is left behind.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, text.encode("utf-8"), mode=0o600)  # reading habits are private


# --- validation ------------------------------------------------------------------------------


def _finite(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError("not a number")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError("not a finite number")
    return number


def clean_position(value: Any) -> dict[str, float]:
    """A reading position checked field by field: ``{"page": int >= 0, "y": float >= 0}`` plus
    optional ``"zoom"`` (> 0) and ``"t"`` (seconds since the epoch).  Raises ValueError."""
    if not isinstance(value, dict):
        raise ValueError("not an object")
    page = value.get("page", 0)
    if isinstance(page, bool) or not isinstance(page, int) or page < 0:
        raise ValueError("page is not a page number")
    y = _finite(value.get("y", 0.0))
    if not 0 <= y <= MAX_POINTS:
        raise ValueError("y is not on a page")
    entry: dict[str, float] = {"page": page, "y": y}
    if "zoom" in value:
        zoom = _finite(value["zoom"])
        if not 0 < zoom <= MAX_ZOOM:
            raise ValueError("zoom is out of range")
        entry["zoom"] = zoom
    if "t" in value:
        entry["t"] = _finite(value["t"])
    return entry


def _clean_positions(value: Any, problems: list[str]) -> dict[str, dict[str, float]]:
    if not isinstance(value, dict):
        raise ValueError("not an object")
    good, bad = {}, 0
    for doc_id, entry in value.items():
        try:
            good[doc_id] = clean_position(entry)
        except ValueError:
            bad += 1
    if bad:
        problems.append(ngettext(
            "%(n)d saved reading position was not valid and was forgotten; those documents "
            "open at the start",
            "%(n)d saved reading positions were not valid and were forgotten; those documents "
            "open at the start", bad) % {"n": bad})
    return good


def _clean_recent(value: Any) -> list[str]:
    if not isinstance(value, list):
        raise ValueError("not a list")
    return list(dict.fromkeys(v for v in value if isinstance(v, str) and v))[:RECENT_LIMIT]


def _clean_clinic(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ValueError("not an object")
    return {key: value[key] if isinstance(value.get(key), str) else ""
            for key in DEFAULTS["clinic"]}


def _clean_zoom(value: Any) -> float:
    zoom = _finite(value)
    if not 0 < zoom <= MAX_ZOOM:
        raise ValueError("out of range")
    return zoom


def _clean_choice(choices):
    def clean(value: Any) -> str:
        if value not in choices:
            raise ValueError("not one of the choices")
        return value

    return clean


def _of_type(kind: type):
    def clean(value: Any) -> Any:
        if not isinstance(value, kind):
            raise ValueError(f"not a {kind.__name__}")
        return value

    return clean


_FIELDS = {
    "version": _of_type(int),
    "recent_documents": _clean_recent,
    "zoom_mode": _clean_choice(ZOOM_MODES),
    "zoom": _clean_zoom,
    "clinic": _clean_clinic,
    "window_geometry": _of_type(str),
    "window_state": _of_type(str),
    "larger_text": _of_type(bool),
    "theme": _clean_choice(THEMES),
    "page_colours": _clean_choice(PAGE_COLOURS),
    "read_aloud_speed": _clean_choice(READ_ALOUD_SPEEDS),
    "language": _clean_choice(LANGUAGE_CHOICES),
    "last_folder": _of_type(str),
}


def _clean(data: dict[str, Any], problems: list[str]) -> dict[str, Any]:
    """*data* with every known field checked; bad fields are left out (their default applies)."""
    out: dict[str, Any] = {}
    bad = []
    for key, value in data.items():
        try:
            if key == "positions":
                out[key] = _clean_positions(value, problems)
            elif key in _FIELDS:
                out[key] = _FIELDS[key](value)
            else:
                out[key] = value  # written by a newer version: kept as it is
        except ValueError:
            bad.append(key)
    if bad:
        names = ", ".join(repr(k) for k in bad)
        problems.append(ngettext(
            "Setting %(names)s had a value this version cannot use; the default is used instead",
            "Settings %(names)s had a value this version cannot use; the default is used instead",
            len(bad)) % {"names": names})
    return out


def _damaged_name(path: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside, n = path.with_name(f"{path.name}.damaged-{stamp}"), 1
    while aside.exists() or aside.is_symlink():
        n += 1
        aside = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    return aside


def read_settings_file(path: Path, problems: list[str]) -> tuple[dict[str, Any], bool]:
    """``(validated data, writable)`` from *path*; what was wrong is appended to *problems*.

    A file that cannot be decoded, or a folder in its place, is moved aside; *writable* is
    False when the file exists but cannot be read or moved aside (saving would destroy it).
    """
    try:
        if path.is_dir():
            raise IsADirectoryError(21, "it is a folder", str(path))
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}, True
    except IsADirectoryError:
        reason = _("it is a folder, not a file")
        raw = None
    except OSError as exc:
        problems.append(_("Your settings could not be read ({reason}); the defaults are used "
                          "for now and your settings file is left as it is").format(
                              reason=exc.strerror or exc))
        return {}, False
    if raw is not None:
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
            return _clean(data, problems), True
        except (ValueError, RecursionError) as exc:
            reason = _("it is not valid JSON") if not isinstance(exc, UnicodeDecodeError) \
                else _("it is not UTF-8 text")
    aside = _damaged_name(path)
    try:
        os.replace(path, aside)
    except OSError as exc:
        problems.append(_("Your settings file is damaged ({reason}) and could not be moved aside "
                          "({error}); the defaults are used and nothing is saved").format(
                              reason=reason, error=exc.strerror or exc))
        return {}, False
    problems.append(_("Your settings file was damaged ({reason}); the defaults are used. The old "
                      "file was kept as {name} in {folder}").format(reason=reason, name=aside.name,
                                                                    folder=aside.parent))
    return {}, True


class Settings:
    """Settings stored in one JSON file.  ``problems`` lists what was wrong on load (sentences
    for the user, each to be shown once)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.problems: list[str] = []
        self._lock = threading.RLock()
        self._data: dict[str, Any] = json.loads(json.dumps(DEFAULTS))
        self._dirty: set[str] = set()
        self._dirty_positions: set[str] = set()
        data, self.writable = read_settings_file(self.path, self.problems)
        self._data.update(data)

    def get(self, key: str, default: Any = None) -> Any:
        with self._lock:
            return self._data.get(key, DEFAULTS.get(key, default))

    def set(self, key: str, value: Any) -> None:
        with self._lock:
            self._data[key] = value
            self._dirty.add(key)

    @property
    def dirty(self) -> bool:
        """True when something changed since the last :meth:`save`."""
        with self._lock:
            return bool(self._dirty or self._dirty_positions)

    def save(self) -> None:
        """Merge with what is on disk and write atomically.  Raises OSError when the disk
        refuses (full, read-only); nothing is written when the file could not be read."""
        if not self.writable:
            return
        with self._lock:
            dirty, dirty_positions = set(self._dirty), set(self._dirty_positions)
            mine = json.loads(json.dumps(self._data))
            self._dirty.clear()
            self._dirty_positions.clear()
        try:
            with self._file_lock():
                disk, _writable = read_settings_file(self.path, [])
                merged = self._merge(disk, mine, dirty, dirty_positions)
                atomic_write_text(self.path, json.dumps(merged, indent=2, ensure_ascii=False))
        except BaseException:
            with self._lock:  # not saved: try again next time
                self._dirty |= dirty
                self._dirty_positions |= dirty_positions
            raise
        with self._lock:
            for key, value in merged.items():
                if key not in self._dirty and key not in ("positions", "recent_documents"):
                    self._data[key] = value
            positions = self._data.setdefault("positions", {})
            for doc_id, entry in merged["positions"].items():
                if doc_id not in self._dirty_positions:
                    positions[doc_id] = entry
            if not self._dirty_positions:
                self._data["recent_documents"] = merged["recent_documents"]

    def _file_lock(self):
        from filelock import FileLock, Timeout

        class Lock:
            def __init__(self, path: Path):
                self.lock = FileLock(str(path), timeout=5)
                self.held = False

            def __enter__(self):
                try:
                    self.lock.acquire()
                    self.held = True
                except (Timeout, OSError):
                    pass  # no lock (read-only folder, stuck peer): still write atomically

            def __exit__(self, *exc):
                if self.held:
                    self.lock.release()

        return Lock(self.path.with_name(self.path.name + ".lock"))

    @staticmethod
    def _merge(
        disk: dict, mine: dict, dirty: builtins.set[str], dirty_positions: builtins.set[str]
    ) -> dict:
        merged = {**disk}
        for key in dirty:
            merged[key] = mine[key]
        for key, value in mine.items():
            merged.setdefault(key, value)
        positions = dict(disk.get("positions", {}))
        for doc_id in dirty_positions:
            entry = mine.get("positions", {}).get(doc_id)
            theirs = positions.get(doc_id)
            if entry is not None and (theirs is None or theirs.get("t", 0) <= entry.get("t", 0)):
                positions[doc_id] = entry
        merged["positions"] = positions
        # Recent documents: both lists, most recently read first (by the positions' times).
        order = list(dict.fromkeys([*mine.get("recent_documents", []),
                                    *disk.get("recent_documents", [])]))
        rank = {d: i for i, d in enumerate(order)}
        order.sort(key=lambda d: (-positions.get(d, {}).get("t", 0.0), rank[d]))
        merged["recent_documents"] = order[:RECENT_LIMIT]
        merged["version"] = SCHEMA_VERSION
        return merged

    # Reading positions ------------------------------------------------------------------------

    def position(self, doc_id: str) -> dict[str, float] | None:
        """The saved reading position of *doc_id*: ``{"page": 0-based, "y": points, ...}``
        (always valid: checked on load), or None."""
        with self._lock:
            pos = self._data.get("positions", {}).get(doc_id)
            return dict(pos) if isinstance(pos, dict) else None

    def document_value(self, doc_id: str, key: str, default: Any = None) -> Any:
        """A per-document setting (``view``, ``text_size``, ``zoom_mode``, ``zoom``), or
        *default* when it was never set or has a different type than *default*."""
        entry = self._data.get("documents", {}).get(doc_id)
        value = entry.get(key, default) if isinstance(entry, dict) else default
        wrong = default is not None and not isinstance(value, type(default))
        if wrong and not (isinstance(default, float) and isinstance(value, int)):
            return default
        return value

    def set_document_value(self, doc_id: str, key: str, value: Any) -> None:
        """Remember a per-document setting (see :meth:`document_value`)."""
        documents = self._data.setdefault("documents", {})
        entry = documents.get(doc_id)
        if not isinstance(entry, dict):
            entry = documents[doc_id] = {}
        entry[key] = value

    def remember_position(
        self, doc_id: str, page: int, y: float, zoom: float | None = None
    ) -> None:
        """Store the reading position (page 0-based, y in PDF points); mark *doc_id* recent.
        Raises ValueError for a position that is not one (negative page, infinite y)."""
        entry: dict[str, Any] = {"page": int(page), "y": float(y), "t": time.time()}
        if zoom is not None:
            entry["zoom"] = float(zoom)
        entry = clean_position(entry)
        with self._lock:
            old = self._data.setdefault("positions", {}).get(doc_id)
            if old is not None and {k: v for k, v in old.items() if k != "t"} == {
                k: v for k, v in entry.items() if k != "t"
            } and self._data.get("recent_documents", [None])[:1] == [doc_id]:
                return  # nothing moved: nothing to save
            self._data["positions"][doc_id] = entry
            self._dirty_positions.add(doc_id)
            recent = [d for d in self._data.get("recent_documents", []) if d != doc_id]
            self._data["recent_documents"] = [doc_id, *recent][:RECENT_LIMIT]
