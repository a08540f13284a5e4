"""Classroom hosting: the Binder/repo2docker files, the README's links and the Colab fallback."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
import types
from importlib import metadata
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import plotly.graph_objects as go
import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from ssi_kit import SSI, SSITypeError
from ssi_kit.network import pyramid
from ssi_kit.plots import plot_pyramid
from ssi_kit.widgets import pyramid_explorer, relationship_tracker, simulator, ssi_input
from ssi_kit.widgets._display import StaticFigure, in_colab, live_figure

ROOT = Path(__file__).resolve().parent.parent
BINDER = ROOT / "binder"
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _requirements() -> list[Requirement]:
    lines = (BINDER / "requirements.txt").read_text(encoding="utf-8").splitlines()
    return [Requirement(line.split("#")[0].strip()) for line in lines if line.split("#")[0].strip()]


class TestBinderFiles:
    def test_requirements_parse(self):
        """Every line of binder/requirements.txt is a valid requirement (pip would accept it)."""
        names = [canonicalize_name(r.name) for r in _requirements()]
        assert len(names) == len(set(names))

    def test_requirements_cover_the_package_and_the_kernel(self):
        """The image has every dependency of ssi-kit, plus the kernel and widget pieces Jupyter needs."""
        project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
        needed = {canonicalize_name(Requirement(d).name) for d in project["dependencies"]}
        needed |= {"ipykernel", "ipywidgets", "anywidget", "nbgitpuller"}
        assert needed <= {canonicalize_name(r.name) for r in _requirements()}

    def test_requirements_admit_the_versions_we_test_with(self):
        """The ranges in binder/requirements.txt allow the versions installed here (so what we test is what runs)."""
        for requirement in _requirements():
            try:
                installed = metadata.version(requirement.name)
            except metadata.PackageNotFoundError:
                continue
            assert requirement.specifier.contains(installed, prereleases=True), (requirement, installed)

    def test_requirements_and_the_package_resolve_together(self, tmp_path):
        """pip finds one consistent set for binder/requirements.txt plus this checkout, as repo2docker installs it."""
        report = tmp_path / "report.json"
        resolved = subprocess.run(
            [sys.executable, "-m", "pip", "install", "--dry-run", "--quiet", "--ignore-installed",
             "--report", str(report), "-r", str(BINDER / "requirements.txt"), str(ROOT)],
            capture_output=True, text=True, timeout=600,
        )
        assert resolved.returncode == 0, resolved.stderr[-2000:]
        chosen = {canonicalize_name(item["metadata"]["name"]): item["metadata"]["version"]
                  for item in json.loads(report.read_text(encoding="utf-8"))["install"]}
        assert {"ssi-kit", "voila", "jupyterlab", "anywidget", "nbgitpuller"} <= set(chosen)
        for requirement in _requirements():
            assert requirement.specifier.contains(chosen[canonicalize_name(requirement.name)], prereleases=True)

    def test_runtime_is_a_supported_python(self):
        """runtime.txt asks for a Python the package supports."""
        runtime = (BINDER / "runtime.txt").read_text(encoding="utf-8").strip()
        major, minor = map(int, re.fullmatch(r"python-(\d+)\.(\d+)", runtime).groups())  # type: ignore[union-attr]
        assert (major, minor) >= (3, 11)

    def test_postbuild_is_executable_and_installs_this_checkout(self):
        """postBuild is an executable bash script that installs this checkout (which brings its JupyterLab settings)."""
        script = BINDER / "postBuild"
        assert os.access(script, os.X_OK)
        text = script.read_text(encoding="utf-8")
        assert text.startswith("#!/bin/bash")
        assert "pip install --no-cache-dir -e ." in text
        subprocess.run(["bash", "-n", str(script)], check=True)

    def test_postbuild_runs_pip_install(self, tmp_path):
        """Run with a stand-in python: postBuild pip-installs the repository, editable, and nothing fails."""
        calls, shim = tmp_path / "calls.txt", tmp_path / "bin"
        shim.mkdir()
        (shim / "python").write_text(f'#!/bin/bash\necho "$*" >> "{calls}"\n', encoding="utf-8")
        (shim / "python").chmod(0o755)
        env = {**os.environ, "PATH": f"{shim}{os.pathsep}{os.environ['PATH']}"}
        subprocess.run([str(BINDER / "postBuild")], cwd=ROOT, env=env, check=True)
        assert "-m pip install --no-cache-dir -e ." in calls.read_text(encoding="utf-8").splitlines()

    def test_the_package_carries_the_jupyterlab_settings(self):
        """pyproject installs jupyter/overrides.json into JupyterLab's overrides.d (Binder, pip and make lab alike)."""
        import tomllib

        project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
        shared = project["tool"]["hatch"]["build"]["targets"]["wheel"]["shared-data"]
        assert shared["jupyter/overrides.json"] == "share/jupyter/lab/settings/overrides.d/ssi-kit.json"


