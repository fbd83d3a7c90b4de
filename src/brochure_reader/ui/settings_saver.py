"""Saving settings as they change: debounced, off the GUI thread, failures told once.

Reading positions change on every scroll; :class:`SettingsSaver` waits until the reader has
stopped for :data:`DELAY_MS`, then runs :meth:`Settings.save` (merge with the file on disk,
atomic write) on a background thread, so a killed process loses at most the last second and the
GUI thread never waits on the disk.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer, Signal

from brochure_reader.settings import Settings
from brochure_reader.ui.i18n import translate

#: Quiet time after the last change before the settings are written.
DELAY_MS = 1000


class SettingsSaver(QObject):
    """``schedule()`` after a change; ``flush()`` writes now (at quit).  ``failed(sentence)`` is
    emitted once per session when the disk refuses (full, read-only)."""

    failed = Signal(str)
    _failed_from_thread = Signal(str)

    def __init__(self, settings: Settings, parent: QObject | None = None):
        super().__init__(parent)
        self.settings = settings
        self.reported = False
        self._thread: threading.Thread | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self._save_in_background)
        self._failed_from_thread.connect(self._report)

    def schedule(self, *_args) -> None:
        """(Re)start the quiet-time timer; extra arguments (a signal's) are ignored."""
        self._timer.start()

    def _save_in_background(self) -> None:
        if not self.settings.dirty:
            return
        if self._thread is not None and self._thread.is_alive():
            self._timer.start()  # the last write is still going: try again shortly
            return
        self._thread = threading.Thread(target=self._save, name="settings-save", daemon=True)
        self._thread.start()

    def _save(self) -> None:
        try:
            self.settings.save()
        except OSError as exc:
            self._failed_from_thread.emit(self.sentence(exc))

    @staticmethod
    def sentence(exc: OSError) -> str:
        return translate("SettingsSaver", "Your reading positions and settings could not be "
                         "saved ({reason}). They are kept while the reader is open.").format(
                             reason=exc.strerror or exc)  # fmt: skip

    def _report(self, sentence: str) -> None:
        if not self.reported:
            self.reported = True
            self.failed.emit(sentence)

    def flush(self) -> str | None:
        """Write now, on this thread (after a running background write); returns the sentence
        to show if that fails and it was not reported yet, else None."""
        self._timer.stop()
        if self._thread is not None:
            self._thread.join(10)
        try:
            self.settings.save()
        except OSError as exc:
            if self.reported:
                return None
            self.reported = True
            return self.sentence(exc)
        return None
