"""Exercises of lesson 01 (what the SSI is), checked against the example SSI and the course's pillars."""

from __future__ import annotations

import math
from typing import Any

from .._i18n import format_number, tr
from ..datasets import load_dataset
from ..score import LAGGARD_THRESHOLD, LEADER_THRESHOLD, LEVELS, SSI, pillar_label
from . import (
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
    "EXERCISES", "INTRODUCTION_PILLARS", "LESSON", "LEVEL_KEYS", "Q2_PEOPLE", "Q3_PILLARS", "QUIZ",
    "q1", "q2", "q3", "q4",
]

LESSON = "01"

Q2_PEOPLE = 15.0
Q3_PILLARS = (20.0, 18.0, 17.0, 16.5)

LEVEL_KEYS: dict[str, str] = {
    "lider": "leader", "lideres": "leader", "leader": "leader", "leaders": "leader",
    "intermedio": "average", "intermedios": "average", "medio": "average", "average": "average",
    "rezagado": "laggard", "rezagados": "laggard", "laggard": "laggard", "laggards": "laggard",
}
"""A level as a learner types it (Spanish or English, no accents needed) → the key of SSI.level."""


def _example() -> SSI:
    return load_dataset("ssi_ejemplo").member


def _level_word(level: str) -> str:
    """The one word a learner types for a level: «líder», «intermedio», «rezagado»."""
    return tr(LEVELS["es"][level], LEVELS["en"][level]).split(" (")[0]


def _facts() -> dict[str, str]:
    example = _example()
    return {"people_now": format_number(example.people), "total_now": format_number(example.total),
            "pillars": "; ".join(format_number(v) for v in Q3_PILLARS),
            "sum": format_number(SSI(*Q3_PILLARS).total)}


def _judge_weakest(answer: Any) -> str | None:
    pillar = read_pillar(answer)
    if pillar is None:
        return unknown_pillar(
            "Responde con el nombre corto de un pilar entre comillas: \"marca\", \"personas\", \"información\" o "
            "\"relaciones\".",
            "Answer with a pillar's short name in quotes: \"brand\", \"people\", \"insights\" or \"relationships\".",
        )
    if pillar != _example().weakest:
        return tr("Ese no es el más bajo. Compara las cuatro barras del ejemplo.",
                  "That is not the lowest. Compare the example's four bars.")
    return None


def _total_with_people() -> float:
    return round(SSI(**{**_example().as_dict(), "people": Q2_PEOPLE}).total, 3)


def _judge_total(answer: Any) -> str | None:
    value = read_number(answer)[0]
    if value is None:
        return tr_path("Escribe un número, por ejemplo 42.5 (o \"42,5\" entre comillas).", "Write a number, e.g. 42.5.",
                       "Escribe un número, por ejemplo 42,5.", "Write a number, e.g. 42.5.")
    # Right as computed or as the lesson shows totals (one decimal): 42,9 for 42,895.
    if abs(value - _total_with_people()) <= 0.05 + 1e-9:
        return None
    if math.isclose(value, _example().total, abs_tol=0.01):
        return tr("Ese es el total de ahora; cambia «personas» a 15.",
                  "That is the current total; change 'people' to 15.")
    return tr("El total es la suma de los cuatro pilares.", "The total is the sum of the four pillars.")


def _level_expected() -> str:
    return _level_word(SSI(*Q3_PILLARS).level)


def _judge_level(answer: Any) -> str | None:
    key = LEVEL_KEYS.get(read_name(answer) or "")
    if key is None:
        return tr_path(
            "Responde entre comillas \"líder\", \"intermedio\" o \"rezagado\".",
            "Answer in quotes \"leader\", \"average\" or \"laggard\".",
            "Escribe «líder», «intermedio» o «rezagado».", "Write 'leader', 'average' or 'laggard'.",
        )
    if key != SSI(*Q3_PILLARS).level:
        return tr("Suma los cuatro pilares y compara con las líneas de 30 y 70.",
                  "Add the four pillars and compare with the 30 and 70 lines.")
    return None


