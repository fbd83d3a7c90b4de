"""The command line in French (issue 17): ``--help`` of every command, argparse's own strings
and our messages follow ``--lang fr`` and a French system locale (``LANG=fr_FR.UTF-8``)."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys

import pytest

from brochure_reader import cli, i18n

#: Words that only English has (lower case, whole words): one of them in the French help means
#: a string that was not translated.  Command names, options and metavars are upper case or
#: carry dashes, so they never match.
ENGLISH = re.compile(
    r"\b(the|and|show|exit|usage|your|of|with|for|this|to|from|only|print|default|or|"
    r"positional|optional|required|error|warning|search|open|make|save|write|delete)\b"
)
#: Proper names, paths and options that may appear in running text.
ALLOWED = re.compile(r"brochure-reader( [\w-]+)*|docs/search\.md|Web Annotation|--[\w-]+")


@pytest.fixture(autouse=True)
def english_again():
    yield
    i18n.install(i18n.Locale())
    cli.translate_argparse()


def command_paths(parser: argparse.ArgumentParser, prefix=()) -> list[tuple[str, ...]]:
    """Every command and sub-command of *parser*: ``[(), ("list",), ("bookmarks", "add")…]``."""
    paths = [prefix]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                paths += command_paths(sub, (*prefix, name))
    return paths


def english_words(text: str) -> set[str]:
    """The English-only words of *text* outside command names, options and proper names."""
    parser, _gui = cli.build_parser()
    names = {path[-1] for path in command_paths(parser) if path}
    commands = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    return set(ENGLISH.findall(commands.sub(" ", ALLOWED.sub(" ", text))))


def help_of(path, lang, capsys) -> str:
    assert cli.main(["--lang", lang, *path, "--help"]) == 0
    return capsys.readouterr().out


def test_every_help_page_is_french(capsys):
    i18n.install(i18n.Locale("fr", "FR"))
    parser, _gui = cli.build_parser()
    paths = command_paths(parser)
    assert ("bookmarks", "questions", "tick") in paths and len(paths) > 15
    problems = {}
    for path in paths:
        text = help_of(path, "fr", capsys)
        assert text.startswith("utilisation\u00a0: brochure-reader"), text[:80]
        assert "afficher cette aide et quitter" in text
        if english_words(text):
            problems[" ".join(path) or "(top)"] = sorted(english_words(text))
    assert not problems, problems


def test_the_english_check_finds_english(capsys):
    """The same walk on the English help finds English on every page (so the check above can
    fail)."""
    parser, _gui = cli.build_parser()
    for path in command_paths(parser):
        assert english_words(help_of(path, "en", capsys)), path


def _french_system_env(tmp_path) -> dict:
    env = dict(os.environ)
    for name in ("BROCHURE_READER_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        env.pop(name, None)
    env["LANG"] = "fr_FR.UTF-8"
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    return env


def _run(args, env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "brochure_reader", *args], env=env,
                          capture_output=True, text=True, timeout=120)  # fmt: skip


def test_a_french_system_gets_french_help_and_one_french_error_line(tmp_path):
    env = _french_system_env(tmp_path)
    done = _run(["--home", str(tmp_path), "--help"], env)
    assert done.returncode == 0
    assert done.stdout.startswith("utilisation\u00a0: brochure-reader")
    assert "arguments positionnels\u00a0:" in done.stdout
    assert "chercher dans la bibliothèque" in done.stdout
    assert not english_words(done.stdout)

    done = _run(["--home", str(tmp_path), "no-such-brochure"], env)
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(
        "brochure-reader\u00a0: erreur\u00a0: «\u00a0no-such-brochure\u00a0»")
    assert "n’est ni une commande, ni un identifiant de document, ni un fichier" in lines[0]
    assert not english_words(lines[0])


def test_lang_option_beats_the_system_and_translates_argparse_errors(tmp_path, capsys):
    # a usage error is argparse's: usage line + one error line, exit status 2, in French
    assert cli.main(["--home", str(tmp_path), "--lang", "fr", "export"]) == 2
    err = capsys.readouterr().err
    assert "brochure-reader export\u00a0: erreur\u00a0: les arguments suivants sont " \
           "obligatoires\u00a0: DOC_ID[#slug], --out" in err
    assert err.startswith("utilisation\u00a0:")
    # our own bad-input message: one line, exit status 1
    assert cli.main(["--home", str(tmp_path), "--lang", "fr", "search", "--limit", "0",
                     "fatigue"]) == 1  # fmt: skip
    assert capsys.readouterr().err == (
        "brochure-reader\u00a0: erreur\u00a0: --limit doit valoir au moins 1\n")
    # and English again with --lang en (nothing left over from the French run)
    assert cli.main(["--home", str(tmp_path), "--lang", "en", "export"]) == 2
    assert "the following arguments are required" in capsys.readouterr().err


def test_plural_messages_in_french(tmp_path, capsys):
    i18n.install(i18n.Locale("fr", "FR"))
    one = i18n.ngettext("Exported %(n)d bookmark to %(out)s", "Exported %(n)d bookmarks to "
                        "%(out)s", 1) % {"n": 1, "out": "x.json"}
    many = i18n.ngettext("Exported %(n)d bookmark to %(out)s", "Exported %(n)d bookmarks to "
                         "%(out)s", 28) % {"n": 28, "out": "x.json"}
    assert (one, many) == ("1 signet exporté dans x.json", "28 signets exportés dans x.json")


def test_the_core_s_messages_in_french(tmp_path, capsys):
    """Bad page ranges, unknown documents and sections, unsupported files: each one French
    line on stderr, exit status 1 (library/, handouts/ranges.py through gettext)."""
    home = ["--home", str(tmp_path), "--lang", "fr"]
    out = str(tmp_path / "x.pdf")
    cases = [
        (["export", "acute-myeloid-leukaemia", "--pages", "0-3", "--out", out],
         "les pages sont numérotées à partir de 1"),
        (["export", "no-such-doc", "--out", out],
         "Aucun document avec l’identifiant «\u00a0no-such-doc\u00a0»"),
        (["export", "acute-myeloid-leukaemia#nope", "--out", out],
         "Pas de section «\u00a0nope\u00a0» dans «\u00a0acute-myeloid-leukaemia\u00a0»"),
        (["import", "/etc/hostname"], "type de document non pris en charge"),
    ]
    for args, expected in cases:
        assert cli.main([*home, *args]) == 1, args
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("brochure-reader\u00a0: erreur\u00a0: "), err
        assert expected in err, err
        said = err.replace("--pages 0-3", "").split("(ses sections")[0]  # slugs are ids
        assert not english_words(said), err


def test_messages_raised_in_a_worker_process_are_in_the_parent_s_language(tmp_path):
    """A worker starts with the interface locale of the process that started it, so a
    DocumentError made there reads in French (the GUI shows it as it comes)."""
    from brochure_reader.pdf import jobs
    from brochure_reader.pdf.errors import DocumentError
    from brochure_reader.pdf.worker import WorkerPool

    i18n.install(i18n.Locale("fr", "FR"))
    pool = WorkerPool(1)
    try:
        with pytest.raises(DocumentError) as raised:
            pool.submit(jobs.document_info, str(tmp_path / "absent.pdf")).result(timeout=300)
    finally:
        pool.shutdown()
        i18n.install(i18n.Locale())
    assert str(raised.value) == "absent.pdf est introuvable."


def test_a_bookmarks_import_is_reported_in_french(tmp_path, capsys):
    bad = tmp_path / "signets.json"
    bad.write_text("{ not json", encoding="utf-8")
    assert cli.main(["--home", str(tmp_path), "--lang", "fr", "bookmarks", "import",
                     str(bad)]) == 1  # fmt: skip
    err = capsys.readouterr().err
    assert err.startswith("brochure-reader\u00a0: erreur\u00a0: signets.json n’est pas du JSON "
                          "valide (ligne 1\u00a0: "), err
    empty = tmp_path / "vide.json"
    empty.write_text("[]", encoding="utf-8")
    assert cli.main(["--home", str(tmp_path), "--lang", "fr", "bookmarks", "import",
                     str(empty)]) == 0  # fmt: skip
    assert capsys.readouterr().out == "0 ajoutés, 0 mis à jour, 0 ignorés\n"
