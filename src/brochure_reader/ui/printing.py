"""Printing documents: the system print dialog or a print preview, pages rendered by PyMuPDF.

Each page is rendered in a worker process (``jobs.render_page``) at the printer's resolution
(capped at :data:`MAX_PRINT_DPI` to bound memory), then drawn centred and scaled to fit the
printable area of the printer's paper in the chosen orientation (A4, Letter…).  What is printed
follows the dialog's choice: all pages, the current page, a page range, or the "selection" — the
pages of the current section or of the sections ticked in the library tree, given by the caller.

Nothing here waits for a worker on the GUI thread: the page sizes arrive before the dialog opens
(:func:`load_print_job`); printing keeps the painter open and draws each page as its render
arrives (two ahead), with a progress dialog that can cancel; the preview draws the pages it has
and a note for the others, and refreshes as renders arrive.

Entry points for the main window: :func:`print_document` and :func:`export_pdf`.
:class:`PrintJob` does the work and is what the tests drive with a QPrinter writing a PDF.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import (
    QAbstractPrintDialog,
    QPrintDialog,
    QPrinter,
    QPrintPreviewDialog,
    QPrintPreviewWidget,
)
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog, QWidget

from brochure_reader.pdf import jobs as pdf_jobs
from brochure_reader.ui.jobs import JobRunner, user_message

#: Highest resolution pages are rendered at (dots per inch); 300 dpi is print quality for text
#: and keeps an A4 page near 26 MB in memory.
MAX_PRINT_DPI = 300
#: Resolution of print preview pages (dots per inch), and the most memory they may take.
PREVIEW_DPI, PREVIEW_BUDGET = 110, 256 * 1024 * 1024
#: Seconds one page may take in the worker before printing stops with a message.
PAGE_TIMEOUT = 120
#: Pages rendered ahead of the one being printed.
AHEAD = 2


class PrintJob(QObject):
    """Prints pages of one document to a QPrinter.

    *sizes* are the pages' (width, height) in points (``DocumentInfo.sizes``); *selection* are
    0-based inclusive ``(first, last)`` page ranges offered as the dialog's "Selection" (the
    current section or ticked sections); *current_page* is 0-based.
    """

    #: printing ended: the number of sheets sent (fewer when cancelled)
    finished = Signal(int)
    #: printing stopped: a sentence for the user
    failed = Signal(str)

    def __init__(
        self,
        jobs: JobRunner,
        path: str | Path,
        sizes: Sequence[tuple[float, float]],
        *,
        password: str | None = None,
        current_page: int = 0,
        selection: Sequence[tuple[int, int]] | None = None,
        title: str = "",
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.jobs = jobs
        self.path = str(path)
        self.password = password
        self.current_page = current_page
        self.selection = list(selection or [])
        self.title = title or Path(path).stem
        self.sizes: list[tuple[float, float]] = list(sizes)
        self._run: _PrintRun | None = None

    @property
    def page_count(self) -> int:
        return len(self.sizes)

    # --- what to print ---------------------------------------------------------------------

    def configure(self, printer: QPrinter) -> None:
        """Name the job and preset the range: the selection when there is one, else all pages."""
        printer.setDocName(self.title)
        printer.setFromTo(1, self.page_count)
        if self.selection:
            printer.setPrintRange(QPrinter.PrintRange.Selection)

    def pages(self, printer: QPrinter) -> list[int]:
        """0-based pages for the printer's print range (clamped to the document)."""
        last = self.page_count - 1
        mode = printer.printRange()
        if mode == QPrinter.PrintRange.CurrentPage:
            return [min(max(self.current_page, 0), last)]
        if mode == QPrinter.PrintRange.Selection and self.selection:
            return [
                p for a, b in self.selection for p in range(max(a, 0), min(b, last) + 1)
            ]
        if mode == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first = max(printer.fromPage(), 1) - 1
            end = min(max(printer.toPage(), printer.fromPage()), self.page_count) - 1
            return list(range(first, end + 1))
        return list(range(self.page_count))

    def sheets(self, printer: QPrinter) -> list[int]:
        """The pages in printing order, with copies when the printer does not make them."""
        copies = 1 if printer.supportsMultipleCopies() else max(printer.copyCount(), 1)
        pages = self.pages(printer)
        return [p for _ in range(copies) for p in pages]

    # --- painting --------------------------------------------------------------------------

    def render(self, page: int, target: QSizeF, dpi: float):
        """The JobOp rendering *page* so it fills *target* (device pixels) at most *dpi*."""
        width, height = self.sizes[page]
        fit = min(target.width() / width, target.height() / height)  # printer dots per point
        scale = fit * min(1.0, MAX_PRINT_DPI / max(dpi, 1.0))  # one pixel per dot, ≤ 300 dpi
        return self.jobs.run(pdf_jobs.render_page, (self.path, self.password, page, scale),
                             parent=self, timeout=PAGE_TIMEOUT)

    def start(self, printer: QPrinter, progress: QProgressDialog | None = None) -> bool:
        """Start printing the chosen pages; ``finished`` or ``failed`` follows.  False (and
        ``failed``) when the printer cannot be started; nothing to print finishes at once."""
        self._run = _PrintRun(self, printer, progress)
        return self._run.begin()

    def cancel(self) -> None:
        """Stop printing: the printer job is aborted."""
        if self._run is not None:
            self._run.stop(aborted=True)

    @staticmethod
    def draw(painter: QPainter, result: tuple[int, int, int, bytes], target: QSizeF) -> None:
        """Draw a rendered page centred in *target*, scaled to fit, proportions kept."""
        width, height, stride, samples = result
        image = QImage(samples, width, height, stride, QImage.Format.Format_RGB888)
        draw_image(painter, image, target)


