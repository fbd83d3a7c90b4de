"""``python -m brochure_reader`` runs the same entry point as ``brochure-reader``."""

import sys

from brochure_reader.cli import main

if __name__ == "__main__":
    sys.exit(main())
