"""The power of relationships (lesson 05): the ladder of stages, a contact tracker, and who you never wrote to.

A connection you never develop is worth 0. The course describes how a relationship grows on
LinkedIn: repeated interaction, recognition, collaboration, meeting in person (or a call when
distance prevents it) and, finally, trust. This module holds that ladder (:data:`STAGES`), a
tidy tracker the learner fills in (``name, stage, last_interaction, next_step``) saved to a
file they own, and, from their own export, a rough proxy for "valor 0": the connections you
never exchanged a message with.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._checks import check_date, check_frame, check_integer, check_type, decode_text, read_source
from ._i18n import format_thousands, plural, short_repr, tr
from ._resources import user_dir
from .errors import SSIInputError, SSITypeError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "STAGES",
    "TRACKER_COLUMNS",
    "UNDEVELOPED_VALUE",
    "Stage",
    "add_contact",
    "describe_ladder",
    "describe_never_contacted",
    "example_messages",
    "example_tracker",
    "has_contact",
    "load_tracker",
    "never_contacted",
    "new_tracker",
    "next_step",
    "next_steps_table",
    "remove_contact",
    "save_tracker",
    "stage_counts",
    "stage_key",
    "stage_label",
    "stages",
    "suggest_next_steps",
    "to_reactivate",
    "tracker_path",
    "update_contact",
]


@dataclass(frozen=True)
class Stage:
    """One step of the ladder: its key, label, what it means and the step that moves it on."""

    key: str
    label_es: str
    label_en: str
    meaning_es: str
    meaning_en: str
    step_es: str
    step_en: str

    @property
    def label(self) -> str:
        return tr(self.label_es, self.label_en)

    @property
    def meaning(self) -> str:
        return tr(self.meaning_es, self.meaning_en)

    @property
    def step(self) -> str:
        return tr(self.step_es, self.step_en)


STAGES: tuple[Stage, ...] = (
    Stage("conexion", "Conexión", "Connection",
          "Aceptasteis la invitación y nada más: así, la relación vale 0.",
          "You accepted the invitation and nothing else: as it is, the relationship is worth 0.",
          "Comenta algo suyo con una aportación real, o escríbele para presentarte.",
          "Comment on something of theirs with a real contribution, or write to introduce yourself."),
    Stage("interaccion", "Interacción repetida", "Repeated interaction",
          "Coincidís una y otra vez en debates y comentarios.",
          "You keep meeting in discussions and comments.",
          "Sigue sus publicaciones y responde con tu punto de vista; cítale cuando aporte.",
          "Follow their posts and reply with your view; mention them when they add something."),
    Stage("reconocimiento", "Reconocimiento", "Recognition",
          "Os reconocéis: sabéis quién es el otro y qué aporta.",
          "You recognise each other: you know who the other is and what they bring.",
          "Propón algo concreto juntos: un artículo, un debate, una ayuda puntual.",
          "Suggest something concrete together: an article, a discussion, a small favour."),
    Stage("colaboracion", "Colaboración", "Collaboration",
          "Trabajáis juntos en algo profesional.",
          "You work together on something professional.",
          "Quedad en persona o, si la distancia lo impide, con una llamada o videollamada.",
          "Meet in person or, if distance prevents it, on a call or video call."),
    Stage("encuentro", "Encuentro en persona o llamada", "Meeting in person or call",
          "Habéis pasado de lo virtual a lo físico (o a la voz, si estáis lejos).",
          "You went from virtual to physical (or to voice, when far apart).",
          "Cumple lo acordado y mantén el contacto: la confianza se gana cumpliendo.",
          "Deliver what you agreed and stay in touch: trust is earned by delivering."),
    Stage("confianza", "Confianza", "Trust",
          "Hay confianza mutua: la base de tu marca personal y de nuevas oportunidades.",
          "There is mutual trust: the basis of your personal brand and of new opportunities.",
          "Cuídala: ayuda sin esperar un retorno inmediato y recomienda a quien lo merece.",
          "Look after it: help without expecting a quick return, and recommend those who deserve it."),
)
"""The ladder, in order: a connection first, trust last."""

UNDEVELOPED_VALUE = 0
"""What a connection you never develop is worth, per the course."""

_SPELLINGS: dict[str, str] = {
    "conexion": "conexion", "conectado": "conexion", "connection": "conexion", "connected": "conexion",
    "interaccion": "interaccion", "interaccion repetida": "interaccion", "interaction": "interaccion",
    "repeated interaction": "interaccion",
    "reconocimiento": "reconocimiento", "recognition": "reconocimiento",
    "colaboracion": "colaboracion", "collaboration": "colaboracion",
    "encuentro": "encuentro", "reunion": "encuentro", "llamada": "encuentro", "videollamada": "encuentro",
    "meeting": "encuentro", "call": "encuentro",
    "encuentro en persona o llamada": "encuentro", "meeting in person or call": "encuentro",
    "confianza": "confianza", "trust": "confianza",
}
_BY_KEY = {stage.key: stage for stage in STAGES}
TRACKER_COLUMNS = ("name", "stage", "last_interaction", "next_step")
"""Columns of a tracker, in order."""
# Headers of the saved file (Spanish: the learner opens it in a spreadsheet); both are read back.
_FILE_HEADERS = {"name": "nombre", "stage": "etapa", "last_interaction": "ultima_interaccion",
                 "next_step": "siguiente_paso"}
STALE_DAYS = 60  # two months without a word: suggest reconnecting first
MAX_NAME = 200


def _plain(text: str) -> str:
    """Lower case, no accents, single spaces: how names and keys are compared."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


