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

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from .._html import NO_MATH, literal
from .._i18n import format_number, format_thousands, pick, short_repr, tr
from ..errors import SSIInputError, SSITypeError
from ..plots import BLUE, ERROR_COLOR, GREEN, GREY
from ..score import PILLAR_LABELS

__all__ = [
    "KEEP_LOOKING",
    "NOT_ANSWERED",
    "Exercise",
    "NumericExercise",
    "Outcome",
    "Question",
    "answer_number",
    "percent_answer",
    "read_name",
    "read_number",
    "read_pillar",
]


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
        # A verdict may quote the learner's answer: all literal. Hints and solutions are course
        # text whose `code` shows as code.
        message = _as_text(self.message, code=self.status in ("hint", "solution"))
        return f'<span style="color:{color}"><b>{self._title()}</b></span> ' + message

    def __repr__(self) -> str:
        return str(self)


def _as_text(message: str, *, code: bool) -> str:
    """``message`` as literal text (Markdown, HTML and maths left unread), with its `code` spans
    as ``<code>`` when ``code`` is true."""
    parts = message.split("`") if code else [message]
    if len(parts) % 2 == 0:  # an unpaired backtick stays text
        parts[-2:] = [parts[-2] + "`" + parts[-1]]
    shown = "".join(f"<code>{literal(part)}</code>" if i % 2 else literal(part) for i, part in enumerate(parts))
    return f'<span class="{NO_MATH}">{shown}</span>'


@dataclass(frozen=True)
class Exercise:
    """One question with a judge for the learner's answer.

    Parameters
    ----------
    judge : callable
        ``judge(answer) -> str | None``: ``None`` when the answer is right, otherwise a short
        message in the current language saying what is off (not the solution).
    hint_es, hint_en, solution_es, solution_en : str
        What :meth:`hint` and :meth:`solution` show. ``{expected}`` in them is replaced by
        :attr:`expected`, so no figure is typed by hand.
    praise_es, praise_en : str
        Said with a right answer: why it matters in the course.
    compute : callable, optional
        Computes the expected answer with the library (see :attr:`expected`).
    """

    judge: Callable[[Any], str | None]
    hint_es: str
    hint_en: str
    solution_es: str
    solution_en: str
    praise_es: str = ""
    praise_en: str = ""
    compute: Callable[[], Any] | None = None
    attempts: list[Outcome] = field(default_factory=list, compare=False, repr=False)

    @property
    def expected(self) -> Any:
        """The right answer, computed by the library (``None`` for open questions)."""
        return None if self.compute is None else self.compute()

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

    def _text(self, es: str, en: str) -> str:
        text = tr(es, en)
        return text.replace("{expected}", _shown(self.expected)) if "{expected}" in text else text

    def hint_outcome(self) -> Outcome:
        """The hint, as a value (what :meth:`hint` shows)."""
        return Outcome("hint", self._text(self.hint_es, self.hint_en))

    def solution_outcome(self) -> Outcome:
        """The solution, as a value (what :meth:`solution` shows)."""
        return Outcome("solution", self._text(self.solution_es, self.solution_en))

    def hint(self) -> None:
        """Show a nudge towards the answer (shown even if :meth:`solution` follows in the cell)."""
        _display(self.hint_outcome())

    def solution(self) -> None:
        """Show the answer, explained."""
        _display(self.solution_outcome())


def _display(outcome: Outcome) -> None:
    from IPython.display import display

    display(outcome)


