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
    t = lambda s: translate("HelpWindow", s)  # noqa: E731
    return [
        (t("Tab, Shift+Tab"), t("Move to the next or previous control")),
        (t("Arrow keys, Home, End, Page Up, Page Down"),
         t("On the start page: move between documents; in a page: scroll")),
        (t("Enter"), t("Open the document, section or search result that has the focus")),
        (t("Alt + underlined letter"), t("Open that menu or press that button")),
        (t("Escape"), t("Close a dialog or this window")),
    ]


def help_html(menu_bar: QMenuBar, paths: AppPaths | None) -> str:
    """The whole help text as HTML, the shortcut sheet under the anchor ``shortcuts``."""
    t = lambda s: translate("HelpWindow", s)  # noqa: E731
    esc = html.escape
    parts = [f"<h1>{esc(t('Brochure Reader help'))}</h1>",
             "<p>" + esc(t("This help is part of the app: it works without the internet."))
             + "</p>",
             f"<h2>{esc(t('Reading'))}</h2>",
             "<p>" + esc(t(
                 "Pick a document on the start page or in the Library list on the left. Move "
                 "between its sections in the list, by page with Page Up and Page Down, and "
                 "make the page bigger with Ctrl and +. Text view (Ctrl+T) shows the words "
                 "without the page layout, at any size, and works well with screen readers. "
                 "The reader remembers where you stopped.")) + "</p>",
             f"<h2>{esc(t('Searching'))}</h2>",
             "<p>" + esc(t(
                 "Press Ctrl+K and type a few words in your own words, for example “always "
                 "tired” or “feeling sick”. Medical words are found for you, and small "
                 "spelling mistakes are forgiven. Ctrl+F searches only the document that is "
                 "open. Enter opens the best result; the Down arrow moves into the list of "
                 "results, where Enter opens the one you choose. F3 goes to the next match."))
             + "</p>",
             f"<h2>{esc(t('Bookmarks and notes'))}</h2>",
             "<p>" + esc(t(
                 "Ctrl+D bookmarks the selected text, or the top of the page, and lets you "
                 "type a name for it. In the Bookmarks panel you can add a note, put "
                 "bookmarks in collections, and export them as a file to bring to an "
                 "appointment or to import on another computer.")) + "</p>",
             f"<h2>{esc(t('Printing and handouts'))}</h2>",
             "<p>" + esc(t(
                 "Ctrl+P prints all pages, the current page, a range or the current section. "
                 "Print preview shows every page first. Make a handout (Ctrl+Shift+H) puts "
                 "sections of several documents together, in large print if you like, with "
                 "a cover note, and saves them as one PDF.")) + "</p>",
             f"<h2><a name='shortcuts'></a>{esc(t('Keyboard shortcuts'))}</h2>",
             "<table cellpadding='3' border='0'>",
             f"<tr><th align='left'>{esc(t('Keys'))}</th><th align='left'>{esc(t('Does'))}</th>"
             f"<th align='left'>{esc(t('Menu'))}</th></tr>"]
    for row in shortcut_rows(menu_bar):
        parts.append(f"<tr><td><b>{esc(row.keys)}</b></td><td>{esc(row.action)}</td>"
                     f"<td>{esc(row.menu)}</td></tr>")
    parts.append("</table>")
    parts.append(f"<h3>{esc(t('Other keys'))}</h3><table cellpadding='3' border='0'>")
    for keys, does in _other_keys():
        parts.append(f"<tr><td><b>{esc(keys)}</b></td><td>{esc(does)}</td></tr>")
    parts.append("</table>")
    if paths is not None:
        parts.append(f"<h2>{esc(t('Where your things are kept'))}</h2><ul>")
        for label, where in (
            (t("Bookmarks, notes and documents you added"), paths.data),
            (t("Settings"), paths.settings_file),
            (t("Search index (made again if deleted)"), paths.cache),
        ):
            parts.append(f"<li>{esc(label)}: <code>{esc(str(where))}</code></li>")
        parts.append("</ul><p>" + esc(t(
            "Nothing is sent anywhere. Passwords of protected files are never saved."))
            + "</p>")
    parts.append("<p>" + esc(t(
        "This app does not replace your care team. If you feel very unwell, contact them or "
        "the emergency services straight away.")) + "</p>")
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

