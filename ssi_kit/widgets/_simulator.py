"""``simulator``: tick actions, pick a horizon and a weekly budget, watch the projection move."""

from __future__ import annotations

import html
from collections.abc import Iterable
from os import PathLike
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from .._catalog import as_catalog, resolve_plan
from .._i18n import format_number, tr
from .._weeks import check_budget, check_weeks
from ..actions import plan_minutes
from ..errors import SSIInputError, SSITypeError
from ..plots import plot_trajectory
from ..plots._simulation import update_trajectory_figure
from ..score import PILLARS, SSI, SSIProfile, as_ssi, pillar_label
from ..simulation import MAX_WEEKS, PLAN_WEEKS, best_plan, simulate
from ._actions import ActionBoxes
from ._display import live_figure
from ._feedback import error_html

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Simulator", "simulator"]

_MAX_BUDGET = 600  # ten hours a week is already a job


def _duration(minutes: float) -> str:
    hours, rest = divmod(round(minutes), 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest:02d} min" if rest else f"{hours} h"


class Simulator(widgets.VBox):
    """Checkboxes of actions grouped by pillar (weakest first), a weeks slider, a weekly
    budget with a "best plan" button, and the projection chart updated in place.

    Use :func:`simulator` to build one; :attr:`value` holds the ticked action ids and
    :attr:`projection` the current :func:`ssi_kit.simulate` frame.
    """

    def __init__(
        self,
        ssi: SSI | SSIProfile | str,
        catalog: pd.DataFrame | str | PathLike[str] | None = None,
        *,
        weeks: int = PLAN_WEEKS,
        minutes_per_week: int = 150,
        actions: Iterable[str] = (),
    ) -> None:
        self.ssi = as_ssi(ssi)
        self.catalog = as_catalog(catalog)
        chosen = set(resolve_plan(actions, catalog=self.catalog).ids)  # an unknown id gets the usual message
        # The course's advice: start with the weakest pillar, so it comes first.
        order = sorted(PILLARS, key=lambda p: (getattr(self.ssi, p), PILLARS.index(p)))
        self._actions = ActionBoxes(self.catalog, order, chosen=chosen, on_change=self._on_change,
                                    heading=self._heading)
        self.checkboxes = self._actions.boxes
        self.weeks = widgets.IntSlider(
            value=weeks, min=1, max=min(104, MAX_WEEKS) if weeks <= 104 else weeks,
            description=tr("Semanas", "Weeks"), continuous_update=False,
            layout=widgets.Layout(width="28em"),
        )
        self.budget = widgets.IntSlider(
            value=minutes_per_week, min=0, max=max(_MAX_BUDGET, minutes_per_week), step=5,
            description=tr("Min/semana", "Min/week"), continuous_update=False,
            layout=widgets.Layout(width="28em"),
        )
        self.best_button = widgets.Button(
            description=tr("Mejor plan para mi tiempo", "Best plan for my time"),
            button_style="primary", icon="magic", layout=widgets.Layout(width="auto"),
        )
        self.clear_button = widgets.Button(
            description=tr("Quitar todo", "Clear all"), layout=widgets.Layout(width="auto"),
        )
        self.save_button = widgets.Button(
            description=tr("Guardar este plan", "Save this plan"), icon="save", layout=widgets.Layout(width="auto"),
        )
        self.saved = widgets.HTML()
        self.band = widgets.Checkbox(
            value=False, description=tr("Mostrar rango probable", "Show likely range"), indent=False,
        )
        self.summary = widgets.HTML()
        for control in (self.weeks, self.budget, self.band):
            control.observe(self._on_change, names="value")
        self.best_button.on_click(self._on_best)
        self.clear_button.on_click(self._on_clear)
        self.save_button.on_click(lambda _b: self.save_plan())
        self.projection = self._simulate()
        self.figure = live_figure(plot_trajectory(self.projection))
        self._show()
        controls = widgets.HBox(
            [widgets.VBox([self.weeks, self.budget]),
             widgets.VBox([self.best_button, self.clear_button, self.save_button, self.band])],
            layout=widgets.Layout(align_items="center", flex_flow="row wrap"),
        )
        super().__init__(children=[self._actions.grid, controls, self.summary, self.saved, self.figure])
        self.add_class("ssi-simulator")

    def _heading(self, pillar: str) -> str:
        return tr("<b>{name}</b> · ahora {score} de 25", "<b>{name}</b> · now {score} of 25",
                  name=html.escape(pillar_label(pillar).capitalize()), score=format_number(getattr(self.ssi, pillar)))

    # --- state -----------------------------------------------------------------------------
    @property
    def value(self) -> tuple[str, ...]:
        """The ids of the ticked actions, in catalog order."""
        return self._actions.ticked()

    @value.setter
    def value(self, ids: Iterable[str]) -> None:
        self._actions.set_ticks(set(ids))
        self._update()

    @property
    def minutes(self) -> int:
        """Weekly minutes of the ticked actions (a one-off action's spread over the weeks, as in best_plan)."""
        return plan_minutes(self.value, catalog=self.catalog, weeks=self.weeks.value)

    # --- wiring ----------------------------------------------------------------------------
    def _simulate(self) -> pd.DataFrame:
        rows = self.catalog[self.catalog["id"].isin(self.value)]
        return simulate(self.ssi, rows, weeks=self.weeks.value, band=self.band.value)

    def _show(self, error: str = "") -> None:
        totals = self.projection[self.projection["pillar"] == "total"]["score"]
        minutes = self.minutes
        over = minutes > self.budget.value
        parts = [
            tr(
                "Plan: <b>{n}</b> {actions}, <b>{time}</b> a la semana. "
                "Proyección en {weeks} semanas: <b>{start} → {end}</b>.",
                "Plan: <b>{n}</b> {actions}, <b>{time}</b> a week. "
                "Projection over {weeks} weeks: <b>{start} → {end}</b>.",
                n=len(self.value),
                actions=tr("acción", "action") if len(self.value) == 1 else tr("acciones", "actions"),
                time=_duration(minutes),
                weeks=self.weeks.value,
                start=format_number(float(totals.iloc[0]), 1),
                end=format_number(float(totals.iloc[-1]), 1),
            )
        ]
        if over:
            parts.append(error_html(tr("Te pasas de tu tiempo en {extra}.", "That is {extra} over your time.",
                                       extra=_duration(minutes - self.budget.value))))
        if error:
            parts.append(error_html(error))
        self.summary.value = " ".join(parts)

    def _update(self) -> None:
        try:
            self.projection = self._simulate()
        except (SSIInputError, SSITypeError) as error:  # shown next to the controls, never swallowed
            self._show(str(error))
            return
        update_trajectory_figure(self.figure, self.projection)
        self._show()

    def _on_change(self, change: dict[str, Any]) -> None:
        self._update()

    def apply_best_plan(self) -> None:
        """Tick the best plan for the current budget and horizon (see :func:`ssi_kit.best_plan`)."""
        plan = best_plan(self.ssi, self.budget.value, weeks=self.weeks.value, catalog=self.catalog)
        self._actions.set_ticks(set(plan.actions))
        self._update()

    def _on_best(self, _button: widgets.Button) -> None:
        try:
            self.apply_best_plan()
        except (SSIInputError, SSITypeError) as error:  # where _update shows its own
            self._show(str(error))

    def _on_clear(self, _button: widgets.Button) -> None:
        self.value = ()

    def save_plan(self, *, path: str | PathLike[str] | None = None) -> None:
        """«Guardar este plan»: keep the ticked plan, starting today, to compare it later with your SSI."""
        from ..plans import save_plan

        try:
            saved = save_plan(list(self.value), ssi=self.ssi, weeks=self.weeks.value, path=path)
        except (SSIInputError, SSITypeError) as error:
            self.saved.value = error_html(error)
            return
        self.saved.value = html.escape(tr(
            "Plan guardado en este equipo (n.º {id}, desde hoy, {w} semanas). Apunta tu SSI cada semana y "
            "compáralo en la lección «Sigue tu plan».",
            "Plan saved on this computer (no. {id}, from today, {w} weeks). Record your SSI every week and "
            "compare it in the lesson 'Follow your plan'.", id=saved.id, w=saved.weeks))


