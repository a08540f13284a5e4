"""Lesson 04 figures: LinkedIn's users (course vs current) and how you answer your messages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import plotly.graph_objects as go

from .._checks import check_frame, check_title, check_type
from .._i18n import format_percent, format_thousands, tr
from .._palette import BLUE, GREEN, GREY, ORANGE, VERMILION
from ..errors import SSIInputError
from ..messages import Responsiveness, linkedin_users
from ._style import base_layout, check_figure_of, safe_text

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["plot_responsiveness", "plot_users"]


def _region(key: str) -> str:
    labels = {
        "world": tr("Mundo", "World"),
        "latin_america": tr("América Latina", "Latin America"),
        "mexico": tr("México", "Mexico"),
    }
    return labels.get(key, safe_text(key))


def _millions(users: float) -> str:
    return tr("{n} millones", "{n} million", n=format_thousands(round(users / 1e6)))


def plot_users(users: pd.DataFrame | None = None, *, title: str | None = None) -> go.Figure:
    """LinkedIn's users by region: the course's figures next to a current one.

    Each series is named with its date and source, so the learner sees which figure is the
    course's and which one is newer.

    Parameters
    ----------
    users : DataFrame, optional
        A table like :func:`ssi_kit.messages.linkedin_users` (that one by default).
    title : str, optional

    Returns
    -------
    plotly.graph_objects.Figure
        One bar trace per origin (``course``, ``current``), in millions of users.

    Examples
    --------
    >>> fig = plot_users()
    >>> [len(trace.x) for trace in fig.data]
    [3, 1]
    """
    frame = linkedin_users() if users is None else check_frame(
        users, name="users", required=("region", "users", "origin", "as_of", "source"),
        expected=tr("una tabla como linkedin_users()", "a table like linkedin_users()"))
    title = check_title(title)
    fig = go.Figure()
    colors = {"course": BLUE, "current": ORANGE}
    for origin, group in frame.groupby("origin", sort=False):
        first = group.iloc[0]
        if origin == "course":
            name = tr("Curso: {when}", "Course: {when}", when=safe_text(first["as_of"]))
        else:
            name = tr("Cifra actual: {when}, {source}", "Current figure: {when}, {source}",
                      when=safe_text(first["as_of"]), source=safe_text(str(first["source"]).split(",")[0]))
        fig.add_bar(
            x=[_region(str(r)) for r in group["region"]], y=[float(u) / 1e6 for u in group["users"]], name=name,
            marker_color=colors.get(str(origin), GREY), text=[_millions(float(u)) for u in group["users"]],
            textposition="outside", cliponaxis=False,
            hovertemplate="%{x}: %{text}<extra>" + name + "</extra>",
        )
    fig.update_layout(barmode="group", legend={"y": -0.2})
    fig.update_yaxes(title_text=tr("millones de usuarios", "million users"), rangemode="tozero")
    default = tr("Usuarios de LinkedIn: el curso y una cifra reciente",
                 "LinkedIn users: the course and a recent figure")
    return base_layout(fig, title=title or default, height=520)


def _count_and_share(n: int, total: int) -> str:
    return f"{format_thousands(n)} ({format_percent(n / total)})" if total and n else ""


def _check_result(result: Responsiveness) -> Responsiveness:
    return check_type(result, Responsiveness, name="result", expected=tr(
        "el resultado de responsiveness(...)", "the result of responsiveness(...)"),
        hint=tr("Calcúlalo con ssi_kit.responsiveness(mensajes).", "Compute it with ssi_kit.responsiveness(messages)."))


def _ring(result: Responsiveness) -> dict[str, Any]:
    """What the ring shows for ``result``: slice sizes, their labels and the rate in the centre."""
    counts = (result.answered, result.unanswered)
    rate = format_percent(result.response_rate) if result.response_rate is not None else "—"
    return {"values": list(counts), "text": [_count_and_share(n, result.received) for n in counts],
            "centre": f"<b>{rate}</b>"}


def plot_responsiveness(result: Responsiveness, *, title: str | None = None) -> go.Figure:
    """The conversations others started: answered vs still waiting (a ring chart).

    Examples
    --------
    >>> from ssi_kit.messages import responsiveness_from_counts
    >>> fig = plot_responsiveness(responsiveness_from_counts(20, 15))
    >>> list(fig.data[0].values)
    [15, 5]
    """
    ring = _ring(_check_result(result))
    title = check_title(title)
    fig = go.Figure(go.Pie(
        labels=[tr("respondidas", "answered"), tr("sin respuesta", "unanswered")],
        values=ring["values"], hole=0.55, sort=False, direction="clockwise",
        marker_colors=[GREEN, VERMILION], textinfo="text", text=ring["text"],
    ))
    fig.add_annotation(text=ring["centre"], showarrow=False, font={"size": 26}, x=0.5, y=0.5,
                       xref="paper", yref="paper")
    default = tr("¿Respondes a quien te escribe?", "Do you answer those who write to you?")
    return base_layout(fig, title=title or default, height=420)


def update_responsiveness_figure(fig: go.Figure, result: Responsiveness) -> None:
    """Show ``result`` in a figure made by :func:`plot_responsiveness`, in place (one batch update).

    Parameters
    ----------
    fig : plotly Figure or FigureWidget
        A figure returned by :func:`plot_responsiveness` (or a ``FigureWidget`` made from one).
    result : Responsiveness
        What :func:`ssi_kit.responsiveness` or :func:`ssi_kit.messages.responsiveness_from_counts`
        returns.

    Raises
    ------
    SSITypeError, SSIInputError
        If ``fig`` is not a figure of :func:`plot_responsiveness`, or ``result`` is not a
        :class:`~ssi_kit.messages.Responsiveness`.

    Examples
    --------
    >>> from ssi_kit.messages import responsiveness_from_counts
    >>> fig = plot_responsiveness(responsiveness_from_counts(20, 15))
    >>> update_responsiveness_figure(fig, responsiveness_from_counts(40, 15))
    >>> list(fig.data[0].values), fig.layout.annotations[0].text
    ([15, 25], '<b>37,5 %</b>')
    """
    check_figure_of(fig, "plot_responsiveness", 1)
    if fig.data[0].type != "pie" or len(fig.layout.annotations) != 1:
        raise SSIInputError(
            tr("«fig» no es una figura de plot_responsiveness: le falta el anillo o el porcentaje del centro.",
               "'fig' is not a figure of plot_responsiveness: it lacks the ring or the rate in the centre."),
            field="fig", received=fig.data[0].type,
            hint=tr("Pásale lo que devuelve ssi_kit.plots.plot_responsiveness(...).",
                    "Pass what ssi_kit.plots.plot_responsiveness(...) returns."),
        )
    ring = _ring(_check_result(result))
    with fig.batch_update():
        fig.data[0].values, fig.data[0].text = ring["values"], ring["text"]
        fig.layout.annotations[0].text = ring["centre"]
