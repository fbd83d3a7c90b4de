"""Guard for a PySide6 bug that made the reader abort at exit.

PySide6-Essentials 6.12.0 loses a reference to True or False each time one is passed through a
Python-declared signal; on Python 3.11 (where True/False are not immortal) the interpreter then
aborts with "bool_dealloc" when it shuts down.  pyproject.toml excludes that release; this test
runs the pattern in a fresh interpreter and fails if the installed PySide6 has the bug.
"""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class Emitter(QObject):
    changed = Signal(object)
emitter = Emitter()
emitter.changed.connect(lambda value: None)
for _ in range(300):
    emitter.changed.emit(False)
print("done")
"""


def test_passing_booleans_through_signals_does_not_crash_the_interpreter():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                            timeout=120)
    assert result.stdout.strip() == "done"
    assert result.returncode == 0, result.stderr[-500:]
