"""Authoring: Markdown sources with TOML front matter -> typeset PDFs and a content pack.

Plain Python (no Qt).  :func:`build_pack` builds a whole pack; :func:`typeset_markdown` turns
one source (or plain Markdown, for handouts) into PDF bytes.  See docs/authoring.md for the
source format and docs/authoring-pipeline.md for the layout choices.  The typesetting rules are
in :mod:`.typeset`, drawn with the PDF backend's Story primitives.

Names are imported on first use (PEP 562) so that reading a source does not load PyMuPDF.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "BuildReport": "build",
    "BuiltDocument": "build",
    "build_pack": "build",
    "Reference": "source",
    "Source": "source",
    "SourceError": "source",
    "parse_source": "source",
    "OutlineEntry": "typesetter",
    "TypesetResult": "typesetter",
    "typeset": "typesetter",
    "typeset_markdown": "typesetter",
}
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


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs
    from brochure_reader.authoring.build import BuildReport, BuiltDocument, build_pack
    from brochure_reader.authoring.source import Reference, Source, SourceError, parse_source
    from brochure_reader.authoring.typesetter import (
        OutlineEntry,
        TypesetResult,
        typeset,
        typeset_markdown,
    )
