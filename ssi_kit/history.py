"""Your SSI week after week: snapshots kept in one SQLite file that never loses a row.

LinkedIn's SSI page keeps no history. :func:`record` saves one snapshot per day (the four
pillars, and your industry's and network's averages when you have them) in
``historial.sqlite`` inside :func:`ssi_kit._resources.user_dir` (``$SSI_KIT_HOME`` when set);
:func:`load_history` reads them back as a tidy table. Every write is one SQLite transaction
(all or nothing, even if the kernel is killed), two kernels can write at once, and a file that
is not an ssi-kit history, or is damaged, gives a clear error and is never modified.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from ._checks import check_date, check_flag, check_frame, check_path
from ._i18n import format_date, format_number, plural, tr
from ._store import StoreKind, store_path, stored_date, stored_number, transaction, warn_unreadable_row
from .errors import SSIInputError, SSITypeError
from .linkedin_ssi import read_linkedin_ssi
from .score import PILLARS, SSI, SSIProfile, as_ssi, pillar_label
from .tables import column_label

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "COLUMNS",
    "FILE_NAME",
    "ImportReport",
    "check_history",
    "column_labels",
    "delete",
    "describe_change",
    "export_history",
    "history_path",
    "import_ssi_folder",
    "load_history",
    "practice_path",
    "record",
]

FILE_NAME = "historial.sqlite"
"""The history's file name inside the user folder."""
COLUMNS = ("date", *PILLARS, "total", "industry", "network")
"""Columns of :func:`load_history`'s table, in order."""

