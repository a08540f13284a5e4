"""Plots: each function takes plain values or tidy DataFrames and returns a plotly figure.

Functions never display anything; show a figure by leaving it as a cell's last value.
"""

from __future__ import annotations

from ._score import plot_ssi, update_ssi_figure

__all__ = ["plot_ssi", "update_ssi_figure"]
