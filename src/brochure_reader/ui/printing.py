"""Printing documents: the system print dialog or a print preview, pages rendered by PyMuPDF.

Each page is rendered in a worker process (``render:render_page``) at the printer's resolution
(capped at :data:`MAX_PRINT_DPI` to bound memory), then drawn centred and scaled to fit the
printable area of the printer's paper in the chosen orientation (A4, Letter…).  What is printed
follows the dialog's choice: all pages, the current page, a page range, or the "selection" — the
pages of the current section or of the sections ticked in the library tree, given by the caller.

Entry points for the main window: :func:`print_document`, :func:`show_print_preview` and
:func:`export_pdf`.  :class:`PrintJob` does the work and is what the tests drive with a QPrinter
writing a PDF.  Printing and exporting offer the same choices — all pages, the current page, a
range, the current section — through one :class:`~brochure_reader.handouts.ranges.PageChoice`
(the print dialog's range is read into one; :class:`PageChoiceDialog` asks for one on export).
The print preview shows every page and its Print button opens the same print dialog as Ctrl+P.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QKeySequence, QPainter, QShortcut
from PySide6.QtPrintSupport import (
    QAbstractPrintDialog,
    QPrintDialog,
    QPrinter,
    QPrintPreviewWidget,
)
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from brochure_reader.handouts.ranges import (
    ALL_PAGES,
    CURRENT_PAGE,
    PAGE_RANGE,
    SECTION_PAGES,
    PageChoice,
    format_page_ranges,
)
from brochure_reader.pdf import jobs as pdf_jobs
from brochure_reader.ui.geometry import fit_to_screen
from brochure_reader.ui.i18n import translate
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
            raise PrintError(translate("Printing",
                                       "The document took too long to prepare for printing.")
                             ) from None
        except Exception as exc:  # DocumentError, WorkerCrashed: messages for people
            raise PrintError(str(exc) or type(exc).__name__) from exc

    # --- what to print ---------------------------------------------------------------------

    def configure(self, printer: QPrinter) -> None:
        """Name the job and preset the range: the selection when there is one, else all pages."""
        printer.setDocName(self.title)
        printer.setFromTo(1, self.page_count)
        if self.selection:
            printer.setPrintRange(QPrinter.PrintRange.Selection)

    def choice(self, printer: QPrinter) -> PageChoice:
        """The printer's print range as a :class:`PageChoice`."""
        mode = printer.printRange()
        if mode == QPrinter.PrintRange.CurrentPage:
            return PageChoice(CURRENT_PAGE, current=self.current_page)
        if mode == QPrinter.PrintRange.Selection and self.selection:
            return PageChoice(SECTION_PAGES, section=tuple(self.selection))
        if mode == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first = max(printer.fromPage(), 1) - 1
            return PageChoice(PAGE_RANGE, first=first, last=max(printer.toPage(), 1) - 1)
        return PageChoice(ALL_PAGES)

    def pages(self, printer: QPrinter) -> list[int]:
        """0-based pages for the printer's print range (clamped to the document)."""
        return self.choice(printer).pages(self.page_count)

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
            raise PrintError(translate("Printing", "The printer could not be started."))
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
        progress = QProgressDialog(translate("Printing", "Preparing pages for the printer…"),
                                   translate("Printing", "Cancel"), 0, count, parent)
        progress.setWindowTitle(translate("Printing", "Printing"))
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
    """Print *document_path* through the system print dialog (or open a print preview of every
    page with *preview*, whose Print button comes back here).  *page_ranges* (0-based inclusive)
    are offered and preselected as "Selection" — pass the current section's pages or the ticked
    sections'.  Returns True when something was printed.  Errors are shown to the user, never
    raised.
    """
    try:
        job = PrintJob(
            service, document_path, password=password, current_page=current_page,
            selection=page_ranges, title=title,
        )
    except PrintError as exc:
        QMessageBox.warning(parent, translate("Printing", "Cannot print"), str(exc))
        return False
    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        set_default_paper(printer)
    job.configure(printer)
    printed = False

    def run(target: QPrinter) -> None:
        nonlocal printed
        try:
            printed = job.paint_with_progress(target, parent) > 0 or printed
        except PrintError as exc:
            QMessageBox.warning(parent, translate("Printing", "Printing stopped"), str(exc))

    if preview:
        show_print_preview(parent, job, lambda: print_document(
            parent, service, document_path, page_ranges, current_page=current_page,
            password=password, title=title))
        return False
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("Printing", "Print — {title}").format(title=job.title))
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


class _Texts(QObject):
    """Plurals of the module's functions (lupdate reads a plural only from a ``tr()`` call)."""

    def saved_pages(self, count: int, name: str) -> str:
        return self.tr("Saved %n page(s) to {name}", "", count).format(name=name)


