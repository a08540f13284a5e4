"""Figures of lesson 03: the relationship pyramid, your connections, and a small network."""

from __future__ import annotations

import math
from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

import plotly.graph_objects as go

from .._checks import check_flag, check_seed, check_title
from .._i18n import format_percent, format_thousands, tr
from .._palette import BLUE, GREEN, GREY, ORANGE, PINK, VERMILION
from ..errors import SSIInputError, SSITypeError
from ..network import check_graph, check_person, degree_label, degree_values, degrees_from, introducers
from ._style import base_layout, check_figure_of, safe_text

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

    from ..linkedin_export import NetworkSummary

__all__ = [
    "DEGREE_COLORS",
    "RING_BEYOND",
    "network_layout",
    "plot_decision_makers",
    "plot_growth",
    "plot_network",
    "plot_pyramid",
    "plot_top_companies",
    "plot_top_positions",
]

DEGREE_COLORS = {0: PINK, 1: BLUE, 2: ORANGE, 3: GREEN, None: GREY}
"""Colour of each degree in every figure of lesson 03 (0 is you, None beyond the third)."""


# --- the pyramid ---------------------------------------------------------------------------
def _pyramid_values(frame: pd.DataFrame, log: bool) -> dict[str, Any]:
    counts, shares = degree_values(frame, name="frame")
    widths = [math.log10(c + 1) if log else float(c) for c in counts]
    half = max(widths) / 2 or 0.5
    people = tr("personas", "people")
    return {
        "x": widths,
        "base": [-w / 2 for w in widths],
        "text": [format_percent(s) for s in shares],
        "customdata": [[format_thousands(c), format_percent(s)] for c, s in zip(counts, shares)],
        "ticktext": [f"<b>{degree_label(d)}</b><br>{format_thousands(c)} {people}" for d, c in zip((1, 2, 3), counts)],
        "range": [-half * 1.3, half * 1.3],
        "axis_title": tr("ancho en escala logarítmica: cada paso es ×10 personas",
                         "width on a log scale: each step is ×10 people") if log else
        tr("ancho proporcional al número de personas", "width proportional to the number of people"),
    }


def _pyramid_title(frame: pd.DataFrame) -> str:
    share1 = degree_values(frame, name="frame")[1][0]
    if frame.attrs.get("kind") == "shares":
        return tr("Resultados por grado: el 1.er grado es el {s} del total",
                  "Results by degree: the 1st degree is {s} of the total", s=format_percent(share1))
    return tr("Tu pirámide de relación: el 1.er grado es el {s} de tu red",
              "Your relationship pyramid: the 1st degree is {s} of your network", s=format_percent(share1))


def plot_pyramid(frame: pd.DataFrame, *, log: bool = False, title: str | None = None) -> go.Figure:
    """The relationship pyramid: the 1st degree at the top, centred bars, shares written on.

    Parameters
    ----------
    frame : DataFrame
        From :func:`ssi_kit.network.pyramid` or :func:`ssi_kit.network.degree_shares`.
    log : bool, default False
        Bar widths on a log scale (``log10(count + 1)``): on a linear scale 0.02 % next to
        99 % is invisible. The counts and shares written on the chart stay exact.
    title : str, optional
        Replaces the default title.

    Returns
    -------
    plotly.graph_objects.Figure
        One horizontal bar trace (degrees 1, 2, 3 from the top).

    Examples
    --------
    >>> from ssi_kit.network import pyramid
    >>> fig = plot_pyramid(pyramid(500), log=True)
    >>> fig.data[0].text
    ('0,019 %', '1,37 %', '98,61 %')
    """
    values = _pyramid_values(frame, check_flag(log, name="log"))
    fig = go.Figure(go.Bar(
        orientation="h", y=[1, 2, 3], x=values["x"], base=values["base"], text=values["text"],
        textposition="auto", insidetextanchor="middle", cliponaxis=False,
        marker_color=[DEGREE_COLORS[d] for d in (1, 2, 3)], customdata=values["customdata"],
        hovertemplate="%{customdata[0]} · %{customdata[1]}<extra></extra>", showlegend=False,
    ))
    base_layout(fig, title=check_title(title) or _pyramid_title(frame), height=420)
    fig.update_yaxes(tickvals=[1, 2, 3], ticktext=values["ticktext"], autorange="reversed", showgrid=False)
    fig.update_xaxes(range=values["range"], showticklabels=False, showgrid=False, zeroline=False,
                     title_text=values["axis_title"], title_font_size=14)
    fig.update_layout(bargap=0.08, uniformtext_minsize=12)
    return fig


