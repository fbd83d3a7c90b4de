"""Launch timings seen from outside a program, as a user sees them: an X display of our own.

:class:`Display` starts Xvfb (a free display number), openbox (without a window manager no
window gets a frame or keyboard focus, unlike a user's desktop) and, when no session bus is
given, its own D-Bus session.  :func:`launch` starts a program on it and listens to X events
(python-xlib, no polling): the time from ``Popen`` to the first top-level window of that
process being mapped, and to its title first matching a pattern (Okular shows the file's
name once the document is loaded; so does Brochure Reader).
"""

from __future__ import annotations

import os
import re
import select
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field


@dataclass
class Launch:
    """Seconds from ``Popen`` (None: did not happen before the timeout)."""

    #: ``time.time()`` just before ``Popen`` (to compare with times a program prints)
    started_unix: float = 0.0
    mapped: float | None = None
    titled: float | None = None
    title: str = ""
    stdout: str = ""
    #: process ids of the launched program's windows
    pids: set[int] = field(default_factory=set)


class Display:
    """Xvfb + openbox (+ a D-Bus session) for the benchmark; a context manager."""

    def __init__(self, size: str = "1600x1000x24"):
        self.size = size
        self.processes: list[subprocess.Popen] = []
        self.env: dict[str, str] = {}

    def __enter__(self) -> Display:
        if not shutil.which("Xvfb"):
            raise RuntimeError("Xvfb is not installed (Debian package xvfb)")
        read, write = os.pipe()
        xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", self.size, "-nolisten", "tcp"],
            pass_fds=(write,), stderr=subprocess.DEVNULL,
        )
        os.close(write)
        self.processes.append(xvfb)
        number = b""
        while not number.endswith(b"\n"):
            chunk = os.read(read, 16)
            if not chunk:
                raise RuntimeError("Xvfb did not start")
            number += chunk
        os.close(read)
        self.name = f":{int(number)}"
        env = dict(os.environ, DISPLAY=self.name)
        env.pop("WAYLAND_DISPLAY", None)
        env.pop("QT_QPA_PLATFORM", None)
        if shutil.which("dbus-launch"):
            out = subprocess.run(["dbus-launch", "--sh-syntax"], capture_output=True, text=True,
                                 env=env).stdout
            for key in ("DBUS_SESSION_BUS_ADDRESS", "DBUS_SESSION_BUS_PID"):
                match = re.search(rf"{key}='?([^';\n]+)", out)
                if match:
                    env[key] = match.group(1)
        self.env = env
        if shutil.which("openbox"):
            self.processes.append(subprocess.Popen(
                ["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            time.sleep(0.5)
        self.window_manager = bool(shutil.which("openbox"))
        return self

    def __exit__(self, *exc) -> None:
        bus = self.env.get("DBUS_SESSION_BUS_PID")
        if bus and bus.isdigit():
            try:
                os.kill(int(bus), 15)
            except OSError:
                pass
        for process in reversed(self.processes):
            process.terminate()
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()


def launch(
    display: Display,
    argv: list[str],
    title: str | None = None,
    timeout: float = 30.0,
    env: dict[str, str] | None = None,
    settle: float = 0.0,
    cwd: str | None = None,
    until_exit: bool = False,
) -> Launch:
    """Start *argv* on *display*; return when its window's title matches the regex *title*
    (or, without *title*, when a window is mapped), then end the program (SIGTERM).

    *settle*: seconds to wait after that (e.g. for a report on stdout); *until_exit*: wait for
    the program to exit by itself instead of ending it.
    """
    import Xlib.ext
    from Xlib import X
    from Xlib import display as xdisplay

    # No extensions: python-xlib 0.33 mis-parses some errors (a window that vanished while we
    # read its title) as extension errors and then waits forever for a reply.
    Xlib.ext.__extensions__ = []
    conn = xdisplay.Display(display.name)
    root = conn.screen().root
    root.change_attributes(event_mask=X.SubstructureNotifyMask)
    net_pid = conn.intern_atom("_NET_WM_PID")
    net_name = conn.intern_atom("_NET_WM_NAME")
    utf8 = conn.intern_atom("UTF8_STRING")
    conn.sync()
    result = Launch()
    result.started_unix = time.time()
    started = time.perf_counter()
    # stdout to a file, not a pipe: a helper that daemonizes (KDE's) would keep a pipe open
    out_file = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 (closed in finally)
    process = subprocess.Popen(
        argv, env=dict(display.env, **(env or {})), stdout=out_file,
        stderr=subprocess.DEVNULL, text=True, start_new_session=True, cwd=cwd,
    )
    watched: set[int] = set()

    def pid_of(window) -> int | None:
        try:
            prop = window.get_full_property(net_pid, X.AnyPropertyType)
        except Exception:  # python-xlib raises odd types for some X errors
            return None
        return int(prop.value[0]) if prop is not None and len(prop.value) else None

    def title_of(window) -> str:
        try:
            prop = window.get_full_property(net_name, utf8)
            if prop is not None:
                return prop.value.decode("utf-8", "replace")
            name = window.get_wm_name()
        except Exception:  # python-xlib raises odd types for some X errors
            return ""
        return name.decode("latin-1") if isinstance(name, bytes) else (name or "")

    def ours(window) -> bool:
        pid = pid_of(window)
        return pid is not None and (pid == process.pid or _is_descendant(pid, process.pid))

    def check_title(window) -> None:
        if title is None or result.titled is not None:
            return
        text = title_of(window)
        if text and re.search(title, text) and ours(window):
            result.titled = time.perf_counter() - started
            result.title = text

    deadline = started + timeout
    try:
        while time.perf_counter() < deadline:
            done = result.mapped is not None and (title is None or result.titled is not None)
            if done:
                break
            if not conn.pending_events():
                select.select([conn.fileno()], [], [], 0.05)
                if not conn.pending_events():
                    if process.poll() is not None:
                        break
                    continue
            event = conn.next_event()
            now = time.perf_counter() - started
            if event.type == X.CreateNotify:
                window = event.window
                if not event.override and window.id not in watched:
                    watched.add(window.id)
                    try:
                        window.change_attributes(
                            event_mask=X.PropertyChangeMask | X.StructureNotifyMask)
                    except Exception:  # python-xlib raises odd types for some X errors
                        pass
                    check_title(window)
            elif event.type == X.MapNotify and not event.override:
                window = event.window
                if result.mapped is None and window.id in watched and ours(window):
                    result.mapped = now
                    result.pids.add(pid_of(window) or 0)
                    check_title(window)
            elif event.type == X.PropertyNotify and event.window.id in watched:
                check_title(event.window)
        if settle:
            time.sleep(settle)
    finally:
        if until_exit:
            try:
                process.wait(max(1.0, deadline - time.perf_counter()))
            except subprocess.TimeoutExpired:
                pass
        # the whole process group: helpers (our workers, Okular's kioslaves) too
        _signal_group(process, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            _signal_group(process, signal.SIGKILL)
            process.wait()
        out_file.seek(0)
        result.stdout = out_file.read()
        out_file.close()
        conn.close()
    return result


def _signal_group(process: subprocess.Popen, signum: int) -> None:
    try:
        os.killpg(process.pid, signum)
    except OSError:
        pass


def _is_descendant(pid: int, ancestor: int) -> bool:
    for _ in range(10):
        try:
            with open(f"/proc/{pid}/stat", "rb") as handle:
                pid = int(handle.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            return False
        if pid == ancestor:
            return True
        if pid <= 1:
            return False
    return False
