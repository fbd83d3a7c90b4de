"""Everything that touches PyMuPDF lives in this package (DESIGN rule 2).

PyMuPDF is not thread-safe: the GUI reaches these functions only through
:class:`brochure_reader.pdf.worker.WorkerPool` (separate processes); the CLI and tests may call
them directly.  Coordinates returned to callers are *display* coordinates in PDF points: origin at
the top-left of the page as shown (after /Rotate), y growing downwards.
"""

from brochure_reader.pdf.errors import DocumentError, PasswordRequired

__all__ = ["DocumentError", "PasswordRequired"]
