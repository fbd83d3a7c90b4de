"""Issue 15, item 12: the page view offers only web and mail links, target shown, No default."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox


@pytest.fixture
def asked(monkeypatch):
    """Every message box the view shows, answered with ``answer[0]``; and the URLs opened."""
    record = {"boxes": [], "opened": [], "answer": [QMessageBox.No]}

    def exec_(box):
        record["boxes"].append((box.text(), box.defaultButton(), box.standardButtons()))
        return record["answer"][0]

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    from brochure_reader.ui import page_view

    monkeypatch.setattr(page_view.QDesktopServices, "openUrl",
                        lambda url: record["opened"].append(url.toString()))
    return record


@pytest.mark.parametrize("uri", ["javascript:alert(1)", "smb://server/share", "file:///etc"])
def test_other_links_are_refused_and_never_handed_to_the_desktop(qtbot, service, asked, uri):
    from brochure_reader.ui.page_view import PageView

    view = PageView(service)
    qtbot.addWidget(view)
    asked["answer"][0] = QMessageBox.Yes  # even a hurried "yes" cannot open it
    view.follow_link({"uri": uri, "rect": (0, 0, 1, 1)})
    [(text, _default, buttons)] = asked["boxes"]
    assert "not opened" in text and uri.split(":")[0] in text
    assert buttons == QMessageBox.Ok
    assert asked["opened"] == []


def test_web_link_shows_target_and_defaults_to_no(qtbot, service, asked):
    from brochure_reader.ui.page_view import PageView

    view = PageView(service)
    qtbot.addWidget(view)
    uri = "https://www.cancer.gov/about-cancer"
    view.follow_link({"uri": uri, "rect": (0, 0, 1, 1)})
    [(text, default, _buttons)] = asked["boxes"]
    assert uri in text and "www.cancer.gov" in text
    assert default is not None and default.text().replace("&", "") == "No"
    assert asked["opened"] == []
    asked["answer"][0] = QMessageBox.Yes
    view.follow_link({"uri": uri, "rect": (0, 0, 1, 1)})
    assert asked["opened"] == [uri]
