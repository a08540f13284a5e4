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
import sqlite3
import unicodedata
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ._checks import check_date, check_frame, check_integer, check_type
from ._i18n import format_thousands, plural, short_repr, tr
from ._resources import user_dir
from ._store import StoreKind, readable_text, store_path, stored_date, transaction, warn_unreadable_row
from ._table_reader import TableKind, parse_dates, read_table
from .errors import SSIInputError

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
    "export_tracker",
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
          "La invitación se aceptó y nada más: así, la relación vale 0.",
          "You accepted the invitation and nothing else: as it is, the relationship is worth 0.",
          "Comenta algo suyo con una aportación real, o escríbele para presentarte.",
          "Comment on something of theirs with a real contribution, or write to introduce yourself."),
    Stage("interaccion", "Interacción repetida", "Repeated interaction",
          "Coinciden una y otra vez en debates y comentarios.",
          "You keep meeting in discussions and comments.",
          "Sigue sus publicaciones y responde con tu punto de vista; menciona a esa persona cuando aporte algo.",
          "Follow their posts and reply with your view; mention them when they add something."),
    Stage("reconocimiento", "Reconocimiento", "Recognition",
          "Se reconocen: cada uno sabe quién es el otro y qué aporta.",
          "You recognise each other: you know who the other is and what they bring.",
          "Propón algo concreto juntos: un artículo, un debate, una ayuda puntual.",
          "Suggest something concrete together: an article, a discussion, a small favour."),
    Stage("colaboracion", "Colaboración", "Collaboration",
          "Trabajan juntos en algo profesional.",
          "You work together on something professional.",
          "Propón verse en persona o, si la distancia lo impide, una llamada o videollamada.",
          "Meet in person or, if distance prevents it, on a call or video call."),
    Stage("encuentro", "Encuentro en persona o llamada", "Meeting in person or call",
          "Pasaron de lo virtual a lo físico (o a la voz, si viven lejos).",
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


def _changed(tracker: pd.DataFrame, rows: list[tuple[str, str, dt.date | None, str]], *,
             removed: str = "") -> pd.DataFrame:
    """A new tracker of ``rows`` that keeps what ``tracker`` knows of its file (for :func:`save_tracker`'s merge)."""
    frame = _frame(rows)
    snapshot = tracker.attrs.get(_SNAPSHOT)
    if isinstance(snapshot, dict) and isinstance(snapshot.get("removed"), (tuple, list)):
        gone = set(snapshot["removed"]) | ({_plain(removed)} if removed else set())
        frame.attrs[_SNAPSHOT] = {**snapshot, "removed": tuple(sorted(gone - {_plain(r[0]) for r in rows}))}
    return frame


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
    return _changed(tracker, rows)


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
    return _changed(tracker, rows)


def remove_contact(tracker: pd.DataFrame, name: str) -> pd.DataFrame:
    """A new tracker without ``name``.

    >>> remove_contact(add_contact(new_tracker(), "Ana"), "ANA").empty
    True
    """
    rows = _rows(tracker)
    gone = rows.pop(_find(rows, name))
    return _changed(tracker, rows, removed=gone[0])


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
    'Propón verse en persona o, si la distancia lo impide, una llamada o videollamada.'
    """
    step = _BY_KEY[stage_key(stage)].step
    last = _last_interaction(last_interaction)
    if last is None:
        return step
    now = check_date(today, name="today", optional=True) or dt.date.today()
    days = (now - last).days
    if days > STALE_DAYS:
        return tr("Hace {d} que no hablan: retoma el contacto. Después: {s}",
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
TRACKER_FILE = "relaciones.sqlite"
"""The tracker's file name in the user folder."""
_LEGACY_CSV = "relaciones.csv"  # where ssi-kit 0.x kept the tracker: imported once, left in place
_SNAPSHOT = "ssi_kit.tracker"  # key in frame.attrs (set by _remember, carried by _changed): see save_tracker
_TRACKER = StoreKind(
    application_id=0x53534952,  # "SSIR"
    version=1, file_name=TRACKER_FILE,
    schema="""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    stage TEXT NOT NULL,
    last_interaction TEXT,
    next_step TEXT NOT NULL DEFAULT ''
)
""",
    tables={"meta": ("key", "value"), "contacts": ("id", "name", "stage", "last_interaction", "next_step")},
    the=("el seguimiento de contactos", "the contact tracker"),
    a=("un seguimiento de contactos de ssi-kit", "an ssi-kit contact tracker"),
)
_Row = tuple[str, str, dt.date | None, str]


def tracker_path() -> Path:
    """Where the tracker is saved by default: ``relaciones.sqlite`` in your user data folder.

    The folder is ``$SSI_KIT_HOME`` or your system's per-user data folder for ssi-kit
    (``~/.local/share/ssi-kit`` on Linux); every function that saves or loads also takes ``path=``.

    Examples
    --------
    >>> tracker_path().name
    'relaciones.sqlite'
    """
    return user_dir() / TRACKER_FILE


def _is_csv(path: object) -> bool:
    return isinstance(path, (str, PathLike)) and isinstance(os.fspath(path), str) \
        and os.fspath(path).strip().lower().endswith(".csv")


def _legacy_csv(target: Path) -> Path | None:
    """The old ``relaciones.csv`` beside the default tracker, if there is one to import."""
    if target != tracker_path():
        return None
    legacy = user_dir() / _LEGACY_CSV
    return legacy if legacy.is_file() else None


def _file_rows(connection: sqlite3.Connection, target: Path, *, warn: bool) -> dict[str, tuple[int, _Row]]:
    """The contacts in the file by folded name: (row id, row). A row that cannot be read is left alone."""
    found: dict[str, tuple[int, _Row]] = {}
    for number, name, stage, last, step in connection.execute(
            "SELECT id, name, stage, last_interaction, next_step FROM contacts ORDER BY id"):
        day = stored_date(last)
        why = ""
        if not readable_text(name) or not 0 < len(" ".join(name.split())) <= MAX_NAME:
            why = tr("el nombre está vacío o no se puede leer", "the name is empty or cannot be read")
        elif stage not in _BY_KEY:
            why = tr("la etapa no es una de la escalera", "the stage is not one of the ladder")
        elif last is not None and day is None:
            why = tr("la fecha de la última interacción no es válida", "the last interaction's date is not valid")
        elif not readable_text(step):
            why = tr("el siguiente paso no es un texto", "the next step is not text")
        elif _plain(name) in found:
            why = tr("repite a la persona de la fila {n}", "it repeats the person of row {n}",
                     n=found[_plain(name)][0])
        if why:
            if warn:
                warn_unreadable_row(target, _TRACKER, tr("la fila {n}", "row {n}", n=number), why, stacklevel=3)
            continue
        found[_plain(name)] = (number, (" ".join(name.split()), stage, day, " ".join(step.split())))
    return found


def _snapshot(tracker: pd.DataFrame, target: Path) -> tuple[dict[str, _Row], set[str]] | None:
    """The rows ``tracker`` was loaded with from ``target`` and the names removed since, if it carries them."""
    snapshot = tracker.attrs.get(_SNAPSHOT)
    if not isinstance(snapshot, dict) or snapshot.get("path") != os.path.realpath(target) \
            or not isinstance(snapshot.get("base"), dict) or not isinstance(snapshot.get("removed"), (tuple, list)):
        return None
    return dict(snapshot["base"]), set(snapshot["removed"])


def _remember(frame: pd.DataFrame, target: Path, rows: list[_Row]) -> None:
    """Keep in ``frame.attrs`` the rows it agrees with the file on (see :func:`save_tracker`)."""
    frame.attrs[_SNAPSHOT] = {"path": os.path.realpath(target), "base": {_plain(r[0]): r for r in rows},
                              "removed": ()}


def _check_unique(rows: list[_Row]) -> None:
    first: dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        if _plain(row[0]) in first:
            raise SSIInputError(
                tr("Las filas {a} y {b} de la tabla son la misma persona (los nombres se comparan sin mayúsculas "
                   "ni tildes).", "Rows {a} and {b} of the table are the same person (names are compared without "
                   "case or accents).", a=first[_plain(row[0])], b=number),
                field="tracker", received=number,
                hint=tr("Deja una de las dos; para cambiar a alguien usa update_contact.",
                        "Keep one of them; to change someone use update_contact."),
            )
        first[_plain(row[0])] = number


def save_tracker(tracker: pd.DataFrame, *, path: str | PathLike[str] | None = None) -> Path:
    """Save your changes to the tracker, merged with what other windows saved meanwhile.

    The tracker is an SQLite file (``relaciones.sqlite`` in your user folder by default),
    written in one transaction: a crash, a second window or a second lesson never loses a
    contact already saved. Saving merges, person by person (names compared without case or
    accents), against the file as it is now:

    - people you added or changed since :func:`load_tracker` are written;
    - people you removed with :func:`remove_contact` are removed;
    - everyone else keeps what the file has now, so another window's changes stay.

    A table built by hand (not from :func:`load_tracker`, or loaded from another file) only
    adds and updates its people: nobody is removed. After saving, ``tracker`` remembers what
    it saved, so saving it again writes only later changes. The file stays on your machine;
    for a spreadsheet, :func:`export_tracker` writes a CSV copy.

    Parameters
    ----------
    tracker : DataFrame
        From :func:`load_tracker`, :func:`new_tracker`, :func:`add_contact`...
    path : path, optional
        The tracker file; by default ``relaciones.sqlite`` in your user data folder (created
        with the folder when needed). A ``.csv`` path is refused: CSV is an export now.

    Returns
    -------
    pathlib.Path
        The file saved.

    Raises
    ------
    SSIInputError
        A table that is not a tracker (or names one person twice), a ``.csv`` path, a file that
        is not a tracker or is damaged (never modified), busy, read-only or on a full disk.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "relaciones.sqlite"
    >>> _ = save_tracker(add_contact(new_tracker(), "Ana"), path=out)
    >>> load_tracker(out)["name"].tolist()
    ['Ana']
    """
    rows = _rows(tracker)
    if _is_csv(path):
        given = os.fspath(cast(str, path))
        raise SSIInputError(
            tr("El seguimiento se guarda en un archivo .sqlite; «{p}» es un CSV, que ahora es solo una copia.",
               "The tracker is saved to an .sqlite file; '{p}' is a CSV, now only a copy.", p=given),
            field="path", received=given,
            hint=tr('Guarda sin path= (o con un nombre .sqlite); para una copia que se abre con una hoja de cálculo '
                    'usa export_tracker(seguimiento, "{p}").', 'Save without path= (or with an .sqlite name); for a '
                    'copy a spreadsheet opens, use export_tracker(tracker, "{p}").', p=given),
        )
    _check_unique(rows)
    target = store_path(path, _TRACKER)
    snapshot = _snapshot(tracker, target)
    mine = {_plain(row[0]): row for row in rows}
    with transaction(path, _TRACKER, write=True) as connection:
        assert connection is not None
        _import_legacy_csv(connection, target)
        found = _file_rows(connection, target, warn=False)
        for key, row in mine.items():
            if snapshot is not None and snapshot[0].get(key) == row:
                continue  # unchanged since loaded: the file's version (maybe another window's) stays
            stored = (row[0], row[1], None if row[2] is None else row[2].isoformat(), row[3])
            if key in found:
                connection.execute("UPDATE contacts SET name = ?, stage = ?, last_interaction = ?, next_step = ?"
                                   " WHERE id = ?", (*stored, found[key][0]))
            else:
                connection.execute("INSERT INTO contacts (name, stage, last_interaction, next_step)"
                                   " VALUES (?, ?, ?, ?)", stored)
        for key in (snapshot[1] if snapshot is not None else set()) - set(mine):
            if key in found:
                connection.execute("DELETE FROM contacts WHERE id = ?", (found[key][0],))
    _remember(tracker, target, rows)
    return target


def _import_legacy_csv(connection: sqlite3.Connection, target: Path) -> None:
    """Once, into the default tracker: the contacts of the old ``relaciones.csv`` (left in place, untouched)."""
    if target != tracker_path() or connection.execute("SELECT 1 FROM meta WHERE key = 'csv_imported'").fetchone():
        return
    legacy = _legacy_csv(target)
    if legacy is not None:
        for name, stage, last, step in _rows(_read_tracker_csv(legacy)):
            connection.execute("INSERT INTO contacts (name, stage, last_interaction, next_step) VALUES (?, ?, ?, ?)",
                               (name, stage, None if last is None else last.isoformat(), step))
    connection.execute("INSERT INTO meta VALUES ('csv_imported', ?)", (str(legacy or ""),))


def load_tracker(path: str | PathLike[str] | None = None) -> pd.DataFrame:
    """Your tracker, read from its file; an empty one if the file does not exist yet.

    The file is ``relaciones.sqlite`` in your user data folder by default. Until it exists,
    an old ``relaciones.csv`` there is read instead (and imported into it on the first save;
    the CSV is left as it is). A ``.csv`` path is read as an import: what
    :func:`export_tracker` writes, or the same file re-saved by a spreadsheet (``;``
    separators, ``dd/mm/yyyy`` dates, a BOM, Spanish or English headers).

    The table remembers (in ``.attrs``) the contacts as loaded, so :func:`save_tracker`
    can merge your changes with another window's. A row of the file edited by hand or
    damaged (an unknown stage, a date that is not a day, an empty name) is left out with an
    :class:`~ssi_kit.errors.SSIWarning` naming its row number; the file keeps it.

    Raises
    ------
    SSIInputError
        If the file is not a tracker or is damaged (never modified); for a CSV, if it has no
        ``nombre``/``name`` and ``etapa``/``stage`` header or a row holds an unknown stage or
        date (the message names the line).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> load_tracker(pathlib.Path(tempfile.mkdtemp()) / "relaciones.sqlite").empty
    True
    """
    if _is_csv(path):
        return _read_tracker_csv(cast(str, path))
    target = store_path(path, _TRACKER)
    with transaction(path, _TRACKER, write=False) as connection:
        found = None if connection is None else _file_rows(connection, target, warn=True)
    legacy = _legacy_csv(target) if found is None else None
    rows = [row for _number, row in found.values()] if found is not None else \
        _rows(_read_tracker_csv(legacy)) if legacy is not None else []
    frame = _frame(rows)
    _remember(frame, target, rows)
    return frame


def export_tracker(tracker: pd.DataFrame, dest: str | PathLike[str], *, overwrite: bool = False) -> Path:
    """Write the tracker as a CSV to open in a spreadsheet (Spanish headers, ISO dates), safe from formulas.

    Written whole or not at all by :func:`ssi_kit.save_csv`; an existing ``dest`` is kept
    unless ``overwrite=True``. :func:`load_tracker` reads it back.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = export_tracker(add_contact(new_tracker(), "Ana", stage="confianza"),
    ...                      pathlib.Path(tempfile.mkdtemp()) / "relaciones.csv")
    >>> out.read_text(encoding="utf-8-sig").splitlines()
    ['"nombre","etapa","ultima_interaccion","siguiente_paso"', '"Ana","confianza","",""']
    """
    from ._checks import check_destination
    from .safe_csv import save_csv

    rows = _rows(tracker)
    target = check_destination(dest, name="dest", overwrite=overwrite, example='"relaciones.csv"')
    frame = _frame(rows)
    out = frame.rename(columns=_FILE_HEADERS)
    out["ultima_interaccion"] = [d.date().isoformat() if d == d else "" for d in frame["last_interaction"]]
    return save_csv(out, target, overwrite=True)


_TRACKER_FILE = TableKind(
    file="relaciones.csv", function="load_tracker",
    columns={"name": ("nombre", "name", "contacto", "contact", "persona", "person"),
             "stage": ("etapa", "stage", "fase"),
             "last_interaction": ("ultimainteraccion", "lastinteraction", "ultimocontacto", "lastcontact"),
             "next_step": ("siguientepaso", "nextstep", "proximopaso")},
    described=("un archivo de seguimiento de contactos", "a contact tracker file"), required=("name", "stage"),
    strict=False, expected="nombre, etapa, ultima_interaccion, siguiente_paso",
    argument=("la ruta de tu archivo de seguimiento", "the path of your tracker file"),
    download=("Escríbelo con export_tracker, o pasa otra ruta.", "Write it with export_tracker, or pass another path."),
)


def _read_tracker_csv(source: str | PathLike[str]) -> pd.DataFrame:
    """A tracker from a CSV file: :func:`export_tracker`'s, or one a spreadsheet re-saved.

    A row that cannot be read is named by its line, never by what it holds (the people in it).
    """
    import pandas as pd

    table = read_table(source, _TRACKER_FILE, header_lines=20, names=_FILE_HEADERS)
    frame = table.frame
    dates = parse_dates(frame["last_interaction"]) if "last_interaction" in frame else None
    rows = []
    for i, (name, stage) in enumerate(zip(frame["name"].tolist(), frame["stage"].tolist())):
        problem = ""
        clean = " ".join(name.split()) if isinstance(name, str) else ""
        step = frame["next_step"].iloc[i] if "next_step" in frame else pd.NA
        last = None if dates is None or pd.isna(dates.values[i]) else pd.Timestamp(dates.values[i]).date()
        if not clean:
            problem = tr("falta el nombre", "the name is missing")
        elif len(clean) > MAX_NAME:
            problem = tr("el nombre tiene más de {m} caracteres", "the name has more than {m} characters", m=MAX_NAME)
        elif not isinstance(stage, str) or _plain(stage) not in _SPELLINGS:
            problem = tr("la etapa no es una de la escalera ({s})", "the stage is not one of the ladder ({s})",
                         s=", ".join(s.key for s in STAGES))
        elif dates is not None and (i in set(dates.unread.tolist()) or i in set(dates.far.tolist())):
            problem = tr("la fecha de la última interacción no se entiende (día/mes/año)",
                         "the date of the last interaction cannot be read (day/month/year)")
        if problem:
            raise SSIInputError(
                tr("Línea {n} {of}: {p}.", "Line {n} {of}: {p}.", n=table.line_of(i) or "?", of=table.source.of,
                   p=problem),
                field="path", received=table.line_of(i),
                hint=tr("Corrige esa línea en una copia del archivo, o escríbelo de nuevo con export_tracker.",
                        "Fix that line in a copy of the file, or write it again with export_tracker."),
            )
        rows.append((clean, _SPELLINGS[_plain(stage)], last, "" if pd.isna(step) else " ".join(str(step).split())))
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


def to_reactivate(connections: pd.DataFrame, messages: pd.DataFrame, *, top: int = 10,
                  today: object = None) -> pd.DataFrame:
    """A short list of people to reactivate: you talked once, and not for the longest time.

    Contacts you did exchange messages with, the longest silence first (matched like
    :func:`never_contacted`; ``sent_at`` gives the last message).

    Returns
    -------
    DataFrame
        ``name, company, position, last_message, days`` (days since the last message), at
        most ``top`` rows.

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

    count = check_integer(top, name="top", minimum=1, maximum=1000)
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
