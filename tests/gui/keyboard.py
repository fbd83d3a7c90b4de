"""Helpers for the keyboard and accessibility tests: every window and dialog of the app, the
key sequences its actions answer to, and what Qt's accessibility interface says of its widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

#: Characters typed with Shift on a US keyboard -> the key that carries them.  X11 offers a
#: shortcut written with either form for the same key press (Ctrl++ is Ctrl+Shift+=), so two
#: actions with "Ctrl++" and "Ctrl+Shift+=" collide ("Ambiguous shortcut overload").
US_SHIFTED = dict(zip('~!@#$%^&*()_+{}|:"<>?', "`1234567890-=[]\\;',./", strict=True))
SHIFT = Qt.KeyboardModifier.ShiftModifier.value


def physical_key(combination) -> tuple[int, int]:
    """``(modifiers, key)`` of the key press that produces *combination* on a US layout."""
    key = combination.key().value
    modifiers = combination.keyboardModifiers().value
    char = chr(key) if 0x20 < key < 0x7F else ""
    if char in US_SHIFTED:
        key, modifiers = ord(US_SHIFTED[char]), modifiers | SHIFT
    return modifiers, key


def describe(modifiers: int, key: int) -> str:
    return QKeySequence(int(modifiers) | int(key)).toString()


def shortcuts_of(window: QWidget) -> dict[tuple[int, int], list[str]]:
    """Physical key presses -> what answers to them in *window*: its actions (also those of
    child widgets and menus), QShortcuts, and Alt+letter mnemonics of the menu bar, buttons and
    labels with a buddy that are visible in the window."""
    found: dict[tuple[int, int], list[str]] = {}

    def add(sequence: QKeySequence, what: str) -> None:
        for i in range(sequence.count()):
            found.setdefault(physical_key(sequence[i]), []).append(what)

    actions = set()
    for action in [*QWidget.actions(window), *window.findChildren(QAction)]:
        if id(action) in actions:
            continue
        actions.add(id(action))
        for sequence in action.shortcuts():
            add(sequence, f"action {action.objectName() or action.text()!r}")
    for shortcut in window.findChildren(QShortcut):
        add(shortcut.key(), f"shortcut {shortcut.objectName()!r}")
    menu_bar = getattr(window, "menuBar", None)
    if callable(menu_bar) and window.findChildren(type(menu_bar())):
        for action in menu_bar().actions():
            add(QKeySequence.mnemonic(action.text()), f"menu {action.text()!r}")
    for widget in [*window.findChildren(QAbstractButton), *window.findChildren(QLabel)]:
        if isinstance(widget, QLabel) and widget.buddy() is None:
            continue
        if widget.isVisibleTo(window) and widget.window() is window:
            add(QKeySequence.mnemonic(widget.text()), f"{type(widget).__name__} {widget.text()!r}")
    return found


def duplicate_shortcuts(window: QWidget) -> list[str]:
    """Lines naming each key press that more than one thing in *window* answers to."""
    return [
        f"{describe(*keys)}: {', '.join(whats)}"
        for keys, whats in shortcuts_of(window).items()
        if len(whats) > 1
    ]


def top_level_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()]


#: Roles a user operates (Qt's QAccessible.Role names); lists' and trees' rows are named by
#: their data and are left to the view's own test.
_INTERACTIVE = {
    "PushButton", "CheckBox", "RadioButton", "ComboBox", "EditableText", "SpinBox", "Slider",
    "List", "Tree", "Table", "ButtonMenu", "ButtonDropDown", "PageTab", "ScrollBar", "Dial",
    "ToolBar", "MenuBar", "Link", "Button",
}


def unnamed_controls(top: QWidget) -> list[str]:
    """Controls in *top*'s accessible tree (what a screen reader walks) that have no
    accessible name: ``"Role <class> objectName"`` lines.  Hidden ones and scroll bars (named by
    Qt only for some styles) are left out; lists, trees and tables are checked, not their rows."""
    from PySide6.QtGui import QAccessible

    missing: list[str] = []

    def walk(iface, depth: int) -> None:
        if iface is None or not iface.isValid() or depth > 40:
            return
        state = iface.state()
        if state.invisible:
            return
        role = iface.role().name
        if role in _INTERACTIVE and role != "ScrollBar" and not iface.text(QAccessible.Text.Name):
            obj = iface.object()
            missing.append(f"{role} {type(obj).__name__} {obj.objectName() if obj else ''!r}"
                           f" in {type(top).__name__}")
        if role in {"List", "Tree", "Table"}:
            return
        for i in range(iface.childCount()):
            walk(iface.child(i), depth + 1)

    walk(QAccessible.queryAccessibleInterface(top), 0)
    for widget in top.findChildren(QWidget):  # also those the tree leaves out (clear buttons)
        if widget.window() is top and widget.isVisibleTo(top):
            iface = QAccessible.queryAccessibleInterface(widget)
            if iface is not None and iface.role().name in _INTERACTIVE:
                walk(iface, 40)  # this one only
    return sorted(set(missing))


def every_window(qtbot, window) -> list[QWidget]:
    """The main window (a document open) and every dialog it opens without blocking: handout
    builder, print preview, export's page choice, preferences, help and about."""
    from brochure_reader.ui.printing import PrintPreview

    qtbot.waitUntil(lambda: "acute-myeloid-leukaemia" in window.reader.sections, timeout=30000)
    with qtbot.waitSignal(window.reader.document_opened, timeout=30000):
        window.reader.open("acute-myeloid-leukaemia", 0, 0.0)
    from PySide6.QtWidgets import QLineEdit

    for box in window.findChildren(QLineEdit):  # clear buttons show only over some text
        if box.isClearButtonEnabled():
            box.setText("x")
    tops = [window]
    window.make_handout()
    tops.append(window.handout_dialog)
    window.window_actions.print_preview.trigger()
    qtbot.waitUntil(lambda: bool(window.findChildren(PrintPreview)), timeout=10000)
    tops.append(window.findChildren(PrintPreview)[0])
    window.window_actions.export_pdf.trigger()
    tops.append(window.export_dialog)
    window.show_preferences()
    tops.append(window.preferences_dialog)
    window.show_help()
    tops.append(window.help_window)
    from brochure_reader.ui.about_dialog import show_about

    tops.append(show_about(window, window.library))
    for top in tops:
        qtbot.waitExposed(top)
    return tops


