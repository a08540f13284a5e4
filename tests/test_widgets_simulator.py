"""simulator driven headless: tick actions, move sliders, press buttons, assert on state and chart."""

from __future__ import annotations

import ast
import importlib
import inspect

import pandas as pd
import plotly.graph_objects as go
import pytest

import ssi_kit
from ssi_kit import SSI, SSIInputError, SSITypeError
from ssi_kit.actions import load_actions
from ssi_kit.plots import ERROR_COLOR
from ssi_kit.simulation import best_plan, simulate
from ssi_kit.widgets import simulator

START = SSI(6, 6, 5, 8)


@pytest.fixture
def widget():
    return simulator(START, actions=["publicar"])


def chart_total(widget) -> list[float]:
    return list(widget.figure.data[2].y)


def projected_total(ssi, ids, weeks, **options) -> list[float]:
    frame = simulate(ssi, ids, weeks=weeks, **options)
    return frame[frame.pillar == "total"].score.tolist()


def test_one_checkbox_per_action_weakest_pillar_first(widget):
    """Every catalog action has a checkbox; the weakest pillar's group is shown first."""
    assert set(widget.checkboxes) == set(load_actions().id)
    first_group = widget.children[0].children[0]
    assert "Información" in first_group.children[0].value  # insights (5) is START's weakest
    assert widget.checkboxes["publicar"].value and not widget.checkboxes["grupos"].value


def test_starts_with_the_projection_of_the_initial_plan(widget):
    """The chart and summary start from the given actions over 26 weeks."""
    assert isinstance(widget.figure, go.FigureWidget)
    assert chart_total(widget) == projected_total(START, ["publicar"], 26)
    assert "<b>1</b> acción, <b>1 h</b> a la semana" in widget.summary.value


def test_ticking_an_action_changes_the_chart_in_place(widget):
    """Ticking an action re-projects and updates the same FigureWidget."""
    figure = widget.figure
    before = chart_total(widget)
    widget.checkboxes["grupos"].value = True
    assert widget.value == ("publicar", "grupos")
    assert widget.figure is figure
    assert chart_total(widget) == projected_total(START, ["publicar", "grupos"], 26)
    assert chart_total(widget)[-1] > before[-1]


def test_weeks_slider_changes_the_horizon(widget):
    """Moving the weeks slider changes the number of points on the chart."""
    widget.weeks.value = 52
    assert len(chart_total(widget)) == 53
    assert "52 semanas" in widget.summary.value


def test_band_checkbox_draws_the_band(widget):
    """Ticking the band shows low/high around the total; unticking removes it."""
    widget.band.value = True
    banded = simulate(START, ["publicar"], weeks=26, band=0.8)
    assert list(widget.figure.data[0].y) == banded[banded.pillar == "total"].high.tolist()
    widget.band.value = False
    assert len(widget.figure.data[0].y) == 0


def test_best_plan_button_ticks_the_best_plan(widget):
    """The button ticks best_plan's actions for the budget and horizon, and draws it."""
    widget.budget.value = 90
    widget.best_button.click()
    plan = best_plan(START, 90, weeks=26)
    assert set(widget.value) == set(plan.actions)
    assert chart_total(widget)[-1] == plan.total
    assert widget.minutes == plan.minutes <= 90


def test_over_budget_is_flagged(widget):
    """A plan longer than the budget is said in the summary."""
    widget.budget.value = 30
    assert "Te pasas de tu tiempo en 30 min" in widget.summary.value
    widget.budget.value = 60
    assert "Te pasas" not in widget.summary.value


def test_clear_button_unticks_everything(widget):
    """«Quitar todo» leaves no action and projects the fading SSI."""
    widget.clear_button.click()
    assert widget.value == ()
    assert chart_total(widget) == projected_total(START, [], 26)


def test_value_setter_updates_once():
    """Setting .value ticks the ids and projects them."""
    widget = simulator(START)
    widget.value = ["debates", "grupos"]
    assert widget.value == ("grupos", "debates")
    assert chart_total(widget) == projected_total(START, ["grupos", "debates"], 26)


