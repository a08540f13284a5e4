"""Catalogs of actions read and checked (what one holds: :mod:`ssi_kit.actions`), and "which actions"
turned into an :class:`ActionPlan`.

Every catalog, whatever its origin (the course's ``data/acciones.csv``, a teacher's CSV, a
DataFrame), goes through the same rules here; :mod:`ssi_kit.actions` is the public home of
what learners call, and the modules that take a catalog use :func:`as_catalog` and
:func:`resolve_plan`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from os import PathLike
from typing import TYPE_CHECKING, Any

import numpy as np

from ._checks import Source, check_frame, parse_typed_number, read_source
from ._i18n import format_number, format_thousands, plural, short_repr, tr
from ._resources import data_path
from ._table_reader import Table, TableKind, read_table
from ._weeks import MINUTES_PER_WEEK
from .errors import SSIInputError, SSITypeError
from .score import PILLAR_MAX, PILLARS, pillar_key

if TYPE_CHECKING:
    import pandas as pd

# What ssi_kit.actions shows learners; as_catalog and resolve_plan are for the modules that take a catalog.
__all__ = ["MAX_EFFECT", "ActionPlan", "load_actions"]

MAX_EFFECT = 10.0  # points per week on an empty pillar; more would fill it in under 3 weeks
# How an action works, ``weekly`` (a habit) or ``once`` (a lift that stays: profile, work samples), and the
# spellings a teacher may write in the ``kind`` column (case ignored); empty means weekly.
_KIND_NAMES = {
    "weekly": "weekly", "semanal": "weekly", "cada semana": "weekly", "habito": "weekly", "hábito": "weekly",
    "once": "once", "una vez": "once", "unica": "once", "única": "once", "puntual": "once", "one-off": "once",
}

_REQUIRED_FILE = ("id", "pillar", "label_es", "minutes", "effect")
_REQUIRED_TABLE = ("id", "pillar", "minutes", "effect")
_CATALOG_COLUMNS = (
    "id", "pillar", "kind", "label", "minutes", "effect", "description",
    "label_es", "label_en", "description_es", "description_en", "source",
)
_MAX_SHOWN = 20  # problems listed in one message
_CACHED_BYTES = 2**20  # files up to 1 MB are parsed once (the course's is 7 KB)


# --- one cell ------------------------------------------------------------------------------
def _is_missing(value: object) -> bool:
    if value is None or (isinstance(value, str) and not value.strip()):
        return True
    if isinstance(value, (float, np.floating)):
        return bool(np.isnan(value))
    import pandas as pd

    return value is pd.NA or value is pd.NaT


def _number(value: object) -> float | None:
    """A finite number from a cell: a real number, or text such as ``"20"`` or ``"0,5"``.

    Parsed by the shared checker; None (not an error) so that every bad row is listed at once.
    """
    try:
        return parse_typed_number(value, name="cell", minimum=-math.inf)  # type: ignore[arg-type]
    except (SSIInputError, SSITypeError):
        return None


def _whole(value: object) -> str | None:
    """An integer cell or row label as text (``7`` → ``"7"``); None for anything else."""
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool) and -(10**15) < value < 10**15:
        return str(int(value))
    return None


def _text(value: object) -> str | None:
    """Text of a cell ("" when empty), or None when it is something else (a number, a list)."""
    if _is_missing(value):
        return ""
    return value.strip() if isinstance(value, str) else None


# --- the rules ---------------------------------------------------------------------------
def _check_catalog(
    frame: pd.DataFrame,
    *,
    subject: str,
    rows: Sequence[str],
    required: tuple[str, ...],
    allow_empty: bool = False,
    hint: str = "",
) -> pd.DataFrame:
    """The one checker of a catalog: every row of ``frame`` against every rule.

    ``subject`` names the table in messages ("El catálogo del archivo «x.csv»", "La tabla
    «actions»"), ``rows`` names each row ("línea 5", "fila 'a'"), ``hint`` says where to see
    a good table. Returns the catalog with labels and descriptions in both languages (no
    ``label``/``description`` yet: :func:`_in_language` adds them); raises one message
    listing every bad row.
    """
    import pandas as pd

    labels = [c.strip().lower() if isinstance(c, str) else short_repr(c) for c in frame.columns]
    repeated = sorted({c for c in labels if c and labels.count(c) > 1})
    if repeated:
        raise SSIInputError(
            tr("{subject} tiene columnas repetidas: {cols}. Deja una de cada.",
               "{subject} has repeated columns: {cols}. Keep one of each.",
               subject=subject, cols=", ".join(repeated)),
            field="columns", received=repeated,
        )
    missing = [c for c in required if c not in labels]
    if missing:
        raise SSIInputError(
            tr("{subject} no tiene las columnas: {missing}. Un catálogo necesita: {required}.",
               "{subject} lacks the columns: {missing}. A catalog needs: {required}.",
               subject=subject, missing=", ".join(missing), required=", ".join(required)),
            field="columns", received=labels, hint=hint,
        )
    cells = {label: frame.iloc[:, i].tolist() for i, label in enumerate(labels) if label}
    n = len(frame)
    empty = [""] * n
    problems: list[str] = []
    out: dict[str, list[Any]] = {c: [] for c in _CATALOG_COLUMNS if c not in ("label", "description")}
    seen: dict[str, str] = {}

    def problem(where: str, es: str, en: str, **values: Any) -> None:
        problems.append(tr("{where}: " + es, "{where}: " + en, where=where, **values))

    for i in range(n):
        where = rows[i]
        before = len(problems)
        raw_id = cells["id"][i]
        action_id = _whole(raw_id) or _text(raw_id)
        if action_id is None:
            problem(where, "el «id» debe ser un texto; recibido {r}.", "the 'id' must be text; received {r}.",
                    r=short_repr(raw_id))
        elif not action_id:
            problem(where, "falta el «id».", "the 'id' is missing.")
        elif action_id in seen:
            problem(where, "el id {id} ya está en la {first}.", "the id {id} is already on {first}.",
                    id=short_repr(action_id), first=seen[action_id])
        else:
            seen[action_id] = where
        raw = cells["pillar"][i]
        pillar = None
        if _is_missing(raw):
            problem(where, "falta el pilar («pillar»).", "the pillar ('pillar') is missing.")
        else:
            try:
                pillar = pillar_key(raw.strip() if isinstance(raw, str) else raw)
            except (SSIInputError, SSITypeError):
                problem(where, "pilar desconocido {r}; usa uno de {valid}.", "unknown pillar {r}; use one of {valid}.",
                        r=short_repr(raw), valid=", ".join(PILLARS))
        raw = cells.get("kind", empty)[i]
        kind = ("weekly" if _is_missing(raw)
                else _KIND_NAMES.get(raw.strip().lower()) if isinstance(raw, str) else None)
        if kind is None:
            problem(where, "«kind» debe ser «weekly» (semanal) u «once» (una vez); recibido {r}.",
                    "'kind' must be 'weekly' or 'once'; received {r}.", r=short_repr(raw))
        raw = cells["minutes"][i]
        minutes = _number(raw)
        if minutes is None or not minutes.is_integer() or not 1 <= minutes <= MINUTES_PER_WEEK:
            problem(where, "«minutes» debe ser un número entero de minutos (por semana, o en total si es «once») "
                    "entre 1 y {max}; recibido {r}.",
                    "'minutes' must be a whole number of minutes (per week, or in total if 'once') "
                    "between 1 and {max}; received {r}.",
                    max=format_thousands(MINUTES_PER_WEEK), r=short_repr(raw))
        raw = cells["effect"][i]
        effect = _number(raw)
        if effect is None or not 0 <= effect <= MAX_EFFECT:
            problem(where, "«effect» debe estar entre 0 y {max} puntos por semana; recibido {r}.",
                    "'effect' must be between 0 and {max} points per week; received {r}.",
                    max=format_number(MAX_EFFECT), r=short_repr(raw))
        texts: dict[str, str] = {}
        for column in ("label_es", "label_en", "label", "description_es", "description_en", "description", "source"):
            value = _text(cells.get(column, empty)[i])
            if value is None:
                problem(where, "«{c}» debe ser un texto; recibido {r}.", "'{c}' must be text; received {r}.",
                        c=column, r=short_repr(cells[column][i]))
            texts[column] = value or ""
        if "label_es" in cells and _text(cells["label_es"][i]) == "":
            problem(where, "falta la etiqueta («label_es»).", "the label ('label_es') is missing.")
        if len(problems) == before:
            label_es = texts["label_es"] or texts["label"] or action_id
            description_es = texts["description_es"] or texts["description"]
            out["id"].append(action_id)
            out["pillar"].append(pillar)
            out["kind"].append(kind)
            out["minutes"].append(int(minutes))  # type: ignore[arg-type]
            out["effect"].append(float(effect))  # type: ignore[arg-type]
            out["label_es"].append(label_es)
            out["label_en"].append(texts["label_en"] or texts["label"] or label_es)
            out["description_es"].append(description_es)
            out["description_en"].append(texts["description_en"] or texts["description"] or description_es)
            out["source"].append(texts["source"])
    if problems:
        raise SSIInputError(
            tr("{subject} tiene {n}:\n  {problems}", "{subject} has {n}:\n  {problems}",
               subject=subject, n=plural(len(problems), "problema", "problemas", "problem", "problems"),
               problems=_listed(problems)),
            field="catalog", received=problems,
        )
    if not n and not allow_empty:
        raise SSIInputError(
            tr("{subject} no tiene ninguna acción.", "{subject} has no actions.", subject=subject),
            field="catalog", received=0,
            hint=tr("Añade una fila por acción debajo de la cabecera.", "Add one row per action below the header."),
        )
    table = pd.DataFrame(out, columns=[c for c in _CATALOG_COLUMNS if c not in ("label", "description")])
    return table.astype({"minutes": "int64", "effect": "float64"})


def _listed(problems: list[str]) -> str:
    """The first problems, one per line; a broken 10,000-row file says how many more."""
    shown = problems[:_MAX_SHOWN]
    if len(problems) > _MAX_SHOWN:
        shown.append(tr("… y {n} más.", "… and {n} more.", n=format_thousands(len(problems) - _MAX_SHOWN)))
    return "\n  ".join(shown)


def _in_language(catalog: pd.DataFrame) -> pd.DataFrame:
    """A copy with ``label`` and ``description`` in the current language, in the usual column order."""
    frame = catalog.copy()
    frame["label"] = frame[tr("label_es", "label_en")]
    frame["description"] = frame[tr("description_es", "description_en")]
    return frame[list(_CATALOG_COLUMNS)]


def _check_table(table: object, *, name: str, allow_empty: bool = False) -> pd.DataFrame:
    """A catalog given as a DataFrame (``catalog=`` or ``actions=``), checked row by row.

    Labels come in both languages (``label_es``…), without the current language's ``label``.
    """
    frame = check_frame(
        table, name=name,
        expected=tr("una tabla de acciones (filas de load_actions())", "a table of actions (rows of load_actions())"),
    )
    rows = [tr("fila {r}", "row {r}", r=_row_name(label)) for label in frame.index]
    checked = _check_catalog(
        frame, subject=tr("La tabla «{n}»", "The table '{n}'", n=name), rows=rows, required=_REQUIRED_TABLE,
        allow_empty=allow_empty, hint=tr("Usa filas de ssi_kit.load_actions() o una lista de ids.",
                                         "Use rows of ssi_kit.load_actions() or a list of ids."),
    )
    return checked


def _row_name(label: object) -> str:
    return _whole(label) or short_repr(label, 30)


# --- reading a CSV -------------------------------------------------------------------------
_CATALOG_FILE = TableKind(
    file="acciones.csv", function="load_actions", described=("un catálogo de acciones", "an actions catalog"),
    columns={
        "id": ("id",), "pillar": ("pillar", "pilar"), "kind": ("kind", "tipo"), "minutes": ("minutes", "minutos"),
        "effect": ("effect", "efecto"), "label_es": ("labeles",), "label_en": ("labelen",), "label": ("label",),
        "description_es": ("descriptiones",), "description_en": ("descriptionen",),
        "description": ("description",), "source": ("source", "fuente"),
    },
    strict=False, repeated="error", expected=", ".join(_REQUIRED_FILE),
    argument=("la ruta de un CSV de acciones (o su texto pegado)", "the path of an actions CSV (or its pasted text)"),
    download=("Pasa la ruta de un CSV de acciones, o nada para usar el del curso.",
              "Pass the path of an actions CSV, or nothing for the course's."),
)


def _ragged(table: Table, width: int) -> list[str]:
    """One problem per row whose number of values differs from the header's."""
    import numpy as np

    widths = table.widths if table.widths is not None else np.full(len(table.frame), width)
    bad = np.flatnonzero((widths < width) | table.extra)
    return [tr("línea {line}: tiene {n} valores y la cabecera {m}.", "line {line}: has {n} values and the header {m}.",
               line=table.line_of(int(row)) or "?", n=int(widths[row]), m=width) for row in bad.tolist()]


def _catalog_of(source: Source) -> str:
    """«El catálogo del archivo «x.csv»»: the name as the learner gave it."""
    return tr("El catálogo {of}", "The catalog {of}", of=source.of)


@lru_cache(maxsize=8)
def _read_catalog(source: Source) -> pd.DataFrame:
    """The checked catalog of a file's bytes, labels in both languages (cached: a catalog is small)."""
    table = read_table(source, _CATALOG_FILE, header_lines=20)
    ragged = _ragged(table, table.width)
    if ragged:
        raise SSIInputError(
            tr("{subject} tiene {n}:\n  {problems}", "{subject} has {n}:\n  {problems}",
               subject=_catalog_of(source), n=plural(len(ragged), "fila mal formada", "filas mal formadas",
                                                "malformed row", "malformed rows"),
               problems=_listed(ragged)),
            field="catalog", received=ragged,
            hint=tr('¿Un decimal con coma sin comillas? Escribe 0.5 o "0,5".',
                    'A decimal comma without quotes? Write 0.5 or "0,5".'),
        )
    rows = [tr("línea {n}", "line {n}", n=table.line_of(i) or "?") for i in range(len(table.frame))]
    return _check_catalog(
        table.frame.astype(object), subject=_catalog_of(source), rows=rows, required=_REQUIRED_FILE,
        hint=tr("Copia la cabecera del catálogo del curso: ssi_kit.data_path(\"acciones.csv\").",
                "Copy the header of the course's catalog: ssi_kit.data_path(\"acciones.csv\")."),
    )


def _catalog_source(path: object) -> Source:
    if path is None:
        path = data_path("acciones.csv")
    return read_source(path, function=_CATALOG_FILE.function, expected=tr(*_CATALOG_FILE.argument),
                       hint=tr(*_CATALOG_FILE.download))


def _load(path: object) -> pd.DataFrame:
    """The checked catalog (labels in both languages) of a path, pasted text, bytes or file."""
    source = _catalog_source(path)
    if len(source.data) > _CACHED_BYTES:
        return _read_catalog.__wrapped__(source)
    return _read_catalog(source)


@lru_cache(maxsize=8)
def _file_plan(source: Source) -> ActionPlan:
    """Every action of a catalog file as arrays (cached with the file's checked table; read-only)."""
    plan = ActionPlan.from_catalog(_read_catalog(source))
    for array in (plan.pillar, plan.minutes, plan.rate, plan.once):
        array.setflags(write=False)
    return plan


def load_actions(path: str | PathLike[str] | bytes | None = None) -> pd.DataFrame:
    """Load and check a catalog of improvement actions (the course's, by default).

    Parameters
    ----------
    path : str, path, bytes or open file, optional
        A CSV with columns ``id, pillar, label_es, minutes, effect`` and optionally
        ``label_en, description_es, description_en, source``; its text pasted as a string
        works too. ``minutes`` is the weekly effort in whole minutes; ``effect`` the points
        per week the action gives on an empty pillar (0–10). Without a path, ssi-kit's
        ``acciones.csv`` (the actions named in the course).

    Returns
    -------
    pandas.DataFrame
        One row per action: ``id, pillar, label, minutes, effect, description`` (label and
        description in the current language) and the source columns.

    Raises
    ------
    SSIInputError
        If the file is missing, unreadable, empty or not a valid CSV, or if any row is wrong
        (unknown pillar, minutes not whole and above 0, effect outside 0–10, missing label,
        repeated id): the message lists every bad row with the line a text editor shows.
    SSITypeError
        If ``path`` is not a path, text, bytes or file (a DataFrame goes to ``catalog=``).

    Examples
    --------
    >>> actions = load_actions()
    >>> sorted(actions.pillar.unique()) == sorted(PILLARS)
    True
    >>> load_actions("id,pillar,label_es,minutes,effect\\nx,marca,Publicar,30,0.5\\n").pillar.tolist()
    ['brand']
    """
    return _in_language(_load(path))


def as_catalog(catalog: object = None, *, name: str = "catalog") -> pd.DataFrame:
    """A checked catalog from what a learner passes as ``catalog=``.

    Parameters
    ----------
    catalog : DataFrame, path, text or None
        ``None`` for the course's catalog; a path or pasted CSV text as for
        :func:`load_actions`; or a DataFrame with at least ``id, pillar, minutes, effect``.
    name : str
        The argument's name, for messages.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`load_actions` (labels default to the id), a new frame.

    Raises
    ------
    SSIInputError
        As :func:`load_actions`: every bad row is listed (by its label in a DataFrame).
    SSITypeError
        For anything else (a number, a list…).

    Examples
    --------
    >>> import pandas as pd
    >>> as_catalog(pd.DataFrame({"id": ["a"], "pillar": ["marca"], "minutes": [10], "effect": [0.5]})).label.item()
    'a'
    """
    import pandas as pd

    if isinstance(catalog, pd.DataFrame):
        return _in_language(_check_table(catalog, name=name))
    if catalog is None or isinstance(catalog, (str, PathLike, bytes)):
        return load_actions(catalog)
    raise SSITypeError(
        tr("«{name}» debe ser un DataFrame de load_actions() o la ruta de un CSV; recibido {kind}.",
           "'{name}' must be a DataFrame from load_actions() or the path of a CSV; received {kind}.",
           name=name, kind=type(catalog).__name__),
        field=name, received=catalog,
    )


# --- "which actions" --------------------------------------------------------------------
@dataclass(frozen=True)
class ActionPlan:
    """Checked actions as arrays, what the model needs.

    Attributes
    ----------
    ids : tuple of str
        The actions, in the order given.
    pillar : numpy.ndarray
        Index into ``PILLARS`` of each action's pillar.
    minutes : numpy.ndarray
        Minutes of each action (whole numbers): per week for a weekly action, in total for
        a one-off one.
    rate : numpy.ndarray
        Share of the gap to 25 each action closes (``effect / 25``): every week for a weekly
        action, once for a one-off one.
    once : numpy.ndarray
        ``True`` for the one-off actions (``kind == "once"``).

    Examples
    --------
    >>> plan = resolve_plan(["publicar", "grupos"])
    >>> plan.ids, plan.minutes.tolist()
    (('publicar', 'grupos'), [60, 10])
    """

    ids: tuple[str, ...]
    pillar: np.ndarray
    minutes: np.ndarray
    rate: np.ndarray
    once: np.ndarray

    @classmethod
    def from_catalog(cls, catalog: pd.DataFrame) -> ActionPlan:
        """Every row of a checked catalog (from :func:`as_catalog`)."""
        return cls(
            ids=tuple(catalog["id"]),
            pillar=np.array([PILLARS.index(p) for p in catalog["pillar"]], dtype=np.intp),
            minutes=catalog["minutes"].to_numpy(dtype=np.int64),
            rate=catalog["effect"].to_numpy(dtype=float) / PILLAR_MAX,
            once=(catalog["kind"] == "once").to_numpy(dtype=bool),
        )

    def take(self, rows: np.ndarray) -> ActionPlan:
        """The plan of some of these actions, by position."""
        return ActionPlan(tuple(self.ids[i] for i in rows), self.pillar[rows], self.minutes[rows], self.rate[rows],
                          self.once[rows])

    def weekly_minutes(self, weeks: int) -> np.ndarray:
        """Each action's cost per week over a horizon of ``weeks``, in whole minutes.

        A weekly action costs its minutes every week; a one-off action's minutes are spread
        over the horizon and rounded up (120 minutes over 26 weeks cost 5 a week), all of them
        in a horizon of 0 or 1 week.
        """
        spread = -(-self.minutes // max(int(weeks), 1))  # ceiling division, exact on integers
        return np.where(self.once, spread, self.minutes).astype(np.int64)


def _wanted(actions: object) -> list[Any]:
    if actions is None:
        return []
    if isinstance(actions, str):
        return [actions]
    if isinstance(actions, Iterable) and not isinstance(actions, (Mapping, bytes)):
        try:
            return list(actions)
        except TypeError:  # a 0-d array says it is iterable and is not
            pass
    raise SSITypeError(
        tr("«actions» debe ser una lista de ids de acciones (por ejemplo [\"publicar\", \"grupos\"]) "
           "o filas de load_actions(); recibido {kind}.",
           "'actions' must be a list of action ids (e.g. [\"publicar\", \"grupos\"]) or rows of "
           "load_actions(); received {kind}.", kind=type(actions).__name__),
        field="actions", received=actions,
    )


def resolve_plan(actions: object, *, catalog: object = None) -> ActionPlan:
    """The actions a learner names, checked, as an :class:`ActionPlan`.

    Parameters
    ----------
    actions : list of ids, str, DataFrame or None
        Ids from the catalog (repeats count once), one id, some rows of a catalog (checked
        by the catalog's rules), or None for no action.
    catalog : DataFrame, path, text or None
        Where the ids are looked up (see :func:`as_catalog`); the course's by default.

    Raises
    ------
    SSIInputError
        For an id not in the catalog (the closest one is suggested) or a bad row.
    SSITypeError
        If ``actions`` is not one of the above.

    Examples
    --------
    >>> resolve_plan(["grupos", "publicar", "grupos"]).ids
    ('grupos', 'publicar')
    """
    import difflib

    import pandas as pd

    if isinstance(actions, pd.DataFrame):
        return ActionPlan.from_catalog(_check_table(actions, name="actions", allow_empty=True))
    wanted = _wanted(actions)
    if catalog is None or isinstance(catalog, (str, PathLike, bytes)):
        source = _catalog_source(catalog)
        small = len(source.data) <= _CACHED_BYTES
        full = _file_plan(source) if small else ActionPlan.from_catalog(_read_catalog.__wrapped__(source))
    else:
        full = ActionPlan.from_catalog(as_catalog(catalog))
    known = list(full.ids)
    position = {action_id: i for i, action_id in enumerate(known)}
    rows: dict[int, None] = {}
    for item in wanted:
        if not isinstance(item, str) or item not in position:
            close = difflib.get_close_matches(item, known, n=1, cutoff=0.5) if isinstance(item, str) else []
            raise SSIInputError(
                tr("No hay ninguna acción con id {r} en el catálogo.", "There is no action with id {r} in the catalog.",
                   r=short_repr(item)),
                field="actions", received=item,
                hint=(tr("¿Querías decir {c}? ", "Did you mean {c}? ", c=repr(close[0])) if close else "")
                + tr("Mira los ids con ssi_kit.load_actions().id.", "See the ids with ssi_kit.load_actions().id."),
            )
        rows[position[item]] = None
    return full.take(np.fromiter(rows, dtype=np.intp, count=len(rows)))
