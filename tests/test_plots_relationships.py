"""Tests of lesson 05's figures: the funnel of stages and the never-contacted share, checked via their data."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

import ssi_kit
from ssi_kit import SSIInputError, SSITypeError
from ssi_kit.plots import plot_funnel, plot_never_contacted
from ssi_kit.plots._relationships import update_funnel_figure
from ssi_kit.relationships import STAGES, add_contact, new_tracker, stage_counts


def _tracker():
    tracker = new_tracker()
    for name, stage in [("Ana", "confianza"), ("Luis", "conexion"), ("Eva", "conexion"), ("<b>Íñigo</b>", "encuentro")]:
        tracker = add_contact(tracker, name, stage=stage)
    return tracker


class TestFunnel:
    def test_one_bar_per_stage_in_order(self):
        """The funnel lists every stage of the ladder, top to bottom, with its count and a Spanish text."""
        fig = plot_funnel(_tracker())
        counts = stage_counts(_tracker())
        assert list(fig.data[0].y) == [s.label for s in STAGES]
        assert list(fig.data[0].x) == counts["count"].tolist()
        assert fig.data[0].text[0] == "2 personas" and fig.data[0].text[-1] == "1 persona"
        assert "4 personas" in fig.layout.title.text

    def test_counts_table_accepted(self):
        """The stage_counts table draws the same funnel as the tracker."""
        assert plot_funnel(stage_counts(_tracker())).data[0].x == plot_funnel(_tracker()).data[0].x

    def test_update_in_place(self):
        """Updating changes the same trace of the same FigureWidget to the new counts and title."""
        fig = go.FigureWidget(plot_funnel(new_tracker()))
        trace = fig.data[0]
        update_funnel_figure(fig, _tracker())
        assert fig.data[0] is trace
        assert list(fig.data[0].x) == list(plot_funnel(_tracker()).data[0].x)
        assert "4 personas" in fig.layout.title.text

    def test_english(self):
        """Labels follow the language."""
        ssi_kit.set_language("en")
        fig = plot_funnel(_tracker())
        assert fig.data[0].y[-1] == "Trust" and fig.data[0].text[0] == "2 people"

    def test_not_a_table(self):
        """A list instead of a table is a type error naming the tracker."""
        with pytest.raises(SSITypeError, match="tracker"):
            plot_funnel(["Ana"])


class TestNeverContacted:
    def _shares(self):
        return pd.DataFrame({"year": [2020, 2021], "connections": [10, 4], "never_contacted": [2, 3],
                             "share": [0.2, 0.75]})

    def test_bars_are_percentages_with_spanish_text(self):
        """Each year's bar is the share in percent, labelled with a decimal comma and marked as a proxy."""
        fig = plot_never_contacted(self._shares())
        assert list(fig.data[0].x) == [2020, 2021]
        assert list(fig.data[0].y) == [20.0, 75.0]
        assert list(fig.data[0].text) == ["20 %", "75 %"]
        assert "aproximación" in fig.layout.title.text
        assert fig.layout.separators == ", "

    def test_missing_columns(self):
        """A table without the share columns says which are missing."""
        with pytest.raises(SSIInputError, match="faltan las columnas"):
            plot_never_contacted(pd.DataFrame({"year": [2020]}))
