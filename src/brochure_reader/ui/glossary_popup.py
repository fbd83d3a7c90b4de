"""The small pop-up that explains a glossary term where the reader met it (text view: click a
dotted term, or Tab to it and press Enter; page view: click a term's word).

It is a real window with real widgets, so a screen reader reads it: the term is its accessible
name, the meaning its description, and the keyboard focus starts on the meaning.  Escape, or a
click elsewhere, closes it; "Open in the glossary" opens the glossary at the term's letter.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from brochure_reader.reflow.glossary import GlossaryEntry

#: Widest pop-up, in average characters of its font.
WIDTH_CHARS = 42


class GlossaryPopup(QFrame):
    """Shows one :class:`GlossaryEntry`."""

    #: "Open in the glossary" (the entry)
    open_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("glossary_popup")
        self.setFrameShape(QFrame.Shape.Box)
        self.entry: GlossaryEntry | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        self.term = QLabel(self)
        font = self.term.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.term.setFont(font)
        self.meaning = QLabel(self)
        self.meaning.setWordWrap(True)
        self.meaning.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meaning.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.open_button = QPushButton(self.tr("&Open in the glossary"), self)
        self.open_button.clicked.connect(self._open)
        layout.addWidget(self.term)
        layout.addWidget(self.meaning)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignRight)

    def show_entry(self, entry: GlossaryEntry, where: QPoint) -> None:
        """Show *entry* with its top-left corner at *where* (global), kept on screen."""
        self.entry = entry
        self.term.setText(entry.term)
        self.meaning.setText(entry.text)
        self.setAccessibleName(entry.term)
        self.setAccessibleDescription(entry.text)
        self.meaning.setAccessibleName(entry.term)
        self.meaning.setAccessibleDescription(entry.text)
        width = self.fontMetrics().averageCharWidth() * WIDTH_CHARS
        self.setFixedWidth(width)
        self.adjustSize()
        screen = QGuiApplication.screenAt(where) or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        x = min(max(area.left(), where.x()), area.right() - self.width())
        y = where.y() if where.y() + self.height() <= area.bottom() else \
            where.y() - self.height() - 24
        self.move(x, max(area.top(), y))
        self.show()
        self.meaning.setFocus(Qt.FocusReason.PopupFocusReason)

    def _open(self) -> None:
        self.close()
        if self.entry is not None:
            self.open_requested.emit(self.entry)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)
