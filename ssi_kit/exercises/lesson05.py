"""Exercises of lesson 05 (the power of relationships), checked with ssi_kit.relationships.

The lesson's setup cells define ``contactos = load_dataset("conexiones_ejemplo")`` and
``mensajes = ssi_kit.example_messages()``; code shown in hints and solutions runs
after them (a test executes it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .._i18n import short_repr, tr
from ..errors import SSIInputError
from ..relationships import STAGES, UNDEVELOPED_VALUE, never_contacted, stage_key
from . import KEEP_LOOKING, Choice, Exercise, NumericExercise, Question, percent_answer, read_name, read_number, tr_path

__all__ = ["EXERCISES", "LESSON", "QUIZ", "SHUFFLED", "YEAR", "q1", "q2", "q3", "q4"]

LESSON = "05"

SHUFFLED = ("confianza", "colaboracion", "interaccion", "encuentro", "reconocimiento")
"""The stages of q1, shuffled: the learner puts them in order."""
YEAR = 2025
"""The year of q2."""


def _ladder() -> list[str]:
    return [stage.key for stage in STAGES[1:]]  # from repeated interaction to trust


_STAGE_WORDS: tuple[tuple[str, str], ...] = (
    ("confianza", "confianza"), ("confiar", "confianza"), ("trust", "confianza"),
    ("encuentro", "encuentro"), ("en persona", "encuentro"), ("conocer", "encuentro"), ("llamada", "encuentro"),
    ("reunion", "encuentro"), ("cafe", "encuentro"), ("fisic", "encuentro"), ("mundo real", "encuentro"),
    ("meet", "encuentro"), ("call", "encuentro"), ("colabora", "colaboracion"), ("reconoc", "reconocimiento"),
    ("interac", "interaccion"), ("conexion", "conexion"),
)
"""Words a learner may use for a stage, in their own words: «encuentro en persona», «una llamada»…"""


def _stage_names() -> str:
    return ", ".join(f"«{stage.label}»" for stage in STAGES)


def _read_stage(answer: Any) -> str | None:
    """The key of the stage a learner names (its key, its label, or a sensible synonym), or None."""
    try:
        return stage_key(answer)
    except SSIInputError:
        pass
    name = read_name(answer)
    if not name:
        return None
    found = {key for word, key in _STAGE_WORDS if word in name}
    return found.pop() if len(found) == 1 else None


def _judge_order(answer: Any) -> str | None:
    if isinstance(answer, str) or not isinstance(answer, Iterable) or isinstance(answer, Mapping):
        return tr('Escribe una lista entre corchetes: ["interaccion", "...", ...].',
                  'Write a list in square brackets: ["interaccion", "...", ...].')
    items = list(answer)
    read = [_read_stage(item) for item in items]
    unknown = next((item for item, key in zip(items, read) if key is None), None)
    if unknown is not None or not items:
        return tr("No reconozco {x} como etapa. Las etapas son: {stages}.",
                  "I do not recognise {x} as a stage. The stages are: {stages}.",
                  x=short_repr(unknown), stages=_stage_names())
    keys = [str(key) for key in read]
    if keys and keys[0] == STAGES[0].key:
        keys = keys[1:]  # starting with the bare connection is right too
    expected = _ladder()
    if sorted(keys) != sorted(expected):
        return tr("Usa las cinco etapas, cada una una vez.", "Use the five stages, each once.")
    if keys == expected:
        return None
    if keys == expected[::-1]:
        return tr("Está al revés: empieza por lo que ocurre primero.", "It is reversed: start with what happens first.")
    wrong = next(i for i, (a, b) in enumerate(zip(keys, expected)) if a != b)
    if wrong == 0:
        return tr("La primera no es esa: ¿qué pasa antes de reconocerse?",
                  "The first one is not that: what happens before you recognise each other?")
    return tr("Las {n} primeras van bien; revisa a partir de «{k}».", "The first {n} are right; check from '{k}' on.",
              n=wrong, k=keys[wrong])


def _exact_share() -> float:
    """The share of YEAR's connections never contacted, in per cent, unrounded (the chart shows two decimals)."""
    from ..datasets import load_dataset
    from ..relationships import example_messages

    shares = never_contacted(load_dataset("conexiones_ejemplo"), example_messages())
    return float(shares.loc[shares["year"] == YEAR, "share"].iloc[0]) * 100


