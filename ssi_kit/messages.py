"""Your LinkedIn messages and invitations: read them, and see how quickly you answer.

The course's point (lesson 04): LinkedIn exists to create business and job opportunities, and
a message left unanswered costs you your image; even a "no, gracias" helps. This module reads
the ``messages.csv`` and ``Invitations.csv`` of LinkedIn's data export in every shape they
have had, and measures your *responsiveness*: how many conversations others started, how
many you answered and how fast. It also holds the course's user figures next to a current
one, for the lesson's shares.

Privacy first: the text of the messages is not kept unless asked (``content=True``), the
files are only read (never modified), nothing leaves your machine, and messages about a file
name its lines, never what they hold.
"""

from __future__ import annotations

import html
import math
import re
import warnings
from dataclasses import dataclass
from os import PathLike
from typing import TYPE_CHECKING

from ._checks import check_flag, check_frame, check_integer, check_number, check_type
from ._i18n import format_number, format_percent, format_thousands, plural, short_repr, tr
from ._resources import data_path
from ._table_reader import Table, TableKind, date_warning, parse_dates, read_table
from .errors import SSIInputError, SSIWarning

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "INVITATION_COLUMNS",
    "MESSAGE_COLUMNS",
    "REPLY_TO_UNWANTED_OFFER",
    "Responsiveness",
    "linkedin_users",
    "read_invitations",
    "read_messages",
    "responsiveness",
    "responsiveness_from_counts",
    "user_shares",
]

MESSAGE_COLUMNS = ("conversation_id", "sender", "sender_url", "recipients", "sent_at", "folder", "is_draft")
"""Columns of the table :func:`read_messages` returns (plus ``content`` when asked)."""
INVITATION_COLUMNS = ("sender", "recipient", "sent_at", "direction", "has_message")
"""Columns of the table :func:`read_invitations` returns."""

REPLY_TO_UNWANTED_OFFER = "responder"
"""What the course says to do with a legitimate offer you do not want: answer it (a "no, gracias")."""

# Header names seen in exports (and edited by hand), as header_key writes them -> our key.
_MESSAGE_SPELLINGS: dict[str, tuple[str, ...]] = {
    "conversation_id": ("conversationid",),
    "sender": ("from", "de", "sender", "remitente"),
    "sender_url": ("senderprofileurl",),
    "recipients": ("to", "para", "recipients", "destinatarios"),
    "recipient_urls": ("recipientprofileurls",),
    "sent_at": ("date", "fecha"),
    "content": ("content", "contenido"),
    "folder": ("folder", "carpeta"),
    "direction": ("direction", "direccion"),
    "is_message_draft": ("ismessagedraft",),
    "is_conversation_draft": ("isconversationdraft",),
}
_INVITATION_SPELLINGS: dict[str, tuple[str, ...]] = {
    "sender": ("from", "de"),
    "recipient": ("to", "para"),
    "sent_at": ("sentat", "date", "fecha"),
    "message": ("message", "mensaje"),
    "direction": ("direction", "direccion"),
    "sender_url": ("inviterprofileurl",),
    "recipient_url": ("inviteeprofileurl",),
}
_MESSAGE_NAMES = {"conversation_id": "CONVERSATION ID", "sender": "FROM", "recipients": "TO", "sent_at": "DATE",
                  "content": "CONTENT", "folder": "FOLDER", "sender_url": "SENDER PROFILE URL",
                  "direction": "DIRECTION"}
_INVITATION_NAMES = {"sender": "From", "recipient": "To", "sent_at": "Sent At", "message": "Message",
                     "direction": "Direction"}

