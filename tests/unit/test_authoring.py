"""Authoring pipeline: source parsing, typesetting, pack building, bundled-pack drift."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import pymupdf
import pytest

from brochure_reader.authoring import (
    SourceError,
    build_pack,
    parse_source,
    typeset,
    typeset_markdown,
)
from brochure_reader.authoring.build import PACK_ID, load_sources
from brochure_reader.authoring.markup import readability_text, render_body
from brochure_reader.authoring.source import REQUIRED_FIELDS, parse_source_text
from brochure_reader.authoring.style import PALETTE, Layout, contrast_ratio
from brochure_reader.library.pack import load_pack
from brochure_reader.paths import bundled_pack_dir

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

FRONT = """+++
id = "{id}"
title = "{title}"
category = "practical"
audience = "Adults reading a test leaflet"
summary = "A small document made by the tests."
reviewed = {reviewed}
next_review = 2029-11-29
tags = ["test", "sample"]

[[sources]]
title = "A source"
publisher = "Test publisher"
year = 2025
+++
"""

PARAGRAPH = (
    "This is a plain sentence about looking after yourself. Your care team can help you "
    "with questions about treatment and how you feel from day to day. "
)


def sample_body(sections: int = 7) -> str:
    parts = [
        "::: key-points\n## Key points\n- First point with **bold** words.\n"
        "- Second point with *emphasis* that prints bold.\n:::\n"
    ]
    for n in range(1, sections + 1):
        parts.append(f"## Section number {n}\n\n{PARAGRAPH * 3}\n\n### Detail {n}\n\n")
        parts.append(f"{PARAGRAPH * 2}\n\n- an item\n- another item\n\n")
        if n == 2:
            parts.append(
                "| Group | What it means |\n|---|---|\n| **One** group | The first group. |\n"
                "| Two | The second group, which needs a longer explanation. |\n\n"
            )
        if n == 3:
            parts.append("::: note\nA soft tip in a grey box.\n:::\n\n")
    parts.append(
        "::: urgent\n## Contact your care team straight away if…\n- you have a temperature\n"
        "- you feel very unwell\n:::\n\n"
        "::: questions\n## Questions to ask your care team\n- What happens next?\n:::\n\n"
        "## About this information\n\nThis leaflet does not replace advice from your care "
        "team.\n\nReviewed: 29 November 2026\n\nNext review: November 2029\n\n"
        "## Sources\n\n- Test publisher. A source. 2025.\n"
    )
    return "".join(parts)


def write_source(
    folder: Path,
    doc_id: str = "sample-leaflet",
    *,
    title: str = "Sample leaflet",
    reviewed: str = "2026-11-29",
    body: str | None = None,
    front: str | None = None,
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{doc_id}.md"
    text = front if front is not None else FRONT.format(id=doc_id, title=title, reviewed=reviewed)
    path.write_text(text + "\n" + (body if body is not None else sample_body()), "utf-8")
    return path


# -- parsing -----------------------------------------------------------------------------------


def test_parse_source_reads_front_matter_and_body(tmp_path):
    source = parse_source(write_source(tmp_path))
    assert source.id == "sample-leaflet"
    assert source.reviewed == dt.date(2026, 11, 29)
    assert source.next_review == dt.date(2029, 11, 29)
    assert source.tags == ["test", "sample"]
    assert source.sources[0].publisher == "Test publisher"
    assert source.sources[0].year == 2025
    assert source.body.lstrip().startswith("::: key-points")


def test_web_source_access_date_is_read_and_cited(tmp_path):
    front = FRONT.format(id="x-doc", title="T", reviewed="2026-11-29").replace(
        "year = 2025", "year = 2025\naccessed = 2026-12-07"
    )
    source = parse_source(write_source(tmp_path, "x-doc", front=front))
    assert source.sources[0].accessed == dt.date(2026, 12, 7)
    assert source.sources[0].citation().endswith("2025. Accessed 7 December 2026.")
    plain = parse_source(write_source(tmp_path / "b", "x-doc"))
    assert plain.sources[0].accessed is None and "Accessed" not in plain.sources[0].citation()


def _front_without(field: str) -> str:
    lines = FRONT.format(id="x-doc", title="T", reviewed="2026-11-29").splitlines()
    if field == "sources":
        cut = lines.index("[[sources]]")
        lines = [*lines[:cut], "+++"]
    else:
        lines = [line for line in lines if not line.startswith(f"{field} =")]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("field", REQUIRED_FIELDS)
def test_missing_field_is_named_with_the_file(tmp_path, field):
    path = write_source(tmp_path, "x-doc", front=_front_without(field))
    with pytest.raises(SourceError) as info:
        parse_source(path)
    message = str(info.value)
    assert str(path) in message and f"'{field}'" in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (("reviewed = 2026-11-29", 'reviewed = "29/11/2026"'), "reviewed"),
        (("next_review = 2029-11-29", "next_review = 2020-01-01"), "next_review"),
        (('id = "x-doc"', 'id = "X Doc"'), "id"),
        (('category = "practical"', 'category = "Practical stuff"'), "category"),
        (('tags = ["test", "sample"]', 'tags = "test"'), "tags"),
        (('tags = ["test", "sample"]', "tags = []"), "tags"),
        (('summary = "A small document made by the tests."', 'summary = ""'), "summary"),
        (('publisher = "Test publisher"', "publisher = 3"), "publisher"),
        (("year = 2025", 'year = "2025"'), "year"),
        (("year = 2025", 'year = 2025\naccessed = "last week"'), "accessed"),
    ],
)
def test_bad_field_values(tmp_path, change, field):
    front = FRONT.format(id="x-doc", title="T", reviewed="2026-11-29").replace(*change)
    path = write_source(tmp_path, "x-doc", front=front)
    with pytest.raises(SourceError, match=f"'{field}'") as info:
        parse_source(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# no front matter\n", "must start with a '+++' line"),
        ("+++\nid = 'x'\n", "no closing '+++'"),
        ("+++\nid = \n+++\nbody\n", "not valid TOML"),
    ],
)
def test_broken_front_matter(text, expected):
    with pytest.raises(SourceError, match=re.escape(expected)) as info:
        parse_source_text(text, "broken.md")
    assert str(info.value).startswith("broken.md: ") and "\n" not in str(info.value)


def test_id_must_match_file_name(tmp_path):
    path = write_source(tmp_path, "x-doc")
    path = path.rename(tmp_path / "other-name.md")
    with pytest.raises(SourceError, match="'id'"):
        parse_source(path)


def test_unknown_box_kind_names_file_and_line(tmp_path):
    path = write_source(tmp_path, "x-doc", body="Intro.\n\n::: warning\nText\n:::\n")
    with pytest.raises(SourceError, match=r"line \d+: unknown box '::: warning'") as info:
        parse_source(path)
    line = int(re.search(r"line (\d+)", str(info.value)).group(1))
    assert path.read_text("utf-8").splitlines()[line - 1] == "::: warning"


def test_markup_headings_boxes_and_no_italics():
    body = render_body(sample_body(2))
    assert "<i>" not in body.html and "<em>" not in body.html
    assert "<b>emphasis</b>" in body.html
    assert [h.text for h in body.headings][:3] == ["Key points", "Section number 1", "Detail 1"]
    assert body.headings[0].box == "key-points" and body.headings[0].first_in_box
    assert [kind for kind, _ in body.boxes] == ["key-points", "urgent", "questions"]
    assert len(body.header_rows) == 1
    assert len({h.id for h in body.headings}) == len(body.headings)


def test_readability_text_skips_headings_about_and_sources():
    text = readability_text(sample_body(1))
    assert "Key points" not in text and "Section number" not in text
    assert "does not replace" not in text and "Test publisher" not in text
    assert "an item." in text  # list items end as sentences


def test_palette_contrast():
    for name, (fg, bg) in PALETTE.text_pairs().items():
        assert contrast_ratio(fg, bg) >= 4.5, name


# -- typesetting -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    source = parse_source(write_source(tmp_path_factory.mktemp("src")))
    result = typeset(source)
    doc = pymupdf.open("pdf", result.pdf)
    yield source, result, doc
    doc.close()


def _lines(page: pymupdf.Page):
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            text = "".join(s["text"] for s in line["spans"])
            if text.strip():
                yield line, text


def test_outline_has_every_heading_at_its_position(sample):
    source, result, doc = sample
    headings = render_body(source.body).headings
    toc = doc.get_toc(simple=False)
    assert [t[1] for t in toc] == [h.text for h in headings]
    assert [t[0] for t in toc] == [1 if h.level == 2 else 2 for h in headings]
    assert doc.page_count >= 3
    for entry, (level, title, page1, dest) in zip(result.outline, toc, strict=True):
        assert (level, title, page1 - 1) == (entry.level, entry.title, entry.page)
        assert dest["kind"] == pymupdf.LINK_GOTO
        # get_toc() gives the target in PyMuPDF's top-down page coordinates…
        y = dest["to"].y
        assert y == pytest.approx(entry.y, abs=0.01)
        # …and the file holds it the PDF way (from the bottom), as /XYZ x y zoom.
        raw = doc.xref_get_key(dest["xref"], "A/D")[1]
        x_pdf, y_pdf = (float(v) for v in raw.split("/XYZ")[1].split()[:2])
        assert y_pdf == pytest.approx(doc[entry.page].rect.height - entry.y, abs=0.01)
        assert x_pdf == pytest.approx(Layout().margin_x)
        found = [
            line
            for line, text in _lines(doc[entry.page])
            if text.strip() == title and -2 <= line["bbox"][1] - y <= 8
        ]
        assert found, f"heading {title!r} not found at y={y:.1f} on page {page1}"


def test_no_heading_is_left_alone_at_a_page_foot(sample):
    _source, result, doc = sample
    bottom = Layout().content_bottom
    for entry in result.outline:
        below = [
            line
            for line, text in _lines(doc[entry.page])
            if entry.y + 30 < line["bbox"][1] < bottom and text.strip() != entry.title
        ]
        assert below, f"{entry.title!r} has no text under it on page {entry.page + 1}"


def test_text_is_large_sans_and_never_italic(sample):
    _source, _result, doc = sample
    layout = Layout()
    body_sizes = []
    for page in doc:
        for block in page.get_text("dict")["blocks"]:
            for line in block.get("lines", []):
                for span in line["spans"]:
                    if not span["text"].strip():
                        continue
                    assert "Atkinson" in span["font"], span["font"]
                    assert "Italic" not in span["font"] and not span["flags"] & 2
                    if span["bbox"][1] < layout.footer_top:
                        assert span["size"] >= 12.0, span
                        body_sizes.append(round(span["size"], 1))
                    else:
                        assert span["size"] >= 10.5, span
    assert max(set(body_sizes), key=body_sizes.count) == 14.0


def test_spans_of_a_line_share_the_baseline(sample):
    _source, _result, doc = sample
    for page in doc:
        for line, text in _lines(page):
            baselines = {round(s["origin"][1], 1) for s in line["spans"] if s["text"].strip()}
            assert len(baselines) == 1, f"page {page.number + 1}: {text!r} {baselines}"


def test_lines_are_not_too_long(sample):
    _source, _result, doc = sample
    lengths = [
        len(text)
        for page in doc
        for line, text in _lines(page)
        if line["spans"][0]["size"] == 14.0 and line["bbox"][1] < Layout().footer_top
    ]
    full = [n for n in lengths if n >= 45]  # lines that run to the right margin
    assert max(lengths) <= 75
    assert sum(full) / len(full) <= 68


def test_cover_footers_and_metadata(sample):
    source, result, doc = sample
    first = doc[0].get_text()
    assert first.startswith("Brochure Reader\nSample leaflet\n")
    assert "A small document made by the tests." in first and "Adults reading" in first
    for number, page in enumerate(doc, start=1):
        text = page.get_text()
        assert f"Page {number} of {doc.page_count}" in text
        assert "Reviewed 29 November 2026" in text and "Sample leaflet" in text
    meta = doc.metadata
    assert meta["title"] == "Sample leaflet"
    assert meta["subject"] == source.summary
    assert meta["keywords"] == "test, sample"
    assert meta["author"] == "Brochure Reader project"
    assert meta["creator"]
    assert meta["creationDate"].startswith("D:20261129")
    assert doc.xref_get_key(doc.pdf_catalog(), "Lang") == ("string", "en-GB")
    assert result.page_count == doc.page_count


def test_boxes_are_painted_only_where_they_are(sample):
    _source, _result, doc = sample
    urgent_pages = [p.number for p in doc if "Contact your care team straight away" in p.get_text()]
    colours = {}
    for page in doc:
        for drawing in page.get_drawings():
            if drawing.get("fill"):
                colours.setdefault(tuple(round(c, 2) for c in drawing["fill"]), set()).add(
                    page.number
                )

    def pages_of(hex_colour):
        rgb = tuple(round(int(hex_colour[i : i + 2], 16) / 255, 2) for i in (1, 3, 5))
        return colours.get(rgb, set())

    assert pages_of(PALETTE.key_points_bg) == {0}
    assert pages_of(PALETTE.urgent_bg) == set(urgent_pages)
    assert pages_of(PALETTE.urgent_border) == set(urgent_pages)
    assert pages_of(PALETTE.table_head_bg)  # the table's header row


def test_typesetting_is_deterministic(sample):
    source, result, _doc = sample
    assert typeset(source).pdf == result.pdf


def test_typeset_markdown_plain_text_and_large_print():
    pdf = typeset_markdown(
        "## Part one\n\nSome words for a handout.\n", large_print=True, title="My handout"
    )
    with pymupdf.open("pdf", pdf) as doc:
        assert doc.metadata["title"] == "My handout"
        assert doc.get_toc() == [[1, "Part one", 1]]
        sizes = {
            round(s["size"], 1)
            for b in doc[0].get_text("dict")["blocks"]
            for line in b.get("lines", [])
            for s in line["spans"]
            if s["text"].startswith("Some words")
        }
        assert sizes == {18.0}
        assert "Page 1 of 1" in doc[0].get_text()


def test_font_size_below_minimum_is_refused():
    with pytest.raises(ValueError, match="minimum"):
        typeset_markdown("Text", font_size=10)


# -- building packs ----------------------------------------------------------------------------


def test_build_pack_writes_pdfs_manifest_and_sources(tmp_path):
    src = tmp_path / "src"
    write_source(src, "first-doc", title="First", body="::: key-points\n- A point.\n:::\n\nHi.\n")
    write_source(src, "second-doc", title="Second", reviewed="2026-12-01", body="## Only\n\nHi.\n")
    out = tmp_path / "out"
    report = build_pack(src, out)
    assert [d.id for d in report.documents] == ["first-doc", "second-doc"]
    assert report.version == "2026.12.01" and report.sources_copied == 2
    assert "Built 2 documents" in report.summary()
    pack = load_pack(out, "bundled")
    assert pack.id == PACK_ID and pack.language == "en-GB" and pack.version == "2026.12.01"
    first = pack.documents[0]
    assert (first.id, first.title, first.category, first.reviewed) == (
        "first-doc",
        "First",
        "practical",
        "2026-11-29",
    )
    assert first.next_review == "2029-11-29" and first.tags == ["test", "sample"]
    assert first.summary and first.audience and first.source_markdown is not None
    data = tomllib.loads((out / "pack.toml").read_text("utf-8"))
    assert data["documents"][0]["reviewed"] == dt.date(2026, 11, 29)
    # A source that goes away takes its PDF with it on the next build.
    (src / "second-doc.md").unlink()
    report = build_pack(src, out)
    assert report.removed == ["second-doc.pdf"] and not (out / "second-doc.pdf").exists()


def test_build_pack_in_worker_processes_gives_the_same_files(tmp_path):
    src = tmp_path / "src"
    for n in (1, 2):
        write_source(src, f"doc-{n}", title=f"Doc {n}", body=f"## Part {n}\n\nWords.\n")
    build_pack(src, tmp_path / "serial")
    report = build_pack(src, tmp_path / "parallel", jobs=2)
    assert [d.pages for d in report.documents] == [1, 1]
    for n in (1, 2):
        name = f"doc-{n}.pdf"
        assert (tmp_path / "parallel" / name).read_bytes() == (
            tmp_path / "serial" / name
        ).read_bytes()


def test_build_pack_in_place_does_not_copy(tmp_path):
    pack = tmp_path / "pack"
    write_source(pack / "sources", "only-doc", body="Hi.\n")
    assert build_pack(pack / "sources", pack).sources_copied == 0


def test_build_pack_refuses_bad_sources_before_writing(tmp_path):
    src = tmp_path / "src"
    write_source(src, "good-doc", body="Hi.\n")
    write_source(src, "bad-doc", front=_front_without("title"), body="Hi.\n")
    with pytest.raises(SourceError, match=r"bad-doc\.md: missing field 'title'"):
        build_pack(src, tmp_path / "out")
    assert not (tmp_path / "out").exists()
    (src / "bad-doc.md").write_text(
        FRONT.format(id="good-doc", title="T", reviewed="2026-11-29") + "Hi.\n", "utf-8"
    )
    with pytest.raises(SourceError, match="'id'"):
        load_sources(src)


def test_build_pack_needs_sources(tmp_path):
    with pytest.raises(SourceError, match=r"no \*\.md sources"):
        build_pack(tmp_path, tmp_path / "out")


# -- the bundled pack never drifts from its sources --------------------------------------------


def _toc(doc: pymupdf.Document) -> list[tuple]:
    return [
        (level, title, page, round(dest["to"].x, 1), round(dest["to"].y, 1))
        for level, title, page, dest in doc.get_toc(simple=False)
    ]


def test_bundled_pack_matches_its_sources(tmp_path):
    pack = bundled_pack_dir()
    sources = sorted((pack / "sources").glob("*.md"))
    if not sources:
        pytest.skip("no bundled sources yet")
    report = build_pack(pack / "sources", tmp_path)
    hint = "rebuild: brochure-reader build-pack assets/pack/sources assets/pack"
    assert (tmp_path / "pack.toml").read_text("utf-8") == (pack / "pack.toml").read_text("utf-8"), (
        hint
    )
    for built in report.documents:
        committed = pack / built.file
        assert committed.is_file(), f"{committed} is missing; {hint}"
        with pymupdf.open(tmp_path / built.file) as new, pymupdf.open(committed) as old:
            assert new.page_count == old.page_count, f"{built.file}: {hint}"
            for page_new, page_old in zip(new, old, strict=True):
                assert page_new.get_text() == page_old.get_text(), f"{built.file}: {hint}"
            assert _toc(new) == _toc(old), f"{built.file}: {hint}"
    stray = {p.name for p in pack.glob("*.pdf")} - {d.file for d in report.documents}
    assert not stray, f"PDFs without a source: {sorted(stray)}"
