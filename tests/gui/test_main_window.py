"""The reader as a person uses it: open from the tree, jump to a section, scroll."""

from __future__ import annotations

from PySide6.QtCore import Qt

from brochure_reader.ui.navigation import REF_ROLE


def _wait_sections(qtbot, window, doc_id):
    qtbot.waitUntil(lambda: doc_id in window.reader.sections, timeout=30000)


def test_home_view_lists_documents_by_category(window):
    titles = {card.doc_id for card in window.home.cards}
    assert {"geotopo", "labels"} <= titles
    assert window.stack.currentWidget() is window.home


def test_open_from_tree_jump_to_section_and_scroll(qtbot, window):
    _wait_sections(qtbot, window, "geotopo")
    model, panel = window.nav_model, window.navigation
    target = model.section_index("geotopo", "geotopo#1-5-kompaktheit")
    assert target.isValid()
    proxy_index = panel.proxy.mapFromSource(target)
    panel.view.scrollTo(proxy_index)
    rect = panel.view.visualRect(proxy_index)
    with qtbot.waitSignal(window.reader.document_opened, timeout=30000):
        qtbot.mouseClick(panel.view.viewport(), Qt.LeftButton, pos=rect.center())
    assert window.stack.currentWidget() is window.page_view
    section = window.reader.sections["geotopo"]
    kompakt = next(s for s0 in section for s in s0.walk() if s.slug == "1-5-kompaktheit")
    page, y = window.page_view.position()
    # the heading sits just below the top edge of the view (a small margin, in pixels)
    assert page == kompakt.page and 0 <= (kompakt.y - y) * window.page_view.scale <= 40
    assert window.page_box.value() == kompakt.page + 1
    assert window.page_total.text().strip().startswith("of 117")
    assert panel.current_ref() == "geotopo#1-5-kompaktheit"

    # scrolling on moves the highlight to the next section
    nxt = next(s for s0 in section for s in s0.walk() if s.slug == "1-6-wege-und-knoten")
    window.page_view.go_to(nxt.page, nxt.y + 5)
    assert panel.view.currentIndex().data(REF_ROLE) == "geotopo#1-6-wege-und-knoten"
    qtbot.keyClick(window.page_view, Qt.Key_PageDown)
    assert window.page_view.position() > (nxt.page, nxt.y)
    # pages in view get rendered by the worker
    qtbot.waitUntil(lambda: len(window.page_view.cache) >= 1, timeout=30000)
    window.page_view.go_back()
    assert window.page_view.position()[0] == kompakt.page


def test_page_labels_shown_and_position_remembered(qtbot, window):
    with qtbot.waitSignal(window.reader.document_opened, timeout=30000):
        window.reader.open("labels", 3, 0.0)
    assert "“2”" in window.page_total.text()
    window.show_home()
    assert window.settings.position("labels")["page"] == 3
    assert window.home.cards[0].doc_id == "labels"  # "Continue reading" first
    with qtbot.waitSignal(window.reader.document_opened, timeout=30000):
        window.reader.open("geotopo")
    with qtbot.waitSignal(window.reader.document_opened, timeout=30000):
        window.reader.open("labels")
    assert window.page_view.position()[0] == 3


def test_zoom_keys(qtbot, window):
    with qtbot.waitSignal(window.reader.document_opened, timeout=30000):
        window.reader.open("labels", 0, 0.0)
    before = window.page_view.scale
    window.window_actions.zoom_in.trigger()
    assert window.page_view.scale > before and window.page_view.zoom_mode == "custom"
    window.window_actions.fit_page.trigger()
    page_h = window.page_view.page_layout.page_rect(0)[3]
    assert page_h <= window.page_view.viewport().height()


def test_crashing_worker_leaves_app_running(qtbot, window, monkeypatch):
    from brochure_reader.pdf import worker

    with qtbot.waitSignal(window.service.worker_restarted, timeout=30000):
        window.service.run(worker.crash_for_test).on_error(lambda exc: None)
    # the app still opens documents afterwards
    with qtbot.waitSignal(window.reader.document_opened, timeout=30000):
        window.reader.open("labels", 1, 0.0)
    assert window.page_view.page_count == 5


def test_unopenable_file_shows_message(qtbot, window, monkeypatch, corpus, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[1:3]))
    doc = window.library.get("labels")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes((corpus / "pdfjs__invalid-184-bytes.pdf").read_bytes())
    monkeypatch.setattr(doc, "path", broken)
    window.reader.open("labels")
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    assert shown[0][0] == "This file could not be opened"
    assert window.stack.currentWidget() is window.home


