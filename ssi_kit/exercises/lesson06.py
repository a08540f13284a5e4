"""Exercises of lesson 06 (for teachers), checked with ssi_kit.classroom on the invented class.

The lesson's setup cells define ``clase = ssi_kit.load_dataset("clase_ejemplo")`` (after
``import ssi_kit``); code shown in hints and solutions runs after them (a test
executes it).
"""

from __future__ import annotations

import math
from typing import Any

from .._i18n import tr
from ..score import pillar_label
from . import (
    Choice,
    Exercise,
    NumericExercise,
    Question,
    read_name,
    read_number,
    read_pillar,
    tr_path,
    unknown_pillar,
)

__all__ = ["EXERCISES", "LESSON", "QUIZ", "q1", "q2", "q3"]

LESSON = "06"


def _class() -> Any:
    from ..datasets import load_dataset

    return load_dataset("clase_ejemplo")


def _weakest() -> str:
    from ..classroom import weakest_pillar

    return weakest_pillar(_class())


def _judge_weakest(answer: Any) -> str | None:
    pillar = read_pillar(answer)
    if pillar is None:
        return unknown_pillar('Escribe el nombre de un pilar entre comillas, por ejemplo "marca".',
                              'Write a pillar\'s name in quotes, e.g. "marca".')
    if pillar == _weakest():
        return None
    return tr("«{p}» no es el pilar con la media más baja de la clase: mira el gráfico «Qué enseñar ahora».",
              "'{p}' is not the pillar with the class's lowest average: look at the 'What to teach next' chart.",
              p=pillar_label(pillar))


def _improved() -> int:
    from ..classroom import class_progress

    return int((class_progress(_class())["change"] > 0).sum())


def _measured_twice() -> int:
    from ..classroom import class_progress

    return len(class_progress(_class()))


def _class_size() -> int:
    from ..classroom import latest_submissions

    return len(latest_submissions(_class()))


def _judge_improved(answer: Any) -> str | None:
    value, note = read_number(answer)
    if value is None or not float(value).is_integer():
        return tr("Escribe un número entero de personas, por ejemplo 7.", "Write a whole number of people, e.g. 7.")
    expected = _improved()
    if math.isclose(value, expected):
        return None
    size = _class_size()
    if math.isclose(value, size) and size != _measured_twice():
        return tr("La clase tiene {n} personas, pero quien envió una sola medida no tiene primera y última: no cuenta.",
                  "The class has {n} people, but whoever sent a single measurement has no first and last: they do "
                  "not count.", n=size)
    return (note + " " if note else "") + tr_path(
        "Cuenta las filas de ssi_kit.class_progress(clase) cuyo «change» es mayor que 0.",
        "Count the rows of ssi_kit.class_progress(clase) whose 'change' is above 0.",
        "Cuenta en el gráfico «Progreso de cada persona entre dos medidas» a quienes acaban más arriba de donde "
        "empezaron.",
        "Count, in the chart 'Each person's progress between two measurements', those who end higher than they "
        "started.")


_NO_WORDS = {"no", "nunca", "never", "falso", "false"}
_YES_WORDS = {"si", "yes", "verdadero", "true", "claro"}


def _judge_grade(answer: Any) -> str | None:
    if isinstance(answer, bool):
        answer = "si" if answer else "no"
    name = read_name(answer)
    if name in _NO_WORDS:
        return None
    if name in _YES_WORDS:
        return tr("Piensa en qué dice el curso que NO es el SSI.", "Think of what the course says the SSI is NOT.")
    return tr_path('Responde "sí" o "no", entre comillas.', 'Answer "sí" or "no", in quotes.',
                   "Responde «sí» o «no».", "Answer 'yes' or 'no'.")


