"""Shared blocks (includes) and the pack check that reads the built PDFs against them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from brochure_reader.authoring import SourceError, build_pack, parse_source
from brochure_reader.authoring.pack_check import (
    FEVER_BLOCK,
    check_document,
    check_pack,
    document_units,
    stated_level,
    triage_statements,
)
from brochure_reader.authoring.shared import (
    SHARED_DIR,
    SharedBlockError,
    expand_shared,
    load_shared_blocks,
    parse_shared_block,
)
from brochure_reader.library.pack import load_pack
from brochure_reader.paths import bundled_pack_dir
from tests.unit.test_authoring import FRONT

PACK = bundled_pack_dir()
BUNDLED_IDS = sorted(p.stem for p in (PACK / "sources").glob("*.md"))
SHARED = PACK / "sources" / SHARED_DIR
BLOCKS = load_shared_blocks(SHARED)

pytestmark = pytest.mark.skipif(not BLOCKS, reason="no shared blocks in assets/pack/sources/shared")

#: Documents issue 12 part B revises (blood cancers, brain, children's, side effects): they
#: still state some urgent signs differently from the shared blocks, or lack the fever block.
#: Strict: when a document is fixed its test passes, fails here, and it must leave this list.


def body(urgent: str, extra: str = "") -> str:
    return (
        "::: key-points\n## Key points\n- Chemotherapy can lower your body's defences.\n:::\n\n"
        f"## What happens\n\nYou may have chemotherapy in a day unit.{extra}\n\n"
        f"::: urgent\n## Get help straight away\n\n{urgent}\n:::\n\n"
        "## About this information\n\nThis does not replace advice from your care team.\n\n"
        "Reviewed: 29 November 2026\n\nNext review: November 2029\n\n"
        "## Sources\n\n- Test publisher. A source. 2025.\n"
    )


def write_pack_sources(folder: Path, docs: dict[str, str]) -> Path:
    """Sources folder with the bundled shared blocks and *docs* (id -> body)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(SHARED, folder / SHARED_DIR)
    for doc_id, text in docs.items():
        front = FRONT.format(id=doc_id, title=doc_id.replace("-", " ").title(),
                             reviewed="2026-11-29")
        if doc_id.endswith("-parent"):  # the shared blocks' "parent" voice
            front = front.replace("tags = ", 'voice = "parent"\ntags = ', 1)
        (folder / f"{doc_id}.md").write_text(front + "\n" + text, "utf-8")
    return folder


