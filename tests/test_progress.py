"""The learner's progress: the latest outcome of each question, kept in the one store."""

from __future__ import annotations

import pytest

from ssi_kit import SSIInputError, SSITypeError
from ssi_kit.progress import course_progress, lesson_progress, progress_path, record_outcome, reset_lesson


@pytest.fixture(autouse=True)
def _private_home(tmp_path, monkeypatch):
    monkeypatch.setenv("SSI_KIT_HOME", str(tmp_path / "home"))


def test_latest_outcome_wins_and_attempts_count():
    """Wrong then right: the lesson shows «correct», with two attempts counted."""
    record_outcome("01", "q1", "incorrect")
    record_outcome("01", "q1", "correct")
    record_outcome("01", "q2", "incorrect")
    assert lesson_progress("01") == {"q1": "correct", "q2": "incorrect"}
    frame = course_progress()
    assert frame.set_index("exercise").loc["q1", "attempts"] == 2


def test_solution_seen_is_remembered():
    """Seeing the solution is kept even after a later right answer (learntools' outcome events)."""
    record_outcome("02", "q3", "solution")
    record_outcome("02", "q3", "correct")
    row = course_progress().iloc[0]
    assert row["status"] == "correct" and bool(row["solution_seen"])


def test_reset_one_lesson_only():
    """Resetting a lesson forgets its questions and keeps the others'."""
    record_outcome("01", "q1", "correct")
    record_outcome("02", "q1", "correct")
    assert reset_lesson("01") == 1
    assert lesson_progress("01") == {} and lesson_progress("02") == {"q1": "correct"}


def test_nothing_recorded_creates_nothing(tmp_path):
    """Reading progress never creates the file."""
    assert lesson_progress("01") == {} and course_progress().empty and reset_lesson("01") == 0
    assert not progress_path().exists()


@pytest.mark.parametrize(("args", "error"), [
    (("01", "q1", "bien"), SSIInputError), ((1, "q1", "correct"), SSITypeError), (("", "q1", "correct"), SSIInputError),
    (("01", "q" * 41, "correct"), SSIInputError),
])
def test_bad_values_are_our_errors(args, error):
    """An unknown outcome, or keys that are not short text, get our errors."""
    with pytest.raises(error):
        record_outcome(*args)
