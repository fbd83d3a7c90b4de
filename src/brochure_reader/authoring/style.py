"""Page geometry, colours and the CSS of the typeset leaflets.

Clear-print choices (RNIB / NHS accessible-information guidance): a plain sans-serif
(Atkinson Hyperlegible) at 14 pt (never below 12 pt), line height 1.5, left-aligned
ragged-right text, about 65 characters a line, bold (never italics) for emphasis, dark text on
light backgrounds with a contrast of at least 4.5:1 (most pairs are above 7:1).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from brochure_reader.paper import A4
from brochure_reader.paths import assets_dir

#: The page: A4 portrait in PDF points.
PAGE_WIDTH, PAGE_HEIGHT = A4

BODY_SIZE = 14.0
LARGE_PRINT_SIZE = 18.0
MIN_BODY_SIZE = 12.0

FONT_FAMILY = "Atkinson Hyperlegible"
FONT_FILES = {
    "regular": "AtkinsonHyperlegible-Regular.ttf",
    "bold": "AtkinsonHyperlegible-Bold.ttf",
}


def fonts_dir() -> Path:
    """Folder with the bundled font files and their licence (``assets/fonts``)."""
    return assets_dir() / "fonts"


@dataclass(frozen=True)
class Palette:
    text: str = "#1b1f24"
    muted: str = "#3d4752"  # audience line, footer
    heading: str = "#1c3d63"  # calm dark blue
    rule: str = "#9fb6cf"
    cover_band: str = "#e7eff8"
    cover_accent: str = "#1c3d63"
    key_points_bg: str = "#e3eefa"
    key_points_border: str = "#3a6ea5"
    urgent_bg: str = "#fdeaea"
    urgent_border: str = "#b3261e"
    urgent_heading: str = "#8c1d18"
    questions_bg: str = "#e6f4e7"
    questions_border: str = "#2e7d32"
    questions_heading: str = "#1d5522"
    note_bg: str = "#eff1f3"
    note_border: str = "#6b7580"
    table_border: str = "#8796a8"
    table_head_bg: str = "#d9e5f2"

    def box_colours(self, kind: str) -> tuple[str, str]:
        """(background, left stripe) of a callout box kind."""
        return {
            "key-points": (self.key_points_bg, self.key_points_border),
            "urgent": (self.urgent_bg, self.urgent_border),
            "questions": (self.questions_bg, self.questions_border),
        }.get(kind, (self.note_bg, self.note_border))

    def text_pairs(self) -> dict[str, tuple[str, str]]:
        """Every (foreground, background) pair used for text, for contrast checks."""
        return {
            "body": (self.text, "#ffffff"),
            "heading": (self.heading, "#ffffff"),
            "muted": (self.muted, "#ffffff"),
            "cover title": (self.heading, self.cover_band),
            "cover audience": (self.muted, self.cover_band),
            "key points text": (self.text, self.key_points_bg),
            "key points heading": (self.heading, self.key_points_bg),
            "urgent text": (self.text, self.urgent_bg),
            "urgent heading": (self.urgent_heading, self.urgent_bg),
            "questions text": (self.text, self.questions_bg),
            "questions heading": (self.questions_heading, self.questions_bg),
            "note text": (self.text, self.note_bg),
            "table header": (self.text, self.table_head_bg),
        }


PALETTE = Palette()


def rgb(colour: str) -> tuple[float, float, float]:
    """``#rrggbb`` -> (r, g, b) in 0…1, as PyMuPDF's drawing methods want it."""
    value = colour.lstrip("#")
    return (int(value[0:2], 16) / 255, int(value[2:4], 16) / 255, int(value[4:6], 16) / 255)


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours (1 … 21)."""
    a, b = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


@dataclass(frozen=True)
class Layout:
    """Geometry derived from the body font size (13 pt normal, 18 pt large print)."""

    size: float = BODY_SIZE

    @property
    def margin_x(self) -> float:
        # About 65 characters a line at 14 pt; large print (18 pt) keeps ~60 with narrower margins.
        return 84.0 if self.size < 16 else 60.0

    @property
    def margin_top(self) -> float:
        return 60.0

    @property
    def footer_size(self) -> float:
        return round(max(10.5, self.size * 0.8), 1)

    @property
    def footer_page_width(self) -> float:
        """Width of the footer's right-hand "Page n of m" column."""
        return 6.6 * self.footer_size

    @property
    def footer_top(self) -> float:
        """y of the rule above the footer."""
        return PAGE_HEIGHT - 30.0 - 2.6 * self.footer_size

    @property
    def content_bottom(self) -> float:
        return self.footer_top - 14.0

    @property
    def line_height(self) -> float:
        return self.size * 1.5

    # Callout boxes: their backgrounds and left stripes are painted by the typesetter from the
    # boxes' measured positions (MuPDF's Story repaints CSS backgrounds on later pages).
    @property
    def box_pad_top(self) -> float:
        return 0.7 * self.size

    @property
    def box_pad_bottom(self) -> float:
        return 0.25 * self.size

    @property
    def box_pad_x(self) -> float:
        return 1.0 * self.size

    @staticmethod
    def stripe(kind: str) -> float:
        """Width of a box's coloured left border (urgent boxes have a strong one)."""
        return 8.0 if kind == "urgent" else 5.0

    def content_rect(self, top: float | None = None) -> tuple[float, float, float, float]:
        return (
            self.margin_x,
            self.margin_top if top is None else top,
            PAGE_WIDTH - self.margin_x,
            self.content_bottom,
        )


