"""Your data, given once: the learner profile every lesson uses.

What you give (your SSI with its date, your industry's and network's averages and «Top %»,
your number of connections, and your LinkedIn exports: connections, messages, invitations)
is one :class:`Profile`. Every lesson reads it through :func:`lesson_data`, where the course's
example fills what you did not give, always labelled as the example.

Where it lives:

- **in this session only** (the default): :func:`use_profile` keeps it in the kernel's memory;
  nothing is written anywhere, and it is gone when the kernel stops;
- **saved on this machine**, only when you ask (``use_profile(profile, save=True)``, the panel's
  «Guardar en este equipo»): ``perfil.sqlite`` in your user folder (``$SSI_KIT_HOME`` when set),
  through the one store (:mod:`ssi_kit._store`), written whole or not at all. The text of your
  messages is never stored.

Two lessons open at once (two kernels) share what is saved:

- a lesson that has no session profile of its own reads the saved one every time it asks
  (:func:`current_profile`), so a lesson opened later gets what another one saved, and a
  lesson sees a newer save made by another one;
- saving (``use_profile(..., save=True)``) leaves no session profile behind: the lesson that
  saved follows the store from then on, and so sees a later save from another lesson;
- only ``use_profile(profile)`` without ``save`` gives a lesson data of its own, which wins
  over the store in that kernel until it saves, calls :func:`discard_session`, or stops.

:func:`forget_me` deletes everything ssi-kit keeps for you in your user folder and forgets
this session. :func:`read_upload` reads your LinkedIn export uploaded from the browser (the
``.zip`` as LinkedIn sends it, or its CSV files), from memory, never writing it to disk.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import numbers
import os
import re
import warnings
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from ._checks import (
    check_choice,
    check_date,
    check_flag,
    check_frame,
    check_integer,
    check_path,
    check_type,
    decode_text,
    parse_typed_number,
)
from ._i18n import format_date, format_thousands, plural, tr
from ._resources import user_dir
from ._store import (
    StoreKind,
    readable_text,
    store_path,
    stored_date,
    stored_number,
    transaction,
    warn_unreadable_row,
)
from ._table_reader import header_key
from .errors import SSIInputError, SSITypeError, SSIWarning
from .linkedin_ssi import read_ssi_input
from .network import MAX_CONNECTIONS
from .score import PILLARS, SSI, TOTAL_MAX, GroupScore, SSIProfile

if TYPE_CHECKING:
    import sqlite3

    import numpy as np
    import pandas as pd

__all__ = [
    "MAX_UPLOAD_BYTES",
    "PARTS",
    "PROFILE_FILE",
    "Profile",
    "Upload",
    "current_profile",
    "discard_session",
    "forget_me",
    "lesson_data",
    "load_profile",
    "profile_path",
    "read_upload",
    "save_profile",
    "use_profile",
]

PROFILE_FILE = "perfil.sqlite"
"""The profile's file name inside the user folder."""
MAX_UPLOAD_BYTES = 50 * 2**20
"""The largest file :func:`read_upload` takes (50 MB); a real LinkedIn export is a few MB."""

Part = Literal["ssi", "industry", "network", "connections", "connections_table", "messages", "invitations"]
PARTS: tuple[Part, ...] = ("ssi", "industry", "network", "connections", "connections_table", "messages",
                           "invitations")
"""The parts of a profile a lesson uses, each either yours or the example's."""
_TABLES: tuple[Part, ...] = ("connections_table", "messages", "invitations")
_FIRST_YEAR = 2000

# How the panel and the lessons name each part (Spanish, English).
_PART_NAMES: dict[str, tuple[str, str]] = {
    "ssi": ("tu SSI", "your SSI"),
    "industry": ("la media de tu sector", "your industry's average"),
    "network": ("la media de tu red", "your network's average"),
    "connections": ("tu número de contactos", "your number of connections"),
    "connections_table": ("tus contactos (Connections.csv)", "your connections (Connections.csv)"),
    "messages": ("tus mensajes (messages.csv)", "your messages (messages.csv)"),
    "invitations": ("tus invitaciones (Invitations.csv)", "your invitations (Invitations.csv)"),
}


# --- the tables: what each column holds ------------------------------------------------------
ColumnKind = Literal["text", "day", "utc", "flag"]


@dataclass(frozen=True)
class _TableSpec:
    """One of the three export tables: its columns as its reader returns them, and its SQLite table."""

    part: Part
    table: str
    columns: Mapping[str, ColumnKind]
    file: str
    function: str

    @property
    def noun(self) -> str:
        return tr(*_PART_NAMES[self.part])


_CONNECTIONS = _TableSpec("connections_table", "connections", {
    "first_name": "text", "last_name": "text", "url": "text", "email": "text", "company": "text",
    "position": "text", "connected_on": "day"}, "Connections.csv", "read_connections")
_MESSAGES = _TableSpec("messages", "messages", {
    "conversation_id": "text", "sender": "text", "sender_url": "text", "recipients": "text", "sent_at": "utc",
    "folder": "text", "is_draft": "flag"}, "messages.csv", "read_messages")
_INVITATIONS = _TableSpec("invitations", "invitations", {
    "sender": "text", "recipient": "text", "sent_at": "utc", "direction": "text", "has_message": "flag"},
    "Invitations.csv", "read_invitations")
_SPECS: dict[str, _TableSpec] = {s.part: s for s in (_CONNECTIONS, _MESSAGES, _INVITATIONS)}


def _check_table(value: object, spec: _TableSpec) -> pd.DataFrame | None:
    """A table as its reader returns it (its columns, in its order; others, such as ``content``, dropped)."""
    if value is None:
        return None
    import pandas as pd

    hint = tr("Léela con {f}(...) o súbela con read_upload(...).", "Read it with {f}(...) or upload it with "
              "read_upload(...).", f=spec.function)
    frame = check_frame(value, name=spec.part, required=tuple(spec.columns), hint=hint,
                        expected=tr("la tabla de {f}()", "the table of {f}()", f=spec.function))
    frame = frame[list(spec.columns)].copy(deep=False)
    for column, kind in spec.columns.items():
        series = frame[column]
        if kind in ("day", "utc") and not pd.api.types.is_datetime64_any_dtype(series):
            raise SSIInputError(
                tr("En la tabla «{t}», la columna «{c}» debe tener fechas, como la de {f}().",
                   "In the table '{t}', the column '{c}' must hold dates, like {f}()'s.",
                   t=spec.part, c=column, f=spec.function),
                field=spec.part, received=str(series.dtype), hint=hint)
        if kind == "day" and isinstance(series.dtype, pd.DatetimeTZDtype):
            frame[column] = series.dt.tz_convert("UTC").dt.tz_localize(None)
        elif kind == "utc" and not isinstance(series.dtype, pd.DatetimeTZDtype):
            frame[column] = series.dt.tz_localize("UTC")
        elif kind == "flag" and not pd.api.types.is_bool_dtype(series):
            if not series.isin([True, False]).all():
                raise SSIInputError(
                    tr("En la tabla «{t}», la columna «{c}» debe tener True o False.",
                       "In the table '{t}', the column '{c}' must hold True or False.", t=spec.part, c=column),
                    field=spec.part, received=str(series.dtype), hint=hint)
            frame[column] = series.astype(bool)
    return frame


