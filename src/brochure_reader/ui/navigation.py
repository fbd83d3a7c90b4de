"""The navigation tree: categories > documents > sections, as a QAbstractItemModel, and the
dock widget that shows it with a filter box."""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from brochure_reader.library import Library, Section
from brochure_reader.ui.accessibility import name_clear_button
from brochure_reader.ui.bookmark_keys import ContextMenuKeys
from brochure_reader.ui.tree_model import TreeModel

#: Custom roles (Qt.UserRole + n)
KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "category" | "document" | "section"
DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 2  # str
REF_ROLE = Qt.ItemDataRole.UserRole + 3  # "DOC_ID#slug" for sections, DOC_ID for documents
PAGE_ROLE = Qt.ItemDataRole.UserRole + 4  # 0-based page or None
Y_ROLE = Qt.ItemDataRole.UserRole + 5  # points from the top of the page
INFERRED_ROLE = Qt.ItemDataRole.UserRole + 6  # bool: heading guessed from font sizes


class Node:
    __slots__ = ("children", "doc_id", "kind", "parent", "section", "title", "tooltip")

    def __init__(
        self,
        kind: str,
        title: str,
        parent: Node | None,
        doc_id: str = "",
        section: Section | None = None,
        tooltip: str = "",
    ):
        self.kind, self.title, self.parent = kind, title, parent
        self.doc_id, self.section, self.tooltip = doc_id, section, tooltip
        self.children: list[Node] = []

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0


class NavigationModel(TreeModel):
    """Read-only tree model of the library.  Sections arrive later, per document, through
    :meth:`set_sections` (outlines are read by the worker processes)."""

    def __init__(self, library: Library | None = None, parent=None):
        super().__init__(parent)
        self._root = Node("root", "Library", None)
        self._docs: dict[str, Node] = {}
        self._bookmarked: dict[str, set[str]] = {}  # doc id -> refs of bookmarked sections
        self._marker_icon = None
        if library is not None:
            self.set_library(library)

    def set_library(self, library: Library) -> None:
        """Show the categories and documents of *library*.  A document that was already
        shown keeps the sections :meth:`set_sections` gave it (outlines are read once per
        session, so a tree rebuilt after an import or a removal would otherwise lose them)."""
        known = {doc_id: node.children for doc_id, node in self._docs.items()}
        self.beginResetModel()
        self._root.children.clear()
        self._docs.clear()
        for category, title, documents in library.by_category():
            cat = Node("category", title, self._root, tooltip=category)
            self._root.children.append(cat)
            for doc in documents:
                node = Node("document", doc.title, cat, doc.id, tooltip=doc.summary)
                node.children = known.get(doc.id, [])
                for child in node.children:
                    child.parent = node
                cat.children.append(node)
                self._docs[doc.id] = node
        self.endResetModel()

    def set_sections(self, doc_id: str, sections: list[Section]) -> None:
        """Replace the section subtree of *doc_id* (unknown ids are ignored).  The same
        sections again (the outline read at start-up arriving after the one read on opening)
        change nothing, so a view keeps its current row (the reader's place in the tree)."""
        node = self._docs.get(doc_id)
        if node is None or (node.children and [c.section for c in node.children] == sections):
            return
        parent_index = self.createIndex(node.row(), 0, node)
        if node.children:
            self.beginRemoveRows(parent_index, 0, len(node.children) - 1)
            node.children.clear()
            self.endRemoveRows()
        if not sections:
            return

        def make(section: Section, parent: Node) -> Node:
            child = Node("section", section.title, parent, doc_id, section)
            child.children = [make(s, child) for s in section.children]
            return child

        self.beginInsertRows(parent_index, 0, len(sections) - 1)
        node.children = [make(s, node) for s in sections]
        self.endInsertRows()

    def set_bookmarked(self, doc_id: str, refs: set[str]) -> None:
        """Mark the sections (refs) of *doc_id* that hold a bookmark."""
        if self._bookmarked.get(doc_id, set()) == refs:
            return
        self._bookmarked[doc_id] = set(refs)
        node = self._docs.get(doc_id)
        if node is None:
            return
        stack = [node]
        while stack:  # repaint every row of that document
            current = stack.pop()
            if current.children:
                first = self.createIndex(0, 0, current.children[0])
                last = self.createIndex(len(current.children) - 1, 0, current.children[-1])
                self.dataChanged.emit(first, last, [Qt.ItemDataRole.DecorationRole])
                stack.extend(current.children)

    def _marker(self):
        if self._marker_icon is None:
            from PySide6.QtCore import QPoint
            from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QPolygon

            pixmap = QPixmap(12, 16)
            pixmap.fill(Qt.transparent)
            painter = QPainter(pixmap)
            painter.setPen(Qt.NoPen)
            painter.setBrush(QColor(30, 120, 60))
            painter.drawPolygon(QPolygon([QPoint(1, 0), QPoint(11, 0), QPoint(11, 15),
                                          QPoint(6, 10), QPoint(1, 15)]))
            painter.end()
            self._marker_icon = QIcon(pixmap)
        return self._marker_icon

    # --- lookups ---------------------------------------------------------------------------

    def document_index(self, doc_id: str) -> QModelIndex:
        node = self._docs.get(doc_id)
        return self.createIndex(node.row(), 0, node) if node else QModelIndex()

    def section_index(self, doc_id: str, ref: str) -> QModelIndex:
        node = self._docs.get(doc_id)
        stack = list(node.children) if node else []
        while stack:
            child = stack.pop()
            if child.section is not None and child.section.ref == ref:
                return self.createIndex(child.row(), 0, child)
            stack.extend(child.children)
        return QModelIndex()

    # --- QAbstractItemModel (structure in TreeModel) -------------------------------------

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        node = index.internalPointer()
        if node.kind == "section" and node.section.page is None:
            return Qt.ItemFlag.ItemIsSelectable  # shown, but disabled: the entry has no target here
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid():
            return None
        node: Node = index.internalPointer()
        section = node.section
        if role == Qt.ItemDataRole.DisplayRole:
            return node.title
        if role == Qt.ItemDataRole.ToolTipRole:
            if section is not None:
                where = (
                    self.tr("page {number}").format(number=section.page + 1)
                    if section.page is not None
                    else self.tr("no target")
                )
                guess = (
                    " " + self.tr("(heading found from the text; this file has no outline)")
                    if section.inferred
                    else ""
                )
                return f"{section.title} — {where}{guess}"
            return node.tooltip or None
        if role == Qt.ItemDataRole.DecorationRole and section is not None:
            if section.ref in self._bookmarked.get(node.doc_id, ()):
                return self._marker()
            return None
        if role == Qt.ItemDataRole.FontRole and node.kind in ("category", "document"):
            font = QFont()
            font.setBold(node.kind == "category")
            return font
        if role == KIND_ROLE:
            return node.kind
        if role == DOC_ID_ROLE:
            return node.doc_id or None
        if role == REF_ROLE:
            return section.ref if section else (node.doc_id or None)
        if role == PAGE_ROLE:
            return section.page if section else (0 if node.kind == "document" else None)
        if role == Y_ROLE:
            return section.y if section else 0.0
        if role == INFERRED_ROLE:
            return bool(section and section.inferred)
        return None


