"""``brochure-reader bookmarks …`` commands, run in-process."""

from __future__ import annotations

import json
import re
import shutil

import jsonschema
import pymupdf
import pytest

from brochure_reader.bookmarks import BookmarkStore
from brochure_reader.cli import main
from tests.helpers import write_pack
from tests.unit.bookmark_support import QUESTIONS, make_brochure, standard_sections
from tests.unit.test_bookmarks_exchange import documented_schema


@pytest.fixture
def demo(app_paths, tmp_path):
    """A library with one brochure ``demo`` (version 1) in a user pack; returns its PDF path."""
    pdf = tmp_path / "demo.pdf"
    make_brochure(pdf, standard_sections(1), "Demo")
    folder = write_pack(app_paths.user_packs / "demo", "demo-pack", {"demo": pdf})
    return folder / "demo.pdf"


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def listed(capsys) -> dict:
    code, out, _err = run(capsys, "bookmarks", "list", "--json")
    assert code == 0
    return json.loads(out)


def test_add_section_and_document(demo, capsys):
    code, out, err = run(capsys, "bookmarks", "add", "demo#fever", "--label", "Fever plan",
                         "--note", "Call the line", "--collection", "For Tuesday",
                         "--colour", "pink")
    assert code == 0, err
    assert re.match(r"Added bookmark [0-9a-f]{8} 'Fever plan' \(demo, page 1, Fever\)", out)
    code, out, err = run(capsys, "bookmarks", "add", "demo")
    assert code == 0, err
    data = listed(capsys)
    jsonschema.validate(data, documented_schema("list"))
    whole, fever = data["bookmarks"]  # ordered by page, then y
    assert (whole["label"], whole["page"], whole["y"], whole["section"]) == \
        ("Title of demo", 1, 0.0, "")
    assert fever["label"] == "Fever plan" and fever["section"] == "demo#fever"
    assert fever["note"] == "Call the line" and fever["collections"] == ["For Tuesday"]
    assert fever["colour"] == "#f28cb1" and fever["needs_attention"] is False
    # stored at the section's position as the library reports it, with the text there
    from brochure_reader.bookmarks.quotes import quote_at
    from brochure_reader.cli import Context
    from brochure_reader.library.sections import find_section

    ctx = Context(None)
    doc = ctx.library.get("demo")
    section = find_section(ctx.document_sections(doc)[1], "fever")
    assert (fever["page"], fever["y"]) == (section.page + 1, round(section.y, 2))
    assert fever["quote"]["exact"] == quote_at(str(doc.path), None, section.page, section.y).exact
    assert fever["quote"]["exact"]
    assert len(fever["content_hash"]) == 64
    assert data["collections"] == [{"name": "For Tuesday", "count": 1}]


@pytest.mark.parametrize("argv, message", [
    (["bookmarks", "add", "nope"], "No document with id 'nope'"),
    (["bookmarks", "add", "demo#nope"], "'demo' has no section 'nope'"),
    (["bookmarks", "add", "demo", "--colour", "mauve"], "Unknown colour 'mauve'"),
    (["bookmarks", "remove", "zzzzzz"], "No bookmark with id 'zzzzzz'"),
    (["bookmarks", "export", "x.json", "--collection", "Nope"], "no collection called 'Nope'"),
    (["bookmarks", "questions", "tick", "99"], "There is no question 99"),
    (["bookmarks", "questions", "add-from", "nope"], "No document with id 'nope'"),
])
def test_errors_are_one_line(demo, capsys, argv, message):
    code, _out, err = run(capsys, *argv)
    assert code == 1
    errors = [line for line in err.splitlines() if ": error: " in line]
    assert len(errors) == 1 and message in errors[0]
    assert "Traceback" not in err


def test_human_list_and_remove_by_short_id(demo, capsys):
    run(capsys, "bookmarks", "add", "demo#treatment", "--note", "first line\nsecond")
    code, out, _ = run(capsys, "bookmarks", "list")
    assert code == 0
    assert "Title of demo [demo]" in out and "Treatment" in out and "note: first line" in out
    short = re.search(r"^\s+([0-9a-f]{8})\s+p\. 1\s+Treatment", out, re.M).group(1)
    code, out, _ = run(capsys, "bookmarks", "remove", short)
    assert code == 0 and out.startswith(f"Removed bookmark {short} 'Treatment'")
    assert listed(capsys)["bookmarks"] == []


