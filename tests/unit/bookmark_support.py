"""Helpers for the bookmarks tests: small brochures made with PyMuPDF.

Not a test module (no ``test_`` prefix); imported as ``tests.unit.bookmark_support``.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

PAGE_W, PAGE_H = 595.0, 842.0
MARGIN = 60.0
BODY_SIZE, HEAD_SIZE = 11.0, 16.0
LINE = 15.0


def lorem(seed: int, words: int = 70) -> str:
    """Distinct, deterministic filler prose (no two paragraphs share long passages)."""
    vocab = " ".join([
        "care team nurse doctor treatment fever blood test scan chemotherapy tired rest",
        "eat drink walk sleep family friend question answer call phone hospital clinic",
        "week day night medicine tablet side effect skin mouth pain help support worry",
        "plan appointment result letter diary note record change feel better worse",
    ]).split()
    out, state = [], seed * 7919 + 17
    for _ in range(words):
        state = (state * 1103515245 + 12345) % (2**31)
        out.append(vocab[state % len(vocab)])
    return " ".join(out).capitalize() + "."


def make_brochure(path: Path, sections: list[tuple[str, list[str]]], title: str = "Brochure",
                  page_h: float = PAGE_H) -> list[tuple[str, int, float]]:
    """Typeset *sections* ``[(heading, [paragraph, ...])]`` into a PDF with an outline.

    Returns ``[(heading, page 0-based, y points from the top)]``: where each heading really
    is (tests use this rather than the outline as read back, to depend only on what they
    test).  Paragraphs starting with ``- `` are set as bullet items.  Fixed 11 pt Helvetica,
    15 pt leading, so text extraction is predictable.
    """
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=PAGE_W, height=page_h)
    y = MARGIN
    toc, placed = [], []

    def need(height: float) -> None:
        nonlocal page, y
        if y + height > page_h - MARGIN:
            page = doc.new_page(width=PAGE_W, height=page_h)
            y = MARGIN

    page.insert_text((MARGIN, y + 20), title, fontsize=22, fontname="hebo")
    y += 40
    for heading, paragraphs in sections:
        need(HEAD_SIZE + 3 * LINE)
        top = y
        page.insert_text((MARGIN, y + HEAD_SIZE), heading, fontsize=HEAD_SIZE, fontname="hebo")
        # PyMuPDF takes "to" in top-down page coordinates and writes /XYZ in PDF space.
        toc.append([1, heading, page.number + 1,
                    {"kind": pymupdf.LINK_GOTO, "to": pymupdf.Point(MARGIN, top)}])
        placed.append((heading, page.number, top))
        y += HEAD_SIZE + 8
        for paragraph in paragraphs:
            bullet = paragraph.startswith("- ")
            text = paragraph[2:] if bullet else paragraph
            lines = textwrap.wrap(text, 78 if not bullet else 74)
            for i, line in enumerate(lines):
                need(LINE)
                x = MARGIN + (14 if bullet else 0)
                if bullet and i == 0:
                    page.insert_text((MARGIN, y + BODY_SIZE), "•", fontsize=BODY_SIZE)
                page.insert_text((x, y + BODY_SIZE), line, fontsize=BODY_SIZE)
                y += LINE
            y += 6
        y += 8
    doc.set_toc(toc)
    doc.save(path)
    doc.close()
    return placed


QUESTIONS = [
    "What type of cancer do I have?",
    "What is the aim of my treatment, and how long will it take to finish all of it?",
    "Who do I call, day or night, if I get a fever?",
]


def standard_sections(version: int = 1) -> list[tuple[str, list[str]]]:
    """A brochure in two versions.  Version 2 moves "Fever" before "Treatment", deletes the
    second "Treatment" paragraph, edits one sentence of "Side effects" lightly, and adds an
    introduction paragraph so every page shifts."""
    fever = ("Fever", [
        "A temperature of 38 degrees or more can be serious during treatment. Call your "
        "24-hour line straight away, even at night, and do not wait to see if it gets better.",
        lorem(3)])
    treatment = ("Treatment", [lorem(4), "This paragraph about induction chemotherapy will be "
                 "removed in the next version of the brochure, so its bookmark must be flagged.",
                 lorem(5)])
    side = ("Side effects", [
        "Most side effects can be eased. Tell your nurse about mouth sores, sickness or "
        "diarrhoea early, because there are medicines that help a lot with them.", lorem(6)])
    questions = ("Questions to ask your care team", [f"- {q}" for q in QUESTIONS])
    about = ("About this information", [lorem(7, 40)])
    if version == 1:
        return [("What this brochure is about", [lorem(1), lorem(2)]), treatment, fever, side,
                questions, about]
    treatment2 = ("Treatment", [treatment[1][0], treatment[1][2]])
    side2 = ("Side effects", [
        "Most side effects can be eased. Tell your nurse about mouth sores, being sick or "
        "diarrhoea early, because there are medicines that help a lot with them.", lorem(6)])
    return [("What this brochure is about", [lorem(1), lorem(8), lorem(2)]), fever, treatment2,
            side2, questions, about]


def placed_sections(doc_id: str, placed: list[tuple[str, int, float]]) -> list:
    """Library Sections for what :func:`make_brochure` returned (all level 1)."""
    from brochure_reader.library import build_sections

    return build_sections(doc_id, [(1, title, page, y) for title, page, y in placed])
