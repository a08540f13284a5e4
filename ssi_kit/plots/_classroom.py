"""Lesson 06 figures: a class at once, for the teacher (distribution, averages, progress, plan).

Each function takes a tidy frame (see :mod:`ssi_kit.classroom`) and returns a figure. Aliases
are learners' text: shown through :func:`safe_text`.
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterable
from datetime import date
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

import plotly.graph_objects as go

from .._checks import check_destination, check_flag, check_frame, check_integer, check_number, check_title, check_type
from .._i18n import format_number, plural, tr
from .._palette import BLUE, GREY, ORANGE, PILLAR_COLORS, VERMILION
from ..classroom import ClassData, class_progress, class_projection, latest_submissions
from ..safe_csv import write_atomically
from ..score import PILLAR_MAX, PILLARS, GroupScore, SSIProfile, clean_score, pillar_label
from ..simulation import PROJECTION_WEEKS
from ._style import (
    base_layout,
    check_figure_of,
    inline_plotlyjs,
    safe_text,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "class_dashboard",
    "export_dashboard",
    "plot_class_average",
    "plot_class_distribution",
    "plot_class_plan",
    "plot_class_progress",
    "plot_class_weakest",
    "plot_leaderboard",
]

_DUMBBELL_MAX = 40  # more students than this: a histogram of changes reads better


def _latest(frame: object, name: str = "latest") -> pd.DataFrame:
    return check_frame(frame, name=name, required=("student", *PILLARS, "total"),
                       expected=tr("una tabla como latest_submissions(clase)",
                                   "a table like latest_submissions(class)"),
                       text=("student",), numbers=(*PILLARS, "total"), complete=("student", *PILLARS, "total"))


def _labels() -> list[str]:
    return [pillar_label(p) for p in PILLARS]


def plot_class_distribution(latest: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """How the class spreads in each pillar: one box per pillar (points shown for small classes).

    Examples
    --------
    >>> import pandas as pd
    >>> clase = pd.DataFrame({"student": ["a", "b"], "brand": [10, 12], "people": [8, 9], "insights": [5, 6],
    ...                       "relationships": [10, 11], "total": [33, 38]})
    >>> len(plot_class_distribution(clase).data)
    4
    """
    frame = _latest(latest)
    title = check_title(title)
    fig = go.Figure()
    points = "all" if len(frame) <= 200 else "outliers"
    for pillar in PILLARS:
        fig.add_box(y=frame[pillar].to_numpy(dtype=float), name=pillar_label(pillar), boxpoints=points,
                    marker_color=PILLAR_COLORS[pillar], showlegend=False,
                    hovertemplate="%{y:.2f}<extra>" + pillar_label(pillar) + "</extra>")
    fig.update_yaxes(title_text=tr("puntos (de 0 a 25)", "points (0 to 25)"), range=[0, PILLAR_MAX + 0.5])
    default = tr("Cómo se reparte la clase en cada pilar ({n})", "How the class spreads in each pillar ({n})",
                 n=plural(len(frame), "persona", "personas", "person", "people"))
    return base_layout(fig, title=title or default)


def plot_class_average(latest: pd.DataFrame, *, industry: float, title: str | None = None) -> go.Figure:
    """The class's average SSI beside LinkedIn's industry average (a number the teacher passes).

    Examples
    --------
    >>> import pandas as pd
    >>> clase = pd.DataFrame({"student": ["a", "b"], "brand": [10, 12], "people": [8, 9], "insights": [5, 6],
    ...                       "relationships": [10, 11], "total": [33, 38]})
    >>> plot_class_average(clase, industry=31).data[0].y
    (35.5, 31.0)
    """
    frame = _latest(latest)
    reference = check_number(industry, name="industry", maximum=100)
    title = check_title(title)
    mean = round(float(frame["total"].mean()), 2) if len(frame) else 0.0
    names = [tr("Media de la clase", "Class average"), tr("Media del sector", "Industry average")]
    fig = go.Figure()
    fig.add_bar(x=names, y=[mean, reference], marker_color=[BLUE, GREY],
                text=[format_number(mean, 1), format_number(reference, 1)], textposition="outside",
                cliponaxis=False, hovertemplate="%{x}: %{y:.1f}<extra></extra>")
    fig.update_yaxes(title_text=tr("SSI (de 0 a 100)", "SSI (0 to 100)"), range=[0, 100])
    default = tr("La clase frente a la media del sector", "The class against the industry average")
    return base_layout(fig, title=title or default)


def plot_class_progress(progress: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Each student's SSI at their first and last submissions (a histogram of changes for large classes).

    Examples
    --------
    >>> import pandas as pd
    >>> p = pd.DataFrame({"student": ["a"], "before": [30.0], "after": [34.5], "change": [4.5]})
    >>> [trace.name for trace in plot_class_progress(p).data][1:]
    ['Antes', 'Después']
    """
    frame = check_frame(progress, name="progress", required=("student", "before", "after", "change"),
                        expected=tr("una tabla como class_progress(clase)", "a table like class_progress(class)"),
                        text=("student",), numbers=("before", "after", "change"))
    title = check_title(title)
    fig = go.Figure()
    if len(frame) > _DUMBBELL_MAX:
        fig.add_histogram(x=frame["change"].to_numpy(dtype=float), marker_color=BLUE, showlegend=False,
                          hovertemplate=tr("cambio %{x}: %{y} personas", "change %{x}: %{y} people")
                          + "<extra></extra>")
        fig.update_xaxes(title_text=tr("cambio del SSI (puntos)", "SSI change (points)"))
        fig.update_yaxes(title_text=tr("personas", "people"))
    else:
        ordered = frame.sort_values("change", kind="stable")
        names = [safe_text(s) for s in ordered["student"]]
        before, after = ordered["before"].tolist(), ordered["after"].tolist()
        xs: list[float | None] = []
        ys: list[str | None] = []
        for name, b, a in zip(names, before, after):
            xs += [b, a, None]
            ys += [name, name, None]
        fig.add_scatter(x=xs, y=ys, mode="lines", line={"color": GREY, "width": 3}, showlegend=False,
                        hoverinfo="skip")
        fig.add_scatter(x=before, y=names, mode="markers", name=tr("Antes", "Before"),
                        marker={"color": GREY, "size": 12})
        fig.add_scatter(x=after, y=names, mode="markers", name=tr("Después", "After"),
                        marker={"color": BLUE, "size": 12})
        fig.update_xaxes(title_text=tr("SSI (de 0 a 100)", "SSI (0 to 100)"))
        fig.update_yaxes(type="category")
    if frame.empty:
        fig.add_annotation(text=tr("Nadie ha enviado dos medidas todavía", "Nobody has sent two measurements yet"),
                           showarrow=False, xref="paper", yref="paper", x=0.5, y=0.5)
    default = tr("Progreso de cada persona entre dos medidas", "Each person's progress between two measurements")
    return base_layout(fig, title=title or default, height=max(480, 26 * min(len(frame), _DUMBBELL_MAX) + 200))


