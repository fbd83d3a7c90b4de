"""A render job that crashes its worker process a set number of times first (issue 15, item 8).

The count lives in the file named by ``$BROCHURE_READER_TEST_CRASHES`` (read and decremented by
the worker), so a real worker process dies exactly as a MuPDF crash would take it down.
"""

from __future__ import annotations

import os
from pathlib import Path

from brochure_reader.pdf.jobs import job

COUNTER_ENV = "BROCHURE_READER_TEST_CRASHES"


@job()
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
