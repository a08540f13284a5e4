"""Exercises of lesson 02 (improving your SSI), checked against the example SSI and the model."""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping
from typing import Any

from .._checks import check_number
from .._i18n import format_number, format_percent, short_repr, tr
from ..actions import load_actions, plan_minutes
from ..datasets import load_dataset
from ..errors import SSIInputError
from ..score import PILLAR_LABELS, SSI, TOTAL_MAX, pillar_label
from ..simulation import DECAY, best_plan, simulate
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

__all__ = [
    "BURST", "BURST_WEEKS", "EXERCISES", "LESSON", "PLAN_KEYS", "Q2_ACTIONS", "Q3_MINUTES", "Q5_ACTION", "QUIZ",
    "STEADY", "WEEKS", "action_choices", "q1", "q2", "q3", "q4", "q5",
]

LESSON = "02"

WEEKS = 26  # six months
Q2_ACTIONS = ("compartir_contenido", "responder_mensajes")
Q3_MINUTES = 90
STEADY = ("compartir_contenido",)
"""The steady plan of exercise 4: one habit, every week of the six months."""
BURST = ("compartir_contenido", "uso_diario", "debates", "responder_mensajes", "invitaciones_personalizadas")
"""The burst of exercise 4: every weekly action of «información», only the first weeks."""
BURST_WEEKS = 4
Q5_ACTION = "debates"

PLAN_KEYS: dict[str, str] = {
    "constante": "steady", "constancia": "steady", "steady": "steady",
    "intensivo": "burst", "intenso": "burst", "arrebato": "burst", "burst": "burst",
}
"""How a learner may name the plans of exercise 4 (Spanish or English, no accents needed)."""


def _example() -> SSI:
    return load_dataset("ssi_ejemplo").member


def _final_total(ids: Iterable[str]) -> float:
    frame = simulate(_example(), list(ids), weeks=WEEKS)
    return float(frame[(frame.week == WEEKS) & (frame.pillar == "total")].score.iloc[0])


def action_choices() -> tuple[Choice, ...]:
    """The catalog's actions as options of an exercise: the id for the judge, the label to read,
    grouped by pillar (what the simulator shows).

    >>> action_choices()[0].value, action_choices()[0].label
    ('perfil_completo', 'Completar el perfil al 100 %')
    """
    catalog = load_actions()
    return tuple(
        Choice(str(action), str(label_es), str(label_en),
               PILLAR_LABELS["es"][pillar].capitalize(), PILLAR_LABELS["en"][pillar].capitalize())
        for action, label_es, label_en, pillar in zip(catalog["id"], catalog["label_es"], catalog["label_en"],
                                                      catalog["pillar"])
    )


def _named(ids: Iterable[str]) -> str:
    """Actions as a judge names them: ids for code, the labels a learner ticked in a widget."""
    ids = list(ids)
    labels = load_actions().set_index("id")["label"]
    return tr_path("{ids}", "{ids}", "{labels}", "{labels}",
                   ids=", ".join(short_repr(a, 40) for a in ids),
                   labels=", ".join(f"«{labels.get(a, a)}»" for a in ids))


def _labels(ids: Iterable[str]) -> list[str]:
    labels = load_actions().set_index("id")["label"]
    return [str(labels[a]) for a in ids]


def _facts() -> dict[str, Any]:
    q2 = _labels(Q2_ACTIONS)
    return {
        "weakest": pillar_label(_example().weakest),
        "q2_first": q2[0], "q2_second": q2[1],
        "q2_shown": format_number(_projected_total(), 1),
        "steady": _labels(STEADY)[0], "steady_minutes": plan_minutes(list(STEADY), weeks=WEEKS),
        "burst_minutes": plan_minutes(list(BURST), weeks=BURST_WEEKS),
        "steady_total": format_number(_steady_total(), 1), "burst_total": format_number(_burst_total(), 1),
        "decay": format_percent(DECAY),
    }


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


# --- 1. where the course advises to start ---------------------------------------------------
def _weakest_actions() -> list[str]:
    from ..actions import actions_for

    return [str(a) for a in actions_for(_example().weakest).id]


