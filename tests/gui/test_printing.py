"""Printing through a QPrinter writing a PDF: page counts, paper sizes, ranges, orientation."""

from __future__ import annotations

import pymupdf
import pytest
from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter

from brochure_reader.pdf import jobs as pdf_jobs
from brochure_reader.pdf.document import document_info
from brochure_reader.ui.printing import PrintJob
from tests.handout_pack import make_library

AML = "acute-myeloid-leukaemia"
PAPER = {"A4": (QPageSize.PageSizeId.A4, (595, 842)),
         "Letter": (QPageSize.PageSizeId.Letter, (612, 792))}


@pytest.fixture
def leaflet(app_paths):
    return make_library(app_paths).get(AML).path


def pdf_printer(path, paper="A4", landscape=False, resolution=150) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(resolution)
    orientation = QPageLayout.Orientation
    orientation = orientation.Landscape if landscape else orientation.Portrait
    printer.setPageLayout(QPageLayout(QPageSize(PAPER[paper][0]), orientation,
                                      QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter))
    return printer


def make_job(service, leaflet, **kwargs) -> PrintJob:
    """A PrintJob with the page sizes read here (the GUI reads them in a worker)."""
    return PrintJob(service, leaflet, document_info(leaflet).sizes, **kwargs)


def paint(qtbot, job: PrintJob, printer: QPrinter) -> int:
    """Print and wait for the end (pages arrive from the worker while the event loop runs)."""
    with qtbot.waitSignal(job.finished, timeout=60000) as blocker:
        job.start(printer)
    return blocker.args[0]


def printed(path):
    with pymupdf.open(path) as doc:
        return [
            (tuple(round(v) for v in page.rect[2:]),
             [info["bbox"] for info in page.get_image_info()])
            for page in doc
        ]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_prints_every_page_on_the_printers_paper(qtbot, service, leaflet, tmp_path, paper):
    job = make_job(service, leaflet, title="AML")
    out = tmp_path / f"{paper}.pdf"
    printer = pdf_printer(out, paper)
    job.configure(printer)
    assert paint(qtbot, job, printer) == job.page_count
    pages = printed(out)
    assert len(pages) == job.page_count == pymupdf.open(leaflet).page_count
    width, height = PAPER[paper][1]
    for size, images in pages:
        assert size == (width, height)
        assert len(images) == 1  # one rendered page image per sheet
        x0, y0, x1, y1 = images[0]
        assert abs((x0 + x1) / 2 - width / 2) < 1.5  # centred
        assert x0 >= 28 - 1 and x1 <= width - 28 + 1  # inside the 10 mm margins
        assert y0 >= 28 - 1 and y1 <= height - 28 + 1


def test_landscape_pages_are_centred_and_fit(qtbot, service, leaflet, tmp_path):
    job = make_job(service, leaflet)
    out = tmp_path / "landscape.pdf"
    printer = pdf_printer(out, "Letter", landscape=True)
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
    paint(qtbot, job, printer)
    [(size, [(x0, y0, x1, y1)])] = printed(out)
    assert size == (792, 612)
    assert abs((x0 + x1) / 2 - 396) < 1.5 and abs((y0 + y1) / 2 - 306) < 1.5
    assert (x1 - x0) / (y1 - y0) == pytest.approx(595 / 842, rel=0.01)  # not stretched


def test_current_page_range_and_selection(qtbot, service, leaflet, tmp_path):
    job = make_job(service, leaflet, current_page=4, selection=[(2, 3), (9, 9)])
    printer = pdf_printer(tmp_path / "x.pdf")
    job.configure(printer)
    assert printer.printRange() == QPrinter.PrintRange.Selection
    assert job.pages(printer) == [2, 3, 9]
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
    assert job.pages(printer) == [4]
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 4)
    assert job.pages(printer) == [1, 2, 3]
    printer.setFromTo(job.page_count - 1, 999)
    assert job.pages(printer) == [job.page_count - 2, job.page_count - 1]
    printer.setPrintRange(QPrinter.PrintRange.AllPages)
    assert job.pages(printer) == list(range(job.page_count))

    out = tmp_path / "selection.pdf"
    printer = pdf_printer(out)
    job.configure(printer)
    assert paint(qtbot, job, printer) == 3
    assert len(printed(out)) == 3


