from __future__ import annotations

from pathlib import Path

import pytest

from brochure_reader.pdf import jobs
from brochure_reader.pdf.worker import WorkerCrashed, WorkerPool, crash_for_test

REPO = Path(__file__).resolve().parents[2]


def test_crashing_worker_fails_the_call_and_the_pool_recovers(corpus):
    pool = WorkerPool(1)
    try:
        with pytest.raises(WorkerCrashed, match="could not be opened"):
            pool.submit(crash_for_test).result(timeout=60)
        info = pool.submit(
            jobs.document_info, str(corpus / "pysample__minimal-document.pdf"), None
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
        "from tests import worker_jobs\n"
        "pool = WorkerPool(1)\n"
        "assert pool.submit(worker_jobs.echo, 7).result(timeout=60) == 7\n"
        "stuck = pool.submit(worker_jobs.sleep, 600)\n"
        "time.sleep(0.5)\n"
        "pool.shutdown(timeout=1.0)\n"
        "print('done')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60, cwd=REPO)  # without the terminate step this waits 600 s
    assert result.returncode == 0 and result.stdout.strip() == "done"
    assert "Traceback" not in result.stderr, result.stderr


def test_only_registered_jobs_are_accepted():
    """Jobs are function objects registered with @job, never "module:function" strings."""
    import time

    pool = WorkerPool(1)
    try:
        with pytest.raises(TypeError, match="not a registered worker job"):
            pool.submit(time.sleep, 0)
        with pytest.raises(TypeError, match="not a registered worker job"):
            pool.submit("document:document_info", "x.pdf")  # type: ignore[arg-type]
    finally:
        pool.shutdown()


def test_a_job_past_its_time_limit_fails_and_its_worker_is_replaced():
    from brochure_reader.pdf.worker import JobTimeout
    from tests import worker_jobs

    pool = WorkerPool(1)
    try:
        with pytest.raises(JobTimeout, match="took too long"):
            pool.submit(worker_jobs.hang).result(timeout=60)  # spec: timeout=1.0
        with pytest.raises(JobTimeout):
            pool.submit(worker_jobs.sleep, 30, timeout=0.5).result(timeout=60)  # per call
        assert pool.submit(worker_jobs.echo, "still here").result(timeout=60) == "still here"
        assert pool.restarts == 2
    finally:
        pool.shutdown()


def test_a_crash_fails_only_its_own_job_and_retries_as_registered(tmp_path):
    from tests import worker_jobs

    pool = WorkerPool(2)
    try:
        slow = pool.submit(worker_jobs.sleep, 1.5)  # on the other worker while one crashes
        with pytest.raises(WorkerCrashed):
            pool.submit(crash_for_test).result(timeout=60)
        assert slow.result(timeout=60) == 1.5
        marker = tmp_path / "crashed-once"
        assert pool.submit(worker_jobs.crash_once, str(marker)).result(timeout=60) == "second try"
        assert marker.exists() and pool.restarts == 2
    finally:
        pool.shutdown()


def test_cancelling_a_queued_job_never_runs_it_nor_stops_a_worker():
    from tests import worker_jobs

    pool = WorkerPool(1)
    try:
        first = pool.submit(worker_jobs.pid)
        busy = pool.submit(worker_jobs.sleep, 0.5)
        queued = pool.submit(worker_jobs.fail, "must not run")
        assert queued.cancel()
        assert busy.result(timeout=60) == 0.5
        assert pool.submit(worker_jobs.pid).result(timeout=60) == first.result(timeout=60)
        assert queued.cancelled() and pool.restarts == 0
    finally:
        pool.shutdown()


def _exists(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_an_idle_pool_with_idle_exit_ends_its_worker_and_starts_one_for_the_next_job():
    """The background lane gives its memory back when there is no background work (issue 16):
    its process exits after *idle_exit* seconds without a job, and the next job starts one."""
    import time

    from brochure_reader.pdf.worker import Workers
    from tests import worker_jobs

    pool = WorkerPool(1, idle_exit=0.5)
    try:
        first = pool.submit(worker_jobs.pid).result(timeout=60)
        busy = pool.submit(worker_jobs.sleep, 1.0)  # longer than idle_exit: not idle meanwhile
        assert busy.result(timeout=60) == 1.0 and pool.running and _exists(first)
        deadline = time.monotonic() + 20
        while (pool.running or _exists(first)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not pool.running and not _exists(first)
        second = pool.submit(worker_jobs.pid).result(timeout=60)
        assert second != first and _exists(second)
    finally:
        pool.shutdown()
    lanes = Workers().lanes
    assert lanes["background"].idle_exit and lanes["view"].idle_exit is None
