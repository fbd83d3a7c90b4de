"""Real read-only folders and real small disks for robustness tests.

As root (CI containers, this machine) the folder is bind-mounted read-only, or a small tmpfs
is mounted on it, so the kernel itself says EROFS / ENOSPC; otherwise a read-only folder falls
back to permissions (mode 0555), and a small disk is skipped with the reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount(*args: str) -> bool:
    if sys.platform != "linux" or os.geteuid() != 0 or not shutil.which("mount"):
        return False
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


def _umount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@contextmanager
def read_only(folder: Path):
    """*folder* (existing) cannot be written inside the block."""
    folder = Path(folder)
    if _mount("--bind", str(folder), str(folder)):
        try:
            if not _mount("-o", "remount,ro,bind", str(folder)):
                pytest.skip("cannot remount a folder read-only here")
            yield folder
        finally:
            _umount(folder)
        return
    if os.geteuid() == 0:
        pytest.skip("running as root without mount: permissions cannot make a folder read-only")
    mode = folder.stat().st_mode
    folder.chmod(0o555)
    try:
        yield folder
    finally:
        folder.chmod(mode)


@contextmanager
def small_disk(folder: Path, size: str = "512k"):
    """A fresh tmpfs of *size* mounted on *folder* (created; empty inside the block)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if not _mount("-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder)):
        pytest.skip("mounting a small file system needs root on Linux")
    try:
        yield folder
    finally:
        _umount(folder)


def fill(folder: Path, leave: int = 0) -> Path:
    """Fill the file system of *folder* until at most *leave* bytes are free; returns the
    filler file (delete it to free the space)."""
    filler = Path(folder) / ".filler"
    with open(filler, "wb") as handle:
        chunk = b"\0" * 65536
        try:
            while shutil.disk_usage(folder).free > leave + len(chunk):
                handle.write(chunk)
                handle.flush()
            while shutil.disk_usage(folder).free > leave:
                handle.write(b"\0" * 512)
                handle.flush()
        except OSError:
            pass
    return filler
