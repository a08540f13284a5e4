"""Checkboxes of the course's actions, grouped by pillar: shared by the simulator and the class planner."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from .._i18n import tr

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["action_checkboxes"]


def _effort(minutes: object, kind: str) -> str:
    if kind == "once":
        return tr("{m} min, una vez", "{m} min, once", m=minutes)
    return tr("{m} min/semana", "{m} min/week", m=minutes)


def action_checkboxes(
    catalog: pd.DataFrame,
    pillars: Iterable[str],
    *,
    chosen: set[str],
    on_change: Callable[[dict[str, Any]], None],
    heading: Callable[[str], str],
) -> tuple[dict[str, widgets.Checkbox], widgets.GridBox]:
    """One checkbox per action of ``catalog`` (ticked if in ``chosen``), grouped by pillar in
    the order of ``pillars`` under ``heading(pillar)`` (HTML), two groups per row.

    Returns the boxes by action id (each observed by ``on_change``) and the grid to show.
    """
    boxes: dict[str, widgets.Checkbox] = {}
    groups = []
    for pillar in pillars:
        rows = catalog[catalog["pillar"] == pillar]
        group = []
        for action_id, label, minutes, kind, description in zip(
            rows["id"], rows["label"], rows["minutes"], rows["kind"], rows["description"]
        ):
            box = widgets.Checkbox(
                value=action_id in chosen, description=f"{label} ({_effort(minutes, kind)})",
                indent=False, tooltip=description, layout=widgets.Layout(width="auto"),
            )
            box.add_class("ssi-action")
            box.observe(on_change, names="value")
            boxes[action_id] = box
            group.append(box)
        groups.append(widgets.VBox([widgets.HTML(heading(pillar)), *group],
                                   layout=widgets.Layout(padding="0 1em 0.5em 0")))
    grid = widgets.GridBox(groups, layout=widgets.Layout(grid_template_columns="repeat(2, minmax(18em, 1fr))"))
    return boxes, grid
