"""Exercises of lesson 04 (doing business, not a showcase), checked with ssi_kit.messages.

``q1`` which pillar answering messages feeds (from the action catalog), ``q2`` a response rate
from the example messages file, ``q3`` what to do with a legitimate offer you do not want,
``q4`` Mexico's share of LinkedIn's users in the course; ``QUIZ`` closes the lesson.
"""

from __future__ import annotations

import math
import re
from typing import Any

from .._i18n import tr
from ..score import pillar_label
from . import (
    KEEP_LOOKING,
    Choice,
    Exercise,
    NumericExercise,
    Question,
    percent_answer,
    read_name,
    read_pillar,
    tr_path,
    unknown_pillar,
)

__all__ = ["EXERCISES", "LESSON", "QUIZ", "REPLY_KEYS", "q1", "q2", "q3", "q4"]

LESSON = "04"

ANSWER_ACTION = "responder_mensajes"
"""The catalog's action for answering messages and invitations."""

REPLY_KEYS: dict[str, str] = {
    "responder": "responder", "contestar": "responder", "no gracias": "responder",
    "reply": "responder", "answer": "responder", "no thanks": "responder",
    "ignorar": "ignorar", "ignore": "ignorar", "nada": "ignorar", "dejar en visto": "ignorar",
    "bloquear": "bloquear", "block": "bloquear", "eliminar": "bloquear", "borrar": "bloquear",
    "aceptar": "aceptar", "accept": "aceptar",
}
"""An answer to q3 as a learner types it (Spanish or English, no accents needed) → its key."""


# --- q1: which pillar -------------------------------------------------------------------------
def _answer_pillar() -> str:
    from ..actions import load_actions

    catalog = load_actions()
    return str(catalog.loc[catalog["id"] == ANSWER_ACTION, "pillar"].iloc[0])


def _judge_pillar(answer: Any) -> str | None:
    pillar = read_pillar(answer)
    if pillar is None:
        return unknown_pillar('Responde con el nombre corto de un pilar entre comillas: "marca", "personas", '
                              '"información" o "relaciones".',
                              'Answer with a pillar\'s short name in quotes: "brand", "people", "insights" or '
                              '"relationships".')
    if pillar == _answer_pillar():
        return None
    if pillar == "relationships":
        return tr("Suena lógico, pero en el curso «relaciones» es identificar a quien decide y desvirtualizar. "
                  "Busca dónde aparece «responde a los mensajes».",
                  "It sounds logical, but in the course 'relationships' is identifying decision makers and meeting "
                  "in person. Look for where 'answer messages' appears.")
    return tr_path("Ese pilar no. Mira la fila «{a}» del catálogo: ssi_kit.load_actions().",
                   "Not that pillar. Look at the '{a}' row of the catalog: ssi_kit.load_actions().",
                   "Ese pilar no. En la tabla de los pilares de la lección 01, busca en qué fila está «responder "
                   "mensajes e invitaciones».",
                   "Not that pillar. In lesson 01's table of pillars, find the row that lists 'answering messages and "
                   "invitations'.", a=ANSWER_ACTION)


q1 = Exercise(
    _judge_pillar,
    hint_es="En la tabla de los pilares de la lección 01, busca «responder mensajes e invitaciones». Desde el código: "
            "en el catálogo de acciones (`ssi_kit.load_actions()`) busca la fila «responder_mensajes» y mira su "
            "columna «pillar».",
    hint_en="In lesson 01's table of pillars, look for 'answering messages and invitations'. From code: in the "
            "action catalog (`ssi_kit.load_actions()`) find the «responder_mensajes» row and read its «pillar» "
            "column.",
    solution_es="«{expected}»: el curso incluye contestar los mensajes y las invitaciones entre las acciones de "
                "ese pilar.",
    solution_en="'{expected}': the course lists answering messages and invitations among that pillar's actions.",
    praise_es="Responder es relacionarte compartiendo conocimiento: cada respuesta cuenta para ese pilar.",
    praise_en="Answering is engaging by sharing what you know: each answer counts for that pillar.",
    compute=lambda: pillar_label(_answer_pillar()),
    lesson=LESSON, key="q1",
    prompt_es="Responder mensajes e invitaciones, ¿qué pilar del SSI alimenta? Escribe su nombre corto: «marca», "
              "«personas», «información» o «relaciones».",
    prompt_en="Answering messages and invitations feeds which SSI pillar? Write its short name: 'brand', 'people', "
              "'insights' or 'relationships'.",
)


