"""How learner errors look: a short box in a notebook, the full traceback on request."""

from __future__ import annotations

from pathlib import Path

import pytest
from IPython.core.interactiveshell import InteractiveShell

import ssi_kit
from ssi_kit import SSI, SSIInputError, SSITypeError


@pytest.fixture
def shell():
    """A real IPython shell, like the one inside a notebook's kernel."""
    ipython = InteractiveShell.instance()
    yield ipython
    ssi_kit.show_tracebacks(False)


def _shown(shell, code: str, capsys) -> str:
    shell.run_cell(code)
    return capsys.readouterr().out


class TestRendering:
    def test_short_box_has_message_and_hint(self):
        """The rendering is the error's name, its message and, on its own line, the hint."""
        error = SSIInputError("El pilar «marca» debe estar entre 0 y 25; recibido 30.", hint="Mira la barra.")
        lines = error._render_traceback_()
        assert len(lines) == 2
        assert "SSIInputError" in lines[0] and "recibido 30" in lines[0]
        assert lines[1].endswith("→\x1b[0m Mira la barra.")

    def test_message_includes_hint_for_plain_python(self):
        """Outside IPython, str(error) still carries the hint."""
        error = SSITypeError("Se esperaba un SSI.", hint="Usa SSI.parse.")
        assert str(error) == "Se esperaba un SSI. Usa SSI.parse."
        assert error.message == "Se esperaba un SSI." and error.hint == "Usa SSI.parse."

    def test_notebook_shows_no_traceback(self, shell, capsys):
        """In IPython a learner's mistake prints the message only, not library source."""
        shell.run_cell("import ssi_kit")
        out = _shown(shell, "ssi_kit.SSI(30, 1, 1, 1)", capsys)
        assert "El pilar «marca» debe estar entre 0 y 25; recibido 30" in out
        assert "Traceback" not in out and "score.py" not in out and "__post_init__" not in out
        assert len(out.strip().splitlines()) <= 3

    def test_show_tracebacks_brings_them_back(self, shell, capsys):
        """ssi_kit.show_tracebacks(True) gives the full traceback for debugging."""
        shell.run_cell("import ssi_kit")
        ssi_kit.show_tracebacks(True)
        out = _shown(shell, "ssi_kit.SSI(30, 1, 1, 1)", capsys)
        assert "score.py" in out and "Traceback" in out
        ssi_kit.show_tracebacks(False)
        out = _shown(shell, "ssi_kit.SSI(30, 1, 1, 1)", capsys)
        assert "score.py" not in out

    def test_other_errors_keep_their_traceback(self, shell, capsys):
        """Only our errors are shortened: a learner's own bug still shows where it is."""
        out = _shown(shell, "1 / 0", capsys)
        assert "ZeroDivisionError" in out and "Traceback" in out

    def test_errors_are_value_and_type_errors(self):
        """Code written for ValueError / TypeError keeps working."""
        with pytest.raises(ValueError):
            SSI(30, 1, 1, 1)
        with pytest.raises(TypeError):
            ssi_kit.plot_ssi([1, 2, 3, 4])


def test_a_mistake_shows_as_a_short_message(shell, capsys):
    """A learner's mistake in code prints the Spanish message alone; lesson 00 says how to see the traceback."""
    import nbformat

    lesson = Path(__file__).resolve().parent.parent / "lessons" / "00_bienvenida.ipynb"
    nb = nbformat.read(lesson, as_version=4)
    assert any("show_tracebacks(True)" in c.source for c in nb.cells if c.cell_type == "markdown")
    shell.run_cell("import ssi_kit")
    capsys.readouterr()
    result = shell.run_cell('ssi_kit.SSI.parse("13,118; 30; 4,9; 9,877")')
    out = capsys.readouterr().out
    assert isinstance(result.error_in_exec, SSIInputError)
    assert "El pilar «personas» debe estar entre 0 y 25; recibido 30" in out
    assert "Traceback" not in out and len(out.strip().splitlines()) <= 2
