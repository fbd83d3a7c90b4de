"""Connects the bookmarks dock to the reader: Ctrl+D, section bookmarks, markers in the tree
and page margin, re-anchoring when a document changed, and "add these questions"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from brochure_reader.bookmarks import quotes
from brochure_reader.bookmarks.model import Quote
from brochure_reader.bookmarks.questions import (
    questions_from_lines,
    questions_sections,
    section_bound,
)
from brochure_reader.library import Section
from brochure_reader.pdf import jobs as pdf_jobs
from brochure_reader.ui.bookmarks.panel import BookmarksPanel
from brochure_reader.ui.jobs import JobRunner, log_error, user_message
from brochure_reader.ui.navigation import NavigationModel
from brochure_reader.ui.page_view import PageView
from brochure_reader.ui.reader import ReaderController


class BookmarkController(QObject):
    message = Signal(str)

    def __init__(self, panel: BookmarksPanel, reader: ReaderController, view: PageView,
                 nav_model: NavigationModel, service: JobRunner, parent=None):
        super().__init__(parent)
        self.panel, self.reader, self.view = panel, reader, view
        self.nav_model, self.service = nav_model, service
        self._hashes: dict[str, str] = {}  # doc id -> sha256 of the file, per session
        #: the text view's place, when it is showing: () -> (page, y, Quote, Section) or None
        self.text_place: Callable[[], tuple | None] = lambda: None
        panel.bookmarks_changed.connect(self.refresh_markers)
        reader.document_opened.connect(self._document_opened)
        reader.sections_ready.connect(lambda doc_id, _s: self._refresh_tree(doc_id))

    # --- adding ----------------------------------------------------------------------------

    def bookmark_here(self) -> None:
        """Ctrl+D: bookmark the selected text, or else the top of the view."""
        doc, document = self.reader.current, self.view.document
        if doc is None or document is None:
            self.message.emit(self.tr("Open a document to add a bookmark"))
            return
        place = self.text_place()
        if place is not None:  # the text view: its place as the same text-quote anchor
            page, y, quote, section = place
            self.panel.add_bookmark(doc.id, page, y, section.ref if section else "",
                                    section.title if section else "", quote,
                                    content_hash=self._hashes.get(doc.id, ""), edit_label=True)
            return
        selection = self.view.selection_start()
        job: Callable[..., Quote]
        args: tuple
        if selection is not None:
            page, y = selection
            job, args = quotes.quote_for_selection, (page, self.view.selected_text())
            section = self.reader.section_at(doc.id, page, y)
        else:
            page, y = self.view.position()
            job, args = quotes.quote_at, (page, y)
            section = self.reader.current_section()  # as highlighted in the tree
        self._add(doc.id, page, y, section, job, (document.path, document.password, *args))

    def bookmark_section(self, doc_id: str, section: Section) -> None:
        """Bookmark a section from the tree (its heading is the quote)."""
        if section.page is None:
            return
        doc = self.reader.library.get(doc_id)
        self._add(doc_id, section.page, section.y, section, quotes.quote_at,
                  (str(doc.path), None, section.page, section.y))

    def _add(self, doc_id: str, page: int, y: float, section: Section | None, job: Callable,
             args: tuple) -> None:
        def quoted(quote) -> None:
            self.panel.add_bookmark(doc_id, page, y, section.ref if section else "",
                                    section.title if section else "", quote,
                                    content_hash=self._hashes.get(doc_id, ""), edit_label=True)

        # no text there (or it cannot be read): a bookmark all the same, without a quote
        self.service.run(job, args).on_result(quoted).on_error(lambda _exc: quoted(""))

    def add_questions(self, doc_id: str) -> None:
        """Add every "Questions to ask" list of *doc_id* to My questions."""
        doc = self.reader.library.get(doc_id)
        pairs = questions_sections(self.reader.sections.get(doc_id, []))
        if not pairs:
            self.message.emit(self.tr("“{title}” has no list of questions to ask").format(
                title=doc.title))
            return
        for section, after in pairs:
            def got(lines, section=section) -> None:
                added = self.panel.add_questions(questions_from_lines(lines), doc_id)
                self.message.emit(
                    self.tr("Added %n question(s) from “{section}” to My questions", "", added)
                    .format(section=section.title))

            self.service.run(
                quotes.section_lines,
                (str(doc.path), None, section_bound(section), section_bound(after)),
            ).on_result(got).on_error(lambda exc: self.message.emit(user_message(exc)))

    # --- markers and re-anchoring ----------------------------------------------------------

    def refresh_markers(self, doc_id: str = "") -> None:
        current = self.reader.current
        if current is not None and doc_id in ("", current.id):
            markers: dict[int, list[float]] = {}
            for page, y, _colour in self.panel.bookmark_positions(current.id):
                markers.setdefault(page, []).append(y)
            self.view.set_markers(markers)
        for changed in ([doc_id] if doc_id else list(self.reader.sections)):
            self._refresh_tree(changed)

    def _refresh_tree(self, doc_id: str) -> None:
        self.nav_model.set_bookmarked(doc_id, self.panel.bookmarked_sections(doc_id))

    def _document_opened(self, doc_id: str) -> None:
        self.refresh_markers(doc_id)
        doc = self.reader.library.get(doc_id)
        document = self.view.document

        def hashed(sha: str) -> None:
            self._hashes[doc_id] = sha
            if document is None or not self.panel.needs_reanchor(doc_id, sha):
                return
            self.service.run(quotes.text_map, (document.path, document.password)).on_result(
                lambda text_map: self._reanchor(doc_id, sha, text_map)
            ).on_error(lambda exc: self.message.emit(user_message(exc)))

        # unreadable file: opening it says so; bookmarks then simply stay where they were
        self.service.run(pdf_jobs.content_hash, (str(doc.path),)).on_result(hashed).on_error(
            log_error
        )

    def _reanchor(self, doc_id: str, sha: str, text_map) -> None:
        self.panel.reanchor(doc_id, sha, text_map, self.reader.sections.get(doc_id))
        self.refresh_markers(doc_id)
