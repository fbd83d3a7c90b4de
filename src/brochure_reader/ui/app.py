"""Starting the GUI: QApplication, fonts, the main window."""

from __future__ import annotations

import sys
import time

from brochure_reader.paths import AppPaths, assets_dir

#: The freedesktop application id (.desktop file, AppStream, icon names).
DESKTOP_ID = "org.brochurereader.BrochureReader"

_T0 = time.perf_counter()  # fallback start for the smoke timing (see _seconds_since_start)


def _seconds_since_start() -> tuple[float, str]:
    """``(seconds, what)``: time since the process started (Linux: /proc, Windows:
    GetProcessTimes), else since this module was imported."""
    try:
        if sys.platform.startswith("linux"):
            import os

            with open("/proc/self/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
            with open("/proc/uptime", "rb") as handle:
                uptime = float(handle.read().split()[0])
            started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22: starttime
            return max(uptime - started, 0.0), "process start"
        if sys.platform == "win32":
            import ctypes
            from ctypes import wintypes

            created, exited, kernel, user = (wintypes.FILETIME() for _ in range(4))
            kernel32 = ctypes.windll.kernel32
            if kernel32.GetProcessTimes(
                kernel32.GetCurrentProcess(),
                ctypes.byref(created),
                ctypes.byref(exited),
                ctypes.byref(kernel),
                ctypes.byref(user),
            ):
                now = wintypes.FILETIME()
                kernel32.GetSystemTimeAsFileTime(ctypes.byref(now))

                def ticks(ft: wintypes.FILETIME) -> int:  # 100 ns units
                    return (ft.dwHighDateTime << 32) | ft.dwLowDateTime

                return (ticks(now) - ticks(created)) / 1e7, "process start"
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    return time.perf_counter() - _T0, "GUI module import"


def _when_painted(window, callback) -> None:
    """Call *callback* once, on the event loop, after *window* or a child has been painted."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class PaintWatcher(QObject):
        def eventFilter(self, obj, event) -> bool:
            if event.type() == QEvent.Type.Paint and (
                obj is window or (hasattr(obj, "window") and obj.window() is window)
            ):
                QApplication.instance().removeEventFilter(self)
                QTimer.singleShot(0, callback)
            return False

    watcher = PaintWatcher(window)
    QApplication.instance().installEventFilter(watcher)


def run(paths: AppPaths, target: str | None = None, smoke: bool = False) -> int:
    """Run the reader window; returns the exit status.  *smoke*: quit once painted and print
    the time from process start to the first painted window."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from brochure_reader import APP_NAME, APP_TITLE
    from brochure_reader.library import Library
    from brochure_reader.settings import Settings
    from brochure_reader.ui.jobs import JobRunner
    from brochure_reader.ui.main_window import MainWindow
    from brochure_reader.ui.theme import apply_text_size

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    app.setDesktopFileName(DESKTOP_ID)
    icon = assets_dir() / "icons" / f"{DESKTOP_ID}.svg"
    if icon.is_file():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
    try:
        paths.ensure()
    except OSError as exc:
        print(f"{APP_NAME}: error: cannot create {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 1
    settings = Settings(paths.settings_file)
    apply_text_size(app, settings.get("larger_text"))
    library = Library.load(paths)
    library.problems.extend(settings.problems)
    window = MainWindow(paths, library, settings, JobRunner())
    window.restore_layout()
    window.show()

    def painted() -> None:
        if smoke:
            seconds, since = _seconds_since_start()
            print(f"ready in {seconds:.3f} s (from {since} to the first painted window)")
            sys.stdout.flush()
        window.start()  # workers, outlines, search and bookmarks docks, indexing
        if smoke:
            QTimer.singleShot(300, window.close)  # the docks were built without error
        else:
            window.open_target(target)

    _when_painted(window, painted)
    if smoke:
        QTimer.singleShot(60_000, app.quit)  # never hang a smoke test
    return app.exec()
