"""``exercise`` and ``exercises``: a lesson's exercises, answered without writing code.

Each exercise shows its question, a box or choices, and the buttons «Comprobar», «Pista» and
«Solución». The same judge as ``ej.q1.check(...)`` decides (through
:meth:`ssi_kit.exercises.Exercise.evaluate_input`), and each check, and each solution seen, is kept
in the learner's progress (:mod:`ssi_kit.progress`): coming back to the lesson shows what is
already solved. «Solución» opens after a first attempt, or after saying yes to «¿Ver la solución
sin intentarlo?».
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import ModuleType
from typing import Any

import ipywidgets as widgets

from .._checks import check_type
from .._html import escape, has_math, literal_block
from .._i18n import plural, tr
from .._palette import GREY
from ..errors import SSITypeError
from ..exercises import Choice, Exercise, Outcome
from ._confirm import Confirm
from ._feedback import error_html
from ._outcomes import read_lesson, record, reset, watch

__all__ = ["ExerciseWidget", "LessonExercises", "exercise", "exercises"]


def _number(key: str) -> str:
    """``"q3"`` → ``"3"``: the number a lesson gives its question (``""`` for other keys)."""
    found = re.fullmatch(r"q(\d+)", key)
    return found.group(1) if found else ""


def _checkbox(choice: Choice) -> widgets.Checkbox:
    # ipywidgets typesets a description's $…$ as maths: a label with one stays text.
    math = has_math(choice.label)
    return widgets.Checkbox(value=False, description=literal_block(choice.label) if math else choice.label,
                            description_allow_html=math, indent=False, layout=widgets.Layout(width="auto"))


class ExerciseWidget(widgets.VBox):
    """One exercise: its question, the answer control, «Comprobar», «Pista», «Solución» and the verdict.

    Use :func:`exercise` to build one. The answer control depends on ``exercise.kind``: a box
    (:attr:`text`) for typed words and numbers, radio buttons (:attr:`choice`) for one option,
    checkboxes (:attr:`checkboxes`, by value) for several, one menu per place (:attr:`places`)
    to put options in order. :attr:`value` reads (and sets) whichever it is.

    Attributes
    ----------
    exercise : Exercise
    status : str or None
        The latest outcome kept for it (``"correct"``, ``"incorrect"``, ``"solution"``), or None.
    check_button, hint_button, solution_button, peek_button : ipywidgets.Button
        «Comprobar», «Pista», «Solución» (disabled until a first attempt) and «¿Ver la solución
        sin intentarlo?» (shown while «Solución» is disabled; it asks first, in :attr:`confirm`).
    verdict, hint_area, solution_area, message : ipywidgets.HTML
        The verdict of the last check, the hint, the solution, and a problem with the progress file.
    """

    def __init__(self, exercise: Exercise, *, status: str | None = None, problem: str = "",
                 on_status: Callable[[], None] | None = None) -> None:
        self.exercise = exercise
        self.status = status
        self._on_status = on_status
        self.text: widgets.Text | None = None
        self.choice: widgets.RadioButtons | None = None
        self.checkboxes: dict[Any, widgets.Checkbox] = {}
        self.places: list[widgets.Dropdown] = []
        number = _number(exercise.key)
        self.prompt = widgets.HTML((f"<b>{number}.</b> " if number else "") + exercise.prompt_html())
        control = self._answer_control()
        self.check_button = widgets.Button(description=tr("Comprobar", "Check"), button_style="primary")
        self.hint_button = widgets.Button(description=tr("Pista", "Hint"))
        self.solution_button = widgets.Button(
            description=tr("Solución", "Solution"),
            tooltip=tr("Se abre cuando hayas probado una respuesta.", "Opens once you have tried an answer."))
        self.peek_button = widgets.Button(description=tr("¿Ver la solución sin intentarlo?",
                                                         "See the solution without trying?"),
                                          layout=widgets.Layout(width="auto"))
        self.confirm = Confirm(
            tr("Aprendes más si antes pruebas una respuesta. ¿Ver la solución igualmente?",
               "You learn more if you try an answer first. See the solution anyway?"),
            yes=tr("Sí, ver la solución", "Yes, show the solution"), no=tr("No, lo intento", "No, I will try"),
            on_yes=self.show_solution)
        self.verdict = widgets.HTML("")
        self.hint_area = widgets.HTML("")
        self.solution_area = widgets.HTML("")
        self.message = widgets.HTML(error_html(problem) if problem else "")
        self.check_button.on_click(lambda _b: self.check())
        self.hint_button.on_click(lambda _b: self.show_hint())
        self.solution_button.on_click(lambda _b: self.show_solution())
        self.peek_button.on_click(lambda _b: self.confirm.ask())
        buttons = widgets.HBox([self.check_button, self.hint_button, self.solution_button, self.peek_button],
                               layout=widgets.Layout(flex_flow="row wrap", align_items="center"))
        super().__init__([self.prompt, control, buttons, self.confirm, self.verdict, self.hint_area,
                          self.solution_area, self.message], layout=widgets.Layout(margin="0 0 1.2em 0"))
        self.add_class("ssi-exercise")
        self._show_status()

    # --- the answer -----------------------------------------------------------------------
    def _answer_control(self) -> widgets.Widget:
        kind, options = self.exercise.kind, self.exercise.options
        if kind in ("text", "number"):
            placeholder = tr("Tu respuesta", "Your answer") if kind == "text" else \
                tr("Un número, por ejemplo 12,5", "A number, e.g. 12.5")
            self.text = widgets.Text(value="", placeholder=placeholder, layout=widgets.Layout(width="20em"))
            return self.text
        if kind == "choice":
            self.choice = widgets.RadioButtons(options=[(c.label, c.value) for c in options], value=None,
                                               layout=widgets.Layout(width="auto"))
            return self.choice
        if kind == "choices":
            groups: dict[str, list[widgets.Widget]] = {}
            for choice in options:
                box = _checkbox(choice)
                self.checkboxes[choice.value] = box
                groups.setdefault(choice.group, []).append(box)
            if list(groups) == [""]:
                return widgets.VBox(groups[""])
            return widgets.GridBox(
                [widgets.VBox([widgets.HTML(f"<b>{escape(group)}</b>"), *boxes],
                              layout=widgets.Layout(padding="0 1em 0.5em 0")) for group, boxes in groups.items()],
                layout=widgets.Layout(grid_template_columns="repeat(2, minmax(18em, 1fr))"))
        # order: one menu per place, each offering every option
        for place in range(1, len(options) + 1):
            self.places.append(widgets.Dropdown(options=[(c.label, c.value) for c in options], value=None,
                                                description=f"{place}.", style={"description_width": "2em"},
                                                layout=widgets.Layout(width="22em")))
        return widgets.VBox(self.places)

    @property
    def value(self) -> Any:
        """What the control holds: the typed text, the chosen value, the ticked values or the order."""
        if self.text is not None:
            return self.text.value
        if self.choice is not None:
            return self.choice.value
        if self.checkboxes:
            return tuple(value for value, box in self.checkboxes.items() if box.value)
        return [menu.value for menu in self.places]

    @value.setter
    def value(self, answer: Any) -> None:
        if self.text is not None:
            self.text.value = "" if answer is None else str(answer)
        elif self.choice is not None:
            self.choice.value = answer
        elif self.checkboxes:
            chosen = list(answer or ())
            for value, box in self.checkboxes.items():
                box.value = value in chosen
        else:
            answers = list(answer or ())
            for place, menu in enumerate(self.places):
                menu.value = answers[place] if place < len(answers) else None

    # --- the buttons ----------------------------------------------------------------------
    def check(self) -> Outcome:
        """Judge :attr:`value`, show the verdict and keep it in the progress (not for an empty answer)."""
        outcome = self.exercise.evaluate_input(self.value)
        self.verdict.value = outcome.to_html()
        if outcome.status in ("correct", "incorrect"):
            self._keep(outcome.status)
        return outcome

    def show_hint(self) -> Outcome:
        """Show the hint."""
        outcome = self.exercise.hint_outcome()
        self.hint_area.value = outcome.to_html()
        return outcome

    def show_solution(self) -> Outcome:
        """Show the solution and keep «solution seen» (a question already right stays right)."""
        outcome = self.exercise.solution_outcome()
        self.solution_area.value = outcome.to_html()
        if self.status != "correct":
            self._keep("solution")
        return outcome

    def _keep(self, status: str) -> None:
        self.status = status
        if self.exercise.lesson and self.exercise.key:
            problem = record(self.exercise.lesson, self.exercise.key, status)
            self.message.value = error_html(problem) if problem else ""
        self._show_status(verdict=False)
        if self._on_status is not None:
            self._on_status()

    # --- progress -------------------------------------------------------------------------
    def _show_status(self, *, verdict: bool = True) -> None:
        """Buttons (and, when ``verdict``, the messages) as the kept status says."""
        tried = self.status is not None
        self.solution_button.disabled = not tried
        self.peek_button.layout.display = "none" if tried else None
        if tried:
            self.confirm.hide()
        if not verdict:
            return
        if self.status == "correct":
            self.verdict.value = Outcome("correct", tr(self.exercise.praise_es, self.exercise.praise_en)).to_html()
        elif self.status == "incorrect":
            self.verdict.value = f'<span style="color:{GREY}">' + escape(tr(
                "Ya lo intentaste: prueba otra vez o mira la solución.",
                "You tried it already: try again or look at the solution.")) + "</span>"
        elif self.status == "solution":
            self.solution_area.value = self.exercise.solution_outcome().to_html()

    def refresh(self, status: str | None = None, problem: str = "") -> None:
        """Start again from ``status`` (after the lesson is reset): answer, verdict, hint and solution cleared."""
        self.value = None
        self.verdict.value = self.hint_area.value = self.solution_area.value = ""
        self.message.value = error_html(problem) if problem else ""
        self.confirm.hide()
        self.status = status
        self._show_status()


class _Watched(ExerciseWidget):
    """An exercise shown on its own: it reads the store again when its lesson is reset."""

    def refresh(self, status: str | None = None, problem: str = "") -> None:
        outcomes, problem = read_lesson(self.exercise.lesson)
        super().refresh(outcomes.get(self.exercise.key), problem)


def exercise(ex: Exercise) -> ExerciseWidget:
    """One exercise as a widget: its question, a box or choices, «Comprobar», «Pista» and «Solución».

    Parameters
    ----------
    ex : Exercise
        An exercise of a lesson, such as ``ssi_kit.exercises.lesson01.q2``.

    Returns
    -------
    ExerciseWidget
        Leave it as a cell's last value to show it. It starts from the learner's progress
        (a question already solved shows «¡Correcto!»).

    Raises
    ------
    SSITypeError
        If ``ex`` is not an exercise.

    Examples
    --------
    >>> from ssi_kit.exercises import lesson01
    >>> w = exercise(lesson01.q2)     # «Comprobar» would keep the outcome in your progress
    >>> w.value = "42,895"
    >>> w.exercise.evaluate_input(w.value).status, w.solution_button.disabled
    ('correct', True)
    """
    check_type(ex, Exercise, name="ex", expected=tr("un ejercicio de una lección", "an exercise of a lesson"),
               hint=tr("Por ejemplo: from ssi_kit.exercises import lesson01 as ej; exercise(ej.q1).",
                       "For example: from ssi_kit.exercises import lesson01 as ej; exercise(ej.q1)."))
    status, problem = None, ""
    if ex.lesson and ex.key:
        outcomes, problem = read_lesson(ex.lesson)
        status = outcomes.get(ex.key)
    widget = _Watched(ex, status=status, problem=problem)
    if ex.lesson and ex.key:
        watch(ex.lesson, widget)
    return widget


class LessonExercises(widgets.VBox):
    """All of a lesson's exercises in order, how many are solved and «Reiniciar esta lección».

    Attributes
    ----------
    lesson : str
    items : list of ExerciseWidget
    summary : ipywidgets.HTML
        «2 de 4 ejercicios resueltos».
    reset_button : ipywidgets.Button
        Asks first (:attr:`confirm`), then forgets the lesson's exercises and quiz.
    message : ipywidgets.HTML
        A problem with the progress file.
    """

    def __init__(self, lesson: str, items: list[Exercise]) -> None:
        self.lesson = lesson
        outcomes, problem = read_lesson(lesson)
        self.items = [ExerciseWidget(ex, status=outcomes.get(ex.key), on_status=self._show_summary) for ex in items]
        self.summary = widgets.HTML("")
        self.reset_button = widgets.Button(description=tr("Reiniciar esta lección", "Restart this lesson"),
                                           layout=widgets.Layout(width="auto"))
        self.confirm = Confirm(
            tr("¿Borrar tus resultados de esta lección (ejercicios y cuestionario) y empezar de nuevo?",
               "Forget your results in this lesson (exercises and quiz) and start again?"),
            yes=tr("Sí, reiniciar", "Yes, restart"), no=tr("Cancelar", "Cancel"), on_yes=self.reset)
        self.message = widgets.HTML(error_html(problem) if problem else "")
        self.reset_button.on_click(lambda _b: self.confirm.ask())
        footer = widgets.HBox([self.summary, self.reset_button],
                              layout=widgets.Layout(align_items="center", justify_content="space-between"))
        super().__init__([*self.items, footer, self.confirm, self.message])
        self.add_class("ssi-exercises")
        self._show_summary()
        watch(lesson, self)

    @property
    def solved(self) -> int:
        """How many of the lesson's exercises are right."""
        return sum(item.status == "correct" for item in self.items)

    def _show_summary(self) -> None:
        self.summary.value = tr("<b>{right} de {total}</b> resueltos", "<b>{right} of {total}</b> solved",
                                right=self.solved, total=plural(len(self.items), "ejercicio", "ejercicios",
                                                                "exercise", "exercises"))

    def reset(self) -> None:
        """Forget the lesson's outcomes (exercises and quiz) and start every widget of it again."""
        problem = reset(self.lesson)
        if problem:
            self.message.value = error_html(problem)

    def refresh(self) -> None:
        """Read the lesson's progress again (after a reset)."""
        outcomes, problem = read_lesson(self.lesson)
        for item in self.items:
            item.refresh(outcomes.get(item.exercise.key))
        self.message.value = error_html(problem) if problem else ""
        self._show_summary()