def font_face_css() -> str:
    return (
        f'@font-face {{font-family: "{FONT_FAMILY}"; src: url({FONT_FILES["regular"]});}}\n'
        f'@font-face {{font-family: "{FONT_FAMILY}"; src: url({FONT_FILES["bold"]}); '
        "font-weight: bold;}\n"
    )


def body_css(layout: Layout, palette: Palette = PALETTE) -> str:
    """CSS of the main story (body text, headings, boxes, tables)."""
    s = layout.size
    p = palette
    return (
        font_face_css()
        + f"""
* {{font-family: "{FONT_FAMILY}"; font-style: normal;}}
body {{margin: 0; padding: 0; font-size: {s}pt; line-height: 1.5; color: {p.text};
      text-align: left;}}
p {{margin: 0 0 {0.75 * s:.1f}pt 0;}}
b, strong {{font-weight: bold;}}
h2, h3, h4 {{color: {p.heading}; font-weight: bold; line-height: 1.25; text-align: left;}}
h2 {{font-size: {1.5 * s:.1f}pt; margin: {1.4 * s:.1f}pt 0 {0.6 * s:.1f}pt 0;
     padding-bottom: {0.25 * s:.1f}pt; border-bottom: 1pt solid {p.rule};}}
h3 {{font-size: {1.22 * s:.1f}pt; margin: {1.1 * s:.1f}pt 0 {0.45 * s:.1f}pt 0;}}
h4 {{font-size: {1.05 * s:.1f}pt; margin: {0.9 * s:.1f}pt 0 {0.35 * s:.1f}pt 0;}}
ul, ol {{margin: 0 0 {0.75 * s:.1f}pt 0; padding-left: {1.6 * s:.1f}pt;}}
li {{margin: 0 0 {0.3 * s:.1f}pt 0;}}
li p {{margin: 0 0 {0.3 * s:.1f}pt 0;}}
hr {{border: 0; border-top: 1pt solid {p.rule}; margin: {s:.1f}pt 0;}}
blockquote {{margin: 0 0 {0.75 * s:.1f}pt 0; padding-left: {s:.1f}pt;
             border-left: 3pt solid {p.rule};}}
.code {{white-space: pre-wrap;}}
.url {{color: {p.heading};}}
.box {{margin: {s:.1f}pt 0 {1.1 * s:.1f}pt 0;
       padding: {layout.box_pad_top:.1f}pt {layout.box_pad_x:.1f}pt {layout.box_pad_bottom:.1f}pt
       {layout.box_pad_x + layout.stripe("note"):.1f}pt;}}
.box h2, .box h3 {{border-bottom: 0; margin-top: 0; padding-bottom: 0;
                  font-size: {1.3 * s:.1f}pt;}}
.box-urgent {{padding-left: {layout.box_pad_x + layout.stripe("urgent"):.1f}pt;}}
.box-urgent h2, .box-urgent h3 {{color: {p.urgent_heading};}}
.box-questions h2, .box-questions h3 {{color: {p.questions_heading};}}
table {{border-collapse: collapse; width: 100%; margin: {0.3 * s:.1f}pt 0 {s:.1f}pt 0;}}
th, td {{border: 1pt solid {p.table_border}; padding: {0.3 * s:.1f}pt {0.45 * s:.1f}pt;
         text-align: left; line-height: 1.4;}}
th {{font-weight: bold;}}
.break-before {{page-break-before: always;}}
"""
    )


def cover_css(layout: Layout, palette: Palette = PALETTE) -> str:
    """CSS of the cover block on page 1 (a full-width band)."""
    s = layout.size
    p = palette
    return (
        font_face_css()
        + f"""
* {{font-family: "{FONT_FAMILY}"; font-style: normal;}}
body {{margin: 0; padding: 0; color: {p.text}; line-height: 1.35;}}
.cover {{background-color: {p.cover_band}; border-bottom: 4pt solid {p.cover_accent};
         padding: {layout.margin_top - 12:.1f}pt {layout.margin_x:.1f}pt {1.3 * s:.1f}pt
         {layout.margin_x:.1f}pt;}}
.publisher {{font-size: {max(12.0, 0.9 * s):.1f}pt; font-weight: bold; color: {p.heading};
             margin: 0 0 {0.5 * s:.1f}pt 0;}}
h1 {{font-size: {2.3 * s:.1f}pt; line-height: 1.15; color: {p.heading}; font-weight: bold;
     margin: 0 0 {0.6 * s:.1f}pt 0;}}
.summary {{font-size: {1.15 * s:.1f}pt; margin: 0 0 {0.5 * s:.1f}pt 0;}}
.audience {{font-size: {s:.1f}pt; color: {p.muted}; margin: 0;}}
"""
    )


def footer_css(layout: Layout, palette: Palette = PALETTE) -> str:
    p = palette
    return (
        font_face_css()
        + f"""
* {{font-family: "{FONT_FAMILY}"; font-style: normal;}}
body {{margin: 0; padding: 0; font-size: {layout.footer_size}pt; color: {p.muted};
      line-height: 1.3;}}
p {{margin: 0;}}
.right {{text-align: right; font-weight: bold;}}
"""
    )
