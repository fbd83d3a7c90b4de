"""The main window: only creates the widgets and wires their signals together."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSpinBox,
    QStackedWidget,
    QToolBar,
)

from brochure_reader import APP_TITLE
from brochure_reader.library import Library
from brochure_reader.paths import AppPaths
from brochure_reader.settings import Settings
from brochure_reader.ui import file_dialogs
from brochure_reader.ui.accessibility import announce, give_mnemonics, keep_mnemonics
from brochure_reader.ui.actions import Actions
from brochure_reader.ui.home_view import HomeView
from brochure_reader.ui.jobs import JobRunner
from brochure_reader.ui.library_controller import LibraryController
from brochure_reader.ui.navigation import NavigationModel, NavigationPanel
from brochure_reader.ui.page_view import PageView
from brochure_reader.ui.reader import ReaderController

if TYPE_CHECKING:
    from brochure_reader.ui.help_window import HelpWindow

#: With a document to open at start-up, the docks are built once its first page is painted,
#: or after this many milliseconds when none is (see MainWindow.start_with).
FEATURES_DELAY_MS = 2000


class MainWindow(QMainWindow):
    #: Milliseconds :meth:`start_with` waits for the first page before it starts anyway;
    #: None: no fallback, only the first painted page starts the rest (tests of the order).
    features_delay_ms: int | None = FEATURES_DELAY_MS

    def __init__(
        self, paths: AppPaths, library: Library, settings: Settings, service: JobRunner
    ):
        super().__init__()
        self.paths, self.library, self.settings, self.service = paths, library, settings, service
        service.setParent(self)
        file_dialogs.remember_in(settings)  # dialogs start in the folder last used
        self.help_window: HelpWindow | None = None
        self.setWindowTitle(APP_TITLE)
        self.setAcceptDrops(True)
        self.resize(1280, 860)

        self.window_actions = Actions(self)
        self.home = HomeView(self)
        self.page_view = PageView(service, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.home)
        self.stack.addWidget(self.page_view)
        self.setCentralWidget(self.stack)

        self.nav_model = NavigationModel(library, self)
        self.navigation = NavigationPanel(self.nav_model, self)
        self.nav_dock = self._dock(
            self.tr("Library"), "navigation", self.navigation, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.resizeDocks([self.nav_dock], [340], Qt.Orientation.Horizontal)

        self.reader = ReaderController(library, service, self.page_view, settings, self)
        self.library_controller = LibraryController(
            library, service, self.reader, settings, self.home, self
        )
        self._text_view = None
        self._view_modes = None
        from brochure_reader.ui.settings_saver import SettingsSaver

        self.settings_saver = SettingsSaver(settings, self)  # positions saved as they change
        self.page_view.position_changed.connect(self.settings_saver.schedule)
        self.settings_saver.failed.connect(self._settings_not_saved)
        # a document unlocked this session becomes searchable (the password is never saved)
        self.features_ready = False  # search and bookmarks docks: built by start()
        self.reader.unlocked.connect(self._unlocked)
        self._closed = False
        self._notice = ""  # a status message that background progress must not overwrite
        from brochure_reader.ui.appearance import Appearance

        self.appearance = Appearance(settings, self)
        self.appearance.theme_changed.connect(self._theme_changed)
        self.appearance.page_colours.changed.connect(self.page_view.set_page_colours)
        self.page_view.set_page_colours(self.appearance.page_colours.value())
        self._build_toolbar()
        self._build_menus()
        self._connect()
        self.refresh_home()
        self._set_reading_enabled(False)
        self.statusBar().showMessage(self.tr("Ready"))
        self.statusBar().setAccessibleName(self.tr("Status"))
        self.menuBar().setAccessibleName(self.tr("Menu bar"))
        keep_mnemonics(self.menuBar())  # Alt+letter reaches every menu entry

    # --- construction ------------------------------------------------------------------------

    def _dock(self, title: str, name: str, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{name}_dock")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_search(self) -> None:
        from brochure_reader.search.index import index_path
        from brochure_reader.ui.indexer import IndexerController
        from brochure_reader.ui.search_panel import SearchPanel

        db = index_path(self.paths.cache)
        self.search_panel = SearchPanel(db, self, jobs=self.service)
        self.search_panel.set_categories(
            [(cat_id, title) for cat_id, title, _docs in self.library.by_category()]
        )
        self.search_dock = self._dock(
            self.tr("Search"), "search", self.search_panel, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.tabifyDockWidget(self.nav_dock, self.search_dock)
        self.nav_dock.raise_()
        self.indexer = IndexerController(self.service, db, self)
        self._reindex_pending = False
        self.indexer.finished.connect(self._indexing_finished)
        self.indexer.document_failed.connect(self._not_indexed)

    def _unlocked(self, _doc_id: str) -> None:
        """A document unlocked this session becomes searchable (the password is never saved)."""
        if self.features_ready:
            self._start_indexing()

    def _start_indexing(self) -> None:
        """Bring the search index up to date with the library (again after the running pass
        when one is going on, e.g. after an import)."""
        from brochure_reader.search.builder import specs_from_library

        specs = specs_from_library(self.library, self.reader.passwords())
        self._reindex_pending = not self.indexer.start(specs)

    def _not_indexed(self, doc_id: str, reason: str) -> None:
        """A document search cannot read: said in the status bar; one that crashed the
        worker twice is also listed on the start page (a locked one is expected, not listed)."""
        title = self.library.get(doc_id).title if doc_id in self.library else doc_id
        crashed = reason.startswith("could not be indexed")
        sentence = f"“{title}” is not in search results: {'it ' if crashed else ''}{reason}"
        if crashed and sentence not in self.library.problems:
            self.library.problems.append(sentence)
            self.refresh_home()
        self.statusBar().showMessage(sentence, 10000)

    def _indexing_finished(self) -> None:
        if self._reindex_pending:
            self._start_indexing()

    def _indexing_progress(self, done: int, total: int, title: str) -> None:
        if self.statusBar().currentMessage() == self._notice:
            return  # keep a message the reader should see (e.g. "Added …") on screen
        if done < total:
            self.statusBar().showMessage(
                self.tr("Preparing search: {done} of {total} ({title})").format(
                    done=done, total=total, title=title
                ),
                3000,
            )
        else:
            self.statusBar().showMessage(self.tr("Search is ready"), 3000)

    def open_search(self, this_document: bool = False) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_panel.focus_search(this_document)

    def _build_bookmarks(self) -> None:
        from brochure_reader.bookmarks import BookmarkStore
        from brochure_reader.ui.bookmarks.controller import BookmarkController
        from brochure_reader.ui.bookmarks.panel import BookmarksPanel

        def title_of(doc_id: str) -> str:
            return self.library.get(doc_id).title if doc_id in self.library else doc_id

        self.bookmark_store = BookmarkStore.open(self.paths)
        self.bookmarks = BookmarksPanel(
            self.bookmark_store, title_of, self.service, self
        )
        self.bookmarks_dock = self._dock(
            self.tr("Bookmarks"), "bookmarks", self.bookmarks, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        # One column of tabs on the left (Library | Search | Bookmarks): the page keeps the width.
        self.tabifyDockWidget(self.search_dock, self.bookmarks_dock)
        self.nav_dock.raise_()
        self.bookmark_controller = BookmarkController(
            self.bookmarks, self.reader, self.page_view, self.nav_model, self.service, self
        )

    def _build_toolbar(self) -> None:
        a = self.window_actions
        bar = QToolBar(self.tr("Reading"), self)
        bar.setObjectName("reading_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.setMovable(False)
        for action in (a.home, a.back, a.forward):
            bar.addAction(action)
        bar.addSeparator()
        bar.addWidget(QLabel(" " + self.tr("Page") + " ", self))
        self.page_box = QSpinBox(self)
        self.page_box.setAccessibleName(self.tr("Page number"))
        self.page_box.setKeyboardTracking(False)
        self.page_box.setMinimum(1)
        bar.addWidget(self.page_box)
        self.page_total = QLabel(" " + self.tr("of {total}").format(total=0) + " ", self)
        bar.addWidget(self.page_total)
        bar.addSeparator()
        for action in (a.zoom_out, a.zoom_in, a.fit_width, a.fit_page):
            bar.addAction(action)
        self.zoom_label = QLabel(" 100% ", self)
        self.zoom_label.setAccessibleName(self.tr("Zoom"))
        self.zoom_label.setToolTip(self.tr("Zoom (Ctrl + and Ctrl −)"))
        bar.addWidget(self.zoom_label)
        bar.addSeparator()
        bar.addAction(a.text_view)
        bar.addActions([a.read_aloud, a.stop_reading])
        bar.addSeparator()
        bar.addAction(a.add_bookmark)
        a.add_bookmark.setIconText(self.tr("Bookmark"))
        self.reading_toolbar = bar
        self.addToolBar(bar)

    def _build_menus(self) -> None:
        a = self.window_actions
        menu = self.menuBar().addMenu(self.tr("&File"))
        menu.addActions([a.add_to_library, a.remove_from_library])
        menu.addSeparator()
        menu.addActions([a.make_handout, a.export_pdf, a.print_preview, a.print])
        menu.addSeparator()
        menu.addAction(a.quit)
        menu = self.menuBar().addMenu(self.tr("&Edit"))
        menu.addActions([a.copy, a.add_bookmark, a.add_questions])
        menu.addSeparator()
        menu.addAction(a.preferences)
        self.edit_menu = menu
        menu = self.menuBar().addMenu(self.tr("&View"))
        menu.addActions([a.page_view, a.text_view])
        menu.addSeparator()
        menu.addActions([a.zoom_in, a.zoom_out, a.fit_width, a.fit_page])
        self.text_options_menu = menu.addMenu(self.tr("Te&xt view options"))
        self.text_options_menu.aboutToShow.connect(self._fill_text_options)
        menu.addSeparator()
        menu.addActions([a.read_aloud, a.stop_reading])
        self.reading_speed_menu = menu.addMenu(self.tr("Reading sp&eed"))
        menu.addSeparator()
        self.appearance.add_menus(menu)
        menu.addAction(a.larger_text)
        a.larger_text.setChecked(bool(self.settings.get("larger_text")))
        self.language_menu = a.add_language_menu(
            menu, self.settings.get("language") or "system", self._choose_language
        )
        self.language_actions = a.language
        menu.addSeparator()
        self.view_menu = menu
        menu.addAction(self.nav_dock.toggleViewAction())
        menu = self.menuBar().addMenu(self.tr("&Search"))
        menu.addActions([a.search, a.find, a.next_hit, a.previous_hit])
        menu = self.menuBar().addMenu(self.tr("&Go"))
        menu.addActions([a.home, a.back, a.forward, a.previous_page, a.next_page])
        self.go_menu = menu
        menu = self.menuBar().addMenu(self.tr("&Help"))
        menu.addActions([a.help, a.keyboard_shortcuts])
        menu.addSeparator()
        menu.addAction(a.about)

    def _choose_language(self, code: str) -> None:
        if code == (self.settings.get("language") or "system"):
            return
        self.settings.set("language", code)
        self.settings_saver.schedule()
        self._notice = self.tr("The new language applies when you next start Brochure Reader")
        self.statusBar().showMessage(self._notice, 10000)

    def _connect(self) -> None:
        a, view, reader = self.window_actions, self.page_view, self.reader
        a.quit.triggered.connect(self.close)
        a.home.triggered.connect(self.show_home)
        a.back.triggered.connect(view.go_back)
        a.forward.triggered.connect(view.go_forward)
        a.zoom_in.triggered.connect(
            lambda: self.text_view.zoom_in() if self._in_text() else self._zoom(view.zoom_in)
        )
        a.zoom_out.triggered.connect(
            lambda: self.text_view.zoom_out() if self._in_text() else self._zoom(view.zoom_out)
        )
        a.text_view.triggered.connect(
            lambda checked: self.view_modes.set_mode("text" if checked else "page")
        )
        a.page_view.triggered.connect(
            lambda checked: self.view_modes.set_mode("page" if checked else "text")
        )
        a.fit_width.triggered.connect(lambda: self._zoom(view.set_zoom_mode, "fit-width"))
        a.fit_page.triggered.connect(lambda: self._zoom(view.set_zoom_mode, "fit-page"))
        a.next_page.triggered.connect(lambda: view.go_to(view.current_page() + 1))
        a.previous_page.triggered.connect(lambda: view.go_to(view.current_page() - 1))
        a.copy.triggered.connect(
            lambda: self.text_view.copy() if self._in_text() else view.copy_selection()
        )
        lib = self.library_controller
        a.add_to_library.triggered.connect(lib.choose_files)
        a.remove_from_library.triggered.connect(lib.remove_current)
        lib.added.connect(self._documents_added)
        lib.removed.connect(self._document_removed)
        lib.message.connect(self._notify)
        a.about.triggered.connect(self.show_about)
        a.help.triggered.connect(lambda: self.show_help())
        a.keyboard_shortcuts.triggered.connect(lambda: self.show_help("shortcuts"))
        a.preferences.triggered.connect(self.show_preferences)
        a.larger_text.toggled.connect(self.set_larger_text)
        a.print.triggered.connect(lambda: self.print_current(False))
        a.print_preview.triggered.connect(lambda: self.print_current(True))
        a.export_pdf.triggered.connect(self.export_current)
        a.make_handout.triggered.connect(self.make_handout)
        self.navigation.context_menu_requested.connect(self._tree_menu)
        view.scale_changed.connect(self._zoom_mode_changed)
        view.current_page_changed.connect(self._page_changed)
        view.message.connect(self.statusBar().showMessage)
        self.page_box.valueChanged.connect(
            lambda n: view.go_to(n - 1) if n - 1 != view.current_page() else None
        )
        view.scale_changed.connect(self._scale_changed)
        self.home.open_requested.connect(lambda doc_id: reader.open(doc_id))
        self.navigation.open_requested.connect(reader.open)
        reader.sections_ready.connect(self.nav_model.set_sections)
        # "Continue reading" cards name the section once its outline is known
        self._home_timer = QTimer(self, singleShot=True, interval=300)
        self._home_timer.timeout.connect(
            lambda: self.refresh_home() if self.stack.currentWidget() is self.home else None
        )
        reader.sections_ready.connect(
            lambda doc_id, _s: (
                self._home_timer.start()
                if doc_id in self.settings.get("recent_documents")[:4]
                else None
            )
        )
        reader.document_opened.connect(self._document_opened)
        reader.section_changed.connect(self.navigation.show_current)
        reader.message.connect(self.statusBar().showMessage)
        self.service.worker_restarted.connect(
            lambda: self.statusBar().showMessage("A document worker stopped and was restarted")
        )

    def _build_features(self) -> None:
        """Search and bookmarks: built after the first paint so the window shows sooner."""
        self._build_search()
        self._build_bookmarks()
        a, reader = self.window_actions, self.reader
        undo_redo = [self.bookmarks.undo_action, self.bookmarks.redo_action]
        if self.edit_menu.actions():
            first = self.edit_menu.actions()[0]
            self.edit_menu.insertActions(first, undo_redo)
            self.edit_menu.insertSeparator(first)
        else:
            self.edit_menu.addActions(undo_redo)
            self.edit_menu.addSeparator()
        self.view_menu.addAction(self.search_dock.toggleViewAction())
        self.view_menu.addAction(self.bookmarks_dock.toggleViewAction())
        marks = self.bookmark_controller
        a.add_bookmark.triggered.connect(marks.bookmark_here)
        a.add_bookmark.triggered.connect(self.bookmarks_dock.raise_)
        a.add_questions.triggered.connect(
            lambda: marks.add_questions(reader.current.id) if reader.current else None
        )
        self.bookmarks.open_requested.connect(reader.open)
        self.bookmarks.status_message.connect(self.say)
        marks.message.connect(self.say)
        search = self.search_panel
        a.search.triggered.connect(lambda: self.open_search(False))
        a.find.triggered.connect(lambda: self.open_search(True))
        a.next_hit.triggered.connect(search.next_hit)
        a.previous_hit.triggered.connect(search.previous_hit)
        search.open_hit_requested.connect(reader.show_hits)
        search.open_hit_requested.connect(
            lambda *hit: self._view_modes.show_hits(*hit) if self._view_modes else None
        )
        marks.text_place = lambda: (
            (*place, self.view_modes.current_text_section())
            if self._in_text() and (place := self.view_modes.text_place()) is not None
            else None
        )
        search.query_changed.connect(self.page_view.clear_highlights)  # a new search
        self.indexer.progress.connect(self._indexing_progress)
        self.indexer.document_indexed.connect(lambda _doc_id: search.index_changed())
        reader.document_opened.connect(
            lambda doc_id: search.set_current_document(doc_id, self.library.get(doc_id).title)
        )
        if reader.current is not None:  # a document was opened before the docks existed
            search.set_current_document(reader.current.id, reader.current.title)
            marks.refresh_markers(reader.current.id)
        from brochure_reader.ui.read_aloud import ReadAloudController

        self.read_aloud = ReadAloudController(self, a, self.settings)
        self.read_aloud.fill_speed_menu(self.reading_speed_menu)
        self._restore_state()
        self.features_ready = True

    # --- the text view (built the first time it is needed) --------------------------------

    @property
    def text_view(self):
        """The text view (created on first use: nothing of it is imported before then)."""
        if self._text_view is None:
            from brochure_reader.ui.text_options import apply_text_options
            from brochure_reader.ui.text_view import TextView, text_palette_css

            self._text_view = TextView(self)
            self._text_view.set_reflowed(None, text_palette_css())
            apply_text_options(self._text_view, self.settings)
            self.stack.addWidget(self._text_view)
            self._text_view.text_size_changed.connect(self._text_size_changed)
            self._text_view.term_activated.connect(self.show_term)
        return self._text_view

    @property
    def view_modes(self):
        """The page/text view switch (created with the text view)."""
        if self._view_modes is None:
            from brochure_reader.ui.view_modes import ViewModes

            self._view_modes = ViewModes(
                self.stack, self.page_view, self.text_view, self.reader, self.settings,
                self.service, self,
            )
            self._view_modes.mode_changed.connect(self._mode_changed)
            self._view_modes.message.connect(self.statusBar().showMessage)
        return self._view_modes

    def _fill_text_options(self) -> None:
        """View > Text view options, filled the first time it opens."""
        if self.text_options_menu.actions():
            return
        from brochure_reader.ui.text_options import fill_text_options_menu

        fill_text_options_menu(self.text_options_menu, self.settings, lambda: self.text_view)

    def _in_text(self) -> bool:
        return self._view_modes is not None and self._view_modes.mode == "text"

    def _mode_changed(self, mode: str) -> None:
        self.window_actions.show_mode(mode, self.reader.current is not None)
        self._show_zoom()

    def _text_size_changed(self, percent: int) -> None:
        self.view_modes.remember_text_size(percent)
        self._show_zoom()

    def _zoom(self, change, *args) -> None:
        """A zoom chosen by the reader: applied and remembered for this document."""
        change(*args)
        doc = self.reader.current
        if doc is not None and self.page_view.document is not None:
            self.settings.set_document_value(doc.id, "zoom_mode", self.page_view.zoom_mode)
            self.settings.set_document_value(doc.id, "zoom", float(self.page_view.scale))

    def _scale_changed(self, _scale: float) -> None:
        self._show_zoom()

    def _show_zoom(self) -> None:
        """The zoom as a percentage: text size in the text view, page scale (100 % = a
        page at its printed size on a 96 dpi screen) in the page view."""
        from brochure_reader.ui.reader import REFLOW_SCALE

        if self._in_text():
            percent = self.text_view.text_size
        else:
            percent = round(self.page_view.scale / REFLOW_SCALE * 100)
        self.zoom_label.setText(" " + self.tr("{percent}%").format(percent=percent) + " ")

    # --- behaviour ----------------------------------------------------------------------------

    def start(self) -> None:
        """Called once the window has painted (or, with a document to open, once its first page
        has: :meth:`start_with`): start the workers, read every outline in the background,
        build the search and bookmarks docks, start indexing.  Only the first call does it."""
        if self.features_ready or self._closed:
            return
        self.service.start()
        self.reader.load_outlines()
        self._build_features()
        self._start_indexing()
        self.bookmarks.show_store_problems()
        if self.stack.currentWidget() is self.home:
            self.home.focus_card(0)  # the keyboard starts on the first card

    def start_with(self, target: str | None, view: str | None = None) -> None:
        """Start-up with a document named on the command line: open *target* (see
        :meth:`open_target`) first, and :meth:`start` the rest once its first page is painted,
        so the search and bookmarks docks (SQLite, the search engine, rapidfuzz) and the
        library's outlines do not delay the page the reader asked for.  When no page gets
        painted (the file fails or asks for a password, or it opens in the text view),
        :meth:`start` runs after :attr:`features_delay_ms` anyway.  Without a target:
        :meth:`start`."""
        if not target:
            self.start()
            self.open_target(None, view)
            return

        def first_page(_page: int) -> None:
            self.page_view.page_painted.disconnect(first_page)
            QTimer.singleShot(0, self, self.start)  # after this paint has reached the screen

        self.page_view.page_painted.connect(first_page)
        if self.features_delay_ms is not None:
            QTimer.singleShot(self.features_delay_ms, self, self.start)
        self.open_target(target, view)

    def _tree_menu(self, doc_id: str, ref: str, where) -> None:
        """Right-click in the library tree: open, bookmark, questions, remove."""
        from PySide6.QtWidgets import QMenu

        from brochure_reader.library.sections import find_section

        menu = QMenu(self)
        doc = self.library.get(doc_id)
        section = (
            find_section(self.reader.sections.get(doc_id, []), ref.partition("#")[2])
            if ref
            else None
        )
        if section is not None and section.page is not None:
            page = section.page
            menu.addAction(
                self.tr("Open this section"),
                lambda: self.reader.open(doc_id, page, section.y),
            )
            menu.addAction(
                self.tr("Put this section in a handout…"), lambda: self.make_handout([ref])
            )
            menu.addAction(
                self.tr("Bookmark this section"),
                lambda: self.bookmark_controller.bookmark_section(doc_id, section),
            )
        else:
            menu.addAction(self.tr("Open"), lambda: self.reader.open(doc_id))
        menu.addAction(
            self.tr("Add its questions to My questions"),
            lambda: self.bookmark_controller.add_questions(doc_id),
        )
        if doc.removable:
            menu.addSeparator()
            menu.addAction(
                self.tr("Remove from library…"), lambda: self.library_controller.remove(doc_id)
            )
        give_mnemonics(menu)
        menu.exec(where)

    # --- printing and handouts -------------------------------------------------------------------

    def _current_section_pages(self) -> list:
        """Page range of the section being read, offered as the print "Selection"."""
        from brochure_reader.handouts.ranges import section_page_range

        section = self.reader.current_section()
        if section is None or section.page is None or self.reader.current is None:
            return []
        sections = self.reader.sections[self.reader.current.id]
        return [section_page_range(sections, section, self.page_view.page_count)]

    def print_current(self, preview: bool) -> None:
        from brochure_reader.ui.printing import print_document

        doc, shown = self.reader.current, self.page_view.document
        if doc is None or shown is None:
            return
        print_document(
            self,
            self.service,
            doc.path,
            self._current_section_pages(),
            current_page=self.page_view.current_page(),
            password=shown.password,
            title=doc.title,
            preview=preview,
        )

    def export_current(self) -> None:
        """File > Export as PDF: ask which pages (the choices of printing), then where."""
        from brochure_reader.ui.printing import PageChoiceDialog, export_pdf

        doc, shown = self.reader.current, self.page_view.document
        if doc is None or shown is None:
            return
        section = self.reader.current_section()
        dialog = PageChoiceDialog(
            self,
            self.page_view.page_count,
            self.page_view.current_page(),
            self._current_section_pages(),
            section.title if section is not None else "",
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen() -> None:
            export_pdf(
                self,
                self.service,
                doc.path,
                dialog.choice().ranges(self.page_view.page_count),
                password=shown.password,
                title=doc.title,
                on_done=self.say,
            )

        dialog.accepted.connect(chosen)
        dialog.open()
        self.export_dialog = dialog

    def make_handout(self, refs: list[str] | None = None) -> None:
        from brochure_reader.ui.handout_dialog import HandoutDialog

        dialog = HandoutDialog(
            self, self.library, self.reader.sections, self.settings, self.service
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        section = self.reader.current_section()
        for ref in refs or ([section.ref] if section is not None else []):
            dialog.check_ref(ref)
        dialog.open()
        self.handout_dialog = dialog

    def set_larger_text(self, larger: bool) -> None:
        """View > Larger text: menus, lists and the start page at a bigger size (remembered)."""
        from PySide6.QtWidgets import QApplication

        from brochure_reader.ui.theme import apply_text_size

        self.settings.set("larger_text", bool(larger))
        apply_text_size(QApplication.instance(), bool(larger))
        self.refresh_home()  # the cards size their fonts from the application font

    def refresh_home(self) -> None:
        self.library_controller.refresh_home()

    def show_home(self) -> None:
        if self._in_text():
            self.view_modes.save_place()
        self.reader.save_position()
        self.refresh_home()
        self.page_total.setText(" " + self.tr("of {total}").format(total=0) + " ")
        self.stack.setCurrentWidget(self.home)
        self.home.focus_card(0)
        self.setWindowTitle(APP_TITLE)
        self._set_reading_enabled(False)

    def _set_reading_enabled(self, enabled: bool) -> None:
        """Page and zoom controls only make sense while a document is shown."""
        self.window_actions.set_reading_enabled(enabled)
        self.page_box.setEnabled(enabled)
        self.page_total.setEnabled(enabled)

    def _document_opened(self, doc_id: str) -> None:
        doc = self.library.get(doc_id)
        self._restore_zoom(doc)
        self._set_reading_enabled(True)
        last = self.settings.document_value(doc_id, "view", str(self.settings.get("view")))
        if self._view_modes is not None or last == "text":
            self.view_modes.document_opened(doc_id)
        else:
            self.stack.setCurrentWidget(self.page_view)
            self._mode_changed("page")
        if not self._in_text():
            self.page_view.setFocus()
        count = self.page_view.page_count
        self.page_box.setMaximum(max(1, count))
        self.page_total.setText(" " + self.tr("of {total}").format(total=count) + " ")
        self.setWindowTitle(f"{doc.title} — {APP_TITLE}")
        self.window_actions.remove_from_library.setEnabled(doc.removable)

    def _restore_zoom(self, doc) -> None:
        """The zoom this document had last time (e-books are always laid out at 100 %)."""
        from brochure_reader.ui.reader import is_reflowable

        if is_reflowable(doc.path):
            return
        mode = self.settings.document_value(doc.id, "zoom_mode", "")
        if mode in ("fit-width", "fit-page"):
            self.page_view.set_zoom_mode(mode)
        elif mode == "custom":
            self.page_view.set_scale(self.settings.document_value(doc.id, "zoom", 1.0))

    def _page_changed(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        doc = self.page_view.document
        label = doc.labels[page] if doc and page < len(doc.labels) else ""
        total = " " + self.tr("of {total}").format(total=self.page_view.page_count) + " "
        self.page_total.setText(
            total
            + (
                self.tr("(page “{label}”)").format(label=label) + " "
                if label and label != str(page + 1)
                else ""
            )
        )

    def _zoom_mode_changed(self, _scale: float) -> None:
        self.window_actions.show_zoom_mode(self.page_view.zoom_mode)

    # --- the library changed ------------------------------------------------------------------

    def _documents_added(self) -> None:
        """Documents were added: the tree, the search categories, outlines and the index
        follow (outlines and indexing wait for start() when the docks are not built yet)."""
        self.nav_model.set_library(self.library)
        if self.features_ready:
            self.search_panel.set_categories(
                [(cat_id, title) for cat_id, title, _docs in self.library.by_category()]
            )
        if self.features_ready:
            self.reader.load_outlines()
            self._start_indexing()
        self.refresh_home()

    def _document_removed(self) -> None:
        if self.features_ready:
            self._start_indexing()
        self.nav_model.set_library(self.library)
        self.show_home()

    def _notify(self, sentence: str) -> None:
        """A status message that background progress must not overwrite."""
        self._notice = sentence
        self.say(sentence, 8000)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            self.library_controller.import_files(files)
            event.acceptProposedAction()

    # --- misc ----------------------------------------------------------------------------------

    def show_term(self, slug: str, where) -> None:
        """The glossary pop-up for the term *slug* at the global point *where*."""
        from brochure_reader.ui.glossary_popup import GlossaryPopup
        from brochure_reader.ui.view_modes import glossary_matcher

        entry = glossary_matcher(self.library).entry(slug)
        if entry is None:
            return
        if getattr(self, "glossary_popup", None) is None:
            self.glossary_popup = GlossaryPopup(self)
            self.glossary_popup.open_requested.connect(self._open_in_glossary)
        self.glossary_popup.show_entry(entry, where)

    def _open_in_glossary(self, entry) -> None:
        glossary = next((d for d in self.library.documents() if "glossary" in d.tags), None)
        if glossary is not None:
            letter = entry.term[:1].casefold()
            self.open_target(f"{glossary.id}#{letter}", "text" if self._in_text() else "page")

    def show_preferences(self) -> None:
        from brochure_reader.ui.appearance import PreferencesDialog

        dialog = PreferencesDialog(
            self.appearance, self.window_actions.larger_text, self,
            language_actions=self.language_actions,
        )  # fmt: skip
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.preferences_dialog = dialog

    def _theme_changed(self, _theme) -> None:
        """A new theme: what draws its own colours is drawn again."""
        if self._text_view is not None:
            from brochure_reader.ui.text_view import text_palette_css

            self._text_view.set_style_sheet_css(text_palette_css())
        self.refresh_home()
        self.page_view.viewport().update()
        if self.features_ready:
            self.bookmarks.tree.viewport().update()

    def say(self, text: str, timeout: int = 0) -> None:
        """Show *text* in the status bar and have screen readers say it ("Bookmark added",
        "Saved 2 pages to …"); progress messages use the status bar alone, unannounced."""
        self.statusBar().showMessage(text, timeout)
        announce(self.statusBar(), text)

    def show_help(self, part: str = "") -> None:
        """Help > Help (F1), or one *part* of it ("shortcuts"); the sheet of keys is made
        from the menus each time, so it shows what the keys do now."""
        from brochure_reader.ui.help_window import HelpWindow

        if self.help_window is not None:
            self.help_window.close()
            self.help_window.deleteLater()
        self.help_window = window = HelpWindow(self.menuBar(), self.paths, self)
        window.show_part(part)

    def show_about(self) -> None:
        from brochure_reader.ui.about_dialog import show_about

        show_about(self, self.library)

    def closeEvent(self, event) -> None:
        if self._in_text():
            self.view_modes.save_place()
        else:
            self.reader.save_position()
        self.settings.set("window_geometry", bytes(self.saveGeometry().toBase64().data()).decode())
        self.settings.set("window_state", bytes(self.saveState().toBase64().data()).decode())
        sentence = self.settings_saver.flush()
        if sentence:
            QMessageBox.warning(self, self.tr("Settings not saved"), sentence)
        self._closed = True  # a start() still on a timer does nothing
        if self.features_ready:
            self.read_aloud.stop()
            self.indexer.cancel()
            self.search_panel.shutdown()
            self.bookmarks.shutdown()
            self.bookmark_store.close()
        self.service.shutdown()
        super().closeEvent(event)

    def _settings_not_saved(self, sentence: str) -> None:
        """Told once per session, without stopping the reader (no modal box mid-scroll)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Settings not saved"), sentence,
                          QMessageBox.StandardButton.Ok, self)
        box.setModal(False)
        box.show()

    def restore_layout(self) -> None:
        from PySide6.QtCore import QByteArray

        geometry = self.settings.get("window_geometry")
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode()))

    def _restore_state(self) -> None:
        """Dock positions from the last session (once every dock exists)."""
        from PySide6.QtCore import QByteArray

        state = self.settings.get("window_state")
        if state:
            self.restoreState(QByteArray.fromBase64(state.encode()))

    def open_target(self, target: str | None, view: str | None = None) -> None:
        """Open ``DOC_ID[#slug]`` or a file path given on the command line, in *view*
        ("page" or "text"; None: the document's last view)."""
        if view in ("page", "text"):
            self.view_modes.next_mode = view
        if not target:
            return
        path = Path(target)
        if path.is_file():
            from brochure_reader.files import file_sha256

            existing = self.library.find_by_hash(file_sha256(path))
            if existing is not None:
                self.reader.open(existing.id)
            else:
                self.library_controller.import_files([path])
            return
        QTimer.singleShot(0, lambda: self.reader.open_ref(target))

