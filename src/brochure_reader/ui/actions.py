"""Every window action in one place: created, named, given shortcuts, grouped and enabled
here (after qpageview's viewactions.py); MainWindow connects them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from brochure_reader.ui.i18n import translate


class Actions:
    """Holds the QActions of the main window as attributes (``actions.zoom_in`` …)."""

    def __init__(self, window: QWidget):
        def make(name: str, text: str, *shortcuts, tip: str = "") -> QAction:
            action = QAction(text, window)
            action.setObjectName(name)
            keys = [QKeySequence(s) if not isinstance(s, QKeySequence) else s for s in shortcuts]
            if keys:
                action.setShortcuts(keys)
            if tip:
                action.setToolTip(tip)
                action.setStatusTip(tip)
            window.addAction(action)
            return action

        self.add_to_library = make(
            "add_to_library",
            translate("Actions", "&Add to library…"),
            QKeySequence.StandardKey.Open,
            tip=translate("Actions", "Copy a PDF or e-book into your library"),
        )
        self.remove_from_library = make(
            "remove_from_library",
            translate("Actions", "&Remove from library"),
            tip=translate("Actions", "Remove a document you added"),
        )
        self.print = make(
            "print",
            translate("Actions", "&Print…"),
            QKeySequence.StandardKey.Print,
            tip=translate("Actions", "Print this document (Ctrl+P)"),
        )
        self.print_preview = make(
            "print_preview", translate("Actions", "Print pre&view…"), "Ctrl+Shift+P"
        )
        self.export_pdf = make(
            "export_pdf",
            translate("Actions", "&Export as PDF…"),
            "Ctrl+Shift+E",
            tip=translate("Actions", "Save pages of this document as a PDF"),
        )
        self.make_handout = make(
            "make_handout",
            translate("Actions", "Make a &handout…"),
            "Ctrl+Shift+H",
            tip=translate("Actions", "Put sections of several documents together for a patient"),
        )
        self.quit = make("quit", translate("Actions", "&Quit"), QKeySequence.StandardKey.Quit)
        self.home = make(
            "home",
            translate("Actions", "&Home"),
            "Alt+Home",
            tip=translate("Actions", "Back to the start page"),
        )
        self.back = make(
            "back",
            translate("Actions", "&Back"),
            QKeySequence.StandardKey.Back,
            tip=translate("Actions", "Go back (Alt+Left)"),
        )
        self.forward = make(
            "forward",
            translate("Actions", "&Forward"),
            QKeySequence.StandardKey.Forward,
            tip=translate("Actions", "Go forward (Alt+Right)"),
        )
        self.zoom_in = make(
            "zoom_in",
            translate("Actions", "Zoom &in"),
            QKeySequence.StandardKey.ZoomIn,
            "Ctrl+=",
            tip=translate("Actions", "Bigger (Ctrl +)"),
        )
        self.zoom_out = make(
            "zoom_out",
            translate("Actions", "Zoom &out"),
            QKeySequence.StandardKey.ZoomOut,
            tip=translate("Actions", "Smaller (Ctrl -)"),
        )
        self.fit_width = make(
            "fit_width",
            translate("Actions", "Fit &width"),
            "Ctrl+0",
            tip=translate("Actions", "Page as wide as the window (Ctrl 0)"),
        )
        self.fit_page = make(
            "fit_page",
            translate("Actions", "Fit &page"),
            "Ctrl+9",
            tip=translate("Actions", "Whole page in the window"),
        )
        self.next_page = make("next_page", translate("Actions", "&Next page"), "Ctrl+PgDown")
        self.previous_page = make(
            "previous_page", translate("Actions", "&Previous page"), "Ctrl+PgUp"
        )
        self.copy = make("copy", translate("Actions", "&Copy"), QKeySequence.StandardKey.Copy)
        self.add_bookmark = make(
            "add_bookmark",
            translate("Actions", "&Bookmark this place"),
            "Ctrl+D",
            tip=translate("Actions", "Bookmark the selected text, or the top of the page (Ctrl+D)"),
        )
        self.add_questions = make(
            "add_questions",
            translate("Actions", "Add this document's &questions to My questions"),
            tip=translate(
                "Actions", "Copy the 'Questions to ask your care team' lists into My questions"
            ),
        )
        self.search = make(
            "search",
            translate("Actions", "&Search the library"),
            "Ctrl+K",
            "Ctrl+Shift+F",
            tip=translate("Actions", "Search every document (Ctrl+K)"),
        )
        self.find = make(
            "find",
            translate("Actions", "&Find in this document"),
            QKeySequence.StandardKey.Find,
            tip=translate("Actions", "Search the open document (Ctrl+F)"),
        )
        self.next_hit = make(
            "next_hit", translate("Actions", "Next &match"), QKeySequence.StandardKey.FindNext
        )
        self.previous_hit = make(
            "previous_hit",
            translate("Actions", "Previous matc&h"),
            QKeySequence.StandardKey.FindPrevious,
        )
        self.larger_text = make(
            "larger_text",
            translate("Actions", "&Larger text"),
            "Ctrl+Shift+L",  # not Ctrl+Shift+=: on most keyboards that is Ctrl + (zoom in)
            tip=translate(
                "Actions",
                "Bigger text in menus, lists and the start page (Ctrl+Shift+L; pages zoom "
                "with Ctrl +)",
            ),
        )
        self.text_view = make(
            "text_view",
            translate("Actions", "&Text view"),
            "Ctrl+T",
            tip=translate(
                "Actions",
                "Show the document as text that reflows to the window and that screen readers "
                "read (Ctrl+T switches back)",
            ),
        )
        self.text_view.setIconText(translate("Actions", "Text view"))
        self.page_view = make(
            "page_view",
            translate("Actions", "Pa&ge view"),
            tip=translate("Actions", "Show the document's pages (Ctrl+T)"),
        )
        self.read_aloud = make(
            "read_aloud",
            translate("Actions", "&Read aloud"),
            "Ctrl+Shift+R",
            tip=translate(
                "Actions",
                "Read the text aloud from where you are, sentence by sentence (Ctrl+Shift+R "
                "pauses and goes on)",
            ),
        )
        self.read_aloud.setIconText(translate("Actions", "Read aloud"))
        self.stop_reading = make(
            "stop_reading",
            translate("Actions", "&Stop reading aloud"),
            "Ctrl+Shift+S",
            tip=translate("Actions", "Stop reading aloud (Ctrl+Shift+S)"),
        )
        self.stop_reading.setIconText(translate("Actions", "Stop"))
        self.stop_reading.setEnabled(False)  # while nothing is read aloud
        self.preferences = make(
            "preferences",
            translate("Actions", "Pre&ferences…"),
            "Ctrl+,",
            tip=translate("Actions", "Theme, page colours, text size"),
        )
        self.help = make(
            "help",
            translate("Actions", "&Help"),
            QKeySequence.StandardKey.HelpContents,
            tip=translate("Actions", "How to read, search, bookmark and print (F1)"),
        )
        self.keyboard_shortcuts = make(
            "keyboard_shortcuts",
            translate("Actions", "&Keyboard shortcuts"),
            tip=translate("Actions", "Every key the reader answers to"),
        )
        self.about = make("about", translate("Actions", "&About Brochure Reader"))
        for action in (
            self.fit_width,
            self.fit_page,
            self.larger_text,
            self.text_view,
            self.page_view,
        ):
            action.setCheckable(True)
        # Exclusive choices.  ExclusiveOptional: Ctrl+T on the checked Text view unchecks it
        # (back to the page view), and a zoom of the reader's own (Ctrl +) checks no fit.
        self.view_group = self._group(window, self.page_view, self.text_view)
        self.zoom_group = self._group(window, self.fit_width, self.fit_page)
        #: Shown only while a document is (the page and zoom controls, printing, bookmarks).
        self.reading = (
            self.zoom_in,
            self.zoom_out,
            self.fit_width,
            self.fit_page,
            self.next_page,
            self.previous_page,
            self.back,
            self.forward,
            self.add_bookmark,
            self.add_questions,
            self.read_aloud,
            self.print,
            self.print_preview,
            self.export_pdf,
        )
        self.language: dict[str, QAction] = {}  # View > Language, by code (add_language_menu)
        self.language_group: QActionGroup | None = None

    @staticmethod
    def _group(parent: QWidget, *actions: QAction) -> QActionGroup:
        group = QActionGroup(parent)
        group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        for action in actions:
            group.addAction(action)
        return group

    def set_reading_enabled(self, enabled: bool) -> None:
        """Enable :attr:`reading`'s actions while a document is shown, disable them at home."""
        for action in self.reading:
            action.setEnabled(enabled)

    def show_mode(self, mode: str, has_document: bool) -> None:
        """Check Page view or Text view for *mode* ("page" | "text"); the fits only apply to
        pages of an open document."""
        self.text_view.setChecked(mode == "text")
        self.page_view.setChecked(mode == "page")
        for action in (self.fit_width, self.fit_page):
            action.setEnabled(mode == "page" and has_document)

    def show_zoom_mode(self, mode: str) -> None:
        """Check the fit matching the page view's *mode* ("fit-width" | "fit-page"; anything
        else, e.g. "custom", checks neither)."""
        self.fit_width.setChecked(mode == "fit-width")
        self.fit_page.setChecked(mode == "fit-page")

    def add_language_menu(
        self, view_menu: QMenu, chosen: str, choose: Callable[[str], None]
    ) -> QMenu:
        """View > Language: the system's (code "system"), or one of ``i18n.LANGUAGES`` named
        in its own language, one checkable action each (``language_CODE``) in an exclusive
        group; *chosen* is checked and *choose(code)* is called when one is triggered.
        Returns the submenu (``language_menu``)."""
        from brochure_reader.i18n import LANGUAGES

        menu = view_menu.addMenu(translate("MainWindow", "Lang&uage"))
        menu.setObjectName("language_menu")
        self.language_group = group = QActionGroup(menu)
        system = translate("MainWindow", "System language")
        for code, name in [("system", system), *LANGUAGES.items()]:
            action = menu.addAction(name)
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            action.setChecked(code == chosen)
            group.addAction(action)
            self.language[code] = action
            action.triggered.connect(lambda _checked=False, code=code: choose(code))
        return menu
