"""Glossary terms where the text uses them: finding them, and marking them in the text view.

The bundled glossary (``assets/pack/sources/glossary.md``, any document tagged ``glossary``)
lists its entries as ``- **Term** — meaning``.  :class:`TermMatcher` finds those terms in a
text by these rules:

* whole words only: never inside another word ("duct" is not found in "product", nor "ALL" in
  "ALLOW"; a hyphen joins words, so "stent" is not found in "stent-like");
* the longest term wins where terms overlap ("bile duct" over "duct");
* simple plurals of the last word match: ``+s``, ``+es``, ``y -> ies`` ("stents",
  "biopsies");
* case does not matter, except for terms with a word in capitals (abbreviations: "ALL",
  "CT scan"), which match only in capitals, so the word "all" is never the leukaemia.

No Qt and no PyMuPDF: the text view and the page view's words both use it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

_ENTRY = re.compile(r"^\s*[-*]\s+\*\*(?P<term>[^*]{1,80})\*\*\s+—\s+(?P<text>.+?)\s*$")
_WORD = r"[^\W_]"  # a letter or digit


@dataclass(frozen=True)
class GlossaryEntry:
    """One glossary entry: ``term`` as printed, its plain-language ``text`` (Markdown emphasis
    removed), and ``slug`` (lowercase, hyphens: the ``glossary:slug`` link target)."""

    term: str
    text: str
    slug: str


@dataclass(frozen=True)
class TermHit:
    """A term found in a text: ``text[start:end]`` is the word(s) as written."""

    start: int
    end: int
    entry: GlossaryEntry


def slugify_term(term: str) -> str:
    return re.sub(r"[^\w]+", "-", term.casefold()).strip("-")


def read_entries(markdown: str) -> list[GlossaryEntry]:
    """The entries of a glossary's Markdown source, in order (lines ``- **Term** — text``)."""
    entries = []
    for line in markdown.splitlines():
        found = _ENTRY.match(line)
        if found:
            term = found.group("term").strip()
            text = re.sub(r"\*\*?([^*]+)\*\*?", r"\1", found.group("text"))
            entries.append(GlossaryEntry(term, text, slugify_term(term)))
    return entries


def read_glossary_file(path: Path) -> list[GlossaryEntry]:
    """:func:`read_entries` of a Markdown file; raises OSError, UnicodeDecodeError."""
    return read_entries(path.read_text(encoding="utf-8"))


def _plurals(word: str) -> list[str]:
    forms = [word, word + "s", word + "es"]
    if len(word) > 2 and word[-1] in "yY" and word[-2].lower() not in "aeiou":
        forms.append(word[:-1] + ("IES" if word.isupper() else "ies"))
    return forms


def _is_abbreviation(term: str) -> bool:
    return any(len(w) >= 2 and w.isupper() for w in re.findall(r"[^\W\d_]+", term))


class TermMatcher:
    """Finds the terms of *entries* in text (see the module's rules)."""

    def __init__(self, entries: Iterable[GlossaryEntry]):
        self.entries: dict[str, GlossaryEntry] = {}
        self._by_form: dict[str, GlossaryEntry] = {}
        self._by_exact: dict[str, GlossaryEntry] = {}
        folded, exact = [], []
        for entry in entries:
            self.entries.setdefault(entry.slug, entry)
            head, _, last = entry.term.rpartition(" ")
            prefix = head + " " if head else ""
            for form in _plurals(last):
                variant = prefix + form
                if _is_abbreviation(entry.term):
                    self._by_exact.setdefault(variant, entry)
                    exact.append(variant)
                else:
                    self._by_form.setdefault(variant.casefold(), entry)
                    folded.append(variant)
        self._folded = self._pattern(folded, re.IGNORECASE)
        self._exact = self._pattern(exact, 0)

    @staticmethod
    def _pattern(variants: list[str], flags: int) -> re.Pattern | None:
        if not variants:
            return None
        # longest first, so "bile duct" is tried before "bile"; spaces match any run of space
        parts = sorted(set(variants), key=len, reverse=True)
        body = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in parts)
        return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags)

    def __len__(self) -> int:
        return len(self.entries)

    def entry(self, slug: str) -> GlossaryEntry | None:
        return self.entries.get(slug)

    def lookup(self, words: str) -> GlossaryEntry | None:
        """The entry *words* is exactly a form of (``"Stents"`` -> Stent), else None."""
        words = " ".join(words.split()).strip(".,;:!?()[]\"'“”‘’")
        return self._by_exact.get(words) or self._by_form.get(words.casefold())

    def find(self, text: str) -> list[TermHit]:
        """Every term in *text*, in order, never overlapping (longest wins, then the first)."""
        candidates = []
        for pattern in (self._exact, self._folded):
            if pattern is None:
                continue
            for found in pattern.finditer(text):
                entry = self.lookup(found.group())
                if entry is not None:
                    candidates.append(TermHit(found.start(), found.end(), entry))
        candidates.sort(key=lambda h: (h.start, -(h.end - h.start)))
        hits, end = [], -1
        for hit in candidates:
            if hit.start >= end:
                hits.append(hit)
                end = hit.end
        return hits


class GlossaryMarker:
    """Turns runs of body text into HTML with each glossary term linked (``<a
    href="glossary:slug" class="term" title="meaning">``), the first time it appears in a
    section (:meth:`new_section` starts the next): a reader tabs from term to term without
    passing the same word ten times."""

    def __init__(self, matcher: TermMatcher, skip: Iterable[str] = ()):
        self.matcher = matcher
        self.skip = set(skip)  # slugs never marked (a glossary's own page)
        self._seen: set[str] = set()

    def new_section(self) -> None:
        self._seen = set()

    def __call__(self, text: str) -> str:
        out, at = [], 0
        for hit in self.matcher.find(text):
            slug = hit.entry.slug
            if slug in self._seen or slug in self.skip:
                continue
            self._seen.add(slug)
            out.append(html.escape(text[at:hit.start], quote=True))
            word = html.escape(text[hit.start:hit.end], quote=True)
            meaning = html.escape(hit.entry.text, quote=True)
            out.append(f'<a href="glossary:{slug}" class="term" title="{meaning}">{word}</a>')
            at = hit.end
        out.append(html.escape(text[at:], quote=True))
        return "".join(out)
