"""Your connections without names, e-mails or URLs: pseudonyms safe to share with a class."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from .._checks import check_type
from .._i18n import short_repr, tr
from ..errors import SSIInputError, SSITypeError
from ._decision_makers import is_decision_maker
from ._table import as_text, check_connections, connection_dates

if TYPE_CHECKING:
    import pandas as pd

_SHAREABLE = ("company", "position", "connected_on", "decision_maker")


def _identities(df: pd.DataFrame) -> list[str]:
    """What a keyed pseudonym hashes: the profile URL; without one (2018 exports have none) the
    name and connection date, then company and title, then the occurrence, until rows differ."""
    import pandas as pd

    def text(column: str) -> pd.Series:
        if column not in df:
            return pd.Series("", index=df.index, dtype="string")
        return as_text(df[column], column).fillna("").str.strip()

    url = as_text(df["url"], "url") if "url" in df else pd.Series(pd.NA, index=df.index, dtype="string")
    names = (text("first_name") + " " + text("last_name")).str.strip().str.lower()
    day = connection_dates(df).dt.strftime("%Y-%m-%d").astype("string").fillna("")
    ident = url.fillna("\x1fname\x1f" + names + "\x1f" + day)  # \x1f never appears in a URL
    repeated = ident.duplicated(keep=False) & url.isna()
    if repeated.any():
        ident = ident.where(~repeated, ident + "\x1f" + text("company") + "\x1f" + text("position"))
    occurrence = ident.groupby(ident, sort=False).cumcount()
    return [v if k == 0 else f"{v}\x1f#{k + 1}" for v, k in zip(ident.tolist(), occurrence.tolist())]


def _keyed(identities: list[str], key: str) -> list[str]:
    secret = key.encode("utf-8")
    digests = [hmac.new(secret, v.encode("utf-8", errors="surrogatepass"), hashlib.sha256).hexdigest()
               for v in identities]
    short = [f"C-{d[:10]}" for d in digests]
    if len(set(short)) < len(short):  # 40 bits can collide in big tables: lengthen only those
        seen: dict[str, int] = {}
        for s in short:
            seen[s] = seen.get(s, 0) + 1
        short = [f"C-{d[:20]}" if seen[s] > 1 else s for s, d in zip(short, digests)]
    return short


def anonymize(
    connections: pd.DataFrame,
    *,
    keep: Iterable[str] = ("position", "connected_on", "decision_maker"),
    key: str | None = None,
) -> pd.DataFrame:
    """Your connections without names, e-mails or URLs: safe to share with a class.

    Each person becomes a pseudonym ``C-00001``… numbered by connection date (your oldest
    connection is ``C-00001``), so the same export always gives the same pseudonyms and new
    connections get new numbers. With ``key`` (a secret of your own), pseudonyms are keyed
    hashes of the profile instead: stable across exports, unreadable without the key.
    Different rows always get different pseudonyms (two people with the same name too).

    Parameters
    ----------
    connections : DataFrame
        The table from :func:`read_connections`.
    keep : columns, default ("position", "connected_on", "decision_maker")
        What to keep besides the pseudonym, among ``company``, ``position``,
        ``connected_on`` and ``decision_maker`` (computed from the title). Company and
        title together can identify someone in a small company: add ``company`` with care.
    key : str, optional
        A secret for keyed pseudonyms (keep it to yourself).

    Returns
    -------
    pandas.DataFrame
        ``contact`` (the pseudonym) and the kept columns, sorted by pseudonym (so the row
        order says nothing about the original file).

    Raises
    ------
    SSIInputError
        If ``keep`` names a column that cannot be shared (names, e-mail, URL) or is unknown,
        ``key`` is empty, or the table lacks the needed columns.
    SSITypeError
        If ``connections`` is not a table, ``keep`` is not a list of column names or ``key`` not text.

    Examples
    --------
    >>> from ssi_kit.datasets import load_dataset
    >>> shared = anonymize(load_dataset("conexiones_ejemplo"))
    >>> list(shared.columns)
    ['contact', 'position', 'connected_on', 'decision_maker']
    >>> shared["contact"].iloc[0]
    'C-00001'
    """
    import numpy as np
    import pandas as pd

    connections = check_connections(connections, "anonymize")
    if isinstance(keep, str):
        keep = [keep]
    elif keep is None or isinstance(keep, (bytes, Mapping)) or not isinstance(keep, Iterable):
        raise SSITypeError(
            tr("«keep» debe ser una lista de columnas; recibido {kind}.",
               "'keep' must be a list of columns; received {kind}.", kind=type(keep).__name__),
            field="keep", received=keep,
            hint=tr('Por ejemplo keep=["position", "connected_on"]; keep=[] deja solo el seudónimo.',
                    'For example keep=["position", "connected_on"]; keep=[] leaves only the pseudonym.'),
        )
    keep = list(keep)
    for column in keep:
        if not (isinstance(column, str) and column in _SHAREABLE):
            private = isinstance(column, str) and column in ("first_name", "last_name", "url", "email")
            raise SSIInputError(
                tr("No se puede conservar la columna {c}; elige entre {ok}.",
                   "Cannot keep the column {c}; choose among {ok}.", c=short_repr(column), ok=", ".join(_SHAREABLE)),
                field="keep", received=column,
                hint=tr("Los nombres, e-mails y URL nunca se comparten.", "Names, e-mails and URLs are never shared.")
                if private else "",
            )
    if key is not None:
        key = check_type(key, str, name="key", expected=tr("un texto secreto", "a secret text"))
        if not key:
            raise SSIInputError(
                tr("«key» no puede ser un texto vacío.", "'key' cannot be empty text."), field="key", received=key,
                hint=tr("Usa un secreto tuyo, o key=None para numerar por fecha.",
                        "Use a secret of your own, or key=None to number by date."),
            )
    n = len(connections)
    dates = connection_dates(connections)
    if key is None:
        stamps = dates.to_numpy().astype("datetime64[us]")
        sort_key = stamps.astype("int64")
        sort_key[np.isnat(stamps)] = np.iinfo("int64").max  # undated people last
        order = np.lexsort((np.arange(n), sort_key))
        ranks = np.empty(n, dtype="int64")
        ranks[order] = np.arange(1, n + 1)
        contact = pd.Series([f"C-{r:05d}" for r in ranks], index=connections.index, dtype="string")
    else:
        contact = pd.Series(_keyed(_identities(connections), key), index=connections.index, dtype="string")
    out = pd.DataFrame({"contact": contact})
    for column in keep:
        out[column] = is_decision_maker(connections["position"]) if column == "decision_maker" else connections[column]
    return out.sort_values("contact", kind="stable").reset_index(drop=True)

