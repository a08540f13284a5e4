"""Plans checked against reality: save a plan, then compare it with the SSI you record.

A saved plan holds its actions, their weekly minutes, the start date and the projection with
its band (:func:`ssi_kit.simulate` with ``band=True``). :func:`compare_plan` places each SSI you
recorded since the start (:mod:`ssi_kit.history`) on the plan's weeks and says whether it is
above, inside or below the band; :func:`describe_plan_comparison` says it in plain words.

Plans are kept in one SQLite file, ``planes.sqlite``, in your user data folder
(``$SSI_KIT_HOME`` or the system's per-user folder). Every save is one transaction: a crash
never leaves half a plan, two notebooks saving at once wait for each other, and a file that
is not ours (or is damaged) gives a clear error and is never written to. Nothing leaves your
machine.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import tempfile
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ._checks import check_choice, check_date, check_frame, check_integer, check_seed, check_type
from ._i18n import format_date, format_number, format_thousands, plural, short_repr, tr
from ._resources import user_dir
from ._store import (
    StoreKind,
    readable_text,
    store_path,
    stored_date,
    stored_number,
    transaction,
    unreadable_row,
    warn_unreadable_row,
)
from .errors import SSIInputError, SSITypeError
from .score import PILLARS, SSI, pillar_label

if TYPE_CHECKING:
    import pandas as pd

    from .simulation import BestPlan

__all__ = [
    "EXAMPLE_HISTORY_WEEKS",
    "PLANS_FILE",
    "STATUSES",
    "SavedPlan",
    "compare_plan",
    "describe_plan_comparison",
    "example_history",
    "list_plans",
    "load_plan",
    "plans_path",
    "practice_file",
    "save_plan",
    "status_label",
]

PLANS_FILE = "planes.sqlite"
STATUSES = ("above", "inside", "below")
EXAMPLE_HISTORY_WEEKS = 10
"""Weeks of made-up readings :func:`example_history` gives when you do not say (a plan followed for a while)."""
"""Where a recorded SSI stands against the plan's band."""

_EPSILON = 1e-9

_SCHEMA = """
CREATE TABLE plans (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    created TEXT NOT NULL,
    start TEXT NOT NULL,
    weeks INTEGER NOT NULL,
    minutes INTEGER NOT NULL,
    band REAL NOT NULL,
    actions TEXT NOT NULL,
    brand REAL NOT NULL, people REAL NOT NULL, insights REAL NOT NULL, relationships REAL NOT NULL
);
CREATE TABLE projection (
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    week INTEGER NOT NULL,
    pillar TEXT NOT NULL,
    score REAL NOT NULL, floor REAL NOT NULL, low REAL NOT NULL, high REAL NOT NULL,
    PRIMARY KEY (plan_id, week, pillar)
)
"""
_COLUMNS = ("id", "name", "created", "start", "weeks", "minutes", "band", "actions", *PILLARS)
_PLANS = StoreKind(
    application_id=0x53534950,  # "SSIP"
    version=1, schema=_SCHEMA, file_name=PLANS_FILE,
    tables={"plans": _COLUMNS, "projection": ("plan_id", "week", "pillar", "score", "floor", "low", "high")},
    the=("el archivo de planes", "the plans file"), a=("un archivo de planes de ssi-kit", "an ssi-kit plans file"),
)


