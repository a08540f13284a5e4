"""The course's shape: every lesson listed, linked to the home and the next, opening with the data panel."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from ssi_kit.course import HOME, LESSONS, lesson, next_lesson

FOLDER = Path(__file__).resolve().parent.parent / "lessons"


def _cells(name: str) -> list:
    return nbformat.read(FOLDER / name, as_version=4).cells


def test_every_notebook_is_a_listed_lesson_and_back():
    """The lessons folder holds the home and exactly the listed lessons."""
    assert sorted(p.name for p in FOLDER.glob("*.ipynb")) == sorted([HOME, *(each.file for each in LESSONS)])


@pytest.mark.parametrize("each", LESSONS, ids=lambda each: each.key)
def test_links_to_the_home_and_the_next_lesson(each):
    """Each lesson starts with a link back to the home and ends with «Siguiente lección» (or the end)."""
    cells = _cells(each.file)
    assert f"]({HOME})" in cells[0].source.split("\n")[0]
    following = next_lesson(each.key)
    last = cells[-1].source
    assert f"]({HOME})" in last
    if following is not None:
        assert f"Siguiente lección: {following.title} →]({following.file})" in last


@pytest.mark.parametrize("each", [e for e in LESSONS if e.key not in ("00", "02b")], ids=lambda each: each.key)
def test_the_data_panel_is_the_first_output(each):
    """Lessons 01–06: the first code cell (plumbing, which Voilà hides) builds the data panel and the next one,
    which every mode shows, shows it; no cell asks to edit code."""
    cells = _cells(each.file)
    first, second = [c for c in cells if c.cell_type == "code"][:2]
    assert "datos = tus_datos()" in first.source and "plumbing" in first.metadata.get("tags", [])
    assert second.source.strip() == "datos" and "plumbing" not in second.metadata.get("tags", [])
    assert not any("____" in c.source for c in cells if c.cell_type == "code")


@pytest.mark.parametrize("each", LESSONS, ids=lambda each: each.key)
def test_objectives_and_minutes_at_the_top(each):
    """Each lesson says what it is about and how long it takes, with the registry's minutes."""
    top = _cells(each.file)[0].source
    assert f"unos {each.minutes} minutos" in top


@pytest.mark.parametrize("each", LESSONS, ids=lambda each: each.key)
def test_ends_with_this_week_on_linkedin(each):
    """Before its links, each lesson gives 3–5 actions for the week (on LinkedIn; with the class for teachers)."""
    cells = _cells(each.file)
    week = cells[-2].source
    heading = "## Esta semana con tu clase" if each.for_teachers else "## Esta semana en LinkedIn"
    assert week.startswith(heading)
    assert 3 <= sum(line.startswith("- ") for line in week.splitlines()) <= 5


GLOSSARY = f"]({HOME}#Glosario)"


@pytest.mark.parametrize("each", LESSONS, ids=lambda each: each.key)
def test_every_lesson_links_to_the_glossary(each):
    """Each lesson's first line links to the glossary, next to the link to the home."""
    assert GLOSSARY in _cells(each.file)[0].source.split("\n")[0]


def test_the_glossary_is_on_the_home():
    """The home has the glossary's heading (the link's anchor) and defines the course's words."""
    cells = [c.source for c in _cells(HOME) if c.cell_type == "markdown"]
    glossary = next(text for text in cells if text.startswith("## Glosario"))
    for word in ("**SSI**", "**Pilar**", "**Grado**", "**Suelo**", "**Banda**", "**Proyección**", "**Top %**"):
        assert word in glossary


def test_lesson_lookup_refuses_unknown_keys():
    """An unknown lesson key gets our error with the valid ones."""
    from ssi_kit import SSIInputError

    with pytest.raises(SSIInputError, match="«lesson» debe ser uno de"):
        lesson("07")
