"""The language our own documents are written in, and how dates are written in them."""

from __future__ import annotations

import datetime as dt

#: BCP 47 tag of the bundled content and of every PDF we write (PDF /Lang, pack.toml language).
LANGUAGE = "en-GB"


def format_date(day: dt.date) -> str:
    """``29 November 2026``: UK style, day without a leading zero, month in full."""
    return f"{day.day} {day:%B %Y}"
