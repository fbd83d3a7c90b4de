"""Document text with positions, for bookmark quotes and re-anchoring (PyMuPDF side).

Every function here takes a file path (and password) so it can run in a worker process; the
results are plain picklable values.  Positions are display coordinates: page 0-based, y in PDF
points from the top of the page as shown (after /Rotate).
"""

from __future__ import annotations

import pymupdf

from brochure_reader.bookmarks.anchors import TextMap, normalise_text
from brochure_reader.bookmarks.model import Quote
from brochure_reader.pdf.document import open_document

_FLAGS = pymupdf.TEXTFLAGS_TEXT & ~pymupdf.TEXT_PRESERVE_LIGATURES


def document_lines(path: str, password: str | None = None) -> list[tuple[int, float, float, str]]:
    """Every text line as ``(page 0-based, top, bottom, text)`` in reading order (MuPDF's block
    order), top/bottom in display points.  Lines of rotated text are included as they come."""
    doc = open_document(path, password)
    lines = []
    for page_no in range(doc.page_count):
        page = doc[page_no]
        matrix = page.rotation_matrix
        try:
            blocks = page.get_text("dict", flags=_FLAGS)["blocks"]
        except Exception:  # a damaged page: its text is simply not there
            continue
        for block in blocks:
            for line in block.get("lines", []):
                text = "".join(span["text"] for span in line["spans"])
                if not text.strip():
                    continue
                rect = pymupdf.Rect(line["bbox"]) * matrix
                lines.append((page_no, float(rect.y0), float(rect.y1), text))
    return lines


def text_map(path: str, password: str | None = None) -> TextMap:
    """The :class:`~brochure_reader.bookmarks.anchors.TextMap` of a document (for re-anchoring)."""
    return TextMap.from_lines(document_lines(path, password))


def quote_at(path: str, password: str | None, page: int, y: float) -> Quote:
    """The quote (~100 characters with context) of the text at or just below (page 0-based,
    y points); an empty Quote when the rest of the document has no text."""
    return text_map(path, password).quote_at(page, y)


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
