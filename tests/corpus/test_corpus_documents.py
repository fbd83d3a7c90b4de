"""Every corpus file either opens or gets a clear message; none crashes or hangs the reader.

Files are opened through the worker pool the GUI uses, so a MuPDF crash would surface as
WorkerCrashed (a clear message) instead of killing the test run.
"""

from __future__ import annotations

import re

import pytest

from brochure_reader.library import Library
from brochure_reader.library.imports import import_files
from brochure_reader.pdf import jobs
from brochure_reader.pdf.document import validate
from brochure_reader.pdf.errors import DocumentError, PasswordRequired
from brochure_reader.pdf.worker import WorkerPool


@pytest.fixture(scope="module")
def pool():
    pool = WorkerPool(2)
    yield pool
    pool.shutdown()


def _password(hard_case: str) -> str | None:
    match = re.search(r'(?:user )?password(?: is the non-ASCII string)? "([^"]+)"', hard_case)
    return match.group(1) if match else None


def test_every_corpus_file_opens_or_fails_clearly(pool, corpus, manifest):
    outcomes = {}
    for row in manifest:
        path = corpus.parent / row["file"]
        password = _password(row["hard_case"]) if "password" in row["hard_case"] else None
        future = pool.submit(jobs.document_info, str(path), password)
        try:
            info = future.result(timeout=90)
            assert info.page_count >= 1 and len(info.sizes) == info.page_count
            outcomes[row["file"]] = "opened"
        except PasswordRequired as exc:
            outcomes[row["file"]] = f"password: {exc}"
        except DocumentError as exc:
            message = str(exc)
            assert message and "Traceback" not in message
            outcomes[row["file"]] = f"refused: {message}"
    opened = [f for f, o in outcomes.items() if o == "opened"]
    refused = {f: o for f, o in outcomes.items() if o != "opened"}
    assert len(opened) >= 70, refused
    assert all(
        "invalid" in f or "without-kids" in f or "no-pages" in f or "password" in o or "zero" in f
        for f, o in refused.items()
    ), refused


def test_import_good_and_bad_corpus_files(app_paths, corpus):
    library = Library.load(app_paths)
    files = [
        corpus / "pdfminer__jo_春と修羅.pdf",
        corpus / "pypdf__test Orient.pdf",
        corpus / "pymupdf__rivals-epub3.epub",
        corpus / "pdfjs__invalid-184-bytes.pdf",
        corpus / "pysample__password-openpassword.pdf",
    ]
    before = {p.name for p in files}
    results = import_files(library, files, validate)
    status = {r.source.name: r.status for r in results}
    assert status["pdfjs__invalid-184-bytes.pdf"] == "error"
    assert sum(s == "added" for s in status.values()) == 4  # encrypted files are accepted
    again = import_files(library, [corpus / "pypdf__test Orient.pdf"], validate)
    assert again[0].status == "duplicate" and "already in the library" in again[0].message
    reloaded = Library.load(app_paths)
    titles = {d.path.name for d in reloaded.documents() if d.removable}
    assert len(titles) == 4
    assert any("春と修羅" in d.summary for d in reloaded.documents())
    assert {p.name for p in files} == before and all(p.exists() for p in files)  # originals kept


def test_wrong_file_leaves_library_unchanged(app_paths, tmp_path):
    library = Library.load(app_paths)
    text = tmp_path / "letter.txt"
    text.write_text("Dear doctor", encoding="utf-8")
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"%PDF-1.4 nothing else")
    results = import_files(library, [text, fake, tmp_path / "missing.pdf"], validate)
    assert [r.status for r in results] == ["error", "error", "error"]
    assert "not a supported document type" in results[0].message
    assert not (app_paths.user_pack / "pack.toml").exists()
