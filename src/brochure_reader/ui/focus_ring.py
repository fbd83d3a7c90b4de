"""A clear keyboard focus ring on every control (buttons, boxes, lists, trees, cards' own
style aside): a proxy over the platform style that draws a 2-pixel ring in the palette's
highlight colour around whatever has the focus.  The colour follows the palette, so themes and
high contrast keep their own; the width is what WCAG 2.2's focus appearance asks for (at least a
2 CSS pixel perimeter)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle

#: Pixels of the ring.
RING_WIDTH = 2

_PE, _CE, _CC = QStyle.PrimitiveElement, QStyle.ControlElement, QStyle.ComplexControl
_RINGED_CONTROLS = (_CE.CE_PushButton, _CE.CE_CheckBox, _CE.CE_RadioButton)
_RINGED_COMPLEX = (_CC.CC_ComboBox, _CC.CC_SpinBox, _CC.CC_ToolButton, _CC.CC_Slider)


def draw_ring(painter: QPainter, rect, palette: QPalette) -> None:
    """Draw the focus ring just inside *rect* (a QRect)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    pen = QPen(palette.color(QPalette.ColorRole.Highlight).darker(130), RING_WIDTH)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = RING_WIDTH / 2
    painter.drawRect(QRectF(rect).adjusted(half, half, -half, -half))
    painter.restore()


def _focused(option, widget) -> bool:
    if widget is not None:
        return widget.hasFocus()
    return bool(option.state & QStyle.StateFlag.State_HasFocus)


class FocusRingStyle(QProxyStyle):
    """Install with ``app.setStyle(FocusRingStyle())`` (wraps the current style)."""

    def pixelMetric(self, metric, option=None, widget=None) -> int:
        value = super().pixelMetric(metric, option, widget)
        if metric == QStyle.PixelMetric.PM_DefaultFrameWidth:
            return max(value, RING_WIDTH)  # room for the ring around lists and text boxes
        return value

    def drawPrimitive(self, element, option, painter, widget=None) -> None:
        if element == _PE.PE_FrameFocusRect:
            draw_ring(painter, option.rect, option.palette)
            return
        super().drawPrimitive(element, option, painter, widget)
        if element == _PE.PE_PanelLineEdit and _focused(option, widget):
            draw_ring(painter, option.rect, option.palette)

    def drawControl(self, element, option, painter, widget=None) -> None:
        super().drawControl(element, option, painter, widget)
        if element in _RINGED_CONTROLS and _focused(option, widget):
            draw_ring(painter, option.rect, option.palette)
        elif element == _CE.CE_ShapedFrame and widget is not None and widget.hasFocus():
            draw_ring(painter, option.rect, option.palette)  # lists, trees, text boxes

    def drawComplexControl(self, control, option, painter, widget=None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in _RINGED_COMPLEX and _focused(option, widget):
            draw_ring(painter, option.rect, option.palette)


def install(app) -> None:
    """Put the focus ring over *app*'s current style (once)."""
    if not isinstance(app.style(), FocusRingStyle):
        app.setStyle(FocusRingStyle(app.style().name()))
