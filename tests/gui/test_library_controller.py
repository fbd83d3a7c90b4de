"""The library controller (ui/library_controller.py): adding a real file, refusing a wrong one,
removing what the user added, and the start page's "continue reading" notes."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from brochure_reader.files import SUPPORTED_SUFFIXES
from brochure_reader.ui.library_controller import DOCUMENT_PATTERNS

ADDED = "pdfjs__spacing-soft-hyphen.pdf"


def test_the_file_filter_offers_every_supported_format():
    assert DOCUMENT_PATTERNS.split() == [f"*{suffix}" for suffix in SUPPORTED_SUFFIXES]


def test_adding_a_file_opens_it_and_removing_it_goes_home(qtbot, window, corpus, monkeypatch):
    library = window.library_controller
    messages = []
    library.message.connect(messages.append)
    with (
        qtbot.waitSignal(library.added, timeout=60000),
        qtbot.waitSignal(window.reader.document_opened, timeout=60000),
    ):
        library.import_files([corpus / ADDED])
    doc = window.reader.current
    assert doc is not None and doc.removable and doc.id in window.library
    assert messages == [f"Added {ADDED} to your library (under My documents)"]
    assert window.nav_model.document_index(doc.id).isValid()  # the tree shows it

    asked = []

    def answer(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    tree = window.nav_model
    qtbot.waitUntil(lambda: tree.rowCount(tree.document_index("geotopo")) > 0, timeout=60000)
    sections = tree.rowCount(tree.document_index("geotopo"))
    with qtbot.waitSignal(library.removed, timeout=5000):
        window.window_actions.remove_from_library.trigger()
    assert len(asked) == 1 and doc.title in asked[0]
    assert doc.id not in window.library and window.reader.current is None
    assert window.stack.currentWidget() is window.home
    assert doc.id not in {card.doc_id for card in window.home.cards}
    assert not tree.document_index(doc.id).isValid()
    # the other documents keep their sections in the tree (all were lost until a restart)
    assert tree.rowCount(tree.document_index("geotopo")) == sections
    assert (corpus / ADDED).exists()  # the original file is never touched


def test_adding_the_same_file_twice_says_it_is_there(qtbot, window, corpus):
    library = window.library_controller
    with qtbot.waitSignal(window.reader.document_opened, timeout=60000):
        library.import_files([corpus / ADDED])
    window.show_home()
    messages = []
    library.message.connect(messages.append)
    with qtbot.waitSignal(library.message, timeout=60000):
        library.import_files([corpus / ADDED])
    assert messages == [f"{ADDED} is already in your library"]
    assert window.reader.current is not None and window.reader.current.id in window.library


def test_a_wrong_file_is_refused_with_a_message_and_nothing_added(
    qtbot, window, tmp_path, monkeypatch
):
    wrong = tmp_path / "notes.pdf"
    wrong.write_text("these are not the pages of a PDF", encoding="utf-8")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: warnings.append(text))
    before = sorted(doc.id for doc in window.library.documents())
    window.library_controller.import_files([wrong])
    qtbot.waitUntil(lambda: bool(warnings), timeout=60000)
    assert "notes.pdf" in warnings[0]
    assert sorted(doc.id for doc in window.library.documents()) == before
    assert window.stack.currentWidget() is window.home


def test_a_bundled_document_cannot_be_removed(window, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: said.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    window.library_controller.remove("acute-myeloid-leukaemia")  # from the bundled pack
    assert said == ["Open a document you added yourself to remove it."]
    assert "acute-myeloid-leukaemia" in window.library


def test_continue_notes_name_the_page_people_see_and_the_section(qtbot, window):
    with qtbot.waitSignal(window.reader.document_opened, timeout=30000):
        window.reader.open("labels", 3, 0.0)
    window.show_home()
    notes = window.library_controller.continue_notes()
    assert notes["labels"].startswith("page 4")  # page 3 counted from 0
    assert set(notes) <= set(window.settings.get("recent_documents")[:4])