ALL_BLOCKS = "\n".join(f"{{{{ shared {name} }}}}\n" for name in BLOCKS)
CONTRADICTS = (
    "{{ shared fever }}\n\n**Contact your care team straight away if:**\n\n"
    "- you have a fit (seizure)\n- you bring up blood\n"
)
#: Body text outside the box that tells the reader what to do about a block's sign in its own
#: words (the children's and pancreatic documents before session 5), beside text that passes:
#: an explanation, a pointer to the box, and the block's own action words.
OWN_WORDS = (
    " Call the team if it is 38 °C (100.4 °F) or more."
    " Always get a high temperature checked straight away."
    "\n\nA clot in the leg can cause a swollen, warm, red or painful leg."
    " This is why a high temperature needs urgent help (see Get help straight away below)."
    "\n\nPhone your 24-hour line at once, day or night, if you get a temperature of 38 °C."
)
#: Session 5's wording of sudden confusion and sepsis signs in nine documents' 24-hour lists,
#: while three other documents (and the NHS) said 999: the ``sepsis`` block makes it one level.
CONFUSION_24_HOUR = (
    "{{ shared fever }}\n\n**Phone your 24-hour line at once, day or night, if:**\n\n"
    "- you feel suddenly confused, or very drowsy\n"
    "- your skin looks pale or blotchy\n"
)
HAND_WRITTEN_999 = (
    "{{ shared fever }}\n\n**Call 999 (UK), 112 (Europe) or 911 (US) if:**\n\n"
    "- you have a temperature of 38 °C or more\n"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A small pack: one document with every block, one contradicting the blocks, one with a
    hand-written line that bypasses the fever block, and one with no fever block."""
    root = tmp_path_factory.mktemp("pack-check")
    sources = write_pack_sources(
        root / "src",
        {
            "every-block": body(ALL_BLOCKS),
            "every-block-parent": body(ALL_BLOCKS),
            "contradicts": body(CONTRADICTS),
            "hand-written": body(HAND_WRITTEN_999),
            "confusion-24-hour": body(CONFUSION_24_HOUR),
            "own-words": body("{{ shared fever }}\n", OWN_WORDS),
            "undated-source": body("{{ shared fever }}\n").replace(
                "- Test publisher. A source. 2025.\n",
                "- Test publisher. A source. 2025.\n- NHS. Chest pain (nhs.uk).\n"
                "- NHS. Vomiting blood. nhs.uk (undated web page; stored copy used for the "
                "December 2026 review).\n",
            ),
            "no-fever-block": body(
                "**Contact your care team straight away if:**\n\n- you feel ill\n"
            ),
        },
    )
    out = root / "out"
    build_pack(sources, out)
    return sources, out


# -- reading levels ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        ("Call 999 (UK), 112 (Europe) or 911 (US) if you have chest pain.", "emergency"),
        ("Call an ambulance (999 in the UK) if you collapse.", "emergency"),
        ("Go to A&E if you cannot get through.", "emergency"),
        ("Contact your care team straight away if…", "urgent"),
        ("Phone your 24-hour line at once.", "urgent"),
        ("You can also call Samaritans free on 116 123.", "urgent"),
        ("Phone your 24-hour line the same day if you have new back pain.", "same-day"),
        ("Your care team will check your blood before each cycle.", None),  # no contact verb
        ("Tell me more about fits.", None),
        ("Follow any limits your team has given you.", None),
    ],
)
def test_stated_level(sentence, level):
    assert stated_level(sentence) == level


# -- the shared blocks -------------------------------------------------------------------------


@pytest.mark.parametrize("doc_id", ["every-block", "every-block-parent"])
def test_every_block_states_its_own_levels_when_built(built, doc_id):
    """Each block, typeset, names each of its situations at the block's own level (so a block
    can never fail the check, and its terms really find its words); each "parent" variant
    too, with the same levels and action words."""
    _sources, out = built
    statements = triage_statements(document_units(out / f"{doc_id}.pdf"), BLOCKS)
    seen = {(st.block.name, st.situation.name) for st in statements}
    voice = "parent" if doc_id.endswith("-parent") else ""
    expected = {(b.name, s.name) for b in BLOCKS.values() for s in b.situations
                if b.voiced(voice) is not b or not voice}
    assert voice == "" or len(expected) >= 8, "the parent variants cover the urgent blocks"
    assert expected <= seen, f"situations never found in their own block: {expected - seen}"
    wrong = [st for st in statements if st.level != st.situation.level]
    assert not wrong, [(st.sentence, st.level, st.situation.level) for st in wrong]
    # ... in its own action words, which every other document must then use
    other_words = [st for st in statements
                   if " ".join(st.situation.action.split()).casefold()
                   not in " ".join(st.said_by.split()).casefold()]
    assert not other_words, [(st.sentence, st.said_by, st.situation.action) for st in other_words]


def test_a_parent_document_gets_the_parent_variants(built):
    """voice = "parent": the blocks say "your child", and cite the variant's sources (the
    CCLG parent advice only there)."""
    sources, out = built
    parent = parse_source(sources / "every-block-parent.md")
    adult = parse_source(sources / "every-block.md")
    assert parent.voice == "parent" and adult.voice == ""
    assert BLOCKS["fever"].variants["parent"].body in parent.body
    assert "if your child has any of these during treatment" in parent.body
    assert "if you have any of these during treatment" in adult.body
    assert "if you have any of these" not in parent.body
    cclg = "Children's Cancer and Leukaemia Group (CCLG). Advice for parents on fever"
    assert any(c.startswith(cclg) for c in parent.shared_sources)
    assert not any(c.startswith(cclg) for c in adult.shared_sources)
    # a block without a parent variant (the licence) is used as it is
    assert BLOCKS["licence"].body in parent.body
    assert check_pack(out) and not [p for p in check_pack(out) if "parent" in p.doc_id]


def test_a_variant_may_not_have_situations_of_its_own(tmp_path):
    path = tmp_path / "bad.parent.md"
    path.write_text('+++\nname = "bad"\nvariant = "parent"\ntitle = "Bad"\n[[situations]]\n'
                    'name = "x"\nlevel = "urgent"\nterms = ["x"]\n+++\nText.\n', "utf-8")
    with pytest.raises(SharedBlockError, match="no situations of its own"):
        parse_shared_block(path)


def test_a_variant_needs_its_block(tmp_path):
    (tmp_path / "lone.parent.md").write_text(
        '+++\nname = "lone"\nvariant = "parent"\ntitle = "Lone"\n+++\nText.\n', "utf-8")
    with pytest.raises(SharedBlockError, match=r"no lone\.md"):
        load_shared_blocks(tmp_path)


def test_a_parent_variant_that_changes_a_level_fails_the_check(tmp_path):
    """A variant inherits its block's situations, so a variant that sends a fit to the care
    team is caught like any other document text."""
    folder = write_pack_sources(
        tmp_path / "src", {"doc-parent": body("{{ shared fever }}\n\n{{ shared first-fit }}\n")}
    )
    (folder / SHARED_DIR / "first-fit.parent.md").write_text(
        '+++\nname = "first-fit"\nvariant = "parent"\ntitle = "Fit"\n+++\n'
        "**Phone your 24-hour line at once if your child has a first fit (seizure).**\n", "utf-8")
    build_pack(folder, tmp_path / "out")
    problems = [str(p) for p in check_pack(tmp_path / "out")]
    assert len(problems) == 1 and "'first-fit'" in problems[0] and "999" in problems[0]


def test_include_puts_the_block_words_into_the_built_text(built):
    _sources, out = built
    import pymupdf

    with pymupdf.open(out / "every-block.pdf") as doc:
        text = " ".join(page.get_text() for page in doc)
    assert "100.4 °F" in " ".join(text.split()) and "{{" not in text
    assert "Samaritans" in text and "CC BY-SA 4.0" in text


def test_build_copies_the_shared_blocks_with_the_sources(built):
    _sources, out = built
    copied = sorted(p.name for p in (out / "sources" / SHARED_DIR).glob("*.md"))
    assert copied == sorted(p.name for p in SHARED.glob("*.md"))
    # the copied pack can be rebuilt (handouts re-typeset from these sources)
    assert "100.4" in parse_source(out / "sources" / "every-block.md").body


# -- the check fails where it should -----------------------------------------------------------


def test_check_fails_on_a_document_that_contradicts_a_shared_block(built):
    _sources, out = built
    problems = [p for p in check_pack(out) if p.doc_id == "contradicts"]
    text = "\n".join(map(str, problems))
    assert len(problems) == 2, text
    assert "'first-fit'" in text and "'a fit'" in text and "999" in text
    assert "'bleeding'" in text and "bring up blood" in text
    assert all(p.page is not None for p in problems)


def test_check_sends_sudden_confusion_and_sepsis_signs_to_999(built):
    """The old 24-hour-line wording of sudden confusion and blotchy skin fails against the
    ``sepsis`` block (NHS "Sepsis" and "Sudden confusion (delirium)": call 999 or go to A&E);
    "very drowsy" alone is not a sepsis sign of the adult block and passes."""
    _sources, out = built
    problems = [str(p) for p in check_pack(out) if p.doc_id == "confusion-24-hour"]
    assert len(problems) == 2, "\n".join(problems)
    assert all("'sepsis'" in p and "999" in p for p in problems)
    assert "suddenly confused" in problems[0] and "blotchy" in problems[1]


@pytest.mark.parametrize("doc_id", [d for d in BUNDLED_IDS if d != "glossary"])
def test_every_urgent_box_carries_the_sepsis_block(doc_id):
    text = (PACK / "sources" / f"{doc_id}.md").read_text("utf-8")
    assert "{{ shared sepsis }}" in text


def test_check_reads_the_built_text_so_a_hand_written_line_is_caught(built):
    _sources, out = built
    problems = [str(p) for p in check_pack(out) if p.doc_id == "hand-written"]
    assert len(problems) == 1 and "'fever'" in problems[0] and "38 °C" in problems[0]


def test_check_fails_on_body_text_that_words_a_block_sign_its_own_way(built):
    """Outside the box, "call the team" and "get it checked straight away" for a fever fail;
    an explanation, a pointer to the box and the block's own words pass."""
    _sources, out = built
    problems = [str(p) for p in check_pack(out) if p.doc_id == "own-words"]
    assert len(problems) == 2, "\n".join(problems)
    assert "Call the team if it is 38" in problems[0] and "'fever'" in problems[0]
    assert "checked straight away" in problems[1]
    assert all("phone your 24-hour line at once, day or night" in p for p in problems)