def _judge_weakest_actions(answer: Any) -> str | None:
    ids = _as_ids(answer)
    if isinstance(ids, str):
        return ids
    if len(ids) < 2:
        return tr_path("Elige al menos dos acciones.", "Pick at least two actions.",
                       "Marca al menos dos acciones.", "Tick at least two actions.")
    weakest = set(_weakest_actions())
    others = [a for a in ids if a not in weakest]
    if others:
        if len(others) == 1:
            return tr("{ids} no es del pilar más débil. ¿Cuál es el pilar más bajo del ejemplo?",
                      "{ids} does not belong to the weakest pillar. Which pillar is the example's lowest?",
                      ids=_named(others))
        return tr("{ids} no son del pilar más débil. ¿Cuál es el pilar más bajo del ejemplo?",
                  "{ids} do not belong to the weakest pillar. Which pillar is the example's lowest?",
                  ids=_named(others))
    return None


# --- 2. reading a projection ----------------------------------------------------------------
def _projected_total() -> float:
    return round(_final_total(Q2_ACTIONS), 3)


def _judge_projection(answer: Any) -> str | None:
    value = read_number(answer)[0]
    if value is None and isinstance(answer, numbers.Real) and not isinstance(answer, bool):
        try:  # a numpy number or a Fraction; 10**400 or NaN get the range message
            value = float(answer) if math.isfinite(float(answer)) else None
        except OverflowError:
            value = None
    if value is None and isinstance(answer, numbers.Real) and not isinstance(answer, bool):
        return tr("{r} no es un total posible: el total del SSI va de 0 a 100.",
                  "{r} is not a possible total: the SSI total goes from 0 to 100.", r=short_repr(answer))
    if value is None:
        return tr_path("Escribe un número, por ejemplo 45.3 o \"45,3\".", "Write a number, e.g. 45.3.",
                       "Escribe un número, por ejemplo 45,3.", "Write a number, e.g. 45.3.")
    try:
        value = check_number(value, name=tr("respuesta", "answer"), maximum=TOTAL_MAX)
    except SSIInputError as error:
        return error.message + " " + tr("El total del SSI va de 0 a 100.", "The SSI total goes from 0 to 100.")
    # Right as computed, or as the simulator's summary shows it (one decimal).
    if math.isclose(value, _projected_total(), abs_tol=0.05) or math.isclose(value, round(_projected_total(), 1)):
        return None
    if math.isclose(value, _example().total, abs_tol=0.05):
        return tr_path(
            "Ese es el total de la semana 0. Busca la fila de la semana {weeks}.",
            "That is week 0's total. Look for the row of week {weeks}.",
            "Ese es el total de la semana 0, el primer número de «Proyección en {weeks} semanas». Lee el segundo.",
            "That is week 0's total, the first number of 'Projection over {weeks} weeks'. Read the second.",
            weeks=WEEKS,
        )
    if math.isclose(value, _final_total([]), abs_tol=0.05):
        return tr_path(
            "Ese es el total sin hacer nada. ¿Pasaste las dos acciones a simulate?",
            "That is the total when doing nothing. Did you pass both actions to simulate?",
            "Ese es el total sin hacer nada. ¿Marcaste las dos acciones en el simulador?",
            "That is the total when doing nothing. Did you tick both actions in the simulator?",
        )
    return tr_path(
        "No coincide con la proyección. Mira la fila «total» de la semana {weeks}.",
        "It does not match the projection. Look at the 'total' row of week {weeks}.",
        "No coincide con la proyección. En el simulador, con solo esas dos acciones marcadas y {weeks} semanas, "
        "lee el último número de «Proyección en {weeks} semanas».",
        "It does not match the projection. In the simulator, with only those two actions ticked and {weeks} weeks, "
        "read the last number of 'Projection over {weeks} weeks'.",
        weeks=WEEKS,
    )


# --- 3. the best plan for 90 minutes --------------------------------------------------------
def _best_actions() -> list[str]:
    return list(best_plan(_example(), Q3_MINUTES, weeks=WEEKS).actions)


def _judge_best_plan(answer: Any) -> str | None:
    ids = _as_ids(answer)
    if isinstance(ids, str):
        return ids
    minutes = plan_minutes(ids, weeks=WEEKS)
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
        return tr_path(
            "Cabe en tu tiempo y llega a {mine}, pero hay un plan que llega más alto. "
            "Prueba ssi_kit.best_plan.",
            "It fits your time and reaches {mine}, but a plan exists that goes higher. "
            "Try ssi_kit.best_plan.",
            "Cabe en tu tiempo y llega a {mine}, pero hay un plan que llega más alto. Prueba el botón «Mejor plan "
            "para mi tiempo» del simulador con {budget} min/semana.",
            "It fits your time and reaches {mine}, but a plan exists that goes higher. Try the simulator's button "
            "'Best plan for my time' with {budget} min/week.",
            mine=format_number(mine, 1), budget=Q3_MINUTES,
        )
    return None


