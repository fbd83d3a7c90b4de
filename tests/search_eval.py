"""The search evaluation of issue 18: what patients type -> the sections that answer it.

The table is ``tests/data/search_eval.tsv`` (columns and grading described in its header).
Metrics are at **section level**: the hits of one search are read as the list of distinct
``(document, section)`` pairs in hit order (a section spread over two pages counts once).

* top-k: share of queries with a best *or* acceptable section among the first k sections;
* top-1 best: share whose first section is a best answer;
* MRR: mean of gain / rank of the first relevant section (gain 1 for best, 0.5 for
  acceptable; 0 when none is in the first :data:`DEPTH` sections);
* misses: share of the ``miss`` rows (no brochure covers the question) whose result kind is
  ``none`` (no hits presented as answers).

Run ``python -m tests.search_eval`` for the report (per split, then the failing rows of the
*tune* split only, so that tuning never looks at held-out rows; ``--held-out`` lists those too,
``-q`` only the figures, ``--latency`` also the time per search over the table's queries); the
test ``tests/unit/test_search_eval.py`` fails below the levels recorded in docs/search.md.
"""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass
from pathlib import Path

TABLE = Path(__file__).resolve().parent / "data" / "search_eval.tsv"
#: How many hits are read for the metrics.
DEPTH = 20


@dataclass(frozen=True)
class Case:
    split: str  #: "tune" or "held-out"
    kind: str
    query: str
    best: frozenset[tuple[str, str]]
    acceptable: frozenset[tuple[str, str]]

    @property
    def is_miss(self) -> bool:
        return self.kind == "miss"


def _sections(cell: str) -> frozenset[tuple[str, str]]:
    out = set()
    for part in filter(None, (p.strip() for p in cell.split(" | "))):
        doc_id, _, section = part.partition("#")
        out.add((doc_id, section))
    return frozenset(out)


def load_cases(path: Path = TABLE) -> list[Case]:
    """The rows of the table (comment lines start with ``#``)."""
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    rows = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [Case(r["split"], r["kind"], r["query"], _sections(r["best"]),
                 _sections(r["acceptable"] or "")) for r in rows]


@dataclass(frozen=True)
class Outcome:
    case: Case
    sections: tuple[tuple[str, str | None], ...]  #: distinct sections in hit order
    kind: str  #: the result kind the search reported
    rank: int | None  #: 1-based rank of the first relevant section, None if none
    gain: float  #: 1 best, 0.5 acceptable, 0 none

    @property
    def ok(self) -> bool:
        """A miss row: reported as none; an answerable row: relevant section first."""
        if self.case.is_miss:
            return self.kind == "none"
        return self.rank == 1


def run_case(searcher, case: Case) -> Outcome:
    result = searcher.search(case.query, limit=DEPTH)
    sections: list[tuple[str, str | None]] = []
    for hit in result.hits:
        key = (hit.document_id, hit.section)
        if key not in sections:
            sections.append(key)
    kind = getattr(result, "kind", "none" if not result.hits else "exact")
    rank, gain = None, 0.0
    for position, key in enumerate(sections, start=1):
        if key in case.best:
            rank, gain = position, 1.0
            break
        if key in case.acceptable:
            rank, gain = position, 0.5
            break
    return Outcome(case, tuple(sections), kind, rank, gain)


@dataclass(frozen=True)
class Metrics:
    queries: int
    top1: float
    top1_best: float
    top3: float
    mrr: float
    misses: int
    misses_ok: float

    def line(self, name: str) -> str:
        return (f"{name:<9} {self.queries:>4} queries  top-1 {self.top1:6.1%}  "
                f"(best {self.top1_best:6.1%})  top-3 {self.top3:6.1%}  MRR {self.mrr:.3f}  "
                f"misses {self.misses_ok:6.1%} of {self.misses}")


def metrics(outcomes: list[Outcome]) -> Metrics:
    answerable = [o for o in outcomes if not o.case.is_miss]
    misses = [o for o in outcomes if o.case.is_miss]
    n = max(len(answerable), 1)
    return Metrics(
        queries=len(answerable),
        top1=sum(o.rank == 1 for o in answerable) / n,
        top1_best=sum(o.rank == 1 and o.gain == 1.0 for o in answerable) / n,
        top3=sum(o.rank is not None and o.rank <= 3 for o in answerable) / n,
        mrr=sum(o.gain / o.rank for o in answerable if o.rank) / n,
        misses=len(misses),
        misses_ok=sum(o.kind == "none" for o in misses) / max(len(misses), 1),
    )


def evaluate(searcher, cases: list[Case] | None = None) -> dict[str, tuple[Metrics, list[Outcome]]]:
    """``{"tune": (metrics, outcomes), "held-out": ..., "all": ...}``."""
    cases = cases if cases is not None else load_cases()
    outcomes = [run_case(searcher, c) for c in cases]
    report = {}
    for split in ("tune", "held-out"):
        part = [o for o in outcomes if o.case.split == split]
        report[split] = (metrics(part), part)
    report["all"] = (metrics(outcomes), outcomes)
    return report


def bundled_searcher(folder: Path):
    """A Searcher over the bundled library, indexed into *folder* (returns it and the index)."""
    from brochure_reader.library import Library
    from brochure_reader.paths import AppPaths
    from brochure_reader.search.builder import build_index, specs_from_library
    from brochure_reader.search.engine import Searcher
    from brochure_reader.search.index import SearchIndex

    library = Library.load(AppPaths.from_home(folder / "home"))
    db = folder / "eval-index.sqlite3"
    build_index(db, specs_from_library(library))
    index = SearchIndex.open(db)
    return Searcher(index), index


def latency(searcher, repeat: int = 5) -> str:  # pragma: no cover - a report for people
    """Time per search over the table's queries, measured as the search benchmark does
    (tests/benchmarks/bench_search.py: warm-up, then *repeat* rounds), as one line."""
    from tests.benchmarks.bench_search import latency as measure

    queries = [c.query for c in load_cases()]
    r = measure(searcher.index.path, queries, repeat, limit=DEPTH)
    return (f"latency over {len(queries)} queries x {repeat}: p50 {r['p50']:.2f} ms, "
            f"p95 {r['p95']:.2f} ms (CPU p95 {r['cpu_p95']:.2f} ms), max {r['max']:.2f} ms; "
            f"first query on a fresh connection p95 {r['cold_p95']:.2f} ms")


def main(argv: list[str]) -> int:  # pragma: no cover - a report for people
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        searcher, index = bundled_searcher(Path(tmp))
        try:
            report = evaluate(searcher)
            if "--latency" in argv:
                print(latency(searcher))
        finally:
            index.close()
    for split in ("tune", "held-out", "all"):
        print(report[split][0].line(split))
    if "-q" not in argv:
        print()
        shown = "all" if "--held-out" in argv else "tune"
        for outcome in report[shown][1]:
            if not outcome.ok:
                c = outcome.case
                got = "; ".join(f"{d}#{s}" for d, s in outcome.sections[:3]) or "(no hits)"
                print(f"[{c.split}/{c.kind}] {c.query!r}: rank {outcome.rank}, "
                      f"kind {outcome.kind}: {got}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
