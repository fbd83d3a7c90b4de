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
from brochure_reader.i18n import _, ngettext
from brochure_reader.terminal import warn

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
            warn(message)
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
            warn(_("{id}: bookmarks not checked ({reason})").format(id=doc_id, reason=exc))
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
            raise _cli_error(_("'{id}' has no section '{slug}' (see 'brochure-reader list')")
                             .format(id=doc_id, slug=slug))
        if section.page is None:
            raise _cli_error(_("The section '{title}' has no page to point to").format(
                title=section.title))
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
    where = _("page {page}").format(page=bookmark.page) + (f", {section.title}" if section else "")
    print(_("Added bookmark {id} '{title}' ({doc}, {where})").format(
        id=bookmark.id[:8], title=bookmark.title, doc=doc.id, where=where))
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
        print(_("No bookmarks yet. Add one with 'brochure-reader bookmarks add "
                "DOC_ID[#section]'."))
        return 0
    current = None
    for b in bookmarks:
        if b.doc_id != current:
            current = b.doc_id
            title = ctx.library.get(b.doc_id).title if b.doc_id in ctx.library else b.doc_id
            print(f"{title} [{b.doc_id}]")
        extra = f"  [{', '.join(b.collections)}]" if b.collections else ""
        flag = "  ! " + _("needs attention") if b.needs_attention else ""
        page = _("p. {page}").format(page=b.page)
        print(f"  {b.id[:8]}  {page:<6} {b.title}{extra}{flag}")
        if b.note:
            first = b.note.strip().splitlines()[0] if b.note.strip() else ""
            text = first[:70] + ("…" if len(first) > 70 else "")
            print("            " + _("note: {text}").format(text=text))
        if b.needs_attention and b.quote.exact:
            print("            " + _("not found in the new version: “{quote}…”").format(
                quote=b.quote.exact[:70]))
    return 0


def cmd_export(args, ctx) -> int:
    from brochure_reader.bookmarks.exchange import export_file

    out = Path(args.file)
    if not out.parent.is_dir():
        raise _cli_error(_("The folder {folder} does not exist").format(folder=out.parent))
    if out.is_dir():  # never replace a folder (even an empty one) with the export
        raise _cli_error(_("{path} is a folder; give the name of a file to write").format(
            path=out))
    store = _open_store(ctx, tell_read_only=False)
    try:
        if args.collection and args.collection.casefold() not in {
                c.name.casefold() for c in store.collections()}:
            raise _cli_error(_("There is no collection called '{name}'").format(
                name=args.collection))
        bookmarks = store.bookmarks(collection=args.collection)
    finally:
        store.close()
    label = args.collection or _("Brochure Reader bookmarks")
    if out.suffix.lower() == ".pdf":
        from brochure_reader.bookmarks.printout import write_collection_pdf

        pages = write_collection_pdf(str(out), label, collection_entries(ctx, bookmarks),
                                     subtitle=_("Collection") if args.collection else "")
        print(ngettext("Wrote %(n)d bookmark to %(out)s (%(pages)s)",
                       "Wrote %(n)d bookmarks to %(out)s (%(pages)s)", len(bookmarks))
              % {"n": len(bookmarks), "out": out,
                 "pages": ngettext("%(n)d page", "%(n)d pages", pages) % {"n": pages}})
        return 0
    count = export_file(out, bookmarks, label)
    print(ngettext("Exported %(n)d bookmark to %(out)s", "Exported %(n)d bookmarks to %(out)s",
                   count) % {"n": count, "out": out})
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
    print(_("Removed bookmark {id} '{title}'").format(id=bookmark.id[:8], title=bookmark.title))
    return 0


# --- questions ----------------------------------------------------------------------------


