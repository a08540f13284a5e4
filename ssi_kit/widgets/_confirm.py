"""A question with «sí» and «no» buttons, hidden until asked: the step before something a learner may regret."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets

from .._html import escape

__all__ = ["Confirm"]


class Confirm(widgets.HBox):
    """A hidden row «question [yes] [no]»; :meth:`ask` shows it, either button hides it again.

    Parameters
    ----------
    question : str
        What is asked (shown as text, escaped).
    yes, no : str
        The buttons' labels.
    on_yes : callable
        Called with no argument when the learner confirms.

    Attributes
    ----------
    yes_button, no_button : ipywidgets.Button

    Examples
    --------
    >>> done = []
    >>> c = Confirm("¿Seguro?", yes="Sí", no="No", on_yes=lambda: done.append(1))
    >>> c.ask(); c.yes_button.click()
    >>> done, c.layout.display
    ([1], 'none')
    """

    def __init__(self, question: str, *, yes: str, no: str, on_yes: Callable[[], object]) -> None:
        self._on_yes = on_yes
        self.yes_button = widgets.Button(description=yes, button_style="warning", layout=widgets.Layout(width="auto"))
        self.no_button = widgets.Button(description=no, layout=widgets.Layout(width="auto"))
        self.yes_button.on_click(self._yes)
        self.no_button.on_click(self._no)
        super().__init__([widgets.HTML(escape(question)), self.yes_button, self.no_button],
                         layout=widgets.Layout(display="none", align_items="center", flex_flow="row wrap"))

    @property
    def asking(self) -> bool:
        """Whether the question is showing."""
        return self.layout.display != "none"

    def ask(self) -> None:
        """Show the question."""
        self.layout.display = "flex"

    def hide(self) -> None:
        """Hide the question without doing anything."""
        self.layout.display = "none"

    def _yes(self, _button: widgets.Button) -> None:
        self.hide()
        self._on_yes()

    def _no(self, _button: widgets.Button) -> None:
        self.hide()
