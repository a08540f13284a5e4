"""A teaching model of how actions move your SSI over the weeks.

LinkedIn does not publish its formula. This module is **not** LinkedIn's formula: it is a
small, transparent model for thinking about a plan, with its parameters in an editable
file (``data/acciones.csv``, read by :mod:`ssi_kit.actions`). Which action feeds which pillar
comes from the course; the kinds, minutes and effects are ssi-kit's estimates. Each pillar:

* **weekly actions** (habits) close, every week, a share of the gap to 25 (``effect / 25``
  of it; ``effect`` is the points per week the action would give on an empty pillar).
  Several combine with diminishing returns: ``k = 1 - Π(1 - effect/25)``. A pillar with at
  least one weekly action does **not** fade;
* **one-off actions** (``kind == "once"``: completing the profile, adding work samples)
  close their share of the gap once, in week 1. The lift stays: it never repeats and it
  raises the floor by as much;
* an **idle** pillar (no weekly action) fades, ``decay`` of its distance above a **floor**
  each week. The floor stands for lasting assets: by default ``floor_fraction`` of the
  starting score (the profile and network you start with), plus the one-off lifts. It is a
  column of the result, and a run started from a previous projection keeps it, so chaining
  runs never lowers it again (or pass ``floor=`` yourself).

In one line: ``s[t+1] = s[t] + k·(25 − s[t]) − decay·idle·(s[t] − floor)``. Scores stay in
0–25, more actions never give a lower score, gains shrink near 25, week 0 is your SSI.

**Calibration target** (an ssi-kit choice, not a LinkedIn figure): from a typical 25
(``SSI(6, 6, 5, 8)``), the best plan of 150–180 minutes a week ends six months (26 weeks) in
the 60–70 range, two hours near 60, the whole catalog below 90; ``tests/test_simulation.py``
checks it.

**Budget**: a weekly action costs its minutes every week; a one-off action's minutes are
spread over the horizon, rounded up (:meth:`ssi_kit.actions.ActionPlan.weekly_minutes`).
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from os import PathLike
from typing import TYPE_CHECKING, Any

import numpy as np

from ._catalog import ActionPlan, as_catalog, resolve_plan
from ._checks import check_frame, check_integer, check_number, check_probability, check_seed
from ._i18n import format_number, format_thousands, plural, short_repr, tr
from ._weeks import MAX_WEEKS, PLAN_WEEKS, PROJECTION_WEEKS, check_budget, check_weeks
from .errors import SSIInputError, SSITypeError
from .score import PILLAR_MAX, PILLARS, SSI, SSIProfile, as_ssi, pillar_key, pillar_label

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DECAY",
    "FLOOR_FRACTION",
    "MAX_ROWS",
    "MAX_WEEKS",
    "PLAN_WEEKS",
    "PROJECTION_WEEKS",
    "BestPlan",
    "best_plan",
    "check_projection",
    "projection_at",
    "recommend",
    "simulate",
    "simulate_many",
]

DECAY = 0.015  # share of the distance above the floor lost per week without enough activity
FLOOR_FRACTION = 0.5  # an idle pillar keeps at least half of its starting score
MAX_ROWS = 5_000_000  # rows of simulate_many's frame: about 200 MB (450 MB at the peak), a laptop copes
MAX_PER_PILLAR = 16  # best_plan enumerates each pillar's subsets: 2**16 is still quick
BAND_SIGMA = 0.4  # spread (log scale) of an action's real effect around the catalog value


def _check_model(decay: object, floor_fraction: object) -> tuple[float, float]:
    return (check_number(decay, name="decay", maximum=0.5),
            check_number(floor_fraction, name="floor_fraction", maximum=1.0))


def _band_limits(band: object) -> tuple[float, float] | None:
    """Percentiles of the band, or None; ``True`` means an 80 % band."""
    if band is None or isinstance(band, (bool, np.bool_)):
        width: float | None = 0.8 if band else None
    else:
        width = check_probability(band, name="band", hint=tr(
            "Es la probabilidad que cubre la banda: 0,8 (o True) significa 80 %.",
            "It is the probability the band covers: 0.8 (or True) means 80%."))
    return None if width is None else (50 * (1 - width), 50 * (1 + width))


# --- the numeric core ---------------------------------------------------------------------
@dataclass(frozen=True)
class _Rates:
    """What some actions do to each pillar (or to each group of actions), arrays of shape ``(..., groups)``."""

    weekly: np.ndarray  # share of the gap to 25 closed every week: 1 - Π(1 - rate) of the weekly actions
    lift: np.ndarray  # share of the gap closed once, in week 1, by the one-off actions
    active: np.ndarray  # True where the group has at least one weekly action (it does not fade)


def _combined_rates(rate: np.ndarray, once: np.ndarray, members: np.ndarray) -> _Rates:
    """The model's one rule for combining actions: ``1 - Π(1 - rate)`` over each group's members.

    ``rate`` is ``(..., actions)`` (several draws of the rates at once are fine), ``once``
    ``(actions,)`` and ``members`` ``(actions, groups)``, 1 where an action belongs to a group:
    a pillar (:func:`_pillar_rates`), one subset of a pillar's actions (:func:`best_plan`) or
    one action alone (:func:`recommend`). Weekly and one-off actions combine separately.
    """
    log_keep = np.log1p(-np.minimum(rate, 1.0 - 1e-12))  # a rate of 1 would give -inf, and -inf × 0 is NaN
    weekly = -np.expm1(np.where(once, 0.0, log_keep) @ members)
    lift = -np.expm1(np.where(once, log_keep, 0.0) @ members)
    active = (~once).astype(float) @ members > 0
    return _Rates(weekly, lift, active)


def _pillar_rates(plan: ActionPlan, rate: np.ndarray | None = None) -> _Rates:
    """Combined rates per pillar, ``(..., 4)``; ``rate`` replaces the plan's (the band's draws)."""
    onehot = np.zeros((len(plan.ids), len(PILLARS)))
    onehot[np.arange(len(plan.ids)), plan.pillar] = 1.0
    return _combined_rates(plan.rate if rate is None else rate, plan.once, onehot)


def _step(
    s: np.ndarray, k: np.ndarray, floor: np.ndarray, fade: np.ndarray, out: np.ndarray, scratch: np.ndarray,
) -> np.ndarray:
    """One week into ``out``: ``s + k·(25 − s) − fade·(s − floor)``, kept in 0–25.

    Actions close ``k`` of the gap to 25; an idle pillar (``fade > 0``) fades toward its floor.
    ``scratch`` is two arrays of ``s``'s shape, reused week after week (fresh memory costs more
    than the arithmetic).
    """
    gap = np.subtract(PILLAR_MAX, s, out=scratch[0])
    gap *= k
    above = np.subtract(s, floor, out=scratch[1])
    above *= fade
    np.add(s, gap, out=out)
    out -= above
    return np.clip(out, 0.0, PILLAR_MAX, out=out)


def _weeks(
    s0: np.ndarray, rates: _Rates, weeks: int, decay: float, floor: np.ndarray,
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Scores and floors of week 0, 1, … ``weeks``, one week at a time: the one formula of the model.

    Week 1 starts with the one-off lift, which raises the floor by as much (it is a lasting
    asset); then every week the weekly actions close their share of the gap, and only the
    pillars without a weekly action fade (``decay`` of the distance above the floor).
    Arrays broadcast together; a yielded array holds its week until the next one is asked for.
    """
    s0, floor = np.asarray(s0, dtype=float), np.asarray(floor, dtype=float)
    shape = np.broadcast_shapes(s0.shape, rates.weekly.shape, rates.lift.shape, rates.active.shape, floor.shape)
    s = np.broadcast_to(s0, shape)
    yield s, np.broadcast_to(floor, shape)
    if not weeks:
        return
    k, fade = rates.weekly, np.where(rates.active, 0.0, decay)  # kept small: they broadcast in each step
    gained = rates.lift * (PILLAR_MAX - s)
    s = s + gained
    floor = np.minimum(floor + gained, s)
    buffers, scratch = np.empty((2, *shape)), np.empty((2, *shape))
    for week in range(weeks):
        s = _step(s, k, floor, fade, out=buffers[week % 2], scratch=scratch)
        yield s, floor


