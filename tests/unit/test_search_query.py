"""The query parser and the MATCH expressions it produces."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brochure_reader.search import query as q
from brochure_reader.search.thesaurus import Thesaurus, parse_lines

THESAURUS = Thesaurus(parse_lines([
    "tiredness\tfatigue\tlay",
    "tired all the time\ttiredness | fatigue\tlay",
    "leukemia\tleukaemia\tspelling",
    "all\tacute lymphoblastic leukaemia\tabbreviation",
])[0])


def kinds(parsed: q.ParsedQuery) -> list[list[tuple[str, str]]]:
    return [[(t.kind, " ".join(t.terms)) for t in c.alternatives] for c in parsed.clauses]


def test_words_are_anded_clauses():
    assert kinds(q.parse("blood test")) == [[("word", "blood")], [("word", "test")]]


def test_phrase_prefix_exclusion_and_or():
    parsed = q.parse('"bone marrow" fatig* -transplant chemo OR radiotherapy -"side effects"')
    assert kinds(parsed) == [
        [("phrase", "bone marrow")],
        [("prefix", "fatig")],
        [("word", "chemo"), ("word", "radiotherapy")],
    ]
    assert [(t.kind, " ".join(t.terms)) for t in parsed.excluded] == [
        ("word", "transplant"), ("phrase", "side effects")
    ]


def test_stop_words_are_dropped_but_not_when_alone():
    parsed = q.parse("questions to ask my oncologist")
    assert kinds(parsed) == [[("word", "questions")], [("word", "ask")], [("word", "oncologist")]]
    assert parsed.dropped == ["to", "my"]
    assert kinds(q.parse("the")) == [[("word", "the")]]


def test_hyphenated_words_become_phrases_and_apostrophes_go():
    assert kinds(q.parse("self-care")) == [[("phrase", "self care")]]
    assert kinds(q.parse("don't")) == [[("word", "dont")]]
    assert kinds(q.parse("patient’s")) == [[("word", "patients")]]


def test_short_prefix_is_a_word():
    assert kinds(q.parse("f*")) == [[("word", "f")]]


@pytest.mark.parametrize("text", ['"unclosed phrase', "- - -", "OR OR", "OR fatigue OR",
                                  '""', "***", "-", "   ", "(", "NEAR(a b)", "a:b", "^x"])
def test_odd_input_parses(text):
    parsed = q.parse(text)
    for clause in parsed.clauses:
        for term in clause.alternatives:
            assert term.terms and all(t.isalnum() for t in term.terms)


def test_thesaurus_multiword_entry_and_expansions():
    parsed = q.parse("tired all the time", THESAURUS)
    assert kinds(parsed) == [[("phrase", "tired all the time"), ("word", "tiredness"),
                              ("word", "fatigue")]]
    assert parsed.expansions == ["tiredness", "fatigue"]
    assert parsed.dropped == []


def test_thesaurus_in_or_group_and_spelling_backwards():
    parsed = q.parse("leukaemia OR cancer", THESAURUS)
    assert kinds(parsed) == [[("word", "leukaemia"), ("word", "cancer"), ("word", "leukemia")]]


def test_abbreviation_that_is_a_stop_word_needs_capitals():
    assert q.parse("ALL treatment", THESAURUS).expansions == ["acute lymphoblastic leukaemia"]
    assert q.parse("all treatment", THESAURUS).expansions == []


def test_prefix_last_for_typing():
    parsed = q.parse("fatig", prefix_last=True)
    assert kinds(parsed) == [[("word", "fatig"), ("prefix", "fatig")]]
    assert kinds(q.parse("fatig ", prefix_last=True)) == [[("word", "fatig")]]
    assert kinds(q.parse("blood te", prefix_last=True))[0] == [("word", "blood")]


def test_to_match_quotes_and_combines():
    parsed = q.parse('vomit "bone marrow" fatig* -transplant')
    expr = q.to_match(parsed.clauses, parsed.excluded, lambda w: [w, w + "ing"])
    assert expr == ('(("vomit" OR "vomiting") AND ("bone marrow") AND ("fatig" *)) '
                    'NOT ("transplant" OR "transplanting")')
    assert q.to_match(parsed.clauses, [], lambda w: [w], mode="any").count(" OR ") == 2
    assert q.to_match([], parsed.excluded, lambda w: [w]) == ""


def test_quote_doubles_quotes():
    assert q.quote('a"b') == '"a""b"'


@pytest.fixture(scope="module")
def fts():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE f USING fts5(title, heading, body)")
    db.execute("INSERT INTO f VALUES('a', 'b', 'fatigue and tiredness')")
    yield db
    db.close()


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_string_gives_a_valid_match_expression(fts, text):
    parsed = q.parse(text, THESAURUS, prefix_last=True)
    for mode in ("all", "any"):
        expr = q.to_match(parsed.clauses, parsed.excluded, lambda w: [w], mode)
        if expr:
            fts.execute("SELECT rowid FROM f WHERE f MATCH ?", (expr,)).fetchall()


def test_package_exports_resolve():
    import brochure_reader.search as search

    for name in search.__all__:
        assert getattr(search, name).__name__ == name
    with pytest.raises(AttributeError):
        search.nothing_here  # noqa: B018


def test_get_is_a_common_word_in_questions():
    parsed = q.parse("what do I do if I get a temperature")
    assert kinds(parsed) == [[("word", "temperature")]]
    assert kinds(q.parse("get")) == [[("word", "get")]]  # alone, it is searched


@pytest.mark.parametrize(("query", "expected"), [
    ("qu'est-ce qu'une biopsie", [[("word", "biopsie")]]),
    ("est-ce que je peux conduire", [[("word", "conduire")]]),
    ("combien de temps vais-je vivre", [[("word", "temps")], [("word", "vivre")]]),
    ("c'est quoi un lymphome", [[("word", "lymphome")]]),
    ("l'estomac", [[("word", "estomac")]]),
    ("vitamin C", [[("word", "vitamin")], [("word", "c")]]),  # "C" is not the elided "c'"
    ("self-care", [[("phrase", "self care")]]),
])
def test_french_question_words_and_elisions_are_dropped(query, expected):
    """French questions keep only their content words: elided words (l', qu', c'), the
    words of "est-ce que", "vais-je", "peut-on"… (before: "vais-je" was a phrase that no page
    has, and "l'estomac" one term)."""
    assert kinds(q.parse(query)) == expected


def test_an_excluded_elided_word_stays_one_phrase():
    parsed = q.parse("chimio -l'estomac")
    assert [(t.kind, t.terms) for t in parsed.excluded] == [("phrase", ("l", "estomac"))]