def test_check_wants_a_year_or_the_undated_mark_on_every_source(built):
    """An access date is never invented: a source gives its year, or says it is an undated
    web page read from a stored copy (docs/content.md, "Sources")."""
    _sources, out = built
    problems = [str(p) for p in check_pack(out) if p.doc_id == "undated-source"]
    assert len(problems) == 1, problems
    assert "NHS. Chest pain (nhs.uk)" in problems[0] and "has no year" in problems[0]


@pytest.mark.parametrize("doc_id", BUNDLED_IDS)
def test_bundled_front_matter_sources_give_a_year_or_are_marked_undated(doc_id):
    source = parse_source(PACK / "sources" / f"{doc_id}.md")
    vague = [r.title for r in source.sources if r.year is None and not r.undated]
    assert not vague, f"give a year or 'undated = true': {vague}"
    for ref in source.sources:
        if ref.undated:
            assert ref.citation(source.reviewed).endswith(
                "(undated web page; stored copy used for the December 2026 review)."
            ), ref.citation(source.reviewed)


def test_check_wants_the_fever_block_where_treatment_lowers_immunity(built):
    _sources, out = built
    problems = [str(p) for p in check_pack(out) if p.doc_id == "no-fever-block"]
    assert len(problems) == 1
    assert "chemotherapy" in problems[0].lower() and f"shared {FEVER_BLOCK}" in problems[0]


