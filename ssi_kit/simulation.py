"""A teaching model of how actions move your SSI over the weeks.

LinkedIn does not publish its formula. This module is **not** LinkedIn's formula: it is a
small, transparent model for thinking about a plan, with its parameters in an editable
file (``data/acciones.csv``). Each week, for each pillar:

* every action you do closes a share of the gap to 25 (``effect / 25`` of it; ``effect`` is
  the points per week the action would give on an empty pillar). Several actions in the
  same pillar combine with diminishing returns: ``k = 1 - Π(1 - effect/25)``;
* the pillar slowly fades (``decay`` of the distance above a floor): the SSI reflects your
  recent activity, but what you built (profile, network) does not vanish, so the pillar
  never drops below ``floor_fraction`` of where it started.

In one line: ``s[t+1] = s[t] + k·(25 − s[t]) − decay·(s[t] − floor)``. Scores stay in
0–25, more actions never give a lower score, gains shrink near 25, week 0 is your SSI.
"""

from __future__ import annotations

import difflib
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ._checks import check_number
from ._i18n import format_number, get_language, tr
from .errors import SSIInputError, SSITypeError
from .score import PILLAR_MAX, PILLARS, SSI, SSIProfile, pillar_key, pillar_label

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DECAY",
    "FLOOR_FRACTION",
    "BestPlan",
    "best_plan",
    "load_actions",
    "plan_minutes",
    "recommend",
    "simulate",
    "simulate_many",
]

DECAY = 0.015  # share of the distance above the floor lost per week without enough activity
FLOOR_FRACTION = 0.5  # an idle pillar keeps at least half of its starting score
MAX_WEEKS = 520  # ten years: beyond that a projection means nothing
MAX_EFFECT = 10.0  # points per week on an empty pillar; more would fill it in under 3 weeks
MAX_PER_PILLAR = 16  # best_plan enumerates each pillar's subsets: 2**16 is still quick
BAND_SIGMA = 0.4  # spread (log scale) of an action's real effect around the catalog value

_REQUIRED = ("id", "pillar", "label_es", "minutes", "effect")
_OPTIONAL = ("label_en", "description_es", "description_en", "source")
_CATALOG_COLUMNS = (
    "id", "pillar", "label", "minutes", "effect", "description",
    "label_es", "label_en", "description_es", "description_en", "source",
)


# --- the action catalog -------------------------------------------------------------------


def _problem(line: int, text_es: str, text_en: str, **values: Any) -> str:
    return tr("línea {line}: " + text_es, "line {line}: " + text_en, line=line, **values)


def _read_number(text: str) -> float | None:
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        return None
    return value if np.isfinite(value) else None


