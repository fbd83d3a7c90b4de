"""The text view: the open document as reflowed text that screen readers can read.

A read-only :class:`QTextBrowser`, so Qt's accessible text interface (AT-SPI Text on Linux,
UI Automation's TextPattern on Windows) hands the whole text to a screen reader, with the caret
for moving by line and word.  The text reflows to the window at every size: lines wrap at the
widget's width (long words anywhere), there is never a horizontal scroll bar, and the column is
at most :data:`LINE_LENGTHS` characters wide (the rest of the width becomes margins).

Positions in this view are character offsets in the document (``QTextCursor.position()``);
``ui/view_modes.py`` turns them into the page view's (page, y) and back.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QFontMetricsF,
    QKeySequence,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit

from brochure_reader.reflow import ReflowedDocument
from brochure_reader.ui.theme import Theme, current_theme

#: Text size steps (percent of :data:`BASE_POINT_SIZE`).
TEXT_SIZES = (100, 125, 150, 175, 200, 250, 300, 350, 400)
#: Body text at 100 %, in points.
BASE_POINT_SIZE = 13.0
#: Line spacing choices (percent of the font's line height).
LINE_SPACINGS = (100, 125, 150, 200)
#: Longest line choices, in average characters (WCAG 1.4.8 asks for at most 80).
LINE_LENGTHS = (50, 65, 80)
#: Heading size by level, as a multiple of the body size.
HEADING_SCALE = {1: 1.6, 2: 1.35, 3: 1.15, 4: 1.05}
#: Margin choices either side of the column, in average character widths.
MARGINS = (1, 3, 6)


class TextView(QTextBrowser):
    """Shows a :class:`~brochure_reader.reflow.ReflowedDocument`."""

    #: the text at the top of the view changed (after scrolling or a new layout)
    position_changed = Signal()
    #: a glossary term was activated (slug of the term, global position of the word)
    term_activated = Signal(str, QPoint)
    #: text size changed (percent)
    text_size_changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("text_view")
        self.setAccessibleName(self.tr("Document text"))
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setLineWrapMode(QTextEdit.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere)
        # Keyboard caret (moving by line and word is what a screen reader follows)
        self.setTextInteractionFlags(
            Qt.TextBrowserInteraction | Qt.TextSelectableByKeyboard
        )
        self.setFrameShape(QTextEdit.NoFrame)
        self.reflowed: ReflowedDocument | None = None
        self.text_size = 100
        self.line_spacing = 150
        self.line_length = 65
        self.margin = 3
        self._css = ""
        self._highlights: list[QTextEdit.ExtraSelection] = []
        self._spoken: list[QTextEdit.ExtraSelection] = []  # the sentence read aloud
        self.anchorClicked.connect(self._link)
        self._moved_timer = QTimer(self, singleShot=True, interval=150)
        self._moved_timer.timeout.connect(self.position_changed)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._moved_timer.start())

    # --- content ---------------------------------------------------------------------------

    def set_reflowed(self, reflowed: ReflowedDocument | None, css: str | None = None) -> None:
        """Show *reflowed* (None: empty); *css* is the theme's style sheet for the classes
        of :class:`ReflowedDocument` (kept for later documents when omitted)."""
        if css is not None:
            self._css = css
        self.reflowed = reflowed
        self._highlights, self._spoken = [], []
        self.setExtraSelections([])
        document = QTextDocument(self)
        document.setDefaultStyleSheet(self._css)
        document.setDocumentMargin(16)
        self._apply_font(document)
        document.setHtml(reflowed.html if reflowed else "")
        self._apply_font(document)
        self._style_terms(document)
        self.setDocument(document)
        self._apply_block_formats()
        self._update_margins()

    def _style_terms(self, document: QTextDocument) -> None:
        """Glossary terms (``glossary:`` links) in the text colour with a dotted underline,
        like an abbreviation, so they stand apart from real links."""
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setForeground(QColor(current_theme().palette["Text"]))
        block = document.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.charFormat().anchorHref().startswith("glossary:"):
                    cursor = QTextCursor(document)
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(fragment.position() + fragment.length(),
                                       QTextCursor.MoveMode.KeepAnchor)
                    cursor.mergeCharFormat(fmt)
                it += 1
            block = block.next()

    def term_positions(self) -> list[tuple[int, str]]:
        """``(document position, slug)`` of every marked glossary term, in order."""
        found = []
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                href = it.fragment().charFormat().anchorHref()
                if href.startswith("glossary:"):
                    found.append((it.fragment().position(), href.partition(":")[2]))
                it += 1
            block = block.next()
        return found

    def set_style_sheet_css(self, css: str) -> None:
        """A new theme: the text is laid out again with its colours; the place is kept."""
        top = self.top_position()
        self.set_reflowed(self.reflowed, css)
        self.scroll_to_position(top)

    def plain_text(self) -> str:
        """The raw document text: offsets are cursor positions (frame marks included)."""
        return self.document().toRawText()

    # --- size, spacing, column ---------------------------------------------------------------

    def set_text_size(self, percent: int) -> None:
        """Text size in percent of :data:`BASE_POINT_SIZE`, clamped to 100–400."""
        percent = int(min(max(percent, TEXT_SIZES[0]), TEXT_SIZES[-1]))
        if percent == self.text_size:
            return
        top = self.top_position()
        self.text_size = percent
        self._apply_font(self.document())
        self._update_margins()
        self.scroll_to_position(top)
        self.text_size_changed.emit(percent)

    def zoom_in(self) -> None:
        self.set_text_size(next((s for s in TEXT_SIZES if s > self.text_size), TEXT_SIZES[-1]))

    def zoom_out(self) -> None:
        smaller = [s for s in TEXT_SIZES if s < self.text_size]
        self.set_text_size(smaller[-1] if smaller else TEXT_SIZES[0])

    def set_layout_options(self, line_spacing: int, line_length: int, margin: int) -> None:
        """Line spacing (percent), longest line (characters), margins (character widths)."""
        top = self.top_position()
        self.line_spacing, self.line_length, self.margin = line_spacing, line_length, margin
        self._apply_block_formats()
        self._update_margins()
        self.scroll_to_position(top)

    def _font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(BASE_POINT_SIZE * self.text_size / 100)
        return font

    def _apply_font(self, document: QTextDocument) -> None:
        """Body text at the chosen size; headings a step larger each level up."""
        font = self._font()
        document.setDefaultFont(font)
        block = document.begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            if level > 0:
                cursor = QTextCursor(block)
                cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
                fmt = QTextCharFormat()
                # Headings stand out less as the text grows: at 400 % body text is already large
                # and a 1.6 x title would leave a few letters a line.
                step = (HEADING_SCALE.get(level, 1.0) - 1.0) * 100 / self.text_size
                fmt.setFontPointSize(font.pointSizeF() * (1.0 + step))
                cursor.mergeCharFormat(fmt)
            block = block.next()

    def _apply_block_formats(self) -> None:
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        fmt = QTextBlockFormat()
        fmt.setLineHeight(
            float(self.line_spacing), QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        )
        cursor.mergeBlockFormat(fmt)

    def _update_margins(self) -> None:
        """Centre a column of at most ``line_length`` characters; keep ``margin`` character
        widths either side (less when the window is too narrow for both)."""
        metrics = QFontMetricsF(self._font())
        char = metrics.averageCharWidth()
        width = self.viewport().width()
        column = self.line_length * char
        side = max(self.margin * char, (width - column) / 2)
        side = min(side, max(4.0, width / 6))  # a narrow window keeps most of its width
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        if abs(fmt.leftMargin() - side) < 0.5:
            return
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        frame.setFrameFormat(fmt)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_margins()

    # --- position ----------------------------------------------------------------------------

    def top_position(self) -> int:
        """Document position of the first character at the top of the view."""
        margin = int(self.document().rootFrame().frameFormat().leftMargin()) + 2
        return self.cursorForPosition(QPoint(margin, 2)).position()

    def scroll_to_position(self, position: int) -> None:
        """Scroll so the line holding *position* is at the top; the caret goes there too."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(max(0, min(position, self.document().characterCount() - 1)))
        self.setTextCursor(cursor)
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - 4)

    def heading_positions(self) -> list[int]:
        """Document position of every heading block (``h1``–``h6``), in order: the i-th is the
        i-th entry of ``reflowed.headings``."""
        positions = []
        block = self.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0:
                positions.append(block.position())
            block = block.next()
        return positions

    def heading_index_at(self, position: int) -> int:
        """Index of the heading at or above *position* (-1 before the first heading)."""
        index = -1
        for i, heading in enumerate(self.heading_positions()):
            if heading > position:
                break
            index = i
        return index

    def go_to_heading(self, step: int) -> None:
        """Move to the next (*step* 1) or previous (-1) heading (the caret goes there, so a
        screen reader reads it)."""
        here = self.textCursor().position()
        positions = self.heading_positions()
        if step > 0:
            target = next((p for p in positions if p > here), None)
        else:
            target = next((p for p in reversed(positions) if p < here), None)
        if target is not None:
            self.scroll_to_position(target)

    # --- highlights (search hits) ----------------------------------------------------------

    def highlight_terms(self, terms: list[str]) -> list[int]:
        """Mark every whole-word, case-insensitive occurrence of *terms*; returns their
        positions in order."""
        selections = []
        fmt = QTextCharFormat()
        colours = current_theme().colours
        fmt.setBackground(QColor(colours["hit"]))
        fmt.setForeground(QColor(colours["hit_text"]))
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
        found: list[int] = []
        flags = QTextDocument.FindFlag.FindWholeWords
        for term in terms:
            cursor = QTextCursor(self.document())
            while True:
                cursor = self.document().find(term, cursor, flags)
                if cursor.isNull():
                    break
                selection = QTextEdit.ExtraSelection()
                selection.cursor = QTextCursor(cursor)
                selection.format = fmt
                selections.append(selection)
                found.append(cursor.selectionStart())
        self._highlights = selections
        self.setExtraSelections(self._highlights + self._spoken)
        return sorted(found)

    def show_spoken(self, start: int, end: int) -> None:
        """Mark the sentence read aloud (document positions *start*–*end*; start < 0: none)
        in the theme's ``reading`` colours, and scroll it into view when it is not all
        there (its first line a third of the way down).  The caret stays where it is."""
        self._spoken = []
        if start >= 0:
            cursor = QTextCursor(self.document())
            last = self.document().characterCount() - 1
            cursor.setPosition(max(0, min(start, last)))
            cursor.setPosition(max(0, min(end, last)), QTextCursor.MoveMode.KeepAnchor)
            colours = current_theme().colours
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(colours["reading"]))
            fmt.setForeground(QColor(colours["reading_text"]))
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            self._spoken = [selection]
            self._keep_in_view(cursor)
        self.setExtraSelections(self._highlights + self._spoken)

    def spoken_range(self) -> tuple[int, int] | None:
        """Document positions of the sentence marked as read aloud, else None."""
        if not self._spoken:
            return None
        cursor = self._spoken[0].cursor
        return cursor.selectionStart(), cursor.selectionEnd()

    def _keep_in_view(self, cursor: QTextCursor) -> None:
        first = QTextCursor(cursor)
        first.setPosition(cursor.selectionStart())
        last = QTextCursor(cursor)
        last.setPosition(cursor.selectionEnd())
        top, bottom = self.cursorRect(first).top(), self.cursorRect(last).bottom()
        height = self.viewport().height()
        if top >= 0 and bottom <= height:
            return
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + top - height // 3)

    # --- links and keys ------------------------------------------------------------------------

    def _link(self, url: QUrl) -> None:
        if url.scheme() == "glossary":
            cursor = self.textCursor()
            where = self.viewport().mapToGlobal(self.cursorRect(cursor).bottomLeft())
            self.term_activated.emit(url.path() or url.toString().partition(":")[2], where)
        elif url.toString().startswith("#"):
            self.scrollToAnchor(url.fragment())
        elif url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.ZoomIn):
            self.zoom_in()
            return
        if event.matches(QKeySequence.StandardKey.ZoomOut):
            self.zoom_out()
            return
        key, mods = event.key(), event.modifiers()
        if mods == Qt.KeyboardModifier.ControlModifier and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.go_to_heading(1 if key == Qt.Key.Key_Down else -1)
            return
        super().keyPressEvent(event)


def text_palette_css(theme: Theme | None = None) -> str:
    """The style sheet for the reflowed document's classes in *theme*'s colours (the current
    theme by default): each box kind has its background and border; text keeps the palette's
    text colour, links the palette's link colour."""
    theme = theme or current_theme()
    css = [f"table.data {{ border-color: {theme.palette['Mid']}; }}",
           f"a {{ color: {theme.palette['Link']}; }}"]
    for kind, (background, border) in theme.boxes.items():
        css.append(
            f"table.box-{kind} {{ background-color: {background}; border-color: {border};"
            " border-style: solid; border-width: 2px; margin-top: 8px; margin-bottom: 8px; }"
        )
    css.append("p.box-label { margin-bottom: 2px; }")
    return "\n".join(css)
