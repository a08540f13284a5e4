"""Exercises that check a learner's answer, in the spirit of Kaggle's learntools.

Each lesson has a module (``ssi_kit.exercises.lesson01``…) declaring its exercises::

    from ssi_kit.exercises import lesson01 as ej
    ej.q1.check(mi_respuesta)   # coloured verdict in the notebook
    ej.q1.hint()
    ej.q1.solution()

An exercise is data (prompt, hint, solution) plus a pure ``judge`` function, so the checks
themselves are unit-tested. Each exercise also says what a widget needs to ask it without code
(its ``lesson`` and ``key``, its question, the ``kind`` of answer and the ``choices`` when there are
some); ``ssi_kit.widgets.exercise(ej.q1)`` shows it with a box or choices and the buttons
«Comprobar», «Pista» and «Solución», and :meth:`Exercise.evaluate_input` judges what comes from
that widget with the same judge.
"""

from __future__ import annotations

import hashlib
import html
import math
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import KW_ONLY, dataclass, field
from typing import Any, Literal

from .._html import NO_MATH, literal
from .._i18n import format_number, format_thousands, pick, short_repr, tr
from .._palette import BLUE, ERROR_COLOR, GREEN, GREY
from ..errors import SSIInputError, SSITypeError
from ..score import PILLAR_LABELS, PILLARS, pillar_label

