"""Starting the GUI: QApplication, fonts, the main window."""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING

from brochure_reader.paths import AppPaths, assets_dir

if TYPE_CHECKING:
    from brochure_reader.i18n import Locale

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


def _early_workers():
    """The worker lanes with the ``view`` lane's process already starting: called before Qt
    is imported, so the worker's import of PyMuPDF (about 0.2-0.4 s) overlaps this process's
    import of Qt instead of following the first paint (issue 16).  Plain Python, no Qt."""
    from brochure_reader.pdf.worker import Workers

    workers = Workers()
    workers.lanes["view"].start()
    return workers


def _when_painted(window, callback) -> None:
    """Call *callback* once, on the event loop, after *window* or a child has been painted."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class PaintWatcher(QObject):
        def eventFilter(self, obj, event) -> bool:
            if event.type() == QEvent.Type.Paint and (
                obj is window or (hasattr(obj, "window") and obj.window() is window)
            ):
                app = QApplication.instance()
                if app is not None:
                    app.removeEventFilter(self)
                QTimer.singleShot(0, callback)
            return False

    watcher = PaintWatcher(window)
    app = QApplication.instance()
    assert app is not None, "a QApplication runs before any window is shown"
    app.installEventFilter(watcher)


def _close_on_terminate(window) -> None:
    """SIGTERM (logout, ``kill``, a service manager) closes the window like the user would, so
    positions are saved and the workers stop.  Python runs signal handlers only when the
    interpreter gets control, so a timer wakes it four times a second."""
    import signal

    from PySide6.QtCore import QTimer

    if not hasattr(signal, "SIGTERM") or sys.platform == "win32":
        return
    signal.signal(signal.SIGTERM, lambda *_: QTimer.singleShot(0, window.close))
    wake = QTimer(window)
    wake.timeout.connect(lambda: None)
    wake.start(250)


def run(
    paths: AppPaths,
    target: str | None = None,
    smoke: bool = False,
    view: str | None = None,
    locale: Locale | None = None,
) -> int:
    """Run the reader window; returns the exit status.  *smoke*: quit once painted and print
    the time from process start to the first painted window ("ready in S s …"); with a
    *target*, also to its first page painted ("first page painted in S s …"), then quit.
    *view* ("page", "text") is the view *target* opens in.  *locale*: the interface language
    (default: the ``language`` setting, else the system's)."""
    workers = _early_workers() if target else None
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from brochure_reader import APP_NAME, APP_TITLE
    from brochure_reader.library import Library
    from brochure_reader.settings import Settings
    from brochure_reader.ui.jobs import JobRunner
    from brochure_reader.ui.main_window import MainWindow
    from brochure_reader.ui.theme import apply_text_size

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
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
        if workers is not None:
            workers.shutdown()
        return 1
    settings = Settings(paths.settings_file)
    if settings.problems:  # write the repaired settings now, so each problem is told once
        try:
            settings.save()
        except OSError:
            pass  # reported by the first save the window tries
    from brochure_reader.i18n import resolve
    from brochure_reader.ui.i18n import install as install_translations

    install_translations(app, locale or resolve(None, settings.get("language")))
    apply_text_size(app, settings.get("larger_text"))
    from brochure_reader.ui.focus_ring import install as install_focus_ring

    install_focus_ring(app)
    from brochure_reader.ui.theme import apply_theme

    apply_theme(app, settings.get("theme"))
    library = Library.load(paths)
    library.problems.extend(settings.problems)
    window = MainWindow(paths, library, settings, JobRunner(workers if workers is not None else 1))
    window.restore_layout()
    window.show()

    def report(what: str) -> None:
        seconds, since = _seconds_since_start()
        print(f"{what} in {seconds:.3f} s (from {since}; unix time {time.time():.3f})")
        sys.stdout.flush()

    def page_painted(_page: int) -> None:
        window.page_view.page_painted.disconnect(page_painted)
        report("first page painted")
        QTimer.singleShot(300, window.close)

    def painted() -> None:
        if smoke:
            report("ready")
        if smoke and target:  # report when the document's first page is on screen, then quit
            window.page_view.page_painted.connect(page_painted)
        # the target first; workers, outlines, search and bookmarks docks, indexing after
        window.start_with(target, view)
        if smoke and not target:
            QTimer.singleShot(300, window.close)  # the docks were built without error

    _when_painted(window, painted)
    _close_on_terminate(window)
    if smoke:
        QTimer.singleShot(60_000, app.quit)  # never hang a smoke test
    return app.exec()
