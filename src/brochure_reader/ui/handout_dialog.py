"""File > Make a handout…: choose sections, order them, add a cover, preview, save or print.

The handout is composed in a worker process (:func:`brochure_reader.handouts.compose_handout`)
each time the choice changes (after a short pause); results of an older choice are dropped.  The
preview shows the composed pages, rendered by the workers.  Clinic details are remembered in the
settings (key ``"clinic"``).
"""

from __future__ import annotations

import shutil
import tempfile
from functools import partial
from pathlib import Path

from PySide6.QtCore import QDate, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from brochure_reader.files import atomic_write_bytes
from brochure_reader.handouts import CoverDetails, HandoutRequest, RangeError, plan_handout
from brochure_reader.handouts.compose import compose_handout
from brochure_reader.handouts.ranges import section_page_range
from brochure_reader.library import Document, Library, LibraryError, Section
from brochure_reader.pdf import jobs as pdf_jobs
from brochure_reader.settings import Settings
from brochure_reader.ui import file_dialogs
from brochure_reader.ui.accessibility import announce
from brochure_reader.ui.jobs import JobRunner, log_error

REF_ROLE = Qt.ItemDataRole.UserRole
#: Pause (ms) after the last change before the handout is composed again.
COMPOSE_DELAY = 500
THUMB_SCALE = 0.32
#: Size of a preview page (A4 proportions).
THUMB_SIZE = QSize(180, 255)
CHECKED, UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked


class _Texts(QObject):
    """Texts of the module's functions.  lupdate reads a plural only from a ``tr()`` call (or
    a ``translate()`` whose count is a literal), so plurals outside a QObject live here."""

    def pages_text(self, first: int, last: int) -> str:
        """``p. 3 · 1 page``, ``pp. 3–5 · 3 pages`` (0-based *first*, *last*)."""
        if first == last:
            where = self.tr("p. {number}").format(number=first + 1)
        else:
            where = self.tr("pp. {first}–{last}").format(first=first + 1, last=last + 1)
        return f"{where} · " + self.tr("%n page(s)", "", last - first + 1)


def _pages_text(first: int, last: int) -> str:
    return _Texts().pages_text(first, last)


