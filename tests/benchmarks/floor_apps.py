"""The floors the launch figures are compared with: the least a Qt reader can do.

    python -m tests.benchmarks.floor_apps bare            # an empty PySide6 main window
    python -m tests.benchmarks.floor_apps page FILE.pdf   # + PyMuPDF renders page 1 into a label

Both print "painted at unix time T" and set the window title to "<name> loaded" once their
content has been painted (so :mod:`tests.benchmarks.xwatch` sees it from outside too), and
then wait to be ended.
"""

from __future__ import annotations

import sys
import time


def main() -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    mode = sys.argv[1]
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("floor")
    window.resize(1280, 860)
    label = QLabel("Ready")
    if mode == "page":
        import pymupdf
        from PySide6.QtGui import QImage, QPixmap

        name = sys.argv[2].rsplit("/", 1)[-1]
        doc = pymupdf.open(sys.argv[2])
        pix = doc[0].get_pixmap(matrix=pymupdf.Matrix(1.5, 1.5), alpha=False)
        image = QImage(pix.samples, pix.width, pix.height, pix.stride, QImage.Format_RGB888)
        label.setPixmap(QPixmap.fromImage(image))
    else:
        name = "window"
    window.setCentralWidget(label)

    class Painted(QObject):
        def eventFilter(self, obj, event) -> bool:
            if event.type() == QEvent.Type.Paint and obj is label:
                app.removeEventFilter(self)
                print(f"painted at unix time {time.time():.3f}", flush=True)
                QTimer.singleShot(0, lambda: window.setWindowTitle(f"{name} loaded"))
            return False

    watcher = Painted()
    app.installEventFilter(watcher)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
