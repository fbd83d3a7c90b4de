"""View > Theme, View > Page colours and Edit > Preferences: the colour theme (the ``theme``
setting; "Follow the system" follows the desktop's light or dark scheme as it changes) and the
page view's colours (``page_colours``: normal, night, sepia).

One :class:`Appearance` per main window owns both choices (:class:`SettingChoice`: the menu's
actions and any dialog's combo box, kept in step), so the menu and Preferences always agree.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal
from PySide6.QtGui import QActionGroup, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMenu,
    QWidget,
)

from brochure_reader.settings import Settings
from brochure_reader.ui.i18n import translate
from brochure_reader.ui.theme import THEME_LABELS, Theme, apply_theme, current_theme


def _plain(label: str) -> str:
    return label.replace("&", "")


#: Page colour names (the ``page_colours`` setting) and their menu labels.
PAGE_COLOUR_LABELS = {
    "normal": QT_TRANSLATE_NOOP("PageColours", "&Normal"),
    "night": QT_TRANSLATE_NOOP("PageColours", "N&ight (light on dark)"),
    "sepia": QT_TRANSLATE_NOOP("PageColours", "&Sepia"),
}


class SettingChoice(QObject):
    """One remembered choice among a few (a setting whose values are the keys of *labels*):
    a group of checkable actions for a menu and a combo box for a dialog, kept in step.
    *labels* are marked with ``QT_TRANSLATE_NOOP(context, ...)`` and translated here; *title*
    (the submenu's) comes translated."""

    #: a value was chosen (the setting's new value)
    changed = Signal(str)

    def __init__(self, settings: Settings, key: str, labels: dict[str, object], context: str,
                 title: str, parent: QObject):
        super().__init__(parent)
        self.settings, self.key, self.title = settings, key, title
        self.labels = {value: translate(context, label) for value, label in labels.items()}
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.actions = {}
        for value, label in self.labels.items():
            action = self.group.addAction(label)
            action.setObjectName(f"{key}_{value.replace('-', '_')}")
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, v=value: self.set(v))
            self.actions[value] = action
        self.actions[self.value()].setChecked(True)
        self._boxes: list[QComboBox] = []

    def value(self) -> str:
        value = self.settings.get(self.key)
        return value if value in self.labels else next(iter(self.labels))

    def set(self, value: str) -> None:
        """Choose and remember *value*; ValueError when it is not one of the choices."""
        if value not in self.labels:
            raise ValueError(f"unknown {self.key} {value!r}")
        self.settings.set(self.key, value)
        self.actions[value].setChecked(True)
        for box in self._boxes:
            box.setCurrentIndex(list(self.labels).index(value))
        self.changed.emit(value)

    def add_menu(self, menu: QMenu) -> QMenu:
        sub = menu.addMenu(self.title)
        sub.setObjectName(f"{self.key}_menu")
        sub.addActions(list(self.actions.values()))
        return sub

    def combo_box(self, parent: QWidget) -> QComboBox:
        box = QComboBox(parent)
        box.setObjectName(f"{self.key}_box")
        for value, label in self.labels.items():
            box.addItem(_plain(label), value)
        box.setCurrentIndex(list(self.labels).index(self.value()))
        def chosen(i: int) -> None:
            if box.itemData(i) != self.value():
                self.set(box.itemData(i))

        box.currentIndexChanged.connect(chosen)
        self._boxes.append(box)
        box.destroyed.connect(lambda *_: self._boxes.remove(box) if box in self._boxes else None)
        return box


class Appearance(QObject):
    """The application's theme and the page view's colours: their menus and settings."""

    #: a theme was applied (the :class:`~brochure_reader.ui.theme.Theme`)
    theme_changed = Signal(object)

    def __init__(self, settings: Settings, parent: QWidget):
        super().__init__(parent)
        self.settings = settings
        self.theme = SettingChoice(settings, "theme", THEME_LABELS, "Theme", self.tr("T&heme"),
                                   self)  # fmt: skip
        self.theme.changed.connect(self._apply_theme)
        self.page_colours = SettingChoice(
            settings, "page_colours", PAGE_COLOUR_LABELS, "PageColours",
            self.tr("Page &colours"), self)  # fmt: skip
        self.theme_actions = self.theme.actions
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._scheme_changed)

    def theme_name(self) -> str:
        return self.theme.value()

    def add_menus(self, menu: QMenu) -> None:
        """Add the "Theme" and "Page colours" submenus to *menu*."""
        self.theme.add_menu(menu)
        self.page_colours.add_menu(menu)

    def set_theme(self, name: str) -> Theme:
        """Apply and remember the theme *name* (one of ``settings.THEMES``)."""
        self.theme.set(name)
        return current_theme()

    def _apply_theme(self, name: str) -> None:
        theme = apply_theme(QGuiApplication.instance(), name)
        self.theme_changed.emit(theme)

    def _scheme_changed(self, _scheme) -> None:
        if self.theme_name() == "system":
            self._apply_theme("system")


class PreferencesDialog(QDialog):
    """Edit > Preferences: theme, page colours and larger text, each applied at once; the
    interface language (*language_actions*: the View > Language actions by code), applied at
    the next start."""

    def __init__(self, appearance: Appearance, larger_text_action, parent: QWidget | None = None,
                 language_actions=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.setObjectName("preferences_dialog")
        form = QFormLayout(self)
        self.theme_box = appearance.theme.combo_box(self)
        form.addRow(self.tr("&Theme:"), self.theme_box)
        self.page_colours_box = appearance.page_colours.combo_box(self)
        form.addRow(self.tr("&Page colours:"), self.page_colours_box)
        self.larger_text = QCheckBox(self.tr("&Larger text in menus, lists and the start page"),
                                     self)  # fmt: skip
        self.larger_text.setChecked(larger_text_action.isChecked())
        self.larger_text.toggled.connect(larger_text_action.setChecked)
        form.addRow(self.larger_text)
        self.language_box = None
        if language_actions:
            self.language_box = QComboBox(self)
            self.language_box.setObjectName("language_box")
            for code, action in language_actions.items():
                self.language_box.addItem(_plain(action.text()), code)
                if action.isChecked():
                    self.language_box.setCurrentIndex(self.language_box.count() - 1)
            self.language_box.currentIndexChanged.connect(
                lambda i: language_actions[self.language_box.itemData(i)].trigger())
            form.addRow(self.tr("L&anguage:"), self.language_box)
            form.addRow(QLabel(self.tr("A new language applies when you next start the app."),
                               self))  # fmt: skip
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
