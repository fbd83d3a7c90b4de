"""``brochure-reader export`` and ``brochure-reader handout`` (registered by cli.COMMAND_MODULES).

Both run PyMuPDF in-process.  Bad references and page ranges are one-line errors (UserError).
"""

from __future__ import annotations

from pathlib import Path

from brochure_reader.errors import UserError
from brochure_reader.files import atomic_write_bytes
from brochure_reader.i18n import _, ngettext
from brochure_reader.terminal import note


def register(subparsers, common) -> None:
    """Add the ``export`` and ``handout`` sub-commands to the CLI parser."""
    p = subparsers.add_parser(
        "export", parents=[common], help=_("save pages or a section of a document as a PDF"),
        description=_("Copy a document, one of its sections (DOC_ID#slug) or some of its pages "
                      "(--pages) into a new PDF. Pages stay real PDF pages: text, links and "
                      "outline are kept."),
    )
    p.add_argument("ref", metavar="DOC_ID[#slug]",
                   help=_("document, or section of a document"))
    p.add_argument("--pages", metavar=_("RANGES"),
                   help=_("pages to export, 1-based, like 2-4,7 (within the section if one is "
                          "given)"))
    p.add_argument("--out", required=True, metavar=_("FILE.pdf"), help=_("where to write the PDF"))
    p.set_defaults(func=cmd_export)

    p = subparsers.add_parser(
        "handout", parents=[common], help=_("make a handout PDF from chosen sections"),
        description=_("Compose sections (DOC_ID#slug, in the order given; DOC_ID alone for a "
                      "whole document) into one PDF with footers on every page and the sources "
                      "at the end. Any of --note, --clinic, --clinician, --contact adds a cover "
                      "page."),
    )
    p.add_argument("refs", nargs="+", metavar="DOC_ID#slug")
    p.add_argument("--note", default="", metavar=_("TEXT"),
                   help=_("a note for the patient (cover)"))
    p.add_argument("--clinic", default="", metavar=_("NAME"), help=_("clinic name (cover)"))
    p.add_argument("--clinician", default="", metavar=_("NAME"),
                   help=_("clinician's name (cover)"))
    p.add_argument("--contact", default="", metavar=_("TEXT"), help=_("contact details (cover)"))
    p.add_argument("--date", default="", metavar="YYYY-MM-DD",
                   help=_("date on the cover (default: today)"))
    p.add_argument("--large-print", action="store_true",
                   help=_("18 pt text (re-typeset where a Markdown source exists)"))
    p.add_argument("--out", required=True, metavar=_("FILE.pdf"), help=_("where to write the PDF"))
    p.set_defaults(func=cmd_handout)


def _check_out(out: str) -> Path:

    path = Path(out).expanduser()
    if path.is_dir():
        raise UserError(_("--out {out} is a folder; give a file name like handout.pdf").format(
            out=out))
    if not path.parent.is_dir():
        raise UserError(_("--out {out}: the folder {folder} does not exist").format(
            out=out, folder=path.parent))
    return path


def cmd_export(args, ctx) -> int:
    from brochure_reader.handouts.ranges import (
        RangeError,
        format_page_ranges,
        parse_page_ranges,
        section_page_range,
        split_ref,
        unknown_section_message,
    )
    from brochure_reader.library.sections import find_section
    from brochure_reader.pdf import jobs

    out = _check_out(args.out)
    try:
        doc_id, slug = split_ref(args.ref)
        doc = ctx.library.get(doc_id)
        page_count, sections = ctx.document_sections(doc)
        first, last = 0, page_count - 1
        what, scope = doc.title, _("the document")
        if slug:
            section = find_section(sections, slug)
            if section is None:
                raise RangeError(unknown_section_message(doc_id, slug, sections))
            first, last = section_page_range(sections, section, page_count)
            what = f"{doc.title}: {section.title}"
            scope = _("the section '{title}' (pages {first}–{last})").format(
                title=section.title, first=first + 1, last=last + 1)
        if args.pages:
            try:
                within = parse_page_ranges(args.pages, last - first + 1, scope)
            except RangeError as exc:
                raise RangeError(_("--pages {pages}: {reason}").format(pages=args.pages,
                                                                       reason=exc)) from None
            ranges = [(first + a, first + b) for a, b in within]
        else:
            ranges = [(first, last)]
    except RangeError as exc:
        raise UserError(str(exc)) from None
    count = ctx.run_job(jobs.export_to_file, str(doc.path), ranges, str(out), None, what)
    wanted = sum(last - first + 1 for first, last in ranges)
    if count < wanted:
        left = wanted - count
        note(ngettext("%(n)d page of %(title)s could not be read (damaged) and was left out",
                      "%(n)d pages of %(title)s could not be read (damaged) and were left out",
                      left) % {"n": left, "title": doc.title})
    print(ngettext("Wrote %(n)d page of %(what)s (page %(pages)s) to %(out)s",
                   "Wrote %(n)d pages of %(what)s (pages %(pages)s) to %(out)s", count)
          % {"n": count, "what": what, "pages": format_page_ranges(ranges), "out": out})
    return 0


def cmd_handout(args, ctx) -> int:
    from brochure_reader.handouts import (
        CoverDetails,
        HandoutRequest,
        RangeError,
        compose_handout,
        plan_handout,
    )

    out = _check_out(args.out)
    cover = CoverDetails(args.clinic, args.clinician, args.contact, args.note, args.date)
    try:
        cover.day()
        parts = plan_handout(ctx.library, args.refs, ctx.document_sections)
    except RangeError as exc:
        raise UserError(str(exc)) from None
    request = HandoutRequest(parts, None if cover.is_empty() else cover, args.large_print)
    handout = ctx.run_job(compose_handout, request,
                          paths=[part.pdf_path for part in request.parts])
    atomic_write_bytes(out, handout.pdf)  # a full disk leaves no 0-byte file
    for line in handout.notes:
        note(line)
    print(ngettext("Wrote a %(n)d-page handout to %(out)s", "Wrote a %(n)d-page handout to "
                   "%(out)s", handout.page_count) % {"n": handout.page_count, "out": out})
    return 0
