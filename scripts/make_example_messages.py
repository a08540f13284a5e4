"""Write the invented example files of lesson 04: data/mensajes_ejemplo.csv and data/invitaciones_ejemplo.csv.

Every name is invented; profile URLs start with ``ejemplo-`` and lead nowhere real. The files
have the shape of a 2023+ LinkedIn export (messages.csv with RECIPIENT PROFILE URLS and the
draft columns; Invitations.csv with the profile URL columns). Run from the repository root:

    .venv/bin/python scripts/make_example_messages.py
"""

from __future__ import annotations

import csv
from datetime import datetime, timedelta
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
ME = "Lucía Ramos"
START = datetime(2025, 3, 3, 9, 0)

# (other person, who starts, minutes after start until the first message, answer delay in hours or None,
#  folder of the first message, draft answer)
CONVERSATIONS = [
    ("Andrés Villalobos", "them", 0, 2.0, "INBOX", False),
    ("Beatriz Solano", "them", 60 * 26, 5.5, "INBOX", False),
    ("Camilo Arrieta", "them", 60 * 50, None, "INBOX", False),
    ("Daniela Ferrer", "them", 60 * 75, 1.0, "INBOX", False),
    ("Esteban Quiroga", "them", 60 * 100, 30.0, "INBOX", False),
    ("Fabiola Meléndez", "them", 60 * 130, None, "INBOX", True),   # only a draft: still unanswered
    ("Gonzalo Ibarra", "them", 60 * 160, 8.0, "INBOX", False),
    ("Helena Carrasco", "them", 60 * 190, 0.5, "INBOX", False),
    ("Ignacio Pardo", "them", 60 * 220, None, "INBOX", False),
    ("Julia Echeverría", "them", 60 * 250, 48.0, "INBOX", False),
    ("Kevin Olmedo", "them", 60 * 280, 3.0, "INBOX", False),
    ("Laura Benítez", "them", 60 * 310, 12.0, "INBOX", False),
    ("Oferta Rápida SA", "them", 60 * 120, None, "SPAM", False),      # spam: left out
    ("Mateo Salinas", "me", 60 * 40, 6.0, "SENT", False),             # started by me
    ("Nuria Pacheco", "me", 60 * 140, None, "SENT", False),
    ("Óscar Lozano", "me", 60 * 260, 20.0, "SENT", False),
]
OPENERS = [
    "Hola, Lucía: vi tu publicación sobre ventas consultivas. ¿Te interesaría conversar?",
    "<p>Buenos días, Lucía.</p><p>Te escribo por una colaboración &amp; un proyecto en Monterrey.</p>",
    "Hola Lucía,\nte comparto una propuesta de servicio.\n¿Tienes 15 minutos esta semana?",
]
ANSWERS = [
    "Gracias por escribir. Sí, hablemos el jueves.",
    "Muchas gracias por pensar en mí; por ahora no, gracias. ¡Mucho éxito!",
    "<p>¡Hola! Encantada de conectar.<br>¿Qué haces tú?</p>",
]


def _slug(name: str) -> str:
    table = str.maketrans("áéíóúñÓÍ", "aeiounOI")
    return "https://www.linkedin.com/in/ejemplo-" + name.translate(table).lower().replace(" ", "-")


def _utc(when: datetime) -> str:
    return when.strftime("%Y-%m-%d %H:%M:%S UTC")


def messages() -> list[list[str]]:
    rows = []
    for number, (other, starter, minutes, delay, folder, draft) in enumerate(CONVERSATIONS):
        conversation = f"2-ejemplo{number:03d}"
        first_at = START + timedelta(minutes=minutes)
        opener = OPENERS[number % len(OPENERS)]
        if starter == "them":
            rows.append([conversation, "", other, _slug(other), ME, _slug(ME), _utc(first_at), "", opener,
                         folder, "", "false", "false"])
            if delay is not None:
                rows.append([conversation, "", ME, _slug(ME), other, _slug(other),
                             _utc(first_at + timedelta(hours=delay)), "", ANSWERS[number % len(ANSWERS)],
                             "INBOX", "", "false", "false"])
            if draft:
                rows.append([conversation, "", ME, _slug(ME), other, _slug(other),
                             _utc(first_at + timedelta(hours=4)), "", "Hola, gracias por", "DRAFT", "",
                             "true", "false"])
        else:
            rows.append([conversation, "", ME, _slug(ME), other, _slug(other), _utc(first_at), "",
                         "Hola, me gustaría presentarme: trabajo en formación comercial.", "SENT", "", "false",
                         "false"])
            if delay is not None:
                rows.append([conversation, "", other, _slug(other), ME, _slug(ME),
                             _utc(first_at + timedelta(hours=delay)), "", "¡Gracias, Lucía! Hablemos.", "INBOX",
                             "", "false", "false"])
    rows.sort(key=lambda r: r[6], reverse=True)  # exports list the newest first
    return rows


INVITATIONS = [  # (other, direction, with a note, days after start)
    ("Pablo Zamora", "INCOMING", True, 1), ("Renata Cifuentes", "INCOMING", False, 3),
    ("Santiago Urrutia", "OUTGOING", True, 4), ("Tania Navarro", "INCOMING", True, 6),
    ("Ulises Galindo", "OUTGOING", False, 8), ("Valeria Montes", "INCOMING", False, 9),
    ("Wilfredo Ochoa", "OUTGOING", True, 12), ("Ximena Rubio", "INCOMING", True, 15),
]


def invitations() -> list[list[str]]:
    rows = []
    for other, direction, note, days in INVITATIONS:
        when = START + timedelta(days=days, hours=days % 5)
        hour = when.hour % 12 or 12
        meridiem = "AM" if when.hour < 12 else "PM"
        sent = f"{when.month}/{when.day}/{when.year % 100:02d}, {hour}:{when.minute:02d} {meridiem}"
        sender, recipient = (other, ME) if direction == "INCOMING" else (ME, other)
        message = "Hola, me gustaría sumarte a mi red: trabajamos en el mismo sector." if note else ""
        rows.append([sender, recipient, sent, message, direction, _slug(sender), _slug(recipient)])
    return list(reversed(rows))


def main() -> None:
    with open(DATA / "mensajes_ejemplo.csv", "w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
                         "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS",
                         "IS MESSAGE DRAFT", "IS CONVERSATION DRAFT"])
        writer.writerows(messages())
    with open(DATA / "invitaciones_ejemplo.csv", "w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl"])
        writer.writerows(invitations())


if __name__ == "__main__":
    main()
