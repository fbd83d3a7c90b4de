"""Handouts: planning refs, cutting Markdown sections, composing (cover, footers, sources, large
print) and `brochure-reader handout`.  Real content: the bundled leaflets and corpus PDFs."""

from __future__ import annotations

import datetime as dt
import re

import pymupdf
import pytest

from brochure_reader.cli import main
from brochure_reader.handouts import (
    CoverDetails,
    HandoutRequest,
    RangeError,
    compose_handout,
    plan_handout,
)
from brochure_reader.handouts.compose import NOT_REFLOWED
from brochure_reader.handouts.markdown import (
    balance_boxes,
    section_markdown,
    source_section_tree,
    source_sections,
)
from brochure_reader.library import LibraryError, build_sections
from brochure_reader.library.sections import iter_sections
from brochure_reader.pdf.document import document_info
from tests.handout_pack import DOC_IDS, make_library
from tests.helpers import write_pack

AML = "acute-myeloid-leukaemia"


def _reviewed(library, doc_id: str) -> str:
    """The document's reviewed date as its footers print it (``7 December 2026``)."""
    import datetime as dt

    from brochure_reader.language import format_date

    return format_date(dt.date.fromisoformat(library.get(doc_id).reviewed))
COVER = CoverDetails(
    clinic="Riverside Haematology Unit",
    clinician="Dr Ada Okafor",
    contact="Ward 7 day unit: 01632 960 123\n24-hour line: 01632 960 999",
    note="Dear Sam,\nthese are the pages we talked about today.\n\nBring your questions on "
    "Tuesday.",
    date="2026-11-29",
)


def sections_of(doc):
    info = document_info(doc.path)
    return info.page_count, build_sections(doc.id, info.outline, info.outline_inferred)


@pytest.fixture
def library(app_paths, corpus):
    write_pack(app_paths.user_packs / "corpus", "corpus-pack",
               {"geotopo": corpus / "pysample__GeoTopo-117pages.pdf"})
    return make_library(app_paths)


def page_texts(data: bytes) -> list[str]:
    with pymupdf.open("pdf", data) as doc:
        return [page.get_text() for page in doc]


def spans(data: bytes, exclude_fitted_pages: set[int] = frozenset()):
    with pymupdf.open("pdf", data) as doc:
        for page in doc:
            if page.number in exclude_fitted_pages:
                continue
            for block in page.get_text("dict")["blocks"]:
                for line in block.get("lines", []):
                    for span in line["spans"]:
                        if span["text"].strip():
                            yield page.number, span["size"], span["text"]


# --- Markdown sections --------------------------------------------------------------------------


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_source_slugs_are_the_pdf_outline_slugs(library, doc_id):
    from brochure_reader.authoring import parse_source

    doc = library.get(doc_id)
    source = parse_source(doc.source_markdown)
    _pages, pdf_sections = sections_of(doc)
    from_pdf = [(s.ref, s.level) for s in iter_sections(pdf_sections)]
    from_md = [(s.ref, s.level) for s in iter_sections(source_section_tree(doc_id, source.body))]
    assert from_md == from_pdf


def test_section_markdown_keeps_boxes_whole():
    body = (
        "::: key-points\n## Key points\n- one\n:::\n\n## Treatment\n\nText.\n\n### Drugs\n\n"
        "More.\n\n::: urgent\n## Call us\n- fever\n:::\n\n## Outlook\n\nLater.\n"
    )
    found = source_sections("d", body)
    assert [s.slug for s in found] == ["key-points", "treatment", "drugs", "call-us", "outlook"]
    text = section_markdown(body, found, ["call-us", "key-points", "treatment", "drugs"])
    assert text.index("::: urgent") < text.index("::: key-points")
    assert text.count("### Drugs") == 1  # inside "Treatment", not repeated
    assert "Outlook" not in text
    assert text.count(":::") == 4
    assert balance_boxes("::: note\ntext\n") == "::: note\ntext\n:::\n"
    assert balance_boxes("text\n:::\n") == "text\n"


# --- planning -------------------------------------------------------------------------------------


def test_plan_merges_consecutive_sections_of_one_document(library):
    parts = plan_handout(
        library, [f"{AML}#key-points", f"{AML}#outlook", "geotopo", f"{AML}#fertility"],
        sections_of,
    )
    assert [p.doc_id for p in parts] == [AML, "geotopo", AML]
    assert parts[0].slugs == ["key-points", "outlook"]
    assert parts[0].section_titles == ["Key points", "Outlook"]
    assert parts[0].markdown_path and parts[1].markdown_path is None
    assert parts[1].page_ranges == [(0, 116)]


