"""``ssi_input``: enter your four SSI bars with sliders or typed text and see them live."""

from __future__ import annotations

from functools import partial
from os import PathLike

import ipywidgets as widgets

from .._i18n import format_date, format_number, tr
from ..errors import SSIInputError, SSITypeError
from ..history import describe_change, load_history, record
from ..history import history_path as history_file
from ..plots import plot_ssi
from ..plots._score import update_ssi_figure
from ..score import PILLAR_MAX, PILLARS, SSI, GroupScore, SSIProfile, as_ssi, parse_number, pillar_label
from ._controls import SliderText
from ._display import live_figure
from ._feedback import error_html

__all__ = ["SSIInput", "ssi_input"]

_STEP = 0.001  # LinkedIn shows pillars with three decimals


class SSIInput(widgets.VBox):
    """Per pillar a slider and a text box (decimal comma welcome), the total and a live chart.

    Use :func:`ssi_input` to build one; read :attr:`value` for the current :class:`SSI`.
    """

    def __init__(
        self,
        initial: SSI | None = None,
        *,
        industry: GroupScore | SSI | float | None = None,
        network: GroupScore | SSI | float | None = None,
        history_path: str | PathLike[str] | None = None,
    ) -> None:
        self._history_path = history_path
        self._value = initial if initial is not None else SSI(12.5, 12.5, 12.5, 12.5)
        self.controls: dict[str, SliderText] = {}
        for pillar in PILLARS:
            slider = widgets.FloatSlider(
                value=getattr(self._value, pillar), min=0, max=PILLAR_MAX, step=_STEP, continuous_update=True,
                description=pillar_label(pillar, full=True), style={"description_width": "19em"},
                layout=widgets.Layout(width="34em"),
            )
            self.controls[pillar] = SliderText(
                slider, parse=partial(parse_number, field=pillar), format=format_number,
                on_value=partial(self._on_pillar, pillar), text_width="6em",
            )
        self.sliders = {p: c.slider for p, c in self.controls.items()}
        self.texts = {p: c.text for p, c in self.controls.items()}
        self.errors = {p: c.error for p, c in self.controls.items()}
        self.total = widgets.HTML(self._total_html())
        self.figure = live_figure(plot_ssi(self._value, industry=industry, network=network))
        # What record() keeps of the bars: LinkedIn's group scores (a plain number is only drawn).
        self._groups = tuple(g if isinstance(g, GroupScore) else None for g in (industry, network))
        self.save = widgets.Button(
            description=tr("Guardar", "Save"), icon="save",
            tooltip=tr("Guarda este SSI en tu historial, con la fecha de hoy",
                       "Save this SSI in your history, dated today"),
        )
        self.saved = widgets.HTML("")
        self.save.on_click(self._on_save)
        super().__init__(children=[*self.controls.values(), self.total, self.figure,
                                   widgets.HBox([self.save, self.saved])])

    @property
    def value(self) -> SSI:
        """The SSI currently shown (the last valid input)."""
        return self._value

    @value.setter
    def value(self, ssi: SSI | SSIProfile | str) -> None:
        ssi = as_ssi(ssi, name="value")
        for pillar, control in self.controls.items():
            control.set(getattr(ssi, pillar))
        self._show(ssi)

    def _total_html(self) -> str:
        return tr(
            "<b>Total: {total}</b> de 100 ({exact}) · nivel {level}",
            "<b>Total: {total}</b> of 100 ({exact}) · level {level}",
            total=self._value.rounded_total,
            exact=format_number(self._value.total),
            level=self._value.level_label,
        )

    def _show(self, ssi: SSI) -> None:
        self._value = ssi
        self.total.value = self._total_html()
        update_ssi_figure(self.figure, ssi)

    def _on_save(self, _button: object = None) -> None:
        """Record the SSI shown in the history and say so (or show why it could not)."""
        try:
            day = record(SSIProfile(self._value, *self._groups), path=self._history_path)
            change = describe_change(load_history(self._history_path))
        except (SSIInputError, SSITypeError) as error:
            self.saved.value = error_html(error)
            return
        self.saved.value = tr("Guardado: SSI {t} del {d}. {c}", "Saved: SSI {t} of {d}. {c}",
                              t=format_number(self._value.total), d=format_date(day), c=change)

    def _on_pillar(self, pillar: str, score: float) -> None:
        self._show(SSI(**{**self._value.as_dict(), pillar: score}))


def ssi_input(
    initial: SSI | SSIProfile | None = None,
    *,
    industry: GroupScore | SSI | float | None = None,
    network: GroupScore | SSI | float | None = None,
    history_path: str | PathLike[str] | None = None,
) -> SSIInput:
    """A widget to enter your SSI: a slider and a text box per pillar, the total, a live chart.

    Parameters
    ----------
    initial : SSI or SSIProfile, optional
        Where the controls start (12,5 per pillar if omitted). A profile also brings its
        industry and network figures.
    industry, network : GroupScore, SSI, number or None
        Averages drawn beside your bars, as in :func:`ssi_kit.plot_ssi`.
    history_path : path, optional
        Where the «Guardar» button records the SSI shown (with today's date); your history
        (:func:`ssi_kit.history.record`'s default) if omitted.

    Returns
    -------
    SSIInput
        Display it as a cell's last value; ``.value`` gives the current :class:`SSI`.

    Examples
    --------
    >>> w = ssi_input(SSI(12.5, 8, 5.25, 10))
    >>> w.sliders["brand"].value = 20
    >>> w.value.total
    43.25
    """
    if isinstance(initial, SSIProfile):
        industry = initial.industry if industry is None else industry
        network = initial.network if network is None else network
        initial = initial.member
    if initial is not None:
        initial = as_ssi(initial, name="initial")
    if history_path is not None:  # checked now, not when "Guardar" is pressed
        history_file(history_path)
    return SSIInput(initial, industry=industry, network=network, history_path=history_path)
