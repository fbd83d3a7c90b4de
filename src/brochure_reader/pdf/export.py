"""PDF export and handout assembly (the PyMuPDF side).

* :func:`export_pages` copies page ranges of a document into a new PDF with ``insert_pdf``: the
  pages stay vector pages with their text and annotations; web links are kept, links inside the
  document (also through named destinations, which ``insert_pdf`` drops) are retargeted to the
  copied pages, and the outline entries that point into the copied pages are carried over.
* :func:`html_pages` lays out HTML (cover page, sources) on paper-sized pages with the Story engine.
* :func:`assemble` joins handout parts: pages inserted as they are (optionally with their old
  footer removed), or pages scaled onto the paper; then stamps every page with the handout footer
  ("title · Reviewed date" and "Page n of m") and writes the outline.

Everything here takes and returns plain values (paths, bytes, dataclasses) so it can run in a
worker process.  Pages are 0-based.
"""

from __future__ import annotations

import html as html_lib
import io
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

from brochure_reader.pdf.document import open_document

#: A4 portrait in points (the handout paper; printing scales to the printer's paper).
A4 = (595.0, 842.0)
LETTER = (612.0, 792.0)


# --- export ------------------------------------------------------------------------------------


def _pdf_source(path: str | Path, password: str | None) -> pymupdf.Document:
    """A PDF document for *path*: the cached document itself, or a PDF conversion of an e-book."""
    doc = open_document(path, password)
    if doc.is_pdf:
        return doc
    converted = pymupdf.open("pdf", doc.convert_to_pdf())
    toc = doc.get_toc(simple=True)
    if toc:
        converted.set_toc(toc)
    return converted


def _normalise_levels(entries: list[list]) -> list[list]:
    """Make outline levels valid for ``set_toc``: the first is 1, none jumps by more than one."""
    if not entries:
        return entries
    base = min(e[0] for e in entries)
    previous = 0
    for entry in entries:
        entry[0] = max(1, min(entry[0] - base + 1, previous + 1))
        previous = entry[0]
    return entries


def _mapped_outline(src: pymupdf.Document, page_map: dict[int, int]) -> list[list]:
    """Outline entries of *src* whose target page was copied, retargeted through *page_map*
    (source page 0-based -> output page 0-based)."""
    out = []
    for item in src.get_toc(simple=False):
        level, title, page1 = item[0], item[1], item[2]
        target = page_map.get(page1 - 1) if isinstance(page1, int) else None
        if target is None:
            continue
        dest = item[3] if len(item) > 3 and isinstance(item[3], dict) else {}
        to = dest.get("to") if dest.get("kind") == pymupdf.LINK_GOTO else None
        link = {"kind": pymupdf.LINK_GOTO, "to": to or pymupdf.Point(0, 0), "zoom": 0}
        out.append([level, title or "(untitled)", target + 1, link])
    return _normalise_levels(out)


def _key(rect) -> tuple:
    return tuple(round(v) for v in pymupdf.Rect(rect))


def _copy_links(src: pymupdf.Document, out: pymupdf.Document, page_map: dict[int, int]) -> None:
    """Complete the links ``insert_pdf(links=True)`` left out: links inside the document that go
    through named destinations, or to a page copied by another ``insert_pdf`` call, retargeted to
    the copied page.  Links whose target was not copied are left out."""
    for source_page, out_page in page_map.items():
        page = out[out_page]
        have = {_key(link["from"]) for link in page.get_links()}
        for link in src[source_page].get_links():
            if link.get("kind") not in (pymupdf.LINK_GOTO, pymupdf.LINK_NAMED):
                continue
            target = page_map.get(link.get("page", -1))
            if target is None or _key(link["from"]) in have:
                continue
            to = link.get("to")
            new = {
                "kind": pymupdf.LINK_GOTO,
                "from": link["from"],
                "page": target,
                "to": to if isinstance(to, pymupdf.Point) else pymupdf.Point(0, 0),
                "zoom": 0,
            }
            try:
                page.insert_link(new)
            except Exception:  # an odd link in a damaged file is not worth failing for
                continue


def export_pages(
    path: str | Path,
    ranges: list[tuple[int, int]] | None,
    password: str | None = None,
    title: str = "",
) -> bytes:
    """PDF bytes holding the pages of *ranges* (0-based inclusive ``(first, last)``; None: every
    page) of *path*.

    Pages are copied with ``insert_pdf`` (text, links, annotations kept); the outline entries
    pointing into copied pages come along.  Raises DocumentError as ``open_document`` does and
    ValueError for a range outside the document.
    """
    src = _pdf_source(path, password)
    if ranges is None:
        ranges = [(0, src.page_count - 1)]
    for first, last in ranges:
        if not (0 <= first <= last < src.page_count):
            raise ValueError(f"pages {first + 1}-{last + 1} are outside the document")
    out = pymupdf.open()
    page_map: dict[int, int] = {}
    for first, last in ranges:
        start = out.page_count
        out.insert_pdf(src, from_page=first, to_page=last, links=True, annots=True)
        for offset, page in enumerate(range(first, last + 1)):
            page_map.setdefault(page, start + offset)
    _copy_links(src, out, page_map)
    toc = _mapped_outline(src, page_map)
    if toc:
        out.set_toc(toc)
    meta = dict(src.metadata or {})
    metadata = {k: meta.get(k) or "" for k in ("title", "author", "subject", "keywords")}
    metadata.update(creator="Brochure Reader", producer="PyMuPDF")
    if title:
        metadata["title"] = title
    out.set_metadata(metadata)
    data = out.tobytes(garbage=3, deflate=True)
    out.close()
    return data


