"""Helpers for the keyboard and accessibility tests: every window and dialog of the app, the
key sequences its actions answer to, and what Qt's accessibility interface says of its widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

#: Characters typed with Shift on a US keyboard -> the key that carries them.  X11 offers a
#: shortcut written with either form for the same key press (Ctrl++ is Ctrl+Shift+=), so two
#: actions with "Ctrl++" and "Ctrl+Shift+=" collide ("Ambiguous shortcut overload").
US_SHIFTED = dict(zip('~!@#$%^&*()_+{}|:"<>?', "`1234567890-=[]\\;',./", strict=True))
SHIFT = Qt.KeyboardModifier.ShiftModifier.value


def physical_key(combination) -> tuple[int, int]:
    """``(modifiers, key)`` of the key press that produces *combination* on a US layout."""
    key = combination.key().value
    modifiers = combination.keyboardModifiers().value
    char = chr(key) if 0x20 < key < 0x7F else ""
    if char in US_SHIFTED:
        key, modifiers = ord(US_SHIFTED[char]), modifiers | SHIFT
    return modifiers, key


def describe(modifiers: int, key: int) -> str:
    return QKeySequence(int(modifiers) | int(key)).toString()


def shortcuts_of(window: QWidget) -> dict[tuple[int, int], list[str]]:
    """Physical key presses -> what answers to them in *window*: its actions (also those of
    child widgets and menus), QShortcuts, and Alt+letter mnemonics of the menu bar, buttons and
    labels with a buddy that are visible in the window."""
    found: dict[tuple[int, int], list[str]] = {}

    def add(sequence: QKeySequence, what: str) -> None:
        for i in range(sequence.count()):
            found.setdefault(physical_key(sequence[i]), []).append(what)

    actions = set()
    for action in [*QWidget.actions(window), *window.findChildren(QAction)]:
        if id(action) in actions:
            continue
        actions.add(id(action))
        for sequence in action.shortcuts():
            add(sequence, f"action {action.objectName() or action.text()!r}")
    for shortcut in window.findChildren(QShortcut):
        add(shortcut.key(), f"shortcut {shortcut.objectName()!r}")
    menu_bar = getattr(window, "menuBar", None)
    if callable(menu_bar) and window.findChildren(type(menu_bar())):
        for action in menu_bar().actions():
            add(QKeySequence.mnemonic(action.text()), f"menu {action.text()!r}")
    for widget in [*window.findChildren(QAbstractButton), *window.findChildren(QLabel)]:
        if isinstance(widget, QLabel) and widget.buddy() is None:
            continue
        if widget.isVisibleTo(window) and widget.window() is window:
            add(QKeySequence.mnemonic(widget.text()), f"{type(widget).__name__} {widget.text()!r}")
    return found


def duplicate_shortcuts(window: QWidget) -> list[str]:
    """Lines naming each key press that more than one thing in *window* answers to."""
    return [
        f"{describe(*keys)}: {', '.join(whats)}"
        for keys, whats in shortcuts_of(window).items()
        if len(whats) > 1
    ]


def top_level_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()]
