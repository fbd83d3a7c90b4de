"""The window's actions (ui/actions.py): exclusive choices are QActionGroups, names and keys
stay stable, and the reading actions follow whether a document is shown."""

from __future__ import annotations

from PySide6.QtGui import QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from brochure_reader.ui.actions import Actions


def _actions(qtbot) -> tuple[QWidget, Actions]:
    window = QWidget()
    qtbot.addWidget(window)
    return window, Actions(window)


def test_page_and_text_view_are_one_choice_that_ctrl_t_toggles(qtbot):
    _window, a = _actions(qtbot)
    assert a.view_group.actions() == [a.page_view, a.text_view]
    a.show_mode("page", True)
    a.text_view.trigger()  # Ctrl+T in the page view
    assert a.text_view.isChecked() and not a.page_view.isChecked()
    a.text_view.trigger()  # Ctrl+T again: the group lets it go back (ExclusiveOptional)
    assert not a.text_view.isChecked()
    assert a.text_view.shortcut() == QKeySequence("Ctrl+T")


def test_the_fits_exclude_each_other_and_a_custom_zoom_checks_neither(qtbot):
    _window, a = _actions(qtbot)
    a.show_mode("page", True)
    a.fit_width.setChecked(True)
    a.fit_page.setChecked(True)  # no code unchecks the other one: the group does
    assert not a.fit_width.isChecked()
    a.show_zoom_mode("custom")
    assert not a.fit_width.isChecked() and not a.fit_page.isChecked()
    a.show_zoom_mode("fit-width")
    assert a.fit_width.isChecked() and not a.fit_page.isChecked()
    a.show_mode("text", True)
    assert not a.fit_width.isEnabled() and not a.fit_page.isEnabled()


def test_the_language_menu_is_an_exclusive_group_and_reports_the_choice(qtbot):
    window, a = _actions(qtbot)
    chosen = []
    menu = a.add_language_menu(QMenu(window), "system", chosen.append)
    assert menu.objectName() == "language_menu"
    assert isinstance(a.language_group, QActionGroup) and a.language_group.isExclusive()
    assert a.language["system"].isChecked() and a.language["system"].objectName() == (
        "language_system"
    )
    a.language["fr"].trigger()
    assert chosen == ["fr"] and a.language["fr"].isChecked()
    assert not a.language["system"].isChecked()


def test_reading_actions_follow_whether_a_document_is_shown(qtbot):
    _window, a = _actions(qtbot)
    a.set_reading_enabled(False)
    assert not any(action.isEnabled() for action in a.reading)
    assert a.quit.isEnabled() and a.add_to_library.isEnabled() and a.search.isEnabled()
    a.set_reading_enabled(True)
    assert all(action.isEnabled() for action in a.reading)


def test_every_action_keeps_a_unique_object_name(qtbot):
    window, _a = _actions(qtbot)
    names = [action.objectName() for action in window.actions()]
    assert all(names) and len(names) == len(set(names))
    assert {"zoom_in", "fit_width", "text_view", "page_view", "add_bookmark"} <= set(names)