INTRODUCTION_PILLARS = ("people", "relationships")
"""The pillars the course files introductions under: the video under «personas» (find the right
people, [03:34]), the article under both; the catalog's ``presentaciones`` is «personas»."""


def _introductions_pillar() -> str:
    """The pillar of ``presentaciones`` in the catalog of actions (the first accepted answer)."""
    from ..actions import load_actions

    return pillar_label(str(load_actions().set_index("id").pillar["presentaciones"]))


def _judge_introductions(answer: Any) -> str | None:
    pillar = read_pillar(answer)
    if pillar is None:
        return unknown_pillar("Responde con el nombre corto de un pilar entre comillas, por ejemplo \"marca\".",
                              "Answer with a pillar's short name in quotes, e.g. \"brand\".")
    if pillar not in INTRODUCTION_PILLARS:
        if pillar == "brand":
            return tr("«Marca» es cómo te presentas tú (tu perfil, tus publicaciones, tus recomendaciones); "
                      "aquí es otra persona quien te presenta.",
                      "'Brand' is how you present yourself (profile, posts, recommendations); here someone else "
                      "introduces you.")
        return tr("«Información» es aportar ideas y contenido a tu red; pedir que te presenten no es compartir "
                  "contenido.",
                  "'Insights' is bringing ideas and content to your network; asking for an introduction is not "
                  "sharing content.")
    return None


_CUTS = f"{LEADER_THRESHOLD:g} y {LAGGARD_THRESHOLD:g}"
_CUTS_EN = f"{LEADER_THRESHOLD:g} and {LAGGARD_THRESHOLD:g}"
_PILLAR_NAMES_ES = "«marca», «personas», «información» o «relaciones»"
_PILLAR_NAMES_EN = "'brand', 'people', 'insights' or 'relationships'"

