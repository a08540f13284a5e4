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
)
from ._history import plot_history
from ._messages import plot_responsiveness, plot_users
from ._network import (
    plot_decision_makers,
    plot_growth,
    plot_network,
    plot_pyramid,
    plot_top_companies,
    plot_top_positions,
)
from ._plans import plot_plan_vs_reality
from ._relationships import plot_funnel, plot_never_contacted
from ._score import plot_ssi
from ._simulation import plot_before_after, plot_plans, plot_trajectory
from ._style import inline_plotlyjs, safe_text

__all__ = [
    # colours shared by every figure and widget
    "BLUE", "ERROR_COLOR", "GREEN", "GREY", "ORANGE", "PALETTE", "PILLAR_COLORS", "safe_text",
    # offline pages
    "inline_plotlyjs",
    # lesson 01
    "plot_ssi",
    # lesson 02
    "plot_before_after", "plot_plans", "plot_trajectory",
    # lesson 03
    "plot_decision_makers", "plot_growth", "plot_network", "plot_pyramid", "plot_top_companies",
    "plot_top_positions",
    # lesson 04
    "plot_responsiveness", "plot_users",
    # lesson 05
    "plot_funnel", "plot_never_contacted",
    # lesson 06
    "class_dashboard", "export_dashboard", "plot_class_average", "plot_class_distribution", "plot_class_plan",
    "plot_class_progress", "plot_class_weakest", "plot_leaderboard",
    # your SSI over weeks, your plan against what happened
    "plot_history", "plot_plan_vs_reality",
]
