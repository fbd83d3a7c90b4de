"""Speech engines: one sentence spoken at a time, never blocking the caller.

The engine is espeak-ng's command line (``espeak-ng``, or the older ``espeak``), one process per
sentence: the text goes in on standard input, the sound to the system's audio output, and
stopping is ending the process.  Why not a Python binding: pyttsx3 (2.99) plays each utterance
with a blocking ``aplay`` call inside espeak's callback, so it can neither stop mid-sentence nor
pause; python3-speechd needs the speech-dispatcher daemon and exists only as a Debian package
(not on PyPI); QtTextToSpeech is in PySide6-Addons, not in the PySide6-Essentials we ship.
Any other engine fits behind :class:`SpeechEngine` (tests use a fake one).
"""

from __future__ import annotations

import shutil
import subprocess
from typing import Protocol

from brochure_reader.i18n import _

#: espeak-ng's own default speed, words per minute (``espeak-ng --help``: ``-s``).
ESPEAK_WORDS_PER_MINUTE = 175
#: The speeds espeak-ng accepts, words per minute.
ESPEAK_RATE_RANGE = (80, 450)


class SpeechError(Exception):
    """The engine could not speak (its message is a sentence for the reader)."""


class Utterance(Protocol):
    """One sentence being spoken."""

    def finished(self) -> bool:
        """True once the sentence was spoken (or failed, or was cancelled)."""

    def error(self) -> str | None:
        """Why the sentence could not be spoken (a sentence for the reader), else None."""

    def cancel(self) -> None:
        """Stop speaking now (nothing happens once finished)."""


class SpeechEngine(Protocol):
    """Something that speaks text."""

    #: the engine's name, as the reader may see it ("espeak-ng")
    name: str

    def say(self, text: str, rate: float = 1.0, language: str = "") -> Utterance:
        """Start speaking *text* at *rate* (1.0 = the engine's normal speed) in the voice
        for *language* (a BCP 47 tag such as ``en-GB``; "" = the default voice).  Returns at
        once.  Raises :class:`SpeechError` when speech cannot start."""


class ProcessUtterance:
    """A sentence spoken by a child process."""

    def __init__(self, process: subprocess.Popen, name: str):
        self._process, self._name = process, name
        self._cancelled = False

    def finished(self) -> bool:
        return self._process.poll() is not None

    def error(self) -> str | None:
        code = self._process.poll()
        if code in (None, 0) or self._cancelled:
            return None
        return _("{engine} could not speak (exit status {code})").format(
            engine=self._name, code=code)

    def cancel(self) -> None:
        if self._process.poll() is not None:
            return
        self._cancelled = True
        self._process.terminate()
        try:
            self._process.wait(timeout=1)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()


class EspeakEngine:
    """espeak-ng (or espeak) started once per sentence: ``espeak-ng -s WPM -v VOICE -b 1``."""

    def __init__(self, executable: str):
        self.executable = executable
        self.name = "espeak-ng" if "espeak-ng" in executable else "espeak"
        self._voices: set[str] | None = None

    def voices(self) -> set[str]:
        """The language names of the installed voices (``en-gb``, ``fr-fr``, ``fr`` …, lower
        case), read once from ``--voices`` (empty when that fails)."""
        if self._voices is None:
            try:
                listing = subprocess.run(
                    [self.executable, "--voices"], capture_output=True, text=True, timeout=10,
                    check=False,
                ).stdout
            except (OSError, subprocess.SubprocessError):
                listing = ""
            names = set()
            for line in listing.splitlines()[1:]:
                fields = line.split()
                if len(fields) >= 2:
                    names.add(fields[1].lower())
            self._voices = names
        return self._voices

    def voice_for(self, language: str) -> str | None:
        """The voice for a BCP 47 *language* tag: the tag itself (``en-gb``), else its
        language (``en``, ``fr-fr``), else any voice of that language; None = the default voice."""
        tag = language.lower().replace("_", "-")
        if not tag:
            return None
        voices = self.voices()
        primary = tag.split("-")[0]
        for candidate in (tag, primary, f"{primary}-{primary}"):
            if candidate in voices:
                return candidate
        return next((v for v in sorted(voices) if v.split("-")[0] == primary), None)

    def say(self, text: str, rate: float = 1.0, language: str = "") -> ProcessUtterance:
        low, high = ESPEAK_RATE_RANGE
        words_per_minute = round(min(max(ESPEAK_WORDS_PER_MINUTE * rate, low), high))
        command = [self.executable, "-s", str(words_per_minute), "-b", "1"]
        voice = self.voice_for(language)
        if voice:
            command += ["-v", voice]
        try:
            process = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError as exc:
            raise SpeechError(_("{engine} could not be started: {reason}").format(
                engine=self.name, reason=exc.strerror or exc)) from exc
        try:
            assert process.stdin is not None  # stdin=PIPE
            process.stdin.write(text.encode("utf-8"))  # a sentence: far below a pipe's buffer
            process.stdin.close()
        except OSError:
            pass  # the engine ended at once: finished() and error() tell
        return ProcessUtterance(process, self.name)


def find_engine() -> SpeechEngine | None:
    """The installed speech engine (espeak-ng, else espeak on the PATH), or None."""
    for name in ("espeak-ng", "espeak"):
        path = shutil.which(name)
        if path:
            return EspeakEngine(path)
    return None


#: What to tell a reader whose computer has no speech engine.
def no_engine_message() -> str:
    return _(
        "Read aloud needs a speech engine, and none is installed. Install espeak-ng (on Debian "
        "or Ubuntu: sudo apt install espeak-ng), then choose Read aloud again."
    )
