"""The catalog of improvement actions: read it, check it, and turn "which actions" into a plan.

A catalog is a table with one row per action: ``id``, ``pillar``, ``kind``, ``minutes`` and
``effect``, with labels and descriptions in Spanish and English. ``kind`` says how the action
works: ``weekly`` (the default: a habit, ``minutes`` each week, ``effect`` points per week on
an empty pillar) or ``once`` (a one-time lift that stays, such as completing the profile:
``minutes`` in total, done once, and ``effect`` points in one go on an empty pillar).
The course's is ``data/acciones.csv``; a teacher may write their own as a CSV or
pass a DataFrame. Every catalog, whatever its origin, is checked by the same rules, and a
message lists every bad row by the line a text editor shows (or by the table's row label).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ._catalog import MAX_EFFECT, ActionPlan, as_catalog, load_actions, resolve_plan
from ._i18n import tr
from ._weeks import MINUTES_PER_WEEK, PLAN_WEEKS
from .score import pillar_key, pillar_label

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "MAX_EFFECT",
    "MINUTES_PER_WEEK",
    "ActionPlan",
    "actions_for",
    "load_actions",
    "plan_actions",
    "plan_minutes",
]


def plan_minutes(
    actions: Iterable[str] | pd.DataFrame | str | None, *, catalog: object = None, weeks: int = PLAN_WEEKS,
) -> int:
    """Minutes per week that a set of actions takes.

    Weekly actions count their minutes every week; a one-off action (``kind == "once"``,
    such as completing the profile) counts its total minutes spread over ``weeks``, rounded
    up: the same rule :func:`ssi_kit.best_plan` uses for the budget.

    Parameters
    ----------
    actions : list of ids, str, DataFrame or None
        As in :func:`resolve_plan`.
    catalog : DataFrame, path, text or None
        Where the ids are looked up; the course's by default.
    weeks : int
        The horizon a one-off action's minutes are spread over (26 ≈ six months).

    Examples
    --------
    >>> plan_minutes(["publicar", "grupos"])
    70
    """
    from ._checks import check_integer

    weeks = check_integer(weeks, name="weeks", maximum=520)
    return int(resolve_plan(actions, catalog=catalog).weekly_minutes(weeks).sum())


def actions_for(pillar: str, *, catalog: object = None) -> pd.DataFrame:
    """The catalog's actions for one pillar, ready to show (``pillar`` in Spanish or English).

    Parameters
    ----------
    pillar : str
        ``"marca"``, ``"personas"``, ``"información"``, ``"relaciones"`` (or ``"brand"``…).
    catalog : DataFrame, path, text or None
        The catalog; the course's by default.

    Returns
    -------
    pandas.DataFrame
        ``id, label, kind, minutes, effect, description`` of that pillar's actions, in the
        catalog's order, with a fresh index; ``kind`` reads «semanal» or «una vez».

    Raises
    ------
    SSIInputError
        For an unknown pillar (the message lists the four) or a bad catalog.

    Examples
    --------
    >>> actions_for("relaciones").id.tolist()[:2]
    ['tomadores_decision', 'conversar_contactos']
    """
    key = pillar_key(pillar)
    table = as_catalog(catalog)
    rows = table[table["pillar"] == key]
    kinds = {"weekly": tr("semanal", "weekly"), "once": tr("una vez", "once")}
    out = rows[["id", "label", "kind", "minutes", "effect", "description"]].reset_index(drop=True)
    out["kind"] = out["kind"].map(kinds)
    return out


def plan_actions(actions: Iterable[str] | pd.DataFrame | str | None, *, catalog: object = None) -> pd.DataFrame:
    """The catalog's rows for a plan's actions, ready to show (as :func:`actions_for` does for a pillar).

    Parameters
    ----------
    actions : list of ids, str, DataFrame or None
        As in :func:`resolve_plan` (a :class:`ssi_kit.simulation.BestPlan`'s ``actions`` too).
    catalog : DataFrame, path, text or None
        The catalog; the course's by default.

    Returns
    -------
    pandas.DataFrame
        ``id, label, pillar, kind, minutes, effect`` in the plan's order, with ``pillar`` as its short
        name in the current language (``información``) and ``kind`` as «semanal» or «una vez».

    Raises
    ------
    SSIInputError, SSITypeError
        As :func:`resolve_plan`.

    Examples
    --------
    >>> plan_actions(["grupos", "publicar"]).pillar.tolist()
    ['personas', 'marca']
    """

    ids = list(resolve_plan(actions, catalog=catalog).ids)
    table = as_catalog(catalog).set_index("id")
    kinds = {"weekly": tr("semanal", "weekly"), "once": tr("una vez", "once")}
    out = table.loc[ids, ["label", "pillar", "kind", "minutes", "effect"]].reset_index()
    out["pillar"] = [pillar_label(p) for p in out["pillar"]]
    out["kind"] = out["kind"].map(kinds)
    return out

