"""View > Text view options: line spacing, line length and margins (remembered)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu

from brochure_reader.settings import Settings
from brochure_reader.ui.i18n import translate
from brochure_reader.ui.text_view import LINE_LENGTHS, LINE_SPACINGS, MARGINS, TextView

#: (settings key, submenu title, [(value, label)]); the titles and labels are English, shown
#: with ``translate("TextOptions", text)``.
CHOICES = (
    ("line_spacing", QT_TRANSLATE_NOOP("TextOptions", "&Line spacing"),
     [(100, QT_TRANSLATE_NOOP("TextOptions", "Single")), (125, "1¼"), (150, "1½"),
      (200, QT_TRANSLATE_NOOP("TextOptions", "Double"))]),
    ("line_length", QT_TRANSLATE_NOOP("TextOptions", "Line l&ength"),
     [(50, QT_TRANSLATE_NOOP("TextOptions", "Short (about 50 letters)")),
      (65, QT_TRANSLATE_NOOP("TextOptions", "Medium (about 65 letters)")),
      (80, QT_TRANSLATE_NOOP("TextOptions", "Long (about 80 letters)"))]),
    ("margin", QT_TRANSLATE_NOOP("TextOptions", "&Margins"),
     [(1, QT_TRANSLATE_NOOP("TextOptions", "Narrow")),
      (3, QT_TRANSLATE_NOOP("TextOptions", "Medium")),
      (6, QT_TRANSLATE_NOOP("TextOptions", "Wide"))]),
)  # fmt: skip
_ALLOWED = {"line_spacing": LINE_SPACINGS, "line_length": LINE_LENGTHS, "margin": MARGINS}
_DEFAULTS = {"line_spacing": 150, "line_length": 65, "margin": 3}


def text_options(settings: Settings) -> dict[str, int]:
    """The saved options, each replaced by its default when it is not one of the choices."""
    saved = settings.get("text_layout")
    saved = saved if isinstance(saved, dict) else {}
    return {key: int(saved[key]) if saved.get(key) in _ALLOWED[key] else default
            for key, default in _DEFAULTS.items()}


def apply_text_options(view: TextView, settings: Settings) -> None:
    options = text_options(settings)
    view.set_layout_options(options["line_spacing"], options["line_length"], options["margin"])


def fill_text_options_menu(menu: QMenu, settings: Settings, view: Callable[[], TextView]) -> None:
    """Add the three submenus to *menu*; a choice applies to the text view at once."""
    current = text_options(settings)
    for key, title, choices in CHOICES:
        sub = menu.addMenu(translate("TextOptions", title))
        group = QActionGroup(sub)
        group.setExclusive(True)
        for value, label in choices:
            action = sub.addAction(translate("TextOptions", label))
            action.setCheckable(True)
            action.setChecked(current[key] == value)
            group.addAction(action)

            def chosen(_checked=False, key=key, value=value) -> None:
                options = text_options(settings)
                options[key] = value
                settings.set("text_layout", options)
                apply_text_options(view(), settings)

            action.triggered.connect(chosen)
