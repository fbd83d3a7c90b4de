"""``brochure-reader bookmarks …`` sub-commands (registered by cli.COMMAND_MODULES).

::

    bookmarks add DOC_ID[#slug] [--label L] [--note N] [--collection C] [--colour C]
    bookmarks list [--json] [--document DOC_ID] [--collection C]
    bookmarks export FILE [--collection C]        (FILE.json: Web Annotations; FILE.pdf: a list)
    bookmarks import FILE
    bookmarks remove ID
    bookmarks questions [list [--json] | add TEXT | add-from DOC_ID | tick N | untick N |
                         remove N | move N TO | pdf FILE]

Messages about the database itself (a damaged file replaced, a migration) go to stderr as
warnings.  ``list --json`` prints the stable schema documented in docs/bookmarks.md.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from brochure_reader import APP_NAME
from brochure_reader.errors import UserError

#: Version of the ``bookmarks list --json`` and ``questions list --json`` output.
LIST_JSON_VERSION = 1


def _cli_error(message: str) -> Exception:
    return UserError(message)


def _open_store(ctx, writes: bool = False, tell_read_only: bool = True):
    """The store, its messages printed as warnings.  *writes*: the command changes bookmarks,
    so a read-only store is its one error line (raised as CliError), not a warning first.
    Without *tell_read_only* (a command that only reads them, like an export) why they cannot
    be changed is not said."""
    from brochure_reader.bookmarks.store import BookmarkStore, StoreError

    try:
        store = BookmarkStore.open(ctx.paths)
    except StoreError as exc:
        raise _cli_error(str(exc)) from None
    if writes and store.read_only:
        store.close()
        raise _cli_error(store.read_only_reason)
    for message in store.messages:
        if tell_read_only or message != store.read_only_reason:
            print(f"{APP_NAME}: warning: {message}", file=sys.stderr)
    return store


def _content_hash(doc) -> str:
    from brochure_reader.files import file_sha256

    return file_sha256(doc.path)


def _reanchor_documents(ctx, store) -> None:
    """Re-anchor bookmarks of documents whose file changed since they were saved."""
    from brochure_reader.bookmarks.anchors import reanchor
    from brochure_reader.bookmarks.quotes import text_map
    from brochure_reader.pdf.errors import DocumentError

    for doc_id in store.documents():
        if doc_id not in ctx.library:
            continue
        doc = ctx.library.get(doc_id)
        try:
            digest = _content_hash(doc)
            if not store.stale(doc_id, digest):
                continue
            _pages, sections = ctx.document_sections(doc)
            report = reanchor(store, doc_id, digest, ctx.run_job(text_map, str(doc.path)),
                              sections)
        except (DocumentError, OSError) as exc:
            print(f"{APP_NAME}: warning: {doc_id}: bookmarks not checked ({exc})", file=sys.stderr)
            continue
        print(f"{APP_NAME}: {report.summary()}", file=sys.stderr)


def bookmark_json(bookmark) -> dict:
    """The stable ``bookmarks list --json`` shape of one bookmark (page 1-based, y points)."""
    from brochure_reader.bookmarks.model import format_time

    return {
        "id": bookmark.id,
        "document": bookmark.doc_id,
        "page": bookmark.page,
        "y": round(bookmark.y, 2),
        "section": bookmark.section_ref,
        "label": bookmark.label,
        "note": bookmark.note,
        "colour": bookmark.colour,
        "collections": list(bookmark.collections),
        "quote": {"exact": bookmark.quote.exact, "prefix": bookmark.quote.prefix,
                  "suffix": bookmark.quote.suffix},
        "needs_attention": bookmark.needs_attention,
        "content_hash": bookmark.content_hash,
        "created": format_time(bookmark.created),
        "updated": format_time(bookmark.updated),
    }


# --- bookmarks ----------------------------------------------------------------------------


def cmd_add(args, ctx) -> int:
    from brochure_reader.bookmarks.quotes import quote_at
    from brochure_reader.library.catalogue import split_ref
    from brochure_reader.library.sections import find_section, section_at

    doc_id, slug = split_ref(args.target)
    doc = ctx.library.get(doc_id)
    _pages, sections = ctx.document_sections(doc)
    if slug:
        section = find_section(sections, slug)
        if section is None:
            raise _cli_error(f"'{doc_id}' has no section '{slug}' (see 'brochure-reader list')")
        if section.page is None:
            raise _cli_error(f"The section '{section.title}' has no page to point to")
        page0, y = section.page, section.y
    else:
        page0, y = 0, 0.0
        section = section_at(sections, page0, y)
    label = args.label if args.label is not None else (
        section.title if slug and section is not None else doc.title
    )
    store = _open_store(ctx, writes=True)
    try:
        bookmark = store.add(
            doc.id, page0 + 1, y, content_hash=_content_hash(doc),
            section_ref=section.ref if section else "",
            quote=ctx.run_job(quote_at, str(doc.path), None, page0, y),
            label=label, note=args.note or "", colour=args.colour,
            collections=[args.collection] if args.collection else [],
        )
    except ValueError as exc:
        raise _cli_error(str(exc)) from None
    finally:
        store.close()
    where = f"page {bookmark.page}" + (f", {section.title}" if section else "")
    print(f"Added bookmark {bookmark.id[:8]} '{bookmark.title}' ({doc.id}, {where})")
    return 0


def cmd_list(args, ctx) -> int:
    store = _open_store(ctx)
    try:
        if not store.read_only:
            _reanchor_documents(ctx, store)
        bookmarks = store.bookmarks(doc_id=args.document, collection=args.collection)
        collections = store.collections()
    finally:
        store.close()
    if args.json:
        payload = {
            "version": LIST_JSON_VERSION,
            "bookmarks": [bookmark_json(b) for b in bookmarks],
            "collections": [{"name": c.name, "count": c.count} for c in collections],
        }
        print(json.dumps(payload, indent=2, ensure_ascii=False))
        return 0
    if not bookmarks:
        print("No bookmarks yet. Add one with 'brochure-reader bookmarks add DOC_ID[#section]'.")
        return 0
    current = None
    for b in bookmarks:
        if b.doc_id != current:
            current = b.doc_id
            title = ctx.library.get(b.doc_id).title if b.doc_id in ctx.library else b.doc_id
            print(f"{title} [{b.doc_id}]")
        extra = f"  [{', '.join(b.collections)}]" if b.collections else ""
        flag = "  ! needs attention" if b.needs_attention else ""
        print(f"  {b.id[:8]}  p. {b.page:<3} {b.title}{extra}{flag}")
        if b.note:
            first = b.note.strip().splitlines()[0] if b.note.strip() else ""
            print(f"            note: {first[:70]}{'…' if len(first) > 70 else ''}")
        if b.needs_attention and b.quote.exact:
            print(f"            not found in the new version: “{b.quote.exact[:70]}…”")
    return 0


def cmd_export(args, ctx) -> int:
    from brochure_reader.bookmarks.exchange import export_file

    out = Path(args.file)
    if not out.parent.is_dir():
        raise _cli_error(f"The folder {out.parent} does not exist")
    if out.is_dir():  # never replace a folder (even an empty one) with the export
        raise _cli_error(f"{out} is a folder; give the name of a file to write")
    store = _open_store(ctx, tell_read_only=False)
    try:
        if args.collection and args.collection.casefold() not in {
                c.name.casefold() for c in store.collections()}:
            raise _cli_error(f"There is no collection called '{args.collection}'")
        bookmarks = store.bookmarks(collection=args.collection)
    finally:
        store.close()
    label = args.collection or "Brochure Reader bookmarks"
    if out.suffix.lower() == ".pdf":
        from brochure_reader.bookmarks.printout import write_collection_pdf

        pages = write_collection_pdf(str(out), label, collection_entries(ctx, bookmarks),
                                     subtitle="Collection" if args.collection else "")
        print(f"Wrote {len(bookmarks)} bookmark(s) to {out} ({pages} page(s))")
        return 0
    count = export_file(out, bookmarks, label)
    print(f"Exported {count} bookmark(s) to {out}")
    return 0


def collection_entries(ctx, bookmarks) -> list[dict]:
    """Bookmarks as the entry dicts of ``bookmarks.printout.write_collection_pdf``."""
    from brochure_reader.library.sections import find_section

    entries = []
    sections_of: dict[str, list] = {}
    for b in bookmarks:
        doc_title, section_title = b.doc_id, ""
        if b.doc_id in ctx.library:
            doc = ctx.library.get(b.doc_id)
            doc_title = doc.title
            if b.section_ref and b.doc_id not in sections_of:
                try:
                    sections_of[b.doc_id] = ctx.document_sections(doc)[1]
                except Exception:
                    sections_of[b.doc_id] = []
            section = find_section(sections_of.get(b.doc_id, []), b.section_ref.partition("#")[2])
            section_title = section.title if section else ""
        entries.append(dict(label=b.title, document=doc_title, section=section_title,
                            page=b.page, note=b.note, quote=b.quote.exact, colour=b.colour,
                            needs_attention=b.needs_attention))
    return entries


def cmd_import(args, ctx) -> int:
    from brochure_reader.bookmarks.exchange import ExchangeError, import_file

    store = _open_store(ctx, writes=True)
    try:
        report = import_file(store, args.file)
    except ExchangeError as exc:
        raise _cli_error(str(exc)) from None
    finally:
        store.close()
    for line in report.lines():
        print(line)
    return 0


def cmd_remove(args, ctx) -> int:
    store = _open_store(ctx, writes=True)
    try:
        from brochure_reader.bookmarks.store import StoreError

        try:
            bookmark = store.find(args.id)
            store.delete(bookmark.id)
        except StoreError as exc:
            raise _cli_error(str(exc)) from None
    finally:
        store.close()
    print(f"Removed bookmark {bookmark.id[:8]} '{bookmark.title}'")
    return 0


# --- questions ----------------------------------------------------------------------------


def _question_at(questions, number: int):
    if not 1 <= number <= len(questions):
        raise _cli_error(f"There is no question {number} (there are {len(questions)})")
    return questions[number - 1]


def cmd_questions(args, ctx) -> int:
    store = _open_store(ctx, writes=(args.action or "list") not in ("list", "pdf"))
    try:
        return _questions(args, ctx, store)
    finally:
        store.close()


def _questions(args, ctx, store) -> int:
    from brochure_reader.bookmarks.questions import questions_from_lines, questions_sections

    qlist = store.questions
    action = args.action or "list"
    questions = qlist.in_order()
    if action == "list":
        if args.json:
            print(json.dumps({"version": LIST_JSON_VERSION, "questions": [
                {"number": i, "id": q.id, "text": q.text, "answered": q.answered,
                 "source": q.source} for i, q in enumerate(questions, start=1)]},
                indent=2, ensure_ascii=False))
            return 0
        if not questions:
            print("No questions yet. Add one with 'brochure-reader bookmarks questions add TEXT'.")
        for i, q in enumerate(questions, start=1):
            print(f"{i:>3}. [{'x' if q.answered else ' '}] {q.text}")
        return 0
    if action == "add":
        try:
            added = qlist.add(" ".join(args.text))
        except ValueError as exc:
            raise _cli_error(str(exc)) from None
        print(f"Added question {len(questions) + 1}" if added else "That question is already "
              "in your list")
        return 0
    if action == "add-from":
        from brochure_reader.bookmarks.questions import section_bound
        from brochure_reader.bookmarks.quotes import section_lines

        doc = ctx.library.get(args.doc_id)
        _pages, sections = ctx.document_sections(doc)
        texts = []
        for section, after in questions_sections(sections):
            texts += questions_from_lines(ctx.run_job(
                section_lines, str(doc.path), None, section_bound(section), section_bound(after)))
        if not texts:
            raise _cli_error(f"'{doc.title}' has no 'Questions to ask' list")
        added = qlist.add_many(texts, source=doc.id)
        print(f"Added {len(added)} question(s) from '{doc.title}'"
              + (f" ({len(texts) - len(added)} already in your list)" if len(added) < len(texts)
                 else ""))
        return 0
    if action in ("tick", "untick"):
        q = _question_at(questions, args.number)
        qlist.set_answered(q.id, action == "tick")
        print(f"{'Ticked' if action == 'tick' else 'Unticked'} question {args.number}: {q.text}")
        return 0
    if action == "remove":
        q = _question_at(questions, args.number)
        qlist.remove(q.id)
        print(f"Removed question {args.number}: {q.text}")
        return 0
    if action == "move":
        q = _question_at(questions, args.number)
        qlist.move(q.id, args.to - 1)
        print(f"Moved question {args.number} to {max(1, min(args.to, len(questions)))}")
        return 0
    if action == "pdf":
        from brochure_reader.bookmarks.printout import write_questions_pdf

        write_questions_pdf(str(args.file), [{"text": q.text, "answered": q.answered}
                                             for q in questions])
        print(f"Wrote your {len(questions)} question(s) to {args.file} (one page)")
        return 0
    raise _cli_error(f"Unknown questions action '{action}'")  # pragma: no cover - argparse


# --- parser -------------------------------------------------------------------------------


def register(subparsers, common) -> None:
    """Add ``bookmarks`` and its sub-commands to the main parser."""
    parser = subparsers.add_parser("bookmarks", parents=[common],
                                   help="bookmarks, notes, collections and my questions")
    sub = parser.add_subparsers(dest="bookmarks_command", metavar="ACTION", required=True)

    p = sub.add_parser("add", parents=[common], help="bookmark a document or one of its sections")
    p.add_argument("target", metavar="DOC_ID[#slug]")
    p.add_argument("--label", help="name shown for it (default: the section title)")
    p.add_argument("--note", help="a note (plain text)")
    p.add_argument("--collection", help="put it in this collection (created if new)")
    p.add_argument("--colour", help="yellow, green, blue, pink, orange, purple or #rrggbb")
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("list", parents=[common], help="list bookmarks")
    p.add_argument("--json", action="store_true", help="print the documented JSON schema")
    p.add_argument("--document", metavar="DOC_ID", help="only this document")
    p.add_argument("--collection", metavar="C", help="only this collection")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("export", parents=[common],
                       help="export as Web Annotation JSON, or as a PDF list (FILE.pdf)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--collection", metavar="C", help="only this collection")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", parents=[common], help="merge bookmarks from a JSON export")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("remove", parents=[common], help="delete a bookmark")
    p.add_argument("id", metavar="ID", help="the id, or its first characters as 'list' shows")
    p.set_defaults(func=cmd_remove)

    q = sub.add_parser("questions", parents=[common], help="my questions for the care team")
    qsub = q.add_subparsers(dest="action", metavar="ACTION")
    p = qsub.add_parser("list", parents=[common], help="show the list (the default)")
    p.add_argument("--json", action="store_true")
    p = qsub.add_parser("add", parents=[common], help="add your own question")
    p.add_argument("text", nargs="+", metavar="TEXT")
    p = qsub.add_parser("add-from", parents=[common],
                        help="add a document's 'Questions to ask' list")
    p.add_argument("doc_id", metavar="DOC_ID")
    for name, text in (("tick", "mark question N answered"), ("untick", "mark it not answered"),
                       ("remove", "delete question N")):
        p = qsub.add_parser(name, parents=[common], help=text)
        p.add_argument("number", type=int, metavar="N")
    p = qsub.add_parser("move", parents=[common], help="move question N to place TO")
    p.add_argument("number", type=int, metavar="N")
    p.add_argument("to", type=int, metavar="TO")
    p = qsub.add_parser("pdf", parents=[common], help="write the list as a one-page PDF")
    p.add_argument("file", metavar="FILE")
    q.set_defaults(func=cmd_questions, json=False)
