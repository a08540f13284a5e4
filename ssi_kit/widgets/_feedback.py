"""How every widget shows a learner's mistake: the message, escaped, in the error colour."""

from __future__ import annotations

import html

from .._palette import ERROR_COLOR

__all__ = ["error_html"]


def error_html(error: Exception | str) -> str:
    """An error message as safe HTML for an ``ipywidgets.HTML``: escaped, in the error colour."""
    return f'<span style="color:{ERROR_COLOR}">{html.escape(str(error))}</span>'
