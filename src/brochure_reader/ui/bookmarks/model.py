"""The bookmarks tree: groups (collections, or documents) with bookmarks under them.

A node class plus a QAbstractItemModel using ``internalPointer``; one column.  Bookmarks whose
quote was lost in a new document version sit in a "Needs attention" group at the top (and only
there).  The model only shows data; edits of a label come out as :attr:`rename_requested` and
the panel writes them to the store.

Custom roles (``Qt.UserRole`` + n) are listed in :class:`Roles`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import IntEnum

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from brochure_reader.bookmarks.model import Bookmark
from brochure_reader.ui.theme import current_theme
from brochure_reader.ui.tree_model import TreeModel

GROUP_BY_COLLECTION = "collection"
GROUP_BY_DOCUMENT = "document"

ATTENTION = ("attention", "")
NO_COLLECTION = ("none", "")

_Index = QModelIndex | QPersistentModelIndex


class Roles(IntEnum):
    """Custom data roles.  Groups answer KindRole and GroupKeyRole only."""

    #: "group" or "bookmark"
    KindRole = Qt.ItemDataRole.UserRole + 1
    #: bookmark id (str)
    BookmarkIdRole = Qt.ItemDataRole.UserRole + 2
    #: document id (str)
    DocIdRole = Qt.ItemDataRole.UserRole + 3
    #: page, 0-based (int)
    PageRole = Qt.ItemDataRole.UserRole + 4
    #: y in PDF points from the top of the page (float)
    YRole = Qt.ItemDataRole.UserRole + 5
    #: the whole Bookmark object
    BookmarkRole = Qt.ItemDataRole.UserRole + 6
    #: group key: ("collection", name) | ("document", doc id) | ("attention", "") | ("none", "")
    GroupKeyRole = Qt.ItemDataRole.UserRole + 7


class _Node:
    __slots__ = ("bookmark", "children", "key", "parent")

    def __init__(self, parent: _Node | None, key: tuple[str, str] = ("", ""),
                 bookmark: Bookmark | None = None):
        self.parent = parent
        self.key = key
        self.bookmark = bookmark
        self.children: list[_Node] = []

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent is not None else 0


class BookmarkTreeModel(TreeModel):
    """Tree of bookmarks grouped by collection (default) or document, with a text filter."""

    #: emitted when a label was edited in place: (bookmark id, new label)
    rename_requested = Signal(str, str)

    def __init__(self, title_of: Callable[[str], str] | None = None, parent=None):
        super().__init__(parent)
        self._title_of = title_of or (lambda doc_id: doc_id)
        self._root = _Node(None)
        self._bookmarks: dict[str, Bookmark] = {}
        self._collections: list[str] = []
        self._group_by = GROUP_BY_COLLECTION
        self._filter = ""

    # --- state -----------------------------------------------------------------------------

    @property
    def group_by(self) -> str:
        return self._group_by

    @property
    def filter_text(self) -> str:
        return self._filter

    def set_bookmarks(self, bookmarks: Iterable[Bookmark], collections: Iterable[str] = ()) -> None:
        """Replace everything (a model reset).  *collections* are all collection names, so
        empty collections still show as groups."""
        self._bookmarks = {b.id: b for b in bookmarks}
        self._collections = list(collections)
        self._rebuild()

    def set_group_by(self, mode: str) -> None:
        """GROUP_BY_COLLECTION or GROUP_BY_DOCUMENT."""
        if mode not in (GROUP_BY_COLLECTION, GROUP_BY_DOCUMENT):
            raise ValueError(mode)
        if mode != self._group_by:
            self._group_by = mode
            self._rebuild()

    def set_filter(self, text: str) -> None:
        """Show only bookmarks whose label, note, quote, document title or collections contain
        *text* (case-insensitive); groups left empty are hidden."""
        text = " ".join(text.split()).casefold()
        if text != self._filter:
            self._filter = text
            self._rebuild()

    def bookmark(self, bookmark_id: str) -> Bookmark | None:
        return self._bookmarks.get(bookmark_id)

    def _matches(self, b: Bookmark) -> bool:
        if not self._filter:
            return True
        hay = " ".join([b.title, b.label, b.note, b.quote.exact, self._title_of(b.doc_id),
                        *b.collections]).casefold()
        return all(word in hay for word in self._filter.split())

    def _group_keys(self, b: Bookmark) -> list[tuple[str, str]]:
        if b.needs_attention:
            return [ATTENTION]
        if self._group_by == GROUP_BY_DOCUMENT:
            return [("document", b.doc_id)]
        return [("collection", c) for c in b.collections] or [NO_COLLECTION]

    def _group_sort_key(self, key: tuple[str, str]) -> tuple:
        kind, value = key
        if kind == "attention":
            return (0, "")
        if kind == "none":
            return (2, "")
        name = self._title_of(value) if kind == "document" else value
        return (1, name.casefold())

    def _child_sort_key(self, b: Bookmark | None) -> tuple:
        if b is None:  # a group node: never among a group's children
            return ()
        return (self._title_of(b.doc_id).casefold(), b.page, b.y, b.title.casefold())

    def _keeps_empty(self, key: tuple[str, str]) -> bool:
        return (not self._filter and self._group_by == GROUP_BY_COLLECTION
                and key[0] == "collection" and key[1] in self._collections)

    def _rebuild(self) -> None:
        self.beginResetModel()
        old = self._root  # kept alive until the views have let go of its indexes
        root = _Node(None)
        groups: dict[tuple[str, str], _Node] = {}
        if self._group_by == GROUP_BY_COLLECTION and not self._filter:
            for name in self._collections:
                groups[("collection", name)] = _Node(root, ("collection", name))
        for b in self._bookmarks.values():
            if not self._matches(b):
                continue
            for key in self._group_keys(b):
                group = groups.get(key) or groups.setdefault(key, _Node(root, key))
                group.children.append(_Node(group, key, b))
        root.children = sorted(groups.values(), key=lambda g: self._group_sort_key(g.key))
        for group in root.children:
            group.children.sort(key=lambda n: self._child_sort_key(n.bookmark))
        self._root = root
        self.endResetModel()
        del old

    # --- incremental changes ----------------------------------------------------------------

    def insert_bookmark(self, b: Bookmark) -> None:
        """Add one bookmark with row inserts (expansion and selection are kept)."""
        self._bookmarks[b.id] = b
        for name in b.collections:
            if name not in self._collections:
                self._collections.append(name)
        if not self._matches(b):
            return
        for key in self._group_keys(b):
            group = next((g for g in self._root.children if g.key == key), None)
            if group is None:
                order = [self._group_sort_key(g.key) for g in self._root.children]
                row = sum(1 for k in order if k < self._group_sort_key(key))
                self.beginInsertRows(QModelIndex(), row, row)
                group = _Node(self._root, key)
                self._root.children.insert(row, group)
                self.endInsertRows()
            order_keys = [self._child_sort_key(n.bookmark) for n in group.children]
            row = sum(1 for k in order_keys if k <= self._child_sort_key(b))
            parent = self.createIndex(group.row(), 0, group)
            self.beginInsertRows(parent, row, row)
            group.children.insert(row, _Node(group, key, b))
            self.endInsertRows()
            self.dataChanged.emit(parent, parent)

    def remove_bookmark(self, bookmark_id: str) -> None:
        """Remove one bookmark with row removals; groups left empty go too (except empty
        collections when nothing is filtered)."""
        self._bookmarks.pop(bookmark_id, None)
        for group in list(self._root.children):
            for child in list(group.children):
                if child.bookmark is not None and child.bookmark.id == bookmark_id:
                    parent = self.createIndex(group.row(), 0, group)
                    row = child.row()
                    self.beginRemoveRows(parent, row, row)
                    del group.children[row]
                    self.endRemoveRows()
                    self.dataChanged.emit(parent, parent)
            if not group.children and not self._keeps_empty(group.key):
                row = group.row()
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._root.children[row]
                self.endRemoveRows()

    def update_bookmark(self, b: Bookmark) -> None:
        """Show a changed bookmark: in place when its groups and order are unchanged, else by
        removing and inserting it."""
        old = self._bookmarks.get(b.id)
        if (old is not None and self._group_keys(old) == self._group_keys(b)
                and self._child_sort_key(old) == self._child_sort_key(b)
                and self._matches(old) == self._matches(b)):
            self._bookmarks[b.id] = b
            for index in self.indexes_of(b.id):
                index.internalPointer().bookmark = b
                self.dataChanged.emit(index, index)
            return
        self.remove_bookmark(b.id)
        self.insert_bookmark(b)

    # --- lookup ----------------------------------------------------------------------------

    def indexes_of(self, bookmark_id: str) -> list[QModelIndex]:
        """Every index showing *bookmark_id* (one per group it is in)."""
        found = []
        for group in self._root.children:
            for row, child in enumerate(group.children):
                if child.bookmark is not None and child.bookmark.id == bookmark_id:
                    found.append(self.createIndex(row, 0, child))
        return found

    def group_index(self, key: tuple[str, str]) -> QModelIndex:
        """The index of the group with *key*, or an invalid index."""
        for row, group in enumerate(self._root.children):
            if group.key == key:
                return self.createIndex(row, 0, group)
        return QModelIndex()

    # --- QAbstractItemModel (structure in TreeModel) --------------------------------------

    def hasChildren(self, parent: _Index = QModelIndex()) -> bool:
        return self.rowCount(parent) > 0

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalPointer().bookmark is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def group_title(self, key: tuple[str, str]) -> str:
        kind, value = key
        if kind == "attention":
            return self.tr("Needs attention")
        if kind == "none":
            return self.tr("Not in a collection")
        return self._title_of(value) if kind == "document" else value

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node: _Node = index.internalPointer()
        b = node.bookmark
        if b is None:
            return self._group_data(node, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{b.title}  ·  " + self.tr("p. {number}").format(number=b.page)
        if role == Qt.ItemDataRole.EditRole:
            return b.label or b.title
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [b.title, self.tr("{document}, page {number}").format(
                document=self._title_of(b.doc_id), number=b.page)]
            if b.needs_attention:
                lines.append(self.tr("Not found in the latest version of this document:"))
            if b.quote.exact:
                lines.append(f"“{b.quote.exact}…”")
            if b.note:
                lines.append(self.tr("Note: {note}").format(note=b.note[:300]))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(b.colour)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("Bookmark {title}, page {number}").format(title=b.title, number=b.page)
        if role == Roles.KindRole:
            return "bookmark"
        if role == Roles.BookmarkIdRole:
            return b.id
        if role == Roles.DocIdRole:
            return b.doc_id
        if role == Roles.PageRole:
            return b.page0
        if role == Roles.YRole:
            return float(b.y)
        if role == Roles.BookmarkRole:
            return b
        if role == Roles.GroupKeyRole:
            return node.key
        return None

    def _group_data(self, node: _Node, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{self.group_title(node.key)} ({len(node.children)})"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and node.key == ATTENTION:
            return QColor(current_theme().colour("warning"))
        if role == Qt.ItemDataRole.ToolTipRole and node.key == ATTENTION:
            return self.tr("These passages were not found in the latest version of their "
                           "document. Open one to see where it was, then keep it there or "
                           "delete it.")
        if role == Roles.KindRole:
            return "group"
        if role == Roles.GroupKeyRole:
            return node.key
        return None

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        b = index.internalPointer().bookmark
        text = " ".join(str(value).split())
        if b is None or not text:
            return False
        if text != b.label:
            self.rename_requested.emit(b.id, text)
        return True
