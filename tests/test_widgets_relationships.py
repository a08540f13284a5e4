"""Tests of the relationship tracker widget, driven headless: fill fields, press buttons, check file and funnel."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

import ssi_kit
from ssi_kit import SSIInputError
from ssi_kit.plots import plot_funnel
from ssi_kit.relationships import add_contact, load_tracker, new_tracker, remove_contact, save_tracker
from ssi_kit.widgets import relationship_tracker


def _fill(w, name, stage, last="", step=""):
    w.name.value, w.stage.value, w.last_interaction.value, w.next_step.value = name, stage, last, step


def test_starts_empty_and_writes_nothing(tmp_path):
    """A new file is not created until someone is added; the funnel shows zeros."""
    w = relationship_tracker(tmp_path / "rel.sqlite")
    assert isinstance(w.figure, go.FigureWidget)
    assert list(w.figure.data[0].x) == [0] * 6
    assert not (tmp_path / "rel.sqlite").exists()
    assert "Todavía no hay nadie" in w.table.value


def test_add_saves_and_updates_funnel_in_place(tmp_path):
    """Adding saves the file and changes the same funnel trace; the table shows the suggested step."""
    path = tmp_path / "rel.sqlite"
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
    path = tmp_path / "rel.sqlite"
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
    path = tmp_path / "rel.sqlite"
    save_tracker(add_contact(new_tracker(), "Eva", stage="encuentro", last_interaction="2025-03-15",
                             next_step="Llamarla"), path=path)
    w = relationship_tracker(path)
    w.contacts.value = "Eva"
    assert (w.name.value, w.stage.value, w.last_interaction.value, w.next_step.value) == (
        "Eva", "encuentro", "15/03/2025", "Llamarla")


def test_mistakes_are_shown_not_raised(tmp_path):
    """An empty name or a bad date shows a red message and changes nothing."""
    path = tmp_path / "rel.sqlite"
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
    other = tmp_path / "otro.sqlite"
    save_tracker(add_contact(new_tracker(), "Luis", stage="confianza"), path=other)
    w = relationship_tracker(tmp_path / "rel.sqlite")
    w.path.value = str(other)
    assert list(w.contacts.options) == ["Luis"] and w.figure.data[0].x[-1] == 1
    (tmp_path / "malo.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    w.path.value = str(tmp_path / "malo.csv")
    assert "no parece" in w.message.value


def test_each_save_shows_what_other_windows_saved(tmp_path):
    """Two windows on one file: each save keeps the other's contacts and shows them (funnel, list, table)."""
    path = tmp_path / "rel.sqlite"
    first, second = relationship_tracker(path), relationship_tracker(path)
    _fill(first, "Ana Ruiz", "confianza")
    first.add()
    _fill(second, "Luis Gil", "conexion")
    second.add()
    assert list(second.contacts.options) == ["Ana Ruiz", "Luis Gil"] and "Ana Ruiz" in second.table.value
    assert list(second.figure.data[0].x) == [1, 0, 0, 0, 0, 1]
    second.name.value = "Luis Gil"
    second.remove()
    _fill(first, "Eva Sanz", "encuentro")
    first.add()
    assert load_tracker(path)["name"].tolist() == ["Ana Ruiz", "Eva Sanz"]
    assert list(first.contacts.options) == ["Ana Ruiz", "Eva Sanz"]


def test_removing_in_one_window_is_not_undone_by_another(tmp_path):
    """A contact removed in one window stays removed when another window (that still shows it) saves."""
    path = tmp_path / "rel.sqlite"
    save_tracker(add_contact(add_contact(new_tracker(), "Ana"), "Luis"), path=path)
    first, second = relationship_tracker(path), relationship_tracker(path)
    save_tracker(remove_contact(load_tracker(path), "Ana"), path=path)
    _fill(second, "Eva", "conexion")
    second.add()
    assert load_tracker(path)["name"].tolist() == ["Luis", "Eva"]
    assert list(first.contacts.options) == ["Ana", "Luis"]  # not saved since: shows what it read


def test_a_csv_file_is_read_and_saving_points_to_the_export(tmp_path):
    """A .csv typed as the file is read (an import); adding says the tracker is saved as .sqlite, CSV by export."""
    csv = tmp_path / "viejo.csv"
    csv.write_text("nombre,etapa\nAna,confianza\n", encoding="utf-8")
    w = relationship_tracker(csv)
    assert list(w.contacts.options) == ["Ana"]
    _fill(w, "Luis", "conexion")
    w.add()
    assert "export_tracker" in w.message.value and csv.read_text(encoding="utf-8") == "nombre,etapa\nAna,confianza\n"


def test_bad_file_at_start(tmp_path):
    """A file that is not a tracker is refused before building the widget."""
    (tmp_path / "malo.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(SSIInputError, match="no parece"):
        relationship_tracker(tmp_path / "malo.csv")


def test_english_labels(tmp_path):
    """Controls follow set_language."""
    ssi_kit.set_language("en")
    w = relationship_tracker(tmp_path / "rel.sqlite")
    assert w.save_button.description == "Add or update" and w.stage.options[-1] == ("Trust", "confianza")
