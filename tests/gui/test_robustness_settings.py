"""Issue 15, items 1 and 5: damaged settings never stop the reader; positions are saved as they
change (debounced, merged with other windows), not only when the window closes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import REPO
from tests.gui.conftest import make_window


def _window(qtbot, app_paths, library):
    return make_window(qtbot, app_paths, library, size=(1000, 760))

def _smoke(home):
    """``brochure-reader --home HOME --smoke`` in a fresh process (offscreen)."""
    return subprocess.run(
        [sys.executable, "-m", "brochure_reader", "--home", str(home), "--smoke"],
        capture_output=True, text=True, timeout=50, cwd=REPO,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )  # fmt: skip



def test_bad_position_neither_stops_the_start_nor_the_opening(qtbot, app_paths, corpus_library):
    app_paths.settings_file.write_text(json.dumps({
        "recent_documents": ["labels"],
        "positions": {"labels": {"page": "three", "y": 0}, "geotopo": {"page": 2, "y": "x"}},
    }), encoding="utf-8")
    win = _window(qtbot, app_paths, corpus_library)
    try:
        assert any("reading positions were not valid" in p for p in win.settings.problems)
        for doc_id in ("labels", "geotopo"):
            with qtbot.waitSignal(win.reader.document_opened, timeout=30000):
                win.reader.open(doc_id)
            assert win.page_view.position()[0] == 0  # the start, not a traceback
    finally:
        win.service.shutdown()


def test_position_is_on_disk_while_reading(qtbot, app_paths, corpus_library):
    from brochure_reader.ui import settings_saver

    win = _window(qtbot, app_paths, corpus_library)
    try:
        with qtbot.waitSignal(win.reader.document_opened, timeout=30000):
            win.reader.open("geotopo", 5, 0.0)
        win.page_view.go_to(9, 100.0)

        def saved_page():
            try:
                data = json.loads(app_paths.settings_file.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return None
            return data.get("positions", {}).get("geotopo", {}).get("page")

        # no close, no quit: a SIGKILL now would keep this position
        qtbot.waitUntil(lambda: saved_page() == 9, timeout=settings_saver.DELAY_MS + 5000)
        # another window on the same home wrote a position of its own meanwhile
        other = json.loads(app_paths.settings_file.read_text(encoding="utf-8"))
        other["positions"]["labels"] = {"page": 2, "y": 0.0, "t": 1e10}
        app_paths.settings_file.write_text(json.dumps(other), encoding="utf-8")
        win.page_view.go_to(12, 0.0)
        qtbot.waitUntil(lambda: saved_page() == 12, timeout=settings_saver.DELAY_MS + 5000)
        data = json.loads(app_paths.settings_file.read_text(encoding="utf-8"))
        assert data["positions"]["labels"]["page"] == 2
    finally:
        win.service.shutdown()


@pytest.mark.slow
def test_smoke_start_with_a_folder_as_settings_file(tmp_path):
    home = tmp_path / "home"
    (home / "config" / "settings.json").mkdir(parents=True)
    done = _smoke(home)
    assert done.returncode == 0, done.stderr[-2000:]
    assert (home / "config" / "settings.json").is_file()
    assert list((home / "config").glob("settings.json.damaged-*"))


@pytest.mark.slow
def test_smoke_start_with_an_undecodable_settings_file(tmp_path):
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.json").write_bytes(b"\xff")
    done = _smoke(home)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM")
def test_sigterm_closes_the_window_and_saves(tmp_path):
    import signal
    import time

    home = tmp_path / "home"
    process = subprocess.Popen(
        [sys.executable, "-m", "brochure_reader", "--home", str(home)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    try:
        deadline = time.monotonic() + 40
        # the search index file appears once the window has started its background work
        while time.monotonic() < deadline and not list((home / "cache").glob("*")):
            time.sleep(0.2)
        time.sleep(1.0)
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err[-2000:]
    settings = json.loads((home / "config" / "settings.json").read_text(encoding="utf-8"))
    assert settings["window_geometry"]  # written by the window's close, not lost
