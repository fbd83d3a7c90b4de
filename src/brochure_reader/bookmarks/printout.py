"""PDF output of the bookmarks feature: a collection as a reading list, and "My questions" as a
one-page sheet to take to an appointment.

Inputs are plain dicts/lists (picklable, so the GUI runs these in a worker process).  Pages are
A4 portrait; text is set in Atkinson Hyperlegible (bundled in assets/fonts) when available.
The layout rules are here; the PDF work is done by the backend's primitives
(:mod:`brochure_reader.pdf.story`, :mod:`brochure_reader.pdf.builder`), imported when a PDF is
written so that the GUI can import this module without PyMuPDF.
"""

from __future__ import annotations

import html
from datetime import date
from typing import TYPE_CHECKING

from brochure_reader.language import format_date
from brochure_reader.paper import A4
from brochure_reader.paths import assets_dir
from brochure_reader.pdf.jobs import job

if TYPE_CHECKING:
    from brochure_reader.pdf.builder import PdfBuilder
#: Page margin in points (2 cm).
MARGIN = 56.7
_FOOTER_HEIGHT = 20.0

_FONT_CSS = """
@font-face {font-family: "ah"; src: url(AtkinsonHyperlegible-Regular.ttf);}
@font-face {font-family: "ah"; src: url(AtkinsonHyperlegible-Bold.ttf); font-weight: bold;}
"""
_BASE_CSS = """
body {font-family: ah, sans-serif; font-size: 12pt; line-height: 1.35; color: #1a1a1a;}
h1 {font-size: 22pt; margin: 0 0 4pt 0;}
p.sub {font-size: 11pt; color: #555555; margin: 0 0 14pt 0;}
"""
_COLLECTION_CSS = """
div.entry {margin: 0 0 14pt 0; padding: 0 0 0 8pt; border-left: 4pt solid #cccccc;}
h2 {font-size: 14pt; margin: 0 0 2pt 0;}
p.where {font-size: 10pt; color: #555555; margin: 0 0 4pt 0;}
p.quote {font-size: 11pt; color: #333333; margin: 0 0 4pt 12pt;}
p.note {margin: 0 0 2pt 0;}
p.attention {font-size: 10pt; color: #9b1c1c; margin: 0 0 2pt 0;}
"""
_QUESTIONS_CSS = """
p.q {margin: 0 0 4pt 0; font-size: 13pt; padding-left: 26pt; text-indent: -26pt;}
p.done {margin: 0 0 8pt 0; font-size: 13pt; color: #777777; padding-left: 26pt;
        text-indent: -26pt;}
p.space {margin: 0 0 12pt 26pt; font-size: 15pt; border-bottom: 0.75pt solid #b0b0b0;}
p.when {margin: 0 0 16pt 0; font-size: 12pt;}
span.box {font-size: 15pt;}
"""


def _fonts() -> tuple[str | None, str]:
    """``(font folder, @font-face CSS)``, or ``(None, "")`` without the bundled fonts."""
    fonts = assets_dir() / "fonts"
    if (fonts / "AtkinsonHyperlegible-Regular.ttf").is_file():
        return str(fonts), _FONT_CSS
    return None, ""


def _text(value: object) -> str:
    """User text as HTML: escaped, line breaks kept."""
    return html.escape(str(value or "")).replace("\n", "<br>")


def _finish(doc: PdfBuilder, title: str, footer: str) -> None:
    doc.set_metadata({"title": title, "creator": "Brochure Reader", "producer": "PyMuPDF"})
    count = doc.page_count
    font_dir, font_css = _fonts()
    for number in range(1, count + 1):
        text = footer if count == 1 else f"{footer} · page {number} of {count}"
        width, height = doc.page_size(number - 1)
        top = height - MARGIN + 8
        rect = (MARGIN, top, width - MARGIN, top + _FOOTER_HEIGHT)
        doc.insert_html(number - 1, rect, f"<p>{html.escape(text)}</p>",
                        font_css + "p {font-family: ah, sans-serif; font-size: 9pt; "
                        "color: #666666; text-align: center;}", font_dir)


def _printed(printed: str | None) -> str:
    return printed or format_date(date.today())


