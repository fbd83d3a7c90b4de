"""Shared fixtures: every test gets a temporary BROCHURE_READER_HOME; the real one is never used."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The system locale every test sees (brochure_reader.i18n.system_locale reads this first), so a
# French or US machine runs the suite in British English like CI; tests ask for French.
os.environ["BROCHURE_READER_LANG"] = "en_GB"

CORPUS_ENV = "BROCHURE_READER_CORPUS"
REPO = Path(__file__).resolve().parent.parent


def _build_catalogues() -> None:
    """Compile the translation catalogues when a source is newer than what was built (as
    ``python packaging/translations.py build`` does), so the README's test command needs no
    extra step."""
    import sys

    sources = REPO / "assets" / "translations"
    pairs = [(ts, ts.with_suffix(".qm")) for ts in sources.glob("*.ts")]
    pairs += [(po, po.with_suffix(".mo")) for po in sources.glob("*/LC_MESSAGES/*.po")]
    if all(out.is_file() and out.stat().st_mtime >= src.stat().st_mtime for src, out in pairs):
        return
    sys.path.insert(0, str(REPO / "packaging"))
    try:
        from translations import build

        build()
    finally:
        sys.path.remove(str(REPO / "packaging"))


_build_catalogues()


def corpus_dir() -> Path:
    """The shared corpus of real third-party PDFs (``$BROCHURE_READER_CORPUS``, default
    ``../shared/corpus`` next to the checkout)."""
    return Path(os.environ.get(CORPUS_ENV, REPO.parent / "shared" / "corpus"))


@pytest.fixture(autouse=True)
def temp_home(tmp_path, monkeypatch) -> Path:
    """Portable-mode home in a temp folder for every test."""
    home = tmp_path / "home"
    monkeypatch.setenv("BROCHURE_READER_HOME", str(home))
    return home


@pytest.fixture
def app_paths(temp_home):
    from brochure_reader.paths import AppPaths

    return AppPaths.from_home(temp_home).ensure()


@pytest.fixture(scope="session")
def corpus() -> Path:
    """Folder of corpus PDFs; the test is skipped with a reason when the corpus is absent."""
    folder = corpus_dir() / "pdfs"
    if not folder.is_dir():
        pytest.skip(f"shared corpus not found at {folder} (set {CORPUS_ENV})")
    return folder


@pytest.fixture(scope="session")
def manifest(corpus) -> list[dict]:
    """Rows of the corpus MANIFEST.tsv (file, source_repo, ..., hard_case, expected_behaviour)."""
    import csv

    with (corpus.parent / "MANIFEST.tsv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))
