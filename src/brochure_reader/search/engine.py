"""Running a search: parse, expand (stems, thesaurus), query FTS5, fall back, make snippets.

:class:`Searcher` is what the CLI, the GUI's search thread and the tests use::

    searcher = Searcher(SearchIndex.open(index_path(paths.cache)))
    result = searcher.search("tired all the time", Scope.document("acute-myeloid-leukaemia"))
    for hit in result.hits: ...   # best first; hit.page is 0-based

FTS5's BM25 picks the candidates; :mod:`.ranking` orders them (headings weighted above the
body, documents whose title or tags match raised, boilerplate sections lowered).  When all
the words together find nothing, pages are ranked by how many of the words they contain
(``result.partial``).  When a word is unknown, a spelling
suggestion is made and, if the query found nothing, searched instead (``result.corrected``).
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field
from functools import lru_cache

from brochure_reader.i18n import N_, _, ngettext
from brochure_reader.search import glossary as g
from brochure_reader.search import query as q
from brochure_reader.search import ranking
from brochure_reader.search.index import SearchIndex
from brochure_reader.search.normalise import french_stem, stem, tokenize
from brochure_reader.search.snippets import Snippet, build_pattern, make_snippet
from brochure_reader.search.suggest import Suggester
from brochure_reader.search.thesaurus import Thesaurus

log = logging.getLogger(__name__)

#: Candidates FTS5 hands to the final ranking (at least; 3 x the limit when that is more).
CANDIDATES = 60
#: Candidates ranked by the partial-match fallback.
FALLBACK_CANDIDATES = 300
#: Candidates of a question ranked by the soft AND (FTS5's BM25 over any of the words picks
#: them; at least the limit, fewer than CANDIDATES: each is scored and its coverage computed;
#: 20 to 60 give the same evaluation figures).
SOFT_CANDIDATES = 30
#: Least share of the query (by inverse document frequency, see ``Ranker.coverage``) that the
#: best partial match must hold to be shown as an answer; below it the result is "none".
MIN_COVERAGE = 0.5

#: A question or sentence (common words were dropped from it, no search syntax, at least this
#: many clauses) that found pages with all its words is ranked again over the pages with
#: *some* of them ("soft AND"): each page's score times the share of the query it holds
#: (``Ranker.coverage``, words weighted by rarity).  A whole question ("can my child go to
#: school") has words such as "go" that the answering section never uses; a page that has
#: every word only by chance should not win for that.  Keywords ("platelets bruising") keep
#: the documented AND.
SOFT_MIN_CLAUSES = 2
#: The first line of every "no answer" message (CLI and GUI).
NO_ANSWER = N_("No brochure covers this yet.")
#: Result kinds (``SearchResult.kind``, ``search --json-result``), from most to least direct.
KINDS = ("exact", "expanded", "corrected", "partial", "none")


@dataclass(frozen=True)
class Scope:
    """Where to search: ``kind`` is "library", "document" (value = document id) or
    "category" (value = category id)."""

    kind: str = "library"
    value: str = ""

    @classmethod
    def library(cls) -> Scope:
        return cls()

    @classmethod
    def document(cls, doc_id: str) -> Scope:
        return cls("document", doc_id)

    @classmethod
    def category(cls, category: str) -> Scope:
        return cls("category", category)


@dataclass(frozen=True)
class Hit:
    """One search hit: a page segment.  ``page`` is **0-based**; ``section``/``section_ref`` are
    None for text before the first heading; ``score`` is higher for better hits (negated BM25,
    comparable within one search only); ``terms`` are the words/phrases to highlight on the page
    as written there."""

    document_id: str
    document_title: str
    category: str
    section: str | None
    section_ref: str | None
    page: int
    snippet: Snippet
    score: float

    @property
    def terms(self) -> tuple[str, ...]:
        return self.snippet.terms

    def to_json(self) -> dict:
        """The documented ``search --json`` object (page 1-based, snippet with ``**marks**``)."""
        return {
            "document_id": self.document_id,
            "document_title": self.document_title,
            "section": self.section,
            "section_ref": self.section_ref,
            "page": self.page + 1,
            "snippet": self.snippet.marked(),
            "score": round(self.score, 4),
        }


@dataclass
class SearchResult:
    """Hits best first, and what the UI says about the search.

    ``expansions``: thesaurus words also searched ("also searching: fatigue");
    ``suggestion``: a corrected query ("did you mean …"), or None; ``corrected``: the hits are
    for the suggestion because the query itself found nothing; ``partial``: no page has all the
    words, hits are ranked by how many they contain; ``dropped``: common words left out.
    """

    query: str
    hits: list[Hit] = field(default_factory=list)
    expansions: list[str] = field(default_factory=list)
    suggestion: str | None = None
    corrected: bool = False
    partial: bool = False
    dropped: list[str] = field(default_factory=list)
    message: str = ""
    #: typed words that no indexed document contains (and no thesaurus entry covers)
    unknown: list[str] = field(default_factory=list)
    #: pages matched only some words, too few of the query's rare words to answer it: they
    #: are not shown (``hits`` is empty) and the result is "none"
    unanswered: bool = False
    #: the glossary's entry when the query asks what a word means ("what is a stent")
    definition: g.Definition | None = None
    #: ``(doc_id, title)`` of a glossary document of the index, to point to when nothing is
    #: found (None when the library has none)
    glossary: tuple[str, str] | None = None

    @property
    def kind(self) -> str:
        """What kind of answer this is: "exact" (the words as typed), "expanded" (thesaurus
        words searched too), "corrected" (the spelling suggestion was searched), "partial"
        (no page has all the words) or "none" (nothing that answers it)."""
        if not self.hits:
            return "none"
        if self.corrected:
            return "corrected"
        if self.partial:
            return "partial"
        return "expanded" if self.expansions else "exact"

    def no_answer(self) -> list[str]:
        """What to say when nothing answers the query (kind "none"): the plain statement,
        what was tried, and where to turn (the glossary, named when the library has one,
        and the care team)."""
        if self.glossary:
            last = _("See the glossary ({title}) for the medical words our brochures use, or "
                     "ask your care team: they know your situation best.").format(
                         title=self.glossary[1])  # fmt: skip
        else:
            last = _("See a glossary for the medical words our brochures use, or ask your "
                     "care team: they know your situation best.")  # fmt: skip
        return [_(NO_ANSWER), *self.tried(), last]

    def tried(self) -> list[str]:
        """What the search tried, one sentence each, for a "no answer" message."""
        out = []
        if self.unknown:
            words = ", ".join(_("“{word}”").format(word=w) for w in self.unknown)
            out.append(ngettext("No brochure uses the word {words}.",
                                "No brochure uses the words {words}.",
                                len(self.unknown)).format(words=words))  # fmt: skip
        if self.expansions:
            out.append(_("Also searched: {terms}.").format(terms=", ".join(self.expansions)))
        if self.suggestion and not self.corrected:
            out.append(_("Also tried “{suggestion}”.").format(suggestion=self.suggestion))
        if self.unanswered:
            out.append(_("Some pages hold a few of the words, but none is about this."))
        return out

    def by_document(self) -> list[tuple[str, str, list[Hit]]]:
        """``[(document id, title, hits)]``: documents in the order of their best hit, each
        document's hits best first."""
        groups: dict[str, list[Hit]] = {}
        for hit in self.hits:
            groups.setdefault(hit.document_id, []).append(hit)
        return [(doc_id, hits[0].document_title, hits) for doc_id, hits in groups.items()]


