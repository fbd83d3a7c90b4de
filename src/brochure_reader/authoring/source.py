"""Markdown sources: TOML front matter between ``+++`` lines, then a Markdown body.

See docs/authoring.md for the format.  :func:`parse_source` checks every front-matter field and
raises :class:`SourceError` with a one-line message naming the file and the field.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from brochure_reader.authoring.frontmatter import SourceError, split_front_matter
from brochure_reader.authoring.shared import (
    SHARED_DIR,
    SharedBlock,
    SharedBlockError,
    add_block_sources,
    blank_includes,
    block_citations,
    expand_shared,
    load_shared_blocks,
)

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

#: Front-matter fields every source must have.
REQUIRED_FIELDS = (
    "id",
    "title",
    "category",
    "audience",
    "summary",
    "reviewed",
    "next_review",
    "tags",
    "sources",
)


@dataclass(frozen=True)
class Reference:
    """One entry of the front matter's ``[[sources]]``."""

    title: str
    publisher: str
    year: int | None = None
    url: str = ""
    #: When a web page was really read (``accessed = 2026-12-07``); None for print sources.
    accessed: dt.date | None = None
    #: A web page with no edition or "updated" year on record (``undated = true``).
    undated: bool = False

    def citation(self, review: dt.date | None = None) -> str:
        """``Publisher. Title. Year.`` as printed in lists; an undated web page ends
        ``Title (undated web page; stored copy used for the December 2026 review).`` (the
        month of *review*, the document's review date)."""
        parts = [self.publisher, self.title] + ([str(self.year)] if self.year else [])
        if self.accessed:
            parts.append(f"Accessed {self.accessed.day} {self.accessed:%B %Y}")
        text = ". ".join(p.rstrip(".") for p in parts if p)
        if self.undated and not self.year:
            text += f" ({undated_note(review)})"
        return text + "."


#: How a web page without an edition or "updated" year is marked (docs/content.md, "Sources").
UNDATED_MARK = "undated web page"


def undated_note(review: dt.date | None = None) -> str:
    """``undated web page; stored copy used for the December 2026 review`` (or just
    ``undated web page`` without a review date)."""
    if review is None:
        return UNDATED_MARK
    return f"{UNDATED_MARK}; stored copy used for the {review:%B %Y} review"


@dataclass
class Source:
    """A parsed source: front matter plus the Markdown body.

    Only ``title`` and ``body`` are needed to typeset; the other fields are empty for ad-hoc
    documents (handouts).  ``path`` is the file it came from, if any.
    """

    title: str
    body: str
    id: str = "document"
    category: str = ""
    audience: str = ""
    summary: str = ""
    reviewed: dt.date | None = None
    next_review: dt.date | None = None
    tags: list[str] = field(default_factory=list)
    sources: list[Reference] = field(default_factory=list)
    path: Path | None = None
    body_line: int = 1  #: 1-based line of the file where the body starts (for error messages)
    #: names of the shared blocks the body includes, in order (``body`` has them expanded)
    shared: list[str] = field(default_factory=list)
    #: the included blocks' citations, each once; ``body``'s ``## Sources`` lists them too
    shared_sources: list[str] = field(default_factory=list)
    #: the voice of the shared blocks (front matter ``voice``, e.g. "parent"); "" = the default
    voice: str = ""

    def citations(self) -> list[str]:
        """Every source as printed: the front matter's, then the included blocks' not already
        among them."""
        own = [r.citation(self.reviewed) for r in self.sources]
        return own + [c for c in self.shared_sources if c not in own]

    @property
    def where(self) -> str:
        """How error messages name this source."""
        return str(self.path) if self.path else f"<{self.id}>"


