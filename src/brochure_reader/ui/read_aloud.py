"""View > Read aloud: the text view's text read sentence by sentence, the sentence highlighted.

The GUI side of :mod:`brochure_reader.speech`: the actions (Read aloud / Pause / Go on, Stop,
Reading speed) and a timer that polls the reading session while it plays.  Reading starts at
the caret when it is in view, else at the top of the view; from the page view it first switches
to the text view at the same place.  It stops when another document opens, when the reader goes
back to the pages or the start page, and when the window closes.  Without a speech engine the
actions stay (so the feature can be found) and say what to install.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QMenu, QMessageBox

from brochure_reader.settings import Settings
from brochure_reader.speech.engine import SpeechEngine, find_engine, no_engine_message
from brochure_reader.speech.session import PAUSED, PLAYING, STOPPED, ReadAloud
from brochure_reader.ui.actions import Actions
from brochure_reader.ui.appearance import SettingChoice

# How often the session is polled while it plays (ms).
POLL_MS = 60
# How long a switch to the text view may take to show the text before reading gives up (ms).
TEXT_WAIT_MS = 15000
# How long reading waits for the text view to be put at the page view's place (ms).
PLACE_WAIT_MS = 3000

SPEED_LABELS = {
    "60": QT_TRANSLATE_NOOP("ReadAloud", "&Slow (60 %)"),
    "80": QT_TRANSLATE_NOOP("ReadAloud", "A &little slower (80 %)"),
    "100": QT_TRANSLATE_NOOP("ReadAloud", "&Normal (100 %)"),
    "125": QT_TRANSLATE_NOOP("ReadAloud", "A little &faster (125 %)"),
    "150": QT_TRANSLATE_NOOP("ReadAloud", "F&ast (150 %)"),
    "200": QT_TRANSLATE_NOOP("ReadAloud", "&Very fast (200 %)"),
}


class ReadAloudController(QObject):
    """Wires the read-aloud actions to a :class:`ReadAloud` session over the text view.

    *window* is the main window (its ``text_view``, ``view_modes``, ``reader``, ``library``,
    ``say`` and ``_in_text``); *engine_finder* returns the speech engine or None (tests pass
    a fake)."""

    def __init__(self, window, actions: Actions, settings: Settings,
                 engine_finder: Callable[[], SpeechEngine | None] = find_engine):
        super().__init__(window)
        self.window, self.actions, self.settings = window, actions, settings
        self.engine_finder = engine_finder
        self.session: ReadAloud | None = None
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._waited = 0
        self.speed = SettingChoice(settings, "read_aloud_speed", SPEED_LABELS, "ReadAloud",
                                   "", self)
        self.speed.changed.connect(self._speed_changed)
        self._failed_now = False
        actions.read_aloud.triggered.connect(self.play_pause)
        actions.stop_reading.triggered.connect(self.stop)
        self._show_state(STOPPED)
        window.reader.document_opened.connect(lambda _doc_id: self.stop())
        # the pages or the start page replace the text view: reading stops
        window.stack.currentChanged.connect(self._shown_widget_changed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    def fill_speed_menu(self, menu: QMenu) -> None:
        """View > Reading speed: one checkable action per speed."""
        menu.addActions(list(self.speed.actions.values()))

    # --- the actions ----------------------------------------------------------------------------

    def play_pause(self) -> None:
        """Read aloud from here; pause while reading; go on while paused."""
        if self.session is not None and self.session.state != STOPPED:
            self.session.toggle()
            return
        if self.window.reader.current is None:
            return
        if self.session is None:
            engine = self.engine_finder()
            if engine is None:
                QMessageBox.information(self.window, self.tr("Read aloud"), no_engine_message())
                return
            self.session = ReadAloud(engine, self._sentence, self._show_state, self._failed)
        if not self.window._in_text():
            self.window.view_modes.set_mode("text")
        self._waited = 0
        self._start_when_shown()

    def stop(self) -> None:
        """Stop reading (silent at once; the highlight goes)."""
        if self.session is not None:
            self.session.stop()
        self._waited = -1  # a start still waiting for the text gives up

    @property
    def state(self) -> str:
        return self.session.state if self.session is not None else STOPPED

    # --- reading --------------------------------------------------------------------------------

    def _start_when_shown(self) -> None:
        """Start once the text view holds the current document's text (at once for our
        brochures; an imported file's text comes from a worker)."""
        if self._waited < 0:
            return
        modes, doc, session = self.window.view_modes, self.window.reader.current, self.session
        if doc is None or session is None or not self.window._in_text():
            return
        # wait for the text, and briefly for its place (the worker's text map)
        placing = modes.place_pending and self._waited < PLACE_WAIT_MS
        if modes.shown_document != doc.id or placing:
            if self._waited >= TEXT_WAIT_MS:
                return
            self._waited += 100
            QTimer.singleShot(100, self._start_when_shown)
            return
        view = self.window.text_view
        session.set_rate(int(self.speed.value()) / 100)
        self._failed_now = False
        started = session.start(view.plain_text(), self._start_position(), self._language())
        if not started and not self._failed_now:
            self.window.say(self.tr("There is no text to read aloud from here."))

    def _shown_widget_changed(self, _index: int) -> None:
        if self.window.stack.currentWidget() is not self.window._text_view:
            self.stop()

    def _start_position(self) -> int:
        """The caret when it is in view (the reader put it there), else the top of the view."""
        view = self.window.text_view
        rect = view.cursorRect()
        if rect.top() >= 0 and rect.bottom() <= view.viewport().height():
            return view.textCursor().position()
        return view.top_position()

    def _language(self) -> str:
        doc = self.window.reader.current
        try:
            return self.window.library.pack_of(doc).language
        except (StopIteration, AttributeError):
            return ""

    def _sentence(self, start: int, end: int) -> None:
        self.window.text_view.show_spoken(start, end)

    def _show_state(self, state: str) -> None:
        a = self.actions
        if state == PLAYING:
            a.read_aloud.setText(self.tr("P&ause reading"))
            a.read_aloud.setIconText(self.tr("Pause"))
            self._timer.start()
        elif state == PAUSED:
            a.read_aloud.setText(self.tr("Go o&n reading"))
            a.read_aloud.setIconText(self.tr("Go on"))
            self._timer.stop()
        else:
            a.read_aloud.setText(self.tr("&Read aloud"))
            a.read_aloud.setIconText(self.tr("Read aloud"))
            self._timer.stop()
        a.stop_reading.setEnabled(state != STOPPED)

    def _failed(self, message: str) -> None:
        self._failed_now = True
        self.window.say(self.tr("Reading aloud stopped: {reason}").format(reason=message))

    def _poll(self) -> None:
        if self.session is not None:
            self.session.poll()

    def _speed_changed(self, value: str) -> None:
        if self.session is not None:
            self.session.set_rate(int(value) / 100)
