"""Search benchmark (not collected by pytest; run by hand, results go to docs/performance.md).

    . .venv/bin/activate
    python -m tests.benchmarks.bench_search                  # bundled + synthetic + pdfgrep
    python -m tests.benchmarks.bench_search --docs 100       # a smaller synthetic library
    python -m tests.benchmarks.bench_search --skip-synthetic # bundled library only

Prints, for the bundled library and for a synthetic library (default 1,000 documents x 30
pages, kept in --work and reused): full index build from nothing, plain PyMuPDF text
extraction of the same files (the floor), the ratio, the index size, and query latency
(p50/p95/max over repeated 1-3 word queries), plus pdfgrep over the same files as the
no-index baseline.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1))))
    return ordered[k]


def _extract_all(paths: list[Path]) -> int:
    import pymupdf

    pages = 0
    for path in paths:
        with pymupdf.open(path) as doc:
            for page in doc:
                page.get_text()
                pages += 1
    return pages


class Clock:
    """Wall time and CPU time (this process and its finished child processes) of a block.

    The CPU figure hardly moves when other programs load the machine; the wall figure does."""

    def __enter__(self) -> Clock:
        import resource

        self._wall = time.perf_counter()
        self._cpu = time.process_time()
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        self._children = children.ru_utime + children.ru_stime
        return self

    def __exit__(self, *exc) -> None:
        import resource

        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.wall = time.perf_counter() - self._wall
        self.cpu = (time.process_time() - self._cpu
                    + children.ru_utime + children.ru_stime - self._children)


def extraction_floor(paths: list[Path], processes: int = 1) -> Clock:
    """Plain ``page.get_text()`` of every page (the floor), in one process or split over
    *processes* spawned processes."""
    with Clock() as clock:
        if processes <= 1:
            _extract_all(paths)
        else:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            chunks = [paths[i::processes] for i in range(processes)]
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(processes, mp_context=context) as pool:
                list(pool.map(_extract_all, chunks))
    return clock


def build(db: Path, specs, workers: int = 1) -> tuple[Clock, dict]:
    from brochure_reader.pdf.document import close_all
    from brochure_reader.search.builder import build_index
    from brochure_reader.search.index import SearchIndex

    SearchIndex.delete_files(db)
    close_all()
    with Clock() as clock:
        report = build_index(db, specs, workers=workers)
    assert not report.failed, report.failed
    with SearchIndex.open(db) as index:
        stats = index.stats()
    return clock, stats


def latency(db: Path, queries: list[str], repeat: int, limit: int = 20) -> dict:
    from brochure_reader.search.engine import Searcher
    from brochure_reader.search.index import SearchIndex

    times, cpu = [], []
    with SearchIndex.open(db) as index:
        searcher = Searcher(index)
        for q in queries:  # warm-up: first use of each word fills caches, as in the app
            searcher.search(q, limit=limit)
        for _ in range(repeat):
            for q in queries:
                started, started_cpu = time.perf_counter(), time.process_time()
                searcher.search(q, limit=limit)
                times.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
        cold = []
        for q in queries:  # a fresh connection per query: no cached stems or vocabulary
            with SearchIndex.open(db) as fresh:
                started = time.perf_counter()
                Searcher(fresh, searcher.thesaurus).search(q, limit=limit)
                cold.append((time.perf_counter() - started) * 1000)
    return {"n": len(times), "p50": percentile(times, 50), "p95": percentile(times, 95),
            "max": max(times), "cold_p95": percentile(cold, 95), "cpu_p95": percentile(cpu, 95)}


def pdfgrep(folder: Path, queries: list[str], timeout: float) -> dict:
    """Seconds per query for ``pdfgrep -r -i -c`` over *folder* (all words of the query, as a
    regex of alternatives: pdfgrep has no AND)."""
    if not shutil.which("pdfgrep"):
        return {}
    times = []
    for q in queries:
        pattern = "|".join(q.split())
        started = time.perf_counter()
        try:
            subprocess.run(["pdfgrep", "-r", "-i", "-c", "-P", pattern, str(folder)],
                           capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            times.append(float("inf"))
            continue
        times.append(time.perf_counter() - started)
    return {"n": len(times), "median_s": statistics.median(times), "max_s": max(times)}


def synthetic_queries(pool_paragraphs: list[str], n: int, seed: int = 7) -> list[str]:
    """1-3 word queries made of words that occur together in the text."""
    from brochure_reader.search.normalise import tokenize
    from brochure_reader.search.query import STOP_WORDS

    rng = random.Random(seed)
    out = []
    while len(out) < n:
        words = [w for w in tokenize(rng.choice(pool_paragraphs))
                 if len(w) > 3 and w.isalpha() and w not in STOP_WORDS]
        if len(words) < 3:
            continue
        size = rng.choice((1, 1, 2, 2, 3))
        start = rng.randrange(0, len(words) - size + 1)
        out.append(" ".join(words[start:start + size]))
    return out


def bundled(work: Path, args) -> dict:
    """Bundled-library figures (also printed): ``{"pages", "builds", "builds2", "floor",
    "latency", "pdfgrep", "bytes", "pdf_bytes"}`` (seconds, ms in "latency")."""
    from brochure_reader.library import Library
    from brochure_reader.paths import AppPaths
    from brochure_reader.search.builder import PARALLEL_FROM, specs_from_library

    paths = AppPaths.from_home(work / "home").ensure()
    library = Library.load(paths)
    specs = [s for s in specs_from_library(library) if s.path.endswith(".pdf")]
    if not specs:
        print("bundled library: no built pack found (assets/pack/pack.toml), skipped")
        return {}
    files = [Path(s.path) for s in specs]
    pages = sum(_page_count(p) for p in files)
    db = work / "bundled.sqlite3"
    builds = [build(db, specs)[0].wall for _ in range(3)]
    builds2 = [build(db, specs, workers=2)[0].wall for _ in range(3)]
    floor = min(extraction_floor(files).wall for _ in range(3))
    _seconds, stats = build(db, specs)
    try:
        from tests.unit.test_search_pack import CASES

        queries = [case[0] for case in CASES]
    except ImportError:
        queries = ["fatigue", "blood test", "tired all the time", "FLT3", "leukemia"]
    lat = latency(db, queries, args.repeat)
    print(f"bundled library: {len(specs)} documents, {pages} pages")
    print(f"  full index from nothing: median {statistics.median(builds):.2f} s "
          f"(runs: {', '.join(f'{b:.2f}' for b in builds)}); plain extraction {floor:.2f} s; "
          f"ratio {statistics.median(builds) / floor:.2f}; build_index(workers=2) median "
          f"{statistics.median(builds2):.2f} s (reads in-process below "
          f"{PARALLEL_FROM} documents)")
    print(f"  index size {stats['bytes'] / 1e6:.2f} MB, {stats['segments']} rows, "
          f"{stats['terms']} terms")
    print(f"  queries ({len(queries)} from the 40-case table x {args.repeat}): p50 "
          f"{lat['p50']:.2f} ms, p95 {lat['p95']:.2f} ms (CPU p95 {lat['cpu_p95']:.2f} ms), "
          f"max {lat['max']:.2f} ms; "
          f"first query on a fresh connection p95 {lat['cold_p95']:.2f} ms")
    grep = {}
    if not args.skip_pdfgrep:
        folder = files[0].parent
        grep = pdfgrep(folder, queries, timeout=120)
        if grep:
            print(f"  pdfgrep (no index) over the same files: median {grep['median_s']:.2f} s, "
                  f"max {grep['max_s']:.2f} s per query")
    return {"pages": pages, "builds": builds, "builds2": builds2, "floor": floor, "latency": lat,
            "pdfgrep": grep, "bytes": stats["bytes"],
            "pdf_bytes": sum(f.stat().st_size for f in files)}


def _page_count(path: Path) -> int:
    import pymupdf

    with pymupdf.open(path) as doc:
        return doc.page_count


def synthetic(work: Path, args) -> dict:
    """Synthetic-library figures (also printed): ``{"pages", "floor", "floor2", "one", "two",
    "latency", "pdfgrep", "bytes", "pdf_bytes"}`` (Clock objects for the builds)."""
    from brochure_reader.paths import assets_dir
    from brochure_reader.search.builder import DocSpec
    from tests.benchmarks.synthetic import make_library, text_pool
    from tests.conftest import corpus_dir

    corpus = corpus_dir() / "pdfs"
    folder = Path(args.work) / f"synthetic-{args.docs}x{args.pages}"
    started = time.perf_counter()
    library = make_library(folder, assets_dir(), corpus, args.docs, args.pages)
    made = time.perf_counter() - started
    specs = [DocSpec(doc_id, title, str(path), "synthetic") for doc_id, title, path in library]
    files = [path for _i, _t, path in library]
    print(f"synthetic library: {len(specs)} documents x {args.pages} pages = "
          f"{len(specs) * args.pages} pages ({made:.0f} s to make or reuse, in {folder})")
    db = work / "synthetic.sqlite3"
    floors, floors2, builds, builds2 = [], [], [], []
    for _ in range(args.runs):  # interleaved: a busy machine disturbs all four alike
        floors.append(extraction_floor(files))
        floors2.append(extraction_floor(files, 2))
        builds.append(build(db, specs)[0])
        clock, stats = build(db, specs, workers=2)
        builds2.append(clock)

    def best(clocks: list[Clock]) -> Clock:
        return min(clocks, key=lambda c: c.wall)

    floor, floor2, one, two = best(floors), best(floors2), best(builds), best(builds2)
    cpu_floor = min(c.cpu for c in floors)
    cpu_one = min(c.cpu for c in builds)
    cpu_two = min(c.cpu for c in builds2)
    print(f"  plain PyMuPDF extraction (the floor): {floor.wall:.1f} s in 1 process, "
          f"{floor2.wall:.1f} s in 2 processes (best of {args.runs}); {cpu_floor:.1f} CPU s")
    print(f"  index build from nothing, 1 process: {one.wall:.1f} s (ratio "
          f"{one.wall / floor.wall:.2f}), {cpu_one:.1f} CPU s "
          f"(CPU ratio {cpu_one / cpu_floor:.2f})")
    print(f"  index build from nothing, reading in 2 worker processes: {two.wall:.1f} s (ratio "
          f"{two.wall / floor.wall:.2f} to the 1-process floor, {two.wall / floor2.wall:.2f} to "
          f"the 2-process floor), {cpu_two:.1f} CPU s")
    size = sum(f.stat().st_size for f in files)
    print(f"  index size {stats['bytes'] / 1e6:.0f} MB ({stats['bytes'] / size:.2f} x the PDFs, "
          f"{stats['bytes'] / stats['pages'] / 1e3:.1f} kB per page), {stats['segments']} rows, "
          f"{stats['terms']} distinct terms")
    paragraphs, _headings = text_pool(assets_dir(), corpus)
    queries = synthetic_queries(paragraphs, args.queries)
    lat = latency(db, queries, args.repeat)
    print(f"  queries ({len(queries)} 1-3 word queries x {args.repeat}): p50 {lat['p50']:.1f} ms, "
          f"p95 {lat['p95']:.1f} ms (CPU p95 {lat['cpu_p95']:.1f} ms), max {lat['max']:.1f} ms; "
          f"first query on a fresh "
          f"connection p95 {lat['cold_p95']:.1f} ms")
    grep = {}
    if not args.skip_pdfgrep:
        grep = pdfgrep(folder, queries[: args.pdfgrep_queries], timeout=args.pdfgrep_timeout)
        if grep:
            print(f"  pdfgrep (no index), {grep['n']} of the queries: median "
                  f"{grep['median_s']:.1f} s, max {grep['max_s']:.1f} s per query")
    return {"pages": len(specs) * args.pages, "floor": floor, "floor2": floor2, "one": one,
            "two": two, "latency": lat, "pdfgrep": grep, "bytes": stats["bytes"],
            "pdf_bytes": size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--runs", type=int, default=1, help="timed builds of the synthetic "
                        "library (the best is reported)")
    parser.add_argument("--work", default=os.path.join(tempfile.gettempdir(),
                                                       "brochure-reader-bench"))
    parser.add_argument("--skip-synthetic", action="store_true")
    parser.add_argument("--skip-bundled", action="store_true")
    parser.add_argument("--skip-pdfgrep", action="store_true")
    parser.add_argument("--pdfgrep-queries", type=int, default=5)
    parser.add_argument("--pdfgrep-timeout", type=float, default=600)
    args = parser.parse_args()
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    print(f"CPU cores: {os.cpu_count()}")
    if not args.skip_bundled:
        bundled(work, args)
    if not args.skip_synthetic:
        synthetic(work, args)


if __name__ == "__main__":
    main()
