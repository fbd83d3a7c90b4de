"""Issue 15, item 15: every CLI failure is one plain sentence, never an exception's class name."""

from __future__ import annotations

import sqlite3

import pytest

from brochure_reader.cli import main


def _one_error_line(capsys) -> str:
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "unexpected" not in err and "Error:" not in err.split("error:", 1)[1], err
    assert "Traceback" not in err
    return lines[0]


def test_deeply_nested_bookmarks_json(tmp_path, capsys):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert main(["bookmarks", "import", str(deep)]) == 1
    assert "nested too deeply" in _one_error_line(capsys)


def test_newer_schema_store_refuses_writes_in_words(app_paths, capsys):
    from brochure_reader.bookmarks.store import BookmarkStore

    BookmarkStore.open(app_paths).close()
    with sqlite3.connect(app_paths.data / "bookmarks.sqlite3") as conn:
        conn.execute("PRAGMA user_version = 99")
    assert main(["bookmarks", "questions", "add", "Can I work?"]) == 1
    assert "newer version" in _one_error_line(capsys)
    assert main(["bookmarks", "add", "acute-lymphoblastic-leukaemia"]) == 1
    assert "newer version" in _one_error_line(capsys)
    assert main(["bookmarks", "list"]) == 0  # reading still works


def test_empty_home_is_refused_not_the_real_profile(capsys, monkeypatch):
    monkeypatch.delenv("BROCHURE_READER_HOME", raising=False)
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_data_dir",
                        lambda *a, **k: pytest.fail("the real profile was used"))
    assert main(["--home", "", "list"]) == 2
    assert "--home" in _one_error_line(capsys)
    assert main(["bookmarks", "list", "--home", " "]) == 2
    assert "--home" in _one_error_line(capsys)


def test_an_internal_error_never_names_its_class(monkeypatch, capsys):
    import brochure_reader.cli as cli

    def broken(args, ctx):
        raise KeyError("pages")

    monkeypatch.setattr(cli, "cmd_list", broken)
    assert main(["list"]) == 1
    line = _one_error_line(capsys)
    assert "KeyError" not in line and "please report it" in line


@pytest.mark.parametrize("exc, words", [
    (OSError(28, "No space left on device", "/home/me/.settings.json.x1y2.tmp"), "disk is full"),
    (sqlite3.OperationalError("database or disk is full"), "disk is full"),
    (PermissionError(13, "Permission denied", "/x/bookmarks.sqlite3.abc.tmp"),
     "Permission denied"),
    (RecursionError("maximum recursion depth exceeded"), "nested too deeply"),
])
def test_user_message_words(exc, words):
    from brochure_reader.cli import user_message

    message = user_message(exc)
    assert words in message and ".tmp" not in message and type(exc).__name__ not in message


@pytest.mark.parametrize("name", ["out.pdf", "out.json"])
def test_export_never_replaces_a_folder(tmp_path, capsys, name):
    folder = tmp_path / name
    folder.mkdir()
    assert main(["bookmarks", "export", str(folder)]) == 1
    assert "is a folder" in _one_error_line(capsys)
    assert folder.is_dir()
