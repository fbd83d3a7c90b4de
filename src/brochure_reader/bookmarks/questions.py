""""My questions": the questions a patient wants to ask the care team.

The list lives in the bookmarks database (table ``questions``).  A new database starts with the
built-in questions (:data:`BUILTIN_QUESTIONS`, added once; deleting them is the user's choice).
Questions can be added from a brochure's "Questions to ask" list (:func:`questions_from_lines`
turns that list's text lines into questions), typed in, reordered and ticked when answered.
Plain Python: no Qt, no PyMuPDF.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from brochure_reader.bookmarks.model import Question, format_time, new_id, parse_time, utc_now

if TYPE_CHECKING:
    from brochure_reader.bookmarks.store import BookmarkStore

#: General questions for the care team, offered to every new user.
BUILTIN_QUESTIONS: tuple[str, ...] = (
    "What is the aim of my treatment?",
    "What are the possible side effects, and which ones should I report straight away?",
    "Who do I contact, day or night, if I feel unwell or have a high temperature?",
    "Who is my main contact in the care team?",
    "What happens next, and when will I hear about my results?",
    "Is there a clinical trial that could be right for me?",
    "How will treatment affect my work, family life and the things I enjoy?",
    "Can I have a copy of my treatment plan and clinic letters?",
    "Where can I get help with feelings, money and practical problems?",
)
SOURCE_BUILTIN = "builtin"
SOURCE_OWN = "own"
#: Longest question kept (characters); longer text is refused.
MAX_QUESTION_CHARS = 500

_SEEDED_KEY = "questions_seeded"
_ORDERED_IDS = "SELECT id FROM questions ORDER BY position, created"
_BULLET = re.compile(r"^(?:[-–—•●▪◦·*■□✓]|\d{1,2}[.)])(?:\s+|$)")
_QUESTION_TITLE = re.compile(r"\bquestions?\b", re.IGNORECASE)


class QuestionNotFound(KeyError):
    """No question with that id (deleted meanwhile, perhaps in another window)."""


def is_questions_section(title: str) -> bool:
    """True for headings like "Questions to ask your care team"."""
    return bool(_QUESTION_TITLE.search(title or ""))


def questions_sections(sections: Iterable) -> list[tuple]:
    """The "Questions to ask" sections of a section tree, each with the section after it.

    *sections* is a list of library :class:`~brochure_reader.library.Section` (page 0-based, y
    points).  Returns ``[(section, next section or None)]`` in document order.  Read the text
    with ``brochure_reader.bookmarks.quotes.section_lines(path, password, (s.page, s.y, s.title),
    (n.page, n.y, n.title) if n else None)`` and pass it to :func:`questions_from_lines`.
    """
    from brochure_reader.library.sections import iter_sections

    placed = [s for s in iter_sections(sections) if s.page is not None]  # document order
    found = []
    for i, section in enumerate(placed):
        if is_questions_section(section.title):
            after = placed[i + 1] if i + 1 < len(placed) else None
            found.append((section, after))
    return found


def section_bound(section) -> tuple[int, float, str] | None:
    """``(page 0-based, y, title)`` of a library Section, as ``bookmarks.quotes.section_lines``
    takes it (None for None)."""
    return None if section is None else (section.page, section.y, section.title)


def _join(text: str, more: str) -> str:
    if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and more[:1].islower():
        return text[:-1] + more
    return f"{text} {more}" if text else more


def questions_from_lines(lines: Iterable[str]) -> list[str]:
    """Turn the text lines of a "Questions to ask" list into questions.

    Bullets (``•``, ``-``, ``1.`` …) start a new question and following lines continue it (a
    bullet alone on its line, as PDF text often has it, counts too).  Text before the first
    bullet (the heading) is ignored.  Without any bullet, the text is split after each ``?``.
    Whitespace is normalised, hyphenated line ends are joined, duplicates (ignoring case) are
    dropped.  Returns questions in order.
    """
    items: list[str] = []
    current: str | None = None
    plain: list[str] = []
    for raw in lines:
        line = " ".join(str(raw).split())
        if not line:
            continue
        match = _BULLET.match(line)
        if match:
            if current:
                items.append(current)
            current = line[match.end():]
        elif current is not None:
            current = _join(current, line)
        else:
            plain.append(line)
    if current:
        items.append(current)
    if not items and plain:
        text = ""
        for line in plain:
            text = _join(text, line)
        items = [q.strip() + "?" for q in text.split("?")[:-1]]
        items = [i for i in items if len(i) > 1]
    seen: set[str] = set()
    result = []
    for item in items:
        item = item.strip()
        if item and item.casefold() not in seen and len(item) <= MAX_QUESTION_CHARS:
            seen.add(item.casefold())
            result.append(item)
    return result


def _clean(text: str) -> str:
    text = " ".join(str(text).split())
    if not text:
        raise ValueError("A question cannot be empty")
    if len(text) > MAX_QUESTION_CHARS:
        raise ValueError(f"A question can have at most {MAX_QUESTION_CHARS} characters")
    return text


def seed_builtin_questions(store: BookmarkStore) -> bool:
    """Add :data:`BUILTIN_QUESTIONS` once per database (remembered in ``meta``).  Returns True
    when it added them now."""
    if store._query("SELECT 1 FROM meta WHERE key = ?", (_SEEDED_KEY,)):
        return False
    with store._write() as conn:
        if conn.execute("SELECT 1 FROM meta WHERE key = ?", (_SEEDED_KEY,)).fetchone():
            return False  # another process seeded meanwhile
        QuestionList(store)._insert(conn, BUILTIN_QUESTIONS, SOURCE_BUILTIN)
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)",
                     (_SEEDED_KEY, format_time(utc_now())))
    return True


class QuestionList:
    """The ordered list of "My questions" kept in a :class:`BookmarkStore`.

    Every method commits at once.  Positions are 0-based and contiguous.
    """

    def __init__(self, store: BookmarkStore):
        self.store = store

    @staticmethod
    def _from_row(row: tuple) -> Question:
        qid, text, position, answered, source, created, updated = row
        return Question(qid, text, int(position), bool(answered), source,
                        parse_time(created), parse_time(updated))

    def in_order(self) -> list[Question]:
        """All questions in list order."""
        rows = self.store._query(
            "SELECT id, text, position, answered, source, created, updated FROM questions "
            "ORDER BY position, created")
        return [self._from_row(r) for r in rows]

    def get(self, question_id: str) -> Question:
        rows = self.store._query(
            "SELECT id, text, position, answered, source, created, updated FROM questions "
            "WHERE id = ?", (question_id,))
        if not rows:
            raise QuestionNotFound(question_id)
        return self._from_row(rows[0])

    def _insert(self, conn, texts: Iterable[str], source: str) -> list[str]:
        existing = {r[0].casefold() for r in conn.execute("SELECT text FROM questions")}
        position = conn.execute(
            "SELECT coalesce(max(position) + 1, 0) FROM questions").fetchone()[0]
        now = format_time(utc_now())
        ids = []
        for text in texts:
            text = _clean(text)
            if text.casefold() in existing:
                continue
            existing.add(text.casefold())
            qid = new_id()
            conn.execute(
                "INSERT INTO questions (id, text, position, answered, source, created, updated) "
                "VALUES (?, ?, ?, 0, ?, ?, ?)", (qid, text, position, source, now, now))
            position += 1
            ids.append(qid)
        return ids

    def add(self, text: str, source: str = SOURCE_OWN) -> Question | None:
        """Append one question; returns it, or None when the same question (ignoring case) is
        already in the list.  Raises ValueError for empty or over-long text."""
        added = self.add_many([text], source)
        return added[0] if added else None

    def add_many(self, texts: Iterable[str], source: str = SOURCE_OWN) -> list[Question]:
        """Append the questions not yet in the list (e.g. a brochure's "Questions to ask",
        with *source* = its document id), in one transaction; returns those added."""
        texts = list(texts)
        with self.store._write() as conn:
            ids = self._insert(conn, texts, source)
        return [self.get(i) for i in ids]

    def add_builtin(self) -> list[Question]:
        """Add back any built-in question that is not in the list."""
        return self.add_many(BUILTIN_QUESTIONS, SOURCE_BUILTIN)

    def edit(self, question_id: str, text: str) -> Question:
        text = _clean(text)
        with self.store._write() as conn:
            self._update(conn, question_id, text=text)
        return self.get(question_id)

    def set_answered(self, question_id: str, answered: bool) -> Question:
        """Tick (or untick) a question as answered."""
        with self.store._write() as conn:
            self._update(conn, question_id, answered=int(bool(answered)))
        return self.get(question_id)

    def _update(self, conn, question_id: str, **sets) -> None:
        sets["updated"] = format_time(utc_now())
        assignments = ", ".join(f"{k} = ?" for k in sets)
        cursor = conn.execute(f"UPDATE questions SET {assignments} WHERE id = ?",
                              (*sets.values(), question_id))
        if cursor.rowcount == 0:
            raise QuestionNotFound(question_id)

    def _renumber(self, conn, ids: list[str]) -> None:
        for position, qid in enumerate(ids):
            conn.execute("UPDATE questions SET position = ? WHERE id = ?", (position, qid))

    def move(self, question_id: str, index: int) -> list[Question]:
        """Move a question to 0-based *index* (clamped to the list); returns the new order."""
        with self.store._write() as conn:
            ids = [r[0] for r in conn.execute(_ORDERED_IDS)]
            if question_id not in ids:
                raise QuestionNotFound(question_id)
            ids.remove(question_id)
            ids.insert(max(0, min(index, len(ids))), question_id)
            self._renumber(conn, ids)
        return self.in_order()

    def reorder(self, ids: list[str]) -> list[Question]:
        """Set the whole order at once (ids missing from *ids* keep their relative order at
        the end; unknown ids are ignored)."""
        with self.store._write() as conn:
            current = [r[0] for r in conn.execute(_ORDERED_IDS)]
            known = [i for i in dict.fromkeys(ids) if i in current]
            self._renumber(conn, known + [i for i in current if i not in known])
        return self.in_order()

    def remove(self, question_id: str) -> Question:
        """Delete a question; returns it (give it to :meth:`restore` to undo)."""
        question = self.get(question_id)
        with self.store._write() as conn:
            conn.execute("DELETE FROM questions WHERE id = ?", (question_id,))
            ids = [r[0] for r in conn.execute(_ORDERED_IDS)]
            self._renumber(conn, ids)
        return question

    def restore(self, question: Question) -> None:
        """Put a removed question back at its old position."""
        with self.store._write() as conn:
            ids = [r[0] for r in conn.execute(_ORDERED_IDS)]
            conn.execute(
                "INSERT OR REPLACE INTO questions (id, text, position, answered, source, created, "
                "updated) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (question.id, question.text, question.position, int(question.answered),
                 question.source, format_time(question.created), format_time(question.updated)))
            ids = [i for i in ids if i != question.id]
            ids.insert(max(0, min(question.position, len(ids))), question.id)
            self._renumber(conn, ids)
