"""Text-quote anchors: capturing the text at a spot, and finding it again in a new version.

A :class:`TextMap` is a document's text as one normalised string plus, for every line, where it
starts in that string and where it sits on the page (page 0-based, top/bottom in PDF points).
``brochure_reader.bookmarks.quotes.text_map`` builds one with PyMuPDF; this module is plain Python.

Re-anchoring (:func:`reanchor`) runs when a document's content hash differs from the one a
bookmark was saved against: the quote is searched exactly first (several hits are told apart by
the prefix/suffix context, then by closeness to the old position), then fuzzily with rapidfuzz
(``partial_ratio`` ≥ :data:`FUZZY_MIN_SCORE`).  A bookmark whose quote is not found keeps its old
page and y and is marked "needs attention": it is never dropped.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from brochure_reader.bookmarks.model import ANCHOR_NEEDS_ATTENTION, ANCHOR_OK, Bookmark, Quote

#: Length of a captured quote (characters, extended to the end of the last word).
QUOTE_CHARS = 100
#: Length of the prefix and suffix context (characters, trimmed to whole words).
CONTEXT_CHARS = 32
#: A line starting this many points above a position still counts as "at" it.
LINE_SLACK = 4.0
#: Lowest rapidfuzz ``partial_ratio`` (0–100) accepted as "the same passage, lightly edited".
FUZZY_MIN_SCORE = 85.0

_SPACES = {"\u00ad": "", "\u00a0": " ", "\u2009": " ", "\u202f": " "}
_BULLETS = {"•", "●", "▪", "◦", "■"}


def normalise_text(text: str) -> str:
    """NFKC (ligatures and compatibility forms folded), soft hyphens removed, list bullets
    standing alone dropped, whitespace collapsed to single spaces, ends stripped: the form
    quotes are stored and compared in."""
    text = unicodedata.normalize("NFKC", text)
    for old, new in _SPACES.items():
        text = text.replace(old, new)
    return " ".join(word for word in text.split() if word not in _BULLETS)


def _join(left: str, right: str) -> str:
    """Join two lines; ``treat-`` + ``ment`` becomes ``treatment``."""
    if not left:
        return right
    if left.endswith("-") and len(left) > 1 and left[-2].isalpha() and right[:1].islower():
        return left[:-1] + right
    return f"{left} {right}"


@dataclass
class TextMap:
    """A document's text with line positions (picklable, so a worker process can build it).

    ``text`` is every line of the document in reading order, normalised and joined with single
    spaces; line *i* starts at ``starts[i]`` in ``text`` and lies on page ``pages[i]`` (0-based)
    between ``tops[i]`` and ``bottoms[i]`` (PDF points from the top of the displayed page).
    """

    text: str = ""
    starts: list[int] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    tops: list[float] = field(default_factory=list)
    bottoms: list[float] = field(default_factory=list)

    @classmethod
    def from_lines(cls, lines: Iterable[tuple[int, float, float, str]]) -> TextMap:
        """Build from ``(page 0-based, top, bottom, text)`` lines in reading order."""
        result = cls()
        text = ""
        for page, top, bottom, raw in lines:
            line = normalise_text(raw)
            if not line:
                continue
            joined = _join(text, line)
            result.starts.append(len(joined) - len(line))
            result.pages.append(int(page))
            result.tops.append(float(top))
            result.bottoms.append(float(bottom))
            text = joined
        result.text = text
        return result

    def __bool__(self) -> bool:
        return bool(self.text)

    def line_of(self, offset: int) -> int:
        """Index of the line that contains character *offset* of :attr:`text`."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def position(self, offset: int) -> tuple[int, float]:
        """``(page 0-based, y points)`` of the line containing *offset* (y = its top)."""
        i = self.line_of(offset)
        return self.pages[i], self.tops[i]

    def offset_at(self, page: int, y: float) -> int | None:
        """Offset of the text a reader sees first at (page 0-based, y points): the highest line
        on that page starting at or below *y* (up to :data:`LINE_SLACK` points above counts, so
        a heading whose target is a little low is still taken); failing that the line that
        contains *y*; failing that the first line of a later page.  None when there is no text
        from there on."""
        starting = containing = None
        for i, (p, top, bottom) in enumerate(zip(self.pages, self.tops, self.bottoms,
                                                 strict=True)):
            if p < page:
                continue
            if p > page:
                break
            if top >= y - LINE_SLACK:
                if starting is None or top < self.tops[starting]:
                    starting = i
            elif bottom > y and containing is None:
                containing = i
        best = starting if starting is not None else containing
        if best is not None:
            return self.starts[best]
        later = next((i for i, p in enumerate(self.pages) if p > page), None)
        return None if later is None else self.starts[later]

    def quote_from(self, offset: int, end: int | None = None) -> Quote:
        """The quote starting at *offset*: up to :data:`QUOTE_CHARS` characters (or up to *end*),
        whole words, with :data:`CONTEXT_CHARS` of context either side."""
        text = self.text
        offset = max(0, min(offset, len(text)))
        if end is None:
            end = min(len(text), offset + QUOTE_CHARS)
            while end < len(text) and end - offset < QUOTE_CHARS + 24 and text[end] != " ":
                end += 1
        end = max(offset, min(end, len(text)))
        before = text[max(0, offset - CONTEXT_CHARS):offset]
        if offset - CONTEXT_CHARS > 0 and " " in before:
            before = before.split(" ", 1)[1]
        after = text[end:end + CONTEXT_CHARS]
        if end + CONTEXT_CHARS < len(text) and " " in after.strip():
            after = after.rsplit(" ", 1)[0]
        return Quote(text[offset:end].strip(), before.strip(), after.strip())

    def quote_at(self, page: int, y: float) -> Quote:
        """The quote of the text at (page 0-based, y points); empty when there is none."""
        offset = self.offset_at(page, y)
        return Quote() if offset is None else self.quote_from(offset)

    def quote_for_text(self, selected: str, page: int | None = None) -> Quote:
        """The quote for a text selection: *selected* itself (normalised) with its context,
        preferring an occurrence on *page* (0-based).  Without a match, the bare text."""
        needle = normalise_text(selected)
        if not needle:
            return Quote()
        hits = _occurrences(self.text, needle)
        if not hits:
            return Quote(needle)
        on_page = [h for h in hits if page is None or self.position(h)[0] == page]
        start = (on_page or hits)[0]
        return self.quote_from(start, start + len(needle))


