"""The navigation tree model, checked by Qt's own QAbstractItemModelTester."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from brochure_reader.library import build_sections
from brochure_reader.ui.navigation import (
    KIND_ROLE,
    PAGE_ROLE,
    NavigationModel,
    NavigationPanel,
)


def test_model_passes_qt_model_tester(qtbot, corpus_library):
    model = NavigationModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_library(corpus_library)
    sections = build_sections(
        "geotopo", [(1, "One", 0, 0.0), (2, "One.a", 1, 10.0), (1, "Two", None, 0.0)]
    )
    model.set_sections("geotopo", sections)
    model.set_sections("geotopo", sections[:1])  # replaced, rows removed then inserted
    index = model.document_index("geotopo")
    assert index.data(KIND_ROLE) == "document" and model.rowCount(index) == 1
    child = model.index(0, 0, model.index(0, 0, index))
    assert child.data() == "One.a" and child.data(PAGE_ROLE) == 1
    assert model.section_index("geotopo", "geotopo#one-a") == child


def test_sections_without_target_are_disabled_and_filter_narrows(qtbot, corpus_library):
    model = NavigationModel(corpus_library)
    model.set_sections(
        "geotopo",
        build_sections("geotopo", [(1, "Kompaktheit", 3, 0.0), (1, "No target", None, 0.0)]),
    )
    panel = NavigationPanel(model)
    qtbot.addWidget(panel)
    disabled = model.section_index("geotopo", "geotopo#no-target")
    assert not model.flags(disabled) & Qt.ItemIsEnabled
    assert model.flags(model.document_index("geotopo")) & Qt.ItemIsEnabled
    qtbot.keyClicks(panel.filter, "kompakt")
    proxy = panel.proxy
    visible_titles = []

    def walk(parent):
        for row in range(proxy.rowCount(parent)):
            index = proxy.index(row, 0, parent)
            visible_titles.append(index.data())
            walk(index)

    walk(proxy.index(-1, -1))
    assert "Kompaktheit" in visible_titles and "No target" not in visible_titles
    assert "Title of labels" not in visible_titles
