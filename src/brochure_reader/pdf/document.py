"""Opening documents and reading what a viewer needs up front (page sizes, labels, outline)."""

from __future__ import annotations

import re
from collections import OrderedDict
from pathlib import Path

import pymupdf

from brochure_reader.i18n import _, ngettext
from brochure_reader.paper import A5
from brochure_reader.pdf.errors import DocumentError, PasswordRequired
from brochure_reader.pdf.info import DocumentInfo
from brochure_reader.pdf.passwords import password_candidates

#: Page size used to lay out reflowable documents (EPUB, FB2...): A5 in points, 12 pt text.
REFLOW_WIDTH, REFLOW_HEIGHT, REFLOW_FONT_SIZE = A5[0], A5[1], 12.0

pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)

_cache: OrderedDict[tuple, pymupdf.Document] = OrderedDict()
_CACHE_SIZE = 8


#: How a reflowable document is laid out: (page width pt, page height pt, font size pt).
Layout = tuple[float, float, float]


def open_document(
    path: str | Path, password: str | None = None, layout: Layout | None = None
) -> pymupdf.Document:
    """Open *path* (cached per process, 8 documents), authenticate and check it has pages.

    Raises PasswordRequired (``wrong=True`` when *password* was refused) or DocumentError with a
    user-facing sentence: not found, not a document PyMuPDF reads, damaged beyond repair, no pages.
    The password is tried as given, in Unicode NFC form and prepared with SASLprep as PDF 2.0
    requires (:func:`~brochure_reader.pdf.passwords.password_candidates`); it is never
    written anywhere.
    Reflowable documents (EPUB, FB2…) are laid out with *layout* (default: A5, 12 pt); each
    layout is cached separately because it changes the pages.
    """
    try:  # a file changed on disk (a new pack version) is opened again
        stat = Path(path).stat()
        version = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        version = None
    key = (str(path), password or "", layout, version)
    doc = _cache.get(key)
    if doc is not None and not doc.is_closed:
        _cache.move_to_end(key)
        return doc
    path = Path(path)
    if not path.is_file():
        raise DocumentError(_("{file} was not found.").format(file=path.name))
    try:
        doc = pymupdf.open(path)
    except Exception as exc:  # PyMuPDF raises several types (FileDataError, RuntimeError...)
        raise DocumentError(
            _("{file} could not be opened: it is not a readable document.").format(file=path.name)
        ) from exc
    if doc.needs_pass:
        if not password:
            doc.close()
            raise PasswordRequired()
        if not any(doc.authenticate(p) for p in password_candidates(password)):
            doc.close()
            raise PasswordRequired(_("That password is not right. Please try again."), wrong=True)
    if doc.is_reflowable:
        width, height, font = layout or (REFLOW_WIDTH, REFLOW_HEIGHT, REFLOW_FONT_SIZE)
        doc.layout(width=width, height=height, fontsize=font)
    try:
        count = doc.page_count
    except Exception:
        count = 0
    if count < 1:
        doc.close()
        raise DocumentError(_("{file} could not be opened: it has no pages.").format(
            file=path.name))
    _cache[key] = doc
    while len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)[1].close()
    return doc


def forget(path: str | Path) -> None:
    """Close and drop every cached copy of *path* (any password or layout)."""
    for key in [k for k in _cache if k[0] == str(path)]:
        _cache.pop(key).close()


def close_all() -> None:
    """Close every cached document (used by tests and on worker shutdown)."""
    while _cache:
        _cache.popitem()[1].close()


def document_info(
    path: str | Path, password: str | None = None, layout: Layout | None = None
) -> DocumentInfo:
    """Open *path* and collect :class:`DocumentInfo`.  Raises as :func:`open_document`.

    A damaged page (a cycle in the page tree, a broken page object) does not fail the
    document: it gets the size of the page before it (A4 for the first), no label, and the
    others are read as usual.  Any other MuPDF failure becomes a DocumentError in words, so
    no MuPDF object ever has to cross the process boundary.
    """
    try:
        return _document_info(path, password, layout)
    except DocumentError:
        raise
    except Exception as exc:  # MuPDF raises many types for damaged files
        raise DocumentError(_("{file} could not be read: it is damaged ({reason}).").format(
            file=Path(path).name, reason=damage_reason(exc))) from None


def damage_reason(exc: BaseException) -> str:
    """MuPDF's reason for *exc* in a few words, without its error code ("cycle in page
    tree"); at most 120 characters."""
    text = " ".join(str(exc).split())
    text = re.sub(r"^code=\d+:\s*", "", text)
    return text[:120] or _("no reason given")


