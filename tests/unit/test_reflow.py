"""The text view's documents: from Markdown sources and from extracted blocks; finding places."""

from __future__ import annotations

from pathlib import Path

import pytest

from brochure_reader.authoring.source import parse_source, parse_source_text
from brochure_reader.bookmarks.anchors import TextMap
from brochure_reader.library import Library, build_sections
from brochure_reader.library.sections import iter_sections
from brochure_reader.reflow.extracted import reflow_blocks
from brochure_reader.reflow.markdown import reflow_source
from brochure_reader.reflow.position import find_quote, match_sections, reading_offset
from tests.conftest import REPO

SOURCES = REPO / "assets" / "pack" / "sources"

SOURCE = """+++
id = "demo"
title = "Demo brochure"
category = "practical"
audience = "Adults"
summary = "What it is."
reviewed = 2026-11-29
next_review = 2029-11-29
tags = ["a"]
[[sources]]
title = "A source"
publisher = "NHS"
+++

::: key-points
## Key points
- One thing
:::

Intro with a [link](https://www.nhs.uk) and **bold** words.

::: urgent
## Call your team if…
- you have a fever
:::

| Cell | What |
|---|---|
| Red | Oxygen |
"""


def test_markdown_source_keeps_its_semantics():
    doc = reflow_source(parse_source_text(SOURCE))
    html = doc.html
    assert html.startswith('<h1><a name="title">Demo brochure</a></h1>')
    # the urgent box says so in words; the key points box is not labelled twice
    assert '<p class="box-label"><b>Urgent:</b></p><h2>' in html
    assert "Key points:" not in html
    assert '<a href="https://www.nhs.uk">link</a>' in html  # a link, not its address in brackets
    assert '<table class="data"' in html and "<td>Oxygen</td>" in html
    assert [h.anchor for h in doc.headings] == ["title", "key-points", "call-your-team-if"]


def test_markdown_marker_sees_every_text_run():
    runs = []

    def marker(text: str) -> str:
        runs.append(text)
        return text.upper()

    doc = reflow_source(parse_source_text(SOURCE), marker)
    assert "INTRO WITH A " in doc.html and "ONE THING" in doc.html
    assert "Intro with a " in runs


@pytest.mark.parametrize("path", sorted(SOURCES.glob("*.md")), ids=lambda p: p.stem)
def test_every_bundled_heading_pairs_with_its_outline_section(path: Path, app_paths):
    """The tree follows the text view: each heading of the Markdown text finds its section
    in the outline of the built PDF (read by the library from the PDF)."""
    from brochure_reader.pdf.document import document_info

    library = Library.load(app_paths)
    doc = library.get(path.stem)
    info = document_info(str(doc.path))
    sections = build_sections(doc.id, info.outline, info.outline_inferred)
    reflowed = reflow_source(parse_source(path))
    pairs = match_sections(reflowed.headings[1:], sections)  # [0] is the cover title
    unpaired = [h.title for h, s in zip(reflowed.headings[1:], pairs, strict=True) if s is None]
    assert not unpaired
    assert len({id(s) for s in pairs}) == len(pairs)
    assert len(pairs) == len([s for s in iter_sections(sections) if s.page is not None])


def test_extracted_blocks_get_headings_lists_and_lose_page_numbers():
    pages = [
        [(50, 60, "Introduction"), (70, 120, "Body text of the first page."),
         (130, 150, "• first item • second item"), (800, 810, "1")],
        [(40, 60, "2.1 Methods"), (70, 90, "More text.")],
    ]
    outline = [(1, "Introduction", 0, 48.0), (2, "Methods", 1, 38.0)]
    doc = reflow_blocks("A title", pages, outline)
    assert doc.html == (
        '<h1><a name="title">A title</a></h1>\n'
        '<h2><a name="introduction">Introduction</a></h2>\n'
        "<p>Body text of the first page.</p>\n"
        "<ul>\n<li>first item</li>\n<li>second item</li>\n</ul>\n"
        '<h3><a name="2-1-methods">2.1 Methods</a></h3>\n'
        "<p>More text.</p>\n"
    )
    assert [(h.level, h.title) for h in doc.headings] == [
        (1, "A title"), (2, "Introduction"), (3, "2.1 Methods")]


def test_find_quote_falls_back_on_a_prefix_and_maps_raw_offsets():
    raw = "Heading\u2029\ufdd0Urgent:\u2029Call the team straight away if you feel unwell."
    assert find_quote(raw, "Call the team straight away if you feel unwell today") == \
        raw.index("Call")
    assert find_quote(raw, "call THE team") == raw.index("Call")  # case folded
    assert find_quote(raw, "Nothing like this anywhere in the text") is None
    assert find_quote(raw, "Heading Urgent: Call") == 0  # paragraph marks are spaces


def test_reading_offset_prefers_the_left_column_of_a_row():
    lines = [(0, 100.0, 110.0, "Left column starts here"), (0, 300.0, 310.0, "left goes on"),
             (0, 98.0, 108.0, "Right column is a little higher")]
    text_map = TextMap.from_lines(lines)
    assert text_map.text[text_map.offset_at(0, 90.0):].startswith("Right")  # the highest line
    assert text_map.text[reading_offset(text_map, 0, 90.0):].startswith("Left")


def test_match_sections_pairs_repeats_in_order_and_skips_unknown_titles():
    sections = build_sections("d", [(1, "Foo", 0, 0.0), (1, "Bar", 1, 0.0), (1, "Foo", 2, 0.0)])
    from brochure_reader.reflow.document import ReflowHeading

    headings = [ReflowHeading(1, "Doc title", "title"), ReflowHeading(2, "1 Foo", "a"),
                ReflowHeading(2, "2 Bar", "b"), ReflowHeading(2, "3. Foo", "c")]
    pairs = match_sections(headings, sections)
    assert pairs[0] is None
    assert [s.ref for s in pairs[1:]] == ["d#foo", "d#bar", "d#foo-2"]
