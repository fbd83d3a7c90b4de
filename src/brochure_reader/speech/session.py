"""Reading a text aloud sentence by sentence, from a position, with pause, resume and stop.

:class:`ReadAloud` is a small state machine ("stopped", "playing", "paused") over an
:class:`~.engine.SpeechEngine`.  It never blocks and starts no thread: the owner calls
:meth:`ReadAloud.poll` a few times a second while it plays, and is told through two callbacks
which sentence is being read and when the state changes.  Pausing ends the sentence being
spoken; resuming reads that sentence again from its start (an engine that runs one process per
sentence cannot hold its sound mid-word on every system).
"""

from __future__ import annotations

from collections.abc import Callable

from brochure_reader.speech.engine import SpeechEngine, SpeechError, Utterance
from brochure_reader.speech.sentences import sentence_at, sentence_spans

STOPPED, PLAYING, PAUSED = "stopped", "playing", "paused"
#: Reading speeds offered (a multiple of the engine's normal speed).
RATES = (0.6, 0.8, 1.0, 1.25, 1.5, 2.0)


class ReadAloud:
    """Reads a text aloud.

    *on_sentence(start, end)* gets the character offsets of each sentence as it starts (and
    ``(-1, -1)`` when reading stops); *on_state(state)* each change of state; *on_error(message)*
    a sentence for the reader when the engine fails (reading has then stopped).
    """

    def __init__(
        self,
        engine: SpeechEngine,
        on_sentence: Callable[[int, int], None] = lambda _s, _e: None,
        on_state: Callable[[str], None] = lambda _state: None,
        on_error: Callable[[str], None] = lambda _message: None,
    ):
        self.engine = engine
        self.on_sentence, self.on_state, self.on_error = on_sentence, on_state, on_error
        self.state = STOPPED
        self.rate = 1.0
        self.language = ""
        self._text = ""
        self._spans: list[tuple[int, int]] = []
        self._index = -1
        self._utterance: Utterance | None = None

    @property
    def sentence(self) -> tuple[int, int] | None:
        """Offsets of the sentence being read (or paused in), else None."""
        if self.state == STOPPED or not 0 <= self._index < len(self._spans):
            return None
        return self._spans[self._index]

    def start(self, text: str, position: int = 0, language: str = "") -> bool:
        """Read *text* from the sentence holding character *position* (whatever was being
        read stops).  Returns False when the text has no sentence from there on."""
        self._cancel()
        self._text, self.language = text, language
        self._spans = sentence_spans(text)
        self._index = sentence_at(self._spans, position)
        if self._index < 0:
            self._set_state(STOPPED)
            return False
        self._set_state(PLAYING)
        self._speak()
        return self.state == PLAYING

    def pause(self) -> None:
        if self.state == PLAYING:
            self._cancel()
            self._set_state(PAUSED)

    def resume(self) -> None:
        if self.state == PAUSED:
            self._set_state(PLAYING)
            self._speak()

    def toggle(self) -> None:
        """Pause while playing, resume while paused."""
        if self.state == PLAYING:
            self.pause()
        elif self.state == PAUSED:
            self.resume()

    def stop(self) -> None:
        """Stop reading (the engine is silent when this returns)."""
        self._cancel()
        if self.state != STOPPED:
            self._index = -1
            self._set_state(STOPPED)
            self.on_sentence(-1, -1)

    def set_rate(self, rate: float) -> None:
        """Speed as a multiple of the engine's normal speed, from the next sentence on."""
        self.rate = float(rate)

    def poll(self) -> None:
        """Move on to the next sentence once the engine has finished the current one; stop at
        the end of the text.  Call a few times a second while :attr:`state` is "playing"."""
        utterance = self._utterance
        if self.state != PLAYING or utterance is None or not utterance.finished():
            return
        self._utterance = None
        error = utterance.error()
        if error:
            self.stop()
            self.on_error(error)
            return
        self._index += 1
        if self._index >= len(self._spans):
            self.stop()
            return
        self._speak()

    def _speak(self) -> None:
        start, end = self._spans[self._index]
        self.on_sentence(start, end)
        text = " ".join(self._text[start:end].split())
        try:
            self._utterance = self.engine.say(text, self.rate, self.language)
        except SpeechError as exc:
            self.stop()
            self.on_error(str(exc))

    def _cancel(self) -> None:
        if self._utterance is not None:
            self._utterance.cancel()
            self._utterance = None

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.on_state(state)
