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
