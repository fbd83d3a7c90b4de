"""The command line: exit status 0 / 1 (one line on stderr) / 2 (usage), and `list --json`."""

from __future__ import annotations

import json

import pytest

from brochure_reader import __version__
from brochure_reader.authoring import parse_source
from brochure_reader.cli import main
from brochure_reader.paths import bundled_pack_dir


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_version(capsys):
    status, out, _err = run(capsys, "--version")
    assert status == 0 and out.strip() == f"brochure-reader {__version__}"


def test_list_json_schema_with_the_bundled_pack(capsys):
    status, out, _err = run(capsys, "list", "--json")
    assert status == 0
    data = json.loads(out)
    pack = next(p for p in data["packs"] if p["id"] == "brochure-reader-core")
    assert {"id", "title", "version", "documents"} <= set(pack)
    ids = {d["id"] for d in pack["documents"]}
    assert {"acute-myeloid-leukaemia", "acute-lymphoblastic-leukaemia", "glossary"} <= ids
    aml = next(d for d in pack["documents"] if d["id"] == "acute-myeloid-leukaemia")
    assert set(aml) == {"id", "title", "category", "pages", "reviewed", "sections"}
    aml_source = parse_source(bundled_pack_dir() / "sources" / "acute-myeloid-leukaemia.md")
    assert aml["pages"] >= 6 and aml["reviewed"] == aml_source.reviewed.isoformat()
    first = aml["sections"][0]
    assert set(first) == {"title", "ref", "page", "level", "children"}
    assert first["ref"] == "acute-myeloid-leukaemia#key-points" and first["page"] == 1

    def walk(sections):
        for s in sections:
            yield s
            yield from walk(s["children"])

    refs = [s["ref"] for s in walk(aml["sections"])]
    assert "acute-myeloid-leukaemia#what-flt3-means" in refs and len(refs) == len(set(refs))


@pytest.mark.parametrize(
    ("argv", "status", "words"),
    [
        (("open", "nosuch-doc"), 1, "not a command, a document id or a file"),
        (("bogus-command",), 1, "not a command, a document id or a file"),
        (("search", ""), 2, "the query is empty"),
        (("list", "--no-such-option"), 2, "unrecognized arguments"),
        (("bookmarks", "export", "/nonexistent-folder/b.json"), 1, "does not exist"),
        (("export", "acute-myeloid-leukaemia#no-such-section", "--out", "/tmp/x.pdf"), 1, ""),
    ],
)
def test_bad_input_gives_one_line_and_the_right_status(capsys, argv, status, words):
    got, _out, err = run(capsys, *argv)
    assert got == status
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines and "Traceback" not in err
    assert words in err
    if status == 1:
        assert len(lines) == 1 and lines[0].startswith("brochure-reader: error: ")


def test_import_a_folder_is_refused_and_the_library_unchanged(capsys, tmp_path, app_paths):
    status, _out, err = run(capsys, "import", str(tmp_path))
    assert status == 1 and "is a folder" in err
    assert not (app_paths.user_pack / "pack.toml").exists()


def test_gui_without_a_display_says_so(capsys, monkeypatch):
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    status, _out, err = run(capsys)
    assert status == 1 and "no graphical display" in err
