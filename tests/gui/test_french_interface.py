"""The interface in French: every window and dialog opened with the French catalogues shows
no English string that is not a proper name or a document's own text (issue 17)."""

from __future__ import annotations

import pytest

from tests.gui.conftest import make_window
from tests.gui.french import english_left, english_lines, widget_texts
from tests.gui.test_search_panel import bundled_index_path

__all__ = ["bundled_index_path"]


@pytest.fixture
def french(qapp):
    from brochure_reader.i18n import Locale
    from brochure_reader.ui.i18n import install, uninstall

    translators = install(qapp, Locale("fr", "FR"))
    assert len(translators) == 2, "French catalogues not built (packaging/translations.py build)"
    yield
    uninstall(qapp, translators)


def library_texts(library) -> set[str]:
    """The documents' own words (titles, summaries, pack titles): not interface text."""
    from tests.gui.french import normalise

    texts = set()
    for pack in library.packs:
        texts.add(pack.title)
        for doc in pack.documents:
            texts.update({doc.title, doc.summary or ""})
    return {normalise(t) for t in texts if t and len(t) > 3}


@pytest.fixture
def french_window(french, qtbot, app_paths):
    from brochure_reader.library import Library

    library = Library.load(app_paths)
    win = make_window(qtbot, app_paths, library)
    qtbot.waitUntil(lambda: win.features_ready, timeout=20000)
    yield win
    win.service.shutdown()


def test_main_window_menus_and_home_view_are_french(french_window, qtbot):
    win = french_window
    titles = [m.title() for m in win.menuBar().findChildren(type(win.language_menu))
              if m.title()]  # fmt: skip
    assert "&Fichier" in titles and "&Affichage" in titles
    assert win.window_actions.make_handout.text() == "Préparer une &fiche patient…"
    texts = [text for _where, text in widget_texts(win.home)]
    assert "Bienvenue dans Brochure Reader" in texts
    assert "Vie pratique" in texts  # a category title (the core's gettext catalogue)
    content = library_texts(win.library)
    left = [
        line
        for part in (win.menuBar(), win.home, win.reading_toolbar, win.nav_dock,
                     win.search_dock, win.bookmarks_dock)
        for line in english_left(part, content)
    ]
    assert not left, "English left in the French main window:\n" + "\n".join(left)

    with qtbot.waitSignal(win.reader.document_opened, timeout=30000):
        win.reader.open("acute-myeloid-leukaemia", 3, 0.0)
    qtbot.waitUntil(lambda: win.page_total.text().strip().startswith("sur "), timeout=10000)
    left = english_left(win.reading_toolbar, content) + english_left(win.statusBar(), content)
    assert not left, "English left while reading:\n" + "\n".join(left)


def test_the_checker_finds_english(qtbot, app_paths):
    """Without the French catalogues the same window is reported (the check can fail)."""
    from brochure_reader.library import Library

    library = Library.load(app_paths)
    win = make_window(qtbot, app_paths, library)
    try:
        left = english_left(win, library_texts(library))
        assert any("Add to library" in line for line in left)
        assert any("Welcome to Brochure Reader" in line for line in left)
    finally:
        win.service.shutdown()


def _help_window(win, qtbot, part=""):
    win.show_help(part)
    qtbot.waitUntil(lambda: win.help_window is not None and win.help_window.isVisible(),
                    timeout=5000)  # fmt: skip
    return win.help_window


def test_help_window_and_shortcut_sheet_in_french(french_window, qtbot):
    win = french_window
    help_window = _help_window(win, qtbot, "shortcuts")
    text = help_window.browser.toPlainText()
    for expected in ("Aide de Brochure Reader", "Lire", "Chercher", "Raccourcis clavier",
                     "Autres touches", "Maj+Tab", "Où sont gardées vos données",
                     "ne remplace pas votre équipe soignante"):
        assert expected in text, expected
    assert "Aperçu avant impression" in text  # a shortcut row: the French action's name
    content = library_texts(win.library)
    left = english_lines(text, content) + english_left(help_window, content)
    assert not left, "English left in the French help:\n" + "\n".join(left)


def test_the_help_checker_finds_english(qtbot, app_paths):
    from brochure_reader.library import Library

    library = Library.load(app_paths)
    win = make_window(qtbot, app_paths, library)
    try:
        text = _help_window(win, qtbot).browser.toPlainText()
        assert any("Keyboard shortcuts" in line for line in english_lines(text)) or \
            any("works without the internet" in line for line in english_lines(text))
        assert len(english_lines(text)) > 10
    finally:
        win.service.shutdown()


def test_language_menu_remembers_the_choice(french_window):
    win = french_window
    assert win.language_menu.findChild(type(win.window_actions.quit), "language_system").isChecked()
    win.language_menu.findChild(type(win.window_actions.quit), "language_fr").trigger()
    assert win.settings.get("language") == "fr"
    assert "prochain démarrage" in win.statusBar().currentMessage()


def _search(qtbot, panel, text):
    panel.field.clear()
    qtbot.keyClicks(panel.field, text)
    qtbot.waitUntil(lambda: panel.result() is not None and panel.result().query == text,
                    timeout=5000)  # fmt: skip
    return panel.notes.text()


@pytest.fixture
def bundled_panel(qtbot, bundled_index_path):
    from brochure_reader.ui.search_panel import SearchPanel

    panel = SearchPanel(bundled_index_path, debounce_ms=10)
    qtbot.addWidget(panel)
    panel.show()
    yield panel
    panel.shutdown()


