"""Reflowed text of a document for the text view (plain Python, no Qt, no PyMuPDF).

Our brochures come from their Markdown sources (:mod:`.markdown`), imported PDFs and e-books
from the text blocks a worker extracted (:mod:`.extracted`); both give a
:class:`~.document.ReflowedDocument`: HTML in the subset Qt's rich text understands, with class
names a theme's style sheet colours, and the list of its headings.  :mod:`.position` finds a
quote or a heading in that text, so the page view and the text view keep the same place.
"""

from brochure_reader.reflow.document import BOX_LABELS, ReflowedDocument, ReflowHeading

__all__ = ["BOX_LABELS", "ReflowHeading", "ReflowedDocument"]
