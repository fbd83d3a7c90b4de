"""Issue 15, item 11: the CLI reads imported documents in a worker process, so a file that
crashes MuPDF fails only itself: ``list`` shows the others with one warning, ``export`` is one
error line; the bundled pack (built by us) is still read in-process.

The crash is real: a ``sitecustomize`` on the workers' PYTHONPATH kills the worker process
(``os._exit``) when it reads a file named ``crash-me.pdf``; this test's own process is not
affected, so on the old code (everything in-process) nothing crashes and the test fails.
"""

from __future__ import annotations

import os
import shutil

import pytest

from brochure_reader.cli import main
from tests.conftest import REPO

HOOK = '''
import os
if os.environ.get("BROCHURE_READER_TEST_CRASH_ON"):
    import brochure_reader.pdf.document as _document
    _real = _document.document_info
    def _crashing(path, *args, **kwargs):
        if str(path).endswith(os.environ["BROCHURE_READER_TEST_CRASH_ON"]):
            os._exit(70)  # as a MuPDF crash would end the process
        return _real(path, *args, **kwargs)
    _document.document_info = _crashing
'''


@pytest.fixture
def crash_me(app_paths, corpus, tmp_path, monkeypatch, capsys):
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(HOOK, encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", f"{hook}{os.pathsep}{REPO / 'src'}")
    monkeypatch.setenv("BROCHURE_READER_TEST_CRASH_ON", "crash-me.pdf")
    source = tmp_path / "crash-me.pdf"
    shutil.copy(corpus / "pysample__minimal-document.pdf", source)
    assert main(["import", str(source)]) == 0
    capsys.readouterr()
    return source


def test_list_survives_a_worker_crash_on_an_imported_file(crash_me, capsys):
    assert main(["list"]) == 0
    captured = capsys.readouterr()
    assert "acute-lymphoblastic-leukaemia" in captured.out  # bundled: read in-process
    assert "crash-me" in captured.out and "cannot be opened" in captured.out
    [line] = captured.err.strip().splitlines()
    assert "crash-me" in line and "stopped the reader's document worker" in line


def test_export_of_a_file_that_crashes_its_worker_is_one_line(crash_me, capsys, tmp_path):
    out = tmp_path / "out.pdf"
    assert main(["export", "crash-me", "--out", str(out)]) == 1
    [line] = capsys.readouterr().err.strip().splitlines()
    assert "stopped the reader's document worker" in line
    assert not out.exists()