def _share_2025() -> float:
    return round(_exact_share(), 1)


def _judge_share(answer: Any) -> str | None:
    # Right as the chart shows it (two decimals) or rounded to one, either way.
    verdict, _value, note = percent_answer(answer, _exact_share(), tolerance=0.051, example="12.5")
    if verdict != KEEP_LOOKING:
        return verdict
    return (note + " " if note else "") + tr_path(
        "Busca la fila del año {y} en never_contacted(contactos, mensajes) y mira la columna «share».",
        "Find the row of {y} in never_contacted(contactos, mensajes) and look at the 'share' column.",
        "Busca la barra del año {y} en el gráfico de contactos sin mensajes (o su fila en la tabla).",
        "Find the bar of {y} in the chart of connections without messages (or its row in the table).", y=YEAR)


_ZERO_WORDS = {"cero", "nada", "zero", "nothing", "ninguno", "none"}


def _judge_worth(answer: Any) -> str | None:
    value, _note = read_number(answer)
    if value is None and read_name(answer) in _ZERO_WORDS:
        value = 0.0
    if value is None:
        return tr("Escribe un número.", "Write a number.")
    if value == UNDEVELOPED_VALUE:
        return None
    return tr("Piensa en lo que aporta una conexión con la que nunca hablas, ni comentas, ni colaboras.",
              "Think of what a connection brings if you never talk, comment or work together.")


def _after_collaboration() -> str:
    keys = [stage.key for stage in STAGES]
    return keys[keys.index("colaboracion") + 1]


def _judge_after_collaboration(answer: Any) -> str | None:
    if not isinstance(answer, str):
        return tr('Escribe la etapa entre comillas, por ejemplo "confianza".',
                  'Write the stage in quotes, e.g. "confianza".')
    key = _read_stage(answer)
    if key is None:
        return tr_path("No reconozco esa etapa. Escribe entre comillas el nombre de una: {stages}.",
                       "I do not recognise that stage. Write the name of one in quotes: {stages}.",
                       "No reconozco esa etapa. Escribe el nombre de una: {stages}.",
                       "I do not recognise that stage. Write the name of one: {stages}.", stages=_stage_names())
    if key == _after_collaboration():
        return None
    if key == "confianza":
        return tr("La confianza llega después: antes hay un paso de lo virtual a lo físico.",
                  "Trust comes later: first there is a step from virtual to physical.")
    if key == "colaboracion":
        return tr("Esa es la etapa en la que ya estás; la pregunta es por la siguiente.",
                  "That is the stage you are already in; the question asks for the next one.")
    return tr("Esa etapa va antes de la colaboración.", "That stage comes before collaboration.")


