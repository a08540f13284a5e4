"""``pyramid_explorer``: sliders for the pyramid's assumptions, the chart updated in place."""

from __future__ import annotations

import html
from functools import partial

import ipywidgets as widgets

from .._checks import check_flag, check_number, parse_typed_number
from .._i18n import format_number, format_thousands, tr
from ..errors import SSIInputError, SSITypeError
from ..network import AVG_CONNECTIONS, DEFAULT_OVERLAP, MAX_CONNECTIONS, describe_pyramid, pyramid
from ..plots import plot_pyramid
from ..plots._network import update_pyramid_figure
from ._controls import SliderText
from ._display import live_figure
from ._feedback import error_html

__all__ = ["PyramidExplorer", "pyramid_explorer"]

AVG_MIN, AVG_MAX = 10, 2000  # the slider's range: a contact's average connections
OVERLAP_MAX = 0.99


class PyramidExplorer(widgets.VBox):
    """The explorer's box; its controls and figure are attributes, so tests can drive them.

    Attributes
    ----------
    first, avg_connections : ipywidgets.IntSlider
    overlap : ipywidgets.FloatSlider
    texts : dict of str → ipywidgets.Text
        The box beside each slider (``"first"``, ``"avg_connections"``, ``"overlap"``):
        type ``1.500``, ``50 %`` or ``0,3`` and the slider follows.
    log_scale : ipywidgets.Checkbox
    figure : plotly.graph_objects.FigureWidget
    message : ipywidgets.HTML
        One sentence with the shares (or, in red, what went wrong).
    """

    def __init__(self, *, first: int, avg_connections: int, overlap: float, log: bool) -> None:
        style = {"description_width": "17em"}
        layout = {"width": "38em"}
        self.first = widgets.IntSlider(
            value=first, min=1, max=MAX_CONNECTIONS, step=1, continuous_update=False,
            description=tr("Tus contactos (1.er grado)", "Your connections (1st degree)"), style=style,
            layout=widgets.Layout(**layout),
        )
        self.avg_connections = widgets.IntSlider(
            value=avg_connections, min=AVG_MIN, max=AVG_MAX, step=10, continuous_update=False,
            description=tr("Contactos medios de cada uno", "Average connections each"), style=style,
            layout=widgets.Layout(**layout),
        )
        self.overlap = widgets.FloatSlider(
            value=overlap, min=0.0, max=OVERLAP_MAX, step=0.01, continuous_update=False,
            description=tr("Solapamiento", "Overlap"), style=style, layout=widgets.Layout(**layout),
        )
        whole = partial(parse_typed_number, integer=True)
        self.controls = {
            "first": SliderText(self.first, on_value=self._update, format=format_thousands, parse=partial(
                whole, name="first", minimum=1, maximum=MAX_CONNECTIONS, subject=_subject(self.first))),
            "avg_connections": SliderText(self.avg_connections, on_value=self._update, format=format_thousands,
                                          parse=partial(whole, name="avg_connections", minimum=AVG_MIN,
                                                        maximum=AVG_MAX, subject=_subject(self.avg_connections))),
            "overlap": SliderText(self.overlap, on_value=self._update, format=format_percent_whole,
                                  parse=partial(parse_typed_number, name="overlap", maximum=OVERLAP_MAX,
                                                percent=True, subject=_subject(self.overlap))),
        }
        self.texts = {name: control.text for name, control in self.controls.items()}
        self.log_scale = widgets.Checkbox(value=log, description=tr("Escala logarítmica", "Log scale"), indent=False)
        self.message = widgets.HTML()
        frame = pyramid(first, avg_connections=avg_connections, overlap=overlap)
        self.figure = live_figure(plot_pyramid(frame, log=log))
        self.message.value = html.escape(describe_pyramid(frame))
        super().__init__([*self.controls.values(), self.log_scale, self.message, self.figure])
        self.add_class("ssi-pyramid-explorer")  # a stable handle for browser tests and styling
        self.log_scale.observe(self._update, names="value")

    def _update(self, _change: object = None) -> None:
        """Re-read every control and redraw the figure in place."""
        try:
            frame = pyramid(self.first.value, avg_connections=self.avg_connections.value,
                            overlap=self.overlap.value)
        except (SSIInputError, SSITypeError) as error:  # shown to the learner, not swallowed
            self.message.value = error_html(error)
            return
        update_pyramid_figure(self.figure, frame, log=self.log_scale.value)
        self.message.value = html.escape(describe_pyramid(frame))


def _subject(slider: widgets.Widget) -> str:
    """How a typed box's message names its value: the slider's label, as the learner reads it."""
    return tr("«{l}»", "'{l}'", l=slider.description)


def format_percent_whole(share: float) -> str:
    """A slider's share as a learner types it back: ``0.82`` → ``82 %``."""
    return f"{format_number(share * 100, 0)} %"


def pyramid_explorer(
    first: int = 500,
    *,
    avg_connections: int = AVG_CONNECTIONS,
    overlap: float = DEFAULT_OVERLAP,
    log: bool = True,
) -> PyramidExplorer:
    """Explore your relationship pyramid: move the sliders, the chart changes in place.

    Parameters
    ----------
    first : int, default 500
        Your first-degree connections to start with (1–30,000).
    avg_connections : int, default 400
        Average connections of each contact (10–2,000 on the slider).
    overlap : float, default 0.82
        Share of their contacts you already reach (0–0.99).
    log : bool, default True
        Start with the log-width pyramid (the 1st degree is visible).

    Returns
    -------
    PyramidExplorer
        A box of widgets; leave it as a cell's last value to show it.

    Raises
    ------
    SSIInputError
        If a starting value is outside its slider's range.

    Examples
    --------
    >>> w = pyramid_explorer(800)
    >>> w.first.value = 1200          # the figure updates in place
    >>> w.figure.layout.yaxis.ticktext[0]
    '<b>1.er grado</b><br>1.200 personas'
    """
    pyramid(first, avg_connections=avg_connections, overlap=overlap)  # validate before building widgets
    check_number(avg_connections, name="avg_connections", minimum=AVG_MIN, maximum=AVG_MAX,
                 hint=tr(" Es el rango del deslizador del explorador.", " That is the explorer slider's range."))
    return PyramidExplorer(first=int(first), avg_connections=int(avg_connections), overlap=float(overlap),
                           log=check_flag(log, name="log"))
