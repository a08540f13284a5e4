"""Errors raised for a learner's input: plain subclasses of ValueError/TypeError.

Messages are written for learners, in the current language (Spanish by default), and say
what was expected, what was received and, where a mistake is predictable, how to fix it.

In a notebook these errors show as a short coloured box with the message, not as a
traceback through ssi-kit's source. ``ssi_kit.show_tracebacks(True)`` brings the full
traceback back (for whoever is debugging ssi-kit itself).
"""

from __future__ import annotations

from typing import Any

__all__ = ["SSIInputError", "SSITypeError", "SSIWarning"]

_full_tracebacks = False

_RED = "\x1b[1;31m"
_BLUE = "\x1b[34m"
_RESET = "\x1b[0m"


def set_full_tracebacks(show: bool) -> None:
    """The switch behind ``ssi_kit.show_tracebacks`` (which checks the value: this module stays
    below the translations its message needs)."""
    global _full_tracebacks
    _full_tracebacks = show


class _LearnerError(Exception):
    """What both error types share: the values at fault and a short notebook rendering."""

    def __init__(self, message: str, *, field: str | None = None, received: Any = None, hint: str = "") -> None:
        hint = hint.strip()
        super().__init__(f"{message} {hint}" if hint else message)
        self.message = message
        self.hint = hint
        self.field = field
        self.received = received

    def __getattribute__(self, name: str) -> Any:
        # IPython shows an exception by its _render_traceback_() when it has one; hiding the
        # method (AttributeError) gives the usual traceback back.
        if name == "_render_traceback_" and _full_tracebacks:
            raise AttributeError(name)
        return super().__getattribute__(name)

    def _render_traceback_(self) -> list[str]:
        lines = [f"{_RED}{type(self).__name__}{_RESET}: {self.message}"]
        if self.hint:  # an arrow, not a word: this module stays below the translations
            lines.append(f"{_BLUE}→{_RESET} {self.hint}")
        return lines


class SSIInputError(_LearnerError, ValueError):
    """A value a learner gave is not valid (out of range, unreadable, inconsistent...).

    Attributes
    ----------
    message : str
        The message without the hint.
    hint : str
        How to fix the predictable mistake ("" when there is none).
    field : str or None
        The pillar, column or argument at fault, when there is one.
    received : Any
        What was received, for programs that want to react to it.
    """


class SSITypeError(_LearnerError, TypeError):
    """An argument has a type that ssi-kit cannot use (e.g. a list where a number goes)."""


class SSIWarning(UserWarning):
    """Something in a learner's data was read with a guess (e.g. dates that could not be read)."""