q1 = Exercise(
    _judge_order,
    hint_es="Piensa en cómo conoces a alguien en los debates: primero coinciden a menudo, y la confianza es lo "
            "último. La escalera de la sección 1 las pone en orden. Desde el código: "
            "`[etapa.key for etapa in ssi_kit.STAGES]`.",
    hint_en="Think of how you get to know someone in discussions: first you meet often, and trust comes last. "
            "The ladder in section 1 puts them in order. From code: `[stage.key for stage in ssi_kit.STAGES]`.",
    solution_es="{expected}: de la interacción repetida al reconocimiento, la colaboración, el encuentro (o la "
                "llamada) y la confianza.",
    solution_en="{expected}: from repeated interaction to recognition, collaboration, meeting (or a call) and trust.",
    praise_es="Cada etapa se apoya en la anterior: no se salta de conectar a confiar.",
    praise_en="Each stage rests on the one before: you do not jump from connecting to trusting.",
    compute=_ladder,
    lesson=LESSON, key="q1", kind="order",
    choices=tuple(Choice(stage.key, stage.label_es, stage.label_en)
                  for key in SHUFFLED for stage in STAGES if stage.key == key),
    prompt_es="Ordena estas etapas de una relación, de la primera a la última.",
    prompt_en="Put these stages of a relationship in order, from first to last.",
)
q2 = NumericExercise(
    _judge_share,
    hint_es=f"Mira la barra de {YEAR} en el gráfico de contactos sin mensajes de la sección 3 (o su fila en la tabla). "
            f"Desde el código: `ssi_kit.never_contacted(contactos, mensajes)` da la fracción por año; la de "
            f"{YEAR}, por 100.",
    hint_en=f"Look at the bar of {YEAR} in the chart of connections without messages in section 3 (or its row in the "
            f"table). From code: `ssi_kit.never_contacted(contactos, mensajes)` gives the fraction per year; "
            f"{YEAR}'s times 100.",
    solution_es=f"{{exact}} %: la barra de {YEAR} en el gráfico. Desde el código: "
                f"`ssi_kit.never_contacted(contactos, mensajes)`, fila de {YEAR}, columna «share» × 100.",
    solution_en=f"{{exact}}%: the bar of {YEAR} in the chart. From code: "
                f"`ssi_kit.never_contacted(contactos, mensajes)`, row {YEAR}, column 'share' × 100.",
    praise_es="Las conexiones recientes son las más fáciles de reactivar: aún se acuerdan de ti.",
    praise_en="Recent connections are the easiest to reactivate: they still remember you.",
    compute=_share_2025,
    lesson=LESSON, key="q2", kind="number", facts=lambda: {"exact": round(_exact_share(), 2)},
    prompt_es=f"En el ejemplo, ¿qué porcentaje de los contactos con los que conectaste en {YEAR} no ha cruzado ningún "
              "mensaje contigo?",
    prompt_en=f"In the example, what percentage of the connections you made in {YEAR} has never exchanged a message "
              "with you?",
)
q3 = Exercise(
    _judge_worth,
    hint_es="El curso empieza por «la parte más fácil» de la respuesta.",
    hint_en="The course starts with 'the easy part' of the answer.",
    solution_es="{expected}: una conexión que no haces evolucionar no vale nada.",
    solution_en="{expected}: a connection you never develop is worth nothing.",
    praise_es="Por eso importa menos cuántos contactos tienes que qué haces con ellos.",
    praise_en="That is why what you do with your connections matters more than how many you have.",
    compute=lambda: UNDEVELOPED_VALUE,
    lesson=LESSON, key="q3", kind="number",
    prompt_es="Según el curso, ¿cuánto vale una conexión con la que nunca haces evolucionar la relación? (un número)",
    prompt_en="According to the course, what is a connection worth if you never develop the relationship? (a number)",
)
q4 = Exercise(
    _judge_after_collaboration,
    hint_es="Es el paso de lo virtual a lo físico, al «mundo real».",
    hint_en="It is the step from virtual to physical, to the 'real world'.",
    solution_es="«{expected}»: conocerse en persona. Si la distancia lo impide, dice el curso, también es posible "
                "forjar un gran vínculo (ssi-kit pone la llamada en esta etapa).",
    solution_en="'{expected}': meeting in person. If distance prevents it, the course says a great bond can also be "
                "forged (ssi-kit puts a call in this stage).",
    praise_es="Ahí, dice el curso, surge la «magia»: los proyectos pasan a ser realidad.",
    praise_en="There, says the course, the 'magic' happens: projects become real.",
    compute=_after_collaboration,
    lesson=LESSON, key="q4",
    prompt_es="Ya colaboras con alguien. ¿Qué etapa viene después? Escribe su nombre.",
    prompt_en="You already work with someone. Which stage comes next? Write its name.",
)
EXERCISES = (q1, q2, q3, q4)
"""The lesson's exercises, in order (``ssi_kit.widgets.exercises(lesson05)`` shows them all)."""

