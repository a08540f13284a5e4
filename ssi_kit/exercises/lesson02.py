"""Exercises of lesson 02 (improving your SSI), checked against the example SSI and the model."""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping
from typing import Any

from .._checks import check_number
from .._i18n import format_number, short_repr, tr
from ..actions import load_actions, plan_minutes
from ..datasets import load_dataset
from ..errors import SSIInputError
from ..score import SSI, TOTAL_MAX
from ..simulation import best_plan, simulate
from . import Exercise

__all__ = ["Q2_ACTIONS", "Q3_MINUTES", "WEEKS", "q1", "q2", "q3"]

WEEKS = 26  # six months
Q2_ACTIONS = ("compartir_contenido", "responder_mensajes")
Q3_MINUTES = 90


def _example() -> SSI:
    return load_dataset("ssi_ejemplo").member


def _final_total(ids: Iterable[str]) -> float:
    frame = simulate(_example(), list(ids), weeks=WEEKS)
    return float(frame[(frame.week == WEEKS) & (frame.pillar == "total")].score.iloc[0])


def _as_ids(answer: Any) -> list[str] | str:
    """The answer as a list of known ids, or a message saying what is wrong."""
    if isinstance(answer, str):
        answer = [answer]
    items: list[Any] | None = None
    if isinstance(answer, Iterable) and not isinstance(answer, (bytes, Mapping)):
        try:
            items = list(answer)
        except TypeError:  # a 0-d array says it is iterable and is not
            items = None
    if items is None or not all(isinstance(a, str) for a in items):
        return tr(
            "Escribe una lista de ids entre corchetes, por ejemplo [\"debates\", \"uso_diario\"].",
            "Write a list of ids in square brackets, e.g. [\"debates\", \"uso_diario\"].",
        )
    known = set(load_actions().id)
    unknown = [a for a in dict.fromkeys(items) if a not in known]
    if unknown:
        return tr(
            "No conozco {ids}: copia los ids de la columna «id» de ssi_kit.load_actions().",
            "Unknown {ids}: copy the ids from the 'id' column of ssi_kit.load_actions().",
            ids=", ".join(short_repr(a, 40) for a in unknown[:5]) + (" …" if len(unknown) > 5 else ""),
        )
    return list(dict.fromkeys(items))


def _judge_weakest_actions(answer: Any) -> str | None:
    ids = _as_ids(answer)
    if isinstance(ids, str):
        return ids
    if len(ids) < 2:
        return tr("Elige al menos dos acciones.", "Pick at least two actions.")
    pillars = load_actions().set_index("id").pillar
    weakest = _example().weakest
    others = [a for a in ids if pillars[a] != weakest]
    if others:
        return tr(
            "{ids} no son del pilar más débil. ¿Cuál es el pilar más bajo del ejemplo?",
            "{ids} do not belong to the weakest pillar. Which pillar is the example's lowest?",
            ids=", ".join(short_repr(a, 40) for a in others),
        )
    return None


def _judge_projection(answer: Any) -> str | None:
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        return tr("Escribe un número, por ejemplo 45.3.", "Write a number, e.g. 45.3.")
    try:  # 10**400 or NaN get a verdict, not an OverflowError
        answer = check_number(answer, name=tr("respuesta", "answer"), maximum=TOTAL_MAX)
    except SSIInputError as error:
        return error.message + " " + tr("El total del SSI va de 0 a 100.", "The SSI total goes from 0 to 100.")
    expected = _final_total(Q2_ACTIONS)
    if math.isclose(answer, expected, abs_tol=0.05):
        return None
    if math.isclose(answer, _example().total, abs_tol=0.05):
        return tr(
            "Ese es el total de la semana 0. Busca la fila de la semana {weeks}.",
            "That is week 0's total. Look for the row of week {weeks}.",
            weeks=WEEKS,
        )
    if math.isclose(answer, _final_total([]), abs_tol=0.05):
        return tr(
            "Ese es el total sin hacer nada. ¿Pasaste las dos acciones a simulate?",
            "That is the total when doing nothing. Did you pass both actions to simulate?",
        )
    return tr(
        "No coincide con la proyección. Usa la fila con pillar == \"total\" y week == {weeks}.",
        "It does not match the projection. Use the row with pillar == \"total\" and week == {weeks}.",
        weeks=WEEKS,
    )


