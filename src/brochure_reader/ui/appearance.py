"""View > Theme and Edit > Preferences: choosing the colour theme (remembered in the ``theme``
setting) and following the desktop's light or dark scheme while "Follow the system" is chosen.

One :class:`Appearance` per main window owns the theme's menu actions; the Preferences dialog
changes the same setting through it, so the menu and the dialog always agree.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
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

from brochure_reader.settings import THEMES, Settings
from brochure_reader.ui.i18n import translate
from brochure_reader.ui.theme import THEME_LABELS, Theme, apply_theme


def _plain(label: str) -> str:
    return label.replace("&", "")


class Appearance(QObject):
    """The theme of the application: its menu and its setting."""

    #: a theme was applied (the :class:`~brochure_reader.ui.theme.Theme`)
    theme_changed = Signal(object)

    def __init__(self, settings: Settings, parent: QWidget):
        super().__init__(parent)
        self.settings = settings
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.theme_actions = {}
        for name in THEMES:
            action = self.group.addAction(translate("Theme", THEME_LABELS[name]))
            action.setObjectName(f"theme_{name.replace('-', '_')}")
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, n=name: self.set_theme(n))
            self.theme_actions[name] = action
        self.theme_actions[self.theme_name()].setChecked(True)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._scheme_changed)

    def theme_name(self) -> str:
        return self.settings.get("theme")

    def add_menu(self, menu: QMenu) -> QMenu:
        """Add the "Theme" submenu to *menu*."""
        sub = menu.addMenu(self.tr("T&heme"))
        sub.setObjectName("theme_menu")
        sub.addActions(list(self.theme_actions.values()))
        return sub

    def set_theme(self, name: str) -> Theme:
        """Apply and remember the theme *name* (one of ``settings.THEMES``)."""
        if name not in THEMES:
            raise ValueError(f"unknown theme {name!r}")
        self.settings.set("theme", name)
        self.theme_actions[name].setChecked(True)
        theme = apply_theme(QGuiApplication.instance(), name)
        self.theme_changed.emit(theme)
        return theme

    def _scheme_changed(self, _scheme) -> None:
        if self.theme_name() == "system":
            self.set_theme("system")


class PreferencesDialog(QDialog):
    """Edit > Preferences: theme, page colours and larger text, each applied at once; the
    interface language (*language_actions*: the View > Language actions by code), applied at
    the next start."""

    def __init__(self, appearance: Appearance, larger_text_action, parent: QWidget | None = None,
                 page_colours=None, language_actions=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.setObjectName("preferences_dialog")
        form = QFormLayout(self)
        self.theme_box = QComboBox(self)
        self.theme_box.setObjectName("theme_box")
        for name in THEMES:
            self.theme_box.addItem(_plain(translate("Theme", THEME_LABELS[name])), name)
        self.theme_box.setCurrentIndex(THEMES.index(appearance.theme_name()))
        self.theme_box.currentIndexChanged.connect(
            lambda i: appearance.set_theme(self.theme_box.itemData(i)))
        form.addRow(self.tr("&Theme:"), self.theme_box)
        self.page_colours_box = None
        if page_colours is not None:
            self.page_colours_box = page_colours.combo_box(self)
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