def update_pyramid_figure(fig: go.Figure, frame: pd.DataFrame, *, log: bool = False,
                          title: str | None = None) -> None:
    """Show ``frame`` in a figure made by :func:`plot_pyramid`, in place (one batch update)."""
    check_figure_of(fig, "plot_pyramid", 1)
    title = check_title(title)
    values = _pyramid_values(frame, check_flag(log, name="log"))
    with fig.batch_update():
        bar = fig.data[0]
        bar.x, bar.base, bar.text, bar.customdata = values["x"], values["base"], values["text"], values["customdata"]
        fig.layout.yaxis.ticktext = values["ticktext"]
        fig.layout.xaxis.range = values["range"]
        fig.layout.xaxis.title.text = values["axis_title"]
        fig.layout.title.text = title or _pyramid_title(frame)


# --- your connections ----------------------------------------------------------------------
def _as_summary(data: object) -> NetworkSummary:
    import pandas as pd

    from ..linkedin_export import NetworkSummary, network_summary

    if isinstance(data, NetworkSummary):
        return data
    if isinstance(data, pd.DataFrame):
        return network_summary(data)
    raise SSITypeError(
        tr("Se esperaba network_summary(...) o la tabla de read_connections; recibido {kind}.",
           "Expected network_summary(...) or the table from read_connections; received {kind}.",
           kind=type(data).__name__),
        field="summary", received=data,
    )


