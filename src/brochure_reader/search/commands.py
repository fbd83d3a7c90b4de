"""``brochure-reader search`` and ``brochure-reader index`` (registered by cli.COMMAND_MODULES).

Both bring the index up to date first (in-process; only changed documents are read again).
"""

from __future__ import annotations

import json
import os
import sys

from brochure_reader import APP_NAME
from brochure_reader.i18n import _, ngettext


def register(subparsers, common) -> None:
    """Add the ``search`` and ``index`` sub-commands to the CLI parser."""
    p = subparsers.add_parser(
        "search", parents=[common], help=_("search the library"),
        description=_("Search every document (or one document or category). Words are ANDed; "
                      '"quoted phrases", fatig* (prefix), -word (leave out) and OR work; see '
                      "docs/search.md."),
    )
    p.add_argument("query", nargs="+", metavar=_("QUERY"), help=_("what to look for (quote it if "
                   "it has a -word in it)"))
    p.add_argument("--doc", metavar="DOC_ID", help=_("search only this document"))
    p.add_argument("--category", metavar=_("CATEGORY"), help=_("search only this category"))
    p.add_argument("--limit", type=int, default=20, metavar="N",
                   help=_("most hits (default 20)"))
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help=_("print the documented JSON list of "
                     "hits (each says the kind of result: exact, expanded, corrected or "
                     "partial)"))
    out.add_argument("--json-result", action="store_true",
                     help=_("print the whole result as one JSON object: its kind (exact, "
                            "expanded, corrected, partial or none), notes, what was tried, a "
                            "glossary definition and the hits"))
    p.set_defaults(func=cmd_search)

    p = subparsers.add_parser("index", parents=[common],
                              help=_("build or update the search index"))
    p.add_argument("--rebuild", action="store_true", help=_("read every document again"))
    p.add_argument("--quiet", action="store_true", help=_("print only problems"))
    p.set_defaults(func=cmd_index)


def _update(ctx, force: bool = False, verbose: bool = True, searching: bool = False):
    """Bring the index in the cache dir up to date with the library; returns the open index
    and the build report.  When *searching*, an index that cannot be updated (a full or
    read-only disk) is one warning and the index as it is; otherwise IndexSpaceError."""
    from brochure_reader.pdf.errors import DocumentError
    from brochure_reader.search.builder import (
        BuildReport,
        build_index,
        prepare_document,
        specs_from_library,
        unreadable,
    )
    from brochure_reader.search.index import IndexSpaceError, SearchIndex, index_path
    from brochure_reader.terminal import warn

    index = SearchIndex.open(index_path(ctx.paths.cache))
    if index.rebuilt_reason and verbose:
        print(_("{app}: the search index was recreated ({reason})").format(
            app=APP_NAME, reason=index.rebuilt_reason), file=sys.stderr)
    specs = specs_from_library(ctx.library)

    def progress(done: int, total: int, title: str) -> None:
        if verbose and sys.stderr.isatty():
            line = _("Indexing {done}/{total}: {title}").format(done=done, total=total,
                                                                  title=f"{title[:50]:<50}")
            print("\r" + line, end="", file=sys.stderr)

    def read(spec):  # an imported file is read in a worker: a MuPDF crash fails only it
        try:
            return ctx.run_job(prepare_document, spec, paths=[spec.path])
        except DocumentError as exc:
            return unreadable(spec, str(exc))

    workers = min(2, os.cpu_count() or 1)  # many documents to read: read them in parallel
    try:
        report = build_index(index, specs, progress=progress, force=force, workers=workers,
                             read=read)
    except IndexSpaceError as exc:  # full or read-only disk: search what is indexed
        if not searching:
            index.close()
            raise
        warn(str(exc))
        return index, BuildReport()
    if verbose and sys.stderr.isatty() and specs:
        print("\r" + " " * 70 + "\r", end="", file=sys.stderr)
    for doc_id, message in report.failed.items():  # newly failed only
        warn(f"{doc_id}: {message}")
    return index, report