_MESSAGES_HINT = (
    "Descarga tus datos en LinkedIn (Configuración → Privacidad de datos → Obtener una copia de tus datos → "
    "Mensajes) y pasa la ruta de messages.csv (o la carpeta o el .zip).",
    "Download your data from LinkedIn (Settings → Data privacy → Get a copy of your data → Messages) and "
    "pass the path of messages.csv (or the folder or .zip).",
)
_INVITATIONS_HINT = (
    "Descarga tus datos en LinkedIn (Configuración → Privacidad de datos → Obtener una copia de tus datos → "
    "Invitaciones) y pasa la ruta de Invitations.csv (o la carpeta o el .zip).",
    "Download your data from LinkedIn (Settings → Data privacy → Get a copy of your data → Invitations) and "
    "pass the path of Invitations.csv (or the folder or .zip).",
)


_WITHOUT = (
    "Sin ellas la lección 04 no puede medir con este archivo cuánto y cuándo respondes; puedes contar tus "
    "conversaciones a mano y escribirlas en el widget de la lección.",
    "Without them lesson 04 cannot measure from this file how much and how fast you answer; you can count "
    "your conversations by hand and type them into the lesson's widget.",
)
MESSAGES = TableKind(
    file="messages.csv", columns=_MESSAGE_SPELLINGS, function="read_messages",
    described=("el messages.csv de LinkedIn", "LinkedIn's messages.csv"),
    required=("sender", "sent_at"), one_of=("conversation_id", "content", "folder", "recipients"),
    expected="CONVERSATION ID, FROM, TO, DATE, CONTENT, FOLDER", member="messages.csv",
    argument=("la ruta de tu messages.csv (o la carpeta o el .zip de LinkedIn)",
              "the path of your messages.csv (or LinkedIn's folder or .zip)"),
    download=_MESSAGES_HINT, without=_WITHOUT,
    extra_field_hint=("Vuelve a descargar el archivo de LinkedIn, o pon ese texto entre comillas en una copia.",
                      "Download the file from LinkedIn again, or quote that text in a copy."),
)
"""What ``messages.csv`` holds, for the one table reader."""
INVITATIONS = TableKind(
    file="Invitations.csv", columns=_INVITATION_SPELLINGS, function="read_invitations",
    described=("el Invitations.csv de LinkedIn", "LinkedIn's Invitations.csv"),
    required=("sender", "recipient", "sent_at"), one_of=("direction", "message"),
    expected="From, To, Sent At, Message, Direction", member="Invitations.csv",
    argument=("la ruta de tu Invitations.csv (o la carpeta o el .zip de LinkedIn)",
              "the path of your Invitations.csv (or LinkedIn's folder or .zip)"),
    download=_INVITATIONS_HINT, without=_WITHOUT,
    extra_field_hint=MESSAGES.extra_field_hint,
)
"""What ``Invitations.csv`` holds, for the one table reader."""


def _read(path: object, kind: TableKind, names: dict[str, str]) -> tuple[dict[str, list[str]], Table]:
    """The columns (by our key, "" where empty) of a LinkedIn export file, and the table read."""
    table = read_table(path, kind, header_lines=50, names=names)
    columns = {key: [v.strip() for v in table.frame[key].fillna("").tolist()] for key in table.frame.columns}
    return columns, table


def _parse_dates(values: list[str], table: Table) -> pd.Series:
    """UTC timestamps for dates in any of the export's formats; unreadable ones are NaT (with a warning)."""
    import pandas as pd

    dates = parse_dates(pd.Series(values, dtype=object))
    for rows, far in ((dates.unread, False), (dates.far, True)):
        if len(rows):
            warnings.warn(date_warning(table, rows, far=far), SSIWarning, stacklevel=3)
    return pd.Series(dates.values, dtype="datetime64[ns]").dt.tz_localize("UTC")


def _text(values: list[str]) -> pd.Series:
    import pandas as pd

    return pd.Series([v if v else None for v in values], dtype="string")


def _truthy(values: list[str]) -> list[bool]:
    return [v.strip().lower() in ("true", "yes", "1", "sí", "si", "verdadero") for v in values]


_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<\s*(br\s*/?|/p|/div|/li)\s*>", re.IGNORECASE)


