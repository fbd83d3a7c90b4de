"""The bundled thesaurus file and its lookup."""

from __future__ import annotations

import pytest

from brochure_reader.search.normalise import stem, tokenize
from brochure_reader.search.thesaurus import KINDS, Thesaurus, default_path, parse_lines


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return default_path().read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def thesaurus() -> Thesaurus:
    return Thesaurus.load()


def _entries(lines):
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def test_file_has_at_least_150_valid_entries(lines):
    rows = _entries(lines)
    assert len(rows) >= 150
    _entries_found, problems = parse_lines(lines)
    assert problems == []
    assert all(row[2] in KINDS for row in rows)


def test_no_entry_is_written_twice(lines):
    terms = [tuple(tokenize(row[0])) for row in _entries(lines)]
    duplicates = {t for t in terms if terms.count(t) > 1}
    assert duplicates == set()


def test_every_entry_adds_something_stemming_does_not(lines):
    """An entry whose targets all have the term's own stems would be dead weight."""
    useless = []
    for row in _entries(lines):
        term = [stem(t) for t in tokenize(row[0])]
        targets = [[stem(t) for t in tokenize(x)] for x in row[1].split("|")]
        if all(t == term for t in targets):
            useless.append(row[0])
    assert useless == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("tiredness", "fatigue"),
        ("being sick", "vomiting"),
        ("blood cancer", "leukaemia"),
        ("leukemia", "leukaemia"),
        ("tumor", "tumour"),
        ("chemo", "chemotherapy"),
        ("bowel cancer", "colorectal cancer"),
        ("poo", "stool"),
        ("tired all the time", "fatigue"),
        ("diarrhea", "diarrhoea"),
    ],
)
def test_examples_from_the_issue(thesaurus, query, expected):
    terms = tokenize(query)
    length, entries = thesaurus.match(terms, 0)
    assert length == len(terms)
    targets = {" ".join(t) for e in entries for t in e.targets}
    assert expected in targets


def test_spelling_entries_work_backwards(thesaurus):
    assert ("leukemia",) in thesaurus.targets(["leukaemia"])
    assert ("tumor",) in thesaurus.targets(["tumour"])


def test_lay_entries_are_one_way(thesaurus):
    assert ("tiredness",) not in thesaurus.targets(["fatigue"])


def test_longest_entry_wins_and_stems_match(thesaurus):
    length, entries = thesaurus.match(tokenize("tired all the time today"), 0)
    assert length == 4
    assert entries[0].text == "tired all the time"
    # "vomiting" stems like the entry's words do; "throwing up" matches "throw up" by stem
    length, entries = thesaurus.match(tokenize("throwing up"), 0)
    assert length == 2


def test_bad_lines_are_reported_and_skipped():
    entries, problems = parse_lines([
        "# comment", "", "tiredness\tfatigue\tlay", "no tabs here", "x\ty\tnonsense",
        "tumor\ttumour\tspelling",
    ])
    assert [e.text for e in entries] == ["tiredness", "tumor", "tumour"]
    assert len(problems) == 2 and problems[0].startswith("line 4")


def test_missing_file_gives_an_empty_thesaurus(tmp_path):
    assert len(Thesaurus.load(tmp_path / "nope.tsv")) == 0


def test_compounds_may_have_no_targets_and_have_two_words_at_least():
    entries, problems = parse_lines(["cold sores\t-\tcompound", "sores\t-\tcompound",
                                     "tiredness\t-\tlay"])
    assert [(e.term, e.targets, e.kind) for e in entries] == [(("cold", "sores"), (), "compound")]
    assert len(problems) == 2


def test_a_compound_is_searched_as_one_phrase(thesaurus):
    from brochure_reader.search import query as q

    parsed = q.parse("cold sores", thesaurus)
    assert [[(t.kind, t.terms) for t in c.alternatives] for c in parsed.clauses] == [
        [(q.PHRASE, ("cold", "sores"))]]