def export_to_file(
    path: str | Path,
    ranges: list[tuple[int, int]] | None,
    out_file: str | Path,
    password: str | None = None,
    title: str = "",
) -> int:
    """Write :func:`export_pages` to *out_file*; returns the number of pages written."""
    data = export_pages(path, ranges, password, title)
    Path(out_file).write_bytes(data)
    return pdf_page_count(data)


def pdf_page_count(data: bytes) -> int:
    with pymupdf.open("pdf", data) as doc:
        return doc.page_count


# --- HTML pages ----------------------------------------------------------------------------------


def html_pages(
    body_html: str,
    css: str,
    font_dir: str | Path | None,
    paper: tuple[float, float] = A4,
    margins: tuple[float, float, float, float] = (60.0, 56.0, 110.0, 56.0),
    em: float = 12.0,
) -> bytes:
    """Lay *body_html* out on as many *paper* pages as it needs; PDF bytes.

    *margins* are (top, right, bottom, left) in points; the bottom margin leaves room for the
    handout footer.  *font_dir* is the folder that ``@font-face`` urls in *css* refer to.
    """
    archive = pymupdf.Archive(str(font_dir)) if font_dir else None
    story = pymupdf.Story(body_html, user_css=css, em=em, archive=archive)
    top, right, bottom, left = margins
    where = pymupdf.Rect(left, top, paper[0] - right, paper[1] - bottom)
    buffer = io.BytesIO()
    writer = pymupdf.DocumentWriter(buffer)
    more = True
    pages = 0
    while more:
        device = writer.begin_page(pymupdf.Rect(0, 0, *paper))
        more, _filled = story.place(where)
        story.draw(device)
        writer.end_page()
        pages += 1
        if pages > 200:  # pragma: no cover - a runaway note, not a handout
            raise ValueError("the text is too long for a handout")
    writer.close()
    return buffer.getvalue()


def html_height(
    body_html: str, css: str, font_dir: str | Path | None, width: float, em: float = 12.0
) -> float:
    """Height in points that *body_html* needs at *width* (for sizing note boxes)."""
    archive = pymupdf.Archive(str(font_dir)) if font_dir else None
    story = pymupdf.Story(body_html, user_css=css, em=em, archive=archive)
    _more, filled = story.place(pymupdf.Rect(0, 0, width, 10000))
    return float(pymupdf.Rect(filled).y1)


# --- handout assembly --------------------------------------------------------------------------


@dataclass
class AssemblyPart:
    """One piece of a handout.

    The pages come from *data* (PDF bytes) or from *path* (any document PyMuPDF opens).
    ``pages`` lists the 0-based pages to take (None: all).  ``fit`` scales each page onto the
    paper instead of inserting it as it is (for documents of another size or that could not be
    reflowed); ``note_html`` is then shown above the first page.  ``remove_below`` (points from
    the top) deletes the text and rules of the original footer band before the handout footer is
    stamped.  ``outline_title`` heads the part in the outline; the part's own outline follows
    one level down.
    """

    footer_left: str
    outline_title: str = ""
    data: bytes | None = None
    path: str | None = None
    password: str | None = None
    pages: list[int] | None = None
    fit: bool = False
    note_html: str = ""
    remove_below: float | None = None
    keep_outline: bool = True


@dataclass
class FooterStyle:
    """How the handout footer looks: font size (points), colours and fonts (CSS + font folder)."""

    size: float = 10.5
    css: str = ""
    font_dir: str | None = None
    margin_x: float = 56.0
    rule_colour: tuple[float, float, float] = (0.62, 0.71, 0.81)

    def band_height(self) -> float:
        """Room for two lines of footer text."""
        return 2 * 1.3 * self.size + 4

    def rule_y(self, paper: tuple[float, float]) -> float:
        return paper[1] - 14 - self.band_height() - 4


@dataclass
class AssemblyResult:
    pdf: bytes
    page_count: int
    #: first page (0-based) of each part in the output
    starts: list[int] = field(default_factory=list)


def _part_source(part: AssemblyPart) -> pymupdf.Document:
    if part.data is not None:
        return pymupdf.open("pdf", part.data)
    if part.path is None:
        raise ValueError("a handout part needs data or a path")
    return _pdf_source(part.path, part.password)


