"""Page text for search (search/extract.py): running heads, words split across blocks, hit
rectangles."""

from __future__ import annotations

import pytest

from brochure_reader.search.extract import (
    drop_running_text,
    extract_document,
    hit_rects,
    join_split_words,
    page_text,
)
from tests.search_helpers import make_pdf


def test_running_heads_and_feet_are_dropped():
    pages = [
        [(20, 30, "Glioma · Reviewed 2026"), (100, 120, f"Body text {n}"),
         (800, 815, f"Page {n} of 5")]
        for n in range(1, 6)
    ]
    kept = drop_running_text(pages, [842.0] * 5)
    assert [[b[2] for b in page] for page in kept] == [[f"Body text {n}"] for n in range(1, 6)]


def test_repeated_text_in_the_middle_of_pages_is_kept():
    pages = [[(400, 420, "Call your team")] for _ in range(5)]
    assert drop_running_text(pages, [842.0] * 5) == pages


def test_short_documents_keep_everything():
    pages = [[(20, 30, "Head")], [(20, 30, "Head")]]
    assert drop_running_text(pages, [842.0, 842.0]) == pages


def test_words_split_across_blocks_and_pages_are_joined():
    pages = [
        [(10, 20, "we specify arti-\n"), (30, 40, "cles and adjust"), (50, 60, "the sys-")],
        [(10, 20, "tem works. Next"), (30, 40, "Capital-"), (50, 60, "Letters stay")],
    ]
    joined = join_split_words(pages)
    assert [b[2] for b in joined[0]] == ["we specify arti-\ncles and adjust", "the sys-\ntem"]
    assert [b[2] for b in joined[1]] == ["works. Next", "Capital-", "Letters stay"]


@pytest.fixture
def hyphen_pdf(tmp_path):
    return make_pdf(tmp_path / "h.pdf", [
        ("Überblick", "The type information lets us generate opti-\nmized code for the\n"
         "FIRST leucémie case. Also optimized once more."),
    ])


def test_page_text_is_cleaned(hyphen_pdf):
    text = page_text(hyphen_pdf, None, 0)
    assert "optimized code" in text and "FIRST leucémie" in text and "-\n" not in text


def test_extract_document_gives_blocks_and_outline(hyphen_pdf):
    doc = extract_document(hyphen_pdf)
    assert doc.page_count == 1 and doc.outline[0][1] == "Überblick"
    assert any("optimized code" in b.text for b in doc.pages[0])


def test_hit_rects_cover_both_fragments_of_a_split_word(hyphen_pdf):
    rects = hit_rects(hyphen_pdf, None, 0, ["optimized"])
    assert len(rects) == 3  # "opti-" + "mized" on two lines, and the unsplit occurrence
    first, second = sorted(rects[:2], key=lambda r: r[1])
    assert first[1] < second[1]  # two lines
    assert first[2] > first[0] and second[2] > second[0]


def test_hit_rects_fold_case_and_accents(hyphen_pdf):
    """(Ligature glyphs: tests/corpus/test_search_corpus.py, a base-14 font has none.)"""
    assert len(hit_rects(hyphen_pdf, None, 0, ["LEUCEMIE"])) == 1
    assert len(hit_rects(hyphen_pdf, None, 0, ["first"])) == 1
    assert hit_rects(hyphen_pdf, None, 0, ["optim"]) == []  # whole words only
    assert hit_rects(hyphen_pdf, None, 0, ["", "   "]) == []
