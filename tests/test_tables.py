"""show_table: what a learner sees of a table (headers, numbers), the data unchanged."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import ssi_kit
from ssi_kit import SSIInputError, SSITypeError, show_table


def _cells(styled) -> list[str]:
    return re.findall(r">([^<>]+)</t[dh]>", styled.to_html())


def test_spanish_headers_and_decimal_commas():
    """Known columns get Spanish headers; numbers get decimal commas and thousands dots."""
    frame = ssi_kit.degree_shares({1: 131, 2: 2905, 3: 5876})
    cells = _cells(show_table(frame, percent=["share"]))
    assert cells[:3] == ["Grado", "Personas", "Proporción"]
    assert "2.905" in cells and "1,47 %" in cells and "0.014699" not in " ".join(cells)


def test_english_headers():
    """Headers follow the language."""
    ssi_kit.set_language("en")
    assert _cells(show_table(pd.DataFrame({"score": [1.5]})))[:2] == ["Points", "1.5"]


def test_extra_headers_and_unknown_columns():
    """Extra headers are used; unknown columns keep their name."""
    cells = _cells(show_table(pd.DataFrame({"respuestas": [3], "x": ["a"]}), columns={"respuestas": "Respuestas"}))
    assert cells[:2] == ["Respuestas", "x"]


def test_missing_values_dates_and_booleans():
    """NA shows as a dash, dates as dd/mm/aaaa, booleans as sí/no."""
    frame = pd.DataFrame({"connected_on": [pd.Timestamp("2024-03-15"), pd.NaT], "decision_maker": [True, False]})
    cells = _cells(show_table(frame))
    assert "15/03/2024" in cells and "—" in cells and "sí" in cells and "no" in cells


def test_long_text_is_not_cut():
    """A long reason is shown whole."""
    text = "palabra " * 60
    assert text.strip() in show_table(pd.DataFrame({"reason": [text.strip()]})).to_html()


def test_data_unchanged():
    """The styled table holds the same data."""
    frame = pd.DataFrame({"score": [1.23456]})
    assert show_table(frame).data.equals(frame)


@pytest.mark.parametrize(("kwargs", "error"), [({"frame": [1]}, SSITypeError), ({"percent": ["nope"]}, SSIInputError),
                                               ({"decimals": -1}, SSIInputError), ({"columns": [1]}, SSITypeError)])
def test_mistakes(kwargs, error):
    """Wrong arguments give our errors."""
    arguments = {"frame": pd.DataFrame({"share": [0.5]}), **kwargs}
    with pytest.raises(error):
        show_table(**arguments)


def test_years_and_weeks_have_no_thousands_separator():
    """A year is 2012, not 2.012; a count in the same table still gets its separator."""
    cells = _cells(show_table(pd.DataFrame({"year": [2012], "connections": [12000]})))
    assert "2012" in cells and "12.000" in cells and "2.012" not in cells
