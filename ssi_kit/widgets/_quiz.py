"""``quiz``: a short multiple-choice quiz that closes a lesson, checked with one button.

Given a lesson (``quiz(ej)``, or ``quiz(questions, lesson="01")``), each question's latest
outcome is kept in the learner's progress under ``quiz1``, ``quiz2``…, and a question already
right shows its right option and «¡Correcto!» when the lesson is opened again.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import ModuleType
from typing import Any

import ipywidgets as widgets

from .._checks import check_type
from .._i18n import tr
from ..errors import SSITypeError
from ..exercises import Outcome, Question
from ._exercise import lesson_parts
from ._feedback import error_html
from ._outcomes import read_lesson, record, watch

__all__ = ["Quiz", "quiz", "quiz_key"]


def quiz_key(number: int) -> str:
    """The progress key of a quiz's question ``number`` (from 1): ``"quiz1"``, ``"quiz2"``…"""
    return f"quiz{number}"


class Quiz(widgets.VBox):
    """Questions with radio buttons, a "Comprobar" button, a verdict per question and a score.

    Attributes
    ----------
    choices : list of ipywidgets.RadioButtons
        One per question; ``.index`` is the chosen option (None until one is chosen).
    verdicts : list of ipywidgets.HTML
    score : ipywidgets.HTML
    check_button : ipywidgets.Button
    lesson : str or None
        Where each question's outcome is kept (``quiz1``, ``quiz2``… of that lesson); None keeps nothing.
    message : ipywidgets.HTML
        A problem with the progress file.
    """

    def __init__(self, questions: Sequence[Question], *, lesson: str | None = None) -> None:
        self.questions = list(questions)
        self.lesson = lesson
        self.choices: list[widgets.RadioButtons] = []
        self.verdicts: list[widgets.HTML] = []
        blocks = []
        for number, question in enumerate(self.questions, start=1):
            choice = widgets.RadioButtons(options=list(question.options), value=None,
                                          layout=widgets.Layout(width="auto"))
            verdict = widgets.HTML("")
            self.choices.append(choice)
            self.verdicts.append(verdict)
            prompt = widgets.HTML(f"<b>{number}.</b> {question.prompt_html()}")
            blocks.append(widgets.VBox([prompt, choice, verdict], layout=widgets.Layout(margin="0 0 0.8em 0")))
        self.check_button = widgets.Button(description=tr("Comprobar", "Check"), button_style="primary")
        self.score = widgets.HTML("")
        self.message = widgets.HTML("")
        self.check_button.on_click(self._on_check)
        super().__init__([*blocks, widgets.HBox([self.check_button, self.score]), self.message])
        self.add_class("ssi-quiz")
        if lesson is not None:
            self.refresh()
            watch(lesson, self)

    def outcomes(self) -> list[Outcome]:
        """The verdict on each question for the current choices."""
        return [question.evaluate(choice.index) for question, choice in zip(self.questions, self.choices)]

    def check(self) -> int:
        """Show each verdict and the score, keep each answered question's outcome; return how many are right."""
        outcomes = self.outcomes()
        problems = []
        for number, (verdict, outcome) in enumerate(zip(self.verdicts, outcomes), start=1):
            verdict.value = outcome.to_html()
            if self.lesson is not None and outcome.status in ("correct", "incorrect"):
                problems.append(record(self.lesson, quiz_key(number), outcome.status))
        self.message.value = next((error_html(p) for p in problems if p), "")
        right = sum(outcome.correct for outcome in outcomes)
        self._show_score(right)
        return right

    def _show_score(self, right: int) -> None:
        self.score.value = tr("<b>{right} de {n}</b> correctas", "<b>{right} of {n}</b> right",
                              right=right, n=len(self.questions))

    def refresh(self) -> None:
        """Show the kept progress: each question already right with its option and verdict, the rest empty."""
        outcomes, problem = read_lesson(self.lesson) if self.lesson is not None else ({}, "")
        right = 0
        for number, (question, choice, verdict) in enumerate(zip(self.questions, self.choices, self.verdicts),
                                                            start=1):
            if outcomes.get(quiz_key(number)) == "correct":
                choice.index = question.answer
                verdict.value = question.evaluate(question.answer).to_html()
                right += 1
            else:
                choice.index = None
                verdict.value = ""
        if outcomes:
            self._show_score(right)
        else:
            self.score.value = ""
        self.message.value = error_html(problem) if problem else ""

    def _on_check(self, _button: Any) -> None:
        self.check()


def quiz(questions: Sequence[Question] | ModuleType, *, lesson: str | None = None) -> Quiz:
    """A multiple-choice quiz: leave it as a cell's last value, choose, press "Comprobar".

    Parameters
    ----------
    questions : list of Question, or a lesson's exercise module
        The questions; given a lesson's module (``quiz(ej)``), its ``QUIZ``, kept under its lesson.
    lesson : str, optional
        Keep each question's outcome in the learner's progress under this lesson (``"01"``):
        ``quiz1``, ``quiz2``… A module gives its own.

    Returns
    -------
    Quiz

    Raises
    ------
    SSITypeError
        If ``questions`` is neither questions nor a lesson's module, or ``lesson`` is not text.

    Examples
    --------
    >>> from ssi_kit.exercises import Question
    >>> q = Question("¿2 + 2?", "2 + 2?", ("3", "4"), ("3", "4"), 1, "Suma.", "Add.")
    >>> w = quiz([q])
    >>> w.choices[0].index = q.answer  # the options show in a stable order of their own
    >>> w.check()
    1
    """
    if isinstance(questions, ModuleType):
        own, _exercises, questions = lesson_parts(questions, name="questions")
        lesson = own if lesson is None else lesson
    expected = tr("una lista de preguntas (Question) o el módulo de una lección",
                  "a list of questions (Question) or a lesson's module")
    check_type(questions, (list, tuple), name="questions", expected=expected)
    if not questions or not all(isinstance(q, Question) for q in questions):
        raise SSITypeError(tr("«questions» debe ser {e}; alguna no es una pregunta.",
                              "'questions' must be {e}; some item is not a question.", e=expected),
                           field="questions", received=questions)
    if lesson is not None:
        check_type(lesson, str, name="lesson", expected=tr("un texto, como «01»", "text, such as '01'"))
    return Quiz(questions, lesson=lesson)
