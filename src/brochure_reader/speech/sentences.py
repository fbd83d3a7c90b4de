"""Cutting a text into the sentences read aloud one at a time.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or brackets) followed by
white space, or at the end of a paragraph or line.  A full stop after a common abbreviation
("e.g.", "Dr."), a single letter ("J.") or inside a number ("2.5") ends nothing.  These are the
rules of the Unicode sentence-boundary algorithm (UAX #29, "Sentence Boundaries") cut down to
what plain-language brochures contain; it is not a general-purpose segmenter.
"""

from __future__ import annotations

import re

#: Characters that end a paragraph or a line in a text view's raw text (Qt's paragraph and line
#: separators, frame and object marks) as well as plain new lines.
BREAKS = "\n\r\u2028\u2029\ufdd0\ufdd1\ufffc\x0b\x0c"
#: Words whose full stop does not end a sentence (lower case, without the stop).
ABBREVIATIONS = frozenset({
    "e.g", "i.e", "etc", "vs", "dr", "mr", "mrs", "ms", "prof", "st", "no", "approx", "fig",
    "cf", "al", "incl", "min", "max", "ca", "esp", "dept",
})

_BREAK_RE = re.compile(f"[{re.escape(BREAKS)}]")
# A candidate end: terminal punctuation, closing marks, then white space.
_END_RE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
_WORD_BEFORE_RE = re.compile(r"([\w.]+)$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` character offsets of the sentences of *text*, in order; white space at
    either end of a sentence is left out, and a piece with no letter or digit (a bullet, a
    lone mark) is no sentence.  Offsets index *text* as given (a Qt raw text: cursor
    positions)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BREAK_RE.finditer(text + "\n"):
        _paragraph(text, start, match.start(), spans)
        start = match.end()
    return spans


def _paragraph(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    piece = text[start:end]
    begin = 0
    for match in _END_RE.finditer(piece):
        if match.group()[0] == "." and _not_an_end(piece, match.start()):
            continue
        _add(text, start + begin, start + match.end(), spans)
        begin = match.end()
    _add(text, start + begin, end, spans)


def _not_an_end(piece: str, stop: int) -> bool:
    """True when the full stop at *stop* belongs to an abbreviation or an initial."""
    word = _WORD_BEFORE_RE.search(piece[:stop])
    if word is None:
        return False
    token = word.group(1).lower()
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if any(ch.isalnum() for ch in text[start:end]):
        spans.append((start, end))


def sentence_at(spans: list[tuple[int, int]], position: int) -> int:
    """Index in *spans* of the sentence holding *position*, else of the first sentence after
    it, else the last one (-1 when there are no sentences)."""
    for index, (_start, end) in enumerate(spans):
        if position < end:
            return index
    return len(spans) - 1
