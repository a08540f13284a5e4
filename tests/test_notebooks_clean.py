"""Lessons are committed clean: no outputs (except nbval's expected text), no widget state."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted((ROOT / "lessons").glob("*.ipynb"))

_spec = importlib.util.spec_from_file_location("notebooks_tool", ROOT / "scripts" / "notebooks.py")
notebooks_tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(notebooks_tool)


def test_lessons_exist():
    """Every lesson of the course is there."""
    names = {p.name for p in LESSONS}
    assert {"00_bienvenida.ipynb", "01_que_es_el_ssi.ipynb", "02_mejora_tu_ssi.ipynb",
            "03_piramide_de_relacion.ipynb"} <= names


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_is_clean_and_small(path):
    """A lesson holds no figures, widget state or stray outputs, and stays small."""
    nb = nbformat.read(path, as_version=4)
    assert notebooks_tool.problems(nb) == []
    assert path.stat().st_size < 100_000


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_uses_python3_kernel(path):
    """Lessons run on the default python3 kernel (the one in .venv)."""
    assert nbformat.read(path, as_version=4).metadata["kernelspec"]["name"] == "python3"


def test_check_tool_flags_outputs():
    """The cleaning check catches a figure output and widget state."""
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("1")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/plain": "x"})]
    nb.cells = [cell]
    nb.metadata["widgets"] = {}
    assert len(notebooks_tool.problems(nb)) == 2
    notebooks_tool.strip(nb)
    assert notebooks_tool.problems(nb) == []


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_check_cells_hold_their_expected_text(path):
    """Each lesson checks at least one key figure, and every checked cell stores the text nbval compares
    (without it the marker would compare nothing)."""
    nb = nbformat.read(path, as_version=4)
    checked = [cell for cell in nb.cells if notebooks_tool.is_check_cell(cell)]
    assert checked
    for cell in checked:
        assert notebooks_tool.kept_outputs(cell), cell.source.splitlines()[1]
        assert cell.metadata.get("keep_output") is True


def test_plumbing_cells_are_hidden_and_only_they():
    """Cleaning hides the code of a cell tagged "plumbing"; the check flags one shown, and code hidden untagged."""
    nb = nbformat.v4.new_notebook()
    setup = nbformat.v4.new_code_cell("import ssi_kit", metadata={"tags": ["plumbing"]})
    hidden = nbformat.v4.new_code_cell("x = 1", metadata={"jupyter": {"source_hidden": True}})
    shown = nbformat.v4.new_code_cell("ssi_kit.plot_ssi(x)")
    nb.cells = [setup, hidden, shown]
    assert notebooks_tool.problems(nb) == ["cell 0: plumbing cell with its code shown (run this script to hide it)",
                                           "cell 1: code hidden without the tag 'plumbing'"]
    notebooks_tool.strip(nb)
    assert setup.metadata["jupyter"] == {"source_hidden": True}
    assert "jupyter" not in shown.metadata
    nb.cells.remove(hidden)
    assert notebooks_tool.problems(nb) == []