# --- the ladder ---------------------------------------------------------------------------
def stage_key(value: object) -> str:
    """The key of a stage as a learner names it, in Spanish or English, with or without accents.

    Examples
    --------
    >>> stage_key("Colaboración"), stage_key("trust"), stage_key("llamada")
    ('colaboracion', 'confianza', 'encuentro')
    """
    shown = [stage.key for stage in STAGES]
    hint = tr("Las etapas, en orden: {s}.", "The stages, in order: {s}.", s=", ".join(shown))
    if isinstance(value, Stage):
        return value.key
    if isinstance(value, str) and _plain(value) in _SPELLINGS:
        return _SPELLINGS[_plain(value)]
    import difflib

    close = difflib.get_close_matches(_plain(value), list(_SPELLINGS), n=1, cutoff=0.6) \
        if isinstance(value, str) else []
    raise SSIInputError(
        tr("«stage» debe ser una etapa: {options}; recibido {received}.",
           "'stage' must be a stage: {options}; received {received}.",
           options=", ".join(shown), received=short_repr(value)),
        field="stage", received=value,
        hint=tr("¿Querías decir «{c}»?", "Did you mean '{c}'?", c=_SPELLINGS[close[0]]) if close else hint,
    )


def stage_label(value: object) -> str:
    """The label of a stage in the current language.

    >>> stage_label("encuentro")
    'Encuentro en persona o llamada'
    """
    return _BY_KEY[stage_key(value)].label


def stages() -> pd.DataFrame:
    """The ladder as a table: ``order, stage, label, meaning, step``.

    Examples
    --------
    >>> stages()["stage"].tolist()
    ['conexion', 'interaccion', 'reconocimiento', 'colaboracion', 'encuentro', 'confianza']
    """
    import pandas as pd

    return pd.DataFrame({
        "order": range(1, len(STAGES) + 1),
        "stage": [s.key for s in STAGES],
        "label": [s.label for s in STAGES],
        "meaning": [s.meaning for s in STAGES],
        "step": [s.step for s in STAGES],
    })


def describe_ladder() -> str:
    """The ladder in one line, in the current language.

    >>> describe_ladder()
    'Conexión → Interacción repetida → Reconocimiento → Colaboración → Encuentro en persona o llamada → Confianza'
    """
    return " → ".join(stage.label for stage in STAGES)


# --- the tracker --------------------------------------------------------------------------
def _last_interaction(value: object) -> dt.date | None:
    """The day of the last interaction as a learner writes it (:func:`~ssi_kit._checks.check_date`); blank is None."""
    return check_date(value, name="last_interaction", optional=True, earliest=dt.date(1900, 1, 1),
                      latest=dt.date(2199, 12, 31), hint=tr("Revisa el año.", "Check the year."))


def _check_name(value: object) -> str:
    check_type(value, str, name="name", expected=tr("el nombre de la persona (texto)", "the person's name (text)"),
               hint=tr('Entre comillas: "Ana Ruiz".', 'In quotes: "Ana Ruiz".'))
    name = " ".join(str(value).split())
    if not name or len(name) > MAX_NAME:
        raise SSIInputError(
            tr("«name» debe tener entre 1 y {m} caracteres; recibido {r}.",
               "'name' must have 1 to {m} characters; received {r}.", m=MAX_NAME, r=short_repr(value)),
            field="name", received=value, hint=tr('Por ejemplo "Ana Ruiz".', 'For example "Ana Ruiz".'),
        )
    return name


