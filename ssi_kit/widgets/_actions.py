"""Checkboxes of the course's actions, grouped by pillar: shared by the simulator and the class planner."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from .._html import has_math, literal_block
from .._i18n import tr

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ActionBoxes"]


def _effort(minutes: object, kind: str) -> str:
    if kind == "once":
        return tr("{m} min, una vez", "{m} min, once", m=minutes)
    return tr("{m} min/semana", "{m} min/week", m=minutes)


class ActionBoxes:
    """One checkbox per action, grouped by pillar, and the plan they tick.

    ``on_change`` hears a learner's tick, never the ticks :meth:`set_ticks` makes itself.
    """

    def __init__(
        self,
        catalog: pd.DataFrame,
        pillars: Iterable[str],
        *,
        chosen: set[str],
        on_change: Callable[[dict[str, Any]], None],
        heading: Callable[[str], str],
    ) -> None:
        self._ids = tuple(catalog["id"])  # catalog order, whatever the order of the groups
        self._on_change = on_change
        self._syncing = False  # set while set_ticks moves the boxes: ignore their echo
        self.boxes: dict[str, widgets.Checkbox] = {}
        groups = []
        for pillar in pillars:
            rows = catalog[catalog["pillar"] == pillar]
            group = []
            for action_id, label, minutes, kind, description in zip(
                rows["id"], rows["label"], rows["minutes"], rows["kind"], rows["description"]
            ):
                text = f"{label} ({_effort(minutes, kind)})"
                # ipywidgets typesets a description's $…$ as maths: a catalog's label stays text.
                math = has_math(text)
                box = widgets.Checkbox(
                    value=action_id in chosen, description=literal_block(text) if math else text,
                    description_allow_html=math, indent=False, tooltip=description,
                    layout=widgets.Layout(width="auto"),
                )
                box.add_class("ssi-action")
                box.observe(self._ticked_by_learner, names="value")
                self.boxes[action_id] = box
                group.append(box)
            groups.append(widgets.VBox([widgets.HTML(heading(pillar)), *group],
                                       layout=widgets.Layout(padding="0 1em 0.5em 0")))
        self.grid = widgets.GridBox(
            groups, layout=widgets.Layout(grid_template_columns="repeat(2, minmax(18em, 1fr))"))

    def ticked(self) -> tuple[str, ...]:
        """The ids of the ticked actions, in catalog order."""
        return tuple(action_id for action_id in self._ids if self.boxes[action_id].value)

    def set_ticks(self, ids: set[str]) -> None:
        """Tick exactly ``ids``, without calling ``on_change`` for each box."""
        self._syncing = True
        try:
            for action_id, box in self.boxes.items():
                box.value = action_id in ids
        finally:
            self._syncing = False

    def _ticked_by_learner(self, change: dict[str, Any]) -> None:
        if not self._syncing:
            self._on_change(change)
