"""Translation catalogues: extract, update and compile (docs/translations.md).

    python packaging/translations.py build [OUT_DIR]   compile .ts -> .qm and .po -> .mo
    python packaging/translations.py update            re-extract strings into the sources

Sources (committed) in ``assets/translations/``:

* ``brochure_reader_<lang>.ts``: the GUI's ``tr()`` strings (``pyside6-lupdate`` over
  ``src/brochure_reader/ui``); ``brochure_reader_en.ts`` holds only plural forms
  (``lupdate -pluralonly``);
* ``brochure_reader.pot`` and ``<lang>/LC_MESSAGES/brochure_reader.po``: the core's and CLI's
  gettext strings (Babel's extractor over ``src/brochure_reader`` minus ``ui/``);
* ``<lang>/LC_MESSAGES/argparse.po``: the standard library argparse's own strings ("usage:",
  "positional arguments", its error messages), extracted from the running Python's
  ``argparse.py``; ``update`` adds new ones and keeps those of other Python versions.

``build`` writes ``brochure_reader_<lang>.qm`` (``pyside6-lrelease``, shipped with
PySide6-Essentials) and ``<lang>/LC_MESSAGES/brochure_reader.mo`` (Babel) next to the sources, or
under OUT_DIR (the wheel build uses this, see setup.py).  It needs PySide6-Essentials and Babel
(the ``test`` extra; the wheel's build requirements).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "assets" / "translations"
SRC = ROOT / "src" / "brochure_reader"
DOMAIN = "brochure_reader"
#: Domain of argparse's own strings (brochure_reader.i18n.ARGPARSE_DOMAIN).
ARGPARSE = "argparse"
#: Languages with catalogues (English needs only the Qt plural forms).
LANGUAGES = ("en", "fr")


def _tool(name: str) -> str:
    """Path of ``pyside6-<name>`` (next to this Python first, then on PATH)."""
    here = Path(sys.executable).parent / f"pyside6-{name}"
    for candidate in (here, here.with_suffix(".exe")):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"error: pyside6-{name} not found (pip install PySide6-Essentials)")
    return found


def build(out: Path | None = None) -> list[Path]:
    """Compile every catalogue into *out* (default: next to the sources); returns the files
    written.  Raises SystemExit with one line when a tool is missing or a catalogue is bad."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    out = Path(out) if out else SOURCES
    out.mkdir(parents=True, exist_ok=True)
    written = []
    lrelease = _tool("lrelease")
    for ts in sorted(SOURCES.glob(f"{DOMAIN}_*.ts")):
        qm = out / ts.with_suffix(".qm").name
        done = subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)],
                              capture_output=True, text=True)  # fmt: skip
        if done.returncode != 0 or not qm.is_file():
            raise SystemExit(f"error: lrelease failed on {ts.name}: {done.stderr.strip()}")
        written.append(qm)
    for po in sorted(SOURCES.glob("*/LC_MESSAGES/*.po")):
        mo = out / po.relative_to(SOURCES).with_suffix(".mo")
        mo.parent.mkdir(parents=True, exist_ok=True)
        with po.open("rb") as handle:
            catalog = read_po(handle)
        with mo.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        written.append(mo)
    return written


#: lupdate copies every ``#:`` comment above a string into the .ts as a translator comment;
#: ours are mostly attribute docs (Sphinx's ``#:``), so only text from "Translators:" on is kept.
_EXTRA = re.compile(r"\n[ \t]*<extracomment>(.*?)</extracomment>", re.S)


def translator_comments_only(ts_text: str) -> str:
    """*ts_text* (a .ts file) with each ``<extracomment>`` cut to what follows
    "Translators:" in it, or removed when it has none (write ``#: Translators: …`` above a
    ``tr()`` to say something to the translator)."""

    def keep(match: re.Match) -> str:
        text = match.group(1)
        at = text.find("Translators:")
        if at < 0:
            return ""
        indent = match.group(0)[: match.group(0).index("<")]
        return f"{indent}<extracomment>{text[at:]}</extracomment>"

    return _EXTRA.sub(keep, ts_text)


