"""The offline promise, kept by a test: CLI commands and a GUI session run with every socket
family but AF_UNIX refused (X11, D-Bus and the worker pipes are AF_UNIX); any other attempt
is recorded and fails the test."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import REPO

SITECUSTOMIZE = '''
import os, socket, traceback
_real_init = socket.socket.__init__
def _guarded(self, family=-1, type=-1, proto=-1, fileno=None):
    fam = socket.AF_INET if family == -1 else family
    if fileno is None and fam != getattr(socket, "AF_UNIX", None):
        with open(os.environ["SOCKET_LOG"], "a") as log:
            log.write(f"{os.getpid()} family={fam}: " + "".join(traceback.format_stack()))
        raise PermissionError(1, "network sockets are blocked in this test")
    _real_init(self, family, type, proto, fileno)
socket.socket.__init__ = _guarded
'''


@pytest.fixture
def guarded_env(tmp_path):
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    log = tmp_path / "sockets.log"
    env = dict(os.environ, PYTHONPATH=f"{hook}{os.pathsep}{REPO / 'src'}",
               SOCKET_LOG=str(log), QT_QPA_PLATFORM="offscreen",
               BROCHURE_READER_HOME=str(tmp_path / "home"))
    return env, log


def _run(env, *args, timeout=180):
    return subprocess.run([sys.executable, "-m", "brochure_reader", *args], env=env,
                          capture_output=True, text=True, timeout=timeout, cwd=REPO)


def test_the_guard_itself_catches_a_network_socket(guarded_env):
    env, log = guarded_env
    done = subprocess.run([sys.executable, "-c", "import socket; socket.socket()"], env=env,
                          capture_output=True, text=True, cwd=REPO)
    assert done.returncode != 0 and log.exists()


@pytest.mark.slow
def test_cli_commands_and_a_gui_session_open_no_network_socket(guarded_env, tmp_path):
    env, log = guarded_env
    doc = "acute-lymphoblastic-leukaemia"
    for args in (["list"], ["list", "--json"], ["search", "fever"],
                 ["bookmarks", "add", doc], ["bookmarks", "list"],
                 ["bookmarks", "export", str(tmp_path / "marks.json")],
                 ["bookmarks", "export", str(tmp_path / "marks.pdf")],
                 ["import", str(REPO.parent / "shared" / "corpus" / "pdfs"
                                / "pdfjs__outline-with-url.pdf")],
                 ["--smoke"]):
        if args[0] == "import" and not os.path.exists(args[1]):
            continue
        done = _run(env, *args)
        assert done.returncode == 0, (args, done.stderr[-1500:])
    assert not log.exists(), log.read_text(encoding="utf-8")[:3000]
