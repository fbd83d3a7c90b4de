"""Copying pages out of documents (the PyMuPDF side of export, printing and handouts).

* :class:`PdfSource` is a document opened for copying: the cached PDF itself, a PDF conversion
  of an e-book, or PDF bytes; ``without_band`` removes a footer band from some pages.
* :func:`export_pages` copies page ranges of a document into a new PDF with ``insert_pdf``: the
  pages stay vector pages with their text and annotations; web links are kept, links inside the
  document (also through named destinations, which ``insert_pdf`` drops) are retargeted to the
  copied pages, and the outline entries that point into the copied pages are carried over.

Everything here takes and returns plain values (paths, bytes, tuples) so it can run in a worker
process.  Pages are 0-based.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf

from brochure_reader.pdf.builder import OutlineItem, PdfBuilder, normalise_levels
from brochure_reader.pdf.document import open_document

# --- sources ---------------------------------------------------------------------------------


class PdfSource:
    """A document opened for copying pages from: PDF *data*, or the file at *path* (the cached
    document itself, or a PDF conversion of an e-book).  Raises DocumentError as
    ``open_document`` does, ValueError when neither is given."""

    def __init__(
        self, path: str | Path | None = None, password: str | None = None,
        data: bytes | None = None,
    ) -> None:
        if data is not None:
            self.doc = pymupdf.open("pdf", data)
            self.owned = True
        elif path is None:
            raise ValueError("a source needs data or a path")
        else:
            self.doc, self.owned = _pdf_document(path, password)

    @property
    def page_count(self) -> int:
        return self.doc.page_count

    def metadata(self) -> dict[str, str]:
        return dict(self.doc.metadata or {})

    def without_band(self, pages: list[int], below: float) -> PdfSource:
        """This source with the text and rules below *below* (points from the top) of *pages*
        deleted (an old footer).  A cached library document is copied first, never changed."""
        if not self.owned:
            self.doc, self.owned = pymupdf.open("pdf", self.doc.tobytes()), True
        for number in sorted(set(pages)):
            page = self.doc[number]
            rect = pymupdf.Rect(0, below, page.rect.width, page.rect.height)
            # fill=False (no fill) and PDF_REDACT_IMAGE_NONE are documented; the stubs lack them
            page.add_redact_annot(rect, fill=False)  # type: ignore[arg-type]
            page.apply_redactions(
                images=pymupdf.PDF_REDACT_IMAGE_NONE,  # type: ignore[attr-defined]
                graphics=1, text=0,
            )
        return self

    def outline(self, page_map: dict[int, int]) -> list[OutlineItem]:
        """Outline entries whose target page was copied, retargeted through *page_map* (source
        page 0-based -> output page 0-based), levels normalised."""
        out: list[OutlineItem] = []
        for item in self.doc.get_toc(simple=False):
            level, title, page1 = item[0], item[1], item[2]
            target = page_map.get(page1 - 1) if isinstance(page1, int) else None
            if target is None:
                continue
            dest = item[3] if len(item) > 3 and isinstance(item[3], dict) else {}
            to = dest.get("to") if dest.get("kind") == pymupdf.LINK_GOTO else None
            point = (float(to.x), float(to.y)) if to is not None else (0.0, 0.0)
            out.append((level, title or "(untitled)", target, point))
        return normalise_levels(out)


def _pdf_document(path: str | Path, password: str | None) -> tuple[pymupdf.Document, bool]:
    """``(document, owned)``: the cached document itself (not owned), or a PDF conversion of an
    e-book (owned)."""
    doc = open_document(path, password)
    if doc.is_pdf:
        return doc, False
    converted = pymupdf.open("pdf", doc.convert_to_pdf())
    toc = doc.get_toc(simple=True)
    if toc:
        converted.set_toc(toc)
    return converted, True


# --- export ------------------------------------------------------------------------------------


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
    src = PdfSource(path, password)
    if ranges is None:
        ranges = [(0, src.page_count - 1)]
    for first, last in ranges:
        if not (0 <= first <= last < src.page_count):
            raise ValueError(f"pages {first + 1}-{last + 1} are outside the document")
    with PdfBuilder() as out:
        page_map: dict[int, int] = {}
        for first, last in ranges:
            for page, copied in out.insert_pages(src, list(range(first, last + 1))).items():
                page_map.setdefault(page, copied)
        out.complete_links(src, page_map)
        out.set_outline(src.outline(page_map))
        meta = src.metadata()
        metadata = {k: meta.get(k) or "" for k in ("title", "author", "subject", "keywords")}
        metadata.update(creator="Brochure Reader", producer="PyMuPDF")
        if title:
            metadata["title"] = title
        out.set_metadata(metadata)
        return out.tobytes()


def export_to_file(
    path: str | Path,
    ranges: list[tuple[int, int]] | None,
    out_file: str | Path,
    password: str | None = None,
    title: str = "",
) -> int:
    """Write :func:`export_pages` to *out_file* all at once (on a failure, a full disk, the
    file is left as it was: :func:`brochure_reader.files.atomic_write_bytes`); returns the
    number of pages written.  Raises as :func:`export_pages`, and OSError."""
    from brochure_reader.files import atomic_write_bytes

    data = export_pages(path, ranges, password, title)
    atomic_write_bytes(out_file, data)
    return pdf_page_count(data)


def pdf_page_count(data: bytes) -> int:
    """Number of pages of the PDF *data*.  Raises RuntimeError/ValueError for bytes that are not
    a PDF."""
    with pymupdf.open("pdf", data) as doc:
        return doc.page_count
