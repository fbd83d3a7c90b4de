"""Page colour modes for reading at night or with less glare (the ``page_colours`` setting).

No PyMuPDF here: the GUI reads these colours to paint the paper before a page arrives, the
worker (:func:`brochure_reader.pdf.render.recolour`) to recolour the rendered pixels.
"""

from __future__ import annotations

#: mode -> ``(black becomes, white becomes)`` as 0xRRGGBB.  "night" first inverts the page
#: (light text on dark paper), "sepia" tints it (dark brown ink on warm paper).  Both pairs
#: keep body text far above WCAG 2.1's 4.5:1 (about 12:1 and 11:1).
PAGE_COLOURS = {
    "night": (0x1E2124, 0xDCDFE2),
    "sepia": (0x3B2A17, 0xF4ECD8),
}

#: In night mode, pictures smaller than this share of the page keep their own colours (a photo
#: turned into a negative is unreadable); bigger ones (a scanned page) are inverted with the
#: text.
PHOTO_MAX_SHARE = 0.6


def paper_colour(mode: str) -> str:
    """``"#rrggbb"`` of a blank page in *mode* ("normal": white)."""
    if mode not in PAGE_COLOURS:
        return "#ffffff"
    black, white = PAGE_COLOURS[mode]
    return f"#{black if mode == 'night' else white:06x}"