# --- the profile -----------------------------------------------------------------------------
def _group(value: object, name: str) -> GroupScore | None:
    """Your industry's or network's average: a GroupScore, a number (0–100) or text typed as one."""
    if value is None or isinstance(value, GroupScore):
        return value
    if isinstance(value, str):
        value = parse_typed_number(value, name=name, maximum=TOTAL_MAX)
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return GroupScore(overall=cast(float, value))  # checked there, a 400-digit integer too
    raise SSITypeError(
        tr("«{n}» debe ser la media de SSI del grupo (un número de 0 a 100), un GroupScore o None; recibido {k}.",
           "'{n}' must be the group's average SSI (a number from 0 to 100), a GroupScore or None; received {k}.",
           n=name, k=type(value).__name__), field=name, received=value)


def _connections(value: object) -> int | None:
    if value is None:
        return None
    hint = tr("El número que LinkedIn muestra en «Mi red» → «Contactos», por ejemplo 500.",
              "The number LinkedIn shows in 'My network' → 'Connections', e.g. 500.")
    if isinstance(value, str):
        return int(parse_typed_number(value, name="connections", minimum=1, maximum=MAX_CONNECTIONS, integer=True,
                                      hint=hint))
    return check_integer(value, name="connections", minimum=1, maximum=MAX_CONNECTIONS, hint=hint)


def _day(value: object, name: str) -> dt.date | None:
    return check_date(value, name=name, optional=True, earliest=dt.date(_FIRST_YEAR, 1, 1),
                      latest=dt.date.today() + dt.timedelta(days=1))


