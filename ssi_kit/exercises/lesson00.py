"""Exercise of lesson 00 (welcome): writing text in quotes, the pillars' short names."""

from __future__ import annotations

from typing import Any

from .._i18n import tr
from ..score import PILLAR_LABELS, pillar_label
from . import Exercise, Question, read_name

__all__ = ["EXERCISES", "LESSON", "QUIZ", "q1"]

LESSON = "00"


def _expected_name() -> str:
    return pillar_label("relationships")


def _judge_short_name(answer: Any) -> str | None:
    name = read_name(answer)
    if name is None:
        return tr(
            "Escribe el nombre entre comillas, por ejemplo \"marca\": sin comillas Python lo toma por una variable.",
            "Write the name in quotes, e.g. \"brand\": without quotes Python takes it for a variable.",
        )
    accepted = {read_name(labels["relationships"]) for labels in PILLAR_LABELS.values()}
    if name in accepted:
        return None
    others = {read_name(label) for labels in PILLAR_LABELS.values() for label in labels.values()}
    if name in others:
        return tr("Ese es otro pilar. Busca «Construir relaciones» en la lista.",
                  "That is another pillar. Look for 'Build relationships' in the list.")
    if name.startswith(("relacion", "relation")):
        return tr("Casi: copia el nombre corto tal como aparece entre paréntesis en la lista, letra por letra.",
                  "Almost: copy the short name exactly as it appears in brackets in the list, letter by letter.")
    return tr("Copia el nombre corto que aparece entre paréntesis en la lista de pilares.",
              "Copy the short name shown in brackets in the list of pillars.")


q1 = Exercise(
    _judge_short_name,
    hint_es="Es una sola palabra: la que va entre paréntesis junto a «Construir relaciones» en la lista de pilares. "
            "En una celda de código iría entre comillas, como `\"marca\"`.",
    hint_en="It is one word: the one in brackets next to 'Build relationships' in the list of pillars. "
            "In a code cell it goes in quotes, as in `\"brand\"`.",
    solution_es="«{expected}». En la casilla se escribe tal cual; en una celda de código, entre comillas: "
                "`\"{expected}\"`. Mayúsculas y tildes dan igual.",
    solution_en="'{expected}'. In the box, type it as it is; in a code cell, in quotes: `\"{expected}\"`. "
                "Case and accents do not matter.",
    praise_es="Eso es. Ya sabes responder a los ejercicios de las lecciones (en una celda de código, el texto va "
              "entre comillas).",
    praise_en="That's it. You are ready for the lessons' exercises (in a code cell, text goes in quotes).",
    compute=_expected_name,
    lesson=LESSON, key="q1",
    prompt_es="¿Cuál es el nombre corto que usa ssi-kit para el pilar «Construir relaciones»? Míralo en la lista de "
              "pilares de arriba.",
    prompt_en="What is the short name ssi-kit uses for the pillar 'Build relationships'? Look it up in the list of "
              "pillars above.",
)
EXERCISES = (q1,)
"""The lesson's exercises, in order (``ssi_kit.widgets.exercises(lesson00)`` shows them all)."""

QUIZ = [
    Question(
        "¿Cómo ejecutas una celda de código?", "How do you run a code cell?",
        ("Con doble clic sobre ella", "Con Mayús + Intro", "Guardando el cuaderno"),
        ("Double-clicking it", "Shift + Enter", "Saving the notebook"),
        1,
        "Mayús + Intro ejecuta la celda y pasa a la siguiente.", "Shift + Enter runs the cell and moves on.",
        wrong_es=("El doble clic abre la celda para editarla, pero no la ejecuta.", "",
                  "Guardar conserva el cuaderno, pero no ejecuta nada."),
        wrong_en=("Double-clicking opens the cell for editing, but does not run it.", "",
                  "Saving keeps the notebook, but runs nothing."),
    ),
    Question(
        "¿Cuánto puede valer como máximo cada pilar del SSI?", "At most, how much can each SSI pillar be worth?",
        ("10", "25", "100"), ("10", "25", "100"),
        1,
        "Cuatro pilares de 0 a 25 suman un SSI de 0 a 100.", "Four pillars of 0 to 25 add up to an SSI of 0 to 100.",
        wrong_es=("Con cuatro pilares de 10, el total no llegaría a 100.", "",
                  "100 es el máximo del total, que reúne los cuatro pilares."),
        wrong_en=("With four pillars of 10, the total would not reach 100.", "",
                  "100 is the most the total can be, and it adds up the four pillars."),
    ),
    Question(
        "Escribes relaciones sin comillas y sale NameError. ¿Qué pasa?",
        "You type relaciones without quotes and get NameError. What happened?",
        ("La biblioteca está rota", "Python buscó una variable con ese nombre y no la encontró",
         "Hay que reiniciar la computadora"),
        ("The library is broken", "Python looked for a variable with that name and found none",
         "You must restart the computer"),
        1,
        "Sin comillas, una palabra es el nombre de una variable; con comillas, es un texto.",
        "Without quotes a word is a variable's name; in quotes it is text.",
        wrong_es=("Un NameError lo da Python por cómo está escrita tu respuesta, no la biblioteca.", "",
                  "Reiniciar no cambia nada: el problema está en lo que escribiste."),
        wrong_en=("A NameError comes from Python because of how your answer is written, not from the library.", "",
                  "Restarting changes nothing: the problem is in what you typed."),
    ),
]