def test_ebook_is_laid_out_at_the_view_size_and_again_after_resize(qtbot, window):
    with qtbot.waitSignal(window.reader.document_opened, timeout=30000):
        window.reader.open("rivals")
    layout = window.page_view.document.layout
    assert layout is not None
    page_w, _page_h = window.page_view.document.sizes[0]
    assert abs(page_w - layout[0]) < 1.0
    before = window.page_view.page_count
    window.bookmarks_dock.hide()  # more room for the page: a wider layout
    with qtbot.waitSignal(window.reader.document_opened, timeout=30000):
        window.resize(1600, 800)
    assert window.page_view.document.layout[0] > layout[0]
    assert window.page_view.page_count < before  # wider pages: fewer of them


def test_select_and_copy_text(qtbot, window):
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QGuiApplication

    with qtbot.waitSignal(window.reader.document_opened, timeout=30000):
        window.reader.open("labels", 0, 0.0)
    view = window.page_view
    qtbot.waitUntil(lambda: bool(view._words.get(0)), timeout=30000)
    words = view._words[0]
    first, last = words[0], words[min(4, len(words) - 1)]
    x, y, _w, _h = view.page_layout.page_rect(0)
    top = view.verticalScrollBar().value()

    def to_view(px, py):
        return QPoint(round(x + px * view.scale), round(y - top + py * view.scale))

    start = to_view((first[0] + first[2]) / 2, (first[1] + first[3]) / 2)
    end = to_view((last[0] + last[2]) / 2, (last[1] + last[3]) / 2)
    qtbot.mousePress(view.viewport(), Qt.LeftButton, pos=start)
    qtbot.mouseMove(view.viewport(), pos=end)
    qtbot.mouseRelease(view.viewport(), Qt.LeftButton, pos=end)
    expected = [w[4] for w in words[: words.index(last) + 1]]
    assert view.selected_text().split() == expected
    qtbot.keyClick(view, Qt.Key_C, Qt.ControlModifier)
    assert QGuiApplication.clipboard().text().split() == expected


def test_command_line_target_opens_a_section(qtbot, window):
    qtbot.waitUntil(lambda: "geotopo" in window.reader.sections, timeout=30000)
    with qtbot.waitSignal(window.reader.document_opened, timeout=30000):
        window.open_target("geotopo#1-3-stetigkeit")
    section = next(s for top in window.reader.sections["geotopo"] for s in top.walk()
                   if s.slug == "1-3-stetigkeit")
    assert window.page_view.position()[0] == section.page


def test_larger_text_for_menus_lists_and_start_page(qtbot, window):
    from PySide6.QtWidgets import QApplication

    from brochure_reader.ui.theme import LARGER_TEXT_SIZE, TEXT_SIZE

    window.window_actions.larger_text.trigger()
    try:
        assert QApplication.font().pointSizeF() == LARGER_TEXT_SIZE
        assert window.settings.get("larger_text") is True
        title = window.home.cards[0].findChild(type(window.page_total), "cardTitle")
        assert title.font().pointSizeF() > LARGER_TEXT_SIZE  # cards follow the new size
    finally:
        window.window_actions.larger_text.trigger()
    assert QApplication.font().pointSizeF() == TEXT_SIZE
    assert window.settings.get("larger_text") is False


def test_adding_a_protected_file_opens_it_and_asks_for_the_password(
    qtbot, window, monkeypatch, corpus
):
    from PySide6.QtWidgets import QInputDialog

    answers = iter([("wrong", True), ("openpassword", True)])
    prompts = []

    def ask(_parent, _title, label, _mode):
        prompts.append(label)
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", ask)
    with qtbot.waitSignal(window.reader.document_opened, timeout=60000):
        window.library_controller.import_files([corpus / "pysample__password-openpassword.pdf"])
    assert len(prompts) == 2 and "not right" in prompts[1]
    assert window.reader.current.removable and window.page_view.page_count >= 1
    window.settings.save()  # the password is never written with the settings
    import json

    def strings(value):
        if isinstance(value, dict):
            for key, item in value.items():
                yield key
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)
        elif isinstance(value, str):
            yield value

    saved = json.loads(window.settings.path.read_text(encoding="utf-8"))
    assert "openpassword" not in set(strings(saved))  # (the document id only contains it)


def test_an_unlocked_document_is_indexed_for_the_session(qtbot, window, monkeypatch, corpus):
    """Issue 15, item 13: after the password opened it, the document becomes searchable (the
    password itself stays in memory only)."""
    from PySide6.QtWidgets import QInputDialog

    from brochure_reader.search.index import SearchIndex, index_path

    monkeypatch.setattr(QInputDialog, "getText", lambda *a: ("openpassword", True))
    with qtbot.waitSignal(window.reader.document_opened, timeout=60000):
        window.library_controller.import_files([corpus / "pysample__password-openpassword.pdf"])
    doc_id = window.reader.current.id

    def indexed() -> bool:
        index = SearchIndex.open(index_path(window.paths.cache))
        try:
            known = index.document(doc_id)
            return known is not None and not known.error and index.has_term("lorem")
        finally:
            index.close()

    qtbot.waitUntil(indexed, timeout=60000)


