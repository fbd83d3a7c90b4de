"""Rendering pages to pixels, and the text and links a viewer needs on top of them."""

from __future__ import annotations

import pymupdf

from brochure_reader.pdf.colours import PAGE_COLOURS, PHOTO_MAX_SHARE
from brochure_reader.pdf.document import Layout, load_page, open_document
from brochure_reader.pdf.info import PageContent
from brochure_reader.pdf.outline import target_y

#: Largest side of a rendered page in pixels (keeps a zoomed A0 page inside memory).
MAX_RENDER_SIDE = 6000


def _pixmap(page, scale: float, size: tuple[int, int] | None, clip=None,
            colours: str = "normal"):
    """The pixmap of *page* at *scale*, or at exactly *size* pixels (see :func:`render_page`);
    *clip* ``(x, y, width, height)`` in pixels of that whole-page image draws only that part;
    *colours* as in :func:`render_page`."""
    rect = page.rect
    if size is not None and max(size) <= MAX_RENDER_SIDE and min(size) >= 1:
        # MuPDF rounds the transformed page outwards with a 0.001 px tolerance, so these
        # factors give exactly size[0] x size[1] pixels.
        sx, sy = size[0] / rect.width, size[1] / rect.height
    else:
        if size is not None:
            scale = size[0] / max(rect.width, 1e-3)
        scale = max(scale, 1.0 / max(min(rect.width, rect.height), 1e-3))
        scale = min(scale, MAX_RENDER_SIDE / max(rect.width, rect.height, 1.0))
        sx = sy = scale
    matrix = pymupdf.Matrix(sx, sy)
    if clip is None:
        pix = page.get_pixmap(matrix=matrix, alpha=False, annots=True)
    else:
        x, y, w, h = clip
        # the clip in display points; MuPDF rounds it outwards, so 0.01 px less each side
        area = pymupdf.Rect(rect.x0 + (x + 0.01) / sx, rect.y0 + (y + 0.01) / sy,
                            rect.x0 + (x + w - 0.01) / sx, rect.y0 + (y + h - 0.01) / sy)
        pix = page.get_pixmap(matrix=matrix, alpha=False, annots=True, clip=area)
    if colours in PAGE_COLOURS:
        recolour(pix, page, matrix, colours)
    return pix


def render_page(
    path: str,
    password: str | None,
    page_no: int,
    scale: float,
    layout: Layout | None = None,
    size: tuple[int, int] | None = None,
    colours: str = "normal",
) -> tuple[int, int, int, bytes]:
    """Render page *page_no* (0-based) at *scale* device pixels per PDF point, or, with *size*
    ``(width px, height px)``, to exactly that many pixels (what a view shows the page at, so
    the image is drawn one pixel per pixel and never scaled; *scale* is then ignored).
    *colours*: "normal", or a key of :data:`PAGE_COLOURS` (see :func:`recolour`).

    Returns ``(width px, height px, bytes per line, RGB888 bytes)``; annotations and form
    fields are drawn.  Raises DocumentError for a damaged page.  The scale is reduced so
    neither side exceeds MAX_RENDER_SIDE pixels, and at least one pixel is produced for tiny
    pages.
    """
    pix = _pixmap(load_page(open_document(path, password, layout), page_no), scale, size, None,
                  colours)
    return pix.width, pix.height, pix.stride, bytes(pix.samples)


