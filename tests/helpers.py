"""Small helpers shared by tests (not fixtures)."""

from __future__ import annotations

from pathlib import Path


def write_pack(folder: Path, pack_id: str, docs: dict[str, Path], extra: str = "") -> Path:
    """A pack folder whose pack.toml lists *docs* (id -> existing document file, copied in)."""
    import shutil

    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        f'id = "{pack_id}"',
        f'title = "Pack {pack_id}"',
        'language = "en"',
        'version = "1"',
        extra,
    ]
    for doc_id, source in docs.items():
        shutil.copy(source, folder / source.name)
        lines += [
            "",
            "[[documents]]",
            f'id = "{doc_id}"',
            f'title = "Title of {doc_id}"',
            f'file = "{source.name}"',
            'category = "practical"',
            'summary = "One line"',
            "reviewed = 2026-11-29",
            'tags = ["a", "b"]',
        ]
    (folder / "pack.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder
