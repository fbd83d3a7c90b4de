"""Imported PDFs and e-books as reflowed text, from the blocks a worker extracted.

Input is what ``search.extract.extract_document`` reads for the index: per page the text blocks
in reading order as ``(top, bottom, text)`` — running heads and feet already dropped, line-end
hyphens joined, ligatures expanded (search's cleaning) — and the outline as ``(level, title,
page 0-based | None, y)`` entries, read from the file or inferred from font sizes.
:func:`reflow_file` is the worker job that does both.  Headings
come from that outline: a block that carries an entry's title becomes the heading, otherwise
the heading is put before the first block at or below the entry's position.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from brochure_reader.library.sections import clean_title, slugify
from brochure_reader.pdf.jobs import job
from brochure_reader.reflow.document import ReflowedDocument, ReflowHeading, esc, title_key

Block = tuple[float, float, str]
OutlineEntry = tuple[int, str, "int | None", float]

#: Characters that start a list item when they begin a block (followed by a space).
BULLETS = "•●▪◦■–"
_ITEM_SPLIT = re.compile(rf"(?:^|\s)[{BULLETS}]\s+")
#: An outline entry's y may sit this many points off the top of its heading's block.
HEADING_SLACK = 24.0


_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}$", re.IGNORECASE)


def _is_title_block(text: str, title: str) -> bool:
    block, title = title_key(text), title_key(title)
    return bool(title) and (block == title or (block.startswith(title) and len(block) < 2 *
                                                len(title) + 8))


def _items(text: str) -> list[str] | None:
    """The list items of a block that starts with a bullet, else None."""
    stripped = text.lstrip()
    if not stripped or stripped[0] not in BULLETS or stripped[1:2] not in (" ", "\t"):
        return None
    return [item.strip() for item in _ITEM_SPLIT.split(stripped) if item.strip()]


def reflow_blocks(
    title: str,
    pages: Sequence[Sequence[Block]],
    outline: Sequence[OutlineEntry],
) -> ReflowedDocument:
    """A :class:`ReflowedDocument` from extracted *pages* and *outline* (see the module doc).
    Heading levels are the outline's, shifted so the top level is ``h2`` (the title is ``h1``);
    anchors are the section slugs (unique, ``-2`` for repeats)."""
    # headings by page: [(y, level, title)]
    by_page: dict[int, list[tuple[float, int, str]]] = {}
    for level, entry_title, page, y in outline:
        if page is not None and 0 <= page < len(pages):
            by_page.setdefault(page, []).append((float(y), int(level), clean_title(entry_title)))
    used: set[str] = set()
    headings: list[ReflowHeading] = []
    title = clean_title(title) if title.strip() else ""
    out: list[str] = []
    if title:
        out.append(f'<h1><a name="title">{esc(title)}</a></h1>\n')
        headings.append(ReflowHeading(1, title, "title"))

    def heading(level: int, text: str) -> None:
        base = anchor = slugify(text)
        n = 1
        while anchor in used:
            n += 1
            anchor = f"{base}-{n}"
        used.add(anchor)
        tag = min(level + 1, 4)
        out.append(f'<h{tag}><a name="{anchor}">{esc(text)}</a></h{tag}>\n')
        headings.append(ReflowHeading(tag, text, anchor))

    in_list = False
    for page_no, blocks in enumerate(pages):
        pending = sorted(by_page.get(page_no, []))
        for top, _bottom, text in blocks:
            is_heading = False
            while pending and not is_heading and pending[0][0] <= top + HEADING_SLACK:
                y, level, heading_text = pending.pop(0)
                if in_list:
                    out.append("</ul>\n")
                    in_list = False
                if _is_title_block(text, heading_text):
                    is_heading = True  # the block is the heading itself: show its spacing
                    heading_text = text if len(text) < 2 * len(heading_text) + 8 else heading_text
                heading(level, heading_text)
            if is_heading or _PAGE_NUMBER.match(text.strip()):
                continue  # the heading itself, or a lone page number
            items = _items(text)
            if items:
                if not in_list:
                    out.append("<ul>\n")
                    in_list = True
                out.extend(f"<li>{esc(item)}</li>\n" for item in items)
                continue
            if in_list:
                out.append("</ul>\n")
                in_list = False
            out.append(f"<p>{esc(text)}</p>\n")
        for _y, level, heading_text in pending:  # below the page's last block
            heading(level, heading_text)
    if in_list:
        out.append("</ul>\n")
    return ReflowedDocument(title, "".join(out), headings, "extracted")


@job()
def reflow_file(path: str, password: str | None = None, title: str = "") -> ReflowedDocument:
    """Worker job: the text view's document for an imported PDF or e-book at *path* (*title*
    when the file names none).  Raises what ``open_document`` raises."""
    from brochure_reader.search.extract import extract_document

    extracted = extract_document(path, password)
    pages = [[(b.top, b.bottom, b.text) for b in blocks] for blocks in extracted.pages]
    return reflow_blocks(extracted.title or title, pages, extracted.outline)
