"""The bookmarks tree by keyboard alone: its context menu from Shift+F10 and the Menu key, and
an in-place label editor that Tab leaves.

- :class:`ContextMenuKeys` opens the tree's context menu at the current row (not under the
  mouse) on Shift+F10, which Qt does not map on Linux, and on the context-menu event the platform
  makes from the Menu key (xcb sends it with ``QContextMenuEvent.Keyboard``).
- :class:`LabelDelegate` changes what keys do in the label editor.  Qt's default for Tab is to
  commit and open the editor on the next row (``EditNextItem``).  With two or more bookmarks,
  Tab then never leaves the tree: a keyboard trap (WCAG 2.1.2).  Here Tab and Shift+Tab keep the
  label and move the focus on to the next control, the note box.  After Ctrl+D
  (:attr:`LabelDelegate.return_focus`), Enter and Escape give the focus back to where the
  reader was, the page or the text view.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QStyledItemDelegate,
    QWidget,
)

Hint = QAbstractItemDelegate.EndEditHint


def menu_point(view: QAbstractItemView) -> QPoint:
    """Where a menu opened from the keyboard goes: just below the start of the current row,
    in *view*'s viewport coordinates (the viewport's top left when no row is current)."""
    rect = view.visualRect(view.currentIndex())
    if not rect.isValid():
        return QPoint(0, 0)
    return QPoint(rect.left() + min(24, rect.width() // 2), rect.bottom())


class ContextMenuKeys(QObject):
    """Event filter on *view*: Shift+F10 and a keyboard context-menu event call
    ``show_menu(viewport_point)`` with :func:`menu_point`, as a right click calls it with the
    point clicked."""

    def __init__(self, view: QAbstractItemView, show_menu: Callable[[QPoint], None]):
        super().__init__(view)
        self._view, self._show_menu = view, show_menu
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if watched is self._view and self._view.state() != QAbstractItemView.State.EditingState:
            if isinstance(event, QContextMenuEvent) \
                    and event.reason() == QContextMenuEvent.Reason.Keyboard:
                self._show_menu(menu_point(self._view))
                return True
            if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                    and event.key() == Qt.Key.Key_F10 \
                    and event.modifiers() == Qt.KeyboardModifier.ShiftModifier:
                self._show_menu(menu_point(self._view))
                return True
        return super().eventFilter(watched, event)


class LabelDelegate(QStyledItemDelegate):
    """The delegate of a tree whose rows have a label edited in place (see the module text).

    Install with :meth:`install`, which connects to ``closeEditor`` after the view does, so
    the focus is moved once the view has finished closing the editor."""

    def __init__(self, view: QAbstractItemView):
        super().__init__(view)
        self._view = view
        #: the widget the focus goes back to when the edit ends with Enter or Escape (set when
        #: an edit is started for the reader, as Ctrl+D does; cleared when the edit ends)
        self.return_focus: QWidget | None = None
        self._tab = 0  # +1 Tab, -1 Shift+Tab: the edit ended by a Tab key

    @classmethod
    def install(cls, view: QAbstractItemView) -> LabelDelegate:
        delegate = cls(view)
        view.setItemDelegate(delegate)
        delegate.closeEditor.connect(delegate._closed)
        return delegate

    def edit_for_reader(self, index: QModelIndex, return_focus: QWidget | None) -> None:
        """Open the label editor on *index*; Enter or Escape later gives the focus back to
        *return_focus*."""
        self.return_focus = return_focus
        self._view.setFocus(Qt.FocusReason.OtherFocusReason)
        self._view.edit(index)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # Qt override
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            mods = event.modifiers()
            if not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
                backwards = event.key() == Qt.Key.Key_Backtab \
                    or bool(mods & Qt.KeyboardModifier.ShiftModifier)
                self._tab = -1 if backwards else 1
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, Hint.NoHint)
                return True
        return super().eventFilter(editor, event)

    def _closed(self, _editor: QWidget, hint: Hint) -> None:
        tab, back = self._tab, self.return_focus
        self._tab, self.return_focus = 0, None
        if tab:
            self._view.setFocus(Qt.FocusReason.OtherFocusReason)
            key = Qt.Key.Key_Tab if tab > 0 else Qt.Key.Key_Backtab
            modifiers = Qt.KeyboardModifier.NoModifier if tab > 0 \
                else Qt.KeyboardModifier.ShiftModifier
            # as if the Tab had been pressed on the tree itself: the window's focus chain
            QApplication.sendEvent(self._view, QKeyEvent(QEvent.Type.KeyPress, key, modifiers))
        elif hint in (Hint.SubmitModelCache, Hint.RevertModelCache) and back is not None \
                and back.isVisible() and back.isEnabled():
            back.setFocus(Qt.FocusReason.OtherFocusReason)
