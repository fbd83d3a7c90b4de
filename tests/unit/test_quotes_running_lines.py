"""Running headers and footers stay out of quotes and "questions to ask" lists."""

from __future__ import annotations

import pytest

from brochure_reader.bookmarks.questions import questions_from_lines, questions_sections
from brochure_reader.bookmarks.quotes import document_lines, section_lines
from brochure_reader.library import build_sections
from brochure_reader.paths import bundled_pack_dir
from brochure_reader.pdf.document import document_info

PACK = bundled_pack_dir()


@pytest.mark.parametrize("doc_id", ["pancreatic-cancer", "reporting-side-effects",
                                    "eating-well", "moving-more"])
def test_questions_that_cross_a_page_break_carry_no_footer(doc_id):
    path = PACK / f"{doc_id}.pdf"
    if not path.is_file():
        pytest.skip("the bundled pack is not built")
    info = document_info(path)
    sections = build_sections(doc_id, info.outline)
    questions = []
    for section, after in questions_sections(sections):
        start = (section.page, section.y, section.title)
        end = (after.page, after.y, after.title) if after else None
        questions += questions_from_lines(section_lines(str(path), None, start, end))
    assert len(questions) >= 5
    assert not [q for q in questions if "Reviewed" in q or "Page " in q]


def test_body_text_is_kept_and_footers_dropped(corpus):
    lines = document_lines(str(PACK / "acute-myeloid-leukaemia.pdf"))
    texts = [t for _p, _top, _bottom, t in lines]
    assert not [t for t in texts if t.startswith("Page ") and " of " in t]
    assert any("FLT3" in t for t in texts)
    # a real corpus paper keeps its text (no running lines to drop on a 4-page file)
    paper = document_lines(str(corpus / "pysample__pdflatex-outline.pdf"))
    assert any(t.strip() == "Bar" for *_rest, t in paper)
