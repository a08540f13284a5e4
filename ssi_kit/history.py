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
import os
import re
import secrets
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from ._checks import check_date, check_flag, check_frame, check_type
from ._i18n import format_date, format_number, plural, short_repr, tr
from ._resources import user_dir
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

_APPLICATION_ID = 0x53534948  # "SSIH": marks the file as ours in the SQLite header
_SCHEMA_VERSION = 1
_HEADER = b"SQLite format 3\x00"
_BUSY_MS = 30_000  # wait this long for another kernel's write before giving up
_FIRST_YEAR = 2000
_SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES ('format', 'ssi-kit historial'), ('schema', '{_SCHEMA_VERSION}');
CREATE TABLE snapshots (
    date TEXT PRIMARY KEY,
    brand REAL NOT NULL, people REAL NOT NULL, insights REAL NOT NULL, relationships REAL NOT NULL,
    industry REAL, network REAL,
    recorded_at TEXT NOT NULL
);
PRAGMA application_id = {_APPLICATION_ID};
PRAGMA user_version = {_SCHEMA_VERSION};
"""


# --- where ----------------------------------------------------------------------------------
def history_path(path: str | PathLike[str] | None = None) -> Path:
    """The history file used when ``path`` is None: ``historial.sqlite`` in the user folder.

    Examples
    --------
    >>> history_path("mi_historial.sqlite").name
    'mi_historial.sqlite'
    """
    if path is None:
        return user_dir() / FILE_NAME
    if not isinstance(path, (str, PathLike)) or not isinstance(os.fspath(path), str):
        raise SSITypeError(
            tr("«path» debe ser la ruta del historial (texto) o None; recibido {kind}.",
               "'path' must be the history's path (text) or None; received {kind}.", kind=type(path).__name__),
            field="path", received=path,
            hint=tr("Déjalo sin poner para usar tu historial de siempre.", "Leave it out to use your usual history."),
        )
    given = os.fspath(path)
    if not given.strip() or "\0" in given:
        raise SSIInputError(
            tr("«path» no es un nombre de archivo válido: {p}.", "'path' is not a valid file name: {p}.",
               p=short_repr(given)),
            field="path", received=given,
        )
    return Path(given).expanduser()


def practice_path() -> Path:
    """A new, empty history file in a temporary folder: to practise without touching yours.

    Examples
    --------
    >>> practice_path().exists()
    False
    """
    import tempfile

    return Path(tempfile.mkdtemp(prefix="ssi-kit-practica-")) / FILE_NAME


# --- opening the file safely ----------------------------------------------------------------
def _not_ours(target: Path, why: str) -> SSIInputError:
    return SSIInputError(
        tr("«{p}» no es un historial de ssi-kit ({why}); no lo abro ni lo modifico.",
           "'{p}' is not an ssi-kit history ({why}); not opening nor modifying it.", p=target, why=why),
        field="path", received=str(target),
        hint=tr("Pasa otra ruta con path=..., o aparta ese archivo y se creará uno nuevo.",
                "Pass another path with path=..., or move that file away and a new one will be created."),
    )


def _damaged(target: Path, detail: str) -> SSIInputError:
    return SSIInputError(
        tr("El historial «{p}» está dañado ({d}); no lo modifico.",
           "The history '{p}' is damaged ({d}); not modifying it.", p=target, d=detail),
        field="path", received=str(target),
        hint=tr("Guarda una copia del archivo y usa otro con path=...; si exportaste el historial, "
                "ahí tienes tus datos.",
                "Keep a copy of the file and use another with path=...; if you exported the history, "
                "your data is there."),
    )


def _check_header(target: Path) -> bool:
    """True if ``target`` exists and is an ssi-kit history; False if it does not exist.

    Only reads the first 100 bytes (SQLite's header), so a file that is not ours is
    refused before SQLite ever opens it (and could write to it).
    """
    try:
        with open(target, "rb") as file:
            header = file.read(100)
    except FileNotFoundError:
        return False
    except IsADirectoryError:
        raise SSIInputError(
            tr("«{p}» es una carpeta; pasa la ruta de un archivo, por ejemplo «{p}/{f}».",
               "'{p}' is a folder; pass the path of a file, e.g. '{p}/{f}'.", p=target, f=FILE_NAME),
            field="path", received=str(target),
        ) from None
    except OSError as error:
        raise SSIInputError(
            tr("No puedo leer «{p}» ({e}).", "Cannot read '{p}' ({e}).", p=target,
               e=error.strerror or type(error).__name__),
            field="path", received=str(target),
        ) from None
    if len(header) < 100 or not header.startswith(_HEADER):
        raise _not_ours(target, tr("no es una base de datos SQLite", "not an SQLite database"))
    if int.from_bytes(header[68:72], "big") != _APPLICATION_ID:
        raise _not_ours(target, tr("es una base de datos de otro programa", "a database of another program"))
    version = int.from_bytes(header[60:64], "big")
    if version > _SCHEMA_VERSION:
        raise SSIInputError(
            tr("El historial «{p}» es de una versión más nueva de ssi-kit; no lo modifico.",
               "The history '{p}' comes from a newer ssi-kit; not modifying it.", p=target),
            field="path", received=str(target),
            hint=tr("Actualiza ssi-kit (pip install -U ssi-kit).", "Update ssi-kit (pip install -U ssi-kit)."),
        )
    return True


def _check_whole(connection: sqlite3.Connection, target: Path) -> None:
    """Refuse a history shorter than its pages, before anything is written to it.

    Called inside the transaction, once SQLite holds its lock and has rolled back any hot
    journal: before that, a writer killed (or still busy) mid-commit leaves the file
    legitimately shorter than its new header, and SQLite, not us, must repair it. The file
    is only stat'ed, never opened: closing a second handle would drop SQLite's locks.
    """
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    if os.stat(target).st_size < page_size * pages:
        raise _damaged(target, tr("le faltan datos: está cortado", "data is missing: it is cut short"))


def _create(target: Path) -> None:
    """Create the history whole, then give it its name: it never exists half made."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _write_error(target, error) from None
    temporary = target.with_name(f".{target.name[:200]}.{secrets.token_hex(4)}.tmp")
    try:
        connection = sqlite3.connect(temporary, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode = DELETE")
            connection.executescript(f"BEGIN; {_SCHEMA} COMMIT;")
        finally:
            connection.close()
        try:
            os.link(temporary, target)  # atomic, and fails if another kernel created it first
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not target.exists():
                os.replace(temporary, target)
    except (OSError, sqlite3.Error) as error:
        raise _write_error(target, error) from None
    finally:
        try:
            os.unlink(temporary)
        except OSError:
            pass


def _write_error(target: Path, error: BaseException) -> SSIInputError:
    if isinstance(error, PermissionError):
        message = tr("No tengo permiso para escribir en «{p}».", "No permission to write '{p}'.", p=target)
    else:
        detail = getattr(error, "strerror", None) or str(error) or type(error).__name__
        message = tr("No pude guardar en «{p}» ({e}).", "Could not save to '{p}' ({e}).", p=target, e=detail)
    return SSIInputError(message, field="path", received=str(target),
                         hint=tr("Elige otra carpeta con path=... o la variable SSI_KIT_HOME.",
                                 "Choose another folder with path=... or the SSI_KIT_HOME variable."))


@contextmanager
def _transaction(path: str | PathLike[str] | None, *, write: bool) -> Iterator[sqlite3.Connection | None]:
    """A connection inside one transaction (``None`` when reading a history not yet created)."""
    target = history_path(path)
    if not _check_header(target):
        if not write:
            yield None
            return
        _create(target)
        _check_header(target)
    try:
        connection = sqlite3.connect(target, timeout=_BUSY_MS / 1000, isolation_level=None)
    except sqlite3.Error as error:
        raise _damaged(target, str(error)) from None
    try:
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        _check_schema(connection, target)
        _check_whole(connection, target)
        yield connection
        connection.execute("COMMIT")
    except sqlite3.OperationalError as error:
        _rollback(connection)
        if "locked" in str(error) or "busy" in str(error):
            raise SSIInputError(
                tr("El historial «{p}» está ocupado por otro programa.",
                   "The history '{p}' is busy in another program.", p=target), field="path", received=str(target),
                hint=tr("Vuelve a intentarlo en un momento.", "Try again in a moment."),
            ) from None
        if "readonly" in str(error) or "read-only" in str(error):
            raise _write_error(target, PermissionError()) from None
        raise _damaged(target, str(error)) from None
    except sqlite3.DatabaseError as error:
        _rollback(connection)
        raise _damaged(target, str(error)) from None
    except BaseException:
        _rollback(connection)
        raise
    finally:
        connection.close()


def _rollback(connection: sqlite3.Connection) -> None:
    try:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
    except sqlite3.Error:
        pass


def _check_schema(connection: sqlite3.Connection, target: Path) -> None:
    try:
        meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        columns = [row[1] for row in connection.execute("PRAGMA table_info(snapshots)")]
    except sqlite3.OperationalError:
        raise _not_ours(target, tr("le faltan sus tablas", "its tables are missing")) from None
    if meta.get("format") != "ssi-kit historial" or not {"date", *PILLARS, "industry", "network"} <= set(columns):
        raise _not_ours(target, tr("sus tablas no son las de ssi-kit", "its tables are not ssi-kit's"))


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
    with _transaction(path, write=True) as connection:
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


def delete(date: dt.date | str, *, path: str | PathLike[str] | None = None) -> None:
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
    day = _as_date(date, name="date")
    with _transaction(path, write=False) as reader:
        known = [] if reader is None else [r[0] for r in reader.execute("SELECT date FROM snapshots ORDER BY date")]
    if day.isoformat() in known:
        with _transaction(path, write=True) as connection:
            assert connection is not None
            connection.execute("DELETE FROM snapshots WHERE date = ?", (day.isoformat(),))
        return
    nearest = sorted(known, key=lambda d: abs((dt.date.fromisoformat(d) - day).days))[:3]
    raise SSIInputError(
        tr("No hay ninguna medición del {d} en tu historial.", "There is no snapshot of {d} in your history.",
           d=format_date(day)),
        field="date", received=date,
        hint=tr("Las más cercanas: {n}.", "The nearest: {n}.",
                n=", ".join(format_date(dt.date.fromisoformat(d)) for d in sorted(nearest)))
        if nearest else tr("El historial está vacío.", "The history is empty."),
    )


# --- reading ---------------------------------------------------------------------------------
def load_history(path: str | PathLike[str] | None = None) -> pd.DataFrame:
    """Your history as a tidy table, one row per day, oldest first.

    Columns: ``date`` (a day), ``brand``, ``people``, ``insights``, ``relationships``,
    ``total``, and your ``industry``'s and ``network``'s average SSI (NaN when not recorded).
    A history not created yet gives an empty table; nothing is ever written here.

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

    with _transaction(path, write=False) as connection:
        rows = [] if connection is None else connection.execute(
            "SELECT date, brand, people, insights, relationships, industry, network FROM snapshots ORDER BY date"
        ).fetchall()
    frame = pd.DataFrame(rows, columns=["date", *PILLARS, "industry", "network"])
    frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d")
    for column in (*PILLARS, "industry", "network"):
        frame[column] = pd.to_numeric(frame[column]).astype(float)
    frame["total"] = frame[list(PILLARS)].sum(axis=1).round(3).astype(float)
    return frame[list(COLUMNS)].reset_index(drop=True)


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
    '2025-03-14,12.5,8.0,5.25,10.0,35.75,,'
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
    check_type(folder, (str, PathLike), name="folder",
               expected=tr("la ruta de una carpeta (texto)", "the path of a folder (text)"))
    given = os.fspath(folder)
    directory = Path(given).expanduser()
    if not isinstance(given, str) or not directory.is_dir():
        raise SSIInputError(
            tr("No encuentro la carpeta «{p}».", "Folder not found: '{p}'.", p=short_repr(given, 200)[1:-1]),
            field="folder", received=given,
            hint=tr("Pasa la carpeta donde guardaste los JSON de tu SSI.",
                    "Pass the folder where you saved your SSI JSON files."),
        )
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