q1 = Exercise(
    _judge_weakest,
    hint_es="Mira el gráfico «Qué enseñar ahora» del panel de la clase: el pilar con la media más baja. Desde el "
            "código: `ssi_kit.weakest_pillar(clase)` lo calcula con el último envío de cada persona.",
    hint_en="Look at the class dashboard's chart 'What to teach next': the pillar with the lowest average. From "
            "code: `ssi_kit.weakest_pillar(clase)` works it out with each person's latest submission.",
    solution_es="«{expected}»: es el pilar con la media más baja; `ssi_kit.weakest_pillar(clase)`.",
    solution_en="'{expected}': the pillar with the lowest average; `ssi_kit.weakest_pillar(clase)`.",
    praise_es="Ese es el tema de la próxima sesión: lo que más margen tiene para toda la clase.",
    praise_en="That is the topic of the next session: where the whole class has most room.",
    compute=lambda: pillar_label(_weakest()),
    lesson=LESSON, key="q1",
    prompt_es="En la clase de ejemplo, ¿qué pilar conviene trabajar primero con todo el grupo? Escribe su nombre "
              "corto.",
    prompt_en="In the example class, which pillar should the whole group work on first? Write its short name.",
)
q2 = NumericExercise(
    _judge_improved,
    hint_es="En el gráfico «Progreso de cada persona entre dos medidas», cada línea va del «Antes» al «Después» de "
            "una persona: cuenta las que suben. Desde el código: `ssi_kit.class_progress(clase)` da una fila por "
            "persona con dos medidas; mira «change».",
    hint_en="In the chart 'Each person's progress between two measurements', each line goes from a person's "
            "'Before' to their 'After': count those that go up. From code: `ssi_kit.class_progress(clase)` gives "
            "a row per person with two measurements; look at 'change'.",
    solution_es="{expected} de las {measured} personas con dos medidas. Desde el código: "
                "`(ssi_kit.class_progress(clase)[\"change\"] > 0).sum()`.",
    solution_en="{expected} of the {measured} people with two measurements. From code: "
                "`(ssi_kit.class_progress(clase)[\"change\"] > 0).sum()`.",
    praise_es="Compáralo con la proyección: ¿va la clase por encima, dentro o por debajo de lo esperado?",
    praise_en="Compare it with the projection: is the class above, inside or below what was expected?",
    compute=_improved,
    lesson=LESSON, key="q2", kind="number", facts=lambda: {"measured": _measured_twice()},
    prompt_es="¿Cuántas personas de la clase de ejemplo subieron su SSI entre su primera y su última medida? "
              "Cuéntalas en el gráfico de progreso del panel.",
    prompt_en="How many people in the example class raised their SSI between their first and last measurement? "
              "Count them in the dashboard's progress chart.",
)
q3 = Exercise(
    _judge_grade,
    hint_es="El curso dedica un apartado a «qué no es el SSI».",
    hint_en="The course has a section on 'what the SSI is not'.",
    solution_es="«{expected}»: el SSI es un indicador de qué mejorar, no una medida de la productividad de nadie.",
    solution_en="'{expected}': the SSI is an indicator of what to improve, not a measure of anyone's productivity.",
    praise_es="Úsalo para decidir qué enseñar, nunca para poner nota.",
    praise_en="Use it to decide what to teach, never to grade.",
    compute=lambda: "no",
    lesson=LESSON, key="q3", kind="choice", choices=(Choice("sí", "Sí", "Yes"), Choice("no", "No", "No")),
    prompt_es="¿Se puede poner nota a alguien por su SSI?",
    prompt_en="Can someone be graded by their SSI?",
)
EXERCISES = (q1, q2, q3)
"""The lesson's exercises, in order (``ssi_kit.widgets.exercises(lesson06)`` shows them all)."""

QUIZ = [
    Question(
        "¿Para qué sirve el panel de la clase?",
        "What is the class dashboard for?",
        ("Para poner nota a cada persona", "Para decidir qué enseñar después", "Para publicar una clasificación"),
        ("To grade each person", "To decide what to teach next", "To publish a ranking"),
        1,
        "El SSI orienta sobre qué mejorar; no mide el trabajo de nadie.",
        "The SSI points to what to improve; it does not measure anyone's work.",
        wrong_es=("El curso dice que el SSI no mide la productividad de nadie.", "",
                  "Una clasificación compara personas; el panel sirve para otra cosa."),
        wrong_en=("The course says the SSI does not measure anyone's productivity.", "",
                  "A ranking compares people; the dashboard is for something else."),
    ),
    Question(
        "¿Cómo se recogen los SSI sin formulario en un JupyterHub compartido?",
        "How are SSIs collected without a form on a shared JupyterHub?",
        ("Cada persona envía su exportación completa de LinkedIn", "Con ssi_kit.submit en una carpeta compartida",
         "Se copian a mano de la pantalla de cada uno"),
        ("Each person sends their whole LinkedIn export", "With ssi_kit.submit into a shared folder",
         "They are copied by hand from each screen"),
        1,
        "submit guarda solo las cuatro barras y un alias: las exportaciones se quedan en el equipo de cada uno.",
        "submit saves only the four bars and an alias: exports stay on each person's computer.",
        wrong_es=("La exportación completa tiene datos personales que no hace falta compartir.", "",
                  "Copiar a mano es lento y da errores; ssi-kit tiene una forma sin formulario."),
        wrong_en=("The whole export holds personal data there is no need to share.", "",
                  "Copying by hand is slow and error-prone; ssi-kit has a way without a form."),
    ),
    Question(
        "¿Cuándo mostrar la clasificación por alias?",
        "When should the ranking by alias be shown?",
        ("Siempre", "Solo si la clase está de acuerdo", "Nunca se puede calcular"),
        ("Always", "Only if the class agrees", "It can never be computed"),
        1,
        "Por eso está apagada salvo que la pidas (leaderboard=True).",
        "That is why it is off unless you ask for it (leaderboard=True).",
        wrong_es=("Mostrar siempre quién va delante puede incomodar a quien va detrás.", "",
                  "ssi-kit sí puede calcularla; la pregunta es cuándo conviene mostrarla."),
        wrong_en=("Always showing who is ahead can make those behind uncomfortable.", "",
                  "ssi-kit can compute it; the question is when to show it."),
    ),
]
"""The quiz that closes the lesson (``ssi_kit.widgets.quiz(QUIZ)``)."""
