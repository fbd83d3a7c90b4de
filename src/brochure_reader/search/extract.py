"""Page text for search: ligatures expanded, soft hyphens and line-end hyphens resolved, running
heads and feet dropped; and the rectangles of search hits on a page.

MuPDF keeps ligature glyphs (``ﬁ``) unless told not to, and its own de-hyphenation does not
apply to plain-text output, so the backend (:mod:`brochure_reader.pdf.textpage`) reads text with
``TEXT_PRESERVE_LIGATURES`` off and the line structure kept;
:func:`brochure_reader.search.normalise.clean_text` then joins the words split at line ends.
Functions here may run in a worker process (they take a path, not a document) and return plain
picklable data.  The backend is imported where used, so the GUI can import this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from brochure_reader.pdf.jobs import job
from brochure_reader.search.normalise import (
    SOFT_HYPHEN,
    UNSPACED,
    clean_text,
    fold,
    hyphenated_words,
)

if TYPE_CHECKING:
    from brochure_reader.pdf.document import Layout
    from brochure_reader.pdf.textpage import Char


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
    #: the language the file declares (catalog ``/Lang``, BCP 47 such as "fr-FR"), or ""
    language: str = ""


def page_text(
    path: str | Path, password: str | None, page_no: int, layout: Layout | None = None
) -> str:
    """Display text of page *page_no* (0-based): one string, blocks separated by a space.
    *layout* is an e-book's reflow layout, as for ``open_document``."""
    from brochure_reader.pdf.textpage import page_blocks

    blocks = page_blocks(path, password, page_no, layout)
    keep = hyphenated_words(text for _t, _b, text in blocks)
    return " ".join(filter(None, (clean_text(text, keep) for _t, _b, text in blocks)))


def extract_document(path: str | Path, password: str | None = None) -> ExtractedDocument:
    """Extract every page of *path* for indexing.  Raises DocumentError/PasswordRequired as
    :func:`brochure_reader.pdf.document.open_document` does; a page MuPDF cannot read is left
    empty instead of failing the document."""
    from brochure_reader.pdf.textpage import document_blocks

    raw = document_blocks(path, password)
    raw_pages = join_split_words(drop_running_text(raw.pages, raw.heights))
    keep = hyphenated_words(text for blocks in raw_pages for _t, _b, text in blocks)
    pages = [
        [TextBlock(top, bottom, cleaned) for top, bottom, text in blocks
         if (cleaned := clean_text(text, keep))]
        for blocks in raw_pages
    ]
    return ExtractedDocument(raw.title, raw.page_count, pages, raw.outline, raw.outline_inferred,
                             raw.answers, raw.language)


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
        for k in {key(*block, height) for block in blocks}:
            if k is not None:
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


def _page_stream(lines: list[list[Char]]) -> tuple[str, list[tuple | None]]:
    """The characters of a page's *lines* (``pdf.textpage.page_chars``) folded (see
    normalise.fold) as one string, and for each folded character the ``(line number, bbox)``
    of the glyph it came from (None for separators).

    A hyphen ending a line before a lower-case letter becomes ``_JOIN`` (it is then optional in
    patterns); a soft hyphen disappears, and at a line end takes the line break with it.
    """
    out: list[str] = []
    where: list[tuple | None] = []
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


@job()
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
    from brochure_reader.pdf.textpage import page_chars

    lines, matrix = page_chars(path, password, page_no, layout)
    stream, where = _page_stream(lines)
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
            by_line: dict[int, tuple[float, float, float, float]] = {}
            for pos in range(m.start(), m.end()):
                info = where[pos]
                if info is None:
                    continue
                number, box = info
                by_line[number] = _union(by_line[number], box) if number in by_line else box
            for number in sorted(by_line):
                rects.append(_transform(by_line[number], matrix))
    return rects


def _union(a, b) -> tuple[float, float, float, float]:
    """The smallest rectangle holding rectangles *a* and *b* (empty ones ignored, as
    ``pymupdf.Rect.__or__`` does)."""
    if a[0] >= a[2] or a[1] >= a[3]:
        return tuple(b)
    if b[0] >= b[2] or b[1] >= b[3]:
        return tuple(a)
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _transform(rect, matrix) -> tuple[float, float, float, float]:
    """*rect* mapped by the affine *matrix* ``(a, b, c, d, e, f)``: the bounding box of its
    transformed corners (as ``pymupdf.Rect * Matrix``)."""
    a, b, c, d, e, f = matrix
    xs, ys = [], []
    for x in (rect[0], rect[2]):
        for y in (rect[1], rect[3]):
            xs.append(x * a + y * c + e)
            ys.append(x * b + y * d + f)
    return (min(xs), min(ys), max(xs), max(ys))