def test_copies_are_printed_when_the_printer_cannot(qtbot, service, leaflet, tmp_path):
    job = make_job(service, leaflet, current_page=0)
    out = tmp_path / "copies.pdf"
    printer = pdf_printer(out)
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
    printer.setCopyCount(2)
    sheets = paint(qtbot, job, printer)
    expected = 1 if printer.supportsMultipleCopies() else 2
    assert sheets == expected == len(printed(out))


def test_rendered_at_the_printer_resolution(qtbot, service, leaflet, tmp_path, monkeypatch):
    job = make_job(service, leaflet)
    scales = []
    original = service.workers.submit

    def spy(fn, *args, **options):
        if fn is pdf_jobs.render_page:
            scales.append(args[-1])
        return original(fn, *args, **options)

    monkeypatch.setattr(service.workers, "submit", spy)
    printer = pdf_printer(tmp_path / "r.pdf", resolution=200)
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
    paint(qtbot, job, printer)
    # A4 page on A4 paper with 10 mm margins at 200 dpi: about 200/72 pixels per point.
    assert scales and 200 / 72 * 0.9 < scales[0] <= 200 / 72


def test_print_document_through_the_dialog(qtbot, service, leaflet, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QDialog

    from brochure_reader.ui.printing import print_document

    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    out = tmp_path / "dialog.pdf"
    printer = pdf_printer(out)
    sheets = []
    print_document(None, service, leaflet, [(1, 2)], printer=printer, title="AML",
                   done=sheets.append)
    qtbot.waitUntil(lambda: bool(sheets), timeout=60000)
    assert sheets == [2] and len(printed(out)) == 2


def test_export_pdf_of_a_selection(qtbot, service, leaflet, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from brochure_reader.ui.printing import export_pdf

    out = tmp_path / "chosen"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF"))
    messages = []
    export_pdf(None, service, leaflet, [(1, 2), (5, 5)], title="AML", on_done=messages.append)
    qtbot.waitUntil(lambda: bool(messages), timeout=30000)
    assert messages == ["Saved 3 pages to chosen.pdf"]
    with pymupdf.open(tmp_path / "chosen.pdf") as doc, pymupdf.open(leaflet) as src:
        assert doc.page_count == 3
        assert doc[2].get_text() == src[5].get_text()
        assert doc.metadata["title"] == "AML"


def test_page_choice_gives_the_same_pages_for_printing_and_export():
    from brochure_reader.handouts.ranges import PageChoice

    assert PageChoice().ranges(5) == [(0, 4)]
    assert PageChoice("current", current=7).ranges(5) == [(4, 4)]
    assert PageChoice("range", first=1, last=9).pages(5) == [1, 2, 3, 4]
    assert PageChoice("section", section=((2, 3), (0, 0))).pages(5) == [2, 3, 0]
    assert PageChoice("section").ranges(3) == [(0, 2)]  # no section known: everything
    assert PageChoice().ranges(0) == []


def _open(qtbot, window, doc_id, page=0, y=0.0):
    with qtbot.waitSignal(window.reader.document_opened, timeout=30000):
        window.reader.open(doc_id, page, y)


def test_print_preview_shows_every_page_fits_the_screen_and_prints_with_choices(
    qtbot, window, monkeypatch
):
    from PySide6.QtCore import Qt
    from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog
    from PySide6.QtWidgets import QApplication, QDialog

    from brochure_reader.ui.printing import PrintPreview

    qtbot.waitUntil(lambda: AML in window.reader.sections, timeout=30000)
    _open(qtbot, window, AML, 3, 0.0)
    window.window_actions.print_preview.trigger()
    qtbot.waitUntil(lambda: bool(window.findChildren(PrintPreview)), timeout=10000)
    (preview,) = window.findChildren(PrintPreview)
    qtbot.waitExposed(preview)
    count = window.page_view.page_count
    assert count > 4
    qtbot.waitUntil(lambda: preview.page_count() == count, timeout=120000)
    screen = preview.screen().availableGeometry()
    assert preview.frameGeometry().height() <= screen.height()
    assert preview.page_label.text() == f"Page 1 of {count}"
    preview.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is preview.view, timeout=5000)
    qtbot.keyClick(preview.view, Qt.Key.Key_PageDown)
    assert preview.page_label.text() == f"Page 2 of {count}"

    seen = []

    def print_dialog(dialog):
        seen.append(dialog.options())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QPrintDialog, "exec", print_dialog)
    preview.print_button.click()
    qtbot.waitUntil(lambda: bool(seen), timeout=30000)  # opens once the page sizes arrive
    option = QAbstractPrintDialog.PrintDialogOption
    (options,) = seen
    for wanted in (option.PrintPageRange, option.PrintCurrentPage, option.PrintSelection):
        assert options & wanted


