"""The library: every pack the app can see, and lookup of documents by id.

Packs are read from, in order: the bundled pack (assets/pack), the site data dir (IT-managed,
read-only), the user's installed packs and the user's own imports.  A broken pack is reported in
:attr:`Library.problems` and skipped; the others still load.  When two packs offer the same
document id, the first one wins and the clash is reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from brochure_reader.errors import UserError
from brochure_reader.i18n import N_, _
from brochure_reader.library.pack import PACK_FILE, Document, Pack, PackError, load_pack
from brochure_reader.paths import AppPaths, bundled_pack_dir

USER_PACK_ID = "my-documents"
USER_CATEGORY = "my-documents"

#: Category id -> title shown on the home view, in display order (English; shown translated
#: by :func:`category_title`).
CATEGORY_TITLES: dict[str, str] = {
    "living-with-digestive-cancer": N_("Living with digestive cancer"),
    "blood-cancers": N_("Blood cancers"),
    "other-hard-to-treat-cancers": N_("Other hard-to-treat cancers"),
    "practical": N_("Practical"),
    USER_CATEGORY: N_("My documents"),
}


class LibraryError(UserError):
    """A lookup or change the library cannot do; the message is fit to show to a user."""


def category_title(category: str) -> str:
    """Display title of a category id (unknown ids are turned into words)."""
    known = CATEGORY_TITLES.get(category)
    return _(known) if known else category.replace("-", " ").capitalize()


class Library:
    """All packs and documents.  Build with :meth:`load`."""

    def __init__(self, packs: list[Pack], problems: list[str], paths: AppPaths | None = None):
        self.packs = packs
        self.problems = problems
        self.paths = paths
        self._reindex()

    def _reindex(self) -> None:
        problems = self.problems
        self._by_id: dict[str, Document] = {}
        for pack in self.packs:
            kept = []
            for doc in pack.documents:
                if doc.id in self._by_id:
                    other = self._by_id[doc.id]
                    problems.append(
                        f"{pack.path / PACK_FILE}: document '{doc.id}' is already in pack "
                        f"'{other.pack_id}'; this copy is ignored"
                    )
                    continue
                self._by_id[doc.id] = doc
                kept.append(doc)
            pack.documents = kept

    @classmethod
    def load(cls, paths: AppPaths, bundled: Path | None = None) -> Library:
        """Load every pack visible with *paths*.  Never raises for a broken pack."""
        packs: list[Pack] = []
        problems: list[str] = []

        def try_load(folder: Path, origin: str) -> None:
            try:
                packs.append(load_pack(folder, origin))
            except PackError as exc:
                problems.append(str(exc))

        bundled = bundled or bundled_pack_dir()
        if (bundled / PACK_FILE).is_file():
            try_load(bundled, "bundled")
        else:
            problems.append(f"The bundled pack is missing ({bundled / PACK_FILE})")
        for root, origin in ((paths.site_packs, "site"), (paths.user_packs, "user")):
            if root.is_dir():
                for folder in sorted(p for p in root.iterdir() if (p / PACK_FILE).is_file()):
                    try_load(folder, origin)
        if (paths.user_pack / PACK_FILE).is_file():
            try_load(paths.user_pack, "user")
        return cls(packs, problems, paths)

    def replace_pack(self, pack: Pack) -> None:
        """Put *pack* in place of the pack with the same id (or add it), e.g. after an import."""
        self.packs = [p for p in self.packs if p.id != pack.id] + [pack]
        self._reindex()

    def documents(self) -> Iterator[Document]:
        for pack in self.packs:
            yield from pack.documents

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._by_id

    def get(self, doc_id: str) -> Document:
        """The document with *doc_id*.  Raises LibraryError with a helpful message if unknown."""
        try:
            return self._by_id[doc_id]
        except KeyError:
            raise LibraryError(
                _("No document with id '{id}' (see 'brochure-reader list')").format(id=doc_id)
            ) from None

    def pack_of(self, doc: Document) -> Pack:
        return next(p for p in self.packs if p.id == doc.pack_id)

    def by_category(self) -> list[tuple[str, str, list[Document]]]:
        """``[(category id, title, documents)]`` in home-view order, empty categories left out."""
        groups: dict[str, list[Document]] = {}
        for doc in self.documents():
            groups.setdefault(doc.category, []).append(doc)
        order = list(CATEGORY_TITLES)
        keys = sorted(groups, key=lambda c: (order.index(c) if c in order else len(order), c))
        return [(key, category_title(key), groups[key]) for key in keys]

    def find_by_hash(self, sha256: str) -> Document | None:
        return next((d for d in self.documents() if d.sha256 and d.sha256 == sha256), None)


def split_ref(ref: str) -> tuple[str, str]:
    """``"aml#treatment"`` -> ``("aml", "treatment")``; ``"aml"`` -> ``("aml", "")``."""
    doc_id, _, slug = ref.strip().partition("#")
    return doc_id, slug