def draw_image(painter: QPainter, image: QImage, target: QSizeF) -> None:
    fit = min(target.width() / image.width(), target.height() / image.height())
    w, h = image.width() * fit, image.height() * fit
    rect = QRectF((target.width() - w) / 2, (target.height() - h) / 2, w, h)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    painter.drawImage(rect, image)


class _PrintRun:
    """One pass over the sheets: renders requested ahead, drawn in order as they arrive."""

    def __init__(self, job: PrintJob, printer: QPrinter, progress: QProgressDialog | None):
        self.job, self.printer, self.progress = job, printer, progress
        self.sequence = job.sheets(printer)
        self.painter = QPainter()
        self.results: dict[int, tuple] = {}
        self.ops: dict[int, object] = {}
        self.next_draw = self.next_request = 0
        self.done = False
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        self.target = QSizeF(area.width(), area.height())
        self.dpi = float(printer.resolution())

    def begin(self) -> bool:
        if not self.sequence:
            self.done = True
            self.job.finished.emit(0)
            return True
        if not self.painter.begin(self.printer):
            self.done = True
            self.job.failed.emit("The printer could not be started.")
            return False
        if self.progress is not None:
            self.progress.setMaximum(len(self.sequence))
            self.progress.canceled.connect(self.job.cancel)
        self._request()
        return True

    def _request(self) -> None:
        while (self.next_request < len(self.sequence)
               and self.next_request < self.next_draw + AHEAD):
            index = self.next_request
            self.ops[index] = self.job.render(self.sequence[index], self.target, self.dpi) \
                .on_result(lambda result, i=index: self._arrived(i, result)) \
                .on_error(self._failed)
            self.next_request += 1

    def _arrived(self, index: int, result: tuple) -> None:
        if self.done:
            return
        self.ops.pop(index, None)
        self.results[index] = result
        while self.next_draw in self.results:
            if self.next_draw > 0:
                self.printer.newPage()
            self.job.draw(self.painter, self.results.pop(self.next_draw), self.target)
            self.next_draw += 1
            if self.progress is not None:
                self.progress.setValue(self.next_draw)
        if self.next_draw == len(self.sequence):
            self.stop()
        else:
            self._request()

    def _failed(self, exc: BaseException) -> None:
        if self.done:
            return
        self.stop(aborted=True, message=user_message(exc))

    def stop(self, aborted: bool = False, message: str = "") -> None:
        if self.done:
            return
        self.done = True
        for op in self.ops.values():
            op.cancel()
        self.ops.clear()
        self.results.clear()
        if aborted:
            self.printer.abort()
        self.painter.end()
        if self.progress is not None:
            self.progress.close()
        if message:
            self.job.failed.emit(message)
        else:
            self.job.finished.emit(self.next_draw)


