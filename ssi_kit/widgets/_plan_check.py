"""``plan_check``: your latest saved plan against the SSI you recorded, read again whenever a page shows it.

Without a saved plan it shows a practice example (labelled as such): the best plan of the example
SSI for 150 minutes a week and made-up weekly measurements of someone who keeps it a month and
then slows down.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import traitlets

from .._html import NO_MATH, escape, paragraph
from .._i18n import tr
from ..errors import SSIInputError, SSITypeError
from ._feedback import error_html
from ._follow import Follow
from ._page import PageShown

__all__ = ["PlanCheck", "plan_check"]


def _practice() -> tuple[Any, Any, str]:
    """The practice plan and measurements, in a temporary file (the learner's plans are not touched)."""
    from ..datasets import load_dataset
    from ..plans import example_history, practice_file, save_plan
    from ..simulation import best_plan

    plan = save_plan(best_plan(load_dataset("ssi_ejemplo").member, 150, weeks=26), start="2025-01-06",
                     path=practice_file())
    return plan, example_history(plan), tr(
        "Aún no has guardado un plan: esto es un ejemplo de práctica (medidas inventadas). Guarda el tuyo en la "
        "lección 2 con «Guardar este plan» en el simulador y apunta tu SSI cada semana.",
        "You have not saved a plan yet: this is a practice example (made-up measurements). Save yours in "
        "lesson 2 with 'Save this plan' in the simulator and record your SSI every week.")


def _yours() -> tuple[Any, Any, str] | None:
    from ..history import load_history
    from ..plans import list_plans, load_plan

    if list_plans().empty:
        return None
    plan = load_plan()
    return plan, load_history(), tr("Tu último plan guardado: «{n}».", "Your latest saved plan: '{n}'.",
                                    n=plan.name)


class _Shown(traitlets.HasTraits):
    """What the chart follows: the plan and history in use."""

    value = traitlets.Any()


class PlanCheck(widgets.VBox):
    """The comparison; :meth:`refresh` reads your plans and history again.

    Attributes
    ----------
    value : tuple
        ``(plan, history, note)`` in use; ``note`` says whether it is yours or the practice example.
    note, summary, message : ipywidgets.HTML
    chart : Follow
        The plan against reality (:func:`ssi_kit.plots.plot_plan_vs_reality`).
    """

    def __init__(self) -> None:
        self.note = widgets.HTML()
        self.summary = widgets.HTML()
        self.message = widgets.HTML()
        self._practice = _practice()
        self._shown = _Shown(value=self._practice)
        self.chart = Follow(self._shown, _figure)
        self.shown = PageShown(self.refresh)
        super().__init__([self.note, self.summary, self.message, self.chart, self.shown])
        self.add_class("ssi-plan-check")
        self.refresh()

    @property
    def value(self) -> tuple[Any, Any, str]:
        return self._shown.value

    def refresh(self) -> None:
        """Use your latest saved plan and your history (or the practice example when there is none)."""
        from ..plans import compare_plan, describe_plan_comparison

        try:
            value = _yours() or self._practice
            plan, history, note = value
            summary = describe_plan_comparison(compare_plan(plan, history))
        except (SSIInputError, SSITypeError) as error:
            self.message.value = error_html(error)
            return
        self.message.value = ""
        self.note.value = f"<p class='{NO_MATH}'><b>{escape(note)}</b></p>"
        self.summary.value = paragraph(summary)
        self._shown.value = value


def _figure(value: tuple[Any, Any, str]) -> Any:
    from ..plots import plot_plan_vs_reality

    plan, history, _note = value
    return plot_plan_vs_reality(plan, history)


def plan_check() -> PlanCheck:
    """Your plan against reality: leave it as a cell's last value.

    Examples
    --------
    >>> check = plan_check()
    >>> "ejemplo de práctica" in check.note.value
    True
    """
    return PlanCheck()
