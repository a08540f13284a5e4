"""``PageShown``: tells the kernel each time a page shows it, so what a page says is never stale.

Voilà's preheated kernels run a lesson before anyone asks for it, and a JupyterLab tab can stay
open for days: what the kernel computed then (the data in use, the progress) may be old when
the learner looks. This small anywidget sends one message from the browser every time it is
drawn; the widgets that hold it (the data panel, the course home) re-read the store then.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import anywidget

__all__ = ["PageShown"]


class PageShown(anywidget.AnyWidget):
    """An invisible widget that calls ``on_shown()`` whenever a page draws it.

    Parameters
    ----------
    on_shown : callable
        Called with no argument in the kernel, once per page that shows the widget. Errors it
        raises are shown by the widget that owns it, never here.
    """

    _esm = """
    export default {
      render({ model, el }) {
        el.style.display = "none";
        model.send({ event: "shown" });
      }
    };
    """

    def __init__(self, on_shown: Callable[[], Any], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._on_shown = on_shown
        self.shown = 0  # how many times a page drew it (for tests and curiosity)
        self.on_msg(self._received)

    def _received(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("event") == "shown":
            self.shown += 1
            self._on_shown()
