"""Handouts: chosen sections of one or several documents composed into one PDF, with an optional
cover page, footers on every page, the sources at the end, and large print.  Plain Python (no Qt);
the PyMuPDF work is in :mod:`brochure_reader.pdf.export`.

Names are imported on first use (PEP 562) so that ``brochure-reader --version`` and the CLI
parser do not load PyMuPDF.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "Handout": "compose",
    "compose_handout": "compose",
    "CoverDetails": "plan",
    "HandoutPart": "plan",
    "HandoutRequest": "plan",
    "plan_handout": "plan",
    "RangeError": "ranges",
    "format_page_ranges": "ranges",
    "parse_page_ranges": "ranges",
    "section_page_range": "ranges",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
