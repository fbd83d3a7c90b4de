"""The "My questions" tab of the bookmarks dock: a checkable, reorderable list.

Every change is written to the store at once; removing a question can be undone (it shares the
panel's QUndoStack; the step is ``commands.RemoveQuestion``, which calls
:meth:`QuestionsTab.apply`).  PDF output (save and print) runs ``bookmarks.printout`` in a worker
through the app's JobRunner.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QImage, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brochure_reader.bookmarks.model import Question
from brochure_reader.bookmarks.store import StoreError
from brochure_reader.ui import file_dialogs
from brochure_reader.ui.bookmarks.commands import RemoveQuestion
from brochure_reader.ui.jobs import user_message
from brochure_reader.ui.message_boxes import open_warning

if TYPE_CHECKING:
    from brochure_reader.bookmarks.questions import QuestionList

#: Resolution used to print the one-page PDF (dots per inch).
PRINT_DPI = 300

_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class QuestionsTab(QWidget):
    """List of "My questions" with add, tick, reorder, remove (undoable), save as PDF, print."""

    #: emitted after the list changed (added, ticked, moved, removed)
    questions_changed = Signal()
    #: a short message for the status bar
    status_message = Signal(str)

    def __init__(self, store, undo_stack, jobs, parent: QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self._undo = undo_stack
        self._jobs = jobs  # the app's JobRunner (None: no PDF output)
        self._loading = False
        self._printers: list = []  # printers kept alive while their page is rendered

        intro = QLabel(
            self.tr("Questions to take to your next appointment. Tick them when answered."))
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("questionsList")
        self.list.setAccessibleName(self.tr("My questions"))
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked)
        self.list.itemChanged.connect(self._item_changed)
        self.list.model().rowsMoved.connect(lambda *_: self._order_changed())
        self.list.model().rowsInserted.connect(lambda *_: self._order_changed())

        self.new_question = QLineEdit()
        self.new_question.setPlaceholderText(self.tr("Type your own question and press Enter"))
        self.new_question.setAccessibleName(self.tr("New question"))
        self.new_question.returnPressed.connect(self._add_typed)
        add = QPushButton(self.tr("Add"))
        add.clicked.connect(self._add_typed)

        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.remove_button.clicked.connect(self.remove_selected)
        suggested = QPushButton(self.tr("Add suggested questions"))
        suggested.setToolTip(self.tr("Add back any of the built-in questions you do not have"))
        suggested.clicked.connect(self.add_suggested)
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.clicked.connect(self._choose_pdf)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(lambda: self.print_questions())

        for key, slot in ((QKeySequence("Alt+Up"), lambda: self.move_selected(-1)),
                          (QKeySequence("Alt+Down"), lambda: self.move_selected(1)),
                          (QKeySequence(QKeySequence.StandardKey.Delete), self.remove_selected)):
            action = QAction(self)
            action.setShortcut(key)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.list.addAction(action)

        row = QHBoxLayout()
        row.addWidget(self.new_question, 1)
        row.addWidget(add)
        moves = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            moves.addWidget(button)
        outputs = QHBoxLayout()
        outputs.addWidget(suggested)
        outputs.addStretch(1)
        outputs.addWidget(self.pdf_button)
        outputs.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(moves)
        layout.addLayout(row)
        layout.addLayout(outputs)
        self.reload()

    # --- list <-> store --------------------------------------------------------------------

    def questions(self) -> list[Question]:
        """The questions in list order, from the store."""
        return self._store.questions.in_order()

    def reload(self) -> None:
        """Show the store's list (keeps the selected question selected)."""
        current = self.list.currentItem()
        keep = current.data(_ID_ROLE) if current is not None else None
        self._loading = True
        try:
            self.list.clear()
            for q in self.questions():
                item = QListWidgetItem(q.text)
                item.setData(_ID_ROLE, q.id)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                              | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable
                              | Qt.ItemFlag.ItemIsDragEnabled)
                item.setCheckState(Qt.CheckState.Checked if q.answered else Qt.CheckState.Unchecked)
                font = QFont(self.list.font())
                font.setStrikeOut(q.answered)
                item.setFont(font)
                item.setToolTip(self.tr("Answered") if q.answered else
                                self.tr("Tick when answered; drag or Alt+Up/Down to reorder"))
                self.list.addItem(item)
                if q.id == keep:
                    self.list.setCurrentItem(item, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        finally:
            self._loading = False

    def apply(self, change: Callable[[QuestionList], object]) -> bool:
        """Run ``change(question_list)``; report a store error; reload and signal."""
        try:
            change(self._store.questions)
        except (StoreError, KeyError, ValueError) as exc:
            self._warn(str(exc))
            self.reload()
            return False
        self.reload()
        self.questions_changed.emit()
        return True

    def _warn(self, message: str) -> None:
        self.status_message.emit(message)
        open_warning(self, self.tr("My questions"), message)

    def _item_changed(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        qid = item.data(_ID_ROLE)
        try:
            stored = self._store.questions.get(qid)
        except KeyError:
            self.reload()
            return
        answered = item.checkState() == Qt.CheckState.Checked
        text = " ".join(item.text().split())
        if answered != stored.answered:
            QTimer.singleShot(0, lambda: self.apply(lambda q: q.set_answered(qid, answered)))
        elif text != stored.text:
            if text:
                QTimer.singleShot(0, lambda: self.apply(lambda q: q.edit(qid, text)))
            else:
                QTimer.singleShot(0, self.reload)

    def _order_changed(self) -> None:
        if not self._loading:
            QTimer.singleShot(0, self._save_order)

    def _save_order(self) -> None:
        ids = [self.list.item(i).data(_ID_ROLE) for i in range(self.list.count())]
        ids = [i for i in ids if i]
        if ids != [q.id for q in self.questions()]:
            self.apply(lambda q: q.reorder(ids))

    # --- actions ---------------------------------------------------------------------------

    def _select(self, question_id: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(_ID_ROLE) == question_id:
                self.list.setCurrentRow(i)
                return

    def add_question(self, text: str) -> Question | None:
        """Add an own question at the end; None when empty or already there."""
        added: list = []
        if not " ".join(text.split()):
            return None
        self.apply(lambda q: added.append(q.add(text)))
        if added and added[0] is not None:
            self._select(added[0].id)
            return added[0]
        self.status_message.emit(self.tr("That question is already in your list"))
        return None

    def _add_typed(self) -> None:
        if self.add_question(self.new_question.text()) is not None:
            self.new_question.clear()

    def add_questions(self, texts: list[str], source: str) -> int:
        """Add several questions (e.g. a brochure's "Questions to ask"); returns how many were
        new.  *source* is the document id they came from."""
        added: list = []
        self.apply(lambda q: added.extend(q.add_many(texts, source)))
        message = self.tr("Added %n question(s) to My questions", "", len(added))
        if len(added) < len(texts):
            message += " " + self.tr("(%n already there)", "", len(texts) - len(added))
        self.status_message.emit(message)
        return len(added)

    def add_suggested(self) -> int:
        """Add back the built-in questions that are missing; returns how many."""
        added: list = []
        self.apply(lambda q: added.extend(q.add_builtin()))
        return len(added)

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(_ID_ROLE) if item is not None else None

    def move_selected(self, delta: int) -> None:
        """Move the selected question up (-1) or down (+1)."""
        qid = self.selected_id()
        if qid is None:
            return
        row = self.list.currentRow()
        if self.apply(lambda q: q.move(qid, max(0, row + delta))):
            self._select(qid)

    def remove_selected(self) -> None:
        """Remove the selected question (undoable)."""
        qid = self.selected_id()
        if qid is None:
            return
        try:
            question = self._store.questions.get(qid)
        except KeyError:
            self.reload()
            return
        self._undo.push(RemoveQuestion(self, question))

    def set_answered(self, question_id: str, answered: bool) -> None:
        self.apply(lambda q: q.set_answered(question_id, answered))

    # --- PDF -------------------------------------------------------------------------------

    def _pdf_data(self) -> list[dict]:
        return [{"text": q.text, "answered": q.answered} for q in self.questions()]

    def _choose_pdf(self) -> None:
        path, _ = file_dialogs.save_file(
            self, self.tr("Save my questions as PDF"), self.tr("My questions") + ".pdf",
            "PDF (*.pdf)")
        if path:
            self.export_pdf(path)

    def export_pdf(self, path: str, done: Callable[[str], None] | None = None,
                   failed: Callable[[], None] | None = None) -> None:
        """Write the one-page PDF to *path* in a worker; *done(path)* runs on success,
        *failed()* after the user was told about a failure."""
        from brochure_reader.bookmarks.printout import write_questions_pdf

        def written(_scale: float) -> None:
            self.status_message.emit(self.tr("Saved My questions to {path}").format(path=path))
            if done is not None:
                done(path)

        def refused(error: BaseException) -> None:
            self._warn(self.tr("My questions could not be saved as a PDF: {reason}").format(
                reason=user_message(error)))
            if failed is not None:
                failed()

        if self._jobs is None:
            refused(RuntimeError(self.tr("the document workers are not running")))
            return
        self._jobs.run(write_questions_pdf, (path, self._pdf_data()), parent=self) \
            .on_result(written).on_error(refused)

    def print_questions(self, printer=None) -> None:
        """Print the one-page sheet.  Without *printer* a print dialog is shown first."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return
        self._printers.append(printer)
        folder = Path(tempfile.mkdtemp(prefix="brochure-reader-print-"))
        pdf = str(folder / "my-questions.pdf")

        def clean_up() -> None:
            self._printers.remove(printer)
            try:
                for leftover in folder.iterdir():
                    leftover.unlink(missing_ok=True)
                folder.rmdir()
            except OSError:
                pass  # still open in a worker (Windows); the temp folder is cleaned later

        def not_rendered(error: BaseException) -> None:
            clean_up()
            self._warn(self.tr("My questions could not be printed: {reason}").format(
                reason=user_message(error)))

        def rendered(result) -> None:
            try:
                width, height, stride, samples = result
                image = QImage(samples, width, height, stride, QImage.Format.Format_RGB888)
                painter = QPainter()
                if not painter.begin(printer):
                    self._warn(self.tr("The printer could not be started."))
                    return
                area = printer.pageLayout().paintRectPixels(printer.resolution())
                scale = min(area.width() / width, area.height() / height)
                painter.drawImage(QRectF(0, 0, width * scale, height * scale), image)
                painter.end()
                self.status_message.emit(self.tr("Sent My questions to the printer"))
            finally:
                clean_up()

        def written(_path: str) -> None:
            from brochure_reader.pdf.jobs import render_page

            self._jobs.run(render_page, (pdf, None, 0, PRINT_DPI / 72.0), parent=self) \
                .on_result(rendered).on_error(not_rendered)

        self.export_pdf(pdf, written, clean_up)
