"""The one validation path: every check of a learner's input goes through these functions.

Numbers, choices, probabilities, types, table columns, paths (:func:`check_path`, the one
check of every path a learner passes), and the files (or pasted text) that readers take.
Each message names the argument, what was expected and what came in (cut short, never a
row of someone's data), with a hint for the predictable mistake, and raises
:class:`~ssi_kit.errors.SSIInputError` or :class:`~ssi_kit.errors.SSITypeError`.
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import io
import math
import numbers
import os
import re
import secrets
import stat
import sys
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast, overload

from ._i18n import format_date, format_number, format_thousands, plural, short_repr, tr
from .errors import SSIInputError, SSITypeError, SSIWarning

if TYPE_CHECKING:
    import pandas as pd

T = TypeVar("T")

MAX_FILE_BYTES = 200 * 2**20
"""The largest file a reader accepts (a real export of 30,000 connections is about 4 MB)."""


# --- numbers --------------------------------------------------------------------------------
def _is_number(value: object) -> bool:
    """A real number: not a bool, nor numpy's timedelta64 (which numpy counts as an integer)."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool) and type(value).__name__ != "timedelta64"


def check_number(
    value: object,
    *,
    name: str,
    minimum: float = 0,
    maximum: float = math.inf,
    integer: bool = False,
    expected: str | None = None,
    hint: str = "",
    subject: str | None = None,
) -> float:
    """Return ``value`` as a float if it is a real, finite number in ``minimum..maximum``.

    Parameters
    ----------
    name : str
        The argument's name, as the learner wrote it (``"weeks"``).
    integer : bool
        Also require a whole number (``26.0`` passes, ``2.5`` does not).
    expected : str, optional
        What to call a valid value in the message (already in the current language);
        by default "un número (entero) entre A y B" or "… de A en adelante".
    hint : str
        An example of a good value, in the current language.
    subject : str, optional
        How the message names the value (``"El pilar «marca»"``); ``«name»`` by default.

    Raises
    ------
    SSIInputError
        For anything else: text, booleans, NaN, out of range (a 400-digit number too), a
        fraction where a whole number goes. A number out of range reads
        "«weeks» debe estar entre 0 y 520; recibido 600".
    """
    subject = subject or tr("«{n}»", "'{n}'", n=name)
    number = math.nan
    if _is_number(value):
        try:
            # Integers are compared exactly, so 10**400 is "too big", not an OverflowError.
            in_range = minimum <= value <= maximum  # type: ignore[operator]
            number = float(value)  # type: ignore[arg-type]
        except (OverflowError, TypeError, ValueError):
            in_range = False
        if in_range and math.isfinite(number) and (not integer or number.is_integer()):
            return number
        if expected is None and math.isfinite(number) and (number.is_integer() or not integer):
            verb, between = _between(minimum, maximum)
            raise SSIInputError(
                tr("{subject} {verb} {between}; recibido {received}.",
                   "{subject} {verb} {between}; received {received}.",
                   subject=subject, verb=verb, between=between, received=format_number(number)),
                field=name, received=value, hint=hint,
            )
    raise _number_error(value, name=name, subject=subject, hint=hint,
                        expected=expected or _expected_range(minimum, maximum, integer))


def _bound(x: float) -> str:
    return format_thousands(int(x)) if float(x).is_integer() and abs(x) >= 10_000 else format_number(x)


def _between(minimum: float, maximum: float) -> tuple[str, str]:
    """How the message says the range: ("debe estar", "entre 0 y 25") or ("debe ser", "1 o más")."""
    if math.isinf(maximum):
        return tr("debe ser", "must be"), tr("{lo} o más", "{lo} or more", lo=_bound(minimum))
    return tr("debe estar", "must be"), tr("entre {lo} y {hi}", "between {lo} and {hi}",
                                           lo=_bound(minimum), hi=_bound(maximum))


def _number_error(value: object, *, name: str, expected: str, hint: str, subject: str | None = None) -> SSIInputError:
    if isinstance(value, str) and not hint:
        hint = tr("Escríbelo sin comillas, como número.", "Write it without quotes, as a number.")
    received = short_repr(value)
    if _is_number(value) and isinstance(value, float) and not math.isfinite(value):
        received += tr(" (no es un número válido)", " (not a valid number)")
    return SSIInputError(
        tr("{subject} debe ser {expected}; recibido {received}.",
           "{subject} must be {expected}; received {received}.",
           subject=subject or tr("«{n}»", "'{n}'", n=name), expected=expected, received=received),
        field=name, received=value, hint=hint,
    )


def _expected_range(minimum: float, maximum: float, integer: bool) -> str:
    lo, hi = _bound(minimum), _bound(maximum)
    if math.isinf(maximum):
        if integer:
            return tr("un número entero de {lo} en adelante", "a whole number from {lo} up", lo=lo)
        return tr("un número de {lo} en adelante", "a number from {lo} up", lo=lo)
    if integer:
        return tr("un número entero entre {lo} y {hi}", "a whole number between {lo} and {hi}", lo=lo, hi=hi)
    return tr("un número entre {lo} y {hi}", "a number between {lo} and {hi}", lo=lo, hi=hi)


def check_integer(value: object, *, name: str, minimum: float = 0, maximum: float = math.inf,
                  expected: str | None = None, hint: str = "") -> int:
    """:func:`check_number` for a whole number; returns an ``int``."""
    return int(check_number(value, name=name, minimum=minimum, maximum=maximum, integer=True,
                            expected=expected, hint=hint))


def check_probability(value: object, *, name: str, hint: str = "") -> float:
    """A probability strictly between 0 and 1 (a band's coverage, say)."""
    expected = tr("una probabilidad entre 0 y 1 (sin incluirlos), por ejemplo 0,8",
                  "a probability between 0 and 1 (exclusive), e.g. 0.8")
    hint = hint or tr("Es una fracción: 0,8 significa 80 %.", "It is a fraction: 0.8 means 80%.")
    number = check_number(value, name=name, maximum=1, expected=expected, hint=hint)
    if not 0 < number < 1:
        raise _number_error(value, name=name, expected=expected, hint=hint)
    return number


def check_seed(value: object, *, name: str = "seed") -> int:
    """A random seed: a whole number from 0 up (the same seed gives the same result)."""
    return check_integer(value, name=name, maximum=2**32 - 1, hint=tr(
        "Usa cualquier número entero, por ejemplo 0 o 2024.", "Use any whole number, e.g. 0 or 2024."))


_TYPED = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}([.,\s\u00a0\u202f])\d{3}(\1\d{3})*")


