"""The structure half of a one-column tree model, shared by the library tree and the
bookmarks tree (after novelWriter's item model): nodes have ``parent``, ``children`` and
``row()``, and the model keeps its invisible root in ``self._root``.  Subclasses add ``data``,
``flags`` and the changes, inside the matching begin/end calls."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex

_Index = QModelIndex | QPersistentModelIndex


class TreeModel(QAbstractItemModel):
    _root: Any  # set by the subclass before the model is used

    def _node(self, index: _Index) -> Any:
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        node = self._node(parent)
        if row >= len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row])

    def parent(self, index: _Index = QModelIndex()):
        if not index.isValid():
            return QModelIndex()
        parent = index.internalPointer().parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row(), 0, parent)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 1
