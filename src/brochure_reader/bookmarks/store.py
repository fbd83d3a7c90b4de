"""The bookmarks database: one SQLite file in the user data dir (``<data>/bookmarks.sqlite3``).

* WAL journal, ``synchronous=FULL``, foreign keys on; every change is its own
  ``BEGIN IMMEDIATE`` … ``COMMIT`` (there is no Save step), so a killed process loses nothing that
  was reported saved, and two processes (two windows, or the CLI while the GUI runs) can write
  at once: the second waits up to ``timeout`` seconds for the first.
* The file (and its ``-wal``/``-shm`` companions, which SQLite creates with the same mode) is
  mode 0600: notes are health information.
* Schema versions and migrations: :mod:`brochure_reader.bookmarks.migrations` (a backup copy in
  ``<data>/bookmark-backups/`` before each step).
* A damaged file is detected when opened (``PRAGMA quick_check``), moved aside as
  ``bookmarks.sqlite3.damaged-YYYYmmdd-HHMMSS`` and replaced by a fresh database; the sentence to
  show the user is in :attr:`BookmarkStore.messages`.

Plain Python: no Qt, no PyMuPDF.  Use one store per thread (SQLite connections are not shared).
"""

from __future__ import annotations

import errno
import math
import os
import sqlite3
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from brochure_reader.bookmarks.migrations import (
    SCHEMA_VERSION,
    MigrationError,
    SchemaTooNew,
    migrate,
    user_version,
)
from brochure_reader.bookmarks.model import (
    ANCHOR_NEEDS_ATTENTION,
    ANCHOR_OK,
    ANCHOR_STATES,
    Bookmark,
    CollectionInfo,
    Quote,
    format_time,
    new_id,
    normalise_collection,
    normalise_colour,
    parse_time,
    utc_now,
)
from brochure_reader.bookmarks.recovery import backups, daily_backup, salvage
from brochure_reader.errors import UserError, is_damaged_database, is_disk_full
from brochure_reader.i18n import _, format_date, ngettext

FILE_NAME = "bookmarks.sqlite3"
BACKUP_FOLDER = "bookmark-backups"
#: Seconds a writer waits for another process's transaction before giving up.
DEFAULT_TIMEOUT = 15.0

_COLUMNS = (
    "id, doc_id, content_hash, page, y, section_ref, quote, quote_prefix, quote_suffix, label, "
    "note, colour, anchor, created, updated"
)


class StoreError(UserError):
    """A bookmarks operation that cannot be done; ``str(exc)`` is a sentence for the user."""


class BookmarkNotFound(StoreError):
    """No bookmark with that id (it may have been deleted, here or in another window)."""


class _Damaged(Exception):
    pass


def _is_damage(exc: BaseException) -> bool:
    return isinstance(exc, _Damaged) or is_damaged_database(exc)


def _private_file(path: Path) -> None:
    """Create the database at *path* if missing: built complete in a private (0600) temporary
    file and linked into place, so a killed process never leaves a 0-byte or half-made file
    (a 0-byte bookmarks file therefore always means lost data).  Tighten the mode of an
    existing file and its companions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new", dir=path.parent)
        os.close(fd)
        try:
            conn = sqlite3.connect(tmp, isolation_level=None)
            try:
                migrate(conn, None)
                conn.execute("PRAGMA journal_mode=WAL").fetchone()
            finally:
                conn.close()
            try:
                os.link(tmp, path)  # fails if another process created it meanwhile: use theirs
            except FileExistsError:
                pass
            except OSError:  # no hard links on this file system (FAT…)
                if not path.exists():
                    os.replace(tmp, path)
        finally:
            for leftover in (tmp, f"{tmp}-wal", f"{tmp}-shm"):
                Path(leftover).unlink(missing_ok=True)
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            if candidate.exists() and (candidate.stat().st_mode & 0o777) != 0o600:
                os.chmod(candidate, 0o600)
        except OSError:
            pass  # not our file (e.g. read-only media): SQLite will report what matters


def _connect(path: Path, timeout: float) -> sqlite3.Connection:
    """Open *path* (creating it 0600), set the pragmas and check it.  Raises _Damaged or
    sqlite3.Error."""
    _private_file(path)
    conn = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        # Check before anything writes to the file, so a damaged one is kept exactly as it was.
        rows = conn.execute("PRAGMA quick_check").fetchall()
        if rows != [("ok",)]:
            raise _Damaged("; ".join(str(r[0]) for r in rows[:3]))
        version = user_version(conn)
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if version > 0 and "bookmarks" not in names:
            raise _Damaged("the bookmarks table is missing")
        if version == 0 and names:
            raise _Damaged("this is not a bookmarks file")
        conn.execute("PRAGMA journal_mode=WAL").fetchone()
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
    except BaseException:
        conn.close()
        raise
    return conn


def _move_aside(path: Path) -> Path:
    """Rename a damaged database (and its WAL) to ``NAME.damaged-<time>``; drop its -shm."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    os.replace(path, aside)
    wal = Path(f"{path}-wal")
    if wal.exists():
        os.replace(wal, Path(f"{aside}-wal"))
    Path(f"{path}-shm").unlink(missing_ok=True)
    return aside


