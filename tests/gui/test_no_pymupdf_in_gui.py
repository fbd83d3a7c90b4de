"""PyMuPDF never runs in the GUI process (DESIGN rule 2): importing every ui module, and taking
results of worker jobs back (which unpickles their classes), leaves it out of sys.modules.

Each check runs in a fresh interpreter, so what other tests imported does not count.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _run(code: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join([str(REPO / "src"), str(REPO)]))
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, timeout=240, env=env, cwd=REPO)


def test_importing_every_ui_module_leaves_pymupdf_out():
    result = _run("""
        import importlib, pkgutil, sys
        import brochure_reader.ui as ui
        names = [m.name for m in pkgutil.walk_packages(ui.__path__, "brochure_reader.ui.")]
        for name in names:
            importlib.import_module(name)
        loaded = sorted(m for m in ("pymupdf", "fitz") if m in sys.modules)
        print(len(names), "modules;", "loaded:", loaded)
        assert len(names) >= 20, names
        assert not loaded, loaded
    """)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.corpus
def test_job_results_come_back_without_pymupdf(corpus):
    pdf = corpus / "pysample__minimal-document.pdf"
    if not pdf.is_file():
        pytest.skip(f"{pdf.name} is not in the corpus")
    result = _run(f"""
        import sys
        from brochure_reader.bookmarks import quotes
        from brochure_reader.pdf import jobs
        from brochure_reader.pdf.worker import WorkerPool
        pool = WorkerPool(1)
        try:
            path = {str(pdf)!r}
            info = pool.submit(jobs.document_info, path, None).result(timeout=120)
            pixels = pool.submit(jobs.render_page, path, None, 0, 0.5).result(timeout=120)
            quote = pool.submit(quotes.quote_at, path, None, 0, 0.0).result(timeout=120)
        finally:
            pool.shutdown()
        assert info.page_count >= 1 and pixels[0] > 0, (info, pixels[:3])
        print(type(info).__module__, type(quote).__module__)
        loaded = sorted(m for m in ("pymupdf", "fitz") if m in sys.modules)
        assert not loaded, loaded
    """)
    assert result.returncode == 0, result.stdout + result.stderr
