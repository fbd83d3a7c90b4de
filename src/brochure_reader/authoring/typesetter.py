"""Typeset a source into an A4 PDF: the typesetting rules, drawn with the backend's Story
primitives (:mod:`brochure_reader.pdf.story`, :mod:`brochure_reader.pdf.builder`).

Steps: the body becomes HTML (:mod:`.markup`); layout passes without drawing learn where every
heading, box and table lands (``Story.element_positions``) and push to the next page a heading
that would sit alone at a page foot, or a box or table that should not split; the final pass
draws the cover band, the body and the footers ("Page n of m"); then the PDF is reopened to
paint box backgrounds and add the outline (exact heading positions), metadata, language and
viewer hints.  The output depends only on the input: dates come from the front matter, never
from the clock.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from brochure_reader import APP_TITLE
from brochure_reader.authoring.markup import (
    END_SUFFIX,
    MarkupError,
    RenderedBody,
    parse_tokens,
    render_body,
)
from brochure_reader.authoring.source import Source, SourceError, parse_source_text
from brochure_reader.authoring.style import (
    BODY_SIZE,
    FONT_FILES,
    LARGE_PRINT_SIZE,
    MIN_BODY_SIZE,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PALETTE,
    Layout,
    body_css,
    cover_css,
    fonts_dir,
    footer_css,
    rgb,
)
from brochure_reader.language import LANGUAGE, format_date
from brochure_reader.pdf.builder import OutlineItem, PdfBuilder
from brochure_reader.pdf.story import HtmlFlow, PageWriter, text_width

AUTHOR = "Brochure Reader project"
CREATOR = "Brochure Reader authoring pipeline"
#: Safety stop: a source this long is a mistake, not a leaflet.
MAX_PAGES = 400
#: Layout passes spent moving headings/boxes to the next page before giving up.
MAX_ADJUSTMENTS = 40


@dataclass(frozen=True)
class OutlineEntry:
    """One outline (bookmark) entry: level ≥ 1, heading text, page 0-based, y points from top."""

    level: int
    title: str
    page: int
    y: float
    id: str


@dataclass(frozen=True)
class TypesetResult:
    pdf: bytes
    page_count: int
    outline: list[OutlineEntry]


@dataclass
class _Span:
    """Where an element with an id was placed: first page/top, last page/bottom."""

    page: int
    top: float
    end_page: int = -1
    bottom: float = 0.0


def _pdf_date(day: dt.date) -> str:
    return f"D:{day:%Y%m%d}000000Z"


def _cover_html(source: Source) -> str:
    esc = html.escape
    parts = [f'<div class="cover"><p class="publisher">{esc(APP_TITLE)}</p>']
    parts.append(f"<h1>{esc(source.title)}</h1>")
    if source.summary:
        parts.append(f'<p class="summary">{esc(source.summary)}</p>')
    if source.audience:
        parts.append(f'<p class="audience"><b>For:</b> {esc(source.audience)}</p>')
    parts.append("</div>")
    return "".join(parts)


def short_title(title: str, width: float, size: float) -> str:
    """*title* fitted into *width* points at *size*: a trailing "(…)" goes first, then words
    (ending with "…")."""
    font = fonts_dir() / FONT_FILES["regular"]

    def fits(text: str) -> bool:
        return text_width(font, text, size) <= width

    if not fits(title) and " (" in title:
        title = title[: title.index(" (")]
    words = title.split()
    while len(words) > 1 and not fits(" ".join(words) + "…"):
        words.pop()
    return title if fits(title) else " ".join(words).rstrip(",;:–-") + "…"


def _footer_html(source: Source, layout: Layout, page_no: int, page_count: int) -> str:
    left_width = PAGE_WIDTH - 2 * layout.margin_x - layout.footer_page_width
    title = html.escape(short_title(source.title, left_width - 4, layout.footer_size))
    reviewed = f"Reviewed {format_date(source.reviewed)}" if source.reviewed else ""
    return (
        '<table style="width: 100%; border-collapse: collapse;"><tr>'
        f'<td style="width: {left_width:.1f}pt; padding: 0;"><p>{title}</p><p>{reviewed}</p></td>'
        f'<td style="padding: 0;"><p class="right">Page {page_no} of {page_count}</p></td>'
        "</tr></table>"
    )


class _Typesetter:
    def __init__(self, source: Source, size: float) -> None:
        self.source = source
        self.layout = Layout(size)
        self.font_dir = str(fonts_dir())
        self.css = body_css(self.layout)
        self.tokens = parse_tokens(source.body)
        try:
            self.body: RenderedBody = render_body(self.tokens)
        except MarkupError as exc:
            raise SourceError(f"{source.where}: {exc}") from exc
        self.cover_bottom = self._place_cover(None)
        self.breaks: list[str] = []  # ids that start a new page

    # -- pieces ------------------------------------------------------------------------------
    def _place_cover(self, device) -> float:
        """Place (and with a device, draw) the cover band; return the y where the body starts."""
        story = HtmlFlow(
            _cover_html(self.source), cover_css(self.layout), self.layout.size, self.font_dir
        )
        _more, filled = story.place((0, 0, PAGE_WIDTH, PAGE_HEIGHT / 2))
        if device is not None:
            story.draw(device)
        return filled[3] + 1.4 * self.layout.size

    def _draw_footer(self, device, page_no: int, page_count: int) -> None:
        lay = self.layout
        story = HtmlFlow(
            _footer_html(self.source, lay, page_no, page_count),
            footer_css(lay),
            lay.footer_size,
            self.font_dir,
        )
        story.place(
            (lay.margin_x, lay.footer_top + 7, PAGE_WIDTH - lay.margin_x, PAGE_HEIGHT - 10)
        )
        story.draw(device)

    def _story(self) -> HtmlFlow:
        # Breaks go into the HTML text: PyMuPDF's Xml.add_class() hangs (MuPDF's
        # fz_dom_attribute does not return for an attribute the element lacks).
        body = render_body(self.tokens, self.breaks) if self.breaks else self.body
        return HtmlFlow(body.html, self.css, self.layout.size, self.font_dir)

    # -- layout ------------------------------------------------------------------------------
    def run(
        self, writer: PageWriter | None = None, page_count: int = 0
    ) -> tuple[dict[str, _Span], int]:
        """Lay the body out; return element spans and the page count.  With a *writer* the
        pages are drawn too (no spans then: the layout pass before gave the same ones)."""
        story = self._story()
        spans: dict[str, _Span] = {}

        def record(element: str, page: int, rect: tuple[float, float, float, float]) -> None:
            if element.endswith(END_SUFFIX):
                owner = spans.get(element.removesuffix(END_SUFFIX))
                if owner is not None:
                    owner.end_page, owner.bottom = page, rect[1]
            elif element not in spans:
                spans[element] = _Span(page, rect[1], page, rect[3])

        page, more = 0, True
        while more:
            if page >= MAX_PAGES:
                raise SourceError(f"{self.source.where}: more than {MAX_PAGES} pages")
            top = self.cover_bottom if page == 0 else self.layout.margin_top
            device = writer.begin_page(PAGE_WIDTH, PAGE_HEIGHT) if writer else None
            if device is not None and page == 0:
                self._place_cover(device)
            more, _filled = story.place(self.layout.content_rect(top))
            if writer is None:
                for element, rect in story.positions():
                    record(element, page, rect)
            story.draw(device)  # with None this only advances the story (layout pass)
            if writer is not None:
                self._draw_footer(device, page + 1, page_count)
                writer.end_page()
            page += 1
        if writer is None:
            self._drop_empty_tails(spans)
        return spans, page

    def _drop_empty_tails(self, spans: dict[str, _Span]) -> None:
        """A box or table whose end marker alone went to the next page (only its bottom
        padding did not fit) ends on the page before."""
        lay = self.layout
        for block_id in [box_id for _kind, box_id in self.body.boxes] + self.body.tables:
            span = spans.get(block_id)
            if span and span.end_page > span.page and span.bottom - lay.margin_top < 2:
                span.end_page -= 1
                span.bottom = lay.content_bottom - lay.box_pad_bottom

    def _page_top(self, page: int) -> float:
        return self.cover_bottom if page == 0 else self.layout.margin_top

    def _next_problem(self, spans: dict[str, _Span]) -> str | None:
        """The id of the first element that should start a new page: a heading left alone at
        a page foot, or a box or table split over two pages when it is short or little of it
        fits (then its heading, if one sits just above, moves with it)."""
        lay = self.layout
        room = lay.content_bottom - lay.margin_top
        found: list[tuple[int, float, str]] = []

        boxes = {box_id for _kind, box_id in self.body.boxes}

        def movable(target: str) -> _Span | None:
            span = spans.get(target)
            if span is None or target in self.breaks:
                return None
            top = span.top - (lay.box_pad_top if target in boxes else 0.0)
            if top <= self._page_top(span.page) + 2:
                return None  # already at the top of a page
            return span

        heading_targets = []
        for heading in self.body.headings:
            target = heading.box_id if heading.first_in_box else heading.id
            span, head = movable(target), spans.get(heading.id)
            if span is None or head is None:
                continue
            heading_targets.append((head, target, span))
            if head.page == span.page and head.bottom + 2.3 * lay.line_height > lay.content_bottom:
                found.append((span.page, span.top, target))
        tables = set(self.body.tables)
        urgent = {box_id for kind, box_id in self.body.boxes if kind == "urgent"}
        blocks = [box_id for _kind, box_id in self.body.boxes] + self.body.tables
        for block_id in blocks:
            span = movable(block_id)
            if span is None or span.end_page != span.page + 1:
                continue
            first, rest = lay.content_bottom - span.top, span.bottom - lay.margin_top
            total = first + rest
            # Keep danger signs together; a split table loses its header row.
            short = 0.9 if block_id in urgent or block_id in tables else 0.4
            widow = rest < 3 * lay.line_height
            if total <= 0.9 * room and (total <= short * room or first < 0.5 * total or widow):
                target, top = block_id, span.top
                for head, heading_target, heading_span in heading_targets:
                    gap = span.top - head.bottom
                    if head.page == span.page and 0 <= gap <= 2 * lay.line_height:
                        target, top = heading_target, heading_span.top
                found.append((span.page, top, target))
        return min(found)[2] if found else None

    def typeset(self) -> TypesetResult:
        spans, pages = self.run()
        for _ in range(MAX_ADJUSTMENTS):
            problem = self._next_problem(spans)
            if problem is None:
                break
            self.breaks.append(problem)
            spans, pages = self.run()
        writer = PageWriter()
        _none, drawn = self.run(writer, pages)
        pdf = writer.close()
        if drawn != pages:  # pragma: no cover - layout is deterministic
            raise RuntimeError("layout changed between passes")
        outline = self._outline(spans)
        return TypesetResult(self._finish(pdf, outline, spans), pages, outline)

    # -- outline and metadata ------------------------------------------------------------------
    def _outline(self, spans: dict[str, _Span]) -> list[OutlineEntry]:
        entries: list[OutlineEntry] = []
        previous = 0
        for heading in self.body.headings:
            span = spans.get(heading.id)
            if span is None:  # pragma: no cover - every heading is placed
                raise RuntimeError(f"heading {heading.id!r} was not placed")
            level = min(max(1, heading.level - 1), previous + 1)
            previous = level
            entries.append(
                OutlineEntry(level, heading.text, span.page, round(span.top, 2), heading.id)
            )
        return entries

    def _backgrounds(self, spans: dict[str, _Span]) -> dict[int, list[tuple]]:
        """Per page: (rect, RGB fill) to paint behind the text, in order (a box, then its
        stripe)."""
        lay = self.layout
        left, right = lay.margin_x, PAGE_WIDTH - lay.margin_x
        paint: dict[int, list[tuple]] = {}
        for kind, box_id in self.body.boxes:
            span = spans.get(box_id)
            if span is None:  # pragma: no cover - every box is placed
                continue
            fill, stripe = PALETTE.box_colours(kind)
            end_page = max(span.end_page, span.page)
            for page in range(span.page, end_page + 1):
                top = span.top - lay.box_pad_top if page == span.page else lay.margin_top
                bottom = (
                    span.bottom + lay.box_pad_bottom if page == end_page else lay.content_bottom
                )
                rect = (left, top, right, max(bottom, top))
                items = paint.setdefault(page, [])
                items.append((rect, rgb(fill)))
                if stripe:
                    width = lay.stripe(kind)
                    items.append(((rect[0], rect[1], rect[0] + width, rect[3]), rgb(stripe)))
        for row_id in self.body.header_rows:
            span = spans.get(row_id)
            if span is not None:
                rect = (left, span.top, right, span.bottom)
                paint.setdefault(span.page, []).append((rect, rgb(PALETTE.table_head_bg)))
        return paint

    def _finish(self, pdf: bytes, outline: list[OutlineEntry], spans: dict[str, _Span]) -> bytes:
        """Box and table-header backgrounds (behind the text), the rule above each footer, the
        outline (exact heading positions), metadata, language and viewer hints."""
        source, lay = self.source, self.layout
        backgrounds = self._backgrounds(spans)
        with PdfBuilder(pdf) as doc:
            for page in range(doc.page_count):
                doc.fill_rects(page, backgrounds.get(page, []), under_text=True)
                doc.draw_line(
                    page, (lay.margin_x, lay.footer_top),
                    (PAGE_WIDTH - lay.margin_x, lay.footer_top), rgb(PALETTE.rule), 0.75,
                )
            toc: list[OutlineItem] = [
                (e.level, e.title, e.page, (lay.margin_x, e.y)) for e in outline
            ]
            doc.set_outline(toc, collapse=2)
            day = _pdf_date(source.reviewed) if source.reviewed else ""
            doc.set_metadata(
                {
                    "title": source.title,
                    "subject": source.summary,
                    "keywords": ", ".join(source.tags),
                    "author": AUTHOR,
                    "creator": CREATOR,
                    "producer": "PyMuPDF",
                    "creationDate": day,
                    "modDate": day,
                }
            )
            doc.write_answers(self.body.answers)
            doc.set_catalog(language=LANGUAGE, display_title=True, show_outline=bool(toc))
            doc.subset_fonts()  # keep only the glyphs used (a symbol fallback font is large)
            return doc.tobytes(no_new_id=True)


def body_size(font_size: float | None, large_print: bool) -> float:
    """The body font size in points: explicit, else 18 (large print) or 13."""
    size = float(font_size) if font_size else (LARGE_PRINT_SIZE if large_print else BODY_SIZE)
    if size < MIN_BODY_SIZE:
        raise ValueError(f"font size {size:g} pt is below the minimum of {MIN_BODY_SIZE:g} pt")
    return size


def typeset(
    source: Source, *, font_size: float | None = None, large_print: bool = False
) -> TypesetResult:
    """Typeset *source*; the result carries the PDF bytes, the page count and the outline."""
    return _Typesetter(source, body_size(font_size, large_print)).typeset()


def typeset_markdown(
    source: str | Source,
    *,
    font_size: float | None = None,
    large_print: bool = False,
    title: str = "",
) -> bytes:
    """PDF bytes for a source: a :class:`Source`, the text of a source file (front matter
    between ``+++`` lines) or plain Markdown (then *title* heads the cover and the footers).

    *font_size* is the body size in points (default 13, or 18 with *large_print*; at least 12).
    Raises :class:`SourceError` for a bad source, ValueError for a font size below 12 pt.
    """
    if isinstance(source, str):
        if source.lstrip("\ufeff").startswith("+++"):
            source = parse_source_text(source)
        else:
            source = Source(title=title or "Document", body=source)
    return typeset(source, font_size=font_size, large_print=large_print).pdf
