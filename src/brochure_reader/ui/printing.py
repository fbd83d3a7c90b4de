"""Printing documents: the system print dialog or a print preview, pages rendered by PyMuPDF.

Each page is rendered in a worker process (``render:render_page``) at the printer's resolution
(capped at :data:`MAX_PRINT_DPI` to bound memory), then drawn centred and scaled to fit the
printable area of the printer's paper in the chosen orientation (A4, Letter…).  What is printed
follows the dialog's choice: all pages, the current page, a page range, or the "selection" — the
pages of the current section or of the sections ticked in the library tree, given by the caller.

Entry points for the main window: :func:`print_document` and :func:`export_pdf`.
:class:`PrintJob` does the work and is what the tests drive with a QPrinter writing a PDF.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import (
    QAbstractPrintDialog,
    QPrintDialog,
    QPrinter,
    QPrintPreviewDialog,
)
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog, QWidget

from brochure_reader.pdf import jobs as pdf_jobs
from brochure_reader.ui.worker_bridge import DocumentService

#: Highest resolution pages are rendered at (dots per inch); 300 dpi is print quality for text
#: and keeps an A4 page near 26 MB in memory.
MAX_PRINT_DPI = 300
#: Seconds to wait for one page from the worker before giving up.
PAGE_TIMEOUT = 120


class PrintError(Exception):
    """Printing could not finish; the message is a sentence for the user."""


class PrintJob:
    """Prints pages of one document to a QPrinter.

    *selection* are 0-based inclusive ``(first, last)`` page ranges offered as the dialog's
    "Selection" (the current section or ticked sections); *current_page* is 0-based.
    """

    def __init__(
        self,
        service: DocumentService,
        path: str | Path,
        *,
        password: str | None = None,
        current_page: int = 0,
        selection: Sequence[tuple[int, int]] | None = None,
        title: str = "",
    ):
        self.service = service
        self.path = str(path)
        self.password = password
        self.current_page = current_page
        self.selection = list(selection or [])
        self.title = title or Path(path).stem
        info = self._wait(service.pool.submit(pdf_jobs.document_info, self.path, password))
        self.sizes: list[tuple[float, float]] = list(info.sizes)

    @property
    def page_count(self) -> int:
        return len(self.sizes)

    @staticmethod
    def _wait(future):
        try:
            return future.result(timeout=PAGE_TIMEOUT)
        except TimeoutError:
            future.cancel()
            raise PrintError("The document took too long to prepare for printing.") from None
        except Exception as exc:  # DocumentError, WorkerCrashed: messages for people
            raise PrintError(str(exc) or type(exc).__name__) from exc

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

    # --- painting --------------------------------------------------------------------------

    def _render(self, page: int, target: QSizeF, dpi: float):
        """Submit the render of *page* so it fills *target* (device pixels) at most *dpi*."""
        width, height = self.sizes[page]
        fit = min(target.width() / width, target.height() / height)  # printer dots per point
        scale = fit * min(1.0, MAX_PRINT_DPI / max(dpi, 1.0))  # one pixel per dot, ≤ 300 dpi
        return self.service.pool.submit(
            pdf_jobs.render_page, self.path, self.password, page, scale
        )

    def paint(self, printer: QPrinter, progress: QProgressDialog | None = None) -> int:
        """Print the chosen pages (and copies, when the printer does not make them itself).

        Returns the number of sheets sent.  Raises PrintError.
        """
        pages = self.pages(printer)
        copies = 1 if printer.supportsMultipleCopies() else max(printer.copyCount(), 1)
        sequence = [p for _ in range(copies) for p in pages]
        if not sequence:
            return 0
        dpi = float(printer.resolution())
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError("The printer could not be started.")
        try:
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            target = QSizeF(area.width(), area.height())
            pending = self._render(sequence[0], target, dpi)
            for index in range(len(sequence)):
                result = self._wait(pending)
                if index + 1 < len(sequence):  # render the next page while this one prints
                    pending = self._render(sequence[index + 1], target, dpi)
                if index > 0:
                    printer.newPage()
                self._draw(painter, result, target)
                if progress is not None:
                    progress.setValue(index + 1)
                    if progress.wasCanceled():
                        printer.abort()
                        break
        finally:
            painter.end()
        return len(sequence)

    @staticmethod
    def _draw(painter: QPainter, result: tuple[int, int, int, bytes], target: QSizeF) -> None:
        width, height, stride, samples = result
        image = QImage(samples, width, height, stride, QImage.Format.Format_RGB888)
        fit = min(target.width() / width, target.height() / height)
        w, h = width * fit, height * fit
        rect = QRectF((target.width() - w) / 2, (target.height() - h) / 2, w, h)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawImage(rect, image)

    def paint_with_progress(self, printer: QPrinter, parent: QWidget | None) -> int:
        count = len(self.pages(printer))
        progress = QProgressDialog("Preparing pages for the printer…", "Cancel", 0, count, parent)
        progress.setWindowTitle("Printing")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        try:
            return self.paint(printer, progress)
        finally:
            progress.close()


def print_document(
    parent: QWidget | None,
    service: DocumentService,
    document_path: str | Path,
    page_ranges: Sequence[tuple[int, int]] | None = None,
    *,
    current_page: int = 0,
    password: str | None = None,
    title: str = "",
    preview: bool = False,
    printer: QPrinter | None = None,
) -> bool:
    """Print *document_path* through the system print dialog (or a print preview with
    *preview*).  *page_ranges* (0-based inclusive) are offered and preselected as "Selection"
    — pass the current section's pages or the ticked sections'.  Returns True when something was
    printed.  Errors are shown to the user, never raised.
    """
    try:
        job = PrintJob(
            service, document_path, password=password, current_page=current_page,
            selection=page_ranges, title=title,
        )
    except PrintError as exc:
        QMessageBox.warning(parent, "Cannot print", str(exc))
        return False
    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    job.configure(printer)
    printed = False

    def run(target: QPrinter) -> None:
        nonlocal printed
        try:
            printed = job.paint_with_progress(target, parent) > 0 or printed
        except PrintError as exc:
            QMessageBox.warning(parent, "Printing stopped", str(exc))

    if preview:
        dialog = QPrintPreviewDialog(printer, parent)
        dialog.setWindowTitle(f"Print preview — {job.title}")
        dialog.paintRequested.connect(lambda target: _paint_quietly(job, target, parent))
        dialog.resize(900, 1000)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return accepted
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
    if accepted:
        QApplication.processEvents()  # let the dialog disappear before the pages are prepared
        run(printer)
    return printed


def export_pdf(
    parent: QWidget | None,
    service: DocumentService,
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
        QMessageBox.warning(parent, "Not exported", f"The PDF could not be saved: {exc}")

    service.call(
        pdf_jobs.export_to_file, (str(document_path), ranges, str(out_file), password, title),
        done, failed,
    )


def _paint_quietly(job: PrintJob, printer: QPrinter, parent: QWidget | None) -> None:
    """Preview painting: errors are shown once, never raised into Qt's paint handler."""
    try:
        job.paint(printer)
    except PrintError as exc:
        QMessageBox.warning(parent, "Print preview", str(exc))
