"""“Did you mean”: spelling suggestions from the words of the index (FTS5 vocab + rapidfuzz).

A query word that the index does not know (no indexed word shares its stem and the thesaurus
has no entry for it) is compared with the indexed words of similar length and with the
thesaurus terms; the closest one (Indel similarity ≥ :data:`MIN_SCORE`, ties broken by how
many pages contain the word) is suggested.  ``fatigeu`` -> ``fatigue``, ``leukimia`` ->
``leukaemia``, ``diarhea`` -> ``diarrhoea``.
"""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz import fuzz, process

from brochure_reader.search.normalise import fold

#: Lowest rapidfuzz ``fuzz.ratio`` (0–100) for a suggestion.
MIN_SCORE = 72.0
#: Score handicap of thesaurus-only words against words found in the documents.
EXTRA_PENALTY = 8.0
#: Shortest word that gets suggestions (shorter words have too many close neighbours).
MIN_LENGTH = 4


class Suggester:
    """Suggestions from a vocabulary of ``(word, frequency)`` pairs.

    The vocabulary is bucketed by length so that a lookup compares the word with words at most
    two letters longer or shorter.
    """

    def __init__(self, vocabulary: list[tuple[str, int]], extra_words: list[str] = ()):
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

        found.sort(key=rank)
        return [w for w, _score, _i in found[:limit]]
