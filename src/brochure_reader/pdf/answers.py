"""The questions each section answers, carried inside the PDF for the search index.

Authors list them in the Markdown sources (``::: answers`` under a heading, see
docs/authoring.md); the typesetter stores them in the PDF's document information dictionary
under the private key :data:`ANSWERS_KEY` as a JSON object ``{"slug": ["question", ...]}``
(slugs as in ``DOC_ID#slug`` section references).  Readers ignore keys they do not know, so
the PDF stays a plain PDF; the index builder reads them back with :func:`read_answers` and
indexes them as a weighted field of the section's first row.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence

import pymupdf

log = logging.getLogger(__name__)

#: Private key in the PDF's /Info dictionary (a PDF text string holding JSON).
ANSWERS_KEY = "BrochureReaderAnswers"


def _info_xref(doc: pymupdf.Document) -> int:
    kind, value = doc.xref_get_key(-1, "Info")
    if kind != "xref":
        return 0
    return int(value.split()[0])


def write_answers(doc: pymupdf.Document, answers: Mapping[str, Sequence[str]]) -> None:
    """Store *answers* (slug -> questions) in *doc*; nothing is written when it is empty.
    Call after ``set_metadata`` (which creates the /Info dictionary)."""
    if not answers:
        return
    xref = _info_xref(doc)
    if not xref:
        doc.set_metadata(doc.metadata or {})
        xref = _info_xref(doc)
    text = json.dumps({k: list(v) for k, v in answers.items()}, ensure_ascii=False,
                      sort_keys=True)
    doc.xref_set_key(xref, ANSWERS_KEY, pymupdf.get_pdf_str(text))


def read_answers(doc: pymupdf.Document) -> dict[str, tuple[str, ...]]:
    """The answers stored by :func:`write_answers` ({} when the PDF has none).  A value that
    is not the expected JSON object is logged and ignored: it never fails a document."""
    try:
        xref = _info_xref(doc)
        if not xref:
            return {}
        kind, value = doc.xref_get_key(xref, ANSWERS_KEY)
        if kind != "string":
            return {}
        data = json.loads(value)
    except (ValueError, RuntimeError) as exc:
        log.warning("section answers in %s not read: %s", doc.name, exc)
        return {}
    if not isinstance(data, dict):
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for slug, items in data.items():
        if isinstance(slug, str) and isinstance(items, list):
            texts = tuple(i for i in items if isinstance(i, str) and i.strip())
            if texts:
                out[slug] = texts
    return out
