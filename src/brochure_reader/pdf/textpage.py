"""Text with positions (primitives): blocks, lines and characters of a page in display
coordinates, read with MuPDF's text defaults less ligature glyphs (``ﬁ`` comes out as ``fi``).

Functions take a file path (and password) so they can run in a worker process, and return plain
picklable values: pages 0-based, rectangles ``(x0, y0, x1, y1)`` / tops and bottoms in points
from the top of the page as shown (after /Rotate).  What the text is *for* (search, quotes) is
decided by the feature packages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

from brochure_reader.pdf.document import Layout, forget, load_page, open_document, readable_page

#: Text flags: MuPDF's text defaults without ligature glyphs (images and spans not kept).
TEXT_FLAGS = pymupdf.TEXTFLAGS_TEXT & ~pymupdf.TEXT_PRESERVE_LIGATURES

#: ``(top, bottom, raw text)`` of one text block
Block = tuple[float, float, str]
#: one glyph: ``(character, (x0, y0, x1, y1))`` in the page's own (unrotated) coordinates
Char = tuple[str, tuple[float, float, float, float]]
#: the page's rotation matrix ``(a, b, c, d, e, f)``: unrotated -> display coordinates
Matrix = tuple[float, float, float, float, float, float]


def _page_blocks(page: pymupdf.Page) -> list[Block]:
    """``(top, bottom, raw text)`` of each text block, rotated to display coordinates."""
    blocks = [b for b in page.get_textpage(flags=TEXT_FLAGS).extractBLOCKS()
              if b[6] == 0 and b[4] and not b[4].isspace()]  # text blocks with text
    if not page.rotation:  # display coordinates are the page's own: no transform
        return [(b[1], b[3], b[4]) for b in blocks]
    matrix = page.rotation_matrix
    rects = [(pymupdf.Rect(b[:4]) * matrix, b[4]) for b in blocks]
    return [(rect.y0, rect.y1, text) for rect, text in rects]


def page_blocks(
    path: str | Path, password: str | None, page_no: int, layout: Layout | None = None
) -> list[Block]:
    """The text blocks of page *page_no* (0-based) in reading order.  *layout* is an e-book's
    reflow layout, as for ``open_document``.  Raises DocumentError for a damaged page."""
    return _page_blocks(load_page(open_document(path, password, layout), page_no))


@dataclass
class DocumentBlocks:
    """The text blocks of every page, with what an index needs besides.

    ``pages[i]`` holds the blocks of page *i*, ``heights[i]`` its height in points (0 for a page
    MuPDF could not read: its blocks are then empty); ``outline`` is a list of ``(level ≥ 1,
    title, page 0-based | None, y points)``, read from the file or, when it has none, inferred
    from font sizes (``outline_inferred``).
    """

    title: str
    page_count: int
    pages: list[list[Block]] = field(default_factory=list)
    heights: list[float] = field(default_factory=list)
    outline: list[tuple[int, str, int | None, float]] = field(default_factory=list)
    outline_inferred: bool = False
    #: section slug -> the questions the section answers (:mod:`brochure_reader.pdf.answers`)
    answers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: the language the file declares (catalog ``/Lang``), "" when none: see declared_language
    language: str = ""


def document_blocks(path: str | Path, password: str | None = None) -> DocumentBlocks:
    """Every page's text blocks, read fresh (the file may have changed since it was cached) and
    not kept open afterwards.  Raises DocumentError/PasswordRequired as ``open_document`` does;
    a page MuPDF cannot read is left empty instead of failing the document."""
    from brochure_reader.pdf.answers import read_answers
    from brochure_reader.pdf.outline import infer_headings, read_outline

    forget(path)
    try:
        doc = open_document(path, password)
        pages: list[list[Block]] = []
        heights: list[float] = []
        for page_no in range(doc.page_count):
            try:
                page = doc[page_no]
                heights.append(page.rect.height)
                pages.append(_page_blocks(page))
            except Exception:  # a broken content stream spoils one page, not the document
                pages.append([])
                heights.append(0.0)
        outline = read_outline(doc)
        inferred = False
        if not outline:
            outline = list(infer_headings(doc))
            inferred = bool(outline)
        title = " ".join(((doc.metadata or {}).get("title") or "").split())
        return DocumentBlocks(title, doc.page_count, pages, heights, outline, inferred,
                              read_answers(doc), declared_language(doc))
    finally:
        forget(path)


def declared_language(doc) -> str:
    """The document's language as its catalog declares it (``/Lang``, a BCP 47 tag such as
    "fr-FR"; PDF 32000-1:2008, 14.9.2), or "" when it declares none or cannot be read."""
    try:
        kind, value = doc.xref_get_key(doc.pdf_catalog(), "Lang")
    except Exception:  # not a PDF (EPUB...), or a damaged catalog
        return ""
    if kind != "string":
        return ""
    return pymupdf.get_pdf_str(value) if value.startswith(("(", "<")) else value


def page_chars(
    path: str | Path, password: str | None, page_no: int, layout: Layout | None = None
) -> tuple[list[list[Char]], Matrix]:
    """The glyphs of page *page_no* (0-based), line by line in reading order, trailing blanks
    dropped (empty lines left out), with the page's rotation matrix.  Raises DocumentError
    for a damaged page."""
    page = load_page(open_document(path, password, layout), page_no)
    lines: list[list[Char]] = []
    for block in page.get_text("rawdict", flags=TEXT_FLAGS)["blocks"]:
        for line in block.get("lines", []):
            chars = [(c["c"], c["bbox"]) for span in line["spans"] for c in span["chars"]]
            while chars and chars[-1][0].isspace():
                chars.pop()
            if chars:
                lines.append(chars)
    m = page.rotation_matrix
    return lines, (m.a, m.b, m.c, m.d, m.e, m.f)


def document_lines(
    path: str | Path, password: str | None = None
) -> tuple[list[tuple[int, float, float, str]], list[float]]:
    """Every non-blank text line as ``(page 0-based, top, bottom, text)`` in reading order
    (MuPDF's block order), and every page's height.  Lines of rotated text are included as they
    come; a damaged page contributes no lines."""
    doc = open_document(path, password)
    lines: list[tuple[int, float, float, str]] = []
    heights: list[float] = []
    for page_no in range(doc.page_count):
        page = readable_page(doc, page_no)
        if page is None:  # a damaged page (a cycle in the page tree): no lines, no height
            heights.append(0.0)
            continue
        matrix = page.rotation_matrix
        heights.append(page.rect.height)
        try:
            blocks = page.get_text("dict", flags=TEXT_FLAGS)["blocks"]
        except Exception:  # a damaged page: its text is simply not there
            continue
        for block in blocks:
            for line in block.get("lines", []):
                text = "".join(span["text"] for span in line["spans"])
                if not text.strip():
                    continue
                rect = pymupdf.Rect(line["bbox"]) * matrix
                lines.append((page_no, float(rect.y0), float(rect.y1), text))
    return lines, heights


#: ``(page 0-based, block number on the page, left edge x0, top, largest font size, text)``
StyledLine = tuple[int, int, float, float, float, str]


def document_styled_lines(path: str | Path, password: str | None = None) -> list[StyledLine]:
    """Every non-blank text line of the document with its block number, left edge and top in
    points (the page's own coordinates) and its largest font size in points, in reading order
    (MuPDF's block order).  Read fresh and not kept open; a damaged page contributes no lines.
    Raises DocumentError/PasswordRequired as ``open_document`` does."""
    forget(path)
    try:
        doc = open_document(path, password)
        lines: list[StyledLine] = []
        for page_no in range(doc.page_count):
            try:
                blocks = doc[page_no].get_text("dict", flags=TEXT_FLAGS)["blocks"]
            except Exception:  # a damaged page: its text is simply not there
                continue
            for number, block in enumerate(blocks):
                for line in block.get("lines", []):
                    spans = line["spans"]
                    text = "".join(span["text"] for span in spans)
                    if not text.strip():
                        continue
                    size = max(span["size"] for span in spans)
                    x0, top = line["bbox"][0], line["bbox"][1]
                    lines.append((page_no, number, float(x0), float(top), float(size), text))
        return lines
    finally:
        forget(path)