@lru_cache(maxsize=8)
def _load_cached(path: str, mtime: float, language: str) -> pd.DataFrame:
    import pandas as pd

    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, skipinitialspace=True)
    except (pd.errors.ParserError, UnicodeDecodeError) as error:
        raise SSIInputError(
            tr(
                "No pude leer el catálogo {path}: no es un CSV válido ({error}).",
                "Could not read the catalog {path}: it is not a valid CSV ({error}).",
                path=path,
                error=str(error).strip().splitlines()[-1] if str(error).strip() else type(error).__name__,
            ),
            field="path",
            received=path,
        ) from None
    raw.columns = [str(c).strip().lower() for c in raw.columns]
    missing = [c for c in _REQUIRED if c not in raw.columns]
    if missing:
        raise SSIInputError(
            tr(
                "Al catálogo {path} le faltan columnas: {missing}. Columnas necesarias: {required}.",
                "The catalog {path} is missing columns: {missing}. Required columns: {required}.",
                path=path,
                missing=", ".join(missing),
                required=", ".join(_REQUIRED),
            ),
            field="columns",
            received=list(raw.columns),
        )
    for column in _OPTIONAL:
        if column not in raw.columns:
            raw[column] = ""
    problems: list[str] = []
    rows: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for position, record in enumerate(raw.to_dict("records")):
        line = position + 2  # line 1 is the header
        record = {k: str(v).strip() for k, v in record.items()}
        ok = True
        action_id = record["id"]
        if not action_id:
            problems.append(_problem(line, "falta el «id».", "the 'id' is missing."))
            ok = False
        elif action_id in seen:
            problems.append(_problem(
                line, "el id {id!r} ya está en la línea {first}.", "the id {id!r} is already on line {first}.",
                id=action_id, first=seen[action_id],
            ))
            ok = False
        else:
            seen[action_id] = line
        try:
            pillar = pillar_key(record["pillar"])
        except SSIInputError:
            problems.append(_problem(
                line, "pilar desconocido {received!r}; usa uno de {valid}.",
                "unknown pillar {received!r}; use one of {valid}.",
                received=record["pillar"], valid=", ".join(PILLARS),
            ))
            ok = False
        if not record["label_es"]:
            problems.append(_problem(line, "falta la etiqueta («label_es»).", "the label ('label_es') is missing."))
            ok = False
        minutes = _read_number(record["minutes"])
        if minutes is None or minutes <= 0 or minutes != int(minutes):
            problems.append(_problem(
                line,
                "«minutes» debe ser un número entero de minutos por semana mayor que 0; recibido {received!r}.",
                "'minutes' must be a whole number of minutes per week above 0; received {received!r}.",
                received=record["minutes"],
            ))
            ok = False
        effect = _read_number(record["effect"])
        if effect is None or not 0 <= effect <= MAX_EFFECT:
            problems.append(_problem(
                line,
                "«effect» debe estar entre 0 y {max} puntos por semana; recibido {received!r}.",
                "'effect' must be between 0 and {max} points per week; received {received!r}.",
                max=format_number(MAX_EFFECT), received=record["effect"],
            ))
            ok = False
        if ok:
            rows.append({
                "id": action_id,
                "pillar": pillar,
                "minutes": int(minutes),  # type: ignore[arg-type]
                "effect": float(effect),  # type: ignore[arg-type]
                "label_es": record["label_es"],
                "label_en": record["label_en"] or record["label_es"],
                "description_es": record["description_es"],
                "description_en": record["description_en"] or record["description_es"],
                "source": record["source"],
            })
    if problems:
        raise SSIInputError(
            tr(
                "El catálogo {path} tiene {n} problema(s):\n  {problems}",
                "The catalog {path} has {n} problem(s):\n  {problems}",
                path=path,
                n=len(problems),
                problems="\n  ".join(problems),
            ),
            field="catalog",
            received=problems,
        )
    if not rows:
        raise SSIInputError(
            tr("El catálogo {path} no tiene ninguna acción.", "The catalog {path} has no actions.", path=path),
            field="catalog",
            received=path,
        )
    frame = pd.DataFrame(rows)
    suffix = "en" if language == "en" else "es"
    frame["label"] = frame[f"label_{suffix}"]
    frame["description"] = frame[f"description_{suffix}"]
    return frame[list(_CATALOG_COLUMNS)]


def load_actions(path: str | PathLike[str] | None = None) -> pd.DataFrame:
    """Load and check a catalog of improvement actions (the course's, by default).

    Parameters
    ----------
    path : str or path, optional
        A CSV with columns ``id, pillar, label_es, minutes, effect`` and optionally
        ``label_en, description_es, description_en, source``. ``minutes`` is the weekly
        effort; ``effect`` the points per week the action gives on an empty pillar. Without
        a path, ssi-kit's ``acciones.csv`` (the actions named in the course).

    Returns
    -------
    pandas.DataFrame
        One row per action: ``id, pillar, label, minutes, effect, description`` (label and
        description in the current language) and the source columns.

    Raises
    ------
    SSIInputError
        If the file is missing or unreadable, or if any row is wrong (unknown pillar,
        effort not above 0, effect outside 0–10, missing label, repeated id): the message
        lists every bad row with its line number.

    Examples
    --------
    >>> actions = load_actions()
    >>> sorted(actions.pillar.unique()) == sorted(PILLARS)
    True
    """
    if path is None:
        from .datasets import data_path

        file = data_path("acciones.csv")
    elif isinstance(path, (str, PathLike)):
        file = Path(path)
        if not file.is_file():
            raise SSIInputError(
                tr(
                    "No encuentro el catálogo {path!s}. Pasa la ruta de un CSV de acciones, "
                    "o nada para usar el del curso.",
                    "Catalog not found: {path!s}. Pass the path of an actions CSV, or nothing "
                    "for the course's.",
                    path=file,
                ),
                field="path",
                received=path,
            )
    else:
        raise SSITypeError(
            tr(
                "load_actions espera la ruta de un CSV (o nada); recibido {kind}.",
                "load_actions expects the path of a CSV (or nothing); received {kind}.",
                kind=type(path).__name__,
            ),
            field="path",
            received=path,
        )
    return _load_cached(str(file.resolve()), file.stat().st_mtime, get_language()).copy()


