from brochure_reader.settings import Settings


def test_damaged_settings_are_moved_aside(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    settings = Settings(path)
    assert settings.get("zoom_mode") == "fit-width"
    assert settings.problems and "damaged" in settings.problems[0]
    assert list(tmp_path.glob("settings.json.damaged-*"))


def test_wrong_types_fall_back_and_positions_round_trip(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"zoom_mode": 3, "future_key": [1]}', encoding="utf-8")
    settings = Settings(path)
    assert settings.get("zoom_mode") == "fit-width"
    settings.remember_position("aml", 4, 120.5)
    settings.remember_position("all", 1, 0)
    settings.save()
    again = Settings(path)
    assert {k: v for k, v in again.position("aml").items() if k != "t"} == {"page": 4, "y": 120.5}
    assert again.get("recent_documents") == ["all", "aml"]
    assert again.get("future_key") == [1]


# --- issue 15, item 1: a damaged settings file never stops the app ----------------------------


def test_undecodable_settings_file_is_moved_aside_and_told_once(tmp_path):
    path = tmp_path / "settings.json"
    path.write_bytes(b"\xff")
    settings = Settings(path)
    assert settings.get("zoom_mode") == "fit-width"
    assert len(settings.problems) == 1 and "not UTF-8" in settings.problems[0]
    aside = list(tmp_path.glob("settings.json.damaged-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == b"\xff"
    assert aside[0].name in settings.problems[0]
    settings.save()
    assert Settings(path).problems == []


def test_settings_folder_in_place_of_the_file_is_moved_aside(tmp_path):
    path = tmp_path / "settings.json"
    path.mkdir()
    (path / "inside.txt").write_text("kept", encoding="utf-8")
    settings = Settings(path)
    assert len(settings.problems) == 1 and "folder" in settings.problems[0]
    settings.remember_position("aml", 2, 10.0)
    settings.save()
    assert path.is_file() and Settings(path).position("aml")["page"] == 2
    (aside,) = tmp_path.glob("settings.json.damaged-*")
    assert (aside / "inside.txt").read_text(encoding="utf-8") == "kept"


def test_each_field_is_checked_on_its_own(tmp_path):
    import json

    path = tmp_path / "settings.json"
    path.write_text(json.dumps({
        "positions": {"good": {"page": 3, "y": 12.5}, "bad": {"page": "x", "y": 1},
                      "inf": {"page": 1, "y": 1e400}, "neg": {"page": -1, "y": 0},
                      "not": "a position"},
        "recent_documents": ["good", 7, "bad"],
        "zoom": -2, "zoom_mode": "huge", "larger_text": True,
        "clinic": {"clinic": "Ward 3", "contact": 5},
    }), encoding="utf-8")
    settings = Settings(path)
    assert settings.position("good") == {"page": 3, "y": 12.5}
    for doc_id in ("bad", "inf", "neg", "not"):
        assert settings.position(doc_id) is None
    assert settings.get("recent_documents") == ["good", "bad"]
    assert settings.get("zoom") == 1.0 and settings.get("zoom_mode") == "fit-width"
    assert settings.get("larger_text") is True
    assert settings.get("clinic") == {"clinic": "Ward 3", "clinician": "", "contact": ""}
    assert len(settings.problems) == 2  # one for the positions, one for the other fields
    assert "4 saved reading positions" in settings.problems[0]
    settings.save()
    assert Settings(path).problems == []


def test_unreadable_settings_file_is_never_overwritten(tmp_path, monkeypatch):
    path = tmp_path / "settings.json"
    path.write_text('{"zoom": 2.0}', encoding="utf-8")
    real = type(path).read_bytes

    def refuse(self):
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(type(path), "read_bytes", refuse)
    settings = Settings(path)
    assert "could not be read" in settings.problems[0]
    settings.remember_position("aml", 1, 0)
    settings.save()
    monkeypatch.undo()
    assert path.read_text(encoding="utf-8") == '{"zoom": 2.0}'


# --- issue 15, item 5: positions merged across windows -------------------------------------


def test_two_windows_keep_each_others_positions(tmp_path):
    path = tmp_path / "settings.json"
    first, second = Settings(path), Settings(path)
    first.remember_position("aml", 4, 100.0)
    second.remember_position("all", 7, 50.0)
    first.set("larger_text", True)
    first.save()
    second.save()  # the last to close must not drop the other's position or setting
    merged = Settings(path)
    assert merged.position("aml")["page"] == 4 and merged.position("all")["page"] == 7
    assert merged.get("larger_text") is True
    assert merged.get("recent_documents") == ["all", "aml"]
    # the newer position of one document wins, whichever window saves last
    first.remember_position("all", 9, 0.0)
    first.save()
    second.save()
    assert Settings(path).position("all")["page"] == 9
    # and a window picks up the other's positions when it saves
    assert second.position("aml")["page"] == 4


def test_save_failure_keeps_changes_for_the_next_try(tmp_path, monkeypatch):
    import errno

    import brochure_reader.settings as settings_module

    path = tmp_path / "settings.json"
    settings = Settings(path)
    settings.remember_position("aml", 4, 100.0)

    def full(path, text):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(settings_module, "atomic_write_text", full)
    try:
        settings.save()
    except OSError:
        pass
    else:
        raise AssertionError("a full disk must be reported")
    assert settings.dirty
    monkeypatch.undo()
    settings.save()
    assert Settings(path).position("aml")["page"] == 4 and not settings.dirty