# --- 4. steady work against a one-off burst -------------------------------------------------
def _steady_total() -> float:
    return _final_total(STEADY)


def _burst_total() -> float:
    first = simulate(_example(), list(BURST), weeks=BURST_WEEKS)
    rest = simulate(first, [], weeks=WEEKS - BURST_WEEKS)
    return float(rest.score.iloc[-1])  # the last row is the total of the last week


def _winner() -> str:
    """The plan that ends higher, as the learner names it."""
    steady = _steady_total() >= _burst_total()
    return tr("constante", "steady") if steady else tr("intensivo", "burst")


def _judge_steady(answer: Any) -> str | None:
    name = read_name(answer)
    key = PLAN_KEYS.get(name or "")
    if key is None:
        return tr("Responde entre comillas: «constante» o «intensivo».",
                  "Answer in quotes: \"steady\" or \"burst\".")
    if PLAN_KEYS[read_name(_winner()) or ""] == key:
        return None
    return tr(
        "El plan intensivo sube mucho al principio, pero ¿qué le pasa a un pilar cuando dejas de trabajarlo? "
        "Compara los totales de la semana {weeks}.",
        "The burst climbs fast at first, but what happens to a pillar once you stop working on it? "
        "Compare the totals at week {weeks}.",
        weeks=WEEKS,
    )


# --- 5. which pillar an action feeds --------------------------------------------------------
def _pillar_of(action: str) -> str:
    return pillar_label(str(load_actions().set_index("id").pillar[action]))


def _judge_pillar(answer: Any) -> str | None:
    pillar = read_pillar(answer)
    if pillar is None:
        return unknown_pillar(
            "Responde con el nombre corto de un pilar entre comillas: «marca», «personas», «información» o "
            "«relaciones».",
            "Answer with a pillar's short name in quotes: \"brand\", \"people\", \"insights\" or \"relationships\".",
        )
    if pillar != str(load_actions().set_index("id").pillar[Q5_ACTION]):
        return tr(
            "No es ese. Debatir en un grupo es aportar ideas y conocimiento a los demás: ¿qué pilar trata de eso?",
            "Not that one. Discussing in a group is sharing ideas and knowledge: which pillar is about that?",
        )
    return None


