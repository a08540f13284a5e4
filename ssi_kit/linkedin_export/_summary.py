"""A summary of your connections: growth per year, top companies and titles, decision makers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .._checks import check_integer
from .._i18n import format_number, tr
from ._decision_makers import is_decision_maker
from ._table import as_text, check_connections, connection_dates

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class NetworkSummary:
    """What :func:`network_summary` finds in your connections.

    Attributes
    ----------
    total : int
        Connections.
    per_year : DataFrame
        ``year``, ``connections`` (made that year) and ``cumulative`` (total by its end);
        every year from the first to the last, including years with none.
    top_companies, top_positions : DataFrame
        ``company`` / ``position``, ``connections`` and ``share`` (of all connections).
    decision_makers : int
        Connections whose title is a decision maker's (:func:`is_decision_maker`).
    decision_maker_share : float
        ``decision_makers / total`` (0 if there are no connections).
    undated : int
        Connections without a readable date (not in ``per_year``).
    """

    total: int
    per_year: pd.DataFrame
    top_companies: pd.DataFrame
    top_positions: pd.DataFrame
    decision_makers: int
    decision_maker_share: float
    undated: int

    def describe(self) -> str:
        """A few sentences for the learner, in the current language."""
        if self.total == 0:
            return tr("Tu exportación no tiene contactos todavía.", "Your export has no connections yet.")
        parts = [tr("{n} contactos", "{n} connections", n=self.total)]
        if len(self.per_year):
            first, last = int(self.per_year["year"].iloc[0]), int(self.per_year["year"].iloc[-1])
            parts[0] += tr(" entre {a} y {b}", " between {a} and {b}", a=first, b=last)
        parts.append(tr(
            "{n} ({pct} %) tienen un cargo con poder de decisión",
            "{n} ({pct}%) hold a decision-making title",
            n=self.decision_makers, pct=format_number(self.decision_maker_share * 100, 1),
        ))
        if len(self.top_companies):
            parts.append(tr("la empresa más frecuente es {c} ({n})", "the most frequent company is {c} ({n})",
                            c=self.top_companies["company"].iloc[0],
                            n=int(self.top_companies["connections"].iloc[0])))
        return "; ".join(parts) + "."

    def _repr_html_(self) -> str:
        from .._html import paragraph

        return paragraph(self.describe())  # a company from the export is text, never markup

    def __str__(self) -> str:
        return self.describe()


def _top(values: pd.Series, name: str, n: int, total: int) -> pd.DataFrame:
    import pandas as pd

    counts = as_text(values, name).dropna().value_counts(sort=False)
    # "Acme" and "Acme " are the same company: tidy the (few) distinct values, then add up.
    counts = counts.groupby(counts.index.astype("string").str.strip(), sort=False).sum()
    counts = counts[counts.index != ""]
    # Ties in a stable, readable order: most connections first, then alphabetical.
    frame = pd.DataFrame({name: counts.index.astype("string"), "connections": counts.to_numpy("int64")})
    frame = frame.sort_values(["connections", name], ascending=[False, True], kind="stable").head(n)
    frame["share"] = frame["connections"] / total if total else 0.0
    return frame.reset_index(drop=True)


def network_summary(connections: pd.DataFrame, *, top: int = 10) -> NetworkSummary:
    """Summarise your connections: growth per year, top companies and titles, decision makers.

    The course's advice is to focus on the decision makers: this tells you how many of
    your connections already are.

    Parameters
    ----------
    connections : DataFrame
        The table from :func:`read_connections` (or :func:`anonymize`, which keeps the
        needed columns if asked).
    top : int, default 10
        How many companies and titles to list.

    Returns
    -------
    NetworkSummary

    Raises
    ------
    SSIInputError
        If the table lacks ``company``, ``position`` or ``connected_on`` (or has repeated
        columns), ``connected_on`` holds no dates, or ``top`` is not a whole number from 1.
    SSITypeError
        If ``connections`` is not a table.

    Examples
    --------
    >>> from ssi_kit.datasets import load_dataset
    >>> s = network_summary(load_dataset("conexiones_ejemplo"))
    >>> s.total
    500
    >>> int(s.per_year["cumulative"].iloc[-1]) + s.undated
    500
    """
    import numpy as np
    import pandas as pd

    connections = check_connections(connections, "network_summary")
    top = check_integer(top, name="top", minimum=1)
    total = len(connections)
    years = connection_dates(connections).dt.year.dropna().astype("int64")
    if len(years):
        counts = np.bincount(years.to_numpy() - years.min())
        per_year = pd.DataFrame({
            "year": np.arange(years.min(), years.max() + 1, dtype="int64"),
            "connections": counts.astype("int64"),
        })
    else:
        per_year = pd.DataFrame({"year": pd.Series([], dtype="int64"), "connections": pd.Series([], dtype="int64")})
    per_year["cumulative"] = per_year["connections"].cumsum().astype("int64")
    makers = int(is_decision_maker(connections["position"]).sum())
    return NetworkSummary(
        total=total,
        per_year=per_year,
        top_companies=_top(connections["company"], "company", top, total),
        top_positions=_top(connections["position"], "position", top, total),
        decision_makers=makers,
        decision_maker_share=makers / total if total else 0.0,
        undated=int(total - len(years)),
    )
