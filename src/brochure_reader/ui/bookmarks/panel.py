"""The bookmarks dock: a "Bookmarks" tab (tree, filter, note editor) and a "My questions" tab.

Self-contained: the main window creates it with a store, puts it in a dock and connects
:attr:`BookmarksPanel.open_requested`.  Every change is written to the store at once; deleting
bookmarks (and removing questions) goes through :attr:`BookmarksPanel.undo_stack`, whose
actions (:attr:`undo_action`, :attr:`redo_action`, Ctrl+Z / Ctrl+Shift+Z, active while the
panel has focus) the main window can also put in its Edit menu.

The package: this module is the view (tabs, tree, details); ``menus.py`` the tree's context
menu; ``model.py`` the tree's item model; ``questions.py`` the My questions tab; ``commands.py``
the undo steps (they talk to the panel through its public ``bookmarks_removed`` /
``bookmarks_restored`` / ``warn``);
``sync.py`` picks up changes made by another process (a second window, the CLI);
``exchange.py`` JSON import/export and the PDF list, whose PyMuPDF work runs as a job through
*jobs* (``JobRunner.run``); ``controller.py`` ties the dock to the reader.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QKeyEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from brochure_reader.bookmarks.anchors import ReanchorReport, TextMap, reanchor
from brochure_reader.bookmarks.model import ANCHOR_OK, Bookmark, Quote
from brochure_reader.bookmarks.store import BookmarkStore, StoreError
from brochure_reader.ui.accessibility import name_clear_button
from brochure_reader.ui.bookmark_keys import ContextMenuKeys, LabelDelegate
from brochure_reader.ui.bookmarks.commands import DeleteBookmarks
from brochure_reader.ui.bookmarks.exchange import BookmarkFiles
from brochure_reader.ui.bookmarks.menus import context_menu
from brochure_reader.ui.bookmarks.model import (
    GROUP_BY_COLLECTION,
    GROUP_BY_DOCUMENT,
    BookmarkTreeModel,
    Roles,
)
from brochure_reader.ui.bookmarks.questions import QuestionsTab
from brochure_reader.ui.bookmarks.sync import StoreWatcher
from brochure_reader.ui.jobs import JobRunner
from brochure_reader.ui.message_boxes import open_warning

if TYPE_CHECKING:
    from brochure_reader.bookmarks.exchange import ImportReport

#: Delay (ms) after the last keystroke before a note is saved.
NOTE_SAVE_DELAY_MS = 600


class BookmarksPanel(QWidget):
    """Bookmarks and "My questions" for a dock widget.

    *store*: an open :class:`BookmarkStore` (the panel does not close it);
    *title_of(doc_id) -> str*: document titles for groups and exports (default: the id);
    *jobs*: the app's :class:`~brochure_reader.ui.jobs.JobRunner`, which writes the PDFs in a
    worker.
    """

    #: emitted when a bookmark is clicked: (document id, page 0-based, y in PDF points)
    open_requested = Signal(str, int, float)
    #: emitted after bookmarks changed: the document id ("" when several or unknown)
    bookmarks_changed = Signal(str)
    #: a short message for the status bar
    status_message = Signal(str)

    def __init__(self, store: BookmarkStore, title_of: Callable[[str], str] | None = None,
                 jobs: JobRunner | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("bookmarksPanel")
        self._store = store
        given = title_of or (lambda doc_id: doc_id)

        def safe_title(doc_id: str) -> str:  # a document removed from the library keeps its id
            try:
                return given(doc_id) or doc_id
            except Exception:
                return doc_id

        self._title_of = safe_title
        self._jobs = jobs
        self._collapsed: set[tuple[str, str]] = set()
        self._note_id: str | None = None

        self._undo_stack = QUndoStack(self)
        self.undo_action = self._undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self._undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

        self.files = BookmarkFiles(store, self._title_of, jobs, self)
        self.files.status_message.connect(self.status_message)
        self.files.failed.connect(self.warn)
        self.files.imported.connect(self._imported)

        self._model = BookmarkTreeModel(self._title_of, self)
        self._model.rename_requested.connect(self.rename)
        self._build_bookmarks_tab()
        self.questions = QuestionsTab(store, self._undo_stack, jobs, self)
        self.questions.status_message.connect(self.status_message)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._bookmarks_tab, self.tr("Bookmarks"))
        self.tabs.addTab(self.questions, self.tr("My questions"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self.save_note)
        self.watcher = StoreWatcher(store, self)
        self.watcher.changed.connect(self._changed_elsewhere)
        self.refresh()

    # --- construction ----------------------------------------------------------------------

    def _build_bookmarks_tab(self) -> None:
        self._bookmarks_tab = QWidget()
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter bookmarks"))
        self.filter_edit.setAccessibleName(self.tr("Filter bookmarks"))
        name_clear_button(self.filter_edit, self.tr("Clear the filter"))
        self.filter_edit.textChanged.connect(self.set_filter)
        self.group_combo = QComboBox()
        self.group_combo.setAccessibleName(self.tr("Group bookmarks"))
        self.group_combo.addItem(self.tr("By collection"), GROUP_BY_COLLECTION)
        self.group_combo.addItem(self.tr("By document"), GROUP_BY_DOCUMENT)
        self.group_combo.currentIndexChanged.connect(
            lambda _i: self.set_group_by(self.group_combo.currentData()))
        more = QToolButton()
        more.setText(self.tr("More"))
        more.setAccessibleName(self.tr("More bookmark actions"))
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(more)  # the context menu of the current row, for keyboards without Menu
        menu.aboutToShow.connect(lambda: context_menu(self, self.tree.currentIndex(), menu))
        more.setMenu(menu)

        self.tree: QTreeView = QTreeView()
        self.tree.setObjectName("bookmarksTree")
        self.tree.setAccessibleName(self.tr("Bookmarks"))
        self.tree.setModel(self._model)
        self.tree.setHeaderHidden(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        ContextMenuKeys(self.tree, self._context_menu)  # Shift+F10, the Menu key
        self._labels = LabelDelegate.install(self.tree)  # Tab leaves the label editor
        self.tree.clicked.connect(self.open_index)
        self.tree.expanded.connect(lambda i: self._collapsed.discard(i.data(Roles.GroupKeyRole)))
        self.tree.collapsed.connect(lambda i: self._collapsed.add(i.data(Roles.GroupKeyRole)))
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self._model.modelReset.connect(self._restore_view)
        self._model.rowsInserted.connect(lambda parent, *_: self._expand_new(parent))

        # Delete and Enter on the tree itself (an event filter, not shortcuts, so that the
        # in-place label editor keeps these keys).
        self.tree.installEventFilter(self)

        self.where_label = QLabel()
        self.where_label.setWordWrap(True)
        self.quote_label = QLabel()
        self.quote_label.setWordWrap(True)
        self.quote_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setTabChangesFocus(True)  # Tab moves on; a note never holds a tab
        self.note_edit.setPlaceholderText(self.tr("Add a note to the selected bookmark…"))
        self.note_edit.setMaximumHeight(110)
        self.note_edit.setEnabled(False)
        self.note_edit.textChanged.connect(self._note_typed)

        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.group_combo)
        top.addWidget(more)
        layout = QVBoxLayout(self._bookmarks_tab)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.where_label)
        layout.addWidget(self.quote_label)
        layout.addWidget(self.note_edit)

    # --- public API --------------------------------------------------------------------------

    @property
    def store(self) -> BookmarkStore:
        return self._store

    @property
    def undo_stack(self) -> QUndoStack:
        return self._undo_stack

    @property
    def model(self) -> BookmarkTreeModel:
        return self._model

    def add_bookmark(self, doc_id: str, page0: int, y: float, section_ref: str = "",
                     section_title: str = "", quote: Quote | str = "", *,
                     content_hash: str = "", note: str = "",
                     edit_label: bool = False) -> Bookmark | None:
        """Save a bookmark at (page 0-based, y points) and select it in the tree; with
        *edit_label* (Ctrl+D, "Bookmark this section") the keyboard goes to its label, selected,
        so typing renames it and Enter keeps it.

        The label defaults to *section_title* (else the document title).  *quote* is the text
        there (``bookmarks.quotes.quote_at`` / ``quote_for_selection``).  Without *content_hash* the
        bookmark is re-checked against the file the next time :meth:`reanchor` runs.  Returns
        the bookmark, or None when the store refused (the user has been told).
        """
        try:
            bookmark = self._store.add(
                doc_id, int(page0) + 1, max(0.0, float(y)), content_hash=content_hash,
                section_ref=section_ref, quote=quote,
                label=section_title or self._title_of(doc_id), note=note)
        except (StoreError, ValueError) as exc:
            self.warn(self.tr("The bookmark could not be saved: {reason}").format(reason=exc))
            return None
        self._model.insert_bookmark(bookmark)
        self.tabs.setCurrentWidget(self._bookmarks_tab)
        self.select_bookmark(bookmark.id)
        if edit_label and not self._store.read_only:
            self._labels.edit_for_reader(self.tree.currentIndex(), QApplication.focusWidget())
        self._changed({doc_id})
        self.status_message.emit(self.tr("Bookmarked “{title}”").format(title=bookmark.title))
        return bookmark

    def bookmarked_sections(self, doc_id: str) -> set[str]:
        """Section refs (``DOC_ID#slug``) of *doc_id* holding a bookmark (tree markers)."""
        return self._store.bookmarked_sections(doc_id)

    def bookmark_positions(self, doc_id: str) -> list[tuple[int, float, str]]:
        """``[(page 0-based, y points, colour #rrggbb)]`` of *doc_id*'s bookmarks (margin
        markers); bookmarks that need attention are left out."""
        return [(b.page0, b.y, b.colour) for b in self._store.bookmarks(doc_id=doc_id)
                if not b.needs_attention]

    def needs_reanchor(self, doc_id: str, content_hash: str) -> bool:
        """True when some bookmark of *doc_id* was saved against another version of the file
        (then build ``bookmarks.quotes.text_map`` in a worker and call :meth:`reanchor`)."""
        return bool(self._store.stale(doc_id, content_hash))

    def reanchor(self, doc_id: str, content_hash: str, text_map: TextMap,
                 sections: list | None = None) -> ReanchorReport:
        """Find *doc_id*'s bookmarks again in a new version of the file (see
        :func:`brochure_reader.bookmarks.anchors.reanchor`) and show the result."""
        try:
            report = reanchor(self._store, doc_id, content_hash, text_map, sections)
        except StoreError as exc:
            self.warn(str(exc))
            return ReanchorReport(doc_id)
        if report.checked:
            self.refresh()
            self._changed({doc_id})
            self.status_message.emit(report.summary())
        return report

    def add_questions(self, texts: list[str], source: str) -> int:
        """Add a brochure's "Questions to ask" (*source* = its document id) to My questions and
        show that tab; returns how many were new."""
        count = self.questions.add_questions(texts, source)
        self.tabs.setCurrentWidget(self.questions)
        return count

    def refresh(self) -> None:
        """Reload everything from the store (keeps selection and collapsed groups)."""
        selected = self.selected_ids()
        try:
            bookmarks = self._store.bookmarks()
            names = [c.name for c in self._store.collections()]
        except StoreError as exc:
            self.warn(str(exc))
            return
        self._model.set_bookmarks(bookmarks, names)
        for bookmark_id in selected:
            self.select_bookmark(bookmark_id, clear=False)
        self.questions.reload()

    def poll_external_changes(self) -> bool:
        """Reload now when another process changed the database; returns True if it did."""
        return self.watcher.poll()

    def _changed_elsewhere(self) -> None:
        self.save_note()
        self.refresh()
        self.bookmarks_changed.emit("")

    def store_problems(self) -> list[str]:
        """What went wrong opening the store (damaged file replaced, migration, newer format)."""
        return list(self._store.messages)

    def show_store_problems(self) -> list[QMessageBox]:
        """Show each of :meth:`store_problems` in a (non-blocking) message box."""
        boxes = []
        for message in self._store.messages:
            boxes.append(open_warning(self, self.tr("Bookmarks"), message))
        return boxes

    def shutdown(self) -> None:
        """Save the note being edited (call when the app quits)."""
        self.save_note()

    # --- selection and view state --------------------------------------------------------

    def selected_ids(self) -> list[str]:
        """Ids of the selected bookmarks (groups are ignored), in view order, no repeats."""
        ids = [i.data(Roles.BookmarkIdRole) for i in self.tree.selectionModel().selectedIndexes()]
        return list(dict.fromkeys(i for i in ids if i))

    def select_bookmark(self, bookmark_id: str, clear: bool = True) -> bool:
        """Select (and scroll to) the first row showing *bookmark_id*."""
        indexes = self._model.indexes_of(bookmark_id)
        if not indexes:
            return False
        flags = self.tree.selectionModel().SelectionFlag
        mode = (flags.ClearAndSelect if clear else flags.Select) | flags.Rows
        self.tree.expand(indexes[0].parent())
        self.tree.selectionModel().setCurrentIndex(indexes[0], mode)
        self.tree.scrollTo(indexes[0])
        return True

    def _restore_view(self) -> None:
        for row in range(self._model.rowCount()):
            index = self._model.index(row, 0)
            self.tree.setExpanded(index, index.data(Roles.GroupKeyRole) not in self._collapsed)

    def _expand_new(self, parent: QModelIndex) -> None:
        if not parent.isValid():
            QTimer.singleShot(0, self._restore_view)

    def set_filter(self, text: str) -> None:
        if self.filter_edit.text() != text:
            self.filter_edit.setText(text)  # comes back here through textChanged
            return
        self._model.set_filter(text)

    def set_group_by(self, mode: str) -> None:
        """GROUP_BY_COLLECTION ("collection") or GROUP_BY_DOCUMENT ("document")."""
        index = self.group_combo.findData(mode)
        if index >= 0 and index != self.group_combo.currentIndex():
            self.group_combo.setCurrentIndex(index)  # comes back here
            return
        self._model.set_group_by(mode)

    def open_index(self, index: QModelIndex) -> None:
        """Ask to open the bookmark at *index* (a group: nothing)."""
        if index.data(Roles.KindRole) == "bookmark":
            self.open_requested.emit(index.data(Roles.DocIdRole), int(index.data(Roles.PageRole)),
                                     float(index.data(Roles.YRole)))

    def _open_current(self) -> None:
        index = self.tree.currentIndex()
        if index.isValid():
            self.open_index(index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if watched is self.tree and isinstance(event, QKeyEvent) \
                and event.type() == QEvent.Type.KeyPress \
                and self.tree.state() != QAbstractItemView.State.EditingState:
            if event.matches(QKeySequence.StandardKey.Delete):
                self.delete_selected()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._open_current()
                return True
        return super().eventFilter(watched, event)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.save_note()
        bookmark = current.data(Roles.BookmarkRole) if current.isValid() else None
        self._show_details(bookmark)

    def _show_details(self, bookmark: Bookmark | None) -> None:
        self._note_id = None
        self.note_edit.blockSignals(True)
        if bookmark is None:
            self.where_label.clear()
            self.quote_label.clear()
            self.note_edit.setPlainText("")
            self.note_edit.setEnabled(False)
        else:
            self._show_where(bookmark)
            self.note_edit.setPlainText(bookmark.note)
            self.note_edit.setEnabled(not self._store.read_only)
            self._note_id = bookmark.id
        self.note_edit.blockSignals(False)

    def _show_where(self, bookmark: Bookmark) -> None:
        where = self.tr("{document}, page {number}").format(
            document=self._title_of(bookmark.doc_id), number=bookmark.page)
        if bookmark.needs_attention:
            where += " — " + self.tr("not found in the latest version")
        self.where_label.setText(where)
        quote = bookmark.quote.exact
        self.quote_label.setText(f"“{quote}…”" if quote else "")

    # --- editing -------------------------------------------------------------------------------

    def warn(self, message: str) -> None:
        """Show a refusal (a store error, a file not imported) in a box and the status bar."""
        self.status_message.emit(message)
        open_warning(self, self.tr("Bookmarks"), message)

    def _changed(self, doc_ids: Iterable[str]) -> None:
        doc_ids = set(doc_ids)
        self.bookmarks_changed.emit(next(iter(doc_ids)) if len(doc_ids) == 1 else "")

    def _update(self, bookmark_id: str, change: Callable[[], Bookmark]) -> Bookmark | None:
        try:
            bookmark = change()
        except (StoreError, ValueError) as exc:
            self.warn(str(exc))
            self.refresh()
            return None
        was_current = self.tree.currentIndex().data(Roles.BookmarkIdRole) == bookmark_id
        self._model.update_bookmark(bookmark)
        if was_current and self.tree.currentIndex().data(Roles.BookmarkIdRole) != bookmark_id:
            self.select_bookmark(bookmark_id)  # a renamed bookmark that moved stays current
        if bookmark.id == self._note_id:
            if self._note_timer.isActive() or self.note_edit.toPlainText() == bookmark.note:
                self._show_where(bookmark)  # the user is typing: leave the note editor alone
            else:
                self._show_details(bookmark)
        self._changed({bookmark.doc_id})
        return bookmark

    def rename(self, bookmark_id: str, label: str) -> Bookmark | None:
        """Give a bookmark a new label."""
        return self._update(bookmark_id, lambda: self._store.update(bookmark_id, label=label))

    def set_note(self, bookmark_id: str, note: str) -> Bookmark | None:
        """Replace a bookmark's note (plain text)."""
        return self._update(bookmark_id, lambda: self._store.update(bookmark_id, note=note))

    def set_colour(self, bookmark_id: str, colour: str) -> Bookmark | None:
        """Set a bookmark's colour (palette name or ``#rrggbb``)."""
        return self._update(bookmark_id, lambda: self._store.update(bookmark_id, colour=colour))

    def move_to_collection(self, bookmark_ids: Iterable[str], name: str | None) -> None:
        """Put bookmarks in collection *name* only (created when new); None takes them out of
        every collection."""
        ids = list(bookmark_ids)
        for bookmark_id in ids:
            if self._update(bookmark_id,
                            partial(self._store.move_to_collection, bookmark_id, name)) is None:
                return
        if name:
            self.refresh()  # a new, or newly empty, collection group
        for bookmark_id in ids:  # all of them stay selected, the first one current
            self.select_bookmark(bookmark_id, clear=bookmark_id == ids[0])

    def keep_position(self, bookmark_id: str) -> Bookmark | None:
        """Accept a "needs attention" bookmark where it is now (clears the flag)."""
        def change() -> Bookmark:
            self._store.set_anchor(bookmark_id, ANCHOR_OK)
            return self._store.get(bookmark_id)

        return self._update(bookmark_id, change)

    def delete_text(self, count: int) -> str:
        """The undo step's name for deleting *count* bookmarks (more than one)."""
        return self.tr("Delete %n bookmark(s)", "", count)

    def delete_bookmarks(self, bookmark_ids: Iterable[str]) -> None:
        """Delete bookmarks (one undo step)."""
        found = [b for i in bookmark_ids if (b := self._model.bookmark(i)) is not None]
        if found:
            self.save_note()
            text = (
                self.tr("Delete “{title}”").format(title=found[0].title)
                if len(found) == 1
                else self.delete_text(len(found))
            )
            self._undo_stack.push(DeleteBookmarks(self, found, text))
            self.status_message.emit(self.tr("{action} — press Ctrl+Z to undo").format(
                action=self._undo_stack.undoText()))

    def bookmarks_removed(self, bookmarks: list[Bookmark]) -> None:
        """The undo step deleted *bookmarks* from the store (commands.BookmarkEdits)."""
        for b in bookmarks:
            self._model.remove_bookmark(b.id)
        self._changed({b.doc_id for b in bookmarks})

    def bookmarks_restored(self, bookmarks: list[Bookmark]) -> None:
        """Undo put *bookmarks* back in the store (commands.BookmarkEdits)."""
        for b in bookmarks:
            self._model.insert_bookmark(b)
        self._changed({b.doc_id for b in bookmarks})
        self.select_bookmark(bookmarks[0].id if bookmarks else "")

    def delete_selected(self) -> None:
        self.delete_bookmarks(self.selected_ids())

    def _note_typed(self) -> None:
        if self._note_id is not None:
            self._note_timer.start()

    def save_note(self) -> None:
        """Write the note being edited now (otherwise it is saved shortly after typing stops)."""
        self._note_timer.stop()
        bookmark_id = self._note_id
        if bookmark_id is None:
            return
        current = self._model.bookmark(bookmark_id)
        text = self.note_edit.toPlainText()
        if current is not None and current.note != text:
            self.set_note(bookmark_id, text)

    # --- collections -------------------------------------------------------------------------

    def rename_collection(self, old: str, new: str) -> None:
        try:
            self._store.rename_collection(old, new)
        except (StoreError, ValueError) as exc:
            self.warn(str(exc))
        self.refresh()
        self._changed(())

    def delete_collection(self, name: str) -> None:
        """Remove a collection; its bookmarks stay (in their other collections, or in "Not in
        a collection")."""
        try:
            self._store.delete_collection(name)
        except StoreError as exc:
            self.warn(str(exc))
        self.refresh()

    # --- import / export (exchange.BookmarkFiles) ---------------------------------------------

    def export_json(self, path: str, collection: str | None = None) -> int:
        """Write bookmarks (all, or one collection) as Web Annotation JSON; returns the count."""
        return self.files.export_json(path, collection)

    def import_json(self, path: str) -> ImportReport | None:
        """Merge a JSON export; shows and returns the ImportReport (None when refused)."""
        return self.files.import_json(path)

    def export_collection_pdf(self, path: str, collection: str | None,
                              done: Callable[[str], None] | None = None) -> None:
        """Write a collection (None: all bookmarks) as a PDF list, in a worker."""
        self.files.export_collection_pdf(path, collection, done)

    def _imported(self) -> None:
        self.refresh()
        self._changed(())

    # --- context menu --------------------------------------------------------------------------

    def _context_menu(self, pos) -> None:
        """The context menu at *pos* (viewport coordinates), for the row there; not modal."""
        index = self.tree.indexAt(pos)
        menu = self.menu_for(index)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    def menu_for(self, index: QModelIndex) -> QMenu:
        """The context menu for *index* (menus.context_menu; tests inspect it)."""
        return context_menu(self, index)
