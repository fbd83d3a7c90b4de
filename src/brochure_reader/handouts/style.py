"""CSS of the handout's own pages (cover, sources, notes, footers).

The same typeface and colours as the typeset leaflets (``authoring.style``); every size scales
with the body size, and nothing is set below :data:`LARGE_PRINT_MIN` in large print.
"""

from __future__ import annotations

from brochure_reader.authoring.style import FONT_FAMILY, PALETTE, font_face_css

BODY_SIZE = 13.0
LARGE_PRINT_SIZE = 18.0
#: The large-print standard: no text below this size (points).
LARGE_PRINT_MIN = 16.0
FOOTER_SIZE = 10.5


def footer_size(large_print: bool) -> float:
    return LARGE_PRINT_MIN if large_print else FOOTER_SIZE


def page_css(size: float, large_print: bool) -> str:
    """CSS of the cover and sources pages at body size *size*."""
    p = PALETTE
    small = max(size * 0.85, LARGE_PRINT_MIN if large_print else 10.5)
    return font_face_css() + f"""
* {{font-family: "{FONT_FAMILY}"; font-style: normal;}}
body {{margin: 0; padding: 0; font-size: {size}pt; line-height: 1.45; color: {p.text};}}
p {{margin: 0 0 {0.6 * size:.1f}pt 0;}}
.band {{background-color: {p.cover_band}; border-bottom: 4pt solid {p.cover_accent};
        padding: {0.9 * size:.1f}pt {size:.1f}pt {0.7 * size:.1f}pt {size:.1f}pt;
        margin: 0 0 {1.2 * size:.1f}pt 0;}}
.kicker {{font-weight: bold; color: {p.heading}; margin: 0 0 {0.3 * size:.1f}pt 0;}}
h1 {{font-size: {2.0 * size:.1f}pt; line-height: 1.15; color: {p.heading}; font-weight: bold;
     margin: 0 0 {0.4 * size:.1f}pt 0;}}
h2 {{font-size: {1.4 * size:.1f}pt; color: {p.heading}; font-weight: bold; line-height: 1.25;
     margin: {1.1 * size:.1f}pt 0 {0.5 * size:.1f}pt 0;}}
h3 {{font-size: {1.15 * size:.1f}pt; color: {p.heading}; font-weight: bold;
     margin: {0.9 * size:.1f}pt 0 {0.3 * size:.1f}pt 0;}}
.meta {{color: {p.muted};}}
.small {{font-size: {small:.1f}pt;}}
.note {{background-color: {p.note_bg}; border-left: 5pt solid {p.key_points_border};
        padding: {0.7 * size:.1f}pt {size:.1f}pt {0.2 * size:.1f}pt {size:.1f}pt;
        margin: {0.6 * size:.1f}pt 0 {size:.1f}pt 0;}}
.contact {{background-color: {p.questions_bg}; border-left: 5pt solid {p.questions_border};
           padding: {0.7 * size:.1f}pt {size:.1f}pt {0.2 * size:.1f}pt {size:.1f}pt;
           margin: {0.6 * size:.1f}pt 0 {size:.1f}pt 0;}}
ul {{margin: 0 0 {0.6 * size:.1f}pt 0; padding-left: {1.4 * size:.1f}pt;}}
li {{margin: 0 0 {0.3 * size:.1f}pt 0;}}
table {{border-collapse: collapse; width: 100%;}}
td {{padding: {0.2 * size:.1f}pt 0; vertical-align: top;}}
td.page {{text-align: right; width: 30%; font-weight: bold; white-space: nowrap;}}
"""


def note_css(size: float) -> str:
    """CSS of the "could not be reflowed" note shown above scaled pages."""
    p = PALETTE
    return font_face_css() + f"""
* {{font-family: "{FONT_FAMILY}"; font-style: normal;}}
body {{margin: 0; padding: 0;}}
p {{font-size: {size}pt; line-height: 1.3; color: {p.text}; background-color: {p.note_bg};
    border-left: 5pt solid {p.note_border}; padding: 4pt 8pt; margin: 0;}}
"""


def footer_css(size: float) -> str:
    p = PALETTE
    return font_face_css() + f"""
* {{font-family: "{FONT_FAMILY}"; font-style: normal;}}
body {{margin: 0; padding: 0;}}
p {{font-size: {size}pt; line-height: 1.25; color: {p.muted}; margin: 0;}}
.right {{text-align: right; font-weight: bold;}}
"""
