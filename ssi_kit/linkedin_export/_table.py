"""The connections table that reading, summarising and sharing share: its columns and checks."""

from __future__ import annotations

import unicodedata
import warnings
from typing import TYPE_CHECKING

from .._checks import check_frame
from .._i18n import tr
from ..errors import SSIInputError

if TYPE_CHECKING:
    import pandas as pd

COLUMNS = ("first_name", "last_name", "url", "email", "company", "position", "connected_on")
"""Columns of the table :func:`read_connections` returns, in this order."""
SUMMARY_COLUMNS = ("company", "position", "connected_on")  # what the summary uses: a header needs one of them


def plain_text(text: str) -> str:
    """Lower case without accents: how titles and header names are compared."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def as_text(values: pd.Series, name: str) -> pd.Series:
    """A column as pandas strings (numbers become their text); a clear error for what cannot."""
    if values.dtype == "string":
        return values
    try:
        return values.astype("string")
    except (TypeError, ValueError) as error:
        raise SSIInputError(
            tr("La columna «{name}» tiene valores que no puedo leer como texto ({kind}).",
               "The column '{name}' holds values that cannot be read as text ({kind}).",
               name=name, kind=type(error).__name__),
            field=name, received=str(values.dtype),
        ) from None


def check_connections(df: object, function: str) -> pd.DataFrame:
    """``df`` if it is a connections table with what the summary needs; ``function`` goes in the hint."""
    return check_frame(
        df, name="df", required=SUMMARY_COLUMNS,
        expected=tr("la tabla de read_connections (un DataFrame)", "the table from read_connections (a DataFrame)"),
        hint=tr("Léela con {f}(read_connections(ruta)).", "Read it with {f}(read_connections(path)).", f=function),
    )


def connection_dates(df: pd.DataFrame) -> pd.Series:
    """``connected_on`` as naive datetimes (NaT where missing); a clear error if it holds no dates."""
    import pandas as pd

    values = df["connected_on"]
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        return values.dt.tz_convert("UTC").dt.tz_localize(None)
    if pd.api.types.is_datetime64_dtype(values.dtype):
        return values
    problem = pd.api.types.is_bool_dtype(values.dtype) or pd.api.types.is_numeric_dtype(values.dtype)
    if not problem:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # "could not infer format": each value is tried
                dates = pd.to_datetime(values, errors="coerce", format="mixed")
            if isinstance(dates.dtype, pd.DatetimeTZDtype):
                dates = dates.dt.tz_convert("UTC").dt.tz_localize(None)
            if pd.api.types.is_datetime64_dtype(dates.dtype):
                return dates
        except (TypeError, ValueError, OverflowError):
            pass
    raise SSIInputError(
        tr("La columna «connected_on» debe tener fechas; tiene valores de tipo {kind}.",
           "The column 'connected_on' must hold dates; it holds values of type {kind}.", kind=str(values.dtype)),
        field="connected_on", received=str(values.dtype),
        hint=tr("Usa la tabla de read_connections(ruta) sin cambiar esa columna.",
                "Use the table from read_connections(path) without changing that column."),
    )