@job()
def write_collection_pdf(out_path: str, title: str, entries: list[dict], subtitle: str = "",
                         printed: str | None = None) -> int:
    """Write a reading list of bookmarks to *out_path*; returns the number of pages.

    Each entry is a dict with ``label``, ``document`` (title), ``section`` (title or ""),
    ``page`` (1-based), ``note``, ``quote`` (the bookmarked passage), ``colour`` (``#rrggbb``)
    and ``needs_attention`` (bool).  *printed* is the date line (default: today).  Raises
    OSError/RuntimeError when the file cannot be written.
    """
    from brochure_reader.pdf.builder import PdfBuilder
    from brochure_reader.pdf.story import html_pages

    printed = _printed(printed)
    parts = [f"<h1>{_text(title)}</h1>"]
    count = f"{len(entries)} bookmark" + ("" if len(entries) == 1 else "s")
    parts.append(f"<p class='sub'>{_text(subtitle + ' · ' if subtitle else '')}{count}</p>")
    for entry in entries:
        colour = entry.get("colour") or "#cccccc"
        colour = colour if len(colour) == 7 and colour.startswith("#") else "#cccccc"
        where = [entry.get("document") or "", entry.get("section") or "",
                 f"page {entry.get('page')}" if entry.get("page") else ""]
        parts.append(f"<div class='entry' style='border-left-color: {colour}'>")
        parts.append(f"<h2>{_text(entry.get('label') or 'Bookmark')}</h2>")
        parts.append(f"<p class='where'>{_text(' · '.join(w for w in where if w))}</p>")
        if entry.get("needs_attention"):
            parts.append("<p class='attention'>This passage was not found in the latest "
                         "version of the document.</p>")
        if entry.get("quote"):
            parts.append(f"<p class='quote'>“{_text(entry['quote'])}…”</p>")
        if entry.get("note"):
            parts.append(f"<p class='note'>{_text(entry['note'])}</p>")
        parts.append("</div>")
    if not entries:
        parts.append("<p>There are no bookmarks in this collection.</p>")
    font_dir, font_css = _fonts()
    # laid out into memory, then given footers and saved
    pages = html_pages("".join(parts), font_css + _BASE_CSS + _COLLECTION_CSS, font_dir, A4,
                       margins=(MARGIN, MARGIN, MARGIN, MARGIN), max_pages=10_000)
    with PdfBuilder(pages) as doc:
        _finish(doc, title, f"Brochure Reader · printed {printed}")
        doc.save(out_path)
        return doc.page_count


#: The smallest text scale for "My questions" on one page (13 pt questions -> 12 pt).
MIN_SCALE = 12 / 13


@job()
def write_questions_pdf(out_path: str, questions: list[dict], title: str = "My questions",
                        subtitle: str = "", printed: str | None = None) -> float:
    """Write "My questions" to *out_path* as one A4 page when it fits; returns the text scale
    used (1.0 = full size).

    Each question is ``{"text": str, "answered": bool}``; unanswered ones get an empty box and,
    when there is room, a line to write the answer on; answered ones are ticked and greyed.
    A long list is shrunk a little (never below 12 pt for a question, MIN_SCALE) and, if it still
    does not fit, continues on more pages at full size: small print helps nobody.
    """
    from brochure_reader.pdf.builder import PdfBuilder

    printed = _printed(printed)
    font_dir, font_css = _fonts()
    css = font_css + _BASE_CSS + _QUESTIONS_CSS
    rect = (MARGIN, MARGIN, A4[0] - MARGIN, A4[1] - MARGIN)
    sub = subtitle or "Questions for my care team"

    def page_html(with_space: bool, items=None, first: int = 1) -> str:
        items = questions if items is None else items
        if first == 1:
            parts = [f"<h1>{_text(title)}</h1>", f"<p class='sub'>{_text(sub)}</p>"]
        else:
            parts = [f"<p class='sub'>{_text(title)} (continued)</p>"]
        if with_space and first == 1:
            parts.append("<p class='when'>Appointment date: ______________ &nbsp; "
                         "With: ______________________</p>")
        if not questions:
            parts.append("<p>No questions yet.</p>")
        for n, question in enumerate(items, start=first):
            text = _text(question.get("text"))
            if question.get("answered"):
                parts.append(f"<p class='done'><span class='box'>☑</span>&nbsp;&nbsp;{n}. "
                             f"{text} (answered)</p>")
            else:
                parts.append(f"<p class='q'><span class='box'>☐</span>&nbsp;&nbsp;{n}. "
                             f"{text}</p>")
                if with_space:
                    parts.append("<p class='space'>&nbsp;</p>")
        return "".join(parts)

    doc = PdfBuilder()
    try:
        scale = 1.0
        fitted = False
        for with_space, scale_low in ((True, 1.0), (False, MIN_SCALE)):
            page = doc.new_page(*A4)
            spare, scale = doc.insert_html(page, rect, page_html(with_space), css, font_dir,
                                           scale_low=scale_low)
            if spare >= 0:
                fitted = True
                break
            doc.delete_page(page)
        if not fitted:  # more pages, full size, with answer lines
            scale, start = 1.0, 0

            def fits(count: int) -> bool:
                with PdfBuilder() as probe:
                    spare, _scale = probe.insert_html(
                        probe.new_page(*A4), rect,
                        page_html(True, questions[start:start + count], start + 1), css,
                        font_dir, scale_low=1.0)
                return spare >= 0

            while start < len(questions):
                low, high = 1, len(questions) - start  # the most questions that fit this page
                while low < high:
                    middle = (low + high + 1) // 2
                    low, high = (middle, high) if fits(middle) else (low, middle - 1)
                doc.insert_html(doc.new_page(*A4), rect,
                                page_html(True, questions[start:start + low], start + 1), css,
                                font_dir, scale_low=0.0)
                start += low
        _finish(doc, title, f"Brochure Reader · printed {printed}")
        doc.save(out_path)
    finally:
        doc.close()
    return float(scale)
