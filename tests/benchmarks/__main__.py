"""Every benchmark in one command; prints one table and writes it to docs/performance.md.

    python -m tests.benchmarks            # everything (about half an hour on an idle machine)
    python -m tests.benchmarks --quick    # a few minutes: fewer runs, no 30,000-page library
    python -m tests.benchmarks --no-write # print only

Each figure is compared with a baseline measured in the same invocation (bare PySide6 window,
PySide6 + PyMuPDF page 1, Okular, ``mutool draw``, PyMuPDF in-process render and extraction,
pdfgrep), so a loaded machine shifts both sides alike; the table gives the ratio, the median,
the min–max and the number of runs.  Launch timings come from outside the process (our own
Xvfb display with openbox, X events through python-xlib) and from the app's own first-paint
report (``--smoke``), both printed.  Needs Xvfb and openbox; Okular, mutool and pdfgrep are
baselines used when installed (the table says when one is absent).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BROCHURE = "pancreatic-cancer"  # the reference document
BEGIN, END = "<!-- benchmark table: begin -->", "<!-- benchmark table: end -->"


@dataclass
class Figure:
    """One row: *values* in *unit*; a target is a ratio to the baseline or an absolute limit."""

    name: str
    values: list[float]
    unit: str = "ms"
    baseline: str = ""
    baseline_values: list[float] = field(default_factory=list)
    max_ratio: float | None = None
    max_value: float | None = None
    note: str = ""

    @property
    def median(self) -> float | None:
        return statistics.median(self.values) if self.values else None

    @property
    def ratio(self) -> float | None:
        if not self.values or not self.baseline_values:
            return None
        base = statistics.median(self.baseline_values)
        return self.median / base if base else None

    @property
    def target(self) -> str:
        if self.max_ratio is not None:
            return f"≤ {self.max_ratio:g}×"
        if self.max_value is not None:
            return f"≤ {fmt(self.max_value, self.unit)}"
        return "baseline"

    @property
    def met(self) -> str:
        if not self.values:
            return "—"
        if self.max_ratio is not None:
            return "—" if self.ratio is None else ("yes" if self.ratio <= self.max_ratio else "no")
        if self.max_value is not None:
            return "yes" if self.median <= self.max_value else "no"
        return ""


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "ms":
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "s":
        return f"{value:.2f} s"
    return f"{value:g} {unit}".strip()


def table(figures: list[Figure]) -> str:
    rows = ["| figure | target | baseline | ratio | median | min–max | runs | met |",
            "|---|---|---|---|---|---|---|---|"]
    for f in figures:
        base = ""
        if f.baseline:
            base = f.baseline + (
                f" ({fmt(statistics.median(f.baseline_values), f.unit)})"
                if f.baseline_values else " (not measured)")
        spread = (f"{fmt(min(f.values), f.unit)} – {fmt(max(f.values), f.unit)}"
                  if f.values else "—")
        ratio = f"{f.ratio:.2f}×" if f.ratio is not None else "—"
        name = f.name + (f" ({f.note})" if f.note else "")
        rows.append(f"| {name} | {f.target} | {base} | {ratio} | {fmt(f.median, f.unit)} | "
                    f"{spread} | {len(f.values)} | {f.met} |")
    return "\n".join(rows)


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def python_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(REPO / "src"), str(REPO)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    return env


def unix_time(stdout: str, what: str) -> float | None:
    match = re.search(rf"{what}.*?unix time ([\d.]+)", stdout)
    return float(match.group(1)) if match else None


# --- launch: from outside -------------------------------------------------------------------


def launch_figures(runs: int, work: Path) -> list[Figure]:
    from tests.benchmarks.xwatch import Display, launch

    pdf = str(REPO / "assets" / "pack" / f"{BROCHURE}.pdf")
    env = python_env()
    py = sys.executable
    home = work / "launch-home"
    okular_home = work / "okular-home"
    okular_home.mkdir(parents=True, exist_ok=True)
    okular_env = {"HOME": str(okular_home), "XDG_CONFIG_HOME": str(okular_home / ".config"),
                  "XDG_DATA_HOME": str(okular_home / ".local/share")}
    have_okular = bool(shutil.which("okular"))
    results: dict[str, list[float]] = {k: [] for k in (
        "bare", "page", "okular_mapped", "okular_loaded", "home", "app_mapped", "app_page",
        "app_title", "mutool")}
    with Display() as display:
        for run in range(runs + 1):  # run 0 warms caches (files, fonts, Okular's first start)
            keep = run > 0
            r = launch(display, [py, "-m", "tests.benchmarks.floor_apps", "bare"],
                       title="loaded", env=env, cwd=str(REPO))
            t = unix_time(r.stdout, "painted")
            if keep and t:
                results["bare"].append((t - r.started_unix) * 1000)
            r = launch(display, [py, "-m", "tests.benchmarks.floor_apps", "page", pdf],
                       title="loaded", env=env, cwd=str(REPO))
            t = unix_time(r.stdout, "painted")
            if keep and t:
                results["page"].append((t - r.started_unix) * 1000)
            if have_okular:
                r = launch(display, ["okular", pdf], title="(?i)pancreatic", env=okular_env)
                if keep and r.titled:
                    results["okular_loaded"].append(r.titled * 1000)
                    results["okular_mapped"].append((r.mapped or r.titled) * 1000)
            r = launch(display, [py, "-m", "brochure_reader", "--home", str(home), "--smoke"],
                       env=env, until_exit=True, cwd=str(REPO))
            t = unix_time(r.stdout, "ready")
            if keep and t:
                results["home"].append((t - r.started_unix) * 1000)
            r = launch(display, [py, "-m", "brochure_reader", "--home", str(home), "--smoke",
                                 BROCHURE], title="(?i)pancreatic", env=env, until_exit=True,
                       cwd=str(REPO))
            t = unix_time(r.stdout, "first page painted")
            if keep and t:
                results["app_page"].append((t - r.started_unix) * 1000)
                if r.mapped:
                    results["app_mapped"].append(r.mapped * 1000)
                if r.titled:
                    results["app_title"].append(r.titled * 1000)
            if shutil.which("mutool"):
                started = time.perf_counter()
                subprocess.run(["mutool", "draw", "-q", "-r", "115", "-o", "/dev/null", "-F",
                                "pnm", pdf, "1"], capture_output=True, check=False)
                if keep:
                    results["mutool"].append((time.perf_counter() - started) * 1000)
            log(f"launch run {run}: " + ", ".join(
                f"{k} {v[-1]:.0f}" for k, v in results.items() if v and keep))
    okular = results["okular_loaded"]
    return [
        Figure("Baseline: bare PySide6 window painted", results["bare"]),
        Figure("Baseline: PySide6 + PyMuPDF page 1 painted", results["page"]),
        Figure("Baseline: Okular window mapped", results["okular_mapped"],
               note="" if have_okular else "Okular not installed"),
        Figure("Baseline: Okular document loaded (title)", okular,
               note="" if have_okular else "Okular not installed"),
        Figure("Baseline: `mutool draw` page 1, whole process", results["mutool"],
               note="" if shutil.which("mutool") else "mutool not installed"),
        Figure("Start to home view painted", results["home"],
               baseline="bare window", baseline_values=results["bare"], max_ratio=1.5),
        Figure("Launch with a brochure to its first page painted (app's report)",
               results["app_page"], baseline="Okular loaded", baseline_values=okular,
               max_ratio=1.0),
        Figure("… same launch, title shown (outside check)", results["app_title"],
               baseline="Okular loaded", baseline_values=okular),
        Figure("… same launch, window mapped (outside)", results["app_mapped"],
               baseline="Okular mapped", baseline_values=results["okular_mapped"]),
    ]


# --- in the running app ---------------------------------------------------------------------


def driver(args: list[str], work: Path, timeout: float = 900) -> dict:
    home = Path(tempfile.mkdtemp(prefix="home-", dir=work))
    env = dict(python_env(), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.app_driver", "--home", str(home), *args],
        capture_output=True, text=True, env=env, timeout=timeout, cwd=str(REPO))
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode or not lines:
        raise RuntimeError(f"app_driver {args} failed: {done.stderr[-2000:]}")
    return json.loads(lines[-1])


def inprocess_render(path: str, pages: list[int], scale: float, repeat: int = 3) -> list[float]:
    """Milliseconds per page of PyMuPDF's own render (document already open, in a child
    process so this one never imports PyMuPDF twice with different state)."""
    code = (
        "import sys, time, json, pymupdf\n"
        "doc = pymupdf.open(sys.argv[1]); s = float(sys.argv[2]); pages = json.loads(sys.argv[3])\n"
        "m = pymupdf.Matrix(s, s); doc[0].get_pixmap(matrix=m)\n"
        "out = []\n"
        "for _ in range(int(sys.argv[4])):\n"
        "    for p in pages:\n"
        "        t = time.perf_counter(); doc[p].get_pixmap(matrix=m, alpha=False, annots=True)\n"
        "        out.append((time.perf_counter() - t) * 1000)\n"
        "print(json.dumps(out))\n"
    )
    done = subprocess.run([sys.executable, "-c", code, path, str(scale), json.dumps(pages),
                           str(repeat)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def inprocess_open(paths: list[str], scale: float) -> list[float]:
    """Milliseconds to open a PDF, read its page sizes and render page 1 in-process."""
    code = (
        "import sys, time, json, pymupdf\n"
        "out = []\n"
        "for path in sys.argv[2:]:\n"
        "    t = time.perf_counter(); doc = pymupdf.open(path)\n"
        "    sizes = [p.rect for p in doc]\n"
        "    s = float(sys.argv[1]); doc[0].get_pixmap(matrix=pymupdf.Matrix(s, s), alpha=False)\n"
        "    out.append((time.perf_counter() - t) * 1000)\n"
        "print(json.dumps(out))\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(scale), *paths],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def mutool_pages(path: str, pages: str, count: int, dpi: float) -> float | None:
    """Milliseconds per page for ``mutool draw`` over *pages* (one process)."""
    if not shutil.which("mutool"):
        return None
    started = time.perf_counter()
    subprocess.run(["mutool", "draw", "-q", "-r", f"{dpi:.0f}", "-o", "/dev/null", "-F", "pnm",
                    path, pages], capture_output=True, check=False)
    return (time.perf_counter() - started) * 1000 / count


def big_document(work: Path, corpus: Path, pages: int = 2000) -> Path | None:
    """A 2,000-page PDF made of the 352-page corpus book repeated (kept in *work*)."""
    out = work / f"book-{pages}-pages.pdf"
    if out.is_file():
        return out
    source = corpus / "pdfjs__freeculture-352pages.pdf"
    if not source.is_file():
        return None
    code = (
        "import sys, pymupdf\n"
        "src = pymupdf.open(sys.argv[1]); out = pymupdf.open(); n = int(sys.argv[3])\n"
        "while out.page_count < n:\n"
        "    out.insert_pdf(src, to_page=min(src.page_count, n - out.page_count) - 1)\n"
        "out.save(sys.argv[2], garbage=1)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(source), str(out), str(pages)], check=True)
    return out


def app_figures(runs: int, work: Path, quick: bool) -> list[Figure]:
    from tests.conftest import corpus_dir

    pack = REPO / "assets" / "pack"
    bundled = sorted(pack.glob("*.pdf"), key=lambda p: -p.stat().st_size)
    doc_ids = [p.stem for p in sorted(pack.glob("*.pdf"))][: (4 if quick else 10)]
    opens, mem_rss, mem_pss, index_stalls, open_stalls = [], [], [], [], []
    reading_rss, reading_pss = [], []
    for run in range(runs):
        out = driver(["open", *doc_ids, BROCHURE], work)
        opens.extend(t * 1000 for t in out["open_seconds"][:-1] if t is not None)
        mem_rss.append(out["memory_open"]["rss"] / 1e6)
        mem_pss.append(out["memory_open"]["pss"] / 1e6)
        reading_rss.append(out["memory_reading"]["rss"] / 1e6)
        reading_pss.append(out["memory_reading"]["pss"] / 1e6)
        index_stalls.append(len(out["stalls"].get("start and index", [])))
        open_stalls.append(len(out["stalls"].get("open", [])))
        log(f"app open run {run}: {out}")
    scale = 1.6
    base_open = inprocess_open([str(pack / f"{d}.pdf") for d in doc_ids] * 2, scale)
    figures = [
        Figure("In-app open, home view to first page painted", opens, max_value=100,
               baseline="PyMuPDF in-process open + page 1", baseline_values=base_open),
        Figure("Process tree memory (RSS sum) with a brochure open", mem_rss, unit="MB",
               max_value=200, note="main + workers + helpers"),
        Figure("… the same as PSS (shared pages divided)", mem_pss, unit="MB", max_value=200),
        Figure("Process tree memory (RSS sum) reading a brochure, background work done",
               reading_rss, unit="MB", max_value=200,
               note="the idle background worker has exited (BACKGROUND_IDLE_EXIT)"),
        Figure("… the same as PSS", reading_pss, unit="MB", max_value=200),
        Figure("GUI stalls > 50 ms: start-up and background indexing", index_stalls, unit="",
               max_value=0),
        Figure("GUI stalls > 50 ms: opening documents", open_stalls, unit="", max_value=0),
    ]
    corpus = corpus_dir() / "pdfs"
    scrolls = [("largest bundled brochure", str(bundled[0]), None)]
    book = corpus / "pdfjs__freeculture-352pages.pdf"
    if book.is_file():
        scrolls.append(("352-page corpus book", str(book), 60 if quick else None))
    if not quick:
        big = big_document(work, corpus)
        if big is not None:
            scrolls.append(("2,000-page document", str(big), None))
    for label, path, steps in scrolls:
        extra = ["--max-steps", str(steps)] if steps else []
        out = driver(["--settle", "0.5", "scroll", path, *extra], work)
        log(f"scroll {label}: pages {out['pages']}, steps {out['steps']}, "
            f"stalls {out['stalls'].get('scroll')}, memory {out['memory_end']}")
        requests = [t * 1000 for t in out["request_seconds"]]
        pages = list(range(0, out["pages"], max(1, out["pages"] // 12)))[:12]
        base = inprocess_render(path, pages, out["device_scale"])
        figures.append(Figure(f"Page on screen after scrolling to it: {label}", requests,
                              baseline="PyMuPDF in-process render", baseline_values=base,
                              max_ratio=1.5, note="a screen at a time, prefetch included"))
        figures.append(Figure(f"GUI stalls > 50 ms: scrolling the {label} end to end",
                              [len(out["stalls"].get("scroll", []))], unit="", max_value=0))
        limit = 300 if "2,000" in label else None
        figures.append(Figure(f"Process tree memory (RSS sum) after scrolling the {label}",
                              [out["memory_end"]["rss"] / 1e6], unit="MB", max_value=limit))
        mutool = mutool_pages(path, "1-10", min(10, out["pages"]), out["device_scale"] * 72)
        if mutool is not None and label != scrolls[0][0]:
            figures.append(Figure(f"Baseline: `mutool draw` per page, {label}", [mutool]))
    return figures


# --- search -----------------------------------------------------------------------------------


def search_figures(work: Path, quick: bool) -> list[Figure]:
    from tests.benchmarks import bench_search

    args = argparse.Namespace(docs=100 if quick else 1000, pages=30, queries=60 if quick else 200,
                              repeat=3 if quick else 5, runs=1, work=str(work),
                              skip_pdfgrep=False, pdfgrep_queries=1 if quick else 2,
                              pdfgrep_timeout=600)
    figures = []
    b = bench_search.bundled(work, args)
    if b:
        lat = b["latency"]
        grep = b["pdfgrep"]
        figures += [
            Figure("Search, bundled library: query p95", [lat["p95"]], max_value=5,
                   baseline="pdfgrep, same files",
                   baseline_values=[grep["median_s"] * 1000] if grep else [],
                   note=f"{lat['n']} queries, p50 {lat['p50']:.1f} ms"),
            Figure("Search, bundled: first query on a fresh connection, p95", [lat["cold_p95"]],
                   max_value=50),
            Figure("Index build, bundled library", [t * 1000 for t in b["builds"]],
                   baseline="PyMuPDF extraction", baseline_values=[b["floor"] * 1000]),
            Figure("Index size, bundled", [b["bytes"] / 1e6], unit="MB",
                   baseline="the PDFs", baseline_values=[b["pdf_bytes"] / 1e6], max_ratio=1.0),
        ]
    if not quick or os.environ.get("BENCH_SYNTHETIC"):
        s = bench_search.synthetic(work, args)
        lat, grep = s["latency"], s["pdfgrep"]
        n = f"{s['pages']:,} pages"
        figures += [
            Figure(f"Search, synthetic {n}: query p95, 1–3 words", [lat["p95"]], max_value=30,
                   baseline="pdfgrep, same files",
                   baseline_values=[grep["median_s"] * 1000] if grep else [],
                   note=f"p50 {lat['p50']:.1f} ms"),
            Figure(f"Search, synthetic {n}: first query on a fresh connection, p95",
                   [lat["cold_p95"]], max_value=50),
            Figure(f"Index build, synthetic {n}, 1 process", [s["one"].wall], unit="s",
                   baseline="extraction, 1 process", baseline_values=[s["floor"].wall],
                   max_ratio=1.5),
            Figure(f"Index build, synthetic {n}, reading in 2 processes", [s["two"].wall],
                   unit="s", baseline="extraction, 1 process",
                   baseline_values=[s["floor"].wall]),
            Figure(f"Index size, synthetic {n}", [s["bytes"] / 1e6], unit="MB",
                   baseline="the PDFs", baseline_values=[s["pdf_bytes"] / 1e6], max_ratio=1.0),
        ]
    return figures


# --- the report -------------------------------------------------------------------------------


def _version(argv: list[str], pattern: str = r"[\d.]+\d") -> str:
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return "absent"
    match = re.search(pattern, out.stdout + out.stderr)
    return match.group(0) if match else "?"


def machine() -> list[str]:
    import sqlite3

    cpu = "?"
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    qt = _version([sys.executable, "-c", "import PySide6.QtCore as q; print(q.qVersion())"])
    mupdf = _version([sys.executable, "-c", "import pymupdf; print(pymupdf.__version__)"])
    okular = _version(["env", "QT_QPA_PLATFORM=offscreen", "okular", "--version"])
    return [
        f"- Machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}, Qt/PySide6 {qt}, PyMuPDF {mupdf}, "
        f"SQLite {sqlite3.sqlite_version}",
        f"- Baselines: Okular {okular}, "
        f"mutool {_version(['mutool', '-v'])}, pdfgrep {_version(['pdfgrep', '--version'])}",
    ]


def write_doc(text: str) -> None:
    path = REPO / "docs" / "performance.md"
    old = path.read_text(encoding="utf-8") if path.is_file() else "# Performance\n"
    block = f"{BEGIN}\n{text}\n{END}"
    if BEGIN in old and END in old:
        new = old[: old.index(BEGIN)] + block + old[old.index(END) + len(END):]
    else:
        head, _, rest = old.partition("\n")
        new = f"{head}\n\n{block}\n{rest}"
    path.write_text(new, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a few minutes' subset")
    parser.add_argument("--runs", type=int, help="launches and app runs (default 7, quick 3)")
    parser.add_argument("--only", choices=("launch", "app", "search"), action="append")
    parser.add_argument("--no-write", action="store_true", help="do not touch the docs")
    parser.add_argument("--work", default=os.path.join(tempfile.gettempdir(),
                                                       "brochure-reader-bench"))
    args = parser.parse_args()
    runs = args.runs or (3 if args.quick else 7)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(REPO / "src"))
    load_before = os.getloadavg()
    started = time.perf_counter()
    figures: list[Figure] = []
    only = set(args.only or ("launch", "app", "search"))
    if "launch" in only:
        figures += launch_figures(runs, work)
    if "app" in only:
        figures += app_figures(max(1, runs // 2), work, args.quick)
    if "search" in only:
        figures += search_figures(work, args.quick)
    load_after = os.getloadavg()
    lines = [
        f"Command: `python -m tests.benchmarks{' --quick' if args.quick else ''}`, "
        f"{dt.datetime.now(dt.timezone.utc):%d %b %Y %H:%M} UTC, "
        f"{(time.perf_counter() - started) / 60:.0f} min.",
        *machine(),
        f"- Load average (1 min) {load_before[0]:.1f} before, {load_after[0]:.1f} after: the "
        "machine is shared, so compare ratios (both sides measured in this run), not times.",
        "",
        table(figures),
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        write_doc(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