def _run(
    s0: np.ndarray, rates: _Rates, weeks: int, decay: float, floor: np.ndarray,
    *, out: tuple[np.ndarray, np.ndarray] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Weekly scores and floors, each ``(weeks + 1, *shape)``: :func:`_weeks`, kept (in ``out`` if given)."""
    scores, floors = out if out is not None else (None, None)
    previous = None
    for week, (s, floor_now) in enumerate(_weeks(s0, rates, weeks, decay, floor)):
        if scores is None or floors is None:
            scores, floors = np.empty((weeks + 1, *s.shape)), np.empty((weeks + 1, *s.shape))
        scores[week] = s
        if floor_now is not previous:  # the floor changes in week 1 only: written once for the weeks after
            floors[week:] = previous = floor_now
    assert scores is not None and floors is not None
    return scores, floors


def _round(values: np.ndarray) -> np.ndarray:
    return np.round(values, 3) + 0.0


def _band(
    s0: np.ndarray, floor: np.ndarray, plan: ActionPlan, weeks: int, decay: float,
    limits: tuple[float, float], draws: int, seed: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Percentiles ``limits`` of pillars+total over ``draws`` seeded runs, each ``(weeks+1, n, 5)``.

    Week by week, so memory holds one week of every draw, never all weeks at once.
    """
    rng = np.random.default_rng(seed)
    factor = np.exp(rng.normal(0.0, BAND_SIGMA, size=(draws, len(plan.ids))))
    rates = _pillar_rates(plan, np.minimum(plan.rate * factor, 1.0))  # (draws, 4); active is (4,)
    # Layout (n, 4, draws): the percentile runs along contiguous memory.
    per_draw = _Rates(rates.weekly.T[None, :, :], rates.lift.T[None, :, :], rates.active[:, None])
    n = len(s0)
    runs = np.empty((n, len(PILLARS) + 1, draws))  # row 4 is the total
    low, high = np.empty((weeks + 1, n, 5)), np.empty((weeks + 1, n, 5))
    for week, (s, _floor) in enumerate(_weeks(s0[:, :, None], per_draw, weeks, decay, floor[:, :, None])):
        runs[:, :4] = s
        np.sum(s, axis=1, out=runs[:, 4])
        low[week], high[week] = np.percentile(runs, limits, axis=2)
    return low, high


def _simulate_arrays(
    s0: np.ndarray, floor: np.ndarray, plan: ActionPlan, weeks: int, decay: float,
    band: tuple[float, float] | None = None, draws: int = 0, seed: int = 0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray | None, np.ndarray | None]:
    """Rounded pillars+total and floors+total, shape ``(n, weeks+1, 5)``, and the band's low/high (or None).

    Learner-major, the order of :func:`_tidy`'s rows, so the table takes the arrays as they are.
    The run writes straight into them, and they share one block of memory: for a class, fresh
    memory in many pieces cost more than the arithmetic (numpy asks for large pages for a block
    of 4 MB or more).
    """
    block = np.zeros((2 if band is None else 4, len(s0), weeks + 1, len(PILLARS) + 1))
    scores, floors = block[0], block[1]
    by_week = scores[..., :4].transpose(1, 0, 2), floors[..., :4].transpose(1, 0, 2)
    _run(s0, _pillar_rates(plan), weeks, decay, floor, out=by_week)
    np.minimum(floors, scores, out=floors)  # the floor never shows above the score
    for table in scores, floors:
        _add_total(table)
    if band is None:
        return scores, floors, None, None
    low, high = block[2], block[3]
    for table, side in zip((low, high), _band(s0, floor, plan, weeks, decay, band, draws, seed), strict=True):
        table[...] = side.transpose(1, 0, 2)
        np.round(table, 3, out=table)
        table += 0.0
    np.minimum(low, scores, out=low)
    np.maximum(high, scores, out=high)
    return scores, floors, low, high


def _add_total(table: np.ndarray) -> None:
    """Round a table's four pillars in place and put their rounded total in its fifth column."""
    pillars, total = table[..., :4], table[..., 4]
    np.round(table, 3, out=table)  # as _round(), in place; the whole table at once is the fast path
    np.add(pillars[..., 0], pillars[..., 1], out=total)  # in pillar order, as a sum over the row
    total += pillars[..., 2]
    total += pillars[..., 3]
    np.round(table, 3, out=table)  # rounding again leaves the pillars as they are
    table += 0.0  # no -0.0


def _tidy(
    scores: np.ndarray, floors: np.ndarray, low: np.ndarray | None, high: np.ndarray | None,
    learners: pd.Index | None,
) -> pd.DataFrame:
    """The arrays ``(n, weeks+1, 5)`` as a tidy table, one row per (learner,) week and pillar.

    ``pillar`` and ``label`` are categorical, their categories in pillar order then total
    (five values over many rows: building them as text was most of simulate_many's time).
    """
    import pandas as pd

    n, n_weeks, n_cols = scores.shape
    labels = [pillar_label(p) for p in PILLARS] + ["total"]
    columns: dict[str, Any] = {}
    # Row order: learner, week, pillar. Weeks and learners' positions share one block (see _simulate_arrays).
    positions = np.empty((2 if learners is not None else 1, n, n_weeks, n_cols), dtype=np.int64)
    positions[0] = np.arange(n_weeks)[None, :, None]
    if learners is not None:
        positions[1] = np.arange(n)[:, None, None]
        if isinstance(learners, pd.MultiIndex):
            learners = learners.to_flat_index()  # each learner named by its tuple
        plain = isinstance(learners, pd.RangeIndex) and learners.start == 0 and learners.step == 1
        # The index's own type (names, numbers, tuples): no text re-inferred row by row.
        columns["learner"] = positions[1].reshape(-1) if plain else learners.take(positions[1].reshape(-1))
    columns["week"] = positions[0].reshape(-1)
    each_pillar = np.tile(np.arange(n_cols, dtype=np.int8), n_weeks * n)
    columns["pillar"] = pd.Categorical.from_codes(each_pillar, categories=pd.Index([*PILLARS, "total"]),
                                                  validate=False)
    columns["label"] = pd.Categorical.from_codes(each_pillar, categories=pd.Index(labels), validate=False)
    columns["score"] = scores.reshape(-1)
    columns["floor"] = floors.reshape(-1)
    if low is not None and high is not None:
        columns["low"] = low.reshape(-1)
        columns["high"] = high.reshape(-1)
    return pd.DataFrame(columns, copy=False)  # the arrays are new: no need to copy them again


def _start(ssi: object, floor: object, floor_fraction: float) -> tuple[SSI, np.ndarray]:
    """Where a run starts and its floor per pillar.

    The floor stands for lasting assets: by default ``floor_fraction`` of the starting
    pillars (the profile and network you start with). A previous projection as ``ssi``
    starts from its last week *and* keeps its floor, so chaining runs never lowers it;
    an explicit ``floor`` (an SSI, four numbers or a pillar → number mapping) wins.
    """
    import pandas as pd

    carried: np.ndarray | None = None
    if isinstance(ssi, (pd.DataFrame, BestPlan)):
        frame = check_projection(ssi, name="ssi")
        source = ssi.projection if isinstance(ssi, BestPlan) else ssi
        last = frame[(frame["week"] == frame["week"].max()) & (frame["pillar"] != "total")].set_index("pillar")
        start = SSI(*(float(last.loc[p, "score"]) for p in PILLARS))
        if "floor" in source.columns:
            ends = source[(source["week"] == source["week"].max()) & (source["pillar"] != "total")]
            by_pillar = dict(zip(ends["pillar"], _column_values(ends["floor"]), strict=True))
            carried = np.array([by_pillar.get(p, np.nan) for p in PILLARS])
    else:
        start = as_ssi(ssi)
    s0 = np.asarray(start.as_tuple(), dtype=float)
    if floor is not None:
        carried = _floor_values(floor)
    if carried is None:
        return start, _round(floor_fraction * s0)
    bad = ~np.isfinite(carried) | (carried < 0) | (carried > s0 + 1e-9)
    if bad.any():
        pillar = PILLARS[int(np.argmax(bad))]
        raise SSIInputError(
            tr("El suelo del pilar «{label}» debe estar entre 0 y su valor de partida ({start}); recibido {r}.",
               "The floor of the pillar '{label}' must be between 0 and its starting value ({start}); received {r}.",
               label=pillar_label(pillar), start=format_number(getattr(start, pillar)),
               r=short_repr(carried[PILLARS.index(pillar)])),
            field="floor", received=carried.tolist(),
            hint=tr("El suelo es lo que conservas sin actividad: nunca más que lo que tienes.",
                    "The floor is what you keep without activity: never more than what you have."),
        )
    return start, np.minimum(carried, s0)


def _floor_values(floor: object) -> np.ndarray:
    """An explicit floor as four numbers (an SSI, a sequence of four, or a pillar → number mapping)."""
    if isinstance(floor, SSI):
        return np.asarray(floor.as_tuple(), dtype=float)
    if isinstance(floor, Mapping):
        values = {pillar_key(k): v for k, v in floor.items()}
        missing = [pillar_label(p) for p in PILLARS if p not in values]
        if missing:
            raise SSIInputError(
                tr("Al suelo le faltan pilares: {missing}.", "The floor lacks pillars: {missing}.",
                   missing=", ".join(missing)),
                field="floor", received=short_repr(floor),
            )
        items = [values[p] for p in PILLARS]
    elif isinstance(floor, Iterable) and not isinstance(floor, (str, bytes)):
        items = list(floor)
    else:
        raise SSITypeError(
            tr("«floor» debe ser un SSI, cuatro números o un diccionario pilar → número; recibido {kind}.",
               "'floor' must be an SSI, four numbers or a pillar → number dict; received {kind}.",
               kind=type(floor).__name__),
            field="floor", received=floor,
        )
    if len(items) != len(PILLARS):
        raise SSIInputError(
            tr("«floor» necesita un número por pilar (4); recibido {n}.",
               "'floor' needs one number per pillar (4); received {n}.", n=len(items)),
            field="floor", received=short_repr(floor),
        )
    return np.array([check_number(v, name="floor", maximum=PILLAR_MAX) for v in items])


# --- public functions ---------------------------------------------------------------------
def simulate(
    ssi: SSI | SSIProfile | str | pd.DataFrame,
    actions: Iterable[str] | pd.DataFrame | str | None = (),
    weeks: int = PROJECTION_WEEKS,
    *,
    catalog: pd.DataFrame | str | PathLike[str] | None = None,
    decay: float = DECAY,
    floor_fraction: float = FLOOR_FRACTION,
    floor: SSI | Iterable[float] | Mapping[str, float] | None = None,
    band: bool | float | None = None,
    draws: int = 400,
    seed: int = 0,
) -> pd.DataFrame:
    """Project your SSI week by week if you keep doing some actions (a teaching model).

    Parameters
    ----------
    ssi : SSI, SSIProfile, str or DataFrame
        Where you start (week 0). Text is read with :meth:`SSI.parse`. A previous
        projection continues it: its last week and its floor.
    actions : list of ids, DataFrame or None
        What you do (weekly actions every week, one-off ones once): ids from
        :func:`load_actions` (``["publicar", "grupos"]``) or some of its rows. Empty or
        None: you do nothing, and the pillars slowly fade.
    weeks : int
        How many weeks to project (0–520); about 26 are six months.
    catalog : DataFrame or path, optional
        The catalog the ids refer to; the course's by default.
    decay, floor_fraction : float
        The model's fading: share of the distance above the floor lost per week by a pillar
        without weekly actions (0–0.5), and the default floor as a share of the starting
        score (0–1).
    floor : SSI, four numbers or dict, optional
        The floor of each pillar (what you keep without activity), each between 0 and the
        starting value; by default ``floor_fraction`` of the start, or the floor carried by
        a projection passed as ``ssi``.
    band : bool or float, optional
        Add ``low`` and ``high`` columns: the range that holds ``band`` of the outcomes
        (``True`` means 0.8) if each action's real effect is weaker or stronger than the
        catalog says (seeded Monte Carlo, ``draws`` runs; same ``seed``, same band).
    draws : int
        Runs behind the band (10–100,000).
    seed : int
        Seed of the band's runs (a whole number, 0 or more).

    Returns
    -------
    pandas.DataFrame
        Tidy: ``week, pillar, label, score, floor`` (plus ``low, high`` with a band), one
        row per week and pillar, and a row with ``pillar == "total"`` (0–100) per week.
        ``pillar`` and ``label`` are categorical (categories in pillar order, then total):
        compare them with text as usual (``proj.pillar == "total"``).

    Raises
    ------
    SSIInputError
        For an unknown action id, a bad catalog row, weeks outside 0–520, a band outside
        (0, 1), or another option out of its range.
    SSITypeError
        If ``ssi``, ``actions`` or ``catalog`` is of a type that cannot be used.

    Examples
    --------
    >>> proj = simulate(SSI(6, 6, 5, 8), ["publicar", "grupos"], weeks=26)
    >>> proj.query("week == 0 and pillar == 'total'").score.item()
    25.0
    """
    decay, floor_fraction = _check_model(decay, floor_fraction)
    start, floor_values = _start(ssi, floor, floor_fraction)
    plan = resolve_plan(actions, catalog=catalog)
    weeks = check_weeks(weeks)
    limits = _band_limits(band)
    draws = check_integer(draws, name="draws", minimum=10, maximum=100_000)
    seed = check_seed(seed)
    s0 = np.array([start.as_tuple()])
    scores, floors, low, high = _simulate_arrays(s0, floor_values[None, :], plan, weeks, decay, limits, draws, seed)
    return _tidy(scores, floors, low, high, None)


def _column_values(column: pd.Series) -> np.ndarray:
    """A pillar column as floats; anything that is not a real number becomes NaN (a bad row)."""
    if column.dtype.kind in "iuf":  # numpy's and pandas' nullable integers and floats
        return column.to_numpy(dtype=float, na_value=np.nan)
    values = np.full(len(column), np.nan)
    for i, value in enumerate(column.tolist()):
        if isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_)):
            try:
                values[i] = float(value)
            except (TypeError, ValueError, OverflowError):
                pass
    return values


def _learner_scores(ssis: object) -> tuple[np.ndarray, pd.Index]:
    """Many SSIs as an ``(n, 4)`` array, checked, with the learners' names."""
    import pandas as pd

    if isinstance(ssis, pd.DataFrame):
        frame = check_frame(ssis, name="ssis", expected=tr("una tabla con una fila por persona",
                                                            "a table with one row per person"))
        columns: dict[str, list[Any]] = {}
        for column in frame.columns:
            try:
                columns.setdefault(pillar_key(column), []).append(column)
            except (SSIInputError, SSITypeError):
                continue
        doubled = {p: c for p, c in columns.items() if len(c) > 1}
        if doubled:
            raise SSIInputError(
                tr("La tabla «ssis» tiene más de una columna para el pilar {pillars}: {cols}. Deja una.",
                   "The table 'ssis' has more than one column for the pillar {pillars}: {cols}. Keep one.",
                   pillars=", ".join(pillar_label(p) for p in doubled),
                   cols=", ".join(short_repr(c) for cs in doubled.values() for c in cs)),
                field="ssis", received=[c for cs in doubled.values() for c in cs],
            )
        missing = [pillar_label(p) for p in PILLARS if p not in columns]
        if missing:
            raise SSIInputError(
                tr("La tabla necesita una columna por pilar ({pillars}); faltan: {missing}.",
                   "The table needs one column per pillar ({pillars}); missing: {missing}.",
                   pillars=", ".join(PILLARS), missing=", ".join(missing)),
                field="ssis", received=[short_repr(c) for c in frame.columns],
            )
        values = np.column_stack([_column_values(frame[columns[p][0]]) for p in PILLARS]).reshape(-1, len(PILLARS))
        names = frame.index
    else:
        items = _items(ssis)
        values = np.array([s.as_tuple() for s in items], dtype=float).reshape(-1, len(PILLARS))
        return values, pd.RangeIndex(len(items))
    bad = ~np.isfinite(values) | (values < 0) | (values > PILLAR_MAX)
    if bad.any():
        rows = [names[int(i)] for i in np.flatnonzero(bad.any(axis=1))]
        shown = ", ".join(short_repr(r, 30) for r in rows[:10]) + (" …" if len(rows) > 10 else "")
        raise SSIInputError(
            tr("Cada pilar debe ser un número entre 0 y 25; {people} con valores fuera de rango, vacíos o "
               "que no son números: {rows}.",
               "Each pillar must be a number between 0 and 25; {people} with values out of range, empty or "
               "not numbers: {rows}.",
               people=plural(len(rows), "persona", "personas", "person", "people"), rows=shown),
            field="ssis", received=rows,
            hint=tr("Revisa esas filas (el índice de la tabla las nombra).",
                    "Check those rows (the table's index names them)."),
        )
    return _round(values), names


def _items(ssis: object) -> list[SSI]:
    """The SSIs of a list (or any iterable but text and dicts), each checked."""
    if isinstance(ssis, Iterable) and not isinstance(ssis, (str, bytes, Mapping)):
        try:
            iterator = iter(ssis)
        except TypeError:  # a 0-d array says it is iterable and is not
            pass
        else:
            return [as_ssi(s, name="ssis") for s in iterator]
    raise SSITypeError(
            tr("simulate_many espera una tabla con una fila por persona y las columnas {pillars}, "
               "o una lista de SSI; recibido {kind}.",
               "simulate_many expects a table with one row per person and the columns {pillars}, "
               "or a list of SSIs; received {kind}.",
               pillars=", ".join(PILLARS), kind=type(ssis).__name__),
            field="ssis", received=ssis,
        )


def simulate_many(
    ssis: pd.DataFrame | Iterable[SSI],
    actions: Iterable[str] | pd.DataFrame | str | None = (),
    weeks: int = PROJECTION_WEEKS,
    *,
    catalog: pd.DataFrame | str | PathLike[str] | None = None,
    decay: float = DECAY,
    floor_fraction: float = FLOOR_FRACTION,
) -> pd.DataFrame:
    """:func:`simulate` for a whole class at once (vectorised), same results row by row.

    Parameters
    ----------
    ssis : DataFrame or list of SSI
        One row per learner with the columns ``brand, people, insights, relationships``
        (or their Spanish labels); the index names the learners.
    actions, weeks, catalog, decay, floor_fraction
        As in :func:`simulate`; everyone does the same actions.

    Returns
    -------
    pandas.DataFrame
        ``learner, week, pillar, label, score, floor``: :func:`simulate`'s rows for each
        learner, with the same column types; ``learner`` holds the index's values (0, 1, …
        for a list).

    Raises
    ------
    SSIInputError
        If a pillar column is missing or repeated, a value is not a number between 0 and 25
        (the message names the learners), the result would pass 5 million rows (learners ×
        (weeks + 1) × 5), or as :func:`simulate`.

    Examples
    --------
    >>> import pandas as pd
    >>> clase = pd.DataFrame({"brand": [6, 12], "people": [6, 8], "insights": [5, 5], "relationships": [8, 10]})
    >>> simulate_many(clase, ["grupos"], weeks=4).learner.nunique()
    2
    """
    weeks = check_weeks(weeks)
    values, names = _learner_scores(ssis)
    rows = len(names) * (weeks + 1) * (len(PILLARS) + 1)
    if rows > MAX_ROWS:
        raise SSIInputError(
            tr("simulate_many daría {rows} filas ({people} × {w} semanas × 5): el máximo es {max}.",
               "simulate_many would give {rows} rows ({people} × {w} weeks × 5): the maximum is {max}.",
               rows=format_thousands(rows), people=plural(len(names), "persona", "personas", "person", "people"),
               w=format_thousands(weeks + 1), max=format_thousands(MAX_ROWS)),
            field="weeks", received=rows,
            hint=tr("Usa menos semanas o menos personas (por ejemplo, un grupo cada vez).",
                    "Use fewer weeks or fewer people (one group at a time, say)."),
        )
    plan = resolve_plan(actions, catalog=catalog)
    decay, floor_fraction = _check_model(decay, floor_fraction)
    scores, floors, _, _ = _simulate_arrays(values, _round(floor_fraction * values), plan, weeks, decay)
    return _tidy(scores, floors, None, None, names)


def recommend(
    ssi: SSI | SSIProfile | str,
    weeks: int = PROJECTION_WEEKS,
    *,
    catalog: pd.DataFrame | str | PathLike[str] | None = None,
    decay: float = DECAY,
    floor_fraction: float = FLOOR_FRACTION,
) -> pd.DataFrame:
    """The course's advice as a to-do list: the weakest pillar first, with the reason.

    Pillars are ordered from your weakest to your strongest; within a pillar, actions go
    by projected points per hour of effort (alone, over ``weeks``).

    Parameters
    ----------
    ssi : SSI, SSIProfile or str
        Your SSI.
    weeks : int
        Horizon used to rank actions within a pillar.
    catalog : DataFrame or path, optional
        The actions to choose from; the course's by default.
    decay, floor_fraction : float
        The model's fading, as in :func:`simulate`.

    Returns
    -------
    pandas.DataFrame
        ``order, id, pillar, label, minutes, gain, reason``: ``gain`` is the points the
        action alone adds to the pillar after ``weeks`` compared with doing nothing.

    Raises
    ------
    SSIInputError, SSITypeError
        As :func:`simulate`.

    Examples
    --------
    >>> recommend(SSI(12.5, 8, 5.25, 10)).pillar.iloc[0]
    'insights'
    """
    import pandas as pd

    decay, floor_fraction = _check_model(decay, floor_fraction)
    start, floor = _start(ssi, None, floor_fraction)
    weeks = check_weeks(weeks)
    frame = as_catalog(catalog)
    plan = ActionPlan.from_catalog(frame)
    s0 = np.asarray(start.as_tuple())
    nothing = np.zeros(len(PILLARS))
    idle = _run(s0, _Rates(nothing, nothing, nothing > 0), weeks, decay, floor)[0][-1]
    # Each action alone on its pillar: a weekly one every week, a one-off one once.
    alone_rates = _combined_rates(plan.rate, plan.once, np.eye(len(plan.ids)))
    alone = _run(s0[plan.pillar], alone_rates, weeks, decay, floor[plan.pillar])[0][-1]
    gain = _round(alone - idle[plan.pillar])
    ranking = sorted(PILLARS, key=lambda p: (getattr(start, p), PILLARS.index(p)))
    ordinal = {2: tr("segundo", "second"), 3: tr("tercer", "third")}
    reasons = {}
    for place, pillar in enumerate(ranking, start=1):
        values = {"label": pillar_label(pillar), "score": format_number(getattr(start, pillar))}
        if place == 1:
            reasons[pillar] = tr(
                "«{label}» es tu pilar más débil ({score} de 25): el curso aconseja empezar por aquí.",
                "'{label}' is your weakest pillar ({score} of 25): the course advises starting here.", **values)
        elif place == len(PILLARS):
            reasons[pillar] = tr(
                "«{label}» es tu pilar más fuerte ({score} de 25): déjalo para el final.",
                "'{label}' is your strongest pillar ({score} of 25): leave it for last.", **values)
        else:
            reasons[pillar] = tr(
                "«{label}» es tu {nth} pilar más débil ({score} de 25).",
                "'{label}' is your {nth} weakest pillar ({score} of 25).", nth=ordinal[place], **values)
    table = pd.DataFrame({
        "id": frame["id"], "pillar": frame["pillar"], "label": frame["label"],
        "minutes": frame["minutes"], "gain": gain,
    })
    table["_rank"] = table["pillar"].map({p: i for i, p in enumerate(ranking)})
    # Points per minute of total effort over the horizon: a one-off action's minutes count once.
    effort = np.where(plan.once, plan.minutes, plan.minutes * max(weeks, 1))
    table["_per_hour"] = table["gain"].to_numpy() / effort
    table = table.sort_values(["_rank", "_per_hour", "id"], ascending=[True, False, True], kind="stable")
    table["reason"] = table["pillar"].map(reasons)
    table.insert(0, "order", np.arange(1, len(table) + 1))
    return table.drop(columns=["_rank", "_per_hour"]).reset_index(drop=True)


@dataclass(frozen=True)
class BestPlan:
    """The result of :func:`best_plan`.

    Attributes
    ----------
    actions : tuple of str
        The ids of the chosen actions.
    minutes : int
        Their weekly effort, within the budget.
    budget : int
        The minutes per week that were available.
    weeks : int
        The horizon of the projection.
    total : float
        The projected SSI at the end.
    projection : pandas.DataFrame
        :func:`simulate`'s frame for the plan, with the same model parameters.
    """

    actions: tuple[str, ...]
    minutes: int
    budget: int
    weeks: int
    total: float
    projection: pd.DataFrame

    def __str__(self) -> str:
        start = float(self.projection.query("week == 0 and pillar == 'total'").score.iloc[0])
        return tr(
            "Mejor plan con {budget} min/semana: {n} ({minutes} min/semana): {ids}. "
            "Proyección: de {start} a {total} en {weeks} semanas (modelo orientativo de ssi-kit).",
            "Best plan with {budget} min/week: {n} ({minutes} min/week): {ids}. "
            "Projection: from {start} to {total} in {weeks} weeks (ssi-kit's rough model).",
            budget=format_thousands(self.budget),
            n=plural(len(self.actions), "acción", "acciones", "action", "actions"),
            minutes=self.minutes,
            ids=", ".join(self.actions) or "—",
            start=format_number(start, 1),
            total=format_number(self.total, 1),
            weeks=self.weeks,
        )

    def _repr_markdown_(self) -> str:
        from ._html import literal_block

        return literal_block(str(self))  # ids from a catalog file are text, not Markdown


