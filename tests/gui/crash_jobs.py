"""Render jobs that crash their worker process a set number of times first, or never finish
(issue 15, items 8 and 9), registered with the real render job's options.

The count lives in the file named by ``$BROCHURE_READER_TEST_CRASHES`` (read and decremented by
the worker), so a real worker process dies exactly as a MuPDF crash would take it down.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from brochure_reader.pdf import jobs
from brochure_reader.pdf.jobs import job, spec_of

COUNTER_ENV = "BROCHURE_READER_TEST_CRASHES"
#: registered exactly as the real render job is (its time limit and crash retries)
_RENDER = spec_of(jobs.render_page)


@job(timeout=_RENDER.timeout, lane=_RENDER.lane, retries=_RENDER.retries)
def render_page_slow(path, password, page_no, scale, layout=None, size=None,
                     colours="normal"):
    """A render that never ends in time (as a page whose images decode to 48 GB)."""
    time.sleep(120)


@job(timeout=_RENDER.timeout, lane=_RENDER.lane, retries=_RENDER.retries)
def render_page_crashing(path, password, page_no, scale, layout=None, size=None,
                         colours="normal"):
    """``jobs.render_page``, after killing the worker while the counter file is above 0."""
    counter = Path(os.environ[COUNTER_ENV])
    left = int(counter.read_text())
    if left > 0:
        counter.write_text(str(left - 1))
        os._exit(70)
    from brochure_reader.pdf.render import render_page

    return render_page(path, password, page_no, scale, layout, size, colours)
