"""The parts of the bookmarks dock on their own (ui/bookmarks/): the undo steps against any
view that offers their small interface, and the watcher of other processes' changes."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from brochure_reader.bookmarks import BookmarkStore
from brochure_reader.ui.bookmarks.commands import DeleteBookmarks, RemoveQuestion
from brochure_reader.ui.bookmarks.sync import StoreWatcher


@pytest.fixture
def store(app_paths):
    with BookmarkStore.open(app_paths) as opened:
        yield opened


class Edits:
    """A view of the bookmarks with only the public interface the undo step may use."""

    def __init__(self, store):
        self.store = store
        self.calls: list[tuple[str, list[str]]] = []

    def bookmarks_removed(self, bookmarks):
        self.calls.append(("removed", [b.id for b in bookmarks]))

    def bookmarks_restored(self, bookmarks):
        self.calls.append(("restored", [b.id for b in bookmarks]))

    def warn(self, message):
        self.calls.append(("warn", [message]))


def test_deleting_bookmarks_is_undone_exactly_through_the_public_interface(qapp, store):
    fever = store.add("aml", 3, 120.0, label="Fever", note="call the ward", collections=["Tuesday"])
    diet = store.add("eating-well", 1, 0.0, label="Diet")
    edits, stack = Edits(store), QUndoStack()
    stack.push(DeleteBookmarks(edits, [fever, diet], "Delete 2 bookmarks"))
    assert not store.exists(fever.id) and not store.exists(diet.id)
    assert edits.calls == [("removed", [fever.id, diet.id])]
    assert stack.undoText() == "Delete 2 bookmarks"

    stack.undo()
    assert edits.calls[-1] == ("restored", [fever.id, diet.id])
    back = store.get(fever.id)
    assert (back.title, back.note, back.page, back.y, back.created) == (
        fever.title,
        fever.note,
        fever.page,
        fever.y,
        fever.created,
    )
    assert [b.id for b in store.bookmarks(collection="Tuesday")] == [fever.id]

    stack.redo()
    assert not store.exists(fever.id) and edits.calls[-1][0] == "removed"


def test_a_refused_delete_is_reported_not_raised(qapp, store, monkeypatch):
    from brochure_reader.bookmarks.store import StoreError

    fever = store.add("aml", 3, 120.0, label="Fever")
    edits = Edits(store)

    def refuse(_ids):
        raise StoreError("the bookmarks file is read-only")

    monkeypatch.setattr(store, "delete_many", refuse)
    DeleteBookmarks(edits, [fever], "Delete “Fever”").redo()
    assert edits.calls == [("warn", ["the bookmarks file is read-only"])]
    assert store.exists(fever.id)


def test_removing_a_question_goes_through_apply_and_comes_back(qapp, store):
    question = store.questions.add("Who do I call at night?")
    applied = []

    class Questions:
        def apply(self, change):
            applied.append(change(store.questions))
            return True

    stack = QUndoStack()
    stack.push(RemoveQuestion(Questions(), question))
    assert question.id not in [q.id for q in store.questions.in_order()]
    stack.undo()
    assert question.id in [q.id for q in store.questions.in_order()]
    assert len(applied) == 2


def test_the_watcher_sees_another_process_write_once(qtbot, store, app_paths):
    watcher = StoreWatcher(store, None, interval_ms=60000)
    assert not watcher.poll()
    with BookmarkStore.open(app_paths) as other:  # as the CLI would
        other.add("glioma", 2, 0.0, label="From the command line")
    with qtbot.waitSignal(watcher.changed, timeout=1000):
        assert watcher.poll()
    assert not watcher.poll()
