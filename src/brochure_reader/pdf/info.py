"""Values the backend hands across the process boundary, defined without PyMuPDF so that the GUI
process can unpickle them without loading it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class DocumentInfo:
    """What the viewer needs before it renders anything.

    ``sizes`` are displayed page sizes (width, height) in PDF points, after /Rotate and UserUnit is
    ignored (pages are shown at their nominal size); ``labels`` holds the PDF page label of each
    page ("" when none); ``outline`` is a list of ``(level, title, page 0-based | None, y points)``.
    """

    page_count: int
    sizes: list[tuple[float, float]]
    labels: list[str]
    title: str
    outline: list[tuple[int, str, int | None, float]] = field(default_factory=list)
    outline_inferred: bool = False
    reflowable: bool = False
    repaired: bool = False
    has_text: bool = True


@dataclass
class PageContent:
    """One page as the page view shows it, from one worker call
    (:func:`brochure_reader.pdf.render.page_content`).

    ``width`` x ``height`` pixels, ``stride`` bytes per line, ``pixels`` RGB888 (of the whole
    page, or of the ``clip`` ``(x, y, width, height)`` in pixels of the whole page's image
    when only part of a large page was drawn).  ``words`` (``(x0, y0, x1, y1, text)``) and
    ``links`` (see ``page_links``) are in display points; None when they were not asked for.
    """

    width: int
    height: int
    stride: int
    pixels: bytes
    words: list[tuple] | None = None
    links: list[dict] | None = None
    clip: tuple[int, int, int, int] | None = None