@dataclass(frozen=True, eq=False)
class Profile:
    """Your data for the course, as you gave it; every part is optional.

    Parameters
    ----------
    ssi : SSI or None
        Your four pillars (text such as ``"12,5; 8; 5,25; 10"`` is read too).
    measured_on : date or None
        The day of that SSI (``"14/03/2025"`` is read too).
    industry, network : GroupScore or None
        Your industry's and network's average SSI and your «Top %» in each (a plain number is
        the average).
    connections : int or None
        The number of connections you typed, 1 to 30,000 (``"1.500"`` is read too).
    connections_table, messages, invitations : DataFrame or None
        Your exports as :func:`~ssi_kit.read_connections`, :func:`~ssi_kit.read_messages` (without
        ``content``: the text of messages is never kept here) and :func:`~ssi_kit.read_invitations`
        return them. Treat them as read-only (take a ``.copy()`` to change one).
    saved_on : date or None
        When it was saved on this machine; ``None``: only in this session.
    from_example : frozenset of str
        The parts (:data:`PARTS`) that come from the course's example: set by :meth:`effective`,
        empty in a profile of your own.

    Raises
    ------
    SSIInputError, SSITypeError
        Any part out of range or of the wrong kind.

    Examples
    --------
    >>> mine = Profile(ssi="12,5; 8; 5,25; 10", connections="1.500")
    >>> mine.connections, mine.is_empty
    (1500, False)
    >>> data = mine.effective()
    >>> sorted(data.from_example), data.status
    (['connections_table', 'invitations', 'messages'], 'mixed')
    >>> print(data.describe()[:68])
    Estás usando tus datos (tu SSI, tu número de contactos) y el ejemplo
    """

    ssi: SSI | None = None
    measured_on: dt.date | None = None
    industry: GroupScore | None = None
    network: GroupScore | None = None
    connections: int | None = None
    connections_table: pd.DataFrame | None = field(default=None, repr=False)
    messages: pd.DataFrame | None = field(default=None, repr=False)
    invitations: pd.DataFrame | None = field(default=None, repr=False)
    saved_on: dt.date | None = None
    from_example: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        change = self._set
        if self.ssi is not None and not isinstance(self.ssi, SSI):
            if isinstance(self.ssi, SSIProfile):
                raise SSITypeError(
                    tr("«ssi» es tu SSI solo; para guardar también las medias usa profile.with_ssi(...).",
                       "'ssi' is your SSI alone; to keep the averages too use profile.with_ssi(...)."),
                    field="ssi", received=self.ssi)
            from .score import as_ssi

            change("ssi", as_ssi(self.ssi))
        change("measured_on", _day(self.measured_on, "measured_on"))
        change("industry", _group(self.industry, "industry"))
        change("network", _group(self.network, "network"))
        change("connections", _connections(self.connections))
        for part in _TABLES:
            change(part, _check_table(getattr(self, part), _SPECS[part]))
        change("saved_on", _day(self.saved_on, "saved_on"))
        parts = self.from_example
        if not isinstance(parts, (frozenset, set, tuple, list)) or not all(isinstance(p, str) for p in parts):
            raise SSITypeError(tr("«from_example» debe ser un conjunto de partes del perfil.",
                                  "'from_example' must be a set of the profile's parts."),
                               field="from_example", received=parts)
        unknown = sorted(set(parts) - set(PARTS))
        if unknown:
            raise SSIInputError(tr("«from_example» tiene partes que no existen: {u}. Las partes son: {p}.",
                                   "'from_example' names parts that do not exist: {u}. The parts are: {p}.",
                                   u=", ".join(unknown), p=", ".join(PARTS)), field="from_example", received=unknown)
        change("from_example", frozenset(parts))

    def _set(self, name: str, value: object) -> None:
        object.__setattr__(self, name, value)

    # --- comparing and showing ---------------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Profile):
            return NotImplemented
        for item in dataclasses.fields(self):
            mine, theirs = getattr(self, item.name), getattr(other, item.name)
            if item.name in _TABLES:
                if (mine is None) != (theirs is None) or (mine is not None and not mine.equals(theirs)):
                    return False
            elif mine != theirs:
                return False
        return True

    __hash__ = None  # type: ignore[assignment]  # holds tables

    def __repr__(self) -> str:
        shown = []
        for item in dataclasses.fields(self):
            value = getattr(self, item.name)
            if value is None or (item.name == "from_example" and not value):
                continue
            if item.name in _TABLES:
                shown.append(f"{item.name}=<{plural(len(value), 'fila', 'filas', 'row', 'rows')}>")
            elif item.name == "from_example":
                shown.append(f"from_example={sorted(value)}")
            else:
                shown.append(f"{item.name}={value!r}")
        return f"Profile({', '.join(shown)})"

    # --- what it holds -----------------------------------------------------------------------
    @property
    def is_empty(self) -> bool:
        """Whether no part is given (the lessons then use the whole example)."""
        return all(getattr(self, p) is None for p in PARTS) and self.measured_on is None

    @property
    def ssi_profile(self) -> SSIProfile | None:
        """Your SSI with the industry's and network's averages, as :func:`~ssi_kit.plot_ssi` and
        :func:`~ssi_kit.record` take it; None without an SSI."""
        if self.ssi is None:
            return None
        return SSIProfile(member=self.ssi, industry=self.industry, network=self.network)

    def replace(self, **changes: Any) -> Profile:
        """A copy with some parts changed, checked as when it is created.

        A part you change is yours from then on (it leaves :attr:`from_example`), and the copy
        is not saved (``saved_on`` becomes None) unless you pass ``saved_on`` yourself.

        Examples
        --------
        >>> Profile(connections=500).replace(connections="1.200").connections
        1200
        """
        names = {f.name for f in dataclasses.fields(self)}
        unknown = sorted(set(changes) - names)
        if unknown:
            raise SSIInputError(
                tr("Un perfil no tiene {u}; sus partes son: {p}.", "A profile has no {u}; its parts are: {p}.",
                   u=", ".join(f"«{u}»" for u in unknown), p=", ".join(sorted(names))),
                field=unknown[0], received=unknown)
        changes.setdefault("saved_on", None)
        if "from_example" not in changes:
            changes["from_example"] = self.from_example - set(changes)
        return dataclasses.replace(self, **changes)

    def with_ssi(self, value: object, *, measured_on: object = None) -> Profile:
        """A copy with your SSI as pasted or dropped (:func:`~ssi_kit.read_ssi_input` reads it).

        The industry's and network's averages come with it (None when what you gave has none,
        since they belong to the same reading); ``measured_on`` is today unless given.

        Examples
        --------
        >>> Profile().with_ssi("12,5; 8; 5,25; 10", measured_on="14/03/2025").measured_on
        datetime.date(2025, 3, 14)
        """
        reading = read_ssi_input(value)
        day = dt.date.today() if measured_on is None else measured_on
        return self.replace(ssi=reading.member, industry=reading.industry, network=reading.network, measured_on=day)

    def with_upload(self, upload: Upload) -> Profile:
        """A copy with the tables found in ``upload`` (the others are kept as they were)."""
        check_type(upload, Upload, name="upload", expected=tr("lo que devuelve read_upload(...)",
                                                              "what read_upload(...) returns"))
        return self.replace(**{part: getattr(upload, part) for part in upload.found})

    def own(self) -> Profile:
        """Only your own parts: the example's left out (what :func:`use_profile` keeps and saves)."""
        if not self.from_example:
            return self
        cleared = {part: None for part in self.from_example}
        return dataclasses.replace(self, **cleared, from_example=frozenset())

    # --- the example where you gave nothing ------------------------------------------------
    def _example_parts(self) -> frozenset[str]:
        """The parts :meth:`effective` takes from the example: those missing (and the averages, with the SSI)."""
        parts = set(self.from_example)
        if self.ssi is None:
            parts |= {"ssi"} | {p for p in ("industry", "network") if getattr(self, p) is None}
        parts |= {p for p in _TABLES if getattr(self, p) is None}
        if self.connections is None and (self.connections_table is None or self.connections_table.empty):
            parts.add("connections")
        return frozenset(parts)

    def effective(self) -> Profile:
        """The data a lesson uses: yours, with the course's example where you gave nothing.

        The example is ``load_dataset("ssi_ejemplo")`` (SSI and averages), ``"conexiones_ejemplo"``
        (500 invented connections), ``"mensajes_ejemplo"`` and ``"invitaciones_ejemplo"``;
        :attr:`from_example` names the parts taken from it, so a lesson can always label them
        (:meth:`example_label`). Your industry's and network's averages come from the example
        only when your SSI does too (they belong to the same reading). Without a number of
        connections, the number of rows of your connections table is used when you uploaded
        one.

        Examples
        --------
        >>> Profile().effective().from_example == frozenset(PARTS)
        True
        """
        parts = self._example_parts()
        if parts == self.from_example and all(getattr(self, p) is not None for p in parts):
            return self
        example = _example()
        filled: dict[str, Any] = {p: getattr(example, p) for p in parts if getattr(self, p) is None}
        for part in _TABLES:
            if part in filled:
                filled[part] = filled[part].copy(deep=False)
        if "connections" not in parts and self.connections is None and self.connections_table is not None:
            filled["connections"] = min(len(self.connections_table), MAX_CONNECTIONS)
        return dataclasses.replace(self, **filled, from_example=frozenset(parts))

    def is_example(self, part: str) -> bool:
        """Whether ``part`` (one of :data:`PARTS`) of the data a lesson uses comes from the example."""
        return check_choice(part, PARTS, name="part") in self._example_parts()

    def example_label(self, part: str) -> str:
        """«(ejemplo)» when ``part`` comes from the example, else ``""``: for titles and captions.

        >>> Profile().example_label("ssi")
        ' (ejemplo)'
        >>> Profile(ssi="1; 2; 3; 4").example_label("ssi")
        ''
        """
        return tr(" (ejemplo)", " (example)") if self.is_example(part) else ""

    @property
    def status(self) -> Literal["mine", "example", "mixed"]:
        """Whose data a lesson uses: ``"mine"`` (all yours), ``"example"`` (you gave nothing) or ``"mixed"``."""
        parts = self._example_parts()
        if not parts:
            return "mine"
        return "example" if parts == frozenset(PARTS) else "mixed"

    def describe(self) -> str:
        """One or two sentences for the data panel: whose data the lessons use, and whether it is saved.

        «Estás usando tus datos.», «Estás usando el ejemplo: datos inventados, no los tuyos.» or
        «Estás usando tus datos (…) y el ejemplo para: …», then where yours are kept.
        """
        parts = self._example_parts()
        status = self.status
        if status == "example":
            return tr("Estás usando el ejemplo: datos inventados, no los tuyos.",
                      "You are using the example: invented data, not yours.")
        if status == "mine":
            text = tr("Estás usando tus datos.", "You are using your data.")
        else:
            yours = [tr(*_PART_NAMES[p]) for p in PARTS if p not in parts and getattr(self, p) is not None]
            example = [tr(*_PART_NAMES[p]) for p in PARTS if p in parts]
            text = tr("Estás usando tus datos ({y}) y el ejemplo para: {e}.",
                      "You are using your data ({y}) and the example for: {e}.",
                      y=", ".join(yours), e=", ".join(example))
        if self.saved_on is None:
            return text + tr(" Solo en esta sesión: no se guardan en este equipo.",
                             " In this session only: not saved on this machine.")
        return text + tr(" Guardados en este equipo el {d}.", " Saved on this machine on {d}.",
                         d=format_date(self.saved_on))


_example_cache: Profile | None = None


def _example() -> Profile:
    """The course's example as a profile, loaded once per kernel."""
    global _example_cache
    if _example_cache is None:
        from .datasets import load_dataset

        ssi = load_dataset("ssi_ejemplo")
        table = load_dataset("conexiones_ejemplo")
        _example_cache = Profile(ssi=ssi.member, industry=ssi.industry, network=ssi.network,
                                 connections=len(table), connections_table=table,
                                 messages=load_dataset("mensajes_ejemplo"),
                                 invitations=load_dataset("invitaciones_ejemplo"))
    return _example_cache


