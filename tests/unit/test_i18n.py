"""The interface language: which one is chosen, dates and paper by locale, the core's gettext
catalogue (brochure_reader.i18n)."""

from __future__ import annotations

import datetime as dt

import pytest

from brochure_reader import i18n
from brochure_reader.i18n import Locale, format_date, parse, resolve


@pytest.fixture(autouse=True)
def english_again():
    yield
    i18n.install(Locale())


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("fr_FR.UTF-8", ("fr", "FR")),
        ("fr-ca", ("fr", "CA")),
        ("fr", ("fr", "")),
        ("en_US@euro", ("en", "US")),
        ("C", None),
        ("POSIX", None),
        ("", None),
        ("not a locale", None),
    ],
)
def test_parse_locale_names(tag, expected):
    assert parse(tag) == expected


def test_cli_beats_setting_beats_system(monkeypatch):
    monkeypatch.setenv("BROCHURE_READER_LANG", "fr_CA.UTF-8")
    assert resolve() == Locale("fr", "CA")  # the system's
    assert resolve(None, "en") == Locale("en", "CA")  # the setting; territory stays the system's
    assert resolve("fr", "en") == Locale("fr", "CA")  # --lang wins
    assert resolve("en_US", "fr") == Locale("en", "US")


def test_language_without_catalogue_falls_back_to_english(monkeypatch):
    monkeypatch.setenv("BROCHURE_READER_LANG", "de_DE.UTF-8")
    assert resolve() == Locale("en", "DE")
    assert resolve("fr") == Locale("fr", "DE")


def test_system_locale_reads_gettext_variables_in_order(monkeypatch):
    monkeypatch.delenv("BROCHURE_READER_LANG")
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "LC_PAPER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert i18n.system_locale() == ("en", "US")
    monkeypatch.setenv("LANGUAGE", "fr:en")  # a language list, no territory: LANG's
    assert i18n.system_locale() == ("fr", "US")
    monkeypatch.setenv("LC_ALL", "fr_BE.UTF-8")
    assert i18n.system_locale() == ("fr", "BE")


@pytest.mark.parametrize(
    ("locale", "paper"),
    [
        (Locale("fr", "FR"), "A4"),
        (Locale("fr", "BE"), "A4"),
        (Locale("fr", "CH"), "A4"),
        (Locale("fr", "CA"), "Letter"),
        (Locale("en", "US"), "Letter"),
        (Locale("en", "CA"), "Letter"),
        (Locale("en", "GB"), "A4"),
        (Locale("en", ""), "A4"),
    ],
)
def test_default_paper_follows_the_territory(locale, paper):
    assert locale.paper == paper


def test_dates_are_written_the_locale_s_way():
    day = dt.date(2026, 12, 7)
    assert format_date(day, Locale("fr", "FR")) == "7 décembre 2026"
    assert format_date(dt.date(2026, 8, 1), Locale("fr", "CA")) == "1er août 2026"
    assert format_date(day, Locale("en", "GB")) == "7 December 2026"
    assert format_date(day, Locale("en", "US")) == "December 7, 2026"
    i18n.install(Locale("fr", "FR"))
    assert format_date(day) == "7 décembre 2026"  # the installed locale by default


def test_missing_catalogue_keeps_english(monkeypatch, tmp_path):
    monkeypatch.setattr(i18n, "catalogue_dir", lambda: tmp_path)
    assert i18n.install(Locale("fr", "FR")) is False
    assert i18n._("Hello") == "Hello"
    assert i18n.ngettext("one", "many", 2) == "many"


def _catalogues(folder, newer_source: bool):
    import os

    (folder / "fr" / "LC_MESSAGES").mkdir(parents=True)
    messages = "fr/LC_MESSAGES/brochure_reader"
    for source, built in (("brochure_reader_fr.ts", "brochure_reader_fr.qm"),
                          (f"{messages}.po", f"{messages}.mo")):
        (folder / source).write_text("source")
        (folder / built).write_bytes(b"built")
        if newer_source:
            os.utime(folder / built, (1_000_000_000, 1_000_000_000))


def test_a_catalogue_older_than_its_source_is_a_warning_at_start_up(monkeypatch, tmp_path, caplog):
    import logging

    _catalogues(tmp_path, newer_source=True)
    monkeypatch.setattr(i18n, "catalogue_dir", lambda: tmp_path)
    monkeypatch.setattr(i18n, "_warned", set())
    assert sorted(p.name for p in i18n.stale_catalogues("fr")) == [
        "brochure_reader.mo", "brochure_reader_fr.qm"]
    with caplog.at_level(logging.WARNING, logger="brochure_reader.i18n"):
        i18n.install(Locale("fr", "FR"))
        i18n.install(Locale("fr", "FR"))  # the GUI installs again: said once
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 2 and all("older than its source" in w for w in warnings)
    assert any("brochure_reader_fr.qm" in w for w in warnings)


def test_fresh_catalogues_and_english_warn_nothing(monkeypatch, tmp_path, caplog):
    _catalogues(tmp_path, newer_source=False)
    monkeypatch.setattr(i18n, "catalogue_dir", lambda: tmp_path)
    monkeypatch.setattr(i18n, "_warned", set())
    assert i18n.stale_catalogues("fr") == []
    i18n.install(Locale("fr", "FR"))
    i18n.install(Locale("en", "GB"))
    assert not [r for r in caplog.records if "older than its source" in r.getMessage()]


def test_settings_problems_are_in_the_interface_language(tmp_path):
    """A damaged settings file is reported in French when the interface is French (the CLI
    installs the language before the settings are read)."""
    from brochure_reader.settings import read_settings_file

    path = tmp_path / "settings.json"
    path.write_bytes(b"\xff\xfe not text")
    problems: list[str] = []
    i18n.install(Locale("fr", "FR"))
    read_settings_file(path, problems)
    assert len(problems) == 1
    assert problems[0].startswith("Votre fichier de réglages était endommagé (ce n’est pas du "
                                  "texte UTF-8)")
