"""Lesson 00's exercise (text in quotes) and its quiz."""

from __future__ import annotations

import pytest

import ssi_kit
from ssi_kit.exercises import lesson00


class TestQ1:
    @pytest.mark.parametrize("answer", ["relaciones", "Relaciones", " RELACIONES ", "relationships"])
    def test_accepts_the_short_name(self, answer):
        """The short name of «Construir relaciones», any case, Spanish or English."""
        assert lesson00.q1.check(answer).correct

    def test_expected_comes_from_the_library(self):
        """expected is the library's short label of the relationships pillar."""
        assert lesson00.q1.expected == ssi_kit.pillar_label("relationships")
        assert lesson00.q1.expected in lesson00.q1.solution_outcome().message

    def test_another_pillar(self):
        """Another pillar's name says it is another pillar."""
        assert "otro pilar" in lesson00.q1.check("marca").message

    def test_not_text_asks_for_quotes(self):
        """A non-text answer is reminded that text goes in quotes."""
        assert "comillas" in lesson00.q1.check(25).message

    def test_english(self):
        """In English the verdicts and the expected name follow the language."""
        ssi_kit.set_language("en")
        assert lesson00.q1.expected == "relationships"
        assert "quotes" in lesson00.q1.check(3).message


def test_quiz_closes_the_lesson():
    """The lesson closes with a quiz whose questions have a valid answer each."""
    assert len(lesson00.QUIZ) >= 3
    assert all(q.evaluate(q.answer).correct for q in lesson00.QUIZ)