# --- the store: perfil.sqlite --------------------------------------------------------------
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES ('format', 'ssi-kit perfil'), ('schema', '1');
CREATE TABLE profile (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    brand REAL, people REAL, insights REAL, relationships REAL,
    measured_on TEXT,
    connections INTEGER,
    has_connections_table INTEGER NOT NULL, has_messages INTEGER NOT NULL, has_invitations INTEGER NOT NULL,
    saved_on TEXT NOT NULL,
    saved_at TEXT NOT NULL
);
CREATE TABLE groups (
    name TEXT PRIMARY KEY CHECK (name IN ('industry', 'network')),
    overall REAL NOT NULL, top_percent REAL,
    brand REAL, people REAL, insights REAL, relationships REAL
);
CREATE TABLE connections (
    n INTEGER PRIMARY KEY,
    first_name TEXT, last_name TEXT, url TEXT, email TEXT, company TEXT, position TEXT, connected_on TEXT
);
CREATE TABLE messages (
    n INTEGER PRIMARY KEY,
    conversation_id TEXT, sender TEXT, sender_url TEXT, recipients TEXT, sent_at TEXT, folder TEXT,
    is_draft INTEGER NOT NULL
);
CREATE TABLE invitations (
    n INTEGER PRIMARY KEY,
    sender TEXT, recipient TEXT, sent_at TEXT, direction TEXT, has_message INTEGER NOT NULL
)
"""
_PROFILE_COLUMNS = ("brand", "people", "insights", "relationships", "measured_on", "connections",
                    "has_connections_table", "has_messages", "has_invitations", "saved_on", "saved_at")
_GROUP_COLUMNS = ("name", "overall", "top_percent", *PILLARS)
_PROFILE = StoreKind(
    application_id=0x5353494C,  # "SSIL": the learner
    version=1, schema=_SCHEMA, file_name=PROFILE_FILE,
    tables={"profile": _PROFILE_COLUMNS, "groups": _GROUP_COLUMNS,
            **{s.table: ("n", *s.columns) for s in _SPECS.values()}},
    the=("tu perfil", "your profile"), a=("un perfil de ssi-kit", "an ssi-kit profile"),
)


def profile_path(path: str | PathLike[str] | None = None) -> Path:
    """The profile file: ``perfil.sqlite`` in your user folder when ``path`` is None.

    >>> profile_path("mi_perfil.sqlite").name
    'mi_perfil.sqlite'
    """
    return store_path(path, _PROFILE)


def _cells(frame: pd.DataFrame, spec: _TableSpec) -> list[tuple[object, ...]]:
    """The rows of a table as SQLite stores them: text or NULL, ISO dates, 0/1."""
    columns: list[list[object]] = [list(range(1, len(frame) + 1))]
    for column, kind in spec.columns.items():
        series = frame[column]
        if kind == "flag":
            columns.append([int(v) for v in series.astype(bool)])
            continue
        if kind == "day":
            series = series.dt.strftime("%Y-%m-%dT%H:%M:%S")
        elif kind == "utc":
            series = series.dt.tz_convert("UTC").dt.strftime("%Y-%m-%dT%H:%M:%SZ")
        columns.append([None if missing else str(v) for v, missing in zip(series.astype(object), series.isna())])
    return list(zip(*columns))


def _write(connection: sqlite3.Connection, profile: Profile, saved_on: dt.date) -> None:
    for table in ("profile", "groups", *(s.table for s in _SPECS.values())):
        connection.execute(f"DELETE FROM {table}")
    pillars = profile.ssi.as_tuple() if profile.ssi else (None,) * 4
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    connection.execute(
        f"INSERT INTO profile (id, {', '.join(_PROFILE_COLUMNS)}) VALUES (1, {', '.join('?' * len(_PROFILE_COLUMNS))})",
        (*pillars, profile.measured_on.isoformat() if profile.measured_on else None, profile.connections,
         *(int(getattr(profile, p) is not None) for p in _TABLES), saved_on.isoformat(), now))
    for name in ("industry", "network"):
        group: GroupScore | None = getattr(profile, name)
        if group is not None:
            connection.execute(
                f"INSERT INTO groups ({', '.join(_GROUP_COLUMNS)}) VALUES ({', '.join('?' * len(_GROUP_COLUMNS))})",
                (name, group.overall, group.top_percent,
                 *(group.pillars.as_tuple() if group.pillars else (None,) * 4)))
    for spec in _SPECS.values():
        frame = getattr(profile, spec.part)
        if frame is not None:
            columns = ("n", *spec.columns)
            connection.executemany(
                f"INSERT INTO {spec.table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                _cells(frame, spec))


def save_profile(profile: Profile, *, path: str | PathLike[str] | None = None) -> Profile:
    """Write your own parts of ``profile`` to the profile file, whole or not at all; returns what was saved.

    The example's parts (:attr:`Profile.from_example`) are never saved, nor the text of
    messages. What was saved before is replaced entirely. This only writes the file: the
    lessons' data panel calls ``use_profile(profile, save=True)``, which also ends this
    session's own profile.

    Parameters
    ----------
    profile : Profile
        What to save (an empty one saves "nothing given").
    path : path, optional
        The file; by default ``perfil.sqlite`` in your user folder (``$SSI_KIT_HOME`` when set),
        created on first use.

    Returns
    -------
    Profile
        Your parts, with ``saved_on`` set to today.

    Raises
    ------
    SSIInputError
        A file that is not an ssi-kit profile, or is damaged (never modified); a folder where
        nothing can be written; a full disk.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> where = pathlib.Path(tempfile.mkdtemp()) / "perfil.sqlite"
    >>> save_profile(Profile(connections=500), path=where).saved_on is not None
    True
    >>> load_profile(where).connections
    500
    """
    check_type(profile, Profile, name="profile", expected=tr("un Profile", "a Profile"),
               hint=tr("Por ejemplo Profile(connections=500).", "E.g. Profile(connections=500)."))
    today = dt.date.today()
    own = dataclasses.replace(profile.own(), saved_on=today)
    with transaction(path, _PROFILE, write=True) as connection:
        assert connection is not None
        _write(connection, own, today)
    return own


# --- reading it back -------------------------------------------------------------------------
def _warn(target: Path, row: str, why: str) -> None:
    warn_unreadable_row(target, _PROFILE, row, why, stacklevel=5)


def _stored_ssi(values: tuple[object, ...], target: Path, row: str) -> SSI | None:
    if all(v is None for v in values):
        return None
    pillars = [stored_number(v, 0, 25) for v in values]
    if None in pillars:
        _warn(target, row, tr("sus pilares no son números entre 0 y 25", "its pillars are not numbers from 0 to 25"))
        return None
    return SSI(*pillars)  # type: ignore[arg-type]


def _read_groups(connection: sqlite3.Connection, target: Path) -> dict[str, GroupScore]:
    groups: dict[str, GroupScore] = {}
    for name, overall, top, *pillars in connection.execute(f"SELECT {', '.join(_GROUP_COLUMNS)} FROM groups"):
        row = tr("la media de tu sector", "your industry's average") if name == "industry" else \
            tr("la media de tu red", "your network's average")
        number = stored_number(overall, 0, TOTAL_MAX)
        rank = None if top is None else stored_number(top, 0, 100)
        if number is None or (top is not None and rank is None):
            _warn(target, row, tr("no es un número entre 0 y 100", "it is not a number from 0 to 100"))
            continue
        try:
            groups[str(name)] = GroupScore(overall=number, top_percent=rank,
                                           pillars=_stored_ssi(tuple(pillars), target, row))
        except SSIInputError:
            _warn(target, row, tr("su total no es la suma de sus pilares", "its overall is not its pillars' sum"))
    return groups


def _unreadable_text(values: list[object]) -> np.ndarray:
    """Which cells are neither NULL nor text that can be written back (checked at once when all are fine)."""
    import numpy as np

    texts = [v for v in values if v is not None]
    if all(type(v) is str for v in texts) and readable_text("".join(texts)):  # type: ignore[arg-type]
        return np.zeros(len(values), dtype=bool)
    return np.array([not (v is None or readable_text(v)) for v in values], dtype=bool)


def _read_table(connection: sqlite3.Connection, spec: _TableSpec, target: Path) -> pd.DataFrame:
    """One export table; rows edited by hand into something unreadable are left out, with one warning."""
    import numpy as np
    import pandas as pd

    rows = connection.execute(f"SELECT n, {', '.join(spec.columns)} FROM {spec.table} ORDER BY n").fetchall()
    cells = list(zip(*rows)) if rows else [()] * (len(spec.columns) + 1)
    bad = np.zeros(len(rows), dtype=bool)
    frame = pd.DataFrame(index=pd.RangeIndex(len(rows)))
    for (column, kind), values in zip(spec.columns.items(), (list(c) for c in cells[1:])):
        if kind == "text":
            unreadable = _unreadable_text(values)
            bad |= unreadable
            frame[column] = pd.Series([None if u else v for v, u in zip(values, unreadable)], dtype="string")
        elif kind == "flag":
            bad |= np.array([not (type(v) is int and v in (0, 1)) for v in values], dtype=bool)
            frame[column] = np.array([v == 1 for v in values], dtype=bool)
        else:
            texts = pd.Series([v if type(v) is str else None for v in values], dtype=object)
            dates = pd.to_datetime(texts, format="ISO8601", errors="coerce", utc=kind == "utc")
            bad |= np.array([v is not None for v in values], dtype=bool) & dates.isna().to_numpy()
            frame[column] = dates.astype("datetime64[ns, UTC]" if kind == "utc" else "datetime64[ns]")
    if bad.any():
        count = int(bad.sum())
        numbers = ", ".join(str(rows[i][0]) for i in np.flatnonzero(bad)[:5]) + ("…" if count > 5 else "")
        row = tr("la fila n.º {n} de {t}", "row no. {n} of {t}", n=numbers, t=spec.noun) if count == 1 else \
            tr("cada una de las {c} filas n.º {n} de {t}", "each of the {c} rows no. {n} of {t}",
               c=format_thousands(count), n=numbers, t=spec.noun)
        _warn(target, row, tr("tiene un valor que no es texto, fecha o sí/no",
                              "it holds a value that is not text, a date or yes/no"))
        frame = frame[~bad]
    return frame.reset_index(drop=True)


def _read(connection: sqlite3.Connection, target: Path) -> Profile | None:
    row = connection.execute(f"SELECT {', '.join(_PROFILE_COLUMNS)} FROM profile WHERE id = 1").fetchone()
    if row is None:
        return None
    values = dict(zip(_PROFILE_COLUMNS, row))
    parts: dict[str, Any] = {"ssi": _stored_ssi(row[:4], target, tr("tu SSI", "your SSI"))}
    if values["measured_on"] is not None:
        day = stored_date(values["measured_on"])
        if day is None:
            _warn(target, tr("la fecha de tu SSI", "your SSI's date"), tr("no es un día válido", "not a valid day"))
        parts["measured_on"] = day
    if values["connections"] is not None:
        count = stored_number(values["connections"], 1, MAX_CONNECTIONS)
        if count is None or not count.is_integer():
            _warn(target, tr("tu número de contactos", "your number of connections"),
                  tr("no es un número entero de 1 a {m}", "it is not a whole number from 1 to {m}",
                     m=format_thousands(MAX_CONNECTIONS)))
        else:
            parts["connections"] = int(count)
    parts.update(_read_groups(connection, target))
    for spec in _SPECS.values():
        if values[f"has_{spec.part}"] == 1:
            parts[spec.part] = _read_table(connection, spec, target)
    saved_on = stored_date(values["saved_on"])
    if saved_on is None:
        _warn(target, tr("la fecha en que se guardó", "the day it was saved"), tr("no es un día válido",
                                                                                   "not a valid day"))
        saved_on = dt.date.fromtimestamp(os.stat(target).st_mtime)
    return Profile(**parts, saved_on=saved_on)


def load_profile(path: str | PathLike[str] | None = None) -> Profile | None:
    """The profile saved on this machine, or None when none was saved. Nothing is written.

    A part edited by hand into something that cannot be read (a pillar of 40, a date that is
    not a day, a row of a table with a number where text goes) is left out with an
    :class:`~ssi_kit.errors.SSIWarning` naming it, never its content; the file is not modified.

    Raises
    ------
    SSIInputError
        If the file is not an ssi-kit profile or is damaged (it is left untouched).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> load_profile(pathlib.Path(tempfile.mkdtemp()) / "perfil.sqlite") is None
    True
    """
    target = profile_path(path)
    with transaction(path, _PROFILE, write=False) as connection:
        return None if connection is None else _read(connection, target)


# --- this session and the store -----------------------------------------------------------
_session: Profile | None = None
_cached: tuple[tuple[object, ...], Profile | None] | None = None


def _file_key(target: Path) -> tuple[object, ...] | None:
    """What changes whenever the file does (inode, size, time of change), or None if there is no file."""
    try:
        info = os.stat(target)
    except OSError:
        return None
    return (str(target), info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def _saved() -> Profile | None:
    """The saved profile, read again only when the file changed since the last read."""
    global _cached
    target = profile_path()
    key = _file_key(target)
    if key is None:
        _cached = None
        return None
    if _cached is None or _cached[0] != key:
        _cached = (key, load_profile())
    return _cached[1]


def _handed_out(profile: Profile) -> Profile:
    """The profile with shallow copies of its tables: a lesson changing one leaves the kept one as it was."""
    tables = {p: getattr(profile, p).copy(deep=False) for p in _TABLES if getattr(profile, p) is not None}
    return dataclasses.replace(profile, **tables) if tables else profile


def current_profile() -> Profile:
    """Your data as this lesson knows it: this session's, else the saved one, else an empty profile.

    The session's profile is the one :func:`use_profile` set in this kernel without saving.
    Without one, the saved profile is read from your user folder each time (again only when
    the file changed), so a lesson sees what another lesson open at the same time saved. An
    empty profile means you gave nothing: the lessons use the example
    (:meth:`Profile.effective`). A saved profile that cannot be read (damaged, not ours) gives
    an :class:`~ssi_kit.errors.SSIWarning` saying why, and an empty profile, so the lesson
    still runs; :func:`load_profile` raises the error itself.

    Examples
    --------
    >>> isinstance(current_profile(), Profile)
    True
    """
    if _session is not None:
        return _handed_out(_session)
    try:
        saved = _saved()
    except SSIInputError as error:  # the lesson still runs, on the example; the learner reads why
        warnings.warn(tr("{e} Mientras tanto, uso el ejemplo. {h}", "{e} Meanwhile, using the example. {h}",
                         e=error.message, h=error.hint), SSIWarning, stacklevel=2)
        return Profile()
    return Profile() if saved is None else _handed_out(saved)


def lesson_data() -> Profile:
    """The data a lesson uses: :func:`current_profile` with the example where you gave nothing.

    ``lesson_data().from_example`` names the parts that are the example's, to label them.

    Examples
    --------
    >>> lesson_data().ssi is not None
    True
    """
    return current_profile().effective()


def use_profile(profile: Profile, *, save: bool = False) -> Profile:
    """Make ``profile`` your data for this lesson; with ``save``, also keep it on this machine.

    Without ``save`` (the default) nothing is written anywhere: the profile lives in this
    kernel's memory and wins over anything saved, in this lesson only, until you save,
    call :func:`discard_session`, or the kernel stops. With ``save=True`` it is written to
    ``perfil.sqlite`` in your user folder (:func:`save_profile`) and this lesson follows the
    saved profile from then on (so it also sees a later save made in another lesson). If
    saving fails, nothing changes and the error says why.

    Only your own parts are kept: parts from the example (:attr:`Profile.from_example`) are
    dropped, so the example is never saved as yours.

    Returns
    -------
    Profile
        What :func:`current_profile` now returns (``saved_on`` is today after saving).

    Examples
    --------
    >>> mine = use_profile(Profile(connections=800))
    >>> current_profile().connections, mine.saved_on
    (800, None)
    >>> _ = discard_session()
    """
    global _session
    check_type(profile, Profile, name="profile", expected=tr("un Profile", "a Profile"),
               hint=tr("Por ejemplo Profile(connections=500).", "E.g. Profile(connections=500)."))
    if check_flag(save, name="save"):
        saved = save_profile(profile)
        _session = None
        return _handed_out(saved)
    _session = profile.own()
    return _handed_out(_session)


def discard_session() -> Profile:
    """Forget this lesson's unsaved profile and go back to what is saved (or the example).

    Nothing is deleted from the machine. Returns :func:`current_profile`.
    """
    global _session
    _session = None
    return current_profile()


# --- forgetting everything -------------------------------------------------------------------
# The files ssi-kit keeps for a learner in the user folder and the mark in their SQLite header
# (application id) that says they are ours; each module's StoreKind holds the same id.
_KEPT_FILES = (
    (PROFILE_FILE, _PROFILE.application_id, ("tu perfil", "your profile")),
    ("progreso.sqlite", 0x53534947, ("tu progreso en el curso", "your progress through the course")),
    ("historial.sqlite", 0x53534948, ("tu historial de SSI", "your SSI history")),
    ("planes.sqlite", 0x53534950, ("tus planes guardados", "your saved plans")),
    ("relaciones.sqlite", 0x53534952, ("tu seguimiento de relaciones", "your relationship tracker")),
)
_SQLITE_MAGIC = b"SQLite format 3\x00"


def _is_ours(target: Path, application_id: int) -> bool:
    """Whether ``target`` is a regular file with SQLite's header and our application id (100 bytes read)."""
    try:
        if not target.is_file() or target.is_symlink():
            return False
        with open(target, "rb") as file:
            header = file.read(100)
    except OSError:
        return False
    return len(header) == 100 and header.startswith(_SQLITE_MAGIC) \
        and int.from_bytes(header[68:72], "big") == application_id