class HandoutDialog(QDialog):
    """The handout builder.  *sections_by_doc* maps document ids to their section trees (those
    the reader already knows; the others are read when the dialog opens)."""

    #: the composed handout changed (page count; 0 while nothing is chosen)
    handout_ready = Signal(int)

    def __init__(
        self,
        parent: QWidget | None,
        library: Library,
        sections_by_doc: dict[str, list[Section]],
        settings: Settings,
        service: JobRunner,
    ):
        super().__init__(parent)
        self.library, self.settings, self.service = library, settings, service
        self.sections: dict[str, list[Section]] = dict(sections_by_doc)
        self.page_counts: dict[str, int] = {}
        self.handout = None  # the last composed Handout
        self.rendered_pages = 0  # preview pages drawn so far
        self._generation = 0
        self._futures: list = []
        self._tmp = Path(tempfile.mkdtemp(prefix="brochure-handout-"))
        self.setWindowTitle(self.tr("Make a handout"))
        self.resize(1240, 780)
        self._compose_timer = QTimer(self, singleShot=True, interval=COMPOSE_DELAY)
        self._compose_timer.timeout.connect(self.compose)
        self._build()
        self._load_clinic()
        self._populate()
        self._read_infos()
        self._update_buttons()

    # --- construction ------------------------------------------------------------------------

    def _build(self) -> None:
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Documents and sections"), self.tr("Pages")])
        self.tree.setAccessibleName(self.tr("Documents and sections to choose from"))
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.itemChanged.connect(self._item_changed)

        self.chosen = QListWidget(self)
        self.chosen.setAccessibleName(self.tr("Sections in the handout, in order"))
        self.chosen.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.chosen.model().rowsMoved.connect(lambda *_: self._changed())
        self.chosen.currentRowChanged.connect(lambda _r: self._update_buttons())
        self.up_button = QPushButton(self.tr("Move &up"), self)
        self.down_button = QPushButton(self.tr("Move &down"), self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.remove_button.clicked.connect(self._remove_current)
        order = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            order.addWidget(button)
        order.addStretch(1)

        self.cover_box = QGroupBox(self.tr("&Cover page"), self)
        self.cover_box.setCheckable(True)
        self.cover_box.setChecked(True)
        self.clinic_edit = QLineEdit(self)
        self.clinician_edit = QLineEdit(self)
        self.contact_edit = QPlainTextEdit(self)
        self.contact_edit.setPlaceholderText(self.tr("Phone numbers, ward, when to call"))
        self.contact_edit.setTabChangesFocus(True)
        self.contact_edit.setFixedHeight(56)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setPlaceholderText(self.tr("A note for your patient (optional)"))
        self.note_edit.setTabChangesFocus(True)
        self.date_edit = QDateEdit(QDate.currentDate(), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMMM yyyy")
        form = QFormLayout(self.cover_box)
        form.addRow(self.tr("C&linic:"), self.clinic_edit)
        form.addRow(self.tr("Clinic&ian:"), self.clinician_edit)
        form.addRow(self.tr("Con&tact:"), self.contact_edit)
        form.addRow(self.tr("&Note:"), self.note_edit)
        form.addRow(self.tr("D&ate:"), self.date_edit)
        self.large_print = QCheckBox(
            self.tr("Lar&ge print (18 pt; reflowed where the leaflet allows)"), self
        )

        for signal in (
            self.cover_box.toggled,
            self.clinic_edit.textChanged,
            self.clinician_edit.textChanged,
            self.contact_edit.textChanged,
            self.note_edit.textChanged,
            self.date_edit.dateChanged,
            self.large_print.toggled,
        ):
            signal.connect(lambda *_: self._changed())

        self.preview = QListWidget(self)
        self.preview.setAccessibleName(self.tr("Preview of the handout pages"))
        self.preview.setViewMode(QListView.ViewMode.IconMode)
        self.preview.setIconSize(THUMB_SIZE)
        self.preview.setGridSize(QSize(THUMB_SIZE.width() + 16, THUMB_SIZE.height() + 30))
        self.preview.setUniformItemSizes(True)
        self.preview.setResizeMode(QListView.ResizeMode.Adjust)
        self.preview.setMovement(QListView.Movement.Static)
        self.preview.setSpacing(8)
        self.preview.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.preview.setStyleSheet("QListWidget { background: #7d848c; color: white; }")
        self.status = QLabel(self.tr("Tick the sections to put in the handout."), self)
        self.status.setWordWrap(True)

        left = QWidget(self)
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(self.tr("<b>1. Choose</b> sections (or a whole document)"), self))
        lay.addWidget(self.tree, 3)
        lay.addWidget(QLabel(self.tr("<b>2. Order</b> — drag, or use the buttons"), self))
        lay.addWidget(self.chosen, 1)
        lay.addLayout(order)

        middle = QWidget(self)
        lay = QVBoxLayout(middle)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(self.tr("<b>3. Add</b> a cover for your patient"), self))
        lay.addWidget(self.cover_box)
        lay.addWidget(self.large_print)
        lay.addStretch(1)

        right = QWidget(self)
        lay = QVBoxLayout(right)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(self.tr("<b>Preview</b>"), self))
        lay.addWidget(self.preview, 1)
        lay.addWidget(self.status)

        splitter = QSplitter(self)
        for widget in (left, middle, right):
            splitter.addWidget(widget)
        splitter.setSizes([520, 300, 360])  # section titles need the room more than the preview
        splitter.setChildrenCollapsible(False)

        self.buttons = QDialogButtonBox(self)
        action = QDialogButtonBox.ButtonRole.ActionRole
        self.save_button = self.buttons.addButton(self.tr("&Save as PDF…"), action)
        self.print_button = self.buttons.addButton(self.tr("&Print…"), action)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.save_button.clicked.connect(lambda: self.save_as())
        self.print_button.clicked.connect(self.print_handout)
        self.buttons.rejected.connect(self.reject)

        outer = QVBoxLayout(self)
        outer.addWidget(splitter, 1)
        outer.addWidget(self.buttons)

    def _load_clinic(self) -> None:
        clinic = self.settings.get("clinic") or {}
        if isinstance(clinic, dict):
            self.clinic_edit.setText(str(clinic.get("clinic", "")))
            self.clinician_edit.setText(str(clinic.get("clinician", "")))
            self.contact_edit.setPlainText(str(clinic.get("contact", "")))

    def remember_clinic(self) -> None:
        """Keep clinic, clinician and contact in the settings for the next handout."""
        self.settings.set(
            "clinic",
            {
                "clinic": self.clinic_edit.text().strip(),
                "clinician": self.clinician_edit.text().strip(),
                "contact": self.contact_edit.toPlainText().strip(),
            },
        )
        try:
            self.settings.save()
        except OSError:
            pass  # not worth interrupting the clinician; it is saved again on exit

    # --- the tree ------------------------------------------------------------------------------

    def _populate(self) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        self._doc_items: dict[str, QTreeWidgetItem] = {}
        for _category, title, docs in self.library.by_category():
            group = QTreeWidgetItem(self.tree, [title])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setExpanded(True)
            for doc in docs:
                item = QTreeWidgetItem(group, [doc.title])
                item.setData(0, REF_ROLE, doc.id)
                item.setToolTip(0, self.tr("{title}: the whole document ({id})").format(
                    title=doc.title, id=doc.id))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Unchecked)
                self._doc_items[doc.id] = item
                self._fill_sections(doc)
        self.tree.blockSignals(False)

    def _fill_sections(self, doc: Document) -> None:
        item = self._doc_items.get(doc.id)
        if item is None:
            return
        was = self.tree.signalsBlocked()
        self.tree.blockSignals(True)
        checked = {r for r in self.chosen_refs()}
        item.takeChildren()
        sections = self.sections.get(doc.id, [])
        count = self.page_counts.get(doc.id)
        if count:
            item.setText(1, self.tr("%n page(s)", "", count))

        def add(parent: QTreeWidgetItem, nodes: list[Section]) -> None:
            for section in nodes:
                child = QTreeWidgetItem(parent, [section.title])
                child.setData(0, REF_ROLE, section.ref)
                child.setToolTip(0, f"{section.title}\n{section.ref}")
                if section.page is None:
                    child.setFlags(Qt.ItemFlag.NoItemFlags)
                    child.setText(1, self.tr("no page"))
                else:
                    child.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                    on = section.ref in checked
                    child.setCheckState(0, CHECKED if on else UNCHECKED)
                    if count:
                        child.setText(1, _pages_text(*section_page_range(sections, section, count)))
                add(child, section.children)

        add(item, sections)
        self.tree.blockSignals(was)

    def _read_infos(self) -> None:
        """Ask the workers for every document's page count (and outline, if not known yet)."""
        for doc in self.library.documents():
            self._futures.append(
                self.service.run(pdf_jobs.document_info, (str(doc.path), None), parent=self)
                .on_result(partial(self._got_info, doc))
                .on_error(log_error)  # encrypted or broken: it simply shows no page counts
            )

    def _got_info(self, doc: Document, info) -> None:
        from brochure_reader.library import build_sections

        self.page_counts[doc.id] = info.page_count
        if doc.id not in self.sections:
            self.sections[doc.id] = build_sections(doc.id, info.outline, info.outline_inferred)
        self._fill_sections(doc)

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column != 0:
            return
        ref = item.data(0, REF_ROLE)
        if not ref:
            return
        if item.checkState(0) == Qt.CheckState.Checked:
            if ref not in self.chosen_refs():
                doc_id = ref.partition("#")[0]
                label = item.text(0)
                if "#" in ref:
                    label = f"{label} — {self.library.get(doc_id).title}"
                else:
                    label = self.tr("{title} (whole document)").format(title=label)
                entry = QListWidgetItem(label)
                entry.setData(REF_ROLE, ref)
                self.chosen.addItem(entry)
        else:
            for row in range(self.chosen.count() - 1, -1, -1):
                if self.chosen.item(row).data(REF_ROLE) == ref:
                    self.chosen.takeItem(row)
        self._changed()

    def check_ref(self, ref: str, checked: bool = True) -> bool:
        """Tick (or untick) the tree item of *ref*; False when there is none."""
        found = self._find_item(ref)
        if found is None:
            return False
        found.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        parent = found.parent()
        while checked and parent is not None:  # show what was ticked
            parent.setExpanded(True)
            parent = parent.parent()
        return True

    def _find_item(self, ref: str) -> QTreeWidgetItem | None:
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            if item is None:
                continue
            if item.data(0, REF_ROLE) == ref:
                return item
            stack.extend(item.child(i) for i in range(item.childCount()))
        return None

    # --- the chosen list -------------------------------------------------------------------------

    def chosen_refs(self) -> list[str]:
        return [self.chosen.item(r).data(REF_ROLE) for r in range(self.chosen.count())]

    def _move(self, step: int) -> None:
        row = self.chosen.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.chosen.count():
            return
        item = self.chosen.takeItem(row)
        self.chosen.insertItem(target, item)
        self.chosen.setCurrentRow(target)
        self._changed()

    def _remove_current(self) -> None:
        item = self.chosen.currentItem()
        if item is not None:
            self.check_ref(item.data(REF_ROLE), False)

    def _update_buttons(self) -> None:
        row, count = self.chosen.currentRow(), self.chosen.count()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
        self.remove_button.setEnabled(row >= 0)
        ready = self.handout is not None and count > 0
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready)

    # --- composing -------------------------------------------------------------------------------

    def cover_details(self) -> CoverDetails | None:
        if not self.cover_box.isChecked():
            return None
        return CoverDetails(
            clinic=self.clinic_edit.text().strip(),
            clinician=self.clinician_edit.text().strip(),
            contact=self.contact_edit.toPlainText().strip(),
            note=self.note_edit.toPlainText().strip(),
            date=self.date_edit.date().toString("yyyy-MM-dd"),
        )

    def request(self) -> HandoutRequest:
        """The handout as chosen now.  Raises RangeError/LibraryError for a choice that cannot
        be made (a section of a document whose pages are not known yet…)."""

        def sections_of(doc: Document) -> tuple[int, list[Section]]:
            count = self.page_counts.get(doc.id)
            if not count:
                raise RangeError(self.tr("“{title}” is still being read; try again in a moment")
                                 .format(title=doc.title))
            return count, self.sections.get(doc.id, [])

        parts = plan_handout(self.library, self.chosen_refs(), sections_of)
        return HandoutRequest(parts, self.cover_details(), self.large_print.isChecked())

    def _changed(self) -> None:
        self.handout = None
        self._generation += 1
        self._update_buttons()
        if self.chosen.count():
            self.status.setText(self.tr("Updating the preview…"))
            self._compose_timer.start()
        else:
            self._compose_timer.stop()
            self.preview.clear()
            self.status.setText(self.tr("Tick the sections to put in the handout."))
            self.handout_ready.emit(0)

    def compose(self) -> None:
        """Compose the handout in a worker; the preview follows when it is ready."""
        if not self.chosen.count():
            return
        try:
            request = self.request()
        except (RangeError, LibraryError) as exc:
            self.status.setText(str(exc))
            return
        generation = self._generation
        self._futures.append(
            self.service.run(compose_handout, (request,), parent=self)
            .on_result(lambda handout: self._composed(generation, handout))
            .on_error(lambda exc: self._failed(generation, exc))
        )

    def _composed(self, generation: int, handout) -> None:
        if generation != self._generation:
            return  # the choice changed meanwhile
        self.handout = handout
        path = self._tmp / f"handout-{generation}.pdf"
        path.write_bytes(handout.pdf)
        self.preview.clear()
        self.rendered_pages = 0
        blank = QPixmap(THUMB_SIZE)
        blank.fill(Qt.GlobalColor.white)
        for page in range(handout.page_count):
            item = QListWidgetItem(QIcon(blank), self.tr("Page {number}").format(number=page + 1))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.preview.addItem(item)
            self._futures.append(
                self.service.run(
                    pdf_jobs.render_page, (str(path), None, page, THUMB_SCALE), parent=self
                )
                .on_result(partial(self._thumb, generation, item))
                .on_error(log_error)  # a missing thumbnail; the handout itself was made
            )
        notes = "".join(f"\n{note}." for note in handout.notes)
        if self.large_print.isChecked():
            summary = self.tr("%n page(s) in large print.", "", handout.page_count)
        else:
            summary = self.tr("%n page(s).", "", handout.page_count)
        self.status.setText(summary + notes)
        self._update_buttons()
        self.handout_ready.emit(handout.page_count)

    def _thumb(self, generation: int, item: QListWidgetItem, result) -> None:
        if generation != self._generation:
            return
        width, height, stride, samples = result
        image = QImage(samples, width, height, stride, QImage.Format.Format_RGB888).copy()
        image = image.scaled(THUMB_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
        item.setIcon(QIcon(QPixmap.fromImage(image)))
        self.rendered_pages += 1

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.status.setText(self.tr("The handout could not be made: {reason}").format(
                reason=exc))

    # --- output ----------------------------------------------------------------------------------

    def save_as(self, path: str | None = None) -> bool:
        """Save the composed handout (asks where unless *path* is given)."""
        if self.handout is None:
            return False
        if not path:
            path, _ = file_dialogs.save_file(self, self.tr("Save handout"),
                                             self.tr("handout") + ".pdf", "PDF (*.pdf)")
            if not path:
                return False
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
        try:
            atomic_write_bytes(path, self.handout.pdf)  # never a 0-byte file
        except OSError as exc:
            message = self.tr("The handout could not be saved: {reason}").format(
                reason=exc.strerror or exc)
            QMessageBox.warning(self, self.tr("Not saved"), message)
            return False
        self.remember_clinic()
        self.status.setText(self.tr("Saved {name} (%n page(s)).", "", self.handout.page_count)
                            .format(name=Path(path).name))
        announce(self.status, self.status.text())
        return True

    def print_handout(self) -> bool:
        from brochure_reader.ui.printing import print_document

        if self.handout is None:
            return False
        path = self._tmp / f"print-{self._generation}.pdf"
        path.write_bytes(self.handout.pdf)
        self.remember_clinic()
        print_document(self, self.service, path, title=self.tr("Handout"))  # the dialog follows
        return True

    def done(self, result: int) -> None:
        for future in self._futures:
            future.cancel()
        self._futures.clear()
        self._generation += 1
        self._compose_timer.stop()
        shutil.rmtree(self._tmp, ignore_errors=True)
        super().done(result)