# --- q2: a response rate ---------------------------------------------------------------------
def _example_result() -> Any:
    from ..datasets import load_dataset
    from ..messages import responsiveness

    return responsiveness(load_dataset("mensajes_ejemplo"))


def _example_rate_percent() -> float:
    rate = _example_result().response_rate
    return float(rate or 0.0) * 100


def _judge_rate(answer: Any) -> str | None:
    from ..datasets import load_dataset

    verdict, value, note = percent_answer(answer, _example_rate_percent(), tolerance=0.05, example="62.5")
    if verdict != KEEP_LOOKING:
        return verdict
    assert value is not None
    # The two predictable slips: counting the spam, or taking a draft for an answer.
    messages = load_dataset("mensajes_ejemplo")
    result = _example_result()
    spam = int(messages.loc[messages["folder"] == "SPAM", "conversation_id"].nunique())
    drafts = int(messages.loc[messages["is_draft"], "conversation_id"].nunique())
    if spam and math.isclose(value, result.answered / (result.received + spam) * 100, abs_tol=0.05):
        return tr("Has contado también el spam: no es una conversación legítima.",
                  "You counted the spam too: it is not a legitimate conversation.")
    if drafts and math.isclose(value, (result.answered + drafts) / result.received * 100, abs_tol=0.05):
        return tr("Un borrador no es una respuesta: la otra persona nunca lo recibió.",
                  "A draft is not an answer: the other person never got it.")
    return (note + " " if note else "") + tr(
        "Divide las conversaciones respondidas entre las que empezaron otras personas (sin spam ni borradores).",
        "Divide the answered conversations by those others started (without spam or drafts).")


q2 = NumericExercise(
    _judge_rate,
    hint_es="Lo dicen la frase que resume sus mensajes y el anillo de la sección 2: respondidas entre recibidas, por "
            "100. Desde el código: "
            "`resultado = ssi_kit.responsiveness(mensajes); resultado.answered / resultado.received * 100`",
    hint_en="The sentence summing up her messages and the ring in section 2 say so: answered over received, times "
            "100. From code: "
            "`resultado = ssi_kit.responsiveness(mensajes); resultado.answered / resultado.received * 100`",
    solution_es="{expected} %: respondidas entre recibidas, por 100 (el spam y el borrador no cuentan).",
    solution_en="{expected}%: answered over received, times 100 (the spam and the draft do not count).",
    praise_es="Cada conversación sin respuesta es una oportunidad, o al menos una buena imagen, que se pierde.",
    praise_en="Each unanswered conversation is an opportunity, or at least a good image, lost.",
    compute=_example_rate_percent,
    lesson=LESSON, key="q2", kind="number",
    prompt_es="En los mensajes de ejemplo de Lucía, ¿qué porcentaje de las conversaciones que empezaron otras "
              "personas respondió? (sin contar spam ni borradores)",
    prompt_en="In Lucía's example messages, what percentage of the conversations other people started did she "
              "answer? (without spam or drafts)",
)


# --- q3: an offer you do not want ------------------------------------------------------------
def _offer_key() -> str:
    from ..messages import REPLY_TO_UNWANTED_OFFER

    return REPLY_TO_UNWANTED_OFFER


