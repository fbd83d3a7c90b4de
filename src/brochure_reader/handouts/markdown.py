"""Cutting sections out of a Markdown source (for re-typesetting a handout in large print).

The section slugs are made exactly as the built PDF's outline makes them (heading text ->
:func:`~brochure_reader.library.build_sections`), so ``DOC_ID#slug`` names the same section in
the PDF and in its source.  Plain Python: no Qt, no PyMuPDF.
"""

from __future__ import annotations

from dataclasses import dataclass

from brochure_reader.authoring.markup import box_kind, inline_text, is_answers, parse_tokens
from brochure_reader.library.sections import Section, build_sections, iter_sections


@dataclass(frozen=True)
class SourceSection:
    """A heading of a source: its slug, title, outline level and body lines ``[start, end)``."""

    slug: str
    title: str
    level: int
    start: int
    end: int


def source_sections(doc_id: str, body: str) -> list[SourceSection]:
    """Every heading of *body* with the lines its section covers (subsections included).

    A heading that opens a callout box (``::: key-points`` then ``## Key points``) starts its
    section at the ``:::`` line, so the box is kept whole.
    """
    tokens = parse_tokens(body)
    lines = body.splitlines()
    heads: list[tuple[int, str, int]] = []  # (markdown level, text, start line)
    box_start: int | None = None
    for i, token in enumerate(tokens):
        if token.type == "container_box_open" and is_answers(token):
            continue  # a section's questions for search: not a box, kept with its section
        if token.type == "container_box_open":
            box_kind(token)  # raises for an unknown box, as the typesetter would
            box_start = token.map[0] if token.map else None
            continue
        if token.type == "heading_open" and token.map:
            start = box_start if box_start is not None else token.map[0]
            heads.append((int(token.tag[1]), inline_text(tokens[i + 1]), start))
        # Anything but the heading itself after ``:::`` means the box does not open with it.
        heading_text = token.type == "inline" and tokens[i - 1].type == "heading_open"
        if token.nesting >= 0 and token.type != "heading_open" and not heading_text:
            box_start = None
    # Outline levels as the typesetter writes them (# and ## are both level 1).
    levels: list[int] = []
    previous = 0
    for md_level, _text, _start in heads:
        level = min(max(1, md_level - 1), previous + 1)
        levels.append(level)
        previous = level
    tree = build_sections(doc_id, [(lv, h[1], 0, 0.0) for lv, h in zip(levels, heads, strict=True)])
    slugs = [s.slug for s in iter_sections(tree)]
    result = []
    rows = zip(heads, levels, slugs, strict=True)
    for index, ((_md, text, start), level, slug) in enumerate(rows):
        end = len(lines)
        for later in range(index + 1, len(heads)):
            if levels[later] <= level:
                end = heads[later][2]
                break
        result.append(SourceSection(slug, text, level, start, end))
    return result


def source_section_tree(doc_id: str, body: str) -> list[Section]:
    """The section tree of a source (pages unknown: ``page=0``), for listing and checking refs."""
    found = source_sections(doc_id, body)
    return build_sections(doc_id, [(s.level, s.title, 0, 0.0) for s in found])


def balance_boxes(text: str) -> str:
    """Close callout boxes left open by a cut, and drop ``:::`` closers that lost their opener."""
    out: list[str] = []
    depth = 0
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(":::"):
            if stripped == ":::":
                if depth == 0:
                    continue
                depth -= 1
            else:
                depth += 1
        out.append(line)
    out.extend([":::"] * depth)
    return "\n".join(out) + "\n"


def section_markdown(body: str, sections: list[SourceSection], slugs: list[str]) -> str:
    """The Markdown of the sections named by *slugs*, in that order; a section already inside
    an earlier chosen one is not repeated.  Raises KeyError for an unknown slug."""
    by_slug = {s.slug: s for s in sections}
    lines = body.splitlines()
    taken: list[tuple[int, int]] = []
    pieces = []
    for slug in slugs:
        section = by_slug[slug]
        if any(a <= section.start and section.end <= b for a, b in taken):
            continue
        taken.append((section.start, section.end))
        pieces.append(balance_boxes("\n".join(lines[section.start : section.end]).strip("\n")))
    return "\n".join(pieces)
