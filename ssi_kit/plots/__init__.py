"""Plots: each function takes plain values or tidy DataFrames and returns a plotly figure.

Functions never display anything; show a figure by leaving it as a cell's last value.
"""

from __future__ import annotations

from ._network import (
    plot_decision_makers,
    plot_growth,
    plot_network,
    plot_pyramid,
    plot_top_companies,
    plot_top_positions,
    update_pyramid_figure,
)
from ._style import ERROR_COLOR, safe_text
from ._score import plot_ssi, update_ssi_figure
from ._simulation import plot_before_after, plot_plans, plot_trajectory, update_trajectory_figure

__all__ = ["ERROR_COLOR", "safe_text", "plot_ssi", "update_ssi_figure", "plot_trajectory", "update_trajectory_figure", "plot_before_after", "plot_plans"]
__all__ += ["plot_pyramid", "update_pyramid_figure", "plot_network", "plot_growth", "plot_top_companies", "plot_top_positions", "plot_decision_makers"]