@dataclass(frozen=True)
class SavedPlan:
    """A plan as saved by :func:`save_plan` and read by :func:`load_plan`.

    Attributes
    ----------
    id : int
        Its number in the plans file.
    name : str
        The name it was saved with.
    created : str
        When it was saved (ISO date and time, local).
    start : datetime.date
        The day the plan starts (week 0).
    weeks : int
        The horizon of the projection.
    minutes : int
        Weekly minutes the actions take.
    actions : tuple of str
        The action ids.
    ssi : SSI
        The SSI at the start.
    band : float
        The probability the band covers (0.8 is an 80 % band).
    projection : pandas.DataFrame
        :func:`ssi_kit.simulate`'s frame with its band: ``week, pillar, label, score, floor, low, high``.
    """

    id: int
    name: str
    created: str
    start: dt.date
    weeks: int
    minutes: int
    actions: tuple[str, ...]
    ssi: SSI
    band: float
    projection: pd.DataFrame

    @property
    def end(self) -> dt.date:
        """The last day of the plan (``start`` plus ``weeks`` weeks)."""
        return self.start + dt.timedelta(weeks=self.weeks)

    def __str__(self) -> str:
        totals = self.projection[self.projection["pillar"] == "total"]
        return tr(
            "Plan «{name}» (n.º {id}): {n} ({minutes} min/semana) desde el {start}: {ids}. "
            "Proyección: de {first} a {last} en {weeks} semanas.",
            "Plan '{name}' (no. {id}): {n} ({minutes} min/week) from {start}: {ids}. "
            "Projection: from {first} to {last} in {weeks} weeks.",
            name=self.name, id=self.id, n=plural(len(self.actions), "acción", "acciones", "action", "actions"),
            minutes=format_thousands(self.minutes), start=format_date(self.start), ids=", ".join(self.actions) or "—",
            first=format_number(float(totals["score"].iloc[0]), 1),
            last=format_number(float(totals["score"].iloc[-1]), 1), weeks=self.weeks,
        )

    def _repr_markdown_(self) -> str:
        from ._html import literal_block

        return literal_block(str(self))  # the plan's name is the learner's text, not Markdown


# --- small checks -----------------------------------------------------------------------------
def plans_path() -> Path:
    """Where plans are saved by default: ``planes.sqlite`` in your user data folder.

    The folder is ``$SSI_KIT_HOME`` or your system's per-user data folder for ssi-kit
    (``~/.local/share/ssi-kit`` on Linux); :func:`save_plan` and :func:`load_plan` also take ``path=``.

    Examples
    --------
    >>> plans_path().name
    'planes.sqlite'
    """
    return user_dir() / PLANS_FILE


def practice_file() -> Path:
    """A new, empty place for a practice plans file, in a private temporary folder.

    The lessons save their example plans here, so practising never touches your own plans.

    Examples
    --------
    >>> practice_file().exists()
    False
    """
    return Path(tempfile.mkdtemp(prefix="ssi-kit-practica-")) / PLANS_FILE