def _plain_text(value: str) -> str:
    """A message's text without its HTML fragments (``<p>``, ``<br>``, ``&amp;``…)."""
    if "<" not in value and "&" not in value:
        return value
    return html.unescape(_TAG.sub("", _BREAK.sub("\n", value))).strip()


# --- messages --------------------------------------------------------------------------------
def read_messages(path: str | PathLike[str] | bytes, *, content: bool = False) -> pd.DataFrame:
    """Read the ``messages.csv`` of your LinkedIn data export.

    Every shape real exports have had: the current ones (``CONVERSATION ID, CONVERSATION
    TITLE, FROM, SENDER PROFILE URL, TO, [RECIPIENT PROFILE URLS,] DATE, SUBJECT, CONTENT,
    FOLDER``, newer ones ending with ``ATTACHMENTS, IS MESSAGE DRAFT, IS CONVERSATION DRAFT``),
    the 2020 one without ``SENDER PROFILE URL``, and the 2018 one (``From, To, Date, Subject,
    Content, Direction, Folder``, dates like ``10/16/18, 8:36 AM``, no conversation id: a
    conversation is then the thread with one other person). Files re-saved by a spreadsheet
    (``;`` separators, other date formats, a BOM, Windows-1252) are read too, and the header
    is found by its content. The file is only read, never modified.

    Parameters
    ----------
    path : path, bytes, file or text
        Your ``messages.csv``, the folder or ``.zip`` LinkedIn gave you, the bytes of an
        uploaded file, or the file's text pasted.
    content : bool, default False
        Also keep the text of each message (column ``content``, HTML fragments removed).
        Off by default: what people wrote to you stays out of the table.

    Returns
    -------
    pandas.DataFrame
        One row per message: ``conversation_id``, ``sender``, ``sender_url``,
        ``recipients`` (as in the file), ``sent_at`` (UTC), ``folder`` (``INBOX``,
        ``SENT``, ``SPAM``…), ``is_draft``; in the file's order.

    Raises
    ------
    SSIInputError
        A missing, empty, damaged or unreadable file, or one that is not ``messages.csv``
        (the message gives the line, never what it holds).
    SSITypeError
        If ``path`` is not a path, text or bytes, or ``content`` not True/False.

    Warns
    -----
    SSIWarning
        Dates that cannot be read become NaT; the warning gives their lines.

    Examples
    --------
    >>> text = ("From,To,Date,Subject,Content,Direction,Folder\\n"
    ...         "Ana Ruiz,Yo,\\"10/16/18, 8:36 AM\\",Hola,\\"¿Hablamos?\\",INCOMING,INBOX\\n")
    >>> table = read_messages(text)
    >>> table.loc[0, "conversation_id"], str(table.loc[0, "sent_at"])
    ('Ana Ruiz', '2018-10-16 08:36:00+00:00')
    """
    import pandas as pd

    content = check_flag(content, name="content")
    columns, table = _read(path, MESSAGES, _MESSAGE_NAMES)
    n = len(table.frame)

    def column(key: str) -> list[str]:
        return columns.get(key, [""] * n)

    senders, recipients = column("sender"), column("recipients")
    if "conversation_id" in columns:
        conversation = column("conversation_id")
    else:
        # 2018: the thread with the other person (To when you wrote, From when they did).
        directions = [d.upper() for d in column("direction")]
        conversation = [
            to if d == "OUTGOING" else sender if d == "INCOMING" else " · ".join(sorted({sender, to}))
            for sender, to, d in zip(senders, recipients, directions)
        ]
    folder = [f.upper() for f in column("folder")]
    draft = [a or b or f in ("DRAFT", "DRAFTS") for a, b, f in
             zip(_truthy(column("is_message_draft")), _truthy(column("is_conversation_draft")), folder)]
    result = pd.DataFrame({
        "conversation_id": _text(conversation),
        "sender": _text(senders),
        "sender_url": _text(column("sender_url")),
        "recipients": _text(recipients),
        "sent_at": _parse_dates(column("sent_at"), table),
        "folder": _text(folder),
        "is_draft": pd.Series(draft, dtype=bool),
    })
    if content:
        result["content"] = _text([_plain_text(v) for v in column("content")])
    return result


