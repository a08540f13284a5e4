"""Exercises of lesson 03 (the relationship pyramid), checked with ssi_kit.network."""

from __future__ import annotations

from typing import Any

from .._i18n import tr
from . import KEEP_LOOKING, Exercise, NumericExercise, Question, percent_answer, read_name, read_number

__all__ = ["COURSE_SEARCH", "Q2_CONNECTIONS", "QUIZ", "TARGET", "q1", "q2", "q3"]

COURSE_SEARCH = {1: 131, 2: 2905, 3: 5876}
"""The course's search: 131 first-degree results (1.47 %); the split of the rest is made up."""
Q2_CONNECTIONS = 800
TARGET = "Marta"


def _first_degree_percent() -> float:
    from ..network import degree_shares

    return round(float(degree_shares(COURSE_SEARCH)["share"].iloc[0]) * 100, 2)


def _judge_search_share(answer: Any) -> str | None:
    verdict, _value, note = percent_answer(answer, _first_degree_percent(), tolerance=0.01, example="12.5")
    if verdict != KEEP_LOOKING:
        return verdict
    return (note + " " if note else "") + tr(
        "Divide los resultados de 1.er grado entre el total de los tres grados.",
        "Divide the 1st-degree results by the total of the three degrees.")


def _second_degree() -> int:
    from ..network import pyramid

    return int(pyramid(Q2_CONNECTIONS)["count"].iloc[1])


def _whole_number(answer: Any) -> float | None:
    """A count as a Spanish speaker writes it: 57600, "57.600", "57 600", or 57,600 (a tuple)."""
    if isinstance(answer, tuple) and len(answer) == 2 and all(
            isinstance(p, int) and not isinstance(p, bool) and p >= 0 for p in answer) and len(str(answer[1])) == 3:
        return float(f"{answer[0]}{answer[1]:03d}")
    if isinstance(answer, str):
        from .._checks import parse_typed_number
        from ..errors import SSIInputError, SSITypeError

        try:
            return parse_typed_number(answer, name="respuesta", integer=True, maximum=1e12)
        except (SSIInputError, SSITypeError):
            return None
    return read_number(answer)[0]


def _judge_second_degree(answer: Any) -> str | None:
    from ..network import pyramid

    value = _whole_number(answer)
    if value is None:
        return tr("Escribe un número entero de personas, por ejemplo 1500 o \"1.500\".",
                  "Write a whole number of people, e.g. 1500.")
    if value == _second_degree():
        return None
    if value == int(pyramid(Q2_CONNECTIONS)["count"].iloc[2]):
        return tr("Ese es el 3.er grado; la pregunta es por el 2.º.",
                  "That is the 3rd degree; the question is the 2nd.")
    return tr("Mira la fila del 2.º grado de la pirámide de 800 contactos.",
              "Look at the 2nd-degree row of the pyramid for 800 connections.")


def _ranking() -> Any:
    from ..datasets import load_dataset
    from ..network import introducers

    return introducers(load_dataset("red_ejemplo"), "Yo", TARGET)


def _best_introducers() -> list[str]:
    """Everyone tied at the top score: the course's idea (most shared contacts) does not split them."""
    ranking = _ranking()
    top = ranking["score"].max()
    return [str(n) for n in ranking.loc[ranking["score"] == top, "introducer"]]


def _judge_best_introducer(answer: Any) -> str | None:
    name = read_name(answer)
    if name is None:
        return tr("Escribe el nombre entre comillas, por ejemplo \"Ana\".", "Write the name in quotes, e.g. \"Ana\".")
    if name in {read_name(n) for n in _best_introducers()}:
        return None
    if name in {read_name(str(n)) for n in _ranking()["introducer"]}:
        return tr("Esa persona conoce a Marta, pero hay quien comparte más contactos con los dos.",
                  "That person knows Marta, but someone shares more contacts with both of you.")
    return tr("Esa persona no puede presentarte a Marta: mira la tabla de quién puede presentarte.",
              "That person cannot introduce you to Marta: look at the table of who can introduce you.")