def _pareto(cost: np.ndarray, value: np.ndarray, budget: float) -> np.ndarray:
    """Indices of the options that fit the budget and are worth more than any cheaper one."""
    fits = np.flatnonzero(cost <= budget)
    order = fits[np.lexsort((-value[fits], cost[fits]))]  # by cost, then best value first
    best_before = np.maximum.accumulate(np.concatenate([[-np.inf], value[order][:-1]]))
    return order[value[order] > best_before + 1e-12]


def best_plan(
    ssi: SSI | SSIProfile | str | pd.DataFrame,
    minutes_per_week: int,
    weeks: int = PLAN_WEEKS,
    *,
    actions: Iterable[str] | pd.DataFrame | None = None,
    catalog: pd.DataFrame | str | PathLike[str] | None = None,
    decay: float = DECAY,
    floor_fraction: float = FLOOR_FRACTION,
    floor: SSI | Iterable[float] | Mapping[str, float] | None = None,
) -> BestPlan:
    """The set of actions that fits your weekly time and gives the highest projected SSI.

    Exact, not greedy: in the model each pillar moves on its own, so every combination of
    a pillar's actions is tried, the ones not worth their time are dropped, and the four
    pillars are merged like a knapsack on minutes. Ties go to the plan with fewer minutes.

    Parameters
    ----------
    ssi : SSI, SSIProfile or str
        Your SSI now.
    minutes_per_week : int
        The time you can give LinkedIn each week, in whole minutes (0–10,080).
    weeks : int
        The horizon whose final total is maximised (26 ≈ six months).
    actions : list of ids or DataFrame, optional
        Choose only among these; the whole catalog by default.
    catalog : DataFrame or path, optional
        The catalog the ids refer to; the course's by default.
    decay, floor_fraction, floor
        The model's fading, as in :func:`simulate`; the projection uses them too. One-off
        actions' minutes count spread over ``weeks`` (see the module's notes).

    Returns
    -------
    BestPlan
        ``.actions`` (ids), ``.minutes``, ``.total`` and ``.projection`` (:func:`simulate`).

    Raises
    ------
    SSIInputError
        If ``minutes_per_week`` is not whole minutes between 0 and 10,080, a pillar has more
        than 16 actions to choose from, or as :func:`simulate`.

    Examples
    --------
    >>> plan = best_plan(SSI(6, 6, 5, 8), 150, weeks=26)
    >>> plan.minutes <= 150
    True
    """
    decay, floor_fraction = _check_model(decay, floor_fraction)
    start, floor = _start(ssi, floor, floor_fraction)
    budget = check_budget(minutes_per_week)
    weeks = check_weeks(weeks)
    if actions is None:
        plan = ActionPlan.from_catalog(as_catalog(catalog))
    else:
        plan = resolve_plan(actions, catalog=catalog)
    s0 = np.asarray(start.as_tuple())
    weekly_cost = plan.weekly_minutes(weeks)
    # Per pillar: every subset of its actions → (minutes, final score), Pareto-pruned.
    cost = np.zeros(1, dtype=np.int64)
    value = np.zeros(1)
    chosen: list[np.ndarray] = [np.zeros((1, 0), dtype=bool)]
    members: list[np.ndarray] = []
    for index, pillar in enumerate(PILLARS):
        own = np.flatnonzero(plan.pillar == index)
        if len(own) > MAX_PER_PILLAR:
            raise SSIInputError(
                tr("best_plan admite hasta {max} acciones por pilar; «{label}» tiene {n}.",
                   "best_plan handles up to {max} actions per pillar; '{label}' has {n}.",
                   max=MAX_PER_PILLAR, label=pillar_label(pillar), n=len(own)),
                field="actions", received=len(own),
                hint=tr("Elige entre menos con «actions».", "Pick among fewer with 'actions'."),
            )
        bits = ((np.arange(2 ** len(own))[:, None] >> np.arange(len(own))) & 1).astype(bool)
        sub_cost = bits @ weekly_cost[own]
        rates = _combined_rates(plan.rate[own], plan.once[own], bits.T)  # one group per subset
        sub_value = _run(s0[index], rates, weeks, decay, floor[index])[0][-1]
        keep = _pareto(sub_cost, sub_value, budget)
        # Merge with the pillars so far: all pairs, then prune again.
        pair_cost = (cost[:, None] + sub_cost[keep][None, :]).ravel()
        pair_value = (value[:, None] + sub_value[keep][None, :]).ravel()
        best = _pareto(pair_cost, pair_value, budget)
        left, right = np.divmod(best, len(keep))
        chosen = [c[left] for c in chosen] + [bits[keep][right]]
        members.append(own)
        cost, value = pair_cost[best], pair_value[best]
    top = int(np.flatnonzero(value >= value.max() - 1e-9)[0])  # cheapest among the best
    picked = np.sort(np.concatenate([own[mask[top]] for own, mask in zip(members, chosen[1:])]))
    chosen_plan = plan.take(picked)
    scores, floors, _, _ = _simulate_arrays(s0[None, :], floor[None, :], chosen_plan, weeks, decay)
    return BestPlan(
        actions=chosen_plan.ids,
        minutes=int(chosen_plan.weekly_minutes(weeks).sum()),
        budget=budget,
        weeks=weeks,
        total=float(scores[0, -1, -1]),
        projection=_tidy(scores, floors, None, None, None),
    )


