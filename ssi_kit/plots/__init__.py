"""Plots: each function takes plain values or tidy DataFrames and returns a plotly figure.

Functions never display anything; show a figure by leaving it as a cell's last value.
"""

from __future__ import annotations

from .._palette import BLUE, ERROR_COLOR, GREEN, GREY, ORANGE, PALETTE, PILLAR_COLORS
from ._classroom import (
    class_dashboard,
    export_dashboard,
    plot_class_average,
    plot_class_distribution,
    plot_class_plan,
    plot_class_progress,
    plot_class_weakest,
    plot_leaderboard,
    update_class_plan_figure,
)
from ._history import plot_history
from ._messages import plot_responsiveness, plot_users, update_responsiveness_figure
from ._network import (
    plot_decision_makers,
    plot_growth,
    plot_network,
    plot_pyramid,
    plot_top_companies,
    plot_top_positions,
    update_pyramid_figure,
)
from ._plans import plot_plan_vs_reality
from ._relationships import plot_funnel, plot_never_contacted, update_funnel_figure
from ._score import plot_ssi, update_ssi_figure
from ._simulation import plot_before_after, plot_plans, plot_trajectory, update_trajectory_figure
from ._style import inline_plotlyjs, safe_text

__all__ = [
    # colours shared by every figure and widget
    "BLUE", "ERROR_COLOR", "GREEN", "GREY", "ORANGE", "PALETTE", "PILLAR_COLORS", "safe_text",
    # offline pages
    "inline_plotlyjs",
    # lesson 01
    "plot_ssi", "update_ssi_figure",
    # lesson 02
    "plot_before_after", "plot_plans", "plot_trajectory", "update_trajectory_figure",
    # lesson 03
    "plot_decision_makers", "plot_growth", "plot_network", "plot_pyramid", "plot_top_companies",
    "plot_top_positions", "update_pyramid_figure",
    # lesson 04
    "plot_responsiveness", "plot_users", "update_responsiveness_figure",
    # lesson 05
    "plot_funnel", "plot_never_contacted", "update_funnel_figure",
    # lesson 06
    "class_dashboard", "export_dashboard", "plot_class_average", "plot_class_distribution", "plot_class_plan",
    "plot_class_progress", "plot_class_weakest", "plot_leaderboard", "update_class_plan_figure",
    # your SSI over weeks, your plan against what happened
    "plot_history", "plot_plan_vs_reality",
]
