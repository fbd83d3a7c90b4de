"""Compiles the translation catalogues into the wheel (docs/translations.md); the rest of the
build is declared in pyproject.toml."""

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

sys.path.insert(0, str(Path(__file__).resolve().parent / "packaging"))


class BuildWithCatalogues(build_py):
    """``build_py`` that also writes ``brochure_reader/assets/translations/*.qm`` and ``*.mo``
    (from the committed ``.ts``/``.po``), or next to the sources for an editable install."""

    def run(self):
        super().run()
        from translations import build

        if getattr(self, "editable_mode", False):
            build()  # assets/ is read in place
        else:
            build(Path(self.build_lib) / "brochure_reader" / "assets" / "translations")


setup(cmdclass={"build_py": BuildWithCatalogues})
