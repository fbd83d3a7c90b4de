"""Printing documents: the system print dialog or a print preview, pages rendered by PyMuPDF.

Each page is rendered in a worker process (``jobs.render_page``) at the printer's resolution
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

Nothing here waits for a worker on the GUI thread: the page sizes arrive before a dialog opens
(:func:`load_print_job`); printing keeps the painter open and draws each page as its render
arrives (two ahead), with a progress dialog that can cancel; the preview draws the pages it has
and a note for the others, and refreshes as renders arrive.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPainter, QShortcut
from PySide6.QtPrintSupport import (
    QAbstractPrintDialog,
    QPrintDialog,
    QPrinter,
    QPrintPreviewWidget,
)
from PySide6.QtWidgets import (
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
from brochure_reader.ui.jobs import JobOp, JobRunner, user_message

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
        #: the QPrinter of :func:`print_document`, kept alive while pages arrive
        self.printer: QPrinter | None = None

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
        self.ops: dict[int, JobOp] = {}
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
            self.job.failed.emit(translate("Printing", "The printer could not be started."))
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
    """Pages for the preview widget, whose paint handler must draw at once: it draws the pages
    rendered so far (at :data:`PREVIEW_DPI`, less for long documents) and a note on the others,
    asks the workers for those, and refreshes the widget as they arrive."""

    def __init__(self, job: PrintJob, view: QPrintPreviewWidget):
        super().__init__(view)
        self.job, self.view = job, view
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
                note = self.error or translate("Printing", "Preparing page {number}…").format(
                    number=page + 1)
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
        ).on_result(partial(self._arrived, page)) \
            .on_error(self._failed)

    def _arrived(self, page: int, result: tuple) -> None:
        self.pending.pop(page, None)
        width, height, stride, samples = result
        self.images[page] = QImage(samples, width, height, stride,
                                   QImage.Format.Format_RGB888).copy()
        self._refresh()  # paints again: the next missing pages are asked for

    def _failed(self, exc: BaseException) -> None:
        self.pending.clear()
        self.error = translate("Printing", "This page could not be prepared: {reason}").format(
            reason=user_message(exc))
        self._refresh()

    def _refresh(self) -> None:
        self.view.updatePreview()


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
        QMessageBox.warning(parent, translate("Printing", "Cannot print"), user_message(exc))

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
    """Print *document_path* through the system print dialog (or open a print preview of every
    page with *preview*, whose Print button comes back here).  *page_ranges* (0-based inclusive)
    are offered and preselected as "Selection" — pass the current section's pages or the ticked
    sections'.  The dialog opens once the page sizes are known; *done(sheets)* is called after
    printing.  Errors are shown to the user, never raised.
    """

    def ready(job: PrintJob) -> None:
        target = printer
        if target is None:
            target = QPrinter(QPrinter.PrinterMode.HighResolution)
            set_default_paper(target)
        job.configure(target)
        if preview:
            show_print_preview(parent, job, lambda: print_document(
                parent, service, document_path, page_ranges, current_page=current_page,
                password=password, title=title, done=done))
        else:
            _print_with_dialog(parent, job, target, done)

    load_print_job(service, document_path, ready, password=password, current_page=current_page,
                   selection=page_ranges, title=title, parent=parent)


def _print_with_dialog(parent: QWidget | None, job: PrintJob, printer: QPrinter,
                       done: Callable[[int], None] | None) -> None:
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
    if not accepted:
        job.deleteLater()
        return
    progress = QProgressDialog(translate("Printing", "Preparing pages for the printer…"),
                               translate("Printing", "Cancel"), 0, 1, parent)
    progress.setWindowTitle(translate("Printing", "Printing"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)

    def finished(sheets: int) -> None:
        job.deleteLater()
        if done is not None:
            done(sheets)

    def failed(message: str) -> None:
        job.deleteLater()
        QMessageBox.warning(parent, translate("Printing", "Printing stopped"), message)

    job.finished.connect(finished)
    job.failed.connect(failed)
    job.printer = printer  # kept alive while pages arrive
    job.start(printer, progress)


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
                                reason=user_message(exc)))

    service.run(
        pdf_jobs.export_to_file, (str(document_path), ranges, str(out_file), password, title),
        parent=parent,
    ).on_result(done).on_error(failed)


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
        self.section = tuple((first, last) for first, last in section)
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
        job.setParent(self)
        self.pages = _Preview(job, self.view)
        self.view.paintRequested.connect(self.pages.paint)
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
