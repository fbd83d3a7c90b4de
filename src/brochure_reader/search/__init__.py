"""Full-text search: normalisation, the SQLite FTS5 index, the query parser, the thesaurus,
spelling suggestions and ranking.  Plain Python (no Qt); PyMuPDF only through the ``pdf``
backend (``search.extract``).

Modules: ``normalise`` (text -> terms), ``index`` (storage), ``builder`` (documents -> index,
in-process or one document per worker job), ``query`` (safe parser), ``thesaurus``,
``suggest``, ``ranking``, ``snippets``, ``engine`` (:class:`Searcher`), ``commands`` (CLI).
The names below are imported lazily so that loading the CLI stays quick.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "BuildReport": "builder",
    "DocSpec": "builder",
    "build_index": "builder",
    "specs_from_library": "builder",
    "Hit": "engine",
    "Scope": "engine",
    "SearchResult": "engine",
    "Searcher": "engine",
    "SearchIndex": "index",
    "index_path": "index",
    "Thesaurus": "thesaurus",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
