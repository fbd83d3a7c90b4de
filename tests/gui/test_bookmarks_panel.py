"""The bookmarks dock, driven with keys, clicks and signals (pytest-qt, offscreen)."""

from __future__ import annotations

import pymupdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QMessageBox

from brochure_reader.bookmarks import BookmarkStore, Quote, TextMap
from brochure_reader.bookmarks.store import FILE_NAME
from brochure_reader.ui.bookmarks.exchange import humanise_slug
from brochure_reader.ui.bookmarks.model import (
    ATTENTION,
    GROUP_BY_DOCUMENT,
    NO_COLLECTION,
    BookmarkTreeModel,
    Roles,
)
from brochure_reader.ui.bookmarks.panel import BookmarksPanel

TITLES = {"aml": "Acute myeloid leukaemia (AML)", "eating-well": "Eating well"}


@pytest.fixture
def store(app_paths):
    with BookmarkStore.open(app_paths) as opened:
        yield opened


@pytest.fixture
def executor(service):
    """The app's job runner (PDF output runs in its worker)."""
    return service


@pytest.fixture
def panel(qtbot, store, executor):
    widget = BookmarksPanel(store, title_of=lambda d: TITLES.get(d, d), jobs=executor)
    qtbot.addWidget(widget)
    widget.resize(420, 560)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.shutdown()


def rows(model, parent=None) -> list[str]:
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def tree_text(panel) -> list[str]:
    out = []
    model = panel.model
    for r in range(model.rowCount()):
        group = model.index(r, 0)
        out.append(group.data())
        out += ["  " + model.index(c, 0, group).data() for c in range(model.rowCount(group))]
    return out


def add_three(panel):
    a = panel.add_bookmark("aml", 6, 120.5, "aml#contact-your-care-team-straight-away-if",
                           "What to do about a fever", Quote("you have a temperature of 38 °C"))
    b = panel.add_bookmark("eating-well", 2, 300.0, "eating-well#losing-weight",
                           "If you are losing weight", "Small meals often")
    c = panel.add_bookmark("aml", 1, 40.0, "aml#treatment", "Treatment", "Treatment has phases")
    return a, b, c


def test_model_passes_the_item_model_tester_through_changes(qtbot, store):
    """QAbstractItemModelTester checks every change below; pytest-qt fails the test on any
    of its "FAIL!" warnings (category qt.modeltest)."""
    model = BookmarkTreeModel(lambda d: TITLES.get(d, d))
    tester = QAbstractItemModelTester(model,
                                      QAbstractItemModelTester.FailureReportingMode.Warning)
    a = store.add("aml", 2, 10.0, label="A", collections=["One", "Two"])
    b = store.add("eating-well", 1, 5.0, label="B")
    model.set_bookmarks(store.bookmarks(), ["One", "Two", "Empty"])
    assert rows(model) == ["Empty (0)", "One (1)", "Two (1)", "Not in a collection (1)"]
    c = store.add("aml", 1, 0.0, label="C", collections=["New"])
    model.insert_bookmark(c)
    assert rows(model) == ["Empty (0)", "New (1)", "One (1)", "Two (1)",
                           "Not in a collection (1)"]
    store.set_anchor(b.id, "needs-attention")
    model.update_bookmark(store.get(b.id))
    assert rows(model)[0] == "Needs attention (1)" and "Not in a collection (1)" not in rows(model)
    model.update_bookmark(store.update(a.id, label="A renamed"))
    assert rows(model, model.group_index(("collection", "One"))) == ["A renamed  ·  p. 2"]
    model.set_filter("renamed")
    assert rows(model) == ["One (1)", "Two (1)"]
    model.set_filter("")
    model.set_group_by(GROUP_BY_DOCUMENT)
    assert rows(model) == ["Needs attention (1)", "Acute myeloid leukaemia (AML) (2)"]
    assert rows(model, model.group_index(("document", "aml"))) == \
        ["C  ·  p. 1", "A renamed  ·  p. 2"]
    model.remove_bookmark(c.id)
    model.remove_bookmark(b.id)
    assert rows(model) == ["Acute myeloid leukaemia (AML) (1)"]
    model.set_bookmarks([])
    del tester  # any violation above was a "FAIL!" warning, which fails this test


