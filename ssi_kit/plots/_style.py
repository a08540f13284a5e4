"""Shared look of ssi-kit figures: projector-sized fonts, text shown literally (colours: ssi_kit._palette)."""

from __future__ import annotations

import functools
from typing import Any

import plotly.graph_objects as go
from plotly.basedatatypes import BaseFigure

from .._checks import check_type
from .._i18n import as_text, separators, tr
from ..errors import SSIInputError

FONT_SIZE = 18  # readable from the back of a classroom

# plotly reads a few HTML tags and entities in any label, "%{…}" in a hover template, and "$…$"
# as maths where MathJax is loaded: character references show the characters, and nothing else.
_PLOTLY_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "$": "&#36;", "%": "&#37;"})


def safe_text(value: object) -> str:
    """A learner's text (a company, a name) as plotly shows it literally: ``<b>``,
    ``<a href=…>``, ``%{x}`` or ``$x$`` typed in someone's data are escaped, never read.

    >>> safe_text("<b>5 %</b>")
    '&lt;b&gt;5 &#37;&lt;/b&gt;'
    """
    return as_text(value).translate(_PLOTLY_TEXT)


# plotly_white's look for what ssi-kit draws (2-D axes; bar, scatter, pie, funnel traces), without its
# 3-D, map and polar sections and the defaults of 20 other trace types: half the JSON every chart sends
# to the browser, and half the time plotly spends copying and checking the template of each new figure.
_LAYOUT_KEYS = ("autotypenumbers", "colorway", "font", "hovermode", "hoverlabel", "paper_bgcolor", "plot_bgcolor",
                "xaxis", "yaxis", "shapedefaults", "annotationdefaults", "title")
_TRACE_TYPES = ("bar", "scatter", "pie", "funnel")


@functools.cache
def _template() -> go.layout.Template:
    import plotly.io as pio

    white = pio.templates["plotly_white"].to_plotly_json()
    return go.layout.Template(
        layout={key: white["layout"][key] for key in _LAYOUT_KEYS if key in white["layout"]},
        data={kind: white["data"][kind] for kind in _TRACE_TYPES if kind in white["data"]},
    )


def base_layout(fig: go.Figure, *, title: str, height: int = 480) -> go.Figure:
    """Apply the common layout to ``fig`` and return it."""
    fig.update_layout(
        template=_template(),
        title={"text": title, "x": 0.01, "xanchor": "left"},
        font={"size": FONT_SIZE},
        height=height,
        margin={"l": 70, "r": 100, "t": 90, "b": 100},
        # Under the plot: never on top of the title, subplot titles or bars.
        legend={"orientation": "h", "yanchor": "top", "y": -0.14, "x": 0, "xanchor": "left"},
        separators=separators(),  # decimal comma in Spanish
    )
    return fig



def check_figure_of(fig: Any, maker: str, traces: int, *, at_least: bool = False) -> None:
    """Refuse ``fig`` unless it looks like a figure made by the plot function named ``maker``
    (a plotly figure with ``traces`` traces, or more with ``at_least``): the in-place updaters
    rely on that layout."""
    check_type(fig, BaseFigure, name="fig", expected=tr("una figura de {maker}", "a figure of {maker}", maker=maker))
    if len(fig.data) != traces and not (at_least and len(fig.data) > traces):
        raise SSIInputError(
            tr("«fig» no es una figura de {maker}: tiene {n} trazas y necesita {m}.",
               "'fig' is not a figure of {maker}: it has {n} traces and needs {m}.",
               maker=maker, n=len(fig.data), m=tr("{m} o más", "{m} or more", m=traces) if at_least else traces),
            field="fig", received=len(fig.data),
            hint=tr("Pásale lo que devuelve ssi_kit.plots.{maker}(...).",
                    "Pass what ssi_kit.plots.{maker}(...) returns.", maker=maker),
        )


def inline_plotlyjs() -> str:
    """plotly.js to paste into one ``<script>`` of an offline page (the personal plan, the class dashboard)."""
    import plotly.offline

    # A "</script" inside the bundle would close the tag early.
    return plotly.offline.get_plotlyjs().replace("</script", "<\\/script")
