"""Index storage and building: rows per section, incremental updates, damaged files."""

from __future__ import annotations

import os
import shutil
import sqlite3

import pytest

from brochure_reader.search.builder import (
    DocSpec,
    build_index,
    index_document_job,
    prune_job,
    segments_of,
)
from brochure_reader.search.index import SCHEMA_VERSION, SearchIndex, index_path
from tests.search_helpers import (
    SAMPLE_LIBRARY,
    make_pdf,
    sample_index_path,
    sample_pack,
    sample_specs,
)

__all__ = ["sample_index_path", "sample_pack"]  # fixtures used below


@pytest.fixture
def index_copy(sample_index_path, tmp_path):
    path = tmp_path / "index.sqlite3"
    shutil.copy(sample_index_path, path)
    return path


def rows(path) -> list[tuple]:
    db = sqlite3.connect(path)
    try:
        return db.execute(
            "SELECT doc_id, page_no, section_title, section_ref FROM segments ORDER BY id"
        ).fetchall()
    finally:
        db.close()


def test_index_lives_in_the_cache_dir(app_paths):
    assert index_path(app_paths.cache).parent == app_paths.cache


def test_one_row_per_page_section_with_1_based_pages(sample_index_path):
    found = rows(sample_index_path)
    aml = [r for r in found if r[0] == "s-aml"]
    # four sections on page 1 of the AML document, each its own row
    assert aml == [
        ("s-aml", 1, "Key points", "s-aml#key-points"),
        ("s-aml", 1, "Blood tests", "s-aml#blood-tests"),
        ("s-aml", 1, "Bleeding and tiredness", "s-aml#bleeding-and-tiredness"),
        ("s-aml", 1, "Infection", "s-aml#infection"),
    ]


def test_sections_follow_pages(tmp_path):
    path = make_pdf(tmp_path / "long.pdf", [("First", "word " * 2000), ("Second", "end text")],
                    new_page_per_section=True)
    from brochure_reader.search.extract import extract_document

    segments = segments_of(DocSpec("long", "Long", str(path)), extract_document(path))
    pages = {(s.page, s.section_title) for s in segments}
    assert (0, "First") in pages and (1, "First") in pages  # body continues on page 2
    assert max(p for p, t in pages if t == "Second") == max(p for p, _t in pages)


def test_text_before_the_first_heading_has_no_section(tmp_path):
    path = make_pdf(tmp_path / "a.pdf", [(None, "Cover words here."), ("Heading", "Body.")])
    from brochure_reader.search.extract import extract_document

    segments = segments_of(DocSpec("a", "A", str(path)), extract_document(path))
    assert (segments[0].section_title, segments[0].section_ref) == (None, None)
    assert segments[0].text == "Cover words here."
    assert segments[1].section_ref == "a#heading"


