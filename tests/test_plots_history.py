"""plot_history: total, pillars and change over time, from load_history's table."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from ssi_kit import SSI, SSITypeError, read_linkedin_ssi
from ssi_kit._resources import data_path
from ssi_kit.history import describe_change, load_history, record
from ssi_kit.plots import plot_history


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    """Histories live in a temporary SSI_KIT_HOME."""
    monkeypatch.setenv("SSI_KIT_HOME", str(tmp_path))
    return tmp_path


def _weeks(*ssis):
    for i, ssi in enumerate(ssis):
        record(ssi, pd.Timestamp("2025-03-07") + pd.Timedelta(days=7 * i))
    return load_history()


class TestPlotHistory:
    def test_total_pillars_and_changes(self):
        """Trace 0 is the total, 3–6 the pillars, 7 the change at each snapshot after the first."""
        history = _weeks(SSI(10, 8, 5, 10), SSI(12.5, 8, 5, 10), SSI(12.5, 9, 5, 10))
        fig = plot_history(history)
        assert isinstance(fig, go.Figure)
        assert list(fig.data[0].y) == history["total"].tolist()
        assert list(fig.data[3].y) == history["brand"].tolist()
        assert list(fig.data[7].y) == history["total"].diff().dropna().round(3).tolist()
        assert fig.layout.title.subtitle.text == describe_change(history)

    def test_flat_week_says_no_change(self):
        """The same SSI two weeks running: the subtitle says «Sin cambios desde la semana pasada»."""
        fig = plot_history(_weeks(SSI(10, 8, 5, 10), SSI(10, 8, 5, 10)))
        assert fig.layout.title.subtitle.text == "Sin cambios desde la semana pasada"

    def test_industry_and_network_drawn_when_recorded(self):
        """A profile's industry and network averages appear as traces 1 and 2."""
        profile = read_linkedin_ssi(data_path("ssi_ejemplo.json"))
        record(profile, "2025-03-14")
        fig = plot_history(load_history())
        assert list(fig.data[1].y) == [profile.industry.overall]
        assert list(fig.data[2].y) == [profile.network.overall]

    def test_one_snapshot(self):
        """One snapshot draws markers and invites a second measurement."""
        fig = plot_history(_weeks(SSI(10, 8, 5, 10)))
        assert fig.data[0].mode == "markers"
        assert "Primera medición" in fig.layout.title.subtitle.text
        assert list(fig.data[7].y) == []

    def test_no_snapshot(self):
        """An empty history gives empty traces and a note on how to save one."""
        fig = plot_history()  # the saved history, not created yet
        assert all(len(trace.y) == 0 for trace in fig.data)
        assert "Guardar" in fig.layout.annotations[-1].text

    def test_spanish_decimal_separator(self):
        """Numbers on the figure use a decimal comma."""
        assert plot_history(_weeks(SSI(1, 1, 1, 1))).layout.separators == ", "

    def test_not_a_history(self):
        """Anything but a history table is refused with a hint to load_history."""
        with pytest.raises(SSITypeError, match="load_history"):
            plot_history("historial.sqlite")
