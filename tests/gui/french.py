"""Helpers for the French-interface tests: the interface in French, and every text a widget
shows, checked against the English catalogue (docs/translations.md)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QTreeWidget,
    QWidget,
)

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "assets" / "translations" / "brochure_reader_fr.ts"

#: Words that are English and never French: a widget text holding one is English.
_WORDS = (
    "the your you and with this that from are is not what how which will can when there into  "
    "been has have was of to for or no it its all add remove show hide print save search  "
    "results result bookmark bookmarks open close find back next previous none cancel yes help  "
    "view edit file go fit width my our their about"
)
ENGLISH_WORDS = frozenset(_WORDS.split())
#: Proper names and symbols that are the same in both languages.
PROPER_NAMES = ("Brochure Reader", "PDF", "Ctrl", "Alt", "Shift", "Maj", "BM25", "PyMuPDF",
                "Qt", "PySide6", "MuPDF", "AGPL", "GNU", "Atkinson Hyperlegible", "OK")  # fmt: skip


def normalise(text: str) -> str:
    """A text as compared: mnemonics, rich-text tags, ellipses and colons away, spaces folded."""
    text = re.sub(r"<[^>]+>", " ", text)
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    text = text.replace("…", "").replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", text).strip(" :").strip()


def english_catalogue() -> dict[str, str]:
    """Normalised English source -> normalised French translation, from the .ts."""
    out = {}
    for message in ET.parse(TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        node = message.find("translation")
        forms = node.findall("numerusform")
        french = (forms[-1].text if forms else node.text) or ""
        out[normalise(source)] = normalise(french)
    return out


def widget_texts(root: QWidget) -> list[tuple[str, str]]:
    """``(where, text)`` for every text *root* and its children show or tell a screen
    reader: titles, labels, buttons, placeholders, tooltips, tabs, combo items, menu and
    action texts (hidden menus included)."""
    out: list[tuple[str, str]] = []
    widgets = [root, *root.findChildren(QWidget)]

    def add(widget, what, text):
        if text and text.strip():
            out.append((f"{type(widget).__name__}({widget.objectName()}).{what}", text))

    for w in widgets:
        if w.isWindow() or isinstance(w, QDockWidget):
            add(w, "windowTitle", w.windowTitle())
        add(w, "toolTip", w.toolTip())
        add(w, "accessibleName", w.accessibleName())
        add(w, "accessibleDescription", w.accessibleDescription())
        if isinstance(w, (QLabel, QAbstractButton)):
            add(w, "text", w.text())
        elif isinstance(w, (QLineEdit, QPlainTextEdit, QTextEdit)):
            add(w, "placeholderText", w.placeholderText())
        elif isinstance(w, QGroupBox):
            add(w, "title", w.title())
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                add(w, f"item{i}", w.itemText(i))
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                add(w, f"tab{i}", w.tabText(i))
                add(w, f"tabToolTip{i}", w.tabToolTip(i))
        elif isinstance(w, QTreeWidget):
            header = w.headerItem()
            for i in range(header.columnCount()):
                add(w, f"header{i}", header.text(i))
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                add(w, f"tab{i}", w.tabText(i))
        if isinstance(w, QMenu):
            add(w, "title", w.title())
        for action in QWidget.actions(w):
            if action.isSeparator():
                continue
            for what, text in (("text", action.text()), ("toolTip", action.toolTip()),
                               ("statusTip", action.statusTip()),
                               ("iconText", action.iconText())):  # fmt: skip
                add(w, f"action[{action.objectName()}].{what}", text)
    return out


def english_left(root: QWidget, content: set[str] = frozenset()) -> list[str]:
    """Texts under *root* that are still English: equal to an English catalogue source whose
    French differs, or holding an English-only word.  *content*: texts of the documents
    (titles, summaries, section titles), which stay in the language they were written in."""
    catalogue = english_catalogue()
    found = []
    for where, text in widget_texts(root):
        plain = normalise(text)
        if not plain or any(c and (c in plain) for c in content):
            continue
        stripped = plain
        for name in PROPER_NAMES:
            stripped = stripped.replace(name, " ")
        if plain in catalogue and catalogue[plain] != plain:
            found.append(f"{where}: {text!r} (untranslated catalogue string)")
        elif {w.lower() for w in re.findall(r"[A-Za-z']+", stripped)} & ENGLISH_WORDS:
            found.append(f"{where}: {text!r}")
    return sorted(set(found))


def english_lines(text: str, content: set[str] = frozenset()) -> list[str]:
    """Lines of a rich-text body (the help, an About box) holding an English-only word, file
    paths, proper names and the documents' own texts (*content*) left aside."""
    found = []
    for line in text.splitlines():
        plain = normalise(" ".join(w for w in line.split() if "/" not in w and "\\" not in w))
        if not plain or any(c and c in plain for c in content):
            continue
        for name in PROPER_NAMES:
            plain = plain.replace(name, " ")
        if {w.lower() for w in re.findall(r"[A-Za-z']+", plain)} & ENGLISH_WORDS:
            found.append(line)
    return found
