"""The continuous page view: all pages of one document stacked vertically.

Only pages in view (±1) are rendered, by the worker processes, to exactly the device pixels
the page covers on screen (its size in the layout × devicePixelRatio), into a
:class:`RenderCache` bounded in bytes, and drawn one pixel per pixel: a raster scaled by a
fraction cuts and blurs letters.  Results for a scale or document
the view has left are dropped.  Positions are (page 0-based, y in PDF points from the top of the
displayed page).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPainter,
)
from PySide6.QtWidgets import QAbstractScrollArea, QMessageBox

from brochure_reader.pdf import jobs as pdf_jobs
from brochure_reader.pdf.colours import paper_colour
from brochure_reader.pdf.info import PageContent
from brochure_reader.ui.i18n import translate
from brochure_reader.ui.jobs import JobOp, JobRunner
from brochure_reader.ui.page_cache import RenderCache
from brochure_reader.ui.page_layout import GAP, PageLayout
from brochure_reader.ui.theme import current_theme

ZOOM_STEP = 1.2
#: Bytes of rendered pages kept: about a dozen screens of a brochure at fit-width (raised to
#: twice what the view shows at once when a large zoom needs more)
CACHE_LIMIT = 48 * 1024 * 1024
#: fit-width never enlarges beyond this (small pages such as A5 e-books stay readable)
MAX_FIT_WIDTH_SCALE = 1.75
HIGHLIGHT = QColor(255, 200, 0, 110)
SELECTION = QColor(40, 110, 220, 80)
MARKER = QColor(30, 120, 60)


@dataclass
class OpenDocument:
    """What the view shows: ``token`` is unique per opened document (path + password)."""

    token: object
    path: str
    password: str | None
    sizes: list[tuple[float, float]]
    labels: list[str] = field(default_factory=list)
    #: reflow layout (width pt, height pt, font pt) of an e-book, None for fixed-layout files
    layout: tuple[float, float, float] | None = None


ERROR_TILE = QColor(253, 236, 234)
ERROR_TEXT = QColor(140, 20, 20)


def _draw_error_tile(painter: QPainter, target: QRectF, page: int, reason: str) -> None:
    """The place of a page that cannot be shown: a tinted tile that says so, with the reason."""
    painter.fillRect(target, ERROR_TILE)
    painter.setPen(ERROR_TEXT)
    margin = min(24.0, target.width() / 10)
    painter.drawText(target.adjusted(margin, margin, -margin, -margin),
                     Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                     translate("PageView", "Page {number} cannot be shown.\n\n{reason}")
                     .format(number=page + 1, reason=reason))


class PageView(QAbstractScrollArea):
    #: (page 0-based, y in points at the top of the view) whenever the view scrolls
    position_changed = Signal(int, float)
    #: (page 0-based) when the page at the top of the view changes
    current_page_changed = Signal(int)
    #: zoom changed: logical pixels per point
    scale_changed = Signal(float)
    #: a message for the status bar
    message = Signal(str)
    #: the viewport changed size (e-books are laid out again)
    resized = Signal()
    #: (page 0-based) a page's pixels at the current scale were painted for the first time
    #: since the document was set (start-up reports and benchmarks listen to it)
    page_painted = Signal(int)

    def __init__(self, service: JobRunner, parent=None):
        super().__init__(parent)
        self.service = service
        self.cache = RenderCache(CACHE_LIMIT)
        self.document: OpenDocument | None = None
        self.page_layout = PageLayout([])
        self.zoom_mode = "fit-width"  # "fit-width" | "fit-page" | "custom"
        self.page_colours = "normal"  # "normal" | "night" | "sepia" (pdf/colours.py)
        #: render key -> (job, whether it also brings the page's words and links)
        self._pending: dict[tuple, tuple[JobOp, bool]] = {}
        self._words: dict[int, list[tuple]] = {}
        self._links: dict[int, list[dict]] = {}
        self._highlights: dict[int, list[tuple]] = {}
        self._markers: dict[int, list[float]] = {}
        self._selection: list[tuple[int, int]] = []  # (page, word index) selected
        self._sel_anchor: tuple[int, int] | None = None
        self._back: list[tuple[int, float]] = []
        self._forward: list[tuple[int, float]] = []
        self._last_page = -1
        self._painted: set[tuple] = set()  # render keys already reported by page_painted
        #: page (0-based) -> why it cannot be shown: drawn as an error tile in its place
        self._errors: dict[int, str] = {}
        #: seconds a render may take (then its worker is stopped and the page is an error tile)
        self.render_time_limit = pdf_jobs.RENDER_TIME_LIMIT
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.horizontalScrollBar().valueChanged.connect(lambda _v: self.viewport().update())
        self._render_timer = QTimer(self, singleShot=True, interval=0)
        self._render_timer.timeout.connect(self._request_visible)

    # --- document -------------------------------------------------------------------------

    def set_document(self, document: OpenDocument | None) -> None:
        for future, _text in self._pending.values():
            future.cancel()
        self._pending.clear()
        self.cache.clear()
        self._words.clear()
        self._links.clear()
        self._highlights.clear()
        self._markers.clear()
        self._selection.clear()
        self._back.clear()
        self._forward.clear()
        self._painted.clear()
        self._errors.clear()
        self.document = document
        self.page_layout = PageLayout(document.sizes if document else [])
        self._last_page = -1
        self._apply_zoom_mode()
        self.verticalScrollBar().setValue(0)
        self.viewport().update()

    @property
    def page_count(self) -> int:
        return len(self.page_layout.sizes)

    # --- zoom -----------------------------------------------------------------------------

    @property
    def scale(self) -> float:
        return self.page_layout.scale

    def set_zoom_mode(self, mode: str) -> None:
        self.zoom_mode = mode
        self._apply_zoom_mode()

    def _apply_zoom_mode(self) -> None:
        vw, vh = self.viewport().width(), self.viewport().height()
        if self.zoom_mode == "fit-width":
            scale = min(self.page_layout.fit_width_scale(vw), MAX_FIT_WIDTH_SCALE)
        elif self.zoom_mode == "fit-page":
            scale = self.page_layout.fit_page_scale(vw, vh, self.current_page())
        else:
            scale = self.page_layout.scale
        self._set_scale(scale)

    def set_scale(self, scale: float) -> None:
        self.zoom_mode = "custom"
        self._set_scale(scale)

    def zoom_in(self) -> None:
        self.set_scale(self.scale * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_scale(self.scale / ZOOM_STEP)

    def _set_scale(self, scale: float) -> None:
        page, y = self.position()
        self.page_layout.viewport_width = self.viewport().width()
        self.page_layout.set_scale(scale)
        self._update_scrollbars()
        if self.page_count:
            self.go_to(page, y, remember=False)
        self.scale_changed.emit(self.page_layout.scale)
        self._render_timer.start()
        self.viewport().update()

    # --- scrolling and positions ----------------------------------------------------------

    def _update_scrollbars(self) -> None:
        vbar, hbar = self.verticalScrollBar(), self.horizontalScrollBar()
        vh, vw = self.viewport().height(), self.viewport().width()
        vbar.setRange(0, max(0, self.page_layout.height - vh))
        vbar.setPageStep(vh)
        vbar.setSingleStep(40)
        hbar.setRange(0, max(0, self.page_layout.width - vw))
        hbar.setPageStep(vw)

    def position(self) -> tuple[int, float]:
        """(page 0-based, y points) at the top edge of the view."""
        if not self.page_count:
            return 0, 0.0
        top = self.verticalScrollBar().value()
        page, _x, y = self.page_layout.to_page(0, top + 1)
        if y > self.page_layout.sizes[page][1] and page + 1 < self.page_count:
            return page + 1, 0.0  # the top edge is in the gap above the next page
        return page, max(0.0, y)

    def current_page(self) -> int:
        """The page that fills the upper part of the view (0-based)."""
        if not self.page_count:
            return 0
        top = self.verticalScrollBar().value()
        return self.page_layout.page_at(top + self.viewport().height() / 3)

    def go_to(self, page: int, y: float = 0.0, remember: bool = True) -> None:
        """Scroll so that (page 0-based, y points) is at the top of the view (a little margin)."""
        if not self.page_count:
            return
        page = max(0, min(page, self.page_count - 1))
        if remember:
            self._back.append(self.position())
            self._forward.clear()
        target = self.page_layout.strip_y(page, y) - (GAP if y <= 0 else GAP * 2)
        self.verticalScrollBar().setValue(round(target))
        self._scrolled()

    def go_back(self) -> None:
        if self._back:
            self._forward.append(self.position())
            self.go_to(*self._back.pop(), remember=False)

    def go_forward(self) -> None:
        if self._forward:
            self._back.append(self.position())
            self.go_to(*self._forward.pop(), remember=False)

    def _scrolled(self, *_args) -> None:
        page, y = self.position()
        self.position_changed.emit(page, y)
        current = self.current_page()
        if current != self._last_page:
            self._last_page = current
            self.current_page_changed.emit(current)
        self._render_timer.start()
        self.viewport().update()

    # --- rendering ------------------------------------------------------------------------

    def set_page_colours(self, mode: str) -> None:
        """Draw pages in *mode* ("normal", "night", "sepia"): visible pages are rendered
        again (the other mode's images stay cached for switching back)."""
        if mode != self.page_colours:
            self.page_colours = mode
            self._render_timer.start()
            self.viewport().update()

    def _render_key(self, page: int) -> tuple:
        """Cache key of *page* as the view shows it now: (document token, page 0-based,
        (width, height) in device pixels, page colours)."""
        _x, _y, w, h = self.page_layout.page_rect(page)
        ratio = self.devicePixelRatioF()
        token = self.document.token if self.document is not None else None
        return (token, page, (round(w * ratio), round(h * ratio)),
                self.page_colours)

    def _visible(self) -> range:
        top = self.verticalScrollBar().value()
        return self.page_layout.visible_pages(top, top + self.viewport().height())

    def _request_visible(self) -> None:
        doc = self.document
        if doc is None or not self.isVisible():
            return  # hidden (the text view is showing): render when shown
        visible = self._visible()
        wanted = range(max(0, visible.start - 1), min(self.page_count, visible.stop + 1))
        keys = {page: self._render_key(page) for page in wanted}
        for key, (future, _text) in list(self._pending.items()):
            if keys.get(key[1]) != key:
                future.cancel()
                del self._pending[key]
        texts = {key[1] for key, (_future, text) in self._pending.items() if text}
        needed = 0
        for page, key in keys.items():
            needed += key[2][0] * key[2][1] * 4
            if page in self._errors:
                continue  # it cannot be read: its error tile stays
            with_text = page not in self._words and page not in texts
            if key in self._pending or (self.cache.get(key) is not None and not with_text):
                continue
            # one round trip per page: its pixels, and its words and links the first time
            op = self.service.run(
                pdf_jobs.page_content,
                (doc.path, doc.password, page, key[2], doc.layout, with_text, None, key[3]),
                timeout=self.render_time_limit,
            )
            op.on_result(partial(self._rendered, key))
            op.on_error(partial(self._failed, key))
            self._pending[key] = (op, with_text)
        # never evict what is wanted now (a large zoom), else keep only what is near the view
        self.cache.limit = max(CACHE_LIMIT, 2 * needed)

    def _rendered(self, key: tuple, content: PageContent) -> None:
        self._pending.pop(key, None)
        if self.document is None or key[0] != self.document.token:
            return  # stale: the view shows another document now
        page = key[1]
        if content.words is not None:
            self._words[page] = content.words
            self._links[page] = content.links or []
        image = QImage(content.pixels, content.width, content.height, content.stride,
                       QImage.Format.Format_RGB888).copy()
        image.setDevicePixelRatio(self.devicePixelRatioF())
        self.cache.put(key, image)
        if page < self.page_count and key == self._render_key(page):
            self.viewport().update()

    def _failed(self, key: tuple, exc: BaseException) -> None:
        """A render failed: a page that cannot be read, a worker that crashed twice (the pool
        asks once more on a fresh worker: ``page_content``'s ``retries``) or a render past its
        time limit (``render_time_limit``; the worker is stopped).  It becomes an error tile
        in the page's place, never a blank page."""
        self._pending.pop(key, None)
        if self.document is None or key[0] != self.document.token:
            return  # stale
        reason = str(exc) or self.tr("the reader's document worker stopped")
        self._errors[key[1]] = reason
        self.message.emit(self.tr("Page {number} could not be shown: {reason}").format(
            number=key[1] + 1, reason=reason))
        self.viewport().update()

    def page_error(self, page: int) -> str:
        """Why *page* (0-based) is shown as an error tile, or "" when it is not."""
        return self._errors.get(page, "")

    # --- overlays -------------------------------------------------------------------------

    def set_highlights(self, page: int, rects: list[tuple]) -> None:
        """Mark search hits: rects (x0, y0, x1, y1) in points on *page* (0-based)."""
        self._highlights = {page: list(rects)} if rects else {}
        self.viewport().update()

    def clear_highlights(self) -> None:
        self._highlights.clear()
        self.viewport().update()

    def set_markers(self, markers: dict[int, list[float]]) -> None:
        """Bookmark markers in the page margin: page (0-based) -> y positions in points."""
        self._markers = markers
        self.viewport().update()

    # --- painting -------------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), QColor(current_theme().colour("page_surround")))
        if self.document is None:
            return
        dx = -self.horizontalScrollBar().value()
        dy = -self.verticalScrollBar().value()
        newly_painted = []
        paper = QColor(paper_colour(self.page_colours))
        for page in self._visible():
            x, y, w, h = self.page_layout.page_rect(page)
            target = QRectF(x + dx, y + dy, w, h)
            painter.fillRect(target.translated(3, 3), QColor(0, 0, 0, 60))
            painter.fillRect(target, paper)
            key = self._render_key(page)
            image = self.cache.get(key)
            if page in self._errors:
                _draw_error_tile(painter, target, page, self._errors[page])
            elif image is not None and (image.width(), image.height()) == key[2]:
                if key not in self._painted:
                    self._painted.add(key)
                    newly_painted.append(page)
                painter.drawImage(target.topLeft(), image)  # one image pixel per device pixel
            elif image is not None or (
                image := self.cache.best_for(key[0], page, *key[3:])
            ) is not None:
                # another size (still rendering, or beyond MAX_RENDER_SIDE): stretched for now
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
                painter.drawImage(target, image)
            else:
                painter.setPen(QColor(120, 120, 120))
                painter.drawText(target, Qt.AlignmentFlag.AlignCenter,
                                 self.tr("Page {number}").format(number=page + 1))
            s = self.page_layout.scale

            def to_view(r, ox=target.x(), oy=target.y(), s=s):
                return QRectF(ox + r[0] * s, oy + r[1] * s, (r[2] - r[0]) * s, (r[3] - r[1]) * s)

            for r in self._highlights.get(page, []):
                painter.fillRect(to_view(r), HIGHLIGHT)
            words = self._words.get(page, [])
            for p, index in self._selection:
                if p == page and index < len(words):
                    painter.fillRect(to_view(words[index]), SELECTION)
            for my in self._markers.get(page, []):
                painter.fillRect(QRectF(target.x() - 10, target.y() + my * s, 6, 18), MARKER)
        painter.end()
        for page in newly_painted:
            self.page_painted.emit(page)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._render_timer.start()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.page_layout.viewport_width = self.viewport().width()
        if self.zoom_mode != "custom":
            self._apply_zoom_mode()
        else:
            self.page_layout.relayout()
            self._update_scrollbars()
        self._render_timer.start()
        self.resized.emit()

    # --- input ----------------------------------------------------------------------------

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            (self.zoom_in if event.angleDelta().y() > 0 else self.zoom_out)()
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event) -> None:
        vbar = self.verticalScrollBar()
        key = event.key()
        shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
        elif key in (Qt.Key.Key_PageDown, Qt.Key.Key_Space) and not shift:
            vbar.setValue(vbar.value() + vbar.pageStep() - 40)
        elif key == Qt.Key.Key_PageUp or (key == Qt.Key.Key_Space and shift):
            vbar.setValue(vbar.value() - vbar.pageStep() + 40)
        elif key == Qt.Key.Key_Home:
            self.go_to(0)
        elif key == Qt.Key.Key_End:
            self.go_to(self.page_count - 1)
        else:
            super().keyPressEvent(event)

    def _strip_point(self, pos: QPointF) -> tuple[float, float]:
        return (
            pos.x() + self.horizontalScrollBar().value(),
            pos.y() + self.verticalScrollBar().value(),
        )

    def _link_at(self, pos: QPointF) -> dict | None:
        page, x, y = self.page_layout.to_page(*self._strip_point(pos))
        for link in self._links.get(page, []):
            x0, y0, x1, y1 = link["rect"]
            if x0 <= x <= x1 and y0 <= y <= y1:
                return link
        return None

    def _word_at(self, pos: QPointF) -> tuple[int, int] | None:
        page, x, y = self.page_layout.to_page(*self._strip_point(pos))
        words = self._words.get(page) or []
        if not words:
            return None
        best = min(
            range(len(words)),
            key=lambda i: (
                max(words[i][0] - x, 0, x - words[i][2]) ** 2
                + (max(words[i][1] - y, 0, y - words[i][3]) * 3) ** 2
            ),
        )
        return page, best

    def mousePressEvent(self, event) -> None:
        button = event.button()
        if button == Qt.MouseButton.BackButton:
            self.go_back()
        elif button == Qt.MouseButton.ForwardButton:
            self.go_forward()
        elif button == Qt.MouseButton.LeftButton:
            link = self._link_at(event.position())
            if link is not None:
                self.follow_link(link)
                return
            self._sel_anchor = self._word_at(event.position())
            self._selection = []
            self.viewport().update()

    def mouseMoveEvent(self, event) -> None:
        on_link = self._link_at(event.position()) is not None
        shape = Qt.CursorShape.PointingHandCursor if on_link else Qt.CursorShape.IBeamCursor
        self.viewport().setCursor(shape)
        if event.buttons() & Qt.MouseButton.LeftButton and self._sel_anchor is not None:
            end = self._word_at(event.position())
            if end is not None:
                start, stop = sorted([self._sel_anchor, end])
                self._selection = [
                    (p, i)
                    for p in range(start[0], stop[0] + 1)
                    for i in range(len(self._words.get(p, [])))
                    if (p, i) >= start and (p, i) <= stop
                ]
                self.viewport().update()

    def selection_start(self) -> tuple[int, float] | None:
        """(page 0-based, y points) of the first selected word, or None without a selection."""
        if not self._selection:
            return None
        page, index = self._selection[0]
        words = self._words.get(page, [])
        return (page, float(words[index][1])) if index < len(words) else None

    def selected_text(self) -> str:
        parts: list[str] = []
        last_line = None
        for page, index in self._selection:
            word = self._words.get(page, [])[index]
            line = (page, round(word[1]))
            if parts:
                parts.append(" " if line == last_line else "\n")
            parts.append(word[4])
            last_line = line
        return "".join(parts)

    def copy_selection(self) -> None:
        text = self.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)
            self.message.emit(self.tr("Copied the selected text"))

    def follow_link(self, link: dict) -> None:
        if link.get("page") is not None:
            self.go_to(link["page"], link.get("y", 0.0))
            return
        from brochure_reader.links import check_link

        check = check_link(link.get("uri", ""))
        if not check.allowed:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Link not opened"),
                              check.refusal, QMessageBox.StandardButton.Ok, self)
            box.exec()
            return
        web = not check.uri.lower().startswith("mailto:")
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Open a web page?") if web else self.tr("Write an e-mail?"),
            (self.tr("This link leads to a web page outside Brochure Reader:") if web else
             self.tr("This link starts an e-mail in your mail program, to:"))
            + f"\n\n{check.shown}\n\n"
            + (self.tr("Open it in your web browser?") if web else self.tr("Start the e-mail?"))
            + " " + self.tr("Brochure Reader itself never goes online."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        # Enter never leaves the reader by accident
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if box.exec() == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl(check.uri))
