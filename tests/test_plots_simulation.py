"""Tests of the projection figures: trajectory, before/after and plan comparison."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ssi_kit
from ssi_kit import SSI, SSIInputError, SSITypeError
from ssi_kit._i18n import format_number
from ssi_kit.plots import plot_before_after, plot_plans, plot_trajectory
from ssi_kit.plots._simulation import update_trajectory_figure
from ssi_kit.score import LAGGARD_THRESHOLD, LEADER_THRESHOLD
from ssi_kit.simulation import best_plan, simulate, simulate_many

from .strategies import any_values

START = SSI(6, 6, 5, 8)


@pytest.fixture
def projection() -> pd.DataFrame:
    return simulate(START, ["publicar", "grupos"], weeks=26)


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
        banded = simulate(START, ["publicar", "grupos"], weeks=26, band=True)
        fig = plot_trajectory(banded)
        totals = banded[banded.pillar == "total"]
        assert list(fig.data[0].y) == totals.high.tolist()
        assert list(fig.data[1].y) == totals.low.tolist()
        assert fig.data[1].fill == "tonexty"

    def test_title_states_start_and_end(self, projection):
        """The default title gives the start and end totals with a decimal comma."""
        title = plot_trajectory(projection).layout.title.text
        expected_end = format_number(total_of(projection)[-1], 1)
        assert title.startswith("Proyección de tu SSI: de <b>25</b>") and expected_end in title

    def test_says_it_is_not_linkedins_formula(self, projection):
        """Every projection figure carries the caveat that this is not LinkedIn's formula."""
        for fig in (plot_trajectory(projection), plot_before_after(projection), plot_plans({"A": projection})):
            assert "no la fórmula de LinkedIn" in fig.layout.title.subtitle.text

    def test_accepts_a_best_plan(self):
        """A BestPlan is drawn from its projection."""
        plan = best_plan(START, 60, weeks=12)
        assert list(plot_trajectory(plan).data[2].y) == total_of(plan.projection)

    def test_update_in_place(self, projection):
        """update_trajectory_figure changes the same figure's traces to a new projection."""
        fig = plot_trajectory(projection)
        other = simulate(START, ["desvirtualizar"], weeks=10, band=True)
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

    def test_level_lines_are_linkedins_thresholds(self, projection):
        """The dotted lines sit at the leader and laggard thresholds of ssi_kit.score."""
        lines = sorted(shape.y0 for shape in plot_trajectory(projection).layout.shapes)
        assert lines == [LAGGARD_THRESHOLD, LEADER_THRESHOLD]

    def test_a_class_projection_asks_for_one_person(self):
        """simulate_many's frame (several rows per week and pillar) points to picking one learner."""
        many = simulate_many([START, START], weeks=3)
        with pytest.raises(SSIInputError, match="varias filas para una misma semana") as info:
            plot_trajectory(many)
        assert "learner" in info.value.hint

    def test_shuffled_rows_are_drawn_in_week_order(self, projection):
        """Row order does not matter: the lines go week by week."""
        shuffled = projection.sample(frac=1, random_state=0)
        assert list(plot_trajectory(shuffled).data[2].y) == total_of(projection)

    @pytest.mark.parametrize("change", [
        {"score": "alto"}, {"week": -1}, {"week": 2.5}, {"pillar": "ventas"}, {"score": np.nan},
        {"score": [1, 2]}, {"week": 10**400},
    ], ids=["text-score", "negative-week", "fractional-week", "unknown-pillar", "nan", "list", "huge-week"])
    def test_bad_cells_are_refused(self, projection, change):
        """A row without a valid week, pillar or number is named, not passed to plotly."""
        broken = projection.astype(object)
        column, value = next(iter(change.items()))
        broken.at[7, column] = value
        with pytest.raises(SSIInputError, match="la fila 7 no tiene una semana"):
            plot_trajectory(broken)