def _shown(value: Any) -> str:
    """An expected value as the learner reads it: decimal comma, lists without quotes noise."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return format_thousands(value)
    if isinstance(value, float):
        return format_number(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(_shown(v) for v in value)
    return str(value)


# --- reading answers as a Spanish speaker writes them ----------------------------------------
_NUMBER_TEXT = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")


def read_number(answer: Any) -> tuple[float | None, str]:
    """A numeric answer and a note on how it was read.

    ``42.895``, ``"42,895"`` and ``"42.895"`` are 42.895. ``42,895`` typed without quotes is
    a tuple for Python, ``(42, 895)``: it is read as 42.895 too, and the note explains why
    Python needs a point. Anything else gives ``(None, "")``.

    >>> read_number((42, 895))[0]
    42.895
    """
    if isinstance(answer, tuple) and len(answer) == 2 and all(
            isinstance(part, int) and not isinstance(part, bool) and part >= 0 for part in answer):
        whole, decimals = answer
        value = answer_number(float(f"{whole}.{decimals}")) if whole < 10**15 and decimals < 10**15 else None
        note = tr(
            "Python lee {whole},{decimals} como dos números separados por la coma; lo he entendido como "
            "{value}. En Python los decimales van con punto: {whole}.{decimals}.",
            "Python reads {whole},{decimals} as two numbers separated by the comma; I took it as {value}. "
            "In Python decimals use a point: {whole}.{decimals}.",
            whole=whole, decimals=decimals, value=format_number(value or 0.0),
        ) if value is not None else ""
        return value, note
    if isinstance(answer, str):
        text = answer.strip().rstrip("%").strip()
        if _NUMBER_TEXT.fullmatch(text):
            return answer_number(float(text.replace(",", "."))), ""
        return None, ""
    return answer_number(answer), ""


def read_name(answer: Any) -> str | None:
    """A name or key as typed, compared without case, accents or surrounding spaces.

    >>> read_name("  Información ")
    'informacion'
    """
    if not isinstance(answer, str):
        return None
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", answer.strip().lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


KEEP_LOOKING = ""
"""What :func:`percent_answer` says when the answer is a number but neither right nor a fraction."""


def percent_answer(answer: Any, expected: float, *, tolerance: float = 0.05,
                   example: str = "12.5") -> tuple[str | None, float | None, str]:
    """The common part of judging a percentage: ``(verdict, value, note)``.

    ``verdict`` is ``None`` when the answer is right, a message when it is not a number or is
    the fraction instead of the percentage, and :data:`KEEP_LOOKING` otherwise: the judge then
    looks for its own predictable slips in ``value``. ``note`` explains a bare decimal comma.
    """
    value, note = read_number(answer)
    if value is None:
        return tr("Escribe un número, el porcentaje: por ejemplo {e}.", "Write a number, the percentage: e.g. {e}.",
                  e=example), None, note
    if math.isclose(value, expected, abs_tol=tolerance):
        return None, value, note
    if math.isclose(value * 100, expected, abs_tol=tolerance):
        return tr("Es la fracción; multiplícala por 100 para tener el porcentaje.",
                  "That is the fraction; multiply it by 100 to get the percentage."), value, note
    return KEEP_LOOKING, value, note


def read_pillar(answer: Any) -> str | None:
    """The pillar a learner names (key or short label, Spanish or English, any case, with or
    without accents), or None.

    >>> read_pillar("informacion")
    'insights'
    """
    name = read_name(answer)
    if name is None:
        return None
    for labels in PILLAR_LABELS.values():
        for key, label in labels.items():
            if name in (read_name(label), key):
                return key
    return None


# --- multiple-choice questions (the quiz that closes a lesson) -------------------------------
@dataclass(frozen=True)
class Question:
    """A multiple-choice question on the course's ideas.

    Parameters
    ----------
    prompt_es, prompt_en : str
        The question.
    options_es, options_en : tuple of str
        The choices, in the same order in both languages.
    answer : int
        Position of the right choice in ``options``.
    why_es, why_en : str
        Why that is the answer (shown after a right or wrong choice).
    """

    prompt_es: str
    prompt_en: str
    options_es: tuple[str, ...]
    options_en: tuple[str, ...]
    answer: int
    why_es: str
    why_en: str

    def __post_init__(self) -> None:
        if len(self.options_es) != len(self.options_en) or not 0 <= self.answer < len(self.options_es):
            raise ValueError("a question needs the same options in both languages and a valid answer")

    @property
    def prompt(self) -> str:
        return tr(self.prompt_es, self.prompt_en)

    @property
    def options(self) -> tuple[str, ...]:
        return pick(self.options_es, self.options_en)

    def evaluate(self, choice: int | None) -> Outcome:
        """The verdict on the option at position ``choice`` (``None``: nothing chosen yet)."""
        if choice is None:
            return Outcome("not_attempted", tr("Elige una opción.", "Pick an option."))
        if isinstance(choice, bool) or not isinstance(choice, int) or not 0 <= choice < len(self.options_es):
            return Outcome("incorrect", tr("Esa opción no existe.", "That option does not exist."))
        why = tr(self.why_es, self.why_en)
        return Outcome("correct", why) if choice == self.answer else Outcome("incorrect", why)


@dataclass(frozen=True)
class NumericExercise(Exercise):
    """An :class:`Exercise` with a number for answer: a right answer typed ``42,895`` without
    quotes (a tuple for Python) is accepted, and the verdict says how Python reads the comma.

    >>> ex = NumericExercise(lambda a: None if read_number(a)[0] == 1.5 else "no", "", "", "", "", "Bien.", "Good.")
    >>> "Python lee 1,5" in ex.evaluate((1, 5)).message
    True
    """

    def evaluate(self, answer: Any) -> Outcome:
        outcome = super().evaluate(answer)
        note = read_number(answer)[1]
        if note and outcome.status in ("correct", "incorrect") and note not in outcome.message:
            return Outcome(outcome.status, f"{outcome.message} {note}".strip())
        return outcome
