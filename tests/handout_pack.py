"""A library with real typeset leaflets for handout and export tests.

The bundled pack (assets/pack) is used when it has been built; until then a small pack is typeset
from three of its Markdown sources through the authoring pipeline into the test's home folder, so
the tests always run on real content.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from brochure_reader.paths import bundled_pack_dir

#: Leaflets the tests refer to (all in the bundled pack).
DOC_IDS = ("acute-myeloid-leukaemia", "eating-well", "talking-with-your-care-team")


def make_library(app_paths):
    """``Library`` with the leaflets of :data:`DOC_IDS` (bundled pack, or typeset on the fly)."""
    from brochure_reader.library import Library

    bundled = bundled_pack_dir()
    if (bundled / "pack.toml").is_file():
        library = Library.load(app_paths)
        if all(d in library for d in DOC_IDS):
            return library
    build_mini_pack(bundled / "sources", app_paths.user_packs / "mini")
    return Library.load(app_paths)


def build_mini_pack(sources: Path, folder: Path) -> Path:
    from brochure_reader.authoring import parse_source, typeset

    (folder / "sources").mkdir(parents=True, exist_ok=True)
    lines = ['id = "mini"', 'title = "Leaflets typeset for tests"', 'language = "en-GB"',
             'version = "1"']
    for doc_id in DOC_IDS:
        md = sources / f"{doc_id}.md"
        shutil.copy(md, folder / "sources" / md.name)
        source = parse_source(md)
        (folder / f"{doc_id}.pdf").write_bytes(typeset(source).pdf)
        lines += [
            "", "[[documents]]", f'id = "{doc_id}"', f'title = "{source.title}"',
            f'file = "{doc_id}.pdf"', f'category = "{source.category}"',
            f"reviewed = {source.reviewed.isoformat()}",
            f"next_review = {source.next_review.isoformat()}",
        ]
    (folder / "pack.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder
