"""Section trees and section references (``DOC_ID#slug``).

A slug is the heading text folded to ASCII lowercase, words joined by ``-``; repeats within one
document get ``-2``, ``-3``… (see ../shared/DESIGN.md, "Identifiers").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

_NON_WORD = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """``"Care team, straight away!"`` -> ``"care-team-straight-away"``.

    Accents are folded (NFKD, combining marks dropped); an empty result becomes ``"section"``.
    """
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    return _NON_WORD.sub("-", folded).strip("-") or "section"


def clean_title(text: str | None) -> str:
    """Outline titles with control characters, odd spaces or nothing at all made printable."""
    text = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in (text or ""))
    text = " ".join(text.split())
    return text or "(untitled)"


@dataclass
class Section:
    """One node of a document's section tree.

    ``page`` is 0-based (``None`` when the outline entry has no usable destination), ``y`` is the
    distance from the top of the page in PDF points, ``level`` starts at 1, ``inferred`` is true
    for headings guessed from font sizes rather than read from the PDF outline.
    """

    title: str
    ref: str
    page: int | None
    y: float
    level: int
    inferred: bool = False
    children: list[Section] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return self.ref.partition("#")[2]

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()

    def to_json(self) -> dict:
        """The stable ``list --json`` shape (page 1-based, ``null`` when unknown)."""
        return {
            "title": self.title,
            "ref": self.ref,
            "page": None if self.page is None else self.page + 1,
            "level": self.level,
            "children": [c.to_json() for c in self.children],
        }


def build_sections(
    doc_id: str, entries: Iterable[tuple[int, str, int | None, float]], inferred: bool = False
) -> list[Section]:
    """Turn flat outline entries ``(level, title, page 0-based or None, y points)`` into a tree.

    Levels that jump (1 -> 3) are attached to the nearest shallower node; slugs are made unique.
    """
    roots: list[Section] = []
    stack: list[Section] = []
    used: set[str] = set()
    for level, title, page, y in entries:
        title = clean_title(title)
        base = slug = slugify(title)
        n = 1
        while slug in used:
            n += 1
            slug = f"{base}-{n}"
        used.add(slug)
        while stack and stack[-1].level >= level:
            stack.pop()
        node = Section(title, f"{doc_id}#{slug}", page, float(y), max(1, int(level)), inferred)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


def iter_sections(sections: Iterable[Section]) -> Iterator[Section]:
    """Depth-first walk over a list of top-level sections."""
    for section in sections:
        yield from section.walk()


def find_section(sections: Iterable[Section], slug: str) -> Section | None:
    """The section whose slug is *slug*, or None."""
    return next((s for s in iter_sections(sections) if s.slug == slug), None)


def section_at(sections: Iterable[Section], page: int, y: float) -> Section | None:
    """The last section that starts at or before (page 0-based, y points): where a reader is."""
    best = None
    for s in iter_sections(sections):
        if s.page is None or (s.page, s.y) > (page, y + 1.0):
            continue
        if best is None or (s.page, s.y, s.level) >= (best.page, best.y, best.level):
            best = s
    return best
