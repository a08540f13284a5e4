"""Lessons reach the library one way (issue 17 §3).

What a learner calls is in ``ssi_kit.__all__`` and is reached as ``ssi_kit.name`` or
``from ssi_kit import name``; widgets as ``from ssi_kit.widgets import name``; exercises as
``from ssi_kit.exercises import lessonNN``. No other path into the package (``ssi_kit.plots.x``,
``from ssi_kit.history import x``, ``from ssi_kit import relationships``…) appears in the code a
learner reads: the lessons' code cells, the README's ``python`` blocks and the code between
backticks in every exercise's hint and solution. Each piece is parsed with ``ast``, never run.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path

import nbformat
import pytest

import ssi_kit
import ssi_kit.widgets
from ssi_kit.exercises import Exercise

ROOT = Path(__file__).resolve().parents[1]
_CODE = re.compile(r"`([^`]+)`")
_PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```", flags=re.MULTILINE | re.DOTALL)
_EXERCISE_MODULES = sorted(p.stem for p in (ROOT / "ssi_kit" / "exercises").glob("lesson[0-9][0-9].py"))
_TEXTS = ("hint_es", "hint_en", "solution_es", "solution_en")
# ssi_kit's modules: a learner never holds one (``relationships.never_contacted`` in a hint is another way in).
_MODULES = {info.name for info in pkgutil.iter_modules(ssi_kit.__path__) if not info.name.startswith("_")}


def _without_magics(source: str) -> str:
    return "\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!")))


def _sources() -> list[tuple[str, str]]:
    """(where, code) for every piece of code a learner reads."""
    found = []
    for notebook in sorted((ROOT / "lessons").glob("*.ipynb")):
        for number, cell in enumerate(nbformat.read(notebook, as_version=4).cells):
            if cell.cell_type == "code":
                found.append((f"{notebook.name} cell {number}", _without_magics(cell.source)))
    for number, block in enumerate(_PYTHON_BLOCK.findall((ROOT / "README.md").read_text(encoding="utf-8"))):
        found.append((f"README.md python block {number}", block))
    for module in _EXERCISE_MODULES:
        lesson = importlib.import_module(f"ssi_kit.exercises.{module}")
        for name, exercise in sorted(vars(lesson).items()):
            if isinstance(exercise, Exercise):
                for text in _TEXTS:
                    for snippet in _CODE.findall(getattr(exercise, text)):
                        found.append((f"{module}.{name}.{text}: `{snippet}`", snippet))
    return found


def _fix(name: str) -> str:
    if name in _MODULES:
        return f"a module is no way in: use ssi_kit.<name> for each name used from {name}"
    if name in ssi_kit.__all__:
        return f"use ssi_kit.{name}"
    return f"add {name!r} to ssi_kit.__all__ (ssi_kit/__init__.py) and use ssi_kit.{name}"


def other_ways_in(code: str) -> list[str]:
    """Every path into ``ssi_kit`` in ``code`` other than the one way, each with what to write instead."""
    found = []
    tree = ast.parse(code)
    bound = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)}
    bound |= {node.arg for node in ast.walk(tree) if isinstance(node, ast.arg)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("ssi_kit.") or (alias.name == "ssi_kit" and alias.asname):
                    found.append(f"import {alias.name}{f' as {alias.asname}' if alias.asname else ''}: "
                                 "write import ssi_kit")
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "ssi_kit":
            for alias in node.names:
                name = alias.name
                if node.module == "ssi_kit":
                    ok = name in ssi_kit.__all__
                elif node.module == "ssi_kit.widgets":
                    ok = name in ssi_kit.widgets.__all__
                elif node.module == "ssi_kit.exercises":
                    ok = re.fullmatch(r"lesson\d\d", name) is not None and name in _EXERCISE_MODULES
                else:
                    ok = False
                if not ok:
                    found.append(f"from {node.module} import {name}: {_fix(name)}")
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "ssi_kit":
            if node.attr not in ssi_kit.__all__:
                found.append(f"ssi_kit.{node.attr}: {_fix(node.attr)}" if node.attr not in ("widgets", "exercises")
                             else f"ssi_kit.{node.attr}: write from ssi_kit.{node.attr} import …")
        elif (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in _MODULES
              and node.value.id not in bound):
            found.append(f"{node.value.id}.{node.attr}: {_fix(node.attr)}")
    return found


SOURCES = _sources()


def test_every_source_is_read():
    """The lessons, the README and the hints are all found (a broken search would make the rule vacuous)."""
    places = {where.split(" ")[0].split(".")[0] for where, _ in SOURCES}
    lessons = {p.stem for p in (ROOT / "lessons").glob("*.ipynb")}
    assert lessons <= places
    assert "README" in places
    assert set(_EXERCISE_MODULES) - {"lesson00"} <= places  # lesson00's hints show no code
    assert sum("hint" in where or "solution" in where for where, _ in SOURCES) >= 30


@pytest.mark.parametrize(("where", "code"), SOURCES, ids=[where.split(":")[0] for where, _ in SOURCES])
def test_one_way_into_the_library(where, code):
    """Code a learner reads reaches ssi_kit only as ssi_kit.name, from ssi_kit(.widgets) import name, or lessonNN."""
    try:
        wrong = other_ways_in(code)
    except SyntaxError as error:
        pytest.fail(f"{where}: not Python ({error.msg}); values a learner types go between «», not backticks")
    assert not wrong, f"{where}: " + "; ".join(wrong)


@pytest.mark.parametrize("code", [
    "ssi_kit.plots.plot_users()",
    "from ssi_kit.personal_plan import report",
    "from ssi_kit.linkedin_export import save_csv",
    "from ssi_kit import relationships",
    "import ssi_kit.history",
    "import ssi_kit as sk",
    "from ssi_kit.widgets import _controls",
    "from ssi_kit.exercises import Exercise",
    "ssi_kit.widgets.simulator()",
    "ssi_kit.course.LESSONS",
    "relationships.never_contacted(contactos, mensajes)",
])
def test_other_ways_in_are_found(code):
    """The check catches each kind of other path: submodule attribute, import, alias, private or unlisted name."""
    assert other_ways_in(code)


@pytest.mark.parametrize("code", [
    "import ssi_kit\nssi_kit.plot_pyramid(ssi_kit.pyramid(500))",
    "from ssi_kit import report, save_csv, LESSONS",
    "from ssi_kit.widgets import simulator, follow",
    "from ssi_kit.exercises import lesson02 as ej",
    "ej.q1.check(ssi_kit.plot_users())",
    "plans = ssi_kit.list_plans()\nplans.head()",
    "follow(datos, lambda history: history.tail())",
])
def test_the_one_way_passes(code):
    """The one way is accepted."""
    assert other_ways_in(code) == []
