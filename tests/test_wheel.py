"""The wheel as a learner gets it: built, installed in a fresh venv, `ssi-kit lessons` run, a lesson executed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LESSON = "00_bienvenida.ipynb"


def _run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=240)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The project's wheel, built like pip would; the tests skip only if no build backend can be had here."""
    out = tmp_path_factory.mktemp("wheel")
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)], out)
    if built.returncode != 0:
        if "hatchling" in built.stderr and ("No matching distribution" in built.stderr or "Could not" in built.stderr):
            pytest.skip("no build backend (hatchling) available to build the wheel: " + built.stderr[-300:])
        pytest.fail("building the wheel failed:\n" + built.stderr[-2000:])
    (found,) = out.glob("ssi_kit-*.whl")
    return found


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A fresh venv holding only the wheel; the dependencies come from this venv's site-packages (no download)."""
    where = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(where)], check=True, timeout=120)
    python = where / "bin" / "python"
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                     where).stdout.strip())
    # A plain path line: this venv's packages become visible, its editable ssi-kit (a .pth) does not.
    (site / "_project_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    installed = _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--quiet",
                      str(wheel)], where)
    assert installed.returncode == 0, installed.stderr[-2000:]
    return where


def test_wheel_ships_lessons_data_and_the_command(venv, tmp_path):
    """Installed from the wheel, `ssi-kit lessons DEST` copies every lesson, and the package finds its data."""
    dest = tmp_path / "mis_lecciones"
    result = _run([str(venv / "bin" / "ssi-kit"), "lessons", str(dest)], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "copiadas" in result.stdout
    shipped = sorted(p.name for p in (ROOT / "lessons").glob("*.ipynb"))
    assert sorted(p.name for p in dest.glob("*.ipynb")) == shipped
    code = ("import ssi_kit, ssi_kit._resources as r; print(ssi_kit.__file__); "
            "print(r.data_path('acciones.csv')); print(r.lessons_dir())")
    where = _run([str(venv / "bin" / "python"), "-c", code], tmp_path)
    assert where.returncode == 0, where.stderr
    for line in where.stdout.split():  # the wheel's copy, not the checkout's
        assert Path(line).resolve().is_relative_to(venv.resolve()), line
    data = {p.name for p in (ROOT / "data").iterdir() if p.is_file()}
    assert data <= {p.name for p in Path(where.stdout.split()[1]).parent.iterdir()}


def test_copied_lesson_runs_in_the_installed_package(venv, tmp_path):
    """A lesson copied by the installed command executes top to bottom with a kernel of that venv."""
    dest = tmp_path / "lecciones"
    assert _run([str(venv / "bin" / "ssi-kit"), "lessons", str(dest)], tmp_path).returncode == 0
    python = str(venv / "bin" / "python")
    jupyter_path = tmp_path / "jupyter"
    env = {**os.environ, "JUPYTER_PATH": str(jupyter_path), "JUPYTER_DATA_DIR": str(jupyter_path),
           "SSI_KIT_HOME": str(tmp_path / "home")}
    env.pop("PYTHONPATH", None)
    kernel = _run([python, "-m", "ipykernel", "install", "--name", "python3", "--prefix", str(tmp_path / "k")],
                  tmp_path, env)
    assert kernel.returncode == 0, kernel.stderr
    spec = tmp_path / "k" / "share" / "jupyter" / "kernels" / "python3"
    (jupyter_path / "kernels").mkdir(parents=True)
    spec.rename(jupyter_path / "kernels" / "python3")
    argv = json.loads((jupyter_path / "kernels" / "python3" / "kernel.json").read_text(encoding="utf-8"))["argv"]
    assert Path(argv[0]).parent.parent == venv  # the kernel is this venv's Python
    executed = _run([python, "-m", "nbconvert", "--to", "notebook", "--execute",
                     "--ExecutePreprocessor.kernel_name=python3", "--output", "ejecutada.ipynb",
                     str(dest / LESSON)], tmp_path, env)
    assert executed.returncode == 0, executed.stderr[-3000:]
    notebook = json.loads((dest / "ejecutada.ipynb").read_text(encoding="utf-8"))
    errors = [o for c in notebook["cells"] for o in c.get("outputs", [])
              if o.get("output_type") == "error"  # a cell that shows a mistake on purpose says so
              and "raises-exception" not in c.get("metadata", {}).get("tags", [])]
    assert errors == []


def test_wheel_installs_the_jupyterlab_settings(venv, tmp_path):
    """Installing the wheel puts ssi-kit's JupyterLab defaults (no news prompt) in the env's overrides.d, enables
    its server extension, and `ssi-kit app`'s Voilà finds the upload limit in the installed package."""
    installed = venv / "share" / "jupyter" / "lab" / "settings" / "overrides.d" / "ssi-kit.json"
    assert installed.read_bytes() == (ROOT / "jupyter" / "overrides.json").read_bytes()
    server = venv / "etc" / "jupyter" / "jupyter_server_config.d" / "ssi-kit.json"
    assert server.read_bytes() == (ROOT / "jupyter" / "jupyter_server_config.json").read_bytes()
    settings = json.loads(installed.read_text(encoding="utf-8"))
    assert settings["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    code = ("from voila.app import Voila; from ssi_kit.cli import voila_options; app = Voila(); "
            "app.parse_command_line([o for o in voila_options() if 'config_file_paths' in o]); "
            "app.load_config_file('voila', path=app.config_file_paths); "
            "print(app.tornado_settings['websocket_max_message_size'])")
    limit = _run([str(venv / "bin" / "python"), "-c", code], tmp_path)
    assert limit.returncode == 0, limit.stderr
    assert int(limit.stdout) >= 50 * 2**20
