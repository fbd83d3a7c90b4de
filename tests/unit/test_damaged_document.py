"""Issue 15, item 2: one document with a damaged page tree (a cycle) does not break the others."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from brochure_reader.cli import main
from tests.helpers import write_pack

#: A page tree whose second kid is a /Pages node listing itself: "cycle in page tree".
CYCLE = b"""%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
4 0 obj << /Type /Pages /Parent 2 0 R /Kids [4 0 R] /Count 1 >> endobj
trailer << /Root 1 0 R >>
%%EOF
"""


def test_document_info_reads_the_readable_pages_and_is_picklable(tmp_path):
    from brochure_reader.pdf.document import document_info

    path = tmp_path / "cycle.pdf"
    path.write_bytes(CYCLE)
    info = document_info(path)
    assert info.page_count == 2 and info.repaired
    assert pickle.loads(pickle.dumps(info)).sizes == info.sizes


def test_list_and_list_json_show_every_other_document(app_paths, corpus, tmp_path, capsys):
    cycle = tmp_path / "cycle.pdf"
    cycle.write_bytes(CYCLE)
    write_pack(app_paths.user_packs / "mixed", "mixed", {
        "broken": cycle, "geotopo": corpus / "pysample__GeoTopo-117pages.pdf"})
    assert main(["list", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    docs = {d["id"]: d for p in payload["packs"] for d in p["documents"]}
    assert docs["geotopo"]["pages"] == 117 and docs["broken"]["pages"] == 2
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "geotopo" in out and "acute-lymphoblastic-leukaemia" in out


def test_a_document_that_fails_in_any_way_is_one_warning(app_paths, monkeypatch, capsys):
    from brochure_reader import cli

    real = cli.Context.document_sections

    def flaky(self, doc):
        if doc.id == "acute-lymphoblastic-leukaemia":
            raise RuntimeError("code=7: cycle in page tree")
        return real(self, doc)

    monkeypatch.setattr(cli.Context, "document_sections", flaky)
    assert main(["list"]) == 0
    captured = capsys.readouterr()
    assert "cannot be opened" in captured.out and captured.out.count(" pages)") > 3
    assert captured.err.count("warning: acute-lymphoblastic-leukaemia") == 1
    assert "RuntimeError" not in captured.err


@pytest.fixture
def cycle_imported(app_paths, tmp_path, capsys):
    path = tmp_path / "cycle.pdf"
    path.write_bytes(CYCLE)
    assert main(["import", str(path)]) == 0
    capsys.readouterr()
    return path


def test_each_page_job_says_in_words_which_page_is_damaged(tmp_path):
    """Render, words, links and characters of the damaged page raise a DocumentError that
    pickles (it crosses the process boundary), page 1 works."""
    from brochure_reader.pdf.errors import DocumentError
    from brochure_reader.pdf.render import page_links, page_words, render_page
    from brochure_reader.pdf.textpage import page_blocks, page_chars

    path = str(tmp_path / "cycle.pdf")
    Path(path).write_bytes(CYCLE)
    assert render_page(path, None, 0, 1.0)[:2] == (200, 200)
    for job in (lambda p: render_page(path, None, p, 1.0), lambda p: page_words(path, None, p),
                lambda p: page_links(path, None, p), lambda p: page_chars(path, None, p),
                lambda p: page_blocks(path, None, p)):
        job(0)
        with pytest.raises(DocumentError, match=r"Page 2 of cycle\.pdf cannot be read") as info:
            job(1)
        assert "cycle in page tree" in str(pickle.loads(pickle.dumps(info.value)))


def test_index_export_handout_and_bookmarks_of_a_damaged_document(cycle_imported, capsys):
    assert main(["index"]) == 0
    captured = capsys.readouterr()
    assert "cycle" not in captured.err  # read: its readable page is indexed, no warning
    out = cycle_imported.parent / "out.pdf"
    assert main(["export", "cycle", "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert "Wrote 1 page" in captured.out and "1 page of cycle could not be read" in captured.err
    assert main(["export", "cycle", "--pages", "2", "--out", str(out.with_name("p2.pdf"))]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Page 2 of cycle.pdf cannot be read" in err
    assert not out.with_name("p2.pdf").exists()
    assert main(["handout", "cycle", "--out", str(out.with_name("h.pdf"))]) == 0
    assert "Page 2 of “cycle” could not be read (damaged) and was left out" in \
        capsys.readouterr().err
    assert main(["bookmarks", "add", "cycle#page-2", "--note", "ask"]) == 0
    assert main(["bookmarks", "add", "cycle"]) == 0
    assert main(["bookmarks", "list"]) == 0
    assert capsys.readouterr().out.count("cycle") >= 2
