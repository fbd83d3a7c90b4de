"""Issue 15, items 2, 8 and 9 in the page view: a page that cannot be read, whose worker
crashed twice, or whose render ran past its time limit is an error tile in its place (never
blank); a single crash is asked again (the pool's retry of ``page_content``, the view's one job per
page)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.gui import crash_jobs
from tests.unit.test_damaged_document import CYCLE


@pytest.fixture
def open_view(qtbot, service):
    from brochure_reader.pdf.document import document_info
    from brochure_reader.ui.page_view import OpenDocument, PageView

    def make(path):
        info = document_info(path)
        view = PageView(service)
        qtbot.addWidget(view)
        view.resize(500, 1400)
        view.show()
        view.set_document(OpenDocument(object(), str(path), None, info.sizes, info.labels))
        return view

    return make


def _tile_colour(view, page):
    from PySide6.QtGui import QImage

    x, y, _w, _h = view.page_layout.page_rect(page)
    top = y - view.verticalScrollBar().value()
    shown = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    return shown.pixelColor(int(x + 5), int(top + 5))


def test_a_damaged_page_is_an_error_tile_and_the_others_render(qtbot, open_view, tmp_path):
    from brochure_reader.ui.page_view import ERROR_TILE

    path = tmp_path / "cycle.pdf"
    path.write_bytes(CYCLE)
    view = open_view(path)
    messages = []
    view.message.connect(messages.append)
    qtbot.waitUntil(lambda: bool(view.page_error(1)) and not view._pending, timeout=30000)
    assert "cannot be read" in view.page_error(1) and "cycle in page tree" in view.page_error(1)
    assert not view.page_error(0) and len(view.cache) >= 1  # page 1 rendered
    assert _tile_colour(view, 1) == ERROR_TILE
    assert any("Page 2 could not be shown" in m for m in messages)
    assert not any("Fz" in m or "pickle" in m for m in messages)


def _render_with(monkeypatch, render):
    from brochure_reader.pdf import jobs as pdf_jobs
    from brochure_reader.ui import page_view

    monkeypatch.setattr(page_view, "pdf_jobs", SimpleNamespace(
        page_content=render, RENDER_TIME_LIMIT=pdf_jobs.RENDER_TIME_LIMIT))


def _crashing(monkeypatch, tmp_path, crashes):
    counter = tmp_path / "crashes"
    counter.write_text(str(crashes))
    monkeypatch.setenv(crash_jobs.COUNTER_ENV, str(counter))
    _render_with(monkeypatch, crash_jobs.page_content_crashing)
    return counter


def test_a_render_whose_worker_crashed_is_asked_again(qtbot, open_view, monkeypatch, tmp_path,
                                                      corpus):
    counter = _crashing(monkeypatch, tmp_path, 1)
    view = open_view(corpus / "pysample__minimal-document.pdf")
    qtbot.waitUntil(lambda: len(view.cache) >= 1, timeout=30000)
    assert counter.read_text() == "0"  # it did crash once
    assert not view.page_error(0)


def test_a_render_that_crashes_twice_is_an_error_tile(qtbot, open_view, monkeypatch, tmp_path,
                                                      corpus):
    from brochure_reader.ui.page_view import ERROR_TILE

    counter = _crashing(monkeypatch, tmp_path, 2)
    view = open_view(corpus / "pysample__minimal-document.pdf")
    qtbot.waitUntil(lambda: bool(view.page_error(0)), timeout=30000)
    assert counter.read_text() == "0"
    assert len(view.cache) == 0
    qtbot.waitUntil(lambda: _tile_colour(view, 0) == ERROR_TILE, timeout=5000)


def test_a_render_past_its_time_limit_is_stopped_and_an_error_tile(qtbot, open_view, monkeypatch,
                                                                  corpus):
    from brochure_reader.pdf import jobs as pdf_jobs
    from brochure_reader.pdf.jobs import spec_of

    assert spec_of(pdf_jobs.page_content).timeout == pdf_jobs.RENDER_TIME_LIMIT <= 30
    assert spec_of(pdf_jobs.page_content).retries == 1
    _render_with(monkeypatch, crash_jobs.page_content_slow)
    view = open_view(corpus / "pysample__minimal-document.pdf")
    view.render_time_limit = 1.0
    view.set_document(view.document)  # ask again with the short limit
    qtbot.waitUntil(lambda: bool(view.page_error(0)), timeout=20000)
    assert "too long" in view.page_error(0)
