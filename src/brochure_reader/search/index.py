"""The search index: SQLite FTS5 in the cache dir (stdlib sqlite3; no Qt, no PyMuPDF).

One row per *page segment*: the part of a page that belongs to one section (a page where two
sections meet gives two rows), with its document id, 1-based page number, section title and
reference (``DOC_ID#slug``) and the display text used for snippets.  The FTS5 table has three
weighted columns of normalised terms (see :mod:`.normalise`): ``title`` (document title and
tags), ``heading`` (the section heading and its parents), ``body`` and ``answers`` (the
questions the section's author says it answers, on the section's first row).

The file is a cache: an index written by another schema version, or one SQLite cannot read, is
deleted and created again (never an error for the user).  WAL journaling lets the GUI search
while a worker process writes.

Being a cache, it never takes the last space on the disk from the user's own data (bookmarks,
settings): before each document is written, the free space must exceed :data:`RESERVE_BYTES`
plus an estimate of the write, else :class:`IndexSpaceError`; the WAL is cut back to
:data:`WAL_LIMIT_BYTES` after each checkpoint (``PRAGMA journal_size_limit``) and emptied after
a build.  On a full or read-only disk the index opens read-only: search still works, and a
write raises IndexSpaceError (full) or ``sqlite3.OperationalError``.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import sqlite3
import time
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass
from pathlib import Path

from brochure_reader.errors import UserError, is_damaged_database, is_disk_full
from brochure_reader.search.normalise import NORMALISER_VERSION, french_stems, stems

log = logging.getLogger(__name__)

#: PRAGMA user_version of a current index: schema and normaliser version together.
SCHEMA_VERSION = 610 + NORMALISER_VERSION
INDEX_FILE = "search-index.sqlite3"

#: Bytes of free disk space the index always leaves for the user's data (it is a cache).
RESERVE_BYTES = 50_000_000
#: Largest size (bytes) the write-ahead log is cut back to after a checkpoint.
WAL_LIMIT_BYTES = 8 << 20


class IndexSpaceError(UserError):
    """Not enough free disk space to update the search index (what was indexed stays)."""


#: SQLite result codes that say something about the disk or other processes, not the file:
#: PERM, BUSY, LOCKED, NOMEM, READONLY, IOERR, FULL, CANTOPEN.
_NOT_DAMAGE = {3, 5, 6, 7, 8, 10, 13, 14}


def _is_damage(exc: BaseException) -> bool:
    """Whether the index file is to be thrown away for *exc* (a sqlite3.DatabaseError): a
    damaged file, or an SQL error from a file that is not our index ("no such table")."""
    if is_disk_full(exc):
        return False
    if is_damaged_database(exc):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    return code is None or (code & 0xFF) not in _NOT_DAMAGE

#: FTS5 tokenizer: our terms are already folded; it must only split them at spaces, so every
#: character class our tokenizer keeps (letters, digits, marks, private use) is a token char.
TOKENIZER = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"

_SCHEMA = f"""
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents(
    doc_id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    category TEXT NOT NULL,
    info TEXT NOT NULL,                -- title, category and tags: a change re-indexes
    path TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    page_count INTEGER NOT NULL,
    error TEXT NOT NULL DEFAULT '',
    indexed_at REAL NOT NULL
);
CREATE TABLE segments(
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL,
    page_no INTEGER NOT NULL,          -- 1-based
    section_title TEXT,                -- NULL before the first heading
    section_ref TEXT,
    text TEXT NOT NULL                 -- display text (case and accents kept)
);
CREATE INDEX segments_doc ON segments(doc_id, page_no);
CREATE TABLE terms(term TEXT PRIMARY KEY, stem TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX terms_stem ON terms(stem);
-- French (Snowball) stems of the words of French documents (search.language), besides the
-- English ones: a French query word also finds the indexed words sharing its French stem
CREATE TABLE terms_fr(term TEXT PRIMARY KEY, stem TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX terms_fr_stem ON terms_fr(stem);
CREATE VIRTUAL TABLE fts USING fts5(
    title, heading, body, answers,
    tokenize = "{TOKENIZER}"
);
"""


def index_path(cache_dir: Path) -> Path:
    """Where the index lives inside the platformdirs cache dir."""
    return Path(cache_dir) / INDEX_FILE


@dataclass(frozen=True)
class Segment:
    """A row to index: page 0-based here (stored 1-based); ``heading_terms``/``body_terms`` are
    normalised terms joined by spaces; ``section_*`` are None before the first heading."""

    page: int
    section_title: str | None
    section_ref: str | None
    heading_terms: str
    body_terms: str
    text: str
    #: terms of the questions the section says it answers (its first row only; else "")
    answer_terms: str = ""


@dataclass(frozen=True)
class IndexedDocument:
    """What the index remembers about a document (to decide whether to index it again)."""

    doc_id: str
    title: str
    category: str
    info: str
    path: str
    size: int
    mtime_ns: int
    sha256: str
    page_count: int
    error: str


class SearchIndex:
    """An open index file.  Not thread-safe: use one instance per thread or process.

    Reading and writing methods raise ``sqlite3.Error`` only for locking problems (and writes
    on a read-only index); a damaged file found on opening is replaced.
    """

    def __init__(self, path: Path, connection: sqlite3.Connection, rebuilt_reason: str = ""):
        self.path = Path(path)
        self.db = connection
        #: Why the file was recreated on opening ("" when it was fine).
        self.rebuilt_reason = rebuilt_reason
        #: Opened read-only because the disk is full (``full``) or cannot be written.
        self.read_only = False
        self.full = False
        self._vocab_ready = False
        self._known: set[str] | None = None

    # --- opening ------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path) -> SearchIndex:
        """Open (or create) the index at *path*; recreate it when damaged or of another version.

        On a full or read-only disk an existing index is opened read-only (``read_only`` is
        true: searching works, writing does not) instead of being thrown away.  Raises
        ``sqlite3.Error`` or OSError only when it can be neither opened nor created.
        """
        path = Path(path)
        reason = ""
        db = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = cls._connect(path)
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version == SCHEMA_VERSION:
                db.execute("SELECT count(*) FROM meta").fetchone()
                db.execute("SELECT rowid FROM fts WHERE fts MATCH 'x' LIMIT 1").fetchall()
                return cls(path, db)
            if version == 0 and not db.execute("SELECT 1 FROM sqlite_master").fetchone():
                cls._create(db)
                return cls(path, db)
            reason = f"index version {version} is not {SCHEMA_VERSION}"
            db.close()
        except (sqlite3.DatabaseError, OSError) as exc:
            if db is not None:
                with contextlib.suppress(Exception):
                    db.close()
            if isinstance(exc, OSError) or not _is_damage(exc):  # full, read-only, locked
                found = cls._open_read_only(path, exc)
                if found is None:
                    raise
                return found
            reason = f"index could not be read ({exc})"
        log.info("Rebuilding the search index %s: %s", path, reason)
        cls.delete_files(path)
        db = cls._connect(path)
        cls._create(db)
        return cls(path, db, reason)

    @classmethod
    def _open_read_only(cls, path: Path, cause: BaseException) -> SearchIndex | None:
        """The index opened read-only (WAL kept when SQLite can, else the file as it is), or
        None when there is no current index to read."""
        if not path.is_file():
            return None
        for query in ("mode=ro", "mode=ro&immutable=1"):
            db = None
            try:
                db = sqlite3.connect(f"{path.as_uri()}?{query}", uri=True, timeout=30.0,
                                     isolation_level=None, check_same_thread=False)
                if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                    db.close()
                    return None
                db.execute("SELECT rowid FROM fts WHERE fts MATCH 'x' LIMIT 1").fetchall()
            except sqlite3.Error:
                if db is not None:
                    db.close()
                continue
            index = cls(path, db)
            index.read_only = True
            index.full = is_disk_full(cause, path.parent)
            return index
        return None

    @staticmethod
    def delete_files(path: Path) -> None:
        """Remove the index file and its WAL/SHM companions."""
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, timeout=30.0, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute(f"PRAGMA journal_size_limit={WAL_LIMIT_BYTES}")
        return db

    # --- disk space ---------------------------------------------------------------------------

    def check_space(self, needed: int) -> None:
        """Raise IndexSpaceError unless the disk holding the index has *needed* bytes free on
        top of :data:`RESERVE_BYTES` (the space kept for the user's own data)."""
        if self.read_only and not self.full:
            return  # the write itself says why it cannot be done
        try:
            free = shutil.disk_usage(self.path.parent).free
        except OSError:
            return
        if self.full or free < needed + RESERVE_BYTES:
            raise IndexSpaceError(
                f"there is not enough free disk space to update the search index ({free / 1e6:.0f}"
                f" MB free; it leaves {RESERVE_BYTES / 1e6:.0f} MB for your bookmarks and "
                "settings). Search uses what is already indexed; free some space to index the "
                "rest")

    def release_wal(self) -> None:
        """Move the WAL into the database and empty it (after a build), when no reader holds
        it; never raises."""
        with contextlib.suppress(sqlite3.Error):
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    @staticmethod
    def _create(db: sqlite3.Connection) -> None:
        db.executescript(
            "BEGIN IMMEDIATE;" + _SCHEMA + "INSERT INTO meta VALUES('generation', '0');"
            f"PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
        )

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- documents ----------------------------------------------------------------------------

    def documents(self) -> dict[str, IndexedDocument]:
        """Every document the index knows, by id (failed ones too, with ``error`` set)."""
        rows = self.db.execute(
            "SELECT doc_id, title, category, info, path, size, mtime_ns, sha256, page_count, error "
            "FROM documents"
        )
        return {row[0]: IndexedDocument(*row) for row in rows}

    def document(self, doc_id: str) -> IndexedDocument | None:
        row = self.db.execute(
            "SELECT doc_id, title, category, info, path, size, mtime_ns, sha256, page_count, error "
            "FROM documents WHERE doc_id = ?",
            (doc_id,),
        ).fetchone()
        return IndexedDocument(*row) if row else None

    def generation(self) -> int:
        """A counter bumped by every change (caches of vocabulary compare it)."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    def replace_document(
        self, doc: IndexedDocument, title_terms: str, segments: Sequence[Segment],
        vocabulary: Set[str], language: str = "",
    ) -> None:
        """Put *doc* and its segments in place of what the index had for it (one transaction).

        *vocabulary* holds every term of *title_terms* and of the segments' heading and body
        terms (the builder collects it while tokenising); new ones enter the term -> stem table.
        *language* is the document's ISO 639-1 code (``search.language``): for ``"fr"`` its
        terms also enter the French term -> stem table.
        Raises IndexSpaceError (nothing written) when the disk has too little free space
        (:meth:`check_space`; estimate: four times the text and terms, plus 1 MiB).
        """
        text = sum(len(sg.text) + len(sg.body_terms) + len(sg.heading_terms) for sg in segments)
        self.check_space(4 * text + (1 << 20))
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            self._delete_locked(doc.doc_id)
            db.execute(
                "INSERT INTO documents VALUES(?,?,?,?,?,?,?,?,?,?,?)",
                (doc.doc_id, doc.title, doc.category, doc.info, doc.path, doc.size, doc.mtime_ns,
                 doc.sha256, doc.page_count, doc.error, time.time()),
            )
            next_id = (db.execute("SELECT max(id) FROM segments").fetchone()[0] or 0) + 1
            ids = range(next_id, next_id + len(segments))
            db.executemany(
                "INSERT INTO segments VALUES(?,?,?,?,?,?)",
                [(i, doc.doc_id, s.page + 1, s.section_title, s.section_ref, s.text)
                 for i, s in zip(ids, segments, strict=True)],
            )
            self._count_locked(len(segments), sum(len(s.text) for s in segments))
            db.executemany(
                "INSERT INTO fts(rowid, title, heading, body, answers) VALUES(?,?,?,?,?)",
                [(i, title_terms, s.heading_terms, s.body_terms, s.answer_terms)
                 for i, s in zip(ids, segments, strict=True)],
            )
            new = list(vocabulary - self._known_terms())
            db.executemany("INSERT OR IGNORE INTO terms VALUES(?, ?)",
                           zip(new, stems(new), strict=True))
            if language == "fr":
                words = sorted(vocabulary)
                db.executemany("INSERT OR IGNORE INTO terms_fr VALUES(?, ?)",
                               zip(words, french_stems(words), strict=True))
            self._bump_locked()
            db.execute("COMMIT")
            self._known_terms().update(new)
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise

    def _known_terms(self) -> set[str]:
        """Every term in the term -> stem table (loaded once per connection, then kept)."""
        if self._known is None:
            self._known = {r[0] for r in self.db.execute("SELECT term FROM terms")}
        return self._known

    def touch_document(self, doc_id: str, size: int, mtime_ns: int) -> None:
        """Record a new size/mtime for a document whose content hash did not change."""
        self.db.execute(
            "UPDATE documents SET size = ?, mtime_ns = ? WHERE doc_id = ?", (size, mtime_ns, doc_id)
        )

    def remove_documents(self, doc_ids: Iterable[str]) -> list[str]:
        """Drop the given documents and their rows; returns the ids that were there."""
        removed = []
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            for doc_id in doc_ids:
                if db.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone():
                    self._delete_locked(doc_id)
                    removed.append(doc_id)
            if removed:
                self._bump_locked()
            db.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise
        return removed

    def keep_only(self, doc_ids: Iterable[str]) -> list[str]:
        """Remove every document not in *doc_ids* (documents that left the library)."""
        keep = set(doc_ids)
        return self.remove_documents([d for d in self.documents() if d not in keep])

    def _count_locked(self, rows: int, chars: int) -> None:
        """Add to the row and character totals behind :meth:`size`."""
        for key, value in (("rows", rows), ("chars", chars)):
            self.db.execute(
                "INSERT INTO meta VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET "
                "value = CAST(value AS INTEGER) + CAST(excluded.value AS INTEGER)",
                (key, str(value)),
            )

    def _delete_locked(self, doc_id: str) -> None:
        db = self.db
        rows, chars = db.execute(
            "SELECT count(*), coalesce(sum(length(text)), 0) FROM segments WHERE doc_id = ?",
            (doc_id,),
        ).fetchone()
        if rows:
            self._count_locked(-rows, -chars)
        db.execute(
            "DELETE FROM fts WHERE rowid IN (SELECT id FROM segments WHERE doc_id = ?)", (doc_id,)
        )
        db.execute("DELETE FROM segments WHERE doc_id = ?", (doc_id,))
        db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))

    def _bump_locked(self) -> None:
        self.db.execute(
            "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'"
        )

    def optimize(self) -> None:
        """Merge the FTS5 b-trees (after a large build: smaller file, faster queries)."""
        self.db.execute("INSERT INTO fts(fts) VALUES('optimize')")

    # --- reading ------------------------------------------------------------------------------

    def _vocab(self) -> str:
        if not self._vocab_ready:
            self.db.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, fts, 'row')"
            )
            self._vocab_ready = True
        return "temp.vocab"

    def vocabulary(self) -> list[tuple[str, int]]:
        """``(term, number of rows containing it)`` for every indexed term (FTS5 vocab)."""
        return self.db.execute(f"SELECT term, doc FROM {self._vocab()}").fetchall()

    def has_term(self, term: str) -> bool:
        """Whether *term* (folded) occurs in an indexed row."""
        row = self.db.execute(f"SELECT 1 FROM {self._vocab()} WHERE term = ?", (term,)).fetchone()
        return row is not None

    def rows_with(self, term: str) -> int:
        """Number of indexed rows containing the folded *term* (0 if none)."""
        row = self.db.execute(f"SELECT doc FROM {self._vocab()} WHERE term = ?", (term,)).fetchone()
        return row[0] if row else 0

    def size(self) -> tuple[int, float]:
        """``(rows, average characters of display text per row)``, kept up to date in meta."""
        found = dict(self.db.execute("SELECT key, value FROM meta WHERE key IN ('rows', 'chars')"))
        rows, chars = int(found.get("rows", 0)), int(found.get("chars", 0))
        return rows, chars / rows if rows else 0.0

    def words_with_stem(self, term_stem: str, limit: int = 40) -> list[str]:
        """Indexed terms whose stem is *term_stem* (may include terms of removed documents)."""
        rows = self.db.execute(
            "SELECT term FROM terms WHERE stem = ? LIMIT ?", (term_stem, limit)
        ).fetchall()
        return [r[0] for r in rows]

    def has_french(self) -> bool:
        """Whether a French document was ever indexed (its words have French stems)."""
        return self.db.execute("SELECT 1 FROM terms_fr LIMIT 1").fetchone() is not None

    def words_with_french_stem(self, term_stem: str, limit: int = 40) -> list[str]:
        """Terms of French documents whose French stem is *term_stem*."""
        rows = self.db.execute(
            "SELECT term FROM terms_fr WHERE stem = ? LIMIT ?", (term_stem, limit)
        ).fetchall()
        return [r[0] for r in rows]

    def stats(self) -> dict:
        """``{"documents", "segments", "pages", "terms", "bytes"}`` for reports and benchmarks."""
        db = self.db
        docs = db.execute("SELECT count(*), coalesce(sum(page_count), 0) FROM documents").fetchone()
        segments = db.execute("SELECT count(*) FROM segments").fetchone()[0]
        terms = db.execute("SELECT count(*) FROM terms").fetchone()[0]
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        return {"documents": docs[0], "pages": docs[1], "segments": segments, "terms": terms,
                "bytes": page_size * pages}
