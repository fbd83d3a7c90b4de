"""Night and sepia pages: recoloured in the worker's render (PyMuPDF), photos kept natural in
night mode, scanned pages inverted with their text; on real corpus files."""

from __future__ import annotations

import pymupdf
import pytest

from brochure_reader.pdf.colours import PAGE_COLOURS, paper_colour
from brochure_reader.pdf.render import render_page


def _pixel(result, x: int, y: int) -> tuple[int, int, int]:
    _width, _height, stride, data = result
    i = y * stride + x * 3
    return tuple(data[i:i + 3])


def _hex(rgb) -> str:
    return "#" + "".join(f"{c:02x}" for c in rgb)


def _luma(rgb) -> float:
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]


def test_night_inverts_text_and_keeps_the_photo(corpus):
    path = str(corpus / "pdfjs__wikipedia-59-links.pdf")
    with pymupdf.open(path) as doc:  # the test's own look at where the picture is
        page = doc[0]
        box = pymupdf.Rect(page.get_image_info()[0]["bbox"])
        words = page.get_text("words")
    scale = 1.5
    normal = render_page(path, None, 0, scale)
    night = render_page(path, None, 0, scale, colours="night")
    sepia = render_page(path, None, 0, scale, colours="sepia")
    assert normal[:3] == night[:3] == sepia[:3]
    # blank paper: white -> the night paper colour, and the sepia paper colour
    assert _pixel(normal, 2, 2) == (255, 255, 255)
    assert _hex(_pixel(night, 2, 2)) == paper_colour("night") == "#1e2124"
    assert _hex(_pixel(sepia, 2, 2)) == paper_colour("sepia") == "#f4ecd8"
    # text: the darkest pixel of a word's box becomes the lightest in night mode
    x0, y0, x1, y1 = (int(v * scale) for v in words[5][:4])
    cells = [(x, y) for x in range(x0, x1) for y in range(y0, y1)]
    darkest = min(cells, key=lambda c: _luma(_pixel(normal, *c)))
    assert _luma(_pixel(normal, *darkest)) < 100
    assert _luma(_pixel(night, *darkest)) > 150
    # the photo's pixels are the normal render's, untouched
    inner = (box * scale).irect
    inner = pymupdf.IRect(inner.x0 + 2, inner.y0 + 2, inner.x1 - 2, inner.y1 - 2)
    sample = [(x, y) for x in range(inner.x0, inner.x1, 3) for y in range(inner.y0, inner.y1, 3)]
    assert sample and all(_pixel(night, *c) == _pixel(normal, *c) for c in sample)


def test_a_scanned_page_is_inverted_whole(corpus):
    path = str(corpus / "pymupdf__scanned-5-pages-no-text.pdf")
    normal = render_page(path, None, 0, 0.5)
    night = render_page(path, None, 0, 0.5, colours="night")
    width, height = normal[0], normal[1]
    cells = [(x, y) for x in range(0, width, 7) for y in range(0, height, 7)]
    changed = sum(_pixel(normal, *c) != _pixel(night, *c) for c in cells)
    assert changed > 0.9 * len(cells)  # the page image covers the page: not kept natural


def test_page_colour_pairs_meet_wcag_contrast():
    from brochure_reader.ui.theme import contrast_ratio

    for mode, (black, white) in PAGE_COLOURS.items():
        assert contrast_ratio(f"#{black:06x}", f"#{white:06x}") >= 7.0, mode
    assert paper_colour("normal") == "#ffffff"
    with pytest.raises(KeyError):
        from brochure_reader.pdf.render import recolour

        recolour(None, None, None, "purple")
