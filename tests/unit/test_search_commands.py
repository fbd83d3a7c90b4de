"""``brochure-reader search`` and ``brochure-reader index``."""

from __future__ import annotations

import json
import shutil

import pytest

from brochure_reader.cli import main
from tests.search_helpers import sample_pack

__all__ = ["sample_pack"]


@pytest.fixture
def library_home(app_paths, sample_pack):
    """The sample pack installed as a user pack in the temporary home."""
    shutil.copytree(sample_pack, app_paths.user_packs / "sample")
    return app_paths


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_search_json_schema(library_home, capsys):
    code, out, _err = run(capsys, "search", "vomiting", "--doc", "s-eating", "--json")
    assert code == 0
    hits = json.loads(out)
    assert hits[0] == {
        "document_id": "s-eating",
        "document_title": "Eating well",
        "section": "Feeling sick",
        "section_ref": "s-eating#feeling-sick",
        "page": 1,
        "snippet": hits[0]["snippet"],
        "score": hits[0]["score"],
        "match": "exact",
    }
    assert "**vomiting**" in hits[0]["snippet"]
    assert isinstance(hits[0]["score"], float)


def test_search_text_output_with_notes(library_home, capsys):
    code, out, _err = run(capsys, "search", "fatigeu", "--doc", "s-aml")
    assert code == 0
    assert "Showing results for 'fatigue'" in out
    assert "p. 1  Bleeding and tiredness  [s-aml#bleeding-and-tiredness]" in out


def test_search_words_without_quotes_and_limit(library_home, capsys):
    code, out, _err = run(capsys, "search", "tiredness", "OR", "chemotherapy", "--limit", "1",
                          "--json")
    assert code == 0 and len(json.loads(out)) == 1


def test_search_scopes(library_home, capsys):
    _code, out, _err = run(capsys, "search", "tiredness", "--doc", "s-glioma", "--json")
    assert {h["document_id"] for h in json.loads(out)} == {"s-glioma"}
    _code, out, _err = run(capsys, "search", "cells", "--category", "blood-cancers", "--json",
                           "--limit", "200")
    found = {h["document_id"] for h in json.loads(out)}
    assert "s-aml" in found and not found & {"s-eating", "s-glioma"}


def test_search_errors_are_one_line(library_home, capsys):
    code, _out, err = run(capsys, "search", "x", "--doc", "no-such-doc")
    assert code == 1 and "No document with id 'no-such-doc'" in err
    code, _out, err = run(capsys, "search", "x", "--category", "nope")
    assert code == 1 and "No category 'nope'" in err
    code, _out, err = run(capsys, "search", "x", "--limit", "0")
    assert code == 1 and "--limit" in err


def test_search_no_results(library_home, capsys):
    code, out, _err = run(capsys, "search", "qqqqzzzz")
    assert code == 0 and "No brochure covers this yet." in out and "care team" in out
    code, out, err = run(capsys, "search", "qqqqzzzz", "--json")
    assert json.loads(out) == [] and "No brochure covers this yet." in err


def test_search_json_says_the_kind_of_result(library_home, capsys):
    """Issue 18: each --json hit says the kind of result; --json-result gives the whole result
    (kind exact, expanded, corrected, partial or none, what was tried) as one object."""
    cases = {"vomiting": "exact", "exhausted": "expanded", "fatigeu": "corrected",
             "qqqqzzzz": "none"}
    for query, kind in cases.items():
        code, out, _err = run(capsys, "search", query, "--json-result")
        data = json.loads(out)
        assert code == 0 and data["kind"] == kind, (query, data)
        assert set(data) == {"query", "kind", "notes", "expansions", "suggestion",
                             "unknown_words", "definition", "hits"}
        if kind != "none":
            _code, out, _err = run(capsys, "search", query, "--json")
            assert {hit["match"] for hit in json.loads(out)} == {kind}
    data = json.loads(run(capsys, "search", "qqqqzzzz", "--json-result")[1])
    assert data["hits"] == [] and data["unknown_words"] == ["qqqqzzzz"]
    assert data["notes"][0] == "No brochure covers this yet."
    code, _out, err = run(capsys, "search", "x", "--json", "--json-result")
    assert code != 0 and "not allowed with" in err


def test_index_command_is_incremental(library_home, capsys):
    from brochure_reader.library import Library

    n = len(Library.load(library_home))  # the sample pack, plus the bundled pack once built
    assert n >= 3
    code, out, _err = run(capsys, "index")
    assert code == 0 and f"{n} indexed" in out
    code, out, _err = run(capsys, "index")
    assert f"0 indexed, {n} unchanged" in out
    code, out, _err = run(capsys, "index", "--rebuild")
    assert f"{n} indexed" in out
    assert (library_home.cache / "search-index.sqlite3").is_file()
