"""``brochure-reader export`` and ``brochure-reader handout`` (registered by cli.COMMAND_MODULES).

Both run PyMuPDF in-process.  Bad references and page ranges are one-line errors (UserError).
"""

from __future__ import annotations

import sys
from pathlib import Path

from brochure_reader import APP_NAME
from brochure_reader.errors import UserError
from brochure_reader.files import atomic_write_bytes


def register(subparsers, common) -> None:
    """Add the ``export`` and ``handout`` sub-commands to the CLI parser."""
    p = subparsers.add_parser(
        "export", parents=[common], help="save pages or a section of a document as a PDF",
        description="Copy a document, one of its sections (DOC_ID#slug) or some of its pages "
        "(--pages) into a new PDF. Pages stay real PDF pages: text, links and outline are kept.",
    )
    p.add_argument("ref", metavar="DOC_ID[#slug]", help="document, or section of a document")
    p.add_argument("--pages", metavar="RANGES",
                   help="pages to export, 1-based, like 2-4,7 (within the section if one is given)")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
    p.set_defaults(func=cmd_export)

    p = subparsers.add_parser(
        "handout", parents=[common], help="make a handout PDF from chosen sections",
        description="Compose sections (DOC_ID#slug, in the order given; DOC_ID alone for a whole "
        "document) into one PDF with footers on every page and the sources at the end. Any of "
        "--note, --clinic, --clinician, --contact adds a cover page.",
    )
    p.add_argument("refs", nargs="+", metavar="DOC_ID#slug")
    p.add_argument("--note", default="", metavar="TEXT", help="a note for the patient (cover)")
    p.add_argument("--clinic", default="", metavar="NAME", help="clinic name (cover)")
    p.add_argument("--clinician", default="", metavar="NAME", help="clinician's name (cover)")
    p.add_argument("--contact", default="", metavar="TEXT", help="contact details (cover)")
    p.add_argument("--date", default="", metavar="YYYY-MM-DD", help="date on the cover "
                   "(default: today)")
    p.add_argument("--large-print", action="store_true",
                   help="18 pt text (re-typeset where a Markdown source exists)")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
    p.set_defaults(func=cmd_handout)


def _check_out(out: str) -> Path:

    path = Path(out).expanduser()
    if path.is_dir():
        raise UserError(f"--out {out} is a folder; give a file name like handout.pdf")
    if not path.parent.is_dir():
        raise UserError(f"--out {out}: the folder {path.parent} does not exist")
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
        what, scope = doc.title, "the document"
        if slug:
            section = find_section(sections, slug)
            if section is None:
                raise RangeError(unknown_section_message(doc_id, slug, sections))
            first, last = section_page_range(sections, section, page_count)
            what = f"{doc.title}: {section.title}"
            scope = f"the section '{section.title}' (pages {first + 1}–{last + 1})"
        if args.pages:
            try:
                within = parse_page_ranges(args.pages, last - first + 1, scope)
            except RangeError as exc:
                raise RangeError(f"--pages {args.pages}: {exc}") from None
            ranges = [(first + a, first + b) for a, b in within]
        else:
            ranges = [(first, last)]
    except RangeError as exc:
        raise UserError(str(exc)) from None
    count = ctx.run_job(jobs.export_to_file, str(doc.path), ranges, str(out), None, what)
    wanted = sum(last - first + 1 for first, last in ranges)
    if count < wanted:
        left = wanted - count
        print(f"{APP_NAME}: note: {left} page{'s' if left != 1 else ''} of {doc.title} could not "
              f"be read (damaged) and {'were' if left != 1 else 'was'} left out", file=sys.stderr)
    print(f"Wrote {count} page{'s' if count != 1 else ''} of {what} "
          f"({'pages' if count != 1 else 'page'} {format_page_ranges(ranges)}) to {out}")
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
    for note in handout.notes:
        print(f"{APP_NAME}: note: {note}", file=sys.stderr)
    print(f"Wrote a {handout.page_count}-page handout to {out}")
    return 0
