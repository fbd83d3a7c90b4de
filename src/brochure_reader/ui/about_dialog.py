"""Help > About: versions of the app, Qt, PySide6, PyMuPDF and the content packs, and licences.

Use :func:`show_about`.  :func:`version_rows` and :func:`about_text` are plain data (no widgets)
so a support request can quote them ("Copy details" puts :func:`about_text` on the clipboard).
"""

from __future__ import annotations

import html
import platform
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from brochure_reader import APP_NAME, APP_TITLE, __version__
from brochure_reader.library import Library
from brochure_reader.ui.geometry import fit_to_screen
from brochure_reader.ui.i18n import translate
from brochure_reader.ui.theme import current_theme

TAGLINE = QT_TRANSLATE_NOOP(
    "AboutDialog",
    "An offline reader for patient information about hard-to-treat cancers. It never goes "
    "online and keeps everything on this computer.",
)
ICON_FILE = "org.brochurereader.BrochureReader.png"  # in assets/icons, once the app ships it


#: SPDX licence of each component, by the names :func:`version_rows` uses.
LICENCES: dict[str, str] = {
    APP_TITLE: "AGPL-3.0-or-later",
    "Qt": "LGPL-3.0",
    "PySide6": "LGPL-3.0",
    "PyMuPDF": "AGPL-3.0",
    "MuPDF": "AGPL-3.0",
    "Python": "PSF-2.0",
    "platformdirs": "MIT",
    "markdown-it-py": "MIT",
    "mdit-py-plugins": "MIT",
    "RapidFuzz": "MIT",
    "PyStemmer (Snowball)": "MIT, BSD-3-Clause",
    "Atkinson Hyperlegible font": "OFL-1.1",
}
#: Distribution name of the smaller libraries, for their versions.
_DISTRIBUTIONS = {
    "platformdirs": "platformdirs",
    "markdown-it-py": "markdown-it-py",
    "mdit-py-plugins": "mdit-py-plugins",
    "RapidFuzz": "rapidfuzz",
    "PyStemmer (Snowball)": "PyStemmer",
}
LICENCE_NOTE = QT_TRANSLATE_NOOP(
    "AboutDialog",
    "{app} is free software: you may share and change it under the terms of the GNU "
    "Affero General Public License, version 3 or later. Qt and PySide6 are under the GNU Lesser "
    "General Public License 3.0. The full licence texts are in the files LICENSE and "
    "THIRD_PARTY_NOTICES that come with {app}. It comes with no warranty, and it does "
    "not replace advice from your care team.",
)


def _pymupdf_versions() -> tuple[str, str]:
    """``(PyMuPDF, MuPDF)`` versions, read when the dialog opens, not at start-up."""
    from brochure_reader.pdf.document import library_versions

    return library_versions()


def version_rows() -> list[tuple[str, str]]:
    """``[(component, version)]`` of the software in this installation."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    pymupdf_version, mupdf_version = _pymupdf_versions()
    return [
        (APP_TITLE, __version__),
        ("Qt", qVersion()),
        ("PySide6", pyside_version),
        ("PyMuPDF", pymupdf_version),
        ("MuPDF", mupdf_version),
        ("Python", platform.python_version()),
    ]


def component_rows() -> list[tuple[str, str, str]]:
    """``[(component, version, SPDX licence)]``: :func:`version_rows`, the smaller libraries
    and the font."""
    from importlib import metadata

    rows = [(name, version, LICENCES[name]) for name, version in version_rows()]
    for name, dist in _DISTRIBUTIONS.items():
        try:
            version = metadata.version(dist)
        except metadata.PackageNotFoundError:
            version = "–"
        rows.append((name, version, LICENCES[name]))
    rows.append(("Atkinson Hyperlegible font", "–", LICENCES["Atkinson Hyperlegible font"]))
    return rows


class _Texts(QObject):
    """Plurals of the module's functions (lupdate reads a plural only from a ``tr()`` call)."""

    def documents(self, count: int) -> str:
        return self.tr("%n document(s)", "", count)


def pack_rows(library: Library) -> list[tuple[str, str, str]]:
    """``[(pack title, version, where it comes from)]`` for every loaded content pack."""
    origins = {
        "bundled": translate("AboutDialog", "included with the app"),
        "site": translate("AboutDialog", "installed by your organisation"),
        "user": translate("AboutDialog", "added by you"),
    }
    rows = []
    for pack in library.packs:
        count = len(pack.documents)
        where = origins.get(pack.origin, pack.origin)
        rows.append((pack.title, pack.version, f"{where}, {_Texts().documents(count)}"))
    return rows


def _pack_licence(pack) -> str:
    return getattr(pack, "license", "") or getattr(pack, "licence", "")


