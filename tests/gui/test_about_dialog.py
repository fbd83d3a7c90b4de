"""Help > About shows the versions, the content packs and the licences, and is freed on close."""

from __future__ import annotations

import gc

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

import brochure_reader
from brochure_reader.library import Library
from brochure_reader.ui.about_dialog import AboutDialog, about_text, component_rows, show_about
from tests.helpers import write_pack


def test_about_shows_versions_packs_and_licences(qtbot, app_paths):
    from PySide6.QtCore import qVersion

    write_pack(app_paths.user_packs / "extra", "extra-pack", {})
    library = Library.load(app_paths)
    dialog = show_about(None, library)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    text = dialog.details.toPlainText()
    assert brochure_reader.__version__ in dialog.title.text()
    assert qVersion() in text
    for needle in ("PySide6", "PyMuPDF", "AGPL-3.0-or-later", "LGPL-3.0", "OFL-1.1"):
        assert needle in text
    for pack in library.packs:
        assert pack.title in text and pack.version in text
    names = [row[0] for row in component_rows()]
    assert {"Qt", "PySide6", "PyMuPDF", "MuPDF"} <= set(names)

    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == about_text(library)


def test_about_dialog_is_deleted_after_closing(qtbot, app_paths):
    dialog = show_about(None, Library.load(app_paths))
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.destroyed, timeout=5000):
        dialog.close()
        gc.collect()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog)]
