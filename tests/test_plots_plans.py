"""plot_plan_vs_reality: the projection, its band and the recorded SSIs coloured by status."""

from __future__ import annotations

import pandas as pd
import pytest

from ssi_kit import SSI, SSIInputError, SSITypeError
from ssi_kit.plans import compare_plan, save_plan
from ssi_kit.plots import GREEN, plot_plan_vs_reality


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    """A plan of 12 weeks starting on Monday 6 January 2025."""
    return save_plan(["publicar", "grupos"], start="2025-01-06", ssi=SSI(6, 6, 5, 8), weeks=12,
                     path=tmp_path_factory.mktemp("plans") / "p.sqlite")


def _history(plan, values):
    """Snapshots at weeks 1, 2, 3: the given totals (None means the projected one)."""
    line = plan.projection[plan.projection["pillar"] == "total"].set_index("week")["score"]
    totals = [float(line[w + 1]) if v is None else v for w, v in enumerate(values)]
    return pd.DataFrame({"date": pd.to_datetime(["2025-01-13", "2025-01-20", "2025-01-27"]), "total": totals})


def test_projection_and_band_span_the_plan(plan):
    """Traces 0–2 hold the band and the projection, one point per week, dated from the start."""
    fig = plot_plan_vs_reality(plan, _history(plan, [None, None, None]))
    line = plan.projection[plan.projection["pillar"] == "total"]
    assert list(fig.data[2].y) == line["score"].tolist()
    assert list(fig.data[0].y) == line["high"].tolist() and list(fig.data[1].y) == line["low"].tolist()
    assert str(fig.data[2].x[0]) == "2025-01-06" and str(fig.data[2].x[-1]) == "2025-03-31"


def test_markers_split_by_status(plan):
    """Snapshots go to the above/inside/below traces as compare_plan classifies them."""
    history = _history(plan, [99.0, None, 1.0])
    fig = plot_plan_vs_reality(plan, history)
    comparison = compare_plan(plan, history)
    for trace, status in zip(fig.data[3:], ("above", "inside", "below")):
        assert list(trace.y) == comparison.loc[comparison["status"] == status, "total"].tolist()
    assert fig.data[3].marker.color == GREEN
    assert len({t.marker.color for t in fig.data[3:]}) == 3  # one colour per status
    assert "por debajo" in fig.layout.title.text  # the latest snapshot


def test_no_measurements(plan):
    """Without snapshots since the start the chart still draws the plan and says there are none."""
    fig = plot_plan_vs_reality(plan, pd.DataFrame({"date": pd.to_datetime([]), "total": []}))
    assert all(len(t.y) == 0 for t in fig.data[3:])
    assert "aún no hay medidas" in fig.layout.title.text


def test_spanish_separators_and_custom_title(plan):
    """Decimal comma in Spanish; a title given replaces the default one."""
    fig = plot_plan_vs_reality(plan, _history(plan, [None] * 3), title="Mi plan")
    assert fig.layout.separators == ", "
    assert fig.layout.title.text == "Mi plan"


def test_errors(plan):
    """A title that is not text, or a plan that is not saved, raise our errors."""
    with pytest.raises(SSITypeError):
        plot_plan_vs_reality(plan, _history(plan, [None] * 3), title=3)
    with pytest.raises(SSITypeError):
        plot_plan_vs_reality("plan", _history(plan, [None] * 3))
    with pytest.raises(SSIInputError):
        plot_plan_vs_reality(plan, pd.DataFrame({"fecha": [1]}))
