"""The search thesaurus: lay words and other spellings -> the words the documents use.

``assets/search/thesaurus.tsv`` has one entry a line, tab-separated::

    term<TAB>also search<TAB>kind<TAB>note
    tiredness<TAB>fatigue<TAB>lay<TAB>
    being sick<TAB>vomiting | vomit<TAB>lay<TAB>
    leukemia<TAB>leukaemia<TAB>spelling<TAB>US -> UK

``also search`` lists one or more targets separated by ``|``; a target of several words is
searched as a phrase.  ``kind`` is ``lay`` (everyday words), ``spelling`` (UK/US or other
spellings: the entry also works backwards, so ``leukaemia`` finds ``leukemia``), ``abbreviation``
``synonym``, ``french`` (a French word or phrase -> the English brochures' words, one way,
so that French lay queries find the bundled English documents) or ``compound`` (a phrase of
several words whose meaning is not that of its words: "cold sores", "growing pains", "hot
flushes"; it is searched only as the whole phrase, never word by word, so that pages with
"cold" food and mouth "sores" are not shown as answers; its targets may be empty, or ``-``).
Lines starting with ``#`` and blank lines are ignored.

Entries are matched on the stems of the query words (``tired`` and ``tiredness`` both match the
``tiredness`` entry when their stems agree), the longest entry first.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from brochure_reader.search.normalise import stem, tokenize

log = logging.getLogger(__name__)

KINDS = ("lay", "spelling", "abbreviation", "synonym", "french", "compound")


@dataclass(frozen=True)
class Entry:
    """One thesaurus line: ``term`` and ``targets`` are tuples of folded terms."""

    term: tuple[str, ...]
    targets: tuple[tuple[str, ...], ...]
    kind: str
    text: str  # the term as written in the file


def default_path() -> Path:
    from brochure_reader.paths import assets_dir

    return assets_dir() / "search" / "thesaurus.tsv"


class Thesaurus:
    """Lookup of thesaurus entries in a sequence of query terms."""

    def __init__(self, entries: Sequence[Entry] = ()):
        self.entries = list(entries)
        self._by_key: dict[tuple[str, ...], list[Entry]] = {}
        for entry in self.entries:
            self._by_key.setdefault(tuple(stem(t) for t in entry.term), []).append(entry)
        self.longest = max((len(k) for k in self._by_key), default=0)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Thesaurus:
        """Read a thesaurus file (the bundled one by default).  A missing or unreadable file
        gives an empty thesaurus (logged); bad lines are skipped (see :func:`parse_lines`)."""
        path = Path(path) if path else default_path()
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            log.warning("Search thesaurus %s not read: %s", path, exc)
            return cls()
        entries, problems = parse_lines(text.splitlines())
        for problem in problems:
            log.warning("%s: %s", path, problem)
        return cls(entries)

    def __len__(self) -> int:
        return len(self.entries)

    def match(self, terms: Sequence[str], start: int) -> tuple[int, list[Entry]]:
        """The longest entry matching ``terms[start:]``: ``(number of terms, entries)``, or
        ``(0, [])`` when none does."""
        for length in range(min(self.longest, len(terms) - start), 0, -1):
            key = tuple(stem(t) for t in terms[start:start + length])
            found = self._by_key.get(key)
            if found:
                return length, found
        return 0, []

    def targets(self, terms: Sequence[str]) -> list[tuple[str, ...]]:
        """Every target of the entries whose term is exactly *terms* (matched on stems)."""
        key = tuple(stem(t) for t in terms)
        out: list[tuple[str, ...]] = []
        for entry in self._by_key.get(key, []):
            out.extend(t for t in entry.targets if t not in out)
        return out


    def spellings(self, word: str) -> list[str]:
        """Other spellings of a one-word *word* from ``spelling`` entries (``leukemia`` ->
        ``["leukaemia"]``), matched exactly (no stemming)."""
        out: list[str] = []
        for entry in self.entries:
            if entry.kind == "spelling" and entry.term == (word,):
                out.extend(t[0] for t in entry.targets if len(t) == 1 and t[0] not in out)
        return out


def parse_lines(lines: Sequence[str]) -> tuple[list[Entry], list[str]]:
    """Entries from thesaurus lines, and a list of problems (``"line 12: ..."``).

    A ``spelling`` entry also yields the reverse entry (each target -> the term).
    """
    entries: list[Entry] = []
    problems: list[str] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < 3:
            problems.append(f"line {number}: expected term, targets and kind separated by tabs")
            continue
        raw_term, raw_targets, kind = cells[0], cells[1], cells[2]
        if kind not in KINDS:
            problems.append(f"line {number}: unknown kind {kind!r}")
            continue
        term = tuple(tokenize(raw_term))
        targets = tuple(
            t for t in (tuple(tokenize(x)) for x in raw_targets.split("|")) if t and t != term
        )
        if kind == "compound" and len(term) < 2:
            problems.append(f"line {number}: a compound has at least two words")
            continue
        if not term or (not targets and kind != "compound"):
            problems.append(f"line {number}: empty term or targets")
            continue
        entries.append(Entry(term, targets, kind, raw_term))
        if kind == "spelling":
            for target in targets:
                entries.append(Entry(target, (term,), kind, " ".join(target)))
    return entries, problems