# --- resolving "which actions" ------------------------------------------------------------


@dataclass(frozen=True)
class _Plan:
    """Resolved actions as arrays: what the numeric core needs."""

    ids: tuple[str, ...]
    pillar: np.ndarray  # int index into PILLARS, one per action
    minutes: np.ndarray  # int
    rate: np.ndarray  # share of the gap closed per week, effect / 25


def _catalog_frame(catalog: pd.DataFrame | str | PathLike[str] | None) -> pd.DataFrame:
    if catalog is None or isinstance(catalog, (str, PathLike)):
        return load_actions(catalog)
    if hasattr(catalog, "columns"):
        _check_frame_columns(catalog, "catalog")
        return catalog
    raise SSITypeError(
        tr(
            "«catalog» debe ser un DataFrame de load_actions() o la ruta de un CSV; recibido {kind}.",
            "'catalog' must be a DataFrame from load_actions() or the path of a CSV; received {kind}.",
            kind=type(catalog).__name__,
        ),
        field="catalog",
        received=catalog,
    )


def _check_frame_columns(frame: Any, argument: str) -> None:
    missing = [c for c in ("id", "pillar", "minutes", "effect") if c not in frame.columns]
    if missing:
        raise SSIInputError(
            tr(
                "A la tabla de acciones «{argument}» le faltan columnas: {missing}. "
                "Usa filas de load_actions() o una lista de ids.",
                "The actions table '{argument}' is missing columns: {missing}. "
                "Use rows of load_actions() or a list of ids.",
                argument=argument,
                missing=", ".join(missing),
            ),
            field=argument,
            received=list(frame.columns),
        )


def _plan_from_frame(frame: pd.DataFrame) -> _Plan:
    frame = frame.drop_duplicates("id")
    pillars = [pillar_key(p) for p in frame["pillar"]]
    minutes = np.asarray(frame["minutes"], dtype=float)
    effect = np.asarray(frame["effect"], dtype=float)
    bad = ~np.isfinite(minutes) | (minutes <= 0) | ~np.isfinite(effect) | (effect < 0) | (effect > MAX_EFFECT)
    if bad.any():
        first = frame.iloc[int(np.argmax(bad))]
        raise SSIInputError(
            tr(
                "La acción {id!r} tiene valores no válidos (minutes={minutes}, effect={effect}): "
                "los minutos deben ser mayores que 0 y el efecto estar entre 0 y {max}.",
                "The action {id!r} has invalid values (minutes={minutes}, effect={effect}): "
                "minutes must be above 0 and the effect between 0 and {max}.",
                id=first["id"], minutes=first["minutes"], effect=first["effect"], max=format_number(MAX_EFFECT),
            ),
            field="actions",
            received=first["id"],
        )
    return _Plan(
        ids=tuple(str(i) for i in frame["id"]),
        pillar=np.array([PILLARS.index(p) for p in pillars], dtype=np.intp),
        minutes=minutes,
        rate=effect / PILLAR_MAX,
    )


def _resolve(actions: Any, catalog: Any = None) -> _Plan:
    """Turn ids, a frame of catalog rows, or None into arrays."""
    if hasattr(actions, "columns"):
        _check_frame_columns(actions, "actions")
        return _plan_from_frame(actions)
    frame = _catalog_frame(catalog)
    if actions is None:
        wanted: list[str] = []
    elif isinstance(actions, str):
        wanted = [actions]
    elif isinstance(actions, Iterable) and not isinstance(actions, Mapping):
        wanted = list(actions)
    else:
        raise SSITypeError(
            tr(
                "«actions» debe ser una lista de ids de acciones (por ejemplo [\"publicar\", \"grupos\"]) "
                "o filas de load_actions(); recibido {kind}.",
                "'actions' must be a list of action ids (e.g. [\"publicar\", \"grupos\"]) or rows of "
                "load_actions(); received {kind}.",
                kind=type(actions).__name__,
            ),
            field="actions",
            received=actions,
        )
    known = list(frame["id"])
    position = {action_id: i for i, action_id in enumerate(known)}
    rows: list[int] = []
    for item in wanted:
        if not isinstance(item, str) or item not in position:
            close = difflib.get_close_matches(str(item), known, n=1, cutoff=0.5)
            hint = tr(" ¿Querías decir {close!r}?", " Did you mean {close!r}?", close=close[0]) if close else ""
            raise SSIInputError(
                tr(
                    "No hay ninguna acción con id {received!r} en el catálogo.{hint} "
                    "Mira los ids con ssi_kit.load_actions().id.",
                    "There is no action with id {received!r} in the catalog.{hint} "
                    "See the ids with ssi_kit.load_actions().id.",
                    received=item,
                    hint=hint,
                ),
                field="actions",
                received=item,
            )
        if position[item] not in rows:
            rows.append(position[item])
    return _plan_from_frame(frame.iloc[rows])


