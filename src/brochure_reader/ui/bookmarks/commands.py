"""Undo steps of the bookmarks dock (Qt's undo framework: ``QUndoCommand`` on the panel's
``QUndoStack``).

Each command changes the store and then tells whoever shows the data through a small public
interface (:class:`BookmarkEdits`, :class:`QuestionEdits`), never through a widget's private
members.  Deleting bookmarks and removing a question are the undoable changes; other edits
(rename, note, colour, collection) are written at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QUndoCommand

from brochure_reader.bookmarks.model import Bookmark, Question
from brochure_reader.bookmarks.store import StoreError
from brochure_reader.ui.i18n import translate

if TYPE_CHECKING:
    from brochure_reader.bookmarks.questions import QuestionList
    from brochure_reader.bookmarks.store import BookmarkStore


class BookmarkEdits(Protocol):
    """What :class:`DeleteBookmarks` needs from the view of the bookmarks."""

    @property
    def store(self) -> BookmarkStore: ...

    def bookmarks_removed(self, bookmarks: list[Bookmark]) -> None:
        """*bookmarks* left the store: take them out of the view."""

    def bookmarks_restored(self, bookmarks: list[Bookmark]) -> None:
        """*bookmarks* (as the store holds them now) came back: show and select them."""

    def warn(self, message: str) -> None:
        """Tell the user that the store refused a change."""


class DeleteBookmarks(QUndoCommand):
    """Delete bookmarks; undo puts them back exactly (ids, times, collections).

    *text* names the step in the Edit menu ("Delete “Fever”", "Delete 3 bookmarks")."""

    def __init__(self, edits: BookmarkEdits, bookmarks: list[Bookmark], text: str):
        super().__init__(text)
        self._edits = edits
        self._ids = [b.id for b in bookmarks]
        self._gone: list[Bookmark] = list(bookmarks)

    def redo(self) -> None:
        store = self._edits.store
        ids = [i for i in self._ids if store.exists(i)]
        try:
            self._gone = store.delete_many(ids) if ids else []
        except StoreError as exc:
            self._edits.warn(str(exc))
            return
        self._edits.bookmarks_removed(self._gone)

    def undo(self) -> None:
        store = self._edits.store
        try:
            store.restore(self._gone)
            back = [store.get(b.id) for b in self._gone]
        except StoreError as exc:
            self._edits.warn(str(exc))
            return
        self._edits.bookmarks_restored(back)


class QuestionEdits(Protocol):
    """What :class:`RemoveQuestion` needs from the view of My questions."""

    def apply(self, change: Callable[[QuestionList], object]) -> bool:
        """Run ``change(question_list)``, report a refusal, reload; True when it was done."""


class RemoveQuestion(QUndoCommand):
    """Remove one of My questions; undo puts it back at its place."""

    def __init__(self, edits: QuestionEdits, question: Question):
        super().__init__(
            translate("QuestionsTab", "Remove question “{text}”").format(text=question.text[:40])
        )
        self._edits, self._question = edits, question

    def redo(self) -> None:
        self._edits.apply(lambda q: q.remove(self._question.id))

    def undo(self) -> None:
        self._edits.apply(lambda q: q.restore(self._question))
