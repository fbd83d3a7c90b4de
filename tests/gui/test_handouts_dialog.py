"""The handout builder: tick sections, reorder, cover details remembered, preview, save."""

from __future__ import annotations

import pymupdf
import pytest
from PySide6.QtCore import Qt

from brochure_reader.settings import Settings
from tests.handout_pack import make_library

AML = "acute-myeloid-leukaemia"


@pytest.fixture
def dialog(qtbot, app_paths, service):
    from brochure_reader.ui.handout_dialog import HandoutDialog

    library = make_library(app_paths)
    settings = Settings(app_paths.settings_file)
    settings.set("clinic", {"clinic": "Riverside", "clinician": "Dr Okafor", "contact": "01632"})
    dlg = HandoutDialog(None, library, {}, settings, service)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: AML in dlg.page_counts and bool(dlg._find_item(f"{AML}#outlook")),
                    timeout=30000)
    return dlg


def test_build_a_large_print_handout_and_save_it(qtbot, dialog, tmp_path, app_paths):
    assert dialog.clinic_edit.text() == "Riverside"  # remembered from the settings
    assert "pages" in dialog._find_item(f"{AML}#outlook").text(1)
    assert dialog.check_ref(f"{AML}#outlook")
    assert dialog.check_ref(f"{AML}#key-points")
    assert dialog.chosen_refs() == [f"{AML}#outlook", f"{AML}#key-points"]
    dialog.chosen.setCurrentRow(1)
    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    assert dialog.chosen_refs() == [f"{AML}#key-points", f"{AML}#outlook"]
    dialog.note_edit.setPlainText("See you on Tuesday.")
    dialog.clinic_edit.setText("Hilltop Clinic")
    with qtbot.waitSignal(dialog.handout_ready, timeout=60000,
                          check_params_cb=lambda n: n > 0):
        dialog.large_print.setChecked(True)
    assert dialog.preview.count() == dialog.handout.page_count
    qtbot.waitUntil(lambda: dialog.rendered_pages == dialog.handout.page_count, timeout=30000)
    assert dialog.save_button.isEnabled()

    out = tmp_path / "handout.pdf"
    assert dialog.save_as(str(out))
    with pymupdf.open(out) as doc:
        cover = " ".join(doc[0].get_text().split())
        assert "See you on Tuesday." in cover and "Hilltop Clinic" in cover
        sizes = [s["size"] for p in doc for b in p.get_text("dict")["blocks"]
                 for line in b.get("lines", []) for s in line["spans"] if s["text"].strip()]
        assert min(sizes) >= 16
    assert Settings(app_paths.settings_file).get("clinic")["clinic"] == "Hilltop Clinic"


def test_unticking_removes_from_the_handout(qtbot, dialog):
    dialog.check_ref(f"{AML}#outlook")
    dialog.check_ref(AML)
    assert dialog.chosen.count() == 2
    dialog.chosen.setCurrentRow(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.chosen_refs() == [AML]
    assert dialog._find_item(f"{AML}#outlook").checkState(0) == Qt.CheckState.Unchecked
    dialog.check_ref(AML, False)
    assert dialog.chosen.count() == 0 and not dialog.save_button.isEnabled()