def _as_ssi(ssi: Any) -> SSI:
    if isinstance(ssi, SSI):
        return ssi
    if isinstance(ssi, SSIProfile):
        return ssi.member
    if isinstance(ssi, str):
        return SSI.parse(ssi)
    if isinstance(ssi, Mapping):
        return SSI.from_dict(ssi)
    raise SSITypeError(
        tr(
            "Se esperaba un SSI (por ejemplo ssi_kit.SSI.parse(\"12,5; 8; 5,25; 10\")); recibido {kind}.",
            "Expected an SSI (e.g. ssi_kit.SSI.parse(\"12.5; 8; 5.25; 10\")); received {kind}.",
            kind=type(ssi).__name__,
        ),
        field="ssi",
        received=ssi,
    )


def _check_weeks(weeks: Any) -> int:
    return int(check_number(
        weeks, name="weeks", maximum=MAX_WEEKS, integer=True,
        expected=tr("un número entero de semanas entre 0 y {max}", "a whole number of weeks between 0 and {max}", max=MAX_WEEKS),
        hint=tr(" Seis meses son unas 26 semanas.", " Six months are about 26 weeks."),
    ))


def _check_fraction(value: Any, name: str, maximum: float) -> float:
    return check_number(value, name=name, maximum=maximum)


# --- the numeric core ---------------------------------------------------------------------


def _pillar_rates(plan: _Plan, rate: np.ndarray | None = None) -> np.ndarray:
    """Combined weekly rate per pillar, shape ``(..., 4)``: ``1 - Π(1 - rate)`` per pillar."""
    rate = plan.rate if rate is None else rate
    onehot = np.zeros((len(plan.ids), len(PILLARS)))
    onehot[np.arange(len(plan.ids)), plan.pillar] = 1.0
    return -np.expm1(np.log1p(-rate) @ onehot)


def _run(s0: np.ndarray, k: np.ndarray, weeks: int, decay: float, floor_fraction: float) -> np.ndarray:
    """Weekly scores, shape ``(weeks + 1, *broadcast(s0, k).shape)``; the one formula of the model."""
    k = np.minimum(k, 1.0 - decay)  # keeps the update monotone in the score
    s0, k = np.broadcast_arrays(np.asarray(s0, dtype=float), k)
    floor = floor_fraction * s0
    out = np.empty((weeks + 1, *s0.shape))
    out[0] = s0
    s = s0
    for week in range(1, weeks + 1):
        s = s + k * (PILLAR_MAX - s) - decay * (s - floor)
        np.clip(s, 0.0, PILLAR_MAX, out=s)
        out[week] = s
    return out


def _round(values: np.ndarray) -> np.ndarray:
    return np.round(values, 3) + 0.0


def _band_limits(band: Any) -> tuple[float, float] | None:
    if band is None or band is False:
        return None
    width = 0.8 if band is True else band
    if isinstance(width, bool) or not isinstance(width, numbers.Real) or not 0 < width < 1:
        raise SSIInputError(
            tr(
                "«band» es la probabilidad de la banda, entre 0 y 1 (por ejemplo 0.8); recibido {received!r}.",
                "'band' is the band's probability, between 0 and 1 (e.g. 0.8); received {received!r}.",
                received=band,
            ),
            field="band",
            received=band,
        )
    return (50 * (1 - width), 50 * (1 + width))


