"""The learner's progress as the exercise and quiz widgets use it.

Reading, recording and resetting go through :mod:`ssi_kit.progress` (the one store); a problem
with the file comes back as a message for the widget to show, never as an exception into the
page. The widgets of a lesson built in this kernel are remembered (weakly), so resetting the
lesson from one of them clears them all.
"""

from __future__ import annotations

import weakref
from typing import Protocol

from .._i18n import tr
from ..errors import SSIInputError, SSITypeError
from ..progress import lesson_progress, record_outcome, reset_lesson

__all__ = ["Refreshable", "read_lesson", "record", "reset", "watch"]


class Refreshable(Protocol):
    """A widget that shows a lesson's progress and can read it again."""

    def refresh(self) -> None: ...


_LIVE: dict[str, weakref.WeakSet[Refreshable]] = {}


def _problem(error: Exception, *, writing: bool) -> str:
    detail = str(error) if isinstance(error, (SSIInputError, SSITypeError)) else type(error).__name__
    if writing:
        return tr("No pude guardar tu progreso: {d}", "I could not save your progress: {d}", d=detail)
    return tr("No pude leer tu progreso: {d}", "I could not read your progress: {d}", d=detail)


def read_lesson(lesson: str) -> tuple[dict[str, str], str]:
    """``(outcomes, problem)``: the latest outcome of each question of ``lesson``, or ``{}`` and why not."""
    try:
        return lesson_progress(lesson), ""
    except Exception as error:  # the page goes on; the widget says why progress is missing
        return {}, _problem(error, writing=False)


def record(lesson: str, key: str, status: str) -> str:
    """Keep ``status`` for question ``key`` of ``lesson``; ``""`` or what went wrong."""
    try:
        record_outcome(lesson, key, status)
    except Exception as error:  # shown in the widget, never raised into the page
        return _problem(error, writing=True)
    return ""


def watch(lesson: str, widget: Refreshable) -> None:
    """Remember ``widget`` (weakly) so :func:`reset` refreshes it."""
    _LIVE.setdefault(lesson, weakref.WeakSet()).add(widget)


def reset(lesson: str) -> str:
    """Forget ``lesson``'s outcomes and refresh its widgets; ``""`` or what went wrong."""
    try:
        reset_lesson(lesson)
    except Exception as error:
        return _problem(error, writing=True)
    for widget in list(_LIVE.get(lesson, ())):
        widget.refresh()
    return ""
