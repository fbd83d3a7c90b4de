"""Compose a handout PDF from a :class:`~brochure_reader.handouts.plan.HandoutRequest`.

Order: optional cover page (clinic, clinician, contact, the note, the date and a list of what is
inside with page numbers), the parts, then the sources of every included document.  Each part
built from a Markdown source is typeset again through the authoring pipeline with only the chosen
sections (13 pt, or 18 pt in large print, never below 16 pt); other documents have their pages
scaled onto A4, with a note in large print that they could not be reflowed.  Every page gets the
footer "document title · Reviewed date" and "Page n of m".

Our own words on it (cover, sources page, footers, notes) and its dates are in the request's
locale (:attr:`HandoutRequest.locale`, the interface language where it was asked for: « Fiche
patient », « 7 décembre 2026 »); the documents' text stays in its own language.

No Qt.  The GUI runs :func:`compose_handout` in a worker process; the CLI and tests call it.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field

from brochure_reader import APP_TITLE
from brochure_reader.authoring.source import Source, parse_source
from brochure_reader.authoring.style import Layout, fonts_dir
from brochure_reader.handouts import style
from brochure_reader.handouts.assembly import AssemblyPart, FooterStyle
from brochure_reader.handouts.markdown import section_markdown, source_sections
from brochure_reader.handouts.plan import CoverDetails, HandoutPart, HandoutRequest
from brochure_reader.handouts.ranges import pages_in
from brochure_reader.i18n import N_, _, format_date, ngettext, using
from brochure_reader.paper import A4
from brochure_reader.pdf.jobs import job

NOT_REFLOWED = N_(
    "This document could not be re-set in large print, so its pages are shown here made to fit "
    "the paper. Ask your care team if you need it in a bigger size."
)


@dataclass
class Handout:
    """The composed PDF, its page count, the first page (0-based) of each part, and notes for
    the user (documents that could not be reflowed…)."""

    pdf: bytes
    page_count: int
    part_starts: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: first page (0-based) of the sources at the end
    sources_start: int = 0


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _paragraphs(text: str) -> str:
    """Plain text with blank-line paragraphs and line breaks -> HTML paragraphs."""
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    return "".join(
        "<p>" + "<br/>".join(_esc(line) for line in block.split("\n")) + "</p>" for block in blocks
    )


def _date_text(value: str | dt.date | None) -> str:
    if isinstance(value, dt.date):
        return format_date(value)
    if not value:
        return ""
    try:
        return format_date(dt.date.fromisoformat(str(value)[:10]))
    except ValueError:
        return str(value)


def body_size(request: HandoutRequest) -> float:
    """Body size of typeset parts: explicit, else 18 pt (large print) or 13 pt.

    Raises ValueError for a large-print size below 16 pt.
    """
    if request.font_size:
        size = float(request.font_size)
        if request.large_print and size < style.LARGE_PRINT_MIN:
            raise ValueError(_("large print needs at least {least} pt (asked for {size} pt)")
                             .format(least=f"{style.LARGE_PRINT_MIN:g}", size=f"{size:g}"))
        return size
    return style.LARGE_PRINT_SIZE if request.large_print else style.BODY_SIZE


def _keep_together(text: str) -> str:
    """No line break inside a date or after "page" (non-breaking spaces)."""
    return text.replace(" ", "\u00a0")


def footer_left(part: HandoutPart) -> str:
    reviewed = _date_text(part.reviewed)
    if not reviewed:
        return part.title
    return part.title + " · " + _("Reviewed {date}").format(date=_keep_together(reviewed))


# --- parts ---------------------------------------------------------------------------------------


@dataclass
class _Built:
    """A part ready to assemble, with what the sources page needs."""

    part: HandoutPart
    assembly: AssemblyPart
    pages: int
    references: list[str]
    reflowed: bool


def _typeset_part(part: HandoutPart, size: float) -> _Built:
    from brochure_reader.authoring.typesetter import typeset  # PyMuPDF: in the worker only

    assert part.markdown_path is not None
    source = parse_source(part.markdown_path)
    if part.slugs:
        body = section_markdown(source.body, source_sections(source.id, source.body), part.slugs)
        summary = _("From this leaflet: {sections}").format(
            sections="; ".join(part.section_titles))
        summary += "" if summary[-1] in ".…?!" else "."
    else:
        body, summary = source.body, source.summary
    piece = Source(
        title=source.title,
        body=body,
        id=source.id,
        summary=summary,
        audience=source.audience,
        reviewed=source.reviewed,
        next_review=source.next_review,
    )
    result = typeset(piece, font_size=size)
    assembly = AssemblyPart(
        footer_left=footer_left(part),
        outline_title=part.label,
        data=result.pdf,
        remove_below=Layout(size).footer_top - 4,
    )
    return _Built(part, assembly, result.page_count, source.citations(), True)


def _pdf_part(part: HandoutPart, large_print: bool, size: float) -> _Built:
    pages = list(dict.fromkeys(pages_in(part.page_ranges)))  # a page shared by two sections once
    note = "<p>" + _esc(_(NOT_REFLOWED)) + "</p>" if large_print else ""
    assembly = AssemblyPart(
        footer_left=footer_left(part),
        outline_title=part.label,
        path=part.pdf_path,
        pages=pages,
        fit=True,
        note_html=note,
    )
    return _Built(part, assembly, len(pages), [], False)


# --- cover and sources ------------------------------------------------------------------------


def cover_html(
    cover: CoverDetails, built: list[_Built], first_pages: list[int], large_print: bool
) -> str:
    """HTML of the cover page; *first_pages* are 1-based page numbers of the parts."""
    day = format_date(cover.day())
    who = cover.clinician.strip()  # the clinic is named just above
    out = ['<div class="band">']
    out.append(f'<p class="kicker">{_esc(cover.clinic.strip() or APP_TITLE)}</p>')
    out.append("<h1>" + _esc(_("Information for you")) + "</h1>")
    if who:
        prepared = _esc(_("Prepared for you by {name}")).replace("{name}", "<b>{name}</b>")
        out.append(f"<p>{prepared.format(name=_esc(who))}</p>")
    out.append(f'<p class="meta">{_esc(day)}</p></div>')
    if cover.note.strip():
        by = cover.clinician.strip() or _("your care team")
        heading = _("A note from {name}").format(name=by)
        out.append(f'<div class="note"><h3>{_esc(heading)}</h3>')
        out.append(_paragraphs(cover.note) + "</div>")
    out.append("<h2>" + _esc(_("In this handout")) + "</h2><table>")
    for item, page in zip(built, first_pages, strict=True):
        part = item.part
        inner = "".join(f"<br/>{_esc(t)}" for t in part.section_titles)
        out.append(
            f'<tr><td><b>{_esc(part.title)}</b>{inner}</td>'
            '<td class="page">' + _esc(_("page {page}").format(page=page)) + "</td></tr>"
        )
    out.append("</table>")
    if any(not b.reflowed for b in built) and large_print:
        some = _("Some pages could not be re-set in large print; they are shown made to fit the "
                 "paper and say so at the top.")
        out.append(f'<p class="small">{_esc(some)}</p>')
    if cover.contact.strip() or cover.clinic.strip():
        out.append('<div class="contact"><h3>' + _esc(_("How to contact us")) + "</h3>")
        if cover.clinic.strip():
            out.append(f"<p><b>{_esc(cover.clinic.strip())}</b></p>")
        out.append(_paragraphs(cover.contact) + "</div>")
    return "".join(out)


def sources_html(built: list[_Built], day: dt.date) -> str:
    out = ["<h2>" + _esc(_("Where this information comes from")) + "</h2>"]
    seen: set[str] = set()
    for item in built:
        part = item.part
        if part.doc_id in seen:
            continue
        seen.add(part.doc_id)
        out.append(f"<h3>{_esc(part.title)}</h3>")
        dates = []
        if part.reviewed:
            dates.append(_("Reviewed {date}").format(date=_date_text(part.reviewed)))
        if part.next_review:
            dates.append(_("next review due {date}").format(date=_date_text(part.next_review)))
        origin = part.pack_title or _("your library")
        meta = " · ".join([*dates, _("from {origin} ({file})").format(origin=origin,
                                                                      file=part.file_name)])
        out.append(f'<p class="meta">{_esc(meta[0].upper() + meta[1:])}</p>')
        if item.references:
            out.append("<ul>" + "".join(f"<li>{_esc(r)}</li>" for r in item.references) + "</ul>")
        else:
            out.append("<p>" + _esc(_("The document itself names its sources.")) + "</p>")
    made = _("Made with {app} on {date}. This information does not replace advice from your "
             "care team: ask them if anything here does not seem to fit your situation.")
    out.append(f'<p class="meta">{_esc(made.format(app=APP_TITLE, date=format_date(day)))}</p>')
    return "".join(out)


# --- composing --------------------------------------------------------------------------------


@job()
def compose_handout(request: HandoutRequest) -> Handout:
    """Build the handout PDF, its own words and dates in ``request.locale``.  Raises ValueError
    (bad size), SourceError (a broken source) and DocumentError (a document that cannot be
    opened)."""
    with using(request.locale):  # a worker process has no interface language of its own
        return _compose(request)


def _compose(request: HandoutRequest) -> Handout:
    from brochure_reader.handouts.assembly import assemble  # PyMuPDF: in the worker only
    from brochure_reader.pdf.export import pdf_page_count
    from brochure_reader.pdf.story import html_pages

    if not request.parts:
        raise ValueError(_("a handout needs at least one section"))
    size = body_size(request)
    large = request.large_print
    built: list[_Built] = []
    notes: list[str] = []
    for part in request.parts:
        if part.markdown_path:
            built.append(_typeset_part(part, size))
        else:
            built.append(_pdf_part(part, large, size))
            if large:
                notes.append(_("“{title}” could not be reflowed: its pages are scaled to fit")
                             .format(title=part.title))
    page_size = max(size, style.LARGE_PRINT_MIN) if large else size
    css = style.page_css(page_size, large)
    font_dir = str(fonts_dir())
    fsize = style.footer_size(large)
    footer = FooterStyle(size=fsize, css=style.footer_css(fsize), font_dir=font_dir)
    margins = (56.0, 56.0, A4[1] - footer.rule_y(A4) + 14, 56.0)
    cover = request.cover
    day = cover.day() if cover is not None else dt.date.today()
    parts: list[AssemblyPart] = []
    if cover is not None:
        def cover_pdf(offset: int) -> bytes:
            starts, page = [], offset + 1
            for item in built:
                starts.append(page)
                page += item.pages
            return html_pages(
                cover_html(cover, built, starts, large), css, font_dir, margins=margins,
                em=page_size,
            )

        data = cover_pdf(1)
        count = pdf_page_count(data)
        if count != 1:
            data = cover_pdf(count)
        label = cover.clinic.strip() or _("Patient handout")
        parts.append(
            AssemblyPart(footer_left=f"{label} · {_keep_together(format_date(day))}",
                         outline_title=_("Cover"),
                         data=data, keep_outline=False)
        )
    parts.extend(b.assembly for b in built)
    parts.append(
        AssemblyPart(
            footer_left=_("Sources") + " · " + _keep_together(format_date(day)),
            outline_title=_("Sources"),
            data=html_pages(sources_html(built, day), css, font_dir, margins=margins,
                            em=page_size),
            keep_outline=False,
        )
    )
    title = _("Handout: {parts}").format(parts="; ".join(b.part.label for b in built))
    result = assemble(
        parts,
        footer,
        metadata={"title": title[:300], "subject": _("Patient handout")},
        note_css=style.note_css(max(page_size, style.LARGE_PRINT_MIN) if large else page_size),
    )
    for assembled, damaged in zip(parts, result.damaged, strict=True):
        if damaged:
            shown = ", ".join(str(n + 1) for n in damaged)
            name = assembled.outline_title or assembled.footer_left
            notes.append(ngettext("Page %(pages)s of “%(name)s” could not be read (damaged) and "
                                  "was left out", "Pages %(pages)s of “%(name)s” could not be "
                                  "read (damaged) and were left out", len(damaged))
                         % {"pages": shown, "name": name})
    starts = result.starts[1:-1] if cover is not None else result.starts[:-1]
    return Handout(result.pdf, result.page_count, starts, notes, result.starts[-1])
