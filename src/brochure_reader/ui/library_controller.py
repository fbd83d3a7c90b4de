"""The library as the window shows it: adding documents (chosen, dropped or opened from the
command line), removing the ones the user added, and the start page's "continue reading" notes.

Files are validated in a worker process (PyMuPDF never runs here) and then copied into the
user's pack by :func:`brochure_reader.library.imports.import_files`.  The window follows the
library through :attr:`LibraryController.added` and :attr:`LibraryController.removed`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from brochure_reader.files import SUPPORTED_SUFFIXES
from brochure_reader.library import Library
from brochure_reader.pdf import jobs as pdf_jobs
from brochure_reader.settings import Settings
from brochure_reader.ui import file_dialogs
from brochure_reader.ui.home_view import HomeView
from brochure_reader.ui.jobs import JobRunner
from brochure_reader.ui.reader import ReaderController

#: The Add to library file filter (the patterns stay; the words are translated where shown).
DOCUMENT_PATTERNS = " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)


class LibraryController(QObject):
    """Import, remove and the home page's notes for the window *parent*.

    Messages go to the user as boxes on *parent* (a file not added, a removal to confirm) and
    as :attr:`message` sentences for the status bar."""

    #: documents were added to the library (the navigation, search and index follow)
    added = Signal()
    #: a document was removed from the library
    removed = Signal()
    #: a sentence for the status bar that progress messages must not overwrite
    message = Signal(str)

    def __init__(
        self,
        library: Library,
        jobs: JobRunner,
        reader: ReaderController,
        settings: Settings,
        home: HomeView,
        parent: QWidget,
    ):
        super().__init__(parent)
        self.library, self.jobs, self.reader = library, jobs, reader
        self.settings, self.home, self.window = settings, home, parent

    # --- adding --------------------------------------------------------------------------

    def choose_files(self) -> None:
        """Ask for documents to add (the Add to library action)."""
        files = file_dialogs.open_files(
            self.window,
            self.tr("Add to library"),
            self.tr("Documents ({patterns})").format(patterns=DOCUMENT_PATTERNS)
            + ";;"
            + self.tr("All files (*)"),
        )
        if files:
            self.import_files([Path(f) for f in files])

    def import_files(self, files: Iterable[Path]) -> None:
        """Validate each file in a worker process, then copy it into the user's pack; each
        outcome is reported when its check arrives."""
        for path in files:
            self.jobs.run(pdf_jobs.validate, (str(path),)).on_result(
                partial(self._accepted, path)
            ).on_error(partial(self._refused, path))

    def _accepted(self, path: Path, info: dict) -> None:
        self._add(path, lambda _p: info)

    def _refused(self, path: Path, exc: BaseException) -> None:
        self._add(path, _raiser(exc))

    def _add(self, path: Path, validate: Callable[[Path], dict]) -> None:
        from brochure_reader.library.imports import import_files

        self._report(import_files(self.library, [path], validate))

    def _report(self, results) -> None:
        """Report each file's outcome; open what was added (or what was already there), so a
        protected file asks for its password at once."""
        for result in results:
            if result.status == "error":
                QMessageBox.warning(self.window, self.tr("Not added"), result.message)
                continue
            if result.status == "added":
                self.added.emit()
            self.reader.open(result.document.id)
            self.message.emit(
                self.tr("{name} is already in your library").format(name=result.source.name)
                if result.status == "duplicate"
                else self.tr("Added {name} to your library (under My documents)").format(
                    name=result.source.name
                )
            )

    # --- removing ------------------------------------------------------------------------

    def remove_current(self) -> None:
        """Remove the open document (the Remove from library action)."""
        doc = self.reader.current
        self.remove(doc.id if doc else "")

    def remove(self, doc_id: str) -> None:
        """Remove *doc_id* after asking; only documents the user added can go (a sentence
        says so for the others).  The user's original file is never touched."""
        from brochure_reader.library.imports import remove_document

        doc = self.library.get(doc_id) if doc_id in self.library else None
        if doc is None or not doc.removable:
            QMessageBox.information(
                self.window,
                self.tr("Remove from library"),
                self.tr("Open a document you added yourself to remove it."),
            )
            return
        answer = QMessageBox.question(
            self.window,
            self.tr("Remove from library"),
            self.tr("Remove “{title}” from your library?\nYour original file is not touched.")
            .format(title=doc.title),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self.reader.current is doc:
            self.reader.close_document()
        remove_document(self.library, doc.id)
        self.removed.emit()

    # --- the start page ------------------------------------------------------------------

    def refresh_home(self) -> None:
        """Fill the start page: the library, the recent documents, each of the four most
        recent with "page N · section" where the reader left it."""
        self.home.populate(
            self.library,
            self.settings.get("recent_documents"),
            self.library.problems,
            self.continue_notes(),
        )

    def continue_notes(self) -> dict[str, str]:
        """``{doc_id: "page 3 · Treatment"}`` for the four most recent documents with a saved
        place (page 1-based as people see it; the section is the one a little below the
        top of the view, once the document's outline is known)."""
        from brochure_reader.library.sections import section_at

        notes = {}
        for doc_id in self.settings.get("recent_documents")[:4]:
            position = self.settings.position(doc_id)
            if not position:
                continue
            page, y = int(position.get("page", 0)), float(position.get("y", 0.0))
            section = section_at(self.reader.sections.get(doc_id, []), page, y + 60.0)
            notes[doc_id] = self.tr("page {number}").format(number=page + 1) + (
                f" · {section.title}" if section else ""
            )
        return notes


def _raiser(exc: BaseException) -> Callable[[Path], dict]:
    """A validator that fails with *exc* (the worker's refusal), for ``import_files``."""

    def validate(_path: Path) -> dict:
        raise exc

    return validate
