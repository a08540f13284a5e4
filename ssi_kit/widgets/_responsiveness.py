"""``responsiveness_input``: type how many conversations others started and how many you answered."""

from __future__ import annotations

import html
from functools import partial

import ipywidgets as widgets

from .._checks import check_integer, check_number, parse_typed_number
from .._i18n import format_thousands, tr
from ..errors import SSIInputError, SSITypeError
from ..messages import Responsiveness, responsiveness_from_counts
from ..plots import plot_responsiveness
from ..plots._messages import update_responsiveness_figure
from ._controls import SliderText
from ._display import live_figure
from ._feedback import error_html

__all__ = ["ResponsivenessInput", "responsiveness_input"]

MAX_COUNT = 1_000_000
"""The most conversations the boxes take (far more than anyone's inbox holds)."""
_SLIDER_STEPS = (100, 200, 500)  # the sliders end at 100, 200, 500, 1.000, 2.000, 5.000…


def slider_max(count: int) -> int:
    """The sliders' end for ``count``: the first of 100, 200, 500, 1.000, 2.000… not below it.

    Examples
    --------
    >>> slider_max(20), slider_max(150), slider_max(1500)
    (100, 200, 2000)
    """
    scale = 1
    while True:
        for step in _SLIDER_STEPS:
            if step * scale >= count:
                return step * scale
        scale *= 10


def _labels() -> dict[str, str]:
    return {"received": tr("Conversaciones que empezó otra persona", "Conversations someone else started"),
            "answered": tr("De ellas, respondiste", "Of those, you answered")}


class ResponsivenessInput(widgets.VBox):
    """Two counts (a slider and a text box each), a summary line and the ring chart updated in place.

    Use :func:`responsiveness_input` to build one; :attr:`value` is the current
    :class:`~ssi_kit.messages.Responsiveness`.

    Attributes
    ----------
    controls : dict of str → SliderText
        ``"received"`` and ``"answered"``: each has ``.slider``, ``.text`` (type ``1.500`` or
        `` 20 ``) and ``.error`` (the message under the box after a mistake).
    summary : ipywidgets.HTML
        The rate in words and what to do about it.
    figure : plotly.graph_objects.FigureWidget
        :func:`ssi_kit.plots.plot_responsiveness`'s ring, changed in place.
    """

    def __init__(self, received: int, answered: int) -> None:
        self._value = responsiveness_from_counts(received, answered)
        labels = _labels()
        top = slider_max(max(received, answered))
        self.controls: dict[str, SliderText] = {}
        for field, start in (("received", received), ("answered", answered)):
            slider = widgets.IntSlider(
                value=start, min=0, max=top, step=1, continuous_update=False, description=labels[field],
                style={"description_width": "23em"}, layout=widgets.Layout(width="40em"),
            )
            self.controls[field] = SliderText(
                slider, parse=partial(self._parse, field=field), format=format_thousands,
                on_value=partial(self._on_value, field), text_width="7em",
            )
        self.summary = widgets.HTML()
        self.summary.add_class("ssi-responsiveness-summary")
        self.figure = live_figure(plot_responsiveness(self._value))
        self.summary.value = self._summary_html()
        super().__init__([*self.controls.values(), self.summary, self.figure])
        self.add_class("ssi-responsiveness-input")  # a stable handle for browser tests and styling

    @property
    def value(self) -> Responsiveness:
        """The counts shown in the chart (the last valid ones), as a :class:`Responsiveness`."""
        return self._value

    # --- wiring ----------------------------------------------------------------------------
    def _parse(self, text: str, *, field: str) -> float:
        """A typed count (``1.500``, `` 20 ``); a count beyond the sliders' end widens both sliders."""
        count = parse_typed_number(
            text, name=field, integer=True, maximum=MAX_COUNT, subject=tr("«{l}»", "'{l}'", l=_labels()[field]),
            hint=tr("Escribe solo la cantidad, con cifras: por ejemplo 20 o 1.500.",
                    "Type only the count, in digits: e.g. 20 or 1,500."))
        top = slider_max(int(count))
        for control in self.controls.values():
            if control.slider.max < top:
                control.slider.max = top
        return count

    def _on_value(self, field: str, _count: float) -> None:
        """Re-read both counts; show the new rate, or say under ``field``'s box why not."""
        received, answered = self.controls["received"].slider.value, self.controls["answered"].slider.value
        try:
            check_number(answered, name="answered", maximum=received, integer=True,
                         subject=tr("«{l}»", "'{l}'", l=_labels()["answered"]), hint=tr(
                             "No puedes haber respondido más conversaciones de las que empezaron otras personas "
                             "({r}).", "You cannot have answered more conversations than others started ({r}).",
                             r=format_thousands(received)))
            result = responsiveness_from_counts(received, answered)
        except (SSIInputError, SSITypeError) as error:  # the last good chart stays; say why
            self.controls[field].error.value = error_html(error)
            return
        for control in self.controls.values():
            # A box still holding a typo keeps its message; a message about the pair goes away.
            if control.text.value == format_thousands(control.slider.value):
                control.error.value = ""
        self._value = result
        self.summary.value = self._summary_html()
        update_responsiveness_figure(self.figure, result)

    def _summary_html(self) -> str:
        result = self._value
        text = html.escape(result.describe())
        if result.received == 0:
            return text
        if result.unanswered == 0:
            advice = tr("Nadie se queda esperando: así es como una conversación se convierte en una oportunidad.",
                        "Nobody is left waiting: that is how a conversation turns into an opportunity.")
        else:
            advice = tr("Contesta también a esas, aunque sea con un «no, gracias»: el silencio le hace perder el "
                        "tiempo a quien te escribió y a ti te deja en mal lugar.",
                        "Answer those too, even with a \"no, thank you\": silence wastes the time of whoever "
                        "wrote to you and leaves you looking bad.")
        rate = tr("Tu tasa de respuesta", "Your response rate")
        return f"<b>{rate}</b>: {text} {html.escape(advice)}"


def responsiveness_input(received: int = 20, answered: int = 15) -> ResponsivenessInput:
    """A widget to type your counts and see your response rate: two boxes, a summary, a live ring.

    Each box takes a whole number as you would write it (``1.500``, `` 20 ``) and has a slider
    beside it; typing a count beyond the slider's end widens it. A mistake (``veinte``, a
    negative number, more answered than received) shows its message under the box and the
    chart keeps the last valid counts.

    Parameters
    ----------
    received : int, default 20
        Conversations someone else started (0 to 1,000,000).
    answered : int, default 15
        How many of them you answered (0 to ``received``).

    Returns
    -------
    ResponsivenessInput
        Display it as a cell's last value; ``.value`` gives the current
        :class:`~ssi_kit.messages.Responsiveness`.

    Raises
    ------
    SSIInputError
        Counts that are not whole numbers from 0 to 1,000,000, or more answered than received.

    Examples
    --------
    >>> w = responsiveness_input(20, 15)
    >>> w.controls["received"].text.value = "1.500"
    >>> w.controls["answered"].text.value = "900"
    >>> w.value.response_rate, list(w.figure.data[0].values)
    (0.6, [900, 600])
    """
    received = check_integer(received, name="received", maximum=MAX_COUNT, hint=tr(
        "Cuenta las conversaciones que empezó otra persona, por ejemplo 20.",
        "Count the conversations someone else started, e.g. 20."))
    answered = check_integer(answered, name="answered", maximum=MAX_COUNT)
    return ResponsivenessInput(received, answered)  # more answered than received: refused by its first line