class _Preview(QObject):
    """Pages for QPrintPreviewDialog, whose paint handler must draw at once: it draws the pages
    rendered so far (at :data:`PREVIEW_DPI`, less for long documents) and a note on the others,
    asks the workers for those, and refreshes the dialog's preview widget as they arrive."""

    def __init__(self, job: PrintJob, dialog: QPrintPreviewDialog):
        super().__init__(dialog)
        self.job, self.dialog = job, dialog
        self.images: dict[int, QImage] = {}
        self.pending: dict[int, object] = {}
        self.error = ""
        area = sum(w * h for w, h in job.sizes) or 1.0
        budget_scale = (PREVIEW_BUDGET / (3 * area)) ** 0.5  # RGB: 3 bytes per pixel
        self.scale = min(PREVIEW_DPI / 72.0, budget_scale)

    def paint(self, printer: QPrinter) -> None:
        pages = self.job.sheets(printer)
        painter = QPainter()
        if not pages or not painter.begin(printer):
            return
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        target = QSizeF(area.width(), area.height())
        try:
            for index, page in enumerate(pages):
                if index > 0:
                    printer.newPage()
                image = self.images.get(page)
                if image is not None:
                    draw_image(painter, image, target)
                    continue
                note = self.error or f"Preparing page {page + 1}…"
                painter.drawText(QRectF(0, 0, target.width(), target.height()),
                                 Qt.AlignmentFlag.AlignCenter, note)
                self._want(page)
        finally:
            painter.end()

    def _want(self, page: int) -> None:
        if page in self.pending or self.error or len(self.pending) >= AHEAD:
            return
        self.pending[page] = self.job.jobs.run(
            pdf_jobs.render_page, (self.job.path, self.job.password, page, self.scale),
            parent=self, timeout=PAGE_TIMEOUT,
        ).on_result(lambda result, page=page: self._arrived(page, result)) \
            .on_error(self._failed)

    def _arrived(self, page: int, result: tuple) -> None:
        self.pending.pop(page, None)
        width, height, stride, samples = result
        self.images[page] = QImage(samples, width, height, stride,
                                   QImage.Format.Format_RGB888).copy()
        self._refresh()  # paints again: the next missing pages are asked for

    def _failed(self, exc: BaseException) -> None:
        self.pending.clear()
        self.error = f"This page could not be prepared: {user_message(exc)}"
        self._refresh()

    def _refresh(self) -> None:
        widget = self.dialog.findChild(QPrintPreviewWidget)
        if widget is not None:
            widget.updatePreview()


def load_print_job(
    jobs: JobRunner,
    document_path: str | Path,
    ready: Callable[[PrintJob], None],
    *,
    password: str | None = None,
    current_page: int = 0,
    selection: Sequence[tuple[int, int]] | None = None,
    title: str = "",
    parent: QWidget | None = None,
) -> None:
    """Read the page sizes in a worker, then call ``ready(job)`` on the GUI thread; a document
    that cannot be read is reported to the user ("Cannot print")."""

    def loaded(info) -> None:
        ready(PrintJob(jobs, document_path, info.sizes, password=password,
                       current_page=current_page, selection=selection, title=title,
                       parent=parent))

    def refused(exc: BaseException) -> None:
        QMessageBox.warning(parent, "Cannot print", user_message(exc))

    jobs.run(pdf_jobs.document_info, (str(document_path), password), parent=parent) \
        .on_result(loaded).on_error(refused)


