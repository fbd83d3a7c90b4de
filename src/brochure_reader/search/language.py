"""Which language a document to index is written in, for its word stems.

The bundled brochures are English (``brochure_reader.language.LANGUAGE``); a user may import
documents in French.  English words are stemmed with Snowball English, French words of a
French document also with Snowball French (:func:`brochure_reader.search.normalise.french_stem`),
so that ``traitements`` finds ``traitement`` and ``fatiguée`` finds ``fatigue`` in it.

:func:`document_language` decides from the PDF's declared language (the catalog's ``/Lang``,
a BCP 47 tag such as ``fr-FR``) and, when the file does not declare one, from the text: the
share of very common French function words against very common English ones (a stop-word
profile, the oldest language-identification method: Ingle 1976, as in Grefenstette 1995,
"Comparing two language identification schemes").  Only French is told apart: it is the one
other language whose stems the index keeps, so a two-way decision between French and
anything else is all that is needed (no language-detection library for that).
"""

from __future__ import annotations

from collections.abc import Iterable

#: Languages whose documents get stems of their own in the index (ISO 639-1 -> Snowball name).
STEMMED = {"fr": "french"}

#: Very common French function words (folded: accents removed) and English ones.
_FRENCH_WORDS = """le la les des du de un une et est sont dans pour que qui vous votre vos
    nous au aux avec sur pas par ce cette ces il elle ils elles ou mais plus peut etre avez
    leur leurs se sa son ses lors tres"""
_ENGLISH_WORDS = """the and is are of to in you your for with that this on it be or
    can have not by from at as will they their what which when"""
_FRENCH = frozenset(_FRENCH_WORDS.split())
_ENGLISH = frozenset(_ENGLISH_WORDS.split())
#: Words of the text read (the first ones are enough to tell a language).
SAMPLE_WORDS = 4000
#: Least number of French function words in the sample, and how many times the English ones.
MIN_FRENCH, RATIO = 12, 2.0


def primary_subtag(tag: str) -> str:
    """``"fr-FR"`` -> ``"fr"`` (lower case; "" for an empty or malformed tag)."""
    head = (tag or "").strip().replace("_", "-").split("-")[0].casefold()
    return head if head.isascii() and head.isalpha() and 2 <= len(head) <= 3 else ""


def text_is_french(terms: Iterable[str]) -> bool:
    """Whether folded *terms* (the document's words in order) read as French."""
    french = english = 0
    for n, term in enumerate(terms):
        if n >= SAMPLE_WORDS:
            break
        if term in _FRENCH:
            french += 1
        elif term in _ENGLISH:
            english += 1
    return french >= MIN_FRENCH and french >= RATIO * english


def document_language(declared: str, terms: Iterable[str]) -> str:
    """The ISO 639-1 code of the document's language as far as the index cares: the declared
    tag's primary subtag when there is one (``"fr-CA"`` -> ``"fr"``, ``"en-GB"`` -> ``"en"``),
    else ``"fr"`` when the text reads as French, else ``""`` (unknown: English stems only)."""
    declared_code = primary_subtag(declared)
    if declared_code:
        return declared_code
    return "fr" if text_is_french(terms) else ""
