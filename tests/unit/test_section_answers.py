"""``::: answers``: the questions a section answers, from the Markdown source to the index."""

from __future__ import annotations

import pymupdf
import pytest

from brochure_reader.authoring import typeset
from brochure_reader.authoring.markup import (
    MarkupError,
    readability_text,
    render_body,
    text_blocks,
)
from brochure_reader.authoring.source import parse_source_text
from brochure_reader.pdf.answers import ANSWERS_KEY, read_answers
from tests.unit.test_authoring import FRONT

BODY = """::: key-points
## Key points
- A leaflet for the tests.
:::

## Outlook

::: answers
- how long will I live
- what are my **chances**
:::

How things go differs from person to person. Your team knows your own situation best.

## Outlook

::: answers
- scanxiety before results
:::

A second heading with the same words gets its own slug.

## Food safety

Wash your hands before you touch food.
"""


def test_answers_are_collected_per_heading_and_not_printed():
    body = render_body(BODY)
    assert body.answers == {"outlook": ("how long will I live", "what are my chances"),
                            "outlook-2": ("scanxiety before results",)}
    assert "how long will I live" not in body.html
    assert "answers" not in body.html
    texts = [b.text for b in text_blocks(BODY)]
    assert "how long will I live" not in texts and "scanxiety before results" not in texts
    assert "chances" not in readability_text(BODY)


@pytest.mark.parametrize(("body", "message"), [
    ("::: answers\n- why\n:::\n\n## A\n\nText.\n", "must follow the heading"),
    ("## A\n\n::: answers\n:::\n", "is empty"),
    ("## A\n\n::: answers\nJust a paragraph.\n:::\n", "only a '- ' list"),
    ("## A\n\n::: answers\n1. numbered\n:::\n", "only a '- ' list"),
    ("## A\n\n::: answers\n- one\n  - nested\n:::\n", "only a '- ' list"),
    ("## A\n\n::: answers\n- " + "x" * 200 + "\n:::\n", "longer than"),
    ("## A\n\n::: answers\n- one\n:::\n\n::: answers\n- two\n:::\n", "a second"),
])
def test_bad_answers_lists_are_refused_with_the_line(body, message):
    with pytest.raises(MarkupError, match=message):
        render_body(body)


def _pdf(tmp_path, body: str = BODY):
    source = parse_source_text(FRONT.format(id="answers-doc", title="Answers test",
                                            reviewed="2026-11-29") + body)
    path = tmp_path / "answers-doc.pdf"
    path.write_bytes(typeset(source).pdf)
    return path


def test_typeset_pdf_carries_the_answers(tmp_path):
    with pymupdf.open(_pdf(tmp_path)) as doc:
        assert read_answers(doc) == {"outlook": ("how long will I live", "what are my chances"),
                                     "outlook-2": ("scanxiety before results",)}
        text = "".join(page.get_text() for page in doc)
    assert "how long will I live" not in text


def test_pdf_without_or_with_broken_answers_reads_as_none(tmp_path):
    with pymupdf.open(_pdf(tmp_path, "## A\n\nNo list here.\n")) as doc:
        assert read_answers(doc) == {}
        info = int(doc.xref_get_key(-1, "Info")[1].split()[0])
        doc.xref_set_key(info, ANSWERS_KEY, pymupdf.get_pdf_str("{not json"))
        assert read_answers(doc) == {}
        doc.xref_set_key(info, ANSWERS_KEY, pymupdf.get_pdf_str('["a list"]'))
        assert read_answers(doc) == {}


def test_a_question_finds_its_section_through_the_answers(tmp_path):
    from brochure_reader.search.builder import DocSpec, build_index
    from brochure_reader.search.engine import Searcher
    from brochure_reader.search.index import SearchIndex

    path = _pdf(tmp_path)
    db = tmp_path / "index.sqlite3"
    build_index(db, [DocSpec("answers-doc", "Answers test", str(path))])
    with SearchIndex.open(db) as index:
        searcher = Searcher(index)
        hits = searcher.search("how long will I live").hits
        assert hits and hits[0].section_ref == "answers-doc#outlook"
        hits = searcher.search("scanxiety").hits
        assert [h.section_ref for h in hits] == ["answers-doc#outlook-2"]
        # the answers are indexed once per section, on its first row
        rows = index.db.execute("SELECT count(*) FROM fts WHERE answers != ''").fetchone()[0]
        assert rows == 2
