"""The search results list: a flat model of document headers and hits, and its delegate.

Rows, in order: for each document (in the order of its best hit) one header row, then its hits
best first.  Custom roles (``Qt.UserRole + n``) are listed in :class:`Roles`; the model is
usable and tested without any view.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from brochure_reader.search.engine import Hit, SearchResult


class Roles(IntEnum):
    """Custom data roles of :class:`SearchResultsModel`."""

    KIND = Qt.ItemDataRole.UserRole + 1  #: "document" or "hit"
    DOCUMENT_ID = Qt.ItemDataRole.UserRole + 2  #: str
    PAGE = Qt.ItemDataRole.UserRole + 3  #: int, 0-based (hits only, else None)
    SECTION = Qt.ItemDataRole.UserRole + 4  #: str | None
    SNIPPET_HTML = Qt.ItemDataRole.UserRole + 5  #: str: escaped snippet, matches in <b>
    TERMS = Qt.ItemDataRole.UserRole + 6  #: list[str]: words to highlight on the page
    HIT = Qt.ItemDataRole.UserRole + 7  #: the search.engine.Hit (hits only)


@dataclass(frozen=True)
class _Row:
    kind: str
    document_id: str
    title: str
    hit: Hit | None = None
    count: int = 0


def snippet_html(hit: Hit) -> str:
    """The hit's snippet as HTML, matched words in ``<b>``."""
    snippet = hit.snippet
    parts, pos = [], 0
    for start, end in snippet.marks:
        parts += [html.escape(snippet.text[pos:start]), "<b>",
                  html.escape(snippet.text[start:end]), "</b>"]
        pos = end
    parts.append(html.escape(snippet.text[pos:]))
    return "".join(parts)


class SearchResultsModel(QAbstractListModel):
    """Flat list model of a :class:`SearchResult`, hits grouped by document."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[_Row] = []

    def set_result(self, result: SearchResult | None) -> None:
        """Show *result* (None clears), inside a model reset."""
        self.beginResetModel()
        self._rows = []
        if result is not None:
            for doc_id, title, hits in result.by_document():
                self._rows.append(_Row("document", doc_id, title, None, len(hits)))
                self._rows.extend(_Row("hit", doc_id, title, hit) for hit in hits)
        self.endResetModel()

    def hit_rows(self) -> list[int]:
        """Row numbers of the hits (headers left out), in display order."""
        return [i for i, row in enumerate(self._rows) if row.kind == "hit"]

    def hit_count(self) -> int:
        return sum(1 for row in self._rows if row.kind == "hit")

    def document_count(self) -> int:
        return sum(1 for row in self._rows if row.kind == "document")

    # --- Qt overrides -------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].kind == "document":
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        hit = row.hit
        if role == Qt.ItemDataRole.DisplayRole:
            if hit is None:
                return f"{row.title} ({row.count})"
            section = hit.section or self.tr("Start of document")
            page = self.tr("p. {number}").format(number=hit.page + 1)
            return f"{page} · {section}\n{hit.snippet.text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if hit is None:
                return row.title
            page = self.tr("page {number}").format(number=hit.page + 1)
            return f"{row.title}\n{hit.section or ''}\n{page}"
        if role == Roles.KIND:
            return row.kind
        if role == Roles.DOCUMENT_ID:
            return row.document_id
        if hit is None:
            return None
        if role == Roles.PAGE:
            return hit.page
        if role == Roles.SECTION:
            return hit.section
        if role == Roles.SNIPPET_HTML:
            return snippet_html(hit)
        if role == Roles.TERMS:
            return list(hit.terms)
        if role == Roles.HIT:
            return hit
        return None


class SearchResultsDelegate(QStyledItemDelegate):
    """Paints header rows in bold and hit rows as "p. N · Section" over a marked snippet."""

    MARGIN = 4

    def _document(self, index, width: int, option: QStyleOptionViewItem) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(self.MARGIN)
        if index.data(Roles.KIND) == "document":
            text = f"<b>{html.escape(index.data(Qt.ItemDataRole.DisplayRole))}</b>"
        else:
            page = self.tr("p. {number}").format(number=index.data(Roles.PAGE) + 1)
            section = html.escape(index.data(Roles.SECTION) or self.tr("Start of document"))
            text = (f"<div style='margin-left:12px'><small>{page} · {section}</small><br>"
                    f"{index.data(Roles.SNIPPET_HTML)}</div>")
        doc.setHtml(text)
        doc.setTextWidth(max(width, 80))
        return doc

    def paint(self, painter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(index, opt.rect.width(), opt)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(opt.rect.translated(-opt.rect.topLeft()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        # Wrapped to the view's width, never wider: the text's own ideal width could exceed it
        # by the indent and put the ends of lines under the scroll bar.
        view = option.widget
        width = view.viewport().width() if view is not None else option.rect.width()
        doc = self._document(index, width, option)
        return QSize(int(doc.textWidth()), int(doc.size().height()))
