"""The PyMuPDF layer on real corpus files: outlines, inferred headings, labels, errors."""

from __future__ import annotations

import pytest

from brochure_reader.pdf.document import document_info, validate
from brochure_reader.pdf.errors import DocumentError, PasswordRequired
from brochure_reader.pdf.render import page_content, page_links, page_words, render_page


def test_outline_with_named_destinations_has_exact_positions(corpus):
    info = document_info(corpus / "pysample__pdflatex-outline.pdf")
    assert info.outline_inferred is False
    assert [e[1] for e in info.outline] == ["Foo", "Bar", "Baz"] * 3
    _level, _title, page, y = info.outline[1]
    assert page == 1
    words = page_words(str(corpus / "pysample__pdflatex-outline.pdf"), None, page)
    bar = [w for w in words if w[4] == "Bar"]
    assert bar and abs(bar[0][1] - y) < 20  # named destination: the heading is where it points


def test_explicit_and_named_destinations_land_on_their_headings(corpus):
    path = corpus / "pypdf__outline-invalid-destinations.pdf"
    info = document_info(path)
    named = info.outline[0]  # "Valid Destination: Action /GoTo Named Destination"
    explicit = info.outline[2]  # "Valid Destination: /Dest within outline object" (/XYZ 349.58)
    assert abs(explicit[3] - (841.89 - 349.58)) < 1.0
    words = page_words(str(path), None, named[2])
    heading_ys = [w[1] for w in words if w[4] in ("Foo", "Bar", "Baz")]
    assert any(abs(named[3] - hy) < 20 for hy in heading_ys)


def test_mistitled_outline_keeps_outline_titles(corpus):
    info = document_info(corpus / "pysample__mistitled-outlines.pdf")
    assert len(info.outline) == 27
    assert {e[0] for e in info.outline} == {1, 2, 3}


def test_invalid_destinations_are_kept_without_target(corpus):
    info = document_info(corpus / "pypdf__outline-invalid-destinations.pdf")
    assert len(info.outline) == 9
    assert sum(1 for e in info.outline if e[2] is None) >= 5
    assert any(e[2] is not None for e in info.outline)


def test_circular_outline_falls_back_to_inferred_or_nothing(corpus):
    info = document_info(corpus / "pymupdf__circular-outline.pdf")
    assert info.page_count == 2
    assert all(e[2] is not None for e in info.outline)


def test_headings_inferred_without_outline(corpus):
    info = document_info(corpus / "pysample__multicolumn.pdf")
    assert info.outline_inferred
    titles = [e[1] for e in info.outline]
    assert len(titles) >= 3 and all(len(t) <= 90 for t in titles)
    assert all(e[2] is not None for e in info.outline)


def test_no_outline_and_no_headings_gives_page_entries(corpus):
    info = document_info(corpus / "pysample__minimal-document.pdf")
    assert info.outline_inferred
    assert info.outline == [(1, "Page 1", 0, 0.0)]


def test_page_labels(corpus):
    info = document_info(corpus / "pdfminer__pagelabels-duplicate.pdf")
    assert info.labels == ["iii", "iv", "1", "2", "1"]


@pytest.mark.parametrize(
    ("name", "password"),
    [
        ("pysample__password-openpassword.pdf", "openpassword"),
        ("pysample__password-openpassword.pdf", "permissionpassword"),
        ("pdfjs__password-paesswoert.pdf", "pässwört"),
    ],
)
def test_passwords(corpus, name, password):
    with pytest.raises(PasswordRequired) as missing:
        document_info(corpus / name)
    assert not missing.value.wrong
    with pytest.raises(PasswordRequired) as wrong:
        document_info(corpus / name, "wrong-password")
    assert wrong.value.wrong
    assert document_info(corpus / name, password).page_count >= 1


def test_unreadable_files_raise_clear_errors(corpus, tmp_path):
    with pytest.raises(DocumentError, match=r"no pages|not a readable"):
        document_info(corpus / "pdfjs__invalid-184-bytes.pdf")
    junk = tmp_path / "notes.pdf"
    junk.write_text("hello, not a PDF", encoding="utf-8")
    with pytest.raises(DocumentError):
        validate(junk)


def test_render_tiny_huge_and_rotated_pages(corpus):
    w, h, stride, data = render_page(str(corpus / "pysample__tiny-pages-images.pdf"), None, 0, 1.0)
    assert w >= 1 and h >= 1 and len(data) == stride * h
    w, h, _s, _d = render_page(str(corpus / "pdfjs__A0-rotated.pdf"), None, 0, 4.0)
    assert max(w, h) <= 6000
    info = document_info(corpus / "pdfjs__hello-world-rotated.pdf")
    assert set(info.sizes) == {(792.0, 612.0)}  # /Rotate 90 on a Letter page: shown landscape
    w, h, _s, _d = render_page(str(corpus / "pdfjs__hello-world-rotated.pdf"), None, 0, 1.0)
    assert w > h


def test_links_on_outline_file(corpus):
    links = [
        link
        for p in range(4)
        for link in page_links(str(corpus / "pysample__pdflatex-outline.pdf"), None, p)
    ]
    assert links and all(link["page"] is not None for link in links)


@pytest.mark.parametrize("name", ["pysample__pdflatex-outline.pdf", "pdfjs__A0-rotated.pdf"])
def test_page_content_is_pixels_words_and_links_in_one_call(corpus, name):
    path = str(corpus / name)
    page = 1 if "outline" in name else 0
    size = (417, 590) if "outline" in name else (1685, 1192)
    content = page_content(path, None, page, size)
    assert (content.width, content.height) == size
    assert (content.width, content.height, content.stride, content.pixels) == render_page(
        path, None, page, 1.0, None, size)
    assert content.words == page_words(path, None, page) and content.words
    assert content.links == page_links(path, None, page)
    assert page_content(path, None, page, size, with_text=False).words is None


def test_page_content_clip_is_that_part_of_the_whole_page(corpus):
    path = str(corpus / "pdfjs__A0-rotated.pdf")  # /Rotate 90: the clip is in display pixels
    size = (1685, 1192)
    whole = page_content(path, None, 0, size, with_text=False)
    clip = (300, 200, 256, 128)
    part = page_content(path, None, 0, size, with_text=False, clip=clip)
    assert (part.width, part.height, part.clip) == (256, 128, clip)
    x, y, w, h = clip
    for row in range(h):
        mine = part.pixels[row * part.stride: row * part.stride + w * 3]
        start = (y + row) * whole.stride + x * 3
        assert mine == whole.pixels[start: start + w * 3], f"row {row} differs"