def _ours_in(folder: Path) -> Iterator[Path]:
    """Every file of ours in ``folder``: each kind's file, its SQLite journal, and temporary copies left over."""
    for name, application_id, _what in _KEPT_FILES:
        target = folder / name
        if _is_ours(target, application_id):
            yield target
            journal = folder / f"{name}-journal"
            if journal.is_file() and not journal.is_symlink():
                yield journal
        leftover = re.compile(rf"\.{re.escape(name)}\.[0-9a-f]{{8}}\.tmp")
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            names = []
        for other in names:
            if leftover.fullmatch(other) and _is_ours(folder / other, application_id):
                yield folder / other


def forget_me(*, folder: str | PathLike[str] | None = None) -> list[Path]:
    """Forget everything ssi-kit keeps about you on this machine (the panel's «Olvidar mis datos»).

    Deletes, from your user folder (``$SSI_KIT_HOME`` when set, or ``folder``):

    - ``perfil.sqlite``: your saved data (SSI, its date, averages, number of connections and
      the exports you uploaded);
    - ``progreso.sqlite``: your progress through the course (exercises and quizzes);
    - ``historial.sqlite``: your SSI history;
    - ``planes.sqlite``: your saved plans;
    - ``relaciones.sqlite``: your relationship tracker;

    with SQLite's ``-journal`` beside any of them and temporary copies a write left behind.
    Each is deleted only if its header says it is ssi-kit's file of that kind; any other file
    in the folder is left untouched. It also forgets the profile this lesson holds in memory.

    What stays: files you saved elsewhere yourself (CSV exports, reports, what you sent to a
    class folder, files at a ``path=`` you chose), your LinkedIn export wherever you keep it,
    and what another lesson still open holds in its memory without having saved it (close it
    or use «Olvidar mis datos» there too; what was saved is gone for it as well).

    Returns
    -------
    list of Path
        The files deleted (empty when there was nothing).

    Raises
    ------
    SSIInputError
        If some file could not be deleted (in use, no permission): the message names them;
        the others were deleted.

    Examples
    --------
    >>> import tempfile
    >>> forget_me(folder=tempfile.mkdtemp())
    []
    """
    global _session, _cached
    _session, _cached = None, None
    where = user_dir() if folder is None else check_path(
        folder, name="folder", use="folder", missing_ok=True, example='"ssi-kit"',
        expected=tr("la carpeta de ssi-kit (texto) o None", "ssi-kit's folder (text) or None"))
    if not where.is_dir():
        return []
    deleted, failed = [], []
    for target in list(_ours_in(where)):
        try:
            target.unlink()
        except FileNotFoundError:
            continue
        except OSError:
            failed.append(target.name)
        else:
            deleted.append(target)
    if failed:
        raise SSIInputError(
            tr("No pude borrar {f} (están en uso o no tengo permiso); lo demás sí se borró.",
               "Could not delete {f} (in use or no permission); the rest was deleted.",
               f=", ".join(f"«{name}»" for name in failed)),
            field="folder", received=str(where),
            hint=tr("Cierra las otras lecciones abiertas y vuelve a intentarlo.",
                    "Close the other open lessons and try again."))
    return deleted


