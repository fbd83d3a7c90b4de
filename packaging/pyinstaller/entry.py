"""PyInstaller entry point: ``brochure-reader`` in the frozen bundle.

``multiprocessing.freeze_support()`` must run first: the PDF worker pool starts its processes
with the "spawn" method, which in a frozen app re-runs this executable with special arguments.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from brochure_reader.cli import main

    sys.exit(main())
