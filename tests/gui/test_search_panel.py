"""The search panel, its results model and the background indexer (pytest-qt, offscreen)."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from brochure_reader.search.engine import Scope, Searcher
from brochure_reader.search.index import SearchIndex
from brochure_reader.ui.search_panel import SearchPanel
from brochure_reader.ui.search_results import Roles, SearchResultsModel
from tests.search_helpers import sample_index_path, sample_pack, sample_specs, searcher

__all__ = ["sample_index_path", "sample_pack", "searcher"]


@pytest.fixture
def panel(qtbot, sample_index_path):
    widget = SearchPanel(sample_index_path, debounce_ms=10)
    qtbot.addWidget(widget)
    widget.resize(420, 600)
    widget.show()
    yield widget
    widget.shutdown()


def type_and_wait(qtbot, panel, text: str) -> None:
    panel.field.clear()
    qtbot.keyClicks(panel.field, text)
    qtbot.waitUntil(lambda: panel.result() is not None and panel.result().query == text,
                    timeout=5000)


# --- model --------------------------------------------------------------------------------------


def test_model_groups_hits_by_document(qtbot, searcher):
    model = SearchResultsModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    result = searcher.search("tiredness OR chemotherapy")
    model.set_result(result)
    kinds = [model.index(r, 0).data(Roles.KIND) for r in range(model.rowCount())]
    groups = result.by_document()
    assert kinds.count("document") == len(groups) == model.document_count()
    assert model.hit_count() == len(result.hits)
    first_hit = model.index(1, 0)
    assert model.index(0, 0).data(Roles.DOCUMENT_ID) == first_hit.data(Roles.DOCUMENT_ID)
    assert first_hit.data(Roles.HIT) is groups[0][2][0]
    assert first_hit.data(Roles.PAGE) == groups[0][2][0].page
    assert "<b>" in first_hit.data(Roles.SNIPPET_HTML)
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable
    assert model.flags(first_hit) & Qt.ItemFlag.ItemIsSelectable
    model.set_result(None)
    assert model.rowCount() == 0


def test_snippet_html_is_escaped(searcher):
    from dataclasses import replace

    from brochure_reader.search.snippets import Snippet
    from brochure_reader.ui.search_results import snippet_html

    hit = replace(searcher.search("vomiting").hits[0],
                  snippet=Snippet("a <b> & vomiting", ((8, 16),), ("vomiting",)))
    assert snippet_html(hit) == "a &lt;b&gt; &amp; <b>vomiting</b>"


# --- panel --------------------------------------------------------------------------------------


def test_typing_searches_and_shows_expansions(qtbot, panel):
    type_and_wait(qtbot, panel, "exhausted")
    assert panel.model.hit_count() > 0
    assert "Also searching: tiredness, fatigue" in panel.notes.text()
    assert panel.notes.isVisible()


@pytest.fixture(scope="module")
def bundled_index_path(tmp_path_factory):
    """An index of the bundled library (its snippets fill several lines)."""
    from brochure_reader.library import Library
    from brochure_reader.paths import AppPaths
    from brochure_reader.search.builder import build_index, specs_from_library

    library = Library.load(AppPaths.from_home(tmp_path_factory.mktemp("bundled-home")))
    specs = specs_from_library(library)
    if not specs:
        pytest.skip("the bundled pack is not built (assets/pack/pack.toml)")
    path = tmp_path_factory.mktemp("bundled-index") / "index.sqlite3"
    build_index(path, specs)
    return path


def test_results_wrap_to_the_list_width(qtbot, bundled_index_path):
    """Snippets wrap inside the list: once the vertical scroll bar appears no row is wider
    than the view, so no line end is hidden under it and nothing scrolls sideways (rows used
    to keep the width they were laid out at before the scroll bar took its share)."""
    panel = SearchPanel(bundled_index_path, debounce_ms=10)
    qtbot.addWidget(panel)
    panel.resize(430, 700)
    panel.show()
    try:
        type_and_wait(qtbot, panel, "tired all the time")
        view = panel.results
        qtbot.waitUntil(lambda: view.verticalScrollBar().isVisible(), timeout=3000)

        def widest() -> int:
            return max(view.visualRect(panel.model.index(r, 0)).width()
                       for r in range(panel.model.rowCount()))

        qtbot.waitUntil(lambda: widest() <= view.viewport().width(), timeout=3000)
        assert view.horizontalScrollBar().maximum() == 0
        width = view.viewport().width()
        panel.resize(320, 700)  # a narrower dock: rows wrap again
        qtbot.waitUntil(lambda: view.viewport().width() < width, timeout=3000)
        qtbot.waitUntil(lambda: widest() <= view.viewport().width(), timeout=3000)
    finally:
        panel.shutdown()


def test_no_answer_points_to_the_glossary_and_definitions_open_it(qtbot, bundled_index_path):
    """Issue 18: "ascites" (no brochure covers it) is said plainly, not answered with the
    "sites" of web addresses; the glossary link opens the glossary; "what is a stent" shows
    the glossary's entry above the hits, and its link opens that page."""
    panel = SearchPanel(bundled_index_path, debounce_ms=10)
    qtbot.addWidget(panel)
    panel.show()
    try:
        type_and_wait(qtbot, panel, "ascites")
        text = panel.notes.text()
        assert "No brochure covers this yet." in text and "ascites" in text
        assert "care team" in text and "href='glossary'" in text
        assert panel.model.hit_count() == 0
        with qtbot.waitSignal(panel.open_hit_requested) as opened:
            panel.notes.linkActivated.emit("glossary")
        assert opened.args == ["glossary", 0, []]

        type_and_wait(qtbot, panel, "what is a stent")
        assert "<b>Stent</b> — A small tube" in panel.notes.text()
        assert panel.model.hit_count() > 0
        definition = panel.result().definition
        with qtbot.waitSignal(panel.open_hit_requested) as opened:
            panel.notes.linkActivated.emit("definition")
        assert opened.args == ["glossary", definition.page, ["Stent"]]
    finally:
        panel.shutdown()


