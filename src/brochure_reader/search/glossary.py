"""Glossary answers: "what is a stent?" -> the glossary's own entry, shown above the hits.

A glossary is any indexed document tagged ``glossary`` (the bundled one is
``assets/pack/sources/glossary.md``).  Its entries are read back from the indexed page text,
where each is a list item ``• Term — meaning`` (the authoring format of glossaries: a bold term,
an em dash, the meaning); an entry that runs over a page break is joined.  :func:`subject`
recognises the question shapes that ask for a meaning ("what is X", "what does X mean",
"meaning of X", "define X", "X meaning"); a query that *is* a glossary term is answered too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from brochure_reader.search.normalise import fold, stem, tokenize

#: The tag that makes a document a glossary.
GLOSSARY_TAG = "glossary"
#: Longest subject of a "what is" question, in words (longer: not a term but a question).
MAX_SUBJECT_WORDS = 5

_ENTRY = re.compile(r"^\s*(?P<term>[^—]{1,80}?)\s+—\s+(?P<text>.+?)\s*$", re.S)
_ARTICLE = r"(?:(?:an?|the)\s+)?"
_APO = "['\u2019\u02bc]"
_ARTICLE_FR = rf"(?:(?:une?|la|le|les|des|du|de\s+la)\s+|(?:l|d){_APO}\s*)?"
_SHAPES = [re.compile(p, re.I) for p in (
    rf"^\s*what\s*(?:'s|’s|\s+is|\s+are|\s+was)\s+{_ARTICLE}(?P<x>.+?)\s*\??\s*$",
    rf"^\s*whats\s+{_ARTICLE}(?P<x>.+?)\s*\??\s*$",
    rf"^\s*what\s+(?:does|do)\s+(?:the\s+(?:word|term)\s+)?{_ARTICLE}(?P<x>.+?)\s+mean\s*\??\s*$",
    rf"^\s*(?:define|definition\s+of|meaning\s+of|explain)\s+{_ARTICLE}(?P<x>.+?)\s*\??\s*$",
    r"^\s*(?P<x>.+?)\s+(?:meaning|definition)\s*\??\s*$",
    # French: "qu'est-ce que la chimiothérapie", "qu'est-ce qu'une biopsie", "c'est quoi un
    # lymphome", "que veut dire / que signifie X", "définition de X", "X c'est quoi"
    rf"^\s*qu{_APO}est[- ]ce\s+(?:que\s+|qu{_APO}\s*)(?:c{_APO}est\s+)?{_ARTICLE_FR}"
    r"(?P<x>.+?)\s*\??\s*$",
    rf"^\s*c{_APO}est\s+quoi\s+{_ARTICLE_FR}(?P<x>.+?)\s*\??\s*$",
    rf"^\s*que\s+(?:veut\s+dire|signifie)\s+{_ARTICLE_FR}(?P<x>.+?)\s*\??\s*$",
    rf"^\s*(?:d[ée]finition|signification|sens)\s+(?:de\s+|d{_APO}\s*){_ARTICLE_FR}(?P<x>.+?)\s*\??\s*$",
    rf"^\s*{_ARTICLE_FR}(?P<x>.+?)\s*,?\s+c{_APO}est\s+quoi\s*\??\s*$",
)]


@dataclass(frozen=True)
class Definition:
    """A glossary entry: ``term`` and ``text`` as printed; ``page`` is **0-based**."""

    term: str
    text: str
    document_id: str
    document_title: str
    page: int
    section_ref: str | None

    def to_json(self) -> dict:
        """For ``search --json-result``: page 1-based like hits."""
        return {"term": self.term, "text": self.text, "document_id": self.document_id,
                "document_title": self.document_title, "page": self.page + 1,
                "section_ref": self.section_ref}


def subject(query: str) -> str | None:
    """What a "what is …" question asks about (``"what is a stent?"`` -> ``"stent"``), or
    None when the query has no such shape or the subject is longer than a term."""
    for shape in _SHAPES:
        found = shape.match(query)
        if found:
            text = found.group("x").strip(" ?.!\"'“”")
            if text and len(text.split()) <= MAX_SUBJECT_WORDS:
                return text
    return None


def _key(text: str) -> tuple[str, ...]:
    """Stems of the words of *text* (the lookup key of an entry or a subject)."""
    return tuple(stem(t) for t in tokenize(text))


class Glossary:
    """The entries of the glossary documents of one index (read once per index generation).

    *segments* are ``(doc_id, document title, page 1-based, section title, section ref,
    text)`` rows of the glossary documents in reading order.
    """

    def __init__(self, segments: list[tuple[str, str, int, str | None, str | None, str]]):
        self._by_key: dict[tuple[str, ...], Definition] = {}
        #: ``(doc_id, title)`` of the glossary documents, in index order
        self.documents: list[tuple[str, str]] = list(dict.fromkeys((s[0], s[1]) for s in segments))
        current: list | None = None  # [term, text parts, doc, title, page, ref]
        entries: list[list] = []
        for doc_id, title, page_no, section, ref, text in segments:
            if section and text.startswith(section):
                text = text[len(section):]
            pieces = text.split("•")
            if current is not None and current[2] == doc_id and pieces[0].strip():
                current[1].append(pieces[0].strip())  # an entry carried over a page break
            for piece in pieces[1:]:
                found = _ENTRY.match(piece)
                if found is None:
                    current = None
                    continue
                current = [found.group("term"), [found.group("text")], doc_id, title,
                           page_no - 1, ref]
                entries.append(current)
        for term, parts, doc_id, title, page, ref in entries:
            definition = Definition(term, " ".join(" ".join(parts).split()), doc_id, title,
                                    page, ref)
            self._by_key.setdefault(_key(term), definition)
            bare = re.sub(r"\s*\([^)]*\)\s*", " ", term).strip()  # "Computed tomography (CT)"
            if bare != term:
                self._by_key.setdefault(_key(bare), definition)

    def __len__(self) -> int:
        return len({id(d) for d in self._by_key.values()})

    @classmethod
    def from_index(cls, index) -> Glossary:
        """The glossary documents of a :class:`~brochure_reader.search.index.SearchIndex`."""
        db = index.db
        docs = [(doc_id, title) for doc_id, title, info in
                db.execute("SELECT doc_id, title, info FROM documents WHERE error = ''")
                if GLOSSARY_TAG in (fold(t) for t in info.split("\x1f")[2:])]
        rows: list[tuple] = []
        for doc_id, title in docs:
            rows.extend((doc_id, title, *r) for r in db.execute(
                "SELECT page_no, section_title, section_ref, text FROM segments "
                "WHERE doc_id = ? ORDER BY id", (doc_id,)))
        return cls(rows)

    def lookup(self, text: str, spellings=None) -> Definition | None:
        """The entry for *text* (matched on word stems: ``stents`` finds *Stent*), or None.
        *spellings* (word -> other spellings, e.g. ``Thesaurus.spellings``) lets ``tumor``
        find *Tumour*."""
        key = _key(text)
        if not key:
            return None
        found = self._by_key.get(key)
        if found is None and spellings is not None:
            words = tokenize(text)
            for i, word in enumerate(words):
                for other in spellings(word):
                    alt = tuple(stem(w) for w in [*words[:i], other, *words[i + 1:]])
                    found = found or self._by_key.get(alt)
        return found