__all__ = [
    "ANSWER_KINDS",
    "KEEP_LOOKING",
    "MODEL_LABEL_EN",
    "MODEL_LABEL_ES",
    "NOT_ANSWERED",
    "AnswerKind",
    "Choice",
    "Exercise",
    "NumericExercise",
    "Outcome",
    "Question",
    "answer_number",
    "percent_answer",
    "read_name",
    "read_number",
    "read_pillar",
    "read_typed",
    "tr_path",
    "unknown_pillar",
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

    def to_html(self) -> str:
        """The verdict as safe HTML: the coloured title, then the message as literal text (the
        `code` of a hint or a solution shows as code). What a notebook and the widgets show."""
        color = _COLORS[self.status]
        # A verdict may quote the learner's answer: all literal. Hints and solutions are course
        # text whose `code` shows as code.
        message = _as_text(self.message, code=self.status in ("hint", "solution"))
        return f'<span style="color:{color}"><b>{self._title()}</b></span> ' + message

    def _repr_markdown_(self) -> str:
        return self.to_html()

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


MODEL_LABEL_ES = "Ejercicio sobre el modelo de ssi-kit (no sobre LinkedIn)"
MODEL_LABEL_EN = "Exercise about ssi-kit's model (not about LinkedIn)"
"""The label of an exercise or question whose answer comes from ssi-kit's projection model."""


def _model_label_html() -> str:
    """The visible label of an exercise about ssi-kit's model, as safe HTML (a line of its own)."""
    return (f'<div class="ssi-about-model" style="color:{GREY};font-size:0.9em;font-style:italic">'
            f"{literal(tr(MODEL_LABEL_ES, MODEL_LABEL_EN))}</div>")


# --- what a widget needs to ask an exercise ---------------------------------------------------
AnswerKind = Literal["text", "number", "choice", "choices", "order"]
ANSWER_KINDS: tuple[str, ...] = ("text", "number", "choice", "choices", "order")
"""How an exercise is answered in its widget: a typed word (``text``), a typed number
(``number``, read as a Spanish speaker writes it: ``42,895``), one of its :class:`Choice`
(``choice``), several of them (``choices``, e.g. action ids) or all of them put in order
(``order``)."""

_ANSWER_BOX: ContextVar[bool] = ContextVar("ssi_kit_answer_box", default=False)


@contextmanager
def _answer_box() -> Iterator[None]:
    token = _ANSWER_BOX.set(True)
    try:
        yield
    finally:
        _ANSWER_BOX.reset(token)


def tr_path(code_es: str, code_en: str, box_es: str, box_en: str, /, **values: Any) -> str:
    """:func:`tr` with one text for an answer written in code and one for an answer from a widget.

    A judge says «entre comillas» or «ejecuta ssi_kit.load_actions()» to someone writing Python;
    to someone typing in a box (:meth:`Exercise.evaluate_input`) it says what to look at instead.

    >>> tr_path("Escribe 'sí' entre comillas.", "Write 'yes' in quotes.", "Escribe sí.", "Write yes.")
    "Escribe 'sí' entre comillas."
    """
    return tr(box_es, box_en, **values) if _ANSWER_BOX.get() else tr(code_es, code_en, **values)


def unknown_pillar(code_es: str, code_en: str) -> str:
    """What a judge says to an answer that names no pillar: ``code_*`` to code, the four short names to a box.

    >>> with _answer_box():
    ...     unknown_pillar("Entre comillas.", "In quotes.")
    'Escribe el nombre corto de un pilar: «marca», «personas», «información» o «relaciones».'
    """
    names = [f"«{pillar_label(pillar)}»" for pillar in PILLARS]
    return tr_path(code_es, code_en, "Escribe el nombre corto de un pilar: {names} o {last}.",
                   "Write a pillar's short name: {names} or {last}.", names=", ".join(names[:-1]), last=names[-1])


_QUOTES = {'"': '"', "'": "'", "«": "»", "“": "”", "‘": "’"}


def read_typed(text: Any) -> str:
    """What a learner typed in an answer box, trimmed, without one pair of quotes around it (a
    learner used to the code path may type ``"marca"`` with its quotes); not text gives ``""``.

    >>> read_typed('  "42,895" '), read_typed("«líder»"), read_typed(3)
    ('42,895', 'líder', '')
    """
    if not isinstance(text, str):
        return ""
    text = text.strip()
    if len(text) >= 2 and _QUOTES.get(text[0]) == text[-1]:
        text = text[1:-1].strip()
    return text


@dataclass(frozen=True)
class Choice:
    """One option of an exercise answered by choosing: what the learner reads and what the judge gets.

    Parameters
    ----------
    value : object
        What the judge receives when this option is chosen (a word it accepts, an action id…).
    label_es, label_en : str
        What the learner reads (``label_en`` empty: the Spanish one).
    group_es, group_en : str
        A heading the option is shown under (a pillar for actions); empty for none.

    Examples
    --------
    >>> Choice("no", "No").label
    'No'
    """

    value: Any
    label_es: str
    label_en: str = ""
    group_es: str = ""
    group_en: str = ""

    @property
    def label(self) -> str:
        return tr(self.label_es, self.label_en or self.label_es)

    @property
    def group(self) -> str:
        return tr(self.group_es, self.group_en or self.group_es)


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
    lesson, key : str, keyword-only
        Where the exercise lives: the lesson (``"01"``) and the question (``"q1"``); the widget
        keeps the learner's progress under them (:mod:`ssi_kit.progress`).
    prompt_es, prompt_en : str, keyword-only
        The question as the widget asks it (no code needed to answer).
    kind : {"text", "number", "choice", "choices", "order"}, keyword-only
        How the widget takes the answer (see :data:`ANSWER_KINDS`).
    choices : tuple of Choice, or a callable returning them, keyword-only
        The options of ``choice``, ``choices`` and ``order`` exercises (a callable when they come
        from a table, read when shown).
    facts : callable, keyword-only
        ``facts() -> {name: value}``: figures the library computes for the texts; ``{name}`` in
        the prompt, hint or solution is replaced by the value as a learner reads it.
    about_model : bool, keyword-only
        True when the answer comes from ssi-kit's projection model (a teaching model, not
        LinkedIn's): the widget says so with :data:`MODEL_LABEL_ES`.
    """

    judge: Callable[[Any], str | None]
    hint_es: str
    hint_en: str
    solution_es: str
    solution_en: str
    praise_es: str = ""
    praise_en: str = ""
    compute: Callable[[], Any] | None = None
    _: KW_ONLY
    lesson: str = ""
    key: str = ""
    prompt_es: str = ""
    prompt_en: str = ""
    kind: AnswerKind = "text"
    choices: tuple[Choice, ...] | Callable[[], Sequence[Choice]] = ()
    facts: Callable[[], Mapping[str, Any]] | None = None
    about_model: bool = False
    attempts: list[Outcome] = field(default_factory=list, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.kind not in ANSWER_KINDS:
            raise ValueError(f"kind must be one of {ANSWER_KINDS}, not {self.kind!r}")
        if (self.kind in ("choice", "choices", "order")) != bool(self.choices):
            raise ValueError("choices go with the kinds choice, choices and order, and only with them")

    @property
    def expected(self) -> Any:
        """The right answer, computed by the library (``None`` for open questions)."""
        return None if self.compute is None else self.compute()

    @property
    def prompt(self) -> str:
        """The question in the current language, its figures filled in."""
        return self._text(self.prompt_es, self.prompt_en)

    def prompt_html(self) -> str:
        """The question as safe HTML for a widget: literal text, its `code` (if any) as code, after
        the label of an exercise about ssi-kit's model (:attr:`about_model`)."""
        return (_model_label_html() if self.about_model else "") + _as_text(self.prompt, code=True)

    @property
    def options(self) -> tuple[Choice, ...]:
        """The choices, read now (empty for typed answers)."""
        return tuple(self.choices() if callable(self.choices) else self.choices)

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

    def evaluate_input(self, value: Any) -> Outcome:
        """Judge what the exercise's widget holds, with the same judge as :meth:`evaluate`.

        ``value`` is the typed text (``text`` and ``number``: ``"42,895"``, ``"informacion"``,
        quotes around it are dropped), the chosen value (``choice``; ``None`` for none), the
        chosen values (``choices``) or the value in each place (``order``; ``None`` for an
        empty place). Nothing typed or chosen says where to answer, and the judge's messages
        speak of the box instead of code (:func:`tr_path`).

        Examples
        --------
        >>> ex = Exercise(lambda a: None if read_number(a)[0] == 1.5 else "no", "", "", "", "", kind="number")
        >>> ex.evaluate_input(" 1,5 ").status, ex.evaluate_input("").message
        ('correct', 'Escribe tu respuesta en la casilla.')
        """
        answer: Any
        if self.kind in ("text", "number"):
            answer = read_typed(value)
            empty = tr("Escribe tu respuesta en la casilla.", "Write your answer in the box.")
        elif self.kind == "choice":
            answer = value
            empty = tr("Elige una opción.", "Pick an option.")
        elif self.kind == "choices":
            answer = list(value) if isinstance(value, (list, tuple)) else []
            empty = tr("Marca al menos una opción.", "Tick at least one option.")
        else:  # order
            answer = list(value) if isinstance(value, (list, tuple)) and None not in value else []
            empty = tr("Elige qué va en cada puesto.", "Choose what goes in each place.")
        if answer is None or (isinstance(answer, (str, list)) and not answer):
            return Outcome("not_attempted", empty)
        with _answer_box():
            return self.evaluate(answer)

    def check(self, answer: Any) -> Outcome:
        """Judge ``answer``; the returned verdict shows coloured in a notebook."""
        outcome = self.evaluate(answer)
        self.attempts.append(outcome)
        return outcome

    def _text(self, es: str, en: str) -> str:
        text = tr(es, en)
        if "{expected}" in text:
            text = text.replace("{expected}", self._shown_value(self.expected))
        if self.facts is not None and "{" in text:
            for name, value in self.facts().items():
                text = text.replace("{" + name + "}", _shown(value))
        return text

    def _shown_value(self, value: Any) -> str:
        """A value as the learner reads it: an option's label when the exercise has options."""
        labels = {repr(choice.value): choice.label for choice in self.options}
        if not labels:
            return _shown(value)
        values = value if isinstance(value, (list, tuple)) else [value]
        return ", ".join(labels.get(repr(v), _shown(v)) for v in values)

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


_PUNCTUATION = " .,;:!?¡¿\"'«»“”‘’()"


def read_name(answer: Any) -> str | None:
    """A name or key as typed, compared without case, accents, surrounding spaces or the
    punctuation around it (``"No."``, ``"¡Sí!"``).

    >>> read_name("  Información. "), read_name("¡No!")
    ('informacion', 'no')
    """
    if not isinstance(answer, str):
        return None
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", answer.strip().lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.strip(_PUNCTUATION).strip()


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
        english = "Write a number, the percentage: e.g. {e}."
        return tr_path("Escribe un número, el porcentaje: por ejemplo {e}.", english,
                       "Escribe un número, el porcentaje: por ejemplo {c}.", english,
                       e=example, c=example.replace(".", ",")), None, note
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

    The options are written with the right one anywhere (``answer`` says where); the question
    shows them in an order drawn from its prompt (the same every time, so a learner's progress
    and the tests stay stable), which spreads the right answers over the positions.
    After that, ``options_es``, ``options_en``, ``answer`` and ``wrong_*`` are in the order shown.

    Parameters
    ----------
    prompt_es, prompt_en : str
        The question.
    options_es, options_en : tuple of str
        The choices, in the same order in both languages.
    answer : int
        Position of the right choice in ``options`` (as written).
    why_es, why_en : str
        Why that is the answer: shown once the question is right.
    wrong_es, wrong_en : tuple of str, keyword-only
        For each option, why it is wrong, without giving the right one away ("" for the right
        option); empty: a general nudge.
    about_model : bool, keyword-only
        True when the answer comes from ssi-kit's projection model, not from the course.
    shuffle : bool, keyword-only
        False keeps the options in the order written (options such as «Sí» / «No»).

    Examples
    --------
    >>> q = Question("¿2 + 2?", "2 + 2?", ("3", "4"), ("3", "4"), 1, "Suma.", "Add.")
    >>> q.evaluate(q.answer).status, q.evaluate(1 - q.answer).message == "Suma."
    ('correct', False)
    """

    prompt_es: str
    prompt_en: str
    options_es: tuple[str, ...]
    options_en: tuple[str, ...]
    answer: int
    why_es: str
    why_en: str
    _: KW_ONLY
    wrong_es: tuple[str, ...] = ()
    wrong_en: tuple[str, ...] = ()
    about_model: bool = False
    shuffle: bool = True

    def __post_init__(self) -> None:
        n = len(self.options_es)
        if len(self.options_en) != n or not 0 <= self.answer < n:
            raise ValueError("a question needs the same options in both languages and a valid answer")
        if len(self.wrong_es) != len(self.wrong_en) or (self.wrong_es and len(self.wrong_es) != n):
            raise ValueError("wrong_es and wrong_en need one message per option")
        if not self.shuffle:
            return
        order = _shown_order(self.prompt_es, n, self.answer)
        object.__setattr__(self, "options_es", tuple(self.options_es[i] for i in order))
        object.__setattr__(self, "options_en", tuple(self.options_en[i] for i in order))
        if self.wrong_es:
            object.__setattr__(self, "wrong_es", tuple(self.wrong_es[i] for i in order))
            object.__setattr__(self, "wrong_en", tuple(self.wrong_en[i] for i in order))
        object.__setattr__(self, "answer", order.index(self.answer))
        object.__setattr__(self, "shuffle", False)  # a copy (dataclasses.replace) keeps this order

    @property
    def prompt(self) -> str:
        return tr(self.prompt_es, self.prompt_en)

    @property
    def options(self) -> tuple[str, ...]:
        return pick(self.options_es, self.options_en)

    def prompt_html(self) -> str:
        """The question as safe HTML, after the label of a question about ssi-kit's model."""
        return (_model_label_html() if self.about_model else "") + html.escape(self.prompt)

    def evaluate(self, choice: int | None) -> Outcome:
        """The verdict on the option at position ``choice`` (``None``: nothing chosen yet).

        A right choice says why it is right; a wrong one says why that option is wrong, not which
        one is right.
        """
        if choice is None:
            return Outcome("not_attempted", tr("Elige una opción.", "Pick an option."))
        if isinstance(choice, bool) or not isinstance(choice, int) or not 0 <= choice < len(self.options_es):
            return Outcome("incorrect", tr("Esa opción no existe.", "That option does not exist."))
        if choice == self.answer:
            return Outcome("correct", tr(self.why_es, self.why_en))
        if self.wrong_es and self.wrong_es[choice]:
            return Outcome("incorrect", tr(self.wrong_es[choice], self.wrong_en[choice]))
        return Outcome("incorrect", tr("Esa opción no encaja con lo que dice el curso. Vuelve a leer la pregunta y "
                                       "prueba otra.",
                                       "That option does not fit what the course says. Read the question again and "
                                       "try another."))


def _shown_order(key: str, n: int, answer: int) -> list[int]:
    """The order a question shows its ``n`` options in: the right one (``answer``) moves to a
    position drawn from ``key`` (its prompt), the others keep their written order around it.

    >>> order = _shown_order("¿2 + 2?", 3, 0)
    >>> sorted(order), order == _shown_order("¿2 + 2?", 3, 0)
    ([0, 1, 2], True)
    """
    place = int(hashlib.sha1(key.encode()).hexdigest(), 16) % n
    others = [i for i in range(n) if i != answer]
    return [*others[:place], answer, *others[place:]]


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
