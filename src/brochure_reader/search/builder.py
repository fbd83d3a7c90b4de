"""Building and updating the search index from library documents.

The same code runs in-process (CLI, tests) through :func:`build_index`, and in a worker process
for the GUI through :func:`index_document_job` / :func:`prune_job`, which ``WorkerPool.submit``
can send to a worker one document at a time (so the GUI can report progress per document and
cancel between documents, and each finished document is searchable at once).

A document is read again only when its content changed: size and modification time first,
then the SHA-256 of the file.  Documents that left the library leave the index.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from brochure_reader.search.index import IndexedDocument, SearchIndex, Segment
from brochure_reader.search.normalise import tokenize

#: progress(done, total, document title) — called after each document.
ProgressCallback = Callable[[int, int, str], None]


@dataclass(frozen=True)
class DocSpec:
    """A document to index (picklable, so it can be sent to a worker process)."""

    doc_id: str
    title: str
    path: str
    category: str = ""
    tags: tuple[str, ...] = ()
    password: str | None = None

    @classmethod
    def from_document(cls, doc) -> DocSpec:
        """From a :class:`brochure_reader.library.Document`."""
        return cls(doc.id, doc.title, str(doc.path), doc.category, tuple(doc.tags))


def specs_from_library(library) -> list[DocSpec]:
    """A :class:`DocSpec` for every document of a :class:`brochure_reader.library.Library`."""
    return [DocSpec.from_document(doc) for doc in library.documents()]


@dataclass
class BuildReport:
    """What :func:`build_index` did.  ``failed`` maps document ids to a sentence."""

    indexed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)
    cancelled: bool = False
    seconds: float = 0.0

    def summary(self) -> str:
        parts = [f"{len(self.indexed)} indexed", f"{len(self.unchanged)} unchanged"]
        if self.failed:
            parts.append(f"{len(self.failed)} could not be read")
        if self.removed:
            parts.append(f"{len(self.removed)} removed")
        text = ", ".join(parts) + f" in {self.seconds:.1f} s"
        return text + (" (cancelled)" if self.cancelled else "")


def _info_key(spec: DocSpec) -> str:
    """Title, category and tags as one string stored in the index (a change re-indexes)."""
    return "\x1f".join([spec.title, spec.category, *spec.tags])


def _flat_sections(spec: DocSpec, extracted) -> list[tuple[int, float, str, str, str]]:
    """``(page 0-based, y, title, ref, heading terms)`` of every section with a target, in
    document order.  Heading terms hold the section's title and its parents' titles."""
    from brochure_reader.library.sections import build_sections

    roots = build_sections(spec.doc_id, extracted.outline, extracted.outline_inferred)
    out = []

    def walk(nodes, parents: list[str]) -> None:
        for node in nodes:
            path = [*parents, node.title]
            if node.page is not None:
                terms = " ".join(tokenize(" ".join(reversed(path))))
                out.append((node.page, node.y, node.title, node.ref, terms))
            walk(node.children, path)

    walk(roots, [])
    out.sort(key=lambda s: (s[0], s[1]))
    return out


def segments_of(spec: DocSpec, extracted) -> list[Segment]:
    """Cut each page of *extracted* (an ``ExtractedDocument``) into per-section segments.

    A text block belongs to the last section starting at or above its vertical middle.
    """
    sections = _flat_sections(spec, extracted)
    segments: list[Segment] = []
    current = -1  # index into sections of the section in force
    for page_no, blocks in enumerate(extracted.pages):
        pieces: list[tuple[int, list[str]]] = []
        for block in blocks:
            middle = (block.top + block.bottom) / 2
            while current + 1 < len(sections) and (
                sections[current + 1][0] < page_no
                or (sections[current + 1][0] == page_no and sections[current + 1][1] <= middle + 1)
            ):
                current += 1
            if pieces and pieces[-1][0] == current:
                pieces[-1][1].append(block.text)
            else:
                pieces.append((current, [block.text]))
        for section_index, texts in pieces:
            text = " ".join(texts)
            if section_index >= 0:
                _p, _y, title, ref, heading_terms = sections[section_index]
            else:
                title = ref = None
                heading_terms = ""
            segments.append(
                Segment(page_no, title, ref, heading_terms, " ".join(tokenize(text)), text)
            )
    return segments


def _sha256(path: str) -> str:
    from brochure_reader.library.imports import file_sha256

    return file_sha256(Path(path))


def index_document(index: SearchIndex, spec: DocSpec, force: bool = False) -> tuple[str, str]:
    """Bring one document up to date in *index*.

    Returns ``(status, message)``: status "indexed", "unchanged" or "failed" (the message says
    why, for the user).  Never raises for a bad document; a failed document is remembered with
    its hash so it is not tried again until the file changes (it is then "unchanged", with the
    old failure as message).
    """
    from brochure_reader.pdf.errors import DocumentError

    try:
        st = os.stat(spec.path)
    except OSError as exc:
        return "failed", f"{Path(spec.path).name}: {exc.strerror or exc}"
    known = index.document(spec.doc_id)
    info = _info_key(spec)
    same_info = known is not None and known.path == spec.path and known.info == info
    if not force and same_info and (known.size, known.mtime_ns) == (st.st_size, st.st_mtime_ns):
        return "unchanged", known.error
    sha = _sha256(spec.path)
    if not force and same_info and known.sha256 == sha:
        index.touch_document(spec.doc_id, st.st_size, st.st_mtime_ns)
        return "unchanged", known.error

    from brochure_reader.pdf.text import extract_document

    error = ""
    segments: list[Segment] = []
    page_count = 0
    try:
        extracted = extract_document(spec.path, spec.password)
        page_count = extracted.page_count
        segments = segments_of(spec, extracted)
    except DocumentError as exc:
        error = str(exc)
    except Exception as exc:  # MuPDF raises many types for damaged files
        error = f"{Path(spec.path).name} could not be read for searching ({type(exc).__name__})."
    record = IndexedDocument(
        spec.doc_id, spec.title, spec.category, info, spec.path, st.st_size, st.st_mtime_ns, sha,
        page_count, error,
    )
    title_terms = " ".join(tokenize(" ".join([spec.title, *spec.tags])))
    index.replace_document(record, title_terms, segments)
    return ("failed", error) if error else ("indexed", "")


def build_index(
    index: SearchIndex | str | Path,
    specs: Iterable[DocSpec],
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
    force: bool = False,
    prune: bool = True,
) -> BuildReport:
    """Update *index* (an open index or a file path) so it holds exactly *specs*.

    *progress* is called after each document with ``(done, total, title)``; when *cancelled*
    returns true the build stops between documents (what is done stays indexed).  With *force*
    every document is read again.  With *prune*, documents not in *specs* are removed.
    """
    started = time.perf_counter()
    own = not isinstance(index, SearchIndex)
    idx = SearchIndex.open(index) if own else index
    specs = list(specs)
    report = BuildReport()
    try:
        if prune:
            report.removed = idx.keep_only(s.doc_id for s in specs)
        for done, spec in enumerate(specs, start=1):
            if cancelled is not None and cancelled():
                report.cancelled = True
                break
            status, message = index_document(idx, spec, force)
            if status == "indexed":
                report.indexed.append(spec.doc_id)
            elif status == "unchanged":
                report.unchanged.append(spec.doc_id)
            else:
                report.failed[spec.doc_id] = message
            if progress is not None:
                progress(done, len(specs), spec.title)
        if len(report.indexed) > 20:
            idx.optimize()
    finally:
        if own:
            idx.close()
    report.seconds = time.perf_counter() - started
    return report


# --- worker-process entry points (module level, picklable) ----------------------------------

_open_indexes: dict[str, SearchIndex] = {}


def _worker_index(db_path: str) -> SearchIndex:
    idx = _open_indexes.get(db_path)
    if idx is None:
        idx = _open_indexes[db_path] = SearchIndex.open(db_path)
    return idx


def index_document_job(db_path: str, spec: DocSpec, force: bool = False) -> tuple[str, str]:
    """Worker entry: :func:`index_document` on the index file *db_path* (kept open per process)."""
    return index_document(_worker_index(db_path), spec, force)


def prune_job(db_path: str, keep_ids: list[str]) -> list[str]:
    """Worker entry: remove documents not in *keep_ids*; returns the removed ids."""
    return _worker_index(db_path).keep_only(keep_ids)


def optimize_job(db_path: str) -> None:
    """Worker entry: merge the index b-trees after many documents were added."""
    _worker_index(db_path).optimize()
