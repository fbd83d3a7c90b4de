"""My questions: the list in the store, and questions read from a brochure."""

from __future__ import annotations

import pytest

from brochure_reader.bookmarks import BUILTIN_QUESTIONS, BookmarkStore, questions_from_lines
from brochure_reader.bookmarks.questions import (
    MAX_QUESTION_CHARS,
    QuestionNotFound,
    is_questions_section,
    questions_sections,
    section_bound,
)
from brochure_reader.library import Section
from tests.unit.bookmark_support import (
    QUESTIONS,
    make_brochure,
    placed_sections,
    standard_sections,
)


@pytest.fixture
def store(tmp_path):
    with BookmarkStore.open(tmp_path / "b.sqlite3") as opened:
        yield opened


def texts(store) -> list[str]:
    return [q.text for q in store.questions.in_order()]


def test_new_store_starts_with_the_builtin_questions_once(tmp_path):
    path = tmp_path / "b.sqlite3"
    with BookmarkStore.open(path) as store:
        assert texts(store) == list(BUILTIN_QUESTIONS)
        assert all(q.source == "builtin" and not q.answered for q in store.questions.in_order())
        positions = [q.position for q in store.questions.in_order()]
        assert positions == list(range(len(BUILTIN_QUESTIONS)))
        first = store.questions.in_order()[0]
        store.questions.remove(first.id)
    with BookmarkStore.open(path) as store:
        assert texts(store) == list(BUILTIN_QUESTIONS[1:])  # a removed one stays removed
        assert [q.text for q in store.questions.add_builtin()] == [BUILTIN_QUESTIONS[0]]
        assert texts(store)[-1] == BUILTIN_QUESTIONS[0]


def test_add_own_and_from_a_brochure_without_duplicates(store):
    own = store.questions.add("  Can my   sister come to appointments? ")
    assert own.text == "Can my sister come to appointments?" and own.source == "own"
    assert store.questions.add("can my sister come to appointments?") is None
    added = store.questions.add_many([*QUESTIONS, QUESTIONS[0]], source="demo")
    assert [q.text for q in added] == QUESTIONS
    assert {q.source for q in added} == {"demo"}
    assert texts(store)[-4:] == [own.text, *QUESTIONS]
    assert store.questions.add_many(QUESTIONS, source="demo") == []
    with pytest.raises(ValueError, match="empty"):
        store.questions.add("   ")
    with pytest.raises(ValueError, match="at most"):
        store.questions.add("x" * (MAX_QUESTION_CHARS + 1))


def test_tick_edit_move_reorder(store):
    qs = store.questions.in_order()
    assert store.questions.set_answered(qs[2].id, True).answered
    assert not store.questions.set_answered(qs[2].id, False).answered
    assert store.questions.edit(qs[0].id, "What is the aim?").text == "What is the aim?"
    order = store.questions.move(qs[0].id, 3)
    assert [q.id for q in order][:4] == [qs[1].id, qs[2].id, qs[3].id, qs[0].id]
    assert [q.position for q in order] == list(range(len(qs)))
    assert store.questions.move(qs[0].id, 999)[-1].id == qs[0].id
    assert store.questions.move(qs[0].id, -5)[0].id == qs[0].id
    reordered = store.questions.reorder([qs[4].id, "unknown", qs[1].id])
    assert [q.id for q in reordered][:2] == [qs[4].id, qs[1].id]
    assert len(reordered) == len(qs)
    with pytest.raises(QuestionNotFound):
        store.questions.set_answered("nope", True)


def test_remove_and_restore_in_place(store):
    qs = store.questions.in_order()
    store.questions.set_answered(qs[3].id, True)
    gone = store.questions.remove(qs[3].id)
    assert qs[3].id not in [q.id for q in store.questions.in_order()]
    assert [q.position for q in store.questions.in_order()] == list(range(len(qs) - 1))
    store.questions.restore(gone)
    after = store.questions.in_order()
    assert [q.id for q in after] == [q.id for q in qs]
    assert after[3].answered and after[3].text == qs[3].text


@pytest.mark.parametrize("lines, expected", [
    (["Questions to ask your care team", "• What type of AML do I have?",
      "• What did the gene tests show? Do I have an FLT3 change, or another", "change that a "
      "targeted drug can treat?"],
     ["What type of AML do I have?", "What did the gene tests show? Do I have an FLT3 change, "
      "or another change that a targeted drug can treat?"]),
    (["•", "Who do I call day or night?", "•", "Is there a clinical trial for me?"],
     ["Who do I call day or night?", "Is there a clinical trial for me?"]),
    (["1. How long will treat-", "ment take?", "2) Can I work?", "- can I work?"],
     ["How long will treatment take?", "Can I work?"]),
    (["Ask us anything. What is the aim? Who do", "I call at night?"],
     ["Ask us anything. What is the aim?", "Who do I call at night?"]),
    (["Questions to ask", ""], []),
])
def test_questions_from_lines(lines, expected):
    assert questions_from_lines(lines) == expected


def test_questions_sections_and_what_follows():
    tree = [
        Section("Treatment", "d#treatment", 0, 50.0, 1, children=[
            Section("Questions about treatment", "d#questions-about-treatment", 1, 300.0, 2)]),
        Section("Questions to ask your care team", "d#questions-to-ask", 2, 100.0, 1),
        Section("Broken link", "d#broken", None, 0.0, 1),
        Section("About this information", "d#about", 2, 400.0, 1),
    ]
    found = [(s.ref, after.ref if after else None) for s, after in questions_sections(tree)]
    assert found == [("d#questions-about-treatment", "d#questions-to-ask"),
                     ("d#questions-to-ask", "d#about")]
    assert section_bound(tree[1]) == (2, 100.0, "Questions to ask your care team")
    assert section_bound(None) is None
    assert is_questions_section("QUESTIONS TO ASK") and not is_questions_section("Quest")


def test_questions_read_from_a_real_brochure(tmp_path):
    from brochure_reader.bookmarks.quotes import section_lines

    pdf = tmp_path / "demo.pdf"
    sections = placed_sections("demo", make_brochure(pdf, standard_sections(1), "Demo"))
    [(section, after)] = questions_sections(sections)
    lines = section_lines(str(pdf), None, section_bound(section), section_bound(after))
    assert lines[0] == "Questions to ask your care team"
    assert questions_from_lines(lines) == QUESTIONS
    # headings are found by their text, so a wrong outline position does not matter
    wrong = section_lines(str(pdf), None, (section.page, 700.0, section.title),
                          (after.page, 10.0, after.title))
    assert wrong == lines
    assert section_lines(str(pdf), None, section_bound(section), None)[-1] != lines[-1]
