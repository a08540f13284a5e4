"""Tests of the relationship tracker widget, driven headless: fill fields, press buttons, check file and funnel."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

import ssi_kit
from ssi_kit import SSIInputError
from ssi_kit.plots import plot_funnel
from ssi_kit.relationships import add_contact, load_tracker, new_tracker, save_tracker
from ssi_kit.widgets import relationship_tracker


def _fill(w, name, stage, last="", step=""):
    w.name.value, w.stage.value, w.last_interaction.value, w.next_step.value = name, stage, last, step


def test_starts_empty_and_writes_nothing(tmp_path):
    """A new file is not created until someone is added; the funnel shows zeros."""
    w = relationship_tracker(tmp_path / "rel.csv")
    assert isinstance(w.figure, go.FigureWidget)
    assert list(w.figure.data[0].x) == [0] * 6
    assert not (tmp_path / "rel.csv").exists()
    assert "Todavía no hay nadie" in w.table.value


def test_add_saves_and_updates_funnel_in_place(tmp_path):
    """Adding saves the file and changes the same funnel trace; the table shows the suggested step."""
    path = tmp_path / "rel.csv"
    w = relationship_tracker(path)
    trace = w.figure.data[0]
    _fill(w, "Ana Ruiz", "colaboracion", "01/06/2025")
    w.add()
    assert w.figure.data[0] is trace
    assert list(w.figure.data[0].x) == list(plot_funnel(load_tracker(path)).data[0].x)
    assert load_tracker(path)["name"].tolist() == ["Ana Ruiz"]
    assert "Guardado" in w.message.value and "Ana Ruiz" in w.table.value
    assert list(w.contacts.options) == ["Ana Ruiz"]


def test_same_name_updates_and_remove(tmp_path):
    """Adding a name already there updates its row; Quitar removes it; both save."""
    path = tmp_path / "rel.csv"
    w = relationship_tracker(path)
    _fill(w, "Ana Ruiz", "conexion")
    w.add()
    _fill(w, "ana ruiz", "confianza", step="Invitarla al evento")
    w.add()
    saved = load_tracker(path)
    assert saved["stage"].tolist() == ["confianza"] and saved["next_step"].tolist() == ["Invitarla al evento"]
    w.name.value = "Ana Ruiz"
    w.remove()
    assert load_tracker(path).empty and list(w.figure.data[0].x) == [0] * 6


def test_selecting_fills_the_fields(tmp_path):
    """Choosing a contact in the list fills name, stage, date and step with their row."""
    path = tmp_path / "rel.csv"
    save_tracker(add_contact(new_tracker(), "Eva", stage="encuentro", last_interaction="2025-03-15",
                             next_step="Llamarla"), path)
    w = relationship_tracker(path)
    w.contacts.value = "Eva"
    assert (w.name.value, w.stage.value, w.last_interaction.value, w.next_step.value) == (
        "Eva", "encuentro", "15/03/2025", "Llamarla")


def test_mistakes_are_shown_not_raised(tmp_path):
    """An empty name or a bad date shows a red message and changes nothing."""
    path = tmp_path / "rel.csv"
    w = relationship_tracker(path)
    _fill(w, "", "conexion")
    w.add()
    assert "color" in w.message.value and "«name»" in w.message.value
    _fill(w, "Ana", "conexion", "ayer")
    w.add()
    assert "fecha" in w.message.value and not path.exists()
    w.name.value = "Nadie"
    w.remove()
    assert "no está" in w.message.value


def test_changing_the_file_loads_it(tmp_path):
    """Typing another path loads that file; a bad file is reported, not raised."""
    other = tmp_path / "otro.csv"
    save_tracker(add_contact(new_tracker(), "Luis", stage="confianza"), other)
    w = relationship_tracker(tmp_path / "rel.csv")
    w.path.value = str(other)
    assert list(w.contacts.options) == ["Luis"] and w.figure.data[0].x[-1] == 1
    (tmp_path / "malo.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    w.path.value = str(tmp_path / "malo.csv")
    assert "no parece" in w.message.value


def test_bad_file_at_start(tmp_path):
    """A file that is not a tracker is refused before building the widget."""
    (tmp_path / "malo.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(SSIInputError, match="no parece"):
        relationship_tracker(tmp_path / "malo.csv")


def test_english_labels(tmp_path):
    """Controls follow set_language."""
    ssi_kit.set_language("en")
    w = relationship_tracker(tmp_path / "rel.csv")
    assert w.save_button.description == "Add or update" and w.stage.options[-1] == ("Trust", "confianza")