_FIRST_YEAR = 2000
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES ('format', 'ssi-kit historial'), ('schema', '1');
CREATE TABLE snapshots (
    date TEXT PRIMARY KEY,
    brand REAL NOT NULL, people REAL NOT NULL, insights REAL NOT NULL, relationships REAL NOT NULL,
    industry REAL, network REAL,
    recorded_at TEXT NOT NULL
)
"""
_HISTORY = StoreKind(
    application_id=0x53534948,  # "SSIH"
    version=1, schema=_SCHEMA, file_name=FILE_NAME,
    tables={"snapshots": ("date", *PILLARS, "industry", "network", "recorded_at")},
    the=("el historial", "the history"), a=("un historial de ssi-kit", "an ssi-kit history"),
)


# --- where ----------------------------------------------------------------------------------
def history_path(path: str | PathLike[str] | None = None) -> Path:
    """The history file used when ``path`` is None: ``historial.sqlite`` in the user folder.

    Examples
    --------
    >>> history_path("mi_historial.sqlite").name
    'mi_historial.sqlite'
    """
    return store_path(path, _HISTORY)


def practice_path() -> Path:
    """A new, empty history file in a temporary folder: to practise without touching yours.

    Examples
    --------
    >>> practice_path().exists()
    False
    """
    import tempfile

    return Path(tempfile.mkdtemp(prefix="ssi-kit-practica-")) / FILE_NAME


# --- dates -----------------------------------------------------------------------------------
def _as_date(when: object, *, name: str = "when") -> dt.date:
    """The day of a snapshot, read by :func:`~ssi_kit._checks.check_date`: from 2000 to today; None is today."""
    if when is None:
        return dt.date.today()
    # A day's leeway: a learner ahead of the machine's time zone records "today" too.
    return check_date(when, name=name, earliest=dt.date(_FIRST_YEAR, 1, 1),
                      latest=dt.date.today() + dt.timedelta(days=1))


# --- writing ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Row:
    date: dt.date
    ssi: SSI
    industry: float | None
    network: float | None

    def values(self) -> tuple[object, ...]:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        return (self.date.isoformat(), *self.ssi.as_tuple(), self.industry, self.network, now)


def _row(ssi: object, when: object) -> _Row:
    if isinstance(ssi, SSIProfile):
        return _Row(_as_date(when), ssi.member,
                    ssi.industry.overall if ssi.industry else None, ssi.network.overall if ssi.network else None)
    if not isinstance(ssi, (SSI, str, dict)):
        raise SSITypeError(
            tr("«ssi» debe ser un SSI, un perfil de read_linkedin_ssi o un texto como «12,5; 8; 5,25; 10»; "
               "recibido {kind}.",
               "'ssi' must be an SSI, a profile from read_linkedin_ssi or text such as '12.5; 8; 5.25; 10'; "
               "received {kind}.", kind=type(ssi).__name__),
            field="ssi", received=ssi,
        )
    return _Row(_as_date(when), as_ssi(ssi), None, None)


def _write(rows: Sequence[_Row], path: str | PathLike[str] | None) -> None:
    with transaction(path, _HISTORY, write=True) as connection:
        assert connection is not None
        connection.executemany(
            "INSERT INTO snapshots (date, brand, people, insights, relationships, industry, network, recorded_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(date) DO UPDATE SET brand = excluded.brand,"
            " people = excluded.people, insights = excluded.insights, relationships = excluded.relationships,"
            " industry = excluded.industry, network = excluded.network, recorded_at = excluded.recorded_at",
            [row.values() for row in rows],
        )


def record(ssi: SSI | SSIProfile | str, when: dt.date | str | None = None, *,
           path: str | PathLike[str] | None = None) -> dt.date:
    """Save one snapshot of your SSI in your history (the same day twice keeps the last one).

    Parameters
    ----------
    ssi : SSI, SSIProfile or str
        Your SSI; a profile from :func:`ssi_kit.read_linkedin_ssi` also keeps your industry's
        and network's average SSI; text such as ``"12,5; 8; 5,25; 10"`` works too.
    when : date, datetime or str, optional
        The day of the snapshot: today if omitted; ``"14/03/2025"`` (day first) or
        ``"2025-03-14"``. Never in the future.
    path : path, optional
        The history file; by default ``historial.sqlite`` in your ssi-kit folder
        (``$SSI_KIT_HOME`` when set). Created on first use.

    Returns
    -------
    datetime.date
        The day recorded.

    Raises
    ------
    SSIInputError
        An invalid SSI or date; a file that is not an ssi-kit history, or is damaged (never
        modified); a folder where nothing can be written.
    SSITypeError
        ``ssi``, ``when`` or ``path`` of a type that cannot be used.

    Examples
    --------
    >>> historial = practice_path()
    >>> record("12,5; 8; 5,25; 10", "14/03/2025", path=historial)
    datetime.date(2025, 3, 14)
    >>> load_history(historial)["total"].tolist()
    [35.75]
    """
    row = _row(ssi, when)
    _write([row], path)
    return row.date


def delete(when: dt.date | str, *, path: str | PathLike[str] | None = None) -> None:
    """Remove the snapshot of one day from your history.

    Raises
    ------
    SSIInputError
        If there is no snapshot that day (the message lists the nearest ones), or as :func:`record`.

    Examples
    --------
    >>> historial = practice_path()
    >>> _ = record("12,5; 8; 5,25; 10", "14/03/2025", path=historial)
    >>> delete("14/03/2025", path=historial)
    >>> len(load_history(historial))
    0
    """
    day = _as_date(when, name="when")
    with transaction(path, _HISTORY, write=False) as reader:
        stored = [] if reader is None else [stored_date(r[0]) for r in reader.execute("SELECT date FROM snapshots")]
    known = sorted(d for d in stored if d is not None)
    if day in known:
        with transaction(path, _HISTORY, write=True) as connection:
            assert connection is not None
            connection.execute("DELETE FROM snapshots WHERE date = ?", (day.isoformat(),))
        return
    nearest = sorted(known, key=lambda d: abs((d - day).days))[:3]
    raise SSIInputError(
        tr("No hay ninguna medición del {d} en tu historial.", "There is no snapshot of {d} in your history.",
           d=format_date(day)),
        field="when", received=when,
        hint=tr("Las más cercanas: {n}.", "The nearest: {n}.",
                n=", ".join(format_date(d) for d in sorted(nearest)))
        if nearest else tr("El historial está vacío.", "The history is empty."),
    )


# --- reading ---------------------------------------------------------------------------------
def load_history(path: str | PathLike[str] | None = None) -> pd.DataFrame:
    """Your history as a tidy table, one row per day, oldest first.

    Columns: ``date`` (a day), ``brand``, ``people``, ``insights``, ``relationships``,
    ``total``, and your ``industry``'s and ``network``'s average SSI (NaN when not recorded).
    A history not created yet gives an empty table; nothing is ever written here.

    A row edited by hand or damaged (a date that is not a day, a pillar that is not a
    number from 0 to 25, such as ``'12,5'`` stored as text) is left out with an
    :class:`~ssi_kit.errors.SSIWarning` naming its date (or its row number), so the rest
    of your history can still be used; the file keeps it as it is.

    Raises
    ------
    SSIInputError
        If the file is not an ssi-kit history or is damaged (it is left untouched).

    Examples
    --------
    >>> historial = practice_path()
    >>> list(load_history(historial).columns)
    ['date', 'brand', 'people', 'insights', 'relationships', 'total', 'industry', 'network']
    """
    import pandas as pd

    with transaction(path, _HISTORY, write=False) as connection:
        rows = [] if connection is None else _readable_rows(connection, history_path(path))
    frame = pd.DataFrame(rows, columns=["date", *PILLARS, "industry", "network"])
    frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]")
    for column in (*PILLARS, "industry", "network"):
        frame[column] = pd.to_numeric(frame[column]).astype(float)
    frame["total"] = frame[list(PILLARS)].sum(axis=1).round(3).astype(float)
    return frame[list(COLUMNS)].reset_index(drop=True)


def _readable_rows(connection: sqlite3.Connection, target: Path) -> list[tuple[object, ...]]:
    """The snapshots, by date; each row that cannot be read is left out with a warning."""
    rows: list[tuple[object, ...]] = []
    query = "SELECT rowid, date, brand, people, insights, relationships, industry, network FROM snapshots"
    for number, text, *values in connection.execute(query + " ORDER BY date"):
        day = stored_date(text)
        pillars = [stored_number(v, 0, 25) for v in values[:4]]
        groups = [None if v is None else stored_number(v, 0, 100) for v in values[4:]]
        why = ""
        if day is None:
            why = tr("su fecha no es un día válido", "its date is not a valid day")
        elif None in pillars:
            why = tr("«{p}» no es un número entre 0 y 25", "'{p}' is not a number between 0 and 25",
                     p=pillar_label(PILLARS[pillars.index(None)]))
        elif any(g is None and v is not None for g, v in zip(groups, values[4:])):
            why = tr("la media del sector o de tu red no es un número entre 0 y 100",
                     "the industry's or network's average is not a number between 0 and 100")
        if why:
            row = tr("la fila {n}", "row {n}", n=number) if day is None else \
                tr("la medición del {d}", "the snapshot of {d}", d=format_date(day))
            warn_unreadable_row(target, _HISTORY, row, why, stacklevel=3)
            continue
        rows.append((day, *pillars, *groups))
    return rows


def column_labels() -> dict[str, str]:
    """Headers of :func:`load_history`'s columns as a learner reads them, for ``show_table(columns=...)``.

    Examples
    --------
    >>> column_labels()["industry"]
    'Media del sector'
    """
    return {column: column_label(column) for column in COLUMNS}  # show_table's own headers


def check_history(history: object) -> pd.DataFrame:
    """``history`` if it is a table like :func:`load_history`'s, sorted by date; else a clear error."""
    frame = check_frame(history, name="history", required=("date", "total", *PILLARS),
                        expected=tr("la tabla de load_history()", "the table of load_history()"),
                        hint=tr("Usa historial = load_history().", "Use history = load_history()."),
                        dates=("date",), numbers=("total", *PILLARS, "industry", "network"),
                        complete=("date", "total", *PILLARS))
    return frame.sort_values("date", kind="stable").reset_index(drop=True)


