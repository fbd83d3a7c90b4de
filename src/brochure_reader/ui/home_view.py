"""The calm start page: "Continue reading", then the library as large cards by category.

Keyboard: the first card has the focus when the page is shown; arrow keys move between cards
(to the nearest card in that direction), Home/End to the first/last, Page Up/Down a screenful,
Enter or Space opens the focused card.  The focused card is scrolled into view and drawn with a
thick border."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt, Signal
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
from brochure_reader.ui.theme import Theme, current_theme


def card_style(theme: Theme | None = None) -> str:
    """The start page's style sheet in *theme*'s colours (the current theme by default).
    The keyboard focus is a 4 px border; the mouse only tints the card and its thin border, so
    the two never look alike."""
    c = (theme or current_theme()).colours
    return f"""
QFrame#card {{ background: {c['card']}; border: 1px solid {c['card_border']};
              border-radius: 10px; }}
QFrame#card:hover {{ border: 1px solid {c['card_focus_border']}; background: {c['card_hover']}; }}
QFrame#card:focus {{ border: 4px solid {c['card_focus_border']}; background: {c['card_focus']}; }}
QLabel#cardTitle {{ color: {c['accent']}; font-weight: 600; }}
QLabel#cardSummary {{ color: {c['muted']}; }}
QLabel#sectionTitle {{ color: {c['accent']}; font-weight: 600; }}
QLabel#intro {{ color: {c['muted']}; }}
QLabel#warning {{ color: {c['warning']}; }}
"""


class Card(QFrame):
    """A clickable card for one document (also opens with Enter or Space when focused)."""

    clicked = Signal(str)
    #: arrow, Home/End or Page key pressed on the card: (card, key)
    move_requested = Signal(object, int)
    #: the card got the keyboard focus (card)
    focused = Signal(object)

    def __init__(self, doc: Document, note: str = "", parent=None):
        super().__init__(parent)
        self.doc_id = doc.id
        self.setObjectName("card")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(doc.title)
        self.setAccessibleDescription(doc.summary)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        title = _label(doc.title, self, "cardTitle", wrap=True)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        title.setFont(font)
        layout.addWidget(title)
        summary = _label(note or doc.summary, self, "cardSummary", wrap=True)
        layout.addWidget(summary)
        layout.addStretch(1)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit(self.doc_id)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit(self.doc_id)
        elif (
            event.key() in MOVE_KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.move_requested.emit(self, event.key())
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.focused.emit(self)


MOVE_KEYS = (
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
)


class HomeView(QScrollArea):
    #: the reader picked a document (doc id)
    open_requested = Signal(str)

    COLUMNS = 2

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.NoFrame)
        self.setStyleSheet(card_style())
        self.cards: list[Card] = []
        self.setFocusPolicy(Qt.NoFocus)  # Tab goes from card to card, not to the page

    def populate(
        self,
        library: Library,
        recent: list[str],
        problems: Sequence[str] = (),
        where: dict[str, str] | None = None,
    ) -> None:
        """Rebuild the page: *recent* is a list of document ids, most recent first; *where*
        says where the reader left each of them ("Page 5 · What FLT3 means")."""
        self._where = where or {}
        self.setFont(QApplication.font())  # follow View > Larger text at once
        self.setStyleSheet(card_style())  # and the theme
        focused = QApplication.focusWidget()
        had_focus = focused is not None and (focused is self or self.isAncestorOf(focused))
        keep = self.cards.index(focused) if focused in self.cards else 0
        self.cards = []
        page = QWidget()
        page.setObjectName("homePage")
        outer = QVBoxLayout(page)
        outer.setContentsMargins(40, 28, 40, 40)
        outer.setSpacing(14)

        heading = _label(self.tr("Welcome to Brochure Reader"), page, "sectionTitle")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        heading.setFont(font)
        outer.addWidget(heading)
        intro = _label(
            self.tr(
                "Clear information about cancer, for you and the people close to you. "
                "Pick a topic to start reading. Everything here works without the internet, "
                "and nothing you do leaves this computer. "
                "This information does not replace advice from your own care team."
            ),
            page,
            "intro",
            wrap=True,
        )
        outer.addWidget(intro)
        for problem in problems:
            warn = QLabel(f"⚠ {problem}", page, wordWrap=True)
            warn.setObjectName("warning")
            outer.addWidget(warn)

        recent_docs = [library.get(d) for d in recent if d in library][:4]
        if recent_docs:
            self._add_group(
                page, outer, self.tr("Continue reading"), recent_docs, continue_note=True
            )
        for _category, title, documents in library.by_category():
            self._add_group(page, outer, title, documents)
        outer.addStretch(1)
        self.setWidget(page)
        if had_focus:  # rebuilt while the reader was on it: stay on the same card
            self.focus_card(min(keep, len(self.cards) - 1))

    def focus_card(self, index: int = 0) -> None:
        """Put the keyboard focus on card *index* (0: the first) and scroll it into view."""
        if self.cards:
            self.cards[max(0, min(index, len(self.cards) - 1))].setFocus(
                Qt.FocusReason.TabFocusReason
            )

    def _show_card(self, card: Card) -> None:
        self.ensureWidgetVisible(card, 20, 20)

    def _move(self, card: Card, key: int) -> None:
        """Arrow keys: the nearest card in that direction; Home/End; Page Up/Down."""
        page = self.widget()
        if page is None:
            return
        if key == Qt.Key.Key_Home:
            self.focus_card(0)
            return
        if key == Qt.Key.Key_End:
            self.focus_card(len(self.cards) - 1)
            return
        here = card.mapTo(page, card.rect().center())
        if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            step = self.viewport().height() * (1 if key == Qt.Key.Key_PageDown else -1)
            here = QPoint(here.x(), here.y() + step)
            target = min(self.cards, key=lambda c: _distance(c, page, here))
            target.setFocus(Qt.FocusReason.TabFocusReason)
            return
        dx, dy = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }[Qt.Key(key)]
        best, best_score = None, None
        for other in self.cards:
            if other is card:
                continue
            there = other.mapTo(page, other.rect().center())
            along = (there.x() - here.x()) * dx + (there.y() - here.y()) * dy
            if along <= 0:
                continue
            across = abs((there.x() - here.x()) * dy) + abs((there.y() - here.y()) * dx)
            score = along + 2 * across
            if best_score is None or score < best_score:
                best, best_score = other, score
        if best is None and dx:  # past the end of a row: on to the next / previous card
            index = self.cards.index(card) + dx
            best = self.cards[index] if 0 <= index < len(self.cards) else None
        if best is not None:
            best.setFocus(Qt.FocusReason.TabFocusReason)

    def _add_group(self, page, outer, title: str, documents, continue_note=False) -> None:
        label = _label(title, page, "sectionTitle")
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
                    self.tr("Continue at {place}").format(place=self._where[doc.id])
                    if doc.id in self._where
                    else self.tr("Pick up where you left off")
                )
            card = Card(doc, note, page)
            card.clicked.connect(self.open_requested)
            card.move_requested.connect(self._move)
            card.focused.connect(self._show_card)
            self.cards.append(card)
            grid.addWidget(card, i // self.COLUMNS, i % self.COLUMNS)
        for column in range(self.COLUMNS):
            grid.setColumnStretch(column, 1)
        outer.addLayout(grid)


def _label(text: str, parent: QWidget, name: str, wrap: bool = False) -> QLabel:
    """A label named *name* (the style sheet's ``#name``), word-wrapped with *wrap*."""
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    return label


def _distance(card: Card, page: QWidget, point: QPoint) -> int:
    centre = card.mapTo(page, card.rect().center())
    return abs(centre.x() - point.x()) + abs(centre.y() - point.y())
