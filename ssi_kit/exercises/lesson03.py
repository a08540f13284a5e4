"""Exercises of lesson 03 (the relationship pyramid), checked with ssi_kit.network."""

from __future__ import annotations

import re
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


def _names(answer: Any) -> list[tuple[str, str]] | None:
    """The names in an answer, as typed and as compared: one name, several joined by «y», «o», commas
    or «/», or a list."""
    if isinstance(answer, (list, tuple)) and answer and all(isinstance(a, str) for a in answer):
        parts: list[str] = [str(a) for a in answer]
    elif isinstance(answer, str):
        parts = re.split(r",|/|;|\s+(?:y|e|o|u|and|or)\s+", answer)
    else:
        return None
    names = [(part.strip(" .;:!?¡¿"), read_name(part) or "") for part in parts]
    names = [(typed, name) for typed, name in names if name]
    return names or None


def _judge_best_introducer(answer: Any) -> str | None:
    names = _names(answer)
    if names is None:
        return tr_path("Escribe el nombre entre comillas, por ejemplo \"Ana\".",
                       "Write the name in quotes, e.g. \"Ana\".",
                       "Escribe un nombre, por ejemplo Ana.", "Write a name, e.g. Ana.")
    best = {read_name(n) for n in _best_introducers()}
    can = {read_name(str(n)) for n in _ranking()["introducer"]}
    wrong = next(((typed, name) for typed, name in names if name not in best), None)
    if wrong is None:
        return None
    if wrong[1] in can:
        return tr("{n} conoce a {t}, pero hay quien comparte más contactos con los dos.",
                  "{n} knows {t}, but someone shares more contacts with both of you.", n=wrong[0], t=TARGET)
    return tr("{n} no puede presentarte a {t}: no aparece en la tabla de quién puede presentarte.",
              "{n} cannot introduce you to {t}: they are not in the table of who can introduce you.",
              n=wrong[0], t=TARGET)


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
    lesson=LESSON, key="q2", kind="number", about_model=True,
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
    solution_es="{expected}: empatan en puntuación, así que cualquiera de las dos vale (o las dos). La tabla pone "
                "delante a "
                "quien comparte más contactos contigo, porque te conoce mejor.",
    solution_en="{expected}: they tie on score, so either will do (or both). The table puts first whoever shares more "
                "contacts with you, because they know you better.",
    praise_es="Quien comparte más contactos con los dos transmite más confianza en la presentación.",
    praise_en="Whoever shares more contacts with both carries more trust into the introduction.",
    compute=_best_introducers,
    lesson=LESSON, key="q3",
    prompt_es=f"En la red de ejemplo, ¿quién es la mejor persona para presentarte a {TARGET}? Mira la tabla de quién "
              "puede presentarte y escribe su nombre (si hay empate, vale cualquiera).",
    prompt_en=f"In the example network, who is the best person to introduce you to {TARGET}? Look at the table of who "
              "can introduce you and write their name (if there is a tie, any of them will do).",
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
        wrong_es=("El curso da una cifra mucho más pequeña para tus contactos directos.", "",
                  "Esa cifra es la de la red que está más allá de tu 1.er grado."),
        wrong_en=("The course gives a much smaller figure for your direct contacts.", "",
                  "That is the figure for the network beyond your 1st degree."),
    ),
    Question(
        "Quieres llegar a alguien de 2.º grado. ¿Qué aconseja el curso?",
        "You want to reach someone in your 2nd degree. What does the course advise?",
        ("Escribirle sin más", "Pedir a un contacto común que te presente", "Esperar a que te escriba"),
        ("Write to them out of the blue", "Ask a shared contact to introduce you", "Wait for them to write"),
        1,
        "El contacto común presta su confianza: la presentación abre la puerta.",
        "The shared contact lends you their trust: the introduction opens the door.",
        wrong_es=("El curso dice que el mayor error es no aprovechar los contactos que compartes con esa persona.",
                  "", "Esperar no crea relaciones nuevas, que es el objetivo que pone el curso."),
        wrong_en=("The course says the biggest mistake is not using the contacts you share with that person.",
                  "", "Waiting creates no new relationships, which is the goal the course sets."),
    ),
    Question(
        "¿Dónde suelen estar las oportunidades (clientes, empleos, socios)?",
        "Where are opportunities (clients, jobs, partners) usually found?",
        ("Entre quienes ya conoces", "En tu 2.º y 3.er grado", "Fuera de LinkedIn"),
        ("Among people you already know", "In your 2nd and 3rd degree", "Outside LinkedIn"),
        1,
        "La red extendida es casi toda tu red: ahí está la mayoría de las oportunidades.",
        "The extended network is almost all your network: most opportunities are there.",
        wrong_es=("Quienes ya conoces son una parte minúscula de tu red.", "",
                  "El curso habla de las oportunidades que LinkedIn te ayuda a encontrar dentro de tu red."),
        wrong_en=("People you already know are a tiny part of your network.", "",
                  "The course speaks of the opportunities LinkedIn helps you find within your network."),
    ),
    Question(
        "Según el curso, ¿qué significa hoy «gestionar contactos» en LinkedIn?",
        "According to the course, what does 'managing contacts' mean on LinkedIn today?",
        ("Mantener viva la red que ya tienes para que no se pierda",
         "Crear relaciones nuevas, a través de la gente que conoces, que te acerquen a tus objetivos",
         "Aceptar todas las invitaciones que recibes"),
        ("Keeping the network you have alive so it is not lost",
         "Creating new relationships, through people you know, that bring you closer to your goals",
         "Accepting every invitation you get"),
        1,
        "Mantener viva la red es una idea de antes de las redes; ahora el esfuerzo va a crear relaciones nuevas, "
        "y la persona presentada ve también tu mensaje inicial al contacto común.",
        "Keeping the network alive is a pre-network idea; now the effort goes into new relationships, and the "
        "person you are introduced to also sees your original message to the shared contact.",
        wrong_es=("El curso dice que eso ya no es el objetivo: LinkedIn mantiene el contacto casi solo.", "",
                  "El curso no habla de cantidad, sino de relaciones que te acerquen a tus objetivos."),
        wrong_en=("The course says that is no longer the goal: LinkedIn keeps you in touch almost by itself.", "",
                  "The course does not speak of numbers but of relationships that bring you closer to your goals."),
    ),
    Question(
        "Pides una presentación a un contacto común y la acepta. ¿Qué ve la persona a la que quieres llegar?",
        "You ask a shared contact for an introduction and they agree. What does the person you want to reach see?",
        ("Solo un aviso de que quieres conectar", "El correo del contacto común y tu mensaje inicial",
         "Nada: la presentación ocurre fuera de LinkedIn"),
        ("Only a notice that you want to connect", "The shared contact's email and your original message",
         "Nothing: the introduction happens outside LinkedIn"),
        1,
        "El curso lo explica: la persona ve el correo que recibe y también el mensaje que enviaste al contacto "
        "común, así que escríbelo pensando en ella.",
        "The course explains it: the person sees the email they receive and also the message you sent to the "
        "shared contact, so write it with them in mind.",
        wrong_es=("El curso dice que ve más que un aviso.", "",
                  "El curso describe las «Presentaciones» como un recurso de LinkedIn."),
        wrong_en=("The course says they see more than a notice.", "",
                  "The course describes 'Introductions' as a LinkedIn feature."),
    ),
]
