"""Build a content pack: every ``*.md`` source -> ``<id>.pdf`` plus ``pack.toml``.

Used by ``brochure-reader build-pack SOURCE_DIR OUT_DIR`` and to make the bundled pack in
``assets/pack`` (sources in ``assets/pack/sources``).
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from brochure_reader.authoring.shared import SHARED_DIR, SharedBlockError, load_shared_blocks
from brochure_reader.authoring.source import Source, SourceError, parse_source
from brochure_reader.language import LANGUAGE
from brochure_reader.library.pack import PACK_FILE, toml_string

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

PACK_ID = "brochure-reader-core"
PACK_TITLE = "Brochures from the Brochure Reader project"
#: The brochures' text and PDFs are CC BY-SA 4.0 (the program itself is AGPL-3.0-or-later).
PACK_LICENSE = "CC-BY-SA-4.0"
PACK_LICENSE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"
SOURCES_DIR = "sources"


@dataclass(frozen=True)
class BuiltDocument:
    id: str
    title: str
    file: str
    pages: int
    seconds: float


@dataclass
class BuildReport:
    """What :func:`build_pack` did."""

    out_dir: Path
    version: str
    documents: list[BuiltDocument] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  #: stale PDFs deleted from out_dir
    sources_copied: int = 0
    seconds: float = 0.0

    @property
    def pages(self) -> int:
        return sum(d.pages for d in self.documents)

    def summary(self) -> str:
        """One line for the CLI."""
        return (
            f"Built {len(self.documents)} documents ({self.pages} pages) into {self.out_dir} "
            f"in {self.seconds:.1f} s (pack version {self.version})"
        )


def load_sources(source_dir: Path) -> list[Source]:
    """Parse every ``*.md`` in *source_dir* (sorted by name), with the shared blocks of
    ``source_dir/shared/`` expanded; ids must be unique."""
    source_dir = Path(source_dir)
    if not source_dir.is_dir():
        raise SourceError(f"{source_dir}: not a folder of Markdown sources")
    paths = sorted(source_dir.glob("*.md"))
    if not paths:
        raise SourceError(f"{source_dir}: no *.md sources found")
    try:
        shared = load_shared_blocks(source_dir / SHARED_DIR)
    except SharedBlockError as exc:
        raise SourceError(str(exc)) from exc
    sources = [parse_source(path, shared) for path in paths]
    seen: dict[str, Path] = {}
    for source in sources:
        assert source.path is not None
        if source.id in seen:
            raise SourceError(
                f"{source.path}: field 'id' '{source.id}' is also used by {seen[source.id].name}"
            )
        seen[source.id] = source.path
    return sources


def pack_version(sources: list[Source]) -> str:
    """The newest ``reviewed`` date as ``YYYY.MM.DD``."""
    newest = max(s.reviewed for s in sources if s.reviewed)
    return f"{newest:%Y.%m.%d}"


def pack_toml(sources: list[Source], version: str) -> str:
    """The text of ``pack.toml`` for *sources* (documents in id order)."""
    lines = [
        f"id = {toml_string(PACK_ID)}",
        f"title = {toml_string(PACK_TITLE)}",
        f"language = {toml_string(LANGUAGE)}",
        f"version = {toml_string(version)}",
        f"license = {toml_string(PACK_LICENSE)}",
        f"license_url = {toml_string(PACK_LICENSE_URL)}",
    ]
    for s in sorted(sources, key=lambda s: s.id):
        assert s.reviewed and s.next_review
        lines += [
            "",
            "[[documents]]",
            f"id = {toml_string(s.id)}",
            f"title = {toml_string(s.title)}",
            f"file = {toml_string(s.id + '.pdf')}",
            f"category = {toml_string(s.category)}",
            f"audience = {toml_string(s.audience)}",
            f"summary = {toml_string(s.summary)}",
            f"reviewed = {s.reviewed.isoformat()}",
            f"next_review = {s.next_review.isoformat()}",
            "tags = [" + ", ".join(toml_string(t) for t in s.tags) + "]",
        ]
    return "\n".join(lines) + "\n"


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _previous_files(out_dir: Path) -> set[str]:
    """PDF file names listed by an existing pack.toml in *out_dir* (to remove stale ones)."""
    try:
        data = tomllib.loads((out_dir / PACK_FILE).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return set()
    if data.get("id") != PACK_ID:
        return set()
    names = set()
    for entry in data.get("documents", []):
        name = entry.get("file") if isinstance(entry, dict) else None
        if isinstance(name, str) and name.endswith(".pdf") and Path(name).name == name:
            names.add(name)
    return names


def _typeset_one(source: Source, font_size: float | None, large_print: bool):
    started = time.perf_counter()
    from brochure_reader.authoring.typesetter import typeset  # PyMuPDF: only when building

    result = typeset(source, font_size=font_size, large_print=large_print)
    return result.pdf, result.page_count, time.perf_counter() - started


def build_pack(
    source_dir: Path,
    out_dir: Path,
    *,
    large_print: bool = False,
    base_font_size: float | None = None,
    jobs: int = 1,
) -> BuildReport:
    """Typeset every ``*.md`` in *source_dir* into ``out_dir/<id>.pdf`` and write
    ``out_dir/pack.toml``; copy the sources (and their ``shared/`` blocks) to
    ``out_dir/sources/`` unless they are there.

    *base_font_size* is the body size in points (default 14, or 18 with *large_print*).
    *jobs* > 1 typesets in that many worker processes (PyMuPDF is not thread-safe).
    Raises :class:`SourceError` (one line naming the file and field) before writing anything
    if a source is invalid; OSError if *out_dir* cannot be written.
    """
    started = time.perf_counter()
    source_dir, out_dir = Path(source_dir), Path(out_dir)
    sources = load_sources(source_dir)
    version = pack_version(sources)
    out_dir.mkdir(parents=True, exist_ok=True)
    previous = _previous_files(out_dir)
    report = BuildReport(out_dir=out_dir, version=version)
    args = [(source, base_font_size, large_print) for source in sources]
    if jobs > 1 and len(sources) > 1:
        context = multiprocessing.get_context("spawn")  # no fork of a process using MuPDF
        with ProcessPoolExecutor(min(jobs, len(sources)), mp_context=context) as pool:
            results = list(pool.map(_typeset_one, *zip(*args, strict=True)))
    else:
        results = [_typeset_one(*a) for a in args]
    for source, (pdf, pages, seconds) in zip(sources, results, strict=True):
        file_name = f"{source.id}.pdf"
        _write_atomic(out_dir / file_name, pdf)
        report.documents.append(BuiltDocument(source.id, source.title, file_name, pages, seconds))
    current = {d.file for d in report.documents}
    for name in sorted(previous - current):
        (out_dir / name).unlink(missing_ok=True)
        report.removed.append(name)
    _write_atomic(out_dir / PACK_FILE, pack_toml(sources, version).encode("utf-8"))
    target = out_dir / SOURCES_DIR
    if source_dir.resolve() != target.resolve():
        target.mkdir(exist_ok=True)
        for source in sources:
            assert source.path is not None
            shutil.copyfile(source.path, target / source.path.name)
            report.sources_copied += 1
        shared = source_dir / SHARED_DIR
        if shared.is_dir():
            (target / SHARED_DIR).mkdir(exist_ok=True)
            for block in sorted(shared.glob("*.md")):
                shutil.copyfile(block, target / SHARED_DIR / block.name)
    report.seconds = time.perf_counter() - started
    return report
