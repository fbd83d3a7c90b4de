"""Background indexing at startup: one worker-process job per document, progress as signals.

::

    indexer = IndexerController(pool, index_path(paths.cache), parent=main_window)
    indexer.progress.connect(status_bar_update)       # (done, total, document title)
    indexer.document_indexed.connect(search_panel.index_changed)
    indexer.finished.connect(hide_progress)
    indexer.start(specs_from_library(library))
    ...
    indexer.cancel()                                  # e.g. from the status bar's button

Documents go to the :class:`~brochure_reader.pdf.worker.WorkerPool` one at a time, so the pool
stays free for page rendering between documents, a document that crashes MuPDF costs only that
document, and each finished document is searchable at once.  Unchanged documents take a
``stat`` call in the worker.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from brochure_reader.pdf.worker import WorkerCrashed
from brochure_reader.search.builder import DocSpec, index_document_job, optimize_job, prune_job

log = logging.getLogger(__name__)

#: After this many newly indexed documents the index is optimised at the end.
OPTIMIZE_AFTER = 20


class IndexerController(QObject):
    """Runs index updates in a worker process and reports on the GUI thread."""

    #: (documents done, documents in total, title of the document being read now; "" at the end)
    progress = Signal(int, int, str)
    #: a document's rows changed in the index (document id): search again to see them
    document_indexed = Signal(str)
    #: a document could not be read for searching (document id, sentence for the user)
    document_failed = Signal(str, str)
    #: the run ended (also after cancel())
    finished = Signal()
    #: internal: a job finished in a pool thread -> handled on the GUI thread
    _job_done = Signal(object, object)

    def __init__(self, pool, index_path: str | Path, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = pool
        self._db = str(index_path)
        self._queue: list[DocSpec] = []
        self._total = 0
        self._done = 0
        self._indexed = 0
        self._running = False
        self._cancelled = False
        self._future: Future | None = None
        self._retried: set[str] = set()
        self._job_done.connect(self._on_job_done)

    def is_running(self) -> bool:
        return self._running

    def start(self, specs: list[DocSpec]) -> bool:
        """Bring the index up to date with *specs* (documents not listed leave the index).
        Returns False (and does nothing) if a run is already going on."""
        if self._running:
            return False
        self._queue = list(specs)
        self._total = len(self._queue)
        self._done = self._indexed = 0
        self._running, self._cancelled = True, False
        self._submit(prune_job, None, [s.doc_id for s in self._queue])
        return True

    def cancel(self) -> None:
        """Stop after the document being read now (it is kept); emits finished()."""
        if not self._running:
            return
        self._cancelled = True
        if self._future is not None and self._future.cancel():
            self._finish()

    # --- internals ----------------------------------------------------------------------------

    def _submit(self, fn, spec: DocSpec | None, *args) -> None:
        future = self._pool.submit(fn, self._db, *args)
        self._future = future
        future.add_done_callback(lambda f, s=spec: self._job_done.emit(s, f))

    def _next(self) -> None:
        if self._cancelled:
            self._finish()
            return
        if not self._queue:
            if self._indexed >= OPTIMIZE_AFTER:
                self._indexed = 0
                self._submit(optimize_job, None)
                return
            self.progress.emit(self._total, self._total, "")
            self._finish()
            return
        spec = self._queue.pop(0)
        self.progress.emit(self._done, self._total, spec.title)
        self._submit(index_document_job, spec, spec)

    @Slot(object, object)
    def _on_job_done(self, spec: DocSpec | None, future: Future) -> None:
        if future is not self._future or not self._running:
            return
        self._future = None
        if future.cancelled():
            self._finish()
            return
        exc = future.exception()
        if spec is None:  # prune or optimise
            if exc is not None:
                log.warning("search index maintenance failed: %s", exc)
            elif isinstance(future.result(), list):
                for doc_id in future.result():
                    self.document_indexed.emit(doc_id)
        else:
            if isinstance(exc, WorkerCrashed) and spec.doc_id not in self._retried:
                self._retried.add(spec.doc_id)  # a crash may be chance: once more, then report
                self._queue.insert(0, spec)
                self._next()
                return
            self._done += 1
            if exc is not None:  # WorkerCrashed twice, or an index that cannot be written
                self.document_failed.emit(spec.doc_id, f"could not be indexed: {exc}")
            else:
                status, message = future.result()
                if status == "indexed":
                    self._indexed += 1
                    self.document_indexed.emit(spec.doc_id)
                elif status == "failed":
                    self.document_failed.emit(spec.doc_id, message)
        self._next()

    def _finish(self) -> None:
        self._running = False
        self._future = None
        self._queue = []
        self.finished.emit()