@dataclass(frozen=True)
class Match:
    """Where a quote was found: offsets in the TextMap, page 0-based, y points, rapidfuzz score
    (100 for exact matches) and whether the match was exact."""

    offset: int
    end: int
    page: int
    y: float
    score: float
    exact: bool


def _occurrences(text: str, needle: str) -> list[int]:
    hits, start = [], text.find(needle)
    while start != -1:
        hits.append(start)
        start = text.find(needle, start + 1)
    return hits


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def locate(quote: Quote, text_map: TextMap, near: tuple[int, float] | None = None) -> Match | None:
    """Find *quote* in *text_map*: exact first, then fuzzy.  *near* = (page 0-based, y) of the
    old position breaks ties.  None when it is not there (or the quote is empty)."""
    needle = normalise_text(quote.exact)
    text = text_map.text
    if not needle or not text:
        return None

    def distance(offset: int) -> float:
        if near is None:
            return 0.0
        page, y = text_map.position(offset)
        return abs(page - near[0]) * 10_000 + abs(y - near[1])

    hits = _occurrences(text, needle)
    if hits:
        prefix, suffix = normalise_text(quote.prefix), normalise_text(quote.suffix)

        def context(offset: int) -> int:
            before = text[:offset].rstrip()[::-1]
            after = text[offset + len(needle):].lstrip()
            return _common_prefix(before, prefix[::-1]) + _common_prefix(after, suffix)

        best = min(hits, key=lambda h: (-context(h), distance(h)))
        page, y = text_map.position(best)
        return Match(best, best + len(needle), page, y, 100.0, True)

    from rapidfuzz import fuzz

    hay, pin = text.lower(), needle.lower()
    if len(hay) != len(text) or len(pin) != len(needle):  # rare letters that change length
        hay, pin = text, needle
    found = fuzz.partial_ratio_alignment(pin, hay, score_cutoff=FUZZY_MIN_SCORE)
    if found is None or found.score < FUZZY_MIN_SCORE:
        return None
    start = found.dest_start
    if start > 0 and text[start - 1] != " " and " " in text[start:found.dest_end]:
        start = text.index(" ", start) + 1  # begin the new quote on a word
    page, y = text_map.position(start)
    return Match(start, found.dest_end, page, y, float(found.score), False)