def _judge_offer(answer: Any) -> str | None:
    name = read_name(answer)
    key = REPLY_KEYS.get(" ".join(re.sub(r"[^a-z ]", " ", name).split())) if name is not None else None
    if key is None:
        return tr('Escribe una de las palabras entre comillas: "responder", "ignorar", "bloquear" o "aceptar".',
                  'Write one of the words in quotes: "responder" (reply), "ignorar" (ignore), "bloquear" (block) '
                  'or "aceptar" (accept).')
    if key == _offer_key():
        return None
    return {
        "ignorar": tr("El silencio también comunica, y mal: quien te escribió se queda esperando y tu imagen sufre.",
                      "Silence says something too, and it is bad: whoever wrote keeps waiting and your image "
                      "suffers."),
        "bloquear": tr("Es una oferta legítima, no spam: bloquear cierra una puerta que podría servirte mañana.",
                       "It is a legitimate offer, not spam: blocking closes a door that could be useful tomorrow."),
        "aceptar": tr("Aceptar lo que no quieres hace perder tiempo a las dos partes.",
                      "Accepting what you do not want wastes both sides' time."),
    }[key]


q3 = Exercise(
    _judge_offer,
    hint_es="Piensa en una feria de tu sector: si alguien te ofrece algo que no necesitas, ¿te das la vuelta?",
    hint_en="Think of a trade fair in your field: if someone offers you something you do not need, do you turn "
            "away?",
    solution_es="«{expected}»: responder, aunque sea con un «no, gracias» amable, cierra la conversación, deja "
                "buena imagen y la puerta abierta.",
    solution_en="'{expected}': a reply, even a kind «no, gracias» (responder), closes the conversation, leaves a "
                "good image and the door open.",
    praise_es="Decir sí o no a tiempo es lo que el curso llama liderazgo: también ayuda a quien te escribió.",
    praise_en="Saying yes or no in time is what the course calls leadership: it also helps whoever wrote.",
    compute=_offer_key,
    lesson=LESSON, key="q3", kind="choice",
    choices=(Choice("responder", "Responder", "Reply"), Choice("ignorar", "Ignorar el mensaje", "Ignore the message"),
             Choice("bloquear", "Bloquear a quien escribe", "Block whoever wrote"),
             Choice("aceptar", "Aceptar la oferta", "Accept the offer")),
    prompt_es="Te escribe una empresa seria ofreciéndote un servicio que no necesitas. ¿Qué haces?",
    prompt_en="A serious company writes offering you a service you do not need. What do you do?",
)


# --- q4: Mexico's share ----------------------------------------------------------------------
def _mexico_share_percent() -> float:
    from ..messages import user_shares

    shares = user_shares()
    row = shares[(shares["origin"] == "course") & (shares["region"] == "mexico")]
    return float(row["share"].iloc[0]) * 100


def _judge_mexico(answer: Any) -> str | None:
    verdict, _value, note = percent_answer(answer, _mexico_share_percent(), tolerance=0.05, example="3.5")
    if verdict != KEEP_LOOKING:
        return verdict
    return (note + " " if note else "") + tr(
        "Divide los usuarios de México entre los del mundo (ambos del curso) y multiplica por 100.",
        "Divide Mexico's users by the world's (both from the course) and multiply by 100.")


q4 = NumericExercise(
    _judge_mexico,
    hint_es="12 millones entre 500 millones, por 100 (la tabla de proporciones de la sección 1 te deja "
            "comprobarlo). Desde el código: `12 / 500 * 100`",
    hint_en="12 million over 500 million, times 100 (the table of shares in section 1 lets you check it). "
            "From code: `12 / 500 * 100`",
    solution_es="{expected} %: algo más de 2 de cada 100 usuarios del mundo estaban en México.",
    solution_en="{expected}%: a little over 2 in 100 of the world's users were in Mexico.",
    praise_es="Pocos en proporción, pero millones de personas: hay con quién hacer negocios.",
    praise_en="Few in proportion, but millions of people: there is plenty of business to do.",
    compute=_mexico_share_percent,
    lesson=LESSON, key="q4", kind="number",
    prompt_es="Según las cifras del curso, ¿qué porcentaje de los usuarios del mundo estaba en México?",
    prompt_en="According to the course's figures, what percentage of the world's users were in Mexico?",
)
EXERCISES = (q1, q2, q3, q4)
"""The lesson's exercises, in order (``ssi_kit.widgets.exercises(lesson04)`` shows them all)."""


