"""Weeks and weekly budgets: the default horizons (one constant per meaning, used by every
function with that meaning), the longest horizon, a week's minutes, and the one check of each.

A private module of its own because the lowest modules (``actions``) and the highest (widgets)
all need them; :mod:`ssi_kit.simulation` is the public home of the horizons and ``MAX_WEEKS``,
:mod:`ssi_kit.actions` of ``MINUTES_PER_WEEK``.
"""

from __future__ import annotations

from ._checks import check_integer
from ._i18n import format_thousands, tr

# What ssi_kit.simulation and ssi_kit.actions show learners; the checks are for the modules that take weeks.
__all__ = ["MAX_WEEKS", "MINUTES_PER_WEEK", "PLAN_WEEKS", "PROJECTION_WEEKS"]

MAX_WEEKS = 520  # ten years: beyond that a projection means nothing
MINUTES_PER_WEEK = 7 * 24 * 60  # no action (and no budget) can take more than a whole week

PROJECTION_WEEKS = 12
"""How far a projection looks when you do not say (about three months, one term): ``simulate``,
``simulate_many``, ``recommend``'s ranking, ``class_projection``, ``class_dashboard`` and the
``class_planner`` widget."""

PLAN_WEEKS = 26
"""The horizon a plan is chosen, budgeted and kept over (six months, the model's calibration
target): ``best_plan``, ``plan_minutes`` (a one-off action's minutes spread over it), the
``simulator`` widget and ``report``'s projection of a list of actions."""


def check_weeks(weeks: object, *, minimum: int = 0) -> int:
    """``weeks`` as an ``int``, if it is a whole number of weeks from ``minimum`` to 520.

    Examples
    --------
    >>> check_weeks(26.0)
    26
    """
    return check_integer(
        weeks, name="weeks", minimum=minimum, maximum=MAX_WEEKS,
        expected=tr("un número entero de semanas entre {lo} y {hi}", "a whole number of weeks between {lo} and {hi}",
                    lo=minimum, hi=MAX_WEEKS),
        hint=tr("Seis meses son unas 26 semanas.", "Six months are about 26 weeks."),
    )


def check_budget(minutes_per_week: object, *, name: str = "minutes_per_week") -> int:
    """A weekly time budget as an ``int``: whole minutes from 0 to a week's 10,080.

    The same rule for :func:`ssi_kit.best_plan` and the simulator's budget.

    Examples
    --------
    >>> check_budget(150.0)
    150
    """
    return check_integer(
        minutes_per_week, name=name, maximum=MINUTES_PER_WEEK,
        expected=tr("un número entero de minutos por semana entre 0 y {hi}",
                    "a whole number of minutes per week between 0 and {hi}", hi=format_thousands(MINUTES_PER_WEEK)),
        hint=tr("Dos horas y media son 150.", "Two and a half hours are 150."),
    )
