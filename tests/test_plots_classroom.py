"""Lesson 06 figures: the class at once, tested through their data."""

from __future__ import annotations

import pandas as pd
import pytest

import ssi_kit
from ssi_kit import SSIInputError, SSITypeError
from ssi_kit.classroom import class_progress, latest_submissions
from ssi_kit.datasets import load_dataset
from ssi_kit.plots import (
    plot_class_average,
    plot_class_distribution,
    plot_class_plan,
    plot_class_progress,
    plot_class_weakest,
    plot_leaderboard,
)

PILLARS = list(ssi_kit.PILLARS)


@pytest.fixture
def latest():
    return latest_submissions(load_dataset("clase_ejemplo"))


def _progress(n: int) -> pd.DataFrame:
    return pd.DataFrame({"student": [f"p{i}" for i in range(n)], "before": [30.0] * n,
                         "after": [30.0 + i for i in range(n)], "change": [float(i) for i in range(n)]})


class TestDistribution:
    def test_one_box_per_pillar_with_everyone(self, latest):
        """Four boxes in pillar order, each holding every student's latest value."""
        fig = plot_class_distribution(latest)
        assert [t.name for t in fig.data] == ["marca", "personas", "información", "relaciones"]
        for trace, pillar in zip(fig.data, PILLARS):
            assert list(trace.y) == latest[pillar].tolist()
        assert "24 personas" in fig.layout.title.text

    def test_bad_input(self, latest):
        """A table without the pillars or a non-text title gets our errors."""
        with pytest.raises(SSIInputError):
            plot_class_distribution(pd.DataFrame({"x": [1]}))
        with pytest.raises(SSITypeError):
            plot_class_distribution(latest, title=3)  # type: ignore[arg-type]


class TestAverage:
    def test_class_mean_beside_industry(self, latest):
        """The bars are the class's mean total and the industry figure given."""
        fig = plot_class_average(latest, industry=31)
        assert fig.data[0].y[0] == pytest.approx(latest["total"].mean(), abs=0.01)
        assert fig.data[0].y[1] == 31
        assert "," in fig.data[0].text[0] or fig.data[0].text[0].isdigit()  # decimal comma in Spanish

    def test_industry_out_of_range(self, latest):
        """An industry average outside 0–100 is refused."""
        with pytest.raises(SSIInputError):
            plot_class_average(latest, industry=101)


class TestProgress:
    def test_small_class_is_a_dumbbell_sorted_by_change(self):
        """Up to 40 people: before and after per alias, sorted by change."""
        progress = _progress(5).iloc[::-1]
        fig = plot_class_progress(progress)
        before, after = fig.data[1], fig.data[2]
        assert list(after.y) == ["p0", "p1", "p2", "p3", "p4"]
        assert list(after.x) == [30.0, 31.0, 32.0, 33.0, 34.0] and set(before.x) == {30.0}

    def test_large_class_is_a_histogram(self):
        """More than 40 people: a histogram of the changes."""
        fig = plot_class_progress(_progress(100))
        assert fig.data[0].type == "histogram" and len(fig.data[0].x) == 100

    def test_aliases_are_escaped(self):
        """An alias holding HTML is shown literally."""
        progress = _progress(1).assign(student=["<b>x</b>"])
        assert plot_class_progress(progress).data[2].y[0] == "&lt;b&gt;x&lt;/b&gt;"

    def test_empty_says_so(self):
        """Nobody with two measurements: the figure says it."""
        fig = plot_class_progress(class_progress(load_dataset("clase_ejemplo"), end="2025-02-04"))
        assert "Nadie" in fig.layout.annotations[0].text


class TestWeakest:
    def test_weakest_highlighted_and_named(self, latest):
        """The lowest mean is coloured apart and named in the title."""
        fig = plot_class_weakest(latest)
        means = [latest[p].mean() for p in PILLARS]
        lowest = means.index(min(means))
        colors = list(fig.data[0].marker.color)
        assert colors.count(colors[lowest]) == 1
        assert ssi_kit.pillar_label(PILLARS[lowest]) in fig.layout.title.text
        assert sum(fig.data[0].customdata) == len(latest)


class TestLeaderboard:
    def test_top_n_by_total(self, latest):
        """The ranking holds the top aliases, best first."""
        fig = plot_leaderboard(latest, top=3)
        best = latest.sort_values("total", ascending=False).head(3)
        assert list(fig.data[0].y) == best["student"].tolist()
        with pytest.raises(SSIInputError):
            plot_leaderboard(latest, top=0)


class TestPlan:
    def test_mean_and_range_per_week(self, latest):
        """The plan figure's line is the class mean total per week, inside the min–max band."""
        projection = ssi_kit.simulate_many(latest.set_index("student")[PILLARS], ["grupos"], weeks=4)
        fig = plot_class_plan(projection)
        totals = projection[projection["pillar"] == "total"].groupby("week")["score"]
        assert list(fig.data[2].y) == pytest.approx(totals.mean().tolist())
        assert all(lo <= m <= hi for lo, m, hi in zip(fig.data[1].y, fig.data[2].y, fig.data[0].y))

    def test_bad_input(self):
        """A table that is not simulate_many's result is refused."""
        with pytest.raises(SSIInputError):
            plot_class_plan(pd.DataFrame({"week": [0]}))
