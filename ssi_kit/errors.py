"""Errors raised for a learner's input: plain subclasses of ValueError/TypeError.

Messages are written for learners, in the current language (Spanish by default), and say
what was expected, what was received and, where a mistake is predictable, how to fix it.
"""

from __future__ import annotations

from typing import Any

__all__ = ["SSIInputError", "SSITypeError"]


class SSIInputError(ValueError):
    """A value a learner gave is not valid (out of range, unreadable, inconsistent...).

    Attributes
    ----------
    field : str or None
        The pillar, column or argument at fault, when there is one.
    received : Any
        What was received, for programs that want to react to it.
    """

    def __init__(self, message: str, *, field: str | None = None, received: Any = None) -> None:
        super().__init__(message)
        self.field = field
        self.received = received


class SSITypeError(TypeError):
    """An argument has a type that ssi-kit cannot use (e.g. a list where a number goes)."""

    def __init__(self, message: str, *, field: str | None = None, received: Any = None) -> None:
        super().__init__(message)
        self.field = field
        self.received = received
