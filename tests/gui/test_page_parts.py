"""Page strip geometry and the byte-bounded render cache."""

from __future__ import annotations

from PySide6.QtGui import QImage

from brochure_reader.ui.page_cache import RenderCache
from brochure_reader.ui.page_layout import GAP, PageLayout


def test_layout_stacks_pages_and_maps_points_both_ways():
    layout = PageLayout([(600.0, 800.0), (800.0, 600.0), (600.0, 800.0)], scale=0.5,
                        viewport_width=500)
    assert layout.page_rect(0)[1] == GAP
    assert layout.page_rect(1)[1] == GAP + 400 + GAP
    assert layout.height == GAP + 400 + GAP + 300 + GAP + 400 + GAP
    y = layout.strip_y(1, 100.0)
    page, _x, back = layout.to_page(GAP + 10, y)
    assert page == 1 and abs(back - 100.0) < 1e-6
    assert list(layout.visible_pages(0, 500)) == [0, 1]
    assert abs(layout.fit_width_scale(832) - 1.0) < 1e-6  # widest page is 800 pt
    layout.set_scale(100)
    assert layout.scale == 8.0  # clamped


def test_cache_is_bounded_in_bytes_and_evicts_least_recent():
    def image() -> QImage:
        return QImage(100, 100, QImage.Format_RGB888)

    size = image().sizeInBytes()
    cache = RenderCache(limit=size * 3)
    for page in range(3):
        cache.put(("doc", page, 1.0), image())
    cache.get(("doc", 0, 1.0))  # page 0 is now the most recent
    cache.put(("doc", 3, 1.0), image())
    assert len(cache) == 3 and cache.size <= cache.limit
    assert cache.get(("doc", 1, 1.0)) is None and cache.get(("doc", 0, 1.0)) is not None
    assert cache.best_for("doc", 3) is not None and cache.best_for("other", 3) is None