def test_page_painted_is_reported_once_per_page_and_scale(qtbot, window):
    painted = []
    window.page_view.page_painted.connect(painted.append)
    window.reader.open("geotopo", 0, 0.0)
    qtbot.waitUntil(lambda: 0 in painted, timeout=30000)
    window.page_view.viewport().repaint()
    window.page_view.viewport().repaint()
    assert painted.count(0) == 1
    window.page_view.zoom_in()  # a new scale: painted again once its pixels arrive
    qtbot.waitUntil(lambda: painted.count(0) == 2, timeout=30000)


def _unstarted_window(qtbot, app_paths, library):
    """A shown MainWindow whose start() has not run (as at launch, before the first paint)."""
    from brochure_reader.settings import Settings
    from brochure_reader.ui.jobs import JobRunner
    from brochure_reader.ui.main_window import MainWindow

    win = MainWindow(
        app_paths, library, Settings(app_paths.settings_file), JobRunner(workers=1)
    )
    qtbot.addWidget(win)
    win.resize(1100, 800)
    win.show()
    return win


def test_a_start_up_document_is_painted_before_the_docks_are_built(
    qtbot, app_paths, corpus_library
):
    win = _unstarted_window(qtbot, app_paths, corpus_library)
    # No fallback timer: under load the page may take longer than it, and then the docks
    # were built first and the test failed. Here only the painted page can start the rest.
    win.features_delay_ms = None
    try:
        docks_at_first_page = []
        win.page_view.page_painted.connect(
            lambda _page: docks_at_first_page.append(win.features_ready)
        )
        win.start_with("geotopo#1-3-stetigkeit")
        qtbot.waitUntil(lambda: win.features_ready, timeout=60000)
        assert docks_at_first_page[:1] == [False]  # the page first, the docks after it
        assert win.reader.current.id == "geotopo"
        assert win.search_dock is not None and win.bookmarks_dock is not None
    finally:
        win.service.shutdown()


def test_the_docks_are_built_anyway_when_no_page_gets_painted(qtbot, app_paths, corpus_library):
    win = _unstarted_window(qtbot, app_paths, corpus_library)
    win.features_delay_ms = 0
    painted = []
    win.page_view.page_painted.connect(painted.append)
    try:
        win.start_with("no-such-document#nowhere")  # nothing opens, nothing is painted
        qtbot.waitUntil(lambda: win.features_ready, timeout=60000)
        assert painted == [] and win.reader.current is None
    finally:
        win.service.shutdown()


def test_a_start_up_file_is_imported_before_the_docks_exist_and_then_indexed(
    qtbot, app_paths, corpus_library, corpus
):
    from brochure_reader.files import file_sha256

    win = _unstarted_window(qtbot, app_paths, corpus_library)
    try:
        win.start_with(str(corpus / "pdfjs__labelled-pages.pdf"))
        qtbot.waitUntil(lambda: win.reader.current is not None, timeout=30000)
        added = win.reader.current
        assert added.removable and added.sha256 == file_sha256(corpus / "pdfjs__labelled-pages.pdf")
        qtbot.waitUntil(lambda: win.features_ready, timeout=30000)
        qtbot.waitUntil(lambda: not win.indexer.is_running(), timeout=90000)
        import sqlite3

        from brochure_reader.search.index import index_path

        with sqlite3.connect(index_path(app_paths.cache)) as db:
            rows = db.execute("SELECT count(*) FROM documents WHERE doc_id = ?",
                              (added.id,)).fetchone()[0]
        assert rows == 1  # start() indexed what was imported before it ran
    finally:
        win.service.shutdown()


def test_a_protected_file_is_shown_only_once_its_password_is_given(
    qtbot, window, monkeypatch, corpus
):
    """Issue 14, item 9: while the password is asked, and after Cancel, the document that was
    open stays shown; nothing switches to the protected file before it can be read."""
    from PySide6.QtWidgets import QInputDialog

    with qtbot.waitSignal(window.reader.document_opened, timeout=30000):
        window.reader.open("acute-myeloid-leukaemia")
    title = window.windowTitle()
    seen = []

    def ask(*_args):
        seen.append((window.reader.current.id, window.windowTitle(), window.page_view.document))
        return "", False

    monkeypatch.setattr(QInputDialog, "getText", ask)
    shown = window.page_view.document
    window.library_controller.import_files([corpus / "pysample__password-openpassword.pdf"])
    qtbot.waitUntil(lambda: bool(seen), timeout=60000)
    assert seen == [("acute-myeloid-leukaemia", title, shown)]
    qtbot.wait(200)
    assert window.reader.current.id == "acute-myeloid-leukaemia"
    assert window.windowTitle() == title and window.page_view.document is shown
