"""Issue 15, item 13: passwords prepared with SASLprep (RFC 4013) as PDF 2.0 requires."""

from __future__ import annotations

import pymupdf
import pytest

from brochure_reader.pdf.passwords import password_candidates, saslprep


@pytest.mark.parametrize("typed, prepared", [  # RFC 4013 section 3, the examples
    ("I\u00adX", "IX"), ("user", "user"), ("USER", "USER"), ("\u00aa", "a"),
    ("\u2168", "IX"), ("a\u2003b", "a b"), ("\u200bzero\ufeffwidth", "zerowidth"),
])
def test_rfc_4013_examples(typed, prepared):
    assert saslprep(typed) == prepared


@pytest.mark.parametrize("typed", ["\u0007", "\u0627\u0031", "a\ue000b", "x\u0000"])
def test_prohibited_input_is_refused(typed):
    with pytest.raises(ValueError, match="SASLprep"):
        saslprep(typed)


def test_candidates_keep_the_typed_form_first_and_cut_to_127_bytes():
    long = "é" * 100  # 200 UTF-8 bytes
    forms = password_candidates(long)
    assert forms[0] == long and len(forms[-1].encode("utf-8")) <= 127
    assert password_candidates("\u0007") == ["\u0007"]  # not preparable: tried as typed only


def test_aes256_file_unlocks_with_the_password_as_typed_before_saslprep(tmp_path):
    from brochure_reader.pdf.document import open_document
    from brochure_reader.pdf.errors import PasswordRequired

    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "Neutropenia means few white cells")
    path = tmp_path / "aes256.pdf"
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="SaSLprep",
             owner_pw="another-one")
    opened = open_document(path, "S\u00aaSL\u00adprep")
    assert "Neutropenia" in opened[0].get_text()
    with pytest.raises(PasswordRequired):
        open_document(path, "SaSL-prep")
