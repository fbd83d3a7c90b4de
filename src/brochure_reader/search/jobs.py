"""Searches as jobs of the ``local`` lane: one thread of the GUI process keeps one open index
connection and :class:`~brochure_reader.search.engine.Searcher` per index file, so typing never
waits for SQLite on the GUI thread and never pays for opening the index again.

The cache is per thread (each runner's local lane is one thread), so it needs no lock and a
connection is only used by the thread that opened it.  Plain Python, no PyMuPDF.
"""

from __future__ import annotations

import threading
from pathlib import Path

from brochure_reader.pdf.jobs import job
from brochure_reader.search.engine import Scope, Searcher, SearchResult

_local = threading.local()


def _cache() -> dict[tuple[str, int], Searcher]:
    """This thread's Searchers by (index file, thesaurus object id)."""
    if not hasattr(_local, "searchers"):
        _local.searchers = {}
    return _local.searchers


@job(lane="local")
def search_job(index_path: str | Path, thesaurus, text: str, scope: Scope, limit: int,
               prefix_last: bool) -> SearchResult:
    """``Searcher.search(text, scope, limit, prefix_last=…)`` on the index at *index_path*.
    Raises what the index raised (``sqlite3.Error``, OSError); the connection is then opened
    afresh next time.  The panel says "Search failed: …" in the user's language."""
    from brochure_reader.search.index import SearchIndex

    key = (str(index_path), id(thesaurus))
    try:
        searcher = _cache().get(key)
        if searcher is None:
            searcher = _cache()[key] = Searcher(SearchIndex.open(index_path), thesaurus)
        return searcher.search(text, scope, limit, prefix_last=prefix_last)
    except Exception:  # the next search starts clean
        _close(key)
        raise


@job(lane="local")
def close_searchers(index_path: str | Path) -> int:
    """Close the connections to the index at *index_path*; returns how many were open."""
    keys = [key for key in _cache() if key[0] == str(index_path)]
    for key in keys:
        _close(key)
    return len(keys)


def _close(key: tuple[str, int]) -> None:
    searcher = _cache().pop(key, None)
    if searcher is not None:
        try:
            searcher.index.close()
        except Exception:  # already broken: nothing left to close
            pass