# --- save and load ------------------------------------------------------------------------------
def save_plan(
    plan: BestPlan | list[str] | tuple[str, ...] | str,
    *,
    start: dt.date | str | None = None,
    ssi: Any = None,
    weeks: int | None = None,
    band: bool | float = True,
    name: str | None = None,
    path: str | PathLike[str] | None = None,
) -> SavedPlan:
    """Save a plan, with its projection and band, to check it later against your real SSI.

    Parameters
    ----------
    plan : BestPlan or list of action ids
        What :func:`ssi_kit.best_plan` returns, or the ids of your actions (then ``ssi`` is needed).
    start : date or str, optional
        The day you start (week 0): a date, ``"2025-01-06"`` or ``"06/01/2025"``; today by default.
    ssi : SSI, SSIProfile or str, optional
        Your SSI at the start. Needed with a list of actions; a BestPlan brings its own.
    weeks : int, optional
        The horizon (0–520 weeks): a BestPlan's own, or 26 (about six months).
    band : True or float
        The band's coverage (``True`` is 80 %). The comparison needs a band.
    name : str, optional
        A name to find it again; by default "Plan del <fecha>".
    path : path, optional
        The plans file; ``planes.sqlite`` in your user data folder by default.

    Returns
    -------
    SavedPlan
        The plan as saved (with its ``id``).

    Raises
    ------
    SSIInputError
        For a bad date, an unknown action, a missing SSI, no band, or a file that is not a
        plans file or is damaged (it is then left untouched).
    SSITypeError
        For arguments of the wrong type.

    Examples
    --------
    >>> from ssi_kit import SSI
    >>> saved = save_plan(["publicar", "grupos"], start="2025-01-06", ssi=SSI(6, 6, 5, 8), path=practice_file())
    >>> saved.actions, saved.minutes, saved.start.isoformat()
    (('publicar', 'grupos'), 70, '2025-01-06')
    """
    import numpy as np

    from ._catalog import resolve_plan
    from ._weeks import check_weeks
    from .score import as_ssi
    from .simulation import BestPlan, simulate

    store_path(path, _PLANS)  # a bad path is said before the projection is computed
    day = dt.date.today() if start is None else check_date(start, name="start")
    if isinstance(band, np.bool_):  # numpy's True or False, read out of a table
        band = bool(band)
    if band is None or band is False:
        raise SSIInputError(
            tr("«band» debe ser True o una probabilidad como 0,8: la comparación necesita la banda; recibido {r}.",
               "'band' must be True or a probability like 0.8: the comparison needs the band; received {r}.",
               r=short_repr(band)),
            field="band", received=band,
        )
    floor = None
    actions: list[Any]
    if isinstance(plan, BestPlan):
        actions = list(plan.actions)
        weeks = plan.weeks if weeks is None else check_weeks(weeks)
        first = plan.projection[(plan.projection["week"] == 0) & (plan.projection["pillar"] != "total")]
        scores = dict(zip(first["pillar"], first["score"].to_numpy(dtype=float)))
        start_ssi = as_ssi(ssi) if ssi is not None else SSI(*(float(scores[p]) for p in PILLARS))
        if ssi is None and "floor" in first.columns:  # the plan's own floor
            floors = dict(zip(first["pillar"], first["floor"].to_numpy(dtype=float)))
            floor = [float(floors[p]) for p in PILLARS]
    else:
        if isinstance(plan, str):
            plan = [plan]
        if ssi is None:
            raise SSIInputError(
                tr("Para guardar una lista de acciones necesito tu SSI de partida en «ssi».",
                   "To save a list of actions I need your starting SSI in 'ssi'.", ),
                field="ssi", received=None,
                hint=tr("Por ejemplo save_plan([\"publicar\"], ssi=mi_ssi), o guarda el resultado de best_plan.",
                        "For example save_plan([\"publicar\"], ssi=my_ssi), or save what best_plan returns."),
            )
        start_ssi = as_ssi(ssi)
        weeks = 26 if weeks is None else check_weeks(weeks)
        actions = list(plan) if isinstance(plan, (list, tuple)) else plan  # checked by simulate below
    if name is None:
        name = tr("Plan del {d}", "Plan of {d}", d=format_date(day))
    check_type(name, str, name="name", expected=tr("un texto", "text"))
    if not name.strip() or len(name) > 200:
        raise SSIInputError(tr("«name» debe tener entre 1 y 200 caracteres; recibido {r}.",
                               "'name' must have 1 to 200 characters; received {r}.", r=short_repr(name)),
                            field="name", received=name)
    projection = simulate(start_ssi, actions, weeks=weeks, band=band, floor=floor)
    resolved = resolve_plan(actions)  # checked by simulate just above
    ids = resolved.ids
    minutes = int(resolved.weekly_minutes(weeks).sum())
    coverage = 0.8 if band is True else float(band)
    created = dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")
    with transaction(path, _PLANS, write=True) as connection:
        assert connection is not None
        cursor = connection.execute(
            "INSERT INTO plans (name, created, start, weeks, minutes, band, actions, brand, people, insights, "
            "relationships) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (name, created, day.isoformat(), weeks, minutes, coverage, json.dumps(list(ids)), *start_ssi.as_tuple()),
        )
        plan_id = int(cursor.lastrowid or 0)
        connection.executemany(
            "INSERT INTO projection (plan_id, week, pillar, score, floor, low, high) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(plan_id, int(w), str(p), float(s), float(f), float(lo), float(hi)) for w, p, s, f, lo, hi in zip(
                projection["week"], projection["pillar"], projection["score"], projection["floor"],
                projection["low"], projection["high"])],
        )
    return SavedPlan(plan_id, name, created, day, weeks, minutes, ids, start_ssi, coverage, projection)


