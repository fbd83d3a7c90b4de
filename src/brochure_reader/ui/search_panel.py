"""The search panel: a search field, a scope selector and the results list.

Searches run as jobs of the ``local`` lane (``jobs.run(search_job, …)``: one thread, one SQLite
connection, reused), never on the GUI thread: typing is debounced, a newer search cancels the
one still queued, and a result that arrives after a newer request was made is dropped.  The
panel only *requests* things from the main window::

    panel = SearchPanel(index_path(paths.cache), jobs=main_window.jobs)
    panel.open_hit_requested.connect(main_window.open_hit)   # (doc_id, page 0-based, terms)
    panel.set_categories([(cat_id, title) for cat_id, title, _docs in library.by_category()])
    indexer.document_indexed.connect(panel.index_changed)
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from brochure_reader.search.engine import Scope, SearchResult
from brochure_reader.ui.accessibility import announce, name_clear_button
from brochure_reader.ui.jobs import log_error, user_message
from brochure_reader.ui.search_results import Roles, SearchResultsDelegate, SearchResultsModel

#: Milliseconds of typing pause before searching.
DEBOUNCE_MS = 200
#: Most hits shown.
RESULT_LIMIT = 100


class SearchPanel(QWidget):
    """Search field with search-as-you-type, scope, notes and grouped results."""

    #: a hit to show: (document id, page 0-based, words/phrases to highlight on that page)
    open_hit_requested = Signal(str, int, list)
    #: the query changed: highlights of the old one should leave the page
    query_changed = Signal()

    def __init__(self, index_path: str | Path, parent: QWidget | None = None, thesaurus=None,
                 debounce_ms: int = DEBOUNCE_MS, jobs=None):
        super().__init__(parent)
        if jobs is None:  # a panel of its own (tests, screenshots): its own runner
            from brochure_reader.ui.jobs import JobRunner

            jobs = JobRunner(parent=self)
            self._own_jobs = jobs
            workers = jobs.workers  # plain Python: still there when the panel is deleted
            self.destroyed.connect(lambda *_: workers.shutdown())
        else:
            self._own_jobs = None
        self._jobs = jobs
        self._index_path = Path(index_path)
        self._thesaurus = thesaurus
        self._op = None  # the search queued or running
        self._current_doc: str | None = None
        self._current_title = ""
        self._latest = [0]
        self._shown_request = 0
        self._result: SearchResult | None = None
        self._open_first_when_shown = False

        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Search the library (Ctrl+K)"))
        name_clear_button(self.field, self.tr("Clear the search"))
        self.field.setAccessibleName(self.tr("Search"))
        self.scope = QComboBox(self)
        self.scope.setAccessibleName(self.tr("Search in"))
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        self.notes.setOpenExternalLinks(False)
        self.notes.linkActivated.connect(self._on_link)
        self.notes.setAccessibleName(self.tr("Search notes"))
        self.model = SearchResultsModel(self)
        self.results = QListView(self)
        self.results.setModel(self.model)
        self.results.setItemDelegate(SearchResultsDelegate(self.results))
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setUniformItemSizes(False)
        # Lay the rows out again whenever the width changes: without word wrap a top-to-bottom
        # QListView only does so when its *height* changes, so rows measured before the scroll
        # bar appeared kept their height and the last line of each hit went under the next one.
        self.results.setWordWrap(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setAccessibleName(self.tr("Search results"))

        top = QHBoxLayout()
        top.addWidget(self.field, 3)
        top.addWidget(self.scope, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.notes)
        layout.addWidget(self.results, 1)
        self._fill_scopes([])

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(lambda: self._search(typing=True))
        self.field.textChanged.connect(self._on_text_changed)
        self.field.returnPressed.connect(self._on_return)
        self.scope.currentIndexChanged.connect(lambda _i: self._search(typing=False))
        self.results.clicked.connect(self._open_index)
        self.results.activated.connect(self._open_index)
        self.field.installEventFilter(self)


    # --- public API ---------------------------------------------------------------------------

    def focus_search(self, this_document: bool = False) -> None:
        """Put the cursor in the search field with its text selected.  The scope becomes the
        current document with *this_document* (Ctrl+F), else the whole library (Ctrl+K,
        Ctrl+Shift+F: "Search the library" never keeps the scope Ctrl+F left)."""
        if this_document and self._current_doc:
            self.scope.setCurrentIndex(self.scope.findData("document"))
        elif not this_document:
            self.scope.setCurrentIndex(self.scope.findData("library"))
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def set_current_document(self, doc_id: str | None, title: str | None = None) -> None:
        """Tell the panel which document is open (None: none), for the "This document" scope."""
        self._current_doc = doc_id
        self._current_title = title or doc_id or ""
        index = self.scope.findData("document")
        label = (
            self.tr("This document: {title}").format(title=self._current_title)
            if doc_id
            else self.tr("This document")
        )
        self.scope.setItemText(index, label)
        model = self.scope.model()  # a combo box's own model: a QStandardItemModel
        item = model.item(index) if isinstance(model, QStandardItemModel) else None
        if item is not None:
            item.setEnabled(doc_id is not None)
        if doc_id is None and self.scope.currentIndex() == index:
            self.scope.setCurrentIndex(0)
        elif self.scope.currentIndex() == index:
            self._search(typing=False)

    def set_categories(self, categories: list[tuple[str, str]]) -> None:
        """Offer these ``(category id, title)`` pairs as scopes."""
        self._fill_scopes(categories)

    def set_query(self, text: str) -> None:
        """Put *text* in the field and search at once."""
        self.field.setText(text)
        self._search(typing=False)

    def current_scope(self) -> Scope:
        kind, _sep, value = (self.scope.currentData() or "library").partition(":")
        if kind == "document":
            return Scope.document(self._current_doc) if self._current_doc else Scope.library()
        if kind == "category":
            return Scope.category(value)
        return Scope.library()

    def result(self) -> SearchResult | None:
        """The result shown now (None before the first search)."""
        return self._result

    @Slot()
    def index_changed(self) -> None:
        """The index gained documents: search again (debounced) if there is a query."""
        if self.field.text().strip():
            self._timer.start()

    def next_hit(self) -> bool:
        """Select and open the next hit (F3), wrapping at the end.  False when there is none."""
        return self._step(+1)

    def previous_hit(self) -> bool:
        """Select and open the previous hit (Shift+F3), wrapping.  False when there is none."""
        return self._step(-1)

    def shutdown(self) -> None:
        """Drop the search in progress and close the index connection (call when the app
        quits; a panel with a runner of its own also stops that)."""
        from brochure_reader.search.jobs import close_searchers

        if self._op is not None:
            self._op.cancel()
            self._op = None
        if self._jobs.closed:
            return
        self._jobs.run(close_searchers, (str(self._index_path),)).on_error(log_error)
        if self._own_jobs is not None:
            self._own_jobs.shutdown()

    # --- internals ----------------------------------------------------------------------------

    def _fill_scopes(self, categories: list[tuple[str, str]]) -> None:
        current = self.scope.currentData()
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItem(self.tr("Whole library"), "library")
        self.scope.addItem(self.tr("This document"), "document")
        for cat_id, title in categories:
            self.scope.addItem(title, f"category:{cat_id}")
        found = self.scope.findData(current) if current else 0
        self.scope.setCurrentIndex(max(found, 0))
        self.scope.blockSignals(False)
        self.set_current_document(self._current_doc, self._current_title)

    def _on_text_changed(self, _text: str) -> None:
        self._open_first_when_shown = False
        self.query_changed.emit()
        self._timer.start()

    def _search(self, typing: bool) -> None:
        self._timer.stop()
        text = self.field.text()
        self._latest[0] += 1
        if not text.strip():
            self._shown_request = self._latest[0]
            self._show_result(None)
            return
        from brochure_reader.search.jobs import search_job

        if self._op is not None:
            self._op.cancel()  # still queued: never runs; running: its result is dropped
        request = self._latest[0]
        self._op = self._jobs.run(
            search_job,
            (str(self._index_path), self._thesaurus, text, self.current_scope(), RESULT_LIMIT,
             typing),
            parent=self,
        ).on_result(lambda result: self._show(request, result)).on_error(
            lambda exc: self._show(request, SearchResult(text, message=self.tr(
                "Search failed: {reason}").format(reason=str(exc) or user_message(exc))))
        )

    def _show(self, request: int, result: SearchResult) -> None:
        if request != self._latest[0]:
            return  # stale: the user typed on
        self._shown_request = request
        self._show_result(result)
        if self._open_first_when_shown:
            self._open_first_when_shown = False
            self.next_hit()

    def _show_result(self, result: SearchResult | None) -> None:
        self._result = result
        self.model.set_result(result)
        self.notes.setText(self._notes_html(result))
        self.notes.setVisible(bool(self.notes.text()))
        if result is not None:
            announce(self.results, self._count_text(result))

    def _count_text(self, result: SearchResult) -> str:
        """The sentence a screen reader hears when results arrive: how many, in how many
        documents (or that there are none)."""
        hits, docs = self.model.hit_count(), self.model.document_count()
        if not hits:
            return self.tr("No results.")
        return (self.tr("%n result(s)", "", hits) + " "
                + self.tr("in %n document(s)", "", docs))  # fmt: skip

    def _notes_html(self, result: SearchResult | None) -> str:
        if result is None:
            return ""
        lines = []
        if result.definition:
            d = result.definition
            lines.append(f"<b>{html.escape(d.term)}</b> — {html.escape(d.text)} "
                         f"<a href='definition'>{html.escape(d.document_title)}, "
                         + self.tr("p. {number}").format(number=d.page + 1) + "</a>")
        if result.message:
            lines.append(html.escape(result.message))
        elif result.kind == "none" and not result.definition:
            return "<br>".join(self._no_answer_html(result))
        if result.corrected:
            lines.append(
                self.tr("No results for “{query}”. Showing results for “{suggestion}”.").format(
                    query=html.escape(result.query),
                    suggestion=html.escape(result.suggestion or ""),
                )
            )
        elif result.suggestion:
            lines.append(self.tr("Did you mean {suggestion}?").format(
                suggestion=f"<a href='suggest'>{html.escape(result.suggestion)}</a>"))  # fmt: skip
        if result.expansions:
            lines.append(self.tr("Also searching: {terms}").format(
                terms=html.escape(", ".join(result.expansions))))  # fmt: skip
        if result.partial:
            lines.append(self.tr("No page has all of your words; showing pages with some of them."))
        hits, docs = self.model.hit_count(), self.model.document_count()
        if hits:
            lines.append(self.tr("%n result(s)", "", hits) + " "
                         + self.tr("in %n document(s)", "", docs))  # fmt: skip
        elif not result.message:
            lines.append(self.tr("No results."))
        return "<br>".join(lines)

    @staticmethod
    def _no_answer_html(result: SearchResult) -> list[str]:
        """The "no brochure covers this yet" lines, the glossary's title a link to it."""
        lines = [html.escape(line) for line in result.no_answer()]
        lines[0] = f"<b>{lines[0]}</b>"
        if result.glossary:
            title = html.escape(result.glossary[1])
            lines[-1] = lines[-1].replace(title, f"<a href='glossary'>{title}</a>", 1)
        return lines

    def _on_link(self, link: str) -> None:
        """A link in the notes: the spelling suggestion, the glossary, or a definition."""
        result = self._result
        if result is None:
            return
        if link == "suggest" and result.suggestion:
            self.set_query(result.suggestion)
        elif link == "glossary" and result.glossary:
            self.open_hit_requested.emit(result.glossary[0], 0, [])
        elif link == "definition" and result.definition:
            d = result.definition
            self.open_hit_requested.emit(d.document_id, d.page, [d.term])

    def _on_return(self) -> None:
        """Enter: search now if the text changed, else open the selected (or first) hit."""
        stale = self._result is None or self._result.query != self.field.text()
        if self._timer.isActive() or stale:
            self._open_first_when_shown = True
            self._search(typing=False)
        elif self.results.currentIndex().isValid():
            self._open_index(self.results.currentIndex())
        else:
            self.next_hit()

    def _open_index(self, index) -> None:
        if not index.isValid() or index.data(Roles.KIND) != "hit":
            return
        self.results.setCurrentIndex(index)
        self.open_hit_requested.emit(
            index.data(Roles.DOCUMENT_ID), int(index.data(Roles.PAGE)), index.data(Roles.TERMS)
        )

    def _step(self, delta: int) -> bool:
        rows = self.model.hit_rows()
        if not rows:
            return False
        current = self.results.currentIndex().row() if self.results.currentIndex().isValid() else -1
        if current in rows:
            position = (rows.index(current) + delta) % len(rows)
        else:
            position = 0 if delta > 0 else len(rows) - 1
        index = self.model.index(rows[position], 0)
        self.results.scrollTo(index)
        self._open_index(index)
        return True

    def eventFilter(self, obj, event) -> bool:
        from PySide6.QtCore import QEvent

        if obj is self.field and event.type() == QEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_Down and self.model.hit_count():
            rows = self.model.hit_rows()
            self.results.setFocus()
            self.results.setCurrentIndex(self.model.index(rows[0], 0))
            return True
        return super().eventFilter(obj, event)

    def sizeHint(self) -> QSize:
        return QSize(360, 480)
