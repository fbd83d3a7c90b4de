"""Issue 18's evaluation: top-1, top-3 and MRR at section level on the bundled library.

The table is tests/data/search_eval.tsv (see tests/search_eval.py).  The floors below are the
levels reached (docs/search.md records them); a change that ranks worse fails here.  The
held-out split was written with the rest, before any tuning, and is never tuned on.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from brochure_reader.paths import bundled_pack_dir
from tests.search_eval import bundled_searcher, evaluate, load_cases

#: (top-1, top-3, MRR) floors per split, and the share of honest misses.
#: Since session 4 the table holds 21 French lay queries as well (kind "french").
#: Issue 12's last content revision (pancreatic, moving-more, emotional-health, talking-with,
#: trustworthy, living-with; ranking code unchanged) moved a few rows by one or two places
#: ("who do I call at night" 2 -> 4, "is this website reliable" 7 -> 9, "living will" 4 -> 5;
#: "floating poo" and "anemia tired" now find an acceptable section first): tune top-3 94.4% ->
#: 93.7%, held-out MRR 0.824 -> 0.812.  Floors lowered by one step for that; issue 18 to re-tune.
#: Session 5: tune top-3 back to 94.4% ("my tablets" -> medicines), so its floor is 0.94 again.
#: Held-out MRR is 0.823 again after issue 12's urgent-wording revision (content, not ranking:
#: no ranking change of session 5 moved a held-out row), so its floor is 0.82 again.
FLOORS = {"tune": (0.85, 0.94, 0.87), "held-out": (0.81, 0.90, 0.82)}
#: 9 of 11: the same two rows miss as before; 'melanoma' is no longer a miss row (issue 12's
#: children's brochure now names it among teenage cancers), so the share moved from 10/12.
MISS_FLOOR = 0.81


def _headings() -> dict[str, set[str]]:
    out = {}
    for path in (bundled_pack_dir() / "sources").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        out[path.stem] = {m.group(1) for m in re.finditer(r"^#{2,4} (.+?)\s*$", text, re.M)}
    return out


def test_table_is_big_varied_and_split():
    cases = load_cases()
    answerable = [c for c in cases if not c.is_miss]
    assert len(answerable) >= 150
    kinds = Counter(c.kind for c in cases)
    for kind in ("issue", "question", "phrase", "lay", "typo", "spelling", "miss"):
        assert kinds[kind] >= 4, kind
    splits = Counter(c.split for c in cases)
    assert set(splits) == {"tune", "held-out"} and splits["held-out"] >= 60
    assert len({c.query for c in cases}) == len(cases), "a query is listed twice"
    for case in answerable:
        assert case.best, case.query
        assert not case.best & case.acceptable, case.query


def test_expected_sections_are_headings_of_the_sources():
    headings = _headings()
    if not headings:
        pytest.skip("no bundled sources")
    for case in load_cases():
        for doc_id, section in case.best | case.acceptable:
            assert section in headings.get(doc_id, set()), (case.query, doc_id, section)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    if not (bundled_pack_dir() / "pack.toml").is_file():
        pytest.skip("the bundled pack is not built (assets/pack/pack.toml)")
    searcher, index = bundled_searcher(tmp_path_factory.mktemp("eval"))
    try:
        yield evaluate(searcher)
    finally:
        index.close()


@pytest.mark.parametrize("split", ["tune", "held-out"])
def test_ranking_reaches_the_recorded_levels(report, split):
    metrics, outcomes = report[split]
    print(metrics.line(split))
    top1, top3, mrr = FLOORS[split]
    failing = [(o.case.query, o.rank, o.sections[:2]) for o in outcomes
               if not o.case.is_miss and o.rank != 1]
    assert metrics.top1 >= top1, (metrics.line(split), failing)
    assert metrics.top3 >= top3, (metrics.line(split), failing)
    assert metrics.mrr >= mrr, (metrics.line(split), failing)


def test_honest_misses(report):
    metrics, outcomes = report["all"]
    wrong = [(o.case.query, o.kind, o.sections[:2]) for o in outcomes
             if o.case.is_miss and o.kind != "none"]
    assert metrics.misses_ok >= MISS_FLOOR, wrong
