"""Changes made by another process (a second window, the ``brochure-reader bookmarks`` CLI):
the bookmarks file is polled, as SQLite offers no change notification across processes."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from brochure_reader.bookmarks.store import BookmarkStore, StoreError

#: How often (ms) the dock looks for changes made by another process.
POLL_INTERVAL_MS = 2000


class StoreWatcher(QObject):
    """Asks ``store.changed_elsewhere()`` every *interval_ms* and emits :attr:`changed`
    when another process wrote to the store."""

    #: another process changed the store (reload what is shown)
    changed = Signal()

    def __init__(
        self, store: BookmarkStore, parent: QObject | None, interval_ms: int = POLL_INTERVAL_MS
    ):
        super().__init__(parent)
        self.store = store
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def poll(self) -> bool:
        """Look now; True (after :attr:`changed` was emitted) when another process wrote.
        An unreadable file counts as unchanged: the next poll tries again."""
        try:
            if not self.store.changed_elsewhere():
                return False
        except StoreError:
            return False
        self.changed.emit()
        return True
