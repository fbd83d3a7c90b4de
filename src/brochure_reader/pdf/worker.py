"""Worker processes for every PyMuPDF job the GUI asks for (plain Python, no Qt).

PyMuPDF is not thread-safe and a malformed file can crash MuPDF, so documents are opened in
separate processes (``spawn``, never ``fork``: the parent runs Qt).  The processes are a
:class:`pebble.ProcessPool`, which gives what the standard library's executor lacks: a time limit
per task (the worker running it is stopped and replaced), and a crash that fails only the task
whose worker died while the pool replaces that worker.

:class:`WorkerPool` adds its own queue in front of pebble, so that no more tasks are handed to
pebble than there are workers: a task still in the queue can be cancelled for free (pebble stops
the *process* of a cancelled task it has already handed out), and the queue decides the order.
A job is a registered function (:mod:`brochure_reader.pdf.jobs`); its :class:`JobSpec` gives the
default time limit and how many times a crash is retried.

:class:`Workers` holds the lanes the GUI uses: ``view`` (what the reader waits for),
``background`` (its own process, so indexing never delays a page) and ``local`` (one thread in
this process, for jobs that need no PyMuPDF, such as SQLite searches).  The GUI turns futures
into callbacks on its thread in ``ui/jobs.py``.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import CancelledError, Future, InvalidStateError, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Any

from brochure_reader.pdf.errors import DocumentError
from brochure_reader.pdf.jobs import LANES, JobSpec, job, spec_of

log = logging.getLogger(__name__)


class WorkerCrashed(DocumentError):
    """The worker process died while working on a document."""

    def __init__(
        self,
        message: str = "This file could not be opened: it stopped the reader's "
        "document worker (the file may be damaged).",
    ):
        super().__init__(message)


class JobTimeout(DocumentError):
    """A job ran past its time limit; its worker was stopped (and replaced)."""

    def __init__(self, message: str = "This took too long and was stopped (the file may be "
                 "damaged or very large)."):
        super().__init__(message)


@job()
def _warm_up() -> None:
    """Nothing: makes a fresh worker start now."""


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


def _init_worker(parent: int | None = None, locale=None) -> None:
    import signal
    import threading

    if locale is not None:  # the messages a job raises are in the parent's language
        from brochure_reader import i18n

        i18n.install(locale)

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in a terminal ends the app, not us
    if parent is not None and hasattr(signal, "SIGKILL"):  # POSIX: getppid() is meaningful
        threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True,
                         name="parent-watchdog").start()
    import brochure_reader.pdf.document  # noqa: F401  (import PyMuPDF once, up front)


@dataclass
class _Task:
    outer: Future
    fn: Callable[..., Any]
    args: tuple
    timeout: float | None
    retries: int


class WorkerPool:
    """``submit(fn, *args, timeout=None) -> Future`` running a registered job in a worker process.

    The future raises :class:`WorkerCrashed` when the worker died (after ``spec.retries`` more
    tries), :class:`JobTimeout` past the time limit (*timeout*, else ``spec.timeout``; None: no
    limit), or what the job raised.  ``cancel()`` on the future succeeds while the task waits in
    the queue; a running task finishes (its result is then unused).  ``restarts`` counts the
    workers that died or were stopped.

    *idle_exit* (seconds, None: never): the processes exit once the pool has had nothing to do
    for that long, and start again with the next job (the memory of an idle lane is given
    back; a later job pays a worker's start-up, about 0.3 s).
    """

    def __init__(self, workers: int = 2, idle_exit: float | None = None):
        self.workers = workers
        self.restarts = 0
        self.idle_exit = idle_exit
        self._lock = threading.Lock()
        self._pool = None
        self._queue: deque[_Task] = deque()
        self._in_flight = 0
        self._closed = False
        self._idle_timer: threading.Timer | None = None

    def _pebble(self):
        if self._pool is None or not self._pool.active:
            from pebble import ProcessPool

            from brochure_reader.i18n import current as current_locale

            self._pool = ProcessPool(
                max_workers=self.workers,
                initializer=_init_worker,  # its parent watchdog ends it if we are killed
                initargs=(os.getpid(), current_locale()),
                context=multiprocessing.get_context("spawn"),
            )
        return self._pool

    def start(self) -> None:
        """Start the processes now (they import PyMuPDF) so the first request is quick."""
        for _ in range(self.workers):
            self.submit(_warm_up)

    def submit(self, fn: Callable[..., Any], *args: Any, timeout: float | None = None) -> Future:
        """Queue ``fn(*args)``; raises TypeError unless *fn* is a registered job."""
        spec: JobSpec = spec_of(fn)
        outer: Future = Future()
        task = _Task(outer, fn, args, timeout if timeout is not None else spec.timeout,
                     spec.retries)
        with self._lock:
            if self._closed:
                outer.set_exception(RuntimeError("the worker pool is shut down"))
                return outer
            self._queue.append(task)
        self._pump()
        return outer

    def _pump(self) -> None:
        """Hand queued tasks to pebble while a worker is free."""
        while True:
            with self._lock:
                if not self._closed and not self._in_flight and not self._queue:
                    self._idle_from_now()
                if self._closed or self._in_flight >= self.workers or not self._queue:
                    return
                task = self._queue.popleft()
                if not task.outer.set_running_or_notify_cancel():
                    continue  # cancelled while queued: never runs
            self._schedule(task)

    def _idle_from_now(self) -> None:
        """(Lock held.) Start counting *idle_exit* seconds of idleness again."""
        if self._idle_timer is not None:
            self._idle_timer.cancel()
            self._idle_timer = None
        if self.idle_exit is not None and self._pool is not None:
            self._idle_timer = threading.Timer(self.idle_exit, self._exit_if_idle)
            self._idle_timer.daemon = True
            self._idle_timer.start()

    def _exit_if_idle(self) -> None:
        """The idle timer: stop the processes if nothing arrived meanwhile (the next
        :meth:`submit` starts new ones)."""
        with self._lock:
            if self._closed or self._in_flight or self._queue or self._pool is None:
                return
            pool, self._pool = self._pool, None
            self._idle_timer = None
        pool.close()
        try:
            pool.join(5.0)
        except TimeoutError:  # pragma: no cover - an idle worker that does not exit
            pool.stop()
            pool.join()
        log.info("idle worker processes exited after %.0f s", self.idle_exit)

    @property
    def running(self) -> bool:
        """Whether worker processes exist now (False before the first job and after an idle
        exit)."""
        return self._pool is not None and self._pool.active

    def _schedule(self, task: _Task) -> None:
        with self._lock:
            if self._idle_timer is not None:
                self._idle_timer.cancel()
                self._idle_timer = None
            self._in_flight += 1
            try:
                inner = self._pebble().schedule(task.fn, task.args, timeout=task.timeout)
            except Exception as exc:  # the pool could not take it (stopping, broken)
                self._in_flight -= 1
                self._settle(task.outer, exc=exc)
                return
        inner.add_done_callback(lambda done: self._finished(task, done))

    def _finished(self, task: _Task, done: Future) -> None:
        from pebble import ProcessExpired

        with self._lock:
            self._in_flight -= 1
        exc: BaseException | None
        try:
            result, exc = done.result(), None
        except BaseException as error:  # what the job raised is passed on as it is
            result, exc = None, error
        if isinstance(exc, ProcessExpired):
            with self._lock:
                self.restarts += 1
            log.warning("worker %s died (exit code %s) running %s", exc.pid, exc.exitcode,
                        getattr(task.fn, "__qualname__", task.fn))
            if task.retries > 0 and not self._closed:
                task.retries -= 1
                self._schedule(task)  # again, ahead of the queue; the future stays running
                return
            exc = WorkerCrashed()
        elif isinstance(exc, FutureTimeout | TimeoutError):
            with self._lock:
                self.restarts += 1
            exc = JobTimeout()
        elif isinstance(exc, CancelledError):
            exc = RuntimeError("the worker pool was shut down")
        self._settle(task.outer, result, exc)
        self._pump()

    @staticmethod
    def _settle(outer: Future, result: Any = None, exc: BaseException | None = None) -> None:
        try:
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(result)
        except InvalidStateError:  # already settled (shut down meanwhile)
            pass

    def shutdown(self, timeout: float = 2.0) -> None:
        """Stop the workers: queued jobs are cancelled, a running job gets *timeout* seconds
        before its process is terminated."""
        with self._lock:
            self._closed = True
            queued, self._queue = list(self._queue), deque()
            pool, self._pool = self._pool, None
            if self._idle_timer is not None:
                self._idle_timer.cancel()
        for task in queued:
            task.outer.cancel()
        if pool is not None:
            pool.close()
            try:
                pool.join(timeout)
            except TimeoutError:  # a job is stuck: terminate its process
                pool.stop()
                pool.join()


class ThreadLane:
    """The ``local`` lane: one thread in this process, for jobs that need no PyMuPDF (SQLite
    searches).  Same ``submit``/``shutdown`` as :class:`WorkerPool`; time limits do not apply
    (a thread cannot be stopped) and there is no process to crash."""

    def __init__(self, name: str = "jobs") -> None:
        self._executor = ThreadPoolExecutor(1, thread_name_prefix=name)
        self.restarts = 0

    def start(self) -> None:
        pass

    def submit(self, fn: Callable[..., Any], *args: Any, timeout: float | None = None) -> Future:
        spec_of(fn)
        return self._executor.submit(fn, *args)

    def shutdown(self, timeout: float = 2.0) -> None:
        self._executor.shutdown(wait=True)  # queued local jobs are quick: let them finish


#: Seconds without background work (indexing, outlines, quotes) after which the background
#: lane's process exits; the next background job starts it again.
BACKGROUND_IDLE_EXIT = 10.0


class Workers:
    """The lanes jobs run in: ``view`` (*view_workers* processes), ``background`` (one
    process, which exits after ``BACKGROUND_IDLE_EXIT`` seconds without work) and ``local``
    (one thread here).  ``submit(fn, *args, lane=None, timeout=None)`` uses the job's own lane
    unless *lane* says otherwise."""

    def __init__(self, view_workers: int = 1) -> None:
        self.lanes: dict[str, WorkerPool | ThreadLane] = {
            "view": WorkerPool(view_workers),
            # its process exits when there is no background work (about 70 MB given back)
            "background": WorkerPool(1, idle_exit=BACKGROUND_IDLE_EXIT),
            "local": ThreadLane(),
        }
        assert set(self.lanes) == set(LANES)

    def start(self) -> None:
        for lane in self.lanes.values():
            lane.start()

    def submit(self, fn: Callable[..., Any], *args: Any, lane: str | None = None,
               timeout: float | None = None) -> Future:
        """Run registered job *fn*; raises TypeError for an unregistered one, KeyError for an
        unknown *lane*."""
        name = lane or spec_of(fn).lane
        return self.lanes[name].submit(fn, *args, timeout=timeout)

    @property
    def restarts(self) -> int:
        return sum(lane.restarts for lane in self.lanes.values())

    def shutdown(self, timeout: float = 2.0) -> None:
        for lane in self.lanes.values():
            lane.shutdown(timeout)


@job()
def crash_for_test() -> None:  # pragma: no cover - runs in the worker
    """Kill the current worker process abruptly, as a MuPDF crash would (used by tests)."""
    import os

    os._exit(70)
