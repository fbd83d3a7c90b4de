"""Document text with positions, for bookmark quotes and re-anchoring.

The lines come from the PDF backend (:func:`brochure_reader.pdf.textpage.document_lines`); which
of them make a quote, a section or a "questions to ask" list is decided here.  Every function
takes a file path (and password) so it can run in a worker process; the results are plain
picklable values.  Positions are display coordinates: page 0-based, y in PDF points from the top
of the page as shown (after /Rotate).
"""

from __future__ import annotations

import re

from brochure_reader.bookmarks.anchors import TextMap, normalise_text
from brochure_reader.bookmarks.model import Quote
from brochure_reader.pdf.jobs import job

#: Running headers and footers live in this share of the page height, at the top or bottom.
MARGIN_SHARE = 0.12
_DIGITS = re.compile(r"\d+")


def document_lines(path: str, password: str | None = None) -> list[tuple[int, float, float, str]]:
    """Every text line as ``(page 0-based, top, bottom, text)`` in reading order (MuPDF's block
    order), top/bottom in display points.  Lines of rotated text are included as they come.

    Running headers and footers are left out: a line in the top or bottom 12 % of its page whose
    text, with numbers masked, appears on at least 3 pages and on at least a third of them
    ("Acute myeloid leukaemia (AML) · Page 5 of 15").  Otherwise they would be glued into
    quotes and "questions to ask" lists that cross a page break.
    """
    from brochure_reader.pdf.textpage import document_lines as read_lines

    raw, heights = read_lines(path, password)
    lines = []
    for page_no, top, bottom, text in raw:
        height = heights[page_no]
        margin = bottom < height * MARGIN_SHARE or top > height * (1 - MARGIN_SHARE)
        lines.append((page_no, top, bottom, text, margin))
    return _without_running_lines(lines, len(heights))


def _without_running_lines(lines: list[tuple], page_count: int) -> list[tuple]:
    def key(text: str) -> str:
        return _DIGITS.sub("#", " ".join(text.split()).lower())

    pages_with: dict[str, set[int]] = {}
    for page_no, _top, _bottom, text, margin in lines:
        if margin:
            pages_with.setdefault(key(text), set()).add(page_no)
    needed = max(3, page_count / 3)
    running = {k for k, pages in pages_with.items() if len(pages) >= needed}
    return [
        (page_no, top, bottom, text)
        for page_no, top, bottom, text, margin in lines
        if not (margin and key(text) in running)
    ]


@job()
def text_map(path: str, password: str | None = None) -> TextMap:
    """The :class:`~brochure_reader.bookmarks.anchors.TextMap` of a document (for re-anchoring)."""
    return TextMap.from_lines(document_lines(path, password))


@job()
def quote_at(path: str, password: str | None, page: int, y: float) -> Quote:
    """The quote (~100 characters with context) of the text at or just below (page 0-based,
    y points); an empty Quote when the rest of the document has no text."""
    return text_map(path, password).quote_at(page, y)


@job()
def quote_for_selection(path: str, password: str | None, page: int, selected: str) -> Quote:
    """The quote for a text selection on *page* (0-based): the selected text with context."""
    return text_map(path, password).quote_for_text(selected, page)


def _same_heading(line: str, title: str) -> bool:
    line, title = normalise_text(line).casefold(), normalise_text(title).casefold()
    return bool(line) and (line == title or (len(line) > 3 and title.startswith(line)))


def _heading_index(lines: list, bound: tuple[int, float, str], after: int) -> int | None:
    """Index of the heading *bound* = (page 0-based, y, title): the line with the title's text
    on that page (or the next one), else the first line at or below (page, y)."""
    page, y, title = bound
    for i in range(after, len(lines)):
        p, _top, _bottom, text = lines[i]
        if p in (page, page + 1) and _same_heading(text, title):
            return i
    for i in range(after, len(lines)):
        p, top, bottom, _text = lines[i]
        if (p, (top + bottom) / 2) >= (page, y):
            return i
    return None


@job()
def section_lines(path: str, password: str | None, start: tuple[int, float, str],
                  end: tuple[int, float, str] | None) -> list[str]:
    """The text lines of a section, from its heading up to (not including) the next heading.

    *start* and *end* are ``(page 0-based, y points, heading title)``; *end* None means to the
    end of the document.  Headings are found by their text on that page (so an imprecise outline
    position does not matter); only when the text is not there is (page, y) used.  Used to read
    a brochure's "Questions to ask" list.
    """
    lines = document_lines(path, password)
    first = _heading_index(lines, start, 0)
    if first is None:
        return []
    last = _heading_index(lines, end, first + 1) if end is not None else None
    return [text for _p, _t, _b, text in lines[first:last]]