def plot_class_weakest(latest: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """The class average per pillar, the weakest highlighted: what to teach next.

    Examples
    --------
    >>> import pandas as pd
    >>> clase = pd.DataFrame({"student": ["a", "b"], "brand": [10, 12], "people": [8, 9], "insights": [5, 6],
    ...                       "relationships": [10, 11], "total": [33, 38]})
    >>> plot_class_weakest(clase).layout.title.text
    'Qué enseñar ahora: «información» es el pilar más bajo de la clase'
    """
    frame = _latest(latest)
    title = check_title(title)
    means = [round(float(frame[p].mean()), 2) if len(frame) else 0.0 for p in PILLARS]
    weakest = PILLARS[means.index(min(means))]
    weakest_count = frame[list(PILLARS)].idxmin(axis=1).value_counts() if len(frame) else None
    counts = [int(weakest_count.get(p, 0)) if weakest_count is not None else 0 for p in PILLARS]
    fig = go.Figure()
    fig.add_bar(
        x=_labels(), y=means, marker_color=[VERMILION if p == weakest else GREY for p in PILLARS],
        text=[format_number(m, 1) for m in means], textposition="outside", cliponaxis=False, showlegend=False,
        customdata=counts,
        hovertemplate="%{x}: %{y:.2f}<br>" + tr("el más bajo de %{customdata} personas",
                                                 "the lowest for %{customdata} people") + "<extra></extra>",
    )
    fig.update_yaxes(title_text=tr("media (de 0 a 25)", "average (0 to 25)"), range=[0, PILLAR_MAX])
    default = tr("Qué enseñar ahora: «{p}» es el pilar más bajo de la clase",
                 "What to teach next: '{p}' is the class's lowest pillar", p=pillar_label(weakest))
    return base_layout(fig, title=title or default)


def plot_leaderboard(latest: pd.DataFrame, *, top: int = 10, title: str | None = None) -> go.Figure:
    """A ranking by alias of the latest SSIs (only if the class agreed to it).

    Examples
    --------
    >>> import pandas as pd
    >>> clase = pd.DataFrame({"student": ["a", "b"], "brand": [10, 12], "people": [8, 9], "insights": [5, 6],
    ...                       "relationships": [10, 11], "total": [33, 38]})
    >>> plot_leaderboard(clase, top=1).data[0].y
    ('b',)
    """
    frame = _latest(latest)
    top = check_integer(top, name="top", minimum=1, maximum=1000)
    title = check_title(title)
    best = frame.sort_values(["total", "student"], ascending=[False, True], kind="stable").head(top)
    fig = go.Figure()
    fig.add_bar(x=best["total"].to_numpy(dtype=float), y=[safe_text(s) for s in best["student"]], orientation="h",
                marker_color=ORANGE, text=[format_number(float(t), 1) for t in best["total"]],
                textposition="outside", cliponaxis=False, hovertemplate="%{y}: %{x:.1f}<extra></extra>")
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(title_text=tr("SSI (de 0 a 100)", "SSI (0 to 100)"), range=[0, 100])
    default = tr("Clasificación por alias (opcional)", "Ranking by alias (optional)")
    return base_layout(fig, title=title or default, height=max(400, 40 * len(best) + 200))


def plot_class_plan(projection: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """The class following one plan: the average total week by week with the range of the class.

    Parameters
    ----------
    projection : DataFrame
        :func:`ssi_kit.simulate_many`'s result (``learner, week, pillar, score``).

    Examples
    --------
    >>> import pandas as pd
    >>> from ssi_kit import simulate_many
    >>> clase = pd.DataFrame({"brand": [6, 12], "people": [6, 8], "insights": [5, 5], "relationships": [8, 10]})
    >>> len(plot_class_plan(simulate_many(clase, ["grupos"], weeks=4)).data)
    3
    """
    weeks, low, mean, high = _plan_series(projection)
    title = check_title(title)
    fig = go.Figure()
    fig.add_scatter(x=weeks, y=high, mode="lines", line={"width": 0}, showlegend=False, hoverinfo="skip")
    fig.add_scatter(x=weeks, y=low, mode="lines", line={"width": 0}, fill="tonexty",
                    fillcolor="rgba(0, 114, 178, 0.15)", name=tr("De la más baja a la más alta", "Lowest to highest"),
                    hoverinfo="skip")
    fig.add_scatter(x=weeks, y=mean, mode="lines+markers", line={"color": BLUE, "width": 3},
                    name=tr("Media de la clase", "Class average"),
                    hovertemplate=tr("semana %{x}: %{y:.1f}", "week %{x}: %{y:.1f}") + "<extra></extra>")
    fig.update_xaxes(title_text=tr("semana", "week"))
    fig.update_yaxes(title_text=tr("SSI (de 0 a 100)", "SSI (0 to 100)"), range=[0, 100])
    return base_layout(fig, title=title or _plan_title())


def update_class_plan_figure(fig: go.Figure, projection: pd.DataFrame, *, title: str | None = None) -> None:
    """Show ``projection`` in a figure made by :func:`plot_class_plan`, in place (one batch update).

    Parameters
    ----------
    fig : plotly Figure or FigureWidget
        A figure returned by :func:`plot_class_plan` (or a ``FigureWidget`` made from one).
    projection : DataFrame
        :func:`ssi_kit.simulate_many`'s result (``learner, week, pillar, score``).
    title : str, optional
        A new title; the default one otherwise.

    Raises
    ------
    SSITypeError, SSIInputError
        If ``fig`` is not a figure of :func:`plot_class_plan`, or as :func:`plot_class_plan`.

    Examples
    --------
    >>> import pandas as pd
    >>> from ssi_kit import simulate_many
    >>> clase = pd.DataFrame({"brand": [6, 12], "people": [6, 8], "insights": [5, 5], "relationships": [8, 10]})
    >>> fig = plot_class_plan(simulate_many(clase, [], weeks=4))
    >>> update_class_plan_figure(fig, simulate_many(clase, ["grupos"], weeks=8))
    >>> len(fig.data[2].x)
    9
    """
    check_figure_of(fig, "plot_class_plan", _PLAN_TRACES)
    weeks, low, mean, high = _plan_series(projection)
    title = check_title(title)
    with fig.batch_update():
        fig.data[0].update(x=weeks, y=high)
        fig.data[1].update(x=weeks, y=low)
        fig.data[2].update(x=weeks, y=mean)
        fig.layout.title.text = title or _plan_title()


_PLAN_TRACES = 3  # plot_class_plan: highest, lowest (filled to the highest), class mean


def _plan_title() -> str:
    return tr("Si toda la clase sigue el mismo plan", "If the whole class follows the same plan")


def _plan_series(projection: object) -> tuple[list[int], list[float], list[float], list[float]]:
    """Weeks, then the class's lowest, mean and highest total each week, from ``simulate_many``'s frame."""
    frame = check_frame(projection, name="projection", required=("learner", "week", "pillar", "score"),
                        expected=tr("lo que devuelve simulate_many", "what simulate_many returns"),
                        numbers=("week", "score"), complete=("week",))
    totals = frame[frame["pillar"] == "total"].groupby("week")["score"]
    mean = totals.mean()
    return ([int(w) for w in mean.index], totals.min().astype(float).tolist(), mean.astype(float).tolist(),
            totals.max().astype(float).tolist())


# --- the whole dashboard and its offline report -------------------------------------------

def _industry(industry: object) -> float:
    if industry is None:  # the example data's figure
        from ..datasets import load_dataset

        profile = load_dataset("ssi_ejemplo")
        return float(profile.industry.overall) if profile.industry is not None else 0.0
    if isinstance(industry, SSIProfile):
        industry = industry.industry
    if isinstance(industry, GroupScore):
        return float(industry.overall)
    return clean_score(industry, field="industry", maximum=100.0)


def class_dashboard(
    class_data: ClassData | pd.DataFrame,
    *,
    industry: float | GroupScore | None = None,
    start: date | str | None = None,
    end: date | str | None = None,
    leaderboard: bool = False,
    top: int = 10,
    actions: Iterable[str] | str | None = None,
    weeks: int = PROJECTION_WEEKS,
) -> dict[str, go.Figure]:
    """The teacher's figures for a class, each a plotly figure.

    Parameters
    ----------
    class_data : ClassData or DataFrame
        What :func:`ssi_kit.classroom.read_class` returns (or its ``.submissions``).
    industry : float or GroupScore, optional
        LinkedIn's industry average SSI to compare with; by default the example data's
        (``load_dataset("ssi_ejemplo").industry``, an example, not your class's industry).
    start, end : date or text, optional
        The window of the progress figure.
    leaderboard : bool
        Add a ranking by alias. Off by default: show it only if the class agrees.
    top : int
        How many aliases the ranking shows.
    actions : list of action ids, optional
        Add the projection of the whole class following this plan (:func:`ssi_kit.simulate_many`).
    weeks : int
        Weeks of that projection.

    Returns
    -------
    dict of str to plotly Figure
        ``distribution``, ``industry``, ``progress``, ``weakest``, and ``leaderboard`` /
        ``actions`` when asked.

    Examples
    --------
    >>> import ssi_kit
    >>> figures = class_dashboard(ssi_kit.load_dataset("clase_ejemplo"))
    >>> sorted(figures)
    ['distribution', 'industry', 'progress', 'weakest']
    """
    latest = latest_submissions(class_data)
    leaderboard = check_flag(leaderboard, name="leaderboard")
    top = check_integer(top, name="top", minimum=1, maximum=1000)
    reference = _industry(industry)
    progress = class_progress(class_data, start=start, end=end)  # every argument checked before any figure is built
    projection = None if actions is None else class_projection(latest, actions, weeks=weeks)
    figures = {
        "distribution": plot_class_distribution(latest),
        "industry": plot_class_average(latest, industry=reference),
        "progress": plot_class_progress(progress),
        "weakest": plot_class_weakest(latest),
    }
    if leaderboard:
        figures["leaderboard"] = plot_leaderboard(latest, top=top)
    if projection is not None:
        figures["plan"] = plot_class_plan(projection)
    return figures


def export_dashboard(figures: dict[str, go.Figure], dest: str | PathLike[str], *, title: str | None = None,
                overwrite: bool = False) -> Path:
    """Write the dashboard as one standalone HTML file that works offline.

    plotly.js is embedded once; the file makes no request to any server. Written whole or
    not at all (a temporary file renamed over the target).

    Examples
    --------
    >>> import tempfile, pathlib, ssi_kit
    >>> out = export_dashboard(class_dashboard(ssi_kit.load_dataset("clase_ejemplo")),
    ...                   pathlib.Path(tempfile.mkdtemp()) / "clase.html")
    >>> out.read_text(encoding="utf-8").count("<div class=\\"figure\\">")
    4
    """
    check_type(figures, dict, name="figures",
               expected=tr("lo que devuelve class_dashboard()", "what class_dashboard() returns"))
    for name, figure in figures.items():
        check_type(figure, go.Figure, name=str(name), expected=tr("una figura de plotly", "a plotly figure"))
    title = check_title(title) or tr("Panel de la clase", "Class dashboard")
    target = check_destination(dest, name="dest", overwrite=overwrite, suffixes=(".html", ".htm"),
                               example=tr('"panel_clase.html"', '"class_dashboard.html"'))
    parts = [f'<div class="figure">{fig.to_html(full_html=False, include_plotlyjs=False)}</div>'
             for fig in figures.values()]
    note = tr("El SSI es un indicador para decidir qué enseñar, no una nota.",
              "The SSI is an indicator for deciding what to teach, not a grade.")
    page = (
        '<!DOCTYPE html>\n<html lang="' + tr("es", "en") + '"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>"
        "<style>body{font-family:sans-serif;margin:1em}.figure{page-break-inside:avoid}</style>"
        f"<script>{inline_plotlyjs()}</script></head><body><h1>{html.escape(title)}</h1>\n"
        f"<p>{html.escape(note)}</p>\n"
        + "\n".join(parts) + "\n</body></html>\n"
    )
    write_atomically(target, os.fspath(dest), lambda file: file.write(page))
    return target

