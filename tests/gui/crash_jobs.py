"""Page jobs that crash their worker process a set number of times first, or never finish
(issue 15, items 8 and 9), registered with the page view's real job's options.

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
#: registered exactly as the page view's real job is (its time limit and crash retries)
_CONTENT = spec_of(jobs.page_content)


def _crash_while_counted() -> None:
    counter = Path(os.environ[COUNTER_ENV])
    left = int(counter.read_text())
    if left > 0:
        counter.write_text(str(left - 1))
        os._exit(70)


@job(timeout=_CONTENT.timeout, lane=_CONTENT.lane, retries=_CONTENT.retries)
def page_content_slow(path, password, page_no, size, layout=None, with_text=True, clip=None,
                      colours="normal"):
    """A page-view job that never ends in time (as a page whose images decode to 48 GB)."""
    time.sleep(120)


@job(timeout=_CONTENT.timeout, lane=_CONTENT.lane, retries=_CONTENT.retries)
def page_content_crashing(path, password, page_no, size, layout=None, with_text=True, clip=None,
                          colours="normal"):
    """``jobs.page_content``, after killing the worker while the counter file is above 0."""
    _crash_while_counted()
    from brochure_reader.pdf.render import page_content

    return page_content(path, password, page_no, size, layout, with_text, clip, colours)
