"""Fuzzing (issue 15): corpus PDFs with mutated bytes go through import validation, the
document's info and outline, rendering page 1, page words, indexing and search, all in a worker
process as the app does it.  Nothing may crash the worker, and every failure must be a
DocumentError in words (never a raw MuPDF exception: it could not cross the process boundary
and would reach the user as a class name).  A failing example becomes a regression test below.

Bounded for CI (``FUZZ_EXAMPLES``, default 20, well under 60 s).  A long run::

    BROCHURE_READER_FUZZ_EXAMPLES=2000 QT_QPA_PLATFORM=offscreen \\
        python -m pytest tests/corpus/test_fuzz_documents.py -p no:cacheprovider
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brochure_reader.errors import UserError
from brochure_reader.pdf import jobs
from brochure_reader.pdf.worker import WorkerCrashed, WorkerPool

FUZZ_EXAMPLES = int(os.environ.get("BROCHURE_READER_FUZZ_EXAMPLES", "20"))
#: Small, varied corpus files (outline, labels, fonts, images, damaged xref, links).
SEEDS = ("pysample__pdflatex-outline.pdf", "pdfminer__pagelabels-duplicate.pdf",
         "pdfjs__outline-with-url.pdf", "pymupdf__circular-outline.pdf",
         "pdfminer__zen-corrupted-xref.pdf", "pysample__tiny-pages-images.pdf")


@pytest.fixture(scope="module")
def pool():
    pool = WorkerPool(1)
    yield pool
    pool.shutdown()


def _call(pool, fn, *args):
    """The job's result, or None when it refused the file in words; fails on anything else."""
    try:
        return pool.submit(fn, *args).result(timeout=120)
    except WorkerCrashed as exc:
        pytest.fail(f"{fn.__name__} crashed the worker: {exc}")
    except UserError:
        return None
    except Exception as exc:  # exactly what the test looks for
        pytest.fail(f"{fn.__name__} raised {type(exc).__name__} instead of words: {exc}")


def run_pipeline(pool, path, db) -> None:
    from brochure_reader.search.builder import DocSpec, index_document_job
    from brochure_reader.search.engine import Searcher
    from brochure_reader.search.index import SearchIndex

    if _call(pool, jobs.validate, str(path)) is None:
        return
    info = _call(pool, jobs.document_info, str(path), None)
    if info is None:
        return
    _call(pool, jobs.render_page, str(path), None, 0, 0.5)
    _call(pool, jobs.page_content, str(path), None, 0, (60, 80))  # the page view's job
    spec = DocSpec("fuzzed", "Fuzzed document", str(path))
    _call(pool, index_document_job, str(db), spec, True)
    index = SearchIndex.open(db)
    try:
        Searcher(index).search("the page")
    finally:
        index.close()


def _mutate(data: bytes, edits: list[tuple[float, int]], cut: float | None) -> bytes:
    buf = bytearray(data)
    for where, value in edits:
        buf[int(where * (len(buf) - 1))] = value
    if cut is not None:
        buf = buf[: max(1, int(cut * len(buf)))]
    return bytes(buf)


@pytest.mark.slow
@settings(max_examples=FUZZ_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(seed=st.sampled_from(SEEDS),
       edits=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), min_size=1, max_size=40),
       cut=st.none() | st.floats(0.05, 1))
def test_mutated_corpus_documents_never_crash(pool, corpus, tmp_path_factory, seed, edits, cut):
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "fuzzed.pdf"
    path.write_bytes(_mutate((corpus / seed).read_bytes(), edits, cut))
    run_pipeline(pool, path, folder / "index.sqlite3")
