"""The judges of lesson 02's exercises: right answers pass, predictable mistakes get a nudge."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given

import ssi_kit
from ssi_kit.exercises import NOT_ANSWERED
from ssi_kit.exercises import lesson02 as ej
from ssi_kit.simulation import best_plan, load_actions, simulate

from .strategies import any_values

EXAMPLE = ssi_kit.load_dataset("ssi_ejemplo").member


def total_at_end(ids) -> float:
    frame = simulate(EXAMPLE, list(ids), weeks=ej.WEEKS)
    return float(frame[(frame.week == ej.WEEKS) & (frame.pillar == "total")].score.iloc[0])


class TestQ1WeakestPillarActions:
    def test_two_actions_of_the_weakest_pillar_pass(self):
        """Any two or more actions of the example's weakest pillar ('insights') are right."""
        insights = load_actions().query("pillar == 'insights'").id.tolist()
        assert ej.q1.evaluate(insights[:2]).correct
        assert ej.q1.evaluate(tuple(insights)).correct

    def test_action_of_another_pillar_is_named(self):
        """An action of another pillar is named in the message."""
        outcome = ej.q1.evaluate(["debates", "publicar"])
        assert outcome.status == "incorrect" and "'publicar'" in outcome.message

    def test_one_action_is_not_enough(self):
        """A single id (even as text) asks for at least two."""
        assert "al menos dos" in ej.q1.evaluate("debates").message

    def test_unknown_id_points_to_the_catalog(self):
        """A typo points to the catalog's id column."""
        assert "load_actions()" in ej.q1.evaluate(["debate", "uso_diario"]).message

    def test_not_a_list(self):
        """A number is answered with the shape of a list of ids."""
        assert "lista de ids" in ej.q1.evaluate(3).message

    @pytest.mark.parametrize("answer", [{"debates": 1}, np.array("debates"), ["debates", 3], b"debates"],
                             ids=["dict", "0-d array", "mixed", "bytes"])
    def test_odd_containers(self, answer):
        """A dict, a 0-d array, bytes or a list with a number get the list-of-ids nudge."""
        assert "lista de ids" in ej.q1.judge(answer)

    def test_series_and_arrays_of_ids(self):
        """A column of ids (Series or array) is a list of ids too."""
        insights = load_actions().query("pillar == 'insights'").id
        assert ej.q1.judge(insights) is None and ej.q1.judge(insights.to_numpy()) is None

    def test_placeholder_is_not_attempted(self):
        """The notebook's ____ placeholder counts as no answer yet."""
        assert ej.q1.evaluate(NOT_ANSWERED).status == "not_attempted"


class TestQ2Projection:
    def test_projected_total_passes(self):
        """The total simulate() gives at week 26 for the two actions is right (±0.05)."""
        expected = total_at_end(ej.Q2_ACTIONS)
        assert ej.q2.evaluate(expected).correct
        assert ej.q2.evaluate(round(expected, 1)).correct

    def test_week_zero_total(self):
        """Answering the starting total says to look at the last week."""
        assert "semana 0" in ej.q2.evaluate(EXAMPLE.total).message

    def test_doing_nothing_total(self):
        """Answering the idle projection asks whether both actions were passed."""
        assert "sin hacer nada" in ej.q2.evaluate(total_at_end([])).message

    def test_other_numbers_and_types(self):
        """A wrong number or a text gets a generic nudge."""
        assert "No coincide" in ej.q2.evaluate(99.0).message
        assert "Escribe un número" in ej.q2.evaluate("41").message

    @pytest.mark.parametrize("answer", [10**400, -(10**400), float("nan"), float("inf"), -1, 101],
                             ids=["huge", "huge-negative", "nan", "inf", "-1", "101"])
    def test_impossible_totals_get_a_verdict(self, answer):
        """Huge, negative or not-a-number answers get a verdict (0–100), never an OverflowError."""
        outcome = ej.q2.check(answer)
        assert outcome.status == "incorrect" and "de 0 a 100" in outcome.message

    def test_numpy_and_fractions_are_numbers(self):
        """A numpy number or a Fraction is judged like a float."""
        expected = total_at_end(ej.Q2_ACTIONS)
        assert ej.q2.evaluate(np.float32(expected)).correct
        assert ej.q2.evaluate(Fraction(expected)).correct
        assert "No coincide" in ej.q2.evaluate(np.int64(99)).message

    def test_solution_states_the_figure(self):
        """The solution shows the projected total the judge expects."""
        assert str(total_at_end(ej.Q2_ACTIONS)) in ej.q2.solution_outcome().message


class TestQ3BestPlan:
    def test_best_plan_passes(self):
        """best_plan's own answer for 90 min and 26 weeks is right."""
        plan = best_plan(EXAMPLE, ej.Q3_MINUTES, weeks=ej.WEEKS)
        assert ej.q3.evaluate(list(plan.actions)).correct

    def test_over_budget(self):
        """A plan longer than 90 minutes says by how much time."""
        message = ej.q3.evaluate(["publicar", "uso_diario"]).message
        assert "110 min" in message and "90" in message

    def test_fits_but_not_best(self):
        """A plan that fits but projects less says a better one exists, with its total."""
        outcome = ej.q3.evaluate(["publicar"])
        assert outcome.status == "incorrect"
        assert "hay un plan que llega más alto" in outcome.message

    def test_english(self):
        """Messages follow the language."""
        ssi_kit.set_language("en")
        assert "a plan exists that goes higher" in ej.q3.evaluate(["publicar"]).message


@pytest.mark.parametrize("exercise", [ej.q1, ej.q2, ej.q3])
def test_every_exercise_has_hint_and_solution(exercise):
    """Each exercise offers a hint and a solution in Spanish."""
    assert exercise.hint_outcome().message and exercise.solution_outcome().message


def test_hints_write_weeks_by_name():
    """Hints and solutions show calls that work: weeks is passed by name."""
    for text in (ej.q2.hint_outcome().message, ej.q2.solution_outcome().message, ej.q3.hint_outcome().message, ej.q3.solution_outcome().message):
        assert f"weeks={ej.WEEKS}" in text


@pytest.mark.parametrize("exercise", [ej.q1, ej.q2, ej.q3])
@given(answer=any_values)
def test_judges_give_any_answer_a_verdict(exercise, answer):
    """Whatever the answer, each judge returns a message or None; it never raises."""
    verdict = exercise.judge(answer)
    assert verdict is None or isinstance(verdict, str)