def parse_typed_number(
    text: str,
    *,
    name: str,
    minimum: float = 0,
    maximum: float = math.inf,
    integer: bool = False,
    percent: bool = False,
    subject: str | None = None,
    hint: str = "",
) -> float:
    """A number as a learner types it in a box, checked like :func:`check_number`.

    Decimal comma or point (``12,5``, ``12.5``); for whole numbers, thousands separators
    (``1.500``, ``1,500``, ``1 500`` are 1500). With ``percent``, the value is a fraction
    typed as a percentage: ``50``, ``50 %`` and ``0,5`` are all 0.5 (a number without a
    decimal part is read as a percentage, one with it as a fraction).

    >>> parse_typed_number("1.500", name="first", integer=True)
    1500.0
    >>> parse_typed_number("0,3", name="overlap", percent=True, maximum=0.99)
    0.3
    """
    if not isinstance(text, str):
        return check_number(text, name=name, minimum=minimum, maximum=maximum, integer=integer, subject=subject,
                            hint=hint)
    cleaned = text.strip()
    is_percent = percent and cleaned.endswith("%")
    cleaned = cleaned.rstrip("%").strip()
    if integer and _THOUSANDS.fullmatch(cleaned):
        cleaned = re.sub(r"[.,\s\u00a0\u202f]", "", cleaned)
    if not _TYPED.fullmatch(cleaned):
        raise _number_error(text, name=name, subject=subject, hint=hint or tr(
            "Escribe solo el número, por ejemplo 12,5.", "Type only the number, e.g. 12.5."),
            expected=_expected_range(minimum * (100 if percent else 1), maximum * (100 if percent else 1), integer))
    value = float(cleaned.replace(",", "."))
    if percent:
        # Checked in the unit the learner sees: "entre 0 y 99; recibido 150".
        as_percent = value if is_percent or not re.search(r"[.,]", cleaned) else value * 100
        return check_number(as_percent, name=name, minimum=minimum * 100, maximum=maximum * 100, subject=subject,
                            hint=hint or tr("Es un porcentaje: 50, 50 % o 0,5.", "A percentage: 50, 50% or 0.5."),
                            ) / 100
    return check_number(value, name=name, minimum=minimum, maximum=maximum, integer=integer, subject=subject,
                        hint=hint)


# --- choices and types ---------------------------------------------------------------------
def check_choice(value: object, choices: Mapping[str, T] | Iterable[str], *, name: str,
                 shown: Iterable[str] | None = None, hint: str = "") -> T:
    """The option ``value`` names among ``choices`` (case and spaces ignored).

    ``choices`` maps each accepted spelling to what it means (or lists the options).
    Anything else, a list or ``pd.NA`` included, gets a message with the valid options
    (``shown``, by default the keys) and the closest one when there is a close one.
    """
    table: dict[str, Any] = dict(choices) if isinstance(choices, Mapping) else {c: c for c in choices}
    lookup = {str(k).strip().lower(): v for k, v in table.items()}
    if isinstance(value, str) and value.strip().lower() in lookup:
        return lookup[value.strip().lower()]
    options = list(shown) if shown is not None else list(table)
    if isinstance(value, str) and not hint:
        import difflib

        close = difflib.get_close_matches(value.strip().lower(), [o.lower() for o in options], n=1, cutoff=0.6)
        if close:
            hint = tr("¿Querías decir «{c}»?", "Did you mean '{c}'?", c=close[0])
    raise SSIInputError(
        tr("«{name}» debe ser uno de: {options}; recibido {received}.",
           "'{name}' must be one of: {options}; received {received}.",
           name=name, options=", ".join(options), received=short_repr(value)),
        field=name, received=value, hint=hint,
    )


def check_type(value: T, types: type | tuple[type, ...], *, name: str, expected: str, hint: str = "") -> T:
    """``value`` if it is an instance of ``types``; otherwise an :class:`SSITypeError`."""
    if isinstance(value, types) and not (isinstance(value, bool) and bool not in _as_tuple(types)):
        return value
    raise SSITypeError(
        tr("«{name}» debe ser {expected}; recibido {kind}.", "'{name}' must be {expected}; received {kind}.",
           name=name, expected=expected, kind=type(value).__name__),
        field=name, received=value, hint=hint,
    )


def check_flag(value: object, *, name: str) -> bool:
    """A yes/no option: ``True`` or ``False`` (numpy's booleans too)."""
    if isinstance(value, (bool, _numpy_bool())):
        return bool(value)
    raise SSITypeError(
        tr("«{name}» debe ser True o False; recibido {received}.",
           "'{name}' must be True or False; received {received}.", name=name, received=short_repr(value)),
        field=name, received=value,
    )


def check_title(value: object, *, name: str = "title") -> str | None:
    """An optional text option (a figure's title): ``None`` or a string."""
    if value is None or isinstance(value, str):
        return value
    raise SSITypeError(
        tr("«{name}» debe ser un texto (o None); recibido {kind}.", "'{name}' must be text (or None); received {kind}.",
           name=name, kind=type(value).__name__),
        field=name, received=value,
    )


def _numpy_bool() -> type:
    """numpy's bool type, without importing numpy just for this check."""
    import sys

    numpy = sys.modules.get("numpy")
    return numpy.bool_ if numpy is not None else bool


def _as_tuple(types: type | tuple[type, ...]) -> tuple[type, ...]:
    return types if isinstance(types, tuple) else (types,)


def check_frame(value: object, *, name: str, expected: str, required: Iterable[str] = (), hint: str = "",
                numbers: Iterable[str] = (), counts: Iterable[str] = (), dates: Iterable[str] = (),
                text: Iterable[str] = (), complete: Iterable[str] = ()) -> pd.DataFrame:
    """A DataFrame with unique column names holding ``required``; the message names what is missing.

    ``numbers``, ``counts``, ``dates`` and ``text`` name columns (checked when present) that must
    hold finite numbers, whole numbers from 0 up, dates or text; a blank cell (None, NaN, NaT,
    NA) is allowed except in the columns named in ``complete``. A table a learner built or edited then gets one message
    naming the column, what it must hold, the row and the kind of value found there (never the
    value: it may be someone's data). The frame is returned as it came when its columns already
    are of their kind, otherwise as a copy with them converted: numbers to floats, dates to
    timestamps, numbers in a text column to their text.
    """
    import pandas as pd

    frame = cast(pd.DataFrame, check_type(value, pd.DataFrame, name=name, expected=expected, hint=hint))
    labels = [str(c) for c in frame.columns]
    repeated = sorted({c for c in labels if labels.count(c) > 1})
    if repeated:
        raise SSIInputError(
            tr("La tabla «{name}» tiene columnas repetidas: {cols}. Deja una de cada.",
               "The table '{name}' has repeated columns: {cols}. Keep one of each.",
               name=name, cols=", ".join(repeated)),
            field=name, received=repeated,
        )
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise SSIInputError(
            tr("A la tabla «{name}» le faltan las columnas: {missing}.",
               "The table '{name}' lacks the columns: {missing}.", name=name, missing=", ".join(missing)),
            field=name, received=labels, hint=hint,
        )
    converted: dict[str, pd.Series] = {}
    for kinds, read in ((numbers, _numbers_column), (counts, _counts_column), (dates, _dates_column),
                        (text, _text_column)):
        for column in kinds:
            if column in frame.columns:
                values = read(original := frame[column], name=name, column=column)
                if values is not original:
                    converted[column] = values
    for column in complete:
        if column in frame.columns and (blank := _first(converted.get(column, frame[column]).isna())) is not None:
            raise _column_error(name, column, blank, tr("un valor vacío", "a blank value"), hint=tr(
                "Rellena esa celda o quita la fila.", "Fill in that cell or drop the row."))
    return frame.assign(**converted) if converted else frame