def _simulate_arrays(
    s0: np.ndarray, plan: _Plan, weeks: int, decay: float, floor_fraction: float,
    band: tuple[float, float] | None, draws: int, seed: int,
) -> tuple[np.ndarray, np.ndarray | None, np.ndarray | None]:
    """Rounded pillars+total, shape ``(weeks+1, n, 5)``, and the band's low/high (or None)."""
    pillars = _round(_run(s0, _pillar_rates(plan), weeks, decay, floor_fraction))
    scores = np.concatenate([pillars, _round(pillars.sum(axis=-1, keepdims=True))], axis=-1)
    if band is None:
        return scores, None, None
    rng = np.random.default_rng(seed)
    factor = np.exp(rng.normal(0.0, BAND_SIGMA, size=(draws, len(plan.ids))))
    rates = np.minimum(plan.rate * factor, 1.0)
    k = _pillar_rates(plan, rates)  # (draws, 4)
    runs = _run(s0[:, None, :], k[None, :, :], weeks, decay, floor_fraction)  # (W+1, n, draws, 4)
    runs = np.concatenate([runs, runs.sum(axis=-1, keepdims=True)], axis=-1)
    low, high = np.percentile(runs, band, axis=2)
    return scores, np.minimum(_round(low), scores), np.maximum(_round(high), scores)


def _tidy(
    scores: np.ndarray, low: np.ndarray | None, high: np.ndarray | None, learners: list[Any] | None,
) -> pd.DataFrame:
    import pandas as pd

    n_weeks, n, n_cols = scores.shape
    keys = [*PILLARS, "total"]
    labels = [pillar_label(p) for p in PILLARS] + ["total"]
    # Row order: learner, week, pillar.
    order = scores.transpose(1, 0, 2).reshape(-1)
    columns: dict[str, Any] = {}
    if learners is not None:
        columns["learner"] = np.repeat(np.asarray(learners, dtype=object), n_weeks * n_cols)
    columns["week"] = np.tile(np.repeat(np.arange(n_weeks), n_cols), n)
    columns["pillar"] = np.tile(np.array(keys, dtype=object), n_weeks * n)
    columns["label"] = np.tile(np.array(labels, dtype=object), n_weeks * n)
    columns["score"] = order
    if low is not None and high is not None:
        columns["low"] = low.transpose(1, 0, 2).reshape(-1)
        columns["high"] = high.transpose(1, 0, 2).reshape(-1)
    frame = pd.DataFrame(columns)
    return frame


# --- public functions ---------------------------------------------------------------------


def simulate(
    ssi: SSI | SSIProfile | str,
    actions: Iterable[str] | pd.DataFrame | str | None = (),
    weeks: int = 12,
    *,
    catalog: pd.DataFrame | str | PathLike[str] | None = None,
    band: bool | float | None = None,
    draws: int = 400,
    seed: int = 0,
    decay: float = DECAY,
    floor_fraction: float = FLOOR_FRACTION,
) -> pd.DataFrame:
    """Project your SSI week by week if you keep doing some actions (a teaching model).

    Parameters
    ----------
    ssi : SSI, SSIProfile or str
        Where you start (week 0). Text is read with :meth:`SSI.parse`.
    actions : list of ids, DataFrame or None
        What you do every week: ids from :func:`load_actions` (``["publicar", "grupos"]``)
        or some of its rows. Empty or None: you do nothing, and the pillars slowly fade.
    weeks : int
        How many weeks to project (0–520); about 26 are six months.
    catalog : DataFrame or path, optional
        The catalog the ids refer to; the course's by default.
    band : bool or float, optional
        Add ``low`` and ``high`` columns: the range that holds ``band`` of the outcomes
        (``True`` means 0.8) if each action's real effect is weaker or stronger than the
        catalog says (seeded Monte Carlo, ``draws`` runs; same ``seed``, same band).
    decay, floor_fraction : float
        The model's fading: share of the distance above the floor lost per week, and the
        floor as a share of the starting score.

    Returns
    -------
    pandas.DataFrame
        Tidy: ``week, pillar, label, score`` (plus ``low, high`` with a band), one row per
        week and pillar, and a row with ``pillar == "total"`` (0–100) per week.

    Raises
    ------
    SSIInputError
        For an unknown action id, weeks outside 0–520 or a band outside (0, 1).

    Examples
    --------
    >>> proj = simulate(SSI(6, 6, 5, 8), ["publicar", "grupos"], weeks=26)
    >>> proj.query("week == 0 and pillar == 'total'").score.item()
    25.0
    """
    start = _as_ssi(ssi)
    plan = _resolve(actions, catalog)
    weeks = _check_weeks(weeks)
    limits = _band_limits(band)
    decay = _check_fraction(decay, "decay", 0.5)
    floor_fraction = _check_fraction(floor_fraction, "floor_fraction", 1.0)
    draws = _check_draws(draws)
    s0 = np.array([start.as_tuple()])
    scores, low, high = _simulate_arrays(s0, plan, weeks, decay, floor_fraction, limits, draws, seed)
    return _tidy(scores, low, high, None)


