"""The default horizons, in weeks: one constant per meaning, used by every function with that meaning.

A private module of its own because the lowest modules (``actions``) and the highest (widgets)
both need them; :mod:`ssi_kit.simulation` is their public home.
"""

from __future__ import annotations

__all__ = ["PLAN_WEEKS", "PROJECTION_WEEKS"]

PROJECTION_WEEKS = 12
"""How far a projection looks when you do not say (about three months, one term): ``simulate``,
``simulate_many``, ``recommend``'s ranking, ``class_projection``, ``class_dashboard`` and the
``class_planner`` widget."""

PLAN_WEEKS = 26
"""The horizon a plan is chosen, budgeted and kept over (six months, the model's calibration
target): ``best_plan``, ``plan_minutes`` (a one-off action's minutes spread over it), the
``simulator`` widget and ``report``'s projection of a list of actions."""