def check_projection(value: object, *, name: str = "projection") -> pd.DataFrame:
    """A projection made by :func:`simulate` (or a :class:`BestPlan`'s), checked for drawing.

    Parameters
    ----------
    value : DataFrame or BestPlan
        Needs ``week, pillar, score`` (``low, high`` are kept when both are there), with one
        row per week for each pillar and for the total.
    name : str
        How messages name it (a plan's name in :func:`ssi_kit.plot_plans`).

    Returns
    -------
    pandas.DataFrame
        A new frame: ``week`` (int), ``pillar``, ``score`` and maybe ``low, high`` (floats),
        sorted by week and pillar.

    Raises
    ------
    SSITypeError
        If ``value`` is not a DataFrame or a BestPlan.
    SSIInputError
        If a column is missing or repeated, a row has no valid week (0–520), pillar or
        number, or a week lacks a pillar or has two rows of one (``simulate_many``'s frame).

    Examples
    --------
    >>> check_projection(simulate(SSI(6, 6, 5, 8), weeks=1)).shape
    (10, 3)
    """
    import pandas as pd

    frame = check_frame(
        value.projection if isinstance(value, BestPlan) else value, name=name,
        expected=tr("el resultado de ssi_kit.simulate(...) (o de best_plan)",
                    "the result of ssi_kit.simulate(...) (or of best_plan)"),
    )

    def invalid(reason: str, hint: str = "") -> SSIInputError:
        return SSIInputError(
            tr("«{name}» no parece una proyección de simulate(): {reason}.",
               "'{name}' does not look like a projection from simulate(): {reason}.", name=name, reason=reason),
            field=name, received=[short_repr(c) for c in frame.columns],
            hint=hint or tr("Pasa lo que devuelve ssi_kit.simulate(...).", "Pass what ssi_kit.simulate(...) returns."),
        )

    if any(c not in frame.columns for c in ("week", "pillar", "score")) or frame.empty:
        raise invalid(tr("necesita las columnas week, pillar y score, con filas de cada pilar y del total",
                         "it needs the columns week, pillar and score, with rows for each pillar and the total"))
    keys = (*PILLARS, "total")
    slot = np.array([keys.index(p) if isinstance(p, str) and p in keys else -1 for p in frame["pillar"].tolist()])
    week = _column_values(frame["week"])
    numbers = {c: _column_values(frame[c]) for c in ("score", "low", "high") if c in frame.columns}
    if "low" not in numbers or "high" not in numbers:
        numbers = {"score": numbers["score"]}
    bad = (slot < 0) | ~(week >= 0) | (week > MAX_WEEKS) | (week != np.floor(week))
    for column in numbers.values():
        bad |= ~np.isfinite(column)
    if bad.any():
        row = frame.index[int(np.argmax(bad))]
        raise invalid(tr("la fila {row} no tiene una semana (0–{max}), un pilar ({keys}) y números válidos",
                         "row {row} lacks a valid week (0–{max}), pillar ({keys}) and numbers",
                         row=short_repr(row, 30), max=MAX_WEEKS, keys=", ".join(keys)))
    code = week.astype(np.int64) * len(keys) + slot
    order = np.argsort(code, kind="stable")
    if (np.diff(code[order]) == 0).any():
        raise invalid(tr("tiene varias filas para una misma semana y pilar",
                         "it has several rows for the same week and pillar"),
                      hint=tr("¿Viene de simulate_many? Elige a una persona: tabla[tabla.learner == ...].",
                              "From simulate_many? Pick one person: table[table.learner == ...]."))
    if len(code) != len(np.unique(week)) * len(keys):
        raise invalid(tr("a alguna semana le falta la fila de un pilar o del total",
                         "some week lacks the row of a pillar or of the total"))
    columns = {"week": week[order].astype(np.int64), "pillar": np.array(keys, dtype=object)[slot[order]]}
    return pd.DataFrame(columns | {c: v[order] for c, v in numbers.items()})


def projection_at(projection: pd.DataFrame | BestPlan, weeks: Iterable[int] | int) -> pd.DataFrame:
    """A projection's rows at a few weeks only (the start, the middle, the end), to show.

    Parameters
    ----------
    projection : DataFrame or BestPlan
        What :func:`simulate` returns (or a :class:`BestPlan`).
    weeks : int or list of int
        The weeks wanted (each 0–520); weeks past the projection's end have no rows.

    Returns
    -------
    pandas.DataFrame
        The projection's columns, only those weeks' rows, in week order, with a fresh index.

    Raises
    ------
    SSITypeError
        If ``projection`` is not a projection's table or ``weeks`` is not a list of numbers.
    SSIInputError
        If the table does not look like a projection or a week is outside 0–520.

    Examples
    --------
    >>> projection_at(simulate(SSI(6, 6, 5, 8), weeks=4), [0, 4]).week.unique().tolist()
    [0, 4]
    """
    frame = projection.projection if isinstance(projection, BestPlan) else projection
    check_projection(frame, name="projection")
    assert not isinstance(frame, BestPlan)  # for mypy: check_projection accepted a table
    if isinstance(weeks, Iterable) and not isinstance(weeks, (str, bytes, Mapping)):
        wanted = {check_weeks(week) for week in weeks}
    elif isinstance(weeks, (str, bytes, Mapping)):
        raise SSITypeError(
            tr("«weeks» debe ser una lista de semanas, por ejemplo [0, 13, 26]; recibido {r}.",
               "'weeks' must be a list of weeks, e.g. [0, 13, 26]; received {r}.", r=short_repr(weeks)),
            field="weeks", received=weeks,
        )
    else:
        wanted = {check_weeks(weeks)}
    rows = frame[frame["week"].isin(sorted(wanted))]
    return rows.sort_values("week", kind="stable").reset_index(drop=True)

