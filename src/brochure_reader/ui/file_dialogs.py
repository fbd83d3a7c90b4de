"""File dialogs that start where the user keeps files: the folder last used in any of them,
else Documents, else the home folder (as Okular and calibre do), and remember the folder chosen.

The folder is kept in the settings (``last_folder``) once :func:`remember_in` is given them;
without settings it is remembered for the session only.  Every function calls the static
:class:`QFileDialog` functions with (parent, caption, start, filter), so tests can replace them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

#: settings key: the folder a file was last opened from or saved to (absolute path, str)
KEY = "last_folder"

_state: dict = {"settings": None, "folder": ""}


def remember_in(settings) -> None:
    """Keep the last-used folder in *settings* (a :class:`brochure_reader.settings.Settings`)."""
    _state["settings"] = settings


def start_folder() -> Path:
    """The folder dialogs open in: the last one used if it still exists, else Documents,
    else the home folder."""
    settings = _state["settings"]
    last = settings.get(KEY, "") if settings is not None else _state["folder"]
    candidates = [
        last,
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation),
        str(Path.home()),
    ]
    for folder in candidates:
        if isinstance(folder, str) and folder and Path(folder).is_dir():
            return Path(folder)
    return Path.home()


def _remember(path: str) -> None:
    if not path:
        return
    folder = str(Path(path).parent)
    _state["folder"] = folder
    settings = _state["settings"]
    if settings is not None and settings.get(KEY, "") != folder:
        settings.set(KEY, folder)


def save_file(parent: QWidget | None, caption: str, name: str, filters: str) -> tuple[str, str]:
    """Ask where to save a file suggested as *name* (a file name, no folder).  Returns
    ``(path, chosen filter)``; ``("", "")`` when cancelled."""
    path, chosen = QFileDialog.getSaveFileName(parent, caption, str(start_folder() / name),
                                               filters)
    _remember(path)
    return path, chosen


def open_file(parent: QWidget | None, caption: str, filters: str) -> str:
    """Ask for one file to open; ``""`` when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, caption, str(start_folder()), filters)
    _remember(path)
    return path


def open_files(parent: QWidget | None, caption: str, filters: str) -> list[str]:
    """Ask for files to open; ``[]`` when cancelled."""
    paths, _ = QFileDialog.getOpenFileNames(parent, caption, str(start_folder()), filters)
    if paths:
        _remember(paths[0])
    return list(paths)
