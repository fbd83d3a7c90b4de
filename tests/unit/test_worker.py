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


def test_quitting_while_a_worker_is_stuck_neither_hangs_nor_prints_a_traceback():
    """A job that never ends (MuPDF stuck on a page) must not keep the app from quitting:
    shutdown terminates that worker after its timeout, and the interpreter exits silently
    (CPython < 3.12 could print "OSError: Bad file descriptor" from a pool at exit)."""
    import subprocess
    import sys

    script = (
        "import time\n"
        "from brochure_reader.pdf.worker import WorkerPool\n"
        "pool = WorkerPool(1)\n"
        "assert pool.submit(int, 7).result(timeout=60) == 7\n"
        "stuck = pool.submit(time.sleep, 600)\n"
        "time.sleep(0.5)\n"
        "pool.shutdown(timeout=1.0)\n"
        "print('done')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60)  # without the terminate step this waits 600 s
    assert result.returncode == 0 and result.stdout.strip() == "done"
    assert "Traceback" not in result.stderr, result.stderr