_READ_ONLY_ERRNOS = (errno.EACCES, errno.EPERM, errno.EROFS)


def _has_wal(path: Path) -> bool:
    try:
        return Path(f"{path}-wal").stat().st_size > 0
    except OSError:
        return False


def _backups_sentence(folder: Path) -> str:
    """' Earlier copies are in FOLDER." when copies really are there, else ''."""
    found = backups(folder)
    if not found:
        return ""
    import datetime as dt

    newest = format_date(dt.date.fromtimestamp(found[0].stat().st_mtime))
    return " " + _("Earlier copies (the newest from {date}) are in {folder}.").format(
        date=newest, folder=folder)


def _damage_sentence(exc: BaseException, aside: Path, copied: dict[str, int],
                     backup_folder: Path) -> str:
    got = copied["bookmarks"]
    questions = copied["questions"]
    if got or questions:
        what = (ngettext("%(n)d bookmark", "%(n)d bookmarks", got) % {"n": got} if got
                else _("No bookmarks"))
        if questions:
            what = _("{bookmarks} and {questions}").format(bookmarks=what, questions=ngettext(
                "%(n)d question", "%(n)d questions", questions) % {"n": questions})
        recovered = _("{what} could be recovered from it into a new bookmarks file.").format(
            what=what)
    else:
        recovered = _("Nothing could be recovered from it, so a new, empty bookmarks file was "
                      "started.")
    return (_("Your bookmarks file was damaged ({reason}).").format(reason=exc) + " "
            + recovered + " "
            + _("The damaged file was kept as {name} in {folder}.").format(
                name=aside.name, folder=aside.parent)
            + _backups_sentence(backup_folder))


def _open_failed(exc: BaseException, path: Path) -> str:
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return _("Your bookmarks could not be opened ({reason}): {path}").format(reason=reason,
                                                                             path=path)


def default_path(data_dir: Path) -> Path:
    """Where the database lives inside the user data dir."""
    return Path(data_dir) / FILE_NAME


