"""The pack check: every built document agrees with the pack's shared blocks.

Run by ``brochure-reader build-pack SOURCE_DIR OUT_DIR --check`` after building, and by the
tests.  It reads the **built PDFs** (the words a reader sees, so a hand-written line that
bypasses a shared block is checked as well as the block itself) and reports:

1. a document that states a triage level for one of the shared blocks' situations that differs
   from the block's level (for example "a fit" in a "contact your care team" list while the
   block ``first-fit`` says call 999);
2. a sentence that tells the reader what to do about a block's situation in its own words: it
   gives a level, or words of urgency ("straight away", "needs help at once", "get it checked"),
   but not the block's action words (``Situation.action``, e.g. "phone your 24-hour line at
   once, day or night") and does not point to the urgent box ("Get help straight away");
3. a source in a document's Sources list with neither a year (its edition or "updated" year)
   nor the mark of an undated web page ("undated web page; stored copy used for …");
4. a document with an urgent box that mentions a treatment that can lower immunity but does not
   carry the fever block's text (``FEVER_BLOCK``).

How a level is read (docs/authoring.md, "The pack check"): the text is split into headings,
list items and paragraphs (bullets and indents of the PDF's lines), then into sentences.  A
sentence states a level when a contact verb (call, phone, contact, tell…) is followed closely by
a level phrase (999/112/911, ambulance, A&E → emergency; 24-hour line, care team, crisis line…
→ urgent; plus "the same day" or "today" → same-day).  A situation's words in a sentence take
that sentence's level; in a list item without one, the level of the list's lead-in line or
heading ("Contact your care team straight away if…"); else the level stated elsewhere in the same
item or paragraph.  Words with no level anywhere (explanations) are not a triage statement.

The text comes from the PDF backend (``pdf.textpage``), in the CLI or test process.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from brochure_reader.authoring.shared import (
    LEVELS,
    SHARED_DIR,
    SharedBlock,
    Situation,
    load_shared_blocks,
)

#: The shared block every document about immunity-lowering treatment must carry.
FEVER_BLOCK = "fever"

#: Treatments that can lower immunity (NICE CG151, "Neutropenic sepsis", 2012: anticancer
#: treatment, in particular chemotherapy; also transplants, CAR T-cell therapy, steroids given
#: to suppress the immune system).  Matched case-insensitively in the body text.
IMMUNITY_LOWERING = re.compile(
    r"\bchemo(?:therapy)?\b|\bstem cell transplant|\bbone marrow transplant|\bCAR[ -]?T\b"
    r"|\bimmunosuppress|\bneutropeni|\blow white (?:blood )?cell",
    re.IGNORECASE,
)
#: Sections whose text is not advice (left out of the immunity-lowering scan).
NON_ADVICE_SECTIONS = ("about this information", "sources")

_ACTION = re.compile(
    r"\b(?:call(?:ing)?|phone|ring|contact|tell|go(?:ing)? to|dial|text|"
    r"get (?:urgent |medical |emergency )?help(?: from)?)\b",
    re.IGNORECASE,
)
_LEVEL_PHRASES = (
    (
        "emergency",
        re.compile(
            r"\b(?:999|112|911)\b|\bambulance\b|\bemergency number\b|\bA&E\b"
            r"|\bemergency department\b",
            re.IGNORECASE,
        ),
    ),
    (
        "urgent",
        re.compile(
            r"\b24-hour\b|\bcare team\b|\b(?:your|the) (?:cancer |medical |treatment |specialist "
            r"|hospital |own )?team\b|\bacute oncology\b|\bcrisis line\b|\bSamaritans\b"
            r"|\b988\b|\bNHS 111\b|\byour (?:doctor|nurse|GP|specialist)\b",
            re.IGNORECASE,
        ),
    ),
)
#: Words that make a sentence an instruction although it names no level ("needs help at once").
_INSTRUCTION = re.compile(
    r"\b(?:at once|straight away|right away|immediately|urgent(?:ly)?|emergency|"
    r"get (?:it |this |them )?checked|checked (?:straight away|at once|urgently)|"
    r"needs? (?:urgent |medical )?(?:help|care)|get help|seek help)\b",
    re.IGNORECASE,
)
#: A pointer to the urgent box (its heading in every bundled document).
URGENT_HEADING = "Get help straight away"
_BOX_REFERENCE = re.compile(r"\bget help straight away\b|\bred box\b", re.IGNORECASE)
_SAME_DAY = re.compile(r"\bsame day\b|\btoday\b|\bwithin 24 hours\b", re.IGNORECASE)
#: How far after a contact verb its level phrase may sit (characters, within the sentence).
_REACH = 60
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\"'‘“])")
_ITEM_START = re.compile(r"^(?:•|\d+\.)\s+")


@dataclass(frozen=True)
class Unit:
    """A piece of built text: ``kind`` is "heading", "item" or "paragraph"; page 0-based."""

    kind: str
    text: str
    page: int


@dataclass(frozen=True)
class Problem:
    """One disagreement; ``str()`` is the line the CLI prints."""

    doc_id: str
    page: int | None  #: 0-based, None for a problem with the whole document
    message: str

    def __str__(self) -> str:
        where = f"{self.doc_id} (page {self.page + 1})" if self.page is not None else self.doc_id
        return f"{where}: {self.message}"


def stated_level(sentence: str) -> str | None:
    """The triage level a sentence states (a key of :data:`LEVELS`), or None.

    The first contact verb followed within a few words by a level phrase decides; an "urgent"
    sentence that also says "the same day" or "today" is "same-day".
    """
    for action in _ACTION.finditer(sentence):
        window = re.split(r"[.;:]", sentence[action.end() : action.end() + _REACH], maxsplit=1)[0]
        best: tuple[int, str] | None = None
        for level, pattern in _LEVEL_PHRASES:
            found = pattern.search(window)
            if found and (best is None or found.start() < best[0]):
                best = (found.start(), level)
        if best is None:
            continue
        if best[1] == "urgent" and _SAME_DAY.search(sentence):
            return "same-day"
        return best[1]
    return None


def sentences(text: str) -> list[str]:
    """*text* split after ``.``, ``!`` or ``?`` followed by a capital, digit or bracket."""
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def _is_lead_in(text: str) -> bool:
    return text.rstrip().endswith((":", "…", "..."))


def document_units(pdf: Path) -> list[Unit]:
    """The built text of the PDF at *pdf* as headings, list items and paragraphs.

    Lines smaller than the body text (cover line, footers) are left out; lines larger are
    headings.  A line starting with a bullet or ``1.`` starts an item; indented lines continue
    it, across a page break too.  A paragraph line that does not end a sentence continues into
    the next line at the same left edge (MuPDF may start a new block at a bold span) or on the
    next page.  Raises DocumentError for a file that is not a readable PDF.
    """
    from brochure_reader.pdf.textpage import document_styled_lines

    lines = []  # (page, block number, x0, size, text)
    sizes: Counter[float] = Counter()
    for page, block, x0, _top, size, text in document_styled_lines(pdf):
        size = round(size, 1)
        sizes[size] += len(text)
        lines.append((page, block, x0, size, text.strip()))
    if not lines:
        return []
    body = sizes.most_common(1)[0][0]
    units: list[list] = []  # [kind, text, page, block, text_x]

    def join(unit: list, text: str) -> None:
        # No hyphenation happens when typesetting: a line ending in "-" broke at a real hyphen.
        unit[1] += text if unit[1].endswith("-") else " " + text

    for page, block, x0, size, text in lines:
        if size < body - 0.5:
            continue
        last = units[-1] if units else None
        if size > body + 0.5:
            if last and last[0] == "heading" and last[2] == page and last[3] == block:
                join(last, text)
            else:
                units.append(["heading", text, page, block, x0])
            continue
        start = _ITEM_START.match(text)
        if start:
            units.append(["item", text[start.end() :], page, block, x0 + 6])
        elif last and last[0] == "item" and x0 >= last[4]:
            join(last, text)
            last[3] = block
        elif last and last[0] == "paragraph" and (
            (last[2] == page and last[3] == block)
            or (
                not last[1].rstrip().endswith((".", "!", "?", ":", "…"))
                and (last[2] != page or abs(x0 - last[4]) < 2)
            )
        ):
            join(last, text)
            last[2], last[3] = page, block
        else:
            units.append(["paragraph", text, page, block, x0])
    return [Unit(kind, " ".join(text.split()), page) for kind, text, page, _b, _x in units]


def _situations(blocks: dict[str, SharedBlock]) -> list[tuple[SharedBlock, Situation]]:
    return [(block, s) for block in blocks.values() for s in block.situations]


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Statement:
    """A sentence of the built text that names a shared block's situation."""

    unit: Unit
    sentence: str
    block: SharedBlock
    situation: Situation
    term: str  #: the words that matched
    level: str | None  #: the level the text gives it, None when it gives none
    #: the text that gives the level: the sentence, its list's lead-in line, or its paragraph
    said_by: str = ""