def _check_draws(draws: Any) -> int:
    return int(check_number(draws, name="draws", minimum=10, maximum=100_000, integer=True))


def _learner_scores(ssis: Any) -> tuple[np.ndarray, list[Any]]:
    """Many SSIs as an ``(n, 4)`` array, checked, with the learners' names."""
    if hasattr(ssis, "columns"):
        columns: dict[str, Any] = {}
        for column in ssis.columns:
            try:
                columns[pillar_key(column)] = column
            except SSIInputError:
                continue
        missing = [pillar_label(p) for p in PILLARS if p not in columns]
        if missing:
            raise SSIInputError(
                tr(
                    "La tabla necesita una columna por pilar ({pillars}); faltan: {missing}.",
                    "The table needs one column per pillar ({pillars}); missing: {missing}.",
                    pillars=", ".join(PILLARS),
                    missing=", ".join(missing),
                ),
                field="ssis",
                received=list(ssis.columns),
            )
        import pandas as pd

        table = ssis[[columns[p] for p in PILLARS]].apply(pd.to_numeric, errors="coerce")
        values = table.to_numpy(dtype=float)
        names = list(ssis.index)
    elif isinstance(ssis, Iterable) and not isinstance(ssis, (str, Mapping)):
        items = [_as_ssi(s) for s in ssis]
        values = np.array([s.as_tuple() for s in items], dtype=float).reshape(-1, len(PILLARS))
        names = list(range(len(items)))
    else:
        raise SSITypeError(
            tr(
                "simulate_many espera una tabla con una fila por persona y las columnas {pillars}, "
                "o una lista de SSI; recibido {kind}.",
                "simulate_many expects a table with one row per person and the columns {pillars}, "
                "or a list of SSIs; received {kind}.",
                pillars=", ".join(PILLARS),
                kind=type(ssis).__name__,
            ),
            field="ssis",
            received=ssis,
        )
    bad = ~np.isfinite(values) | (values < 0) | (values > PILLAR_MAX)
    if bad.any():
        rows = [names[i] for i in np.flatnonzero(bad.any(axis=1))]
        shown = ", ".join(repr(r) for r in rows[:10]) + (" …" if len(rows) > 10 else "")
        raise SSIInputError(
            tr(
                "Cada pilar debe ser un número entre 0 y 25; filas con valores fuera de rango o vacíos: {rows}.",
                "Each pillar must be a number between 0 and 25; rows with values out of range or empty: {rows}.",
                rows=shown,
            ),
            field="ssis",
            received=rows,
        )
    return _round(values), names


