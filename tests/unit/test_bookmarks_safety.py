"""Safety of the bookmarks file: killed writers, damaged files, several writers at once."""

from __future__ import annotations

import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from brochure_reader.bookmarks import BookmarkStore, StoreError
from brochure_reader.bookmarks.store import FILE_NAME

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CHILD = HERE / "bookmark_writer_child.py"
KILL_ROUNDS = 200


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "src"), env.get("PYTHONPATH", "")])
    return env


def snapshot(store) -> dict[str, tuple[str, str | None]]:
    """id -> (note, collection) as stored."""
    return {b.id: (b.note, b.collections[0] if b.collections else None) for b in store.bookmarks()}


def apply(state: dict, op: list[str]) -> dict:
    state = dict(state)
    kind, bookmark_id = op[0], op[1]
    if kind == "add":
        state[bookmark_id] = ("0", None)
    elif kind == "note":
        state[bookmark_id] = (op[2], state[bookmark_id][1])
    elif kind == "coll":
        name = " ".join(op[2:])
        state[bookmark_id] = (state[bookmark_id][0], None if name == "-" else name)
    elif kind == "del":
        state.pop(bookmark_id)
    return state


def parse(lines: list[str]) -> tuple[list[list[str]], list[str] | None]:
    """(ops reported committed, the op in flight when killed or None)."""
    done, pending = [], None
    for line in lines:
        if line.startswith("begin "):
            assert pending is None, lines
            pending = line.split()[1:]
        elif line == "ok":
            done.append(pending)
            pending = None
        elif line.startswith("error"):
            pytest.fail(f"the writer failed: {line}")
    return done, pending


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs fork() and SIGKILL")
def test_killed_writers_lose_nothing_they_reported(tmp_path):
    """A writer is SIGKILLed at a random moment, 200 times; after each kill the file opens,
    passes integrity_check and holds every change the writer reported committed (the one in
    flight may or may not be there, but nothing else)."""
    db = tmp_path / FILE_NAME
    rng = random.Random(20261129)
    zygote = subprocess.Popen(
        [sys.executable, "-S", str(CHILD), "zygote", str(db)], stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, text=True, bufsize=1, env=child_env())
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(x.rstrip("\n")) for x in zygote.stdout],
                     daemon=True).start()
    expected: dict = {}
    committed_total = 0
    try:
        for round_no in range(KILL_ROUNDS):
            zygote.stdin.write(f"run {round_no + 1}\n")
            zygote.stdin.flush()
            output = []
            while True:
                line = lines.get(timeout=30)
                if line.startswith("pid "):
                    pid = int(line.split()[1])
                    break
                output.append(line)
            # a random moment: often mid-run, sometimes before the store is even open
            roll = rng.random()
            delay = 0.0 if roll < 0.15 else rng.uniform(0, 0.01) if roll < 0.35 else \
                rng.uniform(0.01, 0.12)
            threading.Event().wait(delay)
            os.kill(pid, signal.SIGKILL)
            while (line := lines.get(timeout=30)) != "dead":
                output.append(line)
            done, pending = parse(output)
            committed_total += len(done)

            with BookmarkStore.open(db) as store:
                assert not any("damaged" in m for m in store.messages), (round_no, store.messages)
                assert store.integrity_check() == ["ok"], round_no
                actual = snapshot(store)
            for op in done:
                expected = apply(expected, op)
            if actual != expected:
                assert pending is not None, (round_no, "a reported change is missing")
                expected = apply(expected, pending)  # committed, killed before "ok"
                assert actual == expected, (round_no, "the database differs from what the "
                                                      "writer reported")
    finally:
        zygote.stdin.close()
        zygote.wait(timeout=30)
    assert committed_total > KILL_ROUNDS  # the writers did get work done between kills
    assert len(expected) > 10


def _writer(db: Path, seed: int, count: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-S", str(CHILD), "writer", str(db), str(seed),
                             str(count)], stdout=subprocess.PIPE, text=True, env=child_env())


@pytest.mark.slow
def test_two_processes_and_this_one_write_at_once(tmp_path):
    db = tmp_path / FILE_NAME
    BookmarkStore.open(db).close()
    children = [_writer(db, seed, 120) for seed in (11, 12)]
    mine = []
    with BookmarkStore.open(db) as store:
        while any(c.poll() is None for c in children):
            b = store.add("mine", 1, float(len(mine)), collections=["Mine"])
            mine.append(store.update(b.id, note=f"mine {len(mine)}"))
        outputs = [c.communicate(timeout=60)[0].splitlines() for c in children]
        assert [c.returncode for c in children] == [0, 0]
        assert all(out[-1] == "finished" for out in outputs)
        actual = snapshot(store)
        assert store.integrity_check() == ["ok"]
    expected: dict = {}
    for out in outputs:
        done, pending = parse(out)
        assert pending is None
        for op in done:
            expected = apply(expected, op)
    expected.update({b.id: (b.note, "Mine") for b in mine})
    assert actual == expected
    assert len(mine) > 0


