"""Start-up benchmark: time from process start to the first painted main window.

    python -m tests.benchmarks.bench_startup [--runs 10]

Runs ``brochure-reader --smoke`` (offscreen, a fresh temporary home each run) and prints the
median and the fastest of the times it reports.  Results go in docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    times = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as home:
            out = subprocess.run(
                [sys.executable, "-m", "brochure_reader", "--home", home, "--smoke"],
                capture_output=True, text=True, env=env, timeout=120, check=True,
            ).stdout
        times.append(float(re.search(r"ready in ([\d.]+) s", out).group(1)))
    print(f"runs {len(times)}: median {statistics.median(times):.3f} s, "
          f"fastest {min(times):.3f} s, slowest {max(times):.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