def test_search_runs_off_the_gui_thread(qtbot, panel, monkeypatch):
    threads = []
    original = Searcher.search

    def spy(self, *args, **kwargs):
        threads.append(threading.get_ident())
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Searcher, "search", spy)
    type_and_wait(qtbot, panel, "platelets")
    assert threads and threading.main_thread().ident not in threads


def test_stale_results_are_dropped(qtbot, panel, monkeypatch):
    original = Searcher.search

    def slow_first(self, text, *args, **kwargs):
        if text == "platelets":
            time.sleep(0.4)
        return original(self, text, *args, **kwargs)

    monkeypatch.setattr(Searcher, "search", slow_first)
    shown = []
    panel.model.modelReset.connect(lambda: shown.append(panel.result()))
    panel.set_query("platelets")  # starts the slow search
    qtbot.wait(50)
    panel.set_query("s-glioma")
    qtbot.waitUntil(lambda: panel.result() is not None and panel.result().query == "s-glioma")
    qtbot.wait(600)  # let the slow one finish: it must not replace the newer result
    assert panel.result().query == "s-glioma"
    assert all(r is None or r.query == "s-glioma" for r in shown)


def test_enter_opens_the_first_hit(qtbot, panel):
    qtbot.keyClicks(panel.field, "vomiting")
    with qtbot.waitSignal(panel.open_hit_requested, timeout=5000) as blocker:
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert blocker.args == ["s-eating", 0, ["vomiting"]]


def test_click_opens_a_hit(qtbot, panel):
    type_and_wait(qtbot, panel, "infection")
    index = panel.model.index(panel.model.hit_rows()[0], 0)
    rect = panel.results.visualRect(index)
    with qtbot.waitSignal(panel.open_hit_requested) as blocker:
        qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args[:2] == ["s-aml", 0]


