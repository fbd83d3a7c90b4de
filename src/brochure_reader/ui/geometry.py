"""Window sizes that respect the screen a window opens on."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize *widget* to ``width × height`` device-independent pixels, or to 90 % of the
    available screen (of its parent, else its own) where that is smaller, so a dialog never
    opens taller or wider than the screen."""
    screen = (widget.parentWidget() or widget).screen()
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, int(available.width() * 0.9))
        height = min(height, int(available.height() * 0.9))
    widget.resize(width, height)
