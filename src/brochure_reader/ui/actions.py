"""Every window action in one place: created, named, given shortcuts and connected here
(after qpageview's viewactions.py)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

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
            setattr(self, name, action)
            return action

        make(
            "add_to_library",
            translate("Actions", "&Add to library…"),
            QKeySequence.Open,
            tip=translate("Actions", "Copy a PDF or e-book into your library"),
        )
        make(
            "remove_from_library",
            translate("Actions", "&Remove from library"),
            tip=translate("Actions", "Remove a document you added"),
        )
        make(
            "print",
            translate("Actions", "&Print…"),
            QKeySequence.Print,
            tip=translate("Actions", "Print this document (Ctrl+P)"),
        )
        make("print_preview", translate("Actions", "Print pre&view…"), "Ctrl+Shift+P")
        make(
            "export_pdf",
            translate("Actions", "&Export as PDF…"),
            "Ctrl+Shift+E",
            tip=translate("Actions", "Save pages of this document as a PDF"),
        )
        make(
            "make_handout",
            translate("Actions", "Make a &handout…"),
            "Ctrl+Shift+H",
            tip=translate("Actions", "Put sections of several documents together for a patient"),
        )
        make("quit", translate("Actions", "&Quit"), QKeySequence.Quit)
        make(
            "home",
            translate("Actions", "&Home"),
            "Alt+Home",
            tip=translate("Actions", "Back to the start page"),
        )
        make(
            "back",
            translate("Actions", "&Back"),
            QKeySequence.Back,
            tip=translate("Actions", "Go back (Alt+Left)"),
        )
        make(
            "forward",
            translate("Actions", "&Forward"),
            QKeySequence.Forward,
            tip=translate("Actions", "Go forward (Alt+Right)"),
        )
        make(
            "zoom_in",
            translate("Actions", "Zoom &in"),
            QKeySequence.ZoomIn,
            "Ctrl+=",
            tip=translate("Actions", "Bigger (Ctrl +)"),
        )
        make(
            "zoom_out",
            translate("Actions", "Zoom &out"),
            QKeySequence.ZoomOut,
            tip=translate("Actions", "Smaller (Ctrl -)"),
        )
        make(
            "fit_width",
            translate("Actions", "Fit &width"),
            "Ctrl+0",
            tip=translate("Actions", "Page as wide as the window (Ctrl 0)"),
        )
        make(
            "fit_page",
            translate("Actions", "Fit &page"),
            "Ctrl+9",
            tip=translate("Actions", "Whole page in the window"),
        )
        make("next_page", translate("Actions", "&Next page"), "Ctrl+PgDown")
        make("previous_page", translate("Actions", "&Previous page"), "Ctrl+PgUp")
        make("copy", translate("Actions", "&Copy"), QKeySequence.Copy)
        make(
            "add_bookmark",
            translate("Actions", "&Bookmark this place"),
            "Ctrl+D",
            tip=translate("Actions", "Bookmark the selected text, or the top of the page (Ctrl+D)"),
        )
        make(
            "add_questions",
            translate("Actions", "Add this document's &questions to My questions"),
            tip=translate(
                "Actions", "Copy the 'Questions to ask your care team' lists into My questions"
            ),
        )
        make(
            "search",
            translate("Actions", "&Search the library"),
            "Ctrl+K",
            "Ctrl+Shift+F",
            tip=translate("Actions", "Search every document (Ctrl+K)"),
        )
        make(
            "find",
            translate("Actions", "&Find in this document"),
            QKeySequence.Find,
            tip=translate("Actions", "Search the open document (Ctrl+F)"),
        )
        make("next_hit", translate("Actions", "Next &match"), QKeySequence.FindNext)
        make("previous_hit", translate("Actions", "Previous matc&h"), QKeySequence.FindPrevious)
        make(
            "larger_text",
            translate("Actions", "&Larger text"),
            "Ctrl+Shift+L",  # not Ctrl+Shift+=: on most keyboards that is Ctrl + (zoom in)
            tip=translate(
                "Actions",
                "Bigger text in menus, lists and the start page (Ctrl+Shift+L; pages zoom "
                "with Ctrl +)",
            ),
        )
        make(
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
        make(
            "page_view",
            translate("Actions", "Pa&ge view"),
            tip=translate("Actions", "Show the document's pages (Ctrl+T)"),
        )
        make(
            "preferences",
            translate("Actions", "Pre&ferences…"),
            "Ctrl+,",
            tip=translate("Actions", "Theme, page colours, text size"),
        )
        make(
            "help",
            translate("Actions", "&Help"),
            QKeySequence.HelpContents,
            tip=translate("Actions", "How to read, search, bookmark and print (F1)"),
        )
        make(
            "keyboard_shortcuts",
            translate("Actions", "&Keyboard shortcuts"),
            tip=translate("Actions", "Every key the reader answers to"),
        )
        make("about", translate("Actions", "&About Brochure Reader"))
        for name in ("fit_width", "fit_page", "larger_text", "text_view", "page_view"):
            getattr(self, name).setCheckable(True)
