"""Save a screenshot of Help > About to docs/screenshots/about.png (offscreen).

    QT_QPA_PLATFORM=offscreen python packaging/screenshot_about.py [OUT.png]

Uses the real library (bundled pack and nothing else: a temporary, empty home).  While the
bundled pack is not built yet (no assets/pack/pack.toml) it shows a stand-in pack made from the
Markdown sources' front matter, and says so.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent


def _stand_in_pack(folder: Path) -> Path:
    """A pack.toml listing the bundled sources (placeholder files) with the pack's identity."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    lines = [
        'id = "brochure-reader-core"',
        'title = "Brochures from the Brochure Reader project"',
        'language = "en-GB"',
        'version = "2026.11.29"',
    ]
    for source in sorted((REPO / "assets" / "pack" / "sources").glob("*.md")):
        front = source.read_text(encoding="utf-8").split("+++")[1]
        meta = tomllib.loads(front)
        (folder / f"{meta['id']}.pdf").write_bytes(b"%PDF-1.7\n")
        lines += ["", "[[documents]]", f'id = "{meta["id"]}"', f'title = "{meta["id"]}"',
                  f'file = "{meta["id"]}.pdf"']  # fmt: skip
    (folder / "pack.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from brochure_reader import APP_NAME, APP_TITLE
    from brochure_reader.library import Library
    from brochure_reader.paths import AppPaths, bundled_pack_dir
    from brochure_reader.ui.about_dialog import AboutDialog

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "screenshots" / "about.png"
    app = QApplication.instance() or QApplication([APP_NAME])
    app.setApplicationDisplayName(APP_TITLE)
    font = app.font()
    font.setPointSizeF(max(font.pointSizeF(), 11.5))  # as ui/app.py does
    app.setFont(font)
    with tempfile.TemporaryDirectory() as tmp:
        paths = AppPaths.from_home(Path(tmp) / "home")
        bundled = None
        if not (bundled_pack_dir() / "pack.toml").is_file():
            bundled = _stand_in_pack(Path(tmp))
            print("note: the bundled pack is not built; showing a stand-in with its sources")
        library = Library.load(paths, bundled=bundled)
        dialog = AboutDialog(library)
        dialog.show()
        app.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        if not dialog.grab().save(str(out)):
            print(f"error: cannot write {out}", file=sys.stderr)
            return 1
        dialog.close()
    print(f"saved {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