def _remove_footer(doc: pymupdf.Document, pages: list[int], below: float) -> None:
    for number in sorted(set(pages)):
        page = doc[number]
        rect = pymupdf.Rect(0, below, page.rect.width, page.rect.height)
        page.add_redact_annot(rect, fill=False)
        page.apply_redactions(images=pymupdf.PDF_REDACT_IMAGE_NONE, graphics=1, text=0)


def _fit_page(
    out: pymupdf.Document,
    src: pymupdf.Document,
    number: int,
    paper: tuple[float, float],
    footer: FooterStyle,
    note: tuple[str, str, float] | None,
) -> None:
    page = out.new_page(width=paper[0], height=paper[1])
    top = 36.0
    if note is not None:
        note_html, css, height = note
        rect = pymupdf.Rect(footer.margin_x, top, paper[0] - footer.margin_x, top + height + 2)
        page.insert_htmlbox(
            rect, note_html, css=css, archive=_archive(footer.font_dir), scale_low=1
        )
        top = rect.y1 + 10
    area = pymupdf.Rect(36, top, paper[0] - 36, footer.rule_y(paper) - 8)
    page.show_pdf_page(area, src, number, keep_proportion=True)


def _archive(font_dir: str | None):
    return pymupdf.Archive(font_dir) if font_dir else None


def _stamp_footer(
    page: pymupdf.Page, left: str, number: int, total: int, footer: FooterStyle
) -> None:
    width, height = page.rect.width, page.rect.height
    rule_y = footer.rule_y((width, height))
    x0, x1 = footer.margin_x, width - footer.margin_x
    page.draw_line((x0, rule_y), (x1, rule_y), color=footer.rule_colour, width=0.75)
    band = pymupdf.Rect(x0, rule_y + 6, x1, height - 8)
    split = x0 + (x1 - x0) * 0.72
    archive = _archive(footer.font_dir)
    page.insert_htmlbox(
        pymupdf.Rect(band.x0, band.y0, split - 8, band.y1),
        f"<p>{html_lib.escape(left)}</p>",
        css=footer.css,
        archive=archive,
        scale_low=1,
    )
    page.insert_htmlbox(
        pymupdf.Rect(split, band.y0, band.x1, band.y1),
        f'<p class="right">Page {number} of {total}</p>',
        css=footer.css,
        archive=archive,
        scale_low=1,
    )


def assemble(
    parts: list[AssemblyPart],
    footer: FooterStyle,
    paper: tuple[float, float] = A4,
    metadata: dict[str, str] | None = None,
    note_css: str = "",
) -> AssemblyResult:
    """Join *parts* into one PDF, stamp "footer_left · Page n of m" on every page, write the
    outline and *metadata*.  Returns the bytes, the page count and where each part starts."""
    out = pymupdf.open()
    toc: list[list] = []
    footers: list[str] = []
    starts: list[int] = []
    for part in parts:
        src = _part_source(part)
        pages = list(range(src.page_count)) if part.pages is None else list(part.pages)
        start = out.page_count
        starts.append(start)
        page_map: dict[int, int] = {}
        if part.fit:
            note = None
            if part.note_html:
                width = paper[0] - 2 * footer.margin_x
                note = (
                    part.note_html,
                    note_css,
                    html_height(part.note_html, note_css, footer.font_dir, width),
                )
            for index, number in enumerate(pages):
                _fit_page(out, src, number, paper, footer, note if index == 0 else None)
                page_map.setdefault(number, start + index)
        else:
            if part.remove_below is not None:
                if part.data is None:  # never change a cached library document
                    src = pymupdf.open("pdf", src.tobytes())
                _remove_footer(src, pages, part.remove_below)
            for index, number in enumerate(pages):
                out.insert_pdf(src, from_page=number, to_page=number, links=True, annots=True)
                page_map.setdefault(number, start + index)
            _copy_links(src, out, page_map)
        footers.extend([part.footer_left] * len(pages))
        if part.outline_title:
            toc.append([1, part.outline_title, start + 1])
        if part.keep_outline:
            children = _mapped_outline(src, page_map)
            for entry in children:
                entry[0] += 1 if part.outline_title else 0
            toc.extend(children)
    total = out.page_count
    for index, page in enumerate(out):
        _stamp_footer(page, footers[index], index + 1, total, footer)
    if toc:
        out.set_toc(_normalise_levels(toc), collapse=1)
    meta = {"creator": "Brochure Reader", "producer": "PyMuPDF"}
    meta.update(metadata or {})
    out.set_metadata(meta)
    data = out.tobytes(garbage=3, deflate=True)
    out.close()
    return AssemblyResult(data, total, starts)


# --- reading back (tests and previews) ---------------------------------------------------------


def text_spans(data: bytes) -> list[tuple[int, float, str]]:
    """Every non-blank text span of a PDF as ``(page 0-based, font size, text)``."""
    spans = []
    with pymupdf.open("pdf", data) as doc:
        for page in doc:
            for block in page.get_text("dict")["blocks"]:
                for line in block.get("lines", []):
                    for span in line["spans"]:
                        if span["text"].strip():
                            spans.append((page.number, round(span["size"], 2), span["text"]))
    return spans
