"""Issue 15, item 6: a full disk.  Reads keep working, failed writes leave nothing behind, and
the search index (a cache) never takes the last space from the user's own data.

Each test runs on a real small file system (tmpfs, :func:`tests.disk_support.small_disk`; skipped
with the reason where it cannot be mounted), so the kernel itself says "no space left".
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from brochure_reader.cli import main
from tests.disk_support import fill, small_disk

DOC = "acute-lymphoblastic-leukaemia"


@pytest.fixture
def disk(temp_home, monkeypatch):
    """The portable home on its own 24 MB file system (the index's reserve scaled to 2 MB)."""
    from brochure_reader.search import index

    monkeypatch.setattr(index, "RESERVE_BYTES", 2_000_000, raising=False)
    with small_disk(temp_home, "24m") as folder:
        yield folder


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Error" not in lines[0] and "Traceback" not in err
    return lines[0]


def test_bookmarks_are_listed_on_a_full_disk_and_a_write_is_one_line(disk, capsys):
    assert main(["bookmarks", "add", DOC, "--note", "ask about the second cycle"]) == 0
    filler = fill(disk)
    assert main(["bookmarks", "list"]) == 0
    captured = capsys.readouterr()
    assert "ask about the second cycle" in captured.out
    assert "disk is full" in captured.err
    assert main(["bookmarks", "add", f"{DOC}#sources"]) == 1
    assert "disk is full" in _one_line(capsys.readouterr().err)
    filler.unlink()
    assert main(["bookmarks", "add", f"{DOC}#sources"]) == 0  # space again: writable again


def test_search_on_a_full_disk_uses_the_index_and_never_deletes_it(disk, capsys):
    assert main(["index", "--quiet"]) == 0
    index = disk / "cache" / "search-index.sqlite3"
    size = index.stat().st_size
    fill(disk)
    capsys.readouterr()
    assert main(["search", "leukaemia"]) == 0
    captured = capsys.readouterr()
    assert "Acute lymphoblastic leukaemia" in captured.out
    assert "the disk is full" not in captured.err
    assert index.stat().st_size == size


@pytest.mark.parametrize("command", [
    ["export", DOC, "--pages", "1-2", "--out"],
    ["handout", DOC, "--out"],
    ["bookmarks", "export"],  # the reading list as a PDF
])
def test_a_failed_write_leaves_no_file_and_keeps_the_old_one(disk, command, capsys):
    if command[0] == "bookmarks":
        assert main(["bookmarks", "add", DOC]) == 0
    new, old = disk / "new.pdf", disk / "old.pdf"
    old.write_bytes(b"%PDF-1.4 the user's earlier file")
    fill(disk)
    capsys.readouterr()
    before = {p.name for p in disk.iterdir()}
    for target in (new, old):
        assert main([*command, str(target)]) == 1
        assert "disk is full" in _one_line(capsys.readouterr().err)
    assert not new.exists()
    assert old.read_bytes() == b"%PDF-1.4 the user's earlier file"
    assert {p.name for p in disk.iterdir()} == before  # no temporary file left behind


def test_the_index_leaves_its_reserve_for_the_users_data(disk, monkeypatch, capsys):
    from brochure_reader.search import index

    monkeypatch.setattr(index, "RESERVE_BYTES", 4_000_000, raising=False)
    fill(disk, leave=4_500_000)
    assert main(["index"]) == 1
    assert "not enough free disk space" in _one_line(capsys.readouterr().err)
    assert shutil.disk_usage(disk).free >= 4_000_000
    assert main(["bookmarks", "add", DOC]) == 0  # the user's data still has its space


def test_the_wal_is_cut_back_after_a_build_a_reader_held_open(app_paths, monkeypatch):
    """The GUI keeps a search connection open for the whole session, so the WAL is never
    deleted on close: it must be cut back rather than stay as large as the biggest build."""
    from brochure_reader.library.catalogue import Library
    from brochure_reader.search import index as index_module
    from brochure_reader.search.builder import build_index, specs_from_library
    from brochure_reader.search.index import SearchIndex, index_path

    limit = 64 * 1024
    monkeypatch.setattr(index_module, "WAL_LIMIT_BYTES", limit, raising=False)
    path = index_path(app_paths.cache)
    SearchIndex.open(path).close()
    reader = sqlite3.connect(path)

    def progress(done, total, title):
        if done == 1:
            reader.execute("BEGIN")
            reader.execute("SELECT count(*) FROM segments").fetchone()  # holds a snapshot
        if done == 3:
            reader.execute("COMMIT")

    build_index(path, specs_from_library(Library.load(app_paths)), progress=progress)
    wal = Path(f"{path}-wal")
    assert wal.exists()  # the reader still holds the database open
    assert wal.stat().st_size <= limit
    reader.close()
