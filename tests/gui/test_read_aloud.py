"""Read aloud in the window: from the text view's place, the sentence highlighted and kept in
view, pause / go on / stop from the actions, speed, stopping on a new document, on the pages
and on closing, the message without a speech engine, and espeak-ng for real."""

from __future__ import annotations

import shutil

import pytest

from tests.gui.conftest import make_window
from tests.gui.test_text_view import _open
from tests.unit.test_speech import FakeEngine


@pytest.fixture
def window(qtbot, app_paths):
    from brochure_reader.library import Library

    win = make_window(qtbot, app_paths, Library.load(app_paths))
    qtbot.waitUntil(lambda: win.features_ready, timeout=30000)
    yield win
    win.service.shutdown()


@pytest.fixture
def engine(window):
    fake = FakeEngine()
    window.read_aloud.engine_finder = lambda: fake
    return fake


def spoken(window) -> str:
    span = window.text_view.spoken_range()
    assert span is not None
    return window.text_view.plain_text()[span[0]:span[1]]


def test_reads_from_the_place_highlighting_each_sentence(qtbot, window, engine):
    a = window.window_actions
    _open(qtbot, window, "cholangiocarcinoma#itching", "text")
    assert a.read_aloud.isEnabled() and not a.stop_reading.isEnabled()
    a.read_aloud.trigger()
    qtbot.waitUntil(lambda: bool(engine.said), timeout=5000)
    assert engine.said[0].text == "Itching"  # the heading at the top, where the caret is
    assert spoken(window) == "Itching"
    assert a.read_aloud.text() == "P&ause reading" and a.stop_reading.isEnabled()
    for _ in range(3):
        before = len(engine.said)
        engine.finish()
        qtbot.waitUntil(lambda before=before: len(engine.said) > before, timeout=5000)
        assert spoken(window) == engine.said[-1].text
    assert [u.text for u in engine.said] == [
        "Itching", "Itching from jaundice can be very hard to live with.",
        "A stent often eases it.", "These tips may also help:"]

    a.read_aloud.trigger()  # pause
    assert window.read_aloud.state == "paused" and engine.said[-1].cancelled
    assert a.read_aloud.text() == "Go o&n reading"
    paused_on = spoken(window)
    a.read_aloud.trigger()  # go on: the same sentence again
    assert window.read_aloud.state == "playing" and engine.said[-1].text == paused_on

    a.stop_reading.trigger()
    assert window.read_aloud.state == "stopped" and engine.said[-1].cancelled
    assert window.text_view.spoken_range() is None
    assert a.read_aloud.text() == "&Read aloud" and not a.stop_reading.isEnabled()


def test_the_sentence_is_kept_in_view_at_400_percent(qtbot, window, engine):
    _open(qtbot, window, "cholangiocarcinoma#itching", "text")
    view = window.text_view
    view.set_text_size(400)
    window.window_actions.read_aloud.trigger()
    qtbot.waitUntil(lambda: bool(engine.said), timeout=5000)
    first_scroll = view.verticalScrollBar().value()
    for _ in range(8):
        before = len(engine.said)
        engine.finish()
        qtbot.waitUntil(lambda before=before: len(engine.said) > before, timeout=5000)
        start, _end = view.spoken_range()
        cursor = view.textCursor()
        cursor.setPosition(start)
        rect = view.cursorRect(cursor)
        assert rect.top() >= 0 and rect.bottom() <= view.viewport().height()
    assert view.verticalScrollBar().value() > first_scroll  # it had to scroll


def test_speed_applies_from_the_next_sentence_and_is_remembered(qtbot, window, engine):
    _open(qtbot, window, "cholangiocarcinoma#itching", "text")
    window.window_actions.read_aloud.trigger()
    qtbot.waitUntil(lambda: bool(engine.said), timeout=5000)
    menu_texts = [action.text() for action in window.reading_speed_menu.actions()]
    assert len(menu_texts) == 6 and "&Normal (100 %)" in menu_texts
    window.read_aloud.speed.actions["150"].trigger()
    engine.finish()
    qtbot.waitUntil(lambda: len(engine.said) == 2, timeout=5000)
    assert engine.rates == [1.0, 1.5]
    assert window.settings.get("read_aloud_speed") == "150"


def test_stops_on_another_document_on_the_pages_and_on_closing(qtbot, window, engine):
    a = window.window_actions
    _open(qtbot, window, "cholangiocarcinoma#itching", "text")
    a.read_aloud.trigger()
    qtbot.waitUntil(lambda: bool(engine.said), timeout=5000)
    window.reader.open("pancreatic-cancer")
    qtbot.waitUntil(lambda: window.read_aloud.state == "stopped", timeout=10000)
    assert engine.said[-1].cancelled

    qtbot.waitUntil(lambda: window.view_modes.shown_document == "pancreatic-cancer",
                    timeout=30000)
    a.read_aloud.trigger()
    qtbot.waitUntil(lambda: window.read_aloud.state == "playing", timeout=10000)
    a.page_view.trigger()
    assert window.read_aloud.state == "stopped" and engine.said[-1].cancelled

    # from the pages, Read aloud switches to the text at the same place and reads there
    a.read_aloud.trigger()
    qtbot.waitUntil(lambda: window.read_aloud.state == "playing", timeout=30000)
    assert window.view_modes.mode == "text"
    window.close()
    assert window.read_aloud.state == "stopped" and engine.said[-1].cancelled


def test_without_a_speech_engine_the_reader_is_told_what_to_install(
        qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    told = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _parent, title, text, *args: told.append((title, text)))
    window.read_aloud.engine_finder = lambda: None
    _open(qtbot, window, "cholangiocarcinoma#itching", "text")
    window.window_actions.read_aloud.trigger()
    assert len(told) == 1 and "espeak-ng" in told[0][1]
    assert window.read_aloud.state == "stopped"


@pytest.mark.skipif(shutil.which("espeak-ng") is None,
                    reason="espeak-ng is not installed (Debian: espeak-ng)")
def test_espeak_ng_reads_and_stops(qtbot, window):
    from brochure_reader.speech.engine import EspeakEngine

    _open(qtbot, window, "cholangiocarcinoma#itching", "text")
    seen = []
    view = window.text_view
    original = view.show_spoken
    view.show_spoken = lambda s, e: (seen.append((s, e)), original(s, e))
    window.window_actions.read_aloud.trigger()
    assert isinstance(window.read_aloud.session.engine, EspeakEngine)
    qtbot.waitUntil(lambda: len([s for s in seen if s[0] >= 0]) >= 3, timeout=60000)
    starts = [s for s, _e in seen if s >= 0]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)  # it advances
    utterance = window.read_aloud.session._utterance
    window.window_actions.stop_reading.trigger()
    assert window.read_aloud.state == "stopped"
    assert utterance is None or utterance.finished()
