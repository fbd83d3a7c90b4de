"""Schema versions of the bookmarks database and the ordered forward steps between them.

The version lives in SQLite's ``PRAGMA user_version`` (0 = empty file).  Each step runs in its own
``BEGIN IMMEDIATE`` transaction, re-reads the version inside it (another process may have migrated
meanwhile) and sets the new version before ``COMMIT``, so a step is applied completely or not at
all, even when the process is killed.  Before a step that changes an existing database (version
> 0) a consistent copy is written with SQLite's online backup API into the backup folder.

Steps are history: never edit a released step, add a new one.  ``tests/fixtures/bookmarks``
keeps one database of every released version; ``make_fixtures.py`` there rebuilds them.

* v1 — one ``bookmarks`` table; a single ``collection`` text column; ``quote`` without context.
* v2 — ``collections`` and ``bookmark_collections`` tables (a bookmark may be in several);
  ``quote_prefix``/``quote_suffix``; ``anchor`` state ("ok" / "needs-attention").
* v3 — "My questions" (``questions``) and a small ``meta`` key/value table.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path


class MigrationError(Exception):
    """A migration step failed; the database was left at the version before that step."""


class SchemaTooNew(MigrationError):
    """The file was written by a newer version of the app (``version`` > SCHEMA_VERSION)."""

    def __init__(self, version: int):
        super().__init__(f"schema version {version} is newer than this app knows")
        self.version = version


@dataclass(frozen=True)
class Migration:
    """One step: from ``version - 1`` to ``version`` by running ``statements`` in order.

    ``foreign_keys_off`` is needed by steps that rebuild a table (SQLite cannot switch foreign
    keys inside a transaction, so the runner switches them off around it and runs
    ``PRAGMA foreign_key_check`` before committing).
    """

    version: int
    description: str
    statements: tuple[str, ...]
    foreign_keys_off: bool = False


_V1 = (
    """CREATE TABLE bookmarks (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL,
        content_hash TEXT NOT NULL DEFAULT '',
        page INTEGER NOT NULL CHECK (page >= 1),
        y REAL NOT NULL DEFAULT 0,
        section_ref TEXT NOT NULL DEFAULT '',
        quote TEXT NOT NULL DEFAULT '',
        label TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        colour TEXT NOT NULL DEFAULT '#f2c94c',
        collection TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    )""",
    "CREATE INDEX bookmarks_doc ON bookmarks (doc_id)",
)

_V2 = (
    # Rebuild bookmarks without the single 'collection' column (works on SQLite < 3.35 too).
    """CREATE TABLE bookmarks_v2 (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL,
        content_hash TEXT NOT NULL DEFAULT '',
        page INTEGER NOT NULL CHECK (page >= 1),
        y REAL NOT NULL DEFAULT 0,
        section_ref TEXT NOT NULL DEFAULT '',
        quote TEXT NOT NULL DEFAULT '',
        quote_prefix TEXT NOT NULL DEFAULT '',
        quote_suffix TEXT NOT NULL DEFAULT '',
        label TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        colour TEXT NOT NULL DEFAULT '#f2c94c',
        anchor TEXT NOT NULL DEFAULT 'ok' CHECK (anchor IN ('ok', 'needs-attention')),
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    )""",
    """INSERT INTO bookmarks_v2 (id, doc_id, content_hash, page, y, section_ref, quote, label,
                                note, colour, created, updated)
       SELECT id, doc_id, content_hash, page, y, section_ref, quote, label, note, colour,
              created, updated FROM bookmarks""",
    """CREATE TABLE collections (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE
    )""",
    """CREATE TABLE bookmark_collections (
        bookmark_id TEXT NOT NULL REFERENCES bookmarks (id) ON DELETE CASCADE,
        collection_id INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
        PRIMARY KEY (bookmark_id, collection_id)
    ) WITHOUT ROWID""",
    """INSERT OR IGNORE INTO collections (name)
       SELECT trim(collection) FROM bookmarks WHERE trim(collection) != ''
       ORDER BY created""",
    """INSERT OR IGNORE INTO bookmark_collections (bookmark_id, collection_id)
       SELECT b.id, c.id FROM bookmarks AS b
       JOIN collections AS c ON c.name = trim(b.collection)""",
    "DROP TABLE bookmarks",
    "ALTER TABLE bookmarks_v2 RENAME TO bookmarks",
    "CREATE INDEX bookmarks_doc ON bookmarks (doc_id)",
    "CREATE INDEX bookmark_collections_collection ON bookmark_collections (collection_id)",
)

_V3 = (
    """CREATE TABLE questions (
        id TEXT PRIMARY KEY,
        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
        position INTEGER NOT NULL,
        answered INTEGER NOT NULL DEFAULT 0 CHECK (answered IN (0, 1)),
        source TEXT NOT NULL DEFAULT 'own',
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    )""",
    "CREATE INDEX questions_position ON questions (position)",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
)

#: Every step, in order.  ``MIGRATIONS[i].version == i + 1``.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "bookmarks table", _V1),
    Migration(2, "collections table, quote context, anchor state", _V2, foreign_keys_off=True),
    Migration(3, "my questions", _V3),
)

#: The version this code reads and writes.
SCHEMA_VERSION = MIGRATIONS[-1].version


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def backup_database(conn: sqlite3.Connection, folder: Path, version: int) -> Path:
    """Write a consistent copy of *conn*'s database to ``folder/bookmarks-vN-TIME.sqlite3``.

    The copy is created with mode 0600 and renamed into place only when complete.  Returns its
    path.  Raises OSError or sqlite3.Error; the caller then does not migrate.
    """
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = folder / f"bookmarks-v{version}-{stamp}.sqlite3"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"bookmarks-v{version}-{stamp}-{n}.sqlite3"
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    os.close(os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600))
    dest = sqlite3.connect(tmp)
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")  # a self-contained single file
    finally:
        dest.close()
    os.replace(tmp, target)
    return target


def _apply(conn: sqlite3.Connection, step: Migration) -> bool:
    """Run one step in its own transaction.  False when another process already did it."""
    if step.foreign_keys_off:
        conn.execute("PRAGMA foreign_keys=OFF")
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = user_version(conn)
            if current >= step.version:
                conn.execute("ROLLBACK")
                return False
            if current != step.version - 1:
                raise MigrationError(f"cannot go from version {current} to {step.version}")
            for statement in step.statements:
                conn.execute(statement)
            if step.foreign_keys_off and conn.execute("PRAGMA foreign_key_check").fetchone():
                raise MigrationError(f"step {step.version} left broken references")
            conn.execute(f"PRAGMA user_version = {int(step.version)}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    finally:
        if step.foreign_keys_off:
            conn.execute("PRAGMA foreign_keys=ON")
    return True


def migrate(
    conn: sqlite3.Connection,
    backup_folder: Path | None,
    target: int = SCHEMA_VERSION,
    steps: tuple[Migration, ...] = MIGRATIONS,
) -> list[tuple[int, Path | None]]:
    """Bring *conn*'s database forward to *target*, one step at a time.

    *conn* must be in autocommit mode (``isolation_level=None``) and outside a transaction.
    A database that was at version > 0 when called is backed up into *backup_folder* (created
    mode 0700) before each step; a new, empty one is not (nor when *backup_folder* is None).
    Returns ``[(version reached, backup path or None)]`` for the steps this call applied.
    Raises SchemaTooNew when the file is newer than the steps; MigrationError when a step
    fails, leaving the database at the last version reached.
    """
    version = initial = user_version(conn)
    if version > steps[-1].version:
        raise SchemaTooNew(version)
    done: list[tuple[int, Path | None]] = []
    for step in steps:
        if step.version <= version or step.version > target:
            continue
        backup = None
        if initial > 0 and backup_folder is not None:
            backup = backup_database(conn, backup_folder, version)
        try:
            applied = _apply(conn, step)
        except sqlite3.Error as exc:
            raise MigrationError(f"step {step.version} ({step.description}) failed: {exc}") from exc
        version = max(version, user_version(conn))
        if applied:
            done.append((step.version, backup))
        elif backup is not None:
            backup.unlink(missing_ok=True)  # someone else migrated first; this copy is spare
    return done