def describe_change(history: pd.DataFrame) -> str:
    """One sentence on your last change: «+2,5 puntos desde la semana pasada (de 40 a 42,5)».

    Says «sin cambios desde la semana pasada» when the total did not move; with one
    snapshot or none, says what to do next.

    Examples
    --------
    >>> import pandas as pd
    >>> h = pd.DataFrame({"date": pd.to_datetime(["2025-03-07", "2025-03-14"]), "brand": [10, 12.5],
    ...                   "people": [8, 8], "insights": [5, 5], "relationships": [10, 10], "total": [33, 35.5]})
    >>> describe_change(h)
    '+2,5 puntos desde la semana pasada (de 33 a 35,5)'
    """
    frame = check_history(history)
    if len(frame) == 0:
        return tr("Aún no hay mediciones guardadas.", "No snapshots saved yet.")
    last = frame.iloc[-1]
    if len(frame) == 1:
        return tr("Primera medición: {t} el {d}. Guarda otra la semana que viene para ver tu tendencia.",
                  "First snapshot: {t} on {d}. Save another next week to see your trend.",
                  t=format_number(float(last["total"]), 1), d=format_date(last["date"].date()))
    before = frame.iloc[-2]
    days = (last["date"] - before["date"]).days
    since = tr("desde la semana pasada", "since last week") if 5 <= days <= 9 else tr(
        "desde el {d}", "since {d}", d=format_date(before["date"].date()))
    change = round(float(last["total"]) - float(before["total"]), 3)
    if math.isclose(change, 0, abs_tol=0.0005):
        return tr("Sin cambios {s}", "No change {s}", s=since)
    sign = "+" if change > 0 else "−"
    return tr("{sign}{c} puntos {s} (de {a} a {b})", "{sign}{c} points {s} (from {a} to {b})",
              sign=sign, c=format_number(abs(change), 2), s=since,
              a=format_number(float(before["total"]), 2), b=format_number(float(last["total"]), 2))


