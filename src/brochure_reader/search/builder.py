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
from dataclasses import dataclass, field, replace
from pathlib import Path

from brochure_reader.pdf.jobs import job
from brochure_reader.search.index import IndexedDocument, IndexSpaceError, SearchIndex, Segment
from brochure_reader.search.normalise import fold, terms_text, tokenize

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


def specs_from_library(library, passwords: dict[str, str] | None = None) -> list[DocSpec]:
    """A :class:`DocSpec` for every document of a :class:`brochure_reader.library.Library`;
    *passwords* (doc id -> password, typed this session) unlock protected documents."""
    passwords = passwords or {}
    return [replace(DocSpec.from_document(doc), password=passwords.get(doc.id))
            for doc in library.documents()]


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
            if node.page is not None and node.page < len(extracted.pages):
                terms = " ".join(tokenize(" ".join(reversed(path))))
                out.append((node.page, node.y, node.title, node.ref, terms))
            walk(node.children, path)

    walk(roots, [])
    out.sort(key=lambda s: s[0])  # stable: keeps outline order within a page
    return out


def _heading_block(blocks, title: str, after: int) -> int | None:
    """Index of the block at or after *after* that is the heading *title* (its text starts
    with the title, or is the start of a title broken over several blocks)."""
    wanted = " ".join(fold(title).split())
    if not wanted:
        return None
    longest = 2 * len(wanted) + 20
    for index in range(after, len(blocks)):
        if len(blocks[index].text) > longest:
            continue
        text = " ".join(fold(blocks[index].text).split())
        if text.startswith(wanted) or (len(text) >= 4 and wanted.startswith(text)):
            return index
    return None


def _section_starts(sections, pages) -> list[tuple[int, int]]:
    """Where each section starts, as ``(page, block index)``.

    The block holding the heading text is used when it can be found (robust against outline
    destinations that point a little off, or at the wrong height); otherwise the first block
    whose vertical middle is at or below the destination's y.
    """
    starts: list[tuple[int, int]] = []
    for page, y, title, _ref, _terms in sections:
        blocks = pages[page]
        after = starts[-1][1] + 1 if starts and starts[-1][0] == page else 0
        index = _heading_block(blocks, title, after)
        if index is None:
            index = next((i for i, b in enumerate(blocks) if (b.top + b.bottom) / 2 >= y - 1),
                         len(blocks))
            index = max(index, after if starts and starts[-1][0] == page else 0)
        starts.append((page, index))
    return starts


def segments_of(
    spec: DocSpec, extracted, vocabulary: set[bytes] | None = None
) -> list[Segment]:
    """Cut each page of *extracted* (an ``ExtractedDocument``) into per-section segments:
    a block belongs to the last section that starts at or before it.  Every body term is
    added to *vocabulary* (UTF-8) when one is given."""
    sections = _flat_sections(spec, extracted)
    starts = _section_starts(sections, extracted.pages)
    segments: list[Segment] = []
    answered: set[str] = set()  # refs whose answers are on a row already
    current = -1  # index into sections of the section in force
    for page_no, blocks in enumerate(extracted.pages):
        pieces: list[tuple[int, list[str]]] = []
        for block_no, block in enumerate(blocks):
            while current + 1 < len(starts) and starts[current + 1] <= (page_no, block_no):
                current += 1
            if pieces and pieces[-1][0] == current:
                pieces[-1][1].append(block.text)
            else:
                pieces.append((current, [block.text]))
        for section_index, texts in pieces:
            text = " ".join(texts)
            title: str | None
            ref: str | None
            if section_index >= 0:
                _p, _y, title, ref, heading_terms = sections[section_index]
                # a heading at the foot of a page: its text starts on the next (folding drops
                # marks and may double a letter, "ß" -> "ss": only a text several times longer
                # than the title cannot fold to it, and folding a whole page costs)
                if len(text) <= 4 * len(title) + 8 and fold(text) == fold(title):
                    continue
            else:
                title = ref = None
                heading_terms = ""
            answers = ""
            if ref and ref not in answered:
                answered.add(ref)
                questions = extracted.answers.get(ref.partition("#")[2])
                if questions:
                    answers = terms_text(" ".join(questions), vocabulary)
            segments.append(Segment(page_no, title, ref, heading_terms,
                                    terms_text(text, vocabulary), text, answers))
    return segments


def _sha256(path: str) -> str:
    from brochure_reader.files import file_sha256

    return file_sha256(Path(path))


@dataclass
class Prepared:
    """A document read and cut into rows, ready to write (picklable: made in workers)."""

    spec: DocSpec
    page_count: int
    segments: list[Segment]
    title_terms: str
    error: str = ""
    #: every term of the title, headings and bodies (for the index's term -> stem table)
    vocabulary: frozenset[str] = frozenset()
    #: ISO 639-1 code of the document's language, "" when unknown (``search.language``)
    language: str = ""


