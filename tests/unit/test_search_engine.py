"""Searching the sample index: syntax, stems, thesaurus, suggestions, fallback, scope, ranking."""

from __future__ import annotations

import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brochure_reader.search.engine import Scope, Searcher
from brochure_reader.search.index import SearchIndex
from brochure_reader.search.thesaurus import Thesaurus
from tests.search_helpers import make_pdf, sample_index_path, sample_pack, searcher

__all__ = ["sample_index_path", "sample_pack", "searcher"]  # fixtures used below


def where(result) -> list[tuple[str, str | None]]:
    return [(h.document_id, h.section) for h in result.hits]


def test_words_are_anded(searcher):
    result = searcher.search("platelets bruising")
    assert where(result) == [("s-aml", "Bleeding and tiredness")]
    assert not result.partial


def test_stemming_vomiting_finds_vomit_forms(searcher):
    assert ("s-eating", "Feeling sick") in where(searcher.search("vomit"))
    assert ("s-eating", "Feeling sick") in where(searcher.search("vomits"))


def test_phrase_needs_adjacent_words(searcher):
    assert where(searcher.search('"blood count"')) == [("s-aml", "Blood tests")]
    assert searcher.search('"count blood"').hits == []


def test_prefix(searcher):
    sections = {s for _d, s in where(searcher.search("radiother*"))}
    assert sections == {"Tiredness"}


def test_exclusion(searcher):
    with_all = {d for d, _s in where(searcher.search("tiredness"))}
    assert with_all == {"s-aml", "s-glioma"}
    assert {d for d, _s in where(searcher.search("tiredness -radiotherapy"))} == {"s-aml"}


def test_or(searcher):
    found = set(where(searcher.search("diarrhoea OR glial")))
    assert found == {("s-eating", "Bowel changes"), ("s-glioma", "What a glioma is")}


def test_accents_are_folded_both_ways(sample_index_path):
    # without the thesaurus, whose French entries also search "leukaemia" (the s-aml pages)
    index = SearchIndex.open(sample_index_path)
    try:
        plain = Searcher(index, Thesaurus())
        assert where(plain.search("leucemie")) == [("s-eating", "Eating after surgery")]
        assert where(plain.search("LEUCÉMIE")) == [("s-eating", "Eating after surgery")]
    finally:
        index.close()


def test_a_french_word_also_finds_the_english_brochures(searcher):
    found = where(searcher.search("leucémie"))
    assert found[0] == ("s-eating", "Eating after surgery")  # the word as typed, in French
    assert ("s-aml", "Key points") in found  # and "leukaemia"


def test_line_end_hyphen_is_joined_in_index(searcher):
    hits = searcher.search('"treatment with care"').hits
    assert [(h.document_id, h.section) for h in hits] == [("s-glioma", "Chemotherapy")]


def test_uk_us_ize_ise(searcher):
    assert ("s-glioma", "Chemotherapy") in where(searcher.search("optimized"))


def test_thesaurus_expansion_is_reported(searcher):
    result = searcher.search("exhausted")
    assert result.expansions == ["tiredness", "fatigue"]
    assert {d for d, _s in where(result)} == {"s-aml", "s-glioma"}
    assert searcher.search("leukemia").expansions == ["leukaemia"]


def test_expansions_absent_from_the_index_are_not_shown(searcher):
    # "poo" -> stool | bowel motion: neither is in the sample documents
    result = searcher.search("poo")
    assert result.expansions == []
    assert where(result) == [("s-eating", "Bowel changes")]


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [("fatigeu", "fatigue"), ("diarhea", "diarrhoea"), ("leukimia", "leukaemia")],
)
def test_did_you_mean(searcher, typed, suggested):
    result = searcher.search(typed)
    assert result.suggestion == suggested
    assert result.corrected and result.hits


def test_suggestion_without_correction_when_query_found_something(searcher):
    result = searcher.search("platelets OR fatigeu")
    assert result.suggestion == "platelets OR fatigue"
    assert not result.corrected and result.hits


def test_partial_fallback_is_flagged(searcher):
    result = searcher.search("fatigue radiotherapy zebra")
    assert result.partial
    assert where(result)[0] == ("s-glioma", "Tiredness")  # has two of the three words
    assert searcher.search("fatigue radiotherapy").partial is False


def test_stop_words_dropped(searcher):
    result = searcher.search("what are the platelets")
    assert result.dropped == ["what", "are", "the"]
    assert set(where(result)) == {("s-aml", "Blood tests"), ("s-aml", "Bleeding and tiredness")}


def test_scope_document_and_category(searcher):
    assert {d for d, _s in where(searcher.search("tiredness", Scope.document("s-glioma")))} == {
        "s-glioma"}
    assert {d for d, _s in where(searcher.search("cells", Scope.category("blood-cancers")))} == {
        "s-aml"}
    assert searcher.search("tiredness", Scope.document("nope")).hits == []


