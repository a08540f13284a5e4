"""Figures of lesson 05: your contacts on the ladder of a relationship, and who you never wrote to."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import plotly.graph_objects as go

from .._checks import check_frame, check_title
from .._i18n import format_percent, plural, tr
from .._palette import BLUE, GREY, PINK, VERMILION
from ..relationships import check_never_contacted, stage_counts
from ._style import base_layout, check_figure_of, safe_text

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["plot_funnel", "plot_never_contacted"]


def _counts(data: Any) -> pd.DataFrame:
    """``stage_counts`` of a tracker, or a ``stage_counts`` table as it is."""
    frame = check_frame(data, name="tracker", expected=tr("tu tabla de seguimiento", "your tracker table"),
                        hint=tr("Pasa la tabla de load_tracker o de stage_counts.",
                                "Pass the table from load_tracker or stage_counts."))
    if {"stage", "label", "count"} <= set(frame.columns) and "name" not in frame.columns:
        return frame
    return stage_counts(frame)


def _funnel_values(counts: pd.DataFrame) -> dict[str, Any]:
    people = [int(c) for c in counts["count"]]
    return {
        "y": [safe_text(label) for label in counts["label"]],
        "x": people,
        "text": [plural(n, "persona", "personas", "person", "people") for n in people],
    }


def _funnel_title(counts: pd.DataFrame) -> str:
    total = int(counts["count"].sum())
    return tr("Tus relaciones, etapa a etapa ({n})", "Your relationships, stage by stage ({n})",
              n=plural(total, "persona", "personas", "person", "people"))


def plot_funnel(tracker: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """A funnel of your contacts per stage of the ladder, a connection at the top, trust at the bottom.

    Parameters
    ----------
    tracker : DataFrame
        Your tracker (:func:`ssi_kit.relationships.load_tracker`) or its
        :func:`~ssi_kit.relationships.stage_counts`.
    title : str, optional

    Examples
    --------
    >>> from ssi_kit.relationships import add_contact, new_tracker
    >>> fig = plot_funnel(add_contact(new_tracker(), "Ana", stage="confianza"))
    >>> fig.data[0].x[-1], fig.data[0].text[-1]
    (1, '1 persona')
    """
    counts = _counts(tracker)
    fig = go.Figure(go.Funnel(
        **_funnel_values(counts), textinfo="text", textposition="outside", marker_color=PINK,
        connector={"fillcolor": "#f3d6e6"}, hovertemplate="%{y}: %{x}<extra></extra>",
    ))
    base_layout(fig, title=check_title(title) or _funnel_title(counts), height=460)
    fig.update_layout(margin={"l": 260, "r": 60, "t": 90, "b": 40}, showlegend=False)
    fig.update_yaxes(automargin=True)
    return fig


def update_funnel_figure(fig: go.Figure, tracker: pd.DataFrame) -> None:
    """Change ``fig`` (from :func:`plot_funnel`) in place to show ``tracker``: one message to the browser.

    Examples
    --------
    >>> from ssi_kit.relationships import add_contact, new_tracker
    >>> fig = plot_funnel(new_tracker())
    >>> update_funnel_figure(fig, add_contact(new_tracker(), "Ana"))
    >>> fig.data[0].x[0]
    1
    """
    check_figure_of(fig, "plot_funnel", 1)
    counts = _counts(tracker)
    values = _funnel_values(counts)
    with fig.batch_update():
        fig.data[0].x = values["x"]
        fig.data[0].y = values["y"]
        fig.data[0].text = values["text"]
        fig.layout.title.text = _funnel_title(counts)


def plot_never_contacted(shares: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Bars of the share of connections you never exchanged a message with, by year connected.

    The title says it: a rough proxy for the connections "worth 0", not a measure of them.

    Parameters
    ----------
    shares : DataFrame
        From :func:`ssi_kit.relationships.never_contacted`.

    Examples
    --------
    >>> import pandas as pd
    >>> shares = pd.DataFrame({"year": [2024, 2025], "connections": [4, 2], "never_contacted": [1, 2],
    ...                        "share": [0.25, 1.0]})
    >>> plot_never_contacted(shares).data[0].text
    ('25 %', '100 %')
    """
    frame = check_never_contacted(shares)
    years = [int(y) for y in frame["year"]]
    share = [float(s) for s in frame["share"]]
    fig = go.Figure(go.Bar(
        x=years, y=[s * 100 for s in share], text=[format_percent(s) for s in share], textposition="outside",
        marker_color=[VERMILION if s >= 0.5 else BLUE for s in share], cliponaxis=False,
        customdata=list(zip(frame["never_contacted"].astype(int), frame["connections"].astype(int))),
        hovertemplate=tr("%{x}: %{customdata[0]} de %{customdata[1]}<extra></extra>",
                         "%{x}: %{customdata[0]} of %{customdata[1]}<extra></extra>"),
    ))
    base_layout(fig, title=check_title(title) or tr(
        "Contactos con los que nunca cruzaste un mensaje<br><sup>aproximación a grandes rasgos al «valor 0»</sup>",
        "Connections you never exchanged a message with<br><sup>a rough proxy for 'worth 0'</sup>"), height=460)
    fig.update_xaxes(title_text=tr("año en que conectaron", "year connected"), dtick=1)
    fig.update_yaxes(title_text=tr("% sin ningún mensaje", "% without any message"), range=[0, 110],
                     ticksuffix=" %", gridcolor="#eeeeee", zerolinecolor=GREY)
    return fig
