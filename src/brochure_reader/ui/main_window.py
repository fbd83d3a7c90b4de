"""The main window: only creates the widgets and wires their signals together."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
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
from brochure_reader.ui.actions import Actions
from brochure_reader.ui.home_view import HomeView
from brochure_reader.ui.navigation import NavigationModel, NavigationPanel
from brochure_reader.ui.page_view import PageView
from brochure_reader.ui.reader import ReaderController
from brochure_reader.ui.worker_bridge import DocumentService

DOCUMENT_FILTER = "Documents (*.pdf *.epub *.xps *.oxps *.cbz *.fb2 *.mobi);;All files (*)"


class MainWindow(QMainWindow):
    def __init__(
        self, paths: AppPaths, library: Library, settings: Settings, service: DocumentService
    ):
        super().__init__()
        self.paths, self.library, self.settings, self.service = paths, library, settings, service
        service.setParent(self)
        self.setWindowTitle(APP_TITLE)
        self.setAcceptDrops(True)
        self.resize(1280, 860)

        self.actions = Actions(self)
        self.home = HomeView(self)
        self.page_view = PageView(service, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.home)
        self.stack.addWidget(self.page_view)
        self.setCentralWidget(self.stack)

        self.nav_model = NavigationModel(library, self)
        self.navigation = NavigationPanel(self.nav_model, self)
        self.nav_dock = self._dock("Library", "navigation", self.navigation, Qt.LeftDockWidgetArea)
        self.resizeDocks([self.nav_dock], [340], Qt.Horizontal)

        self.reader = ReaderController(library, service, self.page_view, settings, self)
        self._build_toolbar()
        self._build_menus()
        self._connect()
        self.refresh_home()
        self._set_reading_enabled(False)
        self.statusBar().showMessage("Ready")

    # --- construction ------------------------------------------------------------------------

    def _dock(self, title: str, name: str, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{name}_dock")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_toolbar(self) -> None:
        a = self.actions
        bar = QToolBar("Reading", self)
        bar.setObjectName("reading_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        bar.setMovable(False)
        for action in (a.home, a.back, a.forward):
            bar.addAction(action)
        bar.addSeparator()
        bar.addWidget(QLabel(" Page ", self))
        self.page_box = QSpinBox(self)
        self.page_box.setAccessibleName("Page number")
        self.page_box.setKeyboardTracking(False)
        self.page_box.setMinimum(1)
        bar.addWidget(self.page_box)
        self.page_total = QLabel(" of 0 ", self)
        bar.addWidget(self.page_total)
        bar.addSeparator()
        for action in (a.zoom_out, a.zoom_in, a.fit_width, a.fit_page):
            bar.addAction(action)
        self.reading_toolbar = bar
        self.addToolBar(bar)

    def _build_menus(self) -> None:
        a = self.actions
        menu = self.menuBar().addMenu("&File")
        menu.addActions([a.add_to_library, a.remove_from_library])
        menu.addSeparator()
        menu.addAction(a.quit)
        menu = self.menuBar().addMenu("&View")
        menu.addActions([a.zoom_in, a.zoom_out, a.fit_width, a.fit_page])
        menu.addSeparator()
        self.view_menu = menu
        menu.addAction(self.nav_dock.toggleViewAction())
        menu = self.menuBar().addMenu("&Go")
        menu.addActions([a.home, a.back, a.forward, a.previous_page, a.next_page])
        self.go_menu = menu
        menu = self.menuBar().addMenu("&Help")
        menu.addAction(a.about)

    def _connect(self) -> None:
        a, view, reader = self.actions, self.page_view, self.reader
        a.quit.triggered.connect(self.close)
        a.home.triggered.connect(self.show_home)
        a.back.triggered.connect(view.go_back)
        a.forward.triggered.connect(view.go_forward)
        a.zoom_in.triggered.connect(view.zoom_in)
        a.zoom_out.triggered.connect(view.zoom_out)
        a.fit_width.triggered.connect(lambda: view.set_zoom_mode("fit-width"))
        a.fit_page.triggered.connect(lambda: view.set_zoom_mode("fit-page"))
        a.next_page.triggered.connect(lambda: view.go_to(view.current_page() + 1))
        a.previous_page.triggered.connect(lambda: view.go_to(view.current_page() - 1))
        a.copy.triggered.connect(view.copy_selection)
        a.add_to_library.triggered.connect(self.choose_files_to_import)
        a.remove_from_library.triggered.connect(self.remove_current_from_library)
        a.about.triggered.connect(self.show_about)
        view.scale_changed.connect(self._zoom_mode_changed)
        view.current_page_changed.connect(self._page_changed)
        view.message.connect(self.statusBar().showMessage)
        self.page_box.valueChanged.connect(
            lambda n: view.go_to(n - 1) if n - 1 != view.current_page() else None
        )
        self.home.open_requested.connect(lambda doc_id: reader.open(doc_id))
        self.navigation.open_requested.connect(reader.open)
        reader.sections_ready.connect(self.nav_model.set_sections)
        reader.document_opened.connect(self._document_opened)
        reader.section_changed.connect(self.navigation.show_current)
        reader.message.connect(self.statusBar().showMessage)
        self.service.worker_restarted.connect(
            lambda: self.statusBar().showMessage("A document worker stopped and was restarted")
        )

    # --- behaviour ----------------------------------------------------------------------------

    def start(self) -> None:
        """Called once the window is shown: start workers and background reading of outlines."""
        self.service.start()
        self.reader.load_outlines()

    def refresh_home(self) -> None:
        self.home.populate(
            self.library, self.settings.get("recent_documents"), self.library.problems
        )

    def show_home(self) -> None:
        self.reader.save_position()
        self.refresh_home()
        self.stack.setCurrentWidget(self.home)
        self.setWindowTitle(APP_TITLE)
        self._set_reading_enabled(False)

    def _set_reading_enabled(self, enabled: bool) -> None:
        """Page and zoom controls only make sense while a document is shown."""
        a = self.actions
        for action in (
            a.zoom_in,
            a.zoom_out,
            a.fit_width,
            a.fit_page,
            a.next_page,
            a.previous_page,
            a.back,
            a.forward,
        ):
            action.setEnabled(enabled)
        self.page_box.setEnabled(enabled)
        self.page_total.setEnabled(enabled)

    def _document_opened(self, doc_id: str) -> None:
        doc = self.library.get(doc_id)
        self.stack.setCurrentWidget(self.page_view)
        self._set_reading_enabled(True)
        self.page_view.setFocus()
        count = self.page_view.page_count
        self.page_box.setMaximum(max(1, count))
        self.page_total.setText(f" of {count} ")
        self.setWindowTitle(f"{doc.title} — {APP_TITLE}")
        self.actions.remove_from_library.setEnabled(doc.removable)

    def _page_changed(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        doc = self.page_view.document
        label = doc.labels[page] if doc and page < len(doc.labels) else ""
        total = f" of {self.page_view.page_count} "
        self.page_total.setText(
            total + (f"(page “{label}”) " if label and label != str(page + 1) else "")
        )

    def _zoom_mode_changed(self, _scale: float) -> None:
        mode = self.page_view.zoom_mode
        self.actions.fit_width.setChecked(mode == "fit-width")
        self.actions.fit_page.setChecked(mode == "fit-page")

    # --- importing ---------------------------------------------------------------------------

    def choose_files_to_import(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, "Add to library", str(Path.home()), DOCUMENT_FILTER
        )
        if files:
            self.import_files([Path(f) for f in files])

    def import_files(self, files: list[Path]) -> None:
        """Validate each file in a worker process, then copy it into the user's pack."""
        from brochure_reader.library.imports import import_files

        for path in files:

            def accepted(info, path=path) -> None:
                self._finish_import(import_files(self.library, [path], lambda _p: info))

            def refused(exc, path=path) -> None:
                self._finish_import(import_files(self.library, [path], _raiser(exc)))

            self.service.call("document:validate", (str(path),), accepted, refused)

    def _finish_import(self, results) -> None:
        for result in results:
            if result.status == "error":
                QMessageBox.warning(self, "Not added", result.message)
            elif result.status == "duplicate":
                self.statusBar().showMessage(f"{result.source.name}: already in the library")
            else:
                self.statusBar().showMessage(result.message)
                self.nav_model.set_library(self.library)
                for doc_id, sections in self.reader.sections.items():
                    self.nav_model.set_sections(doc_id, sections)
                self.reader.load_outlines()
                self.refresh_home()

    def remove_current_from_library(self) -> None:
        from brochure_reader.library.imports import remove_document

        doc = self.reader.current
        if doc is None or not doc.removable:
            QMessageBox.information(
                self, "Remove from library", "Open a document you added yourself to remove it."
            )
            return
        answer = QMessageBox.question(
            self,
            "Remove from library",
            f"Remove “{doc.title}” from your library?\nYour original file is not touched.",
        )
        if answer != QMessageBox.Yes:
            return
        self.reader.close_document()
        remove_document(self.library, doc.id)
        self.nav_model.set_library(self.library)
        self.show_home()

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            self.import_files(files)
            event.acceptProposedAction()

    # --- misc ----------------------------------------------------------------------------------

    def show_about(self) -> None:
        from brochure_reader.ui.about_dialog import show_about

        show_about(self, self.library)

    def closeEvent(self, event) -> None:
        self.reader.save_position()
        self.settings.set("window_geometry", bytes(self.saveGeometry().toBase64()).decode())
        self.settings.set("window_state", bytes(self.saveState().toBase64()).decode())
        try:
            self.settings.save()
        except OSError as exc:
            QMessageBox.warning(
                self,
                "Settings not saved",
                f"Your reading positions could not be saved: {exc.strerror}",
            )
        self.service.shutdown()
        super().closeEvent(event)

    def restore_layout(self) -> None:
        from PySide6.QtCore import QByteArray

        geometry = self.settings.get("window_geometry")
        state = self.settings.get("window_state")
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode()))
        if state:
            self.restoreState(QByteArray.fromBase64(state.encode()))

    def open_target(self, target: str | None) -> None:
        """Open ``DOC_ID[#slug]`` or a file path given on the command line."""
        if not target:
            return
        path = Path(target)
        if path.is_file():
            existing = None
            from brochure_reader.library.imports import file_sha256

            existing = self.library.find_by_hash(file_sha256(path))
            if existing is not None:
                self.reader.open(existing.id)
            else:
                self.import_files([path])
            return
        QTimer.singleShot(0, lambda: self.reader.open_ref(target))


def _raiser(exc: BaseException):
    def validate(_path):
        raise exc

    return validate
