"""Page-range export (pdf/export.py), page and section ranges, and `brochure-reader export`."""

from __future__ import annotations

import pymupdf
import pytest

from brochure_reader.cli import main
from brochure_reader.handouts.ranges import (
    RangeError,
    format_page_ranges,
    parse_page_ranges,
    section_page_range,
)
from brochure_reader.library import build_sections
from brochure_reader.library.sections import find_section
from brochure_reader.pdf.export import export_pages
from tests.handout_pack import make_library

AML = "acute-myeloid-leukaemia"


# --- page ranges -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1", [(0, 0)]),
        ("2-4,7", [(1, 3), (6, 6)]),
        (" 2 - 4 , 7 ", [(1, 3), (6, 6)]),
        ("8-", [(7, 9)]),
        ("-2", [(0, 1)]),
        ("3–5", [(2, 4)]),  # en dash, as the UI shows ranges
        ("10", [(9, 9)]),
    ],
)
def test_parse_page_ranges(text, expected):
    assert parse_page_ranges(text, 10) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no pages given"),
        ("a", "'a' is not a page range"),
        ("2,,3", "'' is not a page range"),
        ("0", "numbered from 1"),
        ("11", "the document has only 10 pages"),
        ("4-2", "runs backwards (write 2-4)"),
        ("1-2-3", "is not a page range"),
    ],
)
def test_bad_page_ranges_say_what_is_wrong(text, message):
    with pytest.raises(RangeError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_page_ranges(text, 10)


def test_format_page_ranges():
    assert format_page_ranges([(1, 3), (6, 6)]) == "2–4, 7"


def test_section_page_range_ends_at_the_next_section_of_same_level():
    sections = build_sections(
        "d",
        [
            (1, "One", 0, 60.0),
            (2, "One a", 1, 400.0),
            (1, "Two", 2, 300.0),  # starts mid-page: page 2 belongs to "One" too
            (1, "Three", 4, 70.0),  # starts at the top: page 4 does not belong to "Two"
            (1, "Nowhere", None, 0.0),
        ],
    )
    one, two, three = (find_section(sections, s) for s in ("one", "two", "three"))
    assert section_page_range(sections, one, 6) == (0, 2)
    assert section_page_range(sections, find_section(sections, "one-a"), 6) == (1, 2)
    assert section_page_range(sections, two, 6) == (2, 3)
    assert section_page_range(sections, three, 6) == (4, 5)
    with pytest.raises(RangeError, match="has no page"):
        section_page_range(sections, find_section(sections, "nowhere"), 6)


# --- export of real documents -----------------------------------------------------------------


@pytest.fixture
def library(app_paths):
    return make_library(app_paths)


def _sections(path):
    from brochure_reader.pdf.document import document_info

    info = document_info(path)
    return info.page_count, build_sections("x", info.outline, info.outline_inferred)


def test_export_section_of_a_leaflet_keeps_text_and_outline(library):
    doc = library.get(AML)
    pages, sections = _sections(doc.path)
    section = find_section(sections, "how-aml-is-treated")
    first, last = section_page_range(sections, section, pages)
    data = export_pages(doc.path, [(first, last)], title="AML: treatment")
    with pymupdf.open("pdf", data) as out, pymupdf.open(doc.path) as src:
        assert out.page_count == last - first + 1
        text = "".join(page.get_text() for page in out)
        assert "How AML is treated" in text and "Intensive chemotherapy" in text
        assert out[0].get_text() == src[first].get_text()  # vector text, not images
        assert not out[0].get_images()
        titles = [entry[1] for entry in out.get_toc()]
        assert "How AML is treated" in titles and "Stem cell transplant" in titles
        assert "Key points" not in titles  # points outside the exported pages
        toc_pages = {entry[1]: entry[2] for entry in out.get_toc()}
        assert toc_pages["How AML is treated"] == section.page - first + 1
        assert out.metadata["title"] == "AML: treatment"


def _links(doc, pages, *kinds):
    return [
        (p, link.get("uri") or link.get("page"))
        for p in pages
        for link in doc[p].get_links()
        if link["kind"] in kinds
    ]


def test_export_keeps_links_and_remaps_outline(corpus):
    path = corpus / "pdfjs__wikipedia-59-links.pdf"
    with pymupdf.open(path) as src:
        uri_links = _links(src, [0], pymupdf.LINK_URI)
    assert len(uri_links) > 50
    with pymupdf.open("pdf", export_pages(path, [(0, 0)])) as out:
        assert _links(out, [0], pymupdf.LINK_URI) == uri_links

    # Links between copied pages still jump to the right (renumbered) page.
    internal = (pymupdf.LINK_GOTO, pymupdf.LINK_NAMED)
    book = corpus / "pysample__pdflatex-outline.pdf"
    with pymupdf.open(book) as src:
        inside = [(p, t) for p, t in _links(src, range(3), *internal) if t < 3]
    assert inside
    with pymupdf.open("pdf", export_pages(book, [(0, 2)])) as out:
        assert out.page_count == 3
        assert _links(out, range(3), *internal) == inside

    outlined = corpus / "pysample__pdflatex-outline.pdf"
    with pymupdf.open(outlined) as src:
        toc = src.get_toc()
        count = src.page_count
    assert toc
    data = export_pages(outlined, [(count - 1, count - 1), (0, 0)])
    with pymupdf.open("pdf", data) as out:
        new_toc = out.get_toc()
        assert out.page_count == 2
        expected = [(t[1], 2 if t[2] == 1 else 1) for t in toc if t[2] in (1, count)]
        assert [(t[1], t[2]) for t in new_toc] == expected


def test_export_of_an_ebook_makes_pdf_pages(corpus):
    data = export_pages(corpus / "pymupdf__rivals-epub2.epub", [(0, 2)])
    with pymupdf.open("pdf", data) as out:
        assert out.page_count == 3
        assert "".join(page.get_text() for page in out).strip()


def test_export_refuses_a_range_outside_the_document(library):
    with pytest.raises(ValueError, match="outside the document"):
        export_pages(library.get(AML).path, [(0, 999)])


# --- CLI --------------------------------------------------------------------------------------


def test_cli_export_section_and_pages(library, tmp_path, capsys):
    out = tmp_path / "outlook.pdf"
    assert main(["export", f"{AML}#outlook", "--out", str(out)]) == 0
    assert "Outlook" in capsys.readouterr().out
    with pymupdf.open(out) as doc:
        assert "Outlook" in doc[0].get_text()
        assert "Outlook" in [entry[1] for entry in doc.get_toc()]

    out = tmp_path / "pages.pdf"
    assert main(["export", AML, "--pages", "2-4,7", "--out", str(out)]) == 0
    with pymupdf.open(out) as doc, pymupdf.open(library.get(AML).path) as src:
        assert doc.page_count == 4
        assert doc[3].get_text() == src[6].get_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([f"{AML}#no-such-section"], "No section 'no-such-section' in 'acute-myeloid-leukaemia'"),
        (["no-such-doc"], "No document with id 'no-such-doc'"),
        ([f"{AML}#"], "no section after '#'"),
        ([AML, "--pages", "3-1"], "--pages 3-1: '3-1' runs backwards"),
        ([AML, "--pages", "999"], "the document has only"),
        ([AML, "--pages", "two"], "'two' is not a page range"),
        ([f"{AML}#outlook", "--pages", "9"], "the section 'Outlook'"),
    ],
)
def test_cli_export_errors_are_one_clear_line(library, tmp_path, capsys, args, message):
    out = tmp_path / "x.pdf"
    assert main(["export", *args, "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not out.exists()
