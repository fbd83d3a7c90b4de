"""The GUI's one way to run background work: JobRunner.run(job, args).on_result().on_error()."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtWidgets import QWidget

from brochure_reader.pdf import jobs as pdf_jobs
from brochure_reader.ui.jobs import JobRunner, user_message
from tests import worker_jobs


@pytest.fixture
def runner(qtbot):
    jobs = JobRunner(workers=1, show_errors=False)
    yield jobs
    jobs.shutdown()


def test_results_arrive_on_the_gui_thread(qtbot, runner):
    seen = []
    runner.run(worker_jobs.echo, ("hello",)).on_result(
        lambda value: seen.append((value, threading.current_thread() is threading.main_thread()))
    )
    qtbot.waitUntil(lambda: bool(seen), timeout=60000)
    assert seen == [("hello", True)]


def test_an_unhandled_failure_is_told_to_the_user(qtbot, runner):
    with qtbot.waitSignal(runner.error_reported, timeout=60000) as blocker:
        runner.run(pdf_jobs.document_info, ("/no/such/file.pdf", None))
    message = blocker.args[0]
    assert message and "Traceback" not in message and "unexpected" not in message.lower()


def test_on_error_replaces_the_default_handler(qtbot, runner):
    errors, reported = [], []
    runner.error_reported.connect(reported.append)
    runner.run(worker_jobs.fail, ("boom",)).on_error(errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=60000)
    assert isinstance(errors[0], ValueError) and str(errors[0]) == "boom"
    assert reported == []
    assert "log" in user_message(errors[0])  # not a UserError: a general sentence


def test_cancelled_and_orphaned_jobs_never_call_back(qtbot, runner):
    calls = []
    first = runner.run(worker_jobs.sleep, (0.3,)).on_result(calls.append)
    first.cancel()
    widget = QWidget()
    runner.run(worker_jobs.echo, ("orphan",), parent=widget).on_result(calls.append)
    shiboken6.delete(widget)  # the dialog that asked was closed and deleted
    last = []
    runner.run(worker_jobs.echo, ("last",)).on_result(last.append)
    qtbot.waitUntil(lambda: bool(last), timeout=60000)
    qtbot.wait(100)
    assert calls == [] and last == ["last"]


def test_timeouts_and_lanes_per_call(qtbot, runner):
    from brochure_reader.pdf.worker import JobTimeout

    errors, results = [], []
    runner.run(worker_jobs.sleep, (30,), timeout=0.5).on_error(errors.append)
    runner.run(worker_jobs.echo, ("local",), lane="local").on_result(results.append)
    qtbot.waitUntil(lambda: bool(errors) and bool(results), timeout=60000)
    assert isinstance(errors[0], JobTimeout) and results == ["local"]


def test_only_registered_jobs_run(runner):
    with pytest.raises(TypeError, match="not a registered worker job"):
        runner.run(print, ("x",))


def test_a_job_run_after_shutdown_never_runs_and_never_raises(qtbot):
    """A debounce timer may fire after the window shut its runner down (it raised before)."""
    jobs = JobRunner(workers=1, show_errors=False)
    jobs.shutdown()
    seen = []
    op = jobs.run(worker_jobs.echo, ("late",)).on_result(seen.append).on_error(seen.append)
    qtbot.wait(200)
    assert op.future.cancelled() and seen == []
    with pytest.raises(TypeError):
        jobs.run(print)