@job()
def prepare_document(spec: DocSpec) -> Prepared:
    """Extract *spec*'s text and cut it into rows.  Never raises for a bad document: the
    failure is in ``error``.  Runs in-process or in a worker process."""
    from brochure_reader.pdf.errors import DocumentError
    from brochure_reader.search.extract import extract_document
    from brochure_reader.search.language import document_language

    # each title/tag term once: the title column says what the document is about, how often
    # a tag repeats a word says nothing more
    title_terms = " ".join(dict.fromkeys(tokenize(" ".join([spec.title, *spec.tags]))))
    try:
        extracted = extract_document(spec.path, spec.password)
        found: set[bytes] = set()
        segments = segments_of(spec, extracted, found)
        words = set(b" ".join(found).decode().split())  # one decode: faster than one per word
        words.update(title_terms.split())
        for heading_terms in {s.heading_terms for s in segments}:
            words.update(heading_terms.split())
        language = document_language(
            extracted.language, (t for s in segments for t in s.body_terms.split()))
        return Prepared(spec, extracted.page_count, segments, title_terms, "", frozenset(words),
                        language)
    except DocumentError as exc:
        error = str(exc)
    except Exception as exc:  # MuPDF raises many types for damaged files
        from brochure_reader.pdf.document import damage_reason

        error = f"{Path(spec.path).name} could not be read for searching ({damage_reason(exc)})."
    return unreadable(spec, error)


def unreadable(spec: DocSpec, error: str) -> Prepared:
    """The :class:`Prepared` of a document that could not be read: no rows, *error* kept (its
    title still finds it)."""
    title_terms = " ".join(dict.fromkeys(tokenize(" ".join([spec.title, *spec.tags]))))
    return Prepared(spec, 0, [], title_terms, error, frozenset(title_terms.split()))


@dataclass
class _Check:
    """Outcome of comparing a document with what the index has: ``status`` is set when nothing
    needs to be read ("unchanged"/"failed"), else the file's size, mtime and hash."""

    status: str = ""
    message: str = ""
    size: int = 0
    mtime_ns: int = 0
    sha256: str = ""


def _check(index: SearchIndex, spec: DocSpec, force: bool) -> _Check:
    try:
        st = os.stat(spec.path)
    except OSError as exc:
        return _Check("failed", f"{Path(spec.path).name}: {exc.strerror or exc}")
    known = index.document(spec.doc_id)
    info = _info_key(spec)
    same_info = known is not None and known.path == spec.path and known.info == info
    if known is not None and known.error and spec.password:
        force = True  # it failed before (locked): now there is a password to try
    if (not force and known is not None and same_info
            and (known.size, known.mtime_ns) == (st.st_size, st.st_mtime_ns)):
        return _Check("unchanged", known.error)
    sha = _sha256(spec.path)
    if not force and known is not None and same_info and known.sha256 == sha:
        index.touch_document(spec.doc_id, st.st_size, st.st_mtime_ns)
        return _Check("unchanged", known.error)
    return _Check("", "", st.st_size, st.st_mtime_ns, sha)


def _write(index: SearchIndex, prepared: Prepared, check: _Check) -> tuple[str, str]:
    spec = prepared.spec
    record = IndexedDocument(
        spec.doc_id, spec.title, spec.category, _info_key(spec), spec.path, check.size,
        check.mtime_ns, check.sha256, prepared.page_count, prepared.error,
    )
    index.replace_document(record, prepared.title_terms, prepared.segments, prepared.vocabulary,
                           prepared.language)
    return ("failed", prepared.error) if prepared.error else ("indexed", "")


def index_document(index: SearchIndex, spec: DocSpec, force: bool = False) -> tuple[str, str]:
    """Bring one document up to date in *index*.

    Returns ``(status, message)``: status "indexed", "unchanged" or "failed" (the message says
    why, for the user).  Never raises for a bad document; a failed document is remembered with
    its hash so it is not tried again until the file changes (it is then "unchanged", with the
    old failure as message).
    """
    check = _check(index, spec, force)
    if check.status:
        return check.status, check.message
    return _write(index, prepare_document(spec), check)


#: Documents to read before build_index(workers > 1) starts worker processes (starting them
#: costs more than reading the bundled library: 0.94 s against 0.79 s in one process).
PARALLEL_FROM = 40


