"""The judges of lesson 02's exercises: right answers pass, predictable mistakes get a nudge."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given

import ssi_kit
from ssi_kit.actions import load_actions
from ssi_kit.exercises import NOT_ANSWERED
from ssi_kit.exercises import lesson02 as ej
from ssi_kit.simulation import best_plan, simulate

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
        """A wrong number (also as text) gets a generic nudge; a word asks for a number."""
        assert "No coincide" in ej.q2.evaluate(99.0).message
        assert "No coincide" in ej.q2.evaluate("41").message
        assert "Escribe un número" in ej.q2.evaluate("cuarenta").message

    def test_decimal_comma_is_read(self):
        """The total written with a decimal comma, as text or without quotes (a tuple), is right."""
        whole, decimals = f"{ej.q2.expected:.3f}".split(".")
        assert ej.q2.evaluate(f"{whole},{decimals}").correct
        outcome = ej.q2.evaluate((int(whole), int(decimals)))
        assert outcome.correct and "Python lee" in outcome.message

    def test_expected_is_the_simulated_total(self):
        """`expected` is what simulate() projects, not a typed figure."""
        assert abs(ej.q2.expected - total_at_end(ej.Q2_ACTIONS)) < 0.001

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
        """The solution shows the projected total the judge expects, with a decimal comma."""
        assert str(ej.q2.expected).replace(".", ",") in ej.q2.solution_outcome().message


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


class TestQ4SteadyBeatsBurst:
    def test_the_plan_that_ends_higher_passes(self):
        """The plan the model ends higher with (steady, computed by the library) is right, any case or language."""
        steady = total_at_end(ej.STEADY)
        burst = simulate(simulate(EXAMPLE, list(ej.BURST), weeks=ej.BURST_WEEKS), [], weeks=ej.WEEKS - ej.BURST_WEEKS)
        assert steady > float(burst.score.iloc[-1])  # the lesson's point: steady work wins in the model
        assert ej.q4.expected == "constante"
        assert ej.q4.evaluate("Constante").correct and ej.q4.evaluate(" steady ").correct

    def test_burst_gets_a_nudge(self):
        """Answering the burst asks what happens to a pillar once work stops."""
        outcome = ej.q4.evaluate("intensivo")
        assert outcome.status == "incorrect" and "dejas de trabajarlo" in outcome.message

    def test_other_words(self):
        """Anything else asks for one of the two keys."""
        assert "«constante» o «intensivo»" in ej.q4.evaluate("ninguno").message
        assert "«constante» o «intensivo»" in ej.q4.evaluate(3).message


class TestQ5PillarOfAnAction:
    def test_the_catalogs_pillar_passes(self):
        """The pillar the catalog (from the course) gives the action is right, without accents or in English."""
        key = load_actions().set_index("id").pillar[ej.Q5_ACTION]
        assert ej.q5.evaluate(ssi_kit.pillar_label(key)).correct
        assert ej.q5.evaluate(ssi_kit.pillar_label(key).upper()).correct
        assert ej.q5.evaluate(key).correct
        assert ej.q5.expected == ssi_kit.pillar_label(key)

    def test_accents_are_optional(self):
        """«informacion» without the accent is read as «información»."""
        assert ej.q5.evaluate("informacion").correct

    def test_another_pillar(self):
        """Another pillar gets a nudge, a non-pillar the list of names."""
        assert ej.q5.evaluate("relaciones").status == "incorrect"
        assert "«marca»" in ej.q5.evaluate("grupos").message


class TestQuiz:
    def test_quiz_has_questions_with_valid_answers(self):
        """The closing quiz has at least three questions, each with its right option judged correct."""
        assert len(ej.QUIZ) >= 3
        for question in ej.QUIZ:
            assert question.evaluate(question.answer).correct
            assert not question.evaluate((question.answer + 1) % len(question.options)).correct


class TestProjectionAt:
    def test_rows_of_the_weeks_asked(self):
        """projection_at keeps only the weeks asked, every pillar and the total."""
        from ssi_kit.simulation import projection_at

        rows = projection_at(simulate(EXAMPLE, ["publicar"], weeks=6), [0, 6])
        assert rows.week.unique().tolist() == [0, 6] and len(rows) == 10

    def test_bad_weeks(self):
        """Text or a week out of range gets a learner's error."""
        from ssi_kit.simulation import projection_at

        frame = simulate(EXAMPLE, weeks=2)
        with pytest.raises(ssi_kit.SSITypeError, match="lista de semanas"):
            projection_at(frame, "26")
        with pytest.raises(ssi_kit.SSIInputError, match="entre 0 y 520"):
            projection_at(frame, [600])

    def test_plan_actions_in_spanish(self):
        """plan_actions lists a plan's actions in its order, pillar and kind in Spanish."""
        from ssi_kit.actions import plan_actions

        table = plan_actions(["perfil_completo", "debates"])
        assert table.id.tolist() == ["perfil_completo", "debates"]
        assert table.kind.tolist() == ["una vez", "semanal"] and table.pillar.iloc[1] == "información"


@pytest.mark.parametrize("exercise", [ej.q1, ej.q2, ej.q3, ej.q4, ej.q5])
def test_every_exercise_has_hint_and_solution(exercise):
    """Each exercise offers a hint and a solution in Spanish."""
    assert exercise.hint_outcome().message and exercise.solution_outcome().message


def test_hints_write_weeks_by_name():
    """Hints and solutions show calls that work: weeks is passed by name."""
    for exercise in (ej.q2, ej.q3, ej.q4):
        for text in (exercise.hint_outcome().message, exercise.solution_outcome().message):
            if "simulate(" in text or "best_plan(" in text:
                assert "weeks=" in text and f", {ej.WEEKS})" not in text


@pytest.mark.parametrize("exercise", [ej.q1, ej.q2, ej.q3, ej.q4, ej.q5])
@given(answer=any_values)
def test_judges_give_any_answer_a_verdict(exercise, answer):
    """Whatever the answer, each judge returns a message or None; it never raises."""
    verdict = exercise.judge(answer)
    assert verdict is None or isinstance(verdict, str)