class BookmarkStore:
    """Bookmarks and collections in SQLite.  Create with :meth:`open`.

    ``messages`` holds sentences for the user about what happened while opening (a damaged file
    moved aside, a migration, a file from a newer version); the GUI shows them in a message box,
    the CLI on stderr.  ``read_only`` is true for a file written by a newer app version: reads
    work, writes raise StoreError.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, messages: list[str],
                 read_only: bool = False, read_only_reason: str = ""):
        self._conn = conn
        self.path = path
        self.messages = messages
        self.read_only = read_only
        self.read_only_reason = read_only_reason or _(
            "Your bookmarks were saved by a newer version of Brochure Reader and cannot be "
            "changed by this one.")
        self._data_version = self._read_data_version()

    # --- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, location, timeout: float = DEFAULT_TIMEOUT) -> BookmarkStore:
        """Open (creating, migrating, salvaging a damaged file as needed).

        *location* is an :class:`~brochure_reader.paths.AppPaths` (its ``data`` folder is used)
        or the path of the database file.

        * A damaged file is moved aside and every row SQLite can still read is copied into a
          fresh file (:func:`~brochure_reader.bookmarks.recovery.salvage`); the message says how
          many bookmarks came back.  A 0-byte file is moved aside and reported the same way.
        * A file or folder that cannot be written (read-only folder or disk, no permission) is
          opened read-only: ``read_only`` is true, reads work, writes raise StoreError with the
          reason, and one message says why.
        * A healthy, writable file gets a daily backup copy in ``<data>/bookmark-backups``.

        Raises StoreError only when the file can be neither read nor replaced (e.g. it stays
        locked for *timeout*).
        """
        data = getattr(location, "data", None)
        path = default_path(Path(data)) if data is not None else Path(location)
        messages: list[str] = []
        backup_folder = path.parent / BACKUP_FOLDER
        try:
            try:
                empty = path.is_file() and path.stat().st_size == 0 and not _has_wal(path)
                if empty:
                    aside = _move_aside(path)
                    messages.append(_(
                        "Your bookmarks file was empty (0 bytes), so no bookmarks could be "
                        "read from it. It was kept as {name} in {folder} and a new bookmarks "
                        "file was started.").format(name=aside.name, folder=aside.parent)
                        + _backups_sentence(backup_folder))
                conn = _connect(path, timeout)
            except (sqlite3.DatabaseError, _Damaged) as exc:
                if not _is_damage(exc):
                    raise
                aside = _move_aside(path)
                conn = _connect(path, timeout)
                migrate(conn, None)
                copied = salvage(aside, conn)
                messages.append(_damage_sentence(exc, aside, copied, backup_folder))
        except OSError as exc:
            if is_disk_full(exc, path.parent):
                return cls._open_read_only(path, "", timeout, full=True)
            if exc.errno not in _READ_ONLY_ERRNOS:
                raise StoreError(_open_failed(exc, path)) from exc
            return cls._open_read_only(path, exc.strerror or str(exc), timeout)
        except sqlite3.OperationalError as exc:
            if is_disk_full(exc, path.parent):
                return cls._open_read_only(path, "", timeout, full=True)
            if "readonly" not in str(exc) and "unable to open" not in str(exc):
                raise StoreError(_open_failed(exc, path)) from exc
            return cls._open_read_only(path, "the file cannot be written", timeout)
        except sqlite3.Error as exc:
            raise StoreError(_open_failed(exc, path)) from exc
        try:
            read_only = False
            try:
                done = migrate(conn, backup_folder)
            except SchemaTooNew as exc:
                read_only = True
                messages.append(_(
                    "Your bookmarks were saved by a newer version of Brochure Reader (format "
                    "{version}). They are shown, but changes cannot be saved until you update."
                ).format(version=exc.version))
                done = []
            except MigrationError as exc:
                conn.close()
                raise StoreError(_(
                    "Your bookmarks could not be updated to the new format ({reason}). Nothing "
                    "was changed; a copy is in {folder}."
                ).format(reason=exc, folder=backup_folder)) from exc
            if any(backup is not None for _, backup in done):
                messages.append(_(
                    "Your bookmarks were updated to format {version}; a copy of the old file "
                    "was kept in {folder}."
                ).format(version=SCHEMA_VERSION, folder=backup_folder))
        except (OSError, sqlite3.Error) as exc:
            conn.close()
            raise StoreError(_open_failed(exc, path)) from exc
        store = cls(conn, path, messages, read_only)
        if not read_only:
            from brochure_reader.bookmarks.questions import seed_builtin_questions

            try:
                seed_builtin_questions(store)
            except StoreError:
                pass  # busy or full: the questions are added on a later start
            store._daily_backup(backup_folder)
        return store

    @classmethod
    def _open_read_only(cls, path: Path, reason: str, timeout: float,
                        full: bool = False) -> BookmarkStore:
        """The store of a folder or file that cannot be written (or of a *full* disk): shown,
        never changed.  A damaged file is salvaged into memory; a missing one gives an empty
        store."""
        folder = path.parent
        if full:
            why = _("Your bookmarks cannot be changed because the disk is full: {folder}. They "
                    "are shown, but new bookmarks, notes and changes cannot be saved until some "
                    "space is freed.").format(folder=folder)
        else:
            why = _("Your bookmarks cannot be changed because their folder cannot be written "
                    "({reason}): {folder}. They are shown, but new bookmarks, notes and changes "
                    "cannot be saved until the folder can be written.").format(reason=reason,
                                                                               folder=folder)
        conn = None
        if path.is_file():
            for query in ("mode=ro", "mode=ro&immutable=1"):
                try:
                    conn = sqlite3.connect(f"{path.as_uri()}?{query}", uri=True,
                                           timeout=timeout, isolation_level=None)
                    if conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
                        raise _Damaged("quick_check failed")
                    if user_version(conn) > SCHEMA_VERSION:
                        why += (" They were also saved by a newer version of Brochure Reader.")
                    elif user_version(conn) < SCHEMA_VERSION:
                        raise _Damaged("an older format, which cannot be updated here")
                    break
                except (sqlite3.Error, _Damaged):
                    if conn is not None:
                        conn.close()
                    conn = None
        if conn is None:  # missing, damaged or old: what can be read, in memory
            conn = sqlite3.connect(":memory:", isolation_level=None)
            migrate(conn, None)
            if path.is_file():
                copied = salvage(path, conn)
                n = copied["bookmarks"]
                why += " " + (ngettext("%(n)d bookmark could be read from the file.",
                                       "%(n)d bookmarks could be read from the file.", n)
                              % {"n": n} if n else _("No bookmarks could be read from the file."))
        return cls(conn, path, [why], read_only=True, read_only_reason=why)

    def _daily_backup(self, folder: Path) -> None:
        try:
            if self._query("SELECT count(*) FROM bookmarks")[0][0] or self._query(
                    "SELECT count(*) FROM questions WHERE source != 'builtin'")[0][0]:
                daily_backup(self._conn, folder, self.schema_version)
        except (OSError, sqlite3.Error, StoreError):
            pass  # no copy today (full disk…): the bookmarks themselves are fine

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> BookmarkStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def questions(self):
        """The "My questions" list kept in this database (a
        :class:`~brochure_reader.bookmarks.questions.QuestionList`)."""
        from brochure_reader.bookmarks.questions import QuestionList

        return QuestionList(self)

    @property
    def schema_version(self) -> int:
        return user_version(self._conn)

    # --- transactions ----------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One committed write transaction; errors become StoreError with a readable reason."""
        if self.read_only:
            raise StoreError(self.read_only_reason)
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(_("Your bookmarks could not be saved: {reason}. Please try again.")
                             .format(reason=exc)) from exc
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(_("Your bookmarks could not be saved: {reason}.").format(
                    reason=exc)) from exc
            raise

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: one consistent snapshot even while others write."""
        conn = self._conn
        try:
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                conn.execute("COMMIT")
        except sqlite3.Error as exc:
            raise StoreError(_("Your bookmarks could not be read: {reason}.").format(
                reason=exc)) from exc

    def _query(self, sql: str, params: tuple = ()) -> list[tuple]:
        """All rows of one statement; SQLite errors become StoreError."""
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(_("Your bookmarks could not be read: {reason}.").format(
                reason=exc)) from exc

    def _read_data_version(self) -> int:
        return int(self._query("PRAGMA data_version")[0][0])

    def changed_elsewhere(self) -> bool:
        """True once after another connection (another window, the CLI) committed a change."""
        version = self._read_data_version()
        changed = version != self._data_version
        self._data_version = version
        return changed

    def integrity_check(self) -> list[str]:
        """``PRAGMA integrity_check`` rows: ``["ok"]`` for a healthy file."""
        return [r[0] for r in self._query("PRAGMA integrity_check")]

    # --- reading ---------------------------------------------------------------------------

    def _collections_of(self, conn: sqlite3.Connection, ids: list[str] | None) -> dict:
        sql = ("SELECT bc.bookmark_id, c.name FROM bookmark_collections AS bc "
               "JOIN collections AS c ON c.id = bc.collection_id")
        params: tuple = ()
        if ids is not None and len(ids) == 1:
            sql += " WHERE bc.bookmark_id = ?"
            params = (ids[0],)
        names: dict[str, list[str]] = {}
        for bookmark_id, name in conn.execute(sql, params):
            names.setdefault(bookmark_id, []).append(name)
        return names

    @staticmethod
    def _from_row(row: tuple, collections: dict[str, list[str]]) -> Bookmark:
        (bid, doc_id, content_hash, page, y, section_ref, quote, prefix, suffix, label, note,
         colour, anchor, created, updated) = row
        return Bookmark(
            id=bid, doc_id=doc_id, page=int(page), y=float(y), content_hash=content_hash,
            section_ref=section_ref, quote=Quote(quote, prefix, suffix), label=label, note=note,
            colour=colour, anchor=anchor,
            collections=tuple(sorted(collections.get(bid, ()), key=str.casefold)),
            created=parse_time(created), updated=parse_time(updated),
        )

    def bookmarks(self, doc_id: str | None = None, collection: str | None = None,
             needs_attention: bool | None = None) -> list[Bookmark]:
        """Bookmarks, ordered by document id, page and y; optionally only those of one document,
        one collection (case-insensitive), or in/out of the "needs attention" state."""
        sql = f"SELECT {_COLUMNS} FROM bookmarks AS b"
        where, params = [], []
        if collection is not None:
            where.append("id IN (SELECT bc.bookmark_id FROM bookmark_collections AS bc JOIN "
                         "collections AS c ON c.id = bc.collection_id WHERE c.name = ?)")
            params.append(collection)
        if doc_id is not None:
            where.append("doc_id = ?")
            params.append(doc_id)
        if needs_attention is not None:
            where.append("anchor = ?" if needs_attention else "anchor != ?")
            params.append(ANCHOR_NEEDS_ATTENTION)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY doc_id, page, y, created"
        with self._read() as conn:
            rows = conn.execute(sql, params).fetchall()
            names = self._collections_of(conn, None)
        return [self._from_row(r, names) for r in rows]

    def get(self, bookmark_id: str) -> Bookmark:
        """The bookmark with exactly this id.  Raises BookmarkNotFound."""
        with self._read() as conn:
            return self._get(conn, bookmark_id)

    def _get(self, conn: sqlite3.Connection, bookmark_id: str) -> Bookmark:
        row = conn.execute(f"SELECT {_COLUMNS} FROM bookmarks WHERE id = ?",
                           (bookmark_id,)).fetchone()
        if row is None:
            raise BookmarkNotFound(_("No bookmark with id {id}").format(id=bookmark_id))
        return self._from_row(row, self._collections_of(conn, [bookmark_id]))

    def find(self, id_or_prefix: str) -> Bookmark:
        """The bookmark whose id is, or starts with, *id_or_prefix* (at least 4 characters, as
        ``bookmarks list`` shows 8).  Raises BookmarkNotFound, or StoreError when ambiguous."""
        key = id_or_prefix.strip().lower()
        if len(key) < 4:
            raise BookmarkNotFound(_("No bookmark with id '{id}' (give at least 4 characters "
                                     "of the id)").format(id=id_or_prefix))
        escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self._query("SELECT id FROM bookmarks WHERE id LIKE ? ESCAPE '\\' LIMIT 2",
                           (escaped + "%",))
        if not rows:
            raise BookmarkNotFound(_("No bookmark with id '{id}' (see 'brochure-reader "
                                     "bookmarks list')").format(id=id_or_prefix))
        if len(rows) > 1:
            raise StoreError(_("More than one bookmark id starts with '{id}'; give more of the "
                               "id").format(id=id_or_prefix))
        return self.get(rows[0][0])

    def exists(self, bookmark_id: str) -> bool:
        return bool(self._query("SELECT 1 FROM bookmarks WHERE id = ?", (bookmark_id,)))

    def collections(self) -> list[CollectionInfo]:
        """Every collection (including empty ones), sorted by name, with its bookmark count."""
        rows = self._query(
            "SELECT c.name, count(bc.bookmark_id) FROM collections AS c LEFT JOIN "
            "bookmark_collections AS bc ON bc.collection_id = c.id GROUP BY c.id")
        return sorted((CollectionInfo(n, int(k)) for n, k in rows), key=lambda c: c.name.casefold())

    def documents(self) -> list[str]:
        """Ids of the documents that have bookmarks, sorted."""
        return [r[0] for r in self._query("SELECT DISTINCT doc_id FROM bookmarks ORDER BY doc_id")]

    def bookmarked_sections(self, doc_id: str) -> set[str]:
        """Section refs (``DOC_ID#slug``) of *doc_id* that hold at least one bookmark."""
        return {r[0] for r in self._query(
            "SELECT DISTINCT section_ref FROM bookmarks WHERE doc_id = ? AND section_ref != ''",
            (doc_id,))}

    def stale(self, doc_id: str, content_hash: str) -> list[Bookmark]:
        """Bookmarks of *doc_id* saved against another version of the file than *content_hash*
        (these need :func:`brochure_reader.bookmarks.anchors.reanchor`)."""
        return [b for b in self.bookmarks(doc_id=doc_id) if b.content_hash != content_hash]

    # --- writing ---------------------------------------------------------------------------

    def add(
        self,
        doc_id: str,
        page: int,
        y: float,
        *,
        content_hash: str = "",
        section_ref: str = "",
        quote: Quote | str = "",
        label: str = "",
        note: str = "",
        colour: str | None = None,
        collections: Iterable[str] = (),
    ) -> Bookmark:
        """Save a new bookmark at *page* (**1-based**), *y* (PDF points from the top) and return
        it.  *quote* may be a plain string (no context).  Raises ValueError for an empty
        *doc_id*, a page < 1, a negative or non-finite y, or a bad colour; StoreError when the
        file cannot be written."""
        now = utc_now()
        bookmark = Bookmark(
            id=new_id(), doc_id=doc_id, page=page, y=y, content_hash=content_hash,
            section_ref=section_ref, quote=Quote(quote) if isinstance(quote, str) else quote,
            label=label.strip(), note=note, colour=normalise_colour(colour),
            collections=tuple(normalise_collection(c) for c in collections),
            created=now, updated=now,
        )
        self.put(bookmark)
        return self.get(bookmark.id)

    @staticmethod
    def _validate(bookmark: Bookmark) -> None:
        if not bookmark.doc_id:
            raise ValueError("A bookmark needs a document id")
        if not isinstance(bookmark.page, int) or bookmark.page < 1:
            raise ValueError(f"Page numbers start at 1 (got {bookmark.page!r})")
        if not math.isfinite(bookmark.y) or bookmark.y < 0:
            raise ValueError(f"y must be a distance in points from the top (got {bookmark.y!r})")
        if bookmark.anchor not in ANCHOR_STATES:
            raise ValueError(f"Unknown anchor state {bookmark.anchor!r}")
        if not isinstance(bookmark.quote, Quote):
            raise ValueError("A bookmark's quote must be a Quote")
        normalise_colour(bookmark.colour)

    def put(self, bookmark: Bookmark) -> None:
        """Insert *bookmark*, or replace every field of the stored one with the same id
        (collections included).  Used by add, undo of delete and import."""
        self.put_many([bookmark])

    def put_many(self, bookmarks: Iterable[Bookmark]) -> None:
        """:meth:`put` for several bookmarks in one transaction (all or nothing)."""
        items = list(bookmarks)
        for b in items:
            self._validate(b)
        with self._write() as conn:
            for b in items:
                conn.execute(
                    f"INSERT INTO bookmarks ({_COLUMNS}) VALUES ({', '.join('?' * 15)}) "
                    "ON CONFLICT (id) DO UPDATE SET doc_id=excluded.doc_id, "
                    "content_hash=excluded.content_hash, page=excluded.page, y=excluded.y, "
                    "section_ref=excluded.section_ref, quote=excluded.quote, "
                    "quote_prefix=excluded.quote_prefix, quote_suffix=excluded.quote_suffix, "
                    "label=excluded.label, note=excluded.note, colour=excluded.colour, "
                    "anchor=excluded.anchor, created=excluded.created, updated=excluded.updated",
                    (b.id, b.doc_id, b.content_hash, b.page, float(b.y), b.section_ref,
                     b.quote.exact, b.quote.prefix, b.quote.suffix, b.label, b.note,
                     normalise_colour(b.colour), b.anchor, format_time(b.created),
                     format_time(b.updated)),
                )
                self._set_collections(conn, b.id, b.collections)

    def _collection_id(self, conn: sqlite3.Connection, name: str) -> int:
        name = normalise_collection(name)
        conn.execute("INSERT OR IGNORE INTO collections (name) VALUES (?)", (name,))
        return int(conn.execute("SELECT id FROM collections WHERE name = ?",
                                (name,)).fetchone()[0])

    def _set_collections(self, conn: sqlite3.Connection, bookmark_id: str,
                         names: Iterable[str]) -> None:
        conn.execute("DELETE FROM bookmark_collections WHERE bookmark_id = ?", (bookmark_id,))
        for name in names:
            conn.execute(
                "INSERT OR IGNORE INTO bookmark_collections (bookmark_id, collection_id) "
                "VALUES (?, ?)", (bookmark_id, self._collection_id(conn, name)))

    def _touch(self, conn: sqlite3.Connection, bookmark_id: str, sets: dict) -> None:
        sets = {**sets, "updated": format_time(utc_now())}
        assignments = ", ".join(f"{column} = ?" for column in sets)
        cursor = conn.execute(f"UPDATE bookmarks SET {assignments} WHERE id = ?",
                              (*sets.values(), bookmark_id))
        if cursor.rowcount == 0:
            raise BookmarkNotFound(f"No bookmark with id {bookmark_id} (it may have been "
                                   "deleted in another window)")

    def update(self, bookmark_id: str, *, label: str | None = None, note: str | None = None,
               colour: str | None = None, section_ref: str | None = None) -> Bookmark:
        """Change the given fields (None = leave as is) and the ``updated`` time; returns the
        stored bookmark.  Raises BookmarkNotFound, ValueError for a bad colour."""
        sets: dict[str, object] = {}
        if label is not None:
            sets["label"] = label.strip()
        if note is not None:
            sets["note"] = note
        if colour is not None:
            sets["colour"] = normalise_colour(colour)
        if section_ref is not None:
            sets["section_ref"] = section_ref
        with self._write() as conn:
            self._touch(conn, bookmark_id, sets)
        return self.get(bookmark_id)

    def relocate(self, changes: Iterable[dict]) -> None:
        """Apply several position changes in one transaction (all or nothing).

        Each change is a dict with ``bookmark_id``, ``page`` (1-based), ``y`` (points),
        ``anchor`` and optional ``quote`` (Quote), ``content_hash``, ``section_ref`` (None =
        unchanged).  Only these columns are written, so a label or note edited meanwhile in
        another window is kept.  Raises BookmarkNotFound, ValueError.
        """
        rows = []
        for change in changes:
            page, y, anchor = change["page"], change["y"], change.get("anchor", ANCHOR_OK)
            if not isinstance(page, int) or page < 1 or not math.isfinite(y) or y < 0:
                raise ValueError(f"Not a position: page {page!r}, y {y!r}")
            if anchor not in ANCHOR_STATES:
                raise ValueError(f"Unknown anchor state {anchor!r}")
            sets: dict[str, object] = {"page": page, "y": float(y), "anchor": anchor}
            quote = change.get("quote")
            if quote is not None:
                sets.update(quote=quote.exact, quote_prefix=quote.prefix,
                            quote_suffix=quote.suffix)
            for key in ("content_hash", "section_ref"):
                if change.get(key) is not None:
                    sets[key] = change[key]
            rows.append((change["bookmark_id"], sets))
        with self._write() as conn:
            for bookmark_id, sets in rows:
                self._touch(conn, bookmark_id, sets)

    def set_anchor(self, bookmark_id: str, anchor: str, content_hash: str | None = None) -> None:
        """Only change the anchor state (and the content hash it refers to)."""
        if anchor not in ANCHOR_STATES:
            raise ValueError(f"Unknown anchor state {anchor!r}")
        sets: dict[str, object] = {"anchor": anchor}
        if content_hash is not None:
            sets["content_hash"] = content_hash
        with self._write() as conn:
            self._touch(conn, bookmark_id, sets)

    def set_collections(self, bookmark_id: str, names: Iterable[str]) -> Bookmark:
        """Put the bookmark in exactly these collections (created when new)."""
        names = [normalise_collection(n) for n in names]
        with self._write() as conn:
            self._touch(conn, bookmark_id, {})
            self._set_collections(conn, bookmark_id, names)
        return self.get(bookmark_id)

    def move_to_collection(self, bookmark_id: str, name: str | None) -> Bookmark:
        """Move the bookmark into collection *name* only (None: out of every collection)."""
        return self.set_collections(bookmark_id, [] if name is None else [name])

    def add_to_collection(self, bookmark_id: str, name: str) -> Bookmark:
        current = self.get(bookmark_id).collections
        return self.set_collections(bookmark_id, [*current, name])

    def create_collection(self, name: str) -> str:
        """Create an empty collection (no-op when it exists); returns its stored name."""
        with self._write() as conn:
            cid = self._collection_id(conn, name)
            return conn.execute("SELECT name FROM collections WHERE id = ?", (cid,)).fetchone()[0]

    def rename_collection(self, old: str, new: str) -> None:
        """Rename a collection; renaming onto an existing name merges the two.
        Raises StoreError when *old* does not exist."""
        new = normalise_collection(new)
        with self._write() as conn:
            row = conn.execute("SELECT id FROM collections WHERE name = ?", (old,)).fetchone()
            if row is None:
                raise StoreError(f"There is no collection called '{old}'")
            other = conn.execute("SELECT id FROM collections WHERE name = ? AND id != ?",
                                 (new, row[0])).fetchone()
            if other is None:
                conn.execute("UPDATE collections SET name = ? WHERE id = ?", (new, row[0]))
            else:
                conn.execute("INSERT OR IGNORE INTO bookmark_collections (bookmark_id, "
                             "collection_id) SELECT bookmark_id, ? FROM bookmark_collections "
                             "WHERE collection_id = ?", (other[0], row[0]))
                conn.execute("DELETE FROM collections WHERE id = ?", (row[0],))

    def delete_collection(self, name: str) -> None:
        """Remove a collection; its bookmarks are kept (only taken out of it)."""
        with self._write() as conn:
            conn.execute("DELETE FROM collections WHERE name = ?", (name,))

    def delete(self, bookmark_id: str) -> Bookmark:
        """Delete one bookmark and return it as it was (give it to :meth:`restore` to undo).
        Raises BookmarkNotFound."""
        return self.delete_many([bookmark_id])[0]

    def delete_many(self, ids: Iterable[str]) -> list[Bookmark]:
        """Delete several bookmarks in one transaction; returns them as they were, in order.
        Raises BookmarkNotFound (and deletes nothing) if one is missing."""
        with self._write() as conn:
            gone = [self._get(conn, bookmark_id) for bookmark_id in ids]
            for bookmark in gone:
                conn.execute("DELETE FROM bookmarks WHERE id = ?", (bookmark.id,))
        return gone

    def restore(self, bookmarks: Bookmark | Iterable[Bookmark]) -> None:
        """Put deleted bookmarks back exactly as they were (ids, times, collections)."""
        items = [bookmarks] if isinstance(bookmarks, Bookmark) else list(bookmarks)
        self.put_many(items)
