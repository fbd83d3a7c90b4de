"""Getting bookmarks back: salvaging rows from a damaged database, and the daily backup copies.

Salvage is a row-by-row copy (the approach of SQLite's own ``.recover`` when pages are lost,
without needing the ``sqlite3`` shell): every table this version knows is read in rowid order
until SQLite reports damage, then again from the other end (``ORDER BY rowid DESC``), and each
row that reads is inserted into the fresh database (``INSERT OR IGNORE``: a row that breaks a
constraint or was already copied is skipped).  The damaged file itself is never written: the
copy is made from a private temporary copy of it (and its ``-wal``).

Backups: :func:`daily_backup` keeps a consistent copy (SQLite online backup API) from each day
the bookmarks were opened, the newest :data:`KEEP_BACKUPS`, in ``<data>/bookmark-backups/``.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from brochure_reader.bookmarks.migrations import backup_database

#: Tables copied by :func:`salvage`, parents before children (foreign keys).
TABLES = ("bookmarks", "collections", "bookmark_collections", "questions", "meta")
#: How many daily copies are kept.
KEEP_BACKUPS = 7
_DAILY = "bookmarks-daily-"


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def _readable_rows(conn: sqlite3.Connection, table: str, columns: list[str]):
    """Rows of *table* that SQLite can read: forwards until damage, then backwards, then one
    by one through the primary-key index (which often survives when table pages do not)."""
    select = f"SELECT {', '.join(columns)} FROM {table}"
    try:
        yield from conn.execute(select).fetchall()
        return
    except sqlite3.DatabaseError:
        pass
    try:
        for row in conn.execute(select):
            yield row
    except sqlite3.DatabaseError:
        pass
    try:  # WITHOUT ROWID tables have no rowid
        for row in conn.execute(f"{select} ORDER BY rowid DESC"):
            yield row
    except sqlite3.DatabaseError:
        pass
    keys = [row[1] for row in conn.execute(f"PRAGMA table_info({table})") if row[5] == 1]
    if len(keys) != 1:
        return
    found = []
    try:
        for (key,) in conn.execute(f"SELECT {keys[0]} FROM {table}"):
            found.append(key)
    except sqlite3.DatabaseError:
        pass
    for key in found:
        try:
            row = conn.execute(f"{select} WHERE {keys[0]} = ?", (key,)).fetchone()
        except sqlite3.DatabaseError:
            continue
        if row is not None:
            yield row


def salvage(source: Path, dest: sqlite3.Connection) -> dict[str, int]:
    """Copy every readable row of the damaged database *source* into *dest* (a database at
    the current schema, autocommit mode).  Returns ``{table: rows copied}``; a file SQLite cannot
    read at all gives zeros.  Never raises for damage in *source*; *source* is not modified."""
    copied = {table: 0 for table in TABLES}
    with tempfile.TemporaryDirectory(prefix="bookmarks-salvage-") as folder:
        copy = Path(folder) / "damaged.sqlite3"
        try:
            shutil.copyfile(source, copy)
            wal = Path(f"{source}-wal")
            if wal.exists():
                shutil.copyfile(wal, Path(f"{copy}-wal"))
            src = sqlite3.connect(copy)
        except (OSError, sqlite3.Error):
            return copied
        try:
            wanted = set(TABLES)
            try:
                present = {r[0] for r in src.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'")} & wanted
            except sqlite3.DatabaseError:
                return copied
            dest.execute("PRAGMA foreign_keys=OFF")
            dest.execute("BEGIN IMMEDIATE")
            for table in TABLES:
                if table not in present:
                    continue
                try:
                    columns = [c for c in _columns(src, table) if c in _columns(dest, table)]
                except sqlite3.DatabaseError:
                    continue
                if not columns:
                    continue
                insert = (f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) "
                          f"VALUES ({', '.join('?' * len(columns))})")
                for row in _readable_rows(src, table, columns):
                    try:
                        copied[table] += dest.execute(insert, row).rowcount
                    except sqlite3.DatabaseError:
                        pass  # a row that breaks a constraint: the others still count
            # links whose bookmark or collection was lost would break the foreign keys
            dest.execute("DELETE FROM bookmark_collections WHERE bookmark_id NOT IN "
                         "(SELECT id FROM bookmarks) OR collection_id NOT IN "
                         "(SELECT id FROM collections)")
            dest.execute("COMMIT")
        finally:
            if dest.in_transaction:
                dest.execute("ROLLBACK")
            dest.execute("PRAGMA foreign_keys=ON")
            src.close()
    return copied


def backups(folder: Path) -> list[Path]:
    """The backup copies in *folder*, newest first (daily ones and those made before a
    migration)."""
    try:
        found = [p for p in Path(folder).glob("bookmarks-*.sqlite3") if p.is_file()]
    except OSError:
        return []
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def daily_backup(conn: sqlite3.Connection, folder: Path, version: int) -> Path | None:
    """Make today's copy of *conn*'s database unless there is one from the last 20 hours, and
    keep only the newest :data:`KEEP_BACKUPS` daily copies.  Returns the new copy or None.
    Raises OSError or sqlite3.Error (the caller carries on without a copy)."""
    daily = [p for p in backups(folder) if p.name.startswith(_DAILY)]
    if daily and time.time() - daily[0].stat().st_mtime < 20 * 3600:
        return None
    made = backup_database(conn, folder, version)
    target = made.with_name(_DAILY + made.name.removeprefix("bookmarks-"))
    made.replace(target)
    for old in [p for p in backups(folder) if p.name.startswith(_DAILY)][KEEP_BACKUPS:]:
        old.unlink(missing_ok=True)
    return target