class _WrappingDelegate(QStyledItemDelegate):
    """Row heights of the text wrapped at the room the row has in the view (QTreeView asks
    its delegate with no width, so word wrap alone never makes a row taller)."""

    def sizeHint(self, option, index) -> QSize:
        view = self.parent()
        assert isinstance(view, QTreeView)  # the delegate of the panel's tree only
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        levels = depth + (1 if view.rootIsDecorated() else 0)
        width = view.viewport().width() - view.indentation() * levels
        opt.rect = QRect(0, 0, max(40, width), 100000)
        opt.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        return view.style().sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, opt, QSize(),
                                             view)


class WrappingTreeView(QTreeView):
    """A tree whose long titles wrap onto more lines instead of being cut short (with Larger
    text a narrow panel showed "Looking after your emotional health with metast…"): one column
    as wide as the view, no sideways scrolling, rows as tall as their wrapped text and
    measured again when the width changes (QTreeView keeps row heights otherwise)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setUniformRowHeights(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.header().setStretchLastSection(True)
        self.setItemDelegate(_WrappingDelegate(self))
        self._laid_out_width = -1

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        width = self.viewport().width()
        if width != self._laid_out_width:
            self._laid_out_width = width
            self.header().resizeSection(0, width)
            self.scheduleDelayedItemsLayout()


class NavigationPanel(QWidget):
    """Filter box + tree.  Emits :attr:`open_requested` when the reader picks an entry."""

    #: (doc_id, page 0-based, y points) — page -1 means "wherever the reader left it"
    open_requested = Signal(str, int, float)
    #: right-click on an entry: (doc_id, section ref or "" for a document, global position)
    context_menu_requested = Signal(str, str, QPoint)

    def __init__(self, model: NavigationModel, parent=None):
        super().__init__(parent)
        self.model = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setAutoAcceptChildRows(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit(
            self, placeholderText=self.tr("Filter the list…"), clearButtonEnabled=True
        )
        self.filter.setAccessibleName(self.tr("Filter the library"))
        name_clear_button(self.filter, self.tr("Clear the filter"))
        self.filter.textChanged.connect(self._filter_changed)
        self.view = WrappingTreeView(self)
        self.view.setModel(self.proxy)
        self.view.setHeaderHidden(True)
        self.view.setAccessibleName(self.tr("Library and sections"))
        self.view.setExpandsOnDoubleClick(False)
        self.view.clicked.connect(self._picked)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        ContextMenuKeys(self.view, self._context_menu)  # Shift+F10, the Menu key
        self.view.activated.connect(self._picked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.view)
        model.modelReset.connect(lambda: self.view.expandToDepth(0))
        self.view.expandToDepth(0)

    def _filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if text.strip():
            self.view.expandAll()
        else:
            self.view.collapseAll()
            self.view.expandToDepth(0)

    def _picked(self, index) -> None:
        if not index.isValid() or not (index.flags() & Qt.ItemFlag.ItemIsEnabled):
            return
        kind = index.data(KIND_ROLE)
        if kind == "category":
            self.view.setExpanded(index, not self.view.isExpanded(index))
            return
        page = index.data(PAGE_ROLE)
        y = index.data(Y_ROLE) or 0.0
        if kind == "document":
            self.open_requested.emit(index.data(DOC_ID_ROLE), -1, 0.0)
        elif page is not None:
            self.open_requested.emit(index.data(DOC_ID_ROLE), int(page), float(y))

    def _context_menu(self, pos) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid() or index.data(KIND_ROLE) == "category":
            return
        ref = index.data(REF_ROLE) if index.data(KIND_ROLE) == "section" else ""
        self.context_menu_requested.emit(index.data(DOC_ID_ROLE), ref or "",
                                         self.view.viewport().mapToGlobal(pos))

    def show_current(self, doc_id: str, ref: str | None) -> None:
        """Highlight the section the reader is in (or the document), without emitting."""
        source = self.model.section_index(doc_id, ref) if ref else QModelIndex()
        if not source.isValid():
            source = self.model.document_index(doc_id)
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            return
        parent = index.parent()
        while parent.isValid():
            self.view.expand(parent)
            parent = parent.parent()
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.view.scrollTo(index)

    def current_ref(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(REF_ROLE) if index.isValid() else None