def test_f3_steps_through_hits_across_documents(qtbot, panel):
    type_and_wait(qtbot, panel, "tiredness OR chemotherapy")
    rows = panel.model.hit_rows()
    expected = [(panel.model.index(r, 0).data(Roles.DOCUMENT_ID),
                 panel.model.index(r, 0).data(Roles.PAGE)) for r in rows]
    seen = []
    for _ in range(len(rows) + 1):
        with qtbot.waitSignal(panel.open_hit_requested) as blocker:
            assert panel.next_hit()
        seen.append(tuple(blocker.args[:2]))
    assert seen == [*expected, expected[0]]  # wraps around
    assert len({doc for doc, _page in seen}) > 1
    with qtbot.waitSignal(panel.open_hit_requested) as blocker:
        panel.previous_hit()
    assert tuple(blocker.args[:2]) == expected[-1]


def test_next_hit_without_results(panel):
    assert panel.next_hit() is False and panel.previous_hit() is False


def test_scope_this_document_and_category(qtbot, panel):
    panel.set_current_document("s-glioma", "Glioma")
    panel.set_categories([("blood-cancers", "Blood cancers")])
    panel.focus_search(this_document=True)
    assert panel.current_scope() == Scope.document("s-glioma")
    type_and_wait(qtbot, panel, "tiredness")
    assert {h.document_id for h in panel.result().hits} == {"s-glioma"}
    panel.scope.setCurrentIndex(panel.scope.findData("category:blood-cancers"))
    qtbot.waitUntil(lambda: {h.document_id for h in panel.result().hits} == {"s-aml"})
    panel.set_current_document(None)
    assert panel.current_scope() == Scope.category("blood-cancers")


def test_did_you_mean_link(qtbot, panel):
    type_and_wait(qtbot, panel, "platelets OR fatigeu")
    assert "Did you mean" in panel.notes.text()
    panel.notes.linkActivated.emit("suggest")
    qtbot.waitUntil(lambda: panel.result().query == "platelets OR fatigue")
    assert panel.field.text() == "platelets OR fatigue"


def test_no_results_and_clearing(qtbot, panel):
    type_and_wait(qtbot, panel, "qqqqzzzz")
    assert "No brochure covers this yet." in panel.notes.text()
    panel.field.clear()
    qtbot.waitUntil(lambda: panel.result() is None)
    assert panel.model.rowCount() == 0 and not panel.notes.isVisible()


def test_down_arrow_moves_to_the_results(qtbot, panel):
    type_and_wait(qtbot, panel, "tiredness")
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    assert panel.results.currentIndex().row() == panel.model.hit_rows()[0]


# --- background indexing ----------------------------------------------------------------------


@pytest.fixture
def pool(qtbot):
    from brochure_reader.ui.jobs import JobRunner

    jobs = JobRunner(workers=1)
    yield jobs
    jobs.shutdown()


def test_indexer_controller_builds_in_a_worker(qtbot, pool, sample_pack, tmp_path):
    from brochure_reader.ui.indexer import IndexerController

    db = tmp_path / "index.sqlite3"
    indexer = IndexerController(pool, db)
    progress, indexed = [], []
    indexer.progress.connect(lambda *a: progress.append(a))
    indexer.document_indexed.connect(indexed.append)
    with qtbot.waitSignal(indexer.finished, timeout=60000):
        assert indexer.start(sample_specs(sample_pack))
        assert indexer.start([]) is False  # already running
    assert sorted(indexed) == ["s-aml", "s-eating", "s-glioma"]
    assert progress[0] == (0, 3, "Acute myeloid leukaemia") and progress[-1] == (3, 3, "")
    assert not indexer.is_running()
    with SearchIndex.open(db) as index:
        assert sorted(index.documents()) == ["s-aml", "s-eating", "s-glioma"]
    # a second run reads nothing again
    indexed.clear()
    with qtbot.waitSignal(indexer.finished, timeout=60000):
        indexer.start(sample_specs(sample_pack))
    assert indexed == []


