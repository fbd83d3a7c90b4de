"""The bookmarks dock: a "Bookmarks" tab (tree, filter, note editor) and a "My questions" tab.

Self-contained: the main window creates it with a store, puts it in a dock and connects
:attr:`BookmarksPanel.open_requested`.  Every change is written to the store at once; deleting
bookmarks (and removing questions) goes through :attr:`BookmarksPanel.undo_stack`, whose
actions (:attr:`undo_action`, :attr:`redo_action`, Ctrl+Z / Ctrl+Shift+Z, active while the
panel has focus) the main window can also put in its Edit menu.

PyMuPDF work (PDF export, printing) runs as jobs through *jobs* (``JobRunner.run``); changes made
by another process (a second window, the CLI) are picked up by polling
``BookmarkStore.changed_elsewhere`` every two seconds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QPixmap,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
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
from brochure_reader.bookmarks.model import ANCHOR_OK, COLOURS, Bookmark, Quote
from brochure_reader.bookmarks.store import BookmarkStore, StoreError
from brochure_reader.ui import file_dialogs
from brochure_reader.ui.accessibility import name_clear_button
from brochure_reader.ui.bookmarks_model import (
    GROUP_BY_COLLECTION,
    GROUP_BY_DOCUMENT,
    BookmarkTreeModel,
    Roles,
)
from brochure_reader.ui.bookmarks_questions import QuestionsTab
from brochure_reader.ui.i18n import translate
from brochure_reader.ui.jobs import JobRunner, user_message

#: What the file dialogs call a bookmarks export (a W3C Web Annotation JSON file): words a
#: carer understands.
BOOKMARKS_FILE = QT_TRANSLATE_NOOP("BookmarksPanel", "Bookmarks file (can be imported again)")
#: Highlight colour names (keys of bookmarks.model.COLOURS) as the Colour menu shows them.
COLOUR_NAMES = {
    "yellow": QT_TRANSLATE_NOOP("BookmarksPanel", "Yellow"),
    "green": QT_TRANSLATE_NOOP("BookmarksPanel", "Green"),
    "blue": QT_TRANSLATE_NOOP("BookmarksPanel", "Blue"),
    "pink": QT_TRANSLATE_NOOP("BookmarksPanel", "Pink"),
    "orange": QT_TRANSLATE_NOOP("BookmarksPanel", "Orange"),
    "purple": QT_TRANSLATE_NOOP("BookmarksPanel", "Purple"),
}
#: How often (ms) the panel looks for changes made by another process.
POLL_INTERVAL_MS = 2000
#: Delay (ms) after the last keystroke before a note is saved.
NOTE_SAVE_DELAY_MS = 600


def humanise_slug(section_ref: str) -> str:
    """``"aml#what-to-do-about-a-fever"`` -> ``"What to do about a fever"``."""
    slug = section_ref.partition("#")[2]
    words = slug.replace("-", " ").strip()
    return words[:1].upper() + words[1:]


class _DeleteBookmarks(QUndoCommand):
    """Delete bookmarks; undo puts them back exactly (ids, times, collections)."""

    def __init__(self, panel: BookmarksPanel, bookmarks: list[Bookmark]):
        if len(bookmarks) == 1:
            text = translate("BookmarksPanel", "Delete “{title}”").format(title=bookmarks[0].title)
        else:
            text = panel.delete_text(len(bookmarks))
        super().__init__(text)
        self._panel = panel
        self._ids = [b.id for b in bookmarks]
        self._gone: list[Bookmark] = list(bookmarks)

    def redo(self) -> None:
        store = self._panel.store
        ids = [i for i in self._ids if store.exists(i)]
        try:
            self._gone = store.delete_many(ids) if ids else []
        except StoreError as exc:
            self._panel._warn(str(exc))
            return
        for b in self._gone:
            self._panel._model.remove_bookmark(b.id)
        self._panel._changed({b.doc_id for b in self._gone})

    def undo(self) -> None:
        try:
            self._panel.store.restore(self._gone)
        except StoreError as exc:
            self._panel._warn(str(exc))
            return
        for b in self._gone:
            self._panel._model.insert_bookmark(self._panel.store.get(b.id))
        self._panel._changed({b.doc_id for b in self._gone})
        self._panel.select_bookmark(self._gone[0].id if self._gone else "")


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
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_INTERVAL_MS)
        self._poll.timeout.connect(self.poll_external_changes)
        self._poll.start()
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
        menu = QMenu(more)
        menu.addAction(self.tr("Export all bookmarks…"), lambda: self._choose_export(None))
        menu.addAction(self.tr("Import bookmarks…"), self._choose_import)
        more.setMenu(menu)

        self.tree = QTreeView()
        self.tree.setObjectName("bookmarksTree")
        self.tree.setAccessibleName(self.tr("Bookmarks"))
        self.tree.setModel(self._model)
        self.tree.setHeaderHidden(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.clicked.connect(self._clicked)
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
            self._warn(self.tr("The bookmark could not be saved: {reason}").format(reason=exc))
            return None
        self._model.insert_bookmark(bookmark)
        self.tabs.setCurrentWidget(self._bookmarks_tab)
        self.select_bookmark(bookmark.id)
        if edit_label and not self._store.read_only:
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
            self.tree.edit(self.tree.currentIndex())
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
            self._warn(str(exc))
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
            self._warn(str(exc))
            return
        self._model.set_bookmarks(bookmarks, names)
        for bookmark_id in selected:
            self.select_bookmark(bookmark_id, clear=False)
        self.questions.reload()

    def poll_external_changes(self) -> bool:
        """Reload when another process changed the database; returns True if it did."""
        try:
            if not self._store.changed_elsewhere():
                return False
        except StoreError:
            return False  # unreadable just now; the next poll tries again
        self.save_note()
        self.refresh()
        self.bookmarks_changed.emit("")
        return True

    def store_problems(self) -> list[str]:
        """What went wrong opening the store (damaged file replaced, migration, newer format)."""
        return list(self._store.messages)

    def show_store_problems(self) -> list[QMessageBox]:
        """Show each of :meth:`store_problems` in a (non-blocking) message box."""
        boxes = []
        for message in self._store.messages:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Bookmarks"), message,
                              QMessageBox.StandardButton.Ok, self)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            boxes.append(box)
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

    def _clicked(self, index: QModelIndex) -> None:
        if index.data(Roles.KindRole) == "bookmark":
            self.open_requested.emit(index.data(Roles.DocIdRole), int(index.data(Roles.PageRole)),
                                     float(index.data(Roles.YRole)))

    def _open_current(self) -> None:
        index = self.tree.currentIndex()
        if index.isValid():
            self._clicked(index)

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

    def _warn(self, message: str) -> None:
        self.status_message.emit(message)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Bookmarks"), message,
                          QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _changed(self, doc_ids: Iterable[str]) -> None:
        doc_ids = set(doc_ids)
        self.bookmarks_changed.emit(next(iter(doc_ids)) if len(doc_ids) == 1 else "")

    def _update(self, bookmark_id: str, change: Callable[[], Bookmark]) -> Bookmark | None:
        try:
            bookmark = change()
        except (StoreError, ValueError) as exc:
            self._warn(str(exc))
            self.refresh()
            return None
        self._model.update_bookmark(bookmark)
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
        if ids:
            self.select_bookmark(ids[0])

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
            self._undo_stack.push(_DeleteBookmarks(self, found))
            self.status_message.emit(self.tr("{action} — press Ctrl+Z to undo").format(
                action=self._undo_stack.undoText()))

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
            self._warn(str(exc))
        self.refresh()
        self._changed(())

    def delete_collection(self, name: str) -> None:
        """Remove a collection; its bookmarks stay (in their other collections, or in "Not in
        a collection")."""
        try:
            self._store.delete_collection(name)
        except StoreError as exc:
            self._warn(str(exc))
        self.refresh()

    # --- import / export ---------------------------------------------------------------------

    def export_json(self, path: str, collection: str | None = None) -> int:
        """Write bookmarks (all, or one collection) as Web Annotation JSON; returns the count."""
        from brochure_reader.bookmarks.exchange import export_file

        bookmarks = self._store.bookmarks(collection=collection)
        count = export_file(path, bookmarks, collection or self.tr("Brochure Reader bookmarks"))
        self.status_message.emit(
            self.tr("Exported %n bookmark(s) to {path}", "", count).format(path=path))
        return count

    def import_json(self, path: str):
        """Merge a JSON export; shows and returns the ImportReport (None when the file was
        refused, after telling the user why)."""
        from brochure_reader.bookmarks.exchange import ExchangeError, import_file

        try:
            report = import_file(self._store, path)
        except (ExchangeError, StoreError, OSError) as exc:
            self._warn(self.tr("{name} could not be imported: {reason}").format(
                name=Path(path).name, reason=exc))
            return None
        self.refresh()
        self._changed(())
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Import bookmarks"),
                          "\n".join(report.lines()[:30]), QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.status_message.emit(self.tr("Imported bookmarks: {summary}").format(
            summary=report.summary()))
        return report

    def export_collection_pdf(self, path: str, collection: str | None,
                              done: Callable[[str], None] | None = None) -> None:
        """Write a collection (None: all bookmarks) as a PDF list of labels, notes and
        passages, in a worker; *done(path)* runs on success."""
        from brochure_reader.bookmarks.printout import write_collection_pdf

        entries = [dict(label=b.title, document=self._title_of(b.doc_id),
                        section=humanise_slug(b.section_ref) if b.section_ref else "",
                        page=b.page, note=b.note, quote=b.quote.exact, colour=b.colour,
                        needs_attention=b.needs_attention)
                   for b in self._store.bookmarks(collection=collection)]
        title = collection or self.tr("My bookmarks")

        def written(_pages: int) -> None:
            self.status_message.emit(self.tr("Saved {title} to {path}").format(
                title=title, path=path))
            if done is not None:
                done(path)

        if self._jobs is None:
            self._warn(self.tr("The PDF could not be written: {reason}").format(
                reason=self.tr("the document workers are not running.")))
            return
        self._jobs.run(
            write_collection_pdf,
            (path, title, entries, self.tr("Collection") if collection else ""),
            parent=self,
        ).on_result(written).on_error(
            lambda exc: self._warn(self.tr("The PDF could not be written: {reason}").format(
                reason=user_message(exc)))
        )

    def _choose_export(self, collection: str | None) -> None:
        name = (collection or self.tr("bookmarks")).replace("/", "-")
        pdf_filter = self.tr("PDF list to read or print") + " (*.pdf)"
        path, kind = file_dialogs.save_file(
            self, self.tr("Export bookmarks"), f"{name}.json",
            f"{translate('BookmarksPanel', BOOKMARKS_FILE)} (*.json);;{pdf_filter}")
        if not path:
            return
        if path.lower().endswith(".pdf") or kind == pdf_filter:
            self.export_collection_pdf(path if path.lower().endswith(".pdf") else path + ".pdf",
                                       collection)
            return
        try:
            self.export_json(path, collection)
        except OSError as exc:
            self._warn(self.tr("The bookmarks could not be exported: {reason}").format(
                reason=exc.strerror or exc))

    def _choose_import(self) -> None:
        path = file_dialogs.open_file(
            self, self.tr("Import bookmarks"),
            f"{translate('BookmarksPanel', BOOKMARKS_FILE)} (*.json *.jsonld);;"
            + self.tr("All files (*)"))
        if path:
            self.import_json(path)

    # --- context menu --------------------------------------------------------------------------

    def _context_menu(self, pos) -> None:
        index = self.tree.indexAt(pos)
        menu = self._menu_for(index)
        if not menu.isEmpty():
            menu.exec(self.tree.viewport().mapToGlobal(pos))
        menu.deleteLater()

    @staticmethod
    def _swatch(colour: str) -> QIcon:
        pixmap = QPixmap(14, 14)
        pixmap.fill(QColor(colour))
        return QIcon(pixmap)

    def _menu_for(self, index: QModelIndex) -> QMenu:
        """The context menu for *index* (built separately so tests can inspect it)."""
        menu = QMenu(self)
        kind = index.data(Roles.KindRole) if index.isValid() else None
        if kind == "bookmark":
            bookmark: Bookmark = index.data(Roles.BookmarkRole)
            ids = self.selected_ids() if bookmark.id in self.selected_ids() else [bookmark.id]
            menu.addAction(self.tr("Open"), lambda: self._clicked(index))
            menu.addAction(self.tr("Rename"), lambda: self.tree.edit(index))
            colours = menu.addMenu(self.tr("Colour"))
            for name, value in COLOURS.items():
                label = translate("BookmarksPanel", COLOUR_NAMES.get(name, name.capitalize()))
                action = colours.addAction(self._swatch(value), label)
                action.triggered.connect(
                    lambda _checked=False, v=value: [self.set_colour(i, v) for i in ids]
                )
                action.setCheckable(True)
                action.setChecked(value == bookmark.colour)
            move = menu.addMenu(self.tr("Move to collection"))
            for info in self._store.collections():
                move.addAction(info.name, partial(self.move_to_collection, ids, info.name))
            move.addSeparator()
            move.addAction(self.tr("New collection…"), lambda: self._new_collection(ids))
            move.addAction(self.tr("Not in a collection"),
                           lambda: self.move_to_collection(ids, None))
            if bookmark.needs_attention:
                menu.addAction(self.tr("Keep it at its old position"),
                               lambda: [self.keep_position(i) for i in ids])
            menu.addSeparator()
            menu.addAction(self.tr("Delete"), lambda: self.delete_bookmarks(ids))
        elif kind == "group":
            group_kind, value = index.data(Roles.GroupKeyRole)
            if group_kind == "collection":
                menu.addAction(self.tr("Export collection as PDF…"),
                               lambda: self._choose_pdf_for(value))
                menu.addAction(self.tr("Export collection as JSON…"),
                               lambda: self._choose_export(value))
                menu.addAction(self.tr("Rename collection…"),
                               lambda: self._ask_rename_collection(value))
                menu.addAction(self.tr("Delete collection (keep its bookmarks)"),
                               lambda: self.delete_collection(value))
        if not menu.isEmpty():
            menu.addSeparator()
        menu.addAction(self.undo_action)
        menu.addAction(self.tr("Export all bookmarks…"), lambda: self._choose_export(None))
        menu.addAction(self.tr("Import bookmarks…"), self._choose_import)
        return menu

    def _choose_pdf_for(self, collection: str) -> None:
        path, _ = file_dialogs.save_file(self, self.tr("Export collection as PDF"),
                                         f"{collection}.pdf", "PDF (*.pdf)")
        if path:
            self.export_collection_pdf(path, collection)

    def _new_collection(self, ids: list[str]) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New collection"),
                                        self.tr("Name of the new collection:"))
        if ok and name.strip():
            self.move_to_collection(ids, name)

    def _ask_rename_collection(self, old: str) -> None:
        new, ok = QInputDialog.getText(self, self.tr("Rename collection"), self.tr("New name:"),
                                       text=old)
        if ok and new.strip() and new != old:
            self.rename_collection(old, new)