def _text_field(data: dict, key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise SourceError(f"{where}: field '{key}' must be non-empty text")
    if "\n" in value:
        raise SourceError(f"{where}: field '{key}' must be one line")
    return value.strip()


def _date_field(data: dict, key: str, where: str) -> dt.date:
    value = data.get(key)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise SourceError(f"{where}: field '{key}' must be a date like 2026-11-29")


def _references(data: dict, where: str) -> list[Reference]:
    raw = data.get("sources")
    if not isinstance(raw, list) or not raw:
        raise SourceError(f"{where}: field 'sources' must list at least one [[sources]] table")
    refs = []
    for n, entry in enumerate(raw, start=1):
        at = f"{where}: sources[{n}]"
        if not isinstance(entry, dict):
            raise SourceError(f"{at} must be a table with 'title' and 'publisher'")
        year = entry.get("year")
        if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
            raise SourceError(f"{at}: field 'year' must be a whole number like 2025")
        url = entry.get("url", "")
        if not isinstance(url, str):
            raise SourceError(f"{at}: field 'url' must be text")
        accessed = _date_field(entry, "accessed", at) if "accessed" in entry else None
        undated = entry.get("undated", False)
        if not isinstance(undated, bool):
            raise SourceError(f"{at}: field 'undated' must be true or false")
        refs.append(
            Reference(
                _text_field(entry, "title", at),
                _text_field(entry, "publisher", at),
                year,
                url,
                accessed,
                undated,
            )
        )
    return refs


def source_from_front_matter(data: dict, body: str, where: str) -> Source:
    """Check the front-matter table *data* and build a :class:`Source`."""
    missing = [key for key in REQUIRED_FIELDS if key not in data]
    if missing:
        raise SourceError(f"{where}: missing field '{missing[0]}'")
    doc_id = _text_field(data, "id", where)
    if not _SLUG.match(doc_id):
        raise SourceError(f"{where}: field 'id' must be a lowercase slug like 'stomach-cancer'")
    category = _text_field(data, "category", where)
    if not _SLUG.match(category):
        raise SourceError(f"{where}: field 'category' must be a lowercase slug like 'practical'")
    reviewed = _date_field(data, "reviewed", where)
    next_review = _date_field(data, "next_review", where)
    if next_review <= reviewed:
        raise SourceError(f"{where}: field 'next_review' must be later than 'reviewed'")
    tags = data.get("tags")
    if (
        not isinstance(tags, list)
        or not tags
        or not all(isinstance(t, str) and t.strip() for t in tags)
    ):
        raise SourceError(f"{where}: field 'tags' must be a non-empty list of text")
    voice = data.get("voice", "")
    if not isinstance(voice, str) or (voice and not _SLUG.match(voice)):
        raise SourceError(f"{where}: field 'voice' must be a lowercase slug like 'parent'")
    return Source(
        voice=voice,
        id=doc_id,
        title=_text_field(data, "title", where),
        category=category,
        audience=_text_field(data, "audience", where),
        summary=_text_field(data, "summary", where),
        reviewed=reviewed,
        next_review=next_review,
        tags=[t.strip() for t in tags],
        sources=_references(data, where),
        body=body,
    )


def parse_source_text(
    text: str, where: str = "<source>", shared: dict[str, SharedBlock] | None = None
) -> Source:
    """Parse the text of a source file; *where* names it in error messages.

    Includes (``{{ shared NAME }}``) are replaced by the blocks of *shared*, in the variant of
    the front matter's ``voice`` where a block has one (see
    :mod:`brochure_reader.authoring.shared`); an include with no such block is an error.  The
    included blocks' sources are added to the body's ``## Sources`` list (and kept in
    ``shared_sources``), so a document always cites what its shared blocks rest on.
    """
    front, body, body_line = split_front_matter(text, where)
    try:
        data = tomllib.loads(front)
    except tomllib.TOMLDecodeError as exc:
        raise SourceError(f"{where}: front matter is not valid TOML ({exc})") from exc
    source = source_from_front_matter(data, body, where)
    source.body_line = body_line
    if not body.strip():
        raise SourceError(f"{where}: the body after the front matter is empty")
    try:
        own = blank_includes(body)
        check_body(source, own)
        source.body, source.shared = expand_shared(body, shared or {}, source.voice)
        source.shared_sources = block_citations(source.shared, shared or {}, source.voice)
        source.body = add_block_sources(source.body, source.shared_sources)
    except SharedBlockError as exc:
        raise SourceError(f"{where}: {_file_line(str(exc), body_line)}") from exc
    return source


def _file_line(message: str, body_line: int) -> str:
    """*message* with a leading ``line N:`` (counted in the body) counted in the whole file."""
    if message.startswith("line "):
        number, _, rest = message[5:].partition(":")
        if number.isdigit():
            return f"line {int(number) + body_line - 1}:{rest}"
    return message


def check_body(source: Source, body: str | None = None) -> None:
    """Raise :class:`SourceError` if the body (or *body*, the source's own text with includes
    blanked) has something the typesetter refuses (an unknown box kind); line numbers are
    counted in the whole file."""
    from brochure_reader.authoring.markup import MarkupError, render_body

    try:
        render_body(source.body if body is None else body)
    except MarkupError as exc:
        raise SourceError(f"{source.where}: {_file_line(str(exc), source.body_line)}") from exc


def parse_source(path: str | Path, shared: dict[str, SharedBlock] | None = None) -> Source:
    """Read and check one ``*.md`` source.  Raises :class:`SourceError` (one line).

    Includes come from *shared*, or else from the ``shared/`` folder next to the file.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    except OSError as exc:
        raise SourceError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if shared is None:
        try:
            shared = load_shared_blocks(path.parent / SHARED_DIR)
        except SharedBlockError as exc:
            raise SourceError(str(exc)) from exc
    source = parse_source_text(text, str(path), shared)
    source.path = path
    if path.stem != source.id:
        raise SourceError(f"{path}: field 'id' is '{source.id}' but the file is named {path.name}")
    return source
