"""PDF output (a collection as a list; "My questions" on one page) and text quotes."""

from __future__ import annotations

import re

import pymupdf
import pytest

from brochure_reader.bookmarks import BUILTIN_QUESTIONS
from brochure_reader.bookmarks.printout import write_collection_pdf, write_questions_pdf
from brochure_reader.bookmarks.quotes import document_lines, quote_at, quote_for_selection
from tests.unit.bookmark_support import make_brochure, standard_sections


def page_texts(path) -> list[str]:
    with pymupdf.open(path) as doc:
        return [" ".join(page.get_text().split()) for page in doc]


def entry(n: int, **extra) -> dict:
    return dict(label=f"Bookmark number {n}", document="Acute myeloid leukaemia (AML)",
                section="Fever", page=n, note=f"Note {n}: ask the nurse", quote=f"Passage {n} text",
                colour="#f28cb1", needs_attention=False) | extra


def test_collection_pdf_lists_labels_notes_and_passages(tmp_path):
    out = tmp_path / "tuesday.pdf"
    entries = [entry(1), entry(2, note="<b>not bold</b> & kept\nsecond line"),
               entry(3, needs_attention=True, colour="bogus")]
    assert write_collection_pdf(str(out), "For Tuesday", entries, "Collection",
                                printed="1 December 2026") == 1
    [text] = page_texts(out)
    assert "For Tuesday" in text and "Collection · 3 bookmarks" in text
    for n in (1, 2, 3):
        assert f"Bookmark number {n}" in text and f"Passage {n} text" in text
    assert "Note 1: ask the nurse" in text
    assert "<b>not bold</b> & kept second line" in text  # user text is not markup
    assert "not found in the latest version" in text
    assert "Acute myeloid leukaemia (AML) · Fever · page 2" in text
    assert "printed 1 December 2026" in text
    with pymupdf.open(out) as doc:
        assert doc.metadata["title"] == "For Tuesday"
        assert doc[0].rect.width == pytest.approx(595, abs=1)


def test_long_collection_flows_over_pages_with_numbers(tmp_path):
    out = tmp_path / "all.pdf"
    pages = write_collection_pdf(str(out), "All", [entry(n) for n in range(1, 41)])
    texts = page_texts(out)
    assert pages == len(texts) > 1
    assert f"page {pages} of {pages}" in texts[-1]
    assert all(f"Bookmark number {n} " in " ".join(texts) + " " for n in range(1, 41))


def test_empty_collection_says_so(tmp_path):
    out = tmp_path / "none.pdf"
    assert write_collection_pdf(str(out), "Nothing", []) == 1
    assert "There are no bookmarks" in page_texts(out)[0]


def test_questions_pdf_is_one_page_with_every_question(tmp_path):
    out = tmp_path / "q.pdf"
    questions = [{"text": t, "answered": i == 1} for i, t in enumerate(BUILTIN_QUESTIONS)]
    assert write_questions_pdf(str(out), questions, printed="2 December 2026") == 1.0
    [text] = page_texts(out)
    assert text.startswith("My questions")
    for n, q in enumerate(BUILTIN_QUESTIONS, start=1):
        assert f"{n}. {q}" in text
    assert f"2. {BUILTIN_QUESTIONS[1]} (answered)" in text
    assert text.count("(answered)") == 1


def test_a_slightly_long_list_is_shrunk_a_little_onto_one_page(tmp_path):
    from brochure_reader.bookmarks.printout import MIN_SCALE

    out = tmp_path / "long.pdf"
    questions = [{"text": f"Question {n}: what does this mean for me?", "answered": False}
                 for n in range(1, 19)]
    scale = write_questions_pdf(str(out), questions)
    texts = page_texts(out)
    assert len(texts) == 1 and MIN_SCALE <= scale <= 1
    assert "Question 1:" in texts[0] and "Question 18:" in texts[0]


def test_a_very_long_list_continues_on_more_pages_in_readable_print(tmp_path):
    import pymupdf

    out = tmp_path / "longer.pdf"
    questions = [{"text": f"Question {n}: " + "what does this mean for me " * 3 + "?",
                  "answered": False} for n in range(1, 61)]
    scale = write_questions_pdf(str(out), questions)
    texts = page_texts(out)
    assert scale == 1.0 and len(texts) > 1
    joined = "\n".join(texts)
    assert all(f"Question {n}:" in joined for n in range(1, 61))
    with pymupdf.open(out) as doc:
        sizes = [span["size"] for page in doc for block in page.get_text("dict")["blocks"]
                 for line in block.get("lines", []) for span in line["spans"]
                 if re.search(r"Question \d+:", span["text"])]
    assert sizes and min(sizes) >= 12.0


@pytest.fixture(scope="module")
def brochure(tmp_path_factory):
    pdf = tmp_path_factory.mktemp("quotes") / "demo.pdf"
    placed = make_brochure(pdf, standard_sections(1), "Demo")
    return str(pdf), {title: (page, y) for title, page, y in placed}


def test_document_lines_are_in_reading_order_with_positions(brochure):
    path, placed = brochure
    lines = document_lines(path)
    assert lines[0][3] == "Demo"
    heads = [(p, top) for p, top, _bottom, text in lines if text == "Fever"]
    assert len(heads) == 1
    page, y = placed["Fever"]
    assert heads[0][0] == page and abs(heads[0][1] - y) < 6
    assert all(top < bottom for _p, top, bottom, _t in lines)


def test_quote_at_a_section_heading(brochure):
    path, placed = brochure
    quote = quote_at(path, None, *placed["Fever"])
    assert quote.exact.startswith("Fever A temperature of 38 degrees")
    assert quote.prefix and quote.suffix
    assert quote_for_selection(path, None, placed["Fever"][0], "24-hour line").exact == \
        "24-hour line"
