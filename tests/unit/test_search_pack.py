"""The acceptance table of issue 4: what people type -> the document and section they need,
written from the bundled brochures (assets/pack), plus words split by a line-end hyphen in
corpus papers.

Each case names the expected document and section of the **first** hit.  Where the library has
the same answer in several places (every disease leaflet has an "Infection" section), the
alternatives are listed and any of them passes; the reason for each case is in its comment.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from brochure_reader.paths import bundled_pack_dir

TIREDNESS = {("moving-more", "Coping with tiredness"), ("glioma", "Tiredness"),
             ("cholangiocarcinoma", "Tiredness"),
             ("moving-more", "When tiredness is a warning sign")}
JAUNDICE = {("pancreatic-cancer", "Jaundice"), ("cholangiocarcinoma", "Jaundice"),
            ("pancreatic-cancer", "Jaundice and stents")}
SICKNESS = {("eating-well", "Feeling sick"), ("pancreatic-cancer", "Feeling sick and being sick")}

#: (query, {(document id, section title), ...}, kind)
CASES: list[tuple[str, set[tuple[str, str]], str]] = [
    # --- lay words (the thesaurus maps them to the brochures' words)
    ("tired all the time", TIREDNESS, "lay"),
    ("worn out", TIREDNESS, "lay"),
    ("exhausted", TIREDNESS, "lay"),
    ("being sick", SICKNESS, "lay"),
    ("throwing up", SICKNESS, "lay"),
    ("food tastes like metal", {("eating-well", "Taste and mouth changes")}, "lay"),
    ("yellow skin", JAUNDICE, "lay"),
    ("fits", {("glioma", "Fits: what family and friends can do")}, "lay"),
    ("chemo brain", {("glioma", "Thinking, memory and mood")}, "lay"),
    ("can't sleep", {("emotional-health", "Sleep")}, "lay"),
    # "Low mood and depression" or one of its two sub-sections
    ("feeling low", {("emotional-health", "Low mood and depression"),
                     ("emotional-health", "Signs of depression"),
                     ("emotional-health", "What makes depression more likely")}, "lay"),
    ("end of life", {("living-with-metastatic-gi-cancer", "What palliative care is"),
                     ("living-with-metastatic-gi-cancer", "Supportive and palliative care")},
     "lay"),
    ("spinal tap", {("acute-lymphoblastic-leukaemia", "Lumbar puncture")}, "lay"),
    ("camera test stomach", {("stomach-cancer", "Gastroscopy")}, "lay"),
    ("runny poo", {("eating-well", "Diarrhoea")}, "lay"),
    ("losing weight without trying", {("eating-well", "Cachexia"),
                                      ("eating-well", "Weight loss")}, "lay"),
    ("questions to ask my oncologist",
     {("talking-with-your-care-team", "Questions to ask my oncologist")}, "sentence"),
    ("leukemia blood test", {("acute-myeloid-leukaemia", "Blood tests"),
                             ("acute-lymphoblastic-leukaemia", "Blood tests")}, "sentence"),
    ("is it safe to exercise with a stoma", {("moving-more", "If you have a stoma")},
     "sentence"),
    ("how do I report a side effect in the UK",
     {("reporting-side-effects", "United Kingdom: Yellow Card scheme")}, "sentence"),
    ("brothers and sisters", {("cancer-in-children-and-teenagers", "Brothers and sisters")},
     "lay"),
    # --- UK/US spellings
    ("tumor grade", {("glioma", "Grades")}, "spelling"),
    ("diarrhea", {("eating-well", "Diarrhoea")}, "spelling"),
    ("pediatric oncology", {("cancer-in-children-and-teenagers", "Where your child is treated")},
     "spelling"),
    ("counseling", {("emotional-health", "Kinds of help")}, "stem"),  # = counselling's stem
    ("esophagus stomach", {("stomach-cancer", "How the stomach works")}, "spelling"),
    # --- misspellings ("did you mean", searched instead when nothing is found)
    ("fatigeu", TIREDNESS, "typo"),
    ("leukimia induction", {("acute-lymphoblastic-leukaemia", "Induction")}, "typo"),
    ("diarhea", {("eating-well", "Diarrhoea")}, "typo"),
    ("jaundise", JAUNDICE, "typo"),
    ("constipaton", {("eating-well", "Constipation")}, "typo"),
    ("cachexa", {("eating-well", "Cachexia")}, "typo"),
    # --- phrases and clinicians' words
    ('"black triangle"', {("reporting-side-effects", "The black triangle")}, "phrase"),
    ('"talk test"', {("moving-more", "The talk test")}, "phrase"),
    ('"watch and wait" lymphoma', {("lymphoma", "Watch and wait")}, "phrase"),
    ('"stem cell transplant" AML', {("acute-myeloid-leukaemia", "Stem cell transplant")},
     "phrase"),
    ("FLT3", {("acute-myeloid-leukaemia", "What FLT3 means")}, "clinical"),
    ("Philadelphia chromosome", {("acute-lymphoblastic-leukaemia", "Types of ALL"),
                                 ("acute-lymphoblastic-leukaemia",
                                  "Targeted drugs for Ph-positive ALL")}, "clinical"),
    # both leaflets explain what an ERCP is
    ("ERCP", {("cholangiocarcinoma", "Looking inside the bile ducts"),
              ("pancreatic-cancer", "Endoscopy tests")}, "clinical"),
    ("Whipple", {("pancreatic-cancer", "Surgery")}, "clinical"),
    ("CAR T-cell", {("lymphoma", "CAR T-cell therapy")}, "clinical"),
    ("enzyme capsules", {("pancreatic-cancer", "Enzyme capsules")}, "clinical"),
    ("gastroscop*", {("stomach-cancer", "Gastroscopy")}, "syntax"),
    ("jaundice -pancreatic", {("cholangiocarcinoma", "Jaundice")}, "syntax"),
    ("MedWatch OR \"Yellow Card\"", {("reporting-side-effects", "United States: FDA MedWatch"),
                                     ("reporting-side-effects",
                                      "United Kingdom: Yellow Card scheme")}, "syntax"),
    # --- accents folded both ways
    ("securite du medicament", {("reporting-side-effects", "France: ANSM and the national portal")},
     "accents"),
    ("SÉCURITÉ médicament", {("reporting-side-effects", "France: ANSM and the national portal")},
     "accents"),
    ("Reed-Sternberg", {("lymphoma", "Hodgkin and non-Hodgkin lymphoma")}, "accents"),
    # --- words split by a hyphen at a line end in corpus papers (see MANIFEST.tsv)
    ('"generate optimized machine code"', {("tracemonkey", "Introduction")}, "hyphen"),
    ("inference compile-time", {("tracemonkey", "Introduction")}, "hyphen"),
    ('"retrieve a certain type"', {("naacl", "Background")}, "hyphen"),
    ('"specify articles"', {("naacl", "Background")}, "hyphen"),  # "arti-" ends a column
]

CORPUS_DOCS = {"tracemonkey": "pdfjs__tracemonkey.pdf",
               "naacl": "pdfminer__naacl06-hyphenated.pdf"}


def _pack_built() -> bool:
    return (bundled_pack_dir() / "pack.toml").is_file()


@pytest.fixture(scope="module")
def pack_searcher(tmp_path_factory, corpus):
    """The bundled library plus two corpus papers, indexed once for the module."""
    if not _pack_built():
        pytest.skip("the bundled pack is not built (assets/pack/pack.toml)")
    from brochure_reader.library import Library
    from brochure_reader.paths import AppPaths
    from brochure_reader.search.builder import DocSpec, build_index, specs_from_library
    from brochure_reader.search.engine import Searcher
    from brochure_reader.search.index import SearchIndex

    home = tmp_path_factory.mktemp("pack-home")
    library = Library.load(AppPaths.from_home(home))
    specs = specs_from_library(library)
    specs += [DocSpec(doc_id, doc_id, str(Path(corpus) / name))
              for doc_id, name in CORPUS_DOCS.items()]
    db = tmp_path_factory.mktemp("pack-index") / "index.sqlite3"
    report = build_index(db, specs)
    assert report.failed == {}
    index = SearchIndex.open(db)
    yield Searcher(index)
    index.close()


def test_table_is_big_and_varied():
    assert len(CASES) >= 40
    kinds = {kind for _q, _e, kind in CASES}
    assert {"lay", "spelling", "typo", "phrase", "accents", "hyphen"} <= kinds


def test_expected_sections_exist_in_the_sources():
    """Guards the table against typos: every expected pack section is a heading in the
    Markdown sources."""
    sources = bundled_pack_dir() / "sources"
    for _query, expected, _kind in CASES:
        for doc_id, section in expected:
            if doc_id in CORPUS_DOCS:
                continue
            text = (sources / f"{doc_id}.md").read_text(encoding="utf-8")
            assert f"## {section}\n" in text, (doc_id, section)


@pytest.mark.corpus
@pytest.mark.parametrize(("query", "expected", "kind"), CASES, ids=[c[0] for c in CASES])
def test_query_lands_on_the_right_section(pack_searcher, query, expected, kind):
    result = pack_searcher.search(query, limit=5)
    assert result.hits, f"nothing found for {query!r}"
    first = result.hits[0]
    assert (first.document_id, first.section) in expected, [
        (h.document_id, h.section) for h in result.hits
    ]
    if kind == "typo":
        assert result.corrected and result.suggestion
    if kind in ("lay", "spelling") and query not in ("fits", "brothers and sisters"):
        assert result.expansions, "the UI must say what else was searched"
