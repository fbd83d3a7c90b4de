"""Read aloud's core: sentences, the reading session over a fake engine, and espeak-ng."""

from __future__ import annotations

import shutil
import time

import pytest

from brochure_reader.speech.engine import EspeakEngine, SpeechError, find_engine
from brochure_reader.speech.sentences import sentence_at, sentence_spans
from brochure_reader.speech.session import PAUSED, PLAYING, STOPPED, ReadAloud


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_sentences_end_at_stops_and_paragraphs_not_abbreviations():
    text = (
        "Bile carries waste away. Dr. Patel, e.g. your surgeon, may ask about it!"
        "\u2029Urgent:\u2029Call 111 if you have a fever of 38.5 or more…  Is it yellow?"
        "\u2029•\u2029J. Smith said so."
    )
    assert sentences(text) == [
        "Bile carries waste away.",
        "Dr. Patel, e.g. your surgeon, may ask about it!",
        "Urgent:",
        "Call 111 if you have a fever of 38.5 or more…",
        "Is it yellow?",
        "J. Smith said so.",
    ]


def test_sentence_offsets_index_the_text_and_sentence_at():
    text = "  One here.  Two there.\u2029\u2029Three"
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["One here.", "Two there.", "Three"]
    assert sentence_at(spans, 0) == 0  # before the first: the first
    assert sentence_at(spans, spans[1][0] + 2) == 1
    assert sentence_at(spans, spans[1][1] + 1) == 2  # between two: the next
    assert sentence_at(spans, len(text) + 5) == 2
    assert sentence_at([], 3) == -1


class FakeUtterance:
    def __init__(self, text: str, fail: str | None = None):
        self.text, self.fail = text, fail
        self.done = self.cancelled = False

    def finished(self) -> bool:
        return self.done or self.cancelled

    def error(self) -> str | None:
        return self.fail if self.done else None

    def cancel(self) -> None:
        self.cancelled = True


class FakeEngine:
    name = "fake"

    def __init__(self):
        self.said: list[FakeUtterance] = []
        self.rates: list[float] = []
        self.refuse = False

    def say(self, text, rate=1.0, language=""):
        if self.refuse:
            raise SpeechError("no voice")
        self.rates.append(rate)
        self.said.append(FakeUtterance(text))
        return self.said[-1]

    def finish(self) -> None:
        self.said[-1].done = True


TEXT = "First sentence here. Second one follows.\u2029Third, in a new paragraph."


def make_session(engine):
    events = {"sentences": [], "states": [], "errors": []}
    session = ReadAloud(
        engine,
        on_sentence=lambda s, e: events["sentences"].append((s, e)),
        on_state=events["states"].append,
        on_error=events["errors"].append,
    )
    return session, events


def test_reads_from_the_sentence_at_the_position_to_the_end():
    engine = FakeEngine()
    session, events = make_session(engine)
    assert session.start(TEXT, TEXT.index("one follows"), "en-GB")
    assert session.state == PLAYING
    assert [u.text for u in engine.said] == ["Second one follows."]
    session.poll()  # not finished yet: nothing moves
    assert len(engine.said) == 1
    engine.finish()
    session.poll()
    assert engine.said[-1].text == "Third, in a new paragraph."
    assert TEXT[slice(*session.sentence)] == "Third, in a new paragraph."
    engine.finish()
    session.poll()
    assert session.state == STOPPED and session.sentence is None
    assert events["states"] == [PLAYING, STOPPED]
    assert events["sentences"][-1] == (-1, -1)
    assert [TEXT[s:e] for s, e in events["sentences"][:-1]] == [
        "Second one follows.", "Third, in a new paragraph."]


def test_pause_cancels_and_resume_reads_the_sentence_again():
    engine = FakeEngine()
    session, events = make_session(engine)
    session.start(TEXT, 0)
    first = engine.said[-1]
    session.toggle()
    assert session.state == PAUSED and first.cancelled
    assert TEXT[slice(*session.sentence)] == "First sentence here."  # still highlighted
    session.poll()
    assert len(engine.said) == 1  # nothing read while paused
    session.set_rate(1.5)
    session.toggle()
    assert session.state == PLAYING
    assert [u.text for u in engine.said] == ["First sentence here.", "First sentence here."]
    assert engine.rates == [1.0, 1.5]
    session.stop()
    assert engine.said[-1].cancelled and session.state == STOPPED
    assert events["states"] == [PLAYING, PAUSED, PLAYING, STOPPED]


def test_engine_failure_stops_with_a_message():
    engine = FakeEngine()
    session, events = make_session(engine)
    session.start(TEXT, 0)
    engine.said[-1].fail = "espeak-ng could not speak (exit status 1)"
    engine.finish()
    session.poll()
    assert session.state == STOPPED
    assert events["errors"] == ["espeak-ng could not speak (exit status 1)"]
    engine.refuse = True
    assert not session.start(TEXT, 0)
    assert events["errors"][-1] == "no voice"


def test_a_text_without_sentences_does_not_start():
    session, events = make_session(FakeEngine())
    assert not session.start("\u2029 • \u2029", 0)
    assert session.state == STOPPED and events["states"] == []


def test_no_engine_on_an_empty_path(monkeypatch):
    monkeypatch.setenv("PATH", "")
    assert find_engine() is None


ESPEAK = shutil.which("espeak-ng")


@pytest.mark.skipif(ESPEAK is None, reason="espeak-ng is not installed (Debian: espeak-ng)")
def test_espeak_ng_speaks_advances_and_stops():
    engine = find_engine()
    assert isinstance(engine, EspeakEngine)
    assert engine.voice_for("en-GB") == "en-gb"
    assert engine.voice_for("fr") in ("fr", "fr-fr")
    assert engine.voice_for("xx-YY") is None
    session, events = make_session(engine)
    assert session.start(TEXT, 0, "en-GB")
    process = session._utterance._process
    assert process.args[0] == ESPEAK and "-v" in process.args
    deadline = time.monotonic() + 30
    while len(events["sentences"]) < 2 and time.monotonic() < deadline:
        session.poll()
        time.sleep(0.02)
    assert [TEXT[s:e] for s, e in events["sentences"][:2]] == [
        "First sentence here.", "Second one follows."]
    assert events["errors"] == []
    current = session._utterance
    session.stop()
    assert session.state == STOPPED
    if current is not None:
        assert current.finished()  # the process has ended: the engine is silent