def _check_step(value: object) -> str:
    if value is None:
        return ""
    check_type(value, str, name="next_step", expected=tr("un texto (o None)", "text (or None)"))
    return " ".join(str(value).split())


def new_tracker() -> pd.DataFrame:
    """An empty tracker: ``name, stage, last_interaction, next_step``.

    >>> new_tracker().columns.tolist()
    ['name', 'stage', 'last_interaction', 'next_step']
    """
    return _frame([])


def _frame(rows: list[tuple[str, str, dt.date | None, str]]) -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame(rows, columns=list(TRACKER_COLUMNS))
    return pd.DataFrame({
        "name": frame["name"].astype("string"),
        "stage": frame["stage"].astype("string"),
        "last_interaction": pd.to_datetime(frame["last_interaction"]).astype("datetime64[ns]"),
        "next_step": frame["next_step"].astype("string"),
    })


def _rows(tracker: object) -> list[tuple[str, str, dt.date | None, str]]:
    """A tracker's rows, checked (a frame typed by hand or read from a file)."""
    import pandas as pd

    frame = check_frame(tracker, required=TRACKER_COLUMNS, name="tracker",
                        expected=tr("una tabla de seguimiento", "a tracker table"),
                        hint=tr("Empieza con new_tracker() o load_tracker().",
                                "Start with new_tracker() or load_tracker()."))
    rows = []
    for name, stage, last, step in frame[list(TRACKER_COLUMNS)].itertuples(index=False):
        rows.append((_check_name(name), stage_key(stage), _last_interaction(last),
                     _check_step(None if step is None or step is pd.NA or (isinstance(step, float)
                                                                         and step != step) else step)))
    return rows


def _position(rows: list[tuple[str, str, dt.date | None, str]], name: str) -> int | None:
    wanted = _plain(name)
    return next((i for i, row in enumerate(rows) if _plain(row[0]) == wanted), None)


def add_contact(tracker: pd.DataFrame, name: str, *, stage: str = "conexion",
                last_interaction: object = None, next_step: str | None = None) -> pd.DataFrame:
    """A new tracker with one more person (the tracker passed is not changed).

    Parameters
    ----------
    tracker : DataFrame
        From :func:`new_tracker` or :func:`load_tracker`.
    name : str
        Who. Names are compared without case or accents: ``"ines"`` is ``"Inés"``.
    stage : str, default "conexion"
        Where the relationship is (:func:`stage_key` spellings, Spanish or English).
    last_interaction : date or str, optional
        When you last interacted (``"2025-06-01"``, ``"01/06/2025"``).
    next_step : str, optional
        What you plan to do; empty to use the suggested one.

    Raises
    ------
    SSIInputError
        If the person is already there (use :func:`update_contact`), or a value is invalid.

    Examples
    --------
    >>> t = add_contact(new_tracker(), "Ana Ruiz", stage="reconocimiento", last_interaction="01/06/2025")
    >>> t[["name", "stage"]].values.tolist()
    [['Ana Ruiz', 'reconocimiento']]
    """
    rows = _rows(tracker)
    clean = _check_name(name)
    if _position(rows, clean) is not None:
        raise SSIInputError(
            tr("«{n}» ya está en tu seguimiento.", "'{n}' is already in your tracker.", n=clean),
            field="name", received=name,
            hint=tr("Para cambiar su etapa usa update_contact.", "To change their stage use update_contact."),
        )
    rows.append((clean, stage_key(stage), _last_interaction(last_interaction), _check_step(next_step)))
    return _frame(rows)


def has_contact(tracker: pd.DataFrame, name: str) -> bool:
    """Whether ``name`` is in the tracker (case and accents ignored).

    >>> has_contact(add_contact(new_tracker(), "Inés"), "ines")
    True
    """
    return _position(_rows(tracker), _check_name(name)) is not None


def update_contact(tracker: pd.DataFrame, name: str, *, stage: str | None = None,
                   last_interaction: object = None, next_step: str | None = None) -> pd.DataFrame:
    """A new tracker with ``name``'s row changed (only the values given).

    Examples
    --------
    >>> t = add_contact(new_tracker(), "Ana Ruiz")
    >>> update_contact(t, "ana ruiz", stage="colaboracion")["stage"].tolist()
    ['colaboracion']
    """
    rows = _rows(tracker)
    index = _find(rows, name)
    old = rows[index]
    rows[index] = (old[0], old[1] if stage is None else stage_key(stage),
                   old[2] if last_interaction is None else _last_interaction(last_interaction),
                   old[3] if next_step is None else _check_step(next_step))
    return _frame(rows)


