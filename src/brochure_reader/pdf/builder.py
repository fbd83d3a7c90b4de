"""Writing a PDF page by page (primitives, no feature rules): the output side of the backend.

:class:`PdfBuilder` wraps one ``pymupdf.Document`` being written: new pages, HTML boxes, filled
rectangles, lines, pages copied or scaled from a :class:`~brochure_reader.pdf.export.PdfSource`,
outline, metadata and catalog entries, then the bytes.  Pages are 0-based; rectangles are
``(x0, y0, x1, y1)`` and points ``(x, y)`` in PDF points from the top-left; colours are RGB
triples in 0..1.  Feature packages (authoring, bookmarks, handouts) decide what goes where.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pymupdf

from brochure_reader.pdf.story import archive

Rect = tuple[float, float, float, float]
Colour = tuple[float, float, float]
#: ``(level ≥ 1, title, page 0-based, (x, y) target or None for the page top)``
OutlineItem = tuple[int, str, int, "tuple[float, float] | None"]


def normalise_levels(entries: list[OutlineItem]) -> list[OutlineItem]:
    """Outline levels made valid for a PDF outline: the first is 1, none jumps by more than
    one below the entry before it."""
    if not entries:
        return entries
    base = min(e[0] for e in entries)
    out: list[OutlineItem] = []
    previous = 0
    for level, title, page, to in entries:
        level = max(1, min(level - base + 1, previous + 1))
        out.append((level, title, page, to))
        previous = level
    return out


def _key(rect) -> tuple:
    r = pymupdf.Rect(rect)
    return (round(r.x0), round(r.y0), round(r.x1), round(r.y1))


def copy_links(src: pymupdf.Document, out: pymupdf.Document, page_map: dict[int, int]) -> None:
    """Complete the links ``insert_pdf(links=True)`` left out: links inside the document that go
    through named destinations, or to a page copied by another ``insert_pdf`` call, retargeted to
    the copied page.  Links whose target was not copied are left out."""
    for source_page, out_page in page_map.items():
        page = out[out_page]
        have = {_key(link["from"]) for link in page.get_links()}
        for link in src[source_page].get_links():
            if link.get("kind") not in (pymupdf.LINK_GOTO, pymupdf.LINK_NAMED):
                continue
            target = page_map.get(link.get("page", -1))
            if target is None or _key(link["from"]) in have:
                continue
            to = link.get("to")
            new = {
                "kind": pymupdf.LINK_GOTO,
                "from": link["from"],
                "page": target,
                "to": to if isinstance(to, pymupdf.Point) else pymupdf.Point(0, 0),
                "zoom": 0,
            }
            try:
                page.insert_link(new)
            except Exception:  # an odd link in a damaged file is not worth failing for
                continue


class PdfBuilder:
    """A PDF being written: empty, or opened from *data* (PDF bytes) to be finished."""

    def __init__(self, data: bytes | None = None) -> None:
        self.doc = pymupdf.open("pdf", data) if data is not None else pymupdf.open()

    def __enter__(self) -> PdfBuilder:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        self.doc.close()

    @property
    def page_count(self) -> int:
        return self.doc.page_count

    def page_size(self, page: int) -> tuple[float, float]:
        rect = self.doc[page].rect
        return float(rect.width), float(rect.height)

    # -- pages -----------------------------------------------------------------------------
    def new_page(self, width: float, height: float) -> int:
        """Append an empty page; returns its number."""
        self.doc.new_page(width=width, height=height)
        return self.doc.page_count - 1

    def delete_page(self, page: int) -> None:
        self.doc.delete_page(page)

    def insert_html(
        self,
        page: int,
        rect: Rect,
        html: str,
        css: str = "",
        font_dir: str | Path | None = None,
        scale_low: float = 0.0,
    ) -> tuple[float, float]:
        """Set *html* into *rect* of *page*, shrinking the text down to *scale_low* (1: never,
        0: as far as needed) to make it fit.  Returns ``(spare height, scale used)``; a negative
        spare height means it did not fit."""
        spare, scale = self.doc[page].insert_htmlbox(
            pymupdf.Rect(rect), html, css=css, archive=archive(font_dir), scale_low=scale_low
        )
        return float(spare), float(scale)

    def fill_rects(self, page: int, items: list[tuple[Rect, Colour]], under_text: bool) -> None:
        """Fill rectangles (no border), in order; *under_text* puts them beneath what the page
        already shows."""
        if not items:
            return
        shape = self.doc[page].new_shape()
        for rect, colour in items:
            shape.draw_rect(pymupdf.Rect(rect))
            shape.finish(color=None, fill=colour, width=0)
        shape.commit(overlay=not under_text)

    def draw_line(
        self,
        page: int,
        start: tuple[float, float],
        end: tuple[float, float],
        colour: Colour,
        width: float,
    ) -> None:
        shape = self.doc[page].new_shape()
        shape.draw_line(start, end)
        shape.finish(color=colour, width=width)
        shape.commit()

    def insert_pages(self, source, pages: list[int]) -> dict[int, int]:
        """Copy *pages* (0-based) of *source* (a :class:`~brochure_reader.pdf.export.PdfSource`)
        to the end, as they are (text, links, annotations kept); returns the map source page ->
        output page.  Call :meth:`complete_links` once all pages of *source* are in.  A page
        MuPDF cannot load (a damaged page tree) is left out: it is not in the map (all of them
        damaged: DocumentError)."""
        from brochure_reader.pdf.document import readable_pages

        page_map: dict[int, int] = {}
        pages = readable_pages(source.doc, pages, Path(source.doc.name or "").name)
        index = 0
        while index < len(pages):  # one insert_pdf per run of consecutive pages
            end = index
            while end + 1 < len(pages) and pages[end + 1] == pages[end] + 1:
                end += 1
            start = self.doc.page_count
            self.doc.insert_pdf(source.doc, from_page=pages[index], to_page=pages[end],
                                links=True, annots=True)
            for offset, number in enumerate(pages[index:end + 1]):
                page_map.setdefault(number, start + offset)
            index = end + 1
        return page_map

    def complete_links(self, source, page_map: dict[int, int]) -> None:
        """Retarget the links inside *source* that ``insert_pages`` could not keep (named
        destinations, pages copied by another call) through *page_map*."""
        copy_links(source.doc, self.doc, page_map)

    def show_page(self, page: int, rect: Rect, source, number: int) -> None:
        """Draw page *number* of *source* scaled into *rect* of *page*, keeping its proportions."""
        self.doc[page].show_pdf_page(pymupdf.Rect(rect), source.doc, number, keep_proportion=True)

    # -- document --------------------------------------------------------------------------
    def set_outline(self, entries: list[OutlineItem], collapse: int | None = None) -> None:
        """Write the outline (bookmarks); targets are exact positions, or page tops for None."""
        toc: list[list] = []
        for level, title, page, to in entries:
            if to is None:
                toc.append([level, title, page + 1])
            else:
                link = {"kind": pymupdf.LINK_GOTO, "to": pymupdf.Point(*to), "zoom": 0}
                toc.append([level, title, page + 1, link])
        if toc:
            self.doc.set_toc(toc, collapse=collapse or 0)

    def set_metadata(self, metadata: dict[str, str]) -> None:
        self.doc.set_metadata(metadata)

    def set_catalog(
        self, language: str | None = None, display_title: bool = False,
        show_outline: bool = False,
    ) -> None:
        """Catalog entries: /Lang, /ViewerPreferences /DisplayDocTitle, /PageMode
        /UseOutlines."""
        catalog = self.doc.pdf_catalog()
        if language:
            self.doc.xref_set_key(catalog, "Lang", pymupdf.get_pdf_str(language))
        if display_title:
            self.doc.xref_set_key(catalog, "ViewerPreferences", "<</DisplayDocTitle true>>")
        if show_outline:
            self.doc.xref_set_key(catalog, "PageMode", "/UseOutlines")

    def write_answers(self, answers) -> None:
        """Store the questions each section answers (slug -> questions) in the document
        information (:func:`brochure_reader.pdf.answers.write_answers`); call after
        :meth:`set_metadata`."""
        from brochure_reader.pdf.answers import write_answers

        write_answers(self.doc, answers)

    def subset_fonts(self) -> None:
        """Keep only the glyphs used (a symbol fallback font is large)."""
        self.doc.subset_fonts()

    def tobytes(self, no_new_id: bool = False) -> bytes:
        """The PDF, garbage-collected and compressed."""
        return self.doc.tobytes(garbage=3, deflate=True, no_new_id=no_new_id)

    def save(self, path: str | Path) -> None:
        """Write the PDF to *path* (garbage-collected, compressed), all at once: on a failure
        (a full disk) *path* is left as it was, never 0 bytes or half-written
        (:func:`brochure_reader.files.replacing`).  Raises OSError/RuntimeError."""
        from brochure_reader.files import replacing

        with replacing(path) as tmp:
            try:
                self.doc.save(tmp, garbage=3, deflate=True)
            except Exception as exc:  # MuPDF (FzErrorSystem…): "cannot fwrite: No space left…"
                if "no space left" in str(exc).lower():
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)) from None
                raise