# --- uploads ---------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Upload:
    """What :func:`read_upload` found in the files you uploaded.

    Attributes
    ----------
    connections_table, messages, invitations : DataFrame or None
        The tables found, as their readers return them (messages without their text).
    notes : tuple of str
        One sentence per file for the data panel: what was read, what was left aside and why,
        what the readers warned about. Never a row of your data.
    """

    connections_table: pd.DataFrame | None = field(default=None, repr=False)
    messages: pd.DataFrame | None = field(default=None, repr=False)
    invitations: pd.DataFrame | None = field(default=None, repr=False)
    notes: tuple[str, ...] = ()

    @property
    def found(self) -> tuple[str, ...]:
        """The parts found (``"connections_table"``, ``"messages"``, ``"invitations"``)."""
        return tuple(p for p in _TABLES if getattr(self, p) is not None)

    @property
    def missing(self) -> tuple[str, ...]:
        """The parts not found."""
        return tuple(p for p in _TABLES if getattr(self, p) is None)

    def describe(self) -> str:
        """The notes, one per line, then what was not found."""
        lines = list(self.notes)
        if self.missing:
            lines.append(tr("No encontré: {m}.", "Not found: {m}.",
                            m=", ".join(_SPECS[p].file for p in self.missing)))
        return "\n".join(lines)

    def __repr__(self) -> str:
        found = ", ".join(f"{p}=<{plural(len(getattr(self, p)), 'fila', 'filas', 'row', 'rows')}>"
                          for p in self.found)
        return f"Upload({found})"


