"""Issue 14's three keyboard-only journeys, driven by key events alone (sent to whatever has
the keyboard focus, as a person's keys would be).  Only the operating system's file dialog is
answered by the test (it is Qt's or the desktop's own, not ours)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def focus():
    return QApplication.focusWidget()


def press(qtbot, key, modifiers=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    for _ in range(times):
        widget = focus()
        assert widget is not None, "nothing has the keyboard focus"
        qtbot.keyClick(widget, key, modifiers)


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(focus(), text)


def tab_to(qtbot, wanted, limit: int = 25, backwards: bool = False) -> None:
    """Press Tab (Shift+Tab) until *wanted(focus widget)* is true."""
    for _ in range(limit):
        if focus() is not None and wanted(focus()):
            return
        press(qtbot, Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab)
    assert wanted(focus()), f"Tab never reached it; the focus is on {focus()!r}"


def test_patient_opens_moves_by_section_zooms_searches_and_opens_a_hit(qtbot, window):
    window.activateWindow()
    cards = window.home.cards
    qtbot.waitUntil(lambda: focus() is cards[0], timeout=5000)
    press(qtbot, Qt.Key.Key_Right)
    card = focus()
    assert card in cards and card is not cards[0]
    with qtbot.waitSignal(window.reader.document_opened, timeout=30000) as opened:
        press(qtbot, Qt.Key.Key_Return)
    doc_id = opened.args[0]
    assert doc_id == card.doc_id and focus() is window.page_view
    qtbot.waitUntil(lambda: len(window.reader.sections.get(doc_id, [])) > 2, timeout=30000)

    # move by section: the library tree follows the document; Down + Enter goes to the next
    tree = window.navigation.view
    tab_to(qtbot, lambda w: w is tree, backwards=True)
    qtbot.waitUntil(lambda: tree.currentIndex().isValid(), timeout=5000)
    assert tree.currentIndex().data() == window.library.get(doc_id).title  # it follows
    press(qtbot, Qt.Key.Key_Right)  # open the document's list of sections
    places = [window.page_view.position()]
    for _section in range(2):  # the next section, then the one after it
        press(qtbot, Qt.Key.Key_Down)
        with qtbot.waitSignal(window.reader.jumped, timeout=10000):
            press(qtbot, Qt.Key.Key_Return)
        places.append(window.page_view.position())
    assert places == sorted(places) and len(set(places)) == 3, places  # onwards, each time
    assert window.reader.current.id == doc_id

    # zoom with Ctrl + (the key with "=" on it, as on a real keyboard)
    tab_to(qtbot, lambda w: w is window.page_view)
    scale = window.page_view.scale
    press(qtbot, Qt.Key.Key_Plus, CTRL)
    assert window.page_view.scale > scale

    # search in lay words, then open the best hit with Enter (once search is ready)
    qtbot.waitUntil(lambda: window.features_ready and not window.indexer.is_running(),
                    timeout=120000)
    press(qtbot, Qt.Key.Key_K, CTRL)
    assert focus() is window.search_panel.field
    type_text(qtbot, "always tired")
    with qtbot.waitSignal(window.reader.jumped, timeout=30000):
        press(qtbot, Qt.Key.Key_Return)
    result = window.search_panel.result()
    assert result is not None and result.query == "always tired" and result.hits
    qtbot.waitUntil(lambda: bool(window.page_view._highlights), timeout=30000)


def test_clinician_makes_a_two_section_large_print_handout_with_a_note(
    qtbot, window, tmp_path, monkeypatch
):
    import pymupdf
    from PySide6.QtWidgets import QFileDialog

    out = tmp_path / "for-mrs-jones.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF"))
    window.activateWindow()
    qtbot.waitUntil(lambda: focus() is window.home.cards[0], timeout=5000)
    qtbot.waitUntil(lambda: "acute-myeloid-leukaemia" in window.reader.sections, timeout=30000)
    press(qtbot, Qt.Key.Key_H, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window.handout_dialog is not None
                    and window.handout_dialog.isVisible(), timeout=5000)
    dialog = window.handout_dialog
    qtbot.waitUntil(lambda: "acute-myeloid-leukaemia" in dialog.page_counts, timeout=30000)
    tab_to(qtbot, lambda w: w is dialog.tree)
    type_text(qtbot, "Acute")  # type-ahead: the first "Acute …" document, then Down
    for _row in range(3):
        if dialog.tree.currentItem().text(0) == "Acute myeloid leukaemia (AML)":
            break
        press(qtbot, Qt.Key.Key_Down)
    assert dialog.tree.currentItem().text(0) == "Acute myeloid leukaemia (AML)"
    assert dialog.chosen_refs() == []
    press(qtbot, Qt.Key.Key_Right)  # its sections
    for _section in range(2):
        press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Space)  # tick it
    refs = dialog.chosen_refs()
    assert len(refs) == 2 and all(r.startswith("acute-myeloid-leukaemia#") for r in refs)
    press(qtbot, Qt.Key.Key_G, ALT)  # Lar&ge print (a mnemonic clicks after a short delay)
    qtbot.waitUntil(dialog.large_print.isChecked, timeout=2000)
    press(qtbot, Qt.Key.Key_N, ALT)  # &Note:
    assert focus() is dialog.note_edit
    type_text(qtbot, "Call us if your temperature is high.")
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled() and dialog.handout is not None
                    and "Call us" in (dialog.note_edit.toPlainText()), timeout=60000)
    qtbot.waitUntil(lambda: not dialog._compose_timer.isActive(), timeout=10000)
    qtbot.wait(500)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=60000)
    press(qtbot, Qt.Key.Key_S, ALT)  # &Save as PDF…
    qtbot.waitUntil(out.exists, timeout=30000)
    with pymupdf.open(out) as doc:
        text = " ".join(" ".join(page.get_text().split()) for page in doc)
        sizes = [s["size"] for p in doc for b in p.get_text("dict")["blocks"]
                 for line in b.get("lines", []) for s in line["spans"] if s["text"].strip()]
    assert "Call us if your temperature is high." in text
    assert min(sizes) >= 16  # large print