class TestReadmeLinks:
    def test_nbgitpuller_template(self):
        """Each nbgitpuller link pulls main and opens a real lesson in the cloned folder (JupyterLab or Voilà)."""
        links = re.findall(r"https://HUB/hub/user-redirect/git-pull\?[^\s)`\"]+", README)
        assert links
        views = set()
        for link in links:
            query = parse_qs(urlsplit(link).query)
            assert query["branch"] == ["main"]
            folder = urlsplit(query["repo"][0]).path.rstrip("/").rsplit("/", 1)[-1].removesuffix(".git")
            urlpath = query["urlpath"][0]
            view = next((v for v in ("lab/tree", "voila/render") if urlpath.startswith(f"{v}/{folder}/")), None)
            assert view, (folder, urlpath)
            assert (ROOT / urlpath.removeprefix(f"{view}/{folder}/")).is_file()
            views.add(view)
        assert views == {"lab/tree", "voila/render"}

    def test_binder_badge(self):
        """The Binder badge points at the repository placeholder and opens a notebook that exists."""
        match = re.search(r"https://mybinder\.org/v2/gh/OWNER/ssi-kit/main\?urlpath=lab/tree/([^\s)]+)", README)
        assert match is not None
        assert (ROOT / match.group(1)).is_file()
        assert "mybinder.org/badge_logo.svg" in README

    def test_screenshots_exist_and_are_small(self):
        """Every image the README shows is in the repository and under 200 KB."""
        images = re.findall(r"!\[[^\]]*\]\((docs/img/[^)]+)\)", README)
        assert images
        for image in images:
            assert (ROOT / image).stat().st_size < 200_000, image

    def test_jupyterlite_notes(self):
        """The JupyterLite notes name what a build needs and say it is not offline."""
        notes = (ROOT / "docs" / "jupyterlite.md").read_text(encoding="utf-8")
        for needed in ("jupyterlite-core", "jupyterlite-pyodide-kernel", "--piplite-wheels", "anywidget", "CDN"):
            assert needed in notes


@pytest.fixture
def colab(monkeypatch):
    """Pretend the kernel runs in Google Colab."""
    monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))