def update() -> None:
    """Re-extract the strings: the .ts files from ui/, the .pot from the core and CLI, and
    merge the .pot into each .po (new strings untranslated, removed ones dropped)."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir
    from babel.messages.pofile import read_po, write_po

    lupdate = _tool("lupdate")
    ui = [str(p) for p in sorted((SRC / "ui").rglob("*.py"))]
    for language in LANGUAGES:
        ts = SOURCES / f"{DOMAIN}_{language}.ts"
        extra = ["-pluralonly"] if language == "en" else []
        subprocess.run([lupdate, "-silent", "-no-obsolete", "-locations", "none", *extra,
                        "-target-language", language, *ui, "-ts", str(ts)], check=True)  # fmt: skip
        ts.write_text(translator_comments_only(ts.read_text(encoding="utf-8")), encoding="utf-8")
    template = Catalog(project="Brochure Reader", domain=DOMAIN, fuzzy=False,
                       copyright_holder="Brochure Reader project")  # fmt: skip
    keywords = {"_": None, "N_": None, "ngettext": (1, 2)}
    for filename, lineno, message, comments, context in extract_from_dir(
        str(SRC),
        method_map=[("ui/**.py", "ignore"), ("**.py", "python")],
        keywords=keywords,
        comment_tags=("Translators:",),
    ):
        template.add(message, None, [(f"src/brochure_reader/{filename}", lineno)],
                     auto_comments=comments, context=context)  # fmt: skip
    pot = SOURCES / f"{DOMAIN}.pot"
    if pot.is_file():  # the same strings: keep the old date (no change for git to show)
        with pot.open("rb") as handle:
            old = read_po(handle)
        if {m.id for m in old} == {m.id for m in template}:
            template.creation_date = old.creation_date
    with pot.open("wb") as handle:
        write_po(handle, template, omit_header=False, sort_output=True, include_lineno=False)
    for language in LANGUAGES:
        if language == "en":
            continue
        po, catalog = _read_catalogue(language, DOMAIN)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        catalog.fuzzy = False  # the header: the entries carry their own flags
        catalog.last_translator = catalog.language_team = "Brochure Reader project"
        catalog.copyright_holder = "Brochure Reader project"
        with po.open("wb") as handle:
            write_po(handle, catalog, sort_output=True, include_lineno=False,
                     ignore_obsolete=True)  # fmt: skip
    update_argparse()


def _read_catalogue(language: str, domain: str):
    """``(path, babel Catalog)`` of *language*'s ``domain.po``: the file's entries, or a new
    empty catalogue (its folder made) when there is no file yet."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po

    po = SOURCES / language / "LC_MESSAGES" / f"{domain}.po"
    if po.is_file():
        with po.open("rb") as handle:
            return po, read_po(handle, locale=language)
    po.parent.mkdir(parents=True, exist_ok=True)
    return po, Catalog(locale=language, project="Brochure Reader", domain=domain,
                       copyright_holder="Brochure Reader project")  # fmt: skip


def argparse_messages() -> list[tuple[str | tuple[str, str], int]]:
    """``(message, line)`` of every string the running Python's argparse translates
    (``_()`` and ``ngettext()`` in its source)."""
    import argparse

    from babel.messages.extract import extract

    with open(argparse.__file__, "rb") as handle:
        found = extract("python", handle, keywords={"_": None, "ngettext": (1, 2)})
        return [(message, line) for line, message, _comments, _context in found]


def update_argparse() -> None:
    """Add argparse's new strings to each ``argparse.po``; entries that this Python's argparse
    no longer has stay (another supported Python may still use them)."""

    from babel.messages.pofile import write_po

    for language in LANGUAGES:
        if language == "en":
            continue
        po, catalog = _read_catalogue(language, ARGPARSE)
        for message, _line in argparse_messages():
            if message not in catalog:
                empty = ("",) * catalog.num_plurals if isinstance(message, tuple) else ""
                catalog.add(message, empty, [("argparse.py", None)])
        catalog.fuzzy = False
        catalog.last_translator = catalog.language_team = "Brochure Reader project"
        with po.open("wb") as handle:
            write_po(handle, catalog, sort_output=True, include_lineno=False,
                     ignore_obsolete=True)  # fmt: skip


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("build", "update"):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    if argv[0] == "update":
        update()
        return 0
    for path in build(Path(argv[1]) if len(argv) > 1 else None):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
