"""Glossary pop-ups in the text view: terms marked with a dotted underline, reached with Tab
and opened with Enter (or a click), the pop-up readable and closed with Escape, "Open in the
glossary" opening the glossary."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor

from tests.gui.conftest import make_window
from tests.gui.test_text_view import _open


@pytest.fixture
def window(qtbot, app_paths):
    from brochure_reader.library import Library

    win = make_window(qtbot, app_paths, Library.load(app_paths))
    yield win
    win.service.shutdown()


def test_terms_are_marked_reached_by_keyboard_and_explained(qtbot, window):
    _open(qtbot, window, "cholangiocarcinoma#itching", "text")
    view = window.text_view
    terms = view.term_positions()
    slugs = [slug for _pos, slug in terms]
    assert "stent" in slugs and "jaundice" in slugs
    position, slug = terms[0]
    cursor = view.textCursor()
    cursor.setPosition(position + 1)
    fmt = cursor.charFormat()
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    assert fmt.toolTip()  # hovering shows the meaning too

    # keyboard: Tab selects the next link from the caret, Enter opens it
    view.setFocus()
    start = view.textCursor()
    start.setPosition(max(0, position - 1))
    view.setTextCursor(start)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    probe = QTextCursor(view.document())
    probe.setPosition(view.textCursor().selectionStart() + 1)
    href = probe.charFormat().anchorHref()
    assert href == f"glossary:{slug}"
    qtbot.keyClick(view, Qt.Key.Key_Return)
    popup = window.glossary_popup
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    entry = popup.entry
    assert href.endswith(entry.slug)
    assert popup.meaning.text() == entry.text and popup.accessibleName() == entry.term
    assert popup.meaning.hasFocus()
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    assert not popup.isVisible()

    # Open in the glossary: the glossary opens at the term's letter
    window.show_term("stent", view.mapToGlobal(view.rect().center()))
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    popup.open_button.click()
    qtbot.waitUntil(lambda: window.reader.current is not None
                    and window.reader.current.id == "glossary", timeout=30000)


def test_the_glossary_itself_is_not_marked(qtbot, window):
    _open(qtbot, window, "glossary", "text")
    assert window.text_view.term_positions() == []
