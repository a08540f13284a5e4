"""Lesson 04 exercises: expected values computed by the library, answers read as a Spanish speaker writes them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ssi_kit
from ssi_kit.actions import load_actions
from ssi_kit.datasets import load_dataset
from ssi_kit.exercises import lesson04 as ej
from ssi_kit.messages import responsiveness, user_shares
from ssi_kit.score import pillar_label


def test_q1_is_the_catalogs_pillar_for_answering():
    """The pillar comes from the catalog's answering action; Spanish, English and unaccented names are accepted."""
    catalog = load_actions()
    pillar = catalog.loc[catalog["id"] == ej.ANSWER_ACTION, "pillar"].iloc[0]
    assert ej.q1.expected == pillar_label(pillar)
    for answer in (ej.q1.expected, ej.q1.expected.upper(), pillar):
        assert ej.q1.check(answer).correct
    assert ej.q1.check("informacion").correct == (pillar == "insights")
    wrong = "relaciones" if pillar != "relationships" else "marca"
    assert not ej.q1.check(wrong)


def test_q2_is_the_example_response_rate():
    """The expected rate is responsiveness() on the example; fraction, spam and draft slips get their own note."""
    result = responsiveness(load_dataset("mensajes_ejemplo"))
    expected = result.answered / result.received * 100
    assert ej.q2.expected == pytest.approx(expected)
    assert ej.q2.check(expected).correct
    assert ej.q2.check(f"{expected:g}".replace(".", ",")).correct
    assert "fracción" in ej.q2.check(expected / 100).message
    assert "spam" in ej.q2.check(result.answered / (result.received + 1) * 100).message
    assert "borrador" in ej.q2.check((result.answered + 1) / result.received * 100).message


def test_q2_tuple_answer():
    """A decimal typed with a comma and no quotes (a tuple for Python) is read as the number."""
    whole = int(ej.q2.expected)
    decimals = round((ej.q2.expected - whole) * 10)
    assert ej.q2.check((whole, decimals)).correct


@pytest.mark.parametrize("answer", ["responder", "Contestar", "no, gracias", "No gracias", "reply"])
def test_q3_answering_is_right(answer):
    """Answering (even «no, gracias») is the right reply to an unwanted legitimate offer, in either language."""
    assert ej.q3.check(answer).correct


@pytest.mark.parametrize(("answer", "word"), [("ignorar", "silencio"), ("bloquear", "legítima"),
                                              ("aceptar", "tiempo"), ("quizás", "comillas")])
def test_q3_other_replies_explain_why(answer, word):
    """Each wrong reply says why it is wrong; anything else lists the words to use."""
    assert word in ej.q3.check(answer).message


def test_q4_is_mexicos_course_share():
    """Mexico's share is computed from the course's figures, as a percentage."""
    shares = user_shares()
    expected = float(shares.loc[(shares["origin"] == "course") & (shares["region"] == "mexico"), "share"].iloc[0])
    assert ej.q4.expected == pytest.approx(expected * 100)
    assert ej.q4.check(str(ej.q4.expected).replace(".", ",")).correct
    assert "fracción" in ej.q4.check(expected).message


def test_hint_code_gives_the_expected_answers():
    """The code shown in the hints (between backticks) computes the expected answers after the lesson's setup."""
    import re

    scope: dict = {}
    exec("import ssi_kit\nmensajes = ssi_kit.load_dataset('mensajes_ejemplo')", scope)
    *statements, last = re.findall(r"`([^`]+)`", ej.q2.hint_es)[0].split("; ")
    exec("\n".join(statements), scope)
    assert eval(last, scope) == pytest.approx(ej.q2.expected)
    assert eval(re.findall(r"`([^`]+)`", ej.q4.hint_es)[0], scope) == pytest.approx(ej.q4.expected)


def test_solutions_show_computed_values():
    """Solutions hold the expected values as the learner reads them (decimal comma)."""
    assert "2,4" in ej.q4.solution_outcome().message
    assert ej.q3.expected in ej.q3.solution_outcome().message


@settings(max_examples=40, deadline=None)
@given(answer=st.one_of(st.none(), st.integers(), st.floats(), st.text(max_size=10), st.lists(st.integers()),
                        st.tuples(st.integers(), st.integers())))
def test_any_answer_gets_a_verdict(answer):
    """Whatever a learner types, each exercise answers with a verdict, never an exception."""
    for exercise in (ej.q1, ej.q2, ej.q3, ej.q4):
        assert exercise.check(answer).status in ("correct", "incorrect", "not_attempted")


def test_quiz_questions():
    """The quiz has questions with their answer marked and reasons in both languages."""
    assert len(ej.QUIZ) >= 3
    for question in ej.QUIZ:
        assert question.evaluate(question.answer).correct
        ssi_kit.set_language("en")
        try:
            assert question.prompt == question.prompt_en
        finally:
            ssi_kit.set_language("es")
