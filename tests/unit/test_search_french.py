"""French documents a user imports: their words get French (Snowball) stems as well as English
ones (search.language, search.normalise.french_stem), detected from the PDF's /Lang or its text.

The shared corpus has no French PDF (MANIFEST.tsv lists none): the French documents here are
made in the test from our own sentences; the real corpus files check that other languages are
not taken for French.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from brochure_reader.search.builder import DocSpec, build_index, prepare_document
from brochure_reader.search.engine import Searcher
from brochure_reader.search.index import SearchIndex
from brochure_reader.search.language import document_language, primary_subtag, text_is_french
from brochure_reader.search.normalise import french_stem, tokenize
from brochure_reader.search.thesaurus import Thesaurus
from tests.search_helpers import make_pdf

FRENCH_BODY = (
    "La fatigue est un effet secondaire très fréquent de la chimiothérapie. Vous pouvez vous "
    "sentir fatiguée pendant des semaines après la fin du traitement. Les soignants de votre "
    "équipe peuvent vous aider : parlez-leur de ce que vous ressentez. Il est utile de faire "
    "une petite marche chaque jour, et de se reposer quand le corps le demande. Les nausées "
    "sont moins fréquentes avec les médicaments donnés avant la séance."
)
ENGLISH_BODY = (
    "Tiredness is a very common side effect of chemotherapy. You may feel tired for weeks after "
    "the end of your treatment. Your care team can help: tell them how you feel. A short walk "
    "each day can help, and so can resting when your body asks for it."
)


def test_primary_subtag():
    assert primary_subtag("fr-FR") == "fr"
    assert primary_subtag("FR") == "fr"
    assert primary_subtag("en_GB") == "en"
    assert primary_subtag("") == ""
    assert primary_subtag("<feff0028>") == ""
    assert primary_subtag("äã¢K¾") == ""


def test_language_from_the_declared_tag_or_the_text():
    french, english = tokenize(FRENCH_BODY), tokenize(ENGLISH_BODY)
    assert text_is_french(french) and not text_is_french(english)
    assert document_language("", french) == "fr"
    assert document_language("", english) == ""
    assert document_language("fr-CA", english) == "fr"  # what the file declares wins
    assert document_language("en-GB", french) == "en"


def test_french_stems_agree_across_folded_feminine_and_plural_forms():
    assert {french_stem(w) for w in ("fatigue", "fatiguee", "fatigues", "fatiguees")} == {"fatigu"}
    assert french_stem("soignants") == french_stem("soigner")
    assert french_stem("2026") == "2026"


def _french_pdf(path: Path, lang: str | None) -> Path:
    make_pdf(path, [("Fatigue et nausées", FRENCH_BODY)], "Fatigue")
    if lang is not None:
        doc = pymupdf.open(path)
        doc.xref_set_key(doc.pdf_catalog(), "Lang", pymupdf.get_pdf_str(lang))
        doc.saveIncr()
        doc.close()
    return path


@pytest.mark.parametrize("lang", ["fr-FR", None])
def test_a_french_document_is_found_by_french_word_forms(tmp_path, lang):
    french = _french_pdf(tmp_path / "fatigue-fr.pdf", lang)
    english = make_pdf(tmp_path / "tiredness.pdf", [("Tiredness", ENGLISH_BODY)], "Tiredness")
    specs = [DocSpec("fr", "Fatigue", str(french)), DocSpec("en", "Tiredness", str(english))]
    assert prepare_document(specs[0]).language == "fr"
    assert prepare_document(specs[1]).language == ""
    db = tmp_path / "index.sqlite3"
    build_index(db, specs)
    index = SearchIndex.open(db)
    try:
        assert index.has_french()
        fr_terms = {r[0] for r in index.db.execute("SELECT term FROM terms_fr")}
        assert "fatiguee" in fr_terms and "tiredness" not in fr_terms  # English words: no
        searcher = Searcher(index, Thesaurus())  # stems only: no French -> English entries
        # English stems alone do not join these: fatiguees -> "fatigue", fatigue -> "fatigu"
        hits = searcher.search("fatiguées").hits
        assert [h.document_id for h in hits] == ["fr"]
        assert "fatiguée" in hits[0].snippet.marked() or "fatigue" in hits[0].snippet.marked()
        assert [h.document_id for h in searcher.search("soigner").hits] == ["fr"]
    finally:
        index.close()


def test_english_only_index_has_no_french_stems(tmp_path):
    english = make_pdf(tmp_path / "tiredness.pdf", [("Tiredness", ENGLISH_BODY)], "Tiredness")
    db = tmp_path / "index.sqlite3"
    build_index(db, [DocSpec("en", "Tiredness", str(english))])
    index = SearchIndex.open(db)
    try:
        assert not index.has_french()
    finally:
        index.close()


@pytest.mark.parametrize(("name", "expected"), [
    ("pysample__GeoTopo-117pages.pdf", ""),  # German lecture notes, no /Lang: not French
    ("pdfjs__attachment.pdf", "nl"),  # declares nl-NL
    ("pymupdf__very-long-lines.pdf", "de"),  # declares DE
    ("pdfminer__naacl06-hyphenated.pdf", ""),  # English paper, no /Lang
])
def test_real_documents_are_not_taken_for_french(corpus, name, expected):
    path = corpus / name
    if not path.is_file():
        pytest.skip(f"{name} is not in the corpus")
    assert prepare_document(DocSpec("x", name, str(path))).language == expected


def test_elided_words_of_a_french_document_are_found(tmp_path):
    """"l'estomac" in a French document is the word "estomac" (before: one term, "lestomac",
    which neither "estomac" nor "cancer de l'estomac" found); the snippet marks the word."""
    body = ("Le cancer de l'estomac touche surtout les personnes âgées. La perte d'appétit est "
            "fréquente : parlez-en à l'équipe qui vous suit, elle peut vous aider. " + FRENCH_BODY)
    pdf = make_pdf(tmp_path / "estomac.pdf", [("L'estomac", body)], "Estomac")
    db = tmp_path / "index.sqlite3"
    build_index(db, [DocSpec("fr", "Estomac", str(pdf))])
    index = SearchIndex.open(db)
    try:
        searcher = Searcher(index, Thesaurus())
        for query in ("estomac", "l'estomac", "cancer de l’estomac", "appétit", "équipe"):
            hits = searcher.search(query).hits
            assert [h.document_id for h in hits] == ["fr"], query
        marked = searcher.search("estomac").hits[0].snippet.marked()
        assert "l'**estomac**" in marked or "L'**estomac**" in marked, marked
    finally:
        index.close()
