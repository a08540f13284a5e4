"""Exercises of lesson 03 (the relationship pyramid), checked with ssi_kit.network."""

from __future__ import annotations

from typing import Any

from .._i18n import tr
from ..network import AVG_CONNECTIONS, DEFAULT_OVERLAP
from . import KEEP_LOOKING, Exercise, NumericExercise, Question, percent_answer, read_name, read_number, tr_path

__all__ = ["COURSE_SEARCH", "EXERCISES", "LESSON", "Q2_CONNECTIONS", "QUIZ", "TARGET", "q1", "q2", "q3"]

LESSON = "03"

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
        return tr_path("Escribe un número entero de personas, por ejemplo 1500 o \"1.500\".",
                       "Write a whole number of people, e.g. 1500.",
                       "Escribe un número entero de personas, por ejemplo 1.500.",
                       "Write a whole number of people, e.g. 1500.")
    if value == _second_degree():
        return None
    if value == int(pyramid(Q2_CONNECTIONS)["count"].iloc[2]):
        return tr("Ese es el 3.er grado; la pregunta es por el 2.º.",
                  "That is the 3rd degree; the question is the 2nd.")
    return tr_path("Mira la fila del 2.º grado de la pirámide de {n} contactos.",
                   "Look at the 2nd-degree row of the pyramid for {n} connections.",
                   "Lee la franja del 2.º grado en el explorador de la pirámide, con {n} contactos y los supuestos por "
                   "defecto.",
                   "Read the 2nd-degree band in the pyramid explorer, with {n} connections and the default "
                   "assumptions.",
                   n=Q2_CONNECTIONS)


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


_NEW_SHARE = round((1 - DEFAULT_OVERLAP) * 100)  # the share of new people at each step, in per cent
_OVERLAP = round(DEFAULT_OVERLAP * 100)

q1 = NumericExercise(
    _judge_search_share,
    hint_es=f"Divide los {COURSE_SEARCH[1]} de 1.er grado entre el total de los tres grados y multiplica por 100: "
            f"`{COURSE_SEARCH[1]} / ({COURSE_SEARCH[1]} + {COURSE_SEARCH[2]} + {COURSE_SEARCH[3]}) * 100`.",
    hint_en=f"Divide the {COURSE_SEARCH[1]} first-degree results by the three degrees' total and multiply by 100: "
            f"`{COURSE_SEARCH[1]} / ({COURSE_SEARCH[1]} + {COURSE_SEARCH[2]} + {COURSE_SEARCH[3]}) * 100`.",
    solution_es="{expected} %: lo dice la frase que resume la búsqueda (desde el código, "
                "`ssi_kit.describe_pyramid(busqueda)`). Casi todo está fuera de tu 1.er grado.",
    solution_en="{expected}%: the sentence that sums up the search says so (from code, "
                "`ssi_kit.describe_pyramid(busqueda)`). Almost everything is outside your 1st degree.",
    praise_es="Menos de 2 de cada 100 resultados son contactos tuyos: el resto está en tu red extendida.",
    praise_en="Fewer than 2 in 100 results are your contacts: the rest is in your extended network.",
    compute=_first_degree_percent,
    lesson=LESSON, key="q1", kind="number",
    prompt_es=f"En la búsqueda «director de marketing» del curso, ¿qué porcentaje del total son los {COURSE_SEARCH[1]} "
              "resultados de primer grado?",
    prompt_en=f"In the course's search for 'marketing director', what percentage of the total are the "
              f"{COURSE_SEARCH[1]} first-degree results?",
)
q2 = Exercise(
    _judge_second_degree,
    hint_es=f"En el explorador de la pirámide, escribe {Q2_CONNECTIONS} en «Tus contactos (1.er grado)» y pulsa "
            f"Intro, con los otros dos controles en {AVG_CONNECTIONS} y {_OVERLAP} %; lee el número de la franja del "
            f"2.º grado. Desde el código: `ssi_kit.pyramid({Q2_CONNECTIONS})`.",
    hint_en=f"In the pyramid explorer, type {Q2_CONNECTIONS} in 'Your connections (1st degree)' and press Enter, with "
            f"the other two controls at {AVG_CONNECTIONS} and {_OVERLAP} %; read the number of the 2nd-degree band. "
            f"From code: `ssi_kit.pyramid({Q2_CONNECTIONS})`.",
    solution_es=f"{{expected}} personas en 2.º grado: {Q2_CONNECTIONS} contactos × {AVG_CONNECTIONS} contactos de cada "
                f"uno × {_NEW_SHARE} % de gente nueva. Desde el código: `ssi_kit.pyramid({Q2_CONNECTIONS})`.",
    solution_en=f"{{expected}} people in the 2nd degree: {Q2_CONNECTIONS} connections × {AVG_CONNECTIONS} connections "
                f"each × {_NEW_SHARE} % new people. From code: `ssi_kit.pyramid({Q2_CONNECTIONS})`.",
    praise_es="Cada contacto nuevo abre la puerta a decenas de personas de 2.º grado.",
    praise_en="Each new connection opens the door to dozens of 2nd-degree people.",
    compute=_second_degree,
    lesson=LESSON, key="q2", kind="number",
    prompt_es=f"Con los supuestos por defecto ({AVG_CONNECTIONS} contactos de media por contacto y {_OVERLAP} % de "
              f"solapamiento), ¿cuántas personas de segundo grado tendrías con {Q2_CONNECTIONS} contactos? Pruébalo "
              "en el explorador de la pirámide.",
    prompt_en=f"With the default assumptions ({AVG_CONNECTIONS} connections on average per contact and {_OVERLAP} % "
              f"overlap), how many second-degree people would you have with {Q2_CONNECTIONS} connections? Try it in "
              "the pyramid explorer.",
)
q3 = Exercise(
    _judge_best_introducer,
    hint_es=f"Mira la tabla de quién puede presentarte: la puntuación suma los contactos que cada persona comparte "
            f"contigo y con {TARGET}. Desde el código: `ssi_kit.introducers(red, \"Yo\", \"{TARGET}\")`.",
    hint_en=f"Look at the table of who can introduce you: the score adds the contacts each person shares with you "
            f"and with {TARGET}. From code: `ssi_kit.introducers(red, \"Yo\", \"{TARGET}\")`.",
    solution_es="{expected}: empatan en puntuación, así que cualquiera de las dos vale. La tabla pone delante a "
                "quien comparte más contactos contigo, porque te conoce mejor.",
    solution_en="{expected}: they tie on score, so either will do. The table puts first whoever shares more "
                "contacts with you, because they know you better.",
    praise_es="Quien comparte más contactos con los dos transmite más confianza en la presentación.",
    praise_en="Whoever shares more contacts with both carries more trust into the introduction.",
    compute=_best_introducers,
    lesson=LESSON, key="q3",
    prompt_es=f"En la red de ejemplo, ¿quién es la mejor persona para presentarte a {TARGET}? Mira la tabla de quién "
              "puede presentarte y escribe su nombre.",
    prompt_en=f"In the example network, who is the best person to introduce you to {TARGET}? Look at the table of who "
              "can introduce you and write their name.",
)
EXERCISES = (q1, q2, q3)
"""The lesson's exercises, in order (``ssi_kit.widgets.exercises(lesson03)`` shows them all)."""

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
