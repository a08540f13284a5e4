"""Figures of an SSI: the four bars on 0–25 and the total against industry and network."""

from __future__ import annotations

from collections.abc import Mapping
from numbers import Real

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .._checks import check_title, check_type
from .._i18n import format_number, short_repr, tr
from .._palette import BLUE, GREEN, GREY, ORANGE, PALETTE
from ..errors import SSITypeError
from ..score import (
    LAGGARD_THRESHOLD,
    LEADER_THRESHOLD,
    PILLAR_MAX,
    PILLARS,
    SSI,
    GroupScore,
    SSIProfile,
    as_ssi,
    pillar_label,
)
from ._style import base_layout, check_figure_of, safe_text

__all__ = ["plot_ssi"]

_YOU = 0  # trace index of your pillars
_TOTALS = 1  # trace index of the totals panel (your total is its first bar)


def _as_group(value: object, argument: str) -> GroupScore | None:
    if value is None or isinstance(value, GroupScore):
        return value
    if isinstance(value, SSI):
        return GroupScore(overall=value.total, pillars=value)
    if isinstance(value, Real) and not isinstance(value, bool):
        return GroupScore(overall=value)  # type: ignore[arg-type]  # checked (even 10**400) by GroupScore
    raise SSITypeError(
        tr(
            "«{argument}» debe ser un número (el SSI medio), un SSI o un GroupScore; recibido {kind}.",
            "'{argument}' must be a number (the average SSI), an SSI or a GroupScore; received {kind}.",
            argument=argument,
            kind=type(value).__name__,
        ),
        field=argument,
        received=value,
    )


def _title(ssi: SSI) -> str:
    return tr(
        "Tu SSI: <b>{total}</b> de 100 · nivel {level}",
        "Your SSI: <b>{total}</b> of 100 · level {level}",
        total=ssi.rounded_total,
        level=ssi.level_label,
    )


def _labels(ssi: SSI) -> list[str]:
    return [format_number(v) for v in ssi.as_tuple()]