def set_default_paper(printer: QPrinter) -> None:
    """A4, or US Letter in North America (the interface locale's territory,
    :attr:`brochure_reader.i18n.Locale.paper`) when no system printer says otherwise (none
    installed, or printing to a PDF file); a real printer keeps its own default paper."""
    from PySide6.QtGui import QPageSize

    from brochure_reader.i18n import current

    if printer.printerName():
        return
    size = QPageSize.PageSizeId.Letter if current().paper == "Letter" else QPageSize.PageSizeId.A4
    printer.setPageSize(QPageSize(size))


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

    *page_ranges* are 0-based inclusive (None: the whole document; File > Export as PDF asks
    with :class:`PageChoiceDialog` first).  Asks for the file name unless *out_file* is given;
    the copy is made in a worker process, then *on_done(message)* is called with a sentence for
    the status bar.  Errors are shown in a message box.
    """
    from brochure_reader.ui import file_dialogs

    if out_file is None:
        suggested = f"{Path(document_path).stem}-pages.pdf"
        chosen, _ = file_dialogs.save_file(parent, translate("Printing", "Export as PDF"),
                                           suggested, "PDF (*.pdf)")
        if not chosen:
            return
        out_file = chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf"
    ranges = [tuple(r) for r in page_ranges] if page_ranges else None

    def done(count: int) -> None:
        if on_done is not None:
            on_done(_Texts().saved_pages(count, Path(out_file).name))

    def failed(exc: BaseException) -> None:
        QMessageBox.warning(parent, translate("Printing", "Not exported"),
                            translate("Printing", "The PDF could not be saved: {reason}").format(
                                reason=exc))

    service.call(
        pdf_jobs.export_to_file, (str(document_path), ranges, str(out_file), password, title),
        done, failed,
    )


class PageChoiceDialog(QDialog):
    """Which pages to export: all, the current page, a range, or the current section — the
    choices of the print dialog.  :meth:`choice` gives the answer as a PageChoice."""

    def __init__(
        self,
        parent: QWidget | None,
        page_count: int,
        current_page: int = 0,
        section: Sequence[tuple[int, int]] = (),
        section_title: str = "",
        title: str = "",
    ):
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Export as PDF"))
        self.page_count = max(page_count, 1)
        self.current_page = min(max(current_page, 0), self.page_count - 1)
        self.section = tuple(tuple(r) for r in section)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Which pages do you want to save?"), self))
        grid = QGridLayout()
        self.all_pages = QRadioButton(
            self.tr("&All pages (1–{last})").format(last=self.page_count), self)
        self.current = QRadioButton(
            self.tr("&Current page (page {number})").format(number=self.current_page + 1), self)
        self.range = QRadioButton(self.tr("Pa&ges from"), self)
        self.first = QSpinBox(self)
        self.last = QSpinBox(self)
        for box, name, value in ((self.first, self.tr("First page"), self.current_page + 1),
                                 (self.last, self.tr("Last page"), self.page_count)):
            box.setRange(1, self.page_count)
            box.setValue(value)
            box.setAccessibleName(name)
            box.valueChanged.connect(lambda _v: self.range.setChecked(True))
        to = QLabel(self.tr("&to"), self)
        to.setBuddy(self.last)
        pages = format_page_ranges(self.section)
        self.this_section = QRadioButton(
            self.tr("This &section: {title} (pages {pages})").format(
                title=section_title, pages=pages) if section_title
            else self.tr("This &section (pages {pages})").format(pages=pages), self)
        self.this_section.setVisible(bool(self.section))
        self.group = QButtonGroup(self)
        for button in (self.all_pages, self.current, self.range, self.this_section):
            self.group.addButton(button)
        grid.addWidget(self.all_pages, 0, 0, 1, 4)
        grid.addWidget(self.current, 1, 0, 1, 4)
        grid.addWidget(self.range, 2, 0)
        grid.addWidget(self.first, 2, 1)
        grid.addWidget(to, 2, 2)
        grid.addWidget(self.last, 2, 3)
        grid.addWidget(self.this_section, 3, 0, 1, 4)
        layout.addLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Choose &file…"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.this_section if self.section else self.all_pages).setChecked(True)
        for a, b in ((self.all_pages, self.current), (self.current, self.range),
                     (self.range, self.first), (self.first, self.last),
                     (self.last, self.this_section), (self.this_section, buttons)):
            QWidget.setTabOrder(a, b)

    def _check(self) -> None:
        if self.range.isChecked() and self.last.value() < self.first.value():
            QMessageBox.information(self, self.windowTitle(),
                                    self.tr("The last page comes before the first one."))
            self.last.setFocus()
            return
        self.accept()

    def choice(self) -> PageChoice:
        if self.current.isChecked():
            return PageChoice(CURRENT_PAGE, current=self.current_page)
        if self.range.isChecked():
            return PageChoice(PAGE_RANGE, first=self.first.value() - 1,
                              last=self.last.value() - 1)
        if self.this_section.isChecked() and self.section:
            return PageChoice(SECTION_PAGES, section=self.section)
        return PageChoice(ALL_PAGES)


class PrintPreview(QDialog):
    """Every page as it will print, with page keys (Page Up/Down), zoom, and a Print button
    that opens the print dialog (all pages, current page, range, section).  Sized to fit the
    screen."""

    #: dots per inch of the preview's pages (screen quality; printing renders anew)
    RESOLUTION = 110

    def __init__(self, job: PrintJob, parent: QWidget | None = None, on_print=None):
        super().__init__(parent)
        self.job, self._on_print = job, on_print
        self.setWindowTitle(self.tr("Print preview — {title}").format(title=job.title))
        self.printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        self.printer.setResolution(self.RESOLUTION)
        job.configure(self.printer)
        self.printer.setPrintRange(QPrinter.PrintRange.AllPages)  # the preview shows them all
        self.view = QPrintPreviewWidget(self.printer, self)
        self.view.setAccessibleName(self.tr("Pages as they will print"))
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.paintRequested.connect(lambda target: _paint_quietly(job, target, self))
        self.view.previewChanged.connect(self._show_page)

        bar = QHBoxLayout()
        self.previous_button = QPushButton(self.tr("&Previous page"), self)
        self.next_button = QPushButton(self.tr("&Next page"), self)
        self.page_label = QLabel(self)
        self.zoom_out_button = QPushButton(self.tr("Zoom &out"), self)
        self.zoom_in_button = QPushButton(self.tr("Zoom &in"), self)
        self.fit_button = QPushButton(self.tr("&Whole page"), self)
        self.all_button = QPushButton(self.tr("&All pages at once"), self)
        self.all_button.setCheckable(True)
        self.print_button = QPushButton(self.tr("P&rint…"), self)
        self.print_button.setDefault(True)
        close = QPushButton(self.tr("Close"), self)
        for widget in (self.previous_button, self.page_label, self.next_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.zoom_out_button, self.zoom_in_button, self.fit_button,
                       self.all_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        self.previous_button.clicked.connect(lambda: self.go(-1))
        self.next_button.clicked.connect(lambda: self.go(+1))
        self.zoom_in_button.clicked.connect(self.view.zoomIn)
        self.zoom_out_button.clicked.connect(self.view.zoomOut)
        self.fit_button.clicked.connect(self.view.fitInView)
        mode = QPrintPreviewWidget.ViewMode
        self.all_button.toggled.connect(lambda on: self.view.setViewMode(
            mode.AllPagesView if on else mode.SinglePageView))
        self.print_button.clicked.connect(self._print)
        close.clicked.connect(self.reject)
        for key, step in ((QKeySequence.StandardKey.MoveToNextPage, +1),
                          (QKeySequence.StandardKey.MoveToPreviousPage, -1)):
            QShortcut(QKeySequence(key), self, lambda step=step: self.go(step))
        self.view.setFocus()  # Page Up/Down, arrows and the wheel work at once
        fit_to_screen(self, 900, 1000)

    def page_count(self) -> int:
        return self.view.pageCount()

    def go(self, step: int) -> None:
        """Show the page *step* pages on (negative: back)."""
        self.view.setCurrentPage(min(max(self.view.currentPage() + step, 1), self.page_count()))
        self._show_page()

    def _show_page(self) -> None:
        current, total = self.view.currentPage(), self.page_count()
        self.page_label.setText(self.tr("Page {number} of {total}").format(
            number=current, total=total))
        self.previous_button.setEnabled(current > 1)
        self.next_button.setEnabled(current < total)

    def _print(self) -> None:
        if self._on_print is not None:
            self.accept()
            self._on_print()


def show_print_preview(
    parent: QWidget | None, job: PrintJob, on_print=None
) -> PrintPreview:
    """Open the print preview of *job* (window-modal, deleted when closed) and return it;
    *on_print()* runs when its Print button is pressed (the preview closes first)."""
    dialog = PrintPreview(job, parent, on_print)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def _paint_quietly(job: PrintJob, printer: QPrinter, parent: QWidget | None) -> None:
    """Preview painting: errors are shown once, never raised into Qt's paint handler."""
    try:
        job.paint(printer)
    except PrintError as exc:
        QMessageBox.warning(parent, translate("Printing", "Print preview"), str(exc))
