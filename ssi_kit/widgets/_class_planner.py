"""``class_planner``: the teacher ticks actions for the whole class and watches the class's projection move."""

from __future__ import annotations

import html
from collections.abc import Iterable
from os import PathLike
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from .._catalog import as_catalog, resolve_plan
from .._i18n import format_number, plural, tr
from .._weeks import check_weeks
from ..classroom import ClassData, class_projection, latest_submissions, weakest_pillar
from ..errors import SSIInputError, SSITypeError
from ..plots import plot_class_plan
from ..plots._classroom import update_class_plan_figure
from ..score import PILLARS, pillar_label
from ..simulation import MAX_WEEKS, PROJECTION_WEEKS
from ._actions import ActionBoxes
from ._display import live_figure
from ._feedback import error_html

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ClassPlanner", "class_planner"]

_SLIDER_MAX = 52  # a school year; a longer horizon given at the start widens the slider


class ClassPlanner(widgets.VBox):
    """Checkboxes of actions grouped by pillar (the class's weakest first), a weeks slider, a
    summary line and the class plan chart updated in place.

    Use :func:`class_planner` to build one; :attr:`value` holds the ticked action ids and
    :attr:`projection` the current :func:`ssi_kit.classroom.class_projection` frame.
    """

    def __init__(
        self,
        class_data: ClassData | pd.DataFrame,
        catalog: pd.DataFrame | str | PathLike[str] | None = None,
        *,
        weeks: int = PROJECTION_WEEKS,
        actions: Iterable[str] | str = (),
    ) -> None:
        self.latest = latest_submissions(class_data)
        weakest = weakest_pillar(self.latest)  # an empty class gets its message here
        self.catalog = as_catalog(catalog)
        chosen = set(resolve_plan(actions, catalog=self.catalog).ids)  # an unknown id gets the usual message
        means = self.latest[list(PILLARS)].mean()
        # The course's advice: work first on the weakest pillar, so the class's comes first.
        order = sorted(PILLARS, key=lambda p: (p != weakest, float(means[p]), PILLARS.index(p)))
        self._weakest, self._means = weakest, means
        self._actions = ActionBoxes(self.catalog, order, chosen=chosen, on_change=self._on_change,
                                    heading=self._heading)
        self.checkboxes = self._actions.boxes
        self.weeks = widgets.IntSlider(
            value=weeks, min=1, max=max(_SLIDER_MAX, min(weeks, MAX_WEEKS)),
            description=tr("Semanas", "Weeks"), continuous_update=False,
            layout=widgets.Layout(width="28em"),
        )
        self.weeks.observe(self._on_change, names="value")
        self.summary = widgets.HTML()
        self.summary.add_class("ssi-class-summary")
        self.projection = self._project()
        self.figure = live_figure(plot_class_plan(self.projection))
        self._show()
        super().__init__(children=[self._actions.grid, self.weeks, self.summary, self.figure])
        self.add_class("ssi-class-planner")

    def _heading(self, pillar: str) -> str:
        note = tr(" · <b>el más bajo</b>", " · <b>the lowest</b>") if pillar == self._weakest else ""
        return tr("<b>{name}</b> · media de la clase {score} de 25{note}",
                  "<b>{name}</b> · class average {score} of 25{note}",
                  name=html.escape(pillar_label(pillar).capitalize()),
                  score=format_number(float(self._means[pillar]), 1), note=note)

    # --- state -----------------------------------------------------------------------------
    @property
    def value(self) -> tuple[str, ...]:
        """The ids of the ticked actions, in catalog order."""
        return self._actions.ticked()

    @value.setter
    def value(self, ids: Iterable[str] | str) -> None:
        self._actions.set_ticks(set(resolve_plan(ids, catalog=self.catalog).ids))
        self._update()

    # --- wiring ----------------------------------------------------------------------------
    def _project(self) -> pd.DataFrame:
        return class_projection(self.latest, self.value, weeks=self.weeks.value, catalog=self.catalog)

    def _show(self, error: str = "") -> None:
        totals = self.projection[self.projection["pillar"] == "total"]
        weeks = int(totals["week"].max())
        start = totals[totals["week"] == 0]["score"]
        end = totals[totals["week"] == weeks]["score"]
        text = tr(
            "Plan: {n}. Media de la clase: <b>{start} → {end}</b> en {w}; "
            "la persona más baja acabaría en <b>{low}</b> (hoy {low_now}).",
            "Plan: {n}. Class average: <b>{start} → {end}</b> in {w}; "
            "the lowest person would end at <b>{low}</b> (now {low_now}).",
            n=plural(len(self.value), "acción", "acciones", "action", "actions"),
            start=format_number(float(start.mean()), 1),
            end=format_number(float(end.mean()), 1),
            w=plural(weeks, "semana", "semanas", "week", "weeks"),
            low=format_number(float(end.min()), 1),
            low_now=format_number(float(start.min()), 1),
        )
        self.summary.value = text + (" " + error_html(error) if error else "")

    def _update(self) -> None:
        try:
            self.projection = self._project()
        except (SSIInputError, SSITypeError) as error:  # shown next to the controls, never swallowed
            self._show(str(error))
            return
        update_class_plan_figure(self.figure, self.projection)
        self._show()

    def _on_change(self, change: dict[str, Any]) -> None:
        self._update()


def class_planner(
    class_data: ClassData | pd.DataFrame,
    *,
    actions: Iterable[str] | str = (),
    weeks: int = PROJECTION_WEEKS,
    catalog: pd.DataFrame | str | PathLike[str] | None = None,
) -> ClassPlanner:
    """A plan for the whole class: tick actions and see where the class could go (a teaching model).

    Each student starts from their latest SSI (:func:`ssi_kit.classroom.latest_submissions`)
    and everyone follows the same actions (:func:`ssi_kit.classroom.class_projection`). The
    chart shows the class average week by week and the range from the lowest to the highest.

    Parameters
    ----------
    class_data : ClassData or DataFrame
        What :func:`ssi_kit.classroom.read_class` returns (or its ``.submissions``).
    actions : list of ids
        Actions ticked at the start.
    weeks : int
        The horizon shown first (1–52 on the slider, wider if you start beyond it).
    catalog : DataFrame or path, optional
        The actions to offer; the course's by default.

    Returns
    -------
    ClassPlanner
        Display it as a cell's last value; ``.value`` gives the ticked ids and
        ``.projection`` the :func:`ssi_kit.simulate_many` frame.

    Raises
    ------
    SSIInputError
        For an unknown action id, a class without valid submissions, a bad catalog or weeks
        outside 1–520.
    SSITypeError
        If ``class_data``, ``actions`` or ``catalog`` is of a type that cannot be used.

    Examples
    --------
    >>> import ssi_kit
    >>> w = class_planner(ssi_kit.load_dataset("clase_ejemplo"), actions=["grupos"])
    >>> w.checkboxes["publicar"].value = True
    >>> w.value
    ('publicar', 'grupos')
    """
    weeks = check_weeks(weeks, minimum=1)
    return ClassPlanner(class_data, catalog, weeks=weeks, actions=actions)
