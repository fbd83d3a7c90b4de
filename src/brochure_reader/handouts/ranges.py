"""Page ranges and section references for export and handouts (plain Python).

Pages are 1-based in what users type (``--pages 2-4,7``) and 0-based inclusive ``(first, last)``
tuples in code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from brochure_reader.i18n import _, ngettext
from brochure_reader.library.sections import Section, iter_sections

#: A section that starts this close (points) to the top of its page does not pull that page into
#: the range of the section before it.
TOP_OF_PAGE = 110.0

_PART = re.compile(r"^\s*(\d+)?\s*(?:(-|–)\s*(\d+)?)?\s*$")


class RangeError(ValueError):
    """A page range or section reference that cannot be used; the message is one line."""


def parse_page_ranges(
    text: str, page_count: int, what: str | None = None
) -> list[tuple[int, int]]:
    """``"2-4,7"`` -> ``[(1, 3), (6, 6)]`` (0-based inclusive), checked against *page_count*.

    ``"5-"`` runs to the last page, ``"-3"`` starts at page 1.  Raises RangeError with a sentence
    naming the bad part: not a number, page 0, past the end, or a range that runs backwards.
    """
    what = what or _("the document")
    ranges: list[tuple[int, int]] = []
    parts = text.split(",")
    if not text.strip():
        raise RangeError(_("no pages given (use a list like 2-4,7)"))
    for part in parts:
        match = _PART.match(part)
        if not part.strip() or not match or (match.group(1) is None and match.group(3) is None):
            raise RangeError(_("'{part}' is not a page range (use a list like 2-4,7)").format(
                part=part.strip()))
        first_text, dash, last_text = match.groups()
        first = int(first_text) if first_text else 1
        last = int(last_text) if last_text else (page_count if dash else first)
        for number in (first, last):
            if number < 1:
                raise RangeError(_("'{part}': pages are numbered from 1").format(
                    part=part.strip()))
            if number > page_count:
                raise RangeError(ngettext("'%(part)s': %(what)s has only %(n)d page",
                                          "'%(part)s': %(what)s has only %(n)d pages", page_count)
                                 % {"part": part.strip(), "what": what, "n": page_count})
        if last < first:
            raise RangeError(_("'{part}' runs backwards (write {last}-{first})").format(
                part=part.strip(), last=last, first=first))
        ranges.append((first - 1, last - 1))
    return ranges


def format_page_ranges(ranges: Iterable[tuple[int, int]]) -> str:
    """``[(1, 3), (6, 6)]`` -> ``"2–4, 7"`` (1-based, for people)."""
    return ", ".join(
        f"{a + 1}" if a == b else f"{a + 1}–{b + 1}" for a, b in ranges
    )


def pages_in(ranges: Iterable[tuple[int, int]]) -> list[int]:
    """Every 0-based page of *ranges*, in order (repeats kept: a page chosen twice prints twice)."""
    return [page for first, last in ranges for page in range(first, last + 1)]


#: What to print or export: the same four choices in the print dialog and File > Export as PDF.
ALL_PAGES, CURRENT_PAGE, PAGE_RANGE, SECTION_PAGES = "all", "current", "range", "section"


@dataclass(frozen=True)
class PageChoice:
    """Which pages of one document to print or export.

    ``kind`` is one of :data:`ALL_PAGES`, :data:`CURRENT_PAGE` (``current``, 0-based),
    :data:`PAGE_RANGE` (``first``..``last``, 0-based inclusive) or :data:`SECTION_PAGES`
    (``section``: 0-based inclusive ranges, e.g. from :func:`section_page_range`).
    """

    kind: str = ALL_PAGES
    current: int = 0
    first: int = 0
    last: int = 0
    section: tuple[tuple[int, int], ...] = ()

    def ranges(self, page_count: int) -> list[tuple[int, int]]:
        """0-based inclusive ``(first, last)`` ranges, clamped to *page_count* pages; all pages
        when the choice has nothing to give (no section known)."""
        if page_count <= 0:
            return []
        end = page_count - 1

        def clamp(page: int) -> int:
            return min(max(page, 0), end)

        if self.kind == CURRENT_PAGE:
            return [(clamp(self.current), clamp(self.current))]
        if self.kind == SECTION_PAGES and self.section:
            return [(clamp(a), clamp(max(a, b))) for a, b in self.section]
        if self.kind == PAGE_RANGE:
            return [(clamp(self.first), clamp(max(self.first, self.last)))]
        return [(0, end)]

    def pages(self, page_count: int) -> list[int]:
        """Every 0-based page of :meth:`ranges`, in order."""
        return pages_in(self.ranges(page_count))


def section_page_range(
    sections: list[Section], section: Section, page_count: int
) -> tuple[int, int]:
    """``(first, last)`` 0-based pages of *section* with its subsections.

    The section ends where the next section of the same or a higher level starts: that page is
    included unless the next section starts near its top (:data:`TOP_OF_PAGE`).  Raises
    RangeError when the section has no page in the document.
    """
    if section.page is None:
        raise RangeError(_("section '{title}' ({ref}) has no page in the document").format(
            title=section.title, ref=section.ref))
    ordered = list(iter_sections(sections))
    try:
        index = next(i for i, s in enumerate(ordered) if s is section)
    except StopIteration:
        index = next(i for i, s in enumerate(ordered) if s.ref == section.ref)
    last = page_count - 1
    for following in ordered[index + 1 :]:
        if following.level > section.level or following.page is None:
            continue
        if (following.page, following.y) <= (section.page, section.y):
            continue  # an outline out of order; ignore it
        last = following.page - 1 if following.y <= TOP_OF_PAGE else following.page
        break
    first = min(max(section.page, 0), page_count - 1)
    return first, min(max(last, first), page_count - 1)


def split_ref(ref: str) -> tuple[str, str]:
    """``"aml#treatment"`` -> ``("aml", "treatment")``; ``"aml"`` -> ``("aml", "")``.

    Raises RangeError for an empty reference or an empty slug after ``#``.
    """
    doc_id, hash_, slug = ref.strip().partition("#")
    if not doc_id:
        raise RangeError(_("'{ref}' is not a reference (use DOC_ID or DOC_ID#section)").format(
            ref=ref))
    if hash_ and not slug:
        raise RangeError(_("'{ref}': no section after '#' (use DOC_ID#section)").format(ref=ref))
    return doc_id, slug


def unknown_section_message(doc_id: str, slug: str, sections: list[Section]) -> str:
    """One line for a slug that is not in the document, with the slugs that are."""
    slugs = [s.slug for s in iter_sections(sections)]
    if not slugs:
        return _("'{id}' has no sections; use '{id}' alone for the whole document").format(
            id=doc_id)
    shown = ", ".join(slugs[:12]) + (", …" if len(slugs) > 12 else "")
    return _("No section '{slug}' in '{id}' (its sections: {shown})").format(
        slug=slug, id=doc_id, shown=shown)
