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

import Stemmer  # type: ignore[import-not-found]  # PyStemmer ships no type hints

#: Bumped whenever the output of clean_text/fold/tokenize/stem changes (the index is rebuilt).
NORMALISER_VERSION = 3

SOFT_HYPHEN = "\u00ad"
#: Characters that end a line when a word is hyphenated: hyphen-minus, hyphen, non-breaking hyphen.
_LINE_HYPHENS = "-\u2010\u2011"

# A word broken at a line end: "opti-\nmized" (soft hyphens were handled before this runs):
# find the hyphen and line break first (fast), then the words on either side.
# (the hyphen comes first in the pattern so that the regex engine can skip to it quickly)
_LINE_END_HYPHEN_FAST = re.compile(
    r"[" + _LINE_HYPHENS + r"](?<=\w[" + _LINE_HYPHENS + r"])[ \t]*\n[ \t]*(?=\w)"
)
_WORD_AT = re.compile(r"\w+")
_SOFT_LINE_END = re.compile(SOFT_HYPHEN + r"[ \t]*\n[ \t]*")
_WORD = re.compile(r"[^\W_]+")
#: French elided words (l', d', qu'…) before which an apostrophe separates two words.
ELIDED = ("c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu")
#: An apostrophe inside a word is dropped: "can't" = "cant", "patient's" = "patients"; but
#: after a French elided word at the start of a word it separates: "l'estomac" = "l estomac",
#: "qu'est-ce" = "qu est ce" (and so "d'appétit" finds "appétit").  The negative lookbehinds
#: are "a word that is only l / d / qu / … so far, then the apostrophe".  The pattern starts
#: with the apostrophe so that the regex engine scans for it and tries the lookbehinds only
#: there (with the lookbehinds first it tried all 13 at every character: 40x slower, a third
#: of a search's time in snippets).
_NOT_ELIDED = "".join(rf"(?<!\b{e}.)" for e in ELIDED)
INNER_APOSTROPHE = re.compile(
    "(?i)['\u2019\u02bc](?<=[^\\W_].)" + _NOT_ELIDED + "(?=[^\\W_])")
# Letters of scripts written without spaces between words (index one term per character).
UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]"
)
#: Letters that NFKD does not decompose but that people type without the mark.
_EXTRA_FOLDS = {
    "œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
    "ſ": "s", "ŀ": "l", "ħ": "h",
}
# A hyphen between two letters on one line: part of a compound such as "self-care".
_INNER_HYPHEN = re.compile(r"-(?<=[^\W\d_]-)(?=[^\W\d_])")


