"""Tests of lesson 05's exercises: the judges, the expected values from the library, the code they show."""

from __future__ import annotations

import re

import pytest

import ssi_kit
from ssi_kit import relationships
from ssi_kit.exercises import lesson05 as ej
from ssi_kit.widgets import quiz


def test_q1_order_of_the_stages():
    """The ladder in order is right in Spanish or English, with or without the bare connection first."""
    assert ej.q1.expected == [s.key for s in relationships.STAGES[1:]]
    assert ej.q1.check(["interacción", "reconocimiento", "colaboración", "encuentro", "confianza"]).correct
    assert ej.q1.check(["connection", "interaction", "recognition", "collaboration", "call", "trust"]).correct
    assert not ej.q1.check(list(ej.SHUFFLED))
    assert "al revés" in ej.q1.check(ej.q1.expected[::-1]).message
    assert "cinco etapas" in ej.q1.check(["interaccion"]).message
    assert "etapa" in ej.q1.check(["amistad"]).message
    assert "corchetes" in ej.q1.check("interaccion").message


def test_q2_share_computed_by_the_library():
    """The expected share is the library's, read as a Spanish speaker writes it; a fraction is explained."""
    shares = relationships.never_contacted(ssi_kit.load_dataset("conexiones_ejemplo"), relationships.example_messages())
    expected = round(float(shares.loc[shares["year"] == ej.YEAR, "share"].iloc[0]) * 100, 1)
    assert ej.q2.expected == expected
    assert ej.q2.check(expected).correct
    assert ej.q2.check(str(expected).replace(".", ",")).correct
    assert "fracción" in ej.q2.check(expected / 100).message
    assert not ej.q2.check(expected + 5)


@pytest.mark.parametrize("answer", [0, 0.0, "0", "cero", "Nada", "zero"])
def test_q3_worth_zero(answer):
    """A connection never developed is worth 0, written as a number or a word."""
    assert ej.q3.check(answer).correct


def test_q3_other_values():
    """Any other value is not right."""
    assert not ej.q3.check(100)
    assert not ej.q3.check("mucho")


@pytest.mark.parametrize(("answer", "right"), [("encuentro", True), ("Llamada", True), ("meeting", True),
                                               ("confianza", False), ("interaccion", False), (3, False)])
def test_q4_after_collaboration(answer, right):
    """After collaboration comes meeting in person (or a call), not trust yet."""
    assert ej.q4.check(answer).correct is right


def test_code_in_hints_and_solutions_runs():
    """Every piece of code a hint or solution shows runs after the lesson's setup cells."""
    namespace = {"ssi_kit": ssi_kit, "relationships": relationships,
                 "contactos": ssi_kit.load_dataset("conexiones_ejemplo"),
                 "mensajes": relationships.example_messages()}
    snippets = []
    for exercise in (ej.q1, ej.q2, ej.q3, ej.q4):
        for outcome in (exercise.hint_outcome(), exercise.solution_outcome()):
            snippets += re.findall(r"`([^`]+)`", outcome.message)
    assert snippets
    for code in snippets:
        eval(code, namespace)


def test_quiz_answers():
    """The quiz closes the lesson and its right options score every point."""
    w = quiz(ej.QUIZ)
    for choice, question in zip(w.choices, ej.QUIZ):
        choice.index = question.answer
    assert w.check() == len(ej.QUIZ) >= 3
