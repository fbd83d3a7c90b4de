"""What a screen reader is told beyond the widgets' own names: announcements of changes a
sighted user sees (a bookmark added, the number of search results, a file saved), and names
for the parts Qt leaves unnamed (a line edit's clear button).

Announcements use Qt's :class:`QAccessibleAnnouncementEvent` (Qt 6.8+; AT-SPI's "announcement"
signal, read by Orca without moving the focus), polite so they wait for the current speech.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAction
from PySide6.QtWidgets import QLineEdit, QWidget


def announce(widget: QWidget, message: str) -> None:
    """Have screen readers say *message* (plain text) about *widget*; "" says nothing."""
    if not message:
        return
    event = QAccessibleAnnouncementEvent(widget, message)
    QAccessible.updateAccessibility(event)


def name_clear_button(edit: QLineEdit, name: str) -> None:
    """Give *edit*'s clear button (``setClearButtonEnabled``) the accessible name *name*; Qt
    leaves it unnamed, so a screen reader says only "button"."""
    edit.setClearButtonEnabled(True)
    action = edit.findChild(QAction, "_q_qlineeditclearaction")
    if action is not None:
        action.setText(name)
        action.setToolTip(name)