def _stored_actions(value: object) -> tuple[str, ...] | None:
    """The action ids a row holds as a JSON list, or None if it holds anything else."""
    if not readable_text(value):
        return None
    try:
        actions = json.loads(str(value))
    except (ValueError, RecursionError):
        return None
    if not isinstance(actions, list) or not all(isinstance(a, str) for a in actions):
        return None
    return tuple(actions)


def _whole(value: object, maximum: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= maximum


def _plan_problem(row: tuple[Any, ...]) -> str:
    """What is wrong with a ``plans`` row edited by hand or damaged ("" when nothing is)."""
    from .simulation import MAX_WEEKS

    _id, name, created, start, weeks, minutes, band, actions, *ssi = row
    if not readable_text(name) or not readable_text(created):
        return tr("su nombre o su fecha de guardado no se pueden leer", "its name or saving date cannot be read")
    if stored_date(start) is None:
        return tr("su fecha de inicio no es un día válido", "its start date is not a valid day")
    if not _whole(weeks, MAX_WEEKS) or not _whole(minutes, 2**31):
        return tr("sus semanas o sus minutos no son números enteros", "its weeks or minutes are not whole numbers")
    if stored_number(band, 0, 1) in (None, 0, 1):
        return tr("su banda no es una probabilidad entre 0 y 1", "its band is not a probability between 0 and 1")
    if _stored_actions(actions) is None:
        return tr("sus acciones no son una lista de acciones", "its actions are not a list of actions")
    if any(stored_number(v, 0, 25) is None for v in ssi):
        return tr("su SSI de partida no es válido", "its starting SSI is not valid")
    return ""


def _projection_frame(rows: list[tuple[Any, ...]], weeks: int) -> pd.DataFrame | None:
    """A saved projection as :func:`ssi_kit.simulate` gives it, or None if it is incomplete or damaged."""
    import pandas as pd

    order = {p: i for i, p in enumerate((*PILLARS, "total"))}
    cells = {(week, pillar) for week, pillar, *_ in rows}
    whole = {(week, pillar) for week in range(weeks + 1) for pillar in order}
    if cells != whole or len(rows) != len(whole) \
            or any(stored_number(v, 0, 100) is None for row in rows for v in row[2:]):
        return None
    rows = sorted(rows, key=lambda r: (r[0], order[r[1]]))
    codes = np.array([order[r[1]] for r in rows], dtype=np.int8)
    return pd.DataFrame({  # the column types of simulate()'s frame
        "week": np.array([r[0] for r in rows], dtype=np.int64),
        "pillar": pd.Categorical.from_codes(codes, categories=pd.Index(list(order))),
        "label": pd.Categorical.from_codes(codes, categories=pd.Index([*(pillar_label(p) for p in PILLARS), "total"])),
        "score": np.array([r[2] for r in rows], dtype=float),
        "floor": np.array([r[3] for r in rows], dtype=float),
        "low": np.array([r[4] for r in rows], dtype=float),
        "high": np.array([r[5] for r in rows], dtype=float),
    })


def _read_plan(connection: sqlite3.Connection, row: tuple[Any, ...]) -> SavedPlan | str:
    """The plan of a ``plans`` row and its projection, or what is wrong with them (a hand edit, damage)."""
    problem = _plan_problem(row)
    if problem:
        return problem
    projection = _projection_frame(connection.execute(
        "SELECT week, pillar, score, floor, low, high FROM projection WHERE plan_id = ?", (row[0],)).fetchall(), row[4])
    if projection is None:
        return tr("su proyección falta o está incompleta", "its projection is missing or incomplete")
    plan_id, name, created, start, weeks, minutes, band, actions, *ssi = row
    return SavedPlan(id=plan_id, name=name, created=created, start=stored_date(start) or dt.date.min,
                     weeks=weeks, minutes=minutes, band=float(band), actions=_stored_actions(actions) or (),
                     ssi=SSI(*(float(v) for v in ssi)), projection=projection)


def _plan_number(row: tuple[Any, ...]) -> str:
    return tr("el plan n.º {n}", "plan no. {n}", n=row[0])


def _no_plans(target: Path) -> SSIInputError:
    return SSIInputError(
        tr("Aún no hay ningún plan guardado en «{p}».", "There is no saved plan in '{p}' yet.", p=str(target)),
        field="path", received=str(target),
        hint=tr("Guarda uno con save_plan(ssi_kit.best_plan(mi_ssi, 150)).",
                "Save one with save_plan(ssi_kit.best_plan(my_ssi, 150))."),
    )


_QUERY = "SELECT " + ", ".join(_COLUMNS) + " FROM plans"


def load_plan(which: int | str | None = None, *, path: str | PathLike[str] | None = None) -> SavedPlan:
    """A saved plan: the latest one, or the one with this number or name.

    Parameters
    ----------
    which : int or str, optional
        The plan's ``id`` or ``name`` (the latest with that name); the latest plan by default.
    path : path, optional
        The plans file; ``planes.sqlite`` in your user data folder by default.

    Raises
    ------
    SSIInputError
        If there is no such plan (or none at all), or the file is not a plans file or is
        damaged; a plan edited by hand or damaged (an unreadable date, actions or
        projection) names its number, and the others can still be loaded.

    Examples
    --------
    >>> from ssi_kit import SSI
    >>> where = practice_file()
    >>> _ = save_plan(["publicar"], start="2025-01-06", ssi=SSI(6, 6, 5, 8), name="Publicar", path=where)
    >>> load_plan("Publicar", path=where).actions
    ('publicar',)
    """
    target = store_path(path, _PLANS)
    if which is not None and not isinstance(which, str):
        which = check_integer(which, name="which", minimum=1, maximum=2**63 - 1, hint=tr(
            "El número de un plan (su id) o su nombre entre comillas.",
            "A plan's number (its id) or its name in quotes."))
    with transaction(path, _PLANS, write=False) as connection:
        if connection is None:
            raise _no_plans(target)
        if which is None:
            row = connection.execute(_QUERY + " ORDER BY id DESC LIMIT 1").fetchone()
        elif isinstance(which, str):
            row = connection.execute(_QUERY + " WHERE name = ? ORDER BY id DESC LIMIT 1", (which,)).fetchone()
        else:
            row = connection.execute(_QUERY + " WHERE id = ?", (which,)).fetchone()
        if row is None:
            if which is None:
                raise _no_plans(target)
            names = [r[0] for r in connection.execute("SELECT DISTINCT name FROM plans ORDER BY id DESC LIMIT 10")]
            raise SSIInputError(
                tr("No hay ningún plan {w} en «{p}». Planes guardados: {names}.",
                   "There is no plan {w} in '{p}'. Saved plans: {names}.", w=short_repr(which), p=str(target),
                   names=", ".join(short_repr(n) for n in names if readable_text(n)) or "—"),
                field="which", received=which,
            )
        plan = _read_plan(connection, row)
    if isinstance(plan, str):
        raise unreadable_row(target, _PLANS, _plan_number(row), plan, hint=tr(
            "Tus otros planes siguen bien: carga otro con load_plan(número) o guarda uno nuevo con save_plan.",
            "Your other plans are fine: load another with load_plan(number) or save a new one with save_plan."))
    return plan


def list_plans(*, path: str | PathLike[str] | None = None) -> pd.DataFrame:
    """Every saved plan, newest first: ``id, name, created, start, weeks, minutes, actions``.

    An empty table when nothing has been saved yet. A plan edited by hand or damaged (one
    :func:`load_plan` cannot read) is left out with an :class:`~ssi_kit.errors.SSIWarning`
    naming its number; the file keeps it as it is.

    Examples
    --------
    >>> list_plans(path=practice_file()).empty
    True
    """
    import pandas as pd

    target = store_path(path, _PLANS)
    with transaction(path, _PLANS, write=False) as connection:
        found = [] if connection is None else [
            (row, _read_plan(connection, row)) for row in connection.execute(_QUERY + " ORDER BY id DESC").fetchall()]
    rows = []
    for row, plan in found:
        if isinstance(plan, str):
            warn_unreadable_row(target, _PLANS, _plan_number(row), plan, stacklevel=2)
        else:
            rows.append((plan.id, plan.name, plan.created, plan.start, plan.weeks, plan.minutes,
                         ", ".join(plan.actions)))
    frame = pd.DataFrame(rows, columns=["id", "name", "created", "start", "weeks", "minutes", "actions"])
    frame["start"] = pd.to_datetime(frame["start"]).astype("datetime64[ns]")
    return frame


# --- plan against reality -----------------------------------------------------------------------
def _history_dates(history: pd.DataFrame) -> pd.Series:
    import pandas as pd

    dates = history["date"]
    if not pd.api.types.is_datetime64_any_dtype(dates.dtype):
        values = []
        for row, value in zip(history.index, dates.tolist()):
            try:
                values.append(pd.Timestamp(check_date(value, name="date")))
            except (SSIInputError, SSITypeError):
                raise SSIInputError(
                    tr("La fila {row} del historial no tiene una fecha válida; recibido {r}.",
                       "Row {row} of the history has no valid date; received {r}.",
                       row=short_repr(row, 30), r=short_repr(value, 30)),
                    field="history", received=row,
                ) from None
        dates = pd.Series(values, index=history.index, dtype="datetime64[ns]")
    if getattr(dates.dt, "tz", None) is not None:
        dates = dates.dt.tz_localize(None)
    return dates


def compare_plan(plan: SavedPlan, history: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each SSI recorded since the plan started, against the plan's projection and band.

    Parameters
    ----------
    plan : SavedPlan
        What :func:`save_plan` or :func:`load_plan` returns.
    history : DataFrame, optional
        Your recorded SSIs, with the columns ``date`` and ``total`` (as
        :func:`ssi_kit.history.load_history` returns them, which is the default).

    Returns
    -------
    pandas.DataFrame
        One row per snapshot from the start day to the plan's last week, by date:
        ``date, week`` (weeks since the start, from the calendar days), ``total`` (recorded),
        ``projected, low, high`` (the projection and its band at that week, interpolated
        between whole weeks), ``status`` (``"above"``, ``"inside"`` or ``"below"``) and
        ``label`` (the status in words).

    Raises
    ------
    SSIInputError
        If the history lacks ``date`` or ``total``, or a row has no valid date or a total outside 0–100.
    SSITypeError
        If ``plan`` is not a saved plan or ``history`` not a table.

    Examples
    --------
    >>> import pandas as pd
    >>> from ssi_kit import SSI
    >>> plan = save_plan(["publicar"], start="2025-01-06", ssi=SSI(6, 6, 5, 8), path=practice_file())
    >>> history = pd.DataFrame({"date": pd.to_datetime(["2025-01-20"]), "total": [26.0]})
    >>> compare_plan(plan, history).week.tolist()
    [2.0]
    """
    import pandas as pd

    check_type(plan, SavedPlan, name="plan", expected=tr(
        "un plan guardado (lo que devuelven save_plan o load_plan)",
        "a saved plan (what save_plan or load_plan return)"))
    if history is None:
        from .history import load_history

        history = load_history()
    frame = check_frame(history, name="history", required=("date", "total"), expected=tr(
        "tu historial de SSI (ssi_kit.history.load_history())", "your SSI history (ssi_kit.history.load_history())"))
    dates = _history_dates(frame)
    totals = pd.to_numeric(frame["total"], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    bad = dates.isna().to_numpy() | ~(totals >= 0) | ~(totals <= 100)
    if bad.any():
        row = frame.index[int(np.argmax(bad))]
        raise SSIInputError(
            tr("La fila {row} del historial necesita una fecha y un total entre 0 y 100.",
               "Row {row} of the history needs a date and a total between 0 and 100.", row=short_repr(row, 30)),
            field="history", received=row,
        )
    days = (dates.dt.normalize() - pd.Timestamp(plan.start)).dt.days.to_numpy(dtype=float)
    week = days / 7
    keep = (week >= 0) & (week <= plan.weeks)
    order = np.argsort(dates.to_numpy()[keep], kind="stable")
    week, recorded = week[keep][order], totals[keep][order]
    line = plan.projection[plan.projection["pillar"] == "total"].sort_values("week")
    grid = line["week"].to_numpy(dtype=float)
    projected = np.interp(week, grid, line["score"].to_numpy(dtype=float))
    low = np.interp(week, grid, line["low"].to_numpy(dtype=float))
    high = np.interp(week, grid, line["high"].to_numpy(dtype=float))
    status = np.where(recorded > high + _EPSILON, "above", np.where(recorded < low - _EPSILON, "below", "inside"))
    return pd.DataFrame({
        "date": dates.to_numpy()[keep][order].astype("datetime64[ns]"),
        "week": np.round(week, 3),
        "total": recorded,
        "projected": np.round(projected, 3),
        "low": np.round(low, 3),
        "high": np.round(high, 3),
        "status": status.astype(object),
        "label": [status_label(s) for s in status],
    })


def status_label(status: str) -> str:
    """A status in words: ``"por encima"``, ``"dentro de la banda"``, ``"por debajo"``.

    Examples
    --------
    >>> status_label("inside")
    'dentro de la banda'
    """
    labels = {"above": tr("por encima", "above"), "inside": tr("dentro de la banda", "inside the band"),
              "below": tr("por debajo", "below")}
    return check_choice(status, labels, name="status", shown=STATUSES)


_ADVICE = {
    "above": (
        "Tu SSI va por encima de lo previsto: en la semana {week} tienes {total} y el plan esperaba entre {low} y "
        "{high}. Lo que haces rinde más de lo que el modelo estimaba: mantén el ritmo y, si te sobra tiempo, suma "
        "una acción para tu pilar más débil.",
        "Your SSI is above the plan: in week {week} you have {total} and the plan expected between {low} and "
        "{high}. What you do works better than the model estimated: keep the pace and, with time to spare, add "
        "an action for your weakest pillar.",
    ),
    "inside": (
        "Tu SSI va dentro de la banda prevista: en la semana {week} tienes {total} y el plan esperaba entre {low} y "
        "{high}. Vas según el plan: sigue con las mismas acciones cada semana, la constancia es lo que cuenta.",
        "Your SSI is inside the expected band: in week {week} you have {total} and the plan expected between {low} "
        "and {high}. You are on plan: keep the same actions every week, steadiness is what counts.",
    ),
    "below": (
        "Tu SSI va por debajo de lo previsto: en la semana {week} tienes {total} y el plan esperaba entre {low} y "
        "{high}. Revisa si haces todas las acciones cada semana; si no te da el tiempo, guarda un plan más pequeño "
        "que sí puedas cumplir (en el simulador de la lección 2, con menos minutos). Es el modelo de ssi-kit, "
        "orientativo: úsalo para ajustar, no "
        "para juzgarte.",
        "Your SSI is below the plan: in week {week} you have {total} and the plan expected between {low} and "
        "{high}. Check that you do every action each week; if time is short, save a smaller plan you can keep "
        "(in lesson 2's simulator, with fewer minutes). It is ssi-kit's rough model: use it to adjust, not to judge "
        "yourself.",
    ),
}


def describe_plan_comparison(comparison: pd.DataFrame) -> str:
    """What :func:`compare_plan`'s table means, in plain words, and what to do about it.

    Speaks of the latest snapshot (above, inside or below the band) and counts the others.

    Raises
    ------
    SSIInputError, SSITypeError
        If ``comparison`` is not a table from :func:`compare_plan`.

    Examples
    --------
    >>> import pandas as pd
    >>> describe_plan_comparison(pd.DataFrame(columns=["week", "total", "low", "high", "status"]))[:40]
    'Aún no hay medidas desde que empezaste e'
    """
    frame = check_frame(comparison, name="comparison", required=("week", "total", "low", "high", "status"),
                        expected=tr("la tabla de compare_plan(plan, historial)",
                                    "the table of compare_plan(plan, history)"),
                        numbers=("week", "total", "low", "high"), text=("status",),
                        complete=("week", "total", "low", "high", "status"))
    if frame.empty:
        return tr("Aún no hay medidas desde que empezaste el plan. Apunta tu SSI una vez a la semana "
                  "(ssi_kit.history.record(mi_ssi)) y vuelve a comparar dentro de unos días.",
                  "There are no measurements since you started the plan yet. Record your SSI once a week "
                  "(ssi_kit.history.record(my_ssi)) and compare again in a few days.")
    statuses = frame["status"].tolist()
    unknown = [s for s in statuses if s not in STATUSES]
    if unknown:
        raise SSIInputError(
            tr("La columna «status» solo admite {o}; recibido {r}.",
               "The column 'status' only takes {o}; received {r}.", o=", ".join(STATUSES), r=short_repr(unknown[0])),
            field="comparison", received=unknown[0],
        )
    last = frame.iloc[-1]
    values = {key: format_number(float(last[key]), 1) for key in ("week", "total", "low", "high")}
    es, en = _ADVICE[str(last["status"])]
    text = tr(es, en, **values)
    if len(frame) > 1:
        counts = {s: statuses.count(s) for s in STATUSES}
        text += " " + tr(
            "De tus {n} desde el inicio: {a} por encima, {i} dentro de la banda y {b} por debajo.",
            "Of your {n} since the start: {a} above, {i} inside the band and {b} below.",
            n=plural(len(frame), "medida", "medidas", "measurement", "measurements"),
            a=counts["above"], i=counts["inside"], b=counts["below"],
        )
    return text


# --- an example history for the lessons ---------------------------------------------------------
def example_history(plan: SavedPlan, *, weeks: int = EXAMPLE_HISTORY_WEEKS, seed: int = 0) -> pd.DataFrame:
    """Made-up weekly SSIs of someone following ``plan``, for practice (not real data).

    Week by week from the plan's start: the first weeks as planned, then the person does only
    part of the plan, with a little noise, as happens in real life. The columns are those of
    :func:`ssi_kit.history.load_history`.

    Examples
    --------
    >>> from ssi_kit import SSI
    >>> plan = save_plan(["publicar"], start="2025-01-06", ssi=SSI(6, 6, 5, 8), path=practice_file())
    >>> example_history(plan, weeks=3).date.dt.strftime("%Y-%m-%d").tolist()
    ['2025-01-06', '2025-01-13', '2025-01-20', '2025-01-27']
    """
    import pandas as pd

    check_type(plan, SavedPlan, name="plan", expected=tr("un plan guardado", "a saved plan"))
    weeks = check_integer(weeks, name="weeks", maximum=plan.weeks)
    rng = np.random.default_rng(check_seed(seed))
    pillars = plan.projection[plan.projection["pillar"] != "total"]
    grid = pillars.pivot(index="week", columns="pillar", values="score")[list(PILLARS)].to_numpy()
    start = np.asarray(plan.ssi.as_tuple())
    effort = np.where(np.arange(weeks + 1) <= 4, 1.0, 0.35)[:, None]  # steady for a month, then less
    noise = rng.normal(0, 0.15, size=(weeks + 1, len(PILLARS)))
    noise[0] = 0
    values = np.clip(start + (grid[: weeks + 1] - start) * effort + noise, 0, 25).round(3)
    frame = pd.DataFrame(values, columns=list(PILLARS))
    frame.insert(0, "date", pd.to_datetime([plan.start + dt.timedelta(weeks=w) for w in range(weeks + 1)]))
    frame["total"] = frame[list(PILLARS)].sum(axis=1).round(3)
    frame["industry"] = np.nan
    frame["network"] = np.nan
    return frame
