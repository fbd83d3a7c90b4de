"""Bookmarks, notes, collections and "My questions", kept locally in SQLite.

Plain Python (no Qt, no PyMuPDF): the GUI panel, the CLI (``bookmarks`` commands) and the
tests all use these classes.  See docs/bookmarks.md.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Names are imported on first use (PEP 562) so that opening the store, e.g. in a short-lived
# process, does not pay for rapidfuzz, the exchange format and the rest.
_WHERE = {
    "ReanchorReport": "anchors", "TextMap": "anchors", "locate": "anchors", "reanchor": "anchors",
    "FORMAT_VERSION": "exchange", "ExchangeError": "exchange", "ImportReport": "exchange",
    "export_document": "exchange", "export_file": "exchange", "import_data": "exchange",
    "import_file": "exchange",
    "SCHEMA_VERSION": "migrations",
    "ANCHOR_NEEDS_ATTENTION": "model", "ANCHOR_OK": "model", "COLOURS": "model",
    "DEFAULT_COLOUR": "model", "Bookmark": "model", "CollectionInfo": "model",
    "Question": "model", "Quote": "model",
    "BUILTIN_QUESTIONS": "questions", "QuestionList": "questions",
    "questions_from_lines": "questions", "questions_sections": "questions",
    "BookmarkNotFound": "store", "BookmarkStore": "store", "StoreError": "store",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs
    from brochure_reader.bookmarks.anchors import ReanchorReport, TextMap, locate, reanchor
    from brochure_reader.bookmarks.exchange import (
        FORMAT_VERSION,
        ExchangeError,
        ImportReport,
        export_document,
        export_file,
        import_data,
        import_file,
    )
    from brochure_reader.bookmarks.migrations import SCHEMA_VERSION
    from brochure_reader.bookmarks.model import (
        ANCHOR_NEEDS_ATTENTION,
        ANCHOR_OK,
        COLOURS,
        DEFAULT_COLOUR,
        Bookmark,
        CollectionInfo,
        Question,
        Quote,
    )
    from brochure_reader.bookmarks.questions import (
        BUILTIN_QUESTIONS,
        QuestionList,
        questions_from_lines,
        questions_sections,
    )
    from brochure_reader.bookmarks.store import BookmarkNotFound, BookmarkStore, StoreError

__all__ = [
    "ANCHOR_NEEDS_ATTENTION",
    "ANCHOR_OK",
    "BUILTIN_QUESTIONS",
    "COLOURS",
    "DEFAULT_COLOUR",
    "FORMAT_VERSION",
    "SCHEMA_VERSION",
    "Bookmark",
    "BookmarkNotFound",
    "BookmarkStore",
    "CollectionInfo",
    "ExchangeError",
    "ImportReport",
    "Question",
    "QuestionList",
    "Quote",
    "ReanchorReport",
    "StoreError",
    "TextMap",
    "export_document",
    "export_file",
    "import_data",
    "import_file",
    "locate",
    "questions_from_lines",
    "questions_sections",
    "reanchor",
]