def simulate_many(
    ssis: pd.DataFrame | Iterable[SSI],
    actions: Iterable[str] | pd.DataFrame | str | None = (),
    weeks: int = 12,
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
        ``learner, week, pillar, label, score``: :func:`simulate`'s rows for each learner.

    Raises
    ------
    SSIInputError
        If a pillar column is missing or a value is not a number between 0 and 25 (the
        message names the rows), or as :func:`simulate`.

    Examples
    --------
    >>> import pandas as pd
    >>> clase = pd.DataFrame({"brand": [6, 12], "people": [6, 8], "insights": [5, 5], "relationships": [8, 10]})
    >>> simulate_many(clase, ["grupos"], weeks=4).learner.nunique()
    2
    """
    values, names = _learner_scores(ssis)
    plan = _resolve(actions, catalog)
    weeks = _check_weeks(weeks)
    decay = _check_fraction(decay, "decay", 0.5)
    floor_fraction = _check_fraction(floor_fraction, "floor_fraction", 1.0)
    scores, _, _ = _simulate_arrays(values, plan, weeks, decay, floor_fraction, None, 10, 0)
    return _tidy(scores, None, None, names)


def plan_minutes(actions: Iterable[str] | pd.DataFrame | str | None, *, catalog: Any = None) -> int:
    """Minutes per week that a set of actions takes.

    Examples
    --------
    >>> plan_minutes(["publicar", "grupos"])
    70
    """
    return int(_resolve(actions, catalog).minutes.sum())


_ORDINAL = {
    "es": {2: "segundo", 3: "tercer"},
    "en": {2: "second", 3: "third"},
}


def recommend(
    ssi: SSI | SSIProfile | str,
    *,
    weeks: int = 12,
    catalog: pd.DataFrame | str | PathLike[str] | None = None,
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

    Returns
    -------
    pandas.DataFrame
        ``order, id, pillar, label, minutes, gain, reason``: ``gain`` is the points the
        action alone adds to the pillar after ``weeks`` compared with doing nothing.

    Examples
    --------
    >>> recommend(SSI(12.5, 8, 5.25, 10)).pillar.iloc[0]
    'insights'
    """
    import pandas as pd

    start = _as_ssi(ssi)
    weeks = _check_weeks(weeks)
    frame = _catalog_frame(catalog).drop_duplicates("id").reset_index(drop=True)
    plan = _plan_from_frame(frame)
    s0 = np.asarray(start.as_tuple())
    idle = _run(s0, np.zeros(len(PILLARS)), weeks, DECAY, FLOOR_FRACTION)[-1]
    alone = _run(s0[plan.pillar], plan.rate, weeks, DECAY, FLOOR_FRACTION)[-1]
    gain = _round(alone - idle[plan.pillar])
    ranking = sorted(PILLARS, key=lambda p: (getattr(start, p), PILLARS.index(p)))
    reasons = {}
    for place, pillar in enumerate(ranking, start=1):
        values = {"label": pillar_label(pillar), "score": format_number(getattr(start, pillar))}
        if place == 1:
            reasons[pillar] = tr(
                "«{label}» es tu pilar más débil ({score} de 25): el curso aconseja empezar por aquí.",
                "'{label}' is your weakest pillar ({score} of 25): the course advises starting here.",
                **values,
            )
        elif place == len(PILLARS):
            reasons[pillar] = tr(
                "«{label}» es tu pilar más fuerte ({score} de 25): déjalo para el final.",
                "'{label}' is your strongest pillar ({score} of 25): leave it for last.",
                **values,
            )
        else:
            reasons[pillar] = tr(
                "«{label}» es tu {nth} pilar más débil ({score} de 25).",
                "'{label}' is your {nth} weakest pillar ({score} of 25).",
                nth=_ORDINAL[get_language()][place],
                **values,
            )
    table = pd.DataFrame({
        "id": frame["id"],
        "pillar": frame["pillar"].map(pillar_key),
        "label": frame["label"] if "label" in frame else frame["id"],
        "minutes": plan.minutes.astype(int),
        "gain": gain,
    })
    table["_rank"] = table["pillar"].map({p: i for i, p in enumerate(ranking)})
    table["_per_hour"] = table["gain"] / table["minutes"]
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
    budget : float
        The minutes per week that were available.
    weeks : int
        The horizon of the projection.
    total : float
        The projected SSI at the end.
    projection : pandas.DataFrame
        :func:`simulate`'s frame for the plan.
    """

    actions: tuple[str, ...]
    minutes: int
    budget: float
    weeks: int
    total: float
    projection: pd.DataFrame

    def __str__(self) -> str:
        start = float(self.projection.query("week == 0 and pillar == 'total'").score.iloc[0])
        return tr(
            "Mejor plan con {budget} min/semana: {n} acciones ({minutes} min/semana): {ids}. "
            "Proyección: de {start} a {total} en {weeks} semanas (modelo orientativo).",
            "Best plan with {budget} min/week: {n} actions ({minutes} min/week): {ids}. "
            "Projection: from {start} to {total} in {weeks} weeks (a rough guide).",
            budget=format_number(self.budget),
            n=len(self.actions),
            minutes=self.minutes,
            ids=", ".join(self.actions) or "—",
            start=format_number(start, 1),
            total=format_number(self.total, 1),
            weeks=self.weeks,
        )

    def _repr_markdown_(self) -> str:
        return str(self)


def _pareto(cost: np.ndarray, value: np.ndarray, budget: float) -> np.ndarray:
    """Indices of the options that fit the budget and are worth more than any cheaper one."""
    fits = np.flatnonzero(cost <= budget + 1e-9)
    order = fits[np.lexsort((-value[fits], cost[fits]))]  # by cost, then best value first
    best_before = np.maximum.accumulate(np.concatenate([[-np.inf], value[order][:-1]]))
    return order[value[order] > best_before + 1e-12]


def best_plan(
    ssi: SSI | SSIProfile | str,
    minutes_per_week: float,
    weeks: int = 26,
    actions: Iterable[str] | pd.DataFrame | None = None,
    *,
    catalog: pd.DataFrame | str | PathLike[str] | None = None,
) -> BestPlan:
    """The set of actions that fits your weekly time and gives the highest projected SSI.

    Exact, not greedy: in the model each pillar moves on its own, so every combination of
    a pillar's actions is tried, the ones not worth their time are dropped, and the four
    pillars are merged like a knapsack on minutes. Ties go to the plan with fewer minutes.

    Parameters
    ----------
    ssi : SSI, SSIProfile or str
        Your SSI now.
    minutes_per_week : float
        The time you can give LinkedIn each week.
    weeks : int
        The horizon whose final total is maximised (26 ≈ six months).
    actions : list of ids or DataFrame, optional
        Choose only among these; the whole catalog by default.
    catalog : DataFrame or path, optional
        The catalog the ids refer to; the course's by default.

    Returns
    -------
    BestPlan
        ``.actions`` (ids), ``.minutes``, ``.total`` and ``.projection`` (:func:`simulate`).

    Raises
    ------
    SSIInputError
        If ``minutes_per_week`` is negative or not a number, or as :func:`simulate`.

    Examples
    --------
    >>> plan = best_plan(SSI(6, 6, 5, 8), 150, weeks=26)
    >>> plan.minutes <= 150
    True
    """
    start = _as_ssi(ssi)
    budget = check_number(
        minutes_per_week, name="minutes_per_week",
        expected=tr("un número de minutos a la semana, 0 o más", "a number of minutes per week, 0 or more"),
        hint=tr(" Dos horas y media son 150.", " Two and a half hours are 150."),
    )
    weeks = _check_weeks(weeks)
    if actions is None:
        plan = _plan_from_frame(_catalog_frame(catalog))
    else:
        plan = _resolve(actions, catalog)
    s0 = np.asarray(start.as_tuple())
    # Per pillar: every subset of its actions → (minutes, final score), Pareto-pruned.
    cost = np.zeros(1)
    value = np.zeros(1)
    chosen: list[np.ndarray] = [np.zeros((1, 0), dtype=bool)]
    members: list[np.ndarray] = []
    for index, pillar in enumerate(PILLARS):
        own = np.flatnonzero(plan.pillar == index)
        if len(own) > MAX_PER_PILLAR:
            raise SSIInputError(
                tr(
                    "best_plan admite hasta {max} acciones por pilar; «{label}» tiene {n}. Elige menos con «actions».",
                    "best_plan handles up to {max} actions per pillar; '{label}' has {n}. Pick fewer with 'actions'.",
                    max=MAX_PER_PILLAR,
                    label=pillar_label(pillar),
                    n=len(own),
                ),
                field="actions",
                received=len(own),
            )
        bits = ((np.arange(2 ** len(own))[:, None] >> np.arange(len(own))) & 1).astype(bool)
        sub_cost = bits @ plan.minutes[own]
        k = -np.expm1(bits @ np.log1p(-plan.rate[own]))
        sub_value = _run(s0[index], k, weeks, DECAY, FLOOR_FRACTION)[-1]
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
    picked = np.concatenate([own[mask[top]] for own, mask in zip(members, chosen[1:])])
    picked.sort()
    ids = tuple(plan.ids[i] for i in picked)
    chosen_plan = _Plan(ids, plan.pillar[picked], plan.minutes[picked], plan.rate[picked])
    scores, _, _ = _simulate_arrays(s0[None, :], chosen_plan, weeks, DECAY, FLOOR_FRACTION, None, 10, 0)
    projection = _tidy(scores, None, None, None)
    return BestPlan(
        actions=ids,
        minutes=int(chosen_plan.minutes.sum()),
        budget=budget,
        weeks=weeks,
        total=float(scores[-1, 0, -1]),
        projection=projection,
    )
