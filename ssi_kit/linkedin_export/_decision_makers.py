"""Decision makers among your connections, found by their job titles."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from .._checks import check_frame, check_integer
from .._i18n import tr
from ..errors import SSITypeError
from ._table import as_text, plain_text

if TYPE_CHECKING:
    import pandas as pd

DECISION_MAKER_TERMS: tuple[str, ...] = (
    # Spanish
    r"(sub)?director(a|es|as)?", r"directiv[oa]s?", r"gerent[ea]s?", r"jef[ea]s?",
    r"(vice-? ?)?president[ea]s?", r"(co-?)?fundador(a|es|as)?", r"soci[oa]s?", r"duen[oa]s?",
    r"propietari[oa]s?", r"consejer[oa]s? delegad[oa]s?", r"administrador(a)? unic[oa]",
    r"empresari[oa]s?",
    # English
    r"ceo", r"cfo", r"cto", r"coo", r"cmo", r"cio", r"cso", r"cro", r"cpo", r"cdo", r"chro",
    r"chief", r"head", r"s?vp", r"evp", r"(co-?)?founders?", r"partners?", r"owners?",
    r"general manager", r"country manager", r"managing director", r"chair(man|woman|person)?",
)
"""Words of a decision maker's title (Spanish and English, regexes on lower case without accents)."""
_NOT_DECISION_MAKER = (
    r"asistente", r"assistant", r"secretari[oa]", r"becari[oa]", r"intern", r"internship", r"trainee",
    r"practicas", r"estudiante", r"student", r"product owner",
)
_DECISION_RE = re.compile(r"\b(" + "|".join(DECISION_MAKER_TERMS) + r")\b")
_NOT_DECISION_RE = re.compile(r"\b(" + "|".join(_NOT_DECISION_MAKER) + r")\b")


def _is_decision_title(title: str) -> bool:
    plain = plain_text(title)
    return bool(_DECISION_RE.search(plain)) and not _NOT_DECISION_RE.search(plain)


def is_decision_maker(positions: pd.Series | Iterable[str | None]) -> pd.Series:
    """Whether each title is a decision maker's: director, CEO, gerente, jefe, head, VP, founder…

    Spanish and English, with or without accents, any case. Assistants, interns and
    students of a decision maker ("Asistente del director", "Executive Assistant to the
    CEO") are not decision makers; "Product Owner" is not an owner. Missing titles are False.

    Parameters
    ----------
    positions : Series or list of str
        Job titles, e.g. the ``position`` column of :func:`read_connections`.

    Returns
    -------
    pandas.Series of bool

    Raises
    ------
    SSITypeError
        If ``positions`` is not a list or column of titles (one title alone, a number, a table).

    Examples
    --------
    >>> is_decision_maker(["Directora de Marketing", "Analista", "Co-founder & CEO", None]).tolist()
    [True, False, True, False]
    """
    import numpy as np
    import pandas as pd

    if isinstance(positions, pd.Series):
        series = positions
    else:
        hint = ""
        if isinstance(positions, str):
            hint = tr('Para un solo cargo, ponlo en una lista: is_decision_maker(["{t}"]).',
                      'For one title, put it in a list: is_decision_maker(["{t}"]).', t=positions[:40])
        elif isinstance(positions, pd.DataFrame):
            hint = tr('Pasa la columna de cargos: is_decision_maker(tabla["position"]).',
                      'Pass the titles column: is_decision_maker(table["position"]).')
        if hint or isinstance(positions, (bytes, Mapping)) or not isinstance(positions, Iterable):
            raise SSITypeError(
                tr("«positions» debe ser una lista o columna de cargos; recibido {kind}.",
                   "'positions' must be a list or column of job titles; received {kind}.",
                   kind=type(positions).__name__),
                field="positions", received=positions, hint=hint,
            )
        series = pd.Series(list(positions), dtype=object)
    text = as_text(series, "positions")
    codes, uniques = pd.factorize(text)
    flags = np.fromiter((_is_decision_title(str(t)) for t in uniques), dtype=bool, count=len(uniques))
    result = np.zeros(len(text), dtype=bool)
    known = codes >= 0
    result[known] = flags[codes[known]]
    return pd.Series(result, index=series.index, name="decision_maker")


def top_decision_makers(connections: pd.DataFrame, *, top: int = 10) -> pd.DataFrame:
    """The most frequent (company, title) pairs among your decision-making connections.

    Parameters
    ----------
    connections : DataFrame
        From :func:`read_connections` (needs ``company`` and ``position``).
    top : int, default 10
        How many rows to keep (1 to 1000).

    Returns
    -------
    pandas.DataFrame
        ``company``, ``position`` and ``connections``, most frequent first (ties by
        company, then title); no names.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"company": ["A", "A", "B"], "position": ["CEO", "CEO", "Analista"]})
    >>> top_decision_makers(t)["connections"].tolist()
    [2]
    """
    import pandas as pd

    frame = check_frame(connections, name="connections", required=("company", "position"),
                        expected=tr("la tabla de read_connections", "the table from read_connections"),
                        hint=tr("Créala con ssi_kit.read_connections(...).",
                                "Make it with ssi_kit.read_connections(...)."))
    top = check_integer(top, name="top", minimum=1, maximum=1000)
    chosen = frame.loc[is_decision_maker(frame["position"]).to_numpy(), ["company", "position"]]
    counts = chosen.astype("string").fillna("").value_counts().rename("connections").reset_index()
    counts["unknown"] = counts["company"] == ""  # a title without a company goes after the named ones
    counts = counts.sort_values(["connections", "unknown", "company", "position"],
                                ascending=[False, True, True, True], kind="stable")
    return pd.DataFrame(counts.drop(columns="unknown").head(top)).reset_index(drop=True).astype(
        {"connections": "int64"})
