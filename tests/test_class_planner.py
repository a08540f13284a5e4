"""class_planner driven headless: tick actions, move the weeks, assert on the chart and the summary."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

import ssi_kit
from ssi_kit import SSIInputError, SSITypeError, simulate_many
from ssi_kit._i18n import format_number
from ssi_kit.actions import load_actions
from ssi_kit.classroom import class_projection, latest_submissions, read_class, weakest_pillar
from ssi_kit.plots import ERROR_COLOR, plot_class_plan
from ssi_kit.plots._classroom import update_class_plan_figure
from ssi_kit.score import PILLARS, pillar_label
from ssi_kit.widgets import class_planner

PLAN = ["grupos", "debates"]


@pytest.fixture(scope="module")
def klass():
    return ssi_kit.load_dataset("clase_ejemplo")


@pytest.fixture
def widget(klass):
    return class_planner(klass, actions=PLAN, weeks=6)


def expected_totals(klass, ids, weeks):
    """What simulate_many gives for each alias's latest SSI: the totals by week, one list per learner."""
    ssis = latest_submissions(klass).set_index("student")[list(PILLARS)]
    frame = simulate_many(ssis, ids, weeks=weeks)
    return frame[frame["pillar"] == "total"].pivot(index="week", columns="learner", values="score")


def test_one_checkbox_per_action_weakest_pillar_first(widget, klass):
    """Every catalog action has a checkbox, ticked as asked; the class's weakest pillar's group comes first."""
    assert set(widget.checkboxes) == set(load_actions()["id"])
    assert widget.value == tuple(i for i in load_actions()["id"] if i in PLAN)
    first_title = widget.children[0].children[0].children[0].value
    assert pillar_label(weakest_pillar(klass)).capitalize() in first_title


def test_ticking_a_box_changes_the_same_figure(widget, klass):
    """Ticking an action re-projects the class into the same FigureWidget, and the mean goes up."""
    figure = widget.figure
    assert isinstance(figure, go.FigureWidget)
    before = list(figure.data[2].y)
    widget.checkboxes["publicar"].value = True
    assert widget.figure is figure
    after = list(figure.data[2].y)
    assert after != before and after[-1] > before[-1] and after[0] == pytest.approx(before[0])
    totals = expected_totals(klass, [*PLAN, "publicar"], 6)
    assert after == pytest.approx(totals.mean(axis=1).tolist())
    assert list(figure.data[1].y) == pytest.approx(totals.min(axis=1).tolist())
    assert list(figure.data[0].y) == pytest.approx(totals.max(axis=1).tolist())


def test_slider_changes_the_weeks_shown(widget):
    """Moving the weeks slider changes the chart's x range, in place."""
    figure = widget.figure
    assert list(figure.data[2].x) == list(range(7))
    widget.weeks.value = 20
    assert widget.figure is figure
    assert list(figure.data[2].x) == list(range(21))
    assert len(figure.data[0].y) == len(figure.data[1].y) == 21


def test_summary_numbers_are_simulate_many_s(widget, klass):
    """The summary's start and end means and the lowest person's end are simulate_many's, in Spanish."""
    widget.checkboxes["conversar_contactos"].value = True
    widget.weeks.value = 10
    totals = expected_totals(klass, [*PLAN, "conversar_contactos"], 10)
    text = widget.summary.value
    assert f"{format_number(totals.loc[0].mean(), 1)} → {format_number(totals.loc[10].mean(), 1)}" in text
    assert f"acabaría en <b>{format_number(totals.loc[10].min(), 1)}</b>" in text
    assert "en 10 semanas" in text and "Plan: 3 acciones" in text


def test_value_setter_ticks_the_boxes_and_redraws_once(widget, klass):
    """Setting .value ticks exactly those boxes and shows their projection."""
    widget.value = ["publicar"]
    assert widget.value == ("publicar",)
    assert list(widget.figure.data[2].y) == pytest.approx(expected_totals(klass, ["publicar"], 6).mean(axis=1).tolist())


def test_projection_is_class_projection(widget, klass):
    """The widget's projection is the one the dashboard and class_projection compute."""
    reference = class_projection(klass, PLAN, weeks=6)
    assert widget.projection.equals(reference)
    dashboard = ssi_kit.plots.class_dashboard(klass, actions=PLAN, weeks=6)["plan"]
    assert list(dashboard.data[2].y) == list(widget.figure.data[2].y)


def test_error_in_a_callback_is_shown(widget):
    """An error while re-projecting is shown in the summary in the error colour, not raised or swallowed."""
    widget.catalog = widget.catalog.assign(effect=float("nan"))  # a catalog broken after the start
    figure_y = list(widget.figure.data[2].y)
    widget.checkboxes["publicar"].value = True
    assert ERROR_COLOR in widget.summary.value
    assert list(widget.figure.data[2].y) == figure_y


def test_unknown_action_raises(klass):
    """An action id that is not in the catalog raises SSIInputError naming it."""
    with pytest.raises(SSIInputError, match="volar"):
        class_planner(klass, actions=["volar"])


def test_bad_arguments_raise_our_errors(klass):
    """Weeks out of range, a non-class or an empty class raise our errors."""
    with pytest.raises(SSIInputError):
        class_planner(klass, weeks=0)
    with pytest.raises(SSITypeError):
        class_planner(42)
    empty = read_class("alias;marca;personas;informacion;relaciones\nana;30;8;5;10\n")
    with pytest.raises(SSIInputError):
        class_planner(empty)


def test_update_class_plan_figure_refuses_other_figures(klass):
    """The in-place updater refuses a figure that is not plot_class_plan's."""
    projection = class_projection(klass, PLAN, weeks=4)
    with pytest.raises(SSIInputError):
        update_class_plan_figure(go.Figure(go.Bar(y=[1])), projection)
    with pytest.raises(SSITypeError):
        update_class_plan_figure("figura", projection)
    fig = plot_class_plan(projection)
    update_class_plan_figure(fig, class_projection(klass, [], weeks=2), title="Otro")
    assert fig.layout.title.text == "Otro" and list(fig.data[2].x) == [0, 1, 2]