# --- export and import -----------------------------------------------------------------------
def export_history(dest: str | PathLike[str], *, path: str | PathLike[str] | None = None,
                   overwrite: bool = False) -> Path:
    """Write your history as a CSV safe to open in a spreadsheet (Spanish headers, ISO dates).

    Written whole or not at all, by :func:`ssi_kit.save_csv`; an existing ``dest`` is kept
    unless ``overwrite=True``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> historial = practice_path()
    >>> _ = record("12,5; 8; 5,25; 10", "14/03/2025", path=historial)
    >>> out = export_history(pathlib.Path(tempfile.mkdtemp()) / "historial.csv", path=historial)
    >>> out.read_text(encoding="utf-8-sig").splitlines()[1]
    '"2025-03-14",12.5,8.0,5.25,10.0,35.75,"",""'
    """
    from .safe_csv import save_csv
    overwrite = check_flag(overwrite, name="overwrite")
    frame = load_history(path)
    frame["date"] = frame["date"].dt.strftime("%Y-%m-%d")
    names: dict[str, str] = {"date": tr("fecha", "date"), **{p: pillar_label(p) for p in PILLARS}, "total": "total",
             "industry": tr("sector", "industry"), "network": tr("red", "network")}
    return save_csv(frame.rename(columns=names), dest, overwrite=overwrite)


@dataclass(frozen=True)
class ImportReport:
    """What :func:`import_ssi_folder` did: how many snapshots it saved and which files it skipped."""

    imported: int
    skipped: list[tuple[str, str]] = field(default_factory=list)
    """(file name, reason) for every file not imported."""

    def __str__(self) -> str:
        lines = [tr("Importadas: {n}.", "Imported: {n}.",
                    n=plural(self.imported, "medición", "mediciones", "snapshot", "snapshots"))]
        lines += [f"  · {name}: {reason}" for name, reason in self.skipped]
        return "\n".join(lines)


