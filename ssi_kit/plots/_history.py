"""Your SSI over time, from :func:`ssi_kit.history.load_history`: total, pillars, change per snapshot."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .._checks import check_title
from .._i18n import tr
from .._palette import BLUE, GREEN, GREY, PILLAR_COLORS, VERMILION
from ..history import check_history, describe_change, load_history
from ..score import PILLAR_MAX, PILLARS, pillar_label
from ._style import base_layout

__all__ = ["plot_history"]


def plot_history(history: Any = None, *, title: str | None = None) -> go.Figure:
    """Your SSI over time: the total (with your industry and network), the pillars, and each change.

    Parameters
    ----------
    history : DataFrame, optional
        The table of :func:`ssi_kit.history.load_history`; your saved history if omitted.
    title : str, optional
        Replaces the default title. The subtitle says how much the total moved since the
        previous snapshot («Sin cambios desde la semana pasada» when it did not).

    Returns
    -------
    plotly.graph_objects.Figure
        Top left: the total on 0–100 (trace 0), industry and network averages (traces 1–2);
        top right: the pillars on 0–25 (traces 3–6); bottom: change of the total at each
        snapshot (trace 7). With no snapshot, empty traces and a note saying how to save one.

    Examples
    --------
    >>> import pandas as pd
    >>> h = pd.DataFrame({"date": pd.to_datetime(["2025-03-07", "2025-03-14"]), "brand": [10, 12.5],
    ...                   "people": [8, 8], "insights": [5, 5], "relationships": [10, 10], "total": [33, 35.5]})
    >>> fig = plot_history(h)
    >>> list(fig.data[0].y), list(fig.data[7].y)
    ([33.0, 35.5], [2.5])
    """
    frame = check_history(load_history() if history is None else history)
    title = check_title(title)
    fig = make_subplots(
        rows=2, cols=2, row_heights=[0.68, 0.32], vertical_spacing=0.16, horizontal_spacing=0.1,
        specs=[[{}, {}], [{"colspan": 2}, None]],
        subplot_titles=(tr("Total (0–100)", "Total (0–100)"), tr("Pilares (0–25)", "Pillars (0–25)"),
                        tr("Cambio del total en cada medición", "Change of the total at each snapshot")),
    )
    dates = [d.to_pydatetime() for d in frame["date"]]
    mode = "lines+markers" if len(frame) > 1 else "markers"
    date_hover = "%{x|%d/%m/%Y}"
    fig.add_scatter(x=dates, y=frame["total"].astype(float).tolist(), mode=mode, name="Total",
                    line={"color": BLUE, "width": 4}, marker={"size": 10},
                    hovertemplate=date_hover + ": %{y:.2f}<extra>Total</extra>", row=1, col=1)
    for column, name, dash in (("industry", tr("media del sector", "industry average"), "dash"),
                               ("network", tr("media de tu red", "network average"), "dot")):
        values = frame[column].astype(float).tolist() if column in frame.columns else []
        shown = [(d, v) for d, v in zip(dates, values) if v == v]  # NaN: not recorded that day
        fig.add_scatter(x=[d for d, _ in shown], y=[v for _, v in shown], mode=mode, name=name,
                        line={"color": GREY, "dash": dash, "width": 2}, marker={"size": 7},
                        hovertemplate=date_hover + f": %{{y:.2f}}<extra>{name}</extra>",
                        showlegend=bool(shown), row=1, col=1)
    for pillar in PILLARS:
        label = pillar_label(pillar).capitalize()
        fig.add_scatter(x=dates, y=frame[pillar].astype(float).tolist(), mode=mode, name=label,
                        line={"color": PILLAR_COLORS[pillar], "width": 3}, marker={"size": 8},
                        hovertemplate=date_hover + f": %{{y:.2f}}<extra>{label}</extra>", row=1, col=2)
    totals = frame["total"].astype(float).tolist()
    changes = [round(b - a, 3) + 0.0 for a, b in pairwise(totals)]
    fig.add_bar(x=dates[1:], y=changes, name=tr("cambio", "change"), showlegend=False,
                marker_color=[GREEN if c > 0 else VERMILION if c < 0 else GREY for c in changes],
                hovertemplate=date_hover + ": %{y:+.2f}<extra></extra>", row=2, col=1)
    fig.update_yaxes(range=[0, 102], title_text=tr("puntos", "points"), row=1, col=1)
    fig.update_yaxes(range=[0, PILLAR_MAX * 1.02], row=1, col=2)
    fig.update_yaxes(zeroline=True, zerolinecolor=GREY, row=2, col=1)
    fig.update_xaxes(tickformat="%d/%m/%Y")
    if len(frame) == 0:
        fig.add_annotation(
            text=tr("Aún no hay mediciones: guarda tu SSI con record(...) o el botón «Guardar».",
                    "No snapshots yet: save your SSI with record(...) or the 'Save' button."),
            xref="paper", yref="paper", x=0.5, y=0.6, showarrow=False, font={"size": 16, "color": GREY},
        )
    base_layout(fig, title=title or tr("Tu SSI en el tiempo", "Your SSI over time"), height=660)
    fig.update_layout(title_subtitle={"text": describe_change(frame), "font": {"size": 15, "color": GREY}},
                      legend_y=-0.12, margin_t=120)
    return fig
