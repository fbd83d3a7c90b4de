"""The text view as a reader uses it: switching views at the same place, the tree following,
search hits, bookmarks and copy in the text, text size without a sideways scroll bar."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from brochure_reader.bookmarks.anchors import normalise_text
from brochure_reader.library.sections import find_section
from tests.gui.conftest import make_window
from tests.helpers import write_pack


@pytest.fixture
def text_window(qtbot, app_paths, corpus):
    """The main window over the bundled pack plus one imported-like corpus PDF."""
    from brochure_reader.library import Library

    write_pack(app_paths.user_packs / "corpus", "corpus-pack",
               {"naacl": corpus / "pdfminer__naacl06-hyphenated.pdf"})
    win = make_window(qtbot, app_paths, Library.load(app_paths))
    yield win
    win.service.shutdown()


def _open(qtbot, window, ref: str, view: str = "page") -> None:
    doc_id = ref.partition("#")[0]
    qtbot.waitUntil(lambda: doc_id in window.reader.sections, timeout=60000)
    window.open_target(ref, view)
    qtbot.waitUntil(lambda: window.reader.current is not None
                    and window.reader.current.id == doc_id, timeout=60000)
    if view == "text":
        _wait_text(qtbot, window, doc_id)


def _wait_text(qtbot, window, doc_id: str) -> None:
    modes = window.view_modes
    qtbot.waitUntil(lambda: modes._shown == doc_id and doc_id in modes._text_maps
                    and modes._pending_place is None, timeout=60000)


def _top_text(window, chars: int = 60) -> str:
    view = window.text_view
    start = view.top_position()
    return normalise_text(view.plain_text()[start:start + 400].replace("\u2029", " "))[:chars]


def _section(window, doc_id: str, slug: str):
    return find_section(window.reader.sections[doc_id], slug)


@pytest.mark.parametrize("ref", ["naacl#background", "cholangiocarcinoma#itching"])
def test_opening_a_section_in_the_text_view_puts_its_heading_on_top(qtbot, text_window, ref):
    _open(qtbot, text_window, ref, "text")
    assert text_window.stack.currentWidget() is text_window.text_view
    title = _section(text_window, *ref.split("#")).title
    assert title.casefold() in _top_text(text_window).casefold()
    qtbot.waitUntil(lambda: text_window.navigation.current_ref() == ref, timeout=5000)


def _page_view_text(window) -> str:
    """The text of the lines the page view shows (from the document's TextMap)."""
    page, y = window.page_view.position()
    bottom = y + window.page_view.viewport().height() / window.page_view.scale
    text_map = window.view_modes._text_maps[window.reader.current.id]
    starts = [i for i, (p, top) in enumerate(zip(text_map.pages, text_map.tops, strict=True))
              if p == page and y - 2 <= top <= bottom]
    return " ".join(" ".join(
        text_map.text[text_map.starts[i]:(text_map.starts[i + 1] if i + 1 < len(text_map.starts)
                                          else None)].split())
        for i in starts
    )


def _switch(qtbot, window, mode: str) -> None:
    action = window.window_actions.text_view if mode == "text" else window.window_actions.page_view
    if not action.isChecked():
        action.trigger()
    if mode == "text":
        _wait_text(qtbot, window, window.reader.current.id)
    assert window.stack.currentWidget() is (
        window.text_view if mode == "text" else window.page_view
    )


@pytest.mark.parametrize("doc_id, slugs", [
    ("cholangiocarcinoma", ["what-bile-duct-cancer-is", "biopsy", "itching", "support"]),
    ("naacl", ["abstract", "basic-idea", "results"]),
])
def test_place_is_kept_across_view_switches_both_ways(qtbot, text_window, doc_id, slugs):
    _open(qtbot, text_window, doc_id, "page")
    for slug in slugs:
        section = _section(text_window, doc_id, slug)
        # Page view at the section's heading -> text view: the heading is at the top
        text_window.reader.open(doc_id, section.page, section.y)
        _switch(qtbot, text_window, "text")
        assert section.title.casefold() in _top_text(text_window, 120).casefold(), slug
        qtbot.waitUntil(lambda s=section: text_window.navigation.current_ref() == s.ref,
                        timeout=5000)
        # Text view a few paragraphs further on -> page view: the same text is at the top
        view = text_window.text_view
        start = view.top_position()
        block = view.document().findBlock(start).next().next()
        view.scroll_to_position(block.position())
        expected = _top_text(text_window, 40).removeprefix("Urgent: ")
        _switch(qtbot, text_window, "page")
        assert expected[:30] in _page_view_text(text_window), (slug, expected)


def test_text_size_up_to_400_percent_never_scrolls_sideways(qtbot, text_window):
    _open(qtbot, text_window, "acute-lymphoblastic-leukaemia", "text")  # it has a table
    view = text_window.text_view
    for _ in range(12):
        text_window.window_actions.zoom_in.trigger()
    assert view.text_size == 400
    assert text_window.zoom_label.text().strip() == "400%"
    QApplication.processEvents()
    assert view.horizontalScrollBar().maximum() == 0
    assert view.document().size().width() <= view.viewport().width() + 1
    assert text_window.settings.document_value("acute-lymphoblastic-leukaemia",
                                                "text_size", 0) == 400


def test_search_hit_opens_highlighted_in_the_text_view(qtbot, text_window):
    _open(qtbot, text_window, "cholangiocarcinoma", "text")
    section = _section(text_window, "cholangiocarcinoma", "stents-and-drains")
    text_window.search_panel.open_hit_requested.emit("cholangiocarcinoma", section.page,
                                                     ["stent"])
    view = text_window.text_view
    qtbot.waitUntil(lambda: bool(view.extraSelections()), timeout=10000)
    words = {s.cursor.selectedText().casefold() for s in view.extraSelections()}
    assert words == {"stent"}
    # the view is at a hit on that page, not at the first "stent" of the document
    caret = view.textCursor().position()
    assert caret >= view.heading_positions()[
        text_window.view_modes._pairs.index(section)] - 2000


def test_ctrl_d_in_the_text_view_bookmarks_the_text_at_the_top(qtbot, text_window):
    _open(qtbot, text_window, "cholangiocarcinoma#itching", "text")
    qtbot.waitUntil(lambda: text_window.features_ready, timeout=10000)
    text_window.window_actions.add_bookmark.trigger()
    marks = text_window.bookmark_store.bookmarks("cholangiocarcinoma")
    assert len(marks) == 1
    assert marks[0].quote.exact.startswith("Itching")
    section = _section(text_window, "cholangiocarcinoma", "itching")
    assert (marks[0].page0, marks[0].section_ref) == (section.page, section.ref)
    # opened from the bookmarks panel in the page view, it is at the same text
    _switch(qtbot, text_window, "page")
    text_window.page_view.go_to(0, 0.0)
    text_window.reader.open("cholangiocarcinoma", marks[0].page0, marks[0].y)
    assert text_window.page_view.position()[0] == section.page


def test_copy_in_the_text_view(qtbot, text_window):
    _open(qtbot, text_window, "cholangiocarcinoma#itching", "text")
    view = text_window.text_view
    cursor = view.textCursor()
    cursor.movePosition(cursor.MoveOperation.EndOfBlock, cursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    text_window.window_actions.copy.trigger()
    assert QApplication.clipboard().text() == "Itching"


def test_last_view_is_remembered_per_document(qtbot, text_window):
    _open(qtbot, text_window, "cholangiocarcinoma", "text")
    _open(qtbot, text_window, "glioma", "page")
    assert text_window.stack.currentWidget() is text_window.page_view
    with qtbot.waitSignal(text_window.reader.document_opened, timeout=30000):
        text_window.reader.open("cholangiocarcinoma")
    _wait_text(qtbot, text_window, "cholangiocarcinoma")
    assert text_window.stack.currentWidget() is text_window.text_view
    assert text_window.window_actions.text_view.isChecked()


STARTUP_SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from brochure_reader.library import Library
from brochure_reader.paths import AppPaths
from brochure_reader.settings import Settings
from brochure_reader.ui.main_window import MainWindow
from brochure_reader.ui.jobs import JobRunner
paths = AppPaths.from_home(sys.argv[1]).ensure()
window = MainWindow(paths, Library.load(paths), Settings(paths.settings_file), JobRunner())
window.show()
app.processEvents()
print(" ".join(m for m in sys.modules if m.startswith(("brochure_reader.reflow",
      "brochure_reader.ui.text_", "brochure_reader.ui.view_modes", "brochure_reader.speech",
      "brochure_reader.ui.read_aloud", "brochure_reader.ui.glossary"))))
"""


def test_nothing_of_the_text_view_loads_before_the_first_window(tmp_path):
    import os
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", STARTUP_SCRIPT, str(tmp_path / "h")],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
