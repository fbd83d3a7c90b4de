"""Glossary terms found where the text uses them: plurals and case, the longest term first,
abbreviations only in capitals, never inside another word; over the bundled pack."""

from __future__ import annotations

import re

import pytest

from brochure_reader.paths import assets_dir
from brochure_reader.reflow.glossary import (
    GlossaryEntry,
    GlossaryMarker,
    TermMatcher,
    read_entries,
    read_glossary_file,
)

SOURCES = assets_dir() / "pack" / "sources"


@pytest.fixture(scope="module")
def matcher() -> TermMatcher:
    return TermMatcher(read_glossary_file(SOURCES / "glossary.md"))


def _found(matcher, text):
    return [(text[h.start:h.end], h.entry.term) for h in matcher.find(text)]


def test_the_bundled_glossary_is_read_whole(matcher):
    listed = (assets_dir() / "pack" / "glossary-terms.txt").read_text().split("\n")
    listed = [t for t in listed if t.strip()]
    assert len(matcher) == len(listed) >= 300
    assert {e.term for e in matcher.entries.values()} == set(listed)
    stent = matcher.entry("stent")
    assert stent.term == "Stent" and "tube" in stent.text and "**" not in stent.text


def test_plurals_and_case(matcher):
    assert _found(matcher, "Stents and biopsies.") == [("Stents", "Stent"),
                                                       ("biopsies", "Biopsy")]
    assert _found(matcher, "a STENT") == [("STENT", "Stent")]
    assert _found(matcher, "two CT scans") == [("CT scans", "CT scan")]


def test_multi_word_terms_win_over_their_parts(matcher):
    assert _found(matcher, "a blocked bile duct") == [("bile duct", "Bile duct")]
    assert _found(matcher, "a blocked bile\nduct") == [("bile\nduct", "Bile duct")]
    assert _found(matcher, "bile is green") == [("bile", "Bile")]


def test_abbreviations_only_in_capitals(matcher):
    assert _found(matcher, "all of them") == []
    assert _found(matcher, "treating ALL in children") == [("ALL", "ALL")]


def test_never_inside_another_word(matcher):
    for word in ("stentlike", "unstent", "stent-like", "bilestone", "ALLOW", "product"):
        assert not [t for t, term in _found(matcher, f"a {word} here")
                    if t.casefold() in ("stent", "bile", "all", "duct")], word


def test_over_the_bundled_pack_no_false_hit_inside_a_word(matcher):
    """Counts the glossary terms the brochures use (printed) and fails on any hit that touches
    a letter, digit or hyphen on either side."""
    used, hits = set(), 0
    for path in sorted(SOURCES.glob("*.md")):
        if path.name == "glossary.md":
            continue
        text = path.read_text(encoding="utf-8")
        for hit in matcher.find(text):
            before = text[hit.start - 1] if hit.start else " "
            after = text[hit.end] if hit.end < len(text) else " "
            assert not re.match(r"[\w-]", before) and not re.match(r"[\w-]", after), (
                path.name, text[max(0, hit.start - 20):hit.end + 20])
            used.add(hit.entry.slug)
            hits += 1
    print(f"\n{len(used)} of {len(matcher)} glossary terms found in the brochures "
          f"({hits} places)")
    assert len(used) >= 0.9 * len(matcher)


def test_marker_links_each_term_once_per_section():
    entries = read_entries("- **Stent** — A small *tube*.\n- **Bile duct** — A tube.\n")
    assert entries[0] == GlossaryEntry("Stent", "A small tube.", "stent")
    marker = GlossaryMarker(TermMatcher(entries))
    html = marker("A stent & another stent in the bile duct.")
    assert html.count('href="glossary:stent"') == 1
    assert 'title="A small tube."' in html and "&amp;" in html
    assert marker("stent again") == "stent again"  # already marked in this section
    marker.new_section()
    assert 'glossary:stent' in marker("stent again")


def test_reflowed_brochure_marks_terms_but_not_in_headings_or_links(matcher):
    from brochure_reader.authoring.source import parse_source
    from brochure_reader.reflow.markdown import reflow_source

    reflowed = reflow_source(parse_source(SOURCES / "cholangiocarcinoma.md"),
                             GlossaryMarker(matcher))
    html = reflowed.html
    assert 'href="glossary:stent"' in html and 'href="glossary:bile-duct"' in html
    for heading in re.findall(r"<h[1-6]>.*?</h[1-6]>", html, re.S):
        assert "glossary:" not in heading
    assert not re.search(r'<a href="(?!glossary:)[^"]*">[^<]*<a href="glossary:', html)
