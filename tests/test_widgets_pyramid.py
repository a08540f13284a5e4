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
    ({"avg_connections": 5000},
     "«avg_connections» debe estar entre 10 y 2000; recibido 5000. Es el rango del deslizador"),
    ({"overlap": 1.2}, "«overlap» debe estar entre 0 y 0,99"),
])
def test_bad_start_values(kwargs, match):
    """Starting values outside the sliders' ranges raise before any widget is built."""
    with pytest.raises(SSIInputError, match=match):
        pyramid_explorer(**kwargs)


@pytest.mark.parametrize(("typed", "share", "shown"), [("50", 0.5, "50 %"), ("50 %", 0.5, "50 %"), ("0,3", 0.3, "30 %"),
                                                      ("0.3", 0.3, "30 %"), ("82%", 0.82, "82 %")])
def test_typed_overlap_agrees_with_readout(typed, share, shown):
    """What is typed in the overlap box is what the slider, the box and the chart show (not 99 % or 0 %)."""
    w = pyramid_explorer(500)
    w.texts["overlap"].value = typed
    assert w.overlap.value == pytest.approx(share)
    assert w.texts["overlap"].value == shown
    expected = plot_pyramid(pyramid(500, overlap=share), log=True)
    assert list(w.figure.data[0].x) == list(expected.data[0].x)


@pytest.mark.parametrize(("typed", "value"), [("1.500", 1500), ("1500", 1500), ("1 500", 1500), ("1,500", 1500)])
def test_typed_connections_with_thousands(typed, value):
    """«1.500» in the connections box is 1500 people, not 1."""
    w = pyramid_explorer(500)
    w.texts["first"].value = typed
    assert w.first.value == value and w.texts["first"].value == "1.500"
    assert "1.500 personas de 1.er grado" in w.message.value


@pytest.mark.parametrize("typed", ["150", "mucho", "-3"])
def test_bad_typed_value_keeps_last_and_says_why(typed):
    """A wrong value shows a message under the box; the slider and chart keep the last good value."""
    w = pyramid_explorer(500)
    before = list(w.figure.data[0].x)
    w.texts["overlap"].value = typed
    assert w.overlap.value == pytest.approx(0.82)
    assert "«Solapamiento» debe" in w.controls["overlap"].error.value  # the slider's label, not the argument
    assert list(w.figure.data[0].x) == before
    w.texts["overlap"].value = "60"
    assert w.controls["overlap"].error.value == ""


def test_slider_moves_box():
    """Dragging a slider rewrites its box in the learner's format."""
    w = pyramid_explorer(500)
    w.first.value = 12000
    w.overlap.value = 0.5
    assert w.texts["first"].value == "12.000" and w.texts["overlap"].value == "50 %"