def simulator(
    ssi: SSI | SSIProfile | str,
    *,
    weeks: int = PLAN_WEEKS,
    minutes_per_week: int = 150,
    actions: Iterable[str] = (),
    catalog: pd.DataFrame | str | PathLike[str] | None = None,
) -> Simulator:
    """An interactive plan: tick actions and see where your SSI could go (a teaching model).

    Parameters
    ----------
    ssi : SSI, SSIProfile or str
        Where you start.
    weeks : int
        The horizon shown first (1–104 on the slider).
    minutes_per_week : int
        Your weekly time budget, used by the "best plan" button.
    actions : list of ids
        Actions ticked at the start.
    catalog : DataFrame or path, optional
        The actions to offer; the course's by default.

    Returns
    -------
    Simulator
        Display it as a cell's last value; ``.value`` gives the ticked ids and
        ``.projection`` the :func:`ssi_kit.simulate` frame.

    Raises
    ------
    SSIInputError
        For an unknown action id, a bad catalog row, weeks outside 1–520 or a budget that is
        not whole minutes between 0 and 10,080.
    SSITypeError
        If ``ssi``, ``actions`` or ``catalog`` is of a type that cannot be used.

    Examples
    --------
    >>> w = simulator(SSI(6, 6, 5, 8), actions=["publicar"])
    >>> w.checkboxes["grupos"].value = True
    >>> w.value
    ('publicar', 'grupos')
    """
    start = as_ssi(ssi)
    weeks = check_weeks(weeks, minimum=1)
    minutes_per_week = check_budget(minutes_per_week)
    return Simulator(start, catalog, weeks=weeks, minutes_per_week=minutes_per_week, actions=actions)