def cmd_index(args, ctx) -> int:
    index, report = _update(ctx, force=args.rebuild, verbose=not args.quiet)
    try:
        if not args.quiet:
            stats = index.stats()
            documents = ngettext("%(n)d document", "%(n)d documents", stats["documents"])
            pages = ngettext("%(n)d page", "%(n)d pages", stats["pages"])
            print(_("Search index: {summary}; {documents}, {pages}, {size} MB").format(
                summary=report.summary(), documents=documents % {"n": stats["documents"]},
                pages=pages % {"n": stats["pages"]}, size=f"{stats['bytes'] / 1e6:.1f}"))
        return 0
    finally:
        index.close()


def cmd_search(args, ctx) -> int:
    from brochure_reader.errors import UsageError, UserError
    from brochure_reader.search.engine import Scope, Searcher

    if not " ".join(args.query).strip():
        raise UsageError(_("the query is empty: give one or more words to search for"))
    if args.limit < 1:
        raise UserError(_("--limit must be at least 1"))
    scope = Scope.library()
    if args.doc:
        scope = Scope.document(ctx.library.get(args.doc).id)
    elif args.category:
        categories = {doc.category for doc in ctx.library.documents()}
        if args.category not in categories:
            known = ", ".join(sorted(categories))
            raise UserError(_("No category '{category}' (categories: {known})").format(
                category=args.category, known=known))
        scope = Scope.category(args.category)
    index, _report = _update(ctx, verbose=not (args.json or args.json_result), searching=True)
    try:
        result = Searcher(index).search(" ".join(args.query), scope, limit=args.limit)
    finally:
        index.close()
    notes = _notes(result)
    if args.json_result:
        print(json.dumps(result_json(result, notes), indent=2, ensure_ascii=False))
        return 0
    if args.json:
        for note in notes:
            print(note, file=sys.stderr)
        print(json.dumps([dict(hit.to_json(), match=result.kind) for hit in result.hits],
                         indent=2, ensure_ascii=False))
        return 0
    if result.definition:
        d = result.definition
        print(_("{term}: {text}\n  ({title}, p. {page})").format(
            term=d.term, text=d.text, title=d.document_title, page=d.page + 1))
    for note in notes:
        print(note)
    if not result.hits:
        if not notes:
            print(_("No results."))
        return 0
    for _doc_id, title, hits in result.by_document():
        print(f"\n{title}")
        for hit in hits:
            where = hit.section or _("(before the first heading)")
            ref = f"  [{hit.section_ref}]" if hit.section_ref else ""
            print("  " + _("p. {page}").format(page=hit.page + 1) + f"  {where}{ref}")
            print(f"      {hit.snippet.marked()}")
    return 0


def result_json(result, notes: list[str]) -> dict:
    """The ``search --json-result`` object (documented in docs/search.md)."""
    return {
        "query": result.query,
        "kind": result.kind,
        "notes": notes,
        "expansions": result.expansions,
        "suggestion": result.suggestion,
        "unknown_words": result.unknown,
        "definition": result.definition.to_json() if result.definition else None,
        "hits": [hit.to_json() for hit in result.hits],
    }


def _notes(result) -> list[str]:
    notes = []
    if result.message:
        notes.append(result.message)
    elif result.kind == "none" and not result.definition:
        return result.no_answer()
    if result.corrected:
        notes.append(_("Nothing found for '{query}'. Showing results for '{suggestion}'.").format(
            query=result.query, suggestion=result.suggestion))
    elif result.suggestion:
        notes.append(_("Did you mean: {suggestion}?").format(suggestion=result.suggestion))
    if result.expansions:
        notes.append(_("Also searching: {words}").format(words=", ".join(result.expansions)))
    if result.partial:
        notes.append(_("No page has all of the words; showing pages with some of them."))
    return notes
