"""The reflowed document both sources produce, and the HTML pieces they share."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

#: The visible label that starts each callout box, so a screen reader announces the box for
#: what it is ("Urgent: Contact your care team straight away if…"), not only as a colour.
BOX_LABELS = {
    "urgent": "Urgent",
    "key-points": "Key points",
    "questions": "Questions to ask",
    "note": "Note",
}


@dataclass(frozen=True)
class ReflowHeading:
    """A heading of the reflowed text: level 1 (the title) to 4, its text, its HTML anchor."""

    level: int
    title: str
    anchor: str


@dataclass
class ReflowedDocument:
    """A document as reflowable text.

    ``html`` is a fragment for ``QTextDocument.setHtml``: ``h1``–``h4`` (each starting with an
    ``<a name=anchor>``), ``p``, ``ul``/``ol``, ``table``; callout boxes are one-cell tables of
    class ``box box-<kind>`` starting with a ``box-label`` paragraph; glossary terms are links
    ``<a class="term" href="glossary:<slug>">``.  ``headings`` are in document order;
    ``source`` says where the text came from: ``"markdown"`` or ``"extracted"``.
    """

    title: str
    html: str
    headings: list[ReflowHeading] = field(default_factory=list)
    source: str = "markdown"


def esc(text: str) -> str:
    """HTML-escaped text (quotes too)."""
    return html.escape(text, quote=True)


def box_label_html(kind: str) -> str:
    """The label paragraph that opens a box of *kind* (see :data:`BOX_LABELS`)."""
    label = BOX_LABELS.get(kind, kind.replace("-", " ").capitalize())
    return f'<p class="box-label"><b>{esc(label)}:</b></p>'


_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[ivxlc]+\.|[a-z]\))\s+")


def title_key(title: str) -> str:
    """A heading title for comparing: case folded, section numbering ("2.1 ") dropped, only
    letters and digits kept (inferred headings often lose their spaces)."""
    folded = " ".join(title.casefold().split())
    return "".join(ch for ch in _NUMBERING.sub("", folded) if ch.isalnum())