# What a column holds, cell by cell, as a learner reads it (never the value itself).
def _kind(value: object) -> str:
    if isinstance(value, str):
        return tr("texto", "text")
    if isinstance(value, (bool, _numpy_bool())):
        return "True/False"
    if _is_number(value):
        return tr("un número", "a number") if math.isfinite(_as_float(value)) else tr(
            "un número infinito", "an infinite number")
    if isinstance(value, dt.date) or type(value).__name__ == "datetime64":
        return tr("una fecha", "a date")
    return tr("un valor de tipo {t}", "a value of type {t}", t=type(value).__name__)


def _first(flags: object) -> int | None:
    """The position of the first true flag (in a Series or an array), or None."""
    import numpy as np

    where = np.flatnonzero(np.asarray(flags, dtype=bool))
    return int(where[0]) if len(where) else None


def _column_error(name: str, column: object, row: int, found: str, *, must: str = "", hint: str = "") -> SSIInputError:
    must = must or tr("un valor en cada fila", "a value in every row")
    return SSIInputError(
        tr("La columna «{c}» de la tabla «{n}» debe tener {m}; en la fila {r} hay {k}.",
           "The column '{c}' of the table '{n}' must hold {m}; row {r} has {k}.",
           c=column, n=name, m=must, r=format_thousands(row + 1), k=found),
        field=name, received=str(column), hint=hint,
    )


def _numbers_column(values: pd.Series, *, name: str, column: str) -> pd.Series:
    """``values`` if they are finite numbers (or blank); as floats if they were stored as objects."""
    import numpy as np
    import pandas as pd

    must = tr("números", "numbers")
    hint = tr("Escribe cada número sin comillas, con punto decimal: 12.5.",
              "Write each number without quotes, with a decimal point: 12.5.")
    dtype = values.dtype
    if not (pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)
            and not pd.api.types.is_complex_dtype(dtype)):
        cells = values.tolist()
        bad = next((i for i, v in enumerate(cells) if not _is_missing(v) and not _is_number(v)), None)
        if bad is not None:
            raise _column_error(name, column, bad, _kind(cells[bad]), must=must,
                                hint=hint if isinstance(cells[bad], str) else "")
        values = pd.Series([math.nan if _is_missing(v) else _as_float(v) for v in cells], index=values.index,
                           dtype=float, name=values.name)
    numbers = values.to_numpy(dtype="float64", na_value=np.nan)
    infinite = _first(np.isinf(numbers))
    if infinite is not None:
        raise _column_error(name, column, infinite, tr("un número infinito", "an infinite number"), must=must)
    return values


def _counts_column(values: pd.Series, *, name: str, column: str) -> pd.Series:
    """``values`` if they are whole numbers from 0 up (or blank): people, messages, years."""
    import numpy as np

    values = _numbers_column(values, name=name, column=column)
    numbers = values.to_numpy(dtype="float64", na_value=np.nan)
    bad = _first((numbers < 0) | (numbers != np.floor(numbers)))
    if bad is not None:
        raise _column_error(name, column, bad, tr("un número negativo", "a negative number") if numbers[bad] < 0
                            else tr("un número con decimales", "a number with decimals"),
                            must=tr("números enteros de 0 en adelante", "whole numbers from 0 up"))
    return values


def _as_float(value: object) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except OverflowError:  # a 400-digit integer
        return math.inf


def _dates_column(values: pd.Series, *, name: str, column: str) -> pd.Series:
    """``values`` if they are dates (or blank); as timestamps if they were stored as objects."""
    import pandas as pd

    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        return values
    must = tr("fechas", "dates")
    hint = tr("Conviértela con pd.to_datetime(tabla['{c}'], dayfirst=True).",
              "Convert it with pd.to_datetime(table['{c}'], dayfirst=True).", c=column)
    cells = values.tolist()
    bad = next((i for i, v in enumerate(cells) if not _is_missing(v)
                and not isinstance(v, dt.date) and type(v).__name__ != "datetime64"), None)
    if bad is not None:
        raise _column_error(name, column, bad, _kind(cells[bad]), must=must, hint=hint)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            read = pd.to_datetime(pd.Series(cells, index=values.index, dtype=object, name=values.name),
                                  format="mixed")
        return read
    except (TypeError, ValueError, OverflowError):  # with and without a time zone, or out of pandas' range
        raise SSIInputError(
            tr("La columna «{c}» de la tabla «{n}» mezcla fechas con zona horaria y sin ella, o tiene fechas "
               "fuera del calendario que admite pandas.",
               "The column '{c}' of the table '{n}' mixes dates with and without a time zone, or holds dates "
               "outside the calendar pandas supports.", c=column, n=name),
            field=name, received=str(column), hint=hint,
        ) from None


def _text_column(values: pd.Series, *, name: str, column: str) -> pd.Series:
    """``values`` if they are text (or blank); numbers become their text (a company called 1800)."""
    import pandas as pd

    if isinstance(values.dtype, pd.StringDtype):
        return values
    cells = values.tolist()
    odd = [i for i, v in enumerate(cells) if not _is_missing(v) and not isinstance(v, str)]
    if not odd:
        return values
    bad = next((i for i in odd if not _is_number(cells[i]) or isinstance(cells[i], (bool, _numpy_bool()))), None)
    if bad is not None:
        raise _column_error(name, column, bad, _kind(cells[bad]), must=tr("texto", "text"), hint=tr(
            "Escribe cada valor entre comillas, como texto.", "Write each value in quotes, as text."))
    return pd.Series([str(v) if _is_number(v) else v for v in cells], index=values.index, dtype=object,
                     name=values.name)


# --- paths -----------------------------------------------------------------------------------
NAME_MAX_BYTES = 255
"""The longest file or folder name the usual file systems take, in bytes (``é`` is 2, ``漢`` is 3)."""
PATH_MAX_BYTES = 4096
"""The longest whole path Linux takes, in bytes."""

PathUse = Literal["read", "write", "folder"]

_OS_REASONS = {
    "ENOENT": ("no existe", "it does not exist"),
    "EACCES": ("sin permiso", "no permission"),
    "EPERM": ("sin permiso", "no permission"),
    "ENOSPC": ("el disco está lleno", "the disk is full"),
    "EDQUOT": ("se acabó tu espacio en el disco", "your disk quota is used up"),
    "EROFS": ("el disco es de solo lectura", "the disk is read-only"),
    "ENAMETOOLONG": ("el nombre es demasiado largo", "the name is too long"),
    "ELOOP": ("enlaces que dan vueltas", "links that go round in circles"),
    "ENOTDIR": ("una parte de la ruta es un archivo, no una carpeta", "part of the path is a file, not a folder"),
    "EISDIR": ("es una carpeta", "it is a folder"),
    "EEXIST": ("ya existe", "it already exists"),
    "EIO": ("error de lectura o escritura del disco", "the disk failed to read or write"),
    "EBUSY": ("está en uso", "it is in use"),
}