def test_export_as_pdf_asks_which_pages(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    qtbot.waitUntil(lambda: AML in window.reader.sections, timeout=30000)
    _open(qtbot, window, AML, 2, 0.0)
    out = tmp_path / "page.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF"))
    window.window_actions.export_pdf.trigger()
    dialog = window.export_dialog
    qtbot.waitExposed(dialog)
    choices = [dialog.all_pages, dialog.current, dialog.range, dialog.this_section]
    assert all(button.isVisibleTo(dialog) for button in choices)
    assert dialog.this_section.isChecked()  # like printing: the section is preselected
    dialog.current.setChecked(True)
    messages = []
    window.statusBar().messageChanged.connect(messages.append)
    dialog.accept()
    qtbot.waitUntil(lambda: "Saved 1 page to page.pdf" in messages, timeout=30000)
    with pymupdf.open(out) as doc, pymupdf.open(window.library.get(AML).path) as src:
        assert doc.page_count == 1 and doc[0].get_text() == src[2].get_text()


def test_printing_never_waits_on_the_gui_thread(qtbot, service, leaflet, tmp_path):
    """start() returns before any page is rendered; the pages arrive while events run."""
    job = make_job(service, leaflet)
    printer = pdf_printer(tmp_path / "later.pdf")
    done = []
    job.finished.connect(done.append)
    assert job.start(printer)
    assert done == []  # nothing could have been drawn yet: no render has come back
    qtbot.waitUntil(lambda: bool(done), timeout=60000)
    assert done == [job.page_count] == [len(printed(tmp_path / "later.pdf"))]


def test_cancelling_stops_printing(qtbot, service, leaflet, tmp_path):
    job = make_job(service, leaflet)
    with qtbot.waitSignal(job.finished, timeout=60000) as blocker:
        job.start(pdf_printer(tmp_path / "cancelled.pdf"))
        job.cancel()
    assert blocker.args == [0]


def test_a_page_that_cannot_be_rendered_stops_with_a_message(qtbot, service, tmp_path):
    broken = tmp_path / "gone.pdf"
    job = PrintJob(service, broken, [(595.0, 842.0)])  # the file is not there any more
    with qtbot.waitSignal(job.failed, timeout=60000) as blocker:
        job.start(pdf_printer(tmp_path / "never.pdf"))
    assert blocker.args[0] and "Traceback" not in blocker.args[0]


def test_preview_draws_pages_as_they_arrive(qtbot, service, leaflet, tmp_path):
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    from brochure_reader.ui.printing import _Preview

    job = make_job(service, leaflet)
    printer = pdf_printer(tmp_path / "preview.pdf")
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
    view = QPrintPreviewWidget(printer)
    qtbot.addWidget(view)
    pages = _Preview(job, view)
    pages.paint(printer)  # nothing rendered yet: a note, and the render is asked for
    assert pages.images == {} and list(pages.pending) == [0]
    qtbot.waitUntil(lambda: 0 in pages.images, timeout=60000)
    assert pages.images[0].width() > 0 and not pages.pending
