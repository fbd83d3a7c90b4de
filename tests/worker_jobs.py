"""Registered worker jobs for tests of the worker pool (importable in a spawned worker: the
pool passes ``sys.path`` on)."""

from __future__ import annotations

import time

from brochure_reader.pdf.jobs import job


@job()
def echo(value):
    """*value*, unchanged."""
    return value


@job()
def sleep(seconds: float) -> float:
    """Sleep *seconds* (a job that hangs, as MuPDF stuck on a page would)."""
    time.sleep(seconds)
    return seconds


@job()
def fail(message: str) -> None:
    """Raise ValueError(*message*)."""
    raise ValueError(message)


@job(retries=1)
def crash_once(marker: str) -> str:
    """Kill the worker the first time (creating *marker*), succeed the second time."""
    import os
    from pathlib import Path

    if not Path(marker).exists():
        Path(marker).write_text("crashed")
        os._exit(70)
    return "second try"


@job(timeout=1.0)
def hang() -> None:
    """Sleep far past its one-second time limit."""
    time.sleep(600)


@job()
def pid() -> int:
    """The worker's process id."""
    import os

    return os.getpid()