def describe_os_error(error: OSError) -> str:
    """Why the system refused, in the current language: never the system's own (English) text.

    >>> import errno
    >>> describe_os_error(OSError(errno.ENOSPC, "No space left on device"))
    'el disco está lleno'
    """
    code = errno.errorcode.get(error.errno or 0, "")
    if isinstance(error, PermissionError):
        code = "EACCES"
    if code in _OS_REASONS:
        return tr(*_OS_REASONS[code])
    return tr("error del sistema {c}", "system error {c}", c=code or type(error).__name__)


def temporary_path(target: Path, *, room: int = 0) -> Path:
    """A new hidden name beside ``target`` to write it whole first, never longer than a name may be.

    The name is cut by bytes, not characters: a name of 80 CJK characters (240 bytes) still
    gets a temporary name the file system takes. ``room`` leaves that many bytes for what a
    program adds to the name (SQLite's ``-journal``).
    """
    suffix = f".{secrets.token_hex(4)}.tmp"
    budget = NAME_MAX_BYTES - room - 1 - len(suffix)
    stem = os.fsencode(target.name)[:budget].decode("utf-8", "ignore")
    return target.with_name(f".{stem}{suffix}")


def _as_shown(path: str, limit: int = 200) -> str:
    """A path as messages quote it: control characters escaped, cut to ``limit`` characters."""
    text = repr(path)[1:-1]
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class _Asked:
    """A path being checked, and how :func:`check_path`'s messages name it."""

    name: str
    given: str
    who: str  # «path», or the subject the caller chose
    example: str  # "Por ejemplo …" or ""

    @property
    def shown(self) -> str:
        return _as_shown(self.given)

    def refuse(self, message: str, hint: str = "") -> SSIInputError:
        return SSIInputError(message, field=self.name, received=self.given, hint=hint)

    def invalid(self, why: str) -> SSIInputError:
        return self.refuse(tr("{who} no es una ruta válida: {why}.", "{who} is not a valid path: {why}.",
                              who=self.who, why=why), self.example)

    def system_error(self, error: OSError) -> SSIInputError:
        """The system's refusal to look at the path, in the learner's words."""
        p = self.shown
        if error.errno == errno.ENAMETOOLONG:
            return self.refuse(tr("La ruta «{p}» tiene un nombre demasiado largo para este sistema.",
                                  "The path '{p}' has a name too long for this system.", p=p),
                               tr("Acorta los nombres de la ruta.", "Shorten the names in the path."))
        if error.errno == errno.ELOOP:
            return self.refuse(tr("«{p}» es un enlace que vuelve sobre sí mismo: no lleva a ningún archivo.",
                                  "'{p}' is a link that loops back on itself: it leads to no file.", p=p),
                               tr("Borra el enlace o elige otro nombre.", "Delete the link or choose another name."))
        if isinstance(error, PermissionError):
            return self.refuse(tr("No tengo permiso para entrar en la carpeta de «{p}».",
                                  "No permission to enter the folder of '{p}'.", p=p),
                               tr("Elige una carpeta tuya, por ejemplo junto a las lecciones.",
                                  "Choose a folder of yours, e.g. next to the lessons."))
        return self.refuse(tr("No puedo usar la ruta «{p}» ({r}).", "Cannot use the path '{p}' ({r}).",
                              p=p, r=describe_os_error(error)))

    def status(self, where: Path, *, follow: bool = True, enotdir_missing: bool) -> os.stat_result | None:
        """``where``'s status, or None when nothing is there (nor, if ``enotdir_missing``, can be)."""
        try:
            return os.stat(where) if follow else os.lstat(where)
        except FileNotFoundError:
            return None
        except OSError as error:
            if error.errno != errno.ENOTDIR:
                raise self.system_error(error) from None
            if enotdir_missing:
                return None  # reading "a/b" where a is a file: not found
            raise self.invalid(describe_os_error(error)) from None
        except ValueError:
            raise self.invalid(tr("el sistema no la admite", "the system does not take it")) from None


def _check_lengths(asked: _Asked, path: Path, room: int) -> None:
    """Each name at most 255 bytes (the file's own less ``room``), the whole path at most 4,096."""
    try:
        encoded = os.fsencode(path)
    except UnicodeError:
        raise asked.invalid(tr("lleva caracteres que no caben en un nombre de archivo",
                               "it holds characters a file name cannot hold")) from None
    names = encoded.replace(os.sep.encode(), b"/").split(b"/")
    limits = [NAME_MAX_BYTES] * (len(names) - 1) + [NAME_MAX_BYTES - room]
    too_long = [(part, limit) for part, limit in zip(names, limits) if len(part) > limit]
    if too_long:
        part, limit = too_long[0]
        raise asked.refuse(
            tr("El nombre «{part}» es demasiado largo: ocupa {b} bytes y aquí caben {m}.",
               "The name '{part}' is too long: it takes {b} bytes and {m} fit here.",
               part=_as_shown(os.fsdecode(part), 50), b=format_thousands(len(part)), m=limit),
            tr("Acórtalo: una letra con tilde ocupa 2 bytes y un carácter de otros alfabetos, 3 o 4.",
               "Shorten it: an accented letter takes 2 bytes and a character of other scripts 3 or 4."))
    if len(encoded) > PATH_MAX_BYTES:
        raise asked.refuse(
            tr("La ruta «{p}» es demasiado larga: ocupa {b} bytes y el sistema admite {m}.",
               "The path '{p}' is too long: it takes {b} bytes and the system allows {m}.",
               p=asked.shown, b=format_thousands(len(encoded)), m=format_thousands(PATH_MAX_BYTES)),
            tr("Usa una carpeta con una ruta más corta.", "Use a folder with a shorter path."))


def _is_folder_where_a_file_goes(asked: _Asked) -> SSIInputError:
    return asked.refuse(tr("«{p}» es una carpeta; pasa la ruta de un archivo dentro de ella.",
                           "'{p}' is a folder; pass the path of a file inside it.", p=asked.shown), asked.example)


def _check_destination(asked: _Asked, path: Path, *, create_parent: bool, hint: str) -> None:
    """A file to write: not a folder, not a broken link, in a folder that exists (unless the caller makes it)."""
    found = asked.status(path, follow=False, enotdir_missing=False)
    if found is not None and stat.S_ISLNK(found.st_mode):
        found = asked.status(path, enotdir_missing=False)
        if found is None:
            raise asked.refuse(
                tr("«{p}» es un enlace a un archivo que no existe: no creo archivos a través de un enlace roto.",
                   "'{p}' is a link to a file that does not exist: I create no file through a broken link.",
                   p=asked.shown),
                tr("Borra el enlace o elige otro nombre.", "Delete the link or choose another name."))
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise _is_folder_where_a_file_goes(asked)
    if create_parent:
        return
    parent = asked.status(path.parent, enotdir_missing=False)
    if parent is None:
        raise asked.refuse(
            tr("No existe la carpeta de «{p}».", "The folder of '{p}' does not exist.", p=asked.shown),
            hint or tr("Créala primero, o escribe solo el nombre del archivo para guardarlo en la carpeta actual.",
                       "Create it first, or write just the file's name to save it in the current folder."))
    if not stat.S_ISDIR(parent.st_mode):
        raise asked.invalid(tr("una parte de la ruta es un archivo, no una carpeta",
                               "part of the path is a file, not a folder"))