def test_item_data_roles(store):
    model = BookmarkTreeModel()
    b = store.add("aml", 3, 77.5, label="Fever", note="n", quote="the quote", colour="green")
    model.set_bookmarks([b])
    group = model.index(0, 0)
    item = model.index(0, 0, group)
    assert group.data(Roles.KindRole) == "group" and group.data(Roles.GroupKeyRole) == \
        NO_COLLECTION
    assert item.data(Roles.KindRole) == "bookmark"
    assert (item.data(Roles.DocIdRole), item.data(Roles.PageRole), item.data(Roles.YRole)) == \
        ("aml", 2, 77.5)
    assert item.data(Roles.BookmarkIdRole) == b.id and item.data(Roles.BookmarkRole) == b
    assert item.data(Qt.ItemDataRole.DecorationRole).name() == b.colour
    assert "“the quote…”" in item.data(Qt.ItemDataRole.ToolTipRole)
    assert item.flags() & Qt.ItemFlag.ItemIsEditable
    assert not group.flags() & Qt.ItemFlag.ItemIsEditable


def test_add_bookmark_selects_it_and_reports_sections(qtbot, panel):
    with qtbot.waitSignal(panel.bookmarks_changed) as changed:
        a, _b, c = add_three(panel)
    assert changed.args == ["aml"]
    assert panel.selected_ids() == [c.id]
    assert a.page == 7 and a.label == "What to do about a fever"
    assert panel.bookmarked_sections("aml") == {"aml#contact-your-care-team-straight-away-if",
                                                "aml#treatment"}
    assert panel.bookmark_positions("aml") == [(1, 40.0, c.colour), (6, 120.5, a.colour)]
    assert tree_text(panel) == [
        "Not in a collection (3)",
        "  Treatment  ·  p. 2",
        "  What to do about a fever  ·  p. 7",
        "  If you are losing weight  ·  p. 3",
    ]
    assert panel.add_bookmark("aml", -5, 0.0) is None  # refused, and the user is told
    assert any(isinstance(w, QMessageBox) and "could not be saved" in w.text()
               for w in panel.findChildren(QMessageBox))


def test_clicking_a_bookmark_asks_to_open_it(qtbot, panel):
    a, _b, _c = add_three(panel)
    index = panel.model.indexes_of(a.id)[0]
    rect = panel.tree.visualRect(index)
    with qtbot.waitSignal(panel.open_requested) as opened:
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == ["aml", 6, 120.5]
    panel.tree.setFocus()
    with qtbot.waitSignal(panel.open_requested) as opened:
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert opened.args == ["aml", 6, 120.5]
    group_rect = panel.tree.visualRect(index.parent())
    with qtbot.assertNotEmitted(panel.open_requested):
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton,
                         pos=group_rect.center())


def test_delete_with_the_key_and_undo_with_ctrl_z(qtbot, panel, store):
    a, b, _c = add_three(panel)
    panel.select_bookmark(a.id)
    panel.select_bookmark(b.id, clear=False)
    panel.tree.setFocus()
    qtbot.waitUntil(panel.tree.hasFocus)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert not store.exists(a.id) and not store.exists(b.id)
    assert tree_text(panel) == ["Not in a collection (1)", "  Treatment  ·  p. 2"]
    qtbot.keyClick(panel.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.get(a.id) == a and store.get(b.id) == b
    assert len(tree_text(panel)) == 4
    panel.undo_stack.redo()
    assert not store.exists(a.id)
    panel.undo_stack.undo()
    assert store.exists(a.id)


def test_rename_in_place_note_colour_and_collections(qtbot, panel, store):
    a, b, _c = add_three(panel)
    index = panel.model.indexes_of(a.id)[0]
    panel.tree.setCurrentIndex(index)
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "Fever plan")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event loop
    qtbot.waitUntil(lambda: store.get(a.id).label == "Fever plan", timeout=3000)
    assert panel.model.indexes_of(a.id)[0].data() == "Fever plan  ·  p. 7"

    panel.select_bookmark(a.id)
    assert panel.quote_label.text() == "“you have a temperature of 38 °C…”"
    panel.note_edit.setFocus()
    qtbot.keyClicks(panel.note_edit, "Ask for the number")
    qtbot.waitUntil(lambda: store.get(a.id).note == "Ask for the number", timeout=3000)

    panel.set_colour(a.id, "blue")
    assert store.get(a.id).colour == "#56a8f2"
    panel.move_to_collection([a.id, b.id], "For Tuesday")
    assert tree_text(panel)[0] == "For Tuesday (2)"
    panel.move_to_collection([b.id], None)
    assert "For Tuesday (1)" in tree_text(panel)
    panel.rename_collection("For Tuesday", "Next visit")
    assert store.get(a.id).collections == ("Next visit",)
    panel.delete_collection("Next visit")
    assert store.get(a.id).collections == () and store.exists(a.id)


