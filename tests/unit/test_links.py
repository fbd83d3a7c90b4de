"""Issue 15, item 12: only http, https and mailto links may leave the reader."""

from __future__ import annotations

import pytest

from brochure_reader.links import check_link


@pytest.mark.parametrize("uri", [
    "javascript:alert(document.cookie)", "JavaScript:void(0)", "smb://evil.example/share",
    "file:///etc/passwd", "ftp://example.org/a", "data:text/html,<b>x</b>", "launch:calc.exe",
    "", "relative/page.html", "http:///no-host", "https://exa\u202emple.org/",
    "http://example.org/\x1b[31m",
])
def test_everything_but_web_and_mail_is_refused(uri):
    check = check_link(uri)
    assert not check.allowed and check.refusal
    assert "\u202e" not in check.refusal and "\x1b" not in check.refusal


@pytest.mark.parametrize("uri, host", [
    ("https://www.cancer.gov/types/leukemia", "www.cancer.gov"),
    ("HTTP://Example.org:8080/x?y=1", "example.org"),
    ("https://bank.example@evil.example/login", "evil.example"),
])
def test_web_links_are_offered_with_the_real_host(uri, host):
    check = check_link(uri)
    assert check.allowed and uri in check.shown and f"web site: {host}" in check.shown


def test_mail_links_name_the_address():
    check = check_link("mailto:nurse@clinic.example?subject=Questions")
    assert check.allowed and "nurse@clinic.example" in check.shown