@pytest.mark.parametrize(
    ("refs", "error", "message"),
    [
        ([f"{AML}#no-such-section"], RangeError, "No section 'no-such-section' in"),
        (["no-such-doc#x"], LibraryError, "No document with id 'no-such-doc'"),
        (["geotopo#no-such"], RangeError, "No section 'no-such' in 'geotopo'"),
        ([f"{AML}#"], RangeError, "no section after '#'"),
        ([], RangeError, "choose at least one section"),
    ],
)
def test_bad_refs_are_clear_errors(library, refs, error, message):
    with pytest.raises(error, match=re.escape(message)):
        plan_handout(library, refs, sections_of)


# --- composing ------------------------------------------------------------------------------------


def test_handout_has_cover_footers_and_sources(library):
    parts = plan_handout(library, [f"{AML}#key-points", f"{AML}#outlook", "eating-well"],
                         sections_of)
    handout = compose_handout(HandoutRequest(parts, COVER))
    texts = page_texts(handout.pdf)
    total = len(texts)
    assert handout.page_count == total
    # Cover: every field, the date, and where each part starts.
    cover = " ".join(texts[0].split())
    for expected in ("Riverside Haematology Unit", "Dr Ada Okafor", "01632 960 999",
                     "these are the pages we talked about today", "29 November 2026",
                     "Acute myeloid leukaemia (AML)", "Key points", "Outlook"):
        assert expected in cover
    assert f"page {handout.part_starts[0] + 1}" in cover
    assert f"page {handout.part_starts[1] + 1}" in cover
    # Footers: exactly one "Page n of m" on every page (the leaflets' own footers are gone).
    for number, text in enumerate(texts, start=1):
        flat = " ".join(text.split())
        assert re.findall(r"Page \d+ of \d+", flat) == [f"Page {number} of {total}"]
    aml_page = " ".join(texts[handout.part_starts[0]].split())
    assert f"Acute myeloid leukaemia (AML) · Reviewed {_reviewed(library, AML)}" in aml_page
    eating = " ".join(texts[handout.part_starts[1]].split())
    assert "Eating well" in eating and f"· Reviewed {_reviewed(library, 'eating-well')}" in eating
    # Only the chosen sections of AML.
    aml_text = " ".join(" ".join(texts[handout.part_starts[0] : handout.part_starts[1]]).split())
    assert "Key points" in aml_text and "If AML comes back" in aml_text
    assert "Signs and symptoms" not in aml_text and "Stem cell transplant" not in aml_text
    # Sources at the end, with the leaflets' references.
    last = " ".join(" ".join(texts[handout.sources_start :]).split())
    assert "Where this information comes from" in last
    assert "National Cancer Institute" in last and "Eating well" in last
    # Outline: cover, one entry per part with its headings below, sources.
    with pymupdf.open("pdf", handout.pdf) as doc:
        toc = doc.get_toc()
    top = [entry[1] for entry in toc if entry[0] == 1]
    assert top[0] == "Cover" and top[-1] == "Sources"
    assert "Acute myeloid leukaemia (AML): Key points; Outlook" in top
    assert [2, "Outlook"] in [e[:2] for e in toc]
    assert [3, "If AML comes back"] in [e[:2] for e in toc]


def test_a_french_handout_made_in_a_worker_has_french_words_and_dates(library):
    """The request carries the interface locale into the worker process (which has no
    language of its own): cover, footers and sources page in French, « 29 novembre 2026 »;
    the brochures' own text stays English."""
    from brochure_reader import i18n
    from brochure_reader.pdf.worker import WorkerPool

    parts = plan_handout(library, [f"{AML}#outlook"], sections_of)
    i18n.install(i18n.Locale("fr", "FR"))
    try:
        request = HandoutRequest(parts, COVER)  # the interface's locale by default
    finally:
        i18n.install(i18n.Locale())
    assert request.locale == i18n.Locale("fr", "FR")
    pool = WorkerPool(1)
    try:
        handout = pool.submit(compose_handout, request).result(timeout=300)
    finally:
        pool.shutdown()
    texts = [" ".join(t.split()) for t in page_texts(handout.pdf)]
    cover, total = texts[0], len(texts)
    for expected in ("Informations pour vous", "Préparé pour vous par Dr Ada Okafor",
                     "29 novembre 2026", "Un mot pour vous — Dr Ada Okafor", "Dans cette fiche",
                     "Pour nous joindre", f"page {handout.part_starts[0] + 1}"):
        assert expected in cover, expected
    assert "November" not in cover and "Information for you" not in cover
    for number, text in enumerate(texts, start=1):
        assert re.findall(r"Page \d+ sur \d+", text) == [f"Page {number} sur {total}"]
    reviewed = i18n.format_date(dt.date.fromisoformat(library.get(AML).reviewed),
                                i18n.Locale("fr", "FR"))
    assert f"Acute myeloid leukaemia (AML) · Relu le {reviewed}" in texts[1]
    assert "Outlook" in texts[1]  # the brochure's own words are not translated
    last = " ".join(texts[handout.sources_start:])
    assert "D’où viennent ces informations" in last and "Préparé avec Brochure Reader le " \
        "29 novembre 2026" in last
    # and an English request in the same worker mechanism is English again
    english = compose_handout(HandoutRequest(parts, COVER))
    assert "29 November 2026" in " ".join(page_texts(english.pdf)[0].split())