def test_filter_and_group_by_document(qtbot, panel):
    add_three(panel)
    qtbot.keyClicks(panel.filter_edit, "small meals")
    assert tree_text(panel) == ["Not in a collection (1)", "  If you are losing weight  ·  p. 3"]
    panel.filter_edit.clear()
    panel.group_combo.setCurrentIndex(panel.group_combo.findData(GROUP_BY_DOCUMENT))
    assert [t for t in tree_text(panel) if not t.startswith("  ")] == \
        ["Acute myeloid leukaemia (AML) (2)", "Eating well (1)"]


def test_needs_attention_group_and_keep_position(qtbot, panel, store):
    a, _b, _c = add_three(panel)
    report = panel.reanchor("aml", "new-hash", TextMap.from_lines(
        [(0, 40.0, 52.0, "Treatment has phases and more text.")]))
    assert report.lost == [a.id]
    assert tree_text(panel)[:2] == ["Needs attention (1)", "  What to do about a fever  ·  p. 7"]
    assert panel.model.group_index(ATTENTION).isValid()
    menu = panel.menu_for(panel.model.indexes_of(a.id)[0])
    labels = [action.text().replace("&", "") for action in menu.actions()]
    assert "Keep it at its old position" in labels and "Delete" in labels
    panel.keep_position(a.id)
    assert not panel.model.group_index(ATTENTION).isValid()
    assert not panel.needs_reanchor("aml", "new-hash")


def test_context_menu_of_a_collection(qtbot, panel):
    a, _b, _c = add_three(panel)
    panel.move_to_collection([a.id], "For Tuesday")
    menu = panel.menu_for(panel.model.group_index(("collection", "For Tuesday")))
    labels = [action.text().replace("&", "") for action in menu.actions()]
    assert "Export collection as PDF…" in labels and "Rename collection…" in labels
    colour_menu = panel.menu_for(panel.model.indexes_of(a.id)[0]).actions()[2].menu()
    assert [x.text() for x in colour_menu.actions()][:2] == ["&Yellow", "&Green"]


def test_changes_from_another_process_appear(qtbot, panel, app_paths):
    add_three(panel)
    with BookmarkStore.open(app_paths) as other:  # as the CLI would
        other.add("glioma", 2, 0.0, label="From the command line")
    with qtbot.waitSignal(panel.bookmarks_changed):
        assert panel.poll_external_changes()
    assert "  From the command line  ·  p. 2" in tree_text(panel)
    assert not panel.poll_external_changes()


def test_export_and_import_json(qtbot, panel, tmp_path, app_paths):
    add_three(panel)
    out = tmp_path / "b.json"
    assert panel.export_json(str(out)) == 3
    panel.delete_bookmarks([b.id for b in panel.store.bookmarks()])
    assert panel.store.bookmarks() == []
    report = panel.import_json(str(out))
    assert len(report.added) == 3 and len(tree_text(panel)) == 4
    bad = tmp_path / "bad.json"
    bad.write_text("nope", encoding="utf-8")
    assert panel.import_json(str(bad)) is None


def test_export_collection_pdf_in_the_worker(qtbot, panel, tmp_path):
    a, b, _c = add_three(panel)
    panel.set_note(a.id, "Ring the 24-hour line")
    panel.move_to_collection([a.id, b.id], "For Tuesday")
    out = tmp_path / "tuesday.pdf"
    done = []
    panel.export_collection_pdf(str(out), "For Tuesday", done.append)
    qtbot.waitUntil(lambda: done == [str(out)], timeout=10000)
    with pymupdf.open(out) as doc:
        text = " ".join(doc[0].get_text().split())
    assert "What to do about a fever" in text and "Ring the 24-hour line" in text
    assert "Contact your care team straight away if" in text  # section title from its ref
    assert "Treatment" not in text


