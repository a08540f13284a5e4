"""Exercises that check a learner's answer, in the spirit of Kaggle's learntools.

Each lesson has a module (``ssi_kit.exercises.lesson01``…) declaring its exercises::

    from ssi_kit.exercises import lesson01 as ej
    ej.q1.check(mi_respuesta)   # coloured verdict in the notebook
    ej.q1.hint()
    ej.q1.solution()

An exercise is data (prompt, hint, solution) plus a pure ``judge`` function, so the checks
themselves are unit-tested.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from .._i18n import short_repr, tr
from ..errors import SSIInputError, SSITypeError
from ..plots import BLUE, ERROR_COLOR, GREEN, GREY

__all__ = ["NOT_ANSWERED", "Exercise", "Outcome", "answer_number"]


class _NotAnswered:
    """Placeholder for an answer the learner has not written yet (``____`` in lessons)."""

    def __repr__(self) -> str:
        return "____"


NOT_ANSWERED: Any = _NotAnswered()

Status = Literal["correct", "incorrect", "not_attempted", "hint", "solution"]
_COLORS = {"correct": GREEN, "incorrect": ERROR_COLOR, "not_attempted": BLUE, "hint": BLUE, "solution": GREY}


def answer_number(answer: Any) -> float | None:
    """A learner's numeric answer as a float, or None if it is not a finite number (text,
    a bool, NaN, a 400-digit integer...): judges then say "write a number"."""
    if isinstance(answer, bool) or not isinstance(answer, (int, float)):
        return None
    try:
        value = float(answer)
    except OverflowError:
        return None
    return value if math.isfinite(value) else None


@dataclass(frozen=True)
class Outcome:
    """The verdict on one answer: ``status`` and a message for the learner."""

    status: Status
    message: str

    @property
    def correct(self) -> bool:
        return self.status == "correct"

    def __bool__(self) -> bool:
        return self.correct

    def _title(self) -> str:
        return {
            "correct": tr("¡Correcto!", "Correct!"),
            "incorrect": tr("Todavía no", "Not yet"),
            "not_attempted": tr("Sin respuesta", "No answer yet"),
            "hint": tr("Pista:", "Hint:"),
            "solution": tr("Solución:", "Solution:"),
        }[self.status]

    def __str__(self) -> str:
        return f"{self._title()} {self.message}".strip()

    def _repr_markdown_(self) -> str:
        color = _COLORS[self.status]
        return f'<span style="color:{color}"><b>{self._title()}</b></span> {html.escape(self.message)}'

    def __repr__(self) -> str:
        return str(self)


@dataclass(frozen=True)
class Exercise:
    """One question with a judge for the learner's answer.

    Parameters
    ----------
    judge : callable
        ``judge(answer) -> str | None``: ``None`` when the answer is right, otherwise a short
        message in the current language saying what is off (not the solution).
    hint_es, hint_en, solution_es, solution_en : str
        What :meth:`hint` and :meth:`solution` show.
    """

    judge: Callable[[Any], str | None]
    hint_es: str
    hint_en: str
    solution_es: str
    solution_en: str
    praise_es: str = ""
    praise_en: str = ""
    attempts: list[Outcome] = field(default_factory=list, compare=False, repr=False)

    def evaluate(self, answer: Any) -> Outcome:
        """Judge ``answer`` without displaying anything."""
        if answer is NOT_ANSWERED or answer is None or answer is Ellipsis:
            return Outcome(
                "not_attempted",
                tr(
                    "Escribe tu respuesta en lugar de ____ y vuelve a ejecutar la celda.",
                    "Replace ____ with your answer and run the cell again.",
                ),
            )
        try:
            problem = self.judge(answer)
        except (SSIInputError, SSITypeError) as error:  # already a learner's message
            problem = error.message
        except Exception:  # any answer gets a verdict, whatever it makes the judge do
            problem = tr(
                "No pude revisar esa respuesta ({received}). Comprueba que es del tipo que pide la pregunta.",
                "I could not check that answer ({received}). Check it is the kind the question asks for.",
                received=short_repr(answer),
            )
        if problem is None:
            return Outcome("correct", tr(self.praise_es, self.praise_en))
        return Outcome("incorrect", problem)

    def check(self, answer: Any) -> Outcome:
        """Judge ``answer``; the returned verdict shows coloured in a notebook."""
        outcome = self.evaluate(answer)
        self.attempts.append(outcome)
        return outcome

    def hint(self) -> Outcome:
        """A nudge towards the answer."""
        return Outcome("hint", tr(self.hint_es, self.hint_en))

    def solution(self) -> Outcome:
        """The answer, explained."""
        return Outcome("solution", tr(self.solution_es, self.solution_en))
