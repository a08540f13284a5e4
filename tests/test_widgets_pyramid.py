"""Tests of the pyramid explorer, driven headless: set controls, check the figure in place."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

import ssi_kit
from ssi_kit import SSIInputError
from ssi_kit.network import pyramid
from ssi_kit.plots import plot_pyramid
from ssi_kit.widgets import pyramid_explorer


def test_builds_with_defaults():
    """Four controls, a message and one FigureWidget showing the default pyramid on a log scale."""
    w = pyramid_explorer()
    assert isinstance(w.figure, go.FigureWidget)
    assert (w.first.value, w.avg_connections.value, w.overlap.value, w.log_scale.value) == (500, 400, 0.82, True)
    assert list(w.figure.data[0].x) == list(plot_pyramid(pyramid(500), log=True).data[0].x)
    assert "0,019 %" in w.message.value


def test_sliders_update_figure_in_place():
    """Moving a slider changes the same figure (not a new one) to the pyramid of the new values."""
    w = pyramid_explorer(500)
    figure, trace = w.figure, w.figure.data[0]
    w.first.value = 2000
    w.overlap.value = 0.5
    w.avg_connections.value = 300
    expected = plot_pyramid(pyramid(2000, avg_connections=300, overlap=0.5), log=True)
    assert w.figure is figure and w.figure.data[0] is trace and len(w.children) == 6
    assert list(w.figure.data[0].x) == list(expected.data[0].x)
    assert w.figure.layout.yaxis.ticktext == expected.layout.yaxis.ticktext
    assert "2.000 personas de 1.er grado" in w.message.value


def test_log_toggle():
    """The log toggle switches between log and linear widths."""
    w = pyramid_explorer(500)
    w.log_scale.value = False
    assert list(w.figure.data[0].x) == [500, 36_000, 2_592_000]
    w.log_scale.value = True
    assert w.figure.data[0].x[0] < 3


def test_english_labels():
    """Controls follow set_language."""
    ssi_kit.set_language("en")
    w = pyramid_explorer()
    assert w.first.description == "Your connections (1st degree)"
    assert w.log_scale.description == "Log scale"


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"first": 0}, "«first» debe estar entre 1 y 30.000"),
    ({"avg_connections": 5000}, "«avg_connections» debe estar entre 10 y 2000; recibido 5000. Es el rango del deslizador"),
    ({"overlap": 1.2}, "«overlap» debe estar entre 0 y 0,99"),
])
def test_bad_start_values(kwargs, match):
    """Starting values outside the sliders' ranges raise before any widget is built."""
    with pytest.raises(SSIInputError, match=match):
        pyramid_explorer(**kwargs)
