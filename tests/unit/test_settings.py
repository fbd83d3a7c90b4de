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
    assert again.position("aml") == {"page": 4, "y": 120.5}
    assert again.get("recent_documents") == ["all", "aml"]
    assert again.get("future_key") == [1]
