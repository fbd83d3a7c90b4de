"""Page view or text view: switching between them at the same place.

The place travels as a text-quote anchor (``bookmarks.anchors``), the one bookmarks use: from the
page view, the quote of the line at the top is found in the text view's text
(``reflow.position.find_quote``); from the text view, the text at its top is located in the
document's ``TextMap`` (``bookmarks.anchors.locate``), which gives (page, y).  When neither
matches (a picture, a box label that only the text view has), the section the reader is in
decides.  The text comes from the brochure's Markdown source when the pack has one, otherwise
from a worker's extraction (``reflow.extracted.reflow_file``); the ``TextMap`` from a worker
(``bookmarks.quotes.text_map``).  Both are kept per document for the session.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStackedWidget

from brochure_reader.bookmarks import quotes
from brochure_reader.bookmarks.anchors import TextMap, locate, normalise_text
from brochure_reader.bookmarks.model import Quote
from brochure_reader.library import Document, Section
from brochure_reader.reflow import BOX_LABELS, ReflowedDocument
from brochure_reader.reflow.extracted import reflow_file
from brochure_reader.reflow.glossary import TermMatcher
from brochure_reader.reflow.position import find_quote, match_sections, reading_offset
from brochure_reader.settings import Settings
from brochure_reader.ui.jobs import JobRunner
from brochure_reader.ui.page_view import PageView
from brochure_reader.ui.reader import ReaderController
from brochure_reader.ui.text_view import TextView

PAGE, TEXT = "page", "text"
#: A heading this close below the page view's top (points) is what the reader is looking at
#: (the page view puts a heading it jumps to a little below its top edge).
HEADING_NEAR = 30.0
#: Characters of text at the top of the text view taken as the quote of its place.
PLACE_CHARS = 100


def glossary_matcher(library) -> TermMatcher:
    """The terms of every glossary in *library* (documents tagged ``glossary`` with a
    Markdown source); read once per library.  A glossary that cannot be read is skipped."""
    from brochure_reader.reflow.glossary import read_glossary_file

    cached = getattr(library, "_glossary_matcher", None)
    if cached is not None:
        return cached
    entries = []
    for doc in library.documents():
        if "glossary" in doc.tags and doc.source_markdown is not None:
            try:
                entries += read_glossary_file(doc.source_markdown)
            except (OSError, UnicodeDecodeError):
                continue
    matcher = TermMatcher(entries)
    library._glossary_matcher = matcher
    return matcher


def reflow_document(doc: Document, matcher: TermMatcher | None = None) -> ReflowedDocument | None:
    """The text of a brochure with a Markdown source (None for other documents); with a
    *matcher*, glossary terms are linked (not in a glossary itself)."""
    source_path = doc.source_markdown
    if source_path is None:
        return None
    from brochure_reader.authoring.source import SourceError, parse_source
    from brochure_reader.reflow.glossary import GlossaryMarker
    from brochure_reader.reflow.markdown import reflow_source

    marker = GlossaryMarker(matcher) if matcher and "glossary" not in doc.tags else None
    try:
        return reflow_source(parse_source(source_path), marker)
    except (SourceError, ValueError):
        return None  # the PDF is still there: the worker extracts its text instead


class ViewModes(QObject):
    """Which view shows the open document, and the place kept when switching."""

    #: the view changed ("page" or "text")
    mode_changed = Signal(str)
    message = Signal(str)

    def __init__(
        self,
        stack: QStackedWidget,
        page_view: PageView,
        text_view: TextView,
        reader: ReaderController,
        settings: Settings,
        service: JobRunner,
        parent=None,
    ):
        super().__init__(parent)
        self.stack, self.page_view, self.text_view = stack, page_view, text_view
        self.reader, self.settings, self.service = reader, settings, service
        self.mode = PAGE
        #: the view the next opened document starts in (``--view`` on the command line)
        self.next_mode: str | None = None
        self._reflowed: dict[str, ReflowedDocument] = {}
        self._text_maps: dict[str, TextMap] = {}
        self._shown = ""  # doc id whose text the text view holds
        self._asked: set[tuple[str, str]] = set()  # ("text" | "map", doc id) on their way
        self._pairs: list[Section | None] = []
        self._pending_place: tuple[int, float] | None = None
        self._pending_hits: tuple[str, int, list[str]] | None = None
        text_view.position_changed.connect(self._text_moved)
        reader.jumped.connect(self._jumped)
        reader.sections_ready.connect(self._sections_ready)

    # --- choosing the view -------------------------------------------------------------------

    def document_opened(self, doc_id: str) -> None:
        """A document is now open: show it in its last view (or ``next_mode``)."""
        mode = self.next_mode or self.settings.document_value(
            doc_id, "view", str(self.settings.get("view"))
        )
        self.next_mode = None
        self.settings.set_document_value(doc_id, "view", mode)
        self.settings.set("view", mode)
        self.text_view.set_text_size(self.settings.document_value(doc_id, "text_size", 100))
        if mode == TEXT:
            self._enter_text(self.page_view.position())
        else:
            self.mode = PAGE
            self.stack.setCurrentWidget(self.page_view)
            self.mode_changed.emit(PAGE)

    @property
    def shown_document(self) -> str:
        """Id of the document whose text the text view holds ("" while none or on its way)."""
        return self._shown

    @property
    def place_pending(self) -> bool:
        """True while the text view still waits to be put at the page view's place."""
        return self._pending_place is not None

    def set_mode(self, mode: str) -> None:
        """Switch views at the same place (remembered for this document)."""
        doc = self.reader.current
        if doc is None:
            self.next_mode = mode
            return
        self.settings.set_document_value(doc.id, "view", mode)
        self.settings.set("view", mode)
        if mode == self.mode and self.stack.currentWidget() is self._widget(mode):
            return
        if mode == TEXT:
            self._enter_text(self.page_view.position())
        else:
            self._enter_page()

    def toggle(self) -> None:
        self.set_mode(PAGE if self.mode == TEXT else TEXT)

    def _widget(self, mode: str):
        return self.text_view if mode == TEXT else self.page_view

    # --- text view ---------------------------------------------------------------------------

    def _enter_text(self, place: tuple[int, float]) -> None:
        doc = self.reader.current
        if doc is None:
            return
        self.mode = TEXT
        self._pending_place = place
        self.stack.setCurrentWidget(self.text_view)
        self.text_view.setFocus()
        self.mode_changed.emit(TEXT)
        self._load(doc)

    def _load(self, doc: Document) -> None:
        """Fill the text view with *doc* (now or when the worker answers), then place it."""
        document = self.page_view.document
        path, password = (document.path, document.password) if document else (str(doc.path), None)
        if doc.id not in self._text_maps and ("map", doc.id) not in self._asked:
            self._asked.add(("map", doc.id))
            self.service.run(quotes.text_map, (path, password)).on_result(
                partial(self._got_text_map, doc.id)
            ).on_error(lambda _exc: self._got_text_map(doc.id, TextMap()))
        if self._shown == doc.id:
            self._place()
            return
        if doc.id not in self._reflowed:
            reflowed = reflow_document(doc, glossary_matcher(self.reader.library))
            if reflowed is None:
                if ("text", doc.id) in self._asked:
                    return  # on its way: placed when it arrives
                self._asked.add(("text", doc.id))
                self.text_view.set_reflowed(None)
                self._shown = ""
                self.message.emit(self.tr("Preparing the text…"))
                self.service.run(reflow_file, (path, password, doc.title)).on_result(
                    partial(self._got_reflowed, doc)
                ).on_error(partial(self._extract_failed, doc))
                return
            self._reflowed[doc.id] = reflowed
        self._show(doc)

    def _got_reflowed(self, doc: Document, reflowed: ReflowedDocument) -> None:
        self._asked.discard(("text", doc.id))
        self._reflowed[doc.id] = reflowed
        if self.reader.current is doc and self.mode == TEXT:
            self._show(doc)

    def _extract_failed(self, doc: Document, exc: BaseException) -> None:
        self._asked.discard(("text", doc.id))
        self.message.emit(self.tr("The text of “{title}” could not be read: {reason}").format(
            title=doc.title, reason=exc))

    def _got_text_map(self, doc_id: str, text_map: TextMap) -> None:
        self._asked.discard(("map", doc_id))
        self._text_maps[doc_id] = text_map
        if self._shown == doc_id and self._pending_place is not None:
            self._place()

    def _show(self, doc: Document) -> None:
        reflowed = self._reflowed[doc.id]
        if not reflowed.html.strip():
            self.message.emit(
                self.tr("“{title}” has no text to show (it may be scanned pages)").format(
                    title=doc.title))
        self.text_view.set_reflowed(reflowed)
        self._shown = doc.id
        self._pairs = match_sections(reflowed.headings, self.reader.sections.get(doc.id, []))
        self._place()

    def _sections_ready(self, doc_id: str, sections: list) -> None:
        if doc_id == self._shown and doc_id in self._reflowed:
            self._pairs = match_sections(self._reflowed[doc_id].headings, sections)

    def _place(self) -> None:
        """Put the pending page-view place at the top of the text view (quote first, the
        section's heading when the quote is not found)."""
        doc = self.reader.current
        if doc is None or self._shown != doc.id or self._pending_place is None:
            return
        text_map = self._text_maps.get(doc.id)
        page, y = self._pending_place
        section = self.reader.section_at(doc.id, page, y)
        position = None
        heading = self.reader.section_at(doc.id, page, y + HEADING_NEAR)
        if heading is not None and heading.page == page and heading.y >= y - 2.0:
            position = self._section_position(heading)  # a heading at the top: show it there
        if text_map is not None:
            self._pending_place = None
            if text_map and position is None:
                offset = reading_offset(text_map, page, y)
                quote = text_map.quote_from(offset) if offset is not None else None
                if quote is not None and quote.exact:
                    position = find_quote(self.text_view.plain_text(), quote.exact)
        if position is None:
            position = self._section_position(section)
        if position is not None:
            self.text_view.scroll_to_position(position)
        self._apply_hits()

    def _section_position(self, section: Section | None) -> int | None:
        if section is None:
            return None
        index = next((i for i, s in enumerate(self._pairs) if s is section), None)
        if index is None:
            return None
        positions = self.text_view.heading_positions()
        return positions[index] if index < len(positions) else None

    def _jumped(self, page: int, y: float) -> None:
        """The reader jumped (a tree entry, a bookmark, a link): the text view follows."""
        if self.mode == TEXT and self.reader.current is not None:
            self._pending_place = (page, y)
            self._load(self.reader.current)

    # --- from the text view back to pages ------------------------------------------------------

    def text_place(self) -> tuple[int, float, Quote] | None:
        """(page 0-based, y points, quote) of the text at the top of the text view (or of its
        selection), from the document's TextMap; None when the text is not found there.
        A box label at the top ("Urgent:") is skipped: the page shows the box without it."""
        doc = self.reader.current
        text_map = self._text_maps.get(doc.id) if doc else None
        if not text_map:
            return None
        text = self.text_view.plain_text()
        cursor = self.text_view.textCursor()
        if cursor.hasSelection():
            start = cursor.selectionStart()
            snippet = text[start:cursor.selectionEnd()]
        else:
            start = self.text_view.top_position()
            snippet = text[start:start + 3 * PLACE_CHARS]
            for label in BOX_LABELS.values():
                if snippet.startswith(f"{label}:"):
                    snippet = snippet[len(label) + 1:]
        needle = normalise_text(snippet.replace("\u2029", " "))[: max(PLACE_CHARS, 0)]
        if cursor.hasSelection():
            needle = normalise_text(snippet.replace("\u2029", " "))
        match = locate(Quote(needle), text_map)
        if match is None:
            return None
        end = match.end if cursor.hasSelection() else None
        return match.page, match.y, text_map.quote_from(match.offset, end)

    def _page_place(self) -> tuple[int, float] | None:
        place = self.text_place()
        if place is not None:
            return place[0], place[1]
        section = self.current_text_section()
        if section is not None and section.page is not None:
            return section.page, section.y
        return None

    def _enter_page(self) -> None:
        place = self._page_place() if self._shown else None
        self.mode = PAGE
        self.stack.setCurrentWidget(self.page_view)
        self.page_view.setFocus()
        if place is not None:
            self.page_view.go_to(*place, remember=False)
        self.mode_changed.emit(PAGE)

    def current_text_section(self) -> Section | None:
        """The library section of the heading at or above the top of the text view."""
        index = self.text_view.heading_index_at(self.text_view.top_position())
        while index >= 0:
            if index < len(self._pairs) and self._pairs[index] is not None:
                return self._pairs[index]
            index -= 1
        return None

    def _text_moved(self) -> None:
        """The text view scrolled: the tree follows, the place is saved as (page, y)."""
        doc = self.reader.current
        if self.mode != TEXT or doc is None or self._shown != doc.id:
            return
        self.save_place()
        section = self.current_text_section()
        if section is not None:
            self.reader.show_section(section)

    def save_place(self) -> None:
        """Move the hidden page view to the text view's place (so the page number, the saved
        reading position and a switch back agree with the text) and save it."""
        doc = self.reader.current
        if self.mode == TEXT and doc is not None and self._shown == doc.id:
            place = self._page_place()
            if place is not None:
                self.page_view.go_to(*place, remember=False)  # hidden: renders nothing
                self.reader.save_position()

    def remember_text_size(self, percent: int) -> None:
        if self.reader.current is not None:
            self.settings.set_document_value(self.reader.current.id, "text_size", int(percent))

    # --- search hits ---------------------------------------------------------------------------

    def show_hits(self, doc_id: str, page: int, terms: list[str]) -> None:
        """Highlight *terms* in the text and scroll to the first one on *page* (0-based) or
        after it (the reader opens the document and pages do the same)."""
        self._pending_hits = (doc_id, page, [t for t in terms if t.strip()])
        self._apply_hits()

    def _apply_hits(self) -> None:
        pending = self._pending_hits
        doc = self.reader.current
        if pending is None or doc is None or pending[0] != doc.id or self.mode != TEXT:
            return
        if self._shown != doc.id or doc.id not in self._text_maps:
            return  # again once the text and its map are here
        self._pending_hits = None
        _doc_id, page, terms = pending
        hits = self.text_view.highlight_terms(terms)
        text_map = self._text_maps[doc.id]
        start = 0
        if text_map:
            quote = text_map.quote_at(page, 0.0)
            found = find_quote(self.text_view.plain_text(), quote.exact) if quote.exact else None
            start = found or 0
        first = next((h for h in hits if h >= start), hits[0] if hits else None)
        if first is not None:
            self.text_view.scroll_to_position(first)
            self.message.emit(self.tr("%n match(es)", "", len(hits)))
        else:
            self.message.emit(self.tr("No exact match in the text"))

    # --- helpers for other controllers ---------------------------------------------------------

    def on_text(self, action: Callable[[], None], otherwise: Callable[[], None]) -> Callable:
        """A slot that runs *action* in the text view and *otherwise* in the page view."""
        return lambda *_: action() if self.mode == TEXT else otherwise()
