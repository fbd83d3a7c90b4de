"""Quotes and re-anchoring: pure TextMap logic, and two real versions of a brochure."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brochure_reader.bookmarks import BookmarkStore, Quote, TextMap, locate, reanchor
from brochure_reader.bookmarks.anchors import (
    CONTEXT_CHARS,
    QUOTE_CHARS,
    normalise_text,
    plan_reanchor,
)
from brochure_reader.bookmarks.model import Bookmark
from tests.unit.bookmark_support import (
    lorem,
    make_brochure,
    placed_sections,
    standard_sections,
)

LINES = [
    (0, 100.0, 112.0, "Fever"),
    (0, 120.0, 132.0, "A temperature of 38 degrees or more can be serious. Call"),
    (0, 135.0, 147.0, "your 24-hour line straight away, even at night, and do not treat-"),
    (0, 150.0, 162.0, "ment wait."),
    (1, 60.0, 72.0, "Side effects"),
    (1, 80.0, 92.0, "Most side effects can be eased."),
]


def test_text_map_offsets_positions_and_hyphenation():
    tm = TextMap.from_lines(LINES)
    assert "do not treatment wait." in tm.text  # "treat-" + "ment" joined
    assert tm.text.startswith("Fever A temperature")
    assert tm.position(0) == (0, 100.0)
    offset = tm.text.index("your 24-hour")
    assert tm.position(offset) == (0, 135.0)
    assert tm.position(tm.text.index("Most side")) == (1, 80.0)
    assert tm.position(len(tm.text) - 1) == (1, 80.0)


def test_normalise_text_folds_ligatures_spaces_and_soft_hyphens():
    raw = "  e\ufb03cient\u00a0care \u00adteam\n\tnow • listed "
    assert normalise_text(raw) == "efficient care team now listed"


def test_quote_at_takes_the_line_at_or_below_y():
    tm = TextMap.from_lines(LINES)
    assert tm.quote_at(0, 0.0).exact.startswith("Fever A temperature")
    assert tm.quote_at(0, 118.0).exact.startswith("A temperature of 38")
    assert tm.quote_at(0, 122.0).exact.startswith("A temperature")  # a little below its top
    assert tm.quote_at(0, 128.0).exact.startswith("your 24-hour line")  # the next full line
    assert tm.quote_at(0, 161.0).exact.startswith("ment wait")  # the last line, cut
    assert tm.quote_at(0, 500.0).exact.startswith("Side effects")  # next page
    assert tm.quote_at(1, 500.0) == Quote()  # nothing below


def test_quote_length_and_word_boundaries():
    words = [f"word{i}" for i in range(200)]
    tm = TextMap.from_lines([(0, i * 10.0, i * 10.0 + 8, " ".join(words[i * 10:i * 10 + 10]))
                             for i in range(20)])
    quote = tm.quote_from(tm.text.index("word50"))
    assert quote.exact.startswith("word50 ")
    assert QUOTE_CHARS <= len(quote.exact) <= QUOTE_CHARS + 24
    assert quote.exact.split()[-1] in words  # ends on a whole word
    assert 0 < len(quote.prefix) <= CONTEXT_CHARS and quote.prefix.split()[0] in words
    assert quote.prefix.endswith("word49")
    assert 0 < len(quote.suffix) <= CONTEXT_CHARS and quote.suffix.split()[-1] in words


def test_quote_for_a_selection_prefers_its_page():
    tm = TextMap.from_lines([(0, 10, 20, "Call the line now."), (3, 10, 20, "Later: call the "
                             "line now.")])
    quote = tm.quote_for_text("call  the\nline", page=3)
    assert quote.exact == "call the line"
    assert quote.prefix.endswith("Later:")
    assert tm.quote_for_text("not there at all").exact == "not there at all"


def test_locate_exact_uses_context_then_distance():
    text = "Call us. Drink water often. Rest well. Call us. Drink water often. Walk daily."
    tm = TextMap.from_lines([(i, 50.0, 60.0, part + ".") for i, part in
                             enumerate(text.rstrip(".").split(". "))])
    first, second = tm.text.index("Drink water"), tm.text.rindex("Drink water")
    by_context = locate(Quote("Drink water often.", "", "Walk daily"), tm)
    assert by_context.offset == second and by_context.exact and by_context.score == 100
    by_prefix = locate(Quote("Drink water often.", "Call us.", "Rest"), tm)
    assert by_prefix.offset == first
    assert locate(Quote("Drink water often."), tm, near=(4, 50.0)).offset == second
    assert locate(Quote("Drink water often."), tm, near=(1, 50.0)).offset == first


def test_locate_fuzzy_after_a_small_edit_and_none_when_gone():
    tm = TextMap.from_lines([(2, 300.0, 312.0, "Tell your nurse about mouth sores, being sick or "
                              "diarrhoea early, because there are medicines that help.")])
    old = Quote("Tell your nurse about mouth sores, sickness or diarrhoea early, because there "
                "are medicines")
    match = locate(old, tm)
    assert match is not None and not match.exact
    assert (match.page, match.y) == (2, 300.0)
    assert 85 <= match.score < 100
    gone = Quote("This paragraph about induction chemotherapy will be removed in the next "
                 "version of the brochure")
    assert locate(gone, tm) is None
    assert locate(Quote(""), tm) is None
    assert locate(old, TextMap()) is None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="abcdefgh ", min_size=1, max_size=40), min_size=1,
                max_size=25), st.data())
def test_a_captured_quote_is_found_where_it_was(lines, data):
    tm = TextMap.from_lines([(i // 5, (i % 5) * 20.0, (i % 5) * 20.0 + 10, t)
                             for i, t in enumerate(lines)])
    if not tm.text:
        return
    offset = data.draw(st.integers(0, len(tm.text) - 1))
    quote = tm.quote_from(offset)
    if not quote.exact:
        return
    match = locate(quote, tm, near=tm.position(offset))
    assert match is not None and match.exact
    assert tm.text[match.offset:match.end] == quote.exact
    # the match starts where the quote was taken, or at an identical copy with the same context
    assert match.offset == offset + (len(tm.text[offset:]) - len(tm.text[offset:].lstrip())) \
        or tm.text[match.offset:match.end] == tm.text[offset:offset + len(quote.exact)]


def test_plan_keeps_lost_bookmarks_where_they_were():
    b = Bookmark(id="x", doc_id="d", page=4, y=321.0, quote=Quote("nowhere to be found here"))
    changes, report = plan_reanchor([b], "new", TextMap.from_lines([(0, 0, 10, "other text")]))
    assert report.lost == ["x"] and not report.exact and not report.fuzzy
    assert changes == [dict(bookmark_id="x", page=4, y=321.0, quote=None, section_ref=None,
                            anchor="needs-attention", content_hash="new")]


# --- two real versions of a brochure -----------------------------------------------------------


@pytest.fixture
def versions(tmp_path):
    from brochure_reader.bookmarks.quotes import text_map

    out = {}
    for version in (1, 2):
        pdf = tmp_path / f"brochure-v{version}.pdf"
        placed = make_brochure(pdf, standard_sections(version), "Demo")
        out[version] = (str(pdf), text_map(str(pdf)), placed_sections("demo", placed))
    return out


def test_reanchoring_two_versions_of_a_brochure(versions, tmp_path):
    from brochure_reader.bookmarks.quotes import quote_at
    from brochure_reader.library.sections import find_section

    path1, map1, sections1 = versions[1]
    _path2, map2, sections2 = versions[2]
    store = BookmarkStore.open(tmp_path / "b.sqlite3")
    made = {}
    for slug, start in (("fever", "A temperature of 38 degrees"),
                        ("treatment", "This paragraph about induction"),
                        ("side-effects", "Most side effects can be eased"),
                        ("what-this-brochure-is-about", lorem(2)[:30])):
        page, y = map1.position(map1.text.index(start))  # the first line of that paragraph
        section = find_section(sections1, slug)
        made[slug] = store.add("demo", page + 1, y, content_hash="v1", section_ref=section.ref,
                               quote=quote_at(path1, None, page, y), label=section.title)
        assert made[slug].quote.exact.startswith(start)
    section_only = store.add("demo", 1, 0.0, content_hash="v1", section_ref="demo#fever")
    before = {b.id: b for b in store.bookmarks()}

    report = reanchor(store, "demo", "v2", map2, sections2)

    after = {b.id: b for b in store.bookmarks()}
    assert set(after) == set(before)  # nothing dropped
    assert all(b.content_hash == "v2" for b in after.values())
    fever, treatment = after[made["fever"].id], after[made["treatment"].id]
    side, intro = after[made["side-effects"].id], after[made["what-this-brochure-is-about"].id]

    # "Fever" moved before "Treatment": found exactly at its new place, in the same section
    new_fever = find_section(sections2, "fever")
    assert fever.id in report.exact and not fever.needs_attention
    assert (fever.page0, fever.y) != (made["fever"].page0, made["fever"].y)
    assert fever.page0 == new_fever.page and 0 < fever.y - new_fever.y < 40
    assert fever.section_ref == "demo#fever"
    assert map2.quote_at(fever.page0, fever.y).exact == fever.quote.exact

    # the deleted paragraph: kept, flagged, where it was, quote intact
    assert treatment.id in report.lost and treatment.needs_attention
    assert (treatment.page, treatment.y) == (made["treatment"].page, made["treatment"].y)
    assert treatment.quote == made["treatment"].quote

    # the lightly edited sentence is found fuzzily and its quote refreshed
    assert side.id in report.fuzzy and not side.needs_attention
    assert "being sick" in side.quote.exact and "being sick" not in made["side-effects"].quote.exact
    assert side.section_ref == "demo#side-effects"

    # the intro paragraph moved down by a new paragraph before it
    assert intro.id in report.exact
    assert (intro.page0, intro.y) != (made["what-this-brochure-is-about"].page0,
                                      made["what-this-brochure-is-about"].y)
    assert intro.quote.exact == made["what-this-brochure-is-about"].quote.exact

    # a bookmark without a quote follows its section
    assert after[section_only.id].page0 == new_fever.page
    assert after[section_only.id].y == new_fever.y

    # a second run has nothing to do
    again = reanchor(store, "demo", "v2", map2, sections2)
    assert again.checked == 0
    assert "attention" in report.summary()
    store.close()
