"""Drives a real Brochure Reader window from inside its process and times what a user waits for.

    python -m tests.benchmarks.app_driver --home DIR open DOC_ID [DOC_ID...]
    python -m tests.benchmarks.app_driver --home DIR scroll FILE_OR_DOC_ID

Builds the window as ``brochure-reader`` does (``ui.app``), lets it start (workers, outlines,
indexing of a fresh home), then:

- ``open``: from the home view, opens each document in turn and times ``reader.open`` to the
  first page painted (``PageView.page_painted``); then reports the process tree's memory with
  the last one open, at once and once the idle background lane's process has exited.
- ``scroll``: opens the document and scrolls it end to end, one screen at a time, waiting at
  each step until every visible page is painted; times each request (scroll -> painted) and
  reports memory at the end.

An event-loop watchdog (a 5 ms QTimer on the GUI thread) counts gaps over 50 ms the whole time:
a gap is a stall a user would feel.  Prints one JSON object on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

STALL = 0.050


class Watchdog:
    """Counts GUI-thread stalls: gaps over 50 ms between ticks of a 5 ms timer."""

    def __init__(self):
        from PySide6.QtCore import QTimer

        self.stalls: list[float] = []
        self.phase_stalls: dict[str, list[float]] = {}
        self.phase = "start"
        self._last = time.perf_counter()
        self._timer = QTimer(interval=5)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = now - self._last
        self._last = now
        if gap > STALL:
            self.stalls.append(gap)
            self.phase_stalls.setdefault(self.phase, []).append(round(gap * 1000, 1))

    def enter(self, phase: str) -> None:
        self.phase = phase
        self._last = time.perf_counter()


def wait_until(app, condition, timeout: float) -> bool:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            return False
        app.processEvents()
        time.sleep(0.001)
    return True


def pump(app, seconds: float) -> None:
    wait_until(app, lambda: False, seconds)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--home", required=True)
    parser.add_argument("--settle", type=float, default=2.0,
                        help="seconds to let the app start before timing")
    sub = parser.add_subparsers(dest="scenario", required=True)
    p_open = sub.add_parser("open")
    p_open.add_argument("docs", nargs="+")
    p_scroll = sub.add_parser("scroll")
    p_scroll.add_argument("target")
    p_scroll.add_argument("--max-steps", type=int, default=100_000)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from brochure_reader.library import Library
    from brochure_reader.paths import AppPaths
    from brochure_reader.settings import Settings
    from brochure_reader.ui.app import _when_painted
    from brochure_reader.ui.jobs import JobRunner
    from brochure_reader.ui.main_window import MainWindow
    from brochure_reader.ui.theme import apply_text_size
    from tests.benchmarks.procmem import tree_memory

    app = QApplication(sys.argv[:1])
    paths = AppPaths.default(args.home)
    paths.ensure()
    settings = Settings(paths.settings_file)
    apply_text_size(app, settings.get("larger_text"))
    library = Library.load(paths)
    window = MainWindow(paths, library, settings, JobRunner())
    window.resize(1280, 860)
    window.show()
    painted = []
    _when_painted(window, lambda: painted.append(True))
    wait_until(app, lambda: painted, 30)
    dog = Watchdog()
    dog.enter("start and index")
    window.start()
    indexing = getattr(window, "indexer", None)
    wait_until(app, lambda: indexing is None or not indexing.is_running(), 120)
    pump(app, args.settle)
    view = window.page_view
    seen: list[int] = []
    view.page_painted.connect(seen.append)
    out: dict = {"scenario": args.scenario}

    if args.scenario == "open":
        dog.enter("open")
        times = []
        for doc_id in args.docs:
            window.show_home()
            pump(app, 0.3)
            seen.clear()
            started = time.perf_counter()
            if os.path.isfile(doc_id):
                window.open_target(doc_id)
            else:
                window.reader.open(doc_id, 0, 0.0)
            ok = wait_until(app, lambda: seen, 20)
            times.append(time.perf_counter() - started if ok else None)
        out["open_seconds"] = times
        pump(app, 1.5)
        out["memory_open"] = tree_memory(os.getpid())
        # a brochure being read: once background work has stopped, its lane's process exits
        from brochure_reader.pdf.worker import BACKGROUND_IDLE_EXIT

        background = window.service.workers.lanes["background"]
        started = time.perf_counter()
        wait_until(app, lambda: not background.running, BACKGROUND_IDLE_EXIT + 15)
        pump(app, 0.5)
        out["background_exit_seconds"] = time.perf_counter() - started
        out["memory_reading"] = tree_memory(os.getpid())
    else:
        dog.enter("open")
        seen.clear()
        window.open_target(args.target) if os.path.isfile(args.target) else \
            window.reader.open(args.target, 0, 0.0)
        wait_until(app, lambda: seen, 30)
        pump(app, 0.5)
        out["pages"] = view.page_count
        out["device_scale"] = view.scale * view.devicePixelRatioF()  # pixels per point
        dog.enter("scroll")
        bar = view.verticalScrollBar()
        requests = []
        peak = tree_memory(os.getpid())
        steps = 0
        while bar.value() < bar.maximum() and steps < args.max_steps:
            steps += 1
            seen.clear()
            started = time.perf_counter()
            bar.setValue(min(bar.maximum(), bar.value() + bar.pageStep()))
            visible = set(view._visible())
            cached = {p for p in visible if view.cache.get(view._render_key(p))}
            todo = visible - cached
            if todo:
                ok = wait_until(app, lambda todo=todo: todo <= set(seen), 20)
                if ok:
                    requests.append(time.perf_counter() - started)
            else:
                app.processEvents()
            if steps % 50 == 0:
                now = tree_memory(os.getpid())
                if now["pss"] > peak["pss"]:
                    peak = now
        pump(app, 1.0)
        out["steps"] = steps
        out["request_seconds"] = requests
        out["memory_end"] = tree_memory(os.getpid())
        out["memory_peak"] = peak
    out["stalls"] = {phase: gaps for phase, gaps in dog.phase_stalls.items()}
    window.close()
    print(json.dumps(out))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