q1 = Exercise(
    _judge_weakest_actions,
    hint_es="El curso aconseja empezar por el pilar más débil: mira en la sección 1 cuál tiene menos puntos en el "
    "ejemplo y marca dos de sus acciones. Desde el código: `ssi_kit.actions_for(ejemplo.member.weakest)`.",
    hint_en="The course advises starting with the weakest pillar: see in section 1 which has fewest points in the "
    "example and tick two of its actions. From code: `ssi_kit.actions_for(ejemplo.member.weakest)`.",
    solution_es="Cualquier par de acciones del pilar más débil, «{weakest}», vale: {expected}. Desde el código: "
    "`ssi_kit.actions_for(ejemplo.member.weakest)` las lista.",
    solution_en="Any two actions of the weakest pillar, '{weakest}', will do: {expected}. From code: "
    "`ssi_kit.actions_for(ejemplo.member.weakest)` lists them.",
    praise_es="Empiezas por donde más margen tienes, como aconseja el curso.",
    praise_en="You start where you have most room, as the course advises.",
    compute=_weakest_actions,
    lesson=LESSON, key="q1", kind="choices", choices=action_choices, facts=_facts,
    prompt_es="Siguiendo el consejo del curso sobre por dónde empezar, elige al menos dos acciones para el SSI de "
    "ejemplo.",
    prompt_en="Following the course's advice on where to start, pick at least two actions for the example SSI.",
)
q2 = NumericExercise(
    _judge_projection,
    hint_es=f"En el simulador, pulsa «Quitar todo», marca solo esas dos acciones y deja {WEEKS} semanas: el resumen "
    f"dice «Proyección en {WEEKS} semanas: inicio → final», y el final es el total de la semana {WEEKS}. "
    f"Desde el código: "
    f"`projection_at(ssi_kit.simulate(ejemplo.member, {list(Q2_ACTIONS)}, weeks={WEEKS}), weeks=[{WEEKS}])`.",
    hint_en=f"In the simulator, press 'Clear all', tick only those two actions and keep {WEEKS} weeks: the summary "
    f"says 'Projection over {WEEKS} weeks: start → end', and the end is the total of week {WEEKS}. From code: "
    f"`projection_at(ssi_kit.simulate(ejemplo.member, {list(Q2_ACTIONS)}, weeks={WEEKS}), weeks=[{WEEKS}])`.",
    solution_es=f"{{expected}} (el simulador lo redondea a {{q2_shown}}). Es la fila «total» de la semana {WEEKS} en "
    f"`ssi_kit.show_table(projection_at(ssi_kit.simulate(ejemplo.member, {list(Q2_ACTIONS)}, weeks={WEEKS}), "
    f"weeks=[{WEEKS}]))`.",
    solution_en=f"{{expected}} (the simulator rounds it to {{q2_shown}}). It is the 'total' row of week {WEEKS} in "
    f"`ssi_kit.show_table(projection_at(ssi_kit.simulate(ejemplo.member, {list(Q2_ACTIONS)}, weeks={WEEKS}), "
    f"weeks=[{WEEKS}]))`.",
    praise_es="Eso es lo que proyecta el modelo de ssi-kit: una orientación, no una promesa de LinkedIn.",
    praise_en="That is what ssi-kit's model projects: a guide, not a promise from LinkedIn.",
    compute=_projected_total,
    lesson=LESSON, key="q2", kind="number", facts=_facts, about_model=True,
    prompt_es=f"En el simulador (con el SSI de ejemplo), deja marcadas solo «{{q2_first}}» y «{{q2_second}}», con "
    f"{WEEKS} semanas. ¿Qué total proyecta el modelo en la semana {WEEKS}?",
    prompt_en=f"In the simulator (with the example SSI), leave only '{{q2_first}}' and '{{q2_second}}' ticked, with "
    f"{WEEKS} weeks. What total does the model project at week {WEEKS}?",
)
q3 = Exercise(
    _judge_best_plan,
    hint_es=f"En el simulador, pon «Min/semana» en {Q3_MINUTES}, deja {WEEKS} semanas y pulsa «Mejor plan para mi "
    "tiempo»: prueba todas las combinaciones que caben en ese tiempo y marca la mejor. Desde el código: "
    f"`ssi_kit.best_plan(ejemplo.member, {Q3_MINUTES}, weeks={WEEKS})`.",
    hint_en=f"In the simulator, set 'Min/week' to {Q3_MINUTES}, keep {WEEKS} weeks and press 'Best plan for my time': "
    "it tries every combination that fits that time and ticks the best. From code: "
    f"`ssi_kit.best_plan(ejemplo.member, {Q3_MINUTES}, weeks={WEEKS})`.",
    solution_es=f"{{expected}}: las marca el botón «Mejor plan para mi tiempo» con {Q3_MINUTES} min/semana. Desde el "
    f"código, `print(ssi_kit.best_plan(ejemplo.member, {Q3_MINUTES}, weeks={WEEKS}))` lo dice, con sus minutos y su "
    "total.",
    solution_en=f"{{expected}}: the button 'Best plan for my time' ticks them with {Q3_MINUTES} min/week. From code, "
    f"`print(ssi_kit.best_plan(ejemplo.member, {Q3_MINUTES}, weeks={WEEKS}))` says so, with its minutes and total.",
    praise_es=f"Según el modelo de ssi-kit, ningún otro plan de hasta {Q3_MINUTES} minutos llega más alto.",
    praise_en=f"According to ssi-kit's model, no other plan of up to {Q3_MINUTES} minutes goes higher.",
    compute=_best_actions,
    lesson=LESSON, key="q3", kind="choices", choices=action_choices, about_model=True,
    prompt_es=f"El ejemplo tiene {Q3_MINUTES} minutos a la semana. ¿Qué acciones forman el plan que más sube su total "
    f"en {WEEKS} semanas? Búscalo con el simulador y marca aquí esas acciones.",
    prompt_en=f"The example has {Q3_MINUTES} minutes a week. Which actions make the plan that raises its total most in "
    f"{WEEKS} weeks? Find it with the simulator and tick those actions here.",
)
q4 = Exercise(
    _judge_steady,
    hint_es=f"¿Qué le pasa a un pilar cuando dejas de trabajarlo? En el simulador, con solo «{{steady}}» marcada, lee "
    f"el total de la semana {WEEKS}; con las cinco acciones de «información» y {BURST_WEEKS} semanas, mira cuánto "
    f"sube en ese tiempo. Después, sin ningún hábito, cada pilar pierde cada semana un {{decay}} de lo que tiene "
    f"por encima de su suelo, durante {WEEKS - BURST_WEEKS} semanas. Desde el código, constante: "
    f"`projection_at(ssi_kit.simulate(ejemplo.member, {list(STEADY)}, weeks={WEEKS}), weeks=[{WEEKS}])`; "
    f"intensivo (la segunda parte sigue a la primera): "
    f"`intensivo = ssi_kit.simulate(ssi_kit.simulate(ejemplo.member, {list(BURST)}, weeks={BURST_WEEKS}), [], "
    f"weeks={WEEKS - BURST_WEEKS}); print(projection_at(intensivo, weeks=[{WEEKS - BURST_WEEKS}]))`.",
    hint_en=f"What happens to a pillar once you stop working on it? In the simulator, with only '{{steady}}' ticked, "
    f"read the total of week {WEEKS}; with the five 'insights' actions and {BURST_WEEKS} weeks, see how much it "
    f"climbs in that time. Afterwards, with no habit, each pillar loses {{decay}} a week of what it has above its "
    f"floor, for {WEEKS - BURST_WEEKS} weeks. From code, steady: "
    f"`projection_at(ssi_kit.simulate(ejemplo.member, {list(STEADY)}, weeks={WEEKS}), weeks=[{WEEKS}])`; "
    f"burst (the second part continues the first): "
    f"`intensivo = ssi_kit.simulate(ssi_kit.simulate(ejemplo.member, {list(BURST)}, weeks={BURST_WEEKS}), [], "
    f"weeks={WEEKS - BURST_WEEKS}); print(projection_at(intensivo, weeks=[{WEEKS - BURST_WEEKS}]))`.",
    solution_es=f"«{{expected}}»: según el modelo de ssi-kit, en la semana {WEEKS} el constante llega a "
    "{steady_total} y el intensivo se queda "
    "en {burst_total}. El intensivo sube deprisa, pero en cuanto lo dejas el pilar vuelve a bajar hacia su suelo; "
    "el constante nunca baja y sigue sumando cada semana, con menos esfuerzo por semana.",
    solution_en=f"'{{expected}}': according to ssi-kit's model, at week {WEEKS} the steady plan reaches "
    "{steady_total} and the burst stays at "
    "{burst_total}. The burst climbs fast, but once you stop, the pillar fades back towards its floor; the steady "
    "plan never goes down and keeps adding every week, with less effort per week.",
    praise_es="Según el modelo de ssi-kit, un poco cada semana gana a mucho de golpe, porque el modelo hace que "
    "el SSI refleje tu actividad de ahora.",
    praise_en="According to ssi-kit's model, a little every week beats a lot at once, because the model makes the "
    "SSI reflect what you do now.",
    compute=_winner,
    lesson=LESSON, key="q4", kind="choice", facts=_facts, about_model=True,
    choices=(Choice("constante", "Constante", "Steady"), Choice("intensivo", "Intensivo", "Burst")),
    prompt_es=f"Dos planes para el SSI de ejemplo durante {WEEKS} semanas. Constante: «{{steady}}» "
    f"({{steady_minutes}} minutos) todas las semanas. Intensivo: las cinco acciones de «información» a la vez "
    f"({{burst_minutes}} minutos a la semana), pero solo las {BURST_WEEKS} primeras semanas; después, nada. Antes de "
    f"calcular nada: ¿cuál acaba con el total más alto en la semana {WEEKS}?",
    prompt_en=f"Two plans for the example SSI over {WEEKS} weeks. Steady: '{{steady}}' ({{steady_minutes}} minutes) "
    f"every week. Burst: the five 'insights' actions at once ({{burst_minutes}} minutes a week), but only the first "
    f"{BURST_WEEKS} weeks; then nothing. Before working anything out: which ends with the higher total at week "
    f"{WEEKS}?",
)
q5 = Exercise(
    _judge_pillar,
    hint_es="Piensa en qué haces al debatir en un grupo. Puedes comprobarlo en la tabla de acciones del curso "
    f"(sección 3, columna «Pilar»). Desde el código: `ssi_kit.show_table(plan_actions([\"{Q5_ACTION}\"]))`.",
    hint_en="Think of what you do when you discuss in a group. You can check it in the course's table of actions "
    f"(section 3, column 'Pillar'). From code: `ssi_kit.show_table(plan_actions([\"{Q5_ACTION}\"]))`.",
    solution_es="«{expected}»: aportar ideas en los debates de tus grupos es interactuar ofreciendo información. "
    f"`plan_actions([\"{Q5_ACTION}\"])` lo muestra.",
    solution_en="'{expected}': contributing ideas to your groups' discussions is engaging with insights. "
    f"`plan_actions([\"{Q5_ACTION}\"])` shows it.",
    praise_es="Compartir lo que sabes, en grupos o en publicaciones, es lo que alimenta ese pilar.",
    praise_en="Sharing what you know, in groups or in posts, is what feeds that pillar.",
    compute=lambda: _pillar_of(Q5_ACTION),
    lesson=LESSON, key="q5",
    prompt_es="Según el curso, participar en los debates de tus grupos, ¿a qué pilar alimenta? Escribe su nombre "
    "corto: «marca», «personas», «información» o «relaciones».",
    prompt_en="According to the course, taking part in your groups' discussions feeds which pillar? Write its short "
    "name: 'brand', 'people', 'insights' or 'relationships'.",
)
EXERCISES = (q1, q2, q3, q4, q5)
"""The lesson's exercises, in order (``ssi_kit.widgets.exercises(lesson02)`` shows them all)."""

