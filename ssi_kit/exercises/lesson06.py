"""Exercises of lesson 06 (for teachers), checked with ssi_kit.classroom on the invented class.

The lesson's setup cells define ``clase = ssi_kit.load_dataset("clase_ejemplo")`` and
``from ssi_kit import classroom``; code shown in hints and solutions runs after them (a test
executes it).
"""

from __future__ import annotations

import math
from typing import Any

from .._i18n import tr
from ..score import pillar_label
from . import Exercise, NumericExercise, Question, read_name, read_number, read_pillar

__all__ = ["QUIZ", "q1", "q2", "q3"]


def _class() -> Any:
    from ..datasets import load_dataset

    return load_dataset("clase_ejemplo")


def _weakest() -> str:
    from ..classroom import weakest_pillar

    return weakest_pillar(_class())


def _judge_weakest(answer: Any) -> str | None:
    pillar = read_pillar(answer)
    if pillar is None:
        return tr('Escribe el nombre de un pilar entre comillas, por ejemplo "marca".',
                  'Write a pillar\'s name in quotes, e.g. "marca".')
    if pillar == _weakest():
        return None
    return tr("«{p}» no es el pilar con la media más baja de la clase: mira el gráfico «Qué enseñar ahora».",
              "'{p}' is not the pillar with the class's lowest average: look at the 'What to teach next' chart.",
              p=pillar_label(pillar))


def _improved() -> int:
    from ..classroom import class_progress

    return int((class_progress(_class())["change"] > 0).sum())


def _judge_improved(answer: Any) -> str | None:
    value, note = read_number(answer)
    if value is None or not float(value).is_integer():
        return tr("Escribe un número entero de personas, por ejemplo 7.", "Write a whole number of people, e.g. 7.")
    expected = _improved()
    if math.isclose(value, expected):
        return None
    return (note + " " if note else "") + tr(
        "Cuenta las filas de classroom.class_progress(clase) cuyo «change» es mayor que 0.",
        "Count the rows of classroom.class_progress(clase) whose 'change' is above 0.")


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
    return tr('Responde "sí" o "no", entre comillas.', 'Answer "sí" or "no", in quotes.')


q1 = Exercise(
    _judge_weakest,
    hint_es="`classroom.weakest_pillar(clase)` lo calcula con el último envío de cada persona.",
    hint_en="`classroom.weakest_pillar(clase)` works it out with each person's latest submission.",
    solution_es="«{expected}»: es el pilar con la media más baja; `classroom.weakest_pillar(clase)`.",
    solution_en="'{expected}': the pillar with the lowest average; `classroom.weakest_pillar(clase)`.",
    praise_es="Ese es el tema de la próxima sesión: lo que más margen tiene para toda la clase.",
    praise_en="That is the topic of the next session: where the whole class has most room.",
    compute=lambda: pillar_label(_weakest()),
)
q2 = NumericExercise(
    _judge_improved,
    hint_es="`classroom.class_progress(clase)` da una fila por persona con dos medidas; mira «change».",
    hint_en="`classroom.class_progress(clase)` gives a row per person with two measurements; look at 'change'.",
    solution_es="{expected}: `(classroom.class_progress(clase)[\"change\"] > 0).sum()`.",
    solution_en="{expected}: `(classroom.class_progress(clase)[\"change\"] > 0).sum()`.",
    praise_es="Compáralo con la proyección: ¿va la clase por encima, dentro o por debajo de lo esperado?",
    praise_en="Compare it with the projection: is the class above, inside or below what was expected?",
    compute=_improved,
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
)

QUIZ = [
    Question(
        "¿Para qué sirve el panel de la clase?",
        "What is the class dashboard for?",
        ("Para poner nota a cada persona", "Para decidir qué enseñar después", "Para publicar una clasificación"),
        ("To grade each person", "To decide what to teach next", "To publish a ranking"),
        1,
        "El SSI orienta sobre qué mejorar; no mide el trabajo de nadie.",
        "The SSI points to what to improve; it does not measure anyone's work.",
    ),
    Question(
        "¿Cómo se recogen los SSI sin formulario en un JupyterHub compartido?",
        "How are SSIs collected without a form on a shared JupyterHub?",
        ("Cada persona envía su exportación completa de LinkedIn", "Con classroom.submit en una carpeta compartida",
         "Se copian a mano de la pantalla de cada uno"),
        ("Each person sends their whole LinkedIn export", "With classroom.submit into a shared folder",
         "They are copied by hand from each screen"),
        1,
        "submit guarda solo las cuatro barras y un alias: las exportaciones se quedan en el ordenador de cada uno.",
        "submit saves only the four bars and an alias: exports stay on each person's computer.",
    ),
    Question(
        "¿Cuándo mostrar la clasificación por alias?",
        "When should the ranking by alias be shown?",
        ("Siempre", "Solo si la clase está de acuerdo", "Nunca se puede calcular"),
        ("Always", "Only if the class agrees", "It can never be computed"),
        1,
        "Por eso está apagada salvo que la pidas (leaderboard=True).",
        "That is why it is off unless you ask for it (leaderboard=True).",
    ),
]
"""The quiz that closes the lesson (``ssi_kit.widgets.quiz(QUIZ)``)."""