def remove_contact(tracker: pd.DataFrame, name: str) -> pd.DataFrame:
    """A new tracker without ``name``.

    >>> remove_contact(add_contact(new_tracker(), "Ana"), "ANA").empty
    True
    """
    rows = _rows(tracker)
    del rows[_find(rows, name)]
    return _frame(rows)


def _find(rows: list[tuple[str, str, dt.date | None, str]], name: str) -> int:
    clean = _check_name(name)
    index = _position(rows, clean)
    if index is None:
        raise SSIInputError(
            tr("«{n}» no está en tu seguimiento.", "'{n}' is not in your tracker.", n=clean),
            field="name", received=name,
            hint=tr("Comprueba cómo lo escribiste, o añádelo con add_contact.",
                    "Check how you wrote it, or add them with add_contact."),
        )
    return index


def next_step(stage: str, *, last_interaction: object = None, today: object = None) -> str:
    """The suggested next step for a relationship at ``stage``.

    If the last interaction was more than two months ago, the suggestion starts by
    reconnecting: a relationship left alone goes back towards 0.

    Examples
    --------
    >>> next_step("colaboracion")
    'Quedad en persona o, si la distancia lo impide, con una llamada o videollamada.'
    """
    step = _BY_KEY[stage_key(stage)].step
    last = _last_interaction(last_interaction)
    if last is None:
        return step
    now = check_date(today, name="today", optional=True) or dt.date.today()
    days = (now - last).days
    if days > STALE_DAYS:
        return tr("Hace {d} que no habláis: retoma el contacto. Después: {s}",
                  "{d} since you last talked: reconnect first. Then: {s}",
                  d=plural(days, "día", "días", "day", "days"), s=step[:1].lower() + step[1:])
    return step


def suggest_next_steps(tracker: pd.DataFrame, *, today: object = None) -> pd.DataFrame:
    """The tracker with a ``suggested`` column: your next step if you wrote one, else :func:`next_step`.

    Examples
    --------
    >>> t = add_contact(new_tracker(), "Ana", stage="confianza", next_step="Invitarla al evento")
    >>> suggest_next_steps(t)["suggested"].tolist()
    ['Invitarla al evento']
    """
    frame = _frame(_rows(tracker))
    frame["suggested"] = [
        step if step else next_step(stage, last_interaction=None if last != last else last, today=today)
        for stage, last, step in zip(frame["stage"], frame["last_interaction"], frame["next_step"])
    ]
    frame["suggested"] = frame["suggested"].astype("string")
    return frame


def next_steps_table(tracker: pd.DataFrame, *, today: object = None) -> pd.DataFrame:
    """What to read about each contact: ``name, label`` (the stage's label), ``last_interaction, suggested``.

    Examples
    --------
    >>> t = add_contact(new_tracker(), "Ana", stage="encuentro")
    >>> next_steps_table(t).columns.tolist()
    ['name', 'label', 'last_interaction', 'suggested']
    """
    frame = suggest_next_steps(tracker, today=today)
    frame["label"] = frame["stage"].map(lambda key: _BY_KEY[key].label).astype("string")
    return frame[["name", "label", "last_interaction", "suggested"]]


def stage_counts(tracker: pd.DataFrame) -> pd.DataFrame:
    """Contacts per stage, every stage of the ladder in order (zeros too): ``stage, label, count``.

    A contact at a higher stage has gone through the lower ones, so ``reached`` counts the
    contacts at that stage or beyond: the funnel.

    Examples
    --------
    >>> t = add_contact(add_contact(new_tracker(), "Ana", stage="confianza"), "Luis")
    >>> stage_counts(t)[["stage", "count", "reached"]].values.tolist()[0]
    ['conexion', 1, 2]
    """
    import pandas as pd

    rows = _rows(tracker)
    counts = [sum(row[1] == stage.key for row in rows) for stage in STAGES]
    reached = [sum(counts[i:]) for i in range(len(counts))]
    return pd.DataFrame({"stage": [s.key for s in STAGES], "label": [s.label for s in STAGES],
                         "count": counts, "reached": reached})


# --- the learner's file -------------------------------------------------------------------
def tracker_path() -> Path:
    """Where the tracker is saved by default: ``relaciones.csv`` in your user data folder.

    The folder is ``$SSI_KIT_HOME`` or your system's per-user data folder for ssi-kit
    (``~/.local/share/ssi-kit`` on Linux); every function that saves or loads also takes ``path=``.
    """
    return user_dir() / "relaciones.csv"


