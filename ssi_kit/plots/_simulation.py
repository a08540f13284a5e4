"""Figures of projections made by :func:`ssi_kit.simulate`: trajectory, before/after, plans."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .._checks import check_title
from .._i18n import format_number, short_repr, tr
from .._palette import BLUE, GREY, PALETTE, PILLAR_COLORS
from ..errors import SSIInputError, SSITypeError
from ..score import LAGGARD_THRESHOLD, LEADER_THRESHOLD, PILLAR_MAX, PILLARS, pillar_label
from ..simulation import check_projection
from ._style import base_layout, check_figure_of, safe_text

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["plot_before_after", "plot_plans", "plot_trajectory"]

# Trace order of plot_trajectory, fixed so widgets can update it in place.
_HIGH, _LOW, _TOTAL = 0, 1, 2
_FIRST_PILLAR = 3
_TRACES = _FIRST_PILLAR + len(PILLARS)
MAX_PLANS = 6


def _series(frame: pd.DataFrame, pillar: str, column: str = "score") -> tuple[list[int], list[float]]:
    # check_projection sorts the rows by week, then PILLARS and the total: a (weeks, 5) grid.
    at = [*PILLARS, "total"].index(pillar)
    return frame["week"].to_numpy()[at::5].tolist(), frame[column].to_numpy()[at::5].tolist()


def _has_band(frame: pd.DataFrame) -> bool:
    return "low" in frame.columns and "high" in frame.columns


def _trajectory_title(frame: pd.DataFrame) -> str:
    weeks, totals = _series(frame, "total")
    return tr(
        "Proyección de tu SSI: de <b>{start}</b> a <b>{end}</b> en {weeks} semanas",
        "Your SSI projected: from <b>{start}</b> to <b>{end}</b> in {weeks} weeks",
        start=format_number(totals[0], 1),
        end=format_number(totals[-1], 1),
        weeks=weeks[-1] - weeks[0],
    )


def _caveat(fig: go.Figure) -> None:
    """Say under the title that this is a teaching model, and keep the legend off the axis title."""
    fig.update_layout(
        title_subtitle={
            "text": tr(
                "Modelo orientativo de ssi-kit, no la fórmula de LinkedIn",
                "ssi-kit's rough teaching model, not LinkedIn's formula",
            ),
            "font": {"size": 13, "color": GREY},
        },
        legend_y=-0.2,
        margin_b=130,
        margin_t=110,
    )


def _levels(fig: go.Figure, **where: Any) -> None:
    for y, text in ((LEADER_THRESHOLD, tr("líderes", "leaders")), (LAGGARD_THRESHOLD, tr("rezagados", "laggards"))):
        fig.add_hline(
            y=y, line_dash="dot", line_color=GREY, annotation_text=text,
            annotation_position="top left", annotation_font_size=13, **where,
        )


def plot_trajectory(projection: Any, *, title: str | None = None) -> go.Figure:
    """The total and the four pillars week by week, with the uncertainty band if any.

    Parameters
    ----------
    projection : DataFrame or BestPlan
        The result of :func:`ssi_kit.simulate` (with ``band=...`` to draw the band) or of
        :func:`ssi_kit.best_plan`.
    title : str, optional
        Replaces the default title (start and end totals).

    Returns
    -------
    plotly.graph_objects.Figure
        Left: the total on 0–100 (trace 2), its band (traces 0–1); right: the pillars on 0–25.

    Examples
    --------
    >>> from ssi_kit import SSI, simulate
    >>> fig = plot_trajectory(simulate(SSI(6, 6, 5, 8), ["publicar"], weeks=12, band=True))
    >>> fig.data[2].y[0]
    25.0
    """
    frame = check_projection(projection)
    title = check_title(title)
    fig = make_subplots(
        rows=1, cols=2, column_widths=[0.5, 0.5], horizontal_spacing=0.1,
        subplot_titles=(tr("Total (0–100)", "Total (0–100)"), tr("Pilares (0–25)", "Pillars (0–25)")),
    )
    band_name = tr("rango probable", "likely range")
    fig.add_scatter(
        x=[], y=[], mode="lines", line={"width": 0}, hoverinfo="skip", showlegend=False,
        name=band_name, legendgroup="band", row=1, col=1,
    )
    fig.add_scatter(
        x=[], y=[], mode="lines", line={"width": 0}, fill="tonexty", fillcolor="rgba(0,114,178,0.18)",
        name=band_name, legendgroup="band", hoverinfo="skip", row=1, col=1,
    )
    fig.add_scatter(
        x=[], y=[], mode="lines", name="Total", line={"color": BLUE, "width": 4},
        hovertemplate=tr("semana %{x}: %{y:.1f}", "week %{x}: %{y:.1f}") + "<extra>Total</extra>",
        row=1, col=1,
    )
    for pillar in PILLARS:
        label = pillar_label(pillar).capitalize()
        fig.add_scatter(
            x=[], y=[], mode="lines", name=label, line={"color": PILLAR_COLORS[pillar], "width": 3},
            hovertemplate=tr("semana %{x}: %{y:.2f}", "week %{x}: %{y:.2f}") + f"<extra>{label}</extra>",
            row=1, col=2,
        )
    _levels(fig, row=1, col=1)
    fig.update_yaxes(range=[0, 102], row=1, col=1, title_text=tr("puntos", "points"))
    fig.update_yaxes(range=[0, PILLAR_MAX * 1.02], row=1, col=2)
    fig.update_xaxes(title_text=tr("semana", "week"))
    base_layout(fig, title=title or _trajectory_title(frame), height=500)
    _caveat(fig)
    update_trajectory_figure(fig, frame, title=title)
    return fig


def update_trajectory_figure(fig: go.Figure, projection: Any, *, title: str | None = None) -> None:
    """Show ``projection`` in a figure made by :func:`plot_trajectory`, in place (one batch update).

    Raises
    ------
    SSITypeError, SSIInputError
        If ``fig`` is not a figure of :func:`plot_trajectory`, or as :func:`plot_trajectory`.
    """
    check_figure_of(fig, "plot_trajectory", _TRACES)
    frame = check_projection(projection)
    title = check_title(title)
    weeks, totals = _series(frame, "total")
    with fig.batch_update():
        if _has_band(frame):
            fig.data[_HIGH].update(x=weeks, y=_series(frame, "total", "high")[1])
            fig.data[_LOW].update(x=weeks, y=_series(frame, "total", "low")[1], showlegend=True)
        else:
            fig.data[_HIGH].update(x=[], y=[])
            fig.data[_LOW].update(x=[], y=[], showlegend=False)
        fig.data[_TOTAL].update(x=weeks, y=totals)
        for offset, pillar in enumerate(PILLARS):
            x, y = _series(frame, pillar)
            fig.data[_FIRST_PILLAR + offset].update(x=x, y=y)
        fig.layout.title.text = title or _trajectory_title(frame)


def plot_before_after(projection: Any, *, title: str | None = None) -> go.Figure:
    """Each pillar now (week 0) and at the end of the projection, side by side.

    Parameters
    ----------
    projection : DataFrame or BestPlan
        The result of :func:`ssi_kit.simulate` or :func:`ssi_kit.best_plan`.
    title : str, optional
        Replaces the default title (the two totals).

    Returns
    -------
    plotly.graph_objects.Figure
        Trace 0 is week 0, trace 1 the last week, one bar per pillar on 0–25.

    Examples
    --------
    >>> from ssi_kit import SSI, simulate
    >>> fig = plot_before_after(simulate(SSI(6, 6, 5, 8), ["publicar"], weeks=12))
    >>> fig.data[0].y
    (6.0, 6.0, 5.0, 8.0)
    """
    frame = check_projection(projection)
    title = check_title(title)
    first, last = int(frame["week"].min()), int(frame["week"].max())
    x = [pillar_label(p).capitalize() for p in PILLARS]
    fig = go.Figure()
    for week, color, name in (
        (first, GREY, tr("Ahora", "Now")),
        (last, BLUE, tr("Semana {week}", "Week {week}", week=last)),
    ):
        rows = frame[frame["week"] == week].set_index("pillar")["score"]
        values = [float(rows[p]) for p in PILLARS]
        fig.add_bar(
            x=x, y=values, name=name, marker_color=color, text=[format_number(v, 1) for v in values],
            textposition="outside", hovertemplate="%{x}: %{y}<extra>" + name + "</extra>",
        )
    totals = frame[frame["pillar"] == "total"].set_index("week")["score"]
    default = tr(
        "Antes y después: total de <b>{start}</b> a <b>{end}</b> en {weeks} semanas",
        "Before and after: total from <b>{start}</b> to <b>{end}</b> in {weeks} weeks",
        start=format_number(float(totals[first]), 1),
        end=format_number(float(totals[last]), 1),
        weeks=last - first,
    )
    fig.update_yaxes(range=[0, PILLAR_MAX * 1.12], title_text=tr("puntos (0–25)", "points (0–25)"))
    base_layout(fig, title=title or default)
    fig.update_layout(barmode="group")
    _caveat(fig)
    return fig


def plot_plans(plans: Mapping[str, Any], *, title: str | None = None) -> go.Figure:
    """Compare plans: the projected total of each, week by week, on one chart.

    Parameters
    ----------
    plans : dict of name → projection
        Up to six results of :func:`ssi_kit.simulate` (a band is drawn when present) or
        of :func:`ssi_kit.best_plan`, by the name to show in the legend.
    title : str, optional
        Replaces the default title.

    Returns
    -------
    plotly.graph_objects.Figure
        One line per plan, in the order given (bands, when present, come before their line).

    Raises
    ------
    SSIInputError
        If ``plans`` is empty or has more than six plans.

    Examples
    --------
    >>> from ssi_kit import SSI, simulate
    >>> s = SSI(6, 6, 5, 8)
    >>> fig = plot_plans({"A": simulate(s, ["publicar"], weeks=12), "B": simulate(s, ["grupos"], weeks=12)})
    >>> [trace.name for trace in fig.data]
    ['A', 'B']
    """
    if not isinstance(plans, Mapping):
        raise SSITypeError(
            tr(
                "plot_plans espera un diccionario nombre → proyección, por ejemplo "
                "{{\"Plan A\": simulate(...), \"Plan B\": simulate(...)}}; recibido {kind}.",
                "plot_plans expects a dict of name → projection, e.g. "
                "{{\"Plan A\": simulate(...), \"Plan B\": simulate(...)}}; received {kind}.",
                kind=type(plans).__name__,
            ),
            field="plans",
            received=plans,
        )
    if not 1 <= len(plans) <= MAX_PLANS:
        raise SSIInputError(
            tr(
                "plot_plans compara entre 1 y {max} planes; recibidos {n}.",
                "plot_plans compares between 1 and {max} plans; received {n}.",
                max=MAX_PLANS,
                n=len(plans),
            ),
            field="plans",
            received=len(plans),
        )
    title = check_title(title)
    fig = go.Figure()
    summary = []
    for (key, value), color in zip(plans.items(), PALETTE):
        name = key if isinstance(key, str) else short_repr(key, 40)
        frame = check_projection(value, name=name)
        name = safe_text(name)  # plotly reads HTML tags in a legend
        weeks, totals = _series(frame, "total")
        if _has_band(frame):
            red, green, blue = (int(color[i : i + 2], 16) for i in (1, 3, 5))
            fig.add_scatter(
                x=weeks + weeks[::-1],
                y=_series(frame, "total", "high")[1] + _series(frame, "total", "low")[1][::-1],
                fill="toself", fillcolor=f"rgba({red},{green},{blue},0.15)", line={"width": 0},
                hoverinfo="skip", showlegend=False, name=f"{name} ({tr('rango', 'range')})",
            )
        # Without <extra>, plotly names the line by its (escaped) name: a "%{...}" in it stays text.
        fig.add_scatter(
            x=weeks, y=totals, mode="lines", name=name, line={"color": color, "width": 4},
            hovertemplate=tr("semana %{x}: %{y:.1f}", "week %{x}: %{y:.1f}"),
        )
        summary.append(f"{name} {format_number(totals[-1], 1)}")
    _levels(fig)
    fig.update_yaxes(range=[0, 102], title_text=tr("SSI total (0–100)", "total SSI (0–100)"))
    fig.update_xaxes(title_text=tr("semana", "week"))
    default = tr("Comparar planes · al final: {summary}", "Comparing plans · at the end: {summary}",
                 summary=" · ".join(summary))
    base_layout(fig, title=title or default)
    _caveat(fig)
    return fig