def build_index(
    index: SearchIndex | str | Path,
    specs: Iterable[DocSpec],
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
    force: bool = False,
    prune: bool = True,
    workers: int = 1,
    read: Callable[[DocSpec], Prepared] | None = None,
) -> BuildReport:
    """Update *index* (an open index or a file path) so it holds exactly *specs*.

    *progress* is called after each document with ``(done, total, title)``; when *cancelled*
    returns true the build stops between documents (what is done stays indexed).  With *force*
    every document is read again.  With *prune*, documents not in *specs* are removed.  With
    *workers* > 1 and at least PARALLEL_FROM documents to read, documents are read in that many
    worker processes while this process writes the index.  *read* reads one document
    (default :func:`prepare_document` here; the CLI reads imported files in a worker).
    """
    read = read or prepare_document
    started = time.perf_counter()
    idx = index if isinstance(index, SearchIndex) else SearchIndex.open(index)
    own = idx is not index
    if idx.read_only:
        if own:
            idx.close()
        if idx.full:
            idx.check_space(0)  # raises IndexSpaceError with the numbers
        raise IndexSpaceError("the search index cannot be updated: its folder cannot be "
                              f"written ({idx.path.parent}). Search uses what is already indexed")
    specs = list(specs)
    report = BuildReport()
    done = 0

    def record(spec: DocSpec, status: str, message: str) -> None:
        nonlocal done
        done += 1
        if status == "indexed":
            report.indexed.append(spec.doc_id)
        elif status == "unchanged":
            report.unchanged.append(spec.doc_id)
        else:
            report.failed[spec.doc_id] = message
        if progress is not None:
            progress(done, len(specs), spec.title)

    # A bulk build skips fsync at each document's commit (the index is a cache: a file damaged by
    # a power cut is found and rebuilt when opened); 30 % faster writes.
    idx.db.execute("PRAGMA synchronous=OFF")
    try:
        if prune:
            report.removed = idx.keep_only(s.doc_id for s in specs)
        todo: list[tuple[DocSpec, _Check]] = []
        for spec in specs:
            check = _check(idx, spec, force)
            if check.status:
                record(spec, check.status, check.message)
            else:
                todo.append((spec, check))
        if workers > 1 and len(todo) >= PARALLEL_FROM:
            _read_in_workers(idx, todo, workers, record, cancelled, report)
        else:
            for spec, check in todo:
                if cancelled is not None and cancelled():
                    report.cancelled = True
                    break
                record(spec, *_write(idx, read(spec), check))
        if len(report.indexed) > 20:
            idx.check_space(idx.path.stat().st_size)  # optimize rewrites the FTS b-trees
            idx.optimize()
    finally:
        idx.release_wal()  # the WAL's space goes back to the disk
        if own:
            idx.close()
        else:
            idx.db.execute("PRAGMA synchronous=NORMAL")
    report.seconds = time.perf_counter() - started
    return report


def _read_in_workers(idx, todo, workers, record, cancelled, report) -> None:
    """Read *todo* documents in worker processes, writing each to *idx* as it arrives.  If a
    worker dies (a file that crashes MuPDF), that document fails and the rest are read here."""
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("spawn")
    queue = list(reversed(todo))
    running: dict = {}
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        while queue or running:
            stop = cancelled is not None and cancelled()
            while queue and not stop and len(running) < workers * 2:
                spec, check = queue.pop()
                running[pool.submit(prepare_document, spec)] = (spec, check)
            if stop:
                report.cancelled = True
                for future in running:
                    future.cancel()
                queue.clear()
            finished, _pending = wait(running, return_when=FIRST_COMPLETED)
            broken = False
            for future in finished:
                spec, check = running.pop(future)
                if future.cancelled():
                    continue
                try:
                    prepared = future.result()
                except BrokenProcessPool:
                    broken = True
                    record(spec, "failed", f"{Path(spec.path).name} stopped the reader's "
                                           "document worker (the file may be damaged).")
                    continue
                record(prepared.spec, *_write(idx, prepared, check))
            if broken:
                queue.extend(reversed(list(running.values())))
                running.clear()
                break
    for spec, check in reversed(queue):
        if cancelled is not None and cancelled():
            report.cancelled = True
            break
        record(spec, *_write(idx, prepare_document(spec), check))


# --- worker-process entry points (module level, picklable) ----------------------------------

_open_indexes: dict[str, SearchIndex] = {}


def _worker_index(db_path: str) -> SearchIndex:
    idx = _open_indexes.get(db_path)
    if idx is None:
        idx = _open_indexes[db_path] = SearchIndex.open(db_path)
    return idx


@job(lane="background", retries=1)  # a crash may be chance: once more, then report it
def index_document_job(db_path: str, spec: DocSpec, force: bool = False) -> tuple[str, str]:
    """Worker entry: :func:`index_document` on the index file *db_path* (kept open per process)."""
    return index_document(_worker_index(db_path), spec, force)


@job(lane="background")
def prune_job(db_path: str, keep_ids: list[str]) -> list[str]:
    """Worker entry: remove documents not in *keep_ids*; returns the removed ids."""
    return _worker_index(db_path).keep_only(keep_ids)


@job(lane="background")
def optimize_job(db_path: str) -> None:
    """Worker entry: merge the index b-trees after many documents were added."""
    _worker_index(db_path).optimize()
