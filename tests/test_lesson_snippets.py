"""Every piece of code a hint or a solution shows runs as written after its lesson's setup cells.

Generic over the lessons: for each ``ssi_kit/exercises/lessonNN.py`` with a notebook
``lessons/NN_*.ipynb``, the notebook's code cells up to the one importing ``lessonNN`` are run
(cells tagged ``raises-exception`` and cells with an answer placeholder are skipped), then
every span between backticks in each exercise's hint and solution (with ``{expected}`` filled
in) is run in that namespace. Code in hints and solutions goes between backticks; values and
keys a learner types go between «» instead.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import re
from pathlib import Path
from typing import Any

import nbformat
import pytest

from ssi_kit.exercises import Exercise

ROOT = Path(__file__).resolve().parents[1]
LESSONS = ROOT / "lessons"
_CODE = re.compile(r"`([^`]+)`")


def _lessons() -> list[tuple[str, Path]]:
    found = []
    for module in sorted((ROOT / "ssi_kit" / "exercises").glob("lesson[0-9][0-9].py")):
        number = module.stem[-2:]
        notebooks = sorted(LESSONS.glob(f"{number}_*.ipynb"))
        if notebooks:
            found.append((module.stem, notebooks[0]))
    return found


def _setup_cells(notebook: Path, module: str) -> list[str]:
    cells = []
    for cell in nbformat.read(notebook, as_version=4).cells:
        if cell.cell_type != "code":
            continue
        if "raises-exception" in cell.metadata.get("tags", []):
            continue
        source = "\n".join(line for line in cell.source.splitlines() if not line.lstrip().startswith(("%", "!")))
        if re.search(r"=\s*____\s*$", source, flags=re.MULTILINE):
            continue
        cells.append(source)
        if re.search(rf"\bimport\s+{module}\b", source):
            return cells
    pytest.fail(f"{notebook.name} never imports ssi_kit.exercises.{module}")


def _exercises(module: str) -> list[tuple[str, Exercise]]:
    lesson = importlib.import_module(f"ssi_kit.exercises.{module}")
    return [(name, value) for name, value in sorted(vars(lesson).items()) if isinstance(value, Exercise)]


def _snippets() -> list[Any]:
    params = []
    for module, notebook in _lessons():
        for name, _ in _exercises(module):
            params.append(pytest.param(module, notebook, name, id=f"{module}.{name}"))
    return params


_NAMESPACES: dict[str, dict[str, Any]] = {}


def _namespace(module: str, notebook: Path) -> dict[str, Any]:
    """The lesson's variables after its setup cells (run once per lesson, in the lessons folder)."""
    if module not in _NAMESPACES:
        namespace: dict[str, Any] = {"__name__": "__lesson__"}
        cwd = os.getcwd()
        os.chdir(LESSONS)
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                for source in _setup_cells(notebook, module):
                    exec(compile(source, f"{notebook.name}", "exec"), namespace)
        finally:
            os.chdir(cwd)
        _NAMESPACES[module] = namespace
    return _NAMESPACES[module]


def test_every_lesson_with_exercises_is_covered():
    """Each exercise module that has a notebook is found (00, 01 and 03 at least)."""
    assert {"lesson00", "lesson01", "lesson03"} <= {module for module, _ in _lessons()}


@pytest.mark.parametrize(("module", "notebook", "name"), _snippets())
def test_hint_and_solution_code_runs(module, notebook, name):
    """Every backticked piece of code in a hint or solution runs in its lesson without an error."""
    exercise = dict(_exercises(module))[name]
    namespace = _namespace(module, notebook)
    for text in (exercise.hint_outcome().message, exercise.solution_outcome().message):
        for snippet in _CODE.findall(text):
            local = dict(namespace)
            cwd = os.getcwd()
            os.chdir(LESSONS)
            try:
                with contextlib.redirect_stdout(io.StringIO()):
                    exec(compile(snippet, f"{module}.{name}", "exec"), local)
            except Exception as error:  # the message names the snippet that failed
                pytest.fail(f"{module}.{name}: `{snippet}` fails after the lesson's setup: {error!r}")
            finally:
                os.chdir(cwd)

