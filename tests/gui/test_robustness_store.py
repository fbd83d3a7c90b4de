"""Issue 15, item 4: with a read-only data folder the reader starts, the Bookmarks dock shows
every bookmark, the reason is said once, and Ctrl+D says why it cannot save."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from brochure_reader.bookmarks.store import BookmarkStore
from tests.disk_support import read_only


def test_read_only_data_folder_shows_bookmarks(qtbot, app_paths, corpus_library):
    from brochure_reader.settings import Settings
    from brochure_reader.ui.jobs import JobRunner
    from brochure_reader.ui.main_window import MainWindow

    with BookmarkStore.open(app_paths) as store:
        store.add("geotopo", 3, 20.0, label="Where I stopped")
        store.add("labels", 1, 0.0, label="Ask about this")
    with read_only(app_paths.data):
        win = MainWindow(app_paths, corpus_library, Settings(app_paths.settings_file),
                         JobRunner(workers=1))
        qtbot.addWidget(win)
        win.show()
        try:
            win.start()
            assert win.bookmark_store.read_only
            labels = {b.label for b in win.bookmark_store.bookmarks()}
            assert labels == {"Where I stopped", "Ask about this"}
            assert [p[:2] for p in win.bookmarks.bookmark_positions("geotopo")] == [(2, 20.0)]
            told = [w for w in win.bookmarks.findChildren(QMessageBox) if w.isVisible()]
            assert len(told) == 1 and "cannot be changed" in told[0].text()
            told[0].close()
            with qtbot.waitSignal(win.reader.document_opened, timeout=30000):
                win.reader.open("geotopo")
            win.window_actions.add_bookmark.trigger()  # Ctrl+D
            qtbot.waitUntil(lambda: any(w.isVisible() for w in
                                        win.bookmarks.findChildren(QMessageBox)), timeout=15000)
            [box] = [w for w in win.bookmarks.findChildren(QMessageBox) if w.isVisible()]
            assert "cannot be changed" in box.text()
            assert len(win.bookmark_store.bookmarks()) == 2
        finally:
            win.close()
            win.service.shutdown()
