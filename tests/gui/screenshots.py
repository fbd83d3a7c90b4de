"""Take the README/docs screenshots of the real app (offscreen).

    QT_QPA_PLATFORM=offscreen python -m tests.gui.screenshots HOME OUT.png [DOC_ID[#slug]] [SEARCH]

HOME is a --home folder; the window is 1280×860; waits for outlines and renders.  The interface
language is the system's, or SCREENSHOT_LANG (``fr_FR``) when set.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def wait(ms: int) -> None:
    """Run the event loop for *ms* milliseconds (renders and worker results arrive meanwhile)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def screenshot_app(home: str):
    """The QApplication every docs screenshot uses, and the profile at *home*.

    Installs the interface language (SCREENSHOT_LANG, e.g. ``fr_FR``, else the system's) and an
    11.5 pt font. Returns ``(app, paths)``: the QApplication and the ensured AppPaths.
    """
    from PySide6.QtWidgets import QApplication

    from brochure_reader.i18n import resolve
    from brochure_reader.paths import AppPaths
    from brochure_reader.ui.i18n import install

    app = QApplication([])
    install(app, resolve(os.environ.get("SCREENSHOT_LANG")))
    font = app.font()
    font.setPointSizeF(11.5)
    app.setFont(font)
    return app, AppPaths.from_home(home).ensure()


def main(argv: list[str]) -> int:
    from brochure_reader.library import Library
    from brochure_reader.settings import Settings
    from brochure_reader.ui.jobs import JobRunner
    from brochure_reader.ui.main_window import MainWindow

    home, out = argv[0], argv[1]
    target = argv[2] if len(argv) > 2 else ""
    query = argv[3] if len(argv) > 3 else ""
    _app, paths = screenshot_app(home)  # the QApplication must outlive the window
    window = MainWindow(paths, Library.load(paths), Settings(paths.settings_file),
                        JobRunner())
    window.resize(1280, 860)
    window.show()
    window.start()
    wait(2500)
    if target:
        window.reader.open_ref(target)
        wait(3000)
    if query:
        window.open_search()
        window.search_panel.set_query(query)
        wait(2500)
        window.search_panel.next_hit()
        wait(3000)
    window.grab().save(out)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