def test_indexer_cancel(qtbot, pool, sample_pack, tmp_path):
    from brochure_reader.ui.indexer import IndexerController

    indexer = IndexerController(pool, tmp_path / "index.sqlite3")
    indexed = []
    indexer.document_indexed.connect(indexed.append)
    with qtbot.waitSignal(indexer.finished, timeout=60000):
        indexer.start(sample_specs(sample_pack))
        indexer.cancel()
    assert indexed == [] and not indexer.is_running()


def test_indexer_reports_unreadable_documents(qtbot, pool, tmp_path):
    from brochure_reader.search.builder import DocSpec
    from brochure_reader.ui.indexer import IndexerController

    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf")
    indexer = IndexerController(pool, tmp_path / "index.sqlite3")
    failed = []
    indexer.document_failed.connect(lambda *a: failed.append(a))
    with qtbot.waitSignal(indexer.finished, timeout=60000):
        indexer.start([DocSpec("bad", "Bad", str(bad))])
    assert failed and failed[0][0] == "bad"


@pytest.mark.parametrize("larger", [False, True])
def test_results_never_overlap_when_started_with_larger_text(qtbot, bundled_index_path, larger):
    """Each result row is as tall as its wrapped text at the width it is painted at, also when
    the app starts with View > Larger text (rows used to be measured before the bigger font
    reached the list, and the last line of each result was drawn under the next heading)."""
    from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

    from brochure_reader.ui.theme import apply_text_size

    app = QApplication.instance()
    apply_text_size(app, larger)
    try:
        panel = SearchPanel(bundled_index_path, debounce_ms=10)
        qtbot.addWidget(panel)
        panel.resize(380, 700)
        panel.show()
        type_and_wait(qtbot, panel, "tired all the time")
        view, delegate = panel.results, panel.results.itemDelegate()
        qtbot.wait(50)

        def too_short() -> list[int]:
            rows = []
            for row in range(panel.model.rowCount()):
                index = panel.model.index(row, 0)
                rect = view.visualRect(index)
                option = QStyleOptionViewItem()
                option.initFrom(view)
                option.font = view.font()
                option.rect = rect
                width = min(rect.width(), view.viewport().width())  # what is painted
                needed = delegate._document(index, width, option).size().height()
                if rect.height() + 1 < needed:
                    rows.append(row)
            return rows

        assert panel.model.rowCount() > 3
        assert too_short() == []
        # the scroll bar coming or going changes only the width of the rows' room
        view.resize(view.width() - 60, view.height())
        qtbot.wait(300)
        assert too_short() == []
        panel.shutdown()
    finally:
        apply_text_size(app, False)


def test_index_job_is_retried_once_after_a_crash():
    """Issue 15, item 8: a crash may be chance, so the pool runs the document once more (the
    pool's retry itself: test_worker's test_a_crash_fails_only_its_own_job_and_retries...)."""
    from brochure_reader.pdf.jobs import spec_of
    from brochure_reader.search.builder import index_document_job

    assert spec_of(index_document_job).retries == 1


def test_indexer_reports_a_crashed_document(qtbot, tmp_path):
    """A document whose worker crashed (every try) is reported in words, and the run ends."""
    from brochure_reader.pdf import worker
    from brochure_reader.search.builder import DocSpec, index_document_job
    from brochure_reader.ui.indexer import IndexerController
    from brochure_reader.ui.jobs import JobRunner

    class CrashingRunner(JobRunner):
        def run(self, job, args=(), **kwargs):
            if job is index_document_job:  # the worker dies as a MuPDF crash would
                return super().run(worker.crash_for_test, (), **kwargs)
            return super().run(job, args, **kwargs)

    jobs = CrashingRunner(workers=1)
    try:
        indexer = IndexerController(jobs, tmp_path / "index.sqlite3")
        failed = []
        indexer.document_failed.connect(lambda *a: failed.append(a))
        with qtbot.waitSignal(indexer.finished, timeout=60000):
            indexer.start([DocSpec("crashy", "Crashy", str(tmp_path / "x.pdf"))])
    finally:
        jobs.shutdown()
    [(doc_id, reason)] = failed
    assert doc_id == "crashy" and reason.startswith("could not be indexed: ")