# --- the quiz that closes the lesson ---------------------------------------------------------
QUIZ = (
    Question(
        "Según el curso, ¿para qué existe LinkedIn?",
        "According to the course, what is LinkedIn for?",
        ("Para mostrar logros y sumar seguidores, como un escaparate.",
         "Para crear oportunidades de negocio y de trabajo.",
         "Para entretenerse con noticias del sector."),
        ("To show achievements and gather followers, like a shop window.",
         "To create business and job opportunities.",
         "To be entertained with industry news."),
        1,
        "LinkedIn no es un escaparate: se comparte conocimiento y se buscan clientes para hacer negocios.",
        "LinkedIn is not a shop window: people share knowledge and look for clients to do business.",
        wrong_es=("El curso dice justo lo contrario: LinkedIn no es un escaparate.", "",
                  "El curso habla de un propósito más concreto que entretenerse."),
        wrong_en=("The course says the opposite: LinkedIn is not a shop window.", "",
                  "The course speaks of a more concrete purpose than entertainment."),
    ),
    Question(
        "En una feria de tu sector alguien te saluda. ¿Qué equivale en LinkedIn a no devolverle el saludo?",
        "At a trade fair someone greets you. What is the LinkedIn equivalent of not greeting back?",
        ("Dejar sin respuesta un mensaje directo.", "No publicar durante una semana.",
         "Tener pocas validaciones de aptitudes."),
        ("Leaving a direct message unanswered.", "Not posting for a week.", "Having few skill endorsements."),
        0,
        "Igual que en la feria, callar te hace ver descortés y te hace perder la oportunidad.",
        "Just as at the fair, silence looks rude and makes you miss the opportunity.",
        wrong_es=("", "No publicar no deja a nadie esperando una respuesta.",
                  "Las validaciones no son una conversación que alguien empiece contigo."),
        wrong_en=("", "Not posting leaves nobody waiting for an answer.",
                  "Endorsements are not a conversation someone starts with you."),
    ),
    Question(
        "¿Qué contactos recomienda buscar el curso?",
        "Which connections does the course recommend looking for?",
        ("Muchos, para que el número de seguidores impresione.",
         "Los que te sirvan por si algún día pierdes el trabajo actual.",
         "Los que abren oportunidades de negocio, de crecimiento profesional o de trabajo."),
        ("Many, so the number of followers impresses.",
         "Those you keep 'just in case' you lose your current job.",
         "Those that open business, career or job opportunities."),
        2,
        "Contactos con un propósito, no por vanidad: para seguidores ya hay otras redes.",
        "Connections with a purpose, not for vanity: other networks are for followers.",
        wrong_es=("El curso dice que, para que te midan por tus seguidores, ya está Instagram.",
                  "El curso dice que, si buscas contactos «por si acaso», mejor te concentres en tu trabajo actual.",
                  ""),
        wrong_en=("The course says that, to be measured by followers, there is Instagram.",
                  "The course says that, if you look for contacts 'just in case', better focus on your current job.",
                  ""),
    ),
    Question(
        "Te llegan notificaciones y un mensaje directo que aún no has contestado. ¿Qué dice el curso de dejarlos "
        "sin respuesta?",
        "You have notifications and a direct message you have not answered yet. What does the course say about "
        "leaving them unanswered?",
        ("Da igual: en LinkedIn lo que cuenta es publicar", "Entorpece el objetivo de los demás y el tuyo, por la "
         "imagen que dejas", "Es lo normal en una red para mostrarse, como Instagram"),
        ("It does not matter: on LinkedIn what counts is posting", "It hinders other people's goal and yours, "
         "because of the image you leave", "It is normal in a network for showing off, like Instagram"),
        1,
        "LinkedIn no es un escaparate: es un lugar para crear oportunidades, e incluso un «no, gracias» ayuda.",
        "LinkedIn is not a shop window: it is a place to create opportunities, and even a 'no, thanks' helps.",
        wrong_es=("El curso dice que interactuar con tus contactos es esencial, no solo publicar.", "",
                  "El curso dice justo que LinkedIn no es un escaparate como Facebook, Instagram o Twitter."),
        wrong_en=("The course says engaging with your contacts is essential, not only posting.", "",
                  "The course says LinkedIn is precisely not a shop window like Facebook, Instagram or Twitter."),
    ),
)
