"""Bookmarks and search as wired into the main window, on the real bundled brochures."""

from __future__ import annotations

from PySide6.QtCore import Qt

AML = "acute-myeloid-leukaemia"


def _open(qtbot, window, doc_id, page=-1, y=0.0):
    with qtbot.waitSignal(window.reader.document_opened, timeout=30000):
        window.reader.open(doc_id, page, y)


def test_ctrl_d_bookmarks_the_section_being_read(qtbot, window):
    qtbot.waitUntil(lambda: AML in window.reader.sections, timeout=30000)
    flt3 = next(s for top in window.reader.sections[AML] for s in top.walk()
                if s.slug == "what-flt3-means")
    _open(qtbot, window, AML, flt3.page, flt3.y)
    with qtbot.waitSignal(window.bookmarks.bookmarks_changed, timeout=30000):
        qtbot.keyClick(window.page_view, Qt.Key_D, Qt.ControlModifier)
    saved = window.bookmark_store.bookmarks(doc_id=AML)
    assert len(saved) == 1
    mark = saved[0]
    assert mark.page == flt3.page + 1  # the store is 1-based
    assert mark.section_ref == f"{AML}#what-flt3-means"
    assert mark.label == "What FLT3 means"
    assert "FLT3" in mark.quote.exact
    # markers: in the page margin and in the tree
    assert window.page_view._markers.get(flt3.page)
    index = window.nav_model.section_index(AML, f"{AML}#what-flt3-means")
    assert index.data(Qt.DecorationRole) is not None
    # clicking the bookmark later brings the reader back to it
    _open(qtbot, window, "labels", 0, 0.0)
    with qtbot.waitSignal(window.reader.document_opened, timeout=30000):
        window.bookmarks.open_requested.emit(AML, mark.page0, mark.y)
    assert window.page_view.position()[0] == flt3.page


def test_search_opens_the_hit_with_words_highlighted(qtbot, window):
    qtbot.waitUntil(lambda: not window.indexer.is_running(), timeout=60000)
    window.open_search()
    with qtbot.waitSignal(window.reader.document_opened, timeout=30000):
        window.search_panel.set_query("FLT3")
        qtbot.waitUntil(lambda: window.search_panel.result() is not None
                        and bool(window.search_panel.result().hits), timeout=30000)
        assert window.search_panel.next_hit()
    assert window.reader.current.id == AML
    page = window.page_view.position()[0]
    qtbot.waitUntil(lambda: bool(window.page_view._highlights), timeout=30000)
    (hl_page, rects), = window.page_view._highlights.items()
    assert rects and abs(hl_page - page) <= 1


def test_current_section_follows_the_view_across_a_page_break(qtbot, window):
    qtbot.waitUntil(lambda: AML in window.reader.sections, timeout=30000)
    starts_near_top = [s for top in window.reader.sections[AML] for s in top.walk()
                       if s.page and s.y < 120]
    assert starts_near_top, "expected a section that starts at the top of a page"
    target = starts_near_top[0]
    _open(qtbot, window, AML, 0, 0.0)
    height = window.page_view.page_layout.sizes[target.page - 1][1]
    window.page_view.go_to(target.page - 1, height - 30)  # the end of the page before
    assert window.reader.current_section().ref == target.ref
    assert window.navigation.current_ref() == target.ref