def test_check_passes_a_document_that_uses_the_blocks(built):
    _sources, out = built
    assert [p for p in check_pack(out) if p.doc_id == "every-block"] == []


def test_cli_check_exits_1_with_one_error_line(built, tmp_path):
    sources, _out = built
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2] / "src"))
    result = subprocess.run(
        [sys.executable, "-m", "brochure_reader", "build-pack", str(sources), str(tmp_path),
         "--check"],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert result.returncode == 1, result.stderr
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1 and "pack check failed" in errors[0], result.stderr
    assert "contradicts (page" in result.stdout and "'first-fit'" in result.stdout


# -- includes ----------------------------------------------------------------------------------


def test_unknown_block_names_the_file_line(tmp_path):
    sources = write_pack_sources(tmp_path, {"doc": body("{{ shared no-such-block }}\n")})
    pattern = r"doc\.md: line \d+: unknown shared block 'no-such-block'"
    with pytest.raises(SourceError, match=pattern):
        parse_source(sources / "doc.md")


def test_include_inside_text_is_refused(tmp_path):
    sources = write_pack_sources(tmp_path, {"doc": body("- an item\n{{ shared fever }}\n")})
    with pytest.raises(SourceError, match="line of its own"):
        parse_source(sources / "doc.md")


def test_include_without_a_shared_folder_is_refused(tmp_path):
    path = tmp_path / "doc.md"
    path.write_text(FRONT.format(id="doc", title="Doc", reviewed="2026-11-29") + "\n"
                    + body("{{ shared fever }}\n"), "utf-8")
    with pytest.raises(SourceError, match=r"unknown shared block 'fever'.*no shared/ folder"):
        parse_source(path)


def test_a_block_may_not_hold_headings_or_boxes(tmp_path):
    for text in ("## A heading\n\nText.\n", "::: note\nText.\n:::\n"):
        path = tmp_path / "bad.md"
        path.write_text(f'+++\nname = "bad"\ntitle = "Bad"\n+++\n{text}', "utf-8")
        with pytest.raises(SharedBlockError, match="may not hold headings, boxes"):
            parse_shared_block(path)


def test_block_level_must_be_known(tmp_path):
    path = tmp_path / "bad.md"
    path.write_text('+++\nname = "bad"\ntitle = "Bad"\n[[situations]]\nname = "x"\n'
                    'level = "soon"\nterms = ["x"]\n+++\nText.\n', "utf-8")
    with pytest.raises(SharedBlockError, match="'level' must be one of emergency"):
        parse_shared_block(path)


def test_expand_keeps_the_text_around_the_include():
    expanded, names = expand_shared("Before.\n\n{{ shared chest-pain }}\nAfter.\n", BLOCKS)
    assert names == ["chest-pain"]
    assert expanded.startswith("Before.\n\n**Call 999") and expanded.endswith("\n\nAfter.\n")


# -- the bundled pack --------------------------------------------------------------------------


def test_bundled_pack_states_its_licence():
    pack = load_pack(PACK, "bundled")
    assert pack.license == "CC-BY-SA-4.0"


BUNDLED = sorted(p.stem for p in (PACK / "sources").glob("*.md"))


@pytest.mark.parametrize("doc_id", BUNDLED)
def test_bundled_document_agrees_with_the_shared_blocks(doc_id):
    source = parse_source(PACK / "sources" / f"{doc_id}.md")
    has_urgent = any(line.startswith("::: urgent") for line in source.body.splitlines())
    problems = check_document(doc_id, PACK / f"{doc_id}.pdf", BLOCKS, has_urgent_box=has_urgent)
    assert not problems, "\n".join(map(str, problems))
    assert "licence" in source.shared, "{{ shared licence }} belongs in 'About this information'"


# -- shared blocks' sources --------------------------------------------------------------------


def test_included_blocks_sources_are_added_to_the_sources_list(tmp_path):
    folder = write_pack_sources(tmp_path, {"uses-blocks": body("{{ shared chest-pain }}\n")})
    source = parse_source(folder / "uses-blocks.md")
    cited = BLOCKS["chest-pain"].sources
    assert cited, "the chest-pain block names its sources"
    sources_section = source.body.rsplit("## Sources", 1)[1]
    assert "- Test publisher. A source. 2025." in sources_section  # the document's own stay
    for citation in cited:
        assert f"- {citation}" in sources_section
    assert source.shared_sources == list(cited)
    assert source.citations()[-len(cited):] == list(cited)  # handouts print these


def test_a_block_source_written_by_hand_is_not_repeated(tmp_path):
    citation = BLOCKS["chest-pain"].sources[0]
    text = body("{{ shared chest-pain }}\n").replace(
        "- Test publisher. A source. 2025.\n", f"- Test publisher. A source. 2025.\n- {citation}\n"
    )
    folder = write_pack_sources(tmp_path, {"by-hand": text})
    assert parse_source(folder / "by-hand.md").body.count(citation) == 1


def test_a_document_without_a_sources_section_gets_one_for_its_blocks(tmp_path):
    text = body("{{ shared stroke }}\n").split("## Sources")[0]
    folder = write_pack_sources(tmp_path, {"no-list": text})
    tail = parse_source(folder / "no-list.md").body.rsplit("## Sources", 1)[1]
    assert f"- {BLOCKS['stroke'].sources[0]}" in tail


@pytest.mark.parametrize("doc_id", BUNDLED)
def test_bundled_document_cites_the_sources_of_its_blocks_in_the_built_pdf(doc_id):
    """Every source of every block a document includes is printed in its Sources list (read
    from the built PDF, so a stale build fails too)."""
    import pymupdf  # the test process may use PyMuPDF; the app keeps it in workers

    source = parse_source(PACK / "sources" / f"{doc_id}.md")
    with pymupdf.open(PACK / f"{doc_id}.pdf") as pdf:
        # Text blocks above the running footer (title, review date, "Page N of M").
        footer_top = min(b[1] for b in pdf[0].get_text("blocks") if "Page 1 of" in b[4])
        text = " ".join(
            " ".join(b[4].split()) for page in pdf for b in page.get_text("blocks")
            if b[1] < footer_top
        )
    listed = text.rsplit("Sources", 1)[1]
    for name in source.shared:
        for citation in BLOCKS[name].voiced(source.voice).sources:
            assert " ".join(citation.split()) in listed, f"{name}: {citation}"
