"""Your progress through the course: the latest outcome of each exercise and quiz question.

As in Kaggle's learntools, every check is an *outcome event*: ``correct``, ``incorrect`` or
``solution`` (the solution was shown); a question with no event is not attempted. The latest
outcome of each question is kept in ``progreso.sqlite`` in your user folder (the one store,
:mod:`ssi_kit._store`), so the course home can say «3 de 4 ejercicios» in any lesson, in
JupyterLab or in Voilà. It holds no personal data: only which questions you got right. Nothing
leaves your machine; :func:`reset_lesson` starts a lesson again.
"""

from __future__ import annotations

import datetime as dt
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from ._checks import check_choice, check_type
from ._i18n import tr
from ._store import StoreKind, readable_text, store_path, transaction, warn_unreadable_row
from .errors import SSIInputError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["OUTCOMES", "PROGRESS_FILE", "course_progress", "lesson_progress", "progress_path", "record_outcome",
           "reset_lesson"]

PROGRESS_FILE = "progreso.sqlite"
OUTCOMES = ("correct", "incorrect", "solution")
"""The events a check records: a right answer, a wrong one, the solution shown."""

_SCHEMA = """
CREATE TABLE outcomes (
    lesson TEXT NOT NULL,
    exercise TEXT NOT NULL,
    status TEXT NOT NULL,
    solution_seen INTEGER NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (lesson, exercise)
);
"""
_PROGRESS = StoreKind(
    application_id=0x53534947,  # "SSIG"
    version=1, schema=_SCHEMA, file_name=PROGRESS_FILE,
    tables={"outcomes": ("lesson", "exercise", "status", "solution_seen", "attempts", "updated_at")},
    the=("tu progreso", "your progress"), a=("un archivo de progreso de ssi-kit", "an ssi-kit progress file"),
)
_COLUMNS = ("lesson", "exercise", "status", "solution_seen", "attempts", "updated_at")


def progress_path(path: str | PathLike[str] | None = None) -> Path:
    """The progress file: ``progreso.sqlite`` in your user folder when ``path`` is None.

    >>> progress_path("mi_progreso.sqlite").name
    'mi_progreso.sqlite'
    """
    return store_path(path, _PROGRESS)


def _key(value: object, name: str) -> str:
    """A lesson (``"01"``) or question (``"q1"``, ``"quiz2"``) key: short text."""
    text: str = check_type(value, str, name=name, expected=tr("un texto corto, como «01» o «q1»",  # type: ignore[assignment]
                                                              "short text, such as '01' or 'q1'"))
    key = text.strip()
    if not key or len(key) > 40:
        raise SSIInputError(tr("«{n}» debe tener entre 1 y 40 caracteres.", "'{n}' must have 1 to 40 characters.",
                               n=name), field=name, received=value)
    return key


def record_outcome(lesson: str, exercise: str, status: str, *, path: str | PathLike[str] | None = None) -> None:
    """Keep the latest outcome of one question (``status``: ``correct``, ``incorrect`` or ``solution``).

    Seeing the solution is remembered (``solution_seen``) even after a later right answer, as
    learntools does; attempts are counted.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> where = pathlib.Path(tempfile.mkdtemp()) / "progreso.sqlite"
    >>> record_outcome("01", "q1", "incorrect", path=where)
    >>> record_outcome("01", "q1", "correct", path=where)
    >>> lesson_progress("01", path=where)
    {'q1': 'correct'}
    """
    lesson, exercise = _key(lesson, "lesson"), _key(exercise, "exercise")
    status = check_choice(status, OUTCOMES, name="status")
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with transaction(path, _PROGRESS, write=True) as connection:
        assert connection is not None
        connection.execute(
            "INSERT INTO outcomes (lesson, exercise, status, solution_seen, attempts, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(lesson, exercise) DO UPDATE SET"
            " status = excluded.status, solution_seen = max(solution_seen, excluded.solution_seen),"
            " attempts = attempts + excluded.attempts, updated_at = excluded.updated_at",
            (lesson, exercise, status, int(status == "solution"), int(status != "solution"), now),
        )


def _rows(path: str | PathLike[str] | None, lesson: str | None = None) -> list[tuple[object, ...]]:
    with transaction(path, _PROGRESS, write=False) as connection:
        if connection is None:
            return []
        query = f"SELECT {', '.join(_COLUMNS)} FROM outcomes"
        rows = connection.execute(query + (" WHERE lesson = ?" if lesson else "") + " ORDER BY lesson, exercise",
                                  (lesson,) if lesson else ()).fetchall()
    good = []
    for number, row in enumerate(rows, start=1):
        if all(readable_text(v) for v in row[:3]) and row[2] in OUTCOMES:
            good.append(row)
        else:  # a row edited by hand: skipped, the rest is still your progress
            warn_unreadable_row(progress_path(path), _PROGRESS, tr("la fila {n}", "row {n}", n=number),
                                tr("su resultado no es uno de los que se guardan", "its outcome is not one kept"),
                                stacklevel=4)
    return good


def lesson_progress(lesson: str, *, path: str | PathLike[str] | None = None) -> dict[str, str]:
    """The latest outcome of each question of ``lesson`` that has one (``{"q1": "correct", …}``)."""
    lesson = _key(lesson, "lesson")
    return {str(row[1]): str(row[2]) for row in _rows(path, lesson)}


def course_progress(*, path: str | PathLike[str] | None = None) -> pd.DataFrame:
    """Every question with an outcome: ``lesson, exercise, status, solution_seen, attempts, updated_at``."""
    import pandas as pd

    frame = pd.DataFrame(_rows(path), columns=list(_COLUMNS))
    frame["solution_seen"] = frame["solution_seen"].astype(bool)
    frame["attempts"] = pd.to_numeric(frame["attempts"], errors="coerce").fillna(0).astype(int)
    return frame


def reset_lesson(lesson: str, *, path: str | PathLike[str] | None = None) -> int:
    """Forget every outcome of ``lesson`` (to do it again); returns how many questions were forgotten.

    >>> import tempfile, pathlib
    >>> where = pathlib.Path(tempfile.mkdtemp()) / "progreso.sqlite"
    >>> record_outcome("02", "q1", "correct", path=where)
    >>> reset_lesson("02", path=where), lesson_progress("02", path=where)
    (1, {})
    """
    lesson = _key(lesson, "lesson")
    with transaction(path, _PROGRESS, write=False) as reader:
        if reader is None:
            return 0
    with transaction(path, _PROGRESS, write=True) as connection:
        assert connection is not None
        return int(connection.execute("DELETE FROM outcomes WHERE lesson = ?", (lesson,)).rowcount)