class TestColabFallback:
    def test_detection(self, colab):
        """in_colab is true exactly when google.colab is imported."""
        assert in_colab()

    def test_not_colab_gives_a_figure_widget(self):
        """Outside Colab, live_figure is a FigureWidget (live updates in the browser)."""
        assert not in_colab()
        assert isinstance(live_figure(go.Figure(go.Bar(y=[1]))), go.FigureWidget)

    def test_a_served_widget_code_is_loaded_not_carried(self, monkeypatch):
        """Where the server serves plotly's widget code (``ssi-kit app``), a live chart carries a few lines that
        load it from the server's base URL, not the 5 MB of code; it is still a FigureWidget, changed alike."""
        from ssi_kit.cli import voila_environment, voila_options

        monkeypatch.setenv(*next(iter(voila_environment(voila_options()).items())))
        fig = live_figure(plot_pyramid(pyramid(500)))
        plain = go.FigureWidget(go.Figure())
        assert isinstance(fig, go.FigureWidget)
        assert len(fig._esm) < 1_000 < 1_000_000 < len(plain._esm)
        assert '"voila/labextensions/widgetbundle.js"' in fig._esm and "jupyter-config-data" in fig._esm
        with fig.batch_update():
            fig.data[0].x = [1, 2, 3]
        assert list(fig.data[0].x) == [1, 2, 3]

    def test_colab_gives_a_static_figure(self, colab):
        """In Colab, live_figure is a plain figure drawn into an output area, with the same traces."""
        source = plot_pyramid(pyramid(500))
        fig = live_figure(source)
        assert isinstance(fig, StaticFigure) and not isinstance(fig, go.FigureWidget)
        assert list(fig.data[0].x) == list(source.data[0].x)
        assert fig.redraws == 1 and "text/html" in fig.outputs[0]["data"]

    def test_one_redraw_per_batch(self, colab):
        """A batch_update block redraws once, whatever it changes; a single change outside redraws once."""
        fig = live_figure(go.Figure(go.Bar(y=[1, 2])))
        with fig.batch_update():
            fig.data[0].y = [3, 4]
            fig.layout.title.text = "nuevo"
        assert fig.redraws == 2 and fig.outputs[0]["data"]["text/plain"].endswith("nuevo")
        fig.layout.title.text = "otro"
        assert fig.redraws == 3

    def test_original_not_modified(self, colab):
        """The figure passed in is copied, not changed."""
        source = go.Figure(go.Bar(y=[1, 2]))
        fig = live_figure(source)
        fig.data[0].y = [5, 6]
        assert list(source.data[0].y) == [1, 2]

    def test_not_a_figure(self):
        """Anything but a plotly figure is refused with our type error."""
        with pytest.raises(SSITypeError, match="«figure» debe ser una figura de plotly; recibido dict"):
            live_figure({"data": []})

    def test_ssi_input(self, colab):
        """ssi_input in Colab shows a static chart that follows the sliders."""
        w = ssi_input(SSI(12.5, 8, 5.25, 10))
        assert isinstance(w.figure, StaticFigure) and w.figure in w.children
        before = w.figure.redraws
        w.sliders["brand"].value = 20
        assert w.figure.data[0].y[0] == 20 and w.figure.redraws > before

    def test_simulator(self, colab):
        """The simulator in Colab redraws its static chart when an action is ticked."""
        w = simulator(SSI(6, 6, 5, 8), actions=["publicar"])
        assert isinstance(w.figure, StaticFigure) and w.figure in w.children
        totals, before = list(w.figure.data[2].y), w.figure.redraws
        w.checkboxes["grupos"].value = True
        assert list(w.figure.data[2].y) != totals and w.figure.redraws > before

    def test_pyramid(self, colab):
        """The pyramid explorer in Colab redraws its static chart when the log box is unticked."""
        w = pyramid_explorer(500)
        assert isinstance(w.figure, StaticFigure) and w.figure in w.children
        before = w.figure.redraws
        w.log_scale.value = False
        assert list(w.figure.data[0].x) == list(plot_pyramid(pyramid(500), log=False).data[0].x)
        assert w.figure.redraws > before

    def test_relationships(self, colab, tmp_path):
        """The relationship tracker in Colab redraws its static funnel when someone is added."""
        w = relationship_tracker(tmp_path / "relaciones.sqlite")
        assert isinstance(w.figure, StaticFigure) and w.figure in w.children
        before = w.figure.redraws
        w.name.value, w.stage.value = "Ana Ruiz", "colaboracion"
        w.add()
        assert sum(w.figure.data[0].x) == 1 and w.figure.redraws > before