def test_questions_tab(qtbot, panel, store, tmp_path):
    tab = panel.questions
    panel.tabs.setCurrentWidget(tab)
    count = tab.list.count()
    tab.new_question.setFocus()
    qtbot.keyClicks(tab.new_question, "Can my sister come with me?")
    qtbot.keyClick(tab.new_question, Qt.Key.Key_Return)
    assert tab.list.count() == count + 1 and tab.new_question.text() == ""
    assert store.questions.in_order()[-1].text == "Can my sister come with me?"

    assert panel.add_questions(["What type of AML do I have?", "Can my sister come with me?"],
                               "aml") == 1
    item = tab.list.item(0)
    item.setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: store.questions.in_order()[0].answered, timeout=3000)

    tab.list.setCurrentRow(tab.list.count() - 1)
    last = store.questions.in_order()[-1].id
    tab.move_selected(-1)
    assert store.questions.in_order()[-2].id == last
    tab.list.setCurrentRow(0)
    first = store.questions.in_order()[0]
    tab.list.setFocus()
    qtbot.keyClick(tab.list, Qt.Key.Key_Delete)
    assert first.id not in [q.id for q in store.questions.in_order()]
    panel.undo_stack.undo()
    assert store.questions.in_order()[0] == first

    out = tmp_path / "q.pdf"
    saved = []
    tab.export_pdf(str(out), saved.append)
    qtbot.waitUntil(lambda: saved == [str(out)], timeout=10000)
    with pymupdf.open(out) as doc:
        assert doc.page_count == 1 and "Can my sister come with me?" in doc[0].get_text()


def test_print_questions_to_a_pdf_printer(qtbot, panel, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    with qtbot.waitSignal(panel.status_message, timeout=15000,
                          check_params_cb=lambda m: m.startswith("Sent")):
        panel.questions.print_questions(printer)
    with pymupdf.open(target) as doc:
        assert doc.page_count == 1
        assert doc[0].get_images()  # the rendered page went to the printer


def test_store_problems_are_shown(qtbot, app_paths, executor):
    (app_paths.data / FILE_NAME).write_bytes(b"garbage " * 200)
    store = BookmarkStore.open(app_paths)
    widget = BookmarksPanel(store, jobs=executor)
    qtbot.addWidget(widget)
    [box] = widget.show_store_problems()
    assert "damaged" in box.text() and box.isVisible()
    assert widget.store_problems() == store.messages
    store.close()


def test_unknown_documents_show_their_id(qtbot, store, executor):
    def title_of(doc_id):
        raise KeyError(doc_id)  # e.g. a document removed from the library

    store.add("gone-doc", 1, 0.0, label="Orphan")
    widget = BookmarksPanel(store, title_of=title_of, jobs=executor)
    qtbot.addWidget(widget)
    widget.set_group_by(GROUP_BY_DOCUMENT)
    assert rows(widget.model)[0] == "gone-doc (1)"


def test_humanise_slug():
    assert humanise_slug("aml#what-to-do-about-a-fever") == "What to do about a fever"
    assert humanise_slug("aml") == ""




# --- by keyboard alone (issue 14) ----------------------------------------------------------


def _new_bookmark_editing_its_label(qtbot, panel, reading):
    """Ctrl+D's way in: the focus on *reading* (standing in for the page), a new bookmark whose
    label editor has the keyboard."""
    from PySide6.QtWidgets import QLineEdit

    reading.setFocus()
    qtbot.waitUntil(reading.hasFocus, timeout=3000)
    new = panel.add_bookmark("aml", 4, 10.0, "aml#side-effects", "Side effects", "Sickness",
                             edit_label=True)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and panel.tree.isAncestorOf(editor)
    return new, editor


def test_tab_leaves_the_label_editor_for_the_note_box(qtbot, panel, store):
    # Qt's default sends Tab to the next row's label, so with two bookmarks or more Tab never
    # left the tree (the carer journey found it)
    add_three(panel)
    new, editor = _new_bookmark_editing_its_label(qtbot, panel, panel.filter_edit)
    qtbot.keyClicks(editor, "Sickness plan")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.note_edit, timeout=3000)
    assert store.get(new.id).label == "Sickness plan"
    assert panel.tree.currentIndex().data(Roles.BookmarkIdRole) == new.id
    qtbot.keyClicks(panel.note_edit, "Ask about anti-sickness tablets")
    panel.save_note()
    assert store.get(new.id).note == "Ask about anti-sickness tablets"
    # Shift+Tab goes the other way, and also keeps the label
    panel.select_bookmark(new.id)
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "Sickness")
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: not panel.tree.isAncestorOf(QApplication.focusWidget()),
                    timeout=3000)
    assert QApplication.focusWidget() is not panel.tree
    assert store.get(new.id).label == "Sickness"


