"""Page text for search: ligatures expanded, soft hyphens and line-end hyphens resolved.

MuPDF keeps ligature glyphs (``ﬁ``) unless told not to, and its own de-hyphenation does not
apply to plain-text output, so text is extracted with ``TEXT_PRESERVE_LIGATURES`` off and the
line structure kept; :func:`brochure_reader.search.normalise.clean_text` then joins the words
split at line ends.  Functions here may run in a worker process (they take a path, not a
document) and return plain picklable data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

from brochure_reader.pdf.document import open_document
from brochure_reader.search.normalise import clean_text, hyphenated_words

#: Flags for search text: MuPDF's text defaults without ligature glyphs, images or spans kept.
TEXT_FLAGS = pymupdf.TEXTFLAGS_TEXT & ~pymupdf.TEXT_PRESERVE_LIGATURES


@dataclass
class TextBlock:
    """A block of display text on a page: ``top``/``bottom`` in display points from the top of
    the page, ``text`` already cleaned (one line, see ``clean_text``)."""

    top: float
    bottom: float
    text: str


@dataclass
class ExtractedDocument:
    """Everything the search index needs from a document.

    ``pages[i]`` holds the text blocks of page *i* (0-based) in reading order; ``outline`` is a
    list of ``(level ≥ 1, title, page 0-based | None, y points)`` entries, read from the PDF or,
    when it has none, inferred from font sizes (``outline_inferred``).
    """

    title: str
    page_count: int
    pages: list[list[TextBlock]] = field(default_factory=list)
    outline: list[tuple[int, str, int | None, float]] = field(default_factory=list)
    outline_inferred: bool = False


def _raw_blocks(page: pymupdf.Page) -> list[tuple[float, float, str]]:
    """``(top, bottom, raw text)`` of each text block, rotated to display coordinates."""
    out = []
    matrix = page.rotation_matrix
    for x0, y0, x1, y1, text, _no, kind in page.get_text("blocks", flags=TEXT_FLAGS):
        if kind != 0 or not text.strip():
            continue
        rect = pymupdf.Rect(x0, y0, x1, y1) * matrix
        out.append((rect.y0, rect.y1, text))
    return out


def page_text(path: str | Path, password: str | None, page_no: int) -> str:
    """Display text of page *page_no* (0-based): one string, blocks separated by a space."""
    doc = open_document(path, password)
    blocks = _raw_blocks(doc[page_no])
    keep = hyphenated_words(text for _t, _b, text in blocks)
    return " ".join(filter(None, (clean_text(text, keep) for _t, _b, text in blocks)))


def extract_document(path: str | Path, password: str | None = None) -> ExtractedDocument:
    """Extract every page of *path* for indexing.  Raises DocumentError/PasswordRequired as
    :func:`brochure_reader.pdf.document.open_document` does; a page MuPDF cannot read is left
    empty instead of failing the document."""
    from brochure_reader.pdf.outline import infer_headings, read_outline

    doc = open_document(path, password)
    raw_pages: list[list[tuple[float, float, str]]] = []
    for page_no in range(doc.page_count):
        try:
            raw_pages.append(_raw_blocks(doc[page_no]))
        except Exception:  # a broken content stream spoils one page, not the document
            raw_pages.append([])
    keep = hyphenated_words(text for blocks in raw_pages for _t, _b, text in blocks)
    pages = [
        [TextBlock(top, bottom, cleaned) for top, bottom, text in blocks
         if (cleaned := clean_text(text, keep))]
        for blocks in raw_pages
    ]
    outline = read_outline(doc)
    inferred = False
    if not outline:
        outline = infer_headings(doc)
        inferred = bool(outline)
    title = " ".join(((doc.metadata or {}).get("title") or "").split())
    return ExtractedDocument(title, doc.page_count, pages, outline, inferred)
