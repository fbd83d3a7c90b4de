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


def test_a_rebuilt_tree_keeps_the_sections_it_was_given(qtbot, corpus_library):
    model = NavigationModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_library(corpus_library)
    model.set_sections("geotopo", build_sections("geotopo", [(1, "One", 0, 0.0)]))
    model.set_library(corpus_library)  # as after an import or a removal
    assert model.rowCount(model.document_index("geotopo")) == 1
    section = model.section_index("geotopo", "geotopo#one")
    assert section.data() == "One" and section.parent() == model.document_index("geotopo")
    assert model.rowCount(model.document_index("labels")) == 0  # none given, none invented


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


def _cut_titles(view) -> list[str]:
    """Titles of the visible rows of *view* drawn in less height than they need wrapped at the
    row's width (cut short or elided)."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QStyle

    metrics = QFontMetrics(view.font())
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
    cut = []

    def walk(parent):
        for row in range(view.model().rowCount(parent)):
            index = view.model().index(row, 0, parent)
            rect = view.visualRect(index)
            text = index.data()
            room = QRect(0, 0, max(1, rect.width() - margin), 100000)  # as the style draws it
            needed = metrics.boundingRect(room, Qt.TextFlag.TextWordWrap, text).height()
            if rect.height() < needed:
                cut.append(text)
            if view.isExpanded(index):
                walk(index)

    walk(view.rootIndex())
    return cut


def test_long_titles_wrap_with_larger_text(qtbot, corpus_library):
    """Issue 14, item 10: with Larger text a narrow library panel showed "Looking after your
    emotional health with metast…"; titles wrap onto more lines instead, also after the panel
    is made narrower."""
    from PySide6.QtWidgets import QApplication

    from brochure_reader.ui.theme import apply_text_size

    app = QApplication.instance()
    apply_text_size(app, True)
    try:
        model = NavigationModel()
        model.set_library(corpus_library)
        panel = NavigationPanel(model)
        qtbot.addWidget(panel)
        panel.resize(330, 700)
        panel.show()
        qtbot.waitExposed(panel)
        view = panel.view
        qtbot.wait(50)
        long_titles = [t for t in (view.model().index(r, 0, view.model().index(0, 0)).data()
                                   for r in range(view.model().rowCount(view.model().index(0, 0))))
                       if view.fontMetrics().horizontalAdvance(t) > view.viewport().width()]
        assert long_titles  # the test means something: some titles are wider than the panel
        assert _cut_titles(view) == []
        panel.resize(250, 700)
        qtbot.wait(200)
        assert _cut_titles(view) == []
    finally:
        apply_text_size(app, False)


def test_shift_f10_asks_for_the_current_sections_menu(qtbot, corpus_library):
    """The library tree's menu (Bookmark this section, …) by keyboard: Shift+F10 asks for the
    current row's, as a right click does for the row clicked (issue 14)."""
    model = NavigationModel(corpus_library)
    model.set_sections("geotopo", build_sections("geotopo", [(1, "Kompaktheit", 3, 0.0)]))
    panel = NavigationPanel(model)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_current("geotopo", "geotopo#kompaktheit")
    panel.view.setFocus()
    with qtbot.waitSignal(panel.context_menu_requested, timeout=3000) as asked:
        qtbot.keyClick(panel.view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert asked.args[:2] == ["geotopo", "geotopo#kompaktheit"]


def test_the_same_sections_again_keep_the_readers_place_in_the_tree(qtbot, corpus_library):
    """The outline read at start-up can arrive after the one read when the document opened;
    replacing the rows then moved the tree's current row back to the document, so the next
    Down went to the first section again (found by the carer's keyboard journey)."""
    model = NavigationModel(corpus_library)
    outline = [(1, "One", 0, 0.0), (1, "Two", 1, 0.0), (1, "Three", 2, 0.0)]
    model.set_sections("geotopo", build_sections("geotopo", outline))
    panel = NavigationPanel(model)
    qtbot.addWidget(panel)
    panel.show_current("geotopo", "geotopo#two")
    model.set_sections("geotopo", build_sections("geotopo", outline))  # the same, read again
    assert panel.current_ref() == "geotopo#two"
    model.set_sections("geotopo", build_sections("geotopo", outline[:1]))  # a new outline
    assert model.rowCount(model.document_index("geotopo")) == 1
