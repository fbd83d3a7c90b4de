"""Themes: light, dark, follow the system and high contrast, chosen in View > Theme or
Preferences, remembered; every text colour on its background reaches WCAG 2.1's contrast
minimum (4.5:1, 7:1 in high contrast), measured on the palette the application really has."""

from __future__ import annotations

import json

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from brochure_reader.settings import THEMES, Settings
from brochure_reader.ui import theme as theme_module
from brochure_reader.ui.theme import (
    DARK,
    HIGH_CONTRAST,
    LIGHT,
    contrast_ratio,
    relative_luminance,
    resolve_theme,
)
from tests.gui.conftest import make_window


@pytest.fixture(autouse=True)
def restore_palette(qapp):
    """Themes change the whole application: put its palette back for the other tests."""
    palette = QApplication.palette()
    yield
    QApplication.setPalette(palette)
    theme_module._current = LIGHT


@pytest.fixture
def home_window(qtbot, app_paths):
    from brochure_reader.library import Library

    win = make_window(qtbot, app_paths, Library.load(app_paths))
    yield win
    win.service.shutdown()


def test_relative_luminance_and_contrast_follow_wcag_21():
    assert relative_luminance("#000000") == 0.0
    assert relative_luminance("#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)  # order does not matter
    # Published reference values (WebAIM contrast checker): #777 on white is just under AA.
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    # the linear segment of the sRGB curve (channel value 10/255 < 0.03928)
    assert relative_luminance("#0a0a0a") == pytest.approx(10 / 255 / 12.92)
    with pytest.raises(ValueError):
        relative_luminance("red")


_ROLE_PAIRS = [
    ("WindowText", "Window"),
    ("Text", "Base"),
    ("Text", "AlternateBase"),
    ("ButtonText", "Button"),
    ("HighlightedText", "Highlight"),
    ("ToolTipText", "ToolTipBase"),
    ("Link", "Base"),
    ("LinkVisited", "Base"),
    ("PlaceholderText", "Base"),
]


@pytest.mark.parametrize("name", THEMES)
def test_every_theme_meets_wcag_contrast(qtbot, home_window, name):
    applied = home_window.appearance.set_theme(name)
    assert applied is theme_module.current_theme()
    minimum = 7.0 if name == "high-contrast" else 4.5
    palette = QApplication.palette()
    failures = []
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for fg_role, bg_role in _ROLE_PAIRS:
            fg = palette.color(group, getattr(QPalette.ColorRole, fg_role)).name()
            bg = palette.color(group, getattr(QPalette.ColorRole, bg_role)).name()
            ratio = contrast_ratio(fg, bg)
            if ratio < minimum:
                failures.append(f"{fg_role} {fg} on {bg_role} {bg}: {ratio:.2f}")
    # the colours widgets draw themselves: cards, titles, boxes, hits, the sentence read aloud
    for what, fg, bg in applied.text_pairs():
        ratio = contrast_ratio(fg, bg)
        if ratio < minimum:
            failures.append(f"{what} {fg} on {bg}: {ratio:.2f}")
    assert not failures, f"{name}: {failures}"
    # ... and those colours are the ones in use
    assert applied.colour("card") in home_window.home.styleSheet()
    css = home_window.text_view.document().defaultStyleSheet()
    assert applied.boxes["urgent"][0] in css


def test_high_contrast_is_stricter_and_dark_is_dark():
    assert HIGH_CONTRAST.minimum_contrast == 7.0 and LIGHT.minimum_contrast == 4.5
    assert relative_luminance(DARK.palette["Window"]) < 0.05
    assert relative_luminance(LIGHT.palette["Window"]) > 0.8


def test_follow_the_system_takes_the_desktop_scheme(monkeypatch):
    monkeypatch.setattr(theme_module, "system_is_dark", lambda: True)
    assert resolve_theme("system") is DARK
    monkeypatch.setattr(theme_module, "system_is_dark", lambda: False)
    assert resolve_theme("system") is LIGHT
    assert resolve_theme("high-contrast") is HIGH_CONTRAST


def test_theme_menu_and_preferences_choose_and_remember(qtbot, home_window, app_paths):
    win = home_window
    menu = win.findChild(type(win.text_options_menu), "theme_menu")
    assert [a.text().replace("&", "") for a in menu.actions()] == [
        "Follow the system", "Light", "Dark", "High contrast"]
    win.appearance.theme_actions["dark"].trigger()
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() == "#1e2124"
    assert win.settings.get("theme") == "dark"
    assert win.appearance.theme_actions["dark"].isChecked()

    win.window_actions.preferences.trigger()
    dialog = win.preferences_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.theme_box.setCurrentIndex(THEMES.index("high-contrast"))
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    assert win.appearance.theme_actions["high-contrast"].isChecked()
    dialog.close()

    win.settings.save()
    saved = json.loads(app_paths.settings_file.read_text())
    assert saved["theme"] == "high-contrast"
    again = Settings(app_paths.settings_file)
    from brochure_reader.ui.appearance import Appearance

    assert Appearance(again, win).theme_actions["high-contrast"].isChecked()


def test_an_unknown_theme_in_the_settings_file_falls_back(app_paths):
    app_paths.settings_file.parent.mkdir(parents=True, exist_ok=True)
    app_paths.settings_file.write_text(json.dumps({"theme": "purple", "page_colours": 3}))
    settings = Settings(app_paths.settings_file)
    assert settings.get("theme") == "system" and settings.get("page_colours") == "normal"
    assert settings.problems and "'theme'" in settings.problems[0]


def _paper_pixel(qtbot, win) -> str:
    """The colour shown just inside the top-left corner of the page on screen, once the
    visible pages are rendered in the current page colours."""
    from PySide6.QtGui import QImage

    view = win.page_view
    qtbot.wait(50)
    qtbot.waitUntil(lambda: not view._pending and any(
        k[3] == view.page_colours for k in view.cache._items), timeout=30000)
    page = view.current_page()
    x, y, _w, _h = view.page_layout.page_rect(page)
    top = max(0, y - view.verticalScrollBar().value())
    shown = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    return shown.pixelColor(int(x - view.horizontalScrollBar().value()) + 6, top + 6).name()


def test_night_and_sepia_pages_chosen_in_menu_and_preferences(qtbot, home_window):
    win = home_window
    with qtbot.waitSignal(win.reader.document_opened, timeout=30000):
        win.reader.open("cholangiocarcinoma", 3, 0.0)
    assert _paper_pixel(qtbot, win) == "#ffffff"
    menu = win.findChild(type(win.text_options_menu), "page_colours_menu")
    assert [a.text().replace("&", "") for a in menu.actions()] == [
        "Normal", "Night (light on dark)", "Sepia"]
    win.appearance.page_colours.actions["night"].trigger()
    assert win.page_view.page_colours == "night" and win.settings.get("page_colours") == "night"
    assert _paper_pixel(qtbot, win) == "#1e2124"

    win.window_actions.preferences.trigger()
    dialog = win.preferences_dialog
    assert dialog.page_colours_box.currentData() == "night"
    dialog.page_colours_box.setCurrentIndex(2)
    assert win.appearance.page_colours.actions["sepia"].isChecked()
    assert _paper_pixel(qtbot, win) == "#f4ecd8"
    dialog.close()
    # a new window on the same settings starts with sepia pages
    from brochure_reader.ui.appearance import Appearance

    assert Appearance(win.settings, win).page_colours.value() == "sepia"
