"""Tests of the projection figures: trajectory, before/after and plan comparison."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

import ssi_kit
from ssi_kit import SSI, SSIInputError, SSITypeError
from ssi_kit.plots import plot_before_after, plot_plans, plot_trajectory, update_trajectory_figure
from ssi_kit.simulation import best_plan, simulate

START = SSI(6, 6, 5, 8)


@pytest.fixture
def projection() -> pd.DataFrame:
    return simulate(START, ["publicar", "grupos"], 26)


def total_of(frame: pd.DataFrame) -> list[float]:
    return frame[frame.pillar == "total"].score.tolist()


class TestPlotTrajectory:
    def test_total_and_pillars_follow_the_projection(self, projection):
        """Trace 2 is the total, traces 3–6 the pillars in PILLARS order, week by week."""
        fig = plot_trajectory(projection)
        assert isinstance(fig, go.Figure)
        assert list(fig.data[2].y) == total_of(projection)
        assert list(fig.data[2].x) == list(range(27))
        for offset, pillar in enumerate(ssi_kit.PILLARS):
            assert list(fig.data[3 + offset].y) == projection[projection.pillar == pillar].score.tolist()
            assert fig.data[3 + offset].name == ssi_kit.pillar_label(pillar).capitalize()

    def test_band_drawn_only_when_asked(self, projection):
        """The band traces are empty without a band and hold low/high with one."""
        assert len(plot_trajectory(projection).data[0].y) == 0
        banded = simulate(START, ["publicar", "grupos"], 26, band=True)
        fig = plot_trajectory(banded)
        totals = banded[banded.pillar == "total"]
        assert list(fig.data[0].y) == totals.high.tolist()
        assert list(fig.data[1].y) == totals.low.tolist()
        assert fig.data[1].fill == "tonexty"

    def test_title_states_start_and_end(self, projection):
        """The default title gives the start and end totals with a decimal comma."""
        title = plot_trajectory(projection).layout.title.text
        expected_end = f"{total_of(projection)[-1]:.1f}".replace(".", ",")
        assert title.startswith("Proyección de tu SSI: de <b>25</b>") and expected_end in title

    def test_says_it_is_not_linkedins_formula(self, projection):
        """Every projection figure carries the caveat that this is not LinkedIn's formula."""
        for fig in (plot_trajectory(projection), plot_before_after(projection), plot_plans({"A": projection})):
            assert "no la fórmula de LinkedIn" in fig.layout.title.subtitle.text

    def test_accepts_a_best_plan(self):
        """A BestPlan is drawn from its projection."""
        plan = best_plan(START, 60, 12)
        assert list(plot_trajectory(plan).data[2].y) == total_of(plan.projection)

    def test_update_in_place(self, projection):
        """update_trajectory_figure changes the same figure's traces to a new projection."""
        fig = plot_trajectory(projection)
        other = simulate(START, ["desvirtualizar"], 10, band=True)
        update_trajectory_figure(fig, other)
        assert len(fig.data) == 7
        assert list(fig.data[2].y) == total_of(other)
        assert len(fig.data[0].y) == 11
        update_trajectory_figure(fig, projection)
        assert len(fig.data[0].y) == 0 and list(fig.data[2].y) == total_of(projection)

    def test_english(self, projection):
        """Titles follow the language."""
        ssi_kit.set_language("en")
        assert plot_trajectory(projection).layout.title.text.startswith("Your SSI projected")

    def test_rejects_non_projections(self):
        """An SSI is not a projection: the message points to simulate()."""
        with pytest.raises(SSITypeError, match=r"resultado de ssi_kit\.simulate"):
            plot_trajectory(START)

    def test_rejects_frames_without_the_columns(self):
        """A frame missing week/pillar/score or the total rows is refused."""
        with pytest.raises(SSIInputError, match="no parece una proyección"):
            plot_trajectory(pd.DataFrame({"week": [0], "score": [1.0]}))
        with pytest.raises(SSIInputError, match="no parece una proyección"):
            plot_trajectory(pd.DataFrame({"week": [0], "pillar": ["brand"], "score": [1.0]}))


class TestPlotBeforeAfter:
    def test_bars_are_week_zero_and_last_week(self, projection):
        """Trace 0 holds the start, trace 1 the last week, pillar by pillar."""
        fig = plot_before_after(projection)
        last = projection[projection.week == 26].set_index("pillar").score
        assert fig.data[0].y == START.as_tuple()
        assert list(fig.data[1].y) == [last[p] for p in ssi_kit.PILLARS]
        assert fig.data[1].name == "Semana 26"
        assert fig.layout.barmode == "group"


class TestPlotPlans:
    def test_one_line_per_plan_in_order(self):
        """Each plan is a line of its total, named as given, colours distinct."""
        a = simulate(START, ["publicar"], 26)
        b = best_plan(START, 150, 26)
        fig = plot_plans({"Solo publicar": a, "Mejor plan": b})
        assert [t.name for t in fig.data] == ["Solo publicar", "Mejor plan"]
        assert list(fig.data[1].y) == total_of(b.projection)
        assert fig.data[0].line.color != fig.data[1].line.color
        end = f"{total_of(b.projection)[-1]:.1f}".replace(".", ",")
        assert f"Mejor plan {end}" in fig.layout.title.text

    def test_bands_before_their_line(self):
        """A plan with a band adds a filled area just before its line."""
        fig = plot_plans({"A": simulate(START, ["publicar"], 12, band=True)})
        assert fig.data[0].fill == "toself" and fig.data[1].name == "A"

    def test_too_many_or_no_plans(self):
        """Between one and six plans."""
        one = simulate(START, [], 4)
        with pytest.raises(SSIInputError, match="entre 1 y 6 planes; recibidos 0"):
            plot_plans({})
        with pytest.raises(SSIInputError, match="recibidos 7"):
            plot_plans({str(i): one for i in range(7)})

    def test_list_instead_of_dict(self):
        """A list of projections (no names) gets a message showing the dict to write."""
        with pytest.raises(SSITypeError, match="diccionario nombre → proyección"):
            plot_plans([simulate(START, [], 4)])  # type: ignore[arg-type]

    def test_bad_plan_is_named(self):
        """A value that is not a projection is named by its key."""
        with pytest.raises(SSITypeError, match="«Plan B»"):
            plot_plans({"Plan A": simulate(START, [], 4), "Plan B": 3})
