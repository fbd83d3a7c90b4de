"""Memory of a process and its descendants, read from /proc (Linux)."""

from __future__ import annotations

import os


def _children(pid: int) -> list[int]:
    found = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as handle:
                found.extend(int(c) for c in handle.read().split())
    except OSError:
        pass
    return found


def tree(pid: int) -> list[int]:
    """*pid* and all its descendants."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(_children(p))
    return out


def _rollup(pid: int) -> dict[str, int]:
    values = {}
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                parts = line.split()
                if len(parts) >= 3 and parts[2] == "kB":
                    values[parts[0].rstrip(":")] = int(parts[1]) * 1024
    except OSError:
        pass
    return values


def tree_memory(pid: int) -> dict:
    """``{"rss": bytes, "pss": bytes, "main_rss": bytes, "processes": n}`` of *pid*'s tree.

    RSS summed over processes counts shared pages (libraries) once per process; PSS divides
    them among the processes sharing them, so its sum is what the tree really holds."""
    pids = tree(pid)
    rollups = {p: _rollup(p) for p in pids}
    return {
        "rss": sum(r.get("Rss", 0) for r in rollups.values()),
        "pss": sum(r.get("Pss", 0) for r in rollups.values()),
        "main_rss": rollups.get(pid, {}).get("Rss", 0),
        "processes": len([p for p in pids if rollups[p]]),
    }
