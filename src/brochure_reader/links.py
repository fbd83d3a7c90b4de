"""Which links in a document may leave the reader, and how their target is shown.

A document is untrusted input: its links may say ``javascript:``, ``file:``, ``smb:`` (which
leaks the user's network credentials on some systems) or launch programs.  Only ``http``,
``https`` and ``mailto`` are ever offered, and always with the real target shown; everything
else is refused with a sentence.  Plain Python (no Qt): the page view asks :func:`check_link`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

#: The only schemes handed to the desktop (browser, mail program).
ALLOWED_SCHEMES = ("http", "https", "mailto")


@dataclass(frozen=True)
class LinkCheck:
    """``allowed``: offer to open ``uri``; ``shown``: the target as the user should read it
    (control and bidirectional-override characters removed, host named); ``refusal``: the
    sentence when not allowed."""

    allowed: bool
    uri: str
    shown: str
    refusal: str = ""


def visible(text: str, limit: int = 300) -> str:
    """*text* without control, format (bidi overrides, zero-width) or unassigned characters,
    cut to *limit* characters with an ellipsis: what a person can read is what it says."""
    kept = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    return kept if len(kept) <= limit else kept[: limit - 1] + "…"


def check_link(uri: str) -> LinkCheck:
    """Decide about a link target from a document.  Never raises."""
    uri = (uri or "").strip()
    shown = visible(uri)
    try:
        parts = urlsplit(uri)
        scheme = parts.scheme.lower()
        host = parts.hostname or ""
    except ValueError:
        scheme, host = "", ""
    if shown != uri.strip() and scheme in ALLOWED_SCHEMES:
        return LinkCheck(False, uri, shown, "This link was not opened: its address contains "
                         "hidden characters, so where it leads cannot be shown truthfully.")
    if scheme in ("http", "https"):
        if not host:
            return LinkCheck(False, uri, shown, "This link was not opened: it has no web "
                             "address.")
        return LinkCheck(True, uri, f"{shown}\n\n(web site: {visible(host)})")
    if scheme == "mailto":
        return LinkCheck(True, uri, f"{shown}\n\n(an e-mail to {visible(parts.path) or '…'})")
    what = f"a “{visible(scheme, 20)}:” link" if scheme else "not a web address"
    return LinkCheck(False, uri, shown, f"This link was not opened: it is {what}, and "
                     "Brochure Reader only opens web pages (http, https) and e-mail "
                     f"addresses (mailto).\n\nIt points to: {shown or '(nothing)'}")
