"""How the interface looks: its text size (View > Larger text)."""

from __future__ import annotations

#: Interface text size in points: normal, and with View > Larger text.
TEXT_SIZE, LARGER_TEXT_SIZE = 11.5, 15.0


def apply_text_size(app, larger: bool) -> None:
    """Set the interface font of the QApplication *app* (menus, trees, the start page); pages
    zoom separately."""
    font = app.font()
    font.setPointSizeF(LARGER_TEXT_SIZE if larger else TEXT_SIZE)
    app.setFont(font)
