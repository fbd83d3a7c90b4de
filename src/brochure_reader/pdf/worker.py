"""A pool of worker processes for all PyMuPDF work requested by the GUI.

PyMuPDF is not thread-safe and a malformed file can crash MuPDF, so documents are opened in
separate processes (``spawn``, never ``fork``: the parent runs Qt).  When a worker dies the pool
is marked broken; :class:`WorkerPool` then fails the pending futures with :class:`WorkerCrashed`
and starts a fresh pool for the next request.  Plain Python (no Qt): the GUI adapts futures to
signals in ``ui/worker_bridge.py``.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, InvalidStateError, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from brochure_reader.pdf.errors import DocumentError
from brochure_reader.pdf.jobs import job, spec_of


class WorkerCrashed(DocumentError):
    """The worker process died while working on a document."""

    def __init__(
        self,
        message: str = "This file could not be opened: it stopped the reader's "
        "document worker (the file may be damaged).",
    ):
        super().__init__(message)


def _warm_up() -> None:
    """Nothing: makes a fresh pool start its processes now."""


#: Seconds between a worker's checks that the process that started it is still there.
PARENT_CHECK_SECONDS = 1.0


def _exit_when_orphaned(parent: int) -> None:
    """Worker-side watchdog thread: when the parent dies (SIGKILL, a crash) the worker is
    re-parented, ``os.getppid()`` changes, and the worker exits at once instead of running on
    for ever.  (A parent-death signal, Linux's ``PR_SET_PDEATHSIG``, is not used: it fires
    when the parent *thread* that started the worker ends, and pools start workers from
    whichever thread submits.)"""
    import os
    import time

    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(0)


def _init_worker(parent: int | None = None) -> None:
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in a terminal ends the app, not us
    if parent is not None and hasattr(signal, "SIGKILL"):  # POSIX: getppid() is meaningful
        threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True,
                         name="parent-watchdog").start()
    import brochure_reader.pdf.document  # noqa: F401  (import PyMuPDF once, up front)


class WorkerPool:
    """``submit(fn, *args) -> Future`` running *fn* in a worker process.

    *fn* must be a registered job (:func:`brochure_reader.pdf.jobs.job`).  A crash fails
    the affected futures with WorkerCrashed and the pool restarts itself; ``restarts`` counts how
    often that happened.
    """

    def __init__(self, workers: int = 2):
        self.workers = workers
        self.restarts = 0
        self._lock = threading.Lock()
        self._executor: ProcessPoolExecutor | None = None
        self._closed = False

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker,
                initargs=(os.getpid(),),
            )
        return self._executor

    def start(self) -> None:
        """Start the processes now (they import PyMuPDF) so the first request is quick."""
        with self._lock:
            pool = self._pool()
        for _ in range(self.workers):
            pool.submit(_warm_up)

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        """Run ``fn(*args)`` in a worker.  The future raises WorkerCrashed if the worker dies.

        *fn* is a registered job function (e.g. ``jobs.render_page``); raises TypeError for
        anything else.
        """
        spec_of(fn)
        outer: Future = Future()
        with self._lock:
            if self._closed:
                outer.set_exception(RuntimeError("the worker pool is shut down"))
                return outer
            try:
                executor = self._pool()
                inner = executor.submit(fn, *args)
            except (BrokenProcessPool, RuntimeError):
                self._restart_locked(self._executor)
                executor = self._pool()
                inner = executor.submit(fn, *args)

        def relay(done: Future) -> None:
            if done.cancelled():
                outer.cancel()
                return
            exc = done.exception()
            if isinstance(exc, BrokenProcessPool):
                with self._lock:
                    self._restart_locked(executor)
                exc = WorkerCrashed()
            try:
                if exc is not None:
                    outer.set_exception(exc)
                else:
                    outer.set_result(done.result())
            except InvalidStateError:  # the caller cancelled it meanwhile
                pass

        def cancel_inner(fut: Future) -> None:
            if fut.cancelled():
                inner.cancel()

        outer.add_done_callback(cancel_inner)
        inner.add_done_callback(relay)
        return outer

    def _restart_locked(self, executor: ProcessPoolExecutor | None) -> None:
        # Only once per crash: every future of the broken pool arrives here.
        if executor is None or executor is not self._executor:
            return
        self._executor = None
        self.restarts += 1
        threading.Thread(target=_stop_executor, args=(executor,), daemon=True).start()

    def shutdown(self, timeout: float = 2.0) -> None:
        """Stop the workers: queued jobs are cancelled, a running job gets *timeout* seconds
        before its process is terminated."""
        with self._lock:
            self._closed = True
            executor, self._executor = self._executor, None
        if executor is not None:
            _stop_executor(executor, timeout)


def _stop_executor(executor: ProcessPoolExecutor, timeout: float = 2.0) -> None:
    """Shut *executor* down without leaving work for the interpreter's exit.

    CPython before 3.12 wakes every pool's management thread at exit through a pipe that the
    finished thread has already closed, printing an "OSError: Bad file descriptor" traceback;
    so the thread is joined here (its processes terminated if a job hangs) and then forgotten.
    """
    # shutdown() drops these references, so take them first
    thread = getattr(executor, "_executor_manager_thread", None)
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    if thread is None:
        return
    thread.join(timeout)
    if thread.is_alive():
        for process in processes:
            process.terminate()
        thread.join(timeout)
    if not thread.is_alive():
        from concurrent.futures import process as futures_process

        getattr(futures_process, "_threads_wakeups", {}).pop(thread, None)


@job()
def crash_for_test() -> None:  # pragma: no cover - runs in the worker
    """Kill the current worker process abruptly, as a MuPDF crash would (used by tests)."""
    import os

    os._exit(70)
