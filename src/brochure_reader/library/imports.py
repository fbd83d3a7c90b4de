"""Adding the user's own documents to the library (File > Add to library…, drag and drop, and
``brochure-reader import``).

Files are *copied* into the user's pack (``<data>/my-documents``); the original is never touched.
A file is accepted only after a validator (which opens it in a worker process) succeeded, so
anything MuPDF cannot open, or that crashes it, leaves the library unchanged.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from brochure_reader.files import SUPPORTED_SUFFIXES, file_sha256
from brochure_reader.i18n import _
from brochure_reader.library.catalogue import USER_CATEGORY, USER_PACK_ID, Library, LibraryError
from brochure_reader.library.pack import PACK_FILE, Document, Pack, dump_pack, load_pack
from brochure_reader.library.sections import slugify
from brochure_reader.settings import atomic_write_text

#: validator(path) -> {"pages": int | None, "title": str, "encrypted": bool}; raises on failure.
Validator = Callable[[Path], dict]


@dataclass
class ImportResult:
    """Outcome for one file: ``status`` is "added", "duplicate" or "error"."""

    source: Path
    status: str
    message: str
    document: Document | None = None


def _user_pack(library: Library) -> Pack:
    paths = library.paths
    assert paths is not None, "the library was loaded without paths"
    folder = paths.user_pack
    if (folder / PACK_FILE).is_file():
        try:
            return load_pack(folder, "user")
        except Exception as exc:
            raise LibraryError(_("Your own pack cannot be read: {reason}").format(
                reason=exc)) from exc
    return Pack(USER_PACK_ID, "My documents", "und", "1", folder.resolve(), "user")


def import_files(
    library: Library, files: Iterable[Path], validate: Validator
) -> list[ImportResult]:
    """Copy each file into the user's pack after *validate* accepted it.

    Returns one ImportResult per file; never raises for a bad file.  The pack.toml is rewritten
    atomically after each added file, so an interrupted import loses nothing already added.
    """

    results: list[ImportResult] = []
    for raw in files:
        source = Path(raw).expanduser()
        try:
            results.append(_import_one(library, source, validate, SUPPORTED_SUFFIXES))
        except OSError as exc:
            reason = exc.strerror or str(exc)
            results.append(ImportResult(source, "error", f"{source.name}: {reason}"))
    return results


def _import_one(library: Library, source: Path, validate: Validator, suffixes) -> ImportResult:
    if source.is_dir():
        return ImportResult(source, "error", _("{file} is a folder; choose document files")
                            .format(file=source.name))
    if not source.is_file():
        return ImportResult(source, "error", _("{file}: no such file").format(file=source.name))
    if source.suffix.lower() not in suffixes:
        kinds = ", ".join(s.lstrip(".").upper() for s in suffixes)
        return ImportResult(
            source, "error", _("{file}: not a supported document type ({kinds})").format(
                file=source.name, kinds=kinds)
        )
    sha = file_sha256(source)
    existing = library.find_by_hash(sha)
    if existing is not None:
        return ImportResult(
            source,
            "duplicate",
            _("{file} is already in the library as '{title}'").format(file=source.name,
                                                                      title=existing.title),
            existing,
        )
    try:
        info = validate(source)
    except Exception as exc:
        message = str(exc) or type(exc).__name__
        if source.name not in message:
            message = f"{source.name}: {message}"
        return ImportResult(source, "error", message)
    pack = _user_pack(library)
    pack.path.mkdir(parents=True, exist_ok=True)
    base = doc_id = slugify(source.stem)[:60].strip("-") or "document"
    n = 1
    while doc_id in library or any(d.id == doc_id for d in pack.documents):
        n += 1
        doc_id = f"{base}-{n}"
    target = pack.path / f"{doc_id}{source.suffix.lower()}"
    shutil.copy2(source, target)
    doc = Document(
        id=doc_id,
        title=info.get("title") or " ".join(source.stem.replace("_", " ").split()),
        path=target,
        category=USER_CATEGORY,
        pack_id=pack.id,
        summary=f"Added from {source.name} on {date.today().isoformat()}",
        sha256=sha,
        removable=True,
    )
    pack.documents.append(doc)
    try:
        atomic_write_text(pack.path / PACK_FILE, dump_pack(pack))
    except OSError:
        target.unlink(missing_ok=True)
        raise
    library.replace_pack(pack)
    added = _("Added {file} as '{title}' ({id})").format(file=source.name, title=doc.title,
                                                        id=doc_id)
    return ImportResult(source, "added", added, doc)


def remove_document(library: Library, doc_id: str) -> Document:
    """Remove one of the user's imported documents (its copy and its pack entry).

    Raises LibraryError for unknown ids and for documents that come with a pack.
    """
    doc = library.get(doc_id)
    if not doc.removable:
        raise LibraryError(_("'{title}' comes with a content pack and cannot be removed").format(
            title=doc.title))
    pack = _user_pack(library)
    pack.documents = [d for d in pack.documents if d.id != doc_id]
    atomic_write_text(pack.path / PACK_FILE, dump_pack(pack))
    doc.path.unlink(missing_ok=True)
    library.replace_pack(pack)
    return doc
