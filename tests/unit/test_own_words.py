"""The brochures are in our own words: no run of 9 words of a document is copied from the
research notes (../shared/content/facts.md, which says none of its sentences is brochure-ready).

Run on the Markdown sources (body and shared blocks, without the Sources list, whose titles
are citations), words lower-cased, punctuation and Markdown ignored.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from brochure_reader.paths import bundled_pack_dir

REPO = Path(__file__).resolve().parents[2]
FACTS = REPO.parent / "shared" / "content" / "facts.md"
#: Shortest run of identical words counted as copied (issue 12, trial item 5).
RUN = 9
SOURCES = bundled_pack_dir() / "sources"

pytestmark = pytest.mark.skipif(
    not FACTS.is_file(), reason=f"the research notes are not here ({FACTS}): nothing to compare"
)


def words(text: str) -> list[str]:
    """Lower-case words of *text* (letters and digits, inner apostrophes kept)."""
    text = text.replace("’", "'").replace("–", " ").replace("—", " ")
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.lower())


def runs(text: str, grams: set[tuple[str, ...]], n: int = RUN) -> list[str]:
    """The stretches of *text* (as words) whose every *n*-word window is in *grams*."""
    w = words(text)
    found: list[list[int]] = []
    for i in range(len(w) - n + 1):
        if tuple(w[i : i + n]) in grams:
            if found and i <= found[-1][1]:
                found[-1][1] = i + n
            else:
                found.append([i, i + n])
    return [" ".join(w[a:b]) for a, b in found]


def ngrams(text: str, n: int = RUN) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}


def prose(path: Path) -> str:
    """The text a reader reads: the body (or a block's body) without the Sources list."""
    body = path.read_text(encoding="utf-8").split("+++", 2)[2]
    return body.rsplit("## Sources", 1)[0]


def test_runs_finds_a_copied_stretch_across_markdown():
    grams = ngrams("Trials are not only for people who have run out of options, it says.")
    assert runs("**Trials** are not only for people who have run out of options.", grams) == [
        "trials are not only for people who have run out of options"
    ]
    assert runs("Trials are open to people who have run out of options.", grams) == []


@pytest.mark.parametrize(
    "path",
    sorted(SOURCES.glob("*.md")) + sorted((SOURCES / "shared").glob("*.md")),
    ids=lambda p: p.relative_to(SOURCES).as_posix(),
)
def test_no_run_of_nine_words_is_copied_from_the_research_notes(path):
    grams = ngrams(FACTS.read_text(encoding="utf-8"))
    copied = runs(prose(path), grams)
    assert not copied, f"{len(copied)} runs of {RUN}+ words identical to facts.md: {copied}"
