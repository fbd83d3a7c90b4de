"""What a screen reader is told beyond the widgets' own names: announcements of changes a
sighted user sees (a bookmark added, the number of search results, a file saved), and names
for the parts Qt leaves unnamed (a line edit's clear button).

Announcements use Qt's :class:`QAccessibleAnnouncementEvent` (Qt 6.8+; AT-SPI's "announcement"
signal, read by Orca without moving the focus), polite so they wait for the current speech.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAction
from PySide6.QtWidgets import QLineEdit, QWidget


def announce(widget: QWidget, message: str) -> None:
    """Have screen readers say *message* (plain text) about *widget*; "" says nothing."""
    if not message:
        return
    event = QAccessibleAnnouncementEvent(widget, message)
    QAccessible.updateAccessibility(event)


def name_clear_button(edit: QLineEdit, name: str) -> None:
    """Give *edit*'s clear button (``setClearButtonEnabled``) the accessible name *name*; Qt
    leaves it unnamed, so a screen reader says only "button"."""
    edit.setClearButtonEnabled(True)
    action = edit.findChild(QAction, "_q_qlineeditclearaction")
    if action is not None:
        action.setText(name)
        action.setToolTip(name)


def give_mnemonics(menu) -> None:
    """Give each entry of *menu* (a QMenu or QMenuBar, and its submenus) that has no ``&``
    mnemonic the first letter or digit of its text that no other entry of that menu uses, as
    KDE's KAcceleratorManager does for every menu.  For entries whose text is not ours to
    write with a ``&``: a language's own name, a dock's title, a setting's values.  Entries
    with no free letter are left alone; an entry's own ``&`` (chosen by us or a translator)
    always wins.  Call again when texts change (:func:`keep_mnemonics` does, each time a menu
    opens): the letters given last time are chosen again."""
    from PySide6.QtGui import QKeySequence

    def letter(text: str) -> str:
        return QKeySequence.mnemonic(text).toString().split("+")[-1].lower()

    entries = [a for a in menu.actions() if not a.isSeparator() and a.text()]
    for action in entries:  # letters given last time are chosen again: other texts change
        given, plain = action.property("mnemonic_given"), action.property("mnemonic_plain")
        if given and action.text() == given:
            action.setText(plain)
    taken = {letter(a.text()) for a in entries} - {""}
    for action in entries:
        text = action.text()
        if not letter(text):
            for i, char in enumerate(text):
                if char.isalnum() and char.lower() not in taken:
                    taken.add(char.lower())
                    action.setText(text[:i] + "&" + text[i:])
                    action.setProperty("mnemonic_plain", text)
                    action.setProperty("mnemonic_given", action.text())
                    break
        if action.menu() is not None:
            give_mnemonics(action.menu())


def keep_mnemonics(menu_bar) -> None:
    """:func:`give_mnemonics` for *menu_bar* now and for each of its menus each time it opens
    (menus filled when they open, entries added later); call once the menus are built."""
    from PySide6.QtWidgets import QMenu

    def follow(menu: QMenu) -> None:
        if menu.property("keeps_mnemonics"):
            return
        menu.setProperty("keeps_mnemonics", True)

        def shown() -> None:
            give_mnemonics(menu)
            for sub in menu.findChildren(QMenu):
                follow(sub)

        menu.aboutToShow.connect(shown)  # after the menu's own fillers, connected earlier

    give_mnemonics(menu_bar)
    for menu in menu_bar.findChildren(QMenu):
        follow(menu)