def _judge_best_plan(answer: Any) -> str | None:
    ids = _as_ids(answer)
    if isinstance(ids, str):
        return ids
    minutes = plan_minutes(ids)
    if minutes > Q3_MINUTES:
        return tr(
            "Tu plan lleva {minutes} min a la semana; solo tienes {budget}.",
            "Your plan takes {minutes} min a week; you only have {budget}.",
            minutes=minutes,
            budget=Q3_MINUTES,
        )
    best = best_plan(_example(), Q3_MINUTES, weeks=WEEKS).total
    mine = _final_total(ids)
    if mine < best - 0.005:
        return tr(
            "Cabe en tu tiempo y llega a {mine}, pero hay un plan que llega más alto. "
            "Prueba ssi_kit.best_plan.",
            "It fits your time and reaches {mine}, but a plan exists that goes higher. "
            "Try ssi_kit.best_plan.",
            mine=format_number(mine, 1),
        )
    return None


def _solution_projection() -> tuple[str, str]:
    total = _final_total(Q2_ACTIONS)
    code = f"simulate(ejemplo, {list(Q2_ACTIONS)}, weeks={WEEKS})"
    return (
        f"{code}, fila week == {WEEKS} y pillar == \"total\" → {total}",
        f"{code}, row week == {WEEKS} and pillar == \"total\" → {total}",
    )


def _solution_best_plan() -> tuple[str, str]:
    plan = best_plan(_example(), Q3_MINUTES, weeks=WEEKS)
    ids = list(plan.actions)
    return (
        f"best_plan(ejemplo, {Q3_MINUTES}, weeks={WEEKS}).actions → {ids} ({plan.minutes} min, total {plan.total}).",
        f"best_plan(example, {Q3_MINUTES}, weeks={WEEKS}).actions → {ids} ({plan.minutes} min, total {plan.total}).",
    )


q1 = Exercise(
    _judge_weakest_actions,
    hint_es="Primero el pilar más bajo del ejemplo (ejemplo.weakest); luego filtra load_actions() por esa "
    "columna «pillar».",
    hint_en="First the example's lowest pillar (example.weakest); then filter load_actions() by that 'pillar'.",
    solution_es="El pilar más débil es «información» ('insights'): por ejemplo "
    "[\"compartir_contenido\", \"responder_mensajes\"].",
    solution_en="The weakest pillar is 'insights': for example [\"compartir_contenido\", \"responder_mensajes\"].",
    praise_es="Empiezas por donde más margen tienes, como aconseja el curso.",
    praise_en="You start where you have most room, as the course advises.",
)
q2 = Exercise(
    _judge_projection,
    hint_es=f"Llama a simulate(ejemplo, {list(Q2_ACTIONS)}, weeks={WEEKS}) y busca la fila del total en la última "
    "semana.",
    hint_en=f"Call simulate(example, {list(Q2_ACTIONS)}, weeks={WEEKS}) and find the total's row in the last week.",
    solution_es=_solution_projection()[0],
    solution_en=_solution_projection()[1],
    praise_es="Eso es lo que el modelo proyecta: una orientación, no una promesa.",
    praise_en="That is what the model projects: a guide, not a promise.",
)
q3 = Exercise(
    _judge_best_plan,
    hint_es=f"ssi_kit.best_plan(ejemplo, {Q3_MINUTES}, weeks={WEEKS}) prueba todas las combinaciones que caben en "
    "tu tiempo.",
    hint_en=f"ssi_kit.best_plan(example, {Q3_MINUTES}, weeks={WEEKS}) tries every combination that fits your time.",
    solution_es=_solution_best_plan()[0],
    solution_en=_solution_best_plan()[1],
    praise_es=f"Ningún otro plan de hasta {Q3_MINUTES} minutos llega más alto en el modelo.",
    praise_en=f"No other plan of up to {Q3_MINUTES} minutes goes higher in the model.",
)
