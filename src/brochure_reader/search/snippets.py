"""Snippets with the matched words marked, and the words to highlight on a page.

Works on display text (case and accents kept): the text is folded with the same rules as the
index (:func:`.normalise.fold`), the query's terms are found in it (:class:`Matcher`), and the
matches are mapped back to offsets in the display text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from brochure_reader.search.normalise import _FOLD, INNER_APOSTROPHE, UNSPACED, fold

#: Characters of context before the first match and in the whole snippet.
BEFORE, WIDTH = 70, 240
_W = r"[^\W_]"


@dataclass(frozen=True)
class Snippet:
    """``text`` to show; ``marks`` are ``(start, end)`` character spans in it to emphasise;
    ``terms`` are the distinct words/phrases matched in the whole segment, as written on the
    page (the strings to highlight on the page)."""

    text: str
    marks: tuple[tuple[int, int], ...]
    terms: tuple[str, ...]

    def marked(self, before: str = "**", after: str = "**") -> str:
        """The text with every mark wrapped in *before*/*after* (``**fatigue**`` by default)."""
        out, pos = [], 0
        for start, end in self.marks:
            out += [self.text[pos:start], before, self.text[start:end], after]
            pos = end
        out.append(self.text[pos:])
        return "".join(out)


def _sequence(terms: tuple[str, ...], prefix_last: bool = False) -> str:
    parts = []
    for i, term in enumerate(terms):
        if i:
            both_unspaced = UNSPACED.fullmatch(terms[i - 1]) and UNSPACED.fullmatch(term)
            parts.append(r"[\W_]*" if both_unspaced else r"[\W_]+")
        parts.append(re.escape(term))
    if prefix_last:
        parts.append(_W + "*")
    body = "".join(parts)
    head = "" if UNSPACED.fullmatch(terms[0]) else f"(?<!{_W})"
    tail = "" if UNSPACED.fullmatch(terms[-1]) and not prefix_last else f"(?!{_W})"
    return head + body + tail


class Matcher:
    """Finds a query's words, phrases and prefixes in folded text.

    Each term's first word is located with ``str.find`` (fast even for long pages and many
    word forms); phrases and prefixes are then checked with a small anchored pattern.
    """

    def __init__(self, words: Iterable[str], phrases: Iterable[tuple[str, ...]],
                 prefixes: Iterable[tuple[str, ...]]):
        self.items: list[tuple[str, re.Pattern[str] | None]] = []
        for word in sorted(set(words), key=len, reverse=True):
            if word:
                self.items.append((word, None))
        for seq in phrases:
            if seq:
                self.items.append((seq[0], re.compile(_sequence(seq))))
        for seq in prefixes:
            if seq:
                self.items.append((seq[0], re.compile(_sequence(seq, prefix_last=True))))

    def spans(self, folded: str) -> list[tuple[int, int]]:
        """Non-overlapping ``(start, end)`` matches in *folded* text, in order."""
        found: list[tuple[int, int]] = []
        for first, pattern in self.items:
            unspaced = bool(UNSPACED.match(first))
            i = folded.find(first)
            while i != -1:
                if unspaced or i == 0 or not folded[i - 1].isalnum():
                    if pattern is None:
                        end = i + len(first)
                        if unspaced or end == len(folded) or not folded[end].isalnum():
                            found.append((i, end))
                    else:
                        m = pattern.match(folded, i)
                        if m:
                            found.append((i, m.end()))
                i = folded.find(first, i + 1)
        found.sort(key=lambda span: (span[0], -span[1]))
        out: list[tuple[int, int]] = []
        for start, end in found:
            if not out or start >= out[-1][1]:
                out.append((start, end))
        return out


def build_pattern(
    words: Iterable[str], phrases: Iterable[tuple[str, ...]], prefixes: Iterable[tuple[str, ...]]
) -> Matcher | None:
    """A :class:`Matcher` for the *words*, *phrases* (term sequences) and *prefixes* (term
    sequences whose last term is a prefix) of a query; None when there is nothing to find."""
    matcher = Matcher(words, phrases, prefixes)
    return matcher if matcher.items else None


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


class _OffsetMap:
    """Maps offsets in folded text back to the display text it was folded from.

    Only non-ASCII characters can fold to more or fewer than one character (``…`` -> ``...``,
    a combining accent -> nothing), so only those are recorded.
    """

    def __init__(self, text: str, removed: list[int]):
        self.starts: list[int] = []  # folded offset where each irregular character begins
        self.where: list[int] = []  # its display offset
        self.lengths: list[int] = []  # its folded length
        delta = 0
        gone = set(removed)
        candidates = sorted(gone.union(m.start() for m in _NON_ASCII.finditer(text)))
        for position in candidates:
            length = 0 if position in gone else len(_FOLD[ord(text[position])])
            if length != 1:
                self.starts.append(position + delta)
                self.where.append(position)
                self.lengths.append(length)
                delta += length - 1
        self.regular = not self.starts

    def __call__(self, folded_offset: int) -> int:
        if self.regular:
            return folded_offset
        k = bisect_right(self.starts, folded_offset) - 1
        if k < 0:
            return folded_offset
        start, where, length = self.starts[k], self.where[k], self.lengths[k]
        if folded_offset < start + length:
            return where  # inside the expansion of one display character
        return where + 1 + (folded_offset - start - length)


def _all_fold_to_one(text: str) -> bool:
    """Whether every character of *text* folds to exactly one character (offsets agree)."""
    return all(len(_FOLD[ord(c)]) == 1 for c in set(text) if c > "\x7f")


def find(text: str, matcher: Matcher | None) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of display *text* matched by *matcher* (see build_pattern)."""
    if matcher is None or not text:
        return []
    removed = []
    if "'" in text or "\u2019" in text or "\u02bc" in text:  # dropped inside words, as in tokenize
        removed = [m.start() for m in INNER_APOSTROPHE.finditer(text)]
        folded = fold(INNER_APOSTROPHE.sub("", text))
    else:
        folded = fold(text)
    spans = matcher.spans(folded)
    if not removed and (text.isascii() or (len(folded) == len(text) and _all_fold_to_one(text))):
        return spans
    to_display = _OffsetMap(text, removed)
    return [(to_display(start), to_display(end - 1) + 1) for start, end in spans]


def make_snippet(text: str, pattern: Matcher | None, max_terms: int = 12,
                 weights: dict[str, float] | None = None) -> Snippet:
    """A snippet of about WIDTH characters around the densest group of matches in *text*:
    the window holding the most distinct matched words, each counted by its weight in
    *weights* (folded word or phrase -> weight, such as its inverse document frequency; 1 for
    words it lacks, and for all when it is None).  So a rare word the query asks about
    ("temperature") wins over a common one ("get" in the heading "Get help straight away")."""
    spans = find(text, pattern)
    terms: list[str] = []
    seen: set[str] = set()
    for start, end in spans:
        surface = text[start:end]
        key = fold(surface)
        if key not in seen and len(terms) < max_terms:
            seen.add(key)
            terms.append(surface)
    if len(text) <= WIDTH:
        return Snippet(text, tuple(spans), tuple(terms))
    anchor = 0
    if spans:  # the window (of WIDTH - BEFORE chars from a match) with most distinct words
        keys = [" ".join(fold(text[s:e]).split()) for s, e in spans[:400]]
        weight = (weights or {}).get
        best, j = -1.0, 0
        for i, (start, _end) in enumerate(spans[:400]):
            j = max(j, i)
            while j + 1 < len(keys) and spans[j + 1][0] < start + WIDTH - BEFORE:
                j += 1
            distinct = sum(weight(k, 1.0) for k in set(keys[i:j + 1]))
            if distinct > best + 1e-9:
                best, anchor = distinct, start
    start = max(0, anchor - BEFORE)
    if start:
        space = text.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 and start - space < 30 else start
    end = min(len(text), start + WIDTH)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + WIDTH // 2 else end
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(text) else ""
    shift = len(lead) - start
    marks = tuple((s + shift, e + shift) for s, e in spans if s >= start and e <= end)
    return Snippet(lead + text[start:end] + tail, marks, tuple(terms))