def _check_existing(asked: _Asked, path: Path, *, use: PathUse, missing_ok: bool, folders: bool,
                    hint: str) -> None:
    """A file (or folder) to read: there, and of the kind expected."""
    found = asked.status(path, enotdir_missing=not missing_ok)
    if found is None:
        if not missing_ok:
            raise asked.refuse(tr("No encuentro la carpeta «{p}».", "Folder not found: '{p}'.", p=asked.shown)
                               if use == "folder" else
                               tr("No encuentro el archivo «{p}».", "File not found: '{p}'.", p=asked.shown), hint)
    elif use == "folder" and not stat.S_ISDIR(found.st_mode):
        raise asked.refuse(tr("«{p}» es un archivo, no una carpeta.", "'{p}' is a file, not a folder.",
                              p=asked.shown), hint)
    elif use == "read" and stat.S_ISDIR(found.st_mode) and not folders:
        raise _is_folder_where_a_file_goes(asked)


def check_path(
    value: object,
    *,
    name: str,
    use: PathUse = "read",
    expected: str | None = None,
    example: str = "",
    hint: str = "",
    suffixes: tuple[str, ...] = (),
    missing_ok: bool = False,
    folders: bool = False,
    create_parent: bool = False,
    inside: Path | None = None,
    subject: str | None = None,
    room: int = 0,
) -> Path:
    """The one check of a path a learner passes: the :class:`~pathlib.Path` to use, or our error.

    Every path is checked the same way first: text (or a path object), not empty, no NUL
    byte, ``~`` expanded, each name at most 255 bytes and the whole at most 4,096 (counted in
    bytes, as the system counts them: 125 ``é`` or 80 CJK characters fit). Then, by ``use``:

    ``"read"``
        A file that exists (``missing_ok`` lets a missing one through; ``folders`` accepts
        an existing folder too, for readers that look inside one).
    ``"write"``
        A file to create or replace: not a folder, not a link to a file that does not exist
        (the link's target would be created elsewhere: SQLite's ``connect`` follows links),
        and its folder must exist unless ``create_parent`` (the caller creates it).
    ``"folder"``
        A folder that exists (``missing_ok`` lets a missing one through, for a caller that
        creates it; an existing file is refused).

    ``inside`` refuses a path that, links followed, leaves that folder (a file in a shared
    class folder that links to somewhere else). ``room`` keeps that many bytes free in the
    file's own name, for the files a program adds beside it (SQLite's ``name-journal``).

    Parameters
    ----------
    name : str
        The argument, as the learner wrote it (``"path"``, ``"dest"``); ``field`` of the error.
    expected : str, optional
        What to pass, for the type error ("la ruta del historial (texto) o None").
    example, hint : str
        An example of a good value (``'"mi_red.csv"'``); the hint for a path not found.
    suffixes : tuple of str
        Endings accepted (lower case, with the dot), any when empty.
    subject : str, optional
        How messages name the path when «name» is not what the learner typed.

    Raises
    ------
    SSITypeError
        ``value`` is not text nor a path.
    SSIInputError
        Anything else above, with the path as given (cut short), in the learner's words;
        ``ENAMETOOLONG``, ``ELOOP`` and the system's other refusals included.

    Examples
    --------
    >>> check_path("~/informe.csv", name="dest", use="write", create_parent=True).name
    'informe.csv'
    >>> check_path("é" * 125 + ".csv", name="dest", use="write").name == "é" * 125 + ".csv"
    True
    """
    noun = tr("una carpeta", "a folder") if use == "folder" else tr("un archivo", "a file")
    example_hint = tr("Por ejemplo {e}.", "For example {e}.", e=example) if example else ""
    who = subject or tr("«{n}»", "'{n}'", n=name)
    if not isinstance(value, (str, os.PathLike)) or not isinstance(os.fspath(value), str):
        raise SSITypeError(
            tr("{who} debe ser {e}; recibido {kind}.", "{who} must be {e}; received {kind}.", who=who,
               e=expected or tr("la ruta de {w} (texto)", "the path of {w} (text)", w=noun),
               kind=type(value).__name__),
            field=name, received=value, hint=example_hint,
        )
    asked = _Asked(name, os.fspath(value), who, example_hint)
    if not asked.given.strip():
        missing = who[:1].lower() + who[1:] if subject else who
        raise asked.refuse(tr("Falta {who}: escribe la ruta de {w}.", "{who} is missing: write the path of {w}.",
                              who=missing, w=noun), example_hint)
    if "\0" in asked.given:
        raise asked.invalid(tr("lleva un carácter nulo", "it holds a NUL character"))
    path = Path(os.path.expanduser(asked.given))
    _check_lengths(asked, path, room)
    if suffixes and path.suffix.lower() not in suffixes:
        raise asked.refuse(tr("«{n}» debe terminar en {s}; recibido {p}.", "'{n}' must end in {s}; received {p}.",
                              n=name, s=tr(" o ", " or ").join(suffixes), p=short_repr(asked.given)), example_hint)
    if use == "write":
        _check_destination(asked, path, create_parent=create_parent, hint=hint)
    else:
        _check_existing(asked, path, use=use, missing_ok=missing_ok, folders=folders, hint=hint)
    if inside is not None:
        home, real = os.path.realpath(inside), os.path.realpath(path)
        if os.path.commonpath([home, real]) != home:
            raise asked.refuse(tr("«{p}» lleva fuera de la carpeta «{f}» (es un enlace que sale de ella); no lo sigo.",
                                  "'{p}' leads out of the folder '{f}' (a link that leaves it); not following it.",
                                  p=asked.shown, f=_as_shown(os.fspath(inside))))
    return path


def check_destination(path: object, *, name: str, overwrite: object, example: str,
                      suffixes: tuple[str, ...] = ()) -> Path:
    """Where to write a file a learner asked for, checked before anything is built.

    :func:`check_path` for a file to write (a non-path, an empty, impossible
    or too long name, a wrong suffix, a folder, a missing folder, a broken link), and an
    existing file is refused unless ``overwrite`` is True.
    """
    target = check_path(path, name=name, use="write", example=example, suffixes=suffixes,
                        expected=tr("la ruta del archivo (texto)", "the file's path (text)"))
    overwrite = check_type(overwrite, bool, name="overwrite", expected=tr("True o False", "True or False"))
    if target.exists() and not overwrite:
        given = os.fspath(target)
        raise SSIInputError(
            tr("Ya existe «{p}»; no lo reemplazo. Elige otro nombre o pasa overwrite=True.",
               "'{p}' already exists; not replacing it. Choose another name or pass overwrite=True.", p=given),
            field=name, received=given,
        )
    return target


