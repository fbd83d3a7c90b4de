"""Help > Help (F1) and Help > Keyboard shortcuts: a built-in, offline help window.

The keyboard shortcut sheet is made from the window's own menus and actions each time the
window opens (:func:`shortcut_rows`), so it always says what the keys really do.  The rest is
short plain-language help on reading, searching, bookmarks, printing and handouts, and where
the reader keeps its files (from :class:`brochure_reader.paths.AppPaths`).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMenu,
    QMenuBar,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from brochure_reader.paths import AppPaths
from brochure_reader.ui.geometry import fit_to_screen
from brochure_reader.ui.i18n import translate


@dataclass(frozen=True)
class ShortcutRow:
    """One line of the shortcut sheet: the menu it is in, what it does, its keys as shown
    on this system ("Ctrl+Shift+L"), several keys joined by ", "."""

    menu: str
    action: str
    keys: str


def _plain(text: str) -> str:
    """Menu text without its mnemonic marks or trailing dots ("&Print…" -> "Print")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".")


def shortcut_rows(menu_bar: QMenuBar) -> list[ShortcutRow]:
    """Every action with a shortcut reachable from *menu_bar* (submenus included), in menu
    order, each once; then those of the menu bar's window that are in no menu (menu
    "Window")."""
    rows: list[ShortcutRow] = []
    seen: set[int] = set()

    def walk(menu: QMenu, title: str) -> None:
        for action in menu.actions():
            if isinstance(sub := action.menu(), QMenu):
                walk(sub, title)
                continue
            if id(action) in seen or action.isSeparator():
                continue
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
            keys = [k for k in keys if k]
            if keys:
                seen.add(id(action))
                rows.append(ShortcutRow(title, _plain(action.text()), ", ".join(keys)))

    for top in menu_bar.actions():
        if isinstance(sub := top.menu(), QMenu):
            walk(sub, _plain(top.text()))
    window = menu_bar.window()
    if window is not menu_bar:
        outside = QMenu()
        outside.addActions([a for a in QWidget.actions(window) if id(a) not in seen])
        walk(outside, translate("HelpWindow", "Window"))
    return rows


def _other_keys() -> list[tuple[str, str]]:
    return [
        (translate("HelpWindow", "Tab, Shift+Tab"),
         translate("HelpWindow", "Move to the next or previous control")),
        (translate("HelpWindow", "Arrow keys, Home, End, Page Up, Page Down"),
         translate("HelpWindow", "On the start page: move between documents; in a page: "
                   "scroll")),
        (translate("HelpWindow", "Enter"),
         translate("HelpWindow", "Open the document, section or search result that has the "
                   "focus")),
        (translate("HelpWindow", "Alt + underlined letter"),
         translate("HelpWindow", "Open that menu or press that button")),
        (translate("HelpWindow", "Escape"),
         translate("HelpWindow", "Close a dialog or this window")),
    ]


def _topics() -> list[tuple[str, str]]:
    """``(heading, paragraph)`` of the help's topics, in the interface language."""
    return [
        (translate("HelpWindow", "Reading"), translate(
            "HelpWindow",
            "Pick a document on the start page or in the Library list on the left. Move "
            "between its sections in the list, by page with Page Up and Page Down, and "
            "make the page bigger with Ctrl and +. Text view (Ctrl+T) shows the words "
            "without the page layout, at any size, and works well with screen readers. "
            "The reader remembers where you stopped.")),
        (translate("HelpWindow", "Searching"), translate(
            "HelpWindow",
            "Press Ctrl+K and type a few words in your own words, for example “always "
            "tired” or “feeling sick”. Medical words are found for you, and small "
            "spelling mistakes are forgiven. Ctrl+F searches only the document that is "
            "open. Enter opens the best result; the Down arrow moves into the list of "
            "results, where Enter opens the one you choose. F3 goes to the next match.")),
        (translate("HelpWindow", "Bookmarks and notes"), translate(
            "HelpWindow",
            "Ctrl+D bookmarks the selected text, or the top of the page, and lets you "
            "type a name for it. In the Bookmarks panel you can add a note, put "
            "bookmarks in collections, and export them as a file to bring to an "
            "appointment or to import on another computer. Tab goes from a new "
            "bookmark's name to its note. Shift+F10 or the Menu key opens the menu of "
            "the bookmark or collection you are on, as a right click does.")),
        (translate("HelpWindow", "Printing and handouts"), translate(
            "HelpWindow",
            "Ctrl+P prints all pages, the current page, a range or the current section. "
            "Print preview shows every page first. Make a handout (Ctrl+Shift+H) puts "
            "sections of several documents together, in large print if you like, with "
            "a cover note, and saves them as one PDF.")),
    ]