class Searcher:
    """Searches one open :class:`SearchIndex` (same thread only)."""

    def __init__(self, index: SearchIndex, thesaurus: Thesaurus | None = None):
        self.index = index
        self.thesaurus = thesaurus if thesaurus is not None else _default_thesaurus()
        self._suggester: Suggester | None = None
        self._suggester_generation = -1
        self._variants: dict[str, list[str]] = {}
        self._french: bool | None = None  # whether the index has French documents
        self._variants_generation = -1
        self._titles: dict[str, tuple[str, str]] = {}
        self._row_counts: dict[str, int] = {}
        self._glossary: g.Glossary | None = None
        self._size: tuple[int, float] | None = None

    # --- public -------------------------------------------------------------------------------

    def search(
        self, text: str, scope: Scope | None = None, limit: int = 50, prefix_last: bool = False
    ) -> SearchResult:
        """Search for *text* (any string: never raises for bad input).  *limit* caps the hits;
        *prefix_last* treats a last word still being typed as a prefix too."""
        scope = scope or Scope.library()
        result = SearchResult(text)
        try:
            self._refresh()
            # "what does X mean", "define X": search X (the scaffolding is not what is wanted)
            subject = g.subject(text)
            searched = subject or text
            parsed = q.parse(searched, self.thesaurus, prefix_last=prefix_last)
            result.dropped = parsed.dropped
            if subject:  # the words of the question around its subject were left out too
                kept = {w.casefold() for w in subject.split()}
                result.dropped = [w for w in (x.strip("?.!,") for x in text.split())
                                  if w and w.casefold() not in kept] + parsed.dropped
            if parsed.empty:
                if parsed.excluded:
                    result.message = "Add a word to search for, not only words to leave out."
                return result
            result.expansions = [e for e in parsed.expansions if self._present(e)]
            self._define(subject, searched, parsed, result)
            if _is_question(parsed, searched) and self._any_row_has_all(parsed, scope):
                result.hits = self._run(parsed, scope, limit, "soft")
            else:
                result.hits = self._run(parsed, scope, limit, "all")
            unknown = result.unknown = self._unknown_words(parsed)
            fixed = None
            if unknown:
                corrected = self._corrected_query(searched, unknown)
                if corrected and corrected.lower() != searched.lower():
                    result.suggestion = corrected
                    fixed = q.parse(corrected, self.thesaurus)
                    if not result.hits:
                        hits = self._run(fixed, scope, limit, "all")
                        if hits:
                            result.hits, result.corrected = hits, True
                            result.expansions = [e for e in fixed.expansions if self._present(e)]
                            parsed = fixed
            if not result.hits and len(parsed.clauses) > 1:
                self._partial(result, parsed, scope, limit)
                if not result.hits and fixed is not None and fixed is not parsed:
                    self._partial(result, fixed, scope, limit)
                    if result.hits:
                        result.corrected = True
                        result.expansions = [e for e in fixed.expansions if self._present(e)]
        except sqlite3.OperationalError as exc:  # locked for too long, disk I/O...
            log.warning("search failed: %s", exc)
            result.message = "The search index is busy; please try again."
        except sqlite3.DatabaseError as exc:
            log.warning("search index damaged: %s", exc)
            result.message = ("The search index could not be read; it is rebuilt the next time "
                              "the reader starts.")
        return result

    # --- internals ----------------------------------------------------------------------------

    def glossary(self) -> g.Glossary:
        """The glossary entries of the index (read again when the index changed)."""
        self._refresh()
        if self._glossary is None:
            self._glossary = g.Glossary.from_index(self.index)
        return self._glossary

    def _define(self, subject: str | None, text: str, parsed: q.ParsedQuery,
                result: SearchResult) -> None:
        """Set ``result.definition`` for "what is X" questions (*subject* X) and for queries
        that are a glossary term; in a question, a word the thesaurus maps is looked up by its
        target too ("what is chemo" -> *Chemotherapy*)."""
        glossary = self.glossary()
        result.glossary = glossary.documents[0] if glossary.documents else None
        asked = subject is not None
        if subject is None:
            plain = not parsed.excluded and all(
                t.kind == q.WORD or (t.kind == q.PHRASE and '"' not in text)
                for c in parsed.clauses for t in c.typed)
            if not plain or len(text.split()) > g.MAX_SUBJECT_WORDS:
                return
            subject = text
        found = glossary.lookup(subject, self.thesaurus.spellings)
        for target in [] if found or not asked else self.thesaurus.targets(tokenize(subject)):
            found = found or glossary.lookup(" ".join(target))
        result.definition = found

    def _partial(self, result: SearchResult, parsed: q.ParsedQuery, scope: Scope,
                 limit: int) -> None:
        """Pages with some of the words, shown only when the best holds enough of the query."""
        hits = self._run(parsed, scope, limit, "any")
        if hits and self._coverage >= MIN_COVERAGE:
            result.hits, result.partial, result.unanswered = hits, True, False
        elif hits:
            result.unanswered = True

    def _refresh(self) -> None:
        generation = self.index.generation()
        if generation != self._variants_generation:
            self._variants.clear()
            self._french = None
            self._glossary = None
            self._titles.clear()
            self._row_counts.clear()
            self._size = None
            self._variants_generation = generation

    def _word_variants(self, term: str) -> list[str]:
        """The indexed words sharing *term*'s English stem and, when French documents are
        indexed, its French stem (``traitements`` -> ``traitement``), *term* itself first."""
        found = self._variants.get(term)
        if found is None:
            found = self.index.words_with_stem(stem(term))
            if self._french is None:
                self._french = self.index.has_french()
            if self._french:
                found += [w for w in self.index.words_with_french_stem(french_stem(term))
                          if w not in found]
            if term not in found:
                found = [term, *found]
            self._variants[term] = found
        return found

    def _present(self, expansion: str) -> bool:
        return all(
            any(self.index.has_term(v) for v in self._word_variants(t))
            for t in tokenize(expansion)
        )

    def _known(self, term: q.Term) -> bool:
        if term.kind == q.WORD:
            return any(self.index.has_term(v) for v in self._word_variants(term.terms[0]))
        if term.kind == q.PHRASE:
            return all(self.index.has_term(t) for t in term.terms)
        return True  # a prefix is not a misspelling

    def _unknown_words(self, parsed: q.ParsedQuery) -> list[str]:
        """Typed words the index does not know (and that no known thesaurus entry covers)."""
        unknown: list[str] = []
        for clause in parsed.clauses:
            if any(t.from_thesaurus and self._known(t) for t in clause.alternatives):
                continue
            unknown.extend(t.text for t in clause.typed if not self._known(t))
        return unknown

    def suggester(self) -> Suggester:
        """The vocabulary used for suggestions (rebuilt when the index changed)."""
        generation = self.index.generation()
        if self._suggester is None or generation != self._suggester_generation:
            extra = sorted({t for e in self.thesaurus.entries for t in e.term})
            self._suggester = Suggester(self.index.vocabulary(), extra)
            self._suggester_generation = generation
        return self._suggester

    def _corrected_query(self, text: str, unknown: list[str]) -> str | None:
        suggester = self.suggester()
        corrected = text
        changed = False
        for word in unknown:
            for part in word.split():
                best = suggester.suggest(part)
                if best:
                    # of the spellings of the suggested word, the one the documents use most
                    spellings = [best[0], *self.thesaurus.spellings(best[0])]
                    choice = max(spellings, key=lambda w: suggester.frequency.get(w, -1))
                    corrected = _replace_word(corrected, part, choice)
                    changed = True
        return corrected if changed else None

    def _scope_sql(self, scope: Scope) -> tuple[str, list[str]]:
        if scope.kind == "document":
            return " AND rowid IN (SELECT id FROM segments WHERE doc_id = ?)", [scope.value]
        if scope.kind == "category":
            return (
                " AND rowid IN (SELECT s.id FROM segments s JOIN documents d USING (doc_id)"
                " WHERE d.category = ?)",
                [scope.value],
            )
        return "", []

    def _run(self, parsed: q.ParsedQuery, scope: Scope, limit: int, mode: str) -> list[Hit]:
        """Hits for *parsed* (``mode`` "all": every clause; "any": ranked by how many;
        "soft": pages with any clause, each score times the share of the query the page holds).
        ``self._coverage`` is set to the best hit's share of the query (see
        :meth:`ranking.Ranker.coverage`; 0 when there is no hit)."""
        self._coverage = 0.0
        match = q.to_match(parsed.clauses, parsed.excluded, self._word_variants,
                           "all" if mode == "all" else "any")
        if not match or limit <= 0:
            return []
        where, params = self._scope_sql(scope)
        fetch = {"any": FALLBACK_CANDIDATES, "soft": max(limit, SOFT_CANDIDATES)}.get(
            mode, max(limit * 3, CANDIDATES))
        weights = f"{ranking.TITLE_W}, {ranking.HEADING_W}, {ranking.BODY_W}, {ranking.ANSWERS_W}"
        # rowids first: selecting the columns here would make SQLite sort every match with them
        rowids = [r[0] for r in self.index.db.execute(
            f"SELECT rowid FROM fts WHERE fts MATCH ?{where} ORDER BY bm25(fts, {weights}) "
            "LIMIT ?",
            [match, *params, fetch],
        )]
        marks = ",".join("?" * len(rowids))
        rows = self.index.db.execute(
            f"SELECT rowid, title, heading, body, answers FROM fts WHERE rowid IN ({marks})",
            rowids,
        ).fetchall() if rowids else []
        segments = self._segments(rowids)
        ranker = ranking.Ranker(parsed, self._word_variants, self._rows_with,
                                *self._index_size())
        scored = []
        candidates = {}
        for rowid, title, heading, body, answers in rows:
            segment = segments.get(rowid)
            if segment is None or ranking.excluded(segment[2]):
                continue
            candidate = ranking.Candidate(rowid, title, heading, body, segment[2], len(segment[4]),
                                          answers)
            on_page, score = ranker.score(candidate)
            if mode == "soft":
                score *= ranker.coverage(candidate, with_title=True)
            candidates[rowid] = candidate
            scored.append((-on_page if mode == "any" else 0, -score, rowid, on_page > 0))
        scored.sort()
        # A row matching only through its document's title shows nothing of the query: keep
        # one such row for a document that has nothing better, drop the rest.
        on_page_docs = {segments[r][0] for _n, _s, r, shown in scored if shown}
        kept, title_only_docs = [], set()
        for _n, neg, rowid, shown in scored:
            doc_id = segments[rowid][0]
            if not shown:
                if doc_id in on_page_docs or doc_id in title_only_docs:
                    continue
                title_only_docs.add(doc_id)
            kept.append((rowid, -neg))
        if kept:
            self._coverage = ranker.coverage(candidates[kept[0][0]])
        return self._hits(parsed, kept[:limit], segments, ranker)

    def _any_row_has_all(self, parsed: q.ParsedQuery, scope: Scope) -> bool:
        """Whether some row holds every clause of *parsed* (one indexed lookup, no ranking)."""
        match = q.to_match(parsed.clauses, parsed.excluded, self._word_variants, "all")
        if not match:
            return False
        where, params = self._scope_sql(scope)
        return self.index.db.execute(
            f"SELECT 1 FROM fts WHERE fts MATCH ?{where} LIMIT 1", [match, *params]
        ).fetchone() is not None

    def _rows_with(self, term: str) -> int:
        found = self._row_counts.get(term)
        if found is None:
            found = self._row_counts[term] = self.index.rows_with(term)
        return found

    def _index_size(self) -> tuple[int, float]:
        if self._size is None:
            self._size = self.index.size()
        return self._size

    def _segments(self, rowids: list[int]) -> dict[int, tuple]:
        """``{rowid: (doc_id, page_no 1-based, section title, section ref, text)}``."""
        if not rowids:
            return {}
        marks = ",".join("?" * len(rowids))
        return {
            r[0]: r[1:]
            for r in self.index.db.execute(
                "SELECT id, doc_id, page_no, section_title, section_ref, text FROM segments"
                f" WHERE id IN ({marks})",
                rowids,
            )
        }

    def _hits(self, parsed: q.ParsedQuery, ranked: list[tuple[int, float]],
              segments: dict[int, tuple], ranker: ranking.Ranker) -> list[Hit]:
        pattern = self._pattern(parsed)
        weights = self._snippet_weights(parsed, ranker) if ranked else None
        hits = []
        for rowid, score in ranked:
            row = segments.get(rowid)
            if row is None:
                continue
            doc_id, page_no, section, ref, text = row
            title, category = self._document_title(doc_id)
            hits.append(Hit(doc_id, title, category, section, ref, page_no - 1,
                            make_snippet(text, pattern, weights=weights), score))
        return hits

    def _snippet_weights(self, parsed: q.ParsedQuery, ranker: ranking.Ranker) -> dict[str, float]:
        """Folded word or phrase -> the inverse document frequency of its query term, for
        choosing the snippet's window (:func:`.snippets.make_snippet`)."""
        weights: dict[str, float] = {}
        for clause in parsed.clauses:
            for term in clause.alternatives:
                idf = ranker.idf.get((term.kind, term.terms), 1.0)
                keys = (self._word_variants(term.terms[0]) if term.kind == q.WORD
                        else [" ".join(term.terms)])
                for key in keys:
                    weights[key] = max(weights.get(key, 0.0), idf)
        return weights

    def _pattern(self, parsed: q.ParsedQuery):
        words: set[str] = set()
        phrases: list[tuple[str, ...]] = []
        prefixes: list[tuple[str, ...]] = []
        for clause in parsed.clauses:
            for term in clause.alternatives:
                if term.kind == q.WORD:
                    words.update(self._word_variants(term.terms[0]))
                elif term.kind == q.PREFIX:
                    prefixes.append(term.terms)
                elif len(term.terms) == 1:
                    words.add(term.terms[0])
                else:
                    phrases.append(term.terms)
        return build_pattern(words, phrases, prefixes)

    def _document_title(self, doc_id: str) -> tuple[str, str]:
        found = self._titles.get(doc_id)
        if found is None:
            row = self.index.db.execute(
                "SELECT title, category FROM documents WHERE doc_id = ?", (doc_id,)
            ).fetchone()
            found = self._titles[doc_id] = (row[0], row[1]) if row else (doc_id, "")
        return found


def _is_question(parsed: q.ParsedQuery, text: str) -> bool:
    """Whether *text* reads as a question or sentence rather than keywords or syntax (see
    :data:`SOFT_MIN_CLAUSES`)."""
    if len(parsed.clauses) < SOFT_MIN_CLAUSES or parsed.excluded or not parsed.dropped:
        return False
    return '"' not in text and "*" not in text and not any(
        w in ("OR", "|") for w in text.split())


def _replace_word(text: str, word: str, replacement: str) -> str:
    """*text* with the first whole-word occurrence of *word* replaced (case-insensitive)."""
    import re

    return re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", replacement, text, count=1,
                  flags=re.IGNORECASE)


@lru_cache(maxsize=1)
def _default_thesaurus() -> Thesaurus:
    return Thesaurus.load()
