"""The page view shows the pixels PyMuPDF renders, one for one: never a raster scaled by a
fraction (that cut letters in "after eating" and broke a "g" at fit width, 1366×900)."""

from __future__ import annotations

import pymupdf  # the reference render, made here in the test; the app renders in workers

from brochure_reader.paths import assets_dir

DOC = "pancreatic-cancer"
PAGE = 2  # page 3


def test_fit_width_page_is_pymupdfs_own_render_pixel_for_pixel(qtbot, window):
    from PySide6.QtGui import QImage

    window.resize(1366, 900)
    with qtbot.waitSignal(window.reader.document_opened, timeout=30000):
        window.reader.open(DOC, PAGE, 0.0)
    view = window.page_view
    window.window_actions.fit_width.trigger()
    view.go_to(PAGE)
    qtbot.waitUntil(lambda: view.zoom_mode == "fit-width" and not view._pending, timeout=30000)
    x, y, w, h = view.page_layout.page_rect(PAGE)
    top = y - view.verticalScrollBar().value()
    left = x - view.horizontalScrollBar().value()
    visible = min(h, view.viewport().height() - top)
    assert view.devicePixelRatioF() == 1.0 and visible > 200
    qtbot.wait(100)  # the render request goes out on the event loop
    qtbot.waitUntil(lambda: not view._pending and len(view.cache) > 0, timeout=30000)
    shown = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB888)

    path = assets_dir() / "pack" / f"{DOC}.pdf"
    page = pymupdf.open(path)[PAGE]
    pix = page.get_pixmap(matrix=pymupdf.Matrix(w / page.rect.width, h / page.rect.height))
    assert (pix.width, pix.height) == (w, h)
    reference = QImage(pix.samples, pix.width, pix.height, pix.stride, QImage.Format.Format_RGB888)
    differing = 0
    for row in range(0, visible, 3):
        for col in range(0, w, 2):
            a = shown.pixelColor(left + col, top + row)
            b = reference.pixelColor(col, row)
            diff = (abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue()))
            differing += max(diff) > 8
    assert differing == 0



def test_each_page_on_screen_is_one_worker_round_trip_with_its_words_and_links(qtbot, window):
    from brochure_reader.pdf import jobs as pdf_jobs

    calls = []  # (job, page, words and links asked for)
    page_jobs = (pdf_jobs.render_page, pdf_jobs.page_content)
    run = window.service.run

    def counting(fn, args=(), *rest, **kw):
        if fn in page_jobs:
            calls.append((fn, args[2], fn is pdf_jobs.page_content and args[5]))
        return run(fn, args, *rest, **kw)

    window.service.run = counting
    view = window.page_view
    with qtbot.waitSignal(window.reader.document_opened, timeout=30000):
        window.reader.open(DOC, 0, 0.0)
    qtbot.waitUntil(lambda: len(view.cache) > 0 and not view._pending, timeout=30000)
    pages = [page for _fn, page, _text in calls]
    assert pages and len(pages) == len(set(pages))  # one call per page, not three
    assert {fn for fn, _page, _text in calls} == {pdf_jobs.page_content}
    assert all(text for _fn, _page, text in calls)
    assert all(view._words.get(page) for page in pages)  # words and links came with it
    assert all(page in view._links for page in pages)
    calls.clear()
    window.window_actions.zoom_in.trigger()  # a new size: the pixels again, the words are kept
    qtbot.waitUntil(lambda: bool(calls) and not view._pending, timeout=30000)
    assert {fn for fn, _page, _text in calls} == {pdf_jobs.page_content}
    assert not any(text for _fn, page, text in calls if page in pages)
