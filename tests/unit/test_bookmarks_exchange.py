"""Web Annotation export/import: round trip, documented shape, merge rules, refusals."""

from __future__ import annotations

import copy
import json
import re
from datetime import timedelta
from pathlib import Path

import jsonschema
import pytest

from brochure_reader.bookmarks import (
    BookmarkStore,
    ExchangeError,
    Quote,
    export_document,
    export_file,
    import_data,
    import_file,
)
from brochure_reader.bookmarks.exchange import FORMAT_VERSION, annotation

DOCS = Path(__file__).resolve().parents[2] / "docs" / "bookmarks.md"


def documented_schema(name: str) -> dict:
    """The JSON Schema that follows ``<!-- schema: NAME -->`` in docs/bookmarks.md."""
    text = DOCS.read_text(encoding="utf-8")
    match = re.search(rf"<!-- schema: {name} -->\s*```json\n(.*?)\n```", text, re.S)
    assert match, f"docs/bookmarks.md has no '{name}' schema"
    schema = json.loads(match.group(1))
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


@pytest.fixture
def store(tmp_path):
    with BookmarkStore.open(tmp_path / "one.sqlite3") as opened:
        yield opened


@pytest.fixture
def other(tmp_path):
    with BookmarkStore.open(tmp_path / "two.sqlite3") as opened:
        yield opened


def fill(store) -> list:
    return [
        store.add("acute-myeloid-leukaemia", 7, 412.5, content_hash="a" * 64,
                  section_ref="acute-myeloid-leukaemia#fever",
                  quote=Quote("you have a temperature of 38 °C", "straight away if…", "Call"),
                  label="What to do about a fever",
                  note="Ring the 24-hour line\n<b>now</b> & “then”",
                  colour="pink", collections=["For Tuesday", "Share with Sam"]),
        store.add("glioma", 1, 0.0),
        store.add("eating-well", 3, 96.125, quote="Eat small meals", note="", label=""),
    ]


def test_round_trip_keeps_every_field(store, other, tmp_path):
    made = fill(store)
    store.set_anchor(made[2].id, "needs-attention")
    out = tmp_path / "export.json"
    assert export_file(out, store.bookmarks()) == 3
    report = import_file(other, out)
    assert sorted(report.added) == sorted(b.id for b in made)
    assert report.updated == [] and report.skipped == []
    assert other.bookmarks() == store.bookmarks()


def test_export_matches_the_documented_schema(store):
    fill(store)
    data = export_document(store.bookmarks(), label="For Tuesday")
    jsonschema.validate(data, documented_schema("export"))
    assert data["total"] == 3 and data["br:formatVersion"] == FORMAT_VERSION
    # a broken export is caught by the same schema (the check is not vacuous)
    broken = copy.deepcopy(data)
    broken["first"]["items"][0]["target"]["selector"] = [
        s for s in broken["first"]["items"][0]["target"]["selector"]
        if s["type"] != "FragmentSelector"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, documented_schema("export"))


def test_the_documented_example_imports(store):
    text = DOCS.read_text(encoding="utf-8")
    example = json.loads(re.search(r"Example:\s*```json\n(.*?)\n```", text, re.S).group(1))
    jsonschema.validate(example, documented_schema("export"))
    report = import_data(store, example)
    assert len(report.added) == 1
    b = store.bookmarks()[0]
    assert (b.doc_id, b.page, b.y, b.label) == ("acute-myeloid-leukaemia", 7, 412.5,
                                                "What to do about a fever")
    assert b.collections == ("For Tuesday",) and b.note == "Ask for the 24-hour number"


def test_annotation_shape(store):
    b = fill(store)[0]
    item = annotation(b)
    assert item["id"] == f"urn:uuid:{b.id}"
    assert item["target"]["source"] == "urn:brochure-reader:document:acute-myeloid-leukaemia"
    quote, fragment = item["target"]["selector"]
    assert quote == {"type": "TextQuoteSelector", "exact": "you have a temperature of 38 °C",
                     "prefix": "straight away if…", "suffix": "Call"}
    assert fragment["value"] == "page=7&zoom=100,0,412.5"
    purposes = [(body["purpose"], body["value"]) for body in item["body"]]
    assert purposes == [("describing", "What to do about a fever"),
                        ("commenting", "Ring the 24-hour line\n<b>now</b> & “then”"),
                        ("tagging", "For Tuesday"), ("tagging", "Share with Sam")]
    assert "body" not in annotation(store.bookmarks(doc_id="glioma")[0])


