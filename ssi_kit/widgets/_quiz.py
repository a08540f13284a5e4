"""``quiz``: a short multiple-choice quiz that closes a lesson, checked with one button."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets

from .._checks import check_type
from .._i18n import tr
from ..exercises import Outcome, Question

__all__ = ["Quiz", "quiz"]


class Quiz(widgets.VBox):
    """Questions with radio buttons, a "Comprobar" button, a verdict per question and a score.

    Attributes
    ----------
    choices : list of ipywidgets.RadioButtons
        One per question; ``.index`` is the chosen option (None until one is chosen).
    verdicts : list of ipywidgets.HTML
    score : ipywidgets.HTML
    check_button : ipywidgets.Button
    """

    def __init__(self, questions: Sequence[Question]) -> None:
        self.questions = list(questions)
        self.choices: list[widgets.RadioButtons] = []
        self.verdicts: list[widgets.HTML] = []
        blocks = []
        for number, question in enumerate(self.questions, start=1):
            choice = widgets.RadioButtons(options=list(question.options), value=None,
                                          layout=widgets.Layout(width="auto"))
            verdict = widgets.HTML("")
            self.choices.append(choice)
            self.verdicts.append(verdict)
            prompt = widgets.HTML(f"<b>{number}.</b> {html.escape(question.prompt)}")
            blocks.append(widgets.VBox([prompt, choice, verdict], layout=widgets.Layout(margin="0 0 0.8em 0")))
        self.check_button = widgets.Button(description=tr("Comprobar", "Check"), button_style="primary")
        self.score = widgets.HTML("")
        self.check_button.on_click(self._on_check)
        super().__init__([*blocks, widgets.HBox([self.check_button, self.score])])
        self.add_class("ssi-quiz")

    def outcomes(self) -> list[Outcome]:
        """The verdict on each question for the current choices."""
        return [question.evaluate(choice.index) for question, choice in zip(self.questions, self.choices)]

    def check(self) -> int:
        """Show each verdict and the score; return how many are right."""
        outcomes = self.outcomes()
        for verdict, outcome in zip(self.verdicts, outcomes):
            verdict.value = outcome._repr_markdown_()
        right = sum(outcome.correct for outcome in outcomes)
        self.score.value = tr("<b>{right} de {n}</b> correctas", "<b>{right} of {n}</b> right",
                              right=right, n=len(outcomes))
        return right

    def _on_check(self, _button: Any) -> None:
        self.check()


def quiz(questions: Sequence[Question]) -> Quiz:
    """A multiple-choice quiz: leave it as a cell's last value, choose, press "Comprobar".

    Examples
    --------
    >>> from ssi_kit.exercises import Question
    >>> q = Question("¿2 + 2?", "2 + 2?", ("3", "4"), ("3", "4"), 1, "Suma.", "Add.")
    >>> w = quiz([q])
    >>> w.choices[0].index = 1
    >>> w.check()
    1
    """
    expected = tr("una lista de preguntas (Question)", "a list of questions (Question)")
    questions = check_type(questions, (list, tuple), name="questions", expected=expected)
    for question in questions:
        check_type(question, Question, name="questions", expected=expected)
    return Quiz(questions)
