"""Child processes for the bookmarks safety tests (run as a script, not collected).

    python bookmark_writer_child.py writer DB SEED [COUNT]
    python bookmark_writer_child.py zygote DB

*writer* opens the store and changes bookmarks in a loop.  Before each change it writes
``begin OP ARGS`` and after the commit returned ``ok`` on stdout (one ``os.write`` per line),
so the parent knows which changes were reported committed and which one may have been in
flight when it was killed.  OP is ``add ID``, ``note ID N``, ``coll ID NAME`` (NAME ``-`` =
none) or ``del ID``.  With COUNT it stops after COUNT changes and prints ``finished``; without,
it runs until killed.

*zygote* imports the store once, then for each ``run SEED`` line on stdin forks a writer (a
fresh process that opens the database itself), prints ``pid N``, waits until the parent has
killed it and prints ``dead``.  Forking from this small single-threaded process makes the 200
kill rounds cheap without forking the test runner.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

from brochure_reader.bookmarks.model import Bookmark, Quote, new_id
from brochure_reader.bookmarks.questions import seed_builtin_questions  # noqa: F401  (preload)
from brochure_reader.bookmarks.store import BookmarkStore


def say(line: str) -> None:
    os.write(1, (line + "\n").encode())


def writer(db: Path, seed: int, count: int | None) -> None:
    rng = random.Random(seed)
    store = BookmarkStore.open(db)
    # Killed rounds continue on what earlier rounds left; counted writers keep to their own.
    ids = [b.id for b in store.bookmarks()] if count is None else []
    say("ready")
    done = 0
    while count is None or done < count:
        roll = rng.random()
        if roll < 0.45 or not ids:
            bookmark_id = new_id()
            say(f"begin add {bookmark_id}")
            store.put(Bookmark(id=bookmark_id, doc_id=f"doc-{seed % 5}", page=rng.randint(1, 30),
                               y=round(rng.uniform(0, 800), 2),
                               quote=Quote("x" * rng.randint(0, 120)), label=f"child {seed}",
                               note="0"))
            ids.append(bookmark_id)
        elif roll < 0.8:
            bookmark_id = rng.choice(ids)
            n = seed * 1_000_000 + done + 1
            say(f"begin note {bookmark_id} {n}")
            store.update(bookmark_id, note=str(n))
        elif roll < 0.93:
            bookmark_id = rng.choice(ids)
            name = rng.choice(["For Tuesday", "Share", "-"])
            say(f"begin coll {bookmark_id} {name}")
            store.move_to_collection(bookmark_id, None if name == "-" else name)
        else:
            bookmark_id = ids.pop(rng.randrange(len(ids)))
            say(f"begin del {bookmark_id}")
            store.delete(bookmark_id)
        say("ok")
        done += 1
    store.close()
    say("finished")


def zygote(db: Path) -> None:
    for line in sys.stdin:
        command, _, arg = line.strip().partition(" ")
        if command != "run":
            break
        pid = os.fork()
        if pid == 0:
            try:
                writer(db, int(arg), None)
            except BaseException as exc:
                say(f"error {exc!r}")
            finally:
                os._exit(0)
        say(f"pid {pid}")
        os.waitpid(pid, 0)
        say("dead")


def main() -> None:
    mode, db = sys.argv[1], Path(sys.argv[2])
    if mode == "zygote":
        zygote(db)
    else:
        writer(db, int(sys.argv[3]), int(sys.argv[4]) if len(sys.argv) > 4 else None)


if __name__ == "__main__":
    main()
