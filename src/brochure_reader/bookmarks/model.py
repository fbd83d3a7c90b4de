"""Plain data classes of the bookmarks feature: quotes, bookmarks, collections, questions.

Units used throughout: ``page`` is **1-based** in a :class:`Bookmark` (as in the CLI and the UI),
``y`` is the distance from the top of the displayed page in **PDF points**; times are aware UTC
datetimes.  Nothing here touches SQLite, Qt or PyMuPDF.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone

#: Named colours offered in the UI and the CLI (``--colour``), name -> ``#rrggbb``.
COLOURS: dict[str, str] = {
    "yellow": "#f2c94c",
    "green": "#6fcf97",
    "blue": "#56a8f2",
    "pink": "#f28cb1",
    "orange": "#f2994a",
    "purple": "#b18fe0",
}
DEFAULT_COLOUR = COLOURS["yellow"]

#: Anchor states: found where it was saved (or re-found after an update), or lost.
ANCHOR_OK = "ok"
ANCHOR_NEEDS_ATTENTION = "needs-attention"
ANCHOR_STATES = (ANCHOR_OK, ANCHOR_NEEDS_ATTENTION)

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def utc_now() -> datetime:
    """The current time, aware, in UTC, to the microsecond."""
    return datetime.now(timezone.utc)


def format_time(value: datetime) -> str:
    """``2026-11-29T10:15:00.123456Z`` (UTC, ISO 8601): how times are stored and exported."""
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_time(text: str) -> datetime:
    """Parse an ISO 8601 time (``Z`` or an offset; a naive time is taken as UTC).

    Raises ValueError for anything else.
    """
    text = text.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


def normalise_colour(value: str | None) -> str:
    """A palette name (``"green"``) or ``#rrggbb`` -> lowercase ``#rrggbb``; None -> the default.

    Raises ValueError naming the allowed colours otherwise.
    """
    if value is None or value == "":
        return DEFAULT_COLOUR
    value = value.strip().lower()
    if value in COLOURS:
        return COLOURS[value]
    if _HEX.match(value):
        return value
    names = ", ".join(COLOURS)
    raise ValueError(f"Unknown colour '{value}' (use one of {names}, or #rrggbb)")


def new_id() -> str:
    """A fresh bookmark/question id: a random UUID in canonical lowercase form."""
    return str(uuid.uuid4())


def normalise_collection(name: str) -> str:
    """Collection names are trimmed with inner whitespace collapsed; raises ValueError if empty."""
    cleaned = " ".join(str(name).split())
    if not cleaned:
        raise ValueError("A collection needs a name")
    if len(cleaned) > 200:
        raise ValueError("A collection name can have at most 200 characters")
    return cleaned


@dataclass(frozen=True)
class Quote:
    """The text at a bookmarked spot, as a W3C TextQuoteSelector.

    ``exact`` is about 100 characters starting at the bookmarked line, ``prefix``/``suffix`` up to
    32 characters of context before/after it; all three are whitespace-normalised.
    """

    exact: str = ""
    prefix: str = ""
    suffix: str = ""

    def __bool__(self) -> bool:
        return bool(self.exact)


@dataclass(frozen=True)
class Bookmark:
    """One saved place in a document.

    * ``id``: canonical UUID string, stable across exports and imports;
    * ``doc_id``: library document id; ``content_hash``: SHA-256 (hex) of the document file the
      position refers to ("" when unknown);
    * ``page``: **1-based** page number; ``y``: PDF points from the top of the displayed page;
    * ``section_ref``: ``DOC_ID#slug`` of the enclosing section ("" when none);
    * ``quote``: the text there (used to find the spot again in a new version);
    * ``label`` (defaults to the section title), ``note`` (plain text, any length), ``colour``
      (``#rrggbb``), ``collections`` (names, sorted case-insensitively);
    * ``anchor``: ``"ok"`` or ``"needs-attention"`` (the quote was not found in the current
      version of the document; page and y are then where it used to be);
    * ``created``/``updated``: aware UTC datetimes.
    """

    id: str
    doc_id: str
    page: int
    y: float
    content_hash: str = ""
    section_ref: str = ""
    quote: Quote = field(default_factory=Quote)
    label: str = ""
    note: str = ""
    colour: str = DEFAULT_COLOUR
    collections: tuple[str, ...] = ()
    anchor: str = ANCHOR_OK
    created: datetime = field(default_factory=utc_now)
    updated: datetime = field(default_factory=utc_now)

    @property
    def page0(self) -> int:
        """The page as a 0-based index (what viewers and PyMuPDF use)."""
        return self.page - 1

    @property
    def needs_attention(self) -> bool:
        return self.anchor == ANCHOR_NEEDS_ATTENTION

    @property
    def title(self) -> str:
        """What to show for it: the label, else the start of the quote, else the page."""
        if self.label:
            return self.label
        text = self.quote.exact
        if text:
            return text if len(text) <= 60 else text[:60].rsplit(" ", 1)[0] + "…"
        return f"Page {self.page}"


@dataclass(frozen=True)
class CollectionInfo:
    """A collection name with the number of bookmarks in it."""

    name: str
    count: int


@dataclass(frozen=True)
class Question:
    """One entry of "My questions".

    ``position`` is the 0-based place in the list; ``source`` is ``"builtin"``, ``"own"`` or the
    id of the document whose "Questions to ask" list it came from.
    """

    id: str
    text: str
    position: int
    answered: bool = False
    source: str = "own"
    created: datetime = field(default_factory=utc_now)
    updated: datetime = field(default_factory=utc_now)
