"""``ssi_input``: enter your four SSI bars with sliders or typed text and see them live."""

from __future__ import annotations

import html

import ipywidgets as widgets
import plotly.graph_objects as go

from .._i18n import format_number, tr
from ..errors import SSIInputError
from ..plots import plot_ssi, update_ssi_figure
from ..score import PILLAR_MAX, PILLARS, SSI, GroupScore, SSIProfile, parse_number, pillar_label

__all__ = ["SSIInput", "ssi_input"]

_STEP = 0.001  # LinkedIn shows pillars with three decimals
_ERROR_STYLE = "color:#D55E00"  # vermilion from the palette: readable, colour-blind safe


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
    ) -> None:
        self._value = initial if initial is not None else SSI(12.5, 12.5, 12.5, 12.5)
        self._syncing = False  # set while we move controls ourselves: ignore their echoes
        self.sliders: dict[str, widgets.FloatSlider] = {}
        self.texts: dict[str, widgets.Text] = {}
        self.errors: dict[str, widgets.HTML] = {}
        rows = []
        for pillar in PILLARS:
            score = getattr(self._value, pillar)
            slider = widgets.FloatSlider(
                value=score, min=0, max=PILLAR_MAX, step=_STEP, readout=False, continuous_update=True,
                description=pillar_label(pillar, full=True), style={"description_width": "19em"},
                layout=widgets.Layout(width="34em"),
            )
            text = widgets.Text(
                value=format_number(score), continuous_update=False,
                placeholder="0–25", layout=widgets.Layout(width="6em"),
            )
            error = widgets.HTML("")
            slider.observe(self._on_slider, names="value")
            text.observe(self._on_text, names="value")
            self.sliders[pillar], self.texts[pillar], self.errors[pillar] = slider, text, error
            rows.append(widgets.HBox([slider, text, error], layout=widgets.Layout(align_items="center")))
        self.total = widgets.HTML(self._total_html())
        self.figure = go.FigureWidget(plot_ssi(self._value, industry=industry, network=network))
        super().__init__(children=[*rows, self.total, self.figure])

    @property
    def value(self) -> SSI:
        """The SSI currently shown (the last valid input)."""
        return self._value

    @value.setter
    def value(self, ssi: SSI) -> None:
        if not isinstance(ssi, SSI):
            ssi = SSI.from_dict(ssi)
        self._syncing = True
        try:
            for pillar in PILLARS:
                self.sliders[pillar].value = getattr(ssi, pillar)
                self.texts[pillar].value = format_number(getattr(ssi, pillar))
                self.errors[pillar].value = ""
        finally:
            self._syncing = False
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

    def _pillar_of(self, owner: widgets.Widget, controls: dict[str, widgets.Widget]) -> str:
        return next(p for p, w in controls.items() if w is owner)

    def _on_slider(self, change: dict) -> None:
        if self._syncing:
            return
        pillar = self._pillar_of(change["owner"], self.sliders)
        ssi = SSI(**{**self._value.as_dict(), pillar: change["new"]})
        self._syncing = True
        try:
            self.texts[pillar].value = format_number(getattr(ssi, pillar))
            self.errors[pillar].value = ""
        finally:
            self._syncing = False
        self._show(ssi)

    def _on_text(self, change: dict) -> None:
        if self._syncing:
            return
        pillar = self._pillar_of(change["owner"], self.texts)
        try:
            score = parse_number(change["new"], field=pillar)
        except SSIInputError as error:
            # Keep the last good value; say what is wrong next to the box.
            self.errors[pillar].value = f'<span style="{_ERROR_STYLE}">{html.escape(str(error))}</span>'
            return
        self.errors[pillar].value = ""
        self._syncing = True
        try:
            self.sliders[pillar].value = score
        finally:
            self._syncing = False
        self._show(SSI(**{**self._value.as_dict(), pillar: score}))


def ssi_input(
    initial: SSI | SSIProfile | None = None,
    *,
    industry: GroupScore | SSI | float | None = None,
    network: GroupScore | SSI | float | None = None,
) -> SSIInput:
    """A widget to enter your SSI: a slider and a text box per pillar, the total, a live chart.

    Parameters
    ----------
    initial : SSI or SSIProfile, optional
        Where the controls start (12,5 per pillar if omitted). A profile also brings its
        industry and network figures.
    industry, network : GroupScore, SSI, number or None
        Averages drawn beside your bars, as in :func:`ssi_kit.plot_ssi`.

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
    if initial is not None and not isinstance(initial, SSI):
        initial = SSI.parse(initial) if isinstance(initial, str) else SSI.from_dict(initial)
    return SSIInput(initial, industry=industry, network=network)
