"""Every kind of control the app uses shows a clear focus ring: with the keyboard focus, at
least two pixels all round it change (Fusion alone showed nothing on buttons, check boxes,
combo boxes and text boxes when focused from code, a sliver otherwise)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStyleFactory,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from brochure_reader.ui.focus_ring import FocusRingStyle, install


def _control(kind: str):
    if kind == "button":
        return QPushButton("Save as PDF…")
    if kind == "check":
        return QCheckBox("Large print")
    if kind == "radio":
        return QRadioButton("Current page")
    if kind == "line":
        return QLineEdit()  # empty: Tab selects a line edit's text, which is not the ring
    if kind == "combo":
        box = QComboBox()
        box.addItems(["Whole library", "This document"])
        return box
    if kind == "spin":
        return QSpinBox()
    if kind == "text":
        return QPlainTextEdit("A note")
    tree = QTreeWidget()
    tree.setHeaderHidden(True)
    tree.addTopLevelItems([QTreeWidgetItem([f"Section {i}"]) for i in range(3)])
    tree.setCurrentItem(tree.topLevelItem(0))
    return tree


def _changed_pixels(qtbot, kind: str, style) -> tuple[int, int]:
    """(pixels that change when the control gets the focus, its perimeter in pixels)."""
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    other, control = QLineEdit(), _control(kind)
    for widget in (holder, other, control):
        widget.setStyle(style)
    layout.addWidget(other)
    layout.addWidget(control)
    holder.resize(260, 140 if kind in ("text", "tree") else 90)
    holder.show()
    qtbot.waitExposed(holder)
    holder.activateWindow()
    other.setFocus()
    qtbot.waitUntil(other.hasFocus, timeout=3000)
    before = control.grab().toImage()
    control.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(control.hasFocus, timeout=3000)
    after = control.grab().toImage()
    changed = sum(
        before.pixel(x, y) != after.pixel(x, y)
        for x in range(before.width())
        for y in range(before.height())
    )
    return changed, 2 * (before.width() + before.height())


KINDS = ["button", "check", "radio", "line", "combo", "spin", "text", "tree"]


@pytest.mark.parametrize("kind", KINDS)
def test_focus_ring_is_at_least_two_pixels_all_round(qtbot, kind):
    changed, perimeter = _changed_pixels(qtbot, kind, FocusRingStyle("fusion"))
    assert changed >= 1.8 * perimeter


@pytest.mark.parametrize("kind", ["button", "check", "combo", "text"])
def test_plain_fusion_focus_is_not_clear_enough(qtbot, kind):
    """What the app had before: these controls showed no ring (or a sliver) with the focus."""
    changed, perimeter = _changed_pixels(qtbot, kind, QStyleFactory.create("fusion"))
    assert changed < 1.8 * perimeter


def test_install_wraps_the_application_style_once():
    app = QApplication.instance()
    original = app.style().name()
    try:
        install(app)
        install(app)
        assert isinstance(app.style(), FocusRingStyle)
        assert app.style().baseStyle().name() == original
    finally:
        app.setStyle(QStyleFactory.create(original))
