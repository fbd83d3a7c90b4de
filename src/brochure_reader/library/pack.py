"""Content packs: a folder with ``pack.toml`` and its documents.

``pack.toml``::

    id = "brochure-reader-core"      # required, slug
    title = "Brochures from the Brochure Reader project"
    language = "en-GB"                # BCP 47 tag
    version = "2026.11.29"

    [[documents]]
    id = "acute-myeloid-leukaemia"    # required, slug, unique in the library
    title = "Acute myeloid leukaemia (AML)"
    file = "acute-myeloid-leukaemia.pdf"   # relative to the pack folder
    category = "blood-cancers"
    audience = "Adults with AML and the people close to them"
    summary = "One line for the home page card."
    reviewed = 2026-11-29             # TOML date or "YYYY-MM-DD"
    next_review = 2029-11-29          # optional
    tags = ["leukaemia", "AML"]
    sha256 = "..."                    # optional (imports use it to refuse duplicates)
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

PACK_FILE = "pack.toml"
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class PackError(Exception):
    """A pack.toml that cannot be used; the message names the file and the field."""


@dataclass
class Document:
    """One readable document of a pack.  ``path`` is absolute."""

    id: str
    title: str
    path: Path
    category: str
    pack_id: str
    audience: str = ""
    summary: str = ""
    reviewed: str = ""
    next_review: str = ""
    tags: list[str] = field(default_factory=list)
    sha256: str = ""
    removable: bool = False  # True for the user's own imports

    @property
    def source_markdown(self) -> Path | None:
        """The Markdown source next to a built PDF (``sources/<id>.md``), if the pack has one."""
        candidate = self.path.parent / "sources" / f"{self.id}.md"
        return candidate if candidate.is_file() else None


@dataclass
class Pack:
    """A loaded content pack.  ``origin`` is "bundled", "site" or "user"."""

    id: str
    title: str
    language: str
    version: str
    path: Path
    origin: str
    documents: list[Document] = field(default_factory=list)
    #: SPDX id of the documents' licence (``license`` in pack.toml), "" when not given
    license: str = ""


def _text(data: dict, key: str, where: str, required: bool = True, default: str = "") -> str:
    value = data.get(key)
    if value is None:
        if required:
            raise PackError(f"{where}: missing field '{key}'")
        return default
    if not isinstance(value, (str, int, float)) and not hasattr(value, "isoformat"):
        raise PackError(f"{where}: field '{key}' must be text")
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def load_pack(folder: Path, origin: str) -> Pack:
    """Read ``folder/pack.toml``.

    Raises PackError naming the file and the field when the file is missing, not valid TOML, or
    a field is missing or of the wrong kind.  A document whose file is missing is an error too.
    """
    manifest = folder / PACK_FILE
    try:
        raw = manifest.read_bytes()
    except OSError as exc:
        raise PackError(f"{manifest}: cannot be read ({exc.strerror or exc})") from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise PackError(f"{manifest}: not valid TOML ({exc})") from exc
    where = str(manifest)
    pack_id = _text(data, "id", where)
    if not _SLUG.match(pack_id):
        raise PackError(f"{where}: field 'id' must be a lowercase slug like 'my-pack'")
    pack = Pack(
        id=pack_id,
        title=_text(data, "title", where),
        language=_text(data, "language", where),
        version=_text(data, "version", where),
        path=folder.resolve(),
        origin=origin,
        license=_text(data, "license", where, required=False),
    )
    documents = data.get("documents", [])
    if not isinstance(documents, list):
        raise PackError(f"{where}: 'documents' must be an array of tables ([[documents]])")
    seen: set[str] = set()
    for index, entry in enumerate(documents, start=1):
        at = f"{where}: documents[{index}]"
        if not isinstance(entry, dict):
            raise PackError(f"{at} must be a table")
        doc_id = _text(entry, "id", at)
        at = f"{where}: document '{doc_id}'"
        if not _SLUG.match(doc_id):
            raise PackError(f"{at}: field 'id' must be a lowercase slug")
        if doc_id in seen:
            raise PackError(f"{at}: field 'id' is used twice")
        seen.add(doc_id)
        file_name = _text(entry, "file", at)
        path = (folder / file_name).resolve()
        if not path.is_file():
            raise PackError(f"{at}: field 'file' names {file_name}, which does not exist")
        tags = entry.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise PackError(f"{at}: field 'tags' must be a list of text")
        pack.documents.append(
            Document(
                id=doc_id,
                title=_text(entry, "title", at),
                path=path,
                category=_text(entry, "category", at, required=False, default="other"),
                pack_id=pack.id,
                audience=_text(entry, "audience", at, required=False),
                summary=_text(entry, "summary", at, required=False),
                reviewed=_text(entry, "reviewed", at, required=False),
                next_review=_text(entry, "next_review", at, required=False),
                tags=list(tags),
                sha256=_text(entry, "sha256", at, required=False),
                removable=origin == "user",
            )
        )
    return pack


def toml_string(value: str) -> str:
    """A TOML basic string for *value* (JSON's escapes are a subset of TOML's)."""
    import json

    return json.dumps(value, ensure_ascii=False)


def dump_pack(pack: Pack) -> str:
    """Serialise *pack* back to pack.toml text (used for the user's own pack)."""
    lines = [
        f"id = {toml_string(pack.id)}",
        f"title = {toml_string(pack.title)}",
        f"language = {toml_string(pack.language)}",
        f"version = {toml_string(pack.version)}",
    ]
    for doc in pack.documents:
        lines += [
            "",
            "[[documents]]",
            f"id = {toml_string(doc.id)}",
            f"title = {toml_string(doc.title)}",
            f"file = {toml_string(doc.path.name)}",
            f"category = {toml_string(doc.category)}",
        ]
        for key in ("audience", "summary", "reviewed", "next_review", "sha256"):
            value = getattr(doc, key)
            if value:
                lines.append(f"{key} = {toml_string(value)}")
        if doc.tags:
            lines.append("tags = [" + ", ".join(toml_string(t) for t in doc.tags) + "]")
    return "\n".join(lines) + "\n"
