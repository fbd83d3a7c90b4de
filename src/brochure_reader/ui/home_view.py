"""The calm start page: "Continue reading", then the library as large cards by category."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from brochure_reader.library import Document, Library

CARD_STYLE = """
QFrame#card { background: #ffffff; border: 1px solid #c9d3de; border-radius: 10px; }
QFrame#card:hover, QFrame#card:focus { border: 2px solid #1f5f99; background: #f3f8fd; }
QLabel#cardTitle { color: #123a63; font-weight: 600; }
QLabel#cardSummary { color: #333333; }
QLabel#sectionTitle { color: #123a63; font-weight: 600; }
QLabel#intro { color: #333333; }
"""


class Card(QFrame):
    """A clickable card for one document (also opens with Enter or Space when focused)."""

    clicked = Signal(str)

    def __init__(self, doc: Document, note: str = "", parent=None):
        super().__init__(parent)
        self.doc_id = doc.id
        self.setObjectName("card")
        self.setFocusPolicy(Qt.StrongFocus)
        self.setCursor(Qt.PointingHandCursor)
        self.setAccessibleName(doc.title)
        self.setAccessibleDescription(doc.summary)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        title = QLabel(doc.title, self, objectName="cardTitle", wordWrap=True)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        title.setFont(font)
        layout.addWidget(title)
        summary = QLabel(note or doc.summary, self, objectName="cardSummary", wordWrap=True)
        layout.addWidget(summary)
        layout.addStretch(1)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit(self.doc_id)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Space):
            self.clicked.emit(self.doc_id)
        else:
            super().keyPressEvent(event)


class HomeView(QScrollArea):
    #: the reader picked a document (doc id)
    open_requested = Signal(str)

    COLUMNS = 2

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.NoFrame)
        self.setStyleSheet(CARD_STYLE)
        self.cards: list[Card] = []

    def populate(
        self,
        library: Library,
        recent: list[str],
        problems: list[str] = (),
        where: dict[str, str] | None = None,
    ) -> None:
        """Rebuild the page: *recent* is a list of document ids, most recent first; *where*
        says where the reader left each of them ("Page 5 · What FLT3 means")."""
        self._where = where or {}
        self.setFont(QApplication.font())  # follow View > Larger text at once
        self.cards = []
        page = QWidget()
        page.setObjectName("homePage")
        outer = QVBoxLayout(page)
        outer.setContentsMargins(40, 28, 40, 40)
        outer.setSpacing(14)

        heading = QLabel("Welcome to Brochure Reader", page, objectName="sectionTitle")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        heading.setFont(font)
        outer.addWidget(heading)
        intro = QLabel(
            "Clear information about cancer, for you and the people close to you. "
            "Pick a topic to start reading. Everything here works without the internet, "
            "and nothing you do leaves this computer. "
            "This information does not replace advice from your own care team.",
            page,
            objectName="intro",
            wordWrap=True,
        )
        outer.addWidget(intro)
        for problem in problems:
            warn = QLabel(f"⚠ {problem}", page, wordWrap=True)
            warn.setStyleSheet("color: #8a1c1c;")
            outer.addWidget(warn)

        recent_docs = [library.get(d) for d in recent if d in library][:4]
        if recent_docs:
            self._add_group(page, outer, "Continue reading", recent_docs, continue_note=True)
        for _category, title, documents in library.by_category():
            self._add_group(page, outer, title, documents)
        outer.addStretch(1)
        self.setWidget(page)

    def _add_group(self, page, outer, title: str, documents, continue_note=False) -> None:
        label = QLabel(title, page, objectName="sectionTitle")
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        label.setFont(font)
        label.setContentsMargins(0, 16, 0, 0)
        outer.addWidget(label)
        grid = QGridLayout()
        grid.setSpacing(14)
        for i, doc in enumerate(documents):
            note = ""
            if continue_note:
                note = (
                    f"Continue at {self._where[doc.id]}"
                    if doc.id in self._where
                    else "Pick up where you left off"
                )
            card = Card(doc, note, page)
            card.clicked.connect(self.open_requested)
            self.cards.append(card)
            grid.addWidget(card, i // self.COLUMNS, i % self.COLUMNS)
        for column in range(self.COLUMNS):
            grid.setColumnStretch(column, 1)
        outer.addLayout(grid)