def page_content(
    path: str,
    password: str | None,
    page_no: int,
    size: tuple[int, int],
    layout: Layout | None = None,
    with_text: bool = True,
    clip: tuple[int, int, int, int] | None = None,
    colours: str = "normal",
) -> PageContent:
    """Everything the page view needs of page *page_no* (0-based) in one call: its pixels at
    exactly *size* ``(width px, height px)`` in *colours* (as :func:`render_page`), or only
    the *clip* ``(x, y, width px, height px)`` of that image, and, with *with_text*, its words
    (:func:`page_words`) and links (:func:`page_links`).  The page is loaded once for all
    three.  Raises DocumentError / PasswordRequired as :func:`open_document` does, and
    DocumentError for a damaged page (``load_page``)."""
    doc = open_document(path, password, layout)
    page = load_page(doc, page_no)
    pix = _pixmap(page, 1.0, size, clip, colours)
    content = PageContent(pix.width, pix.height, pix.stride, bytes(pix.samples), clip=clip)
    if with_text:
        try:
            content.words = _words(page)
            content.links = _links(doc, page)
        except Exception:  # a page whose text cannot be read still shows
            content.words, content.links = [], []
    return content


def recolour(pix: pymupdf.Pixmap, page: pymupdf.Page, matrix: pymupdf.Matrix,
             colours: str) -> None:
    """Recolour the RGB pixmap *pix* of *page* (rendered with *matrix*) in place, in MuPDF
    (``Pixmap.invert_irect``, ``Pixmap.tint_with``: about 15 ms per million pixels).

    "night": inverted, then black and white mapped to :data:`PAGE_COLOURS` ``["night"]``;
    pictures smaller than :data:`PHOTO_MAX_SHARE` of the page are copied back unchanged.
    "sepia": tinted.  Coloured text changes hue when inverted (blue headings turn amber), as in
    Okular's and MuPDF's own invert modes; the text view keeps true colours in every theme.
    Raises KeyError for an unknown *colours*."""
    black, white = PAGE_COLOURS[colours]
    if colours != "night":
        pix.tint_with(black, white)
        return
    photos = []
    page_area = abs(page.rect) or 1.0
    for info in page.get_image_info():
        box = pymupdf.Rect(info["bbox"])
        if box.is_empty or abs(box & page.rect) > PHOTO_MAX_SHARE * page_area:
            continue
        photos.append((box * page.rotation_matrix * matrix).irect & pix.irect)
    original = pymupdf.Pixmap(pix, 0) if photos else None  # a copy, no alpha
    pix.invert_irect()
    pix.tint_with(black, white)
    for irect in photos:
        if not irect.is_empty:
            pix.copy(original, irect)


def page_words(
    path: str, password: str | None, page_no: int, layout: Layout | None = None
) -> list[tuple]:
    """Words of a page as ``(x0, y0, x1, y1, text)`` in display points, in reading order."""
    return _words(load_page(open_document(path, password, layout), page_no))


def _words(page) -> list[tuple]:
    matrix = page.rotation_matrix
    words = []
    for w in page.get_text(
        "words", flags=pymupdf.TEXTFLAGS_WORDS & ~pymupdf.TEXT_PRESERVE_LIGATURES
    ):
        r = pymupdf.Rect(w[:4]) * matrix
        words.append((r.x0, r.y0, r.x1, r.y1, w[4]))
    return words


def page_links(
    path: str, password: str | None, page_no: int, layout: Layout | None = None
) -> list[dict]:
    """Links of a page: ``{"rect": (x0, y0, x1, y1), "page": 0-based | None, "y": points,
    "uri": str}`` with rect in display points.  Links to other files are dropped."""
    doc = open_document(path, password, layout)
    return _links(doc, load_page(doc, page_no))


def _links(doc, page) -> list[dict]:
    links = []
    for link in page.get_links():
        rect = tuple(pymupdf.Rect(link["from"]) * page.rotation_matrix)
        kind = link.get("kind")
        if kind in (pymupdf.LINK_GOTO, pymupdf.LINK_NAMED):
            target = link.get("page", -1)
            if isinstance(target, int) and 0 <= target < doc.page_count:
                try:
                    y = target_y(doc, target, link.get("to"), kind)
                except Exception:
                    y = 0.0
                links.append({"rect": rect, "page": target, "y": y, "uri": ""})
        elif kind == pymupdf.LINK_URI and link.get("uri"):
            links.append({"rect": rect, "page": None, "y": 0.0, "uri": link["uri"]})
    return links