class TestUpdateTrajectoryFigure:
    def test_rejects_what_is_not_a_trajectory_figure(self, projection):
        """A non-figure, or a figure with other traces, gets our errors."""
        with pytest.raises(SSITypeError, match="«fig» debe ser una figura de plot_trajectory"):
            update_trajectory_figure("fig", projection)  # type: ignore[arg-type]
        with pytest.raises(SSIInputError, match="tiene 1 trazas y necesita 7"):
            update_trajectory_figure(plot_plans({"A": projection}), projection)

    def test_title_must_be_text(self, projection):
        """A title that is not text is a type error, in every plot."""
        for call in (lambda: plot_trajectory(projection, title=3), lambda: plot_before_after(projection, title=3),
                     lambda: plot_plans({"A": projection}, title=["x"])):
            with pytest.raises(SSITypeError, match="«title» debe ser un texto"):
                call()


class TestPlotBeforeAfter:
    def test_a_projection_that_does_not_start_at_week_zero(self, projection):
        """A slice of weeks 13–26 compares week 13 with week 26."""
        fig = plot_before_after(projection[projection.week >= 13])
        week_13 = projection[(projection.week == 13) & (projection.pillar != "total")]
        assert list(fig.data[0].y) == week_13.score.tolist()
        assert "en 13 semanas" in fig.layout.title.text

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
        a = simulate(START, ["publicar"], weeks=26)
        b = best_plan(START, 150, weeks=26)
        fig = plot_plans({"Solo publicar": a, "Mejor plan": b})
        assert [t.name for t in fig.data] == ["Solo publicar", "Mejor plan"]
        assert list(fig.data[1].y) == total_of(b.projection)
        assert fig.data[0].line.color != fig.data[1].line.color
        end = f"{total_of(b.projection)[-1]:.1f}".replace(".", ",")
        assert f"Mejor plan {end}" in fig.layout.title.text

    def test_bands_before_their_line(self):
        """A plan with a band adds a filled area just before its line."""
        fig = plot_plans({"A": simulate(START, ["publicar"], weeks=12, band=True)})
        assert fig.data[0].fill == "toself" and fig.data[1].name == "A"

    def test_too_many_or_no_plans(self):
        """Between one and six plans."""
        one = simulate(START, [], weeks=4)
        with pytest.raises(SSIInputError, match="entre 1 y 6 planes; recibidos 0"):
            plot_plans({})
        with pytest.raises(SSIInputError, match="recibidos 7"):
            plot_plans({str(i): one for i in range(7)})

    def test_list_instead_of_dict(self):
        """A list of projections (no names) gets a message showing the dict to write."""
        with pytest.raises(SSITypeError, match="diccionario nombre → proyección"):
            plot_plans([simulate(START, [], weeks=4)])  # type: ignore[arg-type]

    def test_bad_plan_is_named(self):
        """A value that is not a projection is named by its key."""
        with pytest.raises(SSITypeError, match="«Plan B»"):
            plot_plans({"Plan A": simulate(START, [], weeks=4), "Plan B": 3})

    def test_names_are_shown_literally(self, projection):
        """HTML typed in a plan's name is escaped in the legend and the title, never rendered."""
        fig = plot_plans({"<b>Yo</b> & <a href='x'>tú</a>": projection})
        assert fig.data[0].name == "&lt;b&gt;Yo&lt;/b&gt; &amp; &lt;a href='x'&gt;tú&lt;/a&gt;"
        assert "<b>Yo" not in fig.layout.title.text and "&lt;b&gt;Yo" in fig.layout.title.text
        assert fig.data[0].name not in fig.data[0].hovertemplate

    def test_names_that_are_not_text(self, projection):
        """Numbers as names work, a 5,000-digit one too."""
        fig = plot_plans({1: projection, 10**5000: projection})
        assert fig.data[0].name == "1" and "cifras" in fig.data[1].name

    @given(st.lists(st.tuples(any_values, any_values, any_values), min_size=0, max_size=6), any_values)
    def test_garbage_gets_only_our_errors(self, rows, value):
        """Any table or value given as a plan raises only SSIInputError/SSITypeError."""
        frame = pd.DataFrame(rows, columns=["week", "pillar", "score"], dtype=object)
        for plans in ({"A": frame}, {"A": value}, {value: frame} if isinstance(value, str) else {"B": frame}):
            try:
                plot_plans(plans)
            except (SSIInputError, SSITypeError):
                pass
