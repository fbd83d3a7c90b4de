"""A least-recently-used cache of rendered pages, bounded in bytes (not in pages)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable

from PySide6.QtGui import QImage

DEFAULT_LIMIT = 192 * 1024 * 1024  # bytes


class RenderCache:
    """Maps a key (document token, page 0-based, scale) to a QImage; evicts the least recently
    used images once their total ``sizeInBytes()`` exceeds ``limit``."""

    def __init__(self, limit: int = DEFAULT_LIMIT):
        self.limit = limit
        self.size = 0
        self._items: OrderedDict[tuple, QImage] = OrderedDict()

    def get(self, key: tuple) -> QImage | None:
        image = self._items.get(key)
        if image is not None:
            self._items.move_to_end(key)
        return image

    def put(self, key: tuple, image: QImage) -> None:
        old = self._items.pop(key, None)
        if old is not None:
            self.size -= old.sizeInBytes()
        self._items[key] = image
        self.size += image.sizeInBytes()
        while self.size > self.limit and len(self._items) > 1:
            _, evicted = self._items.popitem(last=False)
            self.size -= evicted.sizeInBytes()

    def best_for(self, token: Hashable, page: int, *rest: Hashable) -> QImage | None:
        """Any cached image of (token, page, _size, *rest), whatever its size: shown stretched
        while the right one renders (*rest*: the page colours, so a page never flashes in
        the other colours)."""
        for key, image in reversed(self._items.items()):
            if key[0] == token and key[1] == page and tuple(key[3:]) == rest:
                return image
        return None

    def clear(self) -> None:
        self._items.clear()
        self.size = 0

    def __len__(self) -> int:
        return len(self._items)
