"""View > Text view options: line spacing, line length and margins (remembered)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu

from brochure_reader.settings import Settings
from brochure_reader.ui.text_view import LINE_LENGTHS, LINE_SPACINGS, MARGINS, TextView

#: (settings key, submenu title, [(value, label)])
CHOICES = (
    ("line_spacing", "&Line spacing", [(100, "Single"), (125, "1¼"), (150, "1½"),
                                       (200, "Double")]),
    ("line_length", "Line l&ength", [(50, "Short (about 50 letters)"),
                                     (65, "Medium (about 65 letters)"),
                                     (80, "Long (about 80 letters)")]),
    ("margin", "&Margins", [(1, "Narrow"), (3, "Medium"), (6, "Wide")]),
)
_ALLOWED = {"line_spacing": LINE_SPACINGS, "line_length": LINE_LENGTHS, "margin": MARGINS}
_DEFAULTS = {"line_spacing": 150, "line_length": 65, "margin": 3}


def text_options(settings: Settings) -> dict[str, int]:
    """The saved options, each replaced by its default when it is not one of the choices."""
    saved = settings.get("text_layout")
    saved = saved if isinstance(saved, dict) else {}
    return {key: saved.get(key) if saved.get(key) in _ALLOWED[key] else default
            for key, default in _DEFAULTS.items()}


def apply_text_options(view: TextView, settings: Settings) -> None:
    options = text_options(settings)
    view.set_layout_options(options["line_spacing"], options["line_length"], options["margin"])


def fill_text_options_menu(menu: QMenu, settings: Settings, view: Callable[[], TextView]) -> None:
    """Add the three submenus to *menu*; a choice applies to the text view at once."""
    current = text_options(settings)
    for key, title, choices in CHOICES:
        sub = menu.addMenu(title)
        group = QActionGroup(sub)
        group.setExclusive(True)
        for value, label in choices:
            action = sub.addAction(label)
            action.setCheckable(True)
            action.setChecked(current[key] == value)
            group.addAction(action)

            def chosen(_checked=False, key=key, value=value) -> None:
                options = text_options(settings)
                options[key] = value
                settings.set("text_layout", options)
                apply_text_options(view(), settings)

            action.triggered.connect(chosen)
