"""Shared look of ssi-kit figures: colour-blind-safe palette, projector-sized fonts."""

from __future__ import annotations

import sys

import plotly.graph_objects as go
import plotly.io as pio

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
PILLAR_COLORS = {"brand": BLUE, "people": ORANGE, "insights": GREEN, "relationships": PINK}

FONT_SIZE = 18  # readable from the back of a classroom

if "ipykernel" in sys.modules:
    # Stable JSON output in notebooks (no random div ids): stored outputs stay comparable.
    pio.renderers.default = "plotly_mimetype"


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


def separators() -> str:
    """Plotly's decimal and thousands separators for the current language."""
    from .._i18n import get_language

    return ", " if get_language() == "es" else ". "
