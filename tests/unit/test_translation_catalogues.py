"""The translation catalogues are complete and up to date (docs/translations.md): every French
entry translated and not fuzzy, placeholders and mnemonics kept, and no string in the code
missing from the catalogues."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SOURCES = REPO / "assets" / "translations"
TS = SOURCES / "brochure_reader_fr.ts"
PO = SOURCES / "fr" / "LC_MESSAGES" / "brochure_reader.po"

_PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%\([a-z_]+\)[sd]|%n|%[sd]")


def ts_messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    """``(context, source, message element)`` of every message in a .ts file."""
    out = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out.append((name, message.findtext("source") or "", message))
    return out


def _translations(message: ET.Element) -> list[str]:
    node = message.find("translation")
    forms = node.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [node.text or ""]


def test_every_french_qt_string_is_translated():
    problems = []
    for context, source, message in ts_messages(TS):
        node = message.find("translation")
        if "%n" in source and message.get("numerus") != "yes":
            problems.append(f"{context}: {source!r} is not a plural message: lupdate reads the "
                            "count only from tr(text, '', n) (docs/translations.md)")
        if node.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{context}: {source!r} is {node.get('type')}")
            continue
        for text in _translations(message):
            if not text.strip():
                problems.append(f"{context}: {source!r} has an empty translation")
            elif set(_PLACEHOLDER.findall(text)) != set(_PLACEHOLDER.findall(source)):
                problems.append(f"{context}: {source!r} -> {text!r}: placeholders differ")
            if ("&" in source.replace("&&", "")) != ("&" in text.replace("&&", "")):
                problems.append(f"{context}: {source!r} -> {text!r}: mnemonic (&) lost or added")
    assert not problems, "\n".join(problems)


def test_every_french_gettext_string_is_translated_and_not_fuzzy():
    from babel.messages.pofile import read_po

    with PO.open("rb") as handle:
        catalog = read_po(handle)
    assert catalog.num_plurals >= 2
    problems = []
    for message in catalog:
        if not message.id:
            continue  # the header
        if message.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        wanted = {p for i in ids for p in _PLACEHOLDER.findall(i)}
        for text in strings:
            if not text:
                problems.append(f"untranslated: {message.id!r}")
            elif {p for p in _PLACEHOLDER.findall(text)} - wanted:
                problems.append(f"{message.id!r} -> {text!r}: unknown placeholder")
    assert not problems, "\n".join(problems)


def _lupdate() -> str:
    here = Path(sys.executable).parent / "pyside6-lupdate"
    found = str(here) if here.is_file() else shutil.which("pyside6-lupdate")
    if not found:
        pytest.skip("pyside6-lupdate is not installed (it ships with PySide6-Essentials)")
    return found


def test_the_qt_catalogue_holds_every_string_of_the_code(tmp_path):
    """A ``tr()`` added without ``python packaging/translations.py update`` fails here."""
    fresh = tmp_path / "fresh.ts"
    ui = sorted(str(p) for p in (REPO / "src" / "brochure_reader" / "ui").rglob("*.py"))
    subprocess.run([_lupdate(), "-silent", "-locations", "none", *ui, "-ts", str(fresh)],
                   check=True, capture_output=True, timeout=120)  # fmt: skip
    in_code = {(c, s) for c, s, _m in ts_messages(fresh)}
    committed = {(c, s) for c, s, _m in ts_messages(TS)}
    missing = sorted(in_code - committed)
    assert not missing, (
        "strings in the code but not in brochure_reader_fr.ts (run "
        f"`python packaging/translations.py update`, then translate): {missing[:20]}"
    )
    stale = sorted(committed - in_code)
    assert not stale, f"strings in brochure_reader_fr.ts no longer in the code: {stale[:20]}"


def test_the_gettext_catalogue_holds_every_string_of_the_code():
    from babel.messages.extract import extract_from_dir
    from babel.messages.pofile import read_po

    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(REPO / "src" / "brochure_reader"),
        method_map=[("ui/**.py", "ignore"), ("**.py", "python")],
        keywords={"_": None, "N_": None, "ngettext": (1, 2)},
    ):
        found.add(message if isinstance(message, str) else tuple(message))
    with PO.open("rb") as handle:
        committed = {m.id if isinstance(m.id, str) else tuple(m.id) for m in read_po(handle)}
    missing = sorted(map(str, found - committed))
    assert not missing, (
        "strings in the code but not in the French .po (run "
        f"`python packaging/translations.py update`, then translate): {missing[:20]}"
    )


def test_english_plural_forms_are_written():
    """English needs its own catalogue for ``tr("%n result(s)", "", n)``: every plural has
    both forms, so the interface says "1 result" and "28 results", never "result(s)"."""
    problems = []
    for context, source, message in ts_messages(SOURCES / "brochure_reader_en.ts"):
        forms = _translations(message)
        if message.find("translation").get("type") == "unfinished" or len(forms) != 2 \
                or not all(forms) or any("(s)" in f for f in forms):
            problems.append(f"{context}: {source!r} -> {forms}")
    assert not problems, "\n".join(problems)


def test_argparse_s_own_strings_are_in_french():
    """argparse's "usage:", "positional arguments" and error messages of the running Python
    are all in ``argparse.po`` and translated (``update`` adds new ones)."""
    from babel.messages.pofile import read_po

    sys.path.insert(0, str(REPO / "packaging"))
    try:
        from translations import argparse_messages
    finally:
        sys.path.remove(str(REPO / "packaging"))
    with (SOURCES / "fr" / "LC_MESSAGES" / "argparse.po").open("rb") as handle:
        catalog = read_po(handle)
    problems = []
    for message, _line in argparse_messages():
        entry = catalog.get(message)
        strings = () if entry is None else (
            entry.string if isinstance(entry.string, tuple) else (entry.string,))
        if entry is None or entry.fuzzy or not all(strings):
            problems.append(repr(message))
        elif {p for s in strings for p in _PLACEHOLDER.findall(s)} != set(
                _PLACEHOLDER.findall(message if isinstance(message, str) else message[1])):
            problems.append(f"{message!r}: placeholders differ")
    assert not problems, "run `python packaging/translations.py update`, then translate: " + \
        ", ".join(problems)


def _calls_in_fstrings(path: Path) -> list[str]:
    """Translation calls written inside an f-string's braces: the extractors (Babel,
    pyside6-lupdate) read an f-string as one string token and never see them."""
    import ast

    names = {"_", "N_", "ngettext", "translate", "QT_TRANSLATE_NOOP", "tr"}
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.JoinedStr):
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.Call):
                func = inner.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                literal = any(isinstance(a, ast.Constant) and isinstance(a.value, str)
                              and a.value for a in inner.args[-1:] if name != "translate"
                              ) or (name == "translate" and len(inner.args) > 1
                                    and isinstance(inner.args[1], ast.Constant))
                if name in names and literal:  # translate(ctx, CONSTANT) is fine (NOOP-marked)
                    found.append(f"{path.relative_to(REPO)}:{inner.lineno}: {name}()")
    return found


def test_no_translation_call_hides_inside_an_f_string():
    problems = [p for f in sorted((REPO / "src" / "brochure_reader").rglob("*.py"))
                for p in _calls_in_fstrings(f)]
    assert not problems, "extractors miss these (compute the text before the f-string): " + \
        ", ".join(problems)


def test_only_comments_for_translators_reach_the_qt_catalogues():
    """lupdate turns every ``#:`` attribute comment into a translator comment; ``update``
    keeps only what follows "Translators:"."""
    sys.path.insert(0, str(REPO / "packaging"))
    try:
        from translations import translator_comments_only
    finally:
        sys.path.remove(str(REPO / "packaging"))
    text = ("<message>\n        <source>Save</source>\n        <extracomment>seconds a render may "
            "take</extracomment>\n    </message><message>\n        <extracomment>the page "
            "Translators: a verb</extracomment>\n")
    assert translator_comments_only(text) == (
        "<message>\n        <source>Save</source>\n    </message><message>\n        "
        "<extracomment>Translators: a verb</extracomment>\n")
    for path in SOURCES.glob("*.ts"):
        comments = [c.text or "" for c in ET.parse(path).getroot().iter("extracomment")]
        assert all(c.startswith("Translators:") for c in comments), (path.name, comments[:3])


def _french_texts() -> list[tuple[str, str]]:
    """``(source, translation)`` of every French string, both catalogues (plural forms each)."""
    from babel.messages.pofile import read_po

    out = [(s, t) for _c, s, m in ts_messages(TS) for t in _translations(m)]
    for path in (PO, SOURCES / "fr" / "LC_MESSAGES" / "argparse.po"):
        with path.open("rb") as handle:
            for message in read_po(handle):
                strings = message.string if isinstance(message.string, tuple) else (
                    message.string,)
                out += [(str(message.id), t) for t in strings if message.id]
    return out


def test_french_typography():
    """docs/translations.md: a no-break space before : ; ? ! and inside « », the typographic
    apostrophe, … rather than three dots, and vous (never tu)."""
    rules = {
        "a plain space before : ; ? !": re.compile(r"\S [:;?!](?=\s|$)"),
        "no space before ; ? !": re.compile(r"[^\s\u00a0\u202f(\[{%][;?!](?=\s|$)"),
        "no no-break space inside « »": re.compile(r"«(?!\u00a0)|(?<!\u00a0)»"),
        "a straight apostrophe": re.compile(r"[A-Za-zÀ-ÿ]'[A-Za-zÀ-ÿ]"),
        "English quotation marks": re.compile(r"[“”\"]"),
        "three dots": re.compile(r"\.\.\."),
        "tutoiement": re.compile(r"\b(tu|ton|ta|tes|toi)\b", re.I),
    }
    problems = [f"{name}: {source!r} -> {text!r}" for source, text in _french_texts()
                for name, rule in rules.items() if rule.search(text)]
    assert not problems, "\n".join(problems)
