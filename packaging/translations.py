"""Translation catalogues: extract, update and compile (docs/translations.md).

    python packaging/translations.py build [OUT_DIR]   compile .ts -> .qm and .po -> .mo
    python packaging/translations.py update            re-extract strings into the sources

Sources (committed) in ``assets/translations/``:

* ``brochure_reader_<lang>.ts``: the GUI's ``tr()`` strings (``pyside6-lupdate`` over
  ``src/brochure_reader/ui``); ``brochure_reader_en.ts`` holds only plural forms
  (``lupdate -pluralonly``);
* ``brochure_reader.pot`` and ``<lang>/LC_MESSAGES/brochure_reader.po``: the core's and CLI's
  gettext strings (Babel's extractor over ``src/brochure_reader`` minus ``ui/``).

``build`` writes ``brochure_reader_<lang>.qm`` (``pyside6-lrelease``, shipped with
PySide6-Essentials) and ``<lang>/LC_MESSAGES/brochure_reader.mo`` (Babel) next to the sources, or
under OUT_DIR (the wheel build uses this, see setup.py).  It needs PySide6-Essentials and Babel
(the ``test`` extra; the wheel's build requirements).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "assets" / "translations"
SRC = ROOT / "src" / "brochure_reader"
DOMAIN = "brochure_reader"
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
    for po in sorted(SOURCES.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        mo = out / po.relative_to(SOURCES).with_suffix(".mo")
        mo.parent.mkdir(parents=True, exist_ok=True)
        with po.open("rb") as handle:
            catalog = read_po(handle)
        with mo.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        written.append(mo)
    return written


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
    with (SOURCES / f"{DOMAIN}.pot").open("wb") as handle:
        write_po(handle, template, omit_header=False, sort_output=True, include_lineno=False)
    for language in LANGUAGES:
        if language == "en":
            continue
        po = SOURCES / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        if po.is_file():
            with po.open("rb") as handle:
                catalog = read_po(handle, locale=language)
        else:
            po.parent.mkdir(parents=True, exist_ok=True)
            catalog = Catalog(locale=language, project="Brochure Reader", domain=DOMAIN)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        catalog.fuzzy = False  # the header: the entries carry their own flags
        catalog.last_translator = catalog.language_team = "Brochure Reader project"
        catalog.copyright_holder = "Brochure Reader project"
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
