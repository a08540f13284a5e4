"""Exercises of lesson 01 (what the SSI is), checked against the example SSI."""

from __future__ import annotations

import math
from typing import Any

from .._i18n import tr
from ..datasets import load_dataset
from ..errors import SSIInputError
from ..score import SSI, pillar_key
from . import Exercise, answer_number

__all__ = ["q1", "q2", "q3"]


def _example() -> SSI:
    return load_dataset("ssi_ejemplo").member


def _judge_weakest(answer: Any) -> str | None:
    try:
        pillar = pillar_key(answer)
    except SSIInputError:
        return tr(
            "Responde con el nombre corto de un pilar: «marca», «personas», «información» o «relaciones».",
            "Answer with a pillar's short name: 'brand', 'people', 'insights' or 'relationships'.",
        )
    if pillar != _example().weakest:
        return tr(
            "Ese no es el más bajo. Compara las cuatro barras del ejemplo.",
            "That is not the lowest. Compare the example's four bars.",
        )
    return None


def _judge_total(answer: Any) -> str | None:
    value = answer_number(answer)
    if value is None:
        return tr("Escribe un número, por ejemplo 42.5.", "Write a number, e.g. 42.5.")
    example = _example()
    expected = SSI(**{**example.as_dict(), "people": 15}).total
    if math.isclose(value, expected, abs_tol=0.01):
        return None
    if math.isclose(value, example.total, abs_tol=0.01):
        return tr("Ese es el total de ahora; cambia «personas» a 15.",
                  "That is the current total; change 'people' to 15.")
    return tr("El total es la suma de los cuatro pilares.", "The total is the sum of the four pillars.")


def _judge_level(answer: Any) -> str | None:
    if not isinstance(answer, str) or answer.strip().lower() not in {"leader", "average", "laggard"}:
        return tr(
            "Responde «leader», «average» o «laggard» (las claves de SSI.level).",
            "Answer 'leader', 'average' or 'laggard' (the keys of SSI.level).",
        )
    if answer.strip().lower() != SSI(20, 18, 17, 16.5).level:
        return tr(
            "Suma los cuatro pilares y compara con los umbrales 30 y 70.",
            "Add the four pillars and compare with the 30 and 70 thresholds.",
        )
    return None


q1 = Exercise(
    _judge_weakest,
    hint_es="Mira la barra más baja del gráfico, o usa el atributo .weakest de un SSI.",
    hint_en="Look at the lowest bar in the chart, or use an SSI's .weakest attribute.",
    solution_es="ejemplo.member.weakest → 'insights': «información» (4,9 de 25). Por ahí conviene empezar.",
    solution_en="example.member.weakest → 'insights' (4.9 of 25). That is where to start.",
    praise_es="Es el pilar con menos puntos: por ahí conviene empezar a mejorar.",
    praise_en="It is the pillar with fewest points: the place to start improving.",
)
q2 = Exercise(
    _judge_total,
    hint_es="El total es la suma de los pilares: cambia solo «personas» y vuelve a sumar.",
    hint_en="The total is the sum of the pillars: change only 'people' and add again.",
    solution_es="SSI(13.118, 15, 4.9, 9.877).total → 42.895",
    solution_en="SSI(13.118, 15, 4.9, 9.877).total → 42.895",
    praise_es="Subir un pilar sube el total en la misma cantidad.",
    praise_en="Raising one pillar raises the total by the same amount.",
)
q3 = Exercise(
    _judge_level,
    hint_es="LinkedIn llama «líderes» a quienes pasan de 70 y «rezagados» a quienes no llegan a 30.",
    hint_en="LinkedIn calls those above 70 'leaders' and those below 30 'laggards'.",
    solution_es="20 + 18 + 17 + 16,5 = 71,5 > 70 → 'leader'",
    solution_en="20 + 18 + 17 + 16.5 = 71.5 > 70 → 'leader'",
    praise_es="Por encima de 70 estás en el grupo de líderes.",
    praise_en="Above 70 you are among the leaders.",
)