def readable_page(doc: pymupdf.Document, number: int) -> pymupdf.Page | None:
    """Page *number* (0-based) of *doc*, or None when MuPDF cannot load it (a cycle in the
    page tree, a broken page object)."""
    try:
        page = doc[number]
        page.rect  # noqa: B018  (a broken page object fails here)
        return page
    except Exception:
        return None


def readable_pages(doc: pymupdf.Document, pages: list[int], name: str = "") -> list[int]:
    """The pages of *pages* (0-based) that MuPDF can load, in order.  Raises DocumentError
    when there are pages but none of them can be read (*name* names the document)."""
    readable = [n for n in pages if readable_page(doc, n) is not None]
    if pages and not readable:
        shown = ", ".join(str(n + 1) for n in pages[:5]) + ("…" if len(pages) > 5 else "")
        raise DocumentError(ngettext("Page %(pages)s of %(name)s cannot be read: it is damaged.",
                                     "Pages %(pages)s of %(name)s cannot be read: they are "
                                     "damaged.", len(pages))
                            % {"pages": shown, "name": name or _("the document")})
    return readable


def load_page(doc: pymupdf.Document, number: int) -> pymupdf.Page:
    """Page *number* (0-based) of *doc*.  Raises DocumentError in words for a page MuPDF
    cannot load (the MuPDF exception itself never leaves the worker: it does not pickle)."""
    try:
        page = doc[number]
        page.rect  # noqa: B018
        return page
    except Exception as exc:
        name = Path(doc.name).name if doc.name else _("the document")
        raise DocumentError(_("Page {number} of {name} cannot be read: it is damaged "
                              "({reason}).").format(number=number + 1, name=name,
                                                    reason=damage_reason(exc))) from None


def _document_info(path, password, layout) -> DocumentInfo:
    from brochure_reader.pdf.outline import infer_headings, read_outline

    doc = open_document(path, password, layout)
    sizes: list[tuple[float, float]] = []
    labels: list[str] = []
    try:
        has_labels = bool(doc.is_pdf and doc.get_page_labels())
    except Exception:
        has_labels = False
    readable = []
    for number in range(doc.page_count):
        page = readable_page(doc, number)
        if page is None:  # keep the place: the view shows the readable pages around it
            sizes.append(sizes[-1] if sizes else (595.0, 842.0))
            labels.append("")
            continue
        readable.append(number)
        rect = page.rect
        sizes.append((max(rect.width, 1.0), max(rect.height, 1.0)))
        try:
            labels.append(page.get_label() if has_labels else "")
        except Exception:
            labels.append("")
    if not readable:
        raise DocumentError(_("{file} could not be opened: none of its pages can be read.")
                            .format(file=Path(path).name))
    outline: list[tuple[int, str, int | None, float]]
    try:
        outline = read_outline(doc)
    except Exception:
        outline = []
    inferred = False
    if not outline:
        try:
            outline = list(infer_headings(doc))
        except Exception:
            outline = []
        outline = outline or list(page_entries(labels))
        inferred = bool(outline)
    title = (doc.metadata or {}).get("title") or ""
    return DocumentInfo(
        page_count=doc.page_count,
        sizes=sizes,
        labels=labels,
        title=" ".join(title.split()),
        outline=outline,
        outline_inferred=inferred,
        reflowable=doc.is_reflowable,
        repaired=bool(doc.is_pdf and doc.is_repaired) or len(readable) < doc.page_count,
        has_text=any(doc[i].get_text("text").strip() for i in readable[:20]),
    )


def page_entries(labels: list[str], limit: int = 200) -> list[tuple[int, str, int, float]]:
    """Fallback navigation for documents with neither outline nor headings: one "Page n"
    entry per page (with its label when it differs), at most *limit*."""
    entries = []
    for index, label in enumerate(labels[:limit]):
        title = f"Page {index + 1}" + (f" ({label})" if label and label != str(index + 1) else "")
        entries.append((1, title, index, 0.0))
    return entries


def library_versions() -> tuple[str, str]:
    """``(PyMuPDF version, MuPDF version)`` for the About dialog."""
    mupdf = getattr(pymupdf, "mupdf_version", None) or getattr(pymupdf, "VersionFitz", "?")
    return str(getattr(pymupdf, "__version__", None) or pymupdf.VersionBind), str(mupdf)


def validate(path: str | Path) -> dict:
    """Check that *path* is a document we can show; returns ``{"pages", "title", "encrypted"}``.

    An encrypted file is accepted (the reader asks for the password when it is opened).  Raises
    DocumentError for anything else that cannot be opened.
    """
    path = Path(path)
    try:
        doc = open_document(path)
    except PasswordRequired:
        return {"pages": None, "title": "", "encrypted": True}
    title = " ".join(((doc.metadata or {}).get("title") or "").split())
    return {"pages": doc.page_count, "title": title, "encrypted": False}
