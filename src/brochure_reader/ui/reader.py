"""Opening library documents in the page view: passwords, errors, saved positions, sections."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from brochure_reader.library import Document, Library, Section, build_sections
from brochure_reader.library.sections import find_section, section_at
from brochure_reader.pdf import jobs as pdf_jobs
from brochure_reader.pdf.errors import DocumentError, PasswordRequired
from brochure_reader.settings import Settings
from brochure_reader.ui.jobs import JobRunner, log_error, user_message
from brochure_reader.ui.page_layout import GAP
from brochure_reader.ui.page_view import OpenDocument, PageView

#: Suffixes of reflowable e-book formats (laid out at the view's size, shown at 100 %).
REFLOWABLE_SUFFIXES = (".epub", ".fb2", ".mobi")
#: Logical pixels per point for e-books: 100 % on a 96 dpi screen.
REFLOW_SCALE = 96 / 72


def is_reflowable(path) -> bool:
    return str(path).lower().endswith(REFLOWABLE_SUFFIXES)


class ReaderController(QObject):
    """Owns "which document is open" and the outline of every document."""

    #: a document is now shown (doc id)
    document_opened = Signal(str)
    #: sections of a document are known (doc id, list of Section)
    sections_ready = Signal(str, list)
    #: the section the reader is in changed (doc id, ref or "")
    section_changed = Signal(str, str)
    message = Signal(str)
    #: a protected document was opened with a password typed this session (doc id); the
    #: password is in :meth:`passwords` until the app quits, never saved
    unlocked = Signal(str)
    #: the reader was taken to (page 0-based, y points): opening, a heading, a bookmark
    jumped = Signal(int, float)

    def __init__(
        self,
        library: Library,
        service: JobRunner,
        view: PageView,
        settings: Settings,
        window: QWidget,
    ):
        super().__init__(window)
        self.library, self.service, self.view = library, service, view
        self.settings, self.window = settings, window
        self.current: Document | None = None
        self.sections: dict[str, list[Section]] = {}
        self.infos: dict[str, object] = {}
        self._passwords: dict[str, str] = {}  # in memory only, never saved
        self._section_ref: str | None = ""
        self._section: Section | None = None
        self._pending_slug = ""
        self._pending_terms: tuple[str, int, list[str]] | None = None
        view.position_changed.connect(self._moved)
        self._relayout_timer = QTimer(self, singleShot=True, interval=400)
        self._relayout_timer.timeout.connect(self._view_resized)
        view.resized.connect(self._relayout_timer.start)

    def passwords(self) -> dict[str, str]:
        """Passwords that opened documents this session (doc id -> password; memory only)."""
        return dict(self._passwords)

    # --- outlines of the whole library -----------------------------------------------------

    def load_outlines(self) -> None:
        """Ask the workers for every document's outline (results arrive one by one)."""
        for doc in self.library.documents():
            self.service.run(
                pdf_jobs.document_info, (str(doc.path), None), lane="background"
            ).on_result(partial(self._got_info, doc)).on_error(
                log_error  # encrypted or broken: reported when it is opened
            )

    def _got_info(self, doc: Document, info) -> None:
        self.infos[doc.id] = info
        sections = build_sections(doc.id, info.outline, info.outline_inferred)
        self.sections[doc.id] = sections
        self.sections_ready.emit(doc.id, sections)

    # --- opening ---------------------------------------------------------------------------

    def open(self, doc_id: str, page: int = -1, y: float = 0.0) -> None:
        """Show *doc_id* at (page 0-based, y points); page -1 = where the reader left it."""
        try:
            doc = self.library.get(doc_id)
        except Exception as exc:
            self.message.emit(str(exc))
            return
        if self.current is not None and self.current.id == doc.id and self.view.document:
            self._go(doc, page, y)
            return
        password = self._passwords.get(doc.id)
        layout = self._reflow_layout() if is_reflowable(doc.path) else None
        self.message.emit(self.tr("Opening {title}…").format(title=doc.title))
        self.service.run(pdf_jobs.document_info, (str(doc.path), password, layout)).on_result(
            lambda info: self._opened(doc, password, info, page, y, layout)
        ).on_error(lambda exc: self._open_failed(doc, exc, page, y))

    # --- e-books: laid out at the size of the view ----------------------------------------------

    def _reflow_layout(self) -> tuple[float, float, float]:
        """(width, height, font size) in points so one e-book page fills the view at 100 %."""
        scale = REFLOW_SCALE
        # A hidden view (the home page is showing) has a stale size: use its container's.
        container = self.view.parentWidget()
        visible = self.view.isVisible() or container is None
        area = self.view.viewport().size() if visible or container is None else container.size()
        width = (area.width() - 2 * GAP) / scale
        height = (area.height() - 2 * GAP) / scale
        return (round(min(max(width, 280.0), 700.0)), round(min(max(height, 360.0), 1000.0)), 12.0)

    def _view_resized(self) -> None:
        document = self.view.document
        if self.current is None or document is None or document.layout is None:
            return
        layout = self._reflow_layout()
        if abs(layout[0] - document.layout[0]) < 0.1 * document.layout[0]:
            return
        doc, password = self.current, document.password
        page, _y = self.view.position()
        fraction = page / max(1, self.view.page_count)

        def relaid(info) -> None:
            if self.current is doc:
                self._opened(doc, password, info, round(fraction * info.page_count), 0.0, layout)

        self.service.run(pdf_jobs.document_info, (str(doc.path), password, layout)).on_result(
            relaid
        ).on_error(lambda exc: self.message.emit(user_message(exc)))

    def show_hits(self, doc_id: str, page: int, terms: list[str]) -> None:
        """Open *doc_id* at *page* (0-based), highlight every occurrence of *terms* on that page
        (rectangles from ``search.extract.hit_rects`` in a worker) and scroll to the first one."""
        self._pending_terms = (doc_id, page, [t for t in terms if t.strip()])
        if self.current is not None and self.current.id == doc_id and self.view.document:
            self._apply_hits()
        else:
            self.open(doc_id, page, 0.0)

    def _apply_hits(self) -> None:
        pending, self._pending_terms = self._pending_terms, None
        if not pending or self.current is None or pending[0] != self.current.id:
            return
        _doc_id, page, terms = pending
        document = self.view.document
        if not terms or document is None:
            self.view.go_to(page, 0.0)
            return

        def show(rects, token=document.token) -> None:
            if not (self.view.document and self.view.document.token == token):
                return  # the reader has moved on to another document
            self.view.set_highlights(page, rects)
            top = min((r[1] for r in rects), default=0.0)
            self.view.go_to(page, max(0.0, top - 60.0))
            count = len(rects)
            where = (self.tr("%n match(es) on this page", "", count) if rects
                     else self.tr("no exact match"))  # fmt: skip
            self.message.emit(self.tr("Page {number}: {where}").format(number=page + 1,
                                                                      where=where))

        # search/'s own matcher: whole words, ligatures, soft hyphens, line-end hyphens
        from brochure_reader.search.extract import hit_rects  # Stemmer: not at start-up

        self.service.run(
            hit_rects, (document.path, document.password, page, terms, document.layout)
        ).on_result(show).on_error(lambda _exc: show([]))  # no rectangles: "no exact match"

    def open_ref(self, ref: str) -> None:
        """Open ``DOC_ID#slug`` (the section is found once the outline is known)."""
        doc_id, _, slug = ref.partition("#")
        self._pending_slug = slug
        self.open(doc_id)

    def _opened(self, doc: Document, password, info, page: int, y: float, layout=None) -> None:
        self.save_position()
        from_saved = page < 0
        if from_saved:  # read before the new view's first scroll overwrites it
            saved = self.settings.position(doc.id) or {}
            page, y = int(saved.get("page", 0)), float(saved.get("y", 0.0))
        self.current = doc
        self._got_info(doc, info)
        if password:
            self.unlocked.emit(doc.id)
        self.view.set_document(
            OpenDocument(
                (str(doc.path), password or "", layout),
                str(doc.path),
                password,
                info.sizes,
                info.labels,
                layout if info.reflowable else None,
            )
        )
        if info.reflowable:
            self.view.set_scale(REFLOW_SCALE)
        slug = self._pending_slug
        self._pending_slug = ""
        if slug:
            section = find_section(self.sections.get(doc.id, []), slug)
            if section is not None and section.page is not None:
                page, y = section.page, section.y
        self._section_ref = None  # the first place is always reported: the tree follows the
        self._section = None  # document even where no section has begun yet (its title page)
        self.document_opened.emit(doc.id)
        self._go(doc, page, y, remember=False, pin=not from_saved)
        if self._pending_terms:
            self._apply_hits()
        notes = []
        if info.repaired:
            notes.append(self.tr("this file was damaged and has been repaired for reading"))
        if not info.has_text:
            notes.append(self.tr("this document has no searchable text"))
        self.message.emit(f"{doc.title}" + (f" — {'; '.join(notes)}" if notes else ""))

    def _go(
        self, doc: Document, page: int, y: float, remember: bool = True, pin: bool = True
    ) -> None:
        explicit = page >= 0 and pin
        if page < 0:
            saved = self.settings.position(doc.id) or {}
            page, y = int(saved.get("page", 0)), float(saved.get("y", 0.0))
        self.view.go_to(page, y, remember=remember)
        self._moved(*self.view.position())
        if explicit:  # a jump to a heading: that section is current, however short it is
            self._set_section(section_at(self.sections.get(doc.id, []), page, y + 1.0))
        self.jumped.emit(page, y)

    def _open_failed(self, doc: Document, exc: BaseException, page: int, y: float) -> None:
        if isinstance(exc, PasswordRequired):
            prompt = (
                (self.tr("That password is not right. Please try again.") + "\n\n"
                 if exc.wrong else "")
                + self.tr("“{title}” is protected by a password. Enter it to open the "
                          "document.\nThe password is not saved.").format(title=doc.title)
            )
            text, ok = QInputDialog.getText(
                self.window, self.tr("Password needed"), prompt, QLineEdit.EchoMode.Password
            )
            if ok and text:
                self._passwords[doc.id] = text
                self.open(doc.id, page, y)
            else:
                self._passwords.pop(doc.id, None)
            return
        message = str(exc) if isinstance(exc, DocumentError) else (
            self.tr("The reader could not read it ({reason}).").format(
                reason=exc or self.tr("no reason given")))
        QMessageBox.warning(
            self.window,
            self.tr("This file could not be opened"),
            self.tr("This file could not be opened.") + "\n\n" + message,
        )
        self.message.emit(self.tr("This file could not be opened"))

    # --- position tracking ------------------------------------------------------------------

    def _moved(self, page: int, y: float) -> None:
        if self.current is None:
            return
        self.settings.remember_position(self.current.id, page, y)
        if self.view.isHidden():
            return  # the text view is showing: it says which section the reader is in
        self._set_section(section_at(self.sections.get(self.current.id, []), *self._probe(page, y)))

    def show_section(self, section: Section | None) -> None:
        """Make *section* the current one (the tree highlights it): the text view's place."""
        self._set_section(section)

    def _set_section(self, section: Section | None) -> None:
        self._section = section
        ref = section.ref if section else ""
        if self.current is not None and ref != self._section_ref:
            self._section_ref = ref
            self.section_changed.emit(self.current.id, ref)

    def _probe(self, page: int, y: float) -> tuple[int, float]:
        """The point a quarter of the way down the view (at least 80 px), as (page, y points):
        the reader is "in" the section whose heading is above it, even across a page break."""
        layout = self.view.page_layout
        if not layout.sizes:
            return page, y
        pixels = max(80.0, self.view.viewport().height() / 4)
        probe_page, _x, probe_y = layout.to_page(0, layout.strip_y(page, y) + pixels)
        if probe_y > layout.sizes[probe_page][1] and probe_page + 1 < len(layout.sizes):
            return probe_page + 1, 0.0  # in the gap below a page: the next page's top
        return probe_page, probe_y

    def section_at(self, doc_id: str, page: int, y: float) -> Section | None:
        """The section of *doc_id* that contains (page 0-based, y points)."""
        return section_at(self.sections.get(doc_id, []), page, y + 1.0)

    def current_section(self) -> Section | None:
        """The section highlighted in the tree: the one jumped to, or the one in view."""
        return self._section if self.current is not None else None

    def save_position(self) -> None:
        if self.current is not None and self.view.document is not None:
            page, y = self.view.position()
            self.settings.remember_position(self.current.id, page, y)

    def close_document(self) -> None:
        self.save_position()
        self.current = None
        self.view.set_document(None)
