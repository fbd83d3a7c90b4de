"""Packaging: the package list is complete, a built wheel finds its bundled assets, and the Linux
desktop entry and AppStream metainfo are valid and agree with the code."""

from __future__ import annotations

import configparser
import importlib.metadata
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import brochure_reader

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

REPO = Path(__file__).resolve().parents[2]
SRC = REPO / "src"
LINUX = REPO / "packaging" / "linux"
APP_ID = "org.brochurereader.BrochureReader"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def _pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


# --- (a) the explicit package list ------------------------------------------------------------


def test_every_package_directory_is_listed_in_pyproject():
    listed = set(_pyproject()["tool"]["setuptools"]["packages"])
    found = set()
    for folder in (SRC / "brochure_reader").rglob("*"):
        if folder.is_dir() and folder.name != "__pycache__" and any(folder.glob("*.py")):
            found.add(".".join(folder.relative_to(SRC).parts))
    found.add("brochure_reader")
    missing = sorted(found - listed)
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {missing}"
    assert "brochure_reader.assets" in listed  # the top-level assets/ folder ships inside


def test_version_has_one_source():
    project = _pyproject()
    assert "version" in project["project"]["dynamic"]
    assert "version" not in project["project"]
    attr = project["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    assert attr == "brochure_reader.__version__"
    assert re.fullmatch(r"\d+\.\d+\.\d+(?:(?:a|b|rc)\d+)?", brochure_reader.__version__)


def test_changelog_names_the_current_version():
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{brochure_reader.__version__}]" in changelog


# --- (b) a built wheel finds its bundled pack -------------------------------------------------


def _setuptools_is_new_enough() -> bool:
    """pyproject uses a PEP 639 licence expression, which needs setuptools >= 77."""
    try:
        major = int(importlib.metadata.version("setuptools").split(".")[0])
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return False
    return major >= 77


@pytest.fixture(scope="module")
def installed_wheel(tmp_path_factory) -> Path:
    """Build a wheel from a copy of the sources and install it into a temp folder (no deps)."""
    work = tmp_path_factory.mktemp("wheel")
    tree = work / "tree"
    tree.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md", "LICENSE"):
        if (REPO / name).is_file():
            shutil.copy2(REPO / name, tree / name)
    (tree / "packaging").mkdir()
    shutil.copy2(REPO / "packaging" / "translations.py", tree / "packaging")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    shutil.copytree(SRC / "brochure_reader", tree / "src" / "brochure_reader", ignore=ignore)
    # without the compiled catalogues: the wheel build must make them (setup.py)
    compiled = shutil.ignore_patterns("__pycache__", "*.pyc", "*.qm", "*.mo")
    shutil.copytree(REPO / "assets", tree / "assets", ignore=compiled)
    wheels = work / "dist"
    command = [sys.executable, "-m", "pip", "wheel", str(tree), "--no-deps", "-q", "-w", wheels]
    if _setuptools_is_new_enough():
        command.append("--no-build-isolation")  # offline, fast
    done = subprocess.run(command, capture_output=True, text=True, timeout=50)
    if done.returncode != 0:
        if "--no-build-isolation" not in command and re.search(
            r"(?i)connection|network|resolve|index|proxy", done.stderr
        ):
            pytest.skip(
                "cannot fetch a recent setuptools to build the wheel (no network); "
                "install setuptools>=77 to build offline"
            )
        pytest.fail(f"building the wheel failed:\n{done.stderr[-3000:]}")
    (wheel,) = wheels.glob("brochure_reader-*.whl")
    assert wheel.name.startswith(f"brochure_reader-{brochure_reader.__version__}-")
    target = work / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index",
         "--target", str(target), str(wheel)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return target


def _ask_installed(target: Path, code: str) -> dict:
    """Run *code* in a fresh interpreter that sees only the installed wheel (no site-packages,
    no source tree), and return the JSON it prints."""
    script = f"import json, sys\nsys.path.insert(0, {str(target)!r})\n{code}"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run(
        [sys.executable, "-S", "-c", script],
        capture_output=True, text=True, cwd=target.parent, env=env, timeout=30, check=True,
    )  # fmt: skip
    return json.loads(done.stdout)


def test_wheel_ships_assets_inside_the_package(installed_wheel):
    found = _ask_installed(
        installed_wheel,
        "import brochure_reader, brochure_reader.paths as p\n"
        "print(json.dumps({'package': brochure_reader.__file__, 'assets': str(p.assets_dir()),"
        " 'version': brochure_reader.__version__}))",
    )
    package = Path(found["package"]).parent
    assert package.is_relative_to(installed_wheel), "imported the source tree, not the wheel"
    assets = Path(found["assets"])
    assert assets == package / "assets"
    assert (assets / "fonts" / "OFL.txt").is_file()
    assert found["version"] == brochure_reader.__version__


def test_wheel_ships_compiled_translations(installed_wheel):
    """The wheel build compiles the .ts/.po sources (setup.py): French works from the wheel."""
    found = _ask_installed(
        installed_wheel,
        "from brochure_reader import i18n\n"
        "ok = i18n.install(i18n.Locale('fr', 'FR'))\n"
        "qm = sorted(p.name for p in i18n.catalogue_dir().glob('*.qm'))\n"
        "print(json.dumps({'ok': ok, 'text': i18n._('My documents'), 'qm': qm,"
        " 'dir': str(i18n.catalogue_dir())}))",
    )
    assert Path(found["dir"]).is_relative_to(installed_wheel)
    assert found["ok"] and found["text"] == "Mes documents"
    assert found["qm"] == ["brochure_reader_en.qm", "brochure_reader_fr.qm"]


