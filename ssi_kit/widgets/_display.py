"""Live charts that still show in Google Colab.

plotly's ``FigureWidget`` draws nothing in Colab today (the widget's frontend does not load there),
so the widgets build their chart with :func:`live_figure`: a ``FigureWidget`` everywhere else, and
in Colab a :class:`StaticFigure`, a plain plotly figure that lives inside an ``ipywidgets.Output``
and redraws itself as a static chart after each change. Both are changed in place the same way
(``with fig.batch_update(): fig.data[0].y = …``), so a widget's update code needs no branch.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from typing import Any

import ipywidgets as widgets
import plotly.graph_objects as go
from plotly.basedatatypes import BaseFigure

from .._checks import check_type
from .._i18n import tr
from .._resources import FIGURE_WIDGET_URL_VARIABLE

__all__ = ["StaticFigure", "in_colab", "live_figure"]


def in_colab() -> bool:
    """True when running in a Google Colab kernel.

    Returns
    -------
    bool
        Whether ``google.colab`` has been imported (Colab imports it in every kernel it starts).

    Examples
    --------
    >>> in_colab()
    False
    """
    return "google.colab" in sys.modules


class StaticFigure(go.Figure, widgets.Output):
    """A plotly figure that is also an output area: each change redraws it as a static chart.

    Used instead of ``go.FigureWidget`` where that does not display (Colab). It is changed in
    place like a ``FigureWidget`` (one redraw per ``batch_update`` block, one per single change
    outside a block) and can be placed among other widgets (``VBox([..., fig])``). The drawing is
    plotly's HTML, with plotly.js loaded from its CDN as Colab's own plotly renderer does; only
    the library is downloaded, the chart's data stays in the notebook.

    Parameters
    ----------
    figure : plotly.graph_objects.Figure
        The figure to show (copied; the original is not modified).

    Attributes
    ----------
    redraws : int
        How many times the chart has been drawn (1 after construction).

    Examples
    --------
    >>> import plotly.graph_objects as go
    >>> fig = StaticFigure(go.Figure(go.Bar(y=[1, 2]), layout={"title": {"text": "antes"}}))
    >>> with fig.batch_update():
    ...     fig.data[0].y = [3, 4]
    ...     fig.layout.title.text = "después"
    >>> fig.redraws, fig.outputs[0]["data"]["text/plain"]
    (2, 'Gráfico: después')
    """

    def __init__(self, figure: Any = None) -> None:
        super().__init__(figure)
        self._redraws = 0
        self._ready = True
        self.redraw()

    @property
    def redraws(self) -> int:
        """How many times the chart has been drawn."""
        return self._redraws

    def redraw(self) -> None:
        """Draw the figure as it is now into the output area (replacing the previous drawing)."""
        if not getattr(self, "_ready", False):  # plotly sets the data before this object is complete
            return
        html = self.to_html(full_html=False, include_plotlyjs="cdn", config={"responsive": True})
        self._redraws += 1
        self.outputs = ({
            "output_type": "display_data",
            "metadata": {},
            "data": {
                "text/html": html,
                "text/plain": tr("Gráfico: {title}", "Chart: {title}", title=self.layout.title.text or ""),
            },
        },)

    # plotly calls these after each change (once per batch_update block); a FigureWidget sends the
    # change to the browser, this figure redraws itself.
    def _redraw_after_change(self, *args: Any, **kwargs: Any) -> None:
        self.redraw()

    _send_addTraces_msg = _send_moveTraces_msg = _send_deleteTraces_msg = _redraw_after_change
    _send_restyle_msg = _send_relayout_msg = _send_update_msg = _redraw_after_change


def live_figure(figure: Any) -> Any:
    """A chart a widget can change in place: a ``FigureWidget``, or a :class:`StaticFigure` in Colab.

    Parameters
    ----------
    figure : plotly.graph_objects.Figure
        The figure to show (a plot function's result; a ``FigureWidget`` is accepted too).

    Returns
    -------
    plotly.graph_objects.FigureWidget or StaticFigure
        Outside Colab a ``FigureWidget`` (changes reach the browser live); in Colab a
        :class:`StaticFigure`, redrawn as a static chart after each change. Both are widgets and
        both are changed with ``with fig.batch_update(): ...``.

    Raises
    ------
    SSITypeError
        If ``figure`` is not a plotly figure.

    Examples
    --------
    >>> import plotly.graph_objects as go
    >>> type(live_figure(go.Figure(go.Bar(y=[1, 2])))).__name__
    'FigureWidget'
    """
    check_type(figure, BaseFigure, name="figure", expected=tr("una figura de plotly", "a plotly figure"),
               hint=tr("Pásale lo que devuelve una función de dibujo, como ssi_kit.plot_ssi(...).",
                       "Pass what a plot function returns, such as ssi_kit.plot_ssi(...)."))
    if in_colab():
        return StaticFigure(figure)
    served = os.environ.get(FIGURE_WIDGET_URL_VARIABLE, "")
    if served:
        return _served_figure_widget(served)(figure)
    return go.FigureWidget(figure)


_SERVED_BUNDLE = """\
const config = document.getElementById("jupyter-config-data");
const base = (config && JSON.parse(config.textContent).baseUrl) || "/";
const bundle = await import(new URL(base.replace(/\\/?$/, "/") + PATH, window.location.href).href);
export const FigureModel = bundle.FigureModel;
export const FigureView = bundle.FigureView;
export default bundle.default;
"""


@functools.cache
def _served_figure_widget(path: str) -> type:
    """A ``FigureWidget`` whose widget code is loaded from ``path`` on the server instead of sent with it."""
    module = _SERVED_BUNDLE.replace("PATH", json.dumps(path.lstrip("/")))
    return type("FigureWidget", (go.FigureWidget,), {"_esm": module, "__module__": __name__})