def print_document(
    parent: QWidget | None,
    service: JobRunner,
    document_path: str | Path,
    page_ranges: Sequence[tuple[int, int]] | None = None,
    *,
    current_page: int = 0,
    password: str | None = None,
    title: str = "",
    preview: bool = False,
    printer: QPrinter | None = None,
    done: Callable[[int], None] | None = None,
) -> None:
    """Print *document_path* through the system print dialog (or a print preview with
    *preview*).  *page_ranges* (0-based inclusive) are offered and preselected as "Selection"
    — pass the current section's pages or the ticked sections'.  The dialog opens once the
    page sizes are known; *done(sheets)* is called after printing.  Errors are shown to the
    user, never raised.
    """

    def ready(job: PrintJob) -> None:
        target = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        job.configure(target)
        if preview:
            _show_preview(parent, job, target)
        else:
            _print_with_dialog(parent, job, target, done)

    load_print_job(service, document_path, ready, password=password, current_page=current_page,
                   selection=page_ranges, title=title, parent=parent)


def _show_preview(parent: QWidget | None, job: PrintJob, printer: QPrinter) -> None:
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"Print preview — {job.title}")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    job.setParent(dialog)
    pages = _Preview(job, dialog)
    dialog.paintRequested.connect(pages.paint)
    dialog.resize(900, 1000)
    dialog.open()


def _print_with_dialog(parent: QWidget | None, job: PrintJob, printer: QPrinter,
                       done: Callable[[int], None] | None) -> None:
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(f"Print — {job.title}")
    options = (
        QAbstractPrintDialog.PrintDialogOption.PrintPageRange
        | QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage
        | QAbstractPrintDialog.PrintDialogOption.PrintToFile
        | QAbstractPrintDialog.PrintDialogOption.PrintShowPageSize
        | QAbstractPrintDialog.PrintDialogOption.PrintCollateCopies
    )
    if job.selection:
        options |= QAbstractPrintDialog.PrintDialogOption.PrintSelection
    dialog.setOptions(options)
    dialog.setMinMax(1, job.page_count)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    if not accepted:
        job.deleteLater()
        return
    progress = QProgressDialog("Preparing pages for the printer…", "Cancel", 0, 1, parent)
    progress.setWindowTitle("Printing")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)

    def finished(sheets: int) -> None:
        job.deleteLater()
        if done is not None:
            done(sheets)

    def failed(message: str) -> None:
        job.deleteLater()
        QMessageBox.warning(parent, "Printing stopped", message)

    job.finished.connect(finished)
    job.failed.connect(failed)
    job._printer = printer  # kept alive while pages arrive
    job.start(printer, progress)


def export_pdf(
    parent: QWidget | None,
    service: JobRunner,
    document_path: str | Path,
    page_ranges: Sequence[tuple[int, int]] | None = None,
    *,
    password: str | None = None,
    title: str = "",
    out_file: str | Path | None = None,
    on_done=None,
) -> None:
    """Save pages of a document as a new PDF (real PDF pages: text, links and outline kept).

    *page_ranges* are 0-based inclusive (None: the whole document).  Asks for the file name
    unless *out_file* is given; the copy is made in a worker process, then *on_done(message)* is
    called with a sentence for the status bar.  Errors are shown in a message box.
    """
    from PySide6.QtWidgets import QFileDialog

    if out_file is None:
        suggested = str(Path.home() / f"{Path(document_path).stem}-pages.pdf")
        chosen, _ = QFileDialog.getSaveFileName(parent, "Export as PDF", suggested, "PDF (*.pdf)")
        if not chosen:
            return
        out_file = chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf"
    ranges = [tuple(r) for r in page_ranges] if page_ranges else None

    def done(count: int) -> None:
        if on_done is not None:
            on_done(f"Saved {count} page{'s' if count != 1 else ''} to {Path(out_file).name}")

    def failed(exc: BaseException) -> None:
        QMessageBox.warning(parent, "Not exported",
                            f"The PDF could not be saved: {user_message(exc)}")

    service.run(
        pdf_jobs.export_to_file, (str(document_path), ranges, str(out_file), password, title),
        parent=parent,
    ).on_result(done).on_error(failed)
