"""Content packs, documents and their section trees.  Plain Python: no Qt, no PyMuPDF."""

from brochure_reader.library.catalogue import CATEGORY_TITLES, Library, LibraryError
from brochure_reader.library.pack import Document, Pack, PackError, load_pack
from brochure_reader.library.sections import Section, build_sections, slugify

__all__ = [
    "CATEGORY_TITLES",
    "Document",
    "Library",
    "LibraryError",
    "Pack",
    "PackError",
    "Section",
    "build_sections",
    "load_pack",
    "slugify",
]
