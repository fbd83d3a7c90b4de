"""A synthetic library for the search benchmark: many PDFs built from varied real text.

Text comes from the bundled Markdown sources and from the shared corpus PDFs (a book, two
papers, lecture notes in German...), cut into paragraphs and dealt out at random (fixed seed)
into documents with headings and an outline.  PDFs are written directly (Helvetica, WinAnsi)
because PyMuPDF's text insertion would take minutes for 30,000 pages; the outline is added with
PyMuPDF afterwards.  Generated files are kept in the output folder and reused.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

PAGE_W, PAGE_H = 595, 842
LINES_PER_PAGE = 46
CHARS_PER_LINE = 92


def _markdown_paragraphs(folder: Path) -> tuple[list[str], list[str]]:
    paragraphs, headings = [], []
    for md in sorted(folder.glob("*.md")):
        text = md.read_text(encoding="utf-8")
        text = text.split("+++", 2)[-1]
        for block in re.split(r"\n\s*\n", text):
            block = block.strip()
            if block.startswith("#"):
                first, _newline, block = block.partition("\n")
                headings.append(" ".join(first.lstrip("#").split()))
                block = block.strip()
            if block and not block.startswith((":::", "|", "+++")):
                clean = re.sub(r"[*_`>\[\]]|^- ", "", block, flags=re.M)
                paragraphs.append(" ".join(clean.split()))
    return paragraphs, headings


def _corpus_paragraphs(corpus: Path) -> list[str]:
    import pymupdf

    from brochure_reader.pdf.textpage import TEXT_FLAGS
    from brochure_reader.search.normalise import clean_text

    names = ["pdfjs__freeculture-352pages.pdf", "pysample__GeoTopo-117pages.pdf",
             "pdfjs__tracemonkey.pdf", "pdfminer__naacl06-hyphenated.pdf",
             "pymupdf__soft-hyphens.pdf"]
    out = []
    for name in names:
        path = corpus / name
        if not path.is_file():
            continue
        with pymupdf.open(path) as doc:
            for page in doc:
                for block in page.get_text("blocks", flags=TEXT_FLAGS):
                    text = clean_text(block[4])
                    if len(text) > 80:
                        out.append(text)
    return out


def text_pool(assets: Path, corpus: Path) -> tuple[list[str], list[str]]:
    """``(paragraphs, headings)`` of real text to build documents from."""
    paragraphs, headings = _markdown_paragraphs(assets / "pack" / "sources")
    paragraphs += _corpus_paragraphs(corpus)
    if not headings:
        headings = ["Introduction", "Treatment", "Side effects", "Support"]
    return paragraphs, headings


def _escape(line: str) -> bytes:
    data = line.encode("cp1252", "replace")
    return data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _wrap(text: str) -> list[str]:
    import textwrap

    return textwrap.wrap(text, CHARS_PER_LINE) or [""]


def write_pdf(path: Path, pages: list[list[tuple[str, str]]]) -> list[tuple[int, str, int, float]]:
    """Write *pages* (lists of ``(kind, text)`` lines, kind "h" heading or "t" text) as a PDF.
    Returns outline entries ``(level, title, page 1-based, y from the bottom in points)``."""
    objects: list[bytes] = []
    page_ids = []
    toc = []
    first_page_obj = 5
    for number, lines in enumerate(pages):
        content = [b"BT /F1 10 Tf 72 770 Td 13 TL"]
        y = 770.0
        for kind, text in lines:
            if kind == "h":
                content.append(b"/F2 14 Tf T* (" + _escape(text) + b") Tj /F1 10 Tf")
                toc.append((1, text, number + 1, y + 4))
            else:
                content.append(b"T* (" + _escape(text) + b") Tj")
            y -= 13
        content.append(b"ET")
        stream = b"\n".join(content)
        page_obj = first_page_obj + 2 * number
        page_ids.append(page_obj)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 3 0 R"
            b" /F2 4 0 R >> >> /Contents %d 0 R >>" % (PAGE_W, PAGE_H, page_obj + 1)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    head = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % i for i in page_ids)
        + b"] /Count %d >>" % len(page_ids),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(head + objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(offsets) + 1,
                                                                               xref)
    path.write_bytes(bytes(out))
    return toc


def make_document(path: Path, rng: random.Random, paragraphs, headings, pages: int) -> str:
    """One synthetic document of *pages* pages with about 8 sections; returns its title."""
    lines: list[tuple[str, str]] = []
    sections = max(1, pages * 8 // 30)
    per_section = pages * LINES_PER_PAGE // sections
    for _ in range(sections):
        lines.append(("h", rng.choice(headings)))
        count = 0
        while count < per_section - 2:
            for line in _wrap(rng.choice(paragraphs)):
                lines.append(("t", line))
                count += 1
    page_lines = [lines[i:i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)]
    toc = write_pdf(path, page_lines[:pages])
    import pymupdf

    with pymupdf.open(path) as doc:
        doc.set_toc([[lvl, title, page, {"kind": pymupdf.LINK_GOTO, "page": page - 1,
                                         "to": pymupdf.Point(72, y)}]
                     for lvl, title, page, y in toc])
        title = " ".join(f"{rng.choice(headings)} ({path.stem})".split())
        doc.set_metadata({"title": title})
        doc.save(path.with_suffix(".tmp"), garbage=0)
    path.with_suffix(".tmp").replace(path)
    return title


def _make_range(args) -> list[tuple[str, str]]:
    folder, assets, corpus, start, stop, pages, seed = args
    paragraphs, headings = text_pool(assets, corpus)
    out = []
    for n in range(start, stop):
        doc_id = f"synthetic-{n:04d}"
        rng = random.Random(seed * 1_000_003 + n)
        out.append((doc_id, make_document(folder / f"{doc_id}.pdf", rng, paragraphs, headings,
                                          pages)))
    return out


def make_library(
    folder: Path, assets: Path, corpus: Path, documents: int = 1000, pages: int = 30,
    seed: int = 2026, workers: int = 2,
) -> list[tuple[str, str, Path]]:
    """Make (or reuse) *documents* PDFs of *pages* pages in *folder*; ``[(id, title, path)]``."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    folder.mkdir(parents=True, exist_ok=True)
    manifest = folder / "titles.tsv"
    wanted = f"{documents}\t{pages}\t{seed}"
    if manifest.is_file():
        rows = manifest.read_text(encoding="utf-8").splitlines()
        if rows and rows[0] == wanted:
            return [(i, t, folder / f"{i}.pdf") for i, t in (r.split("\t") for r in rows[1:])]
    step = -(-documents // workers)
    jobs = [(folder, assets, corpus, i, min(i + step, documents), pages, seed)
            for i in range(0, documents, step)]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        made = [row for part in pool.map(_make_range, jobs) for row in part]
    manifest.write_text("\n".join([wanted, *("\t".join(r) for r in made)]) + "\n",
                        encoding="utf-8")
    return [(doc_id, title, folder / f"{doc_id}.pdf") for doc_id, title in made]
