"""Shared blocks: named Markdown snippets kept once and included by name from any source.

A pack's shared blocks live in ``<sources>/shared/<name>.md``: TOML front matter between
``+++`` lines (a title, the situations the block covers with their triage level and the words
that recognise them in any document), then a short Markdown body without headings.  A source
includes one with a line of its own, after a blank line::

    {{ shared fever }}

(the block form of mdit-py-plugins' ``substitution`` syntax, so markdown-it parses it as a
``substitution_block`` token).  A block may have **variants** that say the same in another voice,
``<name>.<variant>.md`` (for example ``fever.parent.md``: "your child"); a document whose front
matter says ``voice = "parent"`` gets each block's ``parent`` variant where there is one.  A
variant has its own body, title and sources but no situations of its own: it inherits the
block's, so the pack check holds every variant to the same levels and action words.

:func:`expand_shared` replaces each such line with the block's
Markdown before the body is typeset, so the PDF carries the block's words exactly.  The
situations feed the pack check (:mod:`brochure_reader.authoring.pack_check`).  See
docs/authoring.md, "Shared blocks".
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

#: Folder (inside a pack's sources folder) that holds the shared blocks.
SHARED_DIR = "shared"
#: The keyword that opens an include: ``{{ shared NAME }}``.
INCLUDE_KEYWORD = "shared"

#: Triage levels, most urgent first, with how the pack check names them in messages.
LEVELS = {
    "emergency": "call 999 (UK), 112 (Europe) or 911 (US)",
    "urgent": "contact the care team (24-hour line) straight away",
    "same-day": "contact the care team the same day",
}

#: What a block says to do at each level (the words a sentence must use when it tells the
#: reader what to do about a block's situation; a situation's ``action`` may replace them).
LEVEL_ACTIONS = {
    "emergency": "call 999 (UK), 112 (Europe) or 911 (US)",
    "urgent": "phone your 24-hour line at once",
    "same-day": "phone your 24-hour line the same day",
}

_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class SharedBlockError(ValueError):
    """A shared block that cannot be used, or an include that names none; one line, with the
    file (and line) it is about."""


@dataclass(frozen=True)
class Situation:
    """One urgent situation a shared block covers.

    ``terms`` are regular expressions (case-insensitive) that recognise the situation in any
    document's text; a sentence that matches one of ``unless`` is not about this situation
    (for example "your usual fits" is not a first fit).  ``action`` is the block's words for
    what to do (default: :data:`LEVEL_ACTIONS` of the level); any sentence that tells the reader
    what to do about the situation must use them (the pack check).
    """

    name: str
    level: str  #: a key of :data:`LEVELS`
    terms: tuple[re.Pattern[str], ...]
    unless: tuple[re.Pattern[str], ...] = ()
    action: str = ""

    def __post_init__(self) -> None:
        if not self.action:
            object.__setattr__(self, "action", LEVEL_ACTIONS[self.level])

    def matches(self, sentence: str) -> re.Match[str] | None:
        """The first term found in *sentence*, or None (also when an ``unless`` matches)."""
        if any(p.search(sentence) for p in self.unless):
            return None
        for pattern in self.terms:
            found = pattern.search(sentence)
            if found:
                return found
        return None


@dataclass(frozen=True)
class SharedBlock:
    """A parsed shared block: ``body`` is Markdown (no headings), ``path`` its file."""

    name: str
    title: str
    body: str
    situations: tuple[Situation, ...] = ()
    path: Path | None = None
    sources: tuple[str, ...] = field(default_factory=tuple)
    #: the same block in other voices, by variant name (``"parent"``), each with this block's
    #: situations; empty for a variant itself
    variants: dict[str, SharedBlock] = field(default_factory=dict)
    variant: str = ""  #: this block's variant name; "" for the block itself

    def voiced(self, voice: str | None) -> SharedBlock:
        """The variant for *voice* (a document's ``voice``), or this block when it has none."""
        return self.variants.get(voice or "", self)

    def every_voice(self) -> list[SharedBlock]:
        """This block, then its variants by name."""
        return [self] + [self.variants[v] for v in sorted(self.variants)]


def _patterns(values, where: str, key: str) -> tuple[re.Pattern[str], ...]:
    if values is None:
        return ()
    if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
        raise SharedBlockError(f"{where}: field '{key}' must be a list of regular expressions")
    try:
        return tuple(re.compile(v, re.IGNORECASE) for v in values)
    except re.error as exc:
        raise SharedBlockError(
            f"{where}: field '{key}' has a bad regular expression ({exc})"
        ) from exc


def _situations(data: dict, where: str) -> tuple[Situation, ...]:
    raw = data.get("situations", [])
    if not isinstance(raw, list):
        raise SharedBlockError(f"{where}: 'situations' must be a list of [[situations]] tables")
    found = []
    for n, entry in enumerate(raw, start=1):
        at = f"{where}: situations[{n}]"
        if not isinstance(entry, dict):
            raise SharedBlockError(f"{at} must be a table with 'name', 'level' and 'terms'")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise SharedBlockError(f"{at}: field 'name' must be non-empty text")
        level = entry.get("level")
        if level not in LEVELS:
            raise SharedBlockError(f"{at}: field 'level' must be one of {', '.join(LEVELS)}")
        terms = _patterns(entry.get("terms"), at, "terms")
        if not terms:
            raise SharedBlockError(f"{at}: field 'terms' must list at least one expression")
        action = entry.get("action", "")
        if not isinstance(action, str):
            raise SharedBlockError(f"{at}: field 'action' must be text")
        found.append(
            Situation(
                name.strip(),
                level,
                terms,
                _patterns(entry.get("unless"), at, "unless"),
                " ".join(action.split()),
            )
        )
    return tuple(found)


def parse_shared_block(path: Path) -> SharedBlock:
    """Read one ``shared/<name>.md`` or variant ``shared/<name>.<variant>.md`` (its front
    matter names ``variant`` and has no ``situations``).  Raises :class:`SharedBlockError` (one
    line)."""
    from brochure_reader.authoring.frontmatter import SourceError, split_front_matter
    from brochure_reader.authoring.markup import MarkupError, parse_tokens, render_body

    path = Path(path)
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SharedBlockError(f"{where}: cannot be read ({exc})") from exc
    try:
        front, body, _line = split_front_matter(text, where)
    except SourceError as exc:
        raise SharedBlockError(str(exc)) from exc
    try:
        data = tomllib.loads(front)
    except tomllib.TOMLDecodeError as exc:
        raise SharedBlockError(f"{where}: front matter is not valid TOML ({exc})") from exc
    stem, _, variant = path.stem.partition(".")
    name = data.get("name")
    if name != stem or not _NAME.match(stem):
        raise SharedBlockError(
            f"{where}: field 'name' must be '{stem}' (the file name, a lowercase slug)"
        )
    if variant and (data.get("variant") != variant or not _NAME.match(variant)):
        raise SharedBlockError(
            f"{where}: field 'variant' must be '{variant}' (after the dot of the file name, a "
            "lowercase slug)"
        )
    if not variant and "variant" in data:
        raise SharedBlockError(f"{where}: a variant's file is named {stem}.VARIANT.md")
    if variant and "situations" in data:
        raise SharedBlockError(
            f"{where}: a variant has no situations of its own (it keeps those of {stem}.md, "
            "so every variant gives the same levels)"
        )
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        raise SharedBlockError(f"{where}: field 'title' must be non-empty text")
    sources = data.get("sources", [])
    if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
        raise SharedBlockError(f"{where}: field 'sources' must be a list of citations")
    body = body.strip("\n") + "\n"
    if not body.strip():
        raise SharedBlockError(f"{where}: the block has no text")
    tokens = parse_tokens(body)
    if any(
        t.type in ("heading_open", "substitution_block") or t.type.startswith("container_")
        for t in tokens
    ):
        raise SharedBlockError(
            f"{where}: a shared block may not hold headings, boxes or includes "
            "(it is placed inside the including document's box)"
        )
    try:
        render_body(tokens)
    except MarkupError as exc:
        raise SharedBlockError(f"{where}: {exc}") from exc
    return SharedBlock(
        name,
        title.strip(),
        body,
        _situations(data, where),
        path,
        tuple(sources),
        variant=variant,
    )


def load_shared_blocks(folder: Path) -> dict[str, SharedBlock]:
    """Every block ``*.md`` in *folder* by name, each with its variants (``NAME.VARIANT.md``,
    given the block's situations); an empty dict when the folder does not exist.  A variant
    without its block is a :class:`SharedBlockError`."""
    folder = Path(folder)
    if not folder.is_dir():
        return {}
    parsed = [parse_shared_block(p) for p in sorted(folder.glob("*.md"))]
    blocks = {b.name: b for b in parsed if not b.variant}
    for variant in (b for b in parsed if b.variant):
        base = blocks.get(variant.name)
        if base is None:
            raise SharedBlockError(
                f"{variant.path}: a variant of '{variant.name}', but there is no "
                f"{variant.name}.md"
            )
        base.variants[variant.variant] = replace(variant, situations=base.situations)
    return blocks


def include_name(content: str) -> str | None:
    """The block name of an include's text (``"shared fever"`` -> ``"fever"``), else None."""
    keyword, _, name = content.strip().partition(" ")
    return name.strip() if keyword == INCLUDE_KEYWORD and name.strip() else None


def includes(body: str) -> list[tuple[str, int]]:
    """``(name, 0-based line)`` of every include in *body*, in order.

    Raises :class:`SharedBlockError` for ``{{ … }}`` that is not ``{{ shared NAME }}`` or that
    does not stand on a line of its own.
    """
    from brochure_reader.authoring.markup import parse_tokens

    found = []
    for token in parse_tokens(body):
        line = token.map[0] if token.map else 0
        if token.type == "substitution_block":
            name = include_name(token.content)
            if name is None:
                raise SharedBlockError(
                    f"line {line + 1}: '{{{{ {token.content} }}}}' is not an include "
                    f"(write {{{{ shared NAME }}}})"
                )
            found.append((name, line))
        elif token.type == "inline" and any(
            c.type == "substitution_inline" for c in token.children or []
        ):
            raise SharedBlockError(
                f"line {line + 1}: an include must stand on a line of its own, after a blank line"
            )
    return found


def blank_includes(body: str) -> str:
    """*body* with each include line emptied (same line numbers), for checking the document's
    own Markdown."""
    found = includes(body)
    if not found:
        return body
    lines = body.splitlines(keepends=True)
    for _name, line in found:
        lines[line] = "\n"
    return "".join(lines)


def expand_shared(
    body: str, blocks: dict[str, SharedBlock], voice: str | None = None
) -> tuple[str, list[str]]:
    """``(body with every include replaced by its block's Markdown, names included)``; each
    block in its *voice* variant where it has one (:meth:`SharedBlock.voiced`).

    Raises :class:`SharedBlockError` (message starting ``line N:``, counted in *body*) for an
    unknown name or a malformed include.
    """
    found = includes(body)
    if not found:
        return body, []
    lines = body.splitlines(keepends=True)
    names = []
    for name, line in reversed(found):
        block = blocks.get(name)
        if block is None:
            known = ", ".join(sorted(blocks)) or "none: the sources have no shared/ folder"
            raise SharedBlockError(
                f"line {line + 1}: unknown shared block '{name}' (known: {known})"
            )
        body_text = block.voiced(voice).body
        text = body_text if body_text.endswith("\n") else body_text + "\n"
        # A blank line after the block, so following text never continues its last paragraph.
        lines[line : line + 1] = [text, "\n"]
        names.append(name)
    return "".join(lines), names[::-1]


#: The heading of the section that lists a document's sources (the last section).
SOURCES_HEADING = "## Sources"


def block_citations(
    names: list[str], blocks: dict[str, SharedBlock], voice: str | None = None
) -> list[str]:
    """The citations of the blocks *names* (in order of first inclusion; the *voice* variant
    where there is one), each once."""
    return list(dict.fromkeys(c for name in names for c in blocks[name].voiced(voice).sources))


def add_block_sources(body: str, citations: list[str]) -> str:
    """*body* with each of *citations* listed at the end of its ``## Sources`` section.

    A citation already written in that section (same text) is not repeated.  A body without
    the section gets one at the end.  The section must be the body's last, as docs/authoring.md
    asks, so the new items continue its list.
    """
    if not citations:
        return body
    lines = body.rstrip("\n").split("\n")
    heading = max(
        (n for n, line in enumerate(lines) if line.rstrip() == SOURCES_HEADING), default=None
    )
    if heading is None:
        lines += ["", SOURCES_HEADING, ""]
        listed = ""
    else:
        listed = "\n".join(lines[heading + 1 :])
    lines += [f"- {c}" for c in citations if c not in listed]
    return "\n".join(lines) + "\n"
