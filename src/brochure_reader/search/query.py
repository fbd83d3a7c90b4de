"""Our own query parser: what people type -> a safe FTS5 MATCH expression.

Syntax (documented for users in docs/search.md):

* words are ANDed: ``blood test`` finds pages with both words (and their other forms: the
  English stem is used, so ``vomiting`` also finds ``vomit``);
* ``"quoted phrases"`` find the words next to each other, exactly as written (case and accents
  aside); an unclosed quote runs to the end;
* ``fatig*`` finds words starting with ``fatig`` (at least two letters before the ``*``);
* ``-word`` or ``-"a phrase"`` leaves out pages containing it;
* ``OR`` (capitals) or ``|`` between two terms finds either;
* common words (``the``, ``to``, ``my``...) are dropped unless the query has nothing else;
* a lay word or another spelling listed in the thesaurus also searches the document words.

User text never reaches SQLite as syntax: every term is rebuilt from :func:`tokenize` output
(letters and digits only) and double-quoted, so no input can make an FTS5 or SQL error.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from brochure_reader.search.normalise import ELIDED, tokenize
from brochure_reader.search.thesaurus import Thesaurus

#: English words dropped from queries ("questions to ask my oncologist" -> questions ask
#: oncologist); contractions lose their apostrophe first ("can't" -> "cant").
_STOP = (
    """a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself
    just me more most my myself no nor not of off on once only or other our ours ourselves out over
    own same she should so some such than that the their theirs them themselves then there these
    they this those through to too under until up very was we were what when where which while who
    whom why will with would you your yours yourself yourselves s t d ll m re ve
    get gets got getting
    cant dont doesnt didnt isnt arent wasnt wont wouldnt shouldnt couldnt im ive id youre"""
)
#: French function words, dropped the same way, so that French lay queries for the English
#: brochures keep only their content words ("fatigue pendant la chimiothérapie" -> fatigue
#: chimiotherapie; folded, as queries are).
#: (Not "son", "il", "pas", "ca", "plus"...: English words or abbreviations too; "est" is,
#: as an abbreviation, but French questions use it in nearly every shape: "qu'est-ce que",
#: "c'est quoi", "est-ce que".)
_STOP_FR = """au aux avec ce d de des du elle en et j je l la le les leur mes ou par pendant pour
    qu que quoi qui se ses sur un une votre vos
    n jusqu lorsqu puisqu quoiqu est ai suis sont ete etre avoir peux peut puis pouvez vais va
    dois doit faut mon ma ton ta tes nous vous on ne dans si mais donc chez comme aussi tres
    moi toi lui eux leurs quand comment pourquoi combien quel quelle quels quelles cela ceci"""
STOP_WORDS = frozenset(_STOP.split()) | frozenset(_STOP_FR.split())
#: Most clauses and alternatives kept from one query (longer input is cut, not refused).
MAX_CLAUSES = 12
MAX_ALTERNATIVES = 8
MIN_PREFIX = 2

WORD, PHRASE, PREFIX = "word", "phrase", "prefix"


@dataclass(frozen=True)
class Term:
    """A searchable unit: ``kind`` is word, phrase or prefix; ``terms`` are folded index terms
    (a prefix keeps its stem-less beginning in the last term); ``text`` is what the user typed."""

    kind: str
    terms: tuple[str, ...]
    text: str
    from_thesaurus: bool = False


@dataclass
class Clause:
    """Alternatives of which a matching page must contain at least one."""

    alternatives: list[Term]

    @property
    def typed(self) -> list[Term]:
        return [t for t in self.alternatives if not t.from_thesaurus]


@dataclass
class ParsedQuery:
    """``clauses`` are ANDed, ``excluded`` terms must not occur; ``dropped`` lists stop words
    left out and ``expansions`` the thesaurus targets added (as display text)."""

    clauses: list[Clause] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    expansions: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.clauses


# --- lexing ---------------------------------------------------------------------------------

_LEX = re.compile(r'\s+|(?P<neg>-)?(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))')


@dataclass
class _Token:
    text: str
    negated: bool
    quoted: bool
    is_or: bool = False


def _lex(query: str) -> list[_Token]:
    tokens: list[_Token] = []
    pos = 0
    while pos < len(query):
        m = _LEX.match(query, pos)
        if m is None or m.end() == pos:  # cannot happen with this pattern, but never loop
            pos += 1
            continue
        pos = m.end()
        if m.group("phrase") is not None:
            tokens.append(_Token(m.group("phrase"), bool(m.group("neg")), True))
        elif m.group("word") is not None:
            word = m.group("word")
            negated = bool(m.group("neg"))
            if not negated and word in ("OR", "|"):
                tokens.append(_Token(word, False, False, is_or=True))
            elif negated:
                tokens.append(_Token(word, negated, False))
            else:
                tokens.extend(_Token(part, False, False) for part in _split_french(word))
        elif m.group("neg"):
            continue  # a lone "-"
    return tokens


_APOSTROPHES = "'\u2019\u02bc"
#: A French elided word at the start of a token: "l'", "d'", "qu'", "jusqu'"… (always a
#: common word: "c'" of "c'est" too, while "C" alone, as in "vitamin C", is not one).
_ELISION = re.compile("(?i)(?:" + "|".join(ELIDED) + f")[{_APOSTROPHES}](?=[^\\W_])")


def _split_french(word: str) -> list[str]:
    """*word* split into its French elided words and the rest ("l'estomac" -> ``["l'",
    "estomac"]``, "qu'est-ce" -> ``["qu'", "est", "ce"]``), so that each is a word of its own
    (the elided ones are common words and dropped); a hyphenated word made only of common
    words ("est-ce", "vais-je", "peut-on") is split too.  Anything else is kept whole
    ("self-care" stays a phrase, "can't" a word)."""
    parts = []
    while (m := _ELISION.match(word)) is not None:
        parts.append(m.group())
        word = word[m.end():]
    pieces = word.split("-")
    if len(pieces) > 1 and all(p.casefold() in STOP_WORDS or p.casefold() == "t"
                               for p in pieces if p):
        parts.extend(p for p in pieces if p)
    elif word:
        parts.append(word)
    return parts


def _term(token: _Token) -> Term | None:
    text = token.text
    if token.quoted:
        terms = tokenize(text)
        return Term(PHRASE, tuple(terms), text) if terms else None  # exact: no stem variants
    prefix = text.endswith("*")
    terms = tokenize(text.rstrip("*"))
    if not terms:
        return None
    if prefix and len(terms[-1]) >= MIN_PREFIX:
        return Term(PREFIX, tuple(terms), text)
    if len(terms) > 1:  # self-care, don't, 你好
        return Term(PHRASE, tuple(terms), text)
    return Term(WORD, tuple(terms), text.rstrip("*"))


# --- parsing --------------------------------------------------------------------------------


def parse(query: str, thesaurus: Thesaurus | None = None, prefix_last: bool = False) -> ParsedQuery:
    """Parse *query* (any string).  With *prefix_last* (search as you type), a last word not
    followed by a space also matches as a prefix.  Never raises."""
    parsed = ParsedQuery()
    groups: list[list[Term]] = []
    join_next = False
    last_term: Term | None = None
    for token in _lex(query):
        if token.is_or:
            join_next = bool(groups)
            continue
        term = last_term = _term(token)
        if term is None:
            continue
        if token.negated:
            last_term = None
        if token.negated:
            if len(parsed.excluded) < MAX_CLAUSES:
                parsed.excluded.append(term)
            join_next = False
            continue
        if join_next and groups:
            if len(groups[-1]) < MAX_ALTERNATIVES:
                groups[-1].append(term)
        elif len(groups) < MAX_CLAUSES:
            groups.append([term])
        join_next = False

    clauses = _apply_thesaurus(groups, thesaurus, parsed) if thesaurus else [
        Clause(list(g)) for g in groups
    ]
    clauses = _drop_stop_words(clauses, parsed)
    typing = prefix_last and query and not query[-1].isspace() and not query.endswith('"')
    if typing and clauses and last_term is not None and last_term.kind == WORD:
        last = clauses[-1]
        if last.alternatives[0] == last_term and len(last_term.terms[0]) >= 3:
            last.alternatives.append(Term(PREFIX, last_term.terms, last_term.text + "*"))
    parsed.clauses = clauses
    return parsed


def _is_plain(group: list[Term]) -> bool:
    return len(group) == 1 and group[0].kind == WORD


def _apply_thesaurus(groups: list[list[Term]], thesaurus: Thesaurus, parsed: ParsedQuery):
    clauses: list[Clause] = []
    i = 0
    while i < len(groups):
        group = groups[i]
        if _is_plain(group):
            run_end = i
            while run_end < len(groups) and _is_plain(groups[run_end]):
                run_end += 1
            words = [g[0].terms[0] for g in groups[i:run_end]]
            length, entries = thesaurus.match(words, 0)
            if length == 1 and words[0] in STOP_WORDS and not group[0].text.isupper():
                length = 0  # "all" is a common word; "ALL" the leukaemia
            if length:
                typed = groups[i:i + length]
                text = " ".join(g[0].text for g in typed)
                original = (Term(WORD, typed[0][0].terms, text) if length == 1
                            else Term(PHRASE, tuple(words[:length]), text))
                alternatives = [original]
                for entry in entries:
                    for target in entry.targets:
                        alternatives.append(_target_term(target))
                clauses.append(Clause(_unique(alternatives)[:MAX_ALTERNATIVES]))
                i += length
                continue
            clauses.append(Clause(list(group)))
            i += 1
            continue
        alternatives = list(group)
        for term in group:
            if term.kind in (WORD, PHRASE):
                alternatives.extend(_target_term(t) for t in thesaurus.targets(term.terms))
        clauses.append(Clause(_unique(alternatives)[:MAX_ALTERNATIVES]))
        i += 1
    for clause in clauses:
        for term in clause.alternatives:
            if term.from_thesaurus and term.text not in parsed.expansions:
                parsed.expansions.append(term.text)
    return clauses


def _target_term(target: tuple[str, ...]) -> Term:
    return Term(WORD if len(target) == 1 else PHRASE, target, " ".join(target), True)


def _unique(terms: list[Term]) -> list[Term]:
    seen: set[tuple[str, tuple[str, ...]]] = set()
    out = []
    for term in terms:
        key = (term.kind, term.terms)
        if key not in seen:
            seen.add(key)
            out.append(term)
    return out


def _drop_stop_words(clauses: list[Clause], parsed: ParsedQuery) -> list[Clause]:
    def is_stop(clause: Clause) -> bool:
        alts = clause.alternatives
        return len(alts) == 1 and alts[0].kind == WORD and (
            alts[0].terms[0] in STOP_WORDS or alts[0].text[-1:] in _APOSTROPHES)

    kept = [c for c in clauses if not is_stop(c)]
    if not kept:
        return clauses
    parsed.dropped = [c.alternatives[0].text for c in clauses if is_stop(c)]
    return kept


# --- compiling ------------------------------------------------------------------------------


def quote(term: str) -> str:
    """An FTS5 string literal for *term* (double quotes doubled)."""
    return '"' + term.replace('"', '""') + '"'


def fts_alternatives(term: Term, variants: Callable[[str], list[str]]) -> list[str]:
    """FTS5 expressions for *term*; *variants* gives the indexed words sharing a word's stem."""
    if term.kind == WORD:
        return [quote(w) for w in variants(term.terms[0])]
    if term.kind == PREFIX:
        return [quote(" ".join(term.terms)) + " *"]
    return [quote(" ".join(term.terms))]


def to_match(
    clauses: list[Clause], excluded: list[Term], variants: Callable[[str], list[str]],
    mode: str = "all",
) -> str:
    """The MATCH expression: clauses ANDed (``mode="all"``) or ORed (``mode="any"``), the
    excluded terms subtracted with NOT.  Returns "" when there is nothing to search for."""
    groups = []
    for clause in clauses:
        alts: list[str] = []
        for term in clause.alternatives:
            alts.extend(a for a in fts_alternatives(term, variants) if a not in alts)
        if alts:
            groups.append("(" + " OR ".join(alts) + ")")
    if not groups:
        return ""
    expr = (" AND " if mode == "all" else " OR ").join(groups)
    negatives = []
    for term in excluded:
        negatives.extend(fts_alternatives(term, variants))
    if negatives:
        expr = f"({expr}) NOT (" + " OR ".join(negatives) + ")"
    return expr