# --- invitations -----------------------------------------------------------------------------
def read_invitations(path: str | PathLike[str] | bytes) -> pd.DataFrame:
    """Read the ``Invitations.csv`` of your LinkedIn data export.

    Both shapes: ``From, To, Sent At, Message, Direction`` and the newer one that adds
    ``inviterProfileUrl, inviteeProfileUrl``; ``Sent At`` like ``7/18/22, 1:42 AM``. Same
    robustness as :func:`read_messages`. The invitation's text is never kept: only whether
    it had one.

    Returns
    -------
    pandas.DataFrame
        ``sender``, ``recipient``, ``sent_at`` (UTC), ``direction`` (``"incoming"`` or
        ``"outgoing"``; NA if unknown) and ``has_message`` (a personal note was written).

    Raises
    ------
    SSIInputError
        A missing, empty, damaged file, or one that is not ``Invitations.csv``.
    SSITypeError
        If ``path`` is not a path, text or bytes.

    Examples
    --------
    >>> table = read_invitations('From,To,Sent At,Message,Direction\\nAna,Yo,"7/18/22, 1:42 AM",,INCOMING\\n')
    >>> table.loc[0, "direction"], bool(table.loc[0, "has_message"])
    ('incoming', False)
    """
    import pandas as pd

    columns, table = _read(path, INVITATIONS, _INVITATION_NAMES)
    n = len(table.frame)
    direction = [d.lower() if d.lower() in ("incoming", "outgoing") else "" for d in
                 columns.get("direction", [""] * n)]
    return pd.DataFrame({
        "sender": _text(columns["sender"]),
        "recipient": _text(columns["recipient"]),
        "sent_at": _parse_dates(columns["sent_at"], table),
        "direction": _text(direction),
        "has_message": pd.Series([bool(m) for m in columns.get("message", [""] * n)], dtype=bool),
    })


# --- responsiveness --------------------------------------------------------------------------
@dataclass(frozen=True)
class Responsiveness:
    """How you answer the conversations others start (see :func:`responsiveness`).

    Attributes
    ----------
    me : str or None
        Who "you" are in the messages (None when typed by hand).
    received : int
        Conversations started by someone else.
    answered : int
        Of those, the ones you wrote in afterwards.
    response_rate : float or None
        ``answered / received`` (0–1); None if you received none.
    median_response_hours : float or None
        Median time to your first answer, in hours; None without answers (or not given).
    waiting : DataFrame
        Conversations still unanswered, oldest first: ``conversation_id``, ``person`` (who
        wrote) and ``received_at``. No message text.
    """

    me: str | None
    received: int
    answered: int
    response_rate: float | None
    median_response_hours: float | None
    waiting: pd.DataFrame

    @property
    def unanswered(self) -> int:
        """Conversations others started that you have not answered."""
        return self.received - self.answered

    def describe(self) -> str:
        """A few sentences for the learner, in the current language."""
        if self.received == 0:
            return tr("Nadie te ha escrito primero todavía: no hay nada que responder.",
                      "Nobody has written to you first yet: there is nothing to answer.")
        text = tr("Has respondido {a} de {r} ({pct}).", "You answered {a} of {r} ({pct}).",
                  a=format_thousands(self.answered),
                  r=plural(self.received, "conversación que empezó otra persona",
                           "conversaciones que empezaron otras personas",
                           "conversation someone else started", "conversations others started"),
                  pct=format_percent(self.response_rate or 0.0))
        if self.median_response_hours is not None:
            text += " " + tr("Tardas una mediana de {h} horas en contestar.",
                             "Your median time to answer is {h} hours.",
                             h=format_number(self.median_response_hours, 1))
        if self.unanswered:
            text += " " + tr("{n} esperando tu respuesta.", "{n} waiting for your answer.",
                             n=plural(self.unanswered, "conversación sigue", "conversaciones siguen",
                                      "conversation is", "conversations are"))
        return text

    def _repr_html_(self) -> str:
        from ._html import paragraph

        return paragraph(self.describe())  # names from the export are text, never markup

    def __str__(self) -> str:
        return self.describe()