def about_text(library: Library) -> str:
    """The dialog's facts as plain text (for "Copy details" and bug reports)."""
    lines = [f"{APP_TITLE} ({APP_NAME}) {__version__}", ""]
    lines += [f"{name}: {version} ({licence})" for name, version, licence in component_rows()]
    lines.append(f"System: {platform.platform()}")
    lines += ["", "Content packs:"]
    rows = pack_rows(library)
    lines += [f"  {title}, version {version} ({where})" for title, version, where in rows] or [
        "  none"
    ]
    return "\n".join(lines) + "\n"


_CELL = '<td style="padding: 2px 20px 2px 0;">{}</td>'


def _heading(text: str) -> str:
    accent = current_theme().colour("accent")
    return f'<h3 style="color: {accent}; margin-top: 14px; margin-bottom: 6px;">{text}</h3>'


def _head(text: str) -> str:
    muted = current_theme().colour("muted")
    return f'<th align="left" style="padding: 2px 20px 4px 0; color: {muted};">{text}</th>'


def _table(rows: Sequence[tuple[str, ...]], headers: tuple[str, ...] = ()) -> str:
    head = "<tr>" + "".join(_head(html.escape(h)) for h in headers) + "</tr>"
    body = "".join(
        "<tr>"
        + "".join(
            _CELL.format(f"<b>{html.escape(c)}</b>" if i == 0 else html.escape(c))
            for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f'<table cellspacing="0" cellpadding="0">{head if headers else ""}{body}</table>'


def _details_html(library: Library) -> str:
    packs = []
    muted = current_theme().colour("muted")
    for pack, (title, version, where) in zip(library.packs, pack_rows(library), strict=True):
        licence = _pack_licence(pack)
        extra = (" · " + translate("AboutDialog", "licence {licence}").format(
            licence=html.escape(licence))) if licence else ""  # fmt: skip
        version_text = translate("AboutDialog", "version {version}").format(
            version=html.escape(version))
        packs.append(
            f'<p style="margin: 0 0 6px 0;"><b>{html.escape(title)}</b><br>'
            f'<span style="color: {muted};">{version_text} · '
            f"{html.escape(where)}{extra}</span></p>"
        )
    no_pack = translate("AboutDialog", "No content pack is loaded.")
    headers = (translate("AboutDialog", "Component"), translate("AboutDialog", "Version"),
               translate("AboutDialog", "Licence"))  # fmt: skip
    return (
        _heading(translate("AboutDialog", "Content"))
        + ("".join(packs) or f"<p>{no_pack}</p>")
        + _heading(translate("AboutDialog", "Software and licences"))
        + _table(component_rows(), headers)
        + f'<p style="margin-top: 12px; color: {muted};">'
        + html.escape(translate("AboutDialog", LICENCE_NOTE).format(app=APP_TITLE))
        + "</p>"
    )


def _app_icon(size: int) -> QPixmap | None:
    from brochure_reader.paths import assets_dir

    candidate = assets_dir() / "icons" / ICON_FILE
    icon = QIcon(str(candidate)) if candidate.is_file() else QGuiApplication.windowIcon()
    if icon.isNull():
        return None
    return icon.pixmap(size, size)


class AboutDialog(QDialog):
    """The About box.  Shows facts only; nothing in it goes online."""

    def __init__(self, library: Library, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.setWindowTitle(self.tr("About {app}").format(app=APP_TITLE))
        self.setObjectName("aboutDialog")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)

        header = QHBoxLayout()
        header.setSpacing(16)
        pixmap = _app_icon(64)
        if pixmap is not None:
            icon = QLabel(self)
            icon.setPixmap(pixmap)
            icon.setAlignment(Qt.AlignmentFlag.AlignTop)
            header.addWidget(icon)
        title_box = QVBoxLayout()
        title_box.setSpacing(4)
        self.title = QLabel(f"{APP_TITLE} {__version__}", self)
        self.title.setObjectName("aboutTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setStyleSheet(f"color: {current_theme().colour('accent')};")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        tagline = QLabel(translate("AboutDialog", TAGLINE), self)
        tagline.setWordWrap(True)
        tagline.setStyleSheet(f"color: {current_theme().colour('muted')};")
        title_box.addWidget(self.title)
        title_box.addWidget(tagline)
        header.addLayout(title_box, 1)
        layout.addLayout(header)

        self.details = QTextBrowser(self)
        self.details.setObjectName("aboutDetails")
        self.details.setOpenLinks(False)  # offline: nothing to follow
        self.details.setHtml(_details_html(library))
        self.details.setAccessibleName(self.tr("Versions, content and licences"))
        layout.addWidget(self.details, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("&Copy details"), self)
        self.copy_button.setToolTip(
            self.tr("Copy the version details, e.g. for a support request"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        fit_to_screen(self, 660, 670)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(about_text(self.library))


def show_about(parent: QWidget | None, library: Library) -> AboutDialog:
    """Open the About dialog (window-modal, deleted when closed) and return it."""
    dialog = AboutDialog(library, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
