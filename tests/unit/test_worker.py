from __future__ import annotations

import pytest

from brochure_reader.pdf.worker import WorkerCrashed, WorkerPool, crash_for_test


def test_crashing_worker_fails_the_call_and_the_pool_recovers(corpus):
    pool = WorkerPool(1)
    try:
        with pytest.raises(WorkerCrashed, match="could not be opened"):
            pool.submit(crash_for_test).result(timeout=60)
        info = pool.submit(
            "document:document_info", str(corpus / "pysample__minimal-document.pdf"), None
        ).result(timeout=60)
        assert info.page_count == 1
        assert pool.restarts == 1
    finally:
        pool.shutdown()