_ISO_IN_NAME = re.compile(r"(?<!\d)(\d{4})[-_.](\d{2})[-_.](\d{2})(?!\d)")
_DAY_FIRST_IN_NAME = re.compile(r"(?<!\d)(\d{2})[-_.](\d{2})[-_.](\d{4})(?!\d)")


def _date_of_file(file: Path) -> dt.date:
    """The date in the file's name (``ssi_2025-03-14.json``, ``ssi_14-03-2025.json``), else its modification day."""
    for pattern, order in ((_ISO_IN_NAME, (1, 2, 3)), (_DAY_FIRST_IN_NAME, (3, 2, 1))):
        match = pattern.search(file.stem)
        if match:
            try:
                return dt.date(*(int(match[i]) for i in order))
            except ValueError:
                continue
    return dt.datetime.fromtimestamp(file.stat().st_mtime).date()


def import_ssi_folder(folder: str | PathLike[str], *, path: str | PathLike[str] | None = None) -> ImportReport:
    """Add every saved LinkedIn SSI JSON file of a folder to your history, in one go.

    Each ``.json`` file is read with :func:`ssi_kit.read_linkedin_ssi` and dated by the date
    in its name (``ssi_2025-03-14.json`` or ``ssi_14-03-2025.json``), else by the day it was
    last modified. Files that cannot be read are skipped with the reason; the rest are saved
    in one transaction (all of them or none).

    Returns
    -------
    ImportReport
        ``.imported`` (how many) and ``.skipped`` (file name, reason).

    Raises
    ------
    SSIInputError
        If ``folder`` is not a folder, or as :func:`record`.

    Examples
    --------
    >>> import json, tempfile, pathlib
    >>> carpeta = pathlib.Path(tempfile.mkdtemp())
    >>> pillars = [("PROFESSIONAL_BRAND", 4), ("FIND_RIGHT_PEOPLE", 3), ("INSIGHT_ENGAGEMENT", 2),
    ...            ("STRONG_RELATIONSHIP", 1)]
    >>> score = {"overall": 10, "subScores": [{"pillar": p, "score": s} for p, s in pillars]}
    >>> _ = (carpeta / "ssi_2025-03-14.json").write_text(json.dumps({"memberScore": score}))
    >>> _ = (carpeta / "notas.json").write_text("no es json")
    >>> report = import_ssi_folder(carpeta, path=practice_path())
    >>> report.imported, [name for name, _ in report.skipped]
    (1, ['notas.json'])
    """
    directory = check_path(folder, name="folder", use="folder", hint=tr(
        "Pasa la carpeta donde guardaste los JSON de tu SSI.", "Pass the folder where you saved your SSI JSON files."))
    rows: dict[dt.date, _Row] = {}
    names: dict[dt.date, str] = {}
    skipped: list[tuple[str, str]] = []
    for file in sorted(p for p in directory.iterdir() if p.suffix.lower() == ".json" and p.is_file()):
        try:
            profile = read_linkedin_ssi(file)
            day = _as_date(_date_of_file(file), name=file.name)
        except (SSIInputError, SSITypeError) as error:
            skipped.append((file.name, error.message))
            continue
        except OSError as error:
            skipped.append((file.name, error.strerror or type(error).__name__))
            continue
        if day in rows:
            skipped.append((file.name, tr("misma fecha ({d}) que «{o}»", "same date ({d}) as '{o}'",
                                          d=format_date(day), o=names[day])))
            continue
        rows[day] = _row(profile, day)
        names[day] = file.name
    if rows:
        _write(list(rows.values()), path)
    return ImportReport(len(rows), skipped)
