"""The registry of worker jobs, and the backend's own jobs.

A job is a module-level function that a worker process runs; callers pass the *function
object* (``pool.submit(jobs.render_page, path, …)``), never a name in a string, so tools and
readers can follow it.  :func:`job` registers a function with its options:

* ``timeout`` — seconds a run may take before the worker is stopped and the call fails with
  ``JobTimeout`` (None: no limit);
* ``lane`` — ``"view"`` for what the reader is waiting for (renders, words, links),
  ``"background"`` for work nobody is watching (indexing, library outlines), which has its own
  process so it never delays a page, or ``"local"``: a thread of the calling process, for jobs
  that need no PyMuPDF (SQLite searches); time limits do not apply there;
* ``retries`` — how many times a run whose worker *crashed* is started again before the call
  fails with ``WorkerCrashed`` (a job raising an exception is never retried).

A job function must be importable without PyMuPDF (the GUI process imports it to name it):
the backend's jobs below import their module when they run; feature jobs (bookmark quotes,
handouts, search hits) live in their packages and import the backend where used.  This module
imports nothing heavy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

LANES = ("view", "background", "local")


@dataclass(frozen=True)
class JobSpec:
    """How a registered job runs: ``name`` is ``module.qualname``; see :func:`job`."""

    name: str
    timeout: float | None = None
    lane: str = "view"
    retries: int = 0


#: every registered job by ``module.qualname``
REGISTRY: dict[str, JobSpec] = {}


def job(timeout: float | None = None, lane: str = "view", retries: int = 0) -> Callable[[F], F]:
    """Register the decorated module-level function as a worker job; returns it unchanged
    (so it pickles by reference).  *timeout* is in seconds.  Raises ValueError for an unknown
    *lane*."""
    if lane not in LANES:
        raise ValueError(f"unknown lane {lane!r} (one of {LANES})")

    def register(fn: F) -> F:
        spec = JobSpec(f"{fn.__module__}.{fn.__qualname__}", timeout, lane, retries)
        REGISTRY[spec.name] = spec
        fn.__job__ = spec  # type: ignore[attr-defined]
        return fn

    return register


def spec_of(fn: Callable[..., Any]) -> JobSpec:
    """The :class:`JobSpec` of a registered job.  Raises TypeError for anything else."""
    spec = getattr(fn, "__job__", None)
    if not isinstance(spec, JobSpec):
        name = getattr(fn, "__qualname__", repr(fn))
        raise TypeError(f"{name} is not a registered worker job (decorate it with @job)")
    return spec


# --- the backend's jobs (each imports its module when it runs, in the worker) -----------------

Layout = tuple[float, float, float]


@job()
def document_info(path: str | Path, password: str | None = None, layout: Layout | None = None):
    """:func:`brochure_reader.pdf.document.document_info`: a :class:`~.info.DocumentInfo`."""
    from brochure_reader.pdf.document import document_info as run

    return run(path, password, layout)


@job()
def validate(path: str | Path) -> dict:
    """:func:`brochure_reader.pdf.document.validate`."""
    from brochure_reader.pdf.document import validate as run

    return run(path)


@job()
def content_hash(path: str | Path) -> str:
    """SHA-256 (hex) of the file (see ``files.file_sha256``)."""
    from brochure_reader.files import file_sha256

    return file_sha256(path)


#: Seconds a page render (or its words and links) may take before its worker is stopped and the
#: page shows an error tile: a 78 kB file whose images decode to 48 GB took 60 s per render and
#: held the view's worker from every other document (issue 15, item 9).
RENDER_TIME_LIMIT = 20.0


@job(timeout=RENDER_TIME_LIMIT, retries=1)  # a crashed worker: asked once more on a new one
def render_page(
    path: str,
    password: str | None,
    page_no: int,
    scale: float,
    layout: Layout | None = None,
    size: tuple[int, int] | None = None,
    colours: str = "normal",
) -> tuple[int, int, int, bytes]:
    """:func:`brochure_reader.pdf.render.render_page`: ``(width, height, stride, RGB bytes)``;
    with *size* exactly that many pixels; *colours* "normal", "night" or "sepia"."""
    from brochure_reader.pdf.render import render_page as run

    return run(path, password, page_no, scale, layout, size, colours)


@job(timeout=RENDER_TIME_LIMIT, retries=1)  # as render_page
def page_content(
    path: str,
    password: str | None,
    page_no: int,
    size: tuple[int, int],
    layout: Layout | None = None,
    with_text: bool = True,
    clip: tuple[int, int, int, int] | None = None,
    colours: str = "normal",
):
    """:func:`brochure_reader.pdf.render.page_content`: a :class:`~.info.PageContent`
    (pixels, and words and links with *with_text*) in one round trip."""
    from brochure_reader.pdf.render import page_content as run

    return run(path, password, page_no, size, layout, with_text, clip, colours)


@job()
def export_to_file(path, ranges, out_file, password=None, title: str = "") -> int:
    """:func:`brochure_reader.pdf.export.export_to_file`: pages written."""
    from brochure_reader.pdf.export import export_to_file as run

    return run(path, ranges, out_file, password, title)