q1 = Exercise(
    _judge_weakest,
    hint_es="Mira la barra más baja del gráfico, o ejecuta `ejemplo.member.weakest`.",
    hint_en="Look at the lowest bar in the chart, or run `ejemplo.member.weakest`.",
    solution_es="«{expected}»: el pilar con menos puntos. Desde el código: "
                "`ssi_kit.pillar_label(ejemplo.member.weakest)`.",
    solution_en="'{expected}': the pillar with fewest points. From code: "
                "`ssi_kit.pillar_label(ejemplo.member.weakest)`.",
    praise_es="Es el pilar con menos puntos: por ahí conviene empezar a mejorar.",
    praise_en="It is the pillar with fewest points: the place to start improving.",
    compute=lambda: pillar_label(_example().weakest),
    lesson=LESSON, key="q1",
    prompt_es=f"¿Cuál es el pilar más débil del SSI de ejemplo? Escribe su nombre corto: {_PILLAR_NAMES_ES}.",
    prompt_en=f"Which is the weakest pillar of the example SSI? Write its short name: {_PILLAR_NAMES_EN}.",
)
q2 = NumericExercise(
    _judge_total,
    hint_es="El total es la suma de los cuatro pilares: cambia solo «personas» y vuelve a sumar. También puedes "
            "hacerlo en los controles de «Mete tus barras» con los valores del ejemplo: pon «personas» en 15 y lee "
            "el total exacto, entre paréntesis.",
    hint_en="The total is the sum of the pillars: change only 'people' and add again. You can also do it with the "
            "controls of 'Enter your bars' at the example's values: set 'people' to 15 and read the exact total, in "
            "brackets.",
    solution_es="{expected}: el total de ahora, {total_now}, menos los {people_now} de «personas», más 15. Desde el "
                "código: `ejemplo.member.total - ejemplo.member.people + 15`.",
    solution_en="{expected}: the current total, {total_now}, minus the {people_now} of 'people', plus 15. From code: "
                "`ejemplo.member.total - ejemplo.member.people + 15`.",
    praise_es="Subir un pilar sube el total en la misma cantidad: el SSI es la suma de los cuatro.",
    praise_en="Raising one pillar raises the total by the same amount: the SSI is the sum of the four.",
    compute=_total_with_people,
    lesson=LESSON, key="q2", kind="number", facts=_facts,
    prompt_es=f"Si el ejemplo subiera su pilar «personas» de {{people_now}} a {Q2_PEOPLE:g} sin tocar los demás, "
              "¿cuál sería su total?",
    prompt_en=f"If the example raised its 'people' pillar from {{people_now}} to {Q2_PEOPLE:g} and left the others as "
              "they are, what would its total be?",
)
q3 = Exercise(
    _judge_level,
    hint_es=f"Suma los cuatro pilares y compara el total con {_CUTS}. Desde el código: "
            "`ssi_kit.SSI(20, 18, 17, 16.5).level_label`.",
    hint_en=f"Add the four pillars and compare the total with {_CUTS_EN}. From code: "
            "`ssi_kit.SSI(20, 18, 17, 16.5).level_label`.",
    solution_es=f"{{pillars}} suman {{sum}}, por encima de {LEADER_THRESHOLD:g} → «{{expected}}».",
    solution_en=f"{{pillars}} add up to {{sum}}, above {LEADER_THRESHOLD:g} → '{{expected}}'.",
    praise_es="Según los cortes de ssi-kit (no de LinkedIn, ver data/fuentes.csv), por encima de 70 estás en el "
              "grupo de cabeza.",
    praise_en="By ssi-kit's cuts (not LinkedIn's, see data/fuentes.csv), above 70 you are in the leading group.",
    compute=_level_expected,
    lesson=LESSON, key="q3", facts=_facts, about_model=True,
    prompt_es=f"Alguien tiene {{pillars}} en sus cuatro pilares. Con los cortes de {_CUTS} que usa ssi-kit, ¿en qué "
              "grupo queda? Escribe «líder», «intermedio» o «rezagado».",
    prompt_en=f"Someone has {{pillars}} in their four pillars. With the cuts at {_CUTS_EN} ssi-kit uses, which group "
              "are they in? Write 'leader', 'average' or 'laggard'.",
)
q4 = Exercise(
    _judge_introductions,
    hint_es="Piensa para qué sirve que alguien te presente: llegar a una persona concreta que te interesa, con "
            "la confianza de un contacto común. En el vídeo del curso sale justo después de la búsqueda avanzada.",
    hint_en="Think of what an introduction is for: reaching a particular person you want to meet, with the trust "
            "of a shared contact. In the course's video it comes right after advanced search.",
    solution_es="«{expected}» o «relaciones»: el vídeo del curso pone las presentaciones de contactos comunes en "
                "«encontrar a las "
                "personas adecuadas», y el artículo también en «construir relaciones» («solicita presentaciones»). "
                "El catálogo de acciones de ssi-kit la cuenta en «personas».",
    solution_en="'{expected}' or 'relationships': the course's video puts introductions through shared contacts "
                "under 'find the right "
                "people', and the article also under 'build relationships' ('ask for introductions'). ssi-kit's "
                "catalog of actions counts it under 'people'.",
    praise_es="El curso la pone en los dos: te ayuda a llegar a la persona adecuada (personas) y tu contacto común "
              "te presta su confianza (relaciones). El catálogo de ssi-kit la cuenta en «personas».",
    praise_en="The course puts it under both: it gets you to the right person (people) and your shared contact "
              "lends you their trust (relationships). ssi-kit's catalog counts it under 'people'.",
    compute=_introductions_pillar,
    lesson=LESSON, key="q4",
    prompt_es="Según el curso, pedir a un contacto que te presente a otra persona, ¿qué pilar alimenta? Escribe su "
              "nombre corto.",
    prompt_en="According to the course, asking a connection to introduce you to someone feeds which pillar? Write its "
              "short name.",
)
EXERCISES = (q1, q2, q3, q4)
"""The lesson's exercises, in order (``ssi_kit.widgets.exercises(lesson01)`` shows them all)."""

