"""Warning boxes that do not block the reader (one place for the pattern)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def open_warning(parent: QWidget | None, title: str, message: str) -> QMessageBox:
    """Open a window-modal warning box over *parent* with an OK button and return it at once.

    The box frees itself when closed (``WA_DeleteOnClose``); ``open()`` rather than ``exec()``
    so the GUI thread never waits on the user.
    """
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok,
                      parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
