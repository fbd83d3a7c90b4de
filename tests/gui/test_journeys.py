"""Issue 14's three keyboard-only journeys, driven by key events alone (sent to whatever has
the keyboard focus, as a person's keys would be).  Only the operating system's file dialog is
answered by the test (it is Qt's or the desktop's own, not ours)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from brochure_reader.ui.bookmarks.model import Roles

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


def popup_press(qtbot, key) -> None:
    """A key pressed in the open menu (menus take the keyboard while they are open)."""
    from PySide6.QtWidgets import QMenu

    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=5000)
    qtbot.keyClick(QApplication.activePopupWidget(), key)


def back_in(qtbot, window) -> None:
    """Wait until the menu or dialog has closed.  Offscreen, nothing makes the main window
    active again then (on X11 the window manager does, and the focus comes back to where it
    was), so do that here."""
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None
                    and QApplication.activeModalWidget() is None, timeout=5000)
    qtbot.wait(100)  # the platform's window (de)activation events
    if QApplication.activeWindow() is not window:
        window.activateWindow()
    qtbot.waitUntil(lambda: focus() is not None, timeout=5000)


def answer_next_dialog(qtbot, text: str) -> None:
    """Type *text* and Enter into the next modal dialog of ours (a name asked for) as soon as
    it is shown: it runs its own event loop, so the keys are sent from a timer."""
    from PySide6.QtCore import QTimer

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or focus() is None or not dialog.isAncestorOf(focus()):
            QTimer.singleShot(50, answer)
            return
        qtbot.keyClicks(focus(), text)
        qtbot.keyClick(focus(), Qt.Key.Key_Return)

    QTimer.singleShot(50, answer)


def test_carer_bookmarks_two_sections_with_notes_collects_and_exports_them(
    qtbot, window, tmp_path, monkeypatch
):
    import json

    import pymupdf
    from PySide6.QtWidgets import QFileDialog

    saved = iter([tmp_path / "appointment.pdf", tmp_path / "appointment.json"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(next(saved)), ""))
    window.activateWindow()
    qtbot.waitUntil(lambda: focus() is window.home.cards[0], timeout=5000)
    doc_id = window.home.cards[0].doc_id
    with qtbot.waitSignal(window.reader.document_opened, timeout=30000):
        press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(window.reader.sections.get(doc_id, [])) > 2, timeout=30000)
    qtbot.waitUntil(lambda: window.features_ready, timeout=60000)
    library_tree, panel = window.navigation.view, window.bookmarks
    tab_to(qtbot, lambda w: w is library_tree, backwards=True)
    press(qtbot, Qt.Key.Key_Right)  # the document's sections

    notes = ["Ask whether I can drive after the stent", "Which number do we call at night?"]
    for note in notes:  # the next section, bookmarked with a note
        tab_to(qtbot, lambda w: w is library_tree, backwards=True)
        press(qtbot, Qt.Key.Key_Down)
        with qtbot.waitSignal(window.reader.jumped, timeout=10000):
            press(qtbot, Qt.Key.Key_Return)
        section = window.reader.current_section()
        with qtbot.waitSignal(panel.bookmarks_changed, timeout=30000):
            press(qtbot, Qt.Key.Key_D, CTRL)
        qtbot.waitUntil(lambda: panel.tree.isAncestorOf(focus()), timeout=5000)
        press(qtbot, Qt.Key.Key_Tab)  # the label stays the section's title; on to the note
        assert focus() is panel.note_edit
        type_text(qtbot, note)
        assert section is not None and panel.note_edit.toPlainText() == note
    qtbot.waitUntil(lambda: sorted(b.note for b in window.bookmark_store.bookmarks(doc_id=doc_id))
                    == sorted(notes), timeout=5000)  # saved shortly after typing stops
    marks = window.bookmark_store.bookmarks(doc_id=doc_id)
    assert len({b.section_ref for b in marks}) == 2

    # both into a new collection: Shift+Tab to the tree, Shift+arrow selects the other one too
    press(qtbot, Qt.Key.Key_Backtab, SHIFT)
    assert focus() is panel.tree
    current = panel.tree.currentIndex()
    other_above = current.row() > 0
    press(qtbot, Qt.Key.Key_Up if other_above else Qt.Key.Key_Down, SHIFT)
    assert len(panel.selected_ids()) == 2
    press(qtbot, Qt.Key.Key_F10, SHIFT)  # the context menu
    popup_press(qtbot, Qt.Key.Key_M)  # &Move to collection
    answer_next_dialog(qtbot, "Appointment 12 May")
    popup_press(qtbot, Qt.Key.Key_N)  # &New collection…
    qtbot.waitUntil(lambda: all(b.collections == ("Appointment 12 May",)
                                for b in window.bookmark_store.bookmarks(doc_id=doc_id)),
                    timeout=5000)

    # export the collection: to a PDF to print, and to a bookmarks file to share
    back_in(qtbot, window)
    assert focus() is panel.tree
    press(qtbot, Qt.Key.Key_Left)  # up to the collection's row
    assert panel.tree.currentIndex().data(Roles.GroupKeyRole) == ("collection",
                                                                  "Appointment 12 May")
    press(qtbot, Qt.Key.Key_F10, SHIFT)
    popup_press(qtbot, Qt.Key.Key_P)  # Export collection as &PDF…
    back_in(qtbot, window)
    qtbot.waitUntil((tmp_path / "appointment.pdf").exists, timeout=30000)
    press(qtbot, Qt.Key.Key_F10, SHIFT)
    popup_press(qtbot, Qt.Key.Key_F)  # Export collection as a bookmarks &file…
    back_in(qtbot, window)
    qtbot.waitUntil((tmp_path / "appointment.json").exists, timeout=10000)
    qtbot.waitUntil(lambda: (tmp_path / "appointment.pdf").stat().st_size > 0, timeout=30000)
    with pymupdf.open(tmp_path / "appointment.pdf") as doc:
        text = " ".join(" ".join(page.get_text().split()) for page in doc)
    assert all(note in text for note in notes) and "Appointment 12 May" in text
    shared = json.loads((tmp_path / "appointment.json").read_text(encoding="utf-8"))
    assert all(note in json.dumps(shared, ensure_ascii=False) for note in notes)
