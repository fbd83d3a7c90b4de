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
