"""Starting the GUI: QApplication, fonts, the main window."""

from __future__ import annotations

import sys
import time

from brochure_reader.paths import AppPaths

_T0 = time.perf_counter()


def run(paths: AppPaths, target: str | None = None, smoke: bool = False) -> int:
    """Run the reader window; returns the exit status.  *smoke*: quit once painted and print
    the time from process start to the first painted window."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from brochure_reader import APP_NAME, APP_TITLE
    from brochure_reader.library import Library
    from brochure_reader.settings import Settings
    from brochure_reader.ui.main_window import MainWindow
    from brochure_reader.ui.worker_bridge import DocumentService

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    font = app.font()
    font.setPointSizeF(max(font.pointSizeF(), 11.5))
    app.setFont(font)
    try:
        paths.ensure()
    except OSError as exc:
        print(f"{APP_NAME}: error: cannot create {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 1
    settings = Settings(paths.settings_file)
    library = Library.load(paths)
    library.problems.extend(settings.problems)
    window = MainWindow(paths, library, settings, DocumentService())
    window.restore_layout()
    window.show()
    if smoke:

        def done() -> None:
            print(f"ready in {time.perf_counter() - _T0:.3f} s")
            window.close()

        QTimer.singleShot(0, done)
        return app.exec()
    QTimer.singleShot(0, window.start)
    QTimer.singleShot(0, lambda: window.open_target(target))
    return app.exec()