def triage_statements(units: list[Unit], blocks: dict[str, SharedBlock]) -> list[Statement]:
    """Every sentence of *units* that names a situation of *blocks*, with the level it gives
    (see the module docstring for how the level is read).  The "About this information" and
    "Sources" sections are not advice (a citation such as "NHS. Chest pain." states no level)
    and are skipped."""
    situations = _situations(blocks)
    found_all: list[Statement] = []
    heading_level: str | None = None
    context: str | None = None
    context_text = ""
    section = ""
    for unit in units:
        if unit.kind == "heading":
            section = unit.text.casefold()
            heading_level = context = stated_level(unit.text)
            context_text = unit.text
            continue
        if section in NON_ADVICE_SECTIONS:
            continue
        parts = sentences(unit.text)
        own = [stated_level(s) for s in parts]
        unit_level = next((level for level in own if level), None)
        if unit.kind == "paragraph" and _is_lead_in(unit.text):
            context = (own[-1] or heading_level) if own else heading_level
            context_text = unit.text if own and own[-1] else context_text
        for sentence, level in zip(parts, own, strict=True):
            for block, situation in situations:
                found = situation.matches(sentence)
                if not found:
                    continue
                said, said_by = level, sentence
                if said is None and unit.kind == "item" and context:
                    said, said_by = context, context_text
                if said is None and unit_level:
                    said, said_by = unit_level, unit.text
                found_all.append(
                    Statement(unit, sentence, block, situation, found.group(0), said, said_by)
                )
    return found_all


