"""F1 Help and the Help menu: the help window opens from the keyboard, and its shortcut sheet is
made from the real actions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWidget


def _help_text(window) -> str:
    return window.help_window.browser.toPlainText()


def test_f1_opens_the_help_with_the_keyboard_in_it(qtbot, window):
    window.activateWindow()
    window.page_view.setFocus()
    qtbot.keyClick(window.page_view, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.help_window is not None and window.help_window.isVisible(),
                    timeout=5000)
    help_window = window.help_window
    qtbot.waitUntil(lambda: QApplication.focusWidget() is help_window.browser, timeout=5000)
    text = _help_text(window)
    for part in ("Searching", "Bookmarks and notes", "Printing and handouts", "Keyboard shortcuts",
                 "Where your things are kept", str(window.paths.settings_file)):
        assert part in text
    qtbot.keyClick(help_window.browser, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not help_window.isVisible(), timeout=5000)


def test_help_menu_has_help_shortcuts_and_about(qtbot, window):
    (help_menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == "&Help"]
    assert [a.text() for a in help_menu.actions() if not a.isSeparator()] == [
        "&Help", "&Keyboard shortcuts", "&About Brochure Reader"]


def test_the_shortcut_sheet_lists_every_key_of_the_window_and_follows_changes(qtbot, window):
    from brochure_reader.ui.help_window import shortcut_rows

    rows = shortcut_rows(window.menuBar())
    listed = {(r.action, r.keys) for r in rows}
    native = QKeySequence.SequenceFormat.NativeText
    for action in QWidget.actions(window):
        keys = [k.toString(native) for k in action.shortcuts() if not k.isEmpty()]
        if keys:
            name = action.text().replace("&", "").rstrip("…")
            assert (name, ", ".join(keys)) in listed, action.objectName()
    assert ("Larger text", "Ctrl+Shift+L") in listed and ("Help", "F1") in listed
    window.window_actions.copy.setShortcut(QKeySequence("Ctrl+Alt+C"))  # a changed key shows up
    window.window_actions.keyboard_shortcuts.trigger()
    text = _help_text(window)
    assert "Ctrl+Alt+C" in text
    bar = window.help_window.browser.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=5000)  # opened at the sheet
