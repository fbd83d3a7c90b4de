"""Export and import of bookmarks as W3C Web Annotation Data Model JSON (JSON-LD).

The file is an ``AnnotationCollection`` whose ``first`` page holds one ``Annotation`` per
bookmark (motivation ``bookmarking``).  The target names the document
(``urn:brochure-reader:document:DOC_ID``) and carries two equivalent selectors: a
``TextQuoteSelector`` (the quote with prefix/suffix) and a ``FragmentSelector`` conforming to
RFC 3778 (``page=N&zoom=100,0,Y``: page 1-based, Y in points from the top of the page).  Label,
note and collections are ``TextualBody`` bodies with the purposes ``describing``,
``commenting`` and ``tagging``.  Terms the model has no word for use the ``br:`` prefix.
docs/bookmarks.md documents the format; :data:`FORMAT_VERSION` is its version.

Import merges by id: new bookmarks are added, newer copies replace older ones, and everything
else is skipped with a reason (:class:`ImportReport`).  Plain Python: no Qt, no PyMuPDF.
"""

from __future__ import annotations

import json
import math
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from brochure_reader import __version__
from brochure_reader.bookmarks.model import (
    ANCHOR_OK,
    ANCHOR_STATES,
    DEFAULT_COLOUR,
    Bookmark,
    Quote,
    format_time,
    normalise_collection,
    normalise_colour,
    parse_time,
    utc_now,
)
from brochure_reader.i18n import _

#: Version of our profile of the model; files with a higher ``br:formatVersion`` are refused.
FORMAT_VERSION = 1
ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
BR_NAMESPACE = "urn:brochure-reader:ns#"
DOCUMENT_URN = "urn:brochure-reader:document:"
PDF_FRAGMENT = "http://tools.ietf.org/rfc/rfc3778"
#: Largest file accepted by :func:`import_file` (bytes).
MAX_IMPORT_BYTES = 50 * 1024 * 1024

_DOC_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class ExchangeError(Exception):
    """The whole file cannot be imported (not JSON, not annotations, a newer format…)."""


def _number(value: float) -> str:
    """Shortest decimal form, to 1/10000 point (``412.5``, ``96.125``, ``0.0``)."""
    return repr(round(float(value), 4))


def annotation(bookmark: Bookmark) -> dict[str, Any]:
    """One bookmark as a Web Annotation (a JSON-ready dict)."""
    bodies: list[dict[str, Any]] = []
    if bookmark.label:
        bodies.append({"type": "TextualBody", "purpose": "describing", "value": bookmark.label,
                       "format": "text/plain"})
    if bookmark.note:
        bodies.append({"type": "TextualBody", "purpose": "commenting", "value": bookmark.note,
                       "format": "text/plain"})
    for name in bookmark.collections:
        bodies.append({"type": "TextualBody", "purpose": "tagging", "value": name})
    selectors: list[dict[str, Any]] = []
    if bookmark.quote.exact:
        quote = {"type": "TextQuoteSelector", "exact": bookmark.quote.exact}
        if bookmark.quote.prefix:
            quote["prefix"] = bookmark.quote.prefix
        if bookmark.quote.suffix:
            quote["suffix"] = bookmark.quote.suffix
        selectors.append(quote)
    selectors.append({"type": "FragmentSelector", "conformsTo": PDF_FRAGMENT,
                      "value": f"page={bookmark.page}&zoom=100,0,{_number(bookmark.y)}"})
    target: dict[str, Any] = {"source": DOCUMENT_URN + bookmark.doc_id, "selector": selectors}
    if bookmark.content_hash:
        target["br:contentHash"] = "sha256:" + bookmark.content_hash
    if bookmark.section_ref:
        target["br:sectionRef"] = bookmark.section_ref
    result: dict[str, Any] = {
        "id": f"urn:uuid:{bookmark.id}",
        "type": "Annotation",
        "motivation": "bookmarking",
        "created": format_time(bookmark.created),
        "modified": format_time(bookmark.updated),
    }
    if bodies:
        result["body"] = bodies
    result["target"] = target
    result["br:colour"] = bookmark.colour
    result["br:anchor"] = bookmark.anchor
    return result