def _given_path(path: str | PathLike[str] | None) -> Path:
    if path is None:
        return tracker_path()
    if not isinstance(path, (str, PathLike)) or not isinstance(os.fspath(path), str) or not os.fspath(path).strip():
        raise SSITypeError(
            tr("«path» debe ser la ruta de un archivo (texto); recibido {r}.",
               "'path' must be a file's path (text); received {r}.", r=short_repr(path)),
            field="path", received=path,
            hint=tr('Por ejemplo "mis_relaciones.csv".', 'For example "my_relations.csv".'),
        )
    return Path(os.fspath(path)).expanduser()


def save_tracker(tracker: pd.DataFrame, path: str | PathLike[str] | None = None) -> Path:
    """Save the tracker to your file (replacing it), whole or not at all, safe for spreadsheets.

    Written with :func:`ssi_kit.safe_csv.save_csv`: a temporary file renamed over the old one,
    so a crash never leaves half a file. The file stays on your machine.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "rel.csv"
    >>> _ = save_tracker(add_contact(new_tracker(), "Ana"), out)
    >>> load_tracker(out)["name"].tolist()
    ['Ana']
    """
    from .safe_csv import save_csv

    rows = _rows(tracker)
    target = _given_path(path)
    if path is None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise SSIInputError(
                tr("No pude crear la carpeta «{p}» ({e}).", "Could not create the folder '{p}' ({e}).",
                   p=str(target.parent), e=error.strerror or type(error).__name__),
                field="path", received=str(target.parent),
                hint=tr("Pasa path= con un archivo en una carpeta tuya.",
                        "Pass path= with a file in a folder of yours."),
            ) from None
    frame = _frame(rows)
    out = frame.rename(columns=_FILE_HEADERS)
    out["ultima_interaccion"] = [d.date().isoformat() if d == d else "" for d in frame["last_interaction"]]
    return save_csv(out, target, overwrite=True)


_APOSTROPHE = re.compile(r"^'(?=[=+\-@\t\r])")  # what save_csv adds before a would-be formula


def load_tracker(path: str | PathLike[str] | None = None) -> pd.DataFrame:
    """Your tracker, read from its file; an empty one if the file does not exist yet.

    Reads what :func:`save_tracker` writes and the same file re-saved by a spreadsheet
    (``;`` separators, ``dd/mm/yyyy`` dates, a BOM, Spanish or English headers).

    Raises
    ------
    SSIInputError
        If the file is not a tracker (no ``nombre``/``name`` and ``etapa``/``stage`` header) or
        a row holds an unknown stage or date (the message names the line).
    """
    import csv
    import io

    target = _given_path(path)
    if not target.exists():
        return new_tracker()
    source = read_source(str(target), function="load_tracker", expected=tr("la ruta de tu archivo de seguimiento",
                                                                          "the path of your tracker file"))
    text, _encoding = decode_text(source.data, where=source)
    lines = text.splitlines()
    def header(text: str) -> str:
        return _plain(text.replace("_", " "))

    wanted = {header(v): k for k, v in _FILE_HEADERS.items()} | {header(k): k for k in TRACKER_COLUMNS}
    number, separator, keys = 0, ",", []
    for number, line in enumerate(lines):  # noqa: B007 (used after the loop)
        separator = ";" if line.count(";") > line.count(",") else ","
        fields = next(csv.reader([line], delimiter=separator), [])
        keys = [wanted.get(header(f)) for f in fields]
        if "name" in keys and "stage" in keys:
            break
    else:
        raise SSIInputError(
            tr("{s} no parece un archivo de seguimiento: falta la fila de títulos (nombre, etapa…).",
               "{s} does not look like a tracker file: the header row (name, stage…) is missing.", s=source.subject),
            field="path", received=str(target),
            hint=tr("Guárdalo con save_tracker, o pasa otra ruta.", "Save it with save_tracker, or pass another path."),
        )
    rows = []
    reader = csv.reader(io.StringIO("\n".join(lines[number + 1:])), delimiter=separator)
    for offset, record in enumerate(reader, start=number + 2):
        if not any(cell.strip() for cell in record):
            continue
        values = {key: _APOSTROPHE.sub("", cell) for key, cell in zip(keys, record) if key}
        try:
            rows.append((_check_name(values.get("name", "")), stage_key(values.get("stage", "")),
                         _last_interaction(values.get("last_interaction")), _check_step(values.get("next_step"))))
        except (SSIInputError, SSITypeError) as error:
            raise SSIInputError(
                tr("Línea {n} {of}: {m}", "Line {n} {of}: {m}", n=offset, of=source.of, m=error.message),
                field="path", received=str(target), hint=error.hint,
            ) from None
    return _frame(rows)


