"""The one way the GUI runs background work and gets the result back on the GUI thread.

In the spirit of Anki's ``CollectionOp``::

    self.jobs.run(pdf_jobs.render_page, (path, password, page, scale)) \\
        .on_result(self._rendered) \\
        .on_error(self._render_failed)          # optional: the default tells the user

``run`` submits a registered job (:mod:`brochure_reader.pdf.jobs`) to its lane of
:class:`~brochure_reader.pdf.worker.Workers` at once and returns a :class:`JobOp`; the callbacks
are set in the same call chain, before the event loop can deliver anything, and are called on
the GUI thread.  Without ``on_error`` a failure is *reported*: :attr:`JobRunner.error_reported`
is emitted with a sentence for the user and a message box shows it (``on_error(log_error)`` is
the explicit way to only log it).  ``op.cancel()`` means "never call back"; a queued job does not
run at all.  With ``parent=`` a widget, nothing is delivered once that widget is deleted.
Per-call ``timeout`` (seconds) and ``lane`` override the job's registration.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QWidget

from brochure_reader import APP_TITLE
from brochure_reader.errors import UserError
from brochure_reader.pdf.jobs import spec_of
from brochure_reader.pdf.worker import Workers
from brochure_reader.ui.i18n import translate
from brochure_reader.ui.message_boxes import open_warning

log = logging.getLogger(__name__)


def log_error(exc: BaseException) -> None:
    """An ``on_error`` handler that only logs: for failures the user finds out about another
    way (an encrypted document's outline is asked for again when it is opened)."""
    log.info("background job failed: %s", exc)


def user_message(exc: BaseException) -> str:
    """A sentence for the user about *exc*: a :class:`UserError`'s own text, else a general
    sentence naming the kind of problem (no traceback; the details go to the log)."""
    if isinstance(exc, UserError):
        return str(exc) or translate("JobRunner", "This could not be done.")
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else "")
    return translate("JobRunner", "a problem in the reader stopped it (the details are in the log)")


class JobOp:
    """One submitted job: set what happens with its result; :meth:`cancel` to drop it."""

    def __init__(self, runner: JobRunner, future: Future, parent: QObject | None) -> None:
        self.future = future
        self._runner = runner
        self._parent = parent
        self._on_result: Callable[[Any], None] | None = None
        self._on_error: Callable[[BaseException], None] | None = None
        self._cancelled = False

    def on_result(self, callback: Callable[[Any], None]) -> JobOp:
        """Call ``callback(value)`` on the GUI thread when the job returns."""
        self._on_result = callback
        return self

    def on_error(self, callback: Callable[[BaseException], None]) -> JobOp:
        """Call ``callback(exception)`` on the GUI thread instead of telling the user."""
        self._on_error = callback
        return self

    def cancel(self) -> bool:
        """Never call back; returns True when the job had not started (it then never runs)."""
        self._cancelled = True
        return self.future.cancel()

    def done(self) -> bool:
        return self.future.done()

    def _deliver(self) -> None:
        if self._cancelled or self.future.cancelled() or self._runner.closed:
            return
        if self._parent is not None and not _alive(self._parent):
            return
        exc = self.future.exception()
        if exc is not None:
            from brochure_reader.pdf.worker import WorkerCrashed

            if isinstance(exc, WorkerCrashed):
                self._runner.worker_restarted.emit()
            if self._on_error is not None:
                self._on_error(exc)
            else:
                self._runner.report(exc, self._parent)
        elif self._on_result is not None:
            self._on_result(self.future.result())


def _alive(obj: QObject) -> bool:
    try:
        import shiboken6

        return shiboken6.isValid(obj)
    except ImportError:  # pragma: no cover - shiboken6 ships with PySide6
        return True


class JobRunner(QObject):
    """Owns the worker lanes and brings results back to the GUI thread (see the module doc)."""

    #: emitted (on the GUI thread) when a worker process crashed and was replaced
    worker_restarted = Signal()
    #: a job failed and nobody handled it: the sentence shown to the user
    error_reported = Signal(str)
    _done = Signal(object)  # JobOp, queued to the GUI thread

    def __init__(self, workers: int | Workers = 1, parent: QObject | None = None,
                 show_errors: bool = True) -> None:
        """*workers*: how many ``view`` processes, or :class:`Workers` already started (at
        launch, before Qt was imported: ``ui.app``)."""
        super().__init__(parent)
        self.workers = workers if isinstance(workers, Workers) else Workers(workers)
        #: show unhandled failures in a message box (besides ``error_reported``)
        self.show_errors = show_errors
        self.closed = False
        # Always queued, also when the job finished before run() returned (the local lane, or
        # a future done at once): callbacks are attached only after run() returns.
        self._done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        """Start the worker processes now (they import PyMuPDF), so the first job is quick."""
        self.workers.start()

    def run(self, job: Callable[..., Any], args: tuple = (), *, parent: QObject | None = None,
            timeout: float | None = None, lane: str | None = None) -> JobOp:
        """Submit ``job(*args)``; returns its :class:`JobOp`.  Call on the GUI thread.  Raises
        TypeError for a function that is not a registered job.  After :meth:`shutdown` (a
        window closing while a timer still fires) the job does not run and nothing is called."""
        if self.closed:
            spec_of(job)  # still a TypeError for an unregistered function
            future: Future = Future()
            future.cancel()
            return JobOp(self, future, parent)
        future = self.workers.submit(job, *args, lane=lane, timeout=timeout)
        op = JobOp(self, future, parent)

        def relay(_done: Future) -> None:
            try:
                self._done.emit(op)
            except RuntimeError:  # the runner was deleted meanwhile (window closed)
                pass

        future.add_done_callback(relay)
        return op

    def _deliver(self, op: JobOp) -> None:
        op._deliver()

    def report(self, exc: BaseException, parent: QObject | None = None) -> None:
        """Tell the user that a job failed: ``error_reported`` and, with ``show_errors``, a
        message box over *parent*'s window (or the active window)."""
        message = user_message(exc)
        if not isinstance(exc, UserError):
            log.error("background job failed", exc_info=exc)
        self.error_reported.emit(message)
        if not self.show_errors:
            return
        window = parent.window() if isinstance(parent, QWidget) else QApplication.activeWindow()
        open_warning(window, APP_TITLE, message)

    def shutdown(self) -> None:
        """Stop the workers; results still on their way are dropped."""
        self.closed = True
        self.workers.shutdown()