def export_document(bookmarks: Iterable[Bookmark], label: str = "Brochure Reader bookmarks",
                    generated=None) -> dict[str, Any]:
    """The whole export file (an AnnotationCollection) as a JSON-ready dict."""
    items = [annotation(b) for b in bookmarks]
    return {
        "@context": [ANNO_CONTEXT, {"br": BR_NAMESPACE}],
        "type": "AnnotationCollection",
        "label": label,
        "br:formatVersion": FORMAT_VERSION,
        "generator": {"type": "Software", "name": f"Brochure Reader {__version__}"},
        "generated": format_time(generated or utc_now()),
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def export_file(path: str | Path, bookmarks: Iterable[Bookmark],
                label: str = "Brochure Reader bookmarks") -> int:
    """Write :func:`export_document` to *path* atomically (UTF-8, indented); returns how many
    bookmarks were written.  Raises OSError."""
    from brochure_reader.settings import atomic_write_text

    data = export_document(bookmarks, label)
    atomic_write_text(Path(path), json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    return data["total"]


# --- import --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Skipped:
    """One annotation that was not imported: its 1-based position in the file, its id (or "")
    and why."""

    index: int
    id: str
    reason: str


@dataclass
class ImportReport:
    """What an import did: ids added, ids updated (the file had a newer copy), and skipped."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def summary(self) -> str:
        """One sentence for the user, e.g. "3 added, 1 updated, 2 skipped"."""
        return _("{added} added, {updated} updated, {skipped} skipped").format(
            added=len(self.added), updated=len(self.updated), skipped=len(self.skipped))

    def lines(self) -> list[str]:
        """The summary followed by one line per skipped annotation."""
        return [self.summary()] + [
            f"  #{s.index}{' ' + s.id if s.id else ''}: {s.reason}" for s in self.skipped
        ]


class _Skip(Exception):
    pass


def _as_list(value: Any) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _types(value: Any) -> set[str]:
    return {t for t in _as_list(value) if isinstance(t, str)}


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise _Skip(f"{what} is not text")
    return value


def _bookmark_id(raw: Any) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise _Skip("it has no id")
    raw = raw.strip()
    candidate = raw[len("urn:uuid:"):] if raw.lower().startswith("urn:uuid:") else raw
    try:
        return str(uuid.UUID(candidate))
    except ValueError:
        # An annotation from another tool: a stable id derived from its IRI, so importing the
        # same file twice does not duplicate it.
        return str(uuid.uuid5(uuid.NAMESPACE_URL, raw))


def _fragment_position(value: str) -> tuple[int, float]:
    params: dict[str, str] = {}
    for part in value.lstrip("#").split("&"):
        key, _, val = part.partition("=")
        params[key.strip().lower()] = val.strip()
    try:
        page = int(params["page"])
    except (KeyError, ValueError):
        raise _Skip(f"its FragmentSelector '{value}' has no page number") from None
    if page < 1:
        raise _Skip(f"its page number {page} is not 1 or more")
    y = 0.0
    try:
        if "zoom" in params:
            parts = params["zoom"].split(",")
            y = float(parts[2]) if len(parts) >= 3 else 0.0
        elif "viewrect" in params:
            y = float(params["viewrect"].split(",")[1])
    except (ValueError, IndexError):
        raise _Skip(f"its FragmentSelector '{value}' has a position that is not a number") \
            from None
    if not math.isfinite(y) or y < 0:
        y = 0.0
    return page, y


def _time(item: dict, key: str) -> Any:
    raw = item.get(key)
    if raw is None:
        return None
    try:
        return parse_time(_text(raw, f"'{key}'"))
    except ValueError:
        raise _Skip(f"'{key}' is not a date and time: {raw!r}") from None


def parse_annotation(item: Any) -> Bookmark:
    """One Web Annotation -> Bookmark.  Raises _Skip with the reason when it cannot be used."""
    if not isinstance(item, dict):
        raise _Skip("it is not a JSON object")
    if "Annotation" not in _types(item.get("type")):
        raise _Skip("it is not an Annotation")
    bookmark_id = _bookmark_id(item.get("id"))
    targets = [t for t in _as_list(item.get("target")) if isinstance(t, dict)]
    ours = [t for t in targets if isinstance(t.get("source"), str)
            and t["source"].startswith(DOCUMENT_URN)]
    if not ours:
        sources = [t.get("source") if isinstance(t, dict) else t
                   for t in _as_list(item.get("target"))]
        first = sources[0] if sources else "none"
        raise _Skip(f"its target is not a Brochure Reader document ({first})")
    target = ours[0]
    doc_id = target["source"][len(DOCUMENT_URN):]
    if not _DOC_ID.match(doc_id):
        raise _Skip(f"'{doc_id}' is not a document id")
    quote, position = Quote(), None
    for selector in _as_list(target.get("selector")):
        if not isinstance(selector, dict):
            continue
        kind = _types(selector.get("type"))
        if "TextQuoteSelector" in kind and not quote:
            quote = Quote(_text(selector.get("exact", ""), "the quote"),
                          _text(selector.get("prefix", ""), "the quote prefix"),
                          _text(selector.get("suffix", ""), "the quote suffix"))
        elif "FragmentSelector" in kind and position is None:
            position = _fragment_position(_text(selector.get("value", ""), "the fragment"))
    if position is None:
        raise _Skip("it has no FragmentSelector with a page number")
    content_hash = target.get("br:contentHash", "")
    content_hash = _text(content_hash, "br:contentHash").removeprefix("sha256:")
    section_ref = _text(target.get("br:sectionRef", ""), "br:sectionRef")
    label, notes, collections = "", [], []
    bodies = _as_list(item.get("body"))
    if isinstance(item.get("bodyValue"), str):
        notes.append(item["bodyValue"])
    for body in bodies:
        if not isinstance(body, dict) or not isinstance(body.get("value"), str):
            continue
        purposes = _types(body.get("purpose"))
        if "tagging" in purposes:
            try:
                collections.append(normalise_collection(body["value"]))
            except ValueError as exc:
                raise _Skip(f"collection name: {exc}") from None
        elif "describing" in purposes and not label:
            label = body["value"].strip()
        else:
            notes.append(body["value"])
    try:
        colour = normalise_colour(item.get("br:colour") or None)
    except (ValueError, AttributeError):
        colour = DEFAULT_COLOUR
    anchor = item.get("br:anchor", ANCHOR_OK)
    if anchor not in ANCHOR_STATES:
        anchor = ANCHOR_OK
    created = _time(item, "created")
    updated = _time(item, "modified") or created
    now = utc_now()
    return Bookmark(
        id=bookmark_id, doc_id=doc_id, page=position[0], y=position[1],
        content_hash=content_hash, section_ref=section_ref, quote=quote, label=label,
        note="\n\n".join(notes), colour=colour, collections=tuple(dict.fromkeys(collections)),
        anchor=anchor, created=created or now, updated=updated or now,
    )


def annotations_of(data: Any) -> list:
    """The annotation items of a parsed file: an AnnotationCollection (all its embedded
    pages), an AnnotationPage, a list, or one Annotation.  Raises ExchangeError otherwise, and
    for a ``br:formatVersion`` newer than :data:`FORMAT_VERSION`."""
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise ExchangeError(_("The file does not hold Web Annotations"))
    version = data.get("br:formatVersion", FORMAT_VERSION)
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise ExchangeError(_("The file was made by a newer version of Brochure Reader (format "
                              "{version}); please update to import it").format(version=version))
    types = _types(data.get("type"))
    if "Annotation" in types:
        return [data]
    if "AnnotationPage" in types:
        return _as_list(data.get("items"))
    if "AnnotationCollection" in types:
        items, page, seen = [], data.get("first"), 0
        while isinstance(page, dict) and seen < 10_000:
            items.extend(_as_list(page.get("items")))
            page, seen = page.get("next"), seen + 1
        if isinstance(page, str):
            raise ExchangeError(_("The file refers to further annotation pages elsewhere; only "
                                  "self-contained files can be imported"))
        return items
    raise ExchangeError(_("The file does not hold Web Annotations (no AnnotationCollection)"))


def import_data(store, data: Any) -> ImportReport:
    """Merge the annotations in *data* (parsed JSON) into *store*, by id, in one transaction.

    A bookmark not in the store is added; one already there is replaced only when the file's
    copy was modified later; otherwise, and for anything unusable, it is skipped with a reason.
    Raises ExchangeError for a file that is not annotations at all.
    """
    report = ImportReport()
    incoming: list[Bookmark] = []
    seen: set[str] = set()
    for index, item in enumerate(annotations_of(data), start=1):
        raw_id = item.get("id", "") if isinstance(item, dict) else ""
        raw_id = raw_id if isinstance(raw_id, str) else ""
        try:
            bookmark = parse_annotation(item)
        except _Skip as why:
            report.skipped.append(Skipped(index, raw_id, str(why)))
            continue
        if bookmark.id in seen:
            report.skipped.append(Skipped(index, raw_id, "it appears twice in the file"))
            continue
        seen.add(bookmark.id)
        if store.exists(bookmark.id):
            current = store.get(bookmark.id)
            if _same(current, bookmark):
                report.skipped.append(Skipped(index, raw_id, "it is already in your bookmarks"))
                continue
            if bookmark.updated <= current.updated:
                report.skipped.append(Skipped(
                    index, raw_id, "your bookmark was changed more recently than the file's copy"))
                continue
            report.updated.append(bookmark.id)
        else:
            report.added.append(bookmark.id)
        incoming.append(bookmark)
    if incoming:
        store.put_many(incoming)
    return report


def _same(a: Bookmark, b: Bookmark) -> bool:
    keys = ("doc_id", "page", "content_hash", "section_ref", "quote", "label", "note", "colour",
            "anchor")
    return (all(getattr(a, k) == getattr(b, k) for k in keys) and abs(a.y - b.y) < 0.01
            and {c.casefold() for c in a.collections} == {c.casefold() for c in b.collections})


def import_file(store, path: str | Path) -> ImportReport:
    """Read *path* and :func:`import_data` it.  Raises ExchangeError with a readable reason for
    an unreadable, over-large or non-annotation file; OSError when it cannot be opened."""
    path = Path(path)
    if path.stat().st_size > MAX_IMPORT_BYTES:
        raise ExchangeError(_("{file} is too large to be a bookmarks file").format(
            file=path.name))
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise ExchangeError(_("{file} is not a text file").format(file=path.name)) from None
    except json.JSONDecodeError as exc:
        raise ExchangeError(_("{file} is not valid JSON (line {line}: {reason})").format(
            file=path.name, line=exc.lineno, reason=exc.msg)) from None
    except RecursionError:  # brackets nested thousands deep: a hostile or broken file
        raise ExchangeError(_("{file} is not a bookmarks file (it is nested too deeply to "
                              "read)").format(file=path.name)) from None
    try:
        return import_data(store, data)
    except RecursionError:
        raise ExchangeError(_("{file} is not a bookmarks file (it is nested too deeply to "
                              "read)").format(file=path.name)) from None
