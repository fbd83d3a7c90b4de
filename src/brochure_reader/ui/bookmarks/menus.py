"""The bookmarks tree's context menu and the small dialogs it opens (new collection, rename
collection).  Strings keep the "BookmarksPanel" translation context of the dock: lupdate reads
each ``translate("BookmarksPanel", "...")`` call, so the text stays a literal in the call."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QInputDialog, QMenu

from brochure_reader.bookmarks.model import COLOURS, Bookmark
from brochure_reader.ui.accessibility import give_mnemonics
from brochure_reader.ui.bookmarks.model import Roles
from brochure_reader.ui.i18n import translate

if TYPE_CHECKING:
    from brochure_reader.ui.bookmarks.panel import BookmarksPanel

#: Highlight colour names (keys of bookmarks.model.COLOURS) as the Colour menu shows them,
#: each with its own mnemonic.
COLOUR_NAMES = {
    "yellow": QT_TRANSLATE_NOOP("BookmarksPanel", "&Yellow"),
    "green": QT_TRANSLATE_NOOP("BookmarksPanel", "&Green"),
    "blue": QT_TRANSLATE_NOOP("BookmarksPanel", "&Blue"),
    "pink": QT_TRANSLATE_NOOP("BookmarksPanel", "Pin&k"),
    "orange": QT_TRANSLATE_NOOP("BookmarksPanel", "&Orange"),
    "purple": QT_TRANSLATE_NOOP("BookmarksPanel", "P&urple"),
}


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


def context_menu(panel: BookmarksPanel, index: QModelIndex, menu: QMenu | None = None) -> QMenu:
    """The context menu of the bookmarks tree for *index* (a bookmark, a group, or nothing):
    open, rename, colour, collection, delete; a collection's export, rename and delete; then
    undo and the whole list's export and import, every entry with a mnemonic.  Fills *menu*
    (emptied first; the More button's menu) or a new QMenu; the caller shows and deletes it."""
    menu = QMenu(panel) if menu is None else _emptied(menu)
    kind = index.data(Roles.KindRole) if index.isValid() else None
    if kind == "bookmark":
        bookmark: Bookmark = index.data(Roles.BookmarkRole)
        ids = panel.selected_ids() if bookmark.id in panel.selected_ids() else [bookmark.id]
        menu.addAction(translate("BookmarksPanel", "&Open"), lambda: panel.open_index(index))
        menu.addAction(translate("BookmarksPanel", "&Rename"), lambda: panel.tree.edit(index))
        colours = menu.addMenu(translate("BookmarksPanel", "&Colour"))
        for name, value in COLOURS.items():
            label = translate("BookmarksPanel", COLOUR_NAMES.get(name, name.capitalize()))
            action = colours.addAction(_swatch(value), label)
            action.triggered.connect(
                lambda _checked=False, v=value: [panel.set_colour(i, v) for i in ids]
            )
            action.setCheckable(True)
            action.setChecked(value == bookmark.colour)
        move = menu.addMenu(translate("BookmarksPanel", "&Move to collection"))
        move.addAction(
            translate("BookmarksPanel", "&New collection…"), lambda: _new_collection(panel, ids)
        )
        move.addAction(
            translate("BookmarksPanel", "Not &in a collection"),
            lambda: panel.move_to_collection(ids, None),
        )
        move.addSeparator()
        for info in panel.store.collections():  # a name's "&" is shown, not a mnemonic
            move.addAction(info.name.replace("&", "&&"),
                           partial(panel.move_to_collection, ids, info.name))
        if bookmark.needs_attention:
            menu.addAction(
                translate("BookmarksPanel", "&Keep it at its old position"),
                lambda: [panel.keep_position(i) for i in ids],
            )
        menu.addSeparator()
        menu.addAction(translate("BookmarksPanel", "&Delete"), lambda: panel.delete_bookmarks(ids))
    elif kind == "group":
        group_kind, value = index.data(Roles.GroupKeyRole)
        if group_kind == "collection":
            menu.addAction(
                translate("BookmarksPanel", "Export collection as &PDF…"),
                lambda: panel.files.choose_pdf_for(value),
            )
            menu.addAction(
                translate("BookmarksPanel", "Export collection as a bookmarks &file…"),
                lambda: panel.files.choose_export(value),
            )
            menu.addAction(
                translate("BookmarksPanel", "Re&name collection…"),
                lambda: _ask_rename_collection(panel, value),
            )
            menu.addAction(
                translate("BookmarksPanel", "&Delete collection (keep its bookmarks)"),
                lambda: panel.delete_collection(value),
            )
    if not menu.isEmpty():
        menu.addSeparator()
    menu.addAction(panel.undo_action)
    menu.addAction(
        translate("BookmarksPanel", "&Export all bookmarks…"),
        lambda: panel.files.choose_export(None),
    )
    menu.addAction(translate("BookmarksPanel", "&Import bookmarks…"), panel.files.choose_import)
    give_mnemonics(menu)  # collection names
    return menu


def _emptied(menu: QMenu) -> QMenu:
    """*menu* without its entries; not menu.clear(): PySide's also deletes the shared
    undo_action."""
    for old in menu.findChildren(QMenu):
        old.deleteLater()
    for action in menu.actions():
        menu.removeAction(action)
        if action.parent() is menu:
            action.deleteLater()
    return menu


def _new_collection(panel: BookmarksPanel, ids: list[str]) -> None:
    name, ok = QInputDialog.getText(
        panel,
        translate("BookmarksPanel", "New collection"),
        translate("BookmarksPanel", "Name of the new collection:"),
    )
    if ok and name.strip():
        panel.move_to_collection(ids, name)


def _ask_rename_collection(panel: BookmarksPanel, old: str) -> None:
    new, ok = QInputDialog.getText(
        panel,
        translate("BookmarksPanel", "Rename collection"),
        translate("BookmarksPanel", "New name:"),
        text=old,
    )
    if ok and new.strip() and new != old:
        panel.rename_collection(old, new)
