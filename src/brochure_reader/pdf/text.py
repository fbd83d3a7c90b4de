"""Page text for search: ligatures expanded, soft hyphens and line-end hyphens resolved.

MuPDF keeps ligature glyphs (``ﬁ``) unless told not to, and its own de-hyphenation does not
apply to plain-text output, so text is extracted with ``TEXT_PRESERVE_LIGATURES`` off and the
line structure kept; :func:`brochure_reader.search.normalise.clean_text` then joins the words
split at line ends.  Functions here may run in a worker process (they take a path, not a
document) and return plain picklable data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

from brochure_reader.pdf.document import Layout, open_document
from brochure_reader.search.normalise import (
    SOFT_HYPHEN,
    UNSPACED,
    clean_text,
    fold,
    hyphenated_words,
)

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
    #: section slug -> the questions the section answers (:mod:`brochure_reader.pdf.answers`)
    answers: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _raw_blocks(page: pymupdf.Page) -> list[tuple[float, float, str]]:
    """``(top, bottom, raw text)`` of each text block, rotated to display coordinates."""
    blocks = [b for b in page.get_textpage(flags=TEXT_FLAGS).extractBLOCKS()
              if b[6] == 0 and b[4] and not b[4].isspace()]  # text blocks with text
    if not page.rotation:  # display coordinates are the page's own: no transform
        return [(b[1], b[3], b[4]) for b in blocks]
    matrix = page.rotation_matrix
    rects = [(pymupdf.Rect(b[:4]) * matrix, b[4]) for b in blocks]
    return [(rect.y0, rect.y1, text) for rect, text in rects]


def page_text(
    path: str | Path, password: str | None, page_no: int, layout: Layout | None = None
) -> str:
    """Display text of page *page_no* (0-based): one string, blocks separated by a space.
    *layout* is an e-book's reflow layout, as for ``open_document``."""
    doc = open_document(path, password, layout)
    blocks = _raw_blocks(doc[page_no])
    keep = hyphenated_words(text for _t, _b, text in blocks)
    return " ".join(filter(None, (clean_text(text, keep) for _t, _b, text in blocks)))


def extract_document(path: str | Path, password: str | None = None) -> ExtractedDocument:
    """Extract every page of *path* for indexing.  Raises DocumentError/PasswordRequired as
    :func:`brochure_reader.pdf.document.open_document` does; a page MuPDF cannot read is left
    empty instead of failing the document."""

    _forget(path)  # the file may have changed since it was cached
    try:
        doc = open_document(path, password)
        return _extract(doc)
    finally:
        _forget(path)  # indexing reads each file once: do not keep it open


def _forget(path: str | Path) -> None:
    """Close and drop cached copies of *path* (see ``document.forget``)."""
    from brochure_reader.pdf.document import forget

    forget(path)


def _extract(doc: pymupdf.Document) -> ExtractedDocument:
    from brochure_reader.pdf.answers import read_answers
    from brochure_reader.pdf.outline import infer_headings, read_outline

    raw_pages: list[list[tuple[float, float, str]]] = []
    heights: list[float] = []
    for page_no in range(doc.page_count):
        try:
            page = doc[page_no]
            heights.append(page.rect.height)
            raw_pages.append(_raw_blocks(page))
        except Exception:  # a broken content stream spoils one page, not the document
            raw_pages.append([])
            heights.append(0.0)
    raw_pages = join_split_words(drop_running_text(raw_pages, heights))
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
    return ExtractedDocument(title, doc.page_count, pages, outline, inferred,
                             read_answers(doc))


#: Share of the page height at the top and at the bottom where running heads and feet live.
RUNNING_BAND = 0.1
#: Longest block (characters) that can be a running head or foot.
RUNNING_MAX_CHARS = 200
_DIGITS = re.compile(r"\d+")


def drop_running_text(
    pages: list[list[tuple[float, float, str]]], heights: list[float]
) -> list[list[tuple[float, float, str]]]:
    """*pages* (blocks ``(top, bottom, text)`` per page) without running heads and feet: blocks
    in the top or bottom tenth of the page whose text, numbers aside, repeats on at least 3
    pages and on at least 40 % of the pages ("Glioma · Reviewed 2026 · Page 3 of 14")."""
    if len(pages) < 3:
        return pages

    def key(top: float, bottom: float, text: str, height: float) -> str | None:
        if len(text) > RUNNING_MAX_CHARS or height <= 0:
            return None
        if RUNNING_BAND * height < top and bottom < (1 - RUNNING_BAND) * height:
            return None
        return _DIGITS.sub("#", " ".join(fold(text).split()))

    counts: dict[str, int] = {}
    for blocks, height in zip(pages, heights, strict=True):
        for k in {key(*block, height) for block in blocks} - {None}:
            counts[k] = counts.get(k, 0) + 1
    needed = max(3, 0.4 * len(pages))
    running = {k for k, n in counts.items() if n >= needed}
    if not running:
        return pages
    return [[b for b in blocks if key(*b, height) not in running]
            for blocks, height in zip(pages, heights, strict=True)]


def _ends_hyphenated(text: str) -> bool:
    """Whether *text* ends with a letter and a hyphen (``"arti-"``)."""
    tail = text.rstrip()[-2:]
    return len(tail) == 2 and tail[1] in "-\u2010\u2011" and tail[0].isalpha()


_FIRST_WORD = re.compile(r"\s*(\w+)[^\S\n]*")


