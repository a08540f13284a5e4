"""Every figure the lessons state that is not in the course is listed, with its source, in data/fuentes.csv."""

from __future__ import annotations

import csv
import importlib
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "data" / "fuentes.csv"
COLUMNS = ["cifra", "valor", "constante", "lecciones", "tipo", "fuente", "url", "fecha"]
ASSUMPTION = "supuesto docente de ssi-kit"

# Constants of the library that carry a figure from outside the course.
CONSTANTS = [
    "ssi_kit.score.LEADER_THRESHOLD",
    "ssi_kit.score.LAGGARD_THRESHOLD",
    "ssi_kit.network.AVG_CONNECTIONS",
    "ssi_kit.network.DEFAULT_OVERLAP",
    "ssi_kit.network.MEMBERS",
    "ssi_kit.network.MAX_CONNECTIONS",
    # the teaching model of lessons 02, 02b and 06, and the tracker of lesson 05
    "ssi_kit.simulation.DECAY",
    "ssi_kit.simulation.FLOOR_FRACTION",
    "ssi_kit.simulation.BAND_SIGMA",
    "ssi_kit.relationships.STALE_DAYS",
]
# «Calibración …: desde un SSI de 25, el mejor plan de N min/semana llega a unos X en W semanas»
CALIBRATION = re.compile(r"mejor plan de (\d+) min/semana llega a unos (\d+) en (\d+) semanas")


def _rows() -> list[dict[str, str]]:
    with SOURCES.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _resolve(dotted: str) -> object:
    module, _, name = dotted.rpartition(".")
    return getattr(importlib.import_module(module), name)


def _values(value: object) -> list[float]:
    if isinstance(value, dict):
        return [float(v) for k, v in value.items() if k != 1]  # the course gives the 1st degree
    return [float(value)]  # type: ignore[arg-type]


def _markdown(lesson: str) -> str:
    from ssi_kit.course import lesson as lesson_of

    path = ROOT / "lessons" / lesson_of(lesson).file
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def test_file_has_the_columns():
    """fuentes.csv keeps its columns, so the lessons and this test can read it."""
    with SOURCES.open(encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == COLUMNS


@pytest.mark.parametrize("dotted", CONSTANTS)
def test_each_constant_is_listed(dotted):
    """A figure the library uses as a constant has a row in fuentes.csv."""
    assert dotted in {row["constante"] for row in _rows()}


@pytest.mark.parametrize("row", _rows(), ids=lambda r: r["constante"] or r["cifra"][:30])
def test_row_matches_the_library(row):
    """A row naming a constant states the value the library really uses."""
    if not row["constante"]:
        return
    stated = [float(v) for v in row["valor"].split()]
    assert stated == pytest.approx(_values(_resolve(row["constante"])))


@pytest.mark.parametrize("row", _rows(), ids=lambda r: r["constante"] or r["cifra"][:30])
def test_row_is_sourced_and_dated(row):
    """Each figure says where it comes from and when; a teaching assumption says so."""
    assert row["tipo"] in ("fuente pública", ASSUMPTION)
    assert row["fuente"].strip() and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", row["fecha"])
    if row["tipo"] == "fuente pública":
        assert row["url"].startswith("https://")


@pytest.mark.parametrize("row", _rows(), ids=lambda r: r["constante"] or r["cifra"][:30])
def test_lessons_point_to_the_sources(row):
    """A lesson that states a figure from outside the course points the learner to fuentes.csv."""
    for lesson in row["lecciones"].split():
        assert "fuentes.csv" in _markdown(lesson), f"lesson {lesson} does not cite data/fuentes.csv"


def test_the_calibration_is_listed():
    """The model's calibration that lesson 02 states (2 h ≈ 60, 3 h ≈ 69) has its rows."""
    stated = {CALIBRATION.search(row["cifra"]).group(1) for row in _rows() if CALIBRATION.search(row["cifra"])}
    assert stated >= {"120", "180"}


@pytest.mark.parametrize("row", [r for r in _rows() if CALIBRATION.search(r["cifra"])], ids=lambda r: r["cifra"][:60])
def test_calibration_rows_match_the_model(row):
    """A calibration row states, to the unit, what the model really projects from the typical 25."""
    from ssi_kit import SSI, best_plan

    minutes, total, weeks = (int(v) for v in CALIBRATION.search(row["cifra"]).groups())
    assert row["tipo"] == ASSUMPTION
    assert best_plan(SSI(6, 6, 5, 8), minutes, weeks=weeks).total == pytest.approx(float(row["valor"]), abs=0.6)
    assert total == int(row["valor"])