def plot_growth(summary: NetworkSummary | pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """New connections per year (bars) and the cumulative total (line, right axis).

    Examples
    --------
    >>> from ssi_kit.datasets import load_dataset
    >>> fig = plot_growth(load_dataset("conexiones_ejemplo"))
    >>> fig.data[1].y[-1]
    500
    """
    from plotly.subplots import make_subplots

    s = _as_summary(summary)
    years = s.per_year["year"].tolist()
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    fig.add_bar(x=years, y=s.per_year["connections"].tolist(), name=tr("nuevos en el año", "new that year"),
                marker_color=BLUE, hovertemplate="%{x}: %{y}<extra></extra>")
    fig.add_scatter(x=years, y=s.per_year["cumulative"].tolist(), name=tr("total acumulado", "cumulative total"),
                    mode="lines+markers", line_color=ORANGE, hovertemplate="%{x}: %{y}<extra></extra>",
                    secondary_y=True)
    base_layout(fig, title=check_title(title) or tr("Cómo ha crecido tu red ({n} contactos)", "How your network grew "
                                       "({n} connections)", n=format_thousands(s.total)))
    fig.update_xaxes(title_text=tr("año", "year"), dtick=1)
    fig.update_yaxes(title_text=tr("contactos nuevos", "new connections"), secondary_y=False, rangemode="tozero")
    fig.update_yaxes(title_text=tr("total", "total"), secondary_y=True, rangemode="tozero", showgrid=False)
    return fig


def _plot_top(table: pd.DataFrame, column: str, title: str, color: str) -> go.Figure:
    labels = [safe_text(v) for v in table[column].tolist()]
    fig = go.Figure(go.Bar(
        orientation="h", y=labels, x=table["connections"].tolist(), marker_color=color,
        text=[format_percent(s) for s in table["share"]], textposition="auto",
        hovertemplate="%{y}: %{x}<extra></extra>",
    ))
    base_layout(fig, title=title, height=max(360, 120 + 34 * len(labels)))
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(title_text=tr("contactos", "connections"))
    return fig


def plot_top_companies(summary: NetworkSummary | pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """The companies where most of your connections work (most first, share written on)."""
    s = _as_summary(summary)
    default = tr("Empresas con más contactos tuyos", "Companies with most of your connections")
    return _plot_top(s.top_companies, "company", check_title(title) or default, BLUE)


def plot_top_positions(summary: NetworkSummary | pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """The most frequent job titles among your connections."""
    s = _as_summary(summary)
    default = tr("Cargos más frecuentes en tu red", "Most frequent titles in your network")
    return _plot_top(s.top_positions, "position", check_title(title) or default, GREEN)


def plot_decision_makers(summary: NetworkSummary | pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """How many of your connections hold a decision-making title (a ring chart).

    Examples
    --------
    >>> from ssi_kit.datasets import load_dataset
    >>> fig = plot_decision_makers(load_dataset("conexiones_ejemplo"))
    >>> sum(fig.data[0].values)
    500
    """
    s = _as_summary(summary)
    fig = go.Figure(go.Pie(
        labels=[tr("con poder de decisión", "decision makers"), tr("resto", "others")],
        values=[s.decision_makers, s.total - s.decision_makers], hole=0.55, sort=False,
        marker_colors=[VERMILION, GREY], textinfo="percent+value", direction="clockwise",
    ))
    default = tr("¿Cuántos de tus contactos deciden?", "How many of your connections decide?")
    base_layout(fig, title=check_title(title) or default, height=420)
    return fig


# --- a small network -----------------------------------------------------------------------
RING_BEYOND = 4
"""Radius of the ring of people beyond the 3rd degree (degree ``d`` sits on the ring of radius ``d``)."""


def _circular_mean(angles: list[float]) -> float:
    return math.atan2(sum(math.sin(a) for a in angles), sum(math.cos(a) for a in angles)) % (2 * math.pi)


def _spread(preferred: dict[Hashable, float]) -> dict[Hashable, float]:
    """Evenly spaced angles on a ring, in the order of each person's preferred angle.

    Even spacing keeps names apart; keeping the order puts people near those who link them
    to you. The ring is turned so that, on average, everyone sits closest to where they prefer.
    """
    people = sorted(preferred, key=lambda p: (preferred[p], str(p)))
    n = len(people)
    if n == 0:
        return {}
    step = 2 * math.pi / n
    offset = _circular_mean([preferred[p] - i * step for i, p in enumerate(people)])
    return {p: (offset + i * step) % (2 * math.pi) for i, p in enumerate(people)}


def network_layout(
    graph: nx.Graph, me: Hashable, degrees: pd.Series, *, turn: float = 0.0,
) -> dict[Hashable, tuple[float, float]]:
    """Positions by degree: ``me`` at the centre, degree ``d`` on the ring of radius ``d``.

    Ring 1 is spread evenly by name; everyone on ring ``d + 1`` is placed by the mean angle
    of the people on ring ``d`` they know, then spread evenly in that order; people beyond
    the 3rd degree go on ring 4. ``turn`` (radians) rotates the whole picture.
    """
    rings: dict[int, list[Hashable]] = {}
    for person, found in zip(degrees.index, degrees.astype("float64").to_numpy()):
        rings.setdefault(RING_BEYOND if math.isnan(found) else int(found), []).append(person)
    angle: dict[Hashable, float] = {}
    first = sorted(rings.get(1, []), key=str)
    angle.update(_spread({p: (turn + 2 * math.pi * i / max(len(first), 1)) % (2 * math.pi)
                          for i, p in enumerate(first)}))
    for ring in (2, 3):
        preferred = {}
        for person in rings.get(ring, []):
            inner = [angle[q] for q in graph.neighbors(person) if q in angle and q in rings.get(ring - 1, [])]
            preferred[person] = _circular_mean(inner) if inner else turn
        angle.update(_spread(preferred))
    beyond = rings.get(RING_BEYOND, [])
    angle.update(_spread({p: (turn + 2 * math.pi * i / max(len(beyond), 1)) % (2 * math.pi)
                          for i, p in enumerate(sorted(beyond, key=str))}))
    pos: dict[Hashable, tuple[float, float]] = {me: (0.0, 0.0)}
    for ring, people in rings.items():
        for person in people:
            pos[person] = (ring * math.cos(angle[person]), ring * math.sin(angle[person]))
    return pos


def _label_side(x: float, y: float) -> str:
    """Where a name goes so that it points away from the centre and never covers a ring."""
    if abs(x) < 0.35 and (x != 0 or y != 0):
        return "top center" if y > 0 else "bottom center"
    if x == 0 and y == 0:
        return "bottom center"
    return "middle right" if x > 0 else "middle left"


def plot_network(
    graph: nx.Graph,
    me: Hashable,
    *,
    target: Hashable | None = None,
    seed: int = 7,
    title: str | None = None,
) -> go.Figure:
    """A small network laid out by degree: you in the centre, a ring per degree.

    Parameters
    ----------
    graph : networkx.Graph
        From :func:`ssi_kit.network.read_network` (best under ~100 people).
    me : str
        You, drawn in the centre. Degree ``d`` sits on the ring of radius ``d`` (people
        beyond the 3rd degree on ring 4), each person near those who link them to you.
    target : str, optional
        Someone you want to reach: drawn larger, with the paths you → introducer → target
        (:func:`ssi_kit.network.introducers`) drawn thick.
    seed : int, default 7
        Turns the picture (the same seed draws the same picture).
    title : str, optional
        Replaces the default title.

    Returns
    -------
    plotly.graph_objects.Figure
        Trace 0 holds the ties; with ``target``, trace 1 the introduction paths; then one
        trace per degree present (you, 1st, 2nd, 3rd, beyond). The rings are layout shapes.

    Examples
    --------
    >>> from ssi_kit.network import read_network
    >>> g = read_network([("Yo", "Ana"), ("Ana", "Luis")])
    >>> fig = plot_network(g, "Yo")
    >>> [t.name for t in fig.data][1:]
    ['Tú', '1.er grado', '2.º grado']
    >>> [round(math.hypot(t.x[0], t.y[0])) for t in fig.data[1:]]   # radius = degree
    [0, 1, 2]
    """
    graph = check_graph(graph)
    seed = check_seed(seed)
    degrees = degrees_from(graph, me)
    if target is not None:
        check_person(graph, target, "target")
    if graph.number_of_nodes() > 2000:
        raise SSIInputError(
            tr("La red tiene {n} personas: demasiadas para dibujarla (máximo 2000).",
               "The network has {n} people: too many to draw (at most 2000).", n=graph.number_of_nodes()),
            field="graph", received=graph.number_of_nodes(),
        )
    pos = network_layout(graph, me, degrees, turn=(seed % 360) * math.pi / 180)
    edge_x: list[float | None] = []
    edge_y: list[float | None] = []
    for a, b in graph.edges:
        edge_x += [pos[a][0], pos[b][0], None]
        edge_y += [pos[a][1], pos[b][1], None]
    fig = go.Figure(go.Scatter(x=edge_x, y=edge_y, mode="lines", line={"color": "#D0D0D0", "width": 1},
                               hoverinfo="skip", showlegend=False, name=tr("lazos", "ties")))
    groups: dict[int | None, list[Hashable]] = {0: [me]}
    for person, found in zip(degrees.index, degrees.astype("float64").to_numpy()):
        groups.setdefault(None if math.isnan(found) else int(found), []).append(person)
    names = {0: tr("Tú", "You"), 1: degree_label(1), 2: degree_label(2), 3: degree_label(3),
             None: tr("más allá del 3.º", "beyond the 3rd")}
    for degree in (0, 1, 2, 3, None):
        people = groups.get(degree, [])
        if not people:
            continue
        sizes = [30 if p == target else (26 if degree == 0 else 16) for p in people]
        lines = [4 if p == target else 1 for p in people]
        fig.add_scatter(
            x=[pos[p][0] for p in people], y=[pos[p][1] for p in people], mode="markers+text",
            text=[safe_text(p) for p in people], textposition=[_label_side(*pos[p]) for p in people],
            textfont={"size": 13}, name=names[degree], cliponaxis=False,
            marker={"color": DEGREE_COLORS[degree], "size": sizes, "line": {"color": "#000000", "width": lines}},
            hovertemplate="%{text}<extra>" + names[degree] + "</extra>",
        )
    if target is not None and target != me and target not in graph[me]:
        chosen = introducers(graph, me, target)["introducer"].tolist()
        path_x: list[float | None] = []
        path_y: list[float | None] = []
        for person in chosen:
            for a, b in ((me, person), (person, target)):
                path_x += [pos[a][0], pos[b][0], None]
                path_y += [pos[a][1], pos[b][1], None]
        fig.add_scatter(x=path_x, y=path_y, mode="lines", line={"color": VERMILION, "width": 5},
                        opacity=0.85, hoverinfo="skip", name=tr("quién te presenta", "who can introduce you"))
        # Highlighted ties go under the people.
        fig.data = (fig.data[0], fig.data[-1], *fig.data[1:-1])
    rings = sorted({RING_BEYOND if d is None else d for d in groups if d != 0})
    for radius in rings:
        fig.add_shape(type="circle", x0=-radius, y0=-radius, x1=radius, y1=radius, layer="below",
                      line={"color": "#E6E6E6", "width": 1, "dash": "dot"})
    title = check_title(title) or (tr("Tu red: {who} y cómo llegar", "Your network: {who} and how to get there",
                                      who=safe_text(target))
                                   if target is not None else tr("Tu red por grados", "Your network by degree"))
    base_layout(fig, title=title, height=680)
    reach = (max(rings) if rings else 1) + 0.9
    fig.update_xaxes(visible=False, range=[-reach - 0.6, reach + 0.6])
    fig.update_yaxes(visible=False, range=[-reach, reach], scaleanchor="x")
    fig.update_layout(margin={"l": 20, "r": 20, "t": 70, "b": 80})
    return fig