def test_search_messages_and_plurals_in_french(french, qtbot, bundled_panel):
    notes = _search(qtbot, bundled_panel, "ascites")
    assert "Aucune brochure ne traite encore de ce sujet." in notes
    assert "équipe soignante" in notes
    notes = _search(qtbot, bundled_panel, "fever")
    hits, docs = bundled_panel.model.hit_count(), bundled_panel.model.document_count()
    assert hits > 1 and docs > 1
    assert f"{hits} résultats dans {docs} documents" in notes
    assert not english_left(bundled_panel), english_left(bundled_panel)


def test_english_plurals_come_from_the_english_catalogue(qapp, qtbot, bundled_panel):
    from brochure_reader.i18n import Locale
    from brochure_reader.ui.i18n import install, uninstall

    translators = install(qapp, Locale("en", "GB"))
    try:
        notes = _search(qtbot, bundled_panel, "fever")
        hits, docs = bundled_panel.model.hit_count(), bundled_panel.model.document_count()
        assert f"{hits} results in {docs} documents" in notes
        assert "(s)" not in notes
    finally:
        uninstall(qapp, translators)


# --- dialogs --------------------------------------------------------------------------------


def test_handout_builder_in_french(french, qtbot, app_paths, service):
    from brochure_reader.settings import Settings
    from brochure_reader.ui.handout_dialog import HandoutDialog
    from tests.handout_pack import make_library

    library = make_library(app_paths)
    dialog = HandoutDialog(None, library, {}, Settings(app_paths.settings_file), service)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: bool(dialog.page_counts), timeout=30000)
    assert dialog.windowTitle() == "Préparer une fiche patient"
    assert "décembre" in dialog.date_edit.text() or dialog.date_edit.date().month() != 12
    left = english_left(dialog, library_texts(library) | section_texts(dialog))
    assert not left, "English left in the handout builder:\n" + "\n".join(left)


def section_texts(dialog) -> set[str]:
    """Titles of the documents' sections shown in the handout builder's tree (content)."""
    from tests.gui.french import normalise

    return {normalise(s.title) for sections in dialog.sections.values()
            for s in _walk(sections) if len(s.title) > 3}  # fmt: skip


def _walk(sections):
    for s in sections:
        yield s
        yield from _walk(s.children)


def test_print_preview_page_choice_about_and_preferences_in_french(
    french, qtbot, app_paths, service
):
    from PySide6.QtWidgets import QApplication

    from brochure_reader.ui.about_dialog import AboutDialog
    from brochure_reader.ui.printing import PageChoiceDialog, PrintJob, PrintPreview
    from tests.handout_pack import make_library

    library = make_library(app_paths)
    doc = library.get("acute-myeloid-leukaemia")
    from brochure_reader.pdf import jobs as pdf_jobs

    info = service.workers.submit(pdf_jobs.document_info, str(doc.path), None).result(120)
    job = PrintJob(service, doc.path, info.sizes, title=doc.title)
    dialogs = [
        PrintPreview(job),
        PageChoiceDialog(None, 12, 2, [(3, 5)], "Treatment"),
        AboutDialog(library),
    ]
    win = make_window(qtbot, app_paths, library)
    try:
        win.show_preferences()
        dialogs.append(win.preferences_dialog)
        content = library_texts(library) | {"Treatment", doc.title}
        left = []
        for dialog in dialogs:
            qtbot.addWidget(dialog) if dialog.parent() is None else None
            dialog.show()
            QApplication.processEvents()
            left += english_left(dialog, content)
        assert not left, "English left in the dialogs:\n" + "\n".join(left)
        assert dialogs[0].page_label.text().startswith("Page\u00a01 sur")
        assert dialogs[1].windowTitle() == "Exporter en PDF"
        assert dialogs[2].windowTitle() == "À propos de Brochure Reader"
    finally:
        win.service.shutdown()


def test_qt_print_dialog_is_french_and_paper_follows_the_locale(french, qtbot):
    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from brochure_reader import i18n
    from brochure_reader.ui.printing import set_default_paper

    printer = QPrinter()
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = {t.replace("&", "") for _w, t in widget_texts(dialog)}
    assert {"Imprimer", "Annuler"} <= texts, texts  # Qt's own strings: qtbase_fr.qm
    i18n.install(i18n.Locale("fr", "CA"))
    fresh = QPrinter()
    fresh.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # no system printer to ask
    set_default_paper(fresh)
    assert fresh.pageLayout().pageSize().id() == QPageSize.PageSizeId.Letter
    i18n.install(i18n.Locale("fr", "FR"))
    set_default_paper(fresh)
    assert fresh.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4


def test_french_menus_have_their_own_mnemonics(french_window):
    """The translator's "&" choices: no two entries of one French menu share a letter (the
    menu bar, and a bookmark's and a collection's context menus)."""
    from tests.gui.keyboard import in_every_read_aloud_state, mnemonic_problems

    panel = french_window.bookmarks
    mark = panel.add_bookmark("acute-myeloid-leukaemia", 0, 0.0, section_title="Fièvre")
    panel.move_to_collection([mark.id], "Rendez-vous")
    for state in in_every_read_aloud_state(french_window):
        assert mnemonic_problems(french_window.menuBar()) == [], state
    assert mnemonic_problems(panel.menu_for(panel.model.indexes_of(mark.id)[0])) == []
    group = panel.model.group_index(("collection", "Rendez-vous"))
    assert mnemonic_problems(panel.menu_for(group)) == []
