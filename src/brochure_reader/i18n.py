"""The interface language: which one, and the core's translated messages (no Qt here).

Two catalogues, one per side (docs/translations.md):

* the core and the CLI translate with the standard library's :mod:`gettext`:
  ``from brochure_reader.i18n import _, ngettext`` and ``_("text")``, ``ngettext("%(n)d result",
  "%(n)d results", n) % {"n": n}``; sources ``assets/translations/<lang>/LC_MESSAGES/
  brochure_reader.po`` (extracted with Babel), compiled to ``.mo``;
* the GUI uses Qt's ``tr()`` (:mod:`brochure_reader.ui.i18n`).

Which language (:func:`resolve`): ``--lang`` on the command line, else the ``language``
setting (``"system"`` or a code from :data:`LANGUAGES`), else the system's locale
(``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` as gettext reads them; the
``BROCHURE_READER_LANG`` variable stands for the system locale in tests and scripts).  A language
without a catalogue falls back to English.

Dates and paper follow the *locale* (language and territory): a small table here rather than
Babel's CLDR data at run time, since two languages need only month names and the territories that
use US Letter (CLDR supplemental ``measurementData``, paperSize "US-Letter").
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gettext
import logging
import os
import re
from dataclasses import dataclass

log = logging.getLogger(__name__)

#: Interface languages, each named in its own language (the Language menu shows these).
LANGUAGES: dict[str, str] = {"en": "English", "fr": "Français"}
#: The ``language`` setting's values: ``"system"`` or a key of :data:`LANGUAGES`.
SETTING_CHOICES = ("system", *LANGUAGES)
#: gettext domain (``brochure_reader.mo``) and Qt catalogue prefix (``brochure_reader_fr.qm``).
DOMAIN = "brochure_reader"

#: Territories whose default paper is US Letter (CLDR supplemental data, measurementData).
LETTER_TERRITORIES = frozenset(
    {"US", "CA", "MX", "BZ", "CL", "CO", "CR", "GT", "NI", "PA", "PH", "PR", "SV", "VE"}
)

_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
}  # fmt: skip


@dataclass(frozen=True)
class Locale:
    """An interface locale: ``language`` (``"en"``, ``"fr"``: one with a catalogue) and the
    ``territory`` (ISO 3166 alpha-2, ``"FR"``, ``"CA"``…, or ``""`` when unknown), which decides
    paper size and date order."""

    language: str = "en"
    territory: str = ""

    @property
    def tag(self) -> str:
        """POSIX form, ``fr_CA`` or ``fr`` (what QLocale and gettext take)."""
        return f"{self.language}_{self.territory}" if self.territory else self.language

    @property
    def paper(self) -> str:
        """``"Letter"`` for North American (and other CLDR US-Letter) territories, else
        ``"A4"``."""
        return "Letter" if self.territory in LETTER_TERRITORIES else "A4"


def parse(tag: str | None) -> tuple[str, str] | None:
    """``("fr", "CA")`` from ``fr_CA.UTF-8``, ``fr-ca``, ``fr``; None for empty, ``C``, ``POSIX``
    or something that is not a locale name."""
    if not tag:
        return None
    match = re.match(r"^([A-Za-z]{2,3})(?:[_-]([A-Za-z]{2}|\d{3}))?(?:[.@].*)?$", tag.strip())
    if not match or tag.strip().upper() in ("C", "POSIX"):
        return None
    return match.group(1).lower(), (match.group(2) or "").upper()


def system_locale() -> tuple[str, str]:
    """``(language, territory)`` of the system: ``BROCHURE_READER_LANG``, then the first usable
    of ``LANGUAGE`` (its first entry), ``LC_ALL``, ``LC_MESSAGES``, ``LANG``; on Windows and
    macOS without those, :func:`locale.getlocale`.  ``("en", "")`` when nothing says."""
    for name in ("BROCHURE_READER_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if name == "LANGUAGE":
            value = value.split(":")[0]
        found = parse(value)
        if found:
            # LANGUAGE often has no territory ("fr"); take it from the locale variables then
            if not found[1]:
                for other in ("LC_ALL", "LC_PAPER", "LANG"):
                    more = parse(os.environ.get(other, ""))
                    if more and more[1]:
                        return found[0], more[1]
            return found
    try:
        import locale

        found = parse(locale.getlocale()[0] or "")
    except (ValueError, TypeError):
        found = None
    return found or ("en", "")


def resolve(cli: str | None = None, setting: str | None = "system") -> Locale:
    """The interface locale: *cli* (``--lang``) first, then *setting* unless ``"system"``,
    then :func:`system_locale`.  A language that has no catalogue gives English; the territory
    always comes from the system unless *cli* names one (``--lang fr_CA``)."""
    sys_language, sys_territory = system_locale()
    for choice in (cli, None if setting in (None, "", "system") else setting):
        found = parse(choice)
        if found:
            language, territory = found
            break
    else:
        language, territory = sys_language, ""
    if language not in LANGUAGES:
        language = "en"
    return Locale(language, territory or sys_territory)


# --- the core's translated messages ------------------------------------------------------

_translation: gettext.NullTranslations = gettext.NullTranslations()
_argparse: gettext.NullTranslations = gettext.NullTranslations()
_current = Locale()
#: gettext domain of argparse's own strings ("usage:", "positional arguments", its errors).
ARGPARSE_DOMAIN = "argparse"


def catalogue_dir():
    """``assets/translations``: the ``.ts``/``.po`` sources and the compiled ``.qm``/``.mo``."""
    from brochure_reader.paths import assets_dir

    return assets_dir() / "translations"


def install(locale: Locale) -> bool:
    """Translate the core's messages into *locale*'s language from now on.  Returns False when
    the compiled catalogue is missing (messages stay English; build it with
    ``python packaging/translations.py build``)."""
    global _translation, _argparse, _current
    _current = locale
    _translation, _argparse = gettext.NullTranslations(), gettext.NullTranslations()
    if locale.language == "en":
        return True
    folder = str(catalogue_dir())
    for path in stale_catalogues(locale.language):
        if path not in _warned:
            _warned.add(path)
            log.warning("%s is older than its source or missing: strings translated since it "
                        "was built show in English (python packaging/translations.py build)",
                        path)
    try:
        _argparse = gettext.translation(ARGPARSE_DOMAIN, folder, languages=[locale.language])
    except OSError:
        pass  # argparse's strings stay English; ours may still be there
    try:
        _translation = gettext.translation(DOMAIN, folder, languages=[locale.language])
    except OSError:
        return False
    return True


_warned: set = set()


def stale_catalogues(language: str, folder=None) -> list:
    """The compiled catalogues of *language* (``.qm``, ``.mo``) older than their source
    (``.ts``, ``.po``) in *folder* (default :func:`catalogue_dir`), or missing while the source
    is there: ``[Path]``.  Where no sources ship (an installed wheel) nothing is stale."""
    from pathlib import Path

    folder = Path(folder) if folder is not None else catalogue_dir()
    pairs = [(folder / f"{DOMAIN}_{language}.ts", folder / f"{DOMAIN}_{language}.qm")]
    for domain in (DOMAIN, ARGPARSE_DOMAIN):
        source = folder / language / "LC_MESSAGES" / f"{domain}.po"
        pairs.append((source, source.with_suffix(".mo")))
    return [built for source, built in pairs if source.is_file() and (
        not built.is_file() or built.stat().st_mtime < source.stat().st_mtime)]


def argparse_translation() -> gettext.NullTranslations:
    """The catalogue of argparse's own strings in the installed language (the CLI points
    argparse at it, :func:`brochure_reader.cli.translate_argparse`); English: no change."""
    return _argparse


@contextlib.contextmanager
def using(locale: Locale):
    """``with using(locale):`` translate into *locale* inside the block, then go back to the
    language installed before (a worker job made in another language: a handout).  Not for
    threads: the catalogue is the process's."""
    saved = (_translation, _argparse, _current)
    install(locale)
    try:
        yield locale
    finally:
        _restore(*saved)


def _restore(translation, argparse_translation, locale) -> None:
    global _translation, _argparse, _current
    _translation, _argparse, _current = translation, argparse_translation, locale


def current() -> Locale:
    """The locale :func:`install` was last given (English until then)."""
    return _current


def _(message: str) -> str:
    """*message* in the interface language (gettext)."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for *n* in the interface language (French takes the
    singular for 0 and 1)."""
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark *message* for extraction without translating it now (module constants): translate
    it with ``_()`` where it is shown."""
    return message


def format_date(day: dt.date, locale: Locale | None = None) -> str:
    """*day* written out in *locale* (default :func:`current`): ``7 décembre 2026``,
    ``1er décembre 2026`` (French ordinal first day), ``7 December 2026``, and
    ``December 7, 2026`` for en_US."""
    locale = locale or _current
    months = _MONTHS.get(locale.language, _MONTHS["en"])
    month = months[day.month - 1]
    if locale.language == "fr":
        return f"{'1er' if day.day == 1 else day.day} {month} {day.year}"
    if locale.territory == "US":
        return f"{month} {day.day}, {day.year}"
    return f"{day.day} {month} {day.year}"
