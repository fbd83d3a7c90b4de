"""BookmarkStore: saving, reading, collections, undo support, file safety settings."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys

import pytest

from brochure_reader.bookmarks import (
    ANCHOR_NEEDS_ATTENTION,
    Bookmark,
    BookmarkNotFound,
    BookmarkStore,
    Quote,
    StoreError,
)
from brochure_reader.bookmarks.model import COLOURS, DEFAULT_COLOUR
from brochure_reader.bookmarks.store import FILE_NAME


@pytest.fixture
def store(app_paths):
    with BookmarkStore.open(app_paths) as opened:
        yield opened


def test_opens_in_the_user_data_dir_with_wal_and_foreign_keys(app_paths, store):
    assert store.path == app_paths.data / FILE_NAME
    assert store.path.is_file()
    conn = store._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.messages == []  # a new file is not news
    assert not (app_paths.data / "bookmark-backups").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_files_are_private(app_paths, store):
    store.add("aml", 1, 0.0)
    for suffix in ("", "-wal", "-shm"):
        path = store.path.with_name(store.path.name + suffix)
        assert path.exists(), path
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_an_existing_file_with_loose_mode_is_tightened(app_paths):
    BookmarkStore.open(app_paths).close()
    path = app_paths.data / FILE_NAME
    os.chmod(path, 0o644)
    BookmarkStore.open(app_paths).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_add_and_read_back_every_field(store):
    quote = Quote("You have a temperature of 38 °C or more", "straight away if…", "Call your")
    added = store.add("aml", 7, 412.25, content_hash="c" * 64, section_ref="aml#fever",
                      quote=quote, label="  Fever  ", note="Line one\nLine two ✓",
                      colour="pink", collections=["For Tuesday", "Share  with   Sam"])
    got = store.get(added.id)
    assert got == added
    assert (got.doc_id, got.page, got.y, got.page0) == ("aml", 7, 412.25, 6)
    assert got.content_hash == "c" * 64 and got.section_ref == "aml#fever"
    assert got.quote == quote
    assert got.label == "Fever"
    assert got.note == "Line one\nLine two ✓"
    assert got.colour == COLOURS["pink"]
    assert got.collections == ("For Tuesday", "Share with Sam")
    assert got.anchor == "ok" and not got.needs_attention
    assert got.created == got.updated and got.created.tzinfo is not None
    assert len(got.id) == 36 and got.id.count("-") == 4


def test_plain_string_quote_and_defaults(store):
    b = store.add("aml", 1, 0.0, quote="hello")
    assert b.quote == Quote("hello")
    assert b.colour == DEFAULT_COLOUR
    assert b.collections == ()
    assert b.title == "hello"


@pytest.mark.parametrize("kwargs, message", [
    (dict(doc_id="", page=1, y=0.0), "document id"),
    (dict(doc_id="aml", page=0, y=0.0), "start at 1"),
    (dict(doc_id="aml", page=1, y=-3.0), "distance"),
    (dict(doc_id="aml", page=1, y=float("nan")), "distance"),
    (dict(doc_id="aml", page=1, y=0.0, colour="mauve"), "Unknown colour"),
    (dict(doc_id="aml", page=1, y=0.0, collections=["  "]), "needs a name"),
])
def test_bad_values_are_refused_and_nothing_is_written(store, kwargs, message):
    with pytest.raises(ValueError, match=message):
        store.add(**kwargs)
    assert store.bookmarks() == []


def test_list_orders_and_filters(store):
    a = store.add("b-doc", 2, 10.0, collections=["X"])
    b = store.add("a-doc", 3, 5.0)
    c = store.add("a-doc", 1, 500.0, collections=["x"])  # same collection, other case
    d = store.add("a-doc", 1, 20.0)
    assert [x.id for x in store.bookmarks()] == [d.id, c.id, b.id, a.id]
    assert [x.id for x in store.bookmarks(doc_id="a-doc")] == [d.id, c.id, b.id]
    assert {x.id for x in store.bookmarks(collection="X")} == {a.id, c.id}
    assert {x.id for x in store.bookmarks(collection="x")} == {a.id, c.id}
    assert store.documents() == ["a-doc", "b-doc"]
    store.set_anchor(b.id, ANCHOR_NEEDS_ATTENTION)
    assert [x.id for x in store.bookmarks(needs_attention=True)] == [b.id]
    assert b.id not in {x.id for x in store.bookmarks(needs_attention=False)}


def test_update_changes_only_given_fields_and_the_time(store):
    b = store.add("aml", 2, 30.0, label="Old", note="n", colour="blue")
    changed = store.update(b.id, label="New")
    assert (changed.label, changed.note, changed.colour) == ("New", "n", COLOURS["blue"])
    assert changed.updated > b.updated and changed.created == b.created
    assert store.update(b.id, note="", colour="#ABCDEF").colour == "#abcdef"
    with pytest.raises(BookmarkNotFound):
        store.update("00000000-0000-4000-8000-000000000000", label="x")


def test_delete_and_restore_give_back_the_same_bookmark(store):
    b = store.add("aml", 4, 99.5, quote=Quote("q", "p", "s"), label="L", note="N",
                  collections=["One", "Two"])
    other = store.add("aml", 5, 0.0, collections=["One"])
    gone = store.delete(b.id)
    assert gone == b
    assert not store.exists(b.id)
    # the membership rows went with it (foreign key cascade), the collection stays
    assert store._conn.execute("SELECT count(*) FROM bookmark_collections WHERE bookmark_id = ?",
                               (b.id,)).fetchone()[0] == 0
    assert [c.name for c in store.collections()] == ["One", "Two"]
    store.restore(gone)
    assert store.get(b.id) == b
    assert store.get(other.id) == other
    with pytest.raises(BookmarkNotFound):
        store.delete("00000000-0000-4000-8000-000000000000")


def test_delete_many_is_all_or_nothing(store):
    a, b = store.add("aml", 1, 0.0), store.add("aml", 2, 0.0)
    with pytest.raises(BookmarkNotFound):
        store.delete_many([a.id, "00000000-0000-4000-8000-000000000000", b.id])
    assert store.exists(a.id) and store.exists(b.id)
    assert [x.id for x in store.delete_many([b.id, a.id])] == [b.id, a.id]
    assert store.bookmarks() == []


def test_restore_recreates_a_collection_deleted_meanwhile(store):
    b = store.add("aml", 1, 0.0, collections=["Gone soon"])
    gone = store.delete(b.id)
    store.delete_collection("Gone soon")
    store.restore(gone)
    assert store.get(b.id).collections == ("Gone soon",)


def test_collections_move_rename_merge_delete(store):
    a = store.add("aml", 1, 0.0, collections=["Tuesday"])
    b = store.add("aml", 2, 0.0)
    store.move_to_collection(b.id, "Family")
    assert store.get(b.id).collections == ("Family",)
    store.add_to_collection(b.id, "tuesday")  # existing name, other case
    assert store.get(b.id).collections == ("Family", "Tuesday")
    assert {c.name: c.count for c in store.collections()} == {"Family": 1, "Tuesday": 2}
    store.create_collection("Empty")
    assert {c.name: c.count for c in store.collections()}["Empty"] == 0
    store.rename_collection("Family", "Tuesday")  # merge
    assert {c.name: c.count for c in store.collections()} == {"Empty": 0, "Tuesday": 2}
    store.rename_collection("Tuesday", "Next appointment")
    assert store.get(a.id).collections == ("Next appointment",)
    with pytest.raises(StoreError, match="no collection"):
        store.rename_collection("Nope", "X")
    store.delete_collection("Next appointment")
    assert store.get(a.id).collections == () and store.exists(a.id)
    store.move_to_collection(b.id, None)
    assert store.get(b.id).collections == ()


def test_find_by_id_prefix(store):
    b = store.add("aml", 1, 0.0)
    assert store.find(b.id[:8]).id == b.id
    assert store.find(b.id.upper()).id == b.id
    with pytest.raises(BookmarkNotFound, match="at least 4"):
        store.find(b.id[:3])
    with pytest.raises(BookmarkNotFound):
        store.find("zzzz")
    with pytest.raises(BookmarkNotFound):
        store.find("%%%%")  # LIKE wildcards are escaped
    for suffix in ("1111", "2222"):
        store.put(Bookmark(id=f"abcd{suffix}-0000-4000-8000-000000000000", doc_id="aml",
                           page=1, y=0.0))
    with pytest.raises(StoreError, match="More than one"):
        store.find("abcd")
    assert store.find("abcd2").id.startswith("abcd2222")


def test_sections_and_stale(store):
    store.add("aml", 1, 0.0, section_ref="aml#fever", content_hash="old")
    store.add("aml", 2, 0.0, section_ref="aml#fever", content_hash="new")
    store.add("aml", 3, 0.0, section_ref="", content_hash="")
    store.add("other", 1, 0.0, section_ref="other#x")
    assert store.bookmarked_sections("aml") == {"aml#fever"}
    assert {b.page for b in store.stale("aml", "new")} == {1, 3}


def test_relocate_keeps_a_label_changed_meanwhile_elsewhere(app_paths, store):
    b = store.add("aml", 1, 0.0, label="Mine")
    with BookmarkStore.open(app_paths) as other:
        other.update(b.id, label="Changed in the other window")
    store.relocate([dict(bookmark_id=b.id, page=3, y=50.0, quote=Quote("x"),
                         anchor="ok", content_hash="h", section_ref="aml#s")])
    got = store.get(b.id)
    assert (got.page, got.y, got.quote.exact, got.content_hash, got.section_ref) == \
        (3, 50.0, "x", "h", "aml#s")
    assert got.label == "Changed in the other window"


def test_changed_elsewhere_sees_other_connections_only(app_paths, store):
    assert store.changed_elsewhere() is False
    store.add("aml", 1, 0.0)
    assert store.changed_elsewhere() is False  # our own commit
    with BookmarkStore.open(app_paths) as other:
        added = other.add("aml", 2, 0.0)
    assert store.changed_elsewhere() is True
    assert store.changed_elsewhere() is False
    assert store.exists(added.id)


def test_file_from_a_newer_version_is_read_only(app_paths):
    with BookmarkStore.open(app_paths) as store:
        kept = store.add("aml", 1, 0.0, label="Kept")
    conn = sqlite3.connect(app_paths.data / FILE_NAME)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    with BookmarkStore.open(app_paths) as store:
        assert store.read_only
        assert any("newer version" in m for m in store.messages)
        assert [b.label for b in store.bookmarks()] == ["Kept"]
        with pytest.raises(StoreError, match="newer version"):
            store.add("aml", 2, 0.0)
        with pytest.raises(StoreError):
            store.delete(kept.id)
    conn = sqlite3.connect(app_paths.data / FILE_NAME)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 99  # untouched
    conn.close()


def test_unwritable_folder_is_a_store_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="could not be opened"):
        BookmarkStore.open(blocker / "sub" / FILE_NAME)


def test_integrity_check_reports_ok(store):
    store.add("aml", 1, 0.0)
    assert store.integrity_check() == ["ok"]


def test_sqlite_errors_become_store_errors(app_paths):
    store = BookmarkStore.open(app_paths)
    store.close()
    for call in (store.bookmarks, store.collections, lambda: store.exists("x"),
                 lambda: store.add("aml", 1, 0.0), store.changed_elsewhere):
        with pytest.raises(StoreError):
            call()