def test_incremental_update(sample_pack, tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(sample_pack, pack)
    specs = sample_specs(pack)
    db = tmp_path / "i.sqlite3"
    first = build_index(db, specs)
    assert sorted(first.indexed) == ["s-aml", "s-eating", "s-glioma"]

    again = build_index(db, specs)
    assert again.indexed == [] and sorted(again.unchanged) == ["s-aml", "s-eating", "s-glioma"]

    # same bytes, new modification time: the hash says unchanged
    os.utime(pack / "s-aml.pdf", (1_000_000, 1_000_000))
    assert build_index(db, specs).indexed == []

    # new content: only that document is read again
    make_pdf(pack / "s-glioma.pdf", [("Only heading", "Completely new words about astrocytoma.")])
    report = build_index(db, specs)
    assert report.indexed == ["s-glioma"]
    assert ("s-glioma", 1, "Only heading", "s-glioma#only-heading") in rows(db)

    # a new title re-indexes too (the title is searchable)
    renamed = [s if s.doc_id != "s-eating" else DocSpec("s-eating", "Food", s.path, s.category)
               for s in specs]
    assert build_index(db, renamed).indexed == ["s-eating"]

    # documents that left the library leave the index
    report = build_index(db, renamed[:1])
    assert sorted(report.removed) == ["s-eating", "s-glioma"]
    assert {r[0] for r in rows(db)} == {"s-aml"}

    # the row and length totals kept for ranking match a full count after all of that
    with SearchIndex.open(db) as index:
        count, average = index.db.execute(
            "SELECT count(*), avg(length(text)) FROM segments").fetchone()
        assert index.size() == (count, pytest.approx(average))


def test_force_reads_everything_again(index_copy, sample_pack):
    report = build_index(index_copy, sample_specs(sample_pack), force=True)
    assert sorted(report.indexed) == ["s-aml", "s-eating", "s-glioma"]


def test_progress_and_cancel(sample_pack, tmp_path):
    calls = []
    report = build_index(tmp_path / "i.sqlite3", sample_specs(sample_pack),
                         progress=lambda *a: calls.append(a))
    assert calls == [(1, 3, "Acute myeloid leukaemia"), (2, 3, "Eating well"), (3, 3, "Glioma")]
    assert not report.cancelled

    calls.clear()
    report = build_index(tmp_path / "j.sqlite3", sample_specs(sample_pack),
                         progress=lambda *a: calls.append(a), cancelled=lambda: len(calls) >= 1)
    assert report.cancelled and report.indexed == ["s-aml"] and len(calls) == 1
    # what was done stays indexed; the next run carries on
    report = build_index(tmp_path / "j.sqlite3", sample_specs(sample_pack))
    assert report.unchanged == ["s-aml"] and sorted(report.indexed) == ["s-eating", "s-glioma"]


def test_unreadable_document_is_remembered_not_retried(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7 this is not really a PDF")
    spec = DocSpec("bad", "Bad", str(bad))
    db = tmp_path / "i.sqlite3"
    report = build_index(db, [spec])
    assert list(report.failed) == ["bad"] and "could not be opened" in report.failed["bad"]
    again = build_index(db, [spec])
    assert again.failed == {} and again.unchanged == ["bad"]


def test_missing_file_fails_without_raising(tmp_path):
    report = build_index(tmp_path / "i.sqlite3", [DocSpec("gone", "Gone", str(tmp_path / "x.pdf"))])
    assert "gone" in report.failed


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_bytes(b"this is not a database at all" * 100),
        lambda p: p.write_bytes(p.read_bytes()[:3000]),
        lambda p: sqlite3.connect(p).execute("PRAGMA user_version = 1").connection.commit(),
        lambda p: sqlite3.connect(p).execute("DROP TABLE meta").connection.commit(),
    ],
    ids=["garbage", "truncated", "old-version", "missing-table"],
)
def test_damaged_or_foreign_index_is_rebuilt(index_copy, damage):
    damage(index_copy)
    index = SearchIndex.open(index_copy)
    try:
        assert index.rebuilt_reason
        assert index.documents() == {}
        assert index.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        index.close()


def test_healthy_index_is_kept(index_copy):
    with SearchIndex.open(index_copy) as index:
        assert index.rebuilt_reason == ""
        assert sorted(index.documents()) == ["s-aml", "s-eating", "s-glioma"]
        stats = index.stats()
    assert stats["documents"] == 3 and stats["segments"] == len(rows(index_copy))
    assert stats["bytes"] > 0


def test_worker_entry_points_in_process(sample_pack, tmp_path):
    db = str(tmp_path / "w.sqlite3")
    specs = sample_specs(sample_pack)
    assert index_document_job(db, specs[0]) == ("indexed", "")
    assert index_document_job(db, specs[0]) == ("unchanged", "")
    assert prune_job(db, []) == ["s-aml"]


@pytest.mark.slow
def test_index_job_runs_in_a_worker_process(sample_pack, tmp_path):
    from brochure_reader.pdf.worker import WorkerPool

    db = str(tmp_path / "w.sqlite3")
    pool = WorkerPool(1)
    try:
        status = pool.submit(index_document_job, db, sample_specs(sample_pack)[1]).result(60)
    finally:
        pool.shutdown()
    assert status == ("indexed", "")
    assert {r[0] for r in rows(db)} == {"s-eating"}


def test_sample_library_titles_match_helpers():
    assert [d[0] for d in SAMPLE_LIBRARY] == ["s-aml", "s-eating", "s-glioma"]
