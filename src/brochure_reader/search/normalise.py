"""Text normalisation shared by the index and the queries (plain Python, no Qt, no PyMuPDF).

Two layers:

* :func:`clean_text` turns text extracted from a page into *display text*: Unicode NFKC (so
  ligatures such as ``ﬁ`` become ``fi``), soft hyphens removed, words hyphenated across line ends
  joined, whitespace collapsed.  Case and accents are kept: snippets are shown from this text.
* :func:`fold` and :func:`tokenize` turn display text (or a query) into *index terms*: case folded,
  diacritics removed (``leucémie`` = ``leucemie``), a few letters without a decomposition mapped
  (``œ`` -> ``oe``), split into words; CJK and Thai characters, written without spaces between
  words, become one term per character so that a query finds them as a phrase.

:func:`stem` gives the English (Snowball/Porter2, via PyStemmer) stem of a term; the index keeps
a term -> stem table so that a query word finds every indexed word with the same stem.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterable, Iterator

import Stemmer

#: Bumped whenever the output of clean_text/fold/tokenize/stem changes (the index is rebuilt).
NORMALISER_VERSION = 1

SOFT_HYPHEN = "\u00ad"
#: Characters that end a line when a word is hyphenated: hyphen-minus, hyphen, non-breaking hyphen.
_LINE_HYPHENS = "-\u2010\u2011"

# A word broken at a line end: "opti-\nmized" (soft hyphens were handled before this runs).
_LINE_END_HYPHEN = re.compile(r"(\w+)[" + _LINE_HYPHENS + r"][ \t]*\n[ \t]*(\w+)")
_SOFT_LINE_END = re.compile(SOFT_HYPHEN + r"[ \t]*\n[ \t]*")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+")
# Letters of scripts written without spaces between words (index one term per character).
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]"
)
#: Letters that NFKD does not decompose but that people type without the mark.
_EXTRA_FOLDS = {
    "œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
    "ſ": "s", "ŀ": "l", "ħ": "h",
}
# Mirrors `_WORD` for hyphenated compounds kept as found elsewhere in a document ("self-care").
_HYPHENATED = re.compile(r"\b([^\W\d_]+)-([^\W\d_]+)\b")


class _FoldTable(dict):
    """``str.translate`` table built lazily: char -> folded string (possibly empty)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        out = []
        for c in unicodedata.normalize("NFKD", char.casefold()):
            if unicodedata.category(c)[0] == "M":  # combining marks: accents, vowel signs...
                continue
            out.append(_EXTRA_FOLDS.get(c, c))
        folded = unicodedata.normalize("NFC", "".join(out))
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Case-fold *text* and strip diacritics, character by character (the length may change).

    ``"Leucémie ŒSOPHAGUS ﬁne"`` -> ``"leucemie oesophagus fine"``.
    """
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD)


def _split_unspaced(word: str) -> Iterator[str]:
    """Yield the pieces of *word*: runs of spaced-script letters, single unspaced letters."""
    start = 0
    for m in _UNSPACED.finditer(word):
        if m.start() > start:
            yield word[start:m.start()]
        yield m.group()
        start = m.end()
    if start < len(word):
        yield word[start:]


def tokenize(text: str) -> list[str]:
    """Index terms of *text* (display text or a query), in order.

    ``"Fatigue (tiredness) in AML—what helps?"`` -> ``["fatigue", "tiredness", "in", "aml",
    "what", "helps"]``; ``"你好"`` -> ``["你", "好"]``.
    """
    words = _WORD.findall(fold(text))
    if text.isascii():
        return words
    out: list[str] = []
    for word in words:
        if _UNSPACED.search(word):
            out.extend(_split_unspaced(word))
        else:
            out.append(word)
    return out


def word_spans(text: str) -> Iterator[tuple[int, int, list[str]]]:
    """``(start, end, terms)`` for each word of display *text*; offsets index into *text*.

    A word may yield several terms (a run of CJK letters) or none (only marks).
    """
    for m in _WORD.finditer(text):
        terms = tokenize(m.group())
        if terms:
            yield m.start(), m.end(), terms


def clean_text(text: str, keep_hyphen: Container[str] = ()) -> str:
    """Display text from raw extracted text (lines separated by ``\\n``).

    * NFKC (ligatures, full-width forms, compatibility characters);
    * a soft hyphen at a line end joins the two halves; other soft hyphens are dropped;
    * ``"opti-\\nmized"`` -> ``"optimized"`` when the second half starts with a lower-case letter,
      unless the folded compound (``"self-care"``) is in *keep_hyphen* (a document's own
      hyphenated words, see :func:`hyphenated_words`), then ``"self-care"``; a line end followed by
      a capital or a digit keeps its hyphen (``"Attribution-NonCommercial"``);
    * runs of whitespace (line ends included) become one space; the result is stripped.
    """
    text = unicodedata.normalize("NFKC", text)
    if SOFT_HYPHEN in text:
        text = _SOFT_LINE_END.sub("", text).replace(SOFT_HYPHEN, "")
    if "\n" in text:

        def join(m: re.Match[str]) -> str:
            head, tail = m.group(1), m.group(2)
            if not tail[0].islower() or head[-1].isdigit():
                return f"{head}-{tail}"
            if fold(f"{head}-{tail}") in keep_hyphen:
                return f"{head}-{tail}"
            return head + tail

        text = _LINE_END_HYPHEN.sub(join, text)
    return _SPACES.sub(" ", text).strip()


def hyphenated_words(texts: Iterable[str]) -> set[str]:
    """Folded hyphenated compounds written on one line somewhere in *texts* (``"self-care"``).

    Used by :func:`clean_text` to keep the hyphen when such a word is split at a line end.
    """
    found: set[str] = set()
    for text in texts:
        if "-" in text:
            found.update(fold(m.group()) for m in _HYPHENATED.finditer(text))
    return found


_STEMMER = Stemmer.Stemmer("english")


def stem(term: str) -> str:
    """English stem of a folded term; ``-ize``/``-yze`` stems are spelled as ``-ise``/``-yse``.

    ``"vomiting"`` -> ``"vomit"``, ``"organized"`` -> ``"organis"`` (= ``"organised"``).
    Terms with digits or non-Latin letters are returned unchanged.
    """
    if not term.isascii() or not term.isalpha():
        return term
    s = _STEMMER.stemWord(term)
    if s.endswith(("iz", "yz")):
        s = s[:-1] + "s"
    return s


def stems(terms: Iterable[str]) -> list[str]:
    """:func:`stem` of each term (vectorised: PyStemmer caches results)."""
    return [stem(t) for t in terms]
