"""Document outlines: read from the PDF, or inferred from font sizes when there is none."""

from __future__ import annotations

from collections import Counter

import pymupdf

#: Longest line (characters) that can still be taken for an inferred heading.
MAX_HEADING_CHARS = 90
#: Most inferred headings kept for one document.
MAX_INFERRED = 300
#: Pages scanned when inferring headings (large scanned books are not worth the wait).
MAX_INFER_PAGES = 400


def target_y(
    doc: pymupdf.Document, page_no: int, to, kind: int, geometry: PageGeometry | None = None
) -> float:
    """y (points from the top of the displayed page) of an outline or link target point.

    PyMuPDF 1.26–1.28 reports ``to`` of explicit destinations (LINK_GOTO) already flipped to
    top-down page coordinates, but ``to`` of *named* destinations (LINK_NAMED) in raw PDF
    coordinates (origin bottom-left): checked on pysample__pdflatex-outline.pdf (named, raw
    716.09 for a heading 126 pt from the top) and pypdf__outline-invalid-destinations.pdf
    (explicit /XYZ 349.58 reported as 492.31).  Both end in display coordinates after /Rotate.
    *geometry* is ``page_geometry(doc[page_no])`` when the caller keeps it for several targets
    on one page (reading it costs more than the rest).
    """
    if to is None:
        return 0.0
    transformation, rotation, height = geometry or page_geometry(doc[page_no])
    point = pymupdf.Point(to)
    if kind == pymupdf.LINK_NAMED:
        point = point * transformation
    point = point * rotation
    return float(min(max(point.y, 0.0), height))


#: ``(transformation matrix, rotation matrix, display height in points)`` of a page.
PageGeometry = tuple[pymupdf.Matrix, pymupdf.Matrix, float]


def page_geometry(page: pymupdf.Page) -> PageGeometry:
    """What :func:`target_y` needs of *page*."""
    return page.transformation_matrix, page.rotation_matrix, page.rect.height


def read_outline(doc: pymupdf.Document) -> list[tuple[int, str, int | None, float]]:
    """The outline as ``(level ≥ 1, title, page 0-based or None, y points)`` entries.

    Entries without a usable destination in this file (missing or invalid targets, links to
    other files or URIs) keep their place with ``page=None`` so the tree can show them disabled.
    MuPDF stops at cycles in the outline.  Titles are returned raw (cleaned by the library).
    """
    try:
        toc = doc.get_toc(simple=False)
    except Exception:
        return []
    entries = []
    geometry: dict[int, PageGeometry] = {}  # outline entries often share a page
    for item in toc:
        level, title, page1 = item[0], item[1], item[2]
        dest = item[3] if len(item) > 3 and isinstance(item[3], dict) else {}
        page = page1 - 1 if isinstance(page1, int) and 1 <= page1 <= doc.page_count else None
        y = 0.0
        if page is not None and dest.get("kind") in (pymupdf.LINK_GOTO, pymupdf.LINK_NAMED):
            try:
                if page not in geometry:
                    geometry[page] = page_geometry(doc[page])
                y = target_y(doc, page, dest.get("to"), dest["kind"], geometry[page])
            except Exception:
                y = 0.0
        entries.append((int(level), title or "", page, y))
    return entries


def infer_headings(doc: pymupdf.Document) -> list[tuple[int, str, int, float]]:
    """Guess headings from text spans: lines set larger (or bold at a larger-than-body size)
    than the body text.

    Body size = the font size carrying most characters.  A line is a heading when its size is at
    least 1.15 × body (or bold and ≥ body with ≤ 8 words), it has a letter, and it is short.  The
    distinct heading sizes, largest first, give levels 1–3.  Returns the same tuples as
    :func:`read_outline` (page 0-based, y in display points).
    """
    lines = []
    sizes: Counter[float] = Counter()
    for page_no in range(min(doc.page_count, MAX_INFER_PAGES)):
        try:  # a damaged page (a cycle in the page tree) has no headings
            page = doc[page_no]
            blocks = page.get_text("dict", flags=pymupdf.TEXTFLAGS_TEXT)["blocks"]
        except Exception:
            continue
        for block in blocks:
            for line in block.get("lines", []):
                spans = [s for s in line["spans"] if s["text"].strip()]
                if not spans:
                    continue
                text = " ".join("".join(s["text"] for s in spans).split())
                size = round(max(s["size"] for s in spans), 1)
                bold = all(s["flags"] & 16 or "bold" in s["font"].lower() for s in spans)
                for s in spans:
                    sizes[round(s["size"], 1)] += len(s["text"])
                if line["dir"] != (1.0, 0.0):
                    continue
                y = (pymupdf.Point(0, line["bbox"][1]) * page.rotation_matrix).y
                lines.append((page_no, y, text, size, bold))
    if not sizes:
        return []
    body = sizes.most_common(1)[0][0]

    def is_heading(text: str, size: float, bold: bool) -> bool:
        if len(text) > MAX_HEADING_CHARS or not any(c.isalpha() for c in text):
            return False
        return size >= body * 1.15 or (bold and size >= body and len(text.split()) <= 8)

    found = [entry for entry in lines if is_heading(entry[2], entry[3], entry[4])]
    # A heading broken over two lines: join consecutive lines of the same size on one page.
    merged: list[list] = []
    for page_no, y, text, size, _bold in found:
        last = merged[-1] if merged else None
        if last and last[0] == page_no and last[3] == size and 0 < y - last[1] < size * 1.6:
            last[2] = f"{last[2]} {text}"
            last[1] = y  # y of the last line joined; last[4] keeps the first line's y
            continue
        merged.append([page_no, y, text, size, y])
    levels = sorted({m[3] for m in merged}, reverse=True)[:3]
    return [
        (min(levels.index(size) + 1, 3) if size in levels else 3, text, page_no, float(first_y))
        for page_no, _y, text, size, first_y in merged[:MAX_INFERRED]
    ]