def test_headings_rank_above_body(searcher):
    # "tiredness" is the heading of glioma#tiredness and only body text in the AML heading
    # "Bleeding and tiredness" has it too; a body-only mention must not come first.
    result = searcher.search("infection")
    assert where(result)[0] == ("s-aml", "Infection")
    hits = searcher.search("chemotherapy").hits
    assert (hits[0].document_id, hits[0].section) == ("s-glioma", "Chemotherapy")


def test_title_ranks_above_body(tmp_path):
    db = tmp_path / "i.sqlite3"
    from brochure_reader.search.builder import DocSpec, build_index

    a = make_pdf(tmp_path / "a.pdf", [("Intro", "Glioma glioma glioma mentioned in passing.")])
    b = make_pdf(tmp_path / "b.pdf", [("Intro", "This leaflet explains it once: glioma.")])
    build_index(db, [DocSpec("a", "Other things", str(a)), DocSpec("b", "Glioma", str(b))])
    with SearchIndex.open(db) as index:
        hits = Searcher(index, Thesaurus()).search("glioma").hits
    assert [h.document_id for h in hits] == ["b", "a"]


def test_hit_fields_snippet_and_terms(searcher):
    hit = searcher.search("vomiting").hits[0]
    assert (hit.document_id, hit.document_title, hit.category) == (
        "s-eating", "Eating well", "practical")
    assert (hit.section, hit.section_ref, hit.page) == ("Feeling sick", "s-eating#feeling-sick", 0)
    assert hit.terms == ("vomiting",)
    assert "**vomiting**" in hit.snippet.marked()
    assert [hit.snippet.text[s:e] for s, e in hit.snippet.marks] == ["vomiting"]
    data = hit.to_json()
    assert set(data) == {"document_id", "document_title", "section", "section_ref", "page",
                         "snippet", "score"}
    assert data["page"] == 1 and data["score"] > 0


def test_hits_best_first_and_grouped(searcher):
    result = searcher.search("tiredness OR chemotherapy OR platelets")
    scores = [h.score for h in result.hits]
    assert scores == sorted(scores, reverse=True)
    groups = result.by_document()
    assert [g[0] for g in groups] == list(dict.fromkeys(h.document_id for h in result.hits))
    assert sum(len(g[2]) for g in groups) == len(result.hits)


def test_limit(searcher):
    assert len(searcher.search("the", limit=2).hits) == 2


def test_only_excluded_words(searcher):
    result = searcher.search("-fatigue")
    assert result.hits == [] and "leave out" in result.message


def test_typing_prefix(searcher):
    assert searcher.search("platel").hits == []
    assert searcher.search("platel", prefix_last=True).hits


def test_search_sees_documents_added_later(sample_index_path, sample_pack, tmp_path):
    from brochure_reader.search.builder import DocSpec, build_index

    db = tmp_path / "i.sqlite3"
    shutil.copy(sample_index_path, db)
    with SearchIndex.open(db) as index:
        s = Searcher(index, Thesaurus())
        assert s.search("astrocytoma").hits == []
        new = make_pdf(tmp_path / "n.pdf", [("Types", "An astrocytoma is a type of glioma.")])
        build_index(index, [DocSpec("new", "New", str(new))], prune=False)
        assert [h.document_id for h in s.search("astrocytoma").hits] == ["new"]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=40) | st.lists(
    st.sampled_from(['"', "-", "*", "OR", "|", "(", ")", ":", "^", "NEAR", "AND", "NOT", "fatigue",
                     "blood", "tired", "é", "ﬁ", "你", " ", "\x00", "'", "+"]), max_size=12
).map(" ".join))
def test_no_input_raises_or_breaks_the_query(searcher, text):
    for typing in (False, True):
        result = searcher.search(text, prefix_last=typing)
        assert result.message in ("", "Add a word to search for, not only words to leave out.")


def test_snippet_window_goes_to_the_rarest_matched_word():
    """Weights choose the snippet's window: a rare word far into the text beats a common one
    at its start (without weights, the first of equally dense windows is kept)."""
    from brochure_reader.search.snippets import build_pattern, make_snippet

    text = "Get help straight away. " + "Chest pain is an emergency. " * 12 + (
        "Phone at once if you have a temperature of 38 C or higher.")
    pattern = build_pattern(["get", "temperature"], [], [])
    plain = make_snippet(text, pattern)
    assert plain.text.startswith("Get help") and "temperature" not in plain.text
    weighted = make_snippet(text, pattern, weights={"get": 0.2, "temperature": 3.0})
    assert "[temperature]" in weighted.marked("[", "]")
    assert not weighted.text.startswith("Get help")


@pytest.mark.parametrize(("query", "expected"), [
    ("qu'est-ce que la chimiothérapie", "chimiothérapie"),
    ("qu’est-ce qu’une biopsie ?", "biopsie"),
    ("c'est quoi un lymphome", "lymphome"),
    ("que veut dire métastatique", "métastatique"),
    ("définition de l'immunothérapie", "immunothérapie"),
    ("la neutropénie, c'est quoi ?", "neutropénie"),
    ("what is a stent", "stent"),
    ("est-ce que je peux conduire", None),
])
def test_french_what_is_shapes(query, expected):
    from brochure_reader.search.glossary import subject

    assert subject(query) == expected
