"""The GUI's translations: Qt's ``tr()`` catalogues and Qt's own strings, in one call.

:func:`install` loads, for a :class:`brochure_reader.i18n.Locale`:

* ``assets/translations/brochure_reader_<lang>.qm`` (compiled from the committed ``.ts`` with
  ``python packaging/translations.py build``).  English has one too: it holds only the plural
  forms of ``tr("%n result(s)", "", n)`` ("1 result", "28 results");
* Qt's own ``qtbase_<lang>.qm`` from PySide6's translations folder (file, print and colour
  dialogs, standard buttons, the line edit's context menu);
* the core's gettext catalogue (:func:`brochure_reader.i18n.install`), for the messages the core
  raises and the GUI shows;

and sets the default :class:`QLocale` (numbers, dates in the GUI).  Translators apply to
strings made after they are installed, so this runs before the first window is built; a
changed language applies at the next start.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from brochure_reader import i18n


def install(app: QCoreApplication, locale: i18n.Locale) -> list[QTranslator]:
    """Install *locale*'s catalogues into *app*; returns the translators installed (hand them
    to :func:`uninstall` to undo, as tests do).  A missing catalogue is skipped: the text
    stays English."""
    i18n.install(locale)
    QLocale.setDefault(QLocale(locale.tag))
    installed = []
    sources = [(f"{i18n.DOMAIN}_{locale.language}", str(i18n.catalogue_dir()))]
    if locale.language != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        sources.append((f"qtbase_{locale.language}", qt_dir))
    for name, folder in sources:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def uninstall(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Remove *translators* from *app* and go back to English for the core's messages."""
    for translator in translators:
        app.removeTranslator(translator)
        translator.deleteLater()
    i18n.install(i18n.Locale())
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def translate(context: str, text: object, disambiguation: str | None = None, n: int = -1) -> str:
    """``QCoreApplication.translate`` under a short name for code outside a QObject (module
    functions, tables of actions): lupdate extracts ``translate("Context", "text")`` calls
    written with literal strings.  Plurals: ``translate("Context", "%n hit(s)", None, n)``.
    *text* is a str; typed ``object`` because PySide6's stubs type ``QT_TRANSLATE_NOOP``'s
    result (the str it was given) so."""
    return QCoreApplication.translate(context, str(text), disambiguation, n)
