"""The package as a whole: language switch, datasets, lazy imports, typing marker."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import ssi_kit
from ssi_kit import SSIInputError, SSITypeError


def test_language_switch():
    """set_language changes labels; unknown languages are refused in Spanish."""
    ssi_kit.set_language("en")
    assert ssi_kit.get_language() == "en"
    assert ssi_kit.pillar_label("brand", full=True) == "Establish your professional brand"
    ssi_kit.set_language("es")
    assert ssi_kit.pillar_label("brand", full=True) == "Establecer tu marca profesional"
    with pytest.raises(SSIInputError, match="Idioma no disponible: 'fr'"):
        ssi_kit.set_language("fr")


def test_example_dataset():
    """The example SSI loads as a profile with both groups."""
    profile = ssi_kit.load_dataset("ssi_ejemplo")
    assert profile.member.rounded_total == 36
    assert profile.industry.top_percent == 28


def test_unknown_dataset_lists_the_available_ones():
    """A wrong dataset name lists the valid names."""
    with pytest.raises(SSIInputError, match=r"«name» debe ser uno de: .*ssi_ejemplo.*; recibido 'nada'"):
        ssi_kit.load_dataset("nada")


def test_dataset_given_data_says_so():
    """Passing a DataFrame to load_dataset explains it only takes a name."""
    import pandas as pd

    with pytest.raises(SSITypeError, match="solo recibe el nombre"):
        ssi_kit.load_dataset(pd.DataFrame())


def test_missing_data_file():
    """data_path names the missing file and lists what exists."""
    with pytest.raises(SSIInputError, match=re.escape("No existe el archivo de ejemplo 'x.csv'")):
        ssi_kit.data_path("x.csv")


def test_import_is_light():
    """import ssi_kit loads neither pandas, plotly nor ipywidgets (they load on first use)."""
    code = "import sys, ssi_kit; print(sorted(m for m in ('pandas', 'plotly', 'ipywidgets') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_exercises_import_without_plotly():
    """A lesson's exercises (checks, hints, feedback colours) load without plotly: it comes with the first chart."""
    lessons = sorted(p.stem for p in (Path(ssi_kit.__file__).parent / "exercises").glob("lesson*.py"))
    assert len(lessons) >= 7
    names = ", ".join(lessons)
    code = f"import sys; from ssi_kit.exercises import {names}; print('plotly' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_lazy_names_resolve():
    """Every public name, lazy or not, resolves."""
    for name in ssi_kit.__all__:
        assert getattr(ssi_kit, name) is not None


def test_unknown_attribute():
    """A typo in a name is a normal AttributeError."""
    with pytest.raises(AttributeError):
        ssi_kit.plot_sss  # noqa: B018


def test_ships_py_typed():
    """The package declares its type hints."""
    assert (Path(ssi_kit.__file__).parent / "py.typed").is_file()