QUIZ = [
    Question(
        "¿Cuántos pilares tiene el SSI y cuánto vale cada uno?", "How many pillars has the SSI and what is each worth?",
        ("Cuatro, de 0 a 25", "Cinco, de 0 a 20", "Tres, de 0 a 33"),
        ("Four, 0 to 25", "Five, 0 to 20", "Three, 0 to 33"),
        0,
        "Marca, personas, información y relaciones: 4 × 25 = 100.",
        "Brand, people, insights and relationships: 4 × 25 = 100.",
        wrong_es=("", "Cuenta las barras de la página del SSI y mira su escala.",
                  "Cuenta las barras de la página del SSI y mira su escala."),
        wrong_en=("", "Count the bars on the SSI page and look at their scale.",
                  "Count the bars on the SSI page and look at their scale."),
    ),
    Question(
        "Compartir contenido de valor alimenta sobre todo…", "Sharing valuable content mainly feeds…",
        ("«personas»", "«información»", "ningún pilar"), ("'people'", "'insights'", "no pillar"),
        1,
        "Aportar conocimiento a la conversación es el pilar «interactuar ofreciendo información».",
        "Bringing knowledge to the conversation is the 'engage with insights' pillar.",
        wrong_es=("«Personas» es buscar y encontrar a la gente adecuada, no aportar contenido.", "",
                  "El curso lo nombra entre las acciones de uno de los pilares."),
        wrong_en=("'People' is searching for and finding the right people, not bringing content.", "",
                  "The course names it among the actions of one of the pillars."),
    ),
    Question(
        "¿Para qué sirve el SSI?", "What is the SSI for?",
        ("Para medir la productividad de cada persona", "Para orientar qué mejorar en LinkedIn",
         "Para saber la fórmula exacta de LinkedIn"),
        ("To measure each person's productivity", "To guide what to improve on LinkedIn",
         "To learn LinkedIn's exact formula"),
        1,
        "Es un indicador que orienta; no mide productividad y su fórmula no es pública.",
        "It is a guiding indicator; it does not measure productivity and its formula is not public.",
        wrong_es=("El artículo del curso dice lo contrario en «¿Qué no es el SSI?».", "",
                  "LinkedIn no publica cómo calcula el SSI."),
        wrong_en=("The course's article says the opposite in 'What the SSI is not'.", "",
                  "LinkedIn does not publish how it computes the SSI."),
    ),
    Question(
        "El perfil de Julio, en el vídeo del curso, está completo al 100 %: es «estelar». ¿Qué muestra su SSI?",
        "In the course's video, Julio's profile is 100% complete: it is 'stellar'. What does his SSI show?",
        ("Que ya es muy relevante, porque el perfil completo es lo que cuenta",
         "Que aún no es muy relevante: el SSI mide la actividad, no solo el perfil completo",
         "Nada: el SSI solo se calcula con cuentas de pago"),
        ("That he is already very relevant, because a complete profile is what counts",
         "That he is not very relevant yet: the SSI measures activity, not only a complete profile",
         "Nothing: the SSI is only computed for paid accounts"),
        1,
        "Un perfil completo es importante, pero no es lo único: el SSI se basa en tu actividad en LinkedIn.",
        "A complete profile matters, but it is not all: the SSI is based on your activity on LinkedIn.",
        wrong_es=("El vídeo dice que el perfil completo importa, pero «no es lo único que cuenta».", "",
                  "El artículo dice que hoy cualquiera puede ver su SSI."),
        wrong_en=("The video says a complete profile matters, but 'it is not the only thing that counts'.", "",
                  "The article says anyone can see their SSI today."),
    ),
]
