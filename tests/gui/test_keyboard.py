"""Keyboard use of the whole app: no two things answer to one key press, Tab never gets stuck
in a text box, and the keys a new user tried do what they say."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from tests.gui.keyboard import duplicate_shortcuts, physical_key


def test_physical_key_sees_ctrl_plus_as_ctrl_shift_equal():
    plus = QKeySequence("Ctrl++")[0]
    assert physical_key(plus) == physical_key(QKeySequence("Ctrl+Shift+=")[0])
    assert physical_key(plus) != physical_key(QKeySequence("Ctrl+=")[0])


def test_no_key_press_is_shared_by_two_actions_in_the_main_window(qtbot, window):
    assert duplicate_shortcuts(window) == []


def test_no_key_press_is_shared_in_the_handout_dialog(qtbot, window):
    window.make_handout()
    dialog = window.handout_dialog
    qtbot.waitExposed(dialog)
    assert duplicate_shortcuts(dialog) == []


def test_ctrl_plus_zooms_and_larger_text_has_its_own_key(qtbot, window):
    a = window.window_actions
    zoom_keys = {physical_key(s[0]) for s in a.zoom_in.shortcuts()}
    larger_keys = {physical_key(s[0]) for s in a.larger_text.shortcuts()}
    assert physical_key(QKeySequence("Ctrl++")[0]) in zoom_keys  # what the README promises
    assert larger_keys and not larger_keys & zoom_keys


AML = "acute-myeloid-leukaemia"


def _open(qtbot, window, doc_id, page=0, y=0.0):
    with qtbot.waitSignal(window.reader.document_opened, timeout=30000):
        window.reader.open(doc_id, page, y)


def _focus(widget) -> None:
    widget.window().activateWindow()
    widget.setFocus(Qt.FocusReason.TabFocusReason)


def test_ctrl_d_puts_the_keyboard_in_the_new_bookmarks_label(qtbot, window):
    from PySide6.QtWidgets import QApplication, QLineEdit

    _open(qtbot, window, AML)
    _focus(window.page_view)
    with qtbot.waitSignal(window.bookmarks.bookmarks_changed, timeout=30000):
        qtbot.keyClick(window.page_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit), timeout=5000)
    editor = QApplication.focusWidget()
    assert window.bookmarks.tree.isAncestorOf(editor)
    qtbot.keyClicks(editor, "Ask about fevers")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the view commits it on the event loop
    qtbot.waitUntil(
        lambda: [b.label for b in window.bookmark_store.bookmarks(doc_id=AML)]
        == ["Ask about fevers"],
        timeout=5000,
    )


def test_tab_leaves_every_text_box_and_is_never_typed_into_a_note(qtbot, window):
    from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit

    _open(qtbot, window, AML)
    with qtbot.waitSignal(window.bookmarks.bookmarks_changed, timeout=30000):
        window.window_actions.add_bookmark.trigger()
    qtbot.waitUntil(lambda: window.bookmarks.note_edit.isEnabled(), timeout=5000)
    note = window.bookmarks.note_edit
    _focus(note)
    qtbot.keyClicks(note, "Call the ward")
    qtbot.keyClick(note, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not note
    window.bookmarks.save_note()
    (mark,) = window.bookmark_store.bookmarks(doc_id=AML)
    assert mark.note == "Call the ward"

    window.make_handout()
    qtbot.waitExposed(window.handout_dialog)
    boxes = [
        box
        for top in (window, window.handout_dialog)
        for kind in (QPlainTextEdit, QTextEdit)
        for box in top.findChildren(kind)
        if not box.isReadOnly()
    ]
    assert len(boxes) >= 3  # the note, the handout's contact and note boxes
    assert [b.accessibleName() for b in boxes if not b.tabChangesFocus()] == []


def test_search_the_library_after_find_in_this_document(qtbot, window):
    from brochure_reader.search.engine import Scope

    _open(qtbot, window, AML)
    panel = window.search_panel
    window.window_actions.find.trigger()
    assert panel.current_scope() == Scope.document(AML)
    window.window_actions.search.trigger()  # Ctrl+K
    assert panel.current_scope() == Scope.library()
    assert panel.scope.currentData() == "library"


def test_home_view_by_keyboard(qtbot, window):
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    home = window.home
    cards = home.cards
    assert len(cards) > 4
    qtbot.waitUntil(lambda: QApplication.focusWidget() is cards[0], timeout=5000)
    first = cards[0]
    qtbot.keyClick(first, Qt.Key.Key_Right)
    assert QApplication.focusWidget() is cards[1]
    qtbot.keyClick(cards[1], Qt.Key.Key_Down)
    below = QApplication.focusWidget()
    assert below in cards and below.y() > cards[1].y() and abs(below.x() - cards[1].x()) < 5
    qtbot.keyClick(below, Qt.Key.Key_End)
    assert QApplication.focusWidget() is cards[-1]
    shown_at = QRect(cards[-1].mapTo(home.viewport(), QPoint(0, 0)), cards[-1].size())
    assert home.viewport().rect().contains(shown_at)  # scrolled into view
    qtbot.keyClick(cards[-1], Qt.Key.Key_Home)
    assert QApplication.focusWidget() is cards[0]
    # Tab from the library tree reaches the cards in a few presses
    window.navigation.view.setFocus(Qt.FocusReason.TabFocusReason)
    for _press in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() in home.cards:
            break
    assert QApplication.focusWidget() in home.cards, QApplication.focusWidget()
    card = QApplication.focusWidget()
    with qtbot.waitSignal(window.reader.document_opened, timeout=30000) as opened:
        qtbot.keyClick(card, Qt.Key.Key_Return)
    assert opened.args == [card.doc_id]


def test_a_new_search_clears_the_old_highlights(qtbot, window):
    _open(qtbot, window, AML)
    window.page_view.set_highlights(0, [(10.0, 10.0, 60.0, 20.0)])
    window.window_actions.search.trigger()
    qtbot.keyClicks(window.search_panel.field, "fever")
    assert window.page_view._highlights == {}


def test_bookmark_export_is_called_a_bookmarks_file(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    filters = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (filters.append(a[3]), ("", ""))[1])
    window.bookmarks.files.choose_export(None)
    assert "Bookmarks file (can be imported again)" in filters[0]
    assert "Web Annotation" not in filters[0]


def test_file_dialogs_start_in_documents_then_in_the_folder_last_used(
    qtbot, window, monkeypatch, tmp_path
):
    from PySide6.QtWidgets import QFileDialog

    from brochure_reader.settings import Settings

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # no user-dirs.dirs
    (tmp_path / "Documents").mkdir()
    elsewhere = tmp_path / "clinic letters"
    elsewhere.mkdir()
    starts = []

    def open_names(_parent, _caption, start, _filters):
        starts.append(start)
        return [str(elsewhere / "leaflet.pdf")], ""

    def save_name(_parent, _caption, start, _filters):
        starts.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", open_names)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    monkeypatch.setattr(window.library_controller, "import_files", lambda files: None)
    window.library_controller.choose_files()
    window.bookmarks.files.choose_export(None)
    assert starts == [str(tmp_path / "Documents"), str(elsewhere / "bookmarks.json")]
    window.settings.save()  # remembered for the next start too
    assert Settings(window.settings.path).get("last_folder") == str(elsewhere)


def test_every_window_and_dialog_keys_and_names(qtbot, window):
    """No key press is shared by two things, and every control a screen reader reaches has a
    name, in the main window and in each dialog (handout, print preview, page choice,
    preferences, help, about)."""
    from tests.gui.keyboard import every_window, unnamed_controls

    tops = every_window(qtbot, window)
    assert len(tops) == 7
    assert {type(t).__name__: duplicate_shortcuts(t) for t in tops} == {
        type(t).__name__: [] for t in tops}
    assert [line for t in tops for line in unnamed_controls(t)] == []


def test_changes_a_sighted_user_sees_are_announced(qtbot, window, monkeypatch):
    """Screen readers hear "Bookmark added", the number of search results and what the
    status bar says (Qt's accessible announcement)."""
    import re

    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    heard = []
    real = QAccessible.updateAccessibility

    def update(event):
        if isinstance(event, QAccessibleAnnouncementEvent):
            heard.append(event.message())
        real(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", update)
    _open(qtbot, window, AML)
    with qtbot.waitSignal(window.bookmarks.bookmarks_changed, timeout=30000):
        window.window_actions.add_bookmark.trigger()
    qtbot.waitUntil(lambda: "Bookmarked “Acute myeloid leukaemia (AML)”" in heard, timeout=5000)
    window.window_actions.search.trigger()
    qtbot.keyClicks(window.search_panel.field, "fever")
    qtbot.waitUntil(lambda: any(re.match(r"\d+ result", m) for m in heard), timeout=10000)
    assert not [m for m in heard if m.startswith("Preparing search")]  # progress is not read
    window.say("Saved 2 pages to leaflet.pdf")
    assert heard[-1] == "Saved 2 pages to leaflet.pdf"


def test_keyboard_focus_and_mouse_hover_look_different_on_the_home_cards(qtbot, window):
    from PySide6.QtGui import QColor

    from brochure_reader.ui.theme import current_theme

    ring = QColor(current_theme().colours["card_focus_border"]).rgb()
    cards = window.home.cards
    window.activateWindow()
    qtbot.waitUntil(lambda: cards[0].hasFocus(), timeout=5000)

    def ring_pixels(card) -> int:
        image = card.grab().toImage()
        return sum(1 for y in range(image.height()) for x in range(image.width())
                   if image.pixel(x, y) == ring)

    focused = ring_pixels(cards[0])
    cards[1].setAttribute(Qt.WidgetAttribute.WA_UnderMouse, True)  # as when the mouse is over it
    cards[1].style().unpolish(cards[1])
    cards[1].style().polish(cards[1])
    hovered = ring_pixels(cards[1])
    cards[1].setAttribute(Qt.WidgetAttribute.WA_UnderMouse, False)
    assert hovered > 0 and focused >= 3 * hovered, (focused, hovered)


def test_tab_reaches_every_control_of_every_dialog(qtbot, window):
    """Everything in a dialog (handout, print preview, page choice, preferences, help, about)
    can be reached with Tab alone."""
    from PySide6.QtWidgets import QApplication, QWidget

    from tests.gui.keyboard import every_window

    unreachable = {}
    for top in every_window(qtbot, window)[1:]:
        top.activateWindow()
        qtbot.waitUntil(lambda top=top: QApplication.activeWindow() is top, timeout=5000)
        wanted = {w for w in top.findChildren(QWidget)
                  if w.window() is top and w.isVisibleTo(top) and w.isEnabled()
                  and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None}
        seen = []
        for _press in range(len(wanted) + 5):
            qtbot.keyClick(QApplication.focusWidget() or top, Qt.Key.Key_Tab)
            seen.append(QApplication.focusWidget())
        missed = sorted(f"{type(w).__name__} {w.accessibleName() or w.objectName()!r}"
                        for w in wanted - set(seen))
        if missed:
            unreachable[type(top).__name__] = missed
    assert unreachable == {}


def test_every_menu_entry_has_its_own_mnemonic(qtbot, window):
    """Alt+letter opens each menu, a letter picks each entry; none is shared within a menu."""
    from tests.gui.keyboard import in_every_read_aloud_state, mnemonic_problems

    qtbot.waitUntil(lambda: window.features_ready, timeout=30000)
    _open(qtbot, window, AML)
    for state in in_every_read_aloud_state(window):
        assert mnemonic_problems(window.menuBar()) == [], state