def triage_problems(
    doc_id: str, units: list[Unit], blocks: dict[str, SharedBlock]
) -> list[Problem]:
    """Every place in *units* that sends a shared block's situation to another level."""
    return [
        Problem(
            doc_id,
            st.unit.page,
            f"'{_short(st.sentence)}' says {LEVELS[st.level]} for '{st.term}', but the shared "
            f"block '{st.block.name}' ({st.situation.name}) says {LEVELS[st.situation.level]}",
        )
        for st in triage_statements(units, blocks)
        if st.level is not None and st.level != st.situation.level
    ]


def wording_problems(
    doc_id: str, units: list[Unit], blocks: dict[str, SharedBlock]
) -> list[Problem]:
    """Every sentence of *units* that tells the reader what to do about a block's situation at
    the block's level (or with words of urgency and no level) but not in the block's action
    words, and does not point to the urgent box.  Explanations (no level, no urgency) pass."""
    problems = []
    for st in triage_statements(units, blocks):
        if st.level is not None and st.level != st.situation.level:
            continue  # a level problem (triage_problems)
        if st.level is None and not _INSTRUCTION.search(st.sentence):
            continue
        if _BOX_REFERENCE.search(st.unit.text):
            continue
        if _normal(st.situation.action) in _normal(st.said_by):
            continue
        problems.append(
            Problem(
                doc_id,
                st.unit.page,
                f"'{_short(st.sentence)}' tells the reader what to do about '{st.term}' in "
                f"other words than the shared block '{st.block.name}' "
                f"('{st.situation.action}'): use the block's words or point to the box "
                f"'{URGENT_HEADING}'",
            )
        )
    return problems


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def source_problems(doc_id: str, units: list[Unit]) -> list[Problem]:
    """Every item of the built ``Sources`` list with no year and no undated-web-page mark
    (docs/content.md, "Sources": we never invent an access date)."""
    from brochure_reader.authoring.source import UNDATED_MARK

    problems = []
    section = ""
    for unit in units:
        if unit.kind == "heading":
            section = unit.text.casefold()
        elif section == "sources" and unit.kind == "item":
            if UNDATED_MARK in unit.text or _YEAR.search(unit.text):
                continue
            problems.append(
                Problem(
                    doc_id,
                    unit.page,
                    f"source '{_short(unit.text)}' has no year: give its edition or 'updated' "
                    f"year, or mark it '({UNDATED_MARK}; stored copy used for the … review)'",
                )
            )
    return problems


