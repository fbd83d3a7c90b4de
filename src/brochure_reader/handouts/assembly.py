"""Handout assembly: parts joined into one PDF with the handout footer and outline.

Parts are pages inserted as they are (optionally with their old footer removed), or pages scaled
onto the paper under a note; then every page is stamped with the handout footer ("title ·
Reviewed date" and "Page n of m") and the outline is written.  The PDF work is done by the
backend's primitives (:class:`~brochure_reader.pdf.builder.PdfBuilder`,
:class:`~brochure_reader.pdf.export.PdfSource`).  Everything takes and returns plain values so it
can run in a worker process.  Pages are 0-based.
"""

from __future__ import annotations

import html as html_lib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from brochure_reader.i18n import _
from brochure_reader.paper import A4

if TYPE_CHECKING:  # the primitives load PyMuPDF: imported where used, in the worker
    from brochure_reader.pdf.builder import OutlineItem, PdfBuilder
    from brochure_reader.pdf.export import PdfSource


@dataclass
class AssemblyPart:
    """One piece of a handout.

    The pages come from *data* (PDF bytes) or from *path* (any document PyMuPDF opens).
    ``pages`` lists the 0-based pages to take (None: all).  ``fit`` scales each page onto the
    paper instead of inserting it as it is (for documents of another size or that could not be
    reflowed); ``note_html`` is then shown above the first page.  ``remove_below`` (points from
    the top) deletes the text and rules of the original footer band before the handout footer is
    stamped.  ``outline_title`` heads the part in the outline; the part's own outline follows
    one level down.
    """

    footer_left: str
    outline_title: str = ""
    data: bytes | None = None
    path: str | None = None
    password: str | None = None
    pages: list[int] | None = None
    fit: bool = False
    note_html: str = ""
    remove_below: float | None = None
    keep_outline: bool = True


@dataclass
class FooterStyle:
    """How the handout footer looks: font size (points), colours and fonts (CSS + font folder)."""

    size: float = 10.5
    css: str = ""
    font_dir: str | None = None
    margin_x: float = 56.0
    rule_colour: tuple[float, float, float] = (0.62, 0.71, 0.81)

    def band_height(self) -> float:
        """Room for two lines of footer text."""
        return 2 * 1.3 * self.size + 4

    def rule_y(self, paper: tuple[float, float]) -> float:
        return paper[1] - 14 - self.band_height() - 4


@dataclass
class AssemblyResult:
    pdf: bytes
    page_count: int
    #: first page (0-based) of each part in the output
    starts: list[int] = field(default_factory=list)
    #: per part (same order): the 0-based source pages left out because they are damaged
    damaged: list[list[int]] = field(default_factory=list)


def _part_source(part: AssemblyPart) -> PdfSource:
    from brochure_reader.pdf.export import PdfSource

    if part.data is None and part.path is None:
        raise ValueError("a handout part needs data or a path")
    return PdfSource(part.path, part.password, part.data)


def _fit_page(
    out: PdfBuilder,
    src: PdfSource,
    number: int,
    paper: tuple[float, float],
    footer: FooterStyle,
    note: tuple[str, str, float] | None,
) -> None:
    page = out.new_page(*paper)
    top = 36.0
    if note is not None:
        note_html, css, height = note
        rect = (footer.margin_x, top, paper[0] - footer.margin_x, top + height + 2)
        out.insert_html(page, rect, note_html, css, footer.font_dir, scale_low=1)
        top = rect[3] + 10
    out.show_page(page, (36, top, paper[0] - 36, footer.rule_y(paper) - 8), src, number)


def _stamp_footer(
    out: PdfBuilder, page: int, left: str, number: int, total: int, footer: FooterStyle
) -> None:
    width, height = out.page_size(page)
    rule_y = footer.rule_y((width, height))
    x0, x1 = footer.margin_x, width - footer.margin_x
    out.draw_line(page, (x0, rule_y), (x1, rule_y), footer.rule_colour, 0.75)
    top, bottom = rule_y + 6, height - 8
    split = x0 + (x1 - x0) * 0.72
    out.insert_html(page, (x0, top, split - 8, bottom), f"<p>{html_lib.escape(left)}</p>",
                    footer.css, footer.font_dir, scale_low=1)
    out.insert_html(page, (split, top, x1, bottom),
                    '<p class="right">' + html_lib.escape(
                        _("Page {number} of {total}").format(number=number, total=total)) + "</p>",
                    footer.css, footer.font_dir, scale_low=1)


def assemble(
    parts: list[AssemblyPart],
    footer: FooterStyle,
    paper: tuple[float, float] = A4,
    metadata: dict[str, str] | None = None,
    note_css: str = "",
) -> AssemblyResult:
    """Join *parts* into one PDF, stamp "footer_left · Page n of m" on every page, write the
    outline and *metadata*.  Returns the bytes, the page count and where each part starts.
    A page MuPDF cannot load (a damaged page tree) is left out and listed in ``damaged``.
    Raises DocumentError for a part whose file cannot be opened or has no readable page,
    ValueError for a part with neither data nor path."""
    from brochure_reader.pdf.builder import PdfBuilder, normalise_levels
    from brochure_reader.pdf.document import readable_pages
    from brochure_reader.pdf.story import html_height

    with PdfBuilder() as out:
        toc: list[OutlineItem] = []
        footers: list[str] = []
        starts: list[int] = []
        damaged: list[list[int]] = []
        for part in parts:
            src = _part_source(part)
            wanted = list(range(src.page_count)) if part.pages is None else list(part.pages)
            pages = readable_pages(src.doc, wanted, part.footer_left or "the document")
            damaged.append([n for n in wanted if n not in pages])
            start = out.page_count
            starts.append(start)
            page_map: dict[int, int] = {}
            if part.fit:
                note = None
                if part.note_html:
                    width = paper[0] - 2 * footer.margin_x
                    note = (
                        part.note_html,
                        note_css,
                        html_height(part.note_html, note_css, footer.font_dir, width),
                    )
                for index, number in enumerate(pages):
                    _fit_page(out, src, number, paper, footer, note if index == 0 else None)
                    page_map.setdefault(number, start + index)
            else:
                if part.remove_below is not None:
                    src = src.without_band(pages, part.remove_below)
                page_map = out.insert_pages(src, pages)
                out.complete_links(src, page_map)
            footers.extend([part.footer_left] * len(pages))
            if part.outline_title:
                toc.append((1, part.outline_title, start, None))
            if part.keep_outline:
                shift = 1 if part.outline_title else 0
                toc.extend((level + shift, title, page, to)
                           for level, title, page, to in src.outline(page_map))
        total = out.page_count
        for index in range(total):
            _stamp_footer(out, index, footers[index], index + 1, total, footer)
        out.set_outline(normalise_levels(toc), collapse=1)
        meta = {"creator": "Brochure Reader", "producer": "PyMuPDF"}
        meta.update(metadata or {})
        out.set_metadata(meta)
        return AssemblyResult(out.tobytes(), total, starts, damaged)
