"""Front matter: the TOML block between two ``+++`` lines that opens a source or a shared block."""

from __future__ import annotations

FENCE = "+++"


class SourceError(Exception):
    """A source that cannot be typeset; the message is one line naming the file and the field."""


def split_front_matter(text: str, where: str) -> tuple[str, str, int]:
    """``(front matter TOML, body, 1-based line where the body starts)``.

    The file must start with a line ``+++`` and the front matter ends at the next ``+++`` line.
    """
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    if not lines or lines[0].strip() != FENCE:
        raise SourceError(f"{where}: must start with a '+++' line opening the TOML front matter")
    for index in range(1, len(lines)):
        if lines[index].strip() == FENCE:
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2
    raise SourceError(f"{where}: front matter has no closing '+++' line")
