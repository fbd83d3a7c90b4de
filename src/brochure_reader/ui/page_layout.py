"""Where each page sits in the continuous vertical strip, at a given scale (no Qt widgets).

Units: page sizes in PDF points; the strip in logical pixels; ``scale`` = logical pixels per
point.  Pages are stacked top to bottom with ``GAP`` pixels between them and centred horizontally.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

GAP = 16  # logical pixels between pages and around the strip
MIN_SCALE, MAX_SCALE = 0.1, 8.0


@dataclass
class PageLayout:
    sizes: list[tuple[float, float]]  # (width, height) of each page in points
    scale: float = 1.0
    viewport_width: int = 800

    def __post_init__(self) -> None:
        self._tops: list[int] = []
        self.relayout()

    def relayout(self) -> None:
        y = GAP
        self._tops = []
        for _w, h in self.sizes:
            self._tops.append(y)
            y += max(1, round(h * self.scale)) + GAP
        self.height = y

    @property
    def width(self) -> int:
        widest = max((w for w, _h in self.sizes), default=0)
        return max(self.viewport_width, round(widest * self.scale) + 2 * GAP)

    def set_scale(self, scale: float) -> None:
        self.scale = min(max(scale, MIN_SCALE), MAX_SCALE)
        self.relayout()

    def page_rect(self, page: int) -> tuple[int, int, int, int]:
        """``(x, y, width, height)`` of page *page* (0-based) in strip pixels."""
        w, h = self.sizes[page]
        pw, ph = max(1, round(w * self.scale)), max(1, round(h * self.scale))
        return (max(GAP, (self.width - pw) // 2), self._tops[page], pw, ph)

    def page_at(self, y: float) -> int:
        """The page at strip y (the one above when y falls in a gap), 0-based."""
        if not self.sizes:
            return 0
        return max(0, min(len(self.sizes) - 1, bisect.bisect_right(self._tops, y) - 1))

    def visible_pages(self, top: float, bottom: float) -> range:
        """0-based pages intersecting the strip range [top, bottom)."""
        if not self.sizes:
            return range(0)
        return range(self.page_at(top), self.page_at(bottom) + 1)

    def strip_y(self, page: int, y_points: float) -> float:
        """Strip y of a point *y_points* below the top of *page*."""
        return self._tops[page] + y_points * self.scale

    def to_page(self, x: float, y: float) -> tuple[int, float, float]:
        """Strip point -> ``(page 0-based, x points, y points)`` on the page under/above it."""
        page = self.page_at(y)
        px, py, _pw, _ph = self.page_rect(page)
        return page, (x - px) / self.scale, (y - py) / self.scale

    def fit_width_scale(self, viewport_width: int) -> float:
        widest = max((w for w, _h in self.sizes), default=1.0)
        return (viewport_width - 2 * GAP) / widest

    def fit_page_scale(self, viewport_width: int, viewport_height: int, page: int = 0) -> float:
        if not self.sizes:
            return 1.0
        w, h = self.sizes[page]
        return min((viewport_width - 2 * GAP) / w, (viewport_height - 2 * GAP) / h)
