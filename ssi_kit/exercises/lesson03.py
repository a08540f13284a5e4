"""Exercises of lesson 03 (the relationship pyramid), checked with ssi_kit.network."""

from __future__ import annotations

import math
from typing import Any

from .._i18n import tr
from . import Exercise, answer_number

__all__ = ["q1", "q2", "q3"]

COURSE_SEARCH = {1: 131, 2: 2905, 3: 5876}


def _judge_search_share(answer: Any) -> str | None:
    from ..network import degree_shares

    value = answer_number(answer)
    if value is None:
        return tr("Escribe un número, por ejemplo 12.5 (en porcentaje).", "Write a number, e.g. 12.5 (a percentage).")
    expected = float(degree_shares(COURSE_SEARCH)["share"].iloc[0]) * 100
    if math.isclose(value, expected, abs_tol=0.01):
        return None
    if math.isclose(value * 100, expected, abs_tol=0.01):
        return tr("Es la fracción; multiplícala por 100 para tener el porcentaje.",
                  "That is the fraction; multiply it by 100 to get the percentage.")
    return tr("Divide los resultados de 1.er grado entre el total de los tres grados.",
              "Divide the 1st-degree results by the total of the three degrees.")


def _judge_second_degree(answer: Any) -> str | None:
    from ..network import pyramid

    value = answer_number(answer)
    if value is None:
        return tr("Escribe un número entero de personas.", "Write a whole number of people.")
    expected = int(pyramid(800)["count"].iloc[1])
    if value == expected:
        return None
    if value == int(pyramid(800)["count"].iloc[2]):
        return tr("Ese es el 3.er grado; la pregunta es por el 2.º.",
                  "That is the 3rd degree; the question is the 2nd.")
    return tr("Usa pyramid(800) y lee la fila del grado 2.", "Use pyramid(800) and read the degree-2 row.")


def _judge_best_introducer(answer: Any) -> str | None:
    from ..datasets import load_dataset
    from ..network import introducers

    if not isinstance(answer, str):
        return tr("Escribe el nombre entre comillas, por ejemplo \"Ana\".", "Write the name in quotes, e.g. \"Ana\".")
    ranking = introducers(load_dataset("red_ejemplo"), "Yo", "Marta")["introducer"].tolist()
    name = answer.strip().lower()
    if name == ranking[0].lower():
        return None
    if name in (n.lower() for n in ranking):
        return tr("Esa persona conoce a Marta, pero hay quien comparte más contactos con ambos.",
                  "That person knows Marta, but someone shares more contacts with both of you.")
    return tr("Esa persona no puede presentarte a Marta: busca en introducers(red, \"Yo\", \"Marta\").",
              "That person cannot introduce you to Marta: look at introducers(red, \"Yo\", \"Marta\").")


q1 = Exercise(
    _judge_search_share,
    hint_es="degree_shares({1: 131, 2: 2905, 3: 5876}) da la fracción; el porcentaje es 100 veces eso.",
    hint_en="degree_shares({1: 131, 2: 2905, 3: 5876}) gives the fraction; the percentage is 100 times that.",
    solution_es="131 / (131 + 2905 + 5876) × 100 = 1,47 %: el 98,53 % de los resultados está fuera de tu 1.er grado.",
    solution_en="131 / (131 + 2905 + 5876) × 100 = 1.47%: 98.53% of the results are outside your 1st degree.",
    praise_es="Menos de 2 de cada 100 resultados son contactos tuyos: el resto está en tu red extendida.",
    praise_en="Fewer than 2 in 100 results are your contacts: the rest is in your extended network.",
)
q2 = Exercise(
    _judge_second_degree,
    hint_es="pyramid(800) devuelve una tabla; la columna «count» de la fila del grado 2.",
    hint_en="pyramid(800) returns a table; the 'count' column of the degree-2 row.",
    solution_es="pyramid(800)[\"count\"].iloc[1] → 57600 (800 × 400 × 0,18).",
    solution_en="pyramid(800)[\"count\"].iloc[1] → 57600 (800 × 400 × 0.18).",
    praise_es="Cada contacto nuevo abre la puerta a decenas de personas de 2.º grado.",
    praise_en="Each new connection opens the door to dozens of 2nd-degree people.",
)
q3 = Exercise(
    _judge_best_introducer,
    hint_es="introducers(red, \"Yo\", \"Marta\") ordena a quienes pueden presentarte; la primera fila es la mejor.",
    hint_en="introducers(red, \"Yo\", \"Marta\") ranks who can introduce you; the first row is the best.",
    solution_es="\"Carmen\": conoce a Marta y comparte 3 contactos contigo y 3 con ella.",
    solution_en="\"Carmen\": she knows Marta and shares 3 contacts with you and 3 with her.",
    praise_es="Quien comparte más contactos con ambos transmite más confianza en la presentación.",
    praise_en="Whoever shares more contacts with both carries more trust into the introduction.",
)