# --- from the learner's export --------------------------------------------------------------
_URL_PREFIX = re.compile(r"^(https?://)?(www\.|[a-z]{2}\.)?", re.IGNORECASE)


def _url_key(url: object) -> str:
    """A profile URL compared without scheme, ``www.``, query or trailing slash."""
    if not isinstance(url, str) or not url.strip():
        return ""
    return _URL_PREFIX.sub("", url.strip().lower()).split("?")[0].rstrip("/")


def _recipients(value: object) -> list[str]:
    """The names in a ``recipients`` cell: a list, or text separated by commas or semicolons."""
    if isinstance(value, str):
        return [part for part in re.split(r"[,;]", value) if part.strip()]
    if isinstance(value, (list, tuple, set)):
        return [str(part) for part in value if isinstance(part, str)]
    return []


def _contacted(messages: pd.DataFrame) -> tuple[set[str], set[str]]:
    """Names and URL keys of everyone in a sent (not draft) message, as sender or recipient."""
    frame = check_frame(messages, required=("sender", "recipients"), name="messages",
                        expected=tr("la tabla de mensajes", "the messages table"),
                        hint=tr("Usa la tabla de ssi_kit.read_messages.", "Use the table from ssi_kit.read_messages."))
    if "is_draft" in frame.columns:
        frame = frame[~frame["is_draft"].fillna(False).astype(bool)]
    names = {_plain(str(n)) for n in frame["sender"].dropna()}
    for cell in frame["recipients"]:
        names |= {_plain(n) for n in _recipients(cell)}
    urls: set[str] = set()
    for column in ("sender_url", "recipient_urls"):
        if column in frame.columns:
            for cell in frame[column].dropna():
                parts = re.split(r"[,;\s]+", cell) if isinstance(cell, str) else _recipients(cell)
                urls |= {_url_key(u) for u in parts}
    names.discard("")
    urls.discard("")
    return names, urls


def _full_names(connections: pd.DataFrame) -> list[str]:
    first = connections["first_name"].fillna("").astype(str)
    last = connections["last_name"].fillna("").astype(str)
    return [" ".join(f"{a} {b}".split()) for a, b in zip(first, last)]


def _was_contacted(connections: pd.DataFrame, messages: pd.DataFrame) -> list[bool]:
    names, urls = _contacted(messages)
    found_urls = connections["url"].fillna("") if "url" in connections.columns else [""] * len(connections)
    return [(bool(u) and _url_key(u) in urls) or (bool(n) and _plain(n) in names)
            for n, u in zip(_full_names(connections), found_urls)]


def _check_connections(connections: object) -> pd.DataFrame:
    return check_frame(connections, required=("first_name", "last_name", "connected_on"), name="connections",
                       expected=tr("la tabla de contactos", "the connections table"),
                       hint=tr("Usa la tabla de ssi_kit.read_connections.",
                               "Use the table from ssi_kit.read_connections."),
                       text=("first_name", "last_name", "url", "company", "position"))


def never_contacted(connections: pd.DataFrame, messages: pd.DataFrame) -> pd.DataFrame:
    """The share of your connections you never exchanged a message with, by year connected.

    A **rough proxy** for the course's "valor 0" (a connection never developed): a message is
    not the only way to develop a relationship (comments, meetings, calls count too), and an
    export only keeps the messages LinkedIn still has.

    A connection counts as contacted when a sent message (drafts left out) has them as sender
    or recipient: matched on profile URL (``url`` against ``sender_url``, and
    ``recipient_urls`` when present) or on full name (case and accents ignored), since
    ``recipients`` holds names and older exports have no URLs.

    Parameters
    ----------
    connections : DataFrame
        From :func:`ssi_kit.read_connections`: ``first_name, last_name, url, connected_on``.
    messages : DataFrame
        From :func:`ssi_kit.read_messages`; the columns used are ``sender``, ``sender_url``,
        ``recipients`` (names: a list, or text separated by commas) and ``is_draft`` if present.

    Returns
    -------
    DataFrame
        ``year, connections, never_contacted, share`` (share 0–1), one row per year; the
        connections without a date are left out.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"first_name": ["Ana", "Luis"], "last_name": ["Ruiz", "Gil"], "url": ["", ""],
    ...                   "connected_on": pd.to_datetime(["2024-01-05", "2024-03-01"])})
    >>> m = pd.DataFrame({"sender": ["Ana Ruiz"], "recipients": ["Yo"], "sender_url": [None]})
    >>> shares = never_contacted(c, m)
    >>> shares["year"].tolist(), shares["share"].tolist()
    ([2024], [0.5])
    """
    import pandas as pd

    frame = _check_connections(connections)
    contacted = pd.Series(_was_contacted(frame, messages), index=frame.index)
    dates = pd.to_datetime(frame["connected_on"], errors="coerce")
    known = dates.notna()
    table = pd.DataFrame({"year": dates[known].dt.year.astype(int), "never": ~contacted[known]})
    grouped = table.groupby("year")["never"].agg(["size", "sum"]).reset_index()
    result = pd.DataFrame({
        "year": grouped["year"].astype(int),
        "connections": grouped["size"].astype(int),
        "never_contacted": grouped["sum"].astype(int),
    })
    result["share"] = result["never_contacted"] / result["connections"]
    return result


