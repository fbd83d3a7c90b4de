"""HTML and CSS laid out on PDF pages with MuPDF's Story engine (primitives, no feature rules).

Callers give HTML, CSS, an ``em`` size in points and the folder that ``@font-face`` urls refer
to; rectangles are plain ``(x0, y0, x1, y1)`` tuples in points, y growing downwards.  A typesetter
that needs several layout passes uses :class:`HtmlFlow` with a :class:`PageWriter`; a single
flow of text over pages is :func:`html_pages`.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

import pymupdf

from brochure_reader.paper import A4

Rect = tuple[float, float, float, float]


@lru_cache(maxsize=8)
def _archive(font_dir: str) -> pymupdf.Archive:
    return pymupdf.Archive(font_dir)


def archive(font_dir: str | Path | None) -> pymupdf.Archive | None:
    """The MuPDF archive of *font_dir* (cached), or None."""
    return _archive(str(font_dir)) if font_dir else None


class PageWriter:
    """PDF pages drawn one after another into memory (a ``pymupdf.DocumentWriter``)."""

    def __init__(self) -> None:
        self._buffer = io.BytesIO()
        self._writer = pymupdf.DocumentWriter(self._buffer)

    def begin_page(self, width: float, height: float):
        """Start a page of *width* × *height* points; returns its drawing device."""
        return self._writer.begin_page(pymupdf.Rect(0, 0, width, height))

    def end_page(self) -> None:
        self._writer.end_page()

    def close(self) -> bytes:
        """Finish the file; returns the PDF bytes."""
        self._writer.close()
        return self._buffer.getvalue()


class HtmlFlow:
    """HTML flowing through rectangles, page after page (a ``pymupdf.Story``).

    ``place(rect)`` fills *rect* with as much as fits; ``positions()`` then lists where the
    elements with an ``id`` landed; ``draw(device)`` draws what was placed (with None it only
    advances the flow, a layout pass).
    """

    def __init__(
        self, html: str, css: str = "", em: float = 12.0, font_dir: str | Path | None = None
    ) -> None:
        self._story = pymupdf.Story(html, user_css=css, em=em, archive=archive(font_dir))

    def place(self, rect: Rect) -> tuple[bool, Rect]:
        """Fill *rect*; returns (more text left, the rectangle actually filled)."""
        more, filled = self._story.place(pymupdf.Rect(rect))
        r = pymupdf.Rect(filled)
        return bool(more), (r.x0, r.y0, r.x1, r.y1)

    def positions(self) -> list[tuple[str, Rect]]:
        """``(id, rect)`` of every element with an id placed by the last :meth:`place`."""
        found: list[tuple[str, Rect]] = []

        def record(pos) -> None:
            if pos.id:
                found.append((pos.id, tuple(pos.rect)))

        self._story.element_positions(record, {})
        return found

    def draw(self, device) -> None:
        self._story.draw(device)


def html_pages(
    body_html: str,
    css: str,
    font_dir: str | Path | None,
    paper: tuple[float, float] = A4,
    margins: tuple[float, float, float, float] = (60.0, 56.0, 110.0, 56.0),
    em: float = 12.0,
    max_pages: int = 200,
) -> bytes:
    """Lay *body_html* out on as many *paper* pages as it needs; PDF bytes.

    *margins* are (top, right, bottom, left) in points.  *font_dir* is the folder that
    ``@font-face`` urls in *css* refer to.  Raises ValueError past *max_pages* pages.
    """
    flow = HtmlFlow(body_html, css, em, font_dir)
    top, right, bottom, left = margins
    where = (left, top, paper[0] - right, paper[1] - bottom)
    writer = PageWriter()
    more = True
    pages = 0
    while more:
        device = writer.begin_page(*paper)
        more, _filled = flow.place(where)
        flow.draw(device)
        writer.end_page()
        pages += 1
        if pages > max_pages:
            raise ValueError("the text is too long")
    return writer.close()


def html_height(
    body_html: str, css: str, font_dir: str | Path | None, width: float, em: float = 12.0
) -> float:
    """Height in points that *body_html* needs at *width*."""
    _more, filled = HtmlFlow(body_html, css, em, font_dir).place((0, 0, width, 10000))
    return float(filled[3])


@lru_cache(maxsize=8)
def _font(font_file: str) -> pymupdf.Font:
    return pymupdf.Font(fontfile=font_file)


def text_width(font_file: str | Path, text: str, size: float) -> float:
    """Width in points of *text* set in the font file *font_file* at *size* points."""
    return float(_font(str(font_file)).text_length(text, fontsize=size))