def help_html(menu_bar: QMenuBar, paths: AppPaths | None) -> str:
    """The whole help text as HTML, the shortcut sheet under the anchor ``shortcuts``."""
    esc = html.escape
    title = translate("HelpWindow", "Brochure Reader help")
    offline = translate("HelpWindow", "This help is part of the app: it works without the "
                        "internet.")
    parts = [f"<h1>{esc(title)}</h1>", f"<p>{esc(offline)}</p>"]
    for heading, text in _topics():
        parts.append(f"<h2>{esc(heading)}</h2><p>{esc(text)}</p>")
    shortcuts = translate("HelpWindow", "Keyboard shortcuts")
    keys, does, menu = (translate("HelpWindow", "Keys"), translate("HelpWindow", "Does"),
                        translate("HelpWindow", "Menu"))
    parts += [f"<h2><a name='shortcuts'></a>{esc(shortcuts)}</h2>",
              "<table cellpadding='3' border='0'>",
              f"<tr><th align='left'>{esc(keys)}</th><th align='left'>{esc(does)}</th>"
              f"<th align='left'>{esc(menu)}</th></tr>"]
    for row in shortcut_rows(menu_bar):
        parts.append(f"<tr><td><b>{esc(row.keys)}</b></td><td>{esc(row.action)}</td>"
                     f"<td>{esc(row.menu)}</td></tr>")
    parts.append("</table>")
    other = translate("HelpWindow", "Other keys")
    parts.append(f"<h3>{esc(other)}</h3><table cellpadding='3' border='0'>")
    for keys, does in _other_keys():
        parts.append(f"<tr><td><b>{esc(keys)}</b></td><td>{esc(does)}</td></tr>")
    parts.append("</table>")
    if paths is not None:
        kept = translate("HelpWindow", "Where your things are kept")
        parts.append(f"<h2>{esc(kept)}</h2><ul>")
        for label, where in (
            (translate("HelpWindow", "Bookmarks, notes and documents you added"), paths.data),
            (translate("HelpWindow", "Settings"), paths.settings_file),
            (translate("HelpWindow", "Search index (made again if deleted)"), paths.cache),
        ):
            line = translate("HelpWindow", "{label}: {folder}").format(
                label=esc(label), folder=f"<code>{esc(str(where))}</code>")
            parts.append(f"<li>{line}</li>")
        private = translate("HelpWindow", "Nothing is sent anywhere. Passwords of protected "
                            "files are never saved.")
        parts.append(f"</ul><p>{esc(private)}</p>")
    care = translate("HelpWindow", "This app does not replace your care team. If you feel very "
                     "unwell, contact them or the emergency services straight away.")
    parts.append(f"<p>{esc(care)}</p>")
    return "".join(parts)


class HelpWindow(QDialog):
    """The help text in a read-only browser the keyboard can scroll (the focus starts in it),
    with a Close button; not modal, so the reader can try what it says."""

    def __init__(self, menu_bar: QMenuBar, paths: AppPaths | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Brochure Reader help"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName(self.tr("Help text"))
        self.browser.setHtml(help_html(menu_bar, paths))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        fit_to_screen(self, 760, 720)

    def show_part(self, anchor: str = "") -> None:
        """Show the window, scrolled to *anchor* ("shortcuts") or the top."""
        self.show()
        self.raise_()
        self.activateWindow()
        if anchor:
            self.browser.scrollToAnchor(anchor)
        else:
            self.browser.verticalScrollBar().setValue(0)
        self.browser.setFocus(Qt.FocusReason.OtherFocusReason)