def to_reactivate(connections: pd.DataFrame, messages: pd.DataFrame, *, n: int = 10,
                  today: object = None) -> pd.DataFrame:
    """A short list of people to reactivate: you talked once, and not for the longest time.

    Contacts you did exchange messages with, the longest silence first (matched like
    :func:`never_contacted`; ``sent_at`` gives the last message).

    Returns
    -------
    DataFrame
        ``name, company, position, last_message, days`` (days since the last message), at
        most ``n`` rows.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"first_name": ["Ana"], "last_name": ["Ruiz"], "url": [""], "company": ["X"],
    ...                   "position": ["CEO"], "connected_on": pd.to_datetime(["2020-01-05"])})
    >>> m = pd.DataFrame({"sender": ["Ana Ruiz"], "recipients": ["Yo"], "sender_url": [None],
    ...                   "sent_at": pd.to_datetime(["2025-01-01"], utc=True)})
    >>> to_reactivate(c, m, today="2025-03-02")[["name", "days"]].values.tolist()
    [['Ana Ruiz', 60]]
    """
    import pandas as pd

    count = check_integer(n, name="n", minimum=1, maximum=1000)
    now = check_date(today, name="today", optional=True) or dt.date.today()
    frame = _check_connections(connections)
    check_frame(messages, required=("sender", "recipients", "sent_at"), name="messages",
                expected=tr("la tabla de mensajes", "the messages table"))
    sent = messages
    if "is_draft" in sent.columns:
        sent = sent[~sent["is_draft"].fillna(False).astype(bool)]
    last_by_name: dict[str, Any] = {}
    last_by_url: dict[str, Any] = {}
    times = pd.to_datetime(sent["sent_at"], errors="coerce", utc=True)
    for i, when in enumerate(times):
        if pd.isna(when):
            continue
        row = sent.iloc[i]
        people = [_plain(str(row["sender"]))] + [_plain(p) for p in _recipients(row["recipients"])]
        for person in people:
            if person and (person not in last_by_name or last_by_name[person] < when):
                last_by_name[person] = when
        url = _url_key(row["sender_url"]) if "sender_url" in sent.columns else ""
        if url and (url not in last_by_url or last_by_url[url] < when):
            last_by_url[url] = when
    urls = frame["url"].fillna("") if "url" in frame.columns else [""] * len(frame)
    found = []
    for position, (name, url) in enumerate(zip(_full_names(frame), urls)):
        candidates = [t for t in (last_by_url.get(_url_key(url)) if url else None, last_by_name.get(_plain(name)))
                      if t is not None]
        if candidates:
            last = max(candidates)
            found.append((name, position, last.date(), (now - last.date()).days))
    found.sort(key=lambda item: -item[3])
    found = found[:count]

    def column(key: str) -> list[Any]:
        if key not in frame.columns:
            return [pd.NA] * len(found)
        return [frame[key].iloc[p] for _n, p, _l, _d in found]

    return pd.DataFrame({
        "name": pd.array([f[0] for f in found], dtype="string"),
        "company": pd.array(column("company"), dtype="string"),
        "position": pd.array(column("position"), dtype="string"),
        "last_message": pd.to_datetime([f[2] for f in found]).astype("datetime64[ns]"),
        "days": pd.array([f[3] for f in found], dtype="int64"),
    })