def test_enter_keeps_the_label_gives_the_focus_back_and_the_bookmark_stays_current(
        qtbot, panel, store):
    add_three(panel)
    new, editor = _new_bookmark_editing_its_label(qtbot, panel, panel.filter_edit)
    qtbot.keyClicks(editor, "Zz last in the list")  # renamed, so its row moves
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: store.get(new.id).label == "Zz last in the list", timeout=3000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.filter_edit, timeout=3000)
    assert panel.tree.currentIndex().data(Roles.BookmarkIdRole) == new.id
    assert panel.note_edit.isEnabled()  # its note can be written next
    # Escape keeps the old label and also gives the focus back
    newer, editor = _new_bookmark_editing_its_label(qtbot, panel, panel.filter_edit)
    qtbot.keyClicks(editor, "Not this")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.filter_edit, timeout=3000)
    assert store.get(newer.id).label == "Side effects"


def _popup_texts(qtbot):
    from PySide6.QtWidgets import QMenu

    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=3000)
    menu = QApplication.activePopupWidget()
    return menu, [a.text().replace("&", "") for a in menu.actions() if a.text()]


def test_shift_f10_and_the_menu_key_open_the_context_menu_at_the_current_row(qtbot, panel):
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent

    a, _b, _c = add_three(panel)
    panel.select_bookmark(a.id)
    panel.tree.setFocus()
    row = panel.tree.visualRect(panel.tree.currentIndex())
    row_top = panel.tree.viewport().mapToGlobal(row.topLeft())
    qtbot.keyClick(panel.tree, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    menu, texts = _popup_texts(qtbot)
    assert texts[:2] == ["Open", "Rename"] and "Delete" in texts  # a bookmark's menu
    assert abs(menu.pos().y() - row_top.y()) <= 2 * row.height()  # at the row, not the mouse
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=3000)
    # the Menu key: X11 (xcb) turns it into a context-menu event "from the keyboard", with the
    # text cursor's place (for a view, somewhere in the current row)
    panel.select_bookmark(a.id)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(1, 1),
                              panel.tree.mapToGlobal(QPoint(1, 1)))
    QApplication.sendEvent(panel.tree, event)
    menu, texts = _popup_texts(qtbot)
    assert texts[0] == "Open"
    qtbot.keyClick(menu, Qt.Key.Key_Escape)


def test_the_more_button_offers_the_current_rows_actions(qtbot, panel):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QToolButton

    a, _b, _c = add_three(panel)
    panel.move_to_collection([a.id], "For Tuesday")
    more = next(b for b in panel.findChildren(QToolButton)
                if b.accessibleName() == "More bookmark actions")
    seen = {}

    def look_and_close():
        menu, seen["texts"] = _popup_texts(qtbot)
        menu.close()

    for index, expected in ((panel.model.indexes_of(a.id)[0], "Move to collection"),
                            (panel.model.group_index(("collection", "For Tuesday")),
                             "Export collection as PDF…")):
        panel.tree.setCurrentIndex(index)
        QTimer.singleShot(0, look_and_close)
        more.setFocus()
        qtbot.keyClick(more, Qt.Key.Key_Space)  # the button's menu (modal) opens
        qtbot.waitUntil(lambda: "texts" in seen, timeout=3000)
        assert expected in seen.pop("texts")


def test_every_context_menu_entry_has_its_own_mnemonic(qtbot, panel, store):
    from tests.gui.keyboard import mnemonic_problems

    a, b, _c = add_three(panel)
    panel.move_to_collection([b.id], "Tom & Jerry")  # a name's "&" is shown, not a mnemonic
    panel.move_to_collection([a.id], "Appointment")
    panel.reanchor("aml", "new-hash", TextMap.from_lines([(0, 40.0, 52.0, "Other text.")]))
    bookmark_menu = panel.menu_for(panel.model.indexes_of(a.id)[0])
    group_menu = panel.menu_for(panel.model.group_index(("collection", "Appointment")))
    assert mnemonic_problems(bookmark_menu, "bookmark") == []
    assert mnemonic_problems(group_menu, "collection") == []
    move = next(x.menu() for x in bookmark_menu.actions() if x.text() == "&Move to collection")
    assert "Tom && Jerry" in [x.text().replace("&T", "T") for x in move.actions()]
