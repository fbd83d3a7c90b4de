"""Migration from every released schema version (fixture databases in tests/fixtures/bookmarks)."""

from __future__ import annotations

import shutil
import sqlite3
import stat
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from brochure_reader.bookmarks import BUILTIN_QUESTIONS, BookmarkStore, StoreError
from brochure_reader.bookmarks import migrations as mig
from brochure_reader.bookmarks.store import BACKUP_FOLDER, FILE_NAME

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "bookmarks"
FEVER_ID = "11111111-1111-4111-8111-111111111111"
EATING_ID = "22222222-2222-4222-8222-222222222222"
GLIOMA_ID = "33333333-3333-4333-8333-333333333333"


def install(version: int, app_paths) -> Path:
    target = app_paths.data / FILE_NAME
    shutil.copyfile(FIXTURES / f"v{version}.sqlite3", target)
    return target


def schema(path: Path) -> dict[str, str]:
    conn = sqlite3.connect(path)
    try:
        return {name: " ".join(sql.split()) for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL")}
    finally:
        conn.close()


def test_there_is_a_fixture_for_every_released_version():
    found = sorted(int(p.stem[1:]) for p in FIXTURES.glob("v*.sqlite3"))
    assert found == list(range(1, mig.SCHEMA_VERSION + 1))
    for version in found:
        conn = sqlite3.connect(FIXTURES / f"v{version}.sqlite3")
        assert mig.user_version(conn) == version
        conn.close()


def test_steps_are_numbered_in_order():
    assert [m.version for m in mig.MIGRATIONS] == list(range(1, len(mig.MIGRATIONS) + 1))


@pytest.mark.parametrize("version", range(1, mig.SCHEMA_VERSION + 1))
def test_migrating_a_fixture_keeps_every_bookmark(version, app_paths):
    install(version, app_paths)
    with BookmarkStore.open(app_paths) as store:
        assert store.schema_version == mig.SCHEMA_VERSION
        assert store.integrity_check() == ["ok"]
        assert store._conn.execute("PRAGMA foreign_key_check").fetchall() == []
        got = {b.id: b for b in store.bookmarks()}
        assert set(got) == {FEVER_ID, EATING_ID, GLIOMA_ID}

        fever = got[FEVER_ID]
        assert (fever.doc_id, fever.page, fever.y) == ("acute-myeloid-leukaemia", 7, 412.5)
        assert fever.content_hash == "a" * 64
        assert fever.section_ref == \
            "acute-myeloid-leukaemia#contact-your-care-team-straight-away-if"
        assert fever.quote.exact.startswith("you have a temperature of 38 °C")
        assert fever.label == "What to do about a fever"
        assert fever.note == "Ask for the 24-hour number.\nKeep it by the phone ✓ — ünïcode"
        assert fever.colour == "#f28cb1"
        assert fever.created == datetime(2026, 1, 10, 9, 0, tzinfo=timezone.utc)
        assert fever.updated == datetime(2026, 2, 11, 10, 30, tzinfo=timezone.utc)
        glioma = got[GLIOMA_ID]
        assert glioma.collections == () and glioma.label == "Glioma"
        assert glioma.updated == datetime(2026, 3, 12, 11, 45, 30, 250000, tzinfo=timezone.utc)

        if version == 1:
            # v1's single text column: " for tuesday " is the same collection as "For Tuesday"
            assert fever.collections == ("For Tuesday",)
            assert got[EATING_ID].collections == ("For Tuesday",)
            assert [c.name for c in store.collections()] == ["For Tuesday"]
            assert fever.quote.prefix == "" and fever.anchor == "ok"
        else:
            assert fever.collections == ("For Tuesday", "Share with Sam")
            assert fever.quote.prefix == "Contact your care team straight away if…"
            assert fever.quote.suffix == "at once. Do not wait"
            assert got[EATING_ID].needs_attention
            assert {c.name: c.count for c in store.collections()} == \
                {"For Tuesday": 2, "Share with Sam": 1, "Empty one": 0}

        texts = [q.text for q in store.questions.in_order()]
        if version < 3:
            assert texts == list(BUILTIN_QUESTIONS)  # seeded on first use of the new table
        else:
            assert texts == ["What type of AML do I have?", "Can my sister come to appointments?"]
            assert store.questions.in_order()[0].answered

        # and the migrated file is fully usable
        added = store.add("glioma", 2, 10.0, collections=["For Tuesday"])
        assert store.get(added.id).collections == ("For Tuesday",)

    backups = sorted((app_paths.data / BACKUP_FOLDER).glob("bookmarks-v*.sqlite3")) \
        if (app_paths.data / BACKUP_FOLDER).exists() else []
    # one copy before each step, each at the version it was taken from
    assert len(backups) == mig.SCHEMA_VERSION - version
    taken = []
    for backup in backups:
        conn = sqlite3.connect(backup)
        taken.append(mig.user_version(conn))
        assert conn.execute("SELECT count(*) FROM bookmarks").fetchone()[0] == 3
        conn.close()
        if sys.platform != "win32":
            assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert sorted(taken) == list(range(version, mig.SCHEMA_VERSION))
    if backups:  # the first copy holds exactly what the fixture held
        oldest = min(backups, key=lambda b: int(b.name.split("-")[1][1:]))
        assert schema(oldest) == schema(FIXTURES / f"v{version}.sqlite3")


def test_opening_migrated_file_again_changes_nothing(app_paths):
    install(1, app_paths)
    with BookmarkStore.open(app_paths) as store:
        assert any("updated to format" in m for m in store.messages)
    with BookmarkStore.open(app_paths) as store:
        assert store.messages == []
        assert len(store.questions.in_order()) == len(BUILTIN_QUESTIONS)  # not seeded twice
    assert len(list((app_paths.data / BACKUP_FOLDER).glob("bookmarks-v*.sqlite3"))) == \
        mig.SCHEMA_VERSION - 1


def test_fresh_database_has_the_same_schema_as_the_current_fixture(app_paths):
    BookmarkStore.open(app_paths).close()
    assert schema(app_paths.data / FILE_NAME) == \
        schema(FIXTURES / f"v{mig.SCHEMA_VERSION}.sqlite3")


def test_migrated_database_has_the_same_schema_as_a_fresh_one(app_paths, tmp_path):
    install(1, app_paths)
    BookmarkStore.open(app_paths).close()
    BookmarkStore.open(tmp_path / "fresh.sqlite3").close()
    assert schema(app_paths.data / FILE_NAME) == schema(tmp_path / "fresh.sqlite3")


def test_a_failing_step_leaves_the_old_version_and_a_backup(app_paths, monkeypatch):
    path = install(1, app_paths)
    broken = mig.Migration(2, "broken", ("CREATE TABLE half_done (x)", "SELECT * FROM nowhere"))
    monkeypatch.setattr(mig, "MIGRATIONS", (mig.MIGRATIONS[0], broken))
    monkeypatch.setattr("brochure_reader.bookmarks.store.migrate",
                        lambda conn, folder: mig.migrate(conn, folder, steps=mig.MIGRATIONS))
    with pytest.raises(StoreError, match="could not be updated"):
        BookmarkStore.open(app_paths)
    conn = sqlite3.connect(path)
    assert mig.user_version(conn) == 1
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "half_done" not in names  # the step was rolled back as a whole
    assert conn.execute("SELECT count(*) FROM bookmarks").fetchone()[0] == 3
    conn.close()
    assert len(list((app_paths.data / BACKUP_FOLDER).glob("bookmarks-v1-*.sqlite3"))) == 1


def test_a_step_already_done_by_another_process_is_skipped(app_paths):
    path = install(1, app_paths)
    first = sqlite3.connect(path, isolation_level=None)
    second = sqlite3.connect(path, isolation_level=None)
    assert [v for v, _ in mig.migrate(first, None)] == [2, 3]
    assert mig.migrate(second, None) == []  # nothing left to do, nothing done twice
    assert mig.user_version(second) == mig.SCHEMA_VERSION
    first.close()
    second.close()


def test_schema_too_new_is_reported():
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute(f"PRAGMA user_version = {mig.SCHEMA_VERSION + 1}")
    with pytest.raises(mig.SchemaTooNew):
        mig.migrate(conn, None)
