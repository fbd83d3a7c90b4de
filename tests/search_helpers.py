"""Small PDFs with headings and an outline, made in a test's tmp_path, for the search tests.

Tests may call PyMuPDF to *make* fixtures; the application code keeps it inside pdf/.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pymupdf
import pytest

PAGE_W, PAGE_H = 595.0, 842.0
MARGIN = 72.0
LINE = 14.0


def make_pdf(path: Path, sections, title: str = "", new_page_per_section: bool = False) -> Path:
    """Write a PDF of *sections*: ``(heading or None, body, level)`` tuples (level optional).

    Bodies are wrapped at about 80 characters unless they contain explicit line breaks (kept, so
    a test can put a hyphen at a line end).  Each heading gets an outline entry pointing at it.
    A new page starts when the page is full, or for each section with *new_page_per_section*.
    """
    doc = pymupdf.open()
    page = doc.new_page(width=PAGE_W, height=PAGE_H)
    y = MARGIN
    toc = []

    def room(lines: int) -> None:
        nonlocal page, y
        if y + lines * LINE > PAGE_H - MARGIN:
            page = doc.new_page(width=PAGE_W, height=PAGE_H)
            y = MARGIN

    for index, section in enumerate(sections):
        heading, body = section[0], section[1]
        level = section[2] if len(section) > 2 else 1
        if new_page_per_section and index:
            page = doc.new_page(width=PAGE_W, height=PAGE_H)
            y = MARGIN
        if heading:
            room(3)
            y += 8
            page.insert_text((MARGIN, y + 14), heading, fontsize=16, fontname="hebo")
            to = pymupdf.Point(MARGIN, y)  # PyMuPDF's TOC points are top-left based
            toc.append([level, heading, page.number + 1,
                        {"kind": pymupdf.LINK_GOTO, "to": to, "page": page.number}])
            y += 30
        for paragraph in body.split("\n\n"):
            lines = paragraph.split("\n") if "\n" in paragraph else textwrap.wrap(paragraph, 80)
            for line in lines:
                room(1)
                page.insert_text((MARGIN, y + 10), line, fontsize=10)
                y += LINE
            y += LINE / 2
    if toc:
        doc.set_toc(toc)
    if title:
        doc.set_metadata({"title": title})
    doc.save(path)
    doc.close()
    return path


def write_pack(folder: Path, documents) -> Path:
    """A pack folder with pack.toml for *documents*: ``(doc_id, title, category, sections)``."""
    from brochure_reader.library.pack import toml_string

    folder.mkdir(parents=True, exist_ok=True)
    lines = ['id = "test-pack"', 'title = "Test pack"', 'language = "en-GB"', 'version = "1"']
    for doc_id, title, category, sections in documents:
        make_pdf(folder / f"{doc_id}.pdf", sections, title)
        lines += ["", "[[documents]]", f"id = {toml_string(doc_id)}",
                  f"title = {toml_string(title)}", f'file = "{doc_id}.pdf"',
                  f"category = {toml_string(category)}"]
    (folder / "pack.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


#: A small library used by the unit, CLI and GUI tests: (doc_id, title, category, sections).
SAMPLE_LIBRARY = [
    (
        "s-aml",
        "Acute myeloid leukaemia",
        "blood-cancers",
        [
            ("Key points", "Acute myeloid leukaemia is a blood cancer that starts in the bone "
             "marrow. Tests look for gene changes such as FLT3."),
            ("Blood tests", "A blood test counts your red cells, white cells and platelets. "
             "Your team may repeat the blood count often during treatment."),
            ("Bleeding and tiredness", "Low platelets can cause bruising. Fatigue is common: "
             "many people feel exhausted for weeks. Rest when you need to."),
            ("Infection", "A temperature of 38 degrees or more is an emergency. Call your "
             "24-hour line straight away."),
        ],
    ),
    (
        "s-eating",
        "Eating well",
        "practical",
        [
            ("Feeling sick", "Nausea can make eating hard. Some people are vomiting after "
             "treatment; anti-sickness medicines help. Food may taste of metal."),
            ("Bowel changes", "Diarrhoea and constipation are common. Pale or oily poo can "
             "mean you need enzyme capsules."),
            ("Eating after surgery", "Small meals work best. The leucémie section of the "
             "French leaflet says the same."),
        ],
    ),
    (
        "s-glioma",
        "Glioma",
        "other-hard-to-treat-cancers",
        [
            ("What a glioma is", "A glioma is a tumour of the glial cells in the brain or "
             "spinal cord."),
            ("Chemotherapy", "Chemotherapy uses drugs to kill tumour cells. The team chose "
             "treat-\nment with care; side effects are optimised."),
            ("Tiredness", "Tiredness after radiotherapy can last for months. Gentle exercise "
             "helps with fatigue."),
        ],
    ),
]


def sample_specs(pack: Path):
    """DocSpecs for the SAMPLE_LIBRARY pack written in *pack*."""
    from brochure_reader.search.builder import DocSpec

    return [DocSpec(doc_id, title, str(pack / f"{doc_id}.pdf"), category)
            for doc_id, title, category, _sections in SAMPLE_LIBRARY]


@pytest.fixture(scope="session")
def sample_pack(tmp_path_factory) -> Path:
    """SAMPLE_LIBRARY written as a pack folder (shared by the whole session: do not change)."""
    return write_pack(tmp_path_factory.mktemp("pack") / "pack", SAMPLE_LIBRARY)


@pytest.fixture(scope="session")
def sample_index_path(sample_pack, tmp_path_factory) -> Path:
    """An index of the sample pack (shared: open it read-only, or copy it first)."""
    from brochure_reader.search.builder import build_index

    path = tmp_path_factory.mktemp("index") / "index.sqlite3"
    report = build_index(path, sample_specs(sample_pack))
    assert not report.failed, report.failed
    return path


@pytest.fixture
def searcher(sample_index_path):
    """A Searcher over the sample index with the bundled thesaurus."""
    from brochure_reader.search.engine import Searcher
    from brochure_reader.search.index import SearchIndex

    index = SearchIndex.open(sample_index_path)
    yield Searcher(index)
    index.close()