# --- files and pasted text -----------------------------------------------------------------
@dataclass(frozen=True)
class Source:
    """The bytes a reader got and how messages name where they came from."""

    data: bytes
    kind: Literal["file", "text", "upload"]
    name: str = ""  # the path as the learner gave it
    member: str = ""  # the file read inside a folder or a .zip

    @property
    def noun(self) -> str:
        """``el archivo «x.csv»``, ``el texto pegado``… (lower case, with its article)."""
        if self.kind == "text":
            return tr("el texto pegado", "the pasted text")
        if self.kind == "upload":
            return tr("el archivo subido", "the uploaded file")
        if self.member:
            return tr("el archivo «{m}» de «{n}»", "the file '{m}' in '{n}'", m=self.member, n=self.name)
        return tr("el archivo «{n}»", "the file '{n}'", n=self.name)

    @property
    def subject(self) -> str:
        """:attr:`noun` to start a sentence."""
        return self.noun[:1].upper() + self.noun[1:]

    @property
    def of(self) -> str:
        """``del archivo «x.csv»`` / ``of the file 'x.csv'``."""
        noun = self.noun
        if noun.startswith("el "):
            return "del " + noun[3:]
        return ("of " if noun.startswith("the ") else "de ") + noun


def read_source(
    source: object,
    *,
    function: str,
    expected: str,
    member: str | None = None,
    text_starts: tuple[str, ...] = (),
    hint: str = "",
    max_bytes: int = MAX_FILE_BYTES,
) -> Source:
    """Read what a reader was given: a path, a folder or ``.zip`` holding ``member``, pasted
    text, bytes or an open file.

    A string holding a line break (or starting with one of ``text_starts``) is the file's
    text pasted by the learner, not a path.

    Parameters
    ----------
    function : str
        The public function, for messages (``"read_connections"``).
    expected : str
        What to pass, in the current language (``"la ruta de tu Connections.csv"``).
    member : str, optional
        The file to look for inside a folder or a ``.zip`` (any case).
    hint : str
        Where to get the file, for the "not found" message.

    Raises
    ------
    SSIInputError
        A missing, unreadable, empty-named or too large file, a damaged or encrypted
        ``.zip``, a folder or ``.zip`` without ``member``.
    SSITypeError
        Anything that is not a path, text, bytes or file (e.g. a DataFrame or a number).
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        _check_size(len(data), max_bytes, tr("el archivo subido", "the uploaded file"))
        return _maybe_zip(Source(data, "upload"), member, max_bytes)
    if isinstance(source, str) and _is_pasted_text(source, text_starts):
        data = source.encode("utf-8", errors="surrogatepass")
        _check_size(len(data), max_bytes, tr("el texto pegado", "the pasted text"))
        return Source(data, "text")
    if hasattr(source, "read") and not isinstance(source, (str, os.PathLike)):
        try:
            raw = source.read(max_bytes + 1)
        except (OSError, ValueError, TypeError) as error:
            raise SSIInputError(
                tr("No pude leer el archivo abierto que pasaste a {f} ({kind}).",
                   "Could not read the open file passed to {f} ({kind}).", f=function, kind=type(error).__name__),
                field="source", received=type(source).__name__,
            ) from None
        data = raw.encode("utf-8") if isinstance(raw, str) else bytes(raw)
        name = str(getattr(source, "name", "") or "")
        _check_size(len(data), max_bytes, name or tr("el archivo", "the file"))
        kind: Literal["file", "upload"] = "file" if name else "upload"
        return _maybe_zip(Source(data, kind, name), member, max_bytes)
    if not isinstance(source, (str, os.PathLike)):
        hint_df = tr("Ya tienes la tabla: úsala directamente.", "You already have the table: use it directly.") \
            if hasattr(source, "columns") else ""
        raise SSITypeError(
            tr("{f} espera {expected}; recibido {kind}.", "{f} expects {expected}; received {kind}.",
               f=function, expected=expected, kind=type(source).__name__),
            field="source", received=source, hint=hint_df,
        )
    given = os.fspath(source)
    if isinstance(given, bytes):
        given = os.fsdecode(given)
    return _read_path(given, function=function, member=member, hint=hint, max_bytes=max_bytes)


def _is_pasted_text(text: str, starts: tuple[str, ...]) -> bool:
    # A path never holds a line break; JSON pasted on one line starts with "{".
    return "\n" in text or "\r" in text or (bool(starts) and text.lstrip().startswith(starts))


def _not_found(given: str, hint: str) -> SSIInputError:
    return SSIInputError(
        tr("No encuentro el archivo «{name}».", "File not found: '{name}'.", name=short_repr(given, 200)[1:-1]),
        field="source", received=given, hint=hint,
    )


def _read_path(given: str, *, function: str, member: str | None, hint: str, max_bytes: int) -> Source:
    path = check_path(given, name="source", use="read", folders=member is not None, hint=hint,
                      subject=tr("La ruta que pasaste a {f}", "The path passed to {f}", f=function))
    try:
        if path.is_dir():
            return _from_folder(path, given, member or "", max_bytes)
        if not path.is_file():  # a device or a pipe: nothing a reader can take
            raise _not_found(given, hint)
        size = path.stat().st_size
        _check_size(size, max_bytes, tr("el archivo «{n}»", "the file '{n}'", n=given))
        if path.suffix.lower() == ".zip" and member is not None:
            return _from_zip(path, given, member, max_bytes)
        return Source(path.read_bytes(), "file", given)
    except SSIInputError:  # a ValueError too: not a bad path
        raise
    except PermissionError:
        raise SSIInputError(
            tr("No tengo permiso para leer «{name}».", "No permission to read '{name}'.", name=given),
            field="source", received=given,
            hint=tr("Cópialo a una carpeta tuya (por ejemplo, junto a las lecciones) y pasa esa ruta.",
                    "Copy it to a folder of yours (e.g. next to the lessons) and pass that path."),
        ) from None
    except (OSError, ValueError):  # gone between the check and the read, or unreadable
        raise _not_found(given, hint) from None


def _check_size(size: int, max_bytes: int, what: str) -> None:
    if size > max_bytes:
        raise SSIInputError(
            tr("{what} ocupa más de {mb} MB: demasiado para leerlo aquí.",
               "{what} is larger than {mb} MB: too much to read here.",
               what=what[:1].upper() + what[1:], mb=format_thousands(max_bytes // 2**20)),
            field="source", received=size,
            hint=tr("Comprueba que es el archivo correcto.", "Check that it is the right file."),
        )


def _pick(found: list[str], where: str, member: str) -> str:
    """The shallowest match; a warning says which one was read when there were several."""
    found = sorted(found, key=lambda n: (n.count("/"), n))
    if len(found) > 1:
        warnings.warn(
            tr("Hay {n} archivos {m} en «{where}»; leo «{chosen}».",
               "There are {n} {m} files in '{where}'; reading '{chosen}'.",
               n=len(found), m=member, where=where, chosen=found[0]),
            SSIWarning, stacklevel=4,
        )
    return found[0]


_FOLDER_DEPTH = 3  # an export unzipped is one or two folders deep; never walk a whole home folder


def _from_folder(path: Path, given: str, member: str, max_bytes: int) -> Source:
    found: dict[str, Path] = {}
    for root, folders, files in os.walk(path):
        depth = len(Path(root).relative_to(path).parts)
        if depth >= _FOLDER_DEPTH:
            folders.clear()
        folders[:] = [f for f in folders if not f.startswith(".")]
        for name in files:
            if name.lower() == member.lower():
                found[(Path(root) / name).relative_to(path).as_posix()] = Path(root) / name
    if not found:
        raise SSIInputError(
            tr("La carpeta «{name}» no contiene {m}.", "The folder '{name}' holds no {m}.", name=given, m=member),
            field="source", received=given,
            hint=tr("Pasa la ruta del archivo, o la carpeta que LinkedIn te dio.",
                    "Pass the file's path, or the folder LinkedIn gave you."),
        )
    chosen = _pick(list(found), given, member)
    file = found[chosen]
    _check_size(file.stat().st_size, max_bytes, chosen)
    return Source(file.read_bytes(), "file", given, chosen)


def _maybe_zip(source: Source, member: str | None, max_bytes: int) -> Source:
    if member is not None and source.data[:4] == b"PK\x03\x04":
        return _from_zip(io.BytesIO(source.data), source.name or tr("subido", "uploaded"), member, max_bytes)
    return source


def _from_zip(file: Path | io.BytesIO, given: str, member: str, max_bytes: int) -> Source:
    import zipfile  # only when a .zip comes: it is slow to import
    import zlib

    damaged = SSIInputError(
        tr("«{name}» no es un .zip válido o está incompleto.", "'{name}' is not a valid .zip or is incomplete.",
           name=given),
        field="source", received=given,
        hint=tr("Vuelve a descargarlo de LinkedIn, o descomprímelo y pasa la carpeta.",
                "Download it again from LinkedIn, or unzip it and pass the folder."),
    )
    try:
        with zipfile.ZipFile(file) as archive:
            infos = {i.filename: i for i in archive.infolist()
                     if not i.is_dir() and i.filename.rsplit("/", 1)[-1].lower() == member.lower()}
            if not infos:
                raise SSIInputError(
                    tr("El .zip «{name}» no contiene {m}.", "The .zip '{name}' holds no {m}.", name=given, m=member),
                    field="source", received=given,
                )
            info = infos[_pick(list(infos), given, member)]
            if info.flag_bits & 0x1:
                raise SSIInputError(
                    tr("El .zip «{name}» está protegido con contraseña.", "The .zip '{name}' is password-protected.",
                       name=given),
                    field="source", received=given,
                    hint=tr("Descomprímelo tú y pasa la carpeta.", "Unzip it yourself and pass the folder."),
                )
            _check_size(info.file_size, max_bytes, tr("{m} descomprimido", "{m} unzipped", m=info.filename))
            with archive.open(info) as stream:
                data = stream.read(max_bytes + 1)  # the size in the header can lie
            _check_size(len(data), max_bytes, tr("{m} descomprimido", "{m} unzipped", m=info.filename))
            return Source(data, "file", given, info.filename)
    except SSIInputError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error, RuntimeError,
            NotImplementedError, OSError, ValueError):
        raise damaged from None


# --- text encodings ------------------------------------------------------------------------
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)


# A multi-byte UTF-8 character: Windows-1252 text practically never holds one (it would read as "Ã©").
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def detect_encoding(data: bytes) -> tuple[str, int]:
    """``(encoding, bom_length)`` for UTF-8/16/32 with a BOM or UTF-16 without one; else ``("", 0)``."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    head = data[:4000]
    if len(head) >= 4:
        # ASCII text in UTF-16 has a zero byte in every other position.
        if head[1::2].count(0) > 0.4 * len(head[1::2]) and head[0::2].count(0) < 0.1 * len(head[0::2]):
            return "utf-16-le", 0
        if head[0::2].count(0) > 0.4 * len(head[0::2]) and head[1::2].count(0) < 0.1 * len(head[1::2]):
            return "utf-16-be", 0
    return "", 0


