"""How the interface looks: its text size (View > Larger text) and its colour theme.

Themes (View > Theme, Preferences; the ``theme`` setting): light, dark, follow the system (our
light or dark palette, whichever Qt's colour scheme says the desktop uses) and high contrast
(white and yellow on black, like Windows' "High Contrast Black").  Each theme is one
:class:`Theme`: the QPalette roles of the whole application plus the few named colours widgets
draw themselves (start-page cards, titles, the text view's boxes, search hits, the sentence
being read aloud).  The application style becomes Fusion, which honours a palette on every
platform.  Every pair of text and background colour a theme uses reaches the WCAG 2.1 contrast
minimum (4.5:1; 7:1 for high contrast): see :func:`contrast_ratio` and
``tests/gui/test_themes.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP

#: Interface text size in points: normal, and with View > Larger text.
TEXT_SIZE, LARGER_TEXT_SIZE = 11.5, 15.0

#: Theme names (the ``theme`` setting) and their menu labels (English; shown with
#: ``translate("Theme", label)``).
THEME_LABELS = {
    "system": QT_TRANSLATE_NOOP("Theme", "Follow the &system"),
    "light": QT_TRANSLATE_NOOP("Theme", "&Light"),
    "dark": QT_TRANSLATE_NOOP("Theme", "&Dark"),
    "high-contrast": QT_TRANSLATE_NOOP("Theme", "&High contrast"),
}

#: Minimum contrast ratios: WCAG 2.1 success criteria 1.4.3 (AA, normal text) and 1.4.6 (AAA,
#: normal text), used for the high-contrast theme.
MIN_CONTRAST, MIN_CONTRAST_HIGH = 4.5, 7.0


def relative_luminance(colour: str) -> float:
    """Relative luminance (0 black … 1 white) of a ``"#rrggbb"`` sRGB colour, as WCAG 2.1
    defines it (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance): each channel is
    linearised (``c/12.92`` up to 0.03928, else ``((c+0.055)/1.055)**2.4``) and weighted
    0.2126 R + 0.7152 G + 0.0722 B.  Raises ValueError for any other string."""
    text = colour.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    channels = [int(text[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(foreground: str, background: str) -> float:
    """Contrast ratio ``(L1 + 0.05) / (L2 + 0.05)`` of two ``"#rrggbb"`` colours, L1 the
    lighter: 1.0 (same) … 21.0 (black on white).  WCAG 2.1,
    https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


@dataclass(frozen=True)
class Theme:
    """One theme's colours, all ``"#rrggbb"``.

    *palette*: QPalette role name (``"Window"``, ``"Text"`` …) to colour, for every colour
    group.  *colours*: named colours widgets use themselves (``accent`` titles, ``muted``
    secondary text, ``warning``, ``card*``, ``hit``/``hit_text`` search hits, ``reading`` /
    ``reading_text`` the sentence read aloud, ``page_surround`` around the pages).  *boxes*:
    text view box kind to (background, border)."""

    name: str
    dark: bool
    palette: dict[str, str]
    colours: dict[str, str]
    boxes: dict[str, tuple[str, str]] = field(default_factory=dict)

    def colour(self, name: str) -> str:
        return self.colours[name]

    def text_pairs(self) -> list[tuple[str, str, str]]:
        """``(what, foreground, background)`` for every text-on-background pair the theme
        draws: what the contrast test checks."""
        p, c = self.palette, self.colours
        pairs = [
            ("window text", p["WindowText"], p["Window"]),
            ("text", p["Text"], p["Base"]),
            ("text on alternate rows", p["Text"], p["AlternateBase"]),
            ("button text", p["ButtonText"], p["Button"]),
            ("selected text", p["HighlightedText"], p["Highlight"]),
            ("tooltip", p["ToolTipText"], p["ToolTipBase"]),
            ("link", p["Link"], p["Base"]),
            ("visited link", p["LinkVisited"], p["Base"]),
            ("placeholder", p["PlaceholderText"], p["Base"]),
            ("title", c["accent"], p["Window"]),
            ("card title", c["accent"], c["card"]),
            ("card title, focused", c["accent"], c["card_focus"]),
            ("card title, hovered", c["accent"], c["card_hover"]),
            ("secondary text", c["muted"], p["Window"]),
            ("card summary", c["muted"], c["card"]),
            ("warning", c["warning"], p["Window"]),
            ("warning in lists", c["warning"], p["Base"]),
            ("search hit", c["hit_text"], c["hit"]),
            ("sentence read aloud", c["reading_text"], c["reading"]),
        ]
        pairs += [(f"{kind} box", p["Text"], bg) for kind, (bg, _border) in self.boxes.items()]
        return pairs

    @property
    def minimum_contrast(self) -> float:
        return MIN_CONTRAST_HIGH if self.name == "high-contrast" else MIN_CONTRAST


