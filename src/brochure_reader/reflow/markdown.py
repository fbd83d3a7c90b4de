"""Our brochures as reflowed text, straight from their Markdown sources.

The same markdown-it-py parse the typesetter uses (``authoring.markup``), with the element
shapes changed for Qt's rich text: callout boxes become one-cell tables that open with a visible
label (``Urgent:``), links stay links, headings keep the slugs ``DOC_ID#slug`` uses.
"""

from __future__ import annotations

from collections.abc import Callable

from brochure_reader.authoring.markup import BodyRenderer, render_body
from brochure_reader.authoring.source import Source
from brochure_reader.reflow.document import (
    BOX_LABELS,
    ReflowedDocument,
    ReflowHeading,
    box_label_html,
    esc,
)

#: ``text -> HTML`` for runs of body text (the glossary marks its terms with it).
TextMarker = Callable[[str], str]


class QtBodyRenderer(BodyRenderer):
    """Body HTML for ``QTextDocument`` (see :class:`~.document.ReflowedDocument`)."""

    marker: TextMarker | None = None

    def __init__(self, breaks=()) -> None:
        super().__init__(breaks)
        self._labels: list[tuple[int, int]] = []  # (index in out of the label, headings before)
        self._plain = 0  # inside a heading or a link: text is never marked there

    def box_open(self, kind: str, box_id: str) -> str:
        self.out.append(
            f'<table class="box box-{kind}" width="100%" cellspacing="0" cellpadding="12">'
            "<tr><td>"
        )
        self._labels.append((len(self.out), len(self.headings)))
        return box_label_html(kind)

    def box_close(self, kind: str, box_id: str) -> str:
        at, before = self._labels.pop()
        first = next((h for h in self.headings[before:] if h.box_id == box_id), None)
        label = BOX_LABELS.get(kind, "").casefold()
        if first is not None and first.first_in_box and first.text.casefold().startswith(label):
            self.out[at] = ""  # "Key points" heading: the label would only repeat it
        return "</td></tr></table>\n"

    def table_open(self, table_id: str) -> str:
        return (
            '<table class="data" width="100%" border="1" cellspacing="0" cellpadding="6">'
        )

    def table_close(self, table_id: str) -> str:
        return "</table>\n"

    def heading_html(self, tag: str, heading_id: str, content: str) -> str:
        return f'<{tag}><a name="{heading_id}">{content}</a></{tag}>\n'

    def link_open(self, href: str) -> str:
        self._plain += 1
        return f'<a href="{esc(href)}">' if href else ""

    def link_close(self, href: str) -> str:
        self._plain -= 1
        return "</a>" if href else ""

    def _heading(self, token, inline) -> None:
        marker = type(self).marker
        if marker is not None and hasattr(marker, "new_section"):
            marker.new_section()
        self._plain += 1
        try:
            super()._heading(token, inline)
        finally:
            self._plain -= 1

    def text(self, text: str) -> str:
        marker = type(self).marker
        return marker(text) if marker is not None and not self._plain else esc(text)


def reflow_source(source: Source, marker: TextMarker | None = None) -> ReflowedDocument:
    """The text view's document for a brochure *source*: title, summary and audience (as on
    the cover), then the body.  *marker* turns runs of body text into HTML (escaping them),
    e.g. to link glossary terms.  Raises ``MarkupError`` as ``render_body`` does."""

    renderer = type("MarkedRenderer", (QtBodyRenderer,), {"marker": staticmethod(marker)}) \
        if marker is not None else QtBodyRenderer
    body = render_body(source.body, renderer=renderer)
    parts = [f'<h1><a name="title">{esc(source.title)}</a></h1>\n']
    if source.summary:
        parts.append(f'<p class="summary">{esc(source.summary)}</p>\n')
    if source.audience:
        parts.append(f"<p><b>For:</b> {esc(source.audience)}</p>\n")
    headings = [ReflowHeading(1, source.title, "title")]
    headings += [ReflowHeading(min(max(h.level, 2), 4), h.text, h.id) for h in body.headings]
    return ReflowedDocument(source.title, "".join(parts) + body.html, headings, "markdown")