QUIZ = [
    Question(
        "¿Cuánto vale una conexión con la que nunca desarrollas la relación?",
        "What is a connection worth if you never develop the relationship?",
        ("Lo mismo que cualquier otra", "0", "Depende de su cargo"),
        ("The same as any other", "0", "It depends on their position"),
        1,
        "Sin interacción no hay relación: el número de contactos por sí solo no aporta.",
        "Without interaction there is no relationship: the number of connections alone brings nothing.",
        wrong_es=("El curso dice que su valor depende de si haces evolucionar la relación.", "",
                  "El curso no habla del cargo: habla de si la relación evoluciona."),
        wrong_en=("The course says its worth depends on whether you develop the relationship.", "",
                  "The course does not speak of position: it speaks of whether the relationship grows."),
    ),
    Question(
        "Según el curso, en LinkedIn generamos expectativas. ¿Cuál es el mejor foro para cumplirlas?",
        "According to the course, on LinkedIn we raise expectations. What is the best forum to meet them?",
        ("Más mensajes en LinkedIn", "El mundo real: conocerse en persona", "Una publicación con muchas reacciones"),
        ("More messages on LinkedIn", "The real world: meeting in person", "A post with many reactions"),
        1,
        "Pasar de lo virtual a lo físico es la esencia de la relación; si la distancia lo impide, el curso dice "
        "que también es posible forjar un gran vínculo.",
        "Going from virtual to physical is the essence of the relationship; if distance prevents it, the course "
        "says a great bond can still be forged.",
        wrong_es=("Los mensajes siguen siendo lo virtual; el curso habla de dar otro paso.", "",
                  "Las reacciones generan atención, pero el curso habla de otro foro para cumplir lo que prometes."),
        wrong_en=("Messages are still virtual; the course speaks of another step.", "",
                  "Reactions bring attention, but the course names another forum to keep what you promise."),
    ),
    Question(
        "¿Qué retorno cabe esperar de una relación de confianza?",
        "What return can you expect from a relationship of trust?",
        ("Dinero, y pronto", "Oportunidades y reputación, no necesariamente dinero ni a corto plazo",
         "Ninguno"),
        ("Money, and soon", "Opportunities and reputation, not necessarily money nor short term", "None"),
        1,
        "El curso insiste: el retorno no tiene por qué ser monetario ni inmediato.",
        "The course insists: the return need not be money nor immediate.",
        wrong_es=("El curso dice que el retorno no tiene por qué ser monetario, y menos aún a corto plazo.", "",
                  "El curso habla de un retorno, aunque no sea el que esperas."),
        wrong_en=("The course says the return need not be money, let alone short term.", "",
                  "The course speaks of a return, even if not the one you expect."),
    ),
    Question(
        "¿Qué mide «nunca cruzaron un mensaje» en tu exportación?",
        "What does 'you never exchanged a message' measure in your export?",
        ("Exactamente las relaciones que valen 0", "Una aproximación: hay otras formas de relacionarse",
         "Tu SSI"),
        ("Exactly the relationships worth 0", "A proxy: there are other ways to interact", "Your SSI"),
        1,
        "Comentarios, encuentros y llamadas no salen en los mensajes: es una aproximación a grandes rasgos.",
        "Comments, meetings and calls are not in the messages: it is a rough proxy.",
        wrong_es=("Los mensajes no lo recogen todo: una relación también se cuida con comentarios o encuentros.", "",
                  "El SSI lo calcula LinkedIn con tu actividad, no con tus mensajes exportados."),
        wrong_en=("Messages do not capture everything: a relationship also grows through comments or meetings.", "",
                  "LinkedIn computes the SSI from your activity, not from your exported messages."),
    ),
]
"""The quiz that closes the lesson (``ssi_kit.widgets.quiz(QUIZ)``)."""

