"""Issue 15, item 14: text from files never drives the terminal it is printed to."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from brochure_reader.terminal import printable
from tests.conftest import REPO

HOSTILE = "Ask\x1b]0;owned\x07 about\x1b[2J\x1b[8m dose\r\u202eevil\x9b31m"


def test_printable_removes_sequences_and_controls_but_keeps_lines_and_words():
    assert printable(HOSTILE) == "Ask about dose" + "evil"
    assert printable("Line one\n\tLine two — é, 春") == "Line one\n\tLine two — é, 春"


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_bookmarks_list_on_a_terminal_prints_no_escape_sequences(app_paths):
    import pty

    from brochure_reader.bookmarks.store import BookmarkStore

    with BookmarkStore.open(app_paths) as store:
        store.add("acute-lymphoblastic-leukaemia", 1, 0.0, label=HOSTILE, note=HOSTILE)
    leader, follower = pty.openpty()
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"),
               BROCHURE_READER_HOME=str(app_paths.data.parent))
    process = subprocess.Popen(
        [sys.executable, "-m", "brochure_reader", "bookmarks", "list"],
        stdin=follower, stdout=follower, stderr=follower, env=env, cwd=REPO)
    os.close(follower)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        output += chunk
    os.close(leader)
    assert process.wait(timeout=60) == 0
    text = output.decode("utf-8", "replace")
    assert "Ask about dose" in text
    assert "\x1b" not in text and "\u202e" not in text and "\x9b" not in text
    assert "\r" not in text.replace("\r\n", "\n")  # the terminal's own line ends only
