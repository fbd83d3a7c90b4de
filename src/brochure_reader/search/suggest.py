"""“Did you mean”: spelling suggestions from the words of the index (FTS5 vocab + rapidfuzz).

A query word that the index does not know (no indexed word shares its stem and the thesaurus
has no entry for it) is compared with the indexed words of similar length and with the
thesaurus terms; the closest one (Indel similarity ≥ :data:`MIN_SCORE`, ties broken by how
many pages contain the word) is suggested.  ``fatigeu`` -> ``fatigue``, ``leukimia`` ->
``leukaemia``, ``diarhea`` -> ``diarrhoea``.

A suggestion must also be a plausible slip of the typed word, or an unknown medical word is
"corrected" into an unrelated one (``ascites`` -> ``sites``, ``lymphoedema`` -> ``lymphoma``):
at most :data:`MAX_EDITS` Damerau–Levenshtein edits (insert, delete, substitute, swap two
neighbours), and the same first letter or one that sounds alike (``kemo`` -> ``chemo``).
People rarely get the first letter wrong (Yannakoudakis & Fawthrop, "The rules of spelling
errors", Information Processing & Management 19(2), 1983), and most misspellings are one or two
edits away (Damerau, CACM 7(3), 1964).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from brochure_reader.search.normalise import fold

#: Lowest rapidfuzz ``fuzz.ratio`` (0–100) for a suggestion.
MIN_SCORE = 72.0
#: Score handicap of thesaurus-only words against words found in the documents.
EXTRA_PENALTY = 8.0
#: Shortest word that gets suggestions (shorter words have too many close neighbours).
MIN_LENGTH = 4
#: Most Damerau–Levenshtein edits between a word and its suggestion.
MAX_EDITS = 2
#: First letters that sound alike in English spellings (c/k/q/s: "kemo", "sirosis"; f/p: "ph").
_SOUND_ALIKE = ("ckqs", "fp", "gj", "iy", "aeiou")


def plausible_slip(word: str, suggestion: str) -> bool:
    """Whether *suggestion* could be a misspelling of *word* (both folded): at most
    :data:`MAX_EDITS` edits, and the same or a sound-alike first letter."""
    if not word or not suggestion:
        return False
    first, other = word[0], suggestion[0]
    if first != other and not any(first in g and other in g for g in _SOUND_ALIKE):
        return False
    return DamerauLevenshtein.distance(word, suggestion, score_cutoff=MAX_EDITS) <= MAX_EDITS


class Suggester:
    """Suggestions from a vocabulary of ``(word, frequency)`` pairs.

    The vocabulary is bucketed by length so that a lookup compares the word with words at most
    two letters longer or shorter.
    """

    def __init__(self, vocabulary: list[tuple[str, int]], extra_words: Iterable[str] = ()):
        self.frequency: dict[str, int] = {}
        for word, count in vocabulary:
            if len(word) >= 3 and word.isalpha():
                self.frequency[word] = count
        # Thesaurus words not in the index: suggested only when clearly closer than index words.
        for word in extra_words:
            if word.replace(" ", "").isalpha():
                self.frequency.setdefault(word, 0)
        self._by_length: dict[int, list[str]] = defaultdict(list)
        for word in self.frequency:
            self._by_length[len(word)].append(word)

    def __contains__(self, word: str) -> bool:
        return word in self.frequency

    def suggest(self, word: str, limit: int = 1) -> list[str]:
        """Up to *limit* known words close to the folded *word*, best first ([] if none)."""
        word = fold(word)
        if len(word) < MIN_LENGTH or word in self.frequency:
            return []
        candidates: list[str] = []
        for length in range(len(word) - 2, len(word) + 3):
            candidates.extend(self._by_length.get(length, ()))
        if not candidates:
            return []
        found = process.extract(
            word, candidates, scorer=fuzz.ratio, score_cutoff=MIN_SCORE, limit=max(limit * 5, 10)
        )
        def rank(item: tuple[str, float, int]) -> tuple[float, int]:
            count = self.frequency.get(item[0], 0)
            return (-(item[1] - (0 if count else EXTRA_PENALTY)), -count)

        found = [f for f in found if plausible_slip(word, f[0].replace(" ", ""))]
        found.sort(key=rank)
        return [w for w, _score, _i in found[:limit]]