def plot_ssi(
    ssi: SSI | SSIProfile,
    *,
    industry: GroupScore | SSI | float | None = None,
    network: GroupScore | SSI | float | None = None,
    compare: Mapping[str, SSI] | None = None,
    title: str | None = None,
) -> go.Figure:
    """Your four pillars on a 0–25 axis, and your total against the averages.

    Parameters
    ----------
    ssi : SSI or SSIProfile
        Your SSI. An ``SSIProfile`` (from :func:`read_linkedin_ssi`) brings its own
        industry and network figures.
    industry, network : GroupScore, SSI, number or None
        Averages to compare with: a number is an average total; an ``SSI`` or a
        ``GroupScore`` with pillars also adds bars per pillar.
    compare : dict of name → SSI, optional
        Other SSIs to show beside yours (an example, a classmate, last month...).
    title : str, optional
        Replaces the default title (your total and level).

    Returns
    -------
    plotly.graph_objects.Figure

    Examples
    --------
    >>> fig = plot_ssi(SSI(12.5, 8, 5.25, 10), industry=31)
    >>> fig.data[0].y
    (12.5, 8.0, 5.25, 10.0)
    """
    if isinstance(ssi, SSIProfile):
        industry = ssi.industry if industry is None else industry
        network = ssi.network if network is None else network
        ssi = ssi.member
    if isinstance(ssi, (str, Mapping)):  # as simulate takes it: "12,5; 8; 5,25; 10" or a dict of pillars
        ssi = as_ssi(ssi)
    if not isinstance(ssi, SSI):
        raise SSITypeError(
            tr(
                "plot_ssi espera un SSI (por ejemplo SSI(12.5, 8, 5.25, 10)); recibido {kind}.",
                "plot_ssi expects an SSI (e.g. SSI(12.5, 8, 5.25, 10)); received {kind}.",
                kind=type(ssi).__name__,
            ),
            received=ssi,
        )
    groups = {
        tr("Sector", "Industry"): _as_group(industry, "industry"),
        tr("Tu red", "Your network"): _as_group(network, "network"),
    }
    others: dict[str, SSI] = {}
    compare = check_type({} if compare is None else compare, Mapping, name="compare", expected=tr(
        "un diccionario nombre → SSI", "a dict of name → SSI"), hint=tr(
        'Por ejemplo compare={"Ana": SSI(10, 12, 8, 9)}.', 'E.g. compare={"Ana": SSI(10, 12, 8, 9)}.'))
    for name, other in compare.items():
        check_type(other, SSI, name=f"compare[{short_repr(name)}]", expected=tr("un SSI", "an SSI"))
        others[safe_text(name)] = other

    you = tr("Tú", "You")
    x = [pillar_label(p).capitalize() for p in PILLARS]
    fig = make_subplots(
        rows=1,
        cols=2,
        column_widths=[0.7, 0.3],
        horizontal_spacing=0.1,
        subplot_titles=(tr("Pilares (0–25)", "Pillars (0–25)"), tr("Total (0–100)", "Total (0–100)")),
    )
    hover = "%{x}: %{y}<extra>%{fullData.name}</extra>"
    fig.add_bar(
        x=x, y=list(ssi.as_tuple()), name=you, marker_color=BLUE, text=_labels(ssi),
        textposition="outside", hovertemplate=hover, row=1, col=1,
    )
    # Totals panel: you first, then the comparisons, in the colour of their pillar bars.
    total_names, totals, colors = [you], [ssi.total], [BLUE]
    palette = iter(PALETTE[3:])
    for name, group, color in zip(groups, groups.values(), (ORANGE, GREEN)):
        if group is not None:
            total_names.append(name)
            totals.append(group.overall)
            colors.append(color)
    other_colors = {name: next(palette, GREY) for name in others}
    for name, other in others.items():
        total_names.append(name)
        totals.append(other.total)
        colors.append(other_colors[name])
    fig.add_bar(
        x=total_names, y=totals, marker_color=colors, showlegend=False, name="Total",
        text=[format_number(t, 1) for t in totals], textposition="outside",
        hovertemplate="%{x}: %{y}<extra></extra>", row=1, col=2,
    )
    for (name, group), color in zip(groups.items(), (ORANGE, GREEN)):
        if group is not None and group.pillars is not None:
            fig.add_bar(
                x=x, y=list(group.pillars.as_tuple()), name=name, marker_color=color,
                text=_labels(group.pillars), textposition="outside", hovertemplate=hover, row=1, col=1,
            )
    for name, other in others.items():
        fig.add_bar(
            x=x, y=list(other.as_tuple()), name=name, marker_color=other_colors[name],
            text=_labels(other), textposition="outside", hovertemplate=hover, row=1, col=1,
        )
    # LinkedIn's thresholds: leaders above 70, laggards below 30.
    for y, text in ((LEADER_THRESHOLD, tr("líderes", "leaders")), (LAGGARD_THRESHOLD, tr("rezagados", "laggards"))):
        fig.add_hline(
            y=y, line_dash="dot", line_color=GREY, row=1, col=2,
            annotation_text=text, annotation_position="right", annotation_font_size=14,
        )
    fig.update_yaxes(range=[0, PILLAR_MAX * 1.12], row=1, col=1, title_text=tr("puntos", "points"))
    fig.update_yaxes(range=[0, 112], row=1, col=2)
    base_layout(fig, title=check_title(title) or _title(ssi))
    fig.update_layout(barmode="group", uniformtext_minsize=12)
    return fig


def update_ssi_figure(fig: go.Figure, ssi: SSI, *, title: str | None = None) -> None:
    """Show ``ssi`` in a figure made by :func:`plot_ssi`, in place (one batch update).

    Used by widgets: a ``FigureWidget`` sends one message to the browser per change.
    """
    check_figure_of(fig, "plot_ssi", _TOTALS + 1, at_least=True)
    ssi = as_ssi(ssi)
    title = check_title(title)
    totals = list(fig.data[_TOTALS].y)
    totals[0] = ssi.total
    with fig.batch_update():
        fig.data[_YOU].y = list(ssi.as_tuple())
        fig.data[_YOU].text = _labels(ssi)
        fig.data[_TOTALS].y = totals
        fig.data[_TOTALS].text = [format_number(t, 1) for t in totals]
        fig.layout.title.text = title or _title(ssi)
