"""A slider paired with a text box: the learner drags or types, both always show the same value.

Typing goes through ssi-kit's parser (decimal comma, ``1.500``, ``30 %``) instead of the
slider's own readout, which reads ``0,3`` as 0 and ``1.500`` as 1. A mistake shows under the
pair, on its own line, so a long message never squeezes the slider.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from ..errors import SSIInputError, SSITypeError
from ._feedback import error_html

__all__ = ["SliderText"]


class SliderText(widgets.VBox):
    """``slider`` and ``text`` kept in step; ``on_value(number)`` is called once per change.

    Parameters
    ----------
    slider : ipywidgets.IntSlider or FloatSlider
        Its own readout is hidden: the text box is the readout.
    parse : callable
        Text → number, raising ``SSIInputError`` with the learner's message.
    format : callable
        Number → text as the learner reads it.
    on_value : callable
        Called with the new number after a valid drag or typed value.
    """

    def __init__(
        self,
        slider: widgets.IntSlider | widgets.FloatSlider,
        *,
        parse: Callable[[str], float],
        format: Callable[[Any], str],
        on_value: Callable[[float], None],
        text_width: str = "7em",
    ) -> None:
        self.slider = slider
        self._parse, self._format, self._on_value = parse, format, on_value
        self._syncing = False  # set while we move a control ourselves: ignore its echo
        slider.readout = False
        slider.layout.flex = "0 0 auto"  # the slider keeps its width whatever is beside it
        self.text = widgets.Text(value=format(slider.value), continuous_update=False,
                                 layout=widgets.Layout(width=text_width, flex="0 0 auto"))
        self.error = widgets.HTML("")
        slider.observe(self._on_slider, names="value")
        self.text.observe(self._on_text, names="value")
        row = widgets.HBox([slider, self.text], layout=widgets.Layout(align_items="center"))
        super().__init__([row, self.error])

    def set(self, value: float) -> None:
        """Show ``value`` in both controls without calling ``on_value``."""
        self._syncing = True
        try:
            self.slider.value = value
            self.text.value = self._format(self.slider.value)
            self.error.value = ""
        finally:
            self._syncing = False

    def _on_slider(self, change: dict) -> None:
        if self._syncing:
            return
        self.set(change["new"])
        self._on_value(change["new"])

    def _on_text(self, change: dict) -> None:
        if self._syncing:
            return
        try:
            value = self._parse(change["new"])
        except (SSIInputError, SSITypeError) as error:  # the last good value stays; say why
            self.error.value = error_html(error)
            return
        self.set(value)
        self._on_value(self.slider.value)
