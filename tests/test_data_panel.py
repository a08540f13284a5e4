"""The data panel at the top of every lesson, driven as a learner would, headless."""

from __future__ import annotations

import io
import zipfile

import pytest

import ssi_kit
from ssi_kit.profile import current_profile, profile_path
from ssi_kit.widgets import follow, tus_datos


@pytest.fixture(autouse=True)
def _private_home(tmp_path, monkeypatch):
    monkeypatch.setenv("SSI_KIT_HOME", str(tmp_path / "home"))
    from ssi_kit.profile import discard_session

    discard_session()
    yield
    discard_session()


def type_pillars(panel, *values: str) -> None:
    for box, value in zip(panel.pillars.values(), values):
        box.value = value


def test_a_learner_who_gave_nothing_sees_the_example():
    """No data: the panel says so, and the lesson's data is the example's."""
    panel = tus_datos()
    assert "Estás usando el ejemplo" in panel.status.value
    assert panel.value.ssi == ssi_kit.load_dataset("ssi_ejemplo").member


def test_session_only_writes_nothing(tmp_path):
    """«Usar estos datos» without «Guardar en este equipo» keeps the data in memory only."""
    panel = tus_datos()
    type_pillars(panel, "12,5", "8", "5,25", "10")
    panel.apply()
    assert panel.value.ssi.total == 35.75 and "solo en esta sesión" in panel.message.value
    assert not profile_path().exists()


def test_saved_data_reaches_another_lesson():
    """Saved in one lesson's panel, a second panel (another lesson) uses it; an output follows the change."""
    first = tus_datos()
    shown = follow(first, lambda data: f"total {data.ssi.total}")
    type_pillars(first, "12,5", "8", "5,25", "10")
    first.save.value = True
    first.apply()
    assert "35.75" in shown.html.value and profile_path().exists()
    second = tus_datos()
    assert second.value.ssi.total == 35.75 and "Guardados en este equipo" in second.status.value
    assert second.pillars["brand"].value == "12,5"


def test_a_mistake_is_shown_and_nothing_changes():
    """A pillar over 25 is a Spanish message in the panel; the data in use stays as it was."""
    panel = tus_datos()
    before = panel.value
    type_pillars(panel, "30", "8", "5", "10")
    panel.apply()
    assert "entre 0 y 25" in panel.message.value and panel.value == before


def test_pasted_page_fills_the_boxes():
    """The four numbers pasted (as in the page) fill the boxes; applying uses them."""
    panel = tus_datos()
    panel.pasted.value = "13,118; 8,205; 4,9; 9,877"
    panel.read_pasted()
    assert [b.value for b in panel.pillars.values()] == ["13,118", "8,205", "4,9", "9,877"]
    panel.apply()
    assert panel.value.ssi.total == pytest.approx(36.1)


def test_uploaded_export_is_used():
    """The LinkedIn .zip uploaded through the panel becomes the lesson's connections."""
    csv = ssi_kit.data_path("conexiones_ejemplo.csv").read_bytes()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Basic_LinkedInDataExport/Connections.csv", csv)
    panel = tus_datos()
    panel.export.value = ({"name": "export.zip", "type": "application/zip", "size": len(buffer.getvalue()),
                           "content": memoryview(buffer.getvalue()),
                           "last_modified": __import__("datetime").datetime(2026, 1, 1)},)
    assert "Connections.csv" in panel.message.value
    panel.apply()
    assert "connections_table" not in panel.value.from_example and len(panel.value.connections_table) == 500


def test_forget_goes_back_to_the_example():
    """«Olvidar mis datos» (after confirming) deletes the saved data: the example again."""
    panel = tus_datos()
    type_pillars(panel, "12,5", "8", "5,25", "10")
    panel.save.value = True
    panel.apply()
    panel.forget_button.click()
    panel.forget_confirm.yes_button.click()
    assert not profile_path().exists() and "Estás usando el ejemplo" in panel.status.value
    assert current_profile().is_empty


def test_a_page_showing_the_panel_reads_the_store_again():
    """A panel built before another lesson saved shows the new data when a page shows it."""
    panel = tus_datos()
    other = tus_datos()
    type_pillars(other, "1", "2", "3", "4")
    other.save.value = True
    other.apply()
    assert panel.value.ssi.total != 10
    panel.shown._received(panel.shown, {"event": "shown"}, [])  # what the browser sends on drawing it
    assert panel.value.ssi.total == 10 and panel.shown.shown == 1
