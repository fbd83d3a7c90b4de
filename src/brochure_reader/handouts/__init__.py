"""Handouts: chosen sections of one or several documents composed into one PDF, with an optional
cover page, footers on every page, the sources at the end, and large print.  Plain Python (no Qt);
the PyMuPDF work is in :mod:`brochure_reader.pdf.export`.
"""

from brochure_reader.handouts.compose import Handout, compose_handout
from brochure_reader.handouts.plan import CoverDetails, HandoutPart, HandoutRequest, plan_handout
from brochure_reader.handouts.ranges import (
    RangeError,
    format_page_ranges,
    parse_page_ranges,
    section_page_range,
)

__all__ = [
    "CoverDetails",
    "Handout",
    "HandoutPart",
    "HandoutRequest",
    "RangeError",
    "compose_handout",
    "format_page_ranges",
    "parse_page_ranges",
    "plan_handout",
    "section_page_range",
]
