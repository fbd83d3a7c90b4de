"""Bookmarks in and out of files: W3C Web Annotation JSON (``bookmarks.exchange``, read and
written here: small files) and a PDF list of a collection (``bookmarks.printout``, written in a
worker through the app's JobRunner), with the file dialogs that ask where."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from brochure_reader.bookmarks.store import BookmarkStore, StoreError
from brochure_reader.ui import file_dialogs
from brochure_reader.ui.i18n import translate
from brochure_reader.ui.jobs import JobRunner, user_message

if TYPE_CHECKING:
    from brochure_reader.bookmarks.exchange import ImportReport

#: What the file dialogs call a bookmarks export (a W3C Web Annotation JSON file): words a
#: carer understands.
BOOKMARKS_FILE = QT_TRANSLATE_NOOP("BookmarkFiles", "Bookmarks file (can be imported again)")


def humanise_slug(section_ref: str) -> str:
    """``"aml#what-to-do-about-a-fever"`` -> ``"What to do about a fever"``."""
    slug = section_ref.partition("#")[2]
    words = slug.replace("-", " ").strip()
    return words[:1].upper() + words[1:]


class BookmarkFiles(QObject):
    """Export and import for the bookmarks dock *parent* (dialogs and boxes open on it).

    *title_of(doc_id)* names documents in the PDF list; *jobs* writes the PDF in a worker
    (None: no PDF output)."""

    #: a short message for the status bar
    status_message = Signal(str)
    #: something could not be done: a sentence for the user
    failed = Signal(str)
    #: bookmarks came in from a file (the dock reloads from the store)
    imported = Signal()

    def __init__(
        self,
        store: BookmarkStore,
        title_of: Callable[[str], str],
        jobs: JobRunner | None,
        parent: QWidget,
    ):
        super().__init__(parent)
        self.store, self.title_of, self.jobs, self.window = store, title_of, jobs, parent

    def export_json(self, path: str, collection: str | None = None) -> int:
        """Write bookmarks (all, or one collection) as Web Annotation JSON; returns the count.
        Raises OSError when the file cannot be written."""
        from brochure_reader.bookmarks.exchange import export_file

        bookmarks = self.store.bookmarks(collection=collection)
        count = export_file(path, bookmarks, collection or self.tr("Brochure Reader bookmarks"))
        self.status_message.emit(
            self.tr("Exported %n bookmark(s) to {path}", "", count).format(path=path)
        )
        return count

    def import_json(self, path: str) -> ImportReport | None:
        """Merge a JSON export; shows and returns the ImportReport (None when the file was
        refused, after telling the user why)."""
        from brochure_reader.bookmarks.exchange import ExchangeError, import_file

        try:
            report = import_file(self.store, path)
        except (ExchangeError, StoreError, OSError) as exc:
            self.failed.emit(
                self.tr("{name} could not be imported: {reason}").format(
                    name=Path(path).name, reason=exc
                )
            )
            return None
        self.imported.emit()
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Import bookmarks"),
            "\n".join(report.lines()[:30]),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.status_message.emit(
            self.tr("Imported bookmarks: {summary}").format(summary=report.summary())
        )
        return report

    def export_collection_pdf(
        self, path: str, collection: str | None, done: Callable[[str], None] | None = None
    ) -> None:
        """Write a collection (None: all bookmarks) as a PDF list of labels, notes and
        passages, in a worker; *done(path)* runs on success."""
        from brochure_reader.bookmarks.printout import write_collection_pdf

        entries = [
            dict(
                label=b.title,
                document=self.title_of(b.doc_id),
                section=humanise_slug(b.section_ref) if b.section_ref else "",
                page=b.page,
                note=b.note,
                quote=b.quote.exact,
                colour=b.colour,
                needs_attention=b.needs_attention,
            )
            for b in self.store.bookmarks(collection=collection)
        ]
        title = collection or self.tr("My bookmarks")

        def written(_pages: int) -> None:
            self.status_message.emit(
                self.tr("Saved {title} to {path}").format(title=title, path=path)
            )
            if done is not None:
                done(path)

        if self.jobs is None:
            self.failed.emit(
                self.tr("The PDF could not be written: {reason}").format(
                    reason=self.tr("the document workers are not running.")
                )
            )
            return
        self.jobs.run(
            write_collection_pdf,
            (path, title, entries, self.tr("Collection") if collection else ""),
            parent=self,
        ).on_result(written).on_error(
            lambda exc: self.failed.emit(
                self.tr("The PDF could not be written: {reason}").format(reason=user_message(exc))
            )
        )

    # --- asking where ----------------------------------------------------------------------

    def choose_export(self, collection: str | None) -> None:
        """Ask for a file and export *collection* (None: all) as JSON or, by the file type
        chosen, as a PDF list."""
        name = (collection or self.tr("bookmarks")).replace("/", "-")
        pdf_filter = self.tr("PDF list to read or print") + " (*.pdf)"
        path, kind = file_dialogs.save_file(
            self.window,
            self.tr("Export bookmarks"),
            f"{name}.json",
            f"{translate('BookmarkFiles', BOOKMARKS_FILE)} (*.json);;{pdf_filter}",
        )
        if not path:
            return
        if path.lower().endswith(".pdf") or kind == pdf_filter:
            self.export_collection_pdf(
                path if path.lower().endswith(".pdf") else path + ".pdf", collection
            )
            return
        try:
            self.export_json(path, collection)
        except OSError as exc:
            self.failed.emit(
                self.tr("The bookmarks could not be exported: {reason}").format(
                    reason=exc.strerror or exc
                )
            )

    def choose_import(self) -> None:
        """Ask for a bookmarks file and merge it."""
        path = file_dialogs.open_file(
            self.window,
            self.tr("Import bookmarks"),
            f"{translate('BookmarkFiles', BOOKMARKS_FILE)} (*.json *.jsonld);;"
            + self.tr("All files (*)"),
        )
        if path:
            self.import_json(path)

    def choose_pdf_for(self, collection: str) -> None:
        """Ask for a file and write *collection* there as a PDF list."""
        path, _ = file_dialogs.save_file(
            self.window, self.tr("Export collection as PDF"), f"{collection}.pdf", "PDF (*.pdf)"
        )
        if path:
            self.export_collection_pdf(path, collection)