_FILE_NAMES = {  # a file's name (header_key of its stem) -> the part it holds; "(1)" added by browsers too
    "connections_table": re.compile(r"(connections|conexiones|contactos)\d*"),
    "messages": re.compile(r"(messages|mensajes)\d*"),
    "invitations": re.compile(r"(invitations|invitaciones)\d*"),
}
_ZIP_MAGIC = b"PK\x03\x04"


class _Named(io.BytesIO):
    """Bytes in memory with a name, so the readers' messages name the file uploaded."""

    def __init__(self, data: bytes, name: str) -> None:
        super().__init__(data)
        self.name = name


Content = bytes | bytearray | memoryview


def _uploaded_files(files: object) -> list[tuple[str, Content]]:
    """``(name, content)`` of each file in what FileUpload gives or a ``{name: bytes}`` mapping."""
    expected = tr("los archivos subidos: el valor de un FileUpload o un diccionario {nombre: bytes}",
                  "the uploaded files: a FileUpload's value or a dict {name: bytes}")
    hint = tr("Para un archivo de tu equipo usa read_connections(ruta), read_messages(ruta)…",
              "For a file on your machine use read_connections(path), read_messages(path)…")
    if isinstance(files, (bytes, bytearray, memoryview)):
        return [("", files)]
    if isinstance(files, Mapping) and "content" in files and "name" in files:
        files = [files]
    if isinstance(files, Mapping):
        entries = [(key, value["content"] if isinstance(value, Mapping) and "content" in value else value)
                   for key, value in files.items()]
    elif isinstance(files, (tuple, list)):
        entries = []
        for entry in files:
            if not isinstance(entry, Mapping) or "content" not in entry:
                raise SSITypeError(tr("read_upload espera {e}; uno de los elementos es {k}.",
                                      "read_upload expects {e}; one of the items is {k}.",
                                      e=expected, k=type(entry).__name__), field="files", received=entry, hint=hint)
            entries.append((entry.get("name", ""), entry["content"]))
    else:
        raise SSITypeError(tr("read_upload espera {e}; recibido {k}.", "read_upload expects {e}; received {k}.",
                              e=expected, k=type(files).__name__), field="files", received=files, hint=hint)
    checked: list[tuple[str, Content]] = []
    for name, content in entries:
        if not isinstance(name, str):
            raise SSITypeError(tr("El nombre de un archivo subido debe ser texto; recibido {k}.",
                                  "An uploaded file's name must be text; received {k}.", k=type(name).__name__),
                               field="files", received=name)
        if not isinstance(content, (bytes, bytearray, memoryview)):
            raise SSITypeError(tr("El contenido de «{n}» debe ser bytes; recibido {k}.",
                                  "The content of '{n}' must be bytes; received {k}.",
                                  n=_shown_name(name), k=type(content).__name__), field="files", received=content)
        checked.append((name, content))
    if not checked:
        raise SSIInputError(tr("No has subido ningún archivo.", "No file was uploaded."), field="files",
                            hint=tr("Sube el .zip que te envió LinkedIn, o sus archivos Connections.csv, messages.csv "
                                    "e Invitations.csv.", "Upload the .zip LinkedIn sent you, or its files "
                                    "Connections.csv, messages.csv and Invitations.csv."))
    return checked


def _shown_name(name: str) -> str:
    """A file's name as messages show it: its last part, cut short."""
    base = re.split(r"[\\/]", name)[-1] or tr("sin nombre", "unnamed")
    return base if len(base) <= 80 else base[:79] + "…"


def _readers() -> dict[str, Callable[[Any], pd.DataFrame]]:
    from .linkedin_export import read_connections
    from .messages import read_invitations, read_messages

    return {"connections_table": read_connections, "messages": read_messages, "invitations": read_invitations}


def _read_one(part: str, data: bytes, name: str) -> tuple[pd.DataFrame, list[str]]:
    """One table through its reader, from memory; its warnings are returned as notes."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frame = _readers()[part](_Named(data, name))
    notes = []
    for warning in caught:
        if issubclass(warning.category, SSIWarning):
            notes.append(str(warning.message))
        else:
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
    return frame, notes


def _zip_members(data: bytes) -> list[str] | None:
    """The names of the files in a .zip (nothing is unpacked), or None if it cannot be opened."""
    import zipfile
    import zlib

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return [info.filename for info in archive.infolist() if not info.is_dir()]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error, RuntimeError, NotImplementedError,
            OSError, ValueError):
        return None


def _sniff(data: bytes) -> str | None:
    """The part a CSV holds, by the names in its first lines (for a file whose name says nothing)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            head, _encoding = decode_text(data[:20_000])
    except SSIInputError:
        return None
    for line in head.splitlines()[:60]:
        keys = {header_key(cell) for cell in re.split(r"[,;\t]", line)}
        if keys & {"connectedon", "fechadeconexion", "conectadoel"} and \
                keys & {"firstname", "lastname", "company", "position", "url", "nombre", "empresa", "cargo"}:
            return "connections_table"
        if "conversationid" in keys or (keys & {"from", "de"} and keys & {"content", "contenido"}
                                        and keys & {"date", "fecha"}):
            return "messages"
        if ("sentat" in keys and keys & {"from", "de"}) or "inviterprofileurl" in keys:
            return "invitations"
    return None


def _count(part: str, frame: pd.DataFrame) -> str:
    n = len(frame)
    if part == "connections_table":
        return plural(n, "contacto", "contactos", "connection", "connections")
    if part == "messages":
        return plural(n, "mensaje", "mensajes", "message", "messages") + tr(
            " (sin su texto, que no se guarda)", " (without their text, which is not kept)")
    return plural(n, "invitación", "invitaciones", "invitation", "invitations")