def example_messages() -> pd.DataFrame:
    """Invented messages between "Alex Martín" (you) and people of ``load_dataset("conexiones_ejemplo")``.

    The same columns as :func:`ssi_kit.read_messages` (``conversation_id, sender, sender_url,
    recipients, sent_at, folder, is_draft``), no message text. Recent connections were written
    to less often, as in many real networks; one draft is there to be left out.

    Examples
    --------
    >>> m = example_messages()
    >>> sorted(m.columns) == sorted(["conversation_id", "sender", "sender_url", "recipients", "sent_at",
    ...                              "folder", "is_draft"])
    True
    """
    import numpy as np
    import pandas as pd

    from .datasets import load_dataset

    me, my_url = "Alex Martín", "https://www.example.com/in/alex-martin-0001"
    connections = load_dataset("conexiones_ejemplo").sort_values("connected_on", kind="stable")
    random = np.random.default_rng(5)
    rows = []
    for number, (name, url, since) in enumerate(zip(_full_names(connections), connections["url"],
                                                    connections["connected_on"])):
        years = max(0.0, (pd.Timestamp("2025-07-01") - since).days / 365)
        if random.random() > min(0.85, 0.25 + 0.07 * years):
            continue  # never written to: "valor 0"
        start = since + pd.Timedelta(days=int(random.integers(1, 60)))
        conversation = f"ejemplo-{number:04d}"
        for turn in range(int(random.integers(1, 4))):
            span = max(0, (pd.Timestamp("2025-06-30") - start).days)
            when = min(start + pd.Timedelta(days=int(span * random.random() ** 0.5) if turn else 0, hours=9 + turn),
                       pd.Timestamp("2025-06-30"))
            mine = turn % 2 == (number % 2)
            rows.append((conversation, me if mine else name, my_url if mine else url, name if mine else me,
                         when.tz_localize("UTC"), "INBOX", False))
    rows.append(("ejemplo-borrador", me, my_url, _full_names(connections)[-1], pd.Timestamp("2025-06-30", tz="UTC"),
                 "INBOX", True))
    frame = pd.DataFrame(rows, columns=["conversation_id", "sender", "sender_url", "recipients", "sent_at",
                                        "folder", "is_draft"])
    for column in ("conversation_id", "sender", "sender_url", "recipients", "folder"):
        frame[column] = frame[column].astype("string")
    frame["is_draft"] = frame["is_draft"].astype(bool)
    return frame


def example_tracker() -> pd.DataFrame:
    """A small invented tracker (eight people at different stages), to try the functions on.

    >>> stage_counts(example_tracker())["count"].sum()
    np.int64(8)
    """
    people = [
        ("Inés Vargas", "conexion", None, ""),
        ("Rubén Castro", "conexion", "2025-02-10", ""),
        ("Lucía Ortega", "interaccion", "2025-06-20", "Comentar su artículo sobre logística"),
        ("Marcos Ibáñez", "interaccion", "2025-03-02", ""),
        ("Paula Nieto", "reconocimiento", "2025-06-12", ""),
        ("Diego Salas", "colaboracion", "2025-06-25", "Videollamada: vive en Lima"),
        ("Carmen Rojas", "encuentro", "2025-05-30", ""),
        ("Sofía Prieto", "confianza", "2024-12-15", ""),
    ]
    return _frame([(name, stage, _last_interaction(last), step) for name, stage, last, step in people])


def check_never_contacted(shares: object) -> pd.DataFrame:
    """``shares`` if it is a table like :func:`never_contacted`'s (whole numbers, shares); else a clear error."""
    return check_frame(shares, required=("year", "connections", "never_contacted", "share"), name="shares",
                       expected=tr("la tabla de never_contacted", "the table from never_contacted"),
                       hint=tr("Calcúlala con never_contacted(contactos, mensajes).",
                               "Compute it with never_contacted(connections, messages)."),
                       counts=("year", "connections", "never_contacted"), numbers=("share",),
                       complete=("year", "connections", "never_contacted", "share"))


def describe_never_contacted(shares: pd.DataFrame) -> str:
    """One sentence on :func:`never_contacted`'s table, in the current language."""
    shares = check_never_contacted(shares)
    total = int(shares["connections"].sum())
    never = int(shares["never_contacted"].sum())
    from ._i18n import format_percent

    return tr("Con {never} de tus {total} nunca has cruzado un mensaje ({pct}): una aproximación, "
              "a grandes rasgos, a las relaciones que valen 0.",
              "You never exchanged a message with {never} of your {total} ({pct}): a rough proxy "
              "for the relationships worth 0.",
              never=format_thousands(never), total=plural(total, "contacto", "contactos", "connection", "connections"),
              pct=format_percent(never / total if total else 0.0))