def test_import_merges_by_id(store, other):
    made = fill(store)
    data = export_document(store.bookmarks())
    assert len(import_data(other, data).added) == 3
    again = import_data(other, data)
    assert again.added == [] and again.updated == []
    assert {s.reason for s in again.skipped} == {"it is already in your bookmarks"}
    assert len(other.bookmarks()) == 3

    # the file has a newer copy of one bookmark: it replaces ours
    store.update(made[1].id, label="Renamed at home")
    newer = import_data(other, export_document(store.bookmarks()))
    assert newer.updated == [made[1].id]
    assert other.get(made[1].id).label == "Renamed at home"

    # ours is newer than the file's copy: ours is kept
    other.update(made[0].id, note="Edited here later")
    older = import_data(other, data)
    assert made[0].id in [s.id.removeprefix("urn:uuid:") for s in older.skipped
                          if "more recently" in s.reason]
    assert other.get(made[0].id).note == "Edited here later"
    assert len(other.bookmarks()) == 3


def test_import_reports_each_skipped_annotation(store):
    good = annotation(fill(store)[0])
    store.delete(good["id"].removeprefix("urn:uuid:"))

    def variant(**changes):
        item = copy.deepcopy(good)
        item.update(changes)
        return item

    no_page = copy.deepcopy(good)
    no_page["target"]["selector"] = [no_page["target"]["selector"][0]]
    bad_page = copy.deepcopy(good)
    bad_page["target"]["selector"][1]["value"] = "page=zero"
    items = [
        good,
        copy.deepcopy(good),                                   # twice in the file
        "not an object",
        variant(type="TextualBody"),
        variant(id=None),
        variant(target={"source": "https://example.org/other.pdf"}),
        variant(created="yesterday"),
        no_page,
        bad_page,
        variant(target={**good["target"], "source": "urn:brochure-reader:document:Bad Id"}),
    ]
    report = import_data(store, {"type": "AnnotationPage", "items": items})
    assert len(report.added) == 1
    reasons = [(s.index, s.reason) for s in report.skipped]
    assert reasons == [
        (2, "it appears twice in the file"),
        (3, "it is not a JSON object"),
        (4, "it is not an Annotation"),
        (5, "it has no id"),
        (6, "its target is not a Brochure Reader document (https://example.org/other.pdf)"),
        (7, "'created' is not a date and time: 'yesterday'"),
        (8, "it has no FragmentSelector with a page number"),
        (9, "its FragmentSelector 'page=zero' has no page number"),
        (10, "'Bad Id' is not a document id"),
    ]
    assert len(store.bookmarks()) == 3  # the two fill() left, and the one imported back
    assert report.summary() == "1 added, 0 updated, 9 skipped"
    assert report.lines()[1].startswith("  #2 urn:uuid:")


def test_annotations_from_another_tool(store):
    item = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://notes.example/anno/17",
        "type": "Annotation",
        "bodyValue": "Ask about this at the clinic",
        "target": {"source": "urn:brochure-reader:document:glioma", "selector": {
            "type": "FragmentSelector", "value": "page=3&viewrect=0,250.5,300,100"}},
        "created": "2026-05-01T12:00:00+02:00",
    }
    first = import_data(store, item)
    assert len(first.added) == 1
    b = store.get(first.added[0])
    assert (b.doc_id, b.page, b.y, b.note) == ("glioma", 3, 250.5, "Ask about this at the clinic")
    assert b.created.utcoffset() == timedelta(0) and b.created.hour == 10
    second = import_data(store, [item])
    assert second.added == [] and len(store.bookmarks()) == 1  # same stable id: no duplicate


@pytest.mark.parametrize("data, message", [
    ({"type": "AnnotationCollection", "br:formatVersion": FORMAT_VERSION + 1, "first": {}},
     "newer version"),
    ({"type": "Person"}, "does not hold Web Annotations"),
    (42, "does not hold Web Annotations"),
    ({"type": "AnnotationCollection", "first": "https://example.org/page1"}, "elsewhere"),
])
def test_whole_files_that_are_refused(store, data, message):
    with pytest.raises(ExchangeError, match=message):
        import_data(store, data)
    assert store.bookmarks() == []


def test_unreadable_files_are_refused(store, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "AnnotationCollection", ', encoding="utf-8")
    with pytest.raises(ExchangeError, match="not valid JSON"):
        import_file(store, bad)
    binary = tmp_path / "bin.json"
    binary.write_bytes(b"\xff\xfe\x00garbage\x80")
    with pytest.raises(ExchangeError):
        import_file(store, binary)


def test_collection_with_several_embedded_pages(store, other):
    fill(store)
    items = export_document(store.bookmarks())["first"]["items"]
    data = {"type": "AnnotationCollection", "first": {
        "type": "AnnotationPage", "items": items[:1], "next": {
            "type": "AnnotationPage", "items": items[1:]}}}
    assert len(import_data(other, data).added) == 3