@dataclass
class ReanchorReport:
    """What :func:`reanchor` did, as bookmark ids: found exactly, found after edits (fuzzy),
    and not found (now "needs attention")."""

    doc_id: str
    exact: list[str] = field(default_factory=list)
    fuzzy: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)

    @property
    def checked(self) -> int:
        return len(self.exact) + len(self.fuzzy) + len(self.lost)

    def summary(self) -> str:
        """One sentence for a status bar or the CLI."""
        if not self.checked:
            return f"{self.doc_id}: bookmarks are up to date"
        text = f"{self.doc_id}: {self.checked} bookmark(s) checked against the new version"
        if self.lost:
            text += f"; {len(self.lost)} could not be found and need your attention"
        return text


def _section_ref(sections: Sequence | None, page: int, y: float, old: str) -> str:
    if not sections:
        return old
    from brochure_reader.library.sections import section_at

    section = section_at(sections, page, y)
    return section.ref if section is not None else old


def plan_reanchor(
    bookmarks: Iterable[Bookmark], content_hash: str, text_map: TextMap,
    sections: Sequence | None = None,
) -> tuple[list[dict], ReanchorReport]:
    """Work out new positions without touching a store.

    Returns ``(changes, report)``; each change is a dict of keyword arguments for
    :meth:`BookmarkStore.relocate` (``bookmark_id``, ``page`` 1-based, ``y``, ``quote``,
    ``section_ref``, ``anchor``, ``content_hash``).  *sections* (library Section tree, page
    0-based) updates each bookmark's section ref to the section the passage is now in.
    """
    bookmarks = list(bookmarks)
    report = ReanchorReport(bookmarks[0].doc_id if bookmarks else "")
    changes = []
    for b in bookmarks:
        if not b.quote and sections and b.section_ref:
            # Nothing to search for (e.g. a page without text): fall back on the section.
            from brochure_reader.library.sections import find_section

            section = find_section(sections, b.section_ref.partition("#")[2])
            if section is not None and section.page is not None:
                report.exact.append(b.id)
                changes.append(dict(bookmark_id=b.id, page=section.page + 1, y=section.y,
                                    quote=text_map.quote_at(section.page, section.y),
                                    section_ref=section.ref, anchor=ANCHOR_OK,
                                    content_hash=content_hash))
                continue
        match = locate(b.quote, text_map, near=(b.page0, b.y))
        if match is None:
            report.lost.append(b.id)
            changes.append(dict(bookmark_id=b.id, page=b.page, y=b.y, quote=None,
                                section_ref=None, anchor=ANCHOR_NEEDS_ATTENTION,
                                content_hash=content_hash))
            continue
        (report.exact if match.exact else report.fuzzy).append(b.id)
        quote = text_map.quote_from(match.offset)
        changes.append(dict(bookmark_id=b.id, page=match.page + 1, y=match.y, quote=quote,
                            section_ref=_section_ref(sections, match.page, match.y,
                                                     b.section_ref),
                            anchor=ANCHOR_OK, content_hash=content_hash))
    return changes, report


def reanchor(store, doc_id: str, content_hash: str, text_map: TextMap,
             sections: Sequence | None = None) -> ReanchorReport:
    """Re-anchor every bookmark of *doc_id* saved against another content hash, in one
    transaction.  *store* is a :class:`~brochure_reader.bookmarks.store.BookmarkStore`."""
    stale = store.stale(doc_id, content_hash)
    changes, report = plan_reanchor(stale, content_hash, text_map, sections)
    report.doc_id = doc_id
    if changes:
        store.relocate(changes)
    return report
