"""Content packs: loading, validation messages, lookups, sections."""

from __future__ import annotations

import pytest

from brochure_reader.library import Library, PackError, build_sections, load_pack, slugify
from brochure_reader.library.sections import find_section, section_at
from brochure_reader.paths import AppPaths, assets_dir, bundled_pack_dir
from tests.helpers import write_pack


def test_home_override_puts_every_folder_under_home(tmp_path, monkeypatch):
    monkeypatch.setenv("BROCHURE_READER_HOME", str(tmp_path / "h"))
    paths = AppPaths.default()
    for folder in (paths.data, paths.cache, paths.config, paths.site_data):
        assert folder.is_relative_to(tmp_path / "h")
    explicit = AppPaths.default(tmp_path / "other")
    assert explicit.data == (tmp_path / "other" / "data").resolve()


def test_assets_found_in_checkout():
    assert (assets_dir() / "fonts").is_dir()
    assert bundled_pack_dir() == assets_dir() / "pack"


def test_slugify_folds_accents_and_punctuation():
    assert (
        slugify("Contact your care team straight away if…")
        == "contact-your-care-team-straight-away-if"
    )
    assert slugify("Leucémie aiguë") == "leucemie-aigue"
    assert slugify("  ***  ") == "section"


def test_build_sections_nests_levels_and_makes_unique_refs():
    entries = [
        (1, "Intro", 0, 10.0),
        (2, "Tests", 0, 200.0),
        (3, "Blood", 1, 5.0),
        (1, "Tests", 2, 50.0),
        (1, "Tests", 3, 0.0),
        (1, "\x07Bad\ttitle", None, 0.0),
    ]
    roots = build_sections("doc", entries)
    assert [s.title for s in roots] == ["Intro", "Tests", "Tests", "Bad title"]
    assert roots[0].children[0].children[0].ref == "doc#blood"
    assert [s.ref for s in roots[1:3]] == ["doc#tests-2", "doc#tests-3"]
    assert roots[3].page is None
    assert find_section(roots, "blood").page == 1
    assert section_at(roots, 1, 100.0).title == "Blood"
    assert section_at(roots, 0, 0.0) is None  # above the first heading
    assert roots[0].to_json()["children"][0]["page"] == 1  # 1-based in JSON


def test_pack_loads_and_reports_bad_fields(tmp_path, corpus):
    good = write_pack(
        tmp_path / "good", "good-pack", {"minimal": corpus / "pysample__minimal-document.pdf"}
    )
    pack = load_pack(good, "user")
    assert pack.documents[0].title == "Title of minimal"
    assert pack.documents[0].reviewed == "2026-11-29"

    bad = write_pack(tmp_path / "bad", "Bad Pack", {})
    with pytest.raises(PackError, match=r"pack\.toml: field 'id'"):
        load_pack(bad, "user")
    (bad / "pack.toml").write_text('id = "x"\ntitle = "t"\nversion = "1"\n', encoding="utf-8")
    with pytest.raises(PackError, match=r"pack\.toml: missing field 'language'"):
        load_pack(bad, "user")
    (bad / "pack.toml").write_text("id = [", encoding="utf-8")
    with pytest.raises(PackError, match="not valid TOML"):
        load_pack(bad, "user")


def test_broken_pack_does_not_stop_the_others(app_paths, corpus):
    write_pack(
        app_paths.user_packs / "a", "pack-a", {"doc-a": corpus / "pysample__minimal-document.pdf"}
    )
    broken = write_pack(app_paths.user_packs / "b", "pack-b", {})
    (broken / "pack.toml").write_text(
        'id = "pack-b"\ntitle = 3\n[[documents]]\nid = "x"\n', encoding="utf-8"
    )
    library = Library.load(app_paths)
    assert "doc-a" in library
    assert any("pack-b" in p or "/b/pack.toml" in p for p in library.problems)


def test_duplicate_document_ids_are_reported(app_paths, corpus):
    src = corpus / "pysample__minimal-document.pdf"
    write_pack(app_paths.user_packs / "a", "pack-a", {"same": src})
    write_pack(app_paths.user_packs / "b", "pack-b", {"same": src})
    library = Library.load(app_paths)
    assert len([d for d in library.documents() if d.id == "same"]) == 1
    assert any("already in pack" in p for p in library.problems)


def test_unknown_document_message(app_paths):
    from brochure_reader.library import LibraryError

    with pytest.raises(LibraryError, match="No document with id 'nope'"):
        Library.load(app_paths).get("nope")