def mnemonic_problems(menu, where: str = "") -> list[str]:
    """Lines naming each entry of *menu* (a QMenu or QMenuBar, and its submenus) that has no
    ``&`` mnemonic, and each letter that two entries of one menu share (Alt+letter in a menu bar,
    the letter alone in an open menu: a shared one only moves between the two).  Menus filled
    when they open (``aboutToShow``) are filled first."""
    from PySide6.QtWidgets import QMenu

    if isinstance(menu, QMenu):
        menu.aboutToShow.emit()
    where = where or (menu.title() if isinstance(menu, QMenu) else "menu bar")
    problems: list[str] = []
    letters: dict[str, list[str]] = {}
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible() or not action.text():
            continue
        letter = QKeySequence.mnemonic(action.text()).toString()
        if not letter:
            problems.append(f"{where} > {action.text()!r}: no mnemonic")
        else:
            letters.setdefault(letter.split("+")[-1], []).append(action.text())
        if action.menu() is not None:
            problems += mnemonic_problems(action.menu(), f"{where} > {action.text()}")
    problems += [f"{where}: {letter!r} for {', '.join(map(repr, texts))}"
                 for letter, texts in letters.items() if len(texts) > 1]
    return problems


def in_every_read_aloud_state(window):
    """Yield with View > Read aloud showing each of its texts in turn (Read aloud, Pause
    reading, Go on reading): a menu's letters must stay apart in all of them."""
    from brochure_reader.speech.session import PAUSED, PLAYING, STOPPED

    for state in (STOPPED, PLAYING, PAUSED):
        window.read_aloud._show_state(state)
        yield state
    window.read_aloud._show_state(STOPPED)
