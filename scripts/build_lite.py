"""Build the experimental JupyterLite site: ``python scripts/build_lite.py [--output DIR] [--pyodide PATH]``.

The site (JupyterLab as static files, Python run in the browser by Pyodide) holds the lessons
and, bundled as piplite wheels, the pure-Python packages the lessons need beyond Pyodide's own:
plotly, narwhals, ipywidgets, anywidget, psygnal, platformdirs and ssi-kit itself (whose wheel
carries ``data/`` and ``lessons/``). The widget front-ends (jupyterlab_widgets, anywidget) are
copied from this environment's JupyterLab extensions.

Building needs no CDN: wheels come from pip (PyPI or ``PIP_FIND_LINKS``) once, then from the
cache folder ``build/lite-wheels/``. Running the site does: Pyodide itself and its compiled
packages (numpy, pandas) are fetched by the browser from cdn.jsdelivr.net unless ``--pyodide``
points at a full local Pyodide distribution (a ``pyodide-*.tar.bz2`` or its unpacked folder).
See docs/jupyterlite.md.

Needs the ``lite`` extra: ``pip install -e '.[lite]'`` (jupyterlite-core and
jupyterlite-pyodide-kernel 0.8).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LESSONS = ROOT / "lessons"
DEFAULT_OUTPUT = ROOT / "build" / "lite"
WHEEL_CACHE = ROOT / "build" / "lite-wheels"

#: Pure-Python distributions bundled into the site, at the versions installed here (the ones
#: the test suite passes with). psygnal also publishes compiled wheels: only its py3-none-any
#: one works in Pyodide, so every download asks for pure wheels. comm (needed by the kernel
#: itself) and jupyterlab_widgets (needed by ipywidgets) are not in Pyodide's own package set:
#: bundled, the site never asks pypi.org for them.
BUNDLED = ("plotly", "narwhals", "ipywidgets", "anywidget", "psygnal", "platformdirs", "comm", "jupyterlab_widgets")
OWN_NAME = "ssi_kit"
#: The Python inside Pyodide 314 (jupyterlite-pyodide-kernel 0.8): wheels must accept it.
PYODIDE_PYTHON = "3.14"


def _run(command: list[str], cwd: Path) -> None:
    """Run ``command``; on failure exit with its output (the caller reads why)."""
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        raise SystemExit(f"build_lite: failed: {' '.join(command)}")


def _wheel_name(distribution: str) -> str:
    """The file-name prefix of a distribution's wheels (``ssi-kit`` → ``ssi_kit``)."""
    return distribution.replace("-", "_").lower()


def pure_wheel(distribution: str, cache: Path) -> Path:
    """The py3-none-any wheel of ``distribution`` at the version installed here, downloaded once into ``cache``."""
    version = importlib.metadata.version(distribution)
    pattern = f"{_wheel_name(distribution)}-{version}-*none-any.whl"
    found = sorted(cache.glob(pattern))
    if not found:
        _run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
              "--platform", "any", "--implementation", "py", "--python-version", PYODIDE_PYTHON,
              "--dest", str(cache), f"{distribution}=={version}"], cwd=cache)
        found = sorted(cache.glob(pattern))
    if not found:
        raise SystemExit(f"build_lite: no pure-Python wheel of {distribution}=={version}")
    return found[-1]


def own_wheel(cache: Path) -> Path:
    """ssi-kit's wheel, rebuilt from this checkout every time (the lessons and data it ships change)."""
    for old in cache.glob(f"{OWN_NAME}-*.whl"):
        old.unlink()
    _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(cache), str(ROOT)], cwd=cache)
    (wheel,) = cache.glob(f"{OWN_NAME}-*.whl")
    return wheel


def wheels(cache: Path = WHEEL_CACHE) -> list[Path]:
    """Every wheel the site bundles: the pure-Python dependencies, then ssi-kit's own."""
    cache.mkdir(parents=True, exist_ok=True)
    return [pure_wheel(name, cache) for name in BUNDLED] + [own_wheel(cache)]


def build(output: Path = DEFAULT_OUTPUT, *, cache: Path = WHEEL_CACHE, pyodide: str = "",
          extra_wheels: tuple[Path, ...] = ()) -> Path:
    """Build the site into ``output`` (replaced if it exists) and return it.

    ``extra_wheels`` are more pure-Python wheels to bundle (for an offline experiment, say);
    ``pyodide`` is a local Pyodide distribution to serve from the site instead of the CDN.
    """
    bundled = wheels(cache) + [Path(w).resolve() for w in extra_wheels]
    output = output.resolve()
    if output.exists():
        shutil.rmtree(output)
    with tempfile.TemporaryDirectory(prefix="ssi-kit-lite-") as work:
        # jupyter lite keeps its task database in the "lite dir": a scratch folder, never the repository.
        command = [sys.executable, "-m", "jupyter", "lite", "build", "--lite-dir", work,
                   "--output-dir", str(output), "--contents", str(LESSONS)]
        for wheel in bundled:
            command += ["--piplite-wheels", str(wheel)]
        if pyodide and Path(pyodide, "pyodide.mjs").is_file():
            # An unpacked distribution goes where jupyter lite looks for one ("well-known" static/pyodide).
            shutil.copytree(pyodide, Path(work, "static", "pyodide"))
        elif pyodide:
            command += ["--pyodide", pyodide]
        _run(command, cwd=Path(work))
    return output


def summary(output: Path) -> str:
    """A few lines saying what the site holds (printed after building)."""
    lessons = sorted(p.name for p in (output / "files").glob("*.ipynb"))
    index = output / "pypi" / "all.json"
    packages = sorted(json.loads(index.read_text(encoding="utf-8"))) if index.exists() else []
    extensions = sorted(p.relative_to(output / "extensions").as_posix()
                        for p in (output / "extensions").glob("**/package.json"))
    return "\n".join([
        f"Sitio JupyterLite en {output}",
        f"  lecciones: {', '.join(lessons)}",
        f"  ruedas (piplite): {', '.join(packages)}",
        f"  extensiones: {', '.join(e.removesuffix('/package.json') for e in extensions)}",
        f"  pruébalo: {sys.executable} -m http.server -d {output} -b 127.0.0.1 8000",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="where the site goes (build/lite)")
    parser.add_argument("--pyodide", default="",
                        help="local Pyodide distribution to bundle instead of using the CDN: a pyodide-*.tar.bz2, "
                             "or an unpacked folder holding pyodide.mjs and pyodide-lock.json")
    parser.add_argument("--wheel", type=Path, action="append", default=[],
                        help="one more pure-Python wheel to bundle (repeat for several)")
    args = parser.parse_args(argv)
    pyodide = str(Path(args.pyodide).resolve()) if args.pyodide else ""
    print(summary(build(args.output, pyodide=pyodide, extra_wheels=tuple(args.wheel))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
