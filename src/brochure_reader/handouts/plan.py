"""What goes into a handout: references resolved against the library (plain Python).

:func:`plan_handout` turns ``DOC_ID#slug`` references into :class:`HandoutPart` values that hold
only paths, titles and numbers, so a :class:`HandoutRequest` can be sent to a worker process and
composed there (:func:`brochure_reader.handouts.compose.compose_handout`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from brochure_reader.handouts.ranges import (
    RangeError,
    section_page_range,
    split_ref,
    unknown_section_message,
)
from brochure_reader.i18n import Locale, _
from brochure_reader.i18n import current as current_locale
from brochure_reader.library import Document, Library, Section
from brochure_reader.library.sections import find_section

#: ``sections_of(doc) -> (page count, section tree)`` (the CLI reads the PDF; the GUI has them).
SectionsOf = Callable[[Document], tuple[int, list[Section]]]


@dataclass
class CoverDetails:
    """The optional cover page.  ``date`` is ISO ``YYYY-MM-DD`` (empty: today)."""

    clinic: str = ""
    clinician: str = ""
    contact: str = ""
    note: str = ""
    date: str = ""

    def is_empty(self) -> bool:
        return not any(v.strip() for v in (self.clinic, self.clinician, self.contact, self.note))

    def day(self) -> dt.date:
        if self.date:
            try:
                return dt.date.fromisoformat(self.date)
            except ValueError:
                raise RangeError(_("'{date}' is not a date like 2026-11-29").format(
                    date=self.date)) from None
        return dt.date.today()


@dataclass
class HandoutPart:
    """Consecutive chosen sections of one document.

    ``slugs``/``section_titles`` are empty for the whole document.  ``markdown_path`` is set when
    the document has a Markdown source (it is then typeset again, only the chosen sections);
    otherwise ``page_ranges`` (0-based inclusive) say which PDF pages to take.
    """

    doc_id: str
    title: str
    pdf_path: str
    markdown_path: str | None = None
    slugs: list[str] = field(default_factory=list)
    section_titles: list[str] = field(default_factory=list)
    page_ranges: list[tuple[int, int]] = field(default_factory=list)
    reviewed: str = ""
    next_review: str = ""
    pack_title: str = ""
    file_name: str = ""

    @property
    def label(self) -> str:
        """``"AML: Key points; Outlook"`` (the title alone for a whole document)."""
        if not self.section_titles:
            return self.title
        return f"{self.title}: {'; '.join(self.section_titles)}"


@dataclass
class HandoutRequest:
    """Everything :func:`compose_handout` needs; picklable (runs in a worker process).
    *locale*: the language and date style of the handout's own words (cover, sources,
    footers), by default the interface's where the request is made."""

    parts: list[HandoutPart]
    cover: CoverDetails | None = None
    large_print: bool = False
    font_size: float | None = None
    locale: Locale = field(default_factory=current_locale)


def _markdown_sections(doc: Document) -> list[Section] | None:
    """Section tree of the document's Markdown source, or None when it has none (or a bad one)."""
    path = doc.source_markdown
    if path is None:
        return None
    from brochure_reader.authoring import SourceError, parse_source
    from brochure_reader.handouts.markdown import source_section_tree

    try:
        source = parse_source(path)
    except SourceError:
        return None
    return source_section_tree(doc.id, source.body)


def _find_or_raise(sections, doc_id: str, slug: str | None):
    """The section *slug* of *sections* (None when no slug was given); RangeError if unknown."""
    if not slug:
        return None
    found = find_section(sections, slug)
    if found is None:
        raise RangeError(unknown_section_message(doc_id, slug, sections))
    return found


def plan_handout(
    library: Library, refs: Iterable[str], sections_of: SectionsOf
) -> list[HandoutPart]:
    """Resolve *refs* (``DOC_ID`` or ``DOC_ID#slug``) into parts, in the order given.

    Consecutive references to one document become one part.  Raises LibraryError for an unknown
    document and RangeError for an unknown section or one without a page.
    """
    parts: list[HandoutPart] = []
    refs = list(refs)
    if not refs:
        raise RangeError(_("choose at least one section (DOC_ID#section)"))
    for ref in refs:
        doc_id, slug = split_ref(ref)
        doc = library.get(doc_id)
        md_sections = _markdown_sections(doc)
        if md_sections is not None:
            found = _find_or_raise(md_sections, doc_id, slug)
            ranges: list[tuple[int, int]] = []
        else:
            pages, sections = sections_of(doc)
            found = _find_or_raise(sections, doc_id, slug)
            ranges = [section_page_range(sections, found, pages) if found else (0, pages - 1)]
        title = found.title if found else ""
        last = parts[-1] if parts else None
        if last is not None and last.doc_id == doc.id and last.slugs and slug:
            last.slugs.append(slug)
            last.section_titles.append(title)
            last.page_ranges.extend(ranges)
            continue
        pack = library.pack_of(doc)
        parts.append(
            HandoutPart(
                doc_id=doc.id,
                title=doc.title,
                pdf_path=str(doc.path),
                markdown_path=str(doc.source_markdown) if md_sections is not None else None,
                slugs=[slug] if slug else [],
                section_titles=[title] if slug else [],
                page_ranges=ranges,
                reviewed=doc.reviewed,
                next_review=doc.next_review,
                pack_title=pack.title,
                file_name=doc.path.name,
            )
        )
    return parts