def test_no_cover_without_cover_details(library):
    parts = plan_handout(library, [f"{AML}#outlook"], sections_of)
    handout = compose_handout(HandoutRequest(parts))
    first = page_texts(handout.pdf)[0]
    assert "Information for you" not in first and "Outlook" in first
    assert handout.part_starts == [0]


def test_large_print_is_reflowed_at_18pt_and_never_below_16pt(library):
    refs = [f"{AML}#key-points", f"{AML}#get-help-straight-away"]
    parts = plan_handout(library, refs, sections_of)
    normal = compose_handout(HandoutRequest(parts, COVER))
    large = compose_handout(HandoutRequest(parts, COVER, large_print=True))
    sizes = [size for _p, size, _t in spans(large.pdf)]
    assert min(sizes) >= 16.0
    assert sum(1 for s in sizes if abs(s - 18.0) < 0.05) > len(sizes) / 2  # body text at 18 pt
    assert large.page_count > normal.page_count  # reflowed onto more pages, not magnified
    text = " ".join(" ".join(page_texts(large.pdf)).split())
    assert "Get help straight away" in text and "Riverside" in text
    assert NOT_REFLOWED not in text and not large.notes


def test_large_print_refuses_sizes_below_16pt(library):
    parts = plan_handout(library, [f"{AML}#outlook"], sections_of)
    with pytest.raises(ValueError, match="at least 16 pt"):
        compose_handout(HandoutRequest(parts, large_print=True, font_size=14))


def test_pdf_without_source_is_scaled_with_a_note_in_large_print(library):
    _pages, sections = sections_of(library.get("geotopo"))
    second = [s for s in iter_sections(sections) if s.page is not None and s.page > 3][1]
    parts = plan_handout(library, [f"{AML}#outlook", second.ref], sections_of)
    handout = compose_handout(HandoutRequest(parts, large_print=True))
    start = handout.part_starts[1]
    expected_pages = parts[1].page_ranges[0][1] - parts[1].page_ranges[0][0] + 1
    assert handout.sources_start == start + expected_pages
    texts = page_texts(handout.pdf)
    assert NOT_REFLOWED in " ".join(texts[start].split())
    assert NOT_REFLOWED not in " ".join(texts[start + 1].split())
    assert handout.notes and "could not be reflowed" in handout.notes[0]
    with pymupdf.open("pdf", handout.pdf) as doc:
        assert {tuple(round(v) for v in page.rect) for page in doc} == {(0, 0, 595, 842)}
    # Everything the handout itself writes (not the scaled pages) is at least 16 pt.
    fitted = set(range(start, start + expected_pages))
    own = [size for _p, size, _t in spans(handout.pdf, fitted)]
    assert min(own) >= 16.0
    with pymupdf.open("pdf", handout.pdf) as doc:
        footer_sizes = {
            round(s["size"], 1)
            for p in fitted
            for b in doc[p].get_text("dict", clip=(0, 780, 595, 842))["blocks"]
            for line in b.get("lines", [])
            for s in line["spans"]
            if "Page" in s["text"]
        }
    assert footer_sizes == {16.0}


# --- CLI ------------------------------------------------------------------------------------------


def test_cli_handout_large_print_with_note(library, tmp_path, capsys):
    out = tmp_path / "handout.pdf"
    args = ["handout", f"{AML}#key-points", "eating-well#key-points", "--note", "See you soon",
            "--clinic", "Riverside", "--large-print", "--date", "2026-11-29", "--out", str(out)]
    assert main(args) == 0
    assert "handout" in capsys.readouterr().out
    data = out.read_bytes()
    texts = page_texts(data)
    assert "See you soon" in texts[0] and "29 November 2026" in texts[0]
    assert min(size for _p, size, _t in spans(data)) >= 16.0


@pytest.mark.parametrize(
    ("refs", "message"),
    [
        ([f"{AML}#nope"], "No section 'nope' in 'acute-myeloid-leukaemia'"),
        (["nope#intro"], "No document with id 'nope'"),
        ([f"{AML}#outlook", "--date", "29/11/2026"], "'29/11/2026' is not a date"),
    ],
)
def test_cli_handout_errors(library, tmp_path, capsys, refs, message):
    out = tmp_path / "x.pdf"
    assert main(["handout", *refs, "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not out.exists()
