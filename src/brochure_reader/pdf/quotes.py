"""Document text with positions, for bookmark quotes and re-anchoring (PyMuPDF side).

Every function here takes a file path (and password) so it can run in a worker process; the
results are plain picklable values.  Positions are display coordinates: page 0-based, y in PDF
points from the top of the page as shown (after /Rotate).
"""

from __future__ import annotations

import pymupdf

from brochure_reader.bookmarks.anchors import TextMap
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


def lines_between(
    path: str, password: str | None, start: tuple[int, float], end: tuple[int, float] | None
) -> list[str]:
    """Text lines from *start* up to (not including) *end*, each ``(page 0-based, y points)``;
    *end* None means to the end of the document.  Used to read a section such as "Questions to
    ask" (start = the section, end = the next section)."""
    result = []
    for page, top, bottom, text in document_lines(path, password):
        middle = (top + bottom) / 2
        if (page, middle) < (start[0], start[1]):
            continue
        if end is not None and (page, middle) >= (end[0], end[1]):
            continue  # (not break: a second column may come later in reading order)
        result.append(text)
    return result