def test_english_labels():
    """Controls follow the language."""
    ssi_kit.set_language("en")
    widget = simulator(START)
    assert widget.best_button.description == "Best plan for my time"
    assert widget.checkboxes["publicar"].description.startswith("Publish regularly")


def test_accepts_text_profile_and_custom_catalog():
    """The start can be text or a profile; a small catalog without labels works."""
    assert simulator("6; 6; 5; 8").ssi == START
    assert simulator(ssi_kit.load_dataset("ssi_ejemplo")).ssi == ssi_kit.load_dataset("ssi_ejemplo").member
    catalog = pd.DataFrame({"id": ["a", "b"], "pillar": ["brand", "people"], "minutes": [10, 20], "effect": [1, 1]})
    widget = simulator(START, catalog=catalog, actions=["a"])
    assert set(widget.checkboxes) == {"a", "b"}
    assert chart_total(widget) == projected_total(START, catalog[catalog.id == "a"], 26)


def test_unknown_action():
    """An unknown id at the start gets simulate's message."""
    with pytest.raises(SSIInputError, match="¿Querías decir 'publicar'"):
        simulator(START, actions=["publica"])


@pytest.mark.parametrize("weeks", [0, -3, 600])
def test_bad_weeks(weeks):
    """The simulator needs at least one week and at most 520."""
    with pytest.raises(SSIInputError, match="«weeks» debe ser"):
        simulator(START, weeks=weeks)


@pytest.mark.parametrize("minutes", [-5, 2.5, "150", 10**400, 10_081])
def test_bad_budget(minutes):
    """The budget follows best_plan's rule: whole minutes between 0 and 10,080."""
    expected = "«minutes_per_week» debe ser un número entero de minutos por semana entre 0"
    with pytest.raises(SSIInputError, match=expected):
        simulator(START, minutes_per_week=minutes)


def test_best_plan_error_is_shown_not_swallowed():
    """When best_plan refuses (17 actions in one pillar), the button shows why in the summary."""
    catalog = pd.DataFrame({"id": [f"a{i}" for i in range(17)], "pillar": "brand", "minutes": 10, "effect": 0.2})
    widget = simulator(START, catalog=catalog, actions=["a0"])
    widget.best_button.click()
    assert "hasta 16 acciones por pilar" in widget.summary.value
    assert f"color:{ERROR_COLOR}" in widget.summary.value
    assert widget.value == ("a0",)  # the plan is left as it was


def test_callbacks_show_type_errors_too():
    """A state that makes simulate raise SSITypeError shows the message instead of raising."""
    widget = simulator(START)
    widget.ssi = 42  # type: ignore[assignment]
    widget.checkboxes["grupos"].value = True
    assert "«ssi» debe ser un SSI" in widget.summary.value


def test_over_budget_warning_is_escaped_error_html(widget):
    """The over-budget note uses the shared error colour."""
    widget.budget.value = 30
    assert f'<span style="color:{ERROR_COLOR}">Te pasas de tu tiempo' in widget.summary.value


def test_catalog_with_bad_rows():
    """A bad catalog is refused when the simulator is built, with the row named."""
    catalog = pd.DataFrame({"id": ["a"], "pillar": ["brand"], "minutes": ["20 min"], "effect": [1]})
    with pytest.raises(SSIInputError, match="fila 0: «minutes»"):
        simulator(START, catalog=catalog)
    with pytest.raises(SSITypeError, match="«catalog» debe ser un DataFrame"):
        simulator(START, catalog=3)  # type: ignore[arg-type]


def test_imports_no_private_names():
    """The widget uses named helpers of other modules (as_ssi, check_weeks…), never their private ones."""
    source = inspect.getsource(importlib.import_module("ssi_kit.widgets._simulator"))
    imported = [alias.name for node in ast.walk(ast.parse(source)) if isinstance(node, ast.ImportFrom)
                for alias in node.names]
    assert imported and not [name for name in imported if name.startswith("_")]