def decode_text(data: bytes, *, where: Source | None = None) -> tuple[str, str]:
    """The text of a file and its encoding, as spreadsheets and editors save them.

    UTF-8 (with or without BOM), UTF-16/32 (with a BOM, or UTF-16 recognised by its zero
    bytes), Windows-1252. A file mixing UTF-8 and Windows-1252 lines (a file edited by two
    programs) is decoded line by line, each with its own encoding, and a warning says so:
    never ``JosÃ©`` next to ``José``.
    """
    encoding, bom = detect_encoding(data)
    if encoding:
        try:
            return data[bom:].decode(encoding), encoding
        except UnicodeDecodeError:
            if encoding != "utf-8":
                raise SSIInputError(
                    tr("{what} parece {enc} pero tiene bytes que no lo son.",
                       "{what} looks like {enc} but holds bytes that are not.",
                       what=(where.subject if where else tr("El archivo", "The file")), enc=encoding.upper()),
                    field="source", hint=tr("Guárdalo de nuevo como CSV UTF-8.", "Save it again as CSV UTF-8."),
                ) from None
        data = data[bom:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if not _UTF8_SEQUENCE.search(data):  # no line is UTF-8: one encoding for the whole file, fast
        return (data.decode("cp1252"), "cp1252") if _cp1252_ok(data) else (data.decode("latin-1"), "latin-1")
    text_lines, utf8_lines, legacy_lines = [], 0, 0
    for line in data.splitlines(keepends=True):
        try:
            text = line.decode("utf-8")
            utf8_lines += not text.isascii()
        except UnicodeDecodeError:
            text = line.decode("cp1252") if _cp1252_ok(line) else line.decode("latin-1")
            legacy_lines += 1
        text_lines.append(text)
    if utf8_lines and legacy_lines:
        warnings.warn(
            tr("{what} mezcla dos codificaciones (UTF-8 en {u}, Windows-1252 en {w}): he leído cada línea con "
               "la suya. Revisa las tildes.",
               "{what} mixes two encodings (UTF-8 on {u}, Windows-1252 on {w}): each line was read with its own. "
               "Check the accents.",
               what=(where.subject if where else tr("El archivo", "The file")),
               u=plural(utf8_lines, "línea", "líneas", "line", "lines"),
               w=plural(legacy_lines, "línea", "líneas", "line", "lines")),
            SSIWarning, stacklevel=3,
        )
        return "".join(text_lines), "mixed"
    return "".join(text_lines), "cp1252"


def _cp1252_ok(line: bytes) -> bool:
    try:
        line.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


# --- dates ---------------------------------------------------------------------------------
# The time after a date (spreadsheets and forms add one) is read and checked, then dropped.
_CLOCK = (r"(?:(?:\s*T\s*|\s+)(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,]\d{1,9})?)?"
          r"(?:\s*(?P<half>[ap])\.?\s*m\.?)?(?:\s*(?:Z|[+-]\d{2}(?::?\d{2})?))?)?")
_YEAR_FIRST = re.compile(r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})" + _CLOCK, re.IGNORECASE)
_DAY_FIRST = re.compile(r"(?P<day>\d{1,2})[-/.](?P<month>\d{1,2})[-/.](?P<year>\d{4}|\d{2})" + _CLOCK,
                        re.IGNORECASE)