def _normal(text: str) -> str:
    return " ".join(text.replace("•", " ").replace("’", "'").split()).casefold()


def block_texts(block: SharedBlock) -> list[str]:
    """The block's paragraphs and list items as plain text (what must appear when built)."""
    from brochure_reader.authoring.markup import text_blocks

    return [b.text for b in text_blocks(block.body) if b.text.strip()]


def fever_problems(
    doc_id: str, units: list[Unit], blocks: dict[str, SharedBlock]
) -> list[Problem]:
    """A problem when *units* mention a treatment that can lower immunity (outside "About this
    information" and "Sources") but lack any paragraph or item of the fever block (in each of
    its variants)."""
    fever = blocks.get(FEVER_BLOCK)
    if fever is None:
        return []
    section = ""
    advice = []
    for unit in units:
        if unit.kind == "heading":
            section = unit.text.casefold()
        elif section not in NON_ADVICE_SECTIONS:
            advice.append(unit.text)
    mention = IMMUNITY_LOWERING.search(" ".join(advice))
    if not mention:
        return []
    text = _normal(" ".join(u.text for u in units))
    missing = []
    for voiced in fever.every_voice():  # any one variant, whole
        missing = [t for t in block_texts(voiced) if _normal(t) not in text]
        if not missing:
            return []
    missing = [t for t in block_texts(fever) if _normal(t) not in text]
    return [
        Problem(
            doc_id,
            None,
            f"mentions '{mention.group(0)}' (a treatment that can lower immunity) but does not "
            f"carry the shared block '{FEVER_BLOCK}' (missing: '{_short(missing[0], 60)}'); "
            f"add {{{{ shared {FEVER_BLOCK} }}}} to its urgent box",
        )
    ]


def check_document(
    doc_id: str, pdf: Path, blocks: dict[str, SharedBlock], *, has_urgent_box: bool = True
) -> list[Problem]:
    """Problems of one built PDF.  The fever rule applies only to documents with an urgent box
    (the medical and practical documents, not the glossary)."""
    units = document_units(pdf)
    problems = triage_problems(doc_id, units, blocks) + wording_problems(doc_id, units, blocks)
    problems += source_problems(doc_id, units)
    if has_urgent_box:
        problems += fever_problems(doc_id, units, blocks)
    return problems


def check_pack(out_dir: Path, shared_dir: Path | None = None) -> list[Problem]:
    """Check every document of the built pack in *out_dir* against the shared blocks in
    *shared_dir* (default ``out_dir/sources/shared``).

    Whether a document has an urgent box is read from its Markdown source next to it
    (``sources/<id>.md``); without one, the document is treated as having one.  Raises
    :class:`~brochure_reader.library.pack.PackError` for an unreadable pack.toml and
    :class:`~brochure_reader.authoring.shared.SharedBlockError` for a bad block.
    """
    from brochure_reader.library.pack import load_pack

    out_dir = Path(out_dir)
    blocks = load_shared_blocks(shared_dir or out_dir / "sources" / SHARED_DIR)
    pack = load_pack(out_dir, "bundled")
    problems: list[Problem] = []
    for document in pack.documents:
        problems += check_document(
            document.id, document.path, blocks, has_urgent_box=_has_urgent_box(document)
        )
    return problems


def _has_urgent_box(document) -> bool:
    path = document.source_markdown
    if path is None:
        return True
    text = path.read_text(encoding="utf-8", errors="replace")
    return re.search(r"^:::+\s*urgent\b", text, re.MULTILINE) is not None
