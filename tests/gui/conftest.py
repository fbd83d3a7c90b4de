from __future__ import annotations

import pytest

from tests.helpers import write_pack


@pytest.fixture(scope="session", autouse=True)
def english_catalogue(qapp):
    """The interface in British English with its catalogue, as the app starts on an English
    system: plurals ("1 page", "3 pages") come from brochure_reader_en.qm."""
    from brochure_reader.i18n import Locale
    from brochure_reader.ui.i18n import install

    assert install(qapp, Locale("en", "GB")), "English catalogue not built"


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


def make_window(qtbot, app_paths, library, size=(1100, 800)):
    """A started, shown MainWindow on *library* with one worker; the caller shuts its
    service down (``win.service.shutdown()``)."""
    from brochure_reader.settings import Settings
    from brochure_reader.ui.jobs import JobRunner
    from brochure_reader.ui.main_window import MainWindow

    win = MainWindow(
        app_paths, library, Settings(app_paths.settings_file), JobRunner(workers=1)
    )
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    win.start()
    return win


@pytest.fixture
def window(qtbot, app_paths, corpus_library):
    win = make_window(qtbot, app_paths, corpus_library)
    yield win
    win.service.shutdown()