def lesson_parts(module: object, *, name: str) -> tuple[str, list[Any], list[Any]]:
    """``(lesson, exercises, quiz)`` of a lesson's exercise module, or an :class:`SSITypeError`."""
    lesson = getattr(module, "LESSON", None) if isinstance(module, ModuleType) else None
    if not isinstance(lesson, str):
        raise SSITypeError(
            tr("«{name}» debe ser el módulo de ejercicios de una lección; recibido {kind}.",
               "'{name}' must be a lesson's exercise module; received {kind}.", name=name, kind=type(module).__name__),
            field=name, received=module,
            hint=tr("Por ejemplo: from ssi_kit.exercises import lesson01 as ej, y después {name}(ej).",
                    "For example: from ssi_kit.exercises import lesson01 as ej, then {name}(ej).", name=name))
    return lesson, list(getattr(module, "EXERCISES", ())), list(getattr(module, "QUIZ", ()))


def exercises(module: ModuleType) -> LessonExercises:
    """A lesson's exercises, one under another, with how many are solved and «Reiniciar esta lección».

    Parameters
    ----------
    module : module
        The lesson's exercise module, such as ``ssi_kit.exercises.lesson01``.

    Returns
    -------
    LessonExercises
        Leave it as a cell's last value to show it.

    Raises
    ------
    SSITypeError
        If ``module`` is not a lesson's exercise module.

    Examples
    --------
    >>> from ssi_kit.exercises import lesson03
    >>> w = exercises(lesson03)
    >>> [item.exercise.key for item in w.items]
    ['q1', 'q2', 'q3']
    """
    lesson, items, _quiz = lesson_parts(module, name="module")
    if not items or not all(isinstance(item, Exercise) for item in items):
        raise SSITypeError(tr("El módulo {m} no tiene ejercicios (EXERCISES).",
                              "Module {m} has no exercises (EXERCISES).", m=module.__name__),
                           field="module", received=module)
    return LessonExercises(lesson, items)