def join_split_words(
    pages: list[list[tuple[float, float, str]]],
) -> list[list[tuple[float, float, str]]]:
    """Words hyphenated at the end of a block (the foot of a column, or of a page) joined with
    their second half, which starts the next block: the blocks of one page are merged into one
    (``"arti-\n"`` + ``"cles and..."``); across pages the second half moves to the first page.
    Only when the second half starts with a lower-case letter."""
    out: list[list[tuple[float, float, str]]] = []
    for blocks in pages:
        merged: list[tuple[float, float, str]] = []
        for block in blocks:
            text = block[2]
            if merged and _ends_hyphenated(merged[-1][2]) and text.lstrip()[:1].islower():
                top, bottom, previous = merged[-1]
                merged[-1] = (top, bottom, previous.rstrip() + "\n" + text.lstrip())
            else:
                merged.append(block)
        if out and out[-1] and merged and _ends_hyphenated(out[-1][-1][2]):
            m = _FIRST_WORD.match(merged[0][2])
            if m and m.group(1)[0].islower():
                top, bottom, previous = out[-1][-1]
                out[-1][-1] = (top, bottom, previous.rstrip() + "\n" + m.group(1))
                rest = merged[0][2][m.end():]
                merged[0] = (merged[0][0], merged[0][1], rest)
                if not rest.strip():
                    merged.pop(0)
        out.append(merged)
    return out


# --- hit rectangles -------------------------------------------------------------------------

_JOIN = "\x00"  # stands for a line-end hyphen + line break that clean_text joined away
_HYPHENS = "-\u2010\u2011"


def _page_stream(page: pymupdf.Page) -> tuple[str, list[tuple | None]]:
    """The page's characters folded (see normalise.fold) as one string, and for each folded
    character the ``(line number, bbox)`` of the glyph it came from (None for separators).

    A hyphen ending a line before a lower-case letter becomes ``_JOIN`` (it is then optional in
    patterns); a soft hyphen disappears, and at a line end takes the line break with it.
    """
    out: list[str] = []
    where: list[tuple | None] = []
    lines = []
    for block in page.get_text("rawdict", flags=TEXT_FLAGS)["blocks"]:
        for line in block.get("lines", []):
            chars = [(c["c"], c["bbox"]) for span in line["spans"] for c in span["chars"]]
            while chars and chars[-1][0].isspace():
                chars.pop()
            if chars:
                lines.append(chars)
    for number, chars in enumerate(lines):
        following = lines[number + 1] if number + 1 < len(lines) else []
        next_lower = bool(following) and following[0][0].islower()
        last = len(chars) - 1
        for i, (char, bbox) in enumerate(chars):
            if char == SOFT_HYPHEN:
                continue
            joins = i == last and char in _HYPHENS and next_lower
            if joins and i > 0 and chars[i - 1][0].isalpha():
                out.append(_JOIN)
                where.append(None)
                continue
            for folded in fold(char):
                out.append(folded)
                where.append((number, bbox))
        if not (chars[-1][0] == SOFT_HYPHEN and next_lower) and not (out and out[-1] == _JOIN):
            out.append(" ")
            where.append(None)
    return "".join(out), where


def _term_pattern(term: str) -> re.Pattern[str] | None:
    folded = " ".join(fold(term).split())
    if not folded:
        return None
    parts = []
    for char in folded:
        if char == " ":
            parts.append(f"[\\s{_JOIN}]+")
        elif char in _HYPHENS:
            parts.append(f"[{re.escape(_HYPHENS)}{_JOIN}]")
        else:
            parts.append(re.escape(char) + f"{_JOIN}?")
    body = "".join(parts)
    if body.endswith(f"{_JOIN}?"):
        body = body[: -len(_JOIN) - 1]
    head = "(?<!\\w)" if folded[0].isalnum() and not UNSPACED.match(folded[0]) else ""
    tail = "(?!\\w)" if folded[-1].isalnum() and not UNSPACED.match(folded[-1]) else ""
    return re.compile(head + body + tail)


def hit_rects(
    path: str | Path, password: str | None, page_no: int, terms: list[str],
    layout: Layout | None = None,
) -> list[tuple[float, float, float, float]]:
    """Rectangles ``(x0, y0, x1, y1)`` in display points covering every occurrence of *terms*
    (words or phrases, as in ``Hit.terms``) on page *page_no* (0-based).

    Matching is case- and accent-insensitive and whole-word, sees ligature glyphs as their
    letters, ignores soft hyphens and finds words split by a hyphen at a line end (one
    rectangle per line fragment, the hyphen itself left out): what MuPDF's ``search_for``
    misses.  One rectangle per occurrence and line, in reading order.  *layout* is an e-book's
    reflow layout, as for ``open_document``.
    """
    doc = open_document(path, password, layout)
    page = doc[page_no]
    stream, where = _page_stream(page)
    matrix = page.rotation_matrix
    rects: list[tuple[float, float, float, float]] = []
    seen: set[tuple[int, int]] = set()
    for term in terms:
        pattern = _term_pattern(term)
        if pattern is None:
            continue
        for m in pattern.finditer(stream):
            if (m.start(), m.end()) in seen:
                continue
            seen.add((m.start(), m.end()))
            by_line: dict[int, pymupdf.Rect] = {}
            for pos in range(m.start(), m.end()):
                info = where[pos]
                if info is None:
                    continue
                number, bbox = info
                box = pymupdf.Rect(bbox)
                by_line[number] = by_line[number] | box if number in by_line else box
            for number in sorted(by_line):
                r = by_line[number] * matrix
                rects.append((r.x0, r.y0, r.x1, r.y1))
    return rects