@dataclass
class _Found:
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def read(self, part: str, data: bytes, name: str, where: str) -> None:
        file = _SPECS[part].file
        if part in self.tables:
            self.notes.append(tr("{w}: ya tenía {f}; no uso este otro.", "{w}: {f} was already read; not using "
                                 "this one.", w=where, f=file))
            return
        try:
            frame, warned = _read_one(part, data, name)
        except SSIInputError as error:
            self.problems.append(tr("{w}: no se pudo leer {f}. {e}", "{w}: {f} could not be read. {e}",
                                    w=where, f=file, e=error.message))
            return
        self.tables[part] = frame
        self.notes.append(tr("{w}: {c}.", "{w}: {c}.", w=where, c=_count(part, frame)))
        self.notes.extend(warned)


def _from_zip(found: _Found, data: bytes, name: str) -> None:
    shown = _shown_name(name) or ".zip"
    members = _zip_members(data)
    if members is None:
        found.problems.append(tr("«{n}» no es un .zip válido o está incompleto; vuelve a descargarlo de LinkedIn.",
                                 "'{n}' is not a valid .zip or is incomplete; download it again from LinkedIn.",
                                 n=shown))
        return
    bases = {m.rsplit("/", 1)[-1].lower() for m in members}
    used = 0
    for part, spec in _SPECS.items():
        if spec.file.lower() in bases:
            used += 1
            found.read(part, data, name or "LinkedIn.zip", tr("{f} (de «{n}»)", "{f} (in '{n}')", f=spec.file, n=shown))
    if not used:
        spreadsheet = "[content_types].xml" in bases
        found.problems.append(
            tr("«{n}» parece una hoja de cálculo: guárdala como CSV (UTF-8) y súbela.",
               "'{n}' looks like a spreadsheet: save it as CSV (UTF-8) and upload it.", n=shown) if spreadsheet else
            tr("«{n}» no contiene Connections.csv, messages.csv ni Invitations.csv.",
               "'{n}' holds no Connections.csv, messages.csv nor Invitations.csv.", n=shown))
    elif len(members) > used:
        found.notes.append(tr("«{n}»: {k} que el curso no usa, sin abrir.", "'{n}': {k} the course does not use, "
                              "left unopened.", n=shown, k=plural(len(members) - used, "archivo más",
                                                                  "archivos más", "more file", "more files")))


def _one_file(found: _Found, name: str, data: bytes) -> None:
    shown = _shown_name(name)
    if data[:4] == _ZIP_MAGIC:
        _from_zip(found, data, name)
        return
    stem = header_key(re.sub(r"\.(csv|txt)$", "", shown, flags=re.IGNORECASE))
    part = next((p for p, pattern in _FILE_NAMES.items() if pattern.fullmatch(stem)), None)
    if part is None and shown.lower().endswith(".json"):
        found.problems.append(tr("«{n}» parece el JSON de tu SSI: ponlo en la casilla de tu SSI, no aquí.",
                                 "'{n}' looks like your SSI's JSON: put it in your SSI's box, not here.", n=shown))
        return
    part = part or _sniff(data)
    if part is None:
        found.problems.append(tr("«{n}» no parece Connections.csv, messages.csv ni Invitations.csv: no lo uso.",
                                 "'{n}' does not look like Connections.csv, messages.csv nor Invitations.csv: "
                                 "not using it.", n=shown))
        return
    found.read(part, data, name or _SPECS[part].file, tr("«{n}»", "'{n}'", n=shown))


def read_upload(files: object) -> Upload:
    """Read your LinkedIn export uploaded from the browser, from memory: nothing is written to disk.

    Takes what ipywidgets' ``FileUpload.value`` gives (a tuple of dicts with ``name`` and
    ``content``) or a mapping ``{name: bytes}``, holding:

    - the ``.zip`` exactly as LinkedIn sends it: ``Connections.csv``, ``messages.csv`` and
      ``Invitations.csv`` are read from inside it (in any subfolder; the other files are not
      even unpacked);
    - or those CSV files on their own, recognised by their name (``Connections.csv``,
      ``Connections (1).csv``, ``conexiones.csv``…) or, failing that, by their header.

    Each file is read by its usual reader (:func:`~ssi_kit.read_connections`,
    :func:`~ssi_kit.read_messages` without the messages' text,
    :func:`~ssi_kit.read_invitations`). A file over :data:`MAX_UPLOAD_BYTES` (50 MB) is
    refused before it is read. Inside a ``.zip``, the readers' own checks apply: a file
    unpacking to more than 200 MB (a "zip bomb") or protected with a password is refused.

    Returns
    -------
    Upload
        The tables found, and ``notes`` for the data panel (what was read, what was left aside
        and why). Files the course does not use are left aside, not refused.

    Raises
    ------
    SSIInputError
        When no table could be read from any file: the message says why for each (too large,
        not a LinkedIn file, damaged…), never quoting its content.
    SSITypeError
        When ``files`` is not uploaded files.

    Examples
    --------
    >>> export = {"Connections.csv": b"First Name,Last Name,Company,Position,Connected On\\n"
    ...                              b"Ana,Ruiz,Acme,CEO,15 Mar 2024\\n"}
    >>> upload = read_upload(export)
    >>> upload.found, upload.notes
    (('connections_table',), ('«Connections.csv»: 1 contacto.',))
    """
    found = _Found()
    for name, content in _uploaded_files(files):
        size = memoryview(content).nbytes
        if size > MAX_UPLOAD_BYTES:
            found.problems.append(tr(
                "«{n}» ocupa {s} MB y el límite es {m} MB por archivo: no lo he leído. Una exportación de LinkedIn "
                "ocupa unos pocos MB; comprueba que es el archivo correcto.",
                "'{n}' takes {s} MB and the limit is {m} MB per file: it was not read. A LinkedIn export takes a "
                "few MB; check it is the right file.",
                n=_shown_name(name), s=format_thousands(-(-size // 2**20)), m=MAX_UPLOAD_BYTES // 2**20))
            continue
        if size == 0:
            found.problems.append(tr("«{n}» está vacío.", "'{n}' is empty.", n=_shown_name(name)))
            continue
        _one_file(found, name, bytes(content))
    if not found.tables:
        raise SSIInputError(
            tr("No pude leer tu exportación de LinkedIn en lo que subiste. {p}",
               "Could not read your LinkedIn export from what you uploaded. {p}", p=" ".join(found.problems)),
            field="files",
            hint=tr("Sube el .zip que te envió LinkedIn (Configuración → Privacidad de datos → Obtener una copia de "
                    "tus datos), o sus archivos Connections.csv, messages.csv e Invitations.csv.",
                    "Upload the .zip LinkedIn sent you (Settings → Data privacy → Get a copy of your data), or its "
                    "files Connections.csv, messages.csv and Invitations.csv."))
    return Upload(**found.tables, notes=(*found.notes, *found.problems))