def _question_at(questions, number: int):
    if not 1 <= number <= len(questions):
        raise _cli_error(ngettext("There is no question %(number)d (there is %(n)d)",
                                  "There is no question %(number)d (there are %(n)d)",
                                  len(questions)) % {"number": number, "n": len(questions)})
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
            print(_("No questions yet. Add one with 'brochure-reader bookmarks questions add "
                    "TEXT'."))
        for i, q in enumerate(questions, start=1):
            print(f"{i:>3}. [{'x' if q.answered else ' '}] {q.text}")
        return 0
    if action == "add":
        try:
            added = qlist.add(" ".join(args.text))
        except ValueError as exc:
            raise _cli_error(str(exc)) from None
        print(_("Added question {number}").format(number=len(questions) + 1) if added
              else _("That question is already in your list"))
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
            raise _cli_error(_("'{title}' has no 'Questions to ask' list").format(title=doc.title))
        added = qlist.add_many(texts, source=doc.id)
        there = len(texts) - len(added)
        if there:
            line = ngettext("Added %(n)d question from '%(title)s' (%(there)s)",
                            "Added %(n)d questions from '%(title)s' (%(there)s)", len(added))
        else:
            line = ngettext("Added %(n)d question from '%(title)s'",
                            "Added %(n)d questions from '%(title)s'", len(added))
        print(line % {"n": len(added), "title": doc.title, "there": ngettext(
            "%(n)d already in your list", "%(n)d already in your list", there) % {"n": there}})
        return 0
    if action in ("tick", "untick"):
        q = _question_at(questions, args.number)
        qlist.set_answered(q.id, action == "tick")
        line = _("Ticked question {number}: {text}") if action == "tick" else \
            _("Unticked question {number}: {text}")
        print(line.format(number=args.number, text=q.text))
        return 0
    if action == "remove":
        q = _question_at(questions, args.number)
        qlist.remove(q.id)
        print(_("Removed question {number}: {text}").format(number=args.number, text=q.text))
        return 0
    if action == "move":
        q = _question_at(questions, args.number)
        qlist.move(q.id, args.to - 1)
        print(_("Moved question {number} to {place}").format(
            number=args.number, place=max(1, min(args.to, len(questions)))))
        return 0
    if action == "pdf":
        from brochure_reader.bookmarks.printout import write_questions_pdf

        write_questions_pdf(str(args.file), [{"text": q.text, "answered": q.answered}
                                             for q in questions])
        print(ngettext("Wrote your %(n)d question to %(file)s (one page)",
                       "Wrote your %(n)d questions to %(file)s (one page)", len(questions))
              % {"n": len(questions), "file": args.file})
        return 0
    raise _cli_error(  # pragma: no cover - argparse allows only the actions above
        _("Unknown questions action '{action}'").format(action=action))


# --- parser -------------------------------------------------------------------------------


def register(subparsers, common) -> None:
    """Add ``bookmarks`` and its sub-commands to the main parser."""
    parser = subparsers.add_parser("bookmarks", parents=[common],
                                   help=_("bookmarks, notes, collections and my questions"))
    sub = parser.add_subparsers(dest="bookmarks_command", metavar=_("ACTION"), required=True)

    p = sub.add_parser("add", parents=[common],
                       help=_("bookmark a document or one of its sections"))
    p.add_argument("target", metavar="DOC_ID[#slug]")
    p.add_argument("--label", help=_("name shown for it (default: the section title)"))
    p.add_argument("--note", help=_("a note (plain text)"))
    p.add_argument("--collection", help=_("put it in this collection (created if new)"))
    p.add_argument("--colour", help=_("yellow, green, blue, pink, orange, purple or #rrggbb"))
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("list", parents=[common], help=_("list bookmarks"))
    p.add_argument("--json", action="store_true", help=_("print the documented JSON schema"))
    p.add_argument("--document", metavar="DOC_ID", help=_("only this document"))
    p.add_argument("--collection", metavar="C", help=_("only this collection"))
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("export", parents=[common],
                       help=_("export as Web Annotation JSON, or as a PDF list (FILE.pdf)"))
    p.add_argument("file", metavar=_("FILE"))
    p.add_argument("--collection", metavar="C", help=_("only this collection"))
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", parents=[common], help=_("merge bookmarks from a JSON export"))
    p.add_argument("file", metavar=_("FILE"))
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("remove", parents=[common], help=_("delete a bookmark"))
    p.add_argument("id", metavar="ID", help=_("the id, or its first characters as 'list' shows"))
    p.set_defaults(func=cmd_remove)

    q = sub.add_parser("questions", parents=[common], help=_("my questions for the care team"))
    qsub = q.add_subparsers(dest="action", metavar=_("ACTION"))
    p = qsub.add_parser("list", parents=[common], help=_("show the list (the default)"))
    p.add_argument("--json", action="store_true")
    p = qsub.add_parser("add", parents=[common], help=_("add your own question"))
    p.add_argument("text", nargs="+", metavar=_("TEXT"))
    p = qsub.add_parser("add-from", parents=[common],
                        help=_("add a document's 'Questions to ask' list"))
    p.add_argument("doc_id", metavar="DOC_ID")
    for name, text in (("tick", _("mark question N answered")),
                       ("untick", _("mark it not answered")), ("remove", _("delete question N"))):
        p = qsub.add_parser(name, parents=[common], help=text)
        p.add_argument("number", type=int, metavar="N")
    p = qsub.add_parser("move", parents=[common], help=_("move question N to place TO"))
    p.add_argument("number", type=int, metavar="N")
    p.add_argument("to", type=int, metavar=_("TO"))
    p = qsub.add_parser("pdf", parents=[common], help=_("write the list as a one-page PDF"))
    p.add_argument("file", metavar=_("FILE"))
    q.set_defaults(func=cmd_questions, json=False)
