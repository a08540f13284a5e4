"""ssi_input driven headless: set control values, assert on state and on the figure."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

import ssi_kit
from ssi_kit import SSI
from ssi_kit.widgets import ssi_input


@pytest.fixture
def widget():
    return ssi_input(SSI(12.5, 8, 5.25, 10), industry=31)


def test_starts_from_initial(widget):
    """Controls, total and chart start at the initial SSI."""
    assert widget.value == SSI(12.5, 8, 5.25, 10)
    assert widget.sliders["insights"].value == 5.25
    assert widget.texts["brand"].value == "12,5"
    assert "Total: 36" in widget.total.value
    assert isinstance(widget.figure, go.FigureWidget)


def test_default_without_initial():
    """Without an initial SSI every pillar starts at 12,5."""
    assert ssi_input().value == SSI(12.5, 12.5, 12.5, 12.5)


def test_slider_updates_value_text_total_and_chart(widget):
    """Moving a slider changes the SSI, its text box, the total and the bars."""
    figure = widget.figure
    widget.sliders["brand"].value = 20
    assert widget.value == SSI(20, 8, 5.25, 10)
    assert widget.texts["brand"].value == "20"
    assert "Total: 43" in widget.total.value
    assert widget.figure is figure  # updated in place, never re-created
    assert figure.data[0].y[0] == 20
    assert figure.data[1].y[0] == 43.25


def test_text_accepts_decimal_comma(widget):
    """Typing '9,75' sets the pillar and moves its slider."""
    widget.texts["people"].value = "9,75"
    assert widget.value.people == 9.75
    assert widget.sliders["people"].value == 9.75
    assert widget.errors["people"].value == ""


def test_invalid_text_shows_error_and_keeps_last_value(widget):
    """Invalid text shows the Spanish error beside the box and keeps the last good value."""
    widget.texts["people"].value = "30"
    assert widget.value.people == 8
    assert "El pilar «personas» debe estar entre 0 y 25; recibido 30" in widget.errors["people"].value
    widget.texts["people"].value = "abc"
    assert "debe ser un número" in widget.errors["people"].value
    widget.texts["people"].value = "9"
    assert widget.errors["people"].value == ""
    assert widget.value.people == 9


def test_error_text_is_escaped(widget):
    """What a learner types is shown as text, never as HTML."""
    widget.texts["brand"].value = "<b>x</b>"
    assert "<b>x</b>" not in widget.errors["brand"].value
    assert "&lt;b&gt;" in widget.errors["brand"].value


def test_setting_value_moves_every_control(widget):
    """Assigning .value moves sliders, texts and the chart."""
    widget.value = SSI(1, 2, 3, 4)
    assert [widget.sliders[p].value for p in ssi_kit.PILLARS] == [1, 2, 3, 4]
    assert widget.figure.data[0].y == (1.0, 2.0, 3.0, 4.0)


def test_accepts_profile_and_text():
    """A profile brings its groups; text is parsed like SSI.parse."""
    from_profile = ssi_input(ssi_kit.load_dataset("ssi_ejemplo"))
    assert list(from_profile.figure.data[1].x) == ["Tú", "Sector", "Tu red"]
    assert ssi_input("1; 2; 3; 4").value == SSI(1, 2, 3, 4)


def test_error_never_squeezes_the_slider(widget):
    """A long error shows on its own line under the slider and its box, and the slider keeps its width."""
    widget.texts["people"].value = "x" * 300
    control = widget.controls["people"]
    row, error = control.children
    assert widget.sliders["people"] in row.children and widget.texts["people"] in row.children
    assert error is widget.errors["people"] and error not in row.children and error.value
    assert widget.sliders["people"].layout.flex == "0 0 auto"
    assert widget.sliders["people"].layout.width == "34em"


def test_slider_has_no_readout_of_its_own(widget):
    """The text box is the readout: the slider's own (which misreads 0,3) is hidden."""
    assert all(slider.readout is False for slider in widget.sliders.values())


def test_value_accepts_text(widget):
    """Assigning text to .value parses it like SSI.parse."""
    widget.value = "1; 2; 3; 4"
    assert widget.value == SSI(1, 2, 3, 4) and widget.texts["insights"].value == "3"


def test_bad_initial_is_our_error():
    """A wrong initial value is one of our errors."""
    with pytest.raises(ssi_kit.SSITypeError, match="«initial» debe ser un SSI"):
        ssi_input(42)


# --- the «Guardar» button: record the SSI shown in the history --------------------------------
@pytest.fixture
def history_home(tmp_path, monkeypatch):
    """The button's history goes to a temporary SSI_KIT_HOME, never the learner's real one."""
    monkeypatch.setenv("SSI_KIT_HOME", str(tmp_path))
    return tmp_path


def test_save_records_the_value_shown(widget, history_home):
    """Pressing «Guardar» records today's snapshot of the SSI shown and confirms it."""
    import datetime as dt

    from ssi_kit.history import load_history

    assert widget.save.description == "Guardar"
    widget.sliders["brand"].value = 20
    widget.save.click()
    history = load_history()
    assert history["date"].dt.date.tolist() == [dt.date.today()]
    assert history["total"].tolist() == [widget.value.total]
    assert "Guardado" in widget.saved.value and "Primera medición" in widget.saved.value


def test_save_keeps_the_profile_groups(history_home):
    """With a profile, the button also records the industry and network averages."""
    from ssi_kit.history import load_history

    profile = ssi_kit.read_linkedin_ssi(ssi_kit.data_path("ssi_ejemplo.json"))
    ssi_input(profile).save.click()
    row = load_history().iloc[0]
    assert (row["industry"], row["network"]) == (profile.industry.overall, profile.network.overall)


def test_save_shows_the_error_of_a_bad_history_file(tmp_path):
    """A history path that is not an ssi-kit file shows the Spanish error beside the button."""
    bad = tmp_path / "notas.sqlite"
    bad.write_text("mis notas\n" * 20)
    w = ssi_input(SSI(1, 2, 3, 4), history_path=bad)
    w.save.click()
    assert "no es un historial de ssi-kit" in w.saved.value
    assert bad.read_text() == "mis notas\n" * 20
