"""Background indexing at startup: one worker-process job per document, progress as signals.

::

    indexer = IndexerController(jobs, index_path(paths.cache), parent=main_window)
    indexer.progress.connect(status_bar_update)       # (done, total, document title)
    indexer.document_indexed.connect(search_panel.index_changed)
    indexer.finished.connect(hide_progress)
    indexer.start(specs_from_library(library))
    ...
    indexer.cancel()                                  # e.g. from the status bar's button

Documents go to the background lane of the :class:`~brochure_reader.ui.jobs.JobRunner` *jobs*
one at a time (``jobs.run(index_document_job, …)``), so pages keep rendering meanwhile, a
document that crashes MuPDF costs only that document, and each finished document is searchable
at once.  Unchanged documents take a
``stat`` call in the worker.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal

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

    def __init__(self, jobs, index_path: str | Path, parent: QObject | None = None):
        super().__init__(parent)
        self._jobs = jobs
        self._db = str(index_path)
        self._queue: list[DocSpec] = []
        self._total = 0
        self._done = 0
        self._indexed = 0
        self._running = False
        self._cancelled = False
        self._op = None  # the JobOp running now

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
        if self._op is not None and self._op.future.cancel():  # not started: it never runs
            self._finish()

    # --- internals ----------------------------------------------------------------------------

    def _submit(self, fn, spec: DocSpec | None, *args) -> None:
        op = self._jobs.run(fn, (self._db, *args), lane="background")
        self._op = op
        op.on_result(lambda value: self._job_done(op, spec, value, None))
        op.on_error(lambda exc: self._job_done(op, spec, None, exc))

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

    def _job_done(self, op, spec: DocSpec | None, value, exc: BaseException | None) -> None:
        if op is not self._op or not self._running:
            return
        self._op = None
        if spec is None:  # prune or optimise
            if exc is not None:
                log.warning("search index maintenance failed: %s", exc)
            elif isinstance(value, list):
                for doc_id in value:
                    self.document_indexed.emit(doc_id)
        else:
            self._done += 1
            if exc is not None:  # WorkerCrashed (after the job's one retry), or an unwritable index
                self.document_failed.emit(spec.doc_id, f"could not be indexed: {exc}")
            else:
                status, message = value
                if status == "indexed":
                    self._indexed += 1
                    self.document_indexed.emit(spec.doc_id)
                elif status == "failed":
                    self.document_failed.emit(spec.doc_id, message)
        self._next()

    def _finish(self) -> None:
        self._running = False
        self._op = None
        self._queue = []
        self.finished.emit()