LIGHT = Theme(
    "light",
    False,
    {
        "Window": "#f3f5f7", "WindowText": "#1b1f23", "Base": "#ffffff",
        "AlternateBase": "#eef2f6", "Text": "#1b1f23", "Button": "#e4e8ec",
        "ButtonText": "#1b1f23", "BrightText": "#ffffff", "Highlight": "#1f5f99",
        "HighlightedText": "#ffffff", "ToolTipBase": "#fffbe6", "ToolTipText": "#1b1f23",
        "Link": "#1a56a0", "LinkVisited": "#5b2a86", "PlaceholderText": "#5a6168",
        "Light": "#ffffff", "Midlight": "#eef1f4", "Mid": "#b8c0c8", "Dark": "#8a949e",
        "Shadow": "#5a6168",
    },
    {
        "accent": "#123a63", "muted": "#3d4752", "warning": "#8a1c1c", "card": "#ffffff",
        "card_border": "#c9d3de", "card_hover": "#f3f8fd", "card_focus": "#e6f0fa",
        "card_focus_border": "#1f5f99", "hit": "#ffd24d", "hit_text": "#000000",
        "reading": "#cde3f7", "reading_text": "#000000",
        "page_surround": "#8a9098",
    },
    {
        "urgent": ("#fdecea", "#b00020"), "key-points": ("#e8f1fb", "#1f5f99"),
        "questions": ("#eaf6ec", "#2e7d32"), "note": ("#f7f4e6", "#7a6a1f"),
    },
)

DARK = Theme(
    "dark",
    True,
    {
        "Window": "#1e2124", "WindowText": "#e6e8ea", "Base": "#16181b",
        "AlternateBase": "#202327", "Text": "#e6e8ea", "Button": "#2c3034",
        "ButtonText": "#e6e8ea", "BrightText": "#ffffff", "Highlight": "#2f6aa8",
        "HighlightedText": "#ffffff", "ToolTipBase": "#2c3034", "ToolTipText": "#e6e8ea",
        "Link": "#8ab4f8", "LinkVisited": "#c9a0f5", "PlaceholderText": "#a3a9b0",
        "Light": "#3a3f45", "Midlight": "#33383d", "Mid": "#25292d", "Dark": "#121416",
        "Shadow": "#000000",
    },
    {
        "accent": "#9cc7f2", "muted": "#bcc2c8", "warning": "#ff9e9e", "card": "#25292d",
        "card_border": "#454b52", "card_hover": "#2c3238", "card_focus": "#2f3a46",
        "card_focus_border": "#8ab4f8", "hit": "#ffd24d", "hit_text": "#000000",
        "reading": "#264f7a", "reading_text": "#ffffff",
        "page_surround": "#2a2e33",
    },
    {
        "urgent": ("#4a1414", "#ff8a80"), "key-points": ("#10324a", "#81c7f5"),
        "questions": ("#173d22", "#8fd19e"), "note": ("#3a3520", "#e0d28a"),
    },
)

HIGH_CONTRAST = Theme(
    "high-contrast",
    True,
    {
        "Window": "#000000", "WindowText": "#ffffff", "Base": "#000000",
        "AlternateBase": "#0d0d0d", "Text": "#ffffff", "Button": "#000000",
        "ButtonText": "#ffffff", "BrightText": "#ffffff", "Highlight": "#1aebff",
        "HighlightedText": "#000000", "ToolTipBase": "#000000", "ToolTipText": "#ffffff",
        "Link": "#ffff00", "LinkVisited": "#ffd27f", "PlaceholderText": "#d0d0d0",
        "Light": "#ffffff", "Midlight": "#c0c0c0", "Mid": "#ffffff", "Dark": "#ffffff",
        "Shadow": "#ffffff",
    },
    {
        "accent": "#ffff00", "muted": "#e6e6e6", "warning": "#ff9090", "card": "#000000",
        "card_border": "#ffffff", "card_hover": "#1a1a1a", "card_focus": "#000000",
        "card_focus_border": "#1aebff", "hit": "#ffff00", "hit_text": "#000000",
        "reading": "#1aebff", "reading_text": "#000000",
        "page_surround": "#000000",
    },
    {
        "urgent": ("#000000", "#ff9090"), "key-points": ("#000000", "#1aebff"),
        "questions": ("#000000", "#7fff7f"), "note": ("#000000", "#ffff00"),
    },
)

THEMES = {theme.name: theme for theme in (LIGHT, DARK, HIGH_CONTRAST)}

_current: Theme = LIGHT


def current_theme() -> Theme:
    """The theme applied last (light before any)."""
    return _current


def system_is_dark() -> bool:
    """Whether the desktop asks for dark colours (Qt's ``QStyleHints.colorScheme``, Qt 6.5)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def resolve_theme(name: str) -> Theme:
    """The :class:`Theme` for a ``theme`` setting (``"system"``: dark or light, as the desktop
    is; unknown names: light)."""
    if name == "system":
        return DARK if system_is_dark() else LIGHT
    return THEMES.get(name, LIGHT)


def make_palette(theme: Theme):
    """A QPalette of *theme* (disabled text drawn in the placeholder colour)."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    for role_name, colour in theme.palette.items():
        palette.setColor(getattr(QPalette.ColorRole, role_name), QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(disabled, role, QColor(theme.palette["PlaceholderText"]))
    return palette


def apply_theme(app, name: str) -> Theme:
    """Give the QApplication *app* the theme of the ``theme`` setting *name*; returns it.
    The style becomes Fusion (kept under the focus ring), so the palette is honoured."""
    global _current
    from brochure_reader.ui.focus_ring import FocusRingStyle

    theme = resolve_theme(name)
    style = app.style()
    base = style.baseStyle() if isinstance(style, FocusRingStyle) else style
    if base is None or base.name().lower() != "fusion":
        app.setStyle(FocusRingStyle("Fusion"))
    _current = theme
    app.setPalette(make_palette(theme))
    return theme


def apply_text_size(app, larger: bool) -> None:
    """Set the interface font of the QApplication *app* (menus, trees, the start page); pages
    zoom separately."""
    font = app.font()
    font.setPointSizeF(LARGER_TEXT_SIZE if larger else TEXT_SIZE)
    app.setFont(font)
