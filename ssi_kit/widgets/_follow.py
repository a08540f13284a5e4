"""``follow``: an output of a lesson that follows the data in use, updated in place.

A lesson shows a chart or a table computed from the learner's data. When the learner changes
their data in the panel at the top (``tus_datos()``), every output built with :func:`follow`
is computed again and changed in place: a chart keeps its place on the page (the same
FigureWidget, its traces replaced in one update), a table its box; in Voilà nothing reloads
and the learner keeps their place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from plotly.basedatatypes import BaseFigure

from .._html import NO_MATH, paragraph
from .._i18n import tr
from ..errors import SSIInputError, SSITypeError
from ._display import live_figure
from ._feedback import error_html

__all__ = ["Follow", "follow"]


class Follow(widgets.VBox):
    """What ``render(source.value)`` shows, redrawn whenever ``source.value`` changes.

    Attributes
    ----------
    figure : FigureWidget or None
        The chart, when ``render`` gives a plotly figure (the same object from one update to the next).
    html : ipywidgets.HTML
        A table (a pandas Styler or DataFrame, shown as ``show_table`` does) or a text.
    message : ipywidgets.HTML
        What went wrong computing the output (our errors), in red.
    updates : int
        How many times the output was computed (1 after construction).
    """

    def __init__(self, source: Any, render: Callable[[Any], Any]) -> None:
        self._render = render
        self.figure: Any = None
        self.html = widgets.HTML()
        self.message = widgets.HTML()
        self.updates = 0
        super().__init__([self.message])
        self.add_class("ssi-follow")
        self._source = source
        self.update(source.value)
        source.observe(lambda change: self.update(change["new"]), names="value")

    def update(self, value: Any) -> None:
        """Compute the output for ``value`` and show it in place."""
        self.updates += 1
        try:
            shown = self._render(value)
        except (SSIInputError, SSITypeError) as error:
            self.message.value = error_html(error)
            return
        self.message.value = ""
        if isinstance(shown, BaseFigure):
            self._show_figure(shown)
        elif isinstance(shown, widgets.Widget):
            self.children = (self.message, shown)
        else:
            self.html.value = _as_html(shown)
            self.children = (self.message, self.html)

    def _show_figure(self, figure: BaseFigure) -> None:
        if self.figure is None:
            self.figure = live_figure(figure)
        else:
            with self.figure.batch_update():
                self.figure.data = []
                self.figure.add_traces(list(figure.data))
                self.figure.layout = figure.layout
        self.children = (self.message, self.figure)


def _as_html(shown: Any) -> str:
    """A table or a text as safe HTML (tables escape their cells; texts are escaped here)."""
    import pandas as pd
    from pandas.io.formats.style import Styler

    from ..tables import show_table

    if isinstance(shown, pd.DataFrame):
        shown = show_table(shown)
    if isinstance(shown, Styler):
        return f"<div class='{NO_MATH}'>{shown.to_html()}</div>"
    return paragraph(str(shown))


def follow(source: Any, render: Callable[[Any], Any]) -> Follow:
    """An output that follows ``source.value`` (the data panel): ``render(value)`` again on every change.

    Parameters
    ----------
    source : widget
        Anything with a ``value`` trait to observe, such as ``tus_datos()``.
    render : callable
        Takes the value and returns a plotly figure, a table (DataFrame or ``show_table``'s
        Styler), a widget or a text.

    Examples
    --------
    >>> import ipywidgets as widgets
    >>> box = widgets.IntText(value=2)
    >>> out = follow(box, lambda n: f"{n} × 2 = {n * 2}")
    >>> box.value = 5
    >>> "10" in out.html.value, out.updates
    (True, 2)
    """
    import traitlets

    if not isinstance(source, traitlets.HasTraits) or not source.has_trait("value"):
        raise SSITypeError(
            tr("«source» debe ser un widget con un valor que seguir, como tus_datos(); recibido {k}.",
               "'source' must be a widget with a value to follow, such as tus_datos(); received {k}.",
               k=type(source).__name__), field="source", received=source)
    if not callable(render):
        raise SSITypeError(
            tr("«render» debe ser una función que reciba el valor y devuelva un gráfico, una tabla o un texto; "
               "recibido {k}.", "'render' must be a function taking the value and returning a chart, a table or "
               "a text; received {k}.", k=type(render).__name__), field="render", received=render)
    return Follow(source, render)
