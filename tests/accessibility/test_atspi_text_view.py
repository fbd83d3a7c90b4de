"""Done-when of issue 13: from outside the app, through AT-SPI (what Orca reads on Linux), the
body sentences of the section on screen are in the accessible tree when the reader is started
with ``--view text`` — for a bundled brochure and for an imported corpus PDF.

Each test starts its own Xvfb display and D-Bus session, runs the app with
``QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1``, and walks the tree with ``atspi_walker.py`` under the
system Python (python3-pyatspi exists only there).  Skipped, with the reason, where Xvfb,
dbus-launch or pyatspi are missing (``.ci/run`` installs them on Debian).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

SYSTEM_PYTHON = "/usr/bin/python3"
WALKER = Path(__file__).with_name("atspi_walker.py")
APP_NAME = "brochure-reader"

pytestmark = pytest.mark.timeout(240)


def _missing() -> str:
    for tool in ("Xvfb", "dbus-launch"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (Debian: xvfb, dbus-x11)"
    if not Path(SYSTEM_PYTHON).exists():
        return f"{SYSTEM_PYTHON} not found (python3-pyatspi needs the system Python)"
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True)
    if probe.returncode:
        return "python3-pyatspi is not installed for the system Python (Debian: python3-pyatspi)"
    if shutil.which("at-spi-bus-launcher") is None and not Path(
        "/usr/libexec/at-spi-bus-launcher"
    ).exists():
        return "at-spi2-core is not installed (no at-spi-bus-launcher)"
    return ""


@pytest.fixture(scope="module")
def desktop():
    """``{"DISPLAY": ..., "DBUS_SESSION_BUS_ADDRESS": ...}`` of a private X server and bus."""
    reason = _missing()
    if reason:
        pytest.skip(reason)
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as handle:
        number = handle.readline().strip()
    env = {"DISPLAY": f":{number}"}
    launched = subprocess.run(
        ["dbus-launch", "--sh-syntax"], capture_output=True, text=True,
        env={**os.environ, **env}, check=True,
    ).stdout
    address = re.search(r"DBUS_SESSION_BUS_ADDRESS='([^']+)'", launched).group(1)
    bus_pid = int(re.search(r"DBUS_SESSION_BUS_PID=(\d+)", launched).group(1))
    env["DBUS_SESSION_BUS_ADDRESS"] = address
    yield env
    os.kill(bus_pid, signal.SIGTERM)
    xvfb.terminate()
    xvfb.wait(10)


def _app_env(desktop: dict, home: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(desktop)
    env.update(
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        QT_QPA_PLATFORM="xcb",
        BROCHURE_READER_HOME=str(home),
        PYTHONPATH=os.pathsep.join(filter(None, [str(REPO / "src"), env.get("PYTHONPATH")])),
    )
    return env


def _walk(desktop: dict, wait_for: str, caret: str, *app_args: str, home: Path) -> dict:
    """Start the app with *app_args*, walk its accessible tree until *wait_for* is in it and
    the caret's line holds *caret*."""
    env = _app_env(desktop, home)
    log = home.parent / "app.log"
    with log.open("w") as handle:  # a file, not a pipe: the worker processes inherit it
        app = subprocess.Popen(
            [sys.executable, "-m", "brochure_reader", *app_args], env=env,
            stdout=handle, stderr=subprocess.STDOUT, start_new_session=True,
        )
    try:
        walked = subprocess.run(
            [SYSTEM_PYTHON, str(WALKER), "--app", APP_NAME, "--wait-for", wait_for,
             "--wait-caret", caret, "--timeout", "90"],
            capture_output=True, text=True, env={**os.environ, **desktop}, timeout=150,
        )
    finally:
        os.killpg(app.pid, signal.SIGTERM)  # the app and its worker processes
        try:
            app.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(app.pid, signal.SIGKILL)
            app.wait()
        output = log.read_text(errors="replace")
    assert walked.stdout, f"the walker printed nothing: {walked.stderr}\napp: {output}"
    result = json.loads(walked.stdout)
    assert result["found"], (
        f"{wait_for!r} (caret at {caret!r}) not in the accessible tree of {result.get('apps')} "
        f"({result['objects']} objects)\napp output: {output}"
    )
    return result


def _document_text(result: dict) -> dict:
    """The accessible object that holds the document text (the text view)."""
    texts = [t for t in result["texts"] if t["name"] == "Document text"]
    assert texts, [t["name"] for t in result["texts"]]
    return texts[0]


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if s.strip()]


def _section_body(markdown: str, heading: str) -> str:
    """The paragraphs between ``### heading`` and the next heading of a Markdown source."""
    lines = markdown.splitlines()
    start = next(i for i, line in enumerate(lines) if line.lstrip("#").strip() == heading
                 and line.startswith("#"))
    body = []
    for line in lines[start + 1:]:
        if line.startswith("#") or line.startswith(":::"):
            break
        if line.strip() and not line.lstrip().startswith(("-", "|")):
            body.append(re.sub(r"\*\*|\*", "", line))
    return " ".join(body)


def test_bundled_brochure_section_is_read_by_a_screen_reader(desktop, tmp_path):
    source = (REPO / "assets" / "pack" / "sources" / "cholangiocarcinoma.md").read_text(
        encoding="utf-8"
    )
    expected = _sentences(_section_body(source, "Itching"))
    assert len(expected) >= 2, expected
    result = _walk(desktop, expected[0], "Itching", "cholangiocarcinoma#itching", "--view",
                   "text", home=tmp_path / "home")
    document = _document_text(result)
    spoken = " ".join(document["text"].split())
    missing = [s for s in expected if s not in spoken]
    assert not missing, f"not in the accessible text: {missing}"
    # The caret (where a screen reader starts reading) is at the section on screen.
    assert document["at_caret"].startswith("Itching"), document["at_caret"][:80]
    # The urgent box is announced in words, not only drawn red.
    assert "Urgent:" in document["text"]


def test_imported_corpus_pdf_section_is_read_by_a_screen_reader(desktop, tmp_path, corpus):
    pdf = corpus / "pdfminer__naacl06-hyphenated.pdf"
    home = tmp_path / "home"
    env = _app_env(desktop, home)
    imported = subprocess.run(
        [sys.executable, "-m", "brochure_reader", "import", str(pdf)],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert imported.returncode == 0, imported.stderr
    listed = subprocess.run(
        [sys.executable, "-m", "brochure_reader", "list", "--json"],
        env=env, capture_output=True, text=True, timeout=120, check=True,
    )
    doc_id = next(
        d["id"] for pack in json.loads(listed.stdout)["packs"] for d in pack["documents"]
        if "naacl06" in d["id"] or "preemptive" in d["title"].lower()
    )
    # A sentence of the file's "Background" section; "exist-/ing" is split at a line end in
    # the PDF, so finding it whole also shows the hyphen was joined.
    sentence = ("Most existing IE research focuses on reducing this burden by helping people "
                "create such patterns.")
    result = _walk(desktop, sentence, "Background", f"{doc_id}#background", "--view", "text",
                   home=home)
    document = _document_text(result)
    assert sentence in " ".join(document["text"].split())
    # The caret (where a screen reader starts) is on the heading ("1 Background" in the file).
    assert "Background" in document["at_caret"].split("\n")[0], document["at_caret"][:80]