def test_the_cli_writes_while_the_gui_store_is_open(app_paths, tmp_path):
    from brochure_reader.paths import AppPaths
    from tests.helpers import write_pack
    from tests.unit.bookmark_support import make_brochure, standard_sections

    pdf = tmp_path / "demo.pdf"
    make_brochure(pdf, standard_sections(1), "Demo")
    write_pack(app_paths.user_packs / "demo", "demo-pack", {"demo": pdf})
    assert AppPaths.default().data == app_paths.data
    gui = BookmarkStore.open(app_paths)  # as the running app holds it
    mine = gui.add("demo", 1, 0.0, label="Added in the window")
    cli = subprocess.Popen([sys.executable, "-m", "brochure_reader", "bookmarks", "add",
                            "demo#fever", "--note", "from the CLI", "--collection", "Tuesday"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           env=child_env())
    edits = 0
    while cli.poll() is None or edits == 0:
        gui.update(mine.id, note=f"edit {edits}")
        edits += 1
    out, err = cli.communicate(timeout=60)
    assert cli.returncode == 0, err
    assert out.startswith("Added bookmark")
    assert gui.changed_elsewhere()
    found = {b.label: b for b in gui.bookmarks()}
    assert found["Fever"].note == "from the CLI" and found["Fever"].collections == ("Tuesday",)
    assert found["Added in the window"].note == f"edit {edits - 1}"
    assert gui.integrity_check() == ["ok"]
    gui.close()


# --- damaged files ----------------------------------------------------------------------------


def _filled(app_paths, n: int = 60) -> Path:
    with BookmarkStore.open(app_paths) as store:
        for i in range(n):
            store.add("aml", 1 + i % 9, float(i), note="note " * 40, collections=["A"])
    conn = sqlite3.connect(app_paths.data / FILE_NAME)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return app_paths.data / FILE_NAME


def _garbage(path: Path) -> None:
    path.write_bytes(b"This is not a database at all. " * 100)


def _overwrite_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for number in range(1, len(data) // page):  # every page but the header page
        data[number * page:number * page + 64] = bytes(range(64))
    path.write_bytes(bytes(data))


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _someone_elses(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("damage", [_garbage, _overwrite_pages, _truncate, _someone_elses])
def test_a_damaged_file_is_moved_aside_and_replaced(app_paths, damage):
    path = _filled(app_paths)
    damage(path)
    damaged_bytes = path.read_bytes()
    with BookmarkStore.open(app_paths) as store:
        [message] = store.messages
        assert "damaged" in message
        recovered = len(store.bookmarks())  # what SQLite could still read was salvaged
        if recovered:
            assert f"{recovered} bookmark" in message
        else:
            assert "Nothing could be recovered" in message and "new, empty" in message
        assert store.integrity_check() == ["ok"]
        store.add("aml", 1, 0.0)  # and it works
    [aside] = list(app_paths.data.glob(f"{FILE_NAME}.damaged-*"))
    assert aside.name in message
    assert aside.read_bytes() == damaged_bytes  # kept exactly as it was
    with BookmarkStore.open(app_paths) as store:  # the next start is quiet
        assert store.messages == [] and len(store.bookmarks()) == recovered + 1


def test_the_cli_reports_a_damaged_file_on_stderr(app_paths, capsys):
    from brochure_reader.cli import main

    _garbage(_filled(app_paths, 2))
    assert main(["bookmarks", "list"]) == 0
    captured = capsys.readouterr()
    assert "brochure-reader: warning: Your bookmarks file was damaged" in captured.err
    assert "No bookmarks yet" in captured.out


def test_a_locked_file_is_not_mistaken_for_damage(app_paths):
    path = _filled(app_paths, 3)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE bookmarks SET note = 'held'")
    try:
        with pytest.raises(StoreError, match="could not be opened"):
            BookmarkStore.open(app_paths, timeout=0.2)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not list(app_paths.data.glob(f"{FILE_NAME}.damaged-*"))
    with BookmarkStore.open(app_paths) as store:
        assert len(store.bookmarks()) == 3 and store.messages == []