QUIZ = [
    Question(
        "¿Por dónde aconseja el curso empezar a mejorar tu SSI?",
        "Where does the course advise you to start improving your SSI?",
        ("Por el pilar con más puntos", "Por los cuatro pilares a la vez, por igual", "Por el pilar más débil"),
        ("With the pillar with the most points", "With all four pillars at once, equally", "With the weakest pillar"),
        2,
        "Evalúa cada área y empieza por la que peor resultado tenga: es donde más margen queda.",
        "Assess each area and start with the one that scores worst: that is where there is most room.",
        wrong_es=("El pilar con más puntos es el que menos margen tiene para subir.",
                  "El curso aconseja un orden: no empezar por todo a la vez.", ""),
        wrong_en=("The pillar with most points has the least room to grow.",
                  "The course advises an order: not everything at once.", ""),
    ),
    Question(
        "En el modelo de ssi-kit, ¿qué le pasa a un pilar en el que haces al menos una acción cada semana?",
        "In ssi-kit's model, what happens to a pillar you work on with at least one action every week?",
        ("No baja: solo puede subir", "Baja igual que uno sin actividad", "Sube lo mismo cada semana, sin freno"),
        ("It does not go down: it can only go up", "It fades like an idle one", "It rises the same every week, "
         "without slowing"),
        0,
        "En el modelo de ssi-kit la constancia se premia: solo bajan los pilares sin hábitos, y las ganancias se "
        "frenan cerca de 25.",
        "In ssi-kit's model steady work pays: only pillars without habits fade, and gains slow down near 25.",
        wrong_es=("", "En el modelo, lo que baja cada semana es lo que no trabajas.",
                  "En el modelo, cuanto más cerca de 25, más cuesta subir."),
        wrong_en=("", "In the model, what fades each week is what you do not work on.",
                  "In the model, the closer to 25, the harder it is to climb."),
        about_model=True,
    ),
    Question(
        "Completar tu perfil al 100 %, ¿cómo cuenta en el modelo?",
        "Completing your profile to 100%: how does it count in the model?",
        ("Da puntos cada semana para siempre", "Un empujón de una vez que se queda", "No cuenta para nada"),
        ("It earns points every week forever", "A one-time lift that stays", "It does not count at all"),
        1,
        "En el modelo de ssi-kit, lo que haces una vez cuenta una vez: sube el pilar y el suelo, pero no se "
        "repite.",
        "In ssi-kit's model, what you do once counts once: it lifts the pillar and the floor, but does not repeat.",
        wrong_es=("Completar el perfil se hace una vez: ¿puede repetirse su efecto cada semana?", "",
                  "El curso dice que un perfil completo es importante, y el modelo lo cuenta."),
        wrong_en=("You complete your profile once: can its effect repeat every week?", "",
                  "The course says a complete profile matters, and the model counts it."),
        about_model=True,
    ),
    Question(
        "Según el curso, ¿mide el SSI tu productividad?",
        "According to the course, does the SSI measure your productivity?",
        ("Sí, es una nota exacta de tu trabajo", "No: orienta sobre qué mejorar"),
        ("Yes, it is an exact mark of your work", "No: it points to what to improve"),
        1,
        "El SSI es un indicador para orientarte, no una medida de productividad ni una meta exacta.",
        "The SSI is an indicator to guide you, not a measure of productivity nor an exact target.",
        wrong_es=("Mira el apartado «¿Qué no es el SSI?» del artículo del curso.", ""),
        wrong_en=("See the section 'What the SSI is not' in the course's article.", ""),
    ),
]