def test_wheel_bundled_pack_dir_has_pack_toml(installed_wheel):
    if not (REPO / "assets" / "pack" / "pack.toml").is_file():
        pytest.skip("assets/pack/pack.toml is not built yet "
                    "(brochure-reader build-pack assets/pack/sources assets/pack)")  # fmt: skip
    found = _ask_installed(
        installed_wheel,
        "from brochure_reader.paths import bundled_pack_dir\n"
        "print(json.dumps({'pack': str(bundled_pack_dir())}))",
    )
    pack = Path(found["pack"])
    assert pack.is_relative_to(installed_wheel)
    assert (pack / "pack.toml").is_file()


# --- (c) Linux desktop entry, AppStream metainfo, icons ---------------------------------------


def _validator(name: str) -> str | None:
    return shutil.which(name)


def test_desktop_entry_is_valid():
    tool = _validator("desktop-file-validate")
    if tool:
        done = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True, timeout=30)
        errors = [line for line in done.stdout.splitlines() if ": error:" in line]
        assert done.returncode == 0 and not errors, done.stdout + done.stderr
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == brochure_reader.APP_TITLE
    assert entry["Icon"] == APP_ID
    scripts = _pyproject()["project"]["scripts"]
    assert entry["Exec"].split()[0] in scripts
    assert entry["Exec"].split()[1:] in (["%f"], ["%F"], ["%u"], ["%U"])
    assert "application/pdf" in entry["MimeType"].split(";")
    assert entry["Categories"].endswith(";") and entry["Terminal"] == "false"


def test_metainfo_is_valid_and_matches_the_app():
    tool = _validator("appstreamcli")
    if tool:
        done = subprocess.run(
            [tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True,
            timeout=30,
        )  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name
    assert root.findtext("project_license") == _pyproject()["project"]["license"]
    assert root.findtext("name") == brochure_reader.APP_TITLE
    assert root.find("provides/binary").text in _pyproject()["project"]["scripts"]
    releases = [r.get("version") for r in root.iter("release")]
    assert releases and releases[0] == brochure_reader.__version__, (
        "add the new version to <releases> in the metainfo (newest first)"
    )


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


def test_hicolor_icons_are_complete():
    hicolor = LINUX / "icons" / "hicolor"
    svg = hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    assert ET.parse(svg).getroot().tag.endswith("svg")
    for size in ICON_SIZES:
        png = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert _png_size(png) == (size, size)


# --- the source install starts (the frozen bundle is checked by packaging/build.sh) -----------


@pytest.mark.slow
def test_gui_smoke_from_source(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "brochure_reader", "--home", str(tmp_path / "home"), "--smoke"],
        capture_output=True, text=True, env=env, timeout=60, cwd=REPO,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert re.search(r"^ready in \d+\.\d+ s", done.stdout, re.MULTILINE), done.stdout


@pytest.mark.slow
def test_gui_smoke_with_a_document_reports_its_first_page_painted(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "brochure_reader", "--home", str(tmp_path / "home"), "--smoke",
         "pancreatic-cancer"],
        capture_output=True, text=True, env=env, timeout=60, cwd=REPO,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    ready = re.search(r"^ready in (\d+\.\d+) s", done.stdout, re.MULTILINE)
    page = re.search(r"^first page painted in (\d+\.\d+) s", done.stdout, re.MULTILINE)
    assert ready and page, done.stdout
    assert float(page.group(1)) >= float(ready.group(1))


def test_launch_with_a_document_starts_its_worker_before_qt_is_imported(tmp_path):
    """The view worker's import of PyMuPDF overlaps the GUI's import of Qt (issue 16): the first
    worker lane started is the view lane, before PySide6 is imported, and it is the one that
    serves the document (the window's JobRunner makes no lanes of its own)."""
    code = (
        "import sys\n"
        "from brochure_reader.pdf import worker\n"
        "started = worker.WorkerPool.start\n"
        "def start(self):\n"
        "    print('lane started; Qt imported:', 'PySide6.QtWidgets' in sys.modules, id(self))\n"
        "    started(self)\n"
        "worker.WorkerPool.start = start\n"
        "made = worker.Workers.__init__\n"
        "def init(self, *args, **kw):\n"
        "    made(self, *args, **kw)\n"
        "    print('view lane', id(self.lanes['view']))\n"
        "worker.Workers.__init__ = init\n"
        "from brochure_reader.cli import main\n"
        "sys.exit(main(['--home', sys.argv[1], '--smoke', 'pancreatic-cancer']))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "home")],
                          capture_output=True, text=True, env=env, timeout=90, cwd=REPO)
    assert done.returncode == 0, done.stderr[-2000:]
    starts = re.findall(r"^lane started; Qt imported: (\w+) (\d+)", done.stdout, re.MULTILINE)
    views = re.findall(r"^view lane (\d+)", done.stdout, re.MULTILINE)
    assert starts and len(views) == 1, done.stdout  # the GUI's JobRunner took these lanes
    assert starts[0] == ("False", views[0]), done.stdout
    assert re.search(r"^first page painted in", done.stdout, re.MULTILINE), done.stdout
