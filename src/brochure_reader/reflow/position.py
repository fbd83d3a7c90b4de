"""Finding a place of the page view in the reflowed text, and back.

The two views share the text-quote anchors of bookmarks (``bookmarks.anchors``): the page
view's place is a quote of the line at (page, y), found in the text view's text with
:func:`find_quote`; the text view's place is the text at its top, found in the document's
``TextMap`` with ``bookmarks.anchors.locate``.  Headings of the text are paired with the
library's sections by :func:`match_sections`, so the tree follows the text view.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from brochure_reader.bookmarks.anchors import LINE_SLACK, TextMap, normalise_text
from brochure_reader.library.sections import Section, iter_sections
from brochure_reader.reflow.document import ReflowHeading, title_key

#: Characters Qt's raw document text uses for paragraph and frame boundaries.
_BREAKS = {"\u2029", "\u2028", "\ufdd0", "\ufdd1", "\ufffc"}
#: Shortest quote prefix (characters) still looked for when the whole quote is not found.
MIN_PREFIX = 24


def normalised_with_offsets(text: str) -> tuple[str, list[int]]:
    """*text* in the form of :func:`~brochure_reader.bookmarks.anchors.normalise_text` (NFKC
    per character, soft hyphens dropped, whitespace runs as one space, ends stripped) and, for
    each character of the result, its offset in *text*."""
    out: list[str] = []
    offsets: list[int] = []
    space = True  # drop leading spaces
    for i, ch in enumerate(text):
        if ch == "\u00ad":
            continue
        if ch.isspace() or ch in _BREAKS:
            if not space:
                out.append(" ")
                offsets.append(i)
                space = True
            continue
        for folded in unicodedata.normalize("NFKC", ch):
            out.append(folded)
            offsets.append(i)
        space = False
    if out and out[-1] == " ":
        out.pop()
        offsets.pop()
    return "".join(out), offsets


def find_quote(text: str, quote: str, start: int = 0) -> int | None:
    """Offset in *text* (e.g. ``QTextDocument.toRawText()``) where *quote* begins, at or after
    offset *start*: the whole quote first, then shorter and shorter prefixes of it (the
    two sources of a brochure differ in small ways: a link's address printed, a box label),
    case-insensitively.  None when not even :data:`MIN_PREFIX` characters match."""
    hay, offsets = normalised_with_offsets(text)
    needle = normalise_text(quote).casefold()
    if not needle or not hay:
        return None
    hay = hay.casefold() if len(hay.casefold()) == len(hay) else hay
    begin = next((i for i, o in enumerate(offsets) if o >= start), len(hay))
    length = len(needle)
    while length >= min(MIN_PREFIX, len(needle)):
        piece = needle[:length]
        found = hay.find(piece, begin)
        if found >= 0:
            return offsets[found]
        if length == min(MIN_PREFIX, len(needle)):
            break
        length = max(min(MIN_PREFIX, len(needle)), length * 2 // 3)
    return None


#: Lines whose tops are this close (points) count as one row (columns side by side).
ROW_SLACK = 12.0


def reading_offset(text_map: TextMap, page: int, y: float) -> int | None:
    """Offset in *text_map* of the text a reader starts with at (page 0-based, y points):
    of the lines on that page starting at or below *y* (a few points above count), the
    first in reading order among those in the highest row — so with two columns side by
    side the left one wins, which ``TextMap.offset_at`` (the highest line) does not promise.
    Falls back on ``offset_at``."""
    rows = [(top, i) for i, (p, top) in enumerate(zip(text_map.pages, text_map.tops,
                                                       strict=True))
            if p == page and top >= y - LINE_SLACK]
    if not rows:
        return text_map.offset_at(page, y)
    highest = min(top for top, _i in rows)
    first = min(i for top, i in rows if top <= highest + ROW_SLACK)
    return text_map.starts[first]


def _key(title: str) -> str:
    return title_key(normalise_text(title))


def match_sections(
    headings: Sequence[ReflowHeading], sections: Sequence[Section]
) -> list[Section | None]:
    """For each heading of the text, the library section with the same title (letters and
    digits compared, case folded), matched in order so repeated titles pair up one by one;
    None for a heading the outline does not have (the document title, a box label)."""
    flat = [s for s in iter_sections(sections) if s.page is not None]
    result: list[Section | None] = []
    at = 0
    for heading in headings:
        key = _key(heading.title)
        found = next((j for j in range(at, len(flat)) if _key(flat[j].title) == key), None)
        if found is None and key:  # an outline title cut short, or with extra words
            found = next(
                (j for j in range(at, len(flat))
                 if (k := _key(flat[j].title)) and (key.startswith(k) or k.startswith(key))),
                None,
            )
        if found is None:
            result.append(None)
            continue
        result.append(flat[found])
        at = found + 1
    return result
