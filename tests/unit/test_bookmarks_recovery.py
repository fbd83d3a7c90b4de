"""Issue 15, items 3 and 4: damaged bookmarks are salvaged, backups are real, a 0-byte file is
reported, and a read-only data folder still shows every bookmark."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from brochure_reader.bookmarks.store import BACKUP_FOLDER, FILE_NAME, BookmarkStore, StoreError
from tests.disk_support import read_only


def _filled(app_paths, n: int) -> Path:
    with BookmarkStore.open(app_paths) as store:
        for i in range(n):
            store.add("aml", 1 + i % 9, float(i), label=f"Label {i}", note="note " * 20,
                      collections=["For Tuesday"] if i % 3 else [])
    conn = sqlite3.connect(app_paths.data / FILE_NAME)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return app_paths.data / FILE_NAME


def _random_bytes(path: Path, offset: int, size: int = 8192, seed: int = 15) -> None:
    data = bytearray(path.read_bytes())
    rng = random.Random(seed)
    data[offset:offset + size] = bytes(rng.randrange(256) for _ in range(size))
    path.write_bytes(bytes(data))


def _no_backups(app_paths) -> None:
    for copy in (app_paths.data / BACKUP_FOLDER).glob("*"):
        copy.unlink()


def test_rows_sqlite_can_read_are_salvaged_and_counted(app_paths):
    path = _filled(app_paths, 209)
    _no_backups(app_paths)
    _random_bytes(path, 8192)
    plain = sqlite3.connect(path)  # what SQLite itself still reads from the damaged file
    readable = len(plain.execute("SELECT id FROM bookmarks").fetchall())
    plain.close()
    assert readable == 209
    with BookmarkStore.open(app_paths) as store:
        [message] = store.messages
        assert len(store.bookmarks()) == 209
        assert "209 bookmarks could be recovered" in message
        assert "Earlier copies" not in message  # there are none: the sentence is not said
        assert store.integrity_check() == ["ok"]
    aside = next(app_paths.data.glob(f"{FILE_NAME}.damaged-*"))
    assert aside.name in message and aside.parent == app_paths.data


def test_salvage_reads_rows_one_by_one_when_table_pages_are_lost(app_paths):
    path = _filled(app_paths, 209)
    _random_bytes(path, 4096 * 12)  # table pages: a plain SELECT * stops at the damage
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT * FROM bookmarks").fetchall()
    with BookmarkStore.open(app_paths) as store:
        got = len(store.bookmarks())
        assert 150 < got < 209 and f"{got} bookmarks and 9 questions could be recovered" \
            in store.messages[0]


def test_damage_message_names_backups_that_exist(app_paths):
    path = _filled(app_paths, 5)
    BookmarkStore.open(app_paths).close()  # a start with bookmarks makes the daily copy
    copies = list((app_paths.data / BACKUP_FOLDER).glob("bookmarks-daily-*.sqlite3"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as conn:
        assert conn.execute("SELECT count(*) FROM bookmarks").fetchone()[0] == 5
    BookmarkStore.open(app_paths).close()  # not twice a day
    assert len(list((app_paths.data / BACKUP_FOLDER).glob("bookmarks-daily-*"))) == 1
    path.write_bytes(b"not a database " * 300)
    with BookmarkStore.open(app_paths) as store:
        [message] = store.messages
    assert "Earlier copies (the newest from" in message
    assert str(app_paths.data / BACKUP_FOLDER) in message


def test_daily_copies_are_bounded(app_paths):
    import os
    import time

    from brochure_reader.bookmarks import recovery

    _filled(app_paths, 2)
    folder = app_paths.data / BACKUP_FOLDER
    for _day in range(recovery.KEEP_BACKUPS + 3):
        for copy in folder.glob("bookmarks-daily-*"):  # pretend the copies are a day older
            old = copy.stat().st_mtime - 86400
            os.utime(copy, (old, old))
        BookmarkStore.open(app_paths).close()
        time.sleep(1.01)  # distinct names (they carry the time to the second)
    assert len(list(folder.glob("bookmarks-daily-*"))) == recovery.KEEP_BACKUPS


def test_zero_byte_store_is_reported_not_silently_replaced(app_paths):
    path = _filled(app_paths, 3)
    BookmarkStore.open(app_paths).close()  # the daily copy
    for companion in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        companion.unlink(missing_ok=True)
    path.write_bytes(b"")
    with BookmarkStore.open(app_paths) as store:
        [message] = store.messages
        assert "empty (0 bytes)" in message and "Earlier copies" in message
    assert list(app_paths.data.glob(f"{FILE_NAME}.damaged-*"))


def test_a_new_store_is_never_a_zero_byte_file(app_paths):
    BookmarkStore.open(app_paths).close()
    assert (app_paths.data / FILE_NAME).stat().st_size > 0
    assert not list(app_paths.data.glob(".*new*"))  # no temporary leftovers
    with BookmarkStore.open(app_paths) as store:
        assert store.messages == []


# --- item 4: a read-only data folder ---------------------------------------------------------


def test_read_only_folder_shows_bookmarks_and_says_why_once(app_paths):
    _filled(app_paths, 4)
    with read_only(app_paths.data), BookmarkStore.open(app_paths) as store:
        assert store.read_only
        assert len(store.bookmarks()) == 4 and store.collections()[0].count == 2
        [message] = store.messages
        assert "cannot be changed" in message and str(app_paths.data) in message
        with pytest.raises(StoreError, match="cannot be changed"):
            store.add("aml", 1, 0.0)
        assert len(store.questions.in_order()) > 0


def test_read_only_folder_without_a_bookmarks_file(app_paths):
    with read_only(app_paths.data), BookmarkStore.open(app_paths) as store:
        assert store.read_only and store.bookmarks() == []
        assert "cannot be changed" in store.messages[0]


def test_cli_lists_bookmarks_from_a_read_only_folder(app_paths, capsys):
    from brochure_reader.cli import main

    _filled(app_paths, 2)
    with read_only(app_paths.data):
        assert main(["bookmarks", "list"]) == 0
        captured = capsys.readouterr()
        assert "Label 0" in captured.out and "Label 1" in captured.out
        assert captured.err.count("cannot be changed") == 1
        assert main(["bookmarks", "add", "acute-lymphoblastic-leukaemia"]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "cannot be changed" in err