def _empty_waiting() -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame({"conversation_id": pd.Series([], dtype="string"), "person": pd.Series([], dtype="string"),
                         "received_at": pd.Series([], dtype="datetime64[ns, UTC]")})


def _name_key(series: pd.Series) -> pd.Series:
    return series.astype("string").str.strip().str.casefold()


def _participants(frame: pd.DataFrame) -> pd.DataFrame:
    """(conversation_id, key, name): everyone who wrote or was written to in each conversation."""
    import pandas as pd

    senders = frame[["conversation_id", "sender"]].rename(columns={"sender": "name"})
    recipients = frame[["conversation_id", "recipients"]].copy()
    recipients["name"] = recipients["recipients"].astype("string").str.split(",")
    recipients = recipients.explode("name")[["conversation_id", "name"]]
    people = pd.concat([senders, recipients], ignore_index=True)
    people["name"] = people["name"].astype("string").str.strip()
    people = people[people["name"].fillna("") != ""]
    people["key"] = people["name"].str.casefold()
    return people


def _default_me(people: pd.DataFrame) -> str | None:
    """The person in the most conversations (ties: alphabetical), as first written."""
    if people.empty:
        return None
    counts = people.drop_duplicates(["conversation_id", "key"]).groupby("key").size()
    top = counts[counts == counts.max()].sort_index().index[0]
    return str(people.loc[people["key"] == top, "name"].iloc[0])


