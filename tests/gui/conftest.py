from __future__ import annotations

import pytest

from tests.helpers import write_pack


@pytest.fixture
def corpus_library(app_paths, corpus):
    """A library with two real corpus PDFs installed as a user pack (plus the bundled pack)."""
    from brochure_reader.library import Library

    write_pack(
        app_paths.user_packs / "corpus",
        "corpus-pack",
        {
            "geotopo": corpus / "pysample__GeoTopo-117pages.pdf",
            "labels": corpus / "pdfminer__pagelabels-duplicate.pdf",
            "rivals": corpus / "pymupdf__rivals-epub2.epub",
        },
    )
    return Library.load(app_paths)


@pytest.fixture
def service(qtbot):
    """A document service (worker pools) that is shut down after the test."""
    from brochure_reader.ui.jobs import JobRunner

    service = JobRunner(workers=1)
    yield service
    service.shutdown()


@pytest.fixture
def window(qtbot, app_paths, corpus_library):
    from brochure_reader.settings import Settings
    from brochure_reader.ui.jobs import JobRunner
    from brochure_reader.ui.main_window import MainWindow

    win = MainWindow(
        app_paths, corpus_library, Settings(app_paths.settings_file), JobRunner(workers=1)
    )
    qtbot.addWidget(win)
    win.resize(1100, 800)
    win.show()
    win.start()
    yield win
    win.service.shutdown()
