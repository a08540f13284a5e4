"""Shared look of ssi-kit figures: colour-blind-safe palette, projector-sized fonts."""

from __future__ import annotations

import html

import plotly.graph_objects as go

from .._i18n import separators

# Okabe–Ito palette: distinguishable with the common colour-vision deficiencies.
BLUE = "#0072B2"
ORANGE = "#E69F00"
GREEN = "#009E73"
PINK = "#CC79A7"
SKY = "#56B4E9"
VERMILION = "#D55E00"
YELLOW = "#F0E442"
GREY = "#7F7F7F"
PALETTE = (BLUE, ORANGE, GREEN, PINK, SKY, VERMILION, YELLOW)
ERROR_COLOR = VERMILION  # messages about a mistake, in widgets and exercises
PILLAR_COLORS = {"brand": BLUE, "people": ORANGE, "insights": GREEN, "relationships": PINK}

FONT_SIZE = 18  # readable from the back of a classroom

def safe_text(value: object) -> str:
    """A learner's text (a company, a name) as plotly shows it literally: plotly reads a few
    HTML tags in labels, so ``<b>`` or ``<a href=…>`` typed in someone's data are escaped."""
    return html.escape(str(value), quote=False)


def base_layout(fig: go.Figure, *, title: str, height: int = 480) -> go.Figure:
    """Apply the common layout to ``fig`` and return it."""
    fig.update_layout(
        template="plotly_white",
        title={"text": title, "x": 0.01, "xanchor": "left"},
        font={"size": FONT_SIZE},
        height=height,
        margin={"l": 70, "r": 100, "t": 90, "b": 100},
        # Under the plot: never on top of the title, subplot titles or bars.
        legend={"orientation": "h", "yanchor": "top", "y": -0.14, "x": 0, "xanchor": "left"},
        separators=separators(),  # decimal comma in Spanish
    )
    return fig

