"""Every window action in one place: created, named, given shortcuts and connected here
(after qpageview's viewactions.py)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


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
            "&Add to library…",
            QKeySequence.Open,
            tip="Copy a PDF or e-book into your library",
        )
        make("remove_from_library", "&Remove from library", tip="Remove a document you added")
        make("print", "&Print…", QKeySequence.Print, tip="Print this document (Ctrl+P)")
        make("print_preview", "Print pre&view…", "Ctrl+Shift+P")
        make(
            "export_pdf",
            "&Export as PDF…",
            "Ctrl+Shift+E",
            tip="Save pages of this document as a PDF",
        )
        make(
            "make_handout",
            "Make a &handout…",
            "Ctrl+Shift+H",
            tip="Put sections of several documents together for a patient",
        )
        make("quit", "&Quit", QKeySequence.Quit)
        make("home", "&Home", "Alt+Home", tip="Back to the start page")
        make("back", "&Back", QKeySequence.Back, tip="Go back (Alt+Left)")
        make("forward", "&Forward", QKeySequence.Forward, tip="Go forward (Alt+Right)")
        make("zoom_in", "Zoom &in", QKeySequence.ZoomIn, "Ctrl+=", tip="Bigger (Ctrl +)")
        make("zoom_out", "Zoom &out", QKeySequence.ZoomOut, tip="Smaller (Ctrl -)")
        make("fit_width", "Fit &width", "Ctrl+0", tip="Page as wide as the window (Ctrl 0)")
        make("fit_page", "Fit &page", "Ctrl+9", tip="Whole page in the window")
        make("next_page", "&Next page", "Ctrl+PgDown")
        make("previous_page", "&Previous page", "Ctrl+PgUp")
        make("copy", "&Copy", QKeySequence.Copy)
        make(
            "add_bookmark",
            "&Bookmark this place",
            "Ctrl+D",
            tip="Bookmark the selected text, or the top of the page (Ctrl+D)",
        )
        make(
            "add_questions",
            "Add this document's &questions to My questions",
            tip="Copy the 'Questions to ask your care team' lists into My questions",
        )
        make(
            "search",
            "&Search the library",
            "Ctrl+K",
            "Ctrl+Shift+F",
            tip="Search every document (Ctrl+K)",
        )
        make(
            "find",
            "&Find in this document",
            QKeySequence.Find,
            tip="Search the open document (Ctrl+F)",
        )
        make("next_hit", "Next &match", QKeySequence.FindNext)
        make("previous_hit", "Previous matc&h", QKeySequence.FindPrevious)
        make(
            "larger_text",
            "&Larger text",
            "Ctrl+Shift+L",  # not Ctrl+Shift+=: on most keyboards that is Ctrl + (zoom in)
            tip="Bigger text in menus, lists and the start page (Ctrl+Shift+L; pages zoom "
            "with Ctrl +)",
        )
        make(
            "text_view",
            "&Text view",
            "Ctrl+T",
            tip="Show the document as text that reflows to the window and that screen readers "
            "read (Ctrl+T switches back)",
        )
        self.text_view.setIconText("Text view")
        make("page_view", "Pa&ge view", tip="Show the document's pages (Ctrl+T)")
        make("preferences", "Pre&ferences…", "Ctrl+,", tip="Theme, page colours, text size")
        make("about", "&About Brochure Reader")
        for name in ("fit_width", "fit_page", "larger_text", "text_view", "page_view"):
            getattr(self, name).setCheckable(True)