q1 = NumericExercise(
    _judge_search_share,
    hint_es="Divide los 131 de 1.er grado entre el total de los tres grados y multiplica por 100: "
            "`131 / (131 + 2905 + 5876) * 100`.",
    hint_en="Divide the 131 first-degree results by the three degrees' total and multiply by 100: "
            "`131 / (131 + 2905 + 5876) * 100`.",
    solution_es="{expected} %: `ssi_kit.describe_pyramid(busqueda)` lo dice. Casi todo está fuera de tu "
                "1.er grado.",
    solution_en="{expected}%: `ssi_kit.describe_pyramid(busqueda)` says so. Almost everything is outside your "
                "1st degree.",
    praise_es="Menos de 2 de cada 100 resultados son contactos tuyos: el resto está en tu red extendida.",
    praise_en="Fewer than 2 in 100 results are your contacts: the rest is in your extended network.",
    compute=_first_degree_percent,
)
q2 = Exercise(
    _judge_second_degree,
    hint_es="Calcula la pirámide de 800 contactos con `ssi_kit.pyramid(800)` y lee la fila del 2.º grado.",
    hint_en="Compute the pyramid for 800 connections with `ssi_kit.pyramid(800)` and read the 2nd-degree row.",
    solution_es="`ssi_kit.pyramid(800)` → {expected} personas en 2.º grado (800 × 400 × 0,18).",
    solution_en="`ssi_kit.pyramid(800)` → {expected} people in the 2nd degree (800 × 400 × 0.18).",
    praise_es="Cada contacto nuevo abre la puerta a decenas de personas de 2.º grado.",
    praise_en="Each new connection opens the door to dozens of 2nd-degree people.",
    compute=_second_degree,
)
q3 = Exercise(
    _judge_best_introducer,
    hint_es="Mira la tabla `ssi_kit.introducers(red, \"Yo\", \"Marta\")`: la puntuación suma los contactos "
            "que cada persona comparte contigo y con Marta.",
    hint_en="Look at the table `ssi_kit.introducers(red, \"Yo\", \"Marta\")`: the score adds the contacts "
            "each person shares with you and with Marta.",
    solution_es="{expected}: empatan en puntuación, así que cualquiera de las dos vale. La tabla pone delante a "
                "quien comparte más contactos contigo, porque te conoce mejor.",
    solution_en="{expected}: they tie on score, so either will do. The table puts first whoever shares more "
                "contacts with you, because they know you better.",
    praise_es="Quien comparte más contactos con los dos transmite más confianza en la presentación.",
    praise_en="Whoever shares more contacts with both carries more trust into the introduction.",
    compute=_best_introducers,
)

QUIZ = [
    Question(
        "¿Qué parte de tu red son tus contactos directos, según el curso?",
        "What part of your network are your direct contacts, according to the course?",
        ("Alrededor de la mitad", "Entre el 0,01 % y el 0,03 %", "Más del 99,7 %"),
        ("About half", "Between 0.01% and 0.03%", "More than 99.7%"),
        1,
        "Tu 1.er grado es una parte minúscula; más del 99,7 % está en 2.º y 3.er grado.",
        "Your 1st degree is a tiny part; more than 99.7% is in the 2nd and 3rd degree.",
    ),
    Question(
        "Quieres llegar a alguien de 2.º grado. ¿Qué aconseja el curso?",
        "You want to reach someone in your 2nd degree. What does the course advise?",
        ("Escribirle sin más", "Pedir a un contacto común que te presente", "Esperar a que te escriba"),
        ("Write to them out of the blue", "Ask a shared contact to introduce you", "Wait for them to write"),
        1,
        "El contacto común presta su confianza: la presentación abre la puerta.",
        "The shared contact lends you their trust: the introduction opens the door.",
    ),
    Question(
        "¿Dónde suelen estar las oportunidades (clientes, empleos, socios)?",
        "Where are opportunities (clients, jobs, partners) usually found?",
        ("Entre quienes ya conoces", "En tu 2.º y 3.er grado", "Fuera de LinkedIn"),
        ("Among people you already know", "In your 2nd and 3rd degree", "Outside LinkedIn"),
        1,
        "La red extendida es casi toda tu red: ahí está la mayoría de las oportunidades.",
        "The extended network is almost all your network: most opportunities are there.",
    ),
]