def _is_missing(value: object) -> bool:
    """None, empty text, NaN, NaT or ``pd.NA``: a date left blank."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return True
    if isinstance(value, (float, dt.datetime)):
        return value != value  # NaN and NaT are the only values unequal to themselves
    pandas = sys.modules.get("pandas")
    if pandas is not None and value is pandas.NA:
        return True
    numpy = sys.modules.get("numpy")
    return numpy is not None and isinstance(value, numpy.datetime64) and bool(numpy.isnat(value))


def _clock_ok(match: re.Match[str]) -> bool:
    if match["hour"] is None:
        return True
    hour, limit = int(match["hour"]), (12 if match["half"] else 23)
    return (1 if match["half"] else 0) <= hour <= limit and int(match["minute"]) < 60 \
        and int(match["second"] or 0) < 60


def _read_day(text: str) -> tuple[dt.date | None, str]:
    """The day in ``text`` and, when there is none, a hint for the likely mistake ("" if none)."""
    month_first = ""
    for pattern in (_YEAR_FIRST, _DAY_FIRST):
        match = pattern.fullmatch(text)
        if match is None:
            continue
        year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
        if len(match["year"]) == 2:
            year += 2000
        if pattern is _DAY_FIRST and day <= 12 < month <= 31:
            month_first = tr("Se escribe día, mes y año: ¿querías decir «{d:02d}/{m:02d}/{y}»?",
                             "Write day, month and year: did you mean '{d:02d}/{m:02d}/{y}'?", d=month, m=day, y=year)
            break
        try:
            found = dt.date(year, month, day)
        except ValueError:
            return None, tr("Ese día no existe en el calendario: revisa el día y el mes.",
                            "That day is not in the calendar: check the day and the month.")
        if not _clock_ok(match):
            return None, tr("La hora detrás de la fecha no es válida; basta con la fecha: «14/03/2025».",
                            "The time after the date is not valid; the date alone is enough: '14/03/2025'.")
        return found, ""
    if not month_first:
        try:  # the other ISO 8601 forms: 20250314, 2025-W11-5...
            return dt.datetime.fromisoformat(text).date(), ""
        except ValueError:
            pass
    return None, month_first


@overload
def check_date(value: object, *, name: str, earliest: dt.date | None = None, latest: dt.date | None = None,
               optional: Literal[False] = False, hint: str | None = None) -> dt.date: ...


@overload
def check_date(value: object, *, name: str, earliest: dt.date | None = None, latest: dt.date | None = None,
               optional: bool, hint: str | None = None) -> dt.date | None: ...


def check_date(value: object, *, name: str, earliest: dt.date | None = None, latest: dt.date | None = None,
               optional: bool = False, hint: str | None = None) -> dt.date | None:
    """The day a learner typed or passed, however they wrote it; the time of day is dropped.

    Accepted: a ``datetime.date`` or ``datetime.datetime`` (a ``pandas.Timestamp`` and a
    ``numpy.datetime64`` too), and text with or without spaces around it:

    - year first: ``2025-03-14`` (ISO; also ``2025/03/14``, ``2025.3.14`` and the other ISO 8601
      forms, such as ``20250314``);
    - day first, as in Spanish: ``14/03/2025``, ``14-03-2025``, ``14.03.2025``, ``4/3/2025``, and
      with a two-digit year, always of this century: ``14/03/25`` is 14 March 2025;
    - either one followed by a time (``2025-03-14T10:30:00+01:00``, ``14/03/2025 10:30``).

    Never month first: ``03/14/2025`` is refused, with a hint that shows ``14/03/2025``.

    Parameters
    ----------
    name : str
        The argument's name, as the learner wrote it (``"when"``).
    earliest, latest : date, optional
        The first and last days allowed (both included); a ``latest`` of today or tomorrow
        (a day's leeway for time zones) reads "hoy" in the message.
    optional : bool
        Map a blank date (None, ``""``, NaN, NaT, ``pd.NA``) to ``None``; otherwise it is refused.
    hint : str, optional
        The hint for a date out of ``earliest..latest`` (in the current language).

    Returns
    -------
    datetime.date or None
        ``None`` only for a blank date with ``optional=True``.

    Raises
    ------
    SSITypeError
        For a number (write it in quotes), a list or any other type.
    SSIInputError
        For text that is not a date (``"ayer"``, ``"31/02/2025"``, month first), a blank date
        when it is not optional, or a day out of ``earliest..latest``.

    Examples
    --------
    >>> check_date(" 14/03/2025 ", name="when")
    datetime.date(2025, 3, 14)
    >>> check_date("2025-03-14T10:30:00+01:00", name="when")
    datetime.date(2025, 3, 14)
    >>> check_date("", name="when", optional=True) is None
    True
    """
    expected = tr("una fecha, como «14/03/2025» o «2025-03-14»", "a date, like '14/03/2025' or '2025-03-14'")
    day: dt.date | None = None
    why = ""
    if _is_missing(value):
        if optional:
            return None
        why = tr("Escribe la fecha: día, mes y año, como «14/03/2025».",
                 "Write the date: day, month and year, like '14/03/2025'.")
    elif isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, str):
        day, why = _read_day(value.strip())
        why = why or tr("Día, mes y año, en ese orden: «14/03/2025».",
                        "Day, month and year, in that order: '14/03/2025'.")
    elif (numpy := sys.modules.get("numpy")) is not None and isinstance(value, numpy.datetime64):
        day = value.astype("datetime64[D]").item()
    else:
        raise SSITypeError(
            tr("«{n}» debe ser {e}; recibido {kind}.", "'{n}' must be {e}; received {kind}.",
               n=name, e=expected, kind=type(value).__name__),
            field=name, received=value,
            hint=tr("Escríbela entre comillas: «14/03/2025».", "Write it in quotes: '14/03/2025'.")
            if _is_number(value) else "",
        )
    if not isinstance(day, dt.date):  # datetime64 beyond what datetime holds gives an int
        raise SSIInputError(
            tr("«{n}» debe ser {e}; recibido {r}.", "'{n}' must be {e}; received {r}.",
               n=name, e=expected, r=short_repr(value)),
            field=name, received=value, hint=why,
        )
    if (earliest is not None and day < earliest) or (latest is not None and day > latest):
        raise SSIInputError(
            tr("«{n}» debe ser una fecha {range}; recibido {d}.", "'{n}' must be a date {range}; received {d}.",
               n=name, range=_date_range(earliest, latest), d=format_date(day)),
            field=name, received=value,
            hint=hint if hint is not None else tr("¿Pusiste el mes antes que el día? Se escribe día/mes/año.",
                                                  "Did you put the month before the day? Write day/month/year."),
        )
    return day


def _date_range(earliest: dt.date | None, latest: dt.date | None) -> str:
    """``entre el 01/01/2000 y hoy``, ``del 01/01/2000 en adelante``, ``hasta el 14/03/2025``."""
    today = dt.date.today()
    last = "" if latest is None else (tr("hoy", "today") if today <= latest <= today + dt.timedelta(days=1)
                                       else tr("el {d}", "{d}", d=format_date(latest)))
    if earliest is None:
        return tr("hasta {last}", "up to {last}", last=last)
    if latest is None:
        return tr("del {d} en adelante", "from {d} on", d=format_date(earliest))
    return tr("entre el {d} y {last}", "between {d} and {last}", d=format_date(earliest), last=last)