def responsiveness(messages: pd.DataFrame, *, me: str | None = None) -> Responsiveness:
    """How many conversations others started, how many you answered and how fast.

    Drafts and the ``SPAM`` folder are left out (and messages without a date). A
    conversation counts as *received* when its first message is from someone else, and as
    *answered* when you wrote in it after that; the response time is your first message
    after theirs minus their first one.

    Parameters
    ----------
    messages : DataFrame
        The table from :func:`read_messages`.
    me : str, optional
        Your name as it appears in ``sender``; by default the person who takes part in the
        most conversations (in your own export, that is you). Case and spaces ignored.

    Returns
    -------
    Responsiveness
        ``received``, ``answered``, ``response_rate``, ``median_response_hours`` and
        ``waiting`` (oldest first, the other person's name, no content).

    Raises
    ------
    SSIInputError
        If the table lacks the columns of :func:`read_messages`, or ``me`` takes part in no
        conversation.
    SSITypeError
        If ``messages`` is not a table or ``me`` not text.

    Examples
    --------
    >>> from ssi_kit.datasets import load_dataset
    >>> result = responsiveness(load_dataset("mensajes_ejemplo"))
    >>> result.me
    'Lucía Ramos'
    >>> result.answered <= result.received
    True
    """
    import pandas as pd

    frame = check_frame(
        messages, name="messages", required=("conversation_id", "sender", "recipients", "sent_at"),
        expected=tr("la tabla de read_messages (un DataFrame)", "the table from read_messages (a DataFrame)"),
        hint=tr("Léela con responsiveness(read_messages(ruta)).", "Read it with responsiveness(read_messages(path))."),
        text=("conversation_id", "sender", "recipients", "folder"),
    )
    if me is not None:
        me = check_type(me, str, name="me", expected=tr("tu nombre (texto)", "your name (text)"))
    frame = frame[["conversation_id", "sender", "recipients", "sent_at",
                   *[c for c in ("folder", "is_draft") if c in frame.columns]]].copy()
    try:
        frame["sent_at"] = pd.to_datetime(frame["sent_at"], utc=True, errors="coerce")
    except (TypeError, ValueError, OverflowError):
        raise SSIInputError(
            tr("La columna «sent_at» debe tener fechas.", "The column 'sent_at' must hold dates."),
            field="sent_at", received=str(frame["sent_at"].dtype),
            hint=tr("Usa la tabla de read_messages(ruta) sin cambiar esa columna.",
                    "Use the table from read_messages(path) without changing that column."),
        ) from None
    for column in ("conversation_id", "sender", "recipients"):
        frame[column] = frame[column].astype("string")
    keep = frame["sent_at"].notna() & frame["conversation_id"].notna()
    if "folder" in frame:
        keep &= frame["folder"].astype("string").str.strip().str.upper().fillna("") != "SPAM"
    if "is_draft" in frame:
        keep &= ~frame["is_draft"].fillna(False).astype(bool)
    everyone = _participants(frame)
    frame = frame[keep]
    people = _participants(frame)
    if me is None:
        me = _default_me(people)
        if me is None:
            return Responsiveness(None, 0, 0, None, None, _empty_waiting())
    elif not (everyone["key"] == me.strip().casefold()).any():
        likely = _default_me(everyone)
        raise SSIInputError(
            tr("{me} no aparece en ninguna conversación.", "{me} takes part in no conversation.",
               me=short_repr(me)),
            field="me", received=me,
            hint=tr("Escribe tu nombre como en la columna «sender» (¿«{n}»?), o no pases «me».",
                    "Write your name as in the 'sender' column ('{n}'?), or leave 'me' out.", n=likely)
            if likely else "",
        )
    mine = _name_key(frame["sender"]) == me.strip().casefold()
    frame = frame.assign(mine=mine.fillna(False).astype(bool)).sort_values(["conversation_id", "sent_at"],
                                                                            kind="stable")
    first = frame.groupby("conversation_id", sort=False).head(1).set_index("conversation_id")
    received = first[~first["mine"]]
    replies = frame[frame["mine"] & frame["conversation_id"].isin(received.index)]
    first_reply = replies.groupby("conversation_id")["sent_at"].min()
    answered = received.index.isin(first_reply.index)
    hours = (first_reply - received.loc[first_reply.index, "sent_at"]).dt.total_seconds() / 3600
    waiting = received[~answered].reset_index()
    waiting = pd.DataFrame({
        "conversation_id": waiting["conversation_id"].astype("string"),
        "person": waiting["sender"].astype("string"),
        "received_at": waiting["sent_at"],
    }).sort_values(["received_at", "conversation_id"], kind="stable").reset_index(drop=True)
    n_received, n_answered = len(received), int(answered.sum())
    return Responsiveness(
        me=me.strip(),
        received=n_received,
        answered=n_answered,
        response_rate=n_answered / n_received if n_received else None,
        median_response_hours=float(hours.median()) if len(hours) else None,
        waiting=waiting,
    )


def responsiveness_from_counts(received: int, answered: int, *,
                               median_response_hours: float | None = None) -> Responsiveness:
    """:func:`responsiveness` from counts you write down yourself (no export needed).

    Count, in your LinkedIn inbox, the conversations someone else started in a period and
    how many of them you answered.

    Parameters
    ----------
    received : int
        Conversations others started.
    answered : int
        How many of them you answered (0 to ``received``).
    median_response_hours : float, optional
        Roughly how many hours you take to answer.

    Raises
    ------
    SSIInputError
        Counts that are not whole numbers from 0, or more answered than received.

    Examples
    --------
    >>> responsiveness_from_counts(20, 15).response_rate
    0.75
    """
    received = check_integer(received, name="received", hint=tr(
        "Cuenta las conversaciones que empezó otra persona, por ejemplo 20.",
        "Count the conversations someone else started, e.g. 20."))
    answered = check_integer(answered, name="answered", maximum=max(received, 0), hint=tr(
        "No puedes haber respondido más conversaciones de las que recibiste ({r}).",
        "You cannot have answered more conversations than you received ({r}).", r=received))
    if median_response_hours is not None:
        median_response_hours = check_number(median_response_hours, name="median_response_hours", maximum=24 * 365)
    return Responsiveness(None, received, answered, answered / received if received else None,
                          median_response_hours, _empty_waiting())


