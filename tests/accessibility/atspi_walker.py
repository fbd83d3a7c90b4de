"""Walk an application's accessible tree through AT-SPI, as a screen reader sees it.

Run with the SYSTEM Python (``/usr/bin/python3``): python3-pyatspi is a Debian package, not
installable into the project's virtual environment.  Prints one JSON object on stdout:

    {"found": bool, "objects": N, "texts": [{"role": str, "name": str, "text": str,
      "caret": int, "at_caret": str}, ...]}

``texts`` holds every object that offers the AT-SPI Text interface with some text.  The walk
is repeated until an object's text contains ``--wait-for`` and the line at an object's caret
contains ``--wait-caret`` (or ``--timeout`` seconds pass), so
the caller does not have to guess when the window is ready.
"""

from __future__ import annotations

import argparse
import json
import sys
import time


def walk(node, out: list, seen: list, depth: int = 0) -> None:
    if node is None or depth > 60:
        return
    seen[0] += 1
    try:
        text_iface = node.queryText()
    except Exception:
        text_iface = None
    if text_iface is not None:
        try:
            count = text_iface.characterCount
            text = text_iface.getText(0, count) if count else ""
            caret = text_iface.caretOffset
            at_caret = text_iface.getText(max(caret, 0), min(count, max(caret, 0) + 200)) \
                if count else ""
        except Exception:
            text, caret, at_caret = "", -1, ""
        if text.strip():
            out.append({"role": node.getRoleName(), "name": node.name or "", "text": text,
                        "caret": caret, "at_caret": at_caret})
    try:
        children = list(node)
    except Exception:
        return
    for child in children:
        walk(child, out, seen, depth + 1)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", required=True, help="application name (as in AT-SPI)")
    parser.add_argument("--wait-for", default="", help="text to wait for")
    parser.add_argument("--wait-caret", default="",
                        help="text to wait for on the caret's line (where reading starts)")
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args()
    import pyatspi

    deadline = time.monotonic() + args.timeout
    result = {"found": False, "objects": 0, "texts": []}
    while True:
        desktop = pyatspi.Registry.getDesktop(0)
        apps = [a for a in desktop if a is not None and (a.name or "") == args.app]
        texts: list = []
        seen = [0]
        for app in apps:
            walk(app, texts, seen)
        found = bool(apps) and (not args.wait_for or any(args.wait_for in t["text"]
                                                          for t in texts))
        if found and args.wait_caret:
            found = any(args.wait_caret in t["at_caret"].split("\n", 1)[0] for t in texts)
        result = {"found": found, "objects": seen[0], "texts": texts,
                  "apps": [a.name for a in desktop if a is not None]}
        if found or time.monotonic() > deadline:
            break
        time.sleep(1.0)
    json.dump(result, sys.stdout)
    return 0 if result["found"] else 1


if __name__ == "__main__":
    sys.exit(main())
