"""Paper sizes in PDF points (1/72 inch), portrait ``(width, height)``: the one definition of
each (ISO 216: A4 is 210 × 297 mm, A5 148 × 210 mm, rounded to whole points as PDF tools do)."""

from __future__ import annotations

#: A4 portrait: typeset brochures, handouts and bookmark printouts.
A4: tuple[float, float] = (595.0, 842.0)
#: A5 portrait, the page reflowable documents (EPUB, FB2…) are laid out on.
A5: tuple[float, float] = (420.0, 595.0)
