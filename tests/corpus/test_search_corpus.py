"""Search on real third-party PDFs with the traps other readers tripped over (see MANIFEST.tsv):
ligature glyphs, soft hyphens, words split at line ends, highlight rectangles after joining,
right-to-left scripts and scripts written without spaces."""

from __future__ import annotations

import pytest

from brochure_reader.search.builder import DocSpec, build_index
from brochure_reader.search.engine import Scope, Searcher
from brochure_reader.search.index import SearchIndex
from brochure_reader.search.thesaurus import Thesaurus

pytestmark = pytest.mark.corpus

FILES = {
    "ligatures": "pymupdf__ligatures.pdf",
    "geotopo": "pysample__GeoTopo-117pages.pdf",
    "soft-hyphens": "pymupdf__soft-hyphens.pdf",
    "spacing-soft-hyphen": "pdfjs__spacing-soft-hyphen.pdf",
    "tracemonkey": "pdfjs__tracemonkey.pdf",
    "naacl": "pdfminer__naacl06-hyphenated.pdf",
    "crazyones": "pysample__crazyones-pdfa.pdf",
    "hebrew": "pdfjs__hebrew-short-rtl.pdf",
    "habibi": "pysample__habibi-arabic.pdf",
    "multilang": "pypdf__multilang.pdf",
    "labelled": "pdfjs__labelled-pages.pdf",
}


@pytest.fixture(scope="module")
def corpus_index(corpus, tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus-index") / "index.sqlite3"
    specs = [DocSpec(doc_id, doc_id, str(corpus / name)) for doc_id, name in FILES.items()]
    report = build_index(path, specs)
    assert report.failed == {}
    index = SearchIndex.open(path)
    yield index
    index.close()


@pytest.fixture(scope="module")
def search(corpus_index):
    searcher = Searcher(corpus_index, Thesaurus())

    def run(text: str, doc_id: str):
        return searcher.search(text, Scope.document(doc_id), limit=200)

    return run


def test_manifest_lists_the_trap_files(manifest):
    listed = {row["file"].removeprefix("pdfs/") for row in manifest}
    assert set(FILES.values()) <= listed


@pytest.mark.parametrize(
    ("doc_id", "query"),
    [
        ("ligatures", "flag"),
        ("geotopo", "Begriff"),
        ("geotopo", "Fläche"),
        ("geotopo", "flache"),  # accents folded
        ("crazyones", "misfits"),  # "fi" ligature glyph
        ("soft-hyphens", "Edizioni"),  # "Edi\u00ad" at a line end + "zioni"
        ("spacing-soft-hyphen", "Mitarbeiterinnen"),  # two soft hyphens inside the word
        ("tracemonkey", "optimized"),
        ("tracemonkey", "inference"),
        ("naacl", "retrieve"),
        ("naacl", "existing"),
    ],
)
def test_trap_words_are_found(search, doc_id, query):
    result = search(query, doc_id)
    assert result.hits, query
    assert not result.corrected and not result.partial


def test_ligature_word_is_found_where_the_glyph_is(search, corpus):
    import pymupdf  # only to check the file really holds a ligature glyph here

    raw = pymupdf.open(corpus / FILES["ligatures"])[0].get_text(
        flags=pymupdf.TEXT_PRESERVE_LIGATURES)
    assert "\ufb02" in raw  # the "fl" ligature
    hits = search("flag", "ligatures").hits
    assert hits[0].snippet.text.count("flag") == 2  # both the glyph and the plain spelling


@pytest.mark.parametrize(("query", "fragment"), [("optimized", "opti"), ("inference", "infer")])
def test_hyphen_split_words_on_page_1_of_tracemonkey(search, corpus, query, fragment):
    """MANIFEST: 'optimized' and 'inference' must match the hyphen-split occurrences on page 1,
    and the highlight must cover both line fragments, not one character off."""
    from brochure_reader.pdf.render import page_words
    from brochure_reader.search.extract import hit_rects

    hits = [h for h in search(query, "tracemonkey").hits if h.page == 0]
    assert hits and any(query in h.terms for h in hits)
    path = str(corpus / FILES["tracemonkey"])
    words = {w[4]: w[:4] for w in page_words(path, None, 0)}
    head, tail = f"{fragment}-", query[len(fragment):]
    rects = hit_rects(path, None, 0, [query])
    # one rectangle per fragment: the first ends before the hyphen, the second is the tail word
    first = next(r for r in rects if abs(r[0] - words[head][0]) < 0.5)
    second = next(r for r in rects if abs(r[1] - words[tail][1]) < 0.5 and r[0] < first[0])
    assert first[2] < words[head][2]  # the hyphen itself is not highlighted
    assert first[2] > words[head][2] - 8  # ...but the letters before it are
    assert second == pytest.approx(words[tail], abs=0.01)


def test_snippets_have_no_stray_soft_hyphens(search):
    for doc_id, query in (("soft-hyphens", "Edizioni"), ("spacing-soft-hyphen", "Mitarbeiter")):
        for hit in search(query, doc_id).hits:
            assert "\u00ad" not in hit.snippet.text


def test_ligature_highlight_covers_the_glyph(corpus):
    from brochure_reader.search.extract import hit_rects

    rects = hit_rects(str(corpus / FILES["ligatures"]), None, 0, ["flag"])
    assert len(rects) == 2  # the ligature glyph occurrence and the plain one


def test_hebrew_in_logical_order(search):
    hits = search("שלום", "hebrew").hits
    assert hits
    assert "שלום עולם" in hits[0].snippet.text  # not reversed ("םלוש")


def test_arabic_with_and_without_vowel_marks(search):
    assert search("حبيبي", "habibi").hits
    assert search("حَبيبي", "habibi").hits


@pytest.mark.parametrize("query", ["你好", "世界", "Привет", "привет", "สวัสดี", "こんにちは"])
def test_scripts_without_spaces_and_cyrillic(search, query):
    hits = search(query, "multilang").hits
    assert hits and hits[0].terms


def test_pages_without_text_give_no_hits(search, corpus_index):
    assert corpus_index.document("labelled").page_count == 11
    assert search("blank", "labelled").hits == []


def test_sections_come_from_the_outline(search):
    hit = search('"Begriff"', "geotopo").hits[0]
    assert hit.section and hit.section_ref.startswith("geotopo#")


def test_term_table_holds_exactly_the_indexed_terms(corpus_index):
    """The term -> stem table (filled from the vocabulary the reader collects on its fast path)
    lists every term FTS5 indexed, in every script of these files, and nothing else but the
    title words of documents without text (pdfjs__labelled-pages.pdf has none)."""
    db = corpus_index.db
    db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.check_vocab "
               "USING fts5vocab(main, fts, 'row')")
    indexed = {r[0] for r in db.execute("SELECT term FROM temp.check_vocab")}
    table = {r[0] for r in db.execute("SELECT term FROM terms")}
    assert len(indexed) > 5000  # GeoTopo alone has thousands of German words
    assert indexed <= table
    assert table - indexed == set(FILES) - {r[0] for r in db.execute(
        "SELECT DISTINCT doc_id FROM segments")}
    assert any(not t.isascii() for t in table)  # Hebrew, Arabic, CJK terms went the slow way
