"""The experimental JupyterLite site (scripts/build_lite.py): what a teacher relies on is in it."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "build_lite.py"
LESSONS = sorted(p.name for p in (ROOT / "lessons").glob("*.ipynb"))
BUNDLED = ("plotly", "narwhals", "ipywidgets", "anywidget", "psygnal", "platformdirs", "comm", "jupyterlab-widgets",
           "ssi-kit")


def build_site(output: Path, cache: Path) -> Path:
    """Build the site with the project's script into ``output``; skip if the lite tools are missing here."""
    tools = ("jupyterlite_core", "jupyterlite_pyodide_kernel")
    missing = [name for name in tools if importlib.util.find_spec(name) is None]
    if missing:
        message = f"faltan {', '.join(missing)}: pip install -e '.[lite]'"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    code = ("import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]); import build_lite; "
            "build_lite.build(Path(sys.argv[2]), cache=Path(sys.argv[3]))")
    result = subprocess.run([sys.executable, "-c", code, str(SCRIPT.parent), str(output), str(cache)],
                            capture_output=True, text=True, timeout=600, cwd=ROOT)
    if result.returncode != 0 and "pip" in result.stderr and "download" in result.stderr:
        pytest.skip("no se pudieron descargar las ruedas (¿sin acceso a PyPI?): " + result.stderr[-500:])
    assert result.returncode == 0, result.stderr[-3000:]
    return output


@pytest.fixture
def site(lite_site) -> Path:
    """The site, built once per run into a temporary folder (never into build/): see tests/conftest.py."""
    return lite_site


def _piplite_index(site: Path) -> dict:
    return json.loads((site / "pypi" / "all.json").read_text(encoding="utf-8"))


def test_every_lesson_is_in_the_site(site):
    """Every lesson notebook is served by the site, under its own name, and listed in its contents index."""
    assert sorted(p.name for p in (site / "files").glob("*.ipynb")) == LESSONS
    listed = json.loads((site / "api" / "contents" / "all.json").read_text(encoding="utf-8"))
    assert sorted(item["name"] for item in listed["content"] if item["name"].endswith(".ipynb")) == LESSONS


def test_every_bundled_wheel_is_in_the_piplite_index(site):
    """piplite finds each bundled package by its name, as a pure-Python wheel shipped inside the site."""
    index = _piplite_index(site)
    for name in BUNDLED:
        assert name in index, f"{name} no está en pypi/all.json"
        files = [f for release in index[name]["releases"].values() for f in release]
        assert files, name
        for entry in files:
            assert entry["filename"].endswith("-py3-none-any.whl"), entry["filename"]
            assert (site / "pypi" / entry["filename"]).is_file()


def test_bundled_versions_match_this_environment(site):
    """The site bundles the versions the test suite runs with, so what works here is what ships."""
    from importlib.metadata import version

    index = _piplite_index(site)
    for name in BUNDLED:
        assert version(name) in index[name]["releases"], name


def test_the_ssi_kit_wheel_carries_data_and_lessons(site):
    """ssi-kit's wheel in the site has its data files and every lesson (data_path reads them from the package)."""
    (wheel,) = (site / "pypi").glob("ssi_kit-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    shipped_data = sorted(p.name for p in (ROOT / "data").iterdir() if p.is_file())
    assert shipped_data
    for name in shipped_data:
        assert f"ssi_kit/data/{name}" in names
    for lesson in LESSONS:
        assert f"ssi_kit/lessons/{lesson}" in names


def test_widget_extensions_are_in_the_site(site):
    """The browser halves of the widgets (ipywidgets' manager, anywidget, plotly's) are served and registered."""
    config = json.loads((site / "jupyter-lite.json").read_text(encoding="utf-8"))
    registered = {e["name"] for e in config["jupyter-config-data"]["federated_extensions"]}
    for name in ("@jupyter-widgets/jupyterlab-manager", "anywidget", "jupyterlab-plotly",
                 "@jupyterlite/pyodide-kernel-extension"):
        assert name in registered
        assert (site / "extensions" / name / "package.json").is_file()


def test_the_build_does_not_touch_the_repository(site):
    """Building leaves no task database or output in the checkout (only build/ is ignored by git)."""
    assert not (ROOT / ".jupyterlite.doit.db").exists()
    assert not (ROOT / "lessons" / ".jupyterlite.doit.db").exists()
