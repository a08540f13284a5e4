"""Lesson 03's exercises: the course's search, the pyramid model, the best introducer."""

from __future__ import annotations

import pytest

import ssi_kit
from ssi_kit.datasets import load_dataset
from ssi_kit.exercises import lesson03
from ssi_kit.network import degree_shares, introducers, pyramid


class TestQ1SearchShare:
    def test_expected_is_the_library_share(self):
        """expected is the 1st degree's share of the course's search, in per cent."""
        share = float(degree_shares(lesson03.COURSE_SEARCH)["share"].iloc[0]) * 100
        assert lesson03.q1.expected == pytest.approx(share, abs=0.005)

    def test_spanish_ways_of_writing_it(self):
        """«1,47», «1,47 %» and 1,47 without quotes (with the note on the comma) are right."""
        whole, decimals = f"{lesson03.q1.expected:.2f}".split(".")
        assert lesson03.q1.check(f"{whole},{decimals}").correct
        assert lesson03.q1.check(f"{whole},{decimals} %").correct
        outcome = lesson03.q1.check((int(whole), int(decimals)))
        assert outcome.correct and "Python lee" in outcome.message

    def test_fraction_is_explained(self):
        """The fraction instead of the percentage gets a nudge to multiply by 100."""
        assert "multiplícala por 100" in lesson03.q1.check(lesson03.q1.expected / 100).message


class TestQ2SecondDegree:
    def test_expected_is_the_model(self):
        """expected is the pyramid's 2nd degree for 800 connections."""
        assert lesson03.q2.expected == int(pyramid(lesson03.Q2_CONNECTIONS)["count"].iloc[1])

    def test_thousands_as_a_spanish_speaker_writes_them(self):
        """57600, «57.600», «57 600» and 57,600 without quotes are the same count."""
        n = lesson03.q2.expected
        spanish = f"{n:,}".replace(",", ".")
        assert lesson03.q2.check(n).correct and lesson03.q2.check(spanish).correct
        assert lesson03.q2.check(spanish.replace(".", " ")).correct
        assert lesson03.q2.check((n // 1000, n % 1000)).correct

    def test_third_degree_is_named(self):
        """The 3rd degree's count is recognised as the wrong row."""
        third = int(pyramid(lesson03.Q2_CONNECTIONS)["count"].iloc[2])
        assert "3.er grado" in lesson03.q2.check(third).message


class TestQ3BestIntroducer:
    def test_table_tie_break_and_judge_agree(self):
        """Everyone tied at the top score of the table shown is accepted; the first row among them."""
        ranking = introducers(load_dataset("red_ejemplo"), "Yo", lesson03.TARGET)
        top = ranking[ranking["score"] == ranking["score"].max()]["introducer"].tolist()
        assert lesson03.q3.expected == top
        assert lesson03.q3.expected[0] == ranking["introducer"].iloc[0]
        for name in top:
            assert lesson03.q3.check(name).correct
            assert lesson03.q3.check(name.lower()).correct

    def test_lower_score_is_wrong(self):
        """Someone who can introduce you but scores lower is told someone shares more."""
        ranking = introducers(load_dataset("red_ejemplo"), "Yo", lesson03.TARGET)
        lower = ranking[ranking["score"] < ranking["score"].max()]["introducer"].iloc[0]
        assert "comparte más contactos" in lesson03.q3.check(lower).message

    def test_stranger_and_non_text(self):
        """Someone who cannot introduce you, or an answer without quotes, gets its own message."""
        assert "no puede presentarte" in lesson03.q3.check("Nicolás").message
        assert "comillas" in lesson03.q3.check(3).message

    def test_solution_names_the_tie(self):
        """The solution explains the tie and the tie-break the table uses."""
        message = lesson03.q3.solution_outcome().message
        assert "empatan" in message and all(name in message for name in lesson03.q3.expected)


def test_quiz_closes_the_lesson():
    """The lesson closes with a quiz of at least three questions, each with a valid answer."""
    assert len(lesson03.QUIZ) >= 3
    assert all(q.evaluate(q.answer).correct for q in lesson03.QUIZ)


def test_english():
    """Verdicts follow the language."""
    ssi_kit.set_language("en")
    assert "percentage" in lesson03.q1.check(lesson03.q1.expected / 100).message