# --- the course's user figures ---------------------------------------------------------------
def linkedin_users() -> pd.DataFrame:
    """LinkedIn's users as the course gives them, next to a more recent public figure.

    Returns
    -------
    pandas.DataFrame
        ``region`` (``world``, ``latin_america``, ``mexico``), ``place`` (its name in the
        current language), ``users``, ``figure`` (whose figure, in the current language),
        ``origin`` (``course`` or ``current``), ``as_of`` (when the figure was true, as text)
        and ``source``. Figures that are not in the course carry their source and date.

    Examples
    --------
    >>> users = linkedin_users()
    >>> int(users.loc[(users["origin"] == "course") & (users["region"] == "mexico"), "users"].iloc[0])
    12000000
    """
    import pandas as pd

    frame = pd.read_csv(data_path("usuarios_linkedin.csv"), dtype={"region": "string", "origin": "string",
                                                                    "as_of": "string", "source": "string"})
    frame["users"] = frame["users"].astype("int64")
    frame.insert(1, "place", frame["region"].map(_place).astype("string"))
    frame.insert(3, "figure", frame["origin"].map(_figure).astype("string"))
    return frame


def _place(region: str) -> str:
    return {"world": tr("Mundo", "World"), "latin_america": tr("América Latina", "Latin America"),
            "mexico": tr("México", "Mexico")}.get(region, region)


def _figure(origin: str) -> str:
    return {"course": tr("Curso", "Course"), "current": tr("Cifra actual", "Current figure")}.get(origin, origin)


def user_shares(users: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each region's users as a share of the world's, figure by figure (course and current).

    Parameters
    ----------
    users : DataFrame, optional
        A table like :func:`linkedin_users` (that one by default).

    Returns
    -------
    pandas.DataFrame
        ``origin``, ``figure``, ``region``, ``place``, ``users`` and ``share`` (of the world
        figure of the same origin; 0–1), for the regions other than the world.

    Raises
    ------
    SSIInputError
        If the table lacks the columns, or an origin has no positive world figure.

    Examples
    --------
    >>> shares = user_shares()
    >>> round(float(shares.loc[shares["region"] == "mexico", "share"].iloc[0]), 3)
    0.024
    """
    import pandas as pd

    frame = linkedin_users() if users is None else check_frame(
        users, name="users", required=("region", "users", "origin"),
        expected=tr("una tabla como linkedin_users()", "a table like linkedin_users()"))
    rows = []
    for origin, group in frame.groupby("origin", sort=False):
        world = group.loc[group["region"] == "world", "users"]
        try:
            total = float(pd.to_numeric(world, errors="coerce").max()) if len(world) else math.nan
        except (TypeError, ValueError, OverflowError):
            total = math.nan
        if not (math.isfinite(total) and total > 0):
            raise SSIInputError(
                tr("Falta la cifra mundial (región «world») de {o}.", "The world figure (region 'world') of {o} is "
                   "missing.", o=short_repr(origin)),
                field="users", received=origin,
            )
        for _, row in group[group["region"] != "world"].iterrows():
            try:
                share = float(row["users"]) / total
            except (TypeError, ValueError, OverflowError):
                share = math.nan
            rows.append({"origin": origin, "figure": _figure(str(origin)), "region": row["region"],
                         "place": _place(str(row["region"])), "users": row["users"], "share": share})
    return pd.DataFrame(rows, columns=["origin", "figure", "region", "place", "users", "share"])