def test_export_json_and_pdf_then_import(demo, capsys, tmp_path, app_paths):
    run(capsys, "bookmarks", "add", "demo#fever", "--collection", "Tuesday", "--note", "N1")
    run(capsys, "bookmarks", "add", "demo#side-effects")
    out_json = tmp_path / "all.json"
    code, out, _ = run(capsys, "bookmarks", "export", str(out_json))
    assert code == 0 and out == f"Exported 2 bookmarks to {out_json}\n"
    jsonschema.validate(json.loads(out_json.read_text()), documented_schema("export"))
    out_pdf = tmp_path / "tuesday.pdf"
    code, out, _ = run(capsys, "bookmarks", "export", str(out_pdf), "--collection", "tuesday")
    assert code == 0 and "Wrote 1 bookmark to" in out
    with pymupdf.open(out_pdf) as doc:
        text = " ".join(doc[0].get_text().split())
    assert "tuesday" in text and "Fever" in text and "N1" in text and "Side effects" not in text

    code, out, _ = run(capsys, "bookmarks", "import", str(out_json))
    assert code == 0 and out.splitlines()[0] == "0 added, 0 updated, 2 skipped"
    shutil.rmtree(app_paths.data)
    code, out, _ = run(capsys, "bookmarks", "import", str(out_json))
    assert out.splitlines() == ["2 added, 0 updated, 0 skipped"]
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2", encoding="utf-8")
    code, _out, err = run(capsys, "bookmarks", "import", str(bad))
    assert code == 1 and "not valid JSON" in err


def test_list_reanchors_after_the_document_changed(demo, capsys):
    run(capsys, "bookmarks", "add", "demo#fever")
    run(capsys, "bookmarks", "add", "demo#treatment")
    before = {b["label"]: b for b in listed(capsys)["bookmarks"]}
    make_brochure(demo, standard_sections(2), "Demo")  # a new version of the pack's file
    code, out, err = run(capsys, "bookmarks", "list", "--json")
    assert code == 0
    assert "demo: 2 bookmark(s) checked against the new version" in err
    after = {b["label"]: b for b in json.loads(out)["bookmarks"]}
    assert after["Fever"]["y"] != before["Fever"]["y"]
    assert after["Fever"]["content_hash"] != before["Fever"]["content_hash"]
    assert not after["Fever"]["needs_attention"]
    code, out, err = run(capsys, "bookmarks", "list")
    assert "checked against" not in err  # already done


def test_questions_commands(demo, capsys, tmp_path):
    code, out, _ = run(capsys, "bookmarks", "questions")
    assert code == 0 and out.startswith("  1. [ ] What is the aim of my treatment?")
    code, out, _ = run(capsys, "bookmarks", "questions", "add-from", "demo")
    assert code == 0 and out.startswith("Added 3 questions from 'Title of demo'")
    code, out, _ = run(capsys, "bookmarks", "questions", "add-from", "demo")
    assert "(3 already in your list)" in out
    run(capsys, "bookmarks", "questions", "add", "Can", "my", "sister", "come?")
    run(capsys, "bookmarks", "questions", "tick", "2")
    run(capsys, "bookmarks", "questions", "move", "13", "1")
    run(capsys, "bookmarks", "questions", "remove", "3")
    code, out, _ = run(capsys, "bookmarks", "questions", "list", "--json")
    data = json.loads(out)
    assert data["version"] == 1
    items = data["questions"]
    assert items[0]["text"] == "Can my sister come?" and items[0]["source"] == "own"
    assert [q["text"] for q in items if q["source"] == "demo"] == QUESTIONS
    assert [q["number"] for q in items] == list(range(1, len(items) + 1))
    assert len(items) == 12
    pdf = tmp_path / "questions.pdf"
    code, out, _ = run(capsys, "bookmarks", "questions", "pdf", str(pdf))
    assert code == 0 and "(one page)" in out
    with pymupdf.open(pdf) as doc:
        assert doc.page_count == 1 and "Can my sister come?" in doc[0].get_text()


def test_store_messages_are_warnings(demo, capsys, app_paths):
    shutil.copyfile(__import__("pathlib").Path(__file__).parents[1] / "fixtures" / "bookmarks"
                    / "v1.sqlite3", app_paths.data / "bookmarks.sqlite3")
    code, out, err = run(capsys, "bookmarks", "list", "--json")
    assert code == 0
    assert "warning: Your bookmarks were updated to format" in err
    assert len(json.loads(out)["bookmarks"]) == 3
    with BookmarkStore.open(app_paths) as store:
        assert store.messages == []
