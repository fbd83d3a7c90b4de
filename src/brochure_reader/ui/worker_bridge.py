"""Brings results of :class:`~brochure_reader.pdf.worker.WorkerPool` jobs back to the GUI thread.

``DocumentService.call(fn, args, on_result, on_error)`` submits ``fn(*args)`` to a worker
process and later calls *on_result(value)* or *on_error(exception)* on the GUI thread.  The
returned future can be cancelled; a cancelled call never calls back (stale renders are dropped).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, Signal

from brochure_reader.pdf.worker import WorkerPool


class DocumentService(QObject):
    #: emitted (on the GUI thread) when a worker process crashed and was restarted
    worker_restarted = Signal()
    _done = Signal(object, object, object)  # future, on_result, on_error (queued to GUI thread)

    def __init__(self, workers: int = 1, parent: QObject | None = None):
        super().__init__(parent)
        #: renders, words, links: what the reader is waiting for right now
        self.pool = WorkerPool(workers)
        #: outlines of the whole library and other work nobody is watching
        self.background_pool = WorkerPool(1)
        self._closed = False
        self._done.connect(self._deliver)

    def start(self) -> None:
        self.pool.start()
        self.background_pool.start()

    def call(
        self,
        fn: Callable[..., Any],
        args: tuple = (),
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        background: bool = False,
    ) -> Future:
        """Run *fn* (a function or ``"module:function"`` in ``brochure_reader.pdf``) in a worker;
        *background* work goes to its own process so it never delays what is on screen."""
        pool = self.background_pool if background else self.pool
        future = pool.submit(fn, *args)

        def relay(done: Future) -> None:
            try:
                self._done.emit(done, on_result, on_error)
            except RuntimeError:  # the service was deleted meanwhile (window closed)
                pass

        future.add_done_callback(relay)
        return future

    def _deliver(self, future: Future, on_result, on_error) -> None:
        if future.cancelled() or self._closed:
            return
        exc = future.exception()
        if exc is not None:
            from brochure_reader.pdf.worker import WorkerCrashed

            if isinstance(exc, WorkerCrashed):
                self.worker_restarted.emit()
            if on_error is not None:
                on_error(exc)
        elif on_result is not None:
            on_result(future.result())

    def shutdown(self) -> None:
        """Stop the workers; results still on their way are dropped."""
        self._closed = True
        self.pool.shutdown()
        self.background_pool.shutdown()
