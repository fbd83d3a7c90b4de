"""Final ranking of the candidate rows FTS5 found: BM25F per query clause.

SQLite's ``bm25()`` picks the candidates (``ORDER BY bm25 LIMIT k``), but it has two habits
that put the wrong section first in short brochures: it *adds* the scores of the alternatives
of one clause (a row with "being sick" *and* "vomiting" beats a section headed "Feeling sick
and being sick"), and it length-normalises the document title, repeated on every row, like
body text.  Here each clause scores as its best alternative, with the usual BM25 saturation
(k1 = 1.2, b = 0.5) over ``title_w * (title has it) + heading_w * tf(heading) + tf(body)``
and the row length in the denominator; the inverse document frequency comes from the FTS5
vocabulary.  Then:

* documents whose title/tags hold query words are raised (x up to 1 + TITLE_BOOST);
* rows that hold nothing of the query except through their document's title are lowered
  (x TITLE_ONLY_FACTOR): right document, nothing to show on that page;
* boilerplate sections ("References", "About this information") and summary boxes ("Key
  points") are lowered by the factors in DEMOTED_SECTIONS, glossary rows by GLOSSARY_FACTOR;
  a brochure's "Sources" are never hits (EXCLUDED_SECTIONS, left out by the engine);
* rows where words typed side by side stand side by side are raised (PROXIMITY).

The constants were chosen on tests/unit/test_search_pack.py: b = 0.5 (sections are short; a
short one is not more relevant for being short), heading x4, best alternative only.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from brochure_reader.search import query as q
from brochure_reader.search.normalise import fold, tokenize

K1, B = 1.2, 0.5
#: Column weights: a title/tag word counts once at most, a heading occurrence like 4 body ones.
TITLE_W, HEADING_W, BODY_W = 1.0, 4.0, 1.0
#: Weight of an occurrence in the questions the section's author says it answers.
ANSWERS_W = 3.0
#: Weight of an occurrence in the headings *above* the row's own (the heading column holds
#: the section's title and its parents'): "Diabetes" under "Managing symptoms" is not about
#: symptoms the way "Signs and symptoms" is.
PARENT_W = 1.0
#: Share kept by a clause that the row holds only through its document's title or tags.
TITLE_CLAUSE_FACTOR = 0.75
#: Score factor of text before the first heading (the cover: title, summary, audience).
COVER_FACTOR = 0.5
#: Raise for query words typed next to each other that stand next to each other in the row
#: ("blood test" -> the \"Blood tests\" section): x (1 + PROXIMITY * share of such pairs).
PROXIMITY = 0.3
#: A document whose title/tags contain all of the query scores this much higher (x 1.5).
TITLE_BOOST = 0.5
#: A clause scores as its best alternative plus this share of the others (1.0 = FTS5's sum).
ALT_MIX = 0.0
#: Share of its score kept by a row that matches only through its document's title/tags.
TITLE_ONLY_FACTOR = 0.1
#: Score factors of sections every brochure has (authoring guide), by folded section title.
#: A list of questions to ask answers none of them: "Questions to ask your care team" is
#: lowered like "Key points" (QUESTIONS_FACTOR).
QUESTIONS_FACTOR = 0.7
#: Score factor of the rows of a glossary (a document whose title or tags say "glossary"): a
#: one-line definition is not the section that explains, and the entry is shown above the
#: hits anyway when the query asks what a word means (``search.glossary``).
GLOSSARY_FACTOR = 0.6
DEMOTED_SECTIONS = {"references": 0.4, "about this information": 0.4,
                    "key points": 0.7, "questions to ask your care team": QUESTIONS_FACTOR}


#: Sections that are never hits, by folded section title: a brochure's list of sources names
#: guidelines and websites, it answers no patient's question ("what is a placebo" found a
#: trial's title there).  A user's own document keeps its "References" (lowered above).
EXCLUDED_SECTIONS = frozenset({"sources"})


def excluded(section: str | None) -> bool:
    """Whether rows of a section titled *section* are left out of the hits."""
    return section is not None and fold(section) in EXCLUDED_SECTIONS


@dataclass
class Candidate:
    """A row to rank: the FTS5 columns (space-separated terms) and the display text length."""

    rowid: int
    title: str
    heading: str
    body: str
    section: str | None
    length: int
    answers: str = ""


def _tf(term: q.Term, column: str, variants: Callable[[str], list[str]]) -> int:
    """Occurrences of *term* in a column of space-separated terms padded with spaces."""
    if term.kind == q.WORD:
        return sum(column.count(f" {v} ") for v in variants(term.terms[0]))
    if term.kind == q.PREFIX:
        return column.count(" " + " ".join(term.terms))
    return column.count(f" {' '.join(term.terms)} ")


class Ranker:
    """Scores candidates for one parsed query.

    *variants* gives the indexed words sharing a word's stem; *rows_with* the number of rows
    containing a term (FTS5 vocabulary); *total_rows* and *average_length* (characters of
    display text per row) describe the whole index.
    """

    def __init__(self, parsed: q.ParsedQuery, variants: Callable[[str], list[str]],
                 rows_with: Callable[[str], int], total_rows: int, average_length: float):
        self.parsed = parsed
        self.variants = variants
        self.average = max(average_length, 1.0)
        n_rows = max(total_rows, 1)
        self.idf: dict[tuple[str, tuple[str, ...]], float] = {}
        #: per clause, the weight of the clause in :meth:`coverage` (its rarest alternative)
        self.clause_weights: list[float] = []
        for clause in parsed.clauses:
            for term in clause.alternatives:
                key = (term.kind, term.terms)
                if key in self.idf:
                    continue
                if term.kind == q.WORD:
                    n = max((rows_with(v) for v in variants(term.terms[0])), default=0)
                elif term.kind == q.PREFIX:
                    n = rows_with(term.terms[-1]) if len(term.terms) > 1 else n_rows // 10
                else:
                    n = min((rows_with(t) for t in term.terms), default=0)
                self.idf[key] = math.log(1 + (n_rows - n + 0.5) / (n + 0.5))
            self.clause_weights.append(
                max(self.idf[(t.kind, t.terms)] for t in clause.alternatives))

        # adjacent typed words: every "variant1 variant2" spelling of each neighbouring pair
        self.pairs: list[list[str]] = []
        clauses = parsed.clauses
        for left, right in itertools.pairwise(clauses):
            a, b = left.alternatives[0], right.alternatives[0]
            typed = not (a.from_thesaurus or b.from_thesaurus)
            if a.kind == q.WORD and b.kind == q.WORD and typed:
                self.pairs.append([f"{x} {y}" for x in variants(a.terms[0])[:8]
                                   for y in variants(b.terms[0])[:8]])

    def coverage(self, row: Candidate, with_title: bool = False) -> float:
        """Share (0–1) of the query that *row* holds in its heading, body or answers (and
        title/tags *with_title*): each
        clause weighs its inverse document frequency, so a rare word the row lacks (or one
        no document has) outweighs common words it has ("how long will I live with
        mesothelioma" on a page about living well: under a half)."""
        total = sum(self.clause_weights)
        if not total:
            return 0.0
        text = f" {row.heading} {row.body} {row.answers} "
        if with_title:
            text += f"{row.title} "
        held = sum(
            weight for clause, weight in zip(self.parsed.clauses, self.clause_weights, strict=True)
            if any(_tf(term, text, self.variants) for term in clause.alternatives)
        )
        return held / total

    def score(self, row: Candidate) -> tuple[int, float]:
        """``(clauses found in the row's heading or body, score)`` — higher is better."""
        title, body = f" {row.title} ", f" {row.body} "
        heading, parents = _split_heading(row.heading, row.section)
        answers = f" {row.answers} " if row.answers else ""
        norm = K1 * (1 - B + B * row.length / self.average)
        total = 0.0
        on_page = in_title = 0
        for clause in self.parsed.clauses:
            parts = []
            page_hit = title_hit = False
            for term in clause.alternatives:
                t = min(_tf(term, title, self.variants), 1)
                h = _tf(term, heading, self.variants)
                p = _tf(term, parents, self.variants) if parents else 0
                b = _tf(term, body, self.variants)
                a = _tf(term, answers, self.variants) if answers else 0
                page_hit = page_hit or bool(h or p or b or a)
                title_hit = title_hit or bool(t)
                x = TITLE_W * t + HEADING_W * h + PARENT_W * p + BODY_W * b + ANSWERS_W * a
                if x:
                    parts.append(self.idf[(term.kind, term.terms)] * x * (K1 + 1) / (x + norm))
            if parts:
                best = max(parts)
                best += ALT_MIX * (sum(parts) - best)
                total += best if page_hit else best * TITLE_CLAUSE_FACTOR
            on_page += page_hit
            in_title += title_hit
        if self.pairs:
            text = heading + parents + body + answers
            found = sum(1 for pair in self.pairs if any(f" {p} " in text for p in pair))
            total *= 1.0 + PROXIMITY * found / len(self.pairs)
        total *= 1.0 + TITLE_BOOST * in_title / max(len(self.parsed.clauses), 1)
        if not on_page:
            total *= TITLE_ONLY_FACTOR
        if " glossary " in f" {row.title} ":
            total *= GLOSSARY_FACTOR
        if row.section:
            total *= DEMOTED_SECTIONS.get(fold(row.section), 1.0)
        else:
            total *= COVER_FACTOR
        return on_page, total


@lru_cache(maxsize=4096)
def _split_heading(heading: str, section: str | None) -> tuple[str, str]:
    """The heading column split into the row's own heading and its parents' (padded with
    spaces; the builder writes the own title first, then the parents')."""
    terms = heading.split()
    own = len(tokenize(section)) if section else 0
    return f" {' '.join(terms[:own])} ", (f" {' '.join(terms[own:])} " if own < len(terms) else "")
