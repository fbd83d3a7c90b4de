"""Make docs/screenshots/search-panel.png: the search panel with results, next to the page of
the selected hit with every hit rectangle highlighted (as the reader draws them).

    QT_QPA_PLATFORM=offscreen python -m tests.benchmarks.search_screenshot ["QUERY"]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def main() -> None:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
    from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QWidget

    from brochure_reader.library import Library
    from brochure_reader.paths import AppPaths
    from brochure_reader.pdf.render import render_page
    from brochure_reader.search.builder import build_index, specs_from_library
    from brochure_reader.search.extract import hit_rects
    from brochure_reader.ui.search_panel import SearchPanel

    query = sys.argv[1] if len(sys.argv) > 1 else "tired all the time"
    app = QApplication.instance() or QApplication([])
    work = Path(tempfile.mkdtemp())
    library = Library.load(AppPaths.from_home(work))
    db = work / "index.sqlite3"
    build_index(db, specs_from_library(library))

    window = QWidget()
    layout = QHBoxLayout(window)
    panel = SearchPanel(db, debounce_ms=0)
    panel.set_categories([(c, t) for c, t, _d in library.by_category()])
    page_label = QLabel()
    layout.addWidget(panel, 2)
    layout.addWidget(page_label, 3)
    opened = []
    panel.open_hit_requested.connect(lambda d, p, t: opened.append((d, p, t)))
    panel.field.setText(query)
    panel.set_query(query)
    while panel.result() is None or panel.result().query != query:
        app.processEvents()
    panel.next_hit()
    app.processEvents()
    doc_id, page, terms = opened[-1]
    path = str(library.get(doc_id).path)
    scale = 1.1
    width, height, stride, samples = render_page(path, None, page, scale)
    image = QImage(samples, width, height, stride, QImage.Format.Format_RGB888).copy()
    painter = QPainter(image)
    colour = QColor(255, 200, 0, 110)
    for x0, y0, x1, y1 in hit_rects(path, None, page, terms):
        painter.fillRect(QRectF(x0 * scale, y0 * scale, (x1 - x0) * scale, (y1 - y0) * scale),
                         colour)
    painter.end()
    pixmap = QPixmap.fromImage(image)
    page_label.setPixmap(pixmap.scaledToHeight(860, Qt.TransformationMode.SmoothTransformation))
    window.resize(1280, 900)
    window.show()
    for _ in range(20):
        app.processEvents()
    out = REPO / "docs" / "screenshots" / "search-panel.png"
    window.grab().save(str(out))
    print(f"{out}: {query!r} -> {doc_id} page {page + 1}, terms {terms}")
    panel.shutdown()


if __name__ == "__main__":
    main()
