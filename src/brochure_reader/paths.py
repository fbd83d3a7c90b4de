"""Where Brochure Reader keeps its files.

User data (imported documents, bookmarks) lives in the platformdirs *user data* dir, rebuildable
things (search index, render caches) in the *cache* dir, settings in the *config* dir; IT-managed
content packs are read from the *site data* dir.  ``BROCHURE_READER_HOME=DIR`` or ``--home DIR``
puts all four under DIR (portable mode; tests always use it).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from brochure_reader import APP_NAME

HOME_ENV = "BROCHURE_READER_HOME"


@dataclass(frozen=True)
class AppPaths:
    """The folders the app uses.  None of them is created until :meth:`ensure` is called."""

    data: Path
    cache: Path
    config: Path
    site_data: Path

    @classmethod
    def from_home(cls, home: str | os.PathLike[str]) -> AppPaths:
        """Portable layout: ``HOME/data``, ``HOME/cache``, ``HOME/config``, ``HOME/site``."""
        root = Path(home).expanduser().resolve()
        return cls(root / "data", root / "cache", root / "config", root / "site")

    @classmethod
    def default(cls, home: str | os.PathLike[str] | None = None) -> AppPaths:
        """Resolve the paths: explicit *home*, else ``$BROCHURE_READER_HOME``, else platformdirs."""
        home = home or os.environ.get(HOME_ENV)
        if home:
            return cls.from_home(home)
        import platformdirs

        return cls(
            Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.site_data_dir(APP_NAME, appauthor=False)),
        )

    @property
    def user_pack(self) -> Path:
        """The user's own pack, where imported documents are copied."""
        return self.data / "my-documents"

    @property
    def site_packs(self) -> Path:
        """Folder of IT-managed packs (read-only for the app)."""
        return self.site_data / "packs"

    @property
    def user_packs(self) -> Path:
        """Folder of packs the user installed (besides :attr:`user_pack`)."""
        return self.data / "packs"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    def ensure(self) -> AppPaths:
        """Create the writable folders (data, cache, config).  Raises OSError if impossible."""
        for folder in (self.data, self.cache, self.config):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def assets_dir() -> Path:
    """The bundled assets folder, found the same way in every kind of install.

    * wheel / PyInstaller bundle: ``brochure_reader/assets`` inside the package (pyproject maps the
      top-level ``assets/`` folder there; the PyInstaller spec copies it to the same place);
    * source checkout or editable install: ``<repo>/assets`` next to ``src/``.
    """
    package = Path(__file__).resolve().parent
    inside = package / "assets"
    if inside.is_dir():
        return inside
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen and (Path(frozen) / "brochure_reader" / "assets").is_dir():
        return Path(frozen) / "brochure_reader" / "assets"
    return package.parent.parent / "assets"


def bundled_pack_dir() -> Path:
    """The content pack shipped with the app (``assets/pack``)."""
    return assets_dir() / "pack"
