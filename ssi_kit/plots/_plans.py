"""A saved plan against reality: the projection, its band and the SSIs you recorded."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import plotly.graph_objects as go

from .._checks import check_title
from .._i18n import format_date, format_number, plural, tr
from .._palette import BLUE, GREEN, GREY, VERMILION
from ..plans import STATUSES, compare_plan, status_label
from ._style import base_layout

if TYPE_CHECKING:
    import pandas as pd

    from ..plans import SavedPlan

__all__ = ["plot_plan_vs_reality"]

_STYLE = {
    "above": (GREEN, "triangle-up"),
    "inside": (BLUE, "circle"),
    "below": (VERMILION, "triangle-down"),
}


def plot_plan_vs_reality(
    plan: SavedPlan, history: pd.DataFrame | None = None, *, title: str | None = None,
) -> go.Figure:
    """The plan's projected total and band, with the SSIs you recorded since it started.

    Each recorded SSI is a marker coloured (and shaped) by where it stands: above the band
    (green, ▲), inside it (blue, ●) or below it (vermilion, ▼).

    Parameters
    ----------
    plan : SavedPlan
        What :func:`ssi_kit.plans.save_plan` or :func:`ssi_kit.plans.load_plan` returns.
    history : DataFrame, optional
        Your recorded SSIs (``date``, ``total``); :func:`ssi_kit.history.load_history` by default.
    title : str, optional
        Replaces the default title (how many measurements, where the latest stands).

    Returns
    -------
    plotly.graph_objects.Figure
        Traces: 0–1 the band (high, low), 2 the projection, 3–5 the snapshots above, inside
        and below the band; the x axis is the date.

    Raises
    ------
    SSIInputError, SSITypeError
        As :func:`ssi_kit.plans.compare_plan`, or for a title that is not text.

    Examples
    --------
    >>> import pandas as pd
    >>> from ssi_kit import SSI
    >>> from ssi_kit.plans import practice_file, save_plan
    >>> plan = save_plan(["publicar"], start="2025-01-06", ssi=SSI(6, 6, 5, 8), path=practice_file())
    >>> fig = plot_plan_vs_reality(plan, pd.DataFrame({"date": pd.to_datetime(["2025-01-20"]), "total": [90.0]}))
    >>> fig.data[3].y
    (90.0,)
    """
    title = check_title(title)
    comparison = compare_plan(plan, history)
    line = plan.projection[plan.projection["pillar"] == "total"].sort_values("week")
    weeks = [int(w) for w in line["week"]]
    dates = [plan.start + dt.timedelta(weeks=w) for w in weeks]
    hover = tr("semana {w}: %{{y:.1f}}", "week {w}: %{{y:.1f}}")
    fig = go.Figure()
    band = tr("banda probable ({p} %)", "likely band ({p}%)", p=format_number(plan.band * 100, 0))
    fig.add_scatter(x=dates, y=line["high"].tolist(), mode="lines", line={"width": 0}, hoverinfo="skip",
                    showlegend=False, name=band, legendgroup="band")
    fig.add_scatter(x=dates, y=line["low"].tolist(), mode="lines", line={"width": 0}, fill="tonexty",
                    fillcolor="rgba(0,114,178,0.18)", hoverinfo="skip", name=band, legendgroup="band")
    fig.add_scatter(x=dates, y=line["score"].tolist(), mode="lines", name=tr("lo previsto", "the plan"),
                    line={"color": BLUE, "width": 3, "dash": "dash"},
                    customdata=weeks, hovertemplate=hover.format(w="%{customdata}") + "<extra></extra>")
    for status in STATUSES:
        rows = comparison[comparison["status"] == status]
        color, symbol = _STYLE[status]
        name = tr("tu SSI: {s}", "your SSI: {s}", s=status_label(status))
        fig.add_scatter(
            x=rows["date"].dt.date.tolist(), y=rows["total"].tolist(), mode="markers", name=name,
            marker={"color": color, "symbol": symbol, "size": 13, "line": {"color": "white", "width": 1}},
            customdata=rows["week"].tolist(),
            hovertemplate=tr("semana %{customdata:.1f}: %{y:.1f}", "week %{customdata:.1f}: %{y:.1f}")
            + f"<extra>{name}</extra>",
        )
    if comparison.empty:
        default = tr("Tu plan desde el {d}: aún no hay medidas", "Your plan since {d}: no measurements yet",
                     d=format_date(plan.start))
    else:
        default = tr("Tu plan frente a la realidad: {n}, la última <b>{s}</b>",
                     "Your plan against reality: {n}, the latest <b>{s}</b>",
                     n=plural(len(comparison), "medida", "medidas", "measurement", "measurements"),
                     s=status_label(str(comparison["status"].iloc[-1])))
    fig.update_yaxes(range=[0, 102], title_text=tr("SSI total (0–100)", "total SSI (0–100)"))
    fig.update_xaxes(title_text=tr("fecha", "date"))
    base_layout(fig, title=title or default)
    fig.update_layout(
        title_subtitle={"text": tr("Banda y previsión: modelo orientativo de ssi-kit, no la fórmula de LinkedIn",
                                   "Band and plan: ssi-kit's rough model, not LinkedIn's formula"),
                        "font": {"size": 13, "color": GREY}},
        margin_t=110, legend_y=-0.2, margin_b=130,
    )
    return fig