class _FoldTable(dict):
    """``str.translate`` table built lazily: char -> folded string (possibly empty)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        out = []
        decomposed = unicodedata.normalize("NFKD", char).casefold()
        for c in unicodedata.normalize("NFKD", decomposed):
            if unicodedata.category(c)[0] == "M":  # combining marks: accents, vowel signs...
                continue
            out.append(_EXTRA_FOLDS.get(c, c))
        folded = unicodedata.normalize("NFC", "".join(out))
        self[code] = folded
        return folded


_FOLD = _FoldTable()
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def fold(text: str) -> str:
    """Case-fold *text* and strip diacritics, character by character (the length may change).

    ``"Leucémie ŒSOPHAGUS ﬁne"`` -> ``"leucemie oesophagus fine"``.
    """
    if text.isascii():
        return text.lower()
    return _NON_ASCII.sub(_fold_match, text.lower())


def _fold_match(m: re.Match[str]) -> str:
    return _FOLD[ord(m.group())]


def _split_unspaced(word: str) -> Iterator[str]:
    """Yield the pieces of *word*: runs of spaced-script letters, single unspaced letters."""
    start = 0
    for m in UNSPACED.finditer(word):
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
    parts = _ascii_terms(text)
    if parts is not None:
        return b" ".join(parts).decode().split()
    folded = fold(text)
    if "'" in folded or "\u2019" in folded or "\u02bc" in folded:
        folded = INNER_APOSTROPHE.sub("", folded)
    words = _WORD.findall(folded)
    if not UNSPACED.search(folded):
        return words
    out: list[str] = []
    for word in words:
        if UNSPACED.search(word):
            out.extend(_split_unspaced(word))
        else:
            out.append(word)
    return out


def terms_text(text: str, vocabulary: set[bytes] | None = None) -> str:
    """``" ".join(tokenize(text))``, made faster for the index builder (same result).

    When a *vocabulary* set is given, each term is added to it, UTF-8 encoded.
    """
    parts = _ascii_terms(text)
    if parts is None:
        terms = tokenize(text)
        if vocabulary is not None:
            vocabulary.update(t.encode() for t in terms)
        return " ".join(terms)
    if vocabulary is not None:
        vocabulary.update(parts)
    return b" ".join(parts).decode()


#: bytes.translate table: ASCII letters and digits kept, every other byte a space (a
#: non-ASCII character is encoded as "?" first, also a space).
_ASCII_WORD_BYTES = bytes(
    i if chr(i).isascii() and chr(i).isalnum() else 0x20 for i in range(256)
)
#: An apostrophe between two ASCII letters or digits (INNER_APOSTROPHE for the fast path).
_INNER_APOSTROPHE_BYTES = re.compile(
    rb"(?i)'(?<=[A-Za-z0-9]')" + _NOT_ELIDED.encode() + rb"(?=[A-Za-z0-9])")


def _ascii_terms(text: str) -> list[bytes] | None:
    """The terms of *text* as ASCII bytes, or None when a folded term would not be ASCII.

    The fast path of :func:`tokenize`: when every letter and digit of ``fold(text)`` is ASCII,
    the terms are the runs of ASCII letters and digits, found with a byte table instead of a
    Unicode regex (the same terms: tests compare both with the plain definition).  Characters
    that fold to themselves and are not letters or digits (curly quotes, dashes, symbols) are
    separators, so the text is folded only when it holds letters such as "é" or "ß".
    """
    low = text.lower()
    if not low.isascii():
        needs_fold = False
        for char in set(_NON_ASCII.findall(low)):
            folded = _FOLD[ord(char)]
            if folded == char:
                if char.isalnum() or char == "\u02bc":  # a letter of another script
                    return None
            elif folded.isascii():
                needs_fold = True
            elif any(c.isalnum() and not c.isascii() for c in folded):
                return None
            else:
                needs_fold = True
        if needs_fold:
            low = _NON_ASCII.sub(_fold_match, low)
        if "\u2019" in low:
            low = low.replace("\u2019", "'")
    data = low.encode("ascii", "replace")
    if b"'" in data:
        data = _INNER_APOSTROPHE_BYTES.sub(b"", data)
    return data.translate(_ASCII_WORD_BYTES).split()


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
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        if SOFT_HYPHEN in text:
            text = _SOFT_LINE_END.sub("", text).replace(SOFT_HYPHEN, "")
    if "\n" in text and _may_join(text) and _LINE_END_HYPHEN_FAST.search(text):
        text = _join_line_end_hyphens(text, keep_hyphen)
    return collapse_spaces(text)


def _may_join(text: str) -> bool:
    """Quick test before the regex: a line hyphen followed by a line end, space or tab."""
    return any(h in text and (h + "\n" in text or h + " " in text or h + "\t" in text)
               for h in _LINE_HYPHENS)


def collapse_spaces(text: str) -> str:
    """``" ".join(text.split())``: runs of whitespace become one space, ends stripped.

    Faster for the usual extracted text, whose only whitespace is spaces and line ends (when
    the text is printable once line ends are spaces, ``str.split`` could only split at spaces).
    """
    flat = text.replace("\n", " ")
    if not flat.isprintable():
        return " ".join(text.split())
    while "  " in flat:
        flat = flat.replace("  ", " ")
    return flat.strip(" ")


def _join_line_end_hyphens(text: str, keep_hyphen: Container[str]) -> str:
    out = []
    pos = 0
    for m in _LINE_END_HYPHEN_FAST.finditer(text):
        start = m.start()
        while start > pos and (text[start - 1].isalnum() or text[start - 1] == "_"):
            start -= 1
        tail = _WORD_AT.match(text, m.end())
        if start == m.start() or tail is None:
            continue  # the word before was already joined to another line: leave this one
        first, second = text[start:m.start()], tail.group()
        real_hyphen = not second[0].islower() or first[-1].isdigit()
        if not real_hyphen and keep_hyphen:
            real_hyphen = fold(f"{first}-{second}") in keep_hyphen
        joined = f"{first}-{second}" if real_hyphen else first + second
        out.append(text[pos:start])
        out.append(joined)
        pos = tail.end()
    out.append(text[pos:])
    return "".join(out)


def hyphenated_words(texts: Iterable[str]) -> set[str]:
    """Folded hyphenated compounds written on one line somewhere in *texts* (``"self-care"``).

    Used by :func:`clean_text` to keep the hyphen when such a word is split at a line end.
    """
    found: set[str] = set()
    for text in texts:
        if "-" not in text:
            continue
        for m in _INNER_HYPHEN.finditer(text):
            start = end = m.start()
            while start > 0 and text[start - 1].isalpha():
                start -= 1
            end = m.end()
            while end < len(text) and text[end].isalpha():
                end += 1
            found.add(fold(text[start:end]))
    return found


_STEMMER = Stemmer.Stemmer("english")


# UK -ise/-yse endings spelled the US way before stemming (Porter2 knows -ize, -ization).
_ISE = re.compile(r"(?<=[a-z]{2})([iy])s(e|es|ed|ing|ation|ations|er|ers)$")


def stem(term: str) -> str:
    """English (Snowball/Porter2) stem of a folded term, UK and US -ise/-ize spellings alike.

    ``"vomiting"`` -> ``"vomit"``, ``"organised"`` and ``"organized"`` -> ``"organiz"``.
    Terms with digits or non-Latin letters are returned unchanged.
    """
    if not term.isascii() or not term.isalpha():
        return term
    return _STEMMER.stemWord(_ISE.sub(r"\1z\2", term))


def stems(terms: Iterable[str]) -> list[str]:
    """:func:`stem` of each term, in one call to the stemmer."""
    terms = list(terms)
    plain = [t.isascii() and t.isalpha() for t in terms]
    words = [_ISE.sub(r"\1z\2", t) if p else "" for t, p in zip(terms, plain, strict=True)]
    stemmed = _STEMMER.stemWords(words)
    return [s if p else t for t, s, p in zip(terms, stemmed, plain, strict=True)]


_FRENCH_STEMMER = Stemmer.Stemmer("french")


def french_stem(term: str) -> str:
    """French (Snowball) stem of a folded term, used for the words of French documents only.

    Terms are folded before stemming (the index keeps no accents), so the feminine ``-ée`` of
    ``fatiguée`` reaches the stemmer as ``-ee``, which Snowball French does not take off: a
    final ``e`` left by the stemmer is dropped, so ``fatiguee``, ``fatiguees``, ``fatigue``
    and ``fatigues`` all give ``fatigu``.  Terms with digits or non-Latin letters are returned
    unchanged."""
    return french_stems([term])[0]


def french_stems(terms: Iterable[str]) -> list[str]:
    """:func:`french_stem` of each term, in one call to the stemmer."""
    terms = list(terms)
    stemmed = _FRENCH_STEMMER.stemWords(terms)
    return [(s[:-1] if s.endswith("e") and len(s) > 3 else s)
            if t.isascii() and t.isalpha() else t
            for t, s in zip(terms, stemmed, strict=True)]
