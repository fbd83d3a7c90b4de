"""Authoring: Markdown sources with TOML front matter -> typeset PDFs and a content pack.

Plain Python (no Qt).  :func:`build_pack` builds a whole pack; :func:`typeset_markdown` turns
one source (or plain Markdown, for handouts) into PDF bytes.  See docs/authoring.md for the
source format and docs/authoring-pipeline.md for the layout choices.
"""

from brochure_reader.authoring.build import BuildReport, BuiltDocument, build_pack
from brochure_reader.authoring.source import Reference, Source, SourceError, parse_source
from brochure_reader.pdf.typeset import (
    OutlineEntry,
    TypesetResult,
    typeset,
    typeset_markdown,
)

__all__ = [
    "BuildReport",
    "BuiltDocument",
    "OutlineEntry",
    "Reference",
    "Source",
    "SourceError",
    "TypesetResult",
    "build_pack",
    "parse_source",
    "typeset",
    "typeset_markdown",
]
