"""Tests of ssi_kit.relationships: the ladder, the tracker and its file, the never-contacted share."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ssi_kit
from ssi_kit import SSIInputError, SSITypeError
from ssi_kit import relationships as rel

from .killing import kill_while_writing


def _tracker(*people):
    tracker = rel.new_tracker()
    for name, stage in people:
        tracker = rel.add_contact(tracker, name, stage=stage)
    return tracker


class TestLadder:
    def test_order_follows_the_course(self):
        """Connection first, then interaction, recognition, collaboration, meeting and trust last."""
        assert [s.key for s in rel.STAGES] == ["conexion", "interaccion", "reconocimiento", "colaboracion",
                                               "encuentro", "confianza"]

    @pytest.mark.parametrize(("typed", "key"), [("Colaboración", "colaboracion"), ("TRUST", "confianza"),
                                                ("llamada", "encuentro"), (" reconocimiento ", "reconocimiento")])
    def test_spellings(self, typed, key):
        """Stages are read in Spanish or English, with or without accents and capitals."""
        assert rel.stage_key(typed) == key

    def test_unknown_stage_suggests_the_closest(self):
        """A typo gets the list of stages and the closest one."""
        with pytest.raises(SSIInputError, match="debe ser una etapa") as info:
            rel.stage_key("confianz")
        assert "confianza" in info.value.hint

    def test_labels_follow_the_language(self):
        """Labels, meanings and steps are Spanish by default and English on request."""
        assert rel.stages()["label"].iloc[-1] == "Confianza"
        ssi_kit.set_language("en")
        assert rel.stages()["label"].iloc[-1] == "Trust"
        assert rel.stage_label("encuentro") == "Meeting in person or call"


class TestTracker:
    def test_add_update_remove_never_modify_the_input(self):
        """Each change returns a new tracker and leaves the one passed untouched."""
        empty = rel.new_tracker()
        one = rel.add_contact(empty, "Inés Vargas", stage="interaccion", last_interaction="01/06/2025")
        assert empty.empty and len(one) == 1
        moved = rel.update_contact(one, "ines vargas", stage="colaboracion")
        assert one["stage"].iloc[0] == "interaccion" and moved["stage"].iloc[0] == "colaboracion"
        assert moved["last_interaction"].iloc[0] == pd.Timestamp("2025-06-01")
        assert rel.remove_contact(moved, "INÉS VARGAS").empty

    def test_duplicate_and_missing_names(self):
        """Adding someone twice, or changing someone absent, says what to do instead."""
        one = _tracker(("Ana", "conexion"))
        with pytest.raises(SSIInputError, match="ya está") as info:
            rel.add_contact(one, "ana")
        assert "update_contact" in info.value.hint
        with pytest.raises(SSIInputError, match="no está"):
            rel.remove_contact(one, "Luis")

    @pytest.mark.parametrize("last", ["15.06.2025", "15/06/25", "2025-06-15T09:00:00Z", dt.datetime(2025, 6, 15, 9)])
    def test_last_interaction_in_any_accepted_form(self, last):
        """The last interaction is read like every date a learner types (check_date): the day is kept."""
        tracker = rel.add_contact(rel.new_tracker(), "Ana", last_interaction=last)
        assert tracker["last_interaction"].iloc[0] == pd.Timestamp("2025-06-15")

    @pytest.mark.parametrize("blank", [None, "", float("nan"), pd.NaT])
    def test_blank_last_interaction_is_none(self, blank):
        """A blank last interaction (None, empty text, NaN, NaT) means "not yet": an empty cell."""
        tracker = rel.add_contact(rel.new_tracker(), "Ana", last_interaction=blank)
        assert pd.isna(tracker["last_interaction"].iloc[0])

    @pytest.mark.parametrize(("kwargs", "error", "match"), [
        ({"name": ""}, SSIInputError, "entre 1 y"),
        ({"name": 3}, SSITypeError, "nombre de la persona"),
        ({"name": "Ana", "stage": "amistad"}, SSIInputError, "etapa"),
        ({"name": "Ana", "last_interaction": "ayer"}, SSIInputError, "fecha"),
        ({"name": "Ana", "last_interaction": "06/15/2025"}, SSIInputError, "«last_interaction» debe ser una fecha"),
        ({"name": "Ana", "last_interaction": 20250615}, SSITypeError, "«last_interaction» debe ser una fecha"),
        ({"name": "Ana", "next_step": 5}, SSITypeError, "next_step"),
    ])
    def test_bad_values(self, kwargs, error, match):
        """Every invalid value gets a learner's error naming it."""
        with pytest.raises(error, match=match):
            rel.add_contact(rel.new_tracker(), **kwargs)

    def test_not_a_tracker(self):
        """A table without the tracker's columns is refused with the columns missing."""
        with pytest.raises(SSIInputError, match="faltan las columnas"):
            rel.add_contact(pd.DataFrame({"x": [1]}), "Ana")

    def test_stage_counts_cover_every_stage(self):
        """Counts list every stage in order, zeros included, and 'reached' never grows up the ladder."""
        counts = rel.stage_counts(_tracker(("Ana", "confianza"), ("Luis", "conexion"), ("Eva", "conexion")))
        assert counts["stage"].tolist() == [s.key for s in rel.STAGES]
        assert counts["count"].sum() == 3 and counts["reached"].iloc[0] == 3
        assert counts["reached"].is_monotonic_decreasing

    def test_next_step_follows_the_stage_and_the_silence(self):
        """The suggestion is the stage's step; after two months of silence it starts by reconnecting."""
        assert rel.next_step("colaboracion") == rel.STAGES[3].step
        recent = rel.next_step("colaboracion", last_interaction="2025-05-20", today="2025-06-01")
        stale = rel.next_step("colaboracion", last_interaction="2025-01-01", today="2025-06-01")
        assert recent == rel.STAGES[3].step
        assert stale.startswith("Hace 151 días") and "retoma" in stale

    def test_own_next_step_wins(self):
        """A next step the learner wrote is kept as the suggestion."""
        tracker = rel.add_contact(rel.new_tracker(), "Ana", stage="reconocimiento", next_step="Llamarla")
        tracker = rel.add_contact(tracker, "Luis", stage="reconocimiento")
        assert rel.suggest_next_steps(tracker)["suggested"].tolist() == ["Llamarla", rel.STAGES[2].step]


class TestFile:
    def test_missing_file_is_an_empty_tracker(self, tmp_path):
        """Loading before the first save gives an empty tracker, and writes nothing."""
        assert rel.load_tracker(tmp_path / "nuevo.sqlite").empty
        assert list(tmp_path.iterdir()) == []

    def test_default_location_is_a_user_folder(self, tmp_path, monkeypatch):
        """Without path= the tracker goes to relaciones.sqlite in the per-user data folder, created when needed."""
        monkeypatch.delenv("SSI_KIT_HOME", raising=False)
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "datos"))
        saved = rel.save_tracker(_tracker(("Ana", "confianza")))
        assert saved == rel.tracker_path() and saved.name == "relaciones.sqlite"
        assert str(saved).startswith(str(tmp_path))
        assert rel.load_tracker()["name"].tolist() == ["Ana"]

    @given(st.lists(st.tuples(
        st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=30)
        .filter(lambda s: s.strip()),
        st.sampled_from([s.key for s in rel.STAGES]),
        st.one_of(st.none(), st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31))),
        st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=40),
    ), max_size=6, unique_by=lambda row: rel._plain(" ".join(row[0].split()))))
    def test_round_trip(self, rows):
        """Whatever the learner types (formulas, quotes, accents) comes back the same: saved, and exported to CSV."""
        import tempfile
        from pathlib import Path

        tracker = rel.new_tracker()
        for name, stage, last, step in rows:
            tracker = rel.add_contact(tracker, name, stage=stage, last_interaction=last, next_step=step)
        folder = Path(tempfile.mkdtemp())
        rel.save_tracker(tracker, path=folder / "rel.sqlite")
        pd.testing.assert_frame_equal(rel.load_tracker(folder / "rel.sqlite"), tracker)
        rel.export_tracker(tracker, folder / "rel.csv")
        pd.testing.assert_frame_equal(rel.load_tracker(folder / "rel.csv"), tracker)

    def test_spreadsheet_resave(self, tmp_path):
        """A CSV re-saved by a spreadsheet (semicolons, BOM, dd/mm/yyyy, English headers) is read."""
        path = tmp_path / "rel.csv"
        path.write_bytes("\ufeffName;Stage;Last interaction;Next step\r\nAna;Trust;15/03/2025;\r\n;;;\r\n"
                         .encode("utf-8"))
        tracker = rel.load_tracker(path)
        assert tracker["stage"].tolist() == ["confianza"]
        assert tracker["last_interaction"].iloc[0] == pd.Timestamp("2025-03-15")

    def test_bad_file_names_the_line(self, tmp_path):
        """An unknown stage in a CSV gives the line, and a file without headers says so."""
        path = tmp_path / "rel.csv"
        path.write_text("nombre,etapa\nAna,confianza\nLuis,amistad\n", encoding="utf-8")
        with pytest.raises(SSIInputError, match="Línea 3"):
            rel.load_tracker(path)
        path.write_text("a,b\n1,2\n", encoding="utf-8")
        with pytest.raises(SSIInputError, match="no parece un archivo de seguimiento"):
            rel.load_tracker(path)

    def test_missing_csv(self, tmp_path):
        """A CSV to import that is not there says so (it is not an empty tracker: nothing would save there)."""
        with pytest.raises(SSIInputError, match="No encuentro el archivo"):
            rel.load_tracker(tmp_path / "no_existe.csv")

    def test_saving_to_a_csv_points_to_the_export(self, tmp_path):
        """CSV is an export now: save_tracker refuses a .csv path and names export_tracker; nothing is written."""
        with pytest.raises(SSIInputError, match=r"se guarda en un archivo \.sqlite") as info:
            rel.save_tracker(_tracker(("Ana", "conexion")), path=tmp_path / "rel.csv")
        assert 'export_tracker(seguimiento, "' in info.value.hint
        assert list(tmp_path.iterdir()) == []

    def test_export_is_safe_and_never_replaces_without_overwrite(self, tmp_path):
        """The export has Spanish headers, a would-be formula neutralised, and keeps an existing file by default."""
        out = rel.export_tracker(_tracker(("=1+1", "confianza")), tmp_path / "copia.csv")
        assert out.read_text(encoding="utf-8-sig").splitlines() == [
            '"nombre","etapa","ultima_interaccion","siguiente_paso"', '"\'=1+1","confianza","",""']
        assert rel.load_tracker(out)["name"].tolist() == ["=1+1"]
        with pytest.raises(SSIInputError, match="Ya existe"):
            rel.export_tracker(_tracker(("Ana", "conexion")), out)
        with pytest.raises(SSIInputError, match="es una carpeta"):
            rel.export_tracker(_tracker(("Ana", "conexion")), tmp_path)
        rel.export_tracker(_tracker(("Ana", "conexion")), out, overwrite=True)
        assert rel.load_tracker(out)["name"].tolist() == ["Ana"]

    @pytest.mark.parametrize("suffix", [".sqlite", ".csv"])
    def test_name_too_long(self, tmp_path, suffix):
        """A file name too long for the system (ENAMETOOLONG) is our error for loading and saving, not an OSError."""
        path = tmp_path / ("x" * 300 + suffix)
        with pytest.raises(SSIInputError, match="es demasiado largo"):
            rel.load_tracker(path)
        with pytest.raises(SSIInputError, match=r"es demasiado largo|se guarda en un archivo \.sqlite"):
            rel.save_tracker(_tracker(("Ana", "conexion")), path=path)

    def test_bad_path(self):
        """A path that is not text is a type error."""
        with pytest.raises(SSITypeError, match="path"):
            rel.save_tracker(rel.new_tracker(), path=42)

    def test_one_person_twice_in_a_table_built_by_hand(self, tmp_path):
        """Two rows naming the same person (case and accents aside) are refused by row number, not by name."""
        table = pd.DataFrame({"name": ["Inés", "Luis", "ines"], "stage": ["conexion"] * 3,
                              "last_interaction": [None] * 3, "next_step": [""] * 3})
        with pytest.raises(SSIInputError, match="Las filas 1 y 3 de la tabla son la misma persona") as info:
            rel.save_tracker(table, path=tmp_path / "rel.sqlite")
        assert "Inés" not in str(info.value)


class TestMerge:
    """save_tracker merges person by person: nothing another window saved is lost."""

    @pytest.fixture
    def path(self, tmp_path):
        return tmp_path / "rel.sqlite"

    def test_two_windows_adding_keep_both(self, path):
        """Two trackers loaded from one file each add someone and save: both people are in the file."""
        first, second = rel.load_tracker(path), rel.load_tracker(path)
        rel.save_tracker(rel.add_contact(first, "Ana"), path=path)
        rel.save_tracker(rel.add_contact(second, "Luis"), path=path)
        assert rel.load_tracker(path)["name"].tolist() == ["Ana", "Luis"]

    def test_unchanged_rows_keep_the_other_windows_change(self, path):
        """A window that did not touch Ana does not undo another window's change to her."""
        rel.save_tracker(_tracker(("Ana", "conexion")), path=path)
        first, second = rel.load_tracker(path), rel.load_tracker(path)
        rel.save_tracker(rel.update_contact(second, "Ana", stage="confianza"), path=path)
        rel.save_tracker(rel.add_contact(first, "Luis"), path=path)
        assert rel.load_tracker(path)[["name", "stage"]].values.tolist() == [["Ana", "confianza"],
                                                                               ["Luis", "conexion"]]

    def test_removed_contacts_are_removed_and_stay_removed(self, path):
        """remove_contact then save removes; another window that still holds them does not bring them back."""
        rel.save_tracker(_tracker(("Ana", "conexion"), ("Luis", "conexion")), path=path)
        first, second = rel.load_tracker(path), rel.load_tracker(path)
        rel.save_tracker(rel.remove_contact(first, "ana"), path=path)
        rel.save_tracker(rel.add_contact(second, "Eva"), path=path)
        assert rel.load_tracker(path)["name"].tolist() == ["Luis", "Eva"]

    def test_removed_then_added_again(self, path):
        """Removing someone and adding them back before saving keeps them, with the new values."""
        rel.save_tracker(_tracker(("Ana", "conexion")), path=path)
        tracker = rel.add_contact(rel.remove_contact(rel.load_tracker(path), "Ana"), "Ana", stage="confianza")
        rel.save_tracker(tracker, path=path)
        assert rel.load_tracker(path)[["name", "stage"]].values.tolist() == [["Ana", "confianza"]]

    def test_a_filtered_table_removes_nobody(self, path):
        """Saving part of the tracker (a filter) writes its changes and removes no one left out of it."""
        rel.save_tracker(_tracker(("Ana", "conexion"), ("Luis", "conexion"), ("Eva", "confianza")), path=path)
        tracker = rel.load_tracker(path)
        part = tracker[tracker["stage"] == "conexion"]
        rel.save_tracker(rel.update_contact(part, "Luis", stage="interaccion"), path=path)
        assert rel.load_tracker(path)["stage"].tolist() == ["conexion", "interaccion", "confianza"]

    def test_a_table_built_by_hand_only_adds_and_updates(self, path):
        """A tracker not loaded from this file (new_tracker, another file) adds and updates: nobody is removed."""
        rel.save_tracker(_tracker(("Ana", "conexion"), ("Luis", "conexion")), path=path)
        rel.save_tracker(_tracker(("Eva", "confianza"), ("luis", "confianza")), path=path)
        assert rel.load_tracker(path)[["name", "stage"]].values.tolist() == [
            ["Ana", "conexion"], ["luis", "confianza"], ["Eva", "confianza"]]
        other = path.with_name("otro.sqlite")
        rel.save_tracker(rel.remove_contact(rel.load_tracker(path), "Ana"), path=other)  # loaded elsewhere: a copy
        assert rel.load_tracker(other)["name"].tolist() == ["luis", "Eva"]
        assert rel.load_tracker(path)["name"].tolist() == ["Ana", "luis", "Eva"]

    def test_saving_the_same_table_again_writes_only_later_changes(self, path):
        """After a save the table remembers it: saving it again after more changes keeps another window's edits."""
        mine = rel.add_contact(rel.load_tracker(path), "Ana")
        rel.save_tracker(mine, path=path)
        rel.save_tracker(rel.update_contact(rel.load_tracker(path), "Ana", stage="confianza"), path=path)
        rel.save_tracker(rel.add_contact(mine, "Luis"), path=path)
        assert rel.load_tracker(path)["stage"].tolist() == ["confianza", "conexion"]

    def test_no_temporary_file_is_left(self, path):
        """Saving leaves the tracker file only (no temporary file, no journal)."""
        rel.save_tracker(_tracker(("Ana", "conexion")), path=path)
        rel.save_tracker(_tracker(("Eva", "confianza")), path=path)
        assert [p.name for p in path.parent.iterdir()] == ["rel.sqlite"]


_ADDER = """
import sys
from ssi_kit import relationships as rel
who, path = sys.argv[1], sys.argv[2]
for i in range(20):
    rel.save_tracker(rel.add_contact(rel.load_tracker(path), f"{who} {i:02d}"), path=path)
print("ok")
"""


def test_three_processes_saving_at_once_keep_every_contact(tmp_path):
    """Three processes each adding 20 contacts (load, add, save, 20 times) end with all 60 in the file."""
    path = tmp_path / "relaciones.sqlite"
    adders = [subprocess.Popen([sys.executable, "-c", _ADDER, who, str(path)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True) for who in ("Ana", "Luis", "Eva")]
    results = [a.communicate(timeout=300) for a in adders]
    assert [a.returncode for a in adders] == [0, 0, 0], [err for _out, err in results]
    names = rel.load_tracker(path)["name"].tolist()
    assert len(names) == 60 and sorted(names) == sorted(f"{w} {i:02d}" for w in ("Ana", "Luis", "Eva")
                                                         for i in range(20))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_killed_while_saving_loses_nothing_already_saved(tmp_path):
    """A process killed at random moments while saving, 40 times: the tracker always opens and holds every
    contact whose save_tracker() returned."""
    path = tmp_path / "relaciones.sqlite"

    def add(number: int) -> None:
        rel.save_tracker(rel.add_contact(rel.load_tracker(path), f"Persona {number:05d}"), path=path)

    def holds(confirmed: set[int]) -> None:
        assert {f"Persona {i:05d}" for i in confirmed} <= set(rel.load_tracker(path)["name"])  # always opens

    assert kill_while_writing(add, holds, rounds=40, seed=5, pause=0.05)


class TestLegacyCsv:
    """The tracker used to be relaciones.csv in the user folder: its contacts move to relaciones.sqlite once."""

    @pytest.fixture
    def home(self, tmp_path, monkeypatch):
        monkeypatch.setenv("SSI_KIT_HOME", str(tmp_path))
        legacy = tmp_path / "relaciones.csv"
        legacy.write_text("nombre,etapa,ultima_interaccion,siguiente_paso\nAna,confianza,2025-03-15,\n"
                          "Luis,conexion,,Escribirle\n", encoding="utf-8-sig")
        return tmp_path

    def test_read_before_the_first_save_and_imported_by_it(self, home):
        """Until the first save, load_tracker shows the CSV; the first save imports it; the CSV is left untouched."""
        before = (home / "relaciones.csv").read_bytes()
        tracker = rel.load_tracker()
        assert tracker["name"].tolist() == ["Ana", "Luis"] and not (home / "relaciones.sqlite").exists()
        rel.save_tracker(rel.add_contact(tracker, "Eva"))
        assert rel.load_tracker()["name"].tolist() == ["Ana", "Luis", "Eva"]
        assert rel.load_tracker()["next_step"].tolist() == ["", "Escribirle", ""]
        assert (home / "relaciones.csv").read_bytes() == before

    def test_imported_once(self, home):
        """Someone removed after the import does not come back from the old CSV."""
        rel.save_tracker(rel.remove_contact(rel.load_tracker(), "Ana"))
        rel.save_tracker(rel.add_contact(rel.load_tracker(), "Eva"))
        assert rel.load_tracker()["name"].tolist() == ["Luis", "Eva"]

    def test_a_table_built_by_hand_keeps_the_csv_contacts(self, home):
        """A first save of a table not loaded from the file still brings the CSV's contacts in."""
        rel.save_tracker(_tracker(("Eva", "conexion")))
        assert rel.load_tracker()["name"].tolist() == ["Ana", "Luis", "Eva"]


def _hand_edit(path, sql):
    """Change the tracker as someone would with an SQLite editor."""
    import sqlite3

    connection = sqlite3.connect(path)
    connection.execute(sql)
    connection.commit()
    connection.close()


class TestHandEditedRows:
    @pytest.mark.parametrize(("sql", "why"), [
        ("UPDATE contacts SET stage = 'amistad' WHERE id = 2", "la etapa no es una de la escalera"),
        ("UPDATE contacts SET last_interaction = '2025-02-30' WHERE id = 2", "fecha de la última interacción"),
        ("UPDATE contacts SET last_interaction = 'ayer' WHERE id = 2", "fecha de la última interacción"),
        ("UPDATE contacts SET name = '  ' WHERE id = 2", "el nombre está vacío"),
        ("UPDATE contacts SET name = CAST(X'4CFF' AS TEXT) WHERE id = 2", "no se puede leer"),
        ("UPDATE contacts SET next_step = X'00FF' WHERE id = 2", "el siguiente paso no es un texto"),
        ("UPDATE contacts SET name = 'ANA' WHERE id = 2", "repite a la persona de la fila 1"),
    ])
    def test_bad_row_is_left_out_with_a_warning_and_left_as_it_is(self, tmp_path, sql, why):
        """A row edited by hand: a warning naming its row (never its data), the rest loads, saving keeps it."""
        path = tmp_path / "rel.sqlite"
        rel.save_tracker(_tracker(("Ana", "conexion"), ("Luis", "conexion"), ("Eva", "confianza")), path=path)
        _hand_edit(path, sql)
        with pytest.warns(ssi_kit.SSIWarning, match=f"En el seguimiento de contactos «.*», la fila 2 .*{why}") as got:
            tracker = rel.load_tracker(path)
        assert "Luis" not in str(got[0].message) and "amistad" not in str(got[0].message)
        assert tracker["name"].tolist() == ["Ana", "Eva"]
        rel.save_tracker(rel.add_contact(tracker, "Zoe"), path=path)
        import sqlite3

        with sqlite3.connect(path) as connection:
            assert connection.execute("SELECT count(*) FROM contacts").fetchone()[0] == 4

    def test_not_a_tracker(self, tmp_path):
        """A history given as the tracker is refused, untouched."""
        path = tmp_path / "h.sqlite"
        ssi_kit.record(ssi_kit.SSI(1, 2, 3, 4), "2025-03-14", path=path)
        before = path.read_bytes()
        with pytest.raises(SSIInputError, match="no es un seguimiento de contactos de ssi-kit"):
            rel.save_tracker(_tracker(("Ana", "conexion")), path=path)
        assert path.read_bytes() == before


def _connections():
    return pd.DataFrame({
        "first_name": ["Ana", "Luis", "Eva", "Íñigo"],
        "last_name": ["Ruiz", "Gil", "Sanz", "Pérez"],
        "url": ["https://www.linkedin.com/in/ana", "", "https://www.linkedin.com/in/eva", pd.NA],
        "company": ["A", "B", "C", "D"],
        "position": ["CEO", "Jefe", "Analista", "Socio"],
        "connected_on": pd.to_datetime(["2020-05-01", "2020-06-01", "2024-01-01", "2024-02-01"]),
    })


def _messages():
    return pd.DataFrame({
        "sender": ["Ana R.", "Yo", "Yo", "Yo"],
        "sender_url": ["http://linkedin.com/in/ana/", "https://www.linkedin.com/in/yo", None, None],
        "recipients": ["Yo", "luis gil", "inigo perez", "Eva Sanz"],
        "sent_at": pd.to_datetime(["2021-01-01", "2025-01-01", "2024-06-01", "2025-05-01"], utc=True),
        "is_draft": [False, False, False, True],
    })


class TestNeverContacted:
    def test_joined_on_url_or_name(self):
        """Ana matches on URL (another name shown), Luis and Íñigo on name; Eva's only message is a draft."""
        shares = rel.never_contacted(_connections(), _messages())
        assert shares["year"].tolist() == [2020, 2024]
        assert shares["connections"].tolist() == [2, 2]
        assert shares["never_contacted"].tolist() == [0, 1]
        assert shares["share"].tolist() == [0.0, 0.5]

    def test_recipients_as_lists(self):
        """A recipients column holding lists of names works like comma-separated text."""
        messages = _messages().assign(recipients=[["Yo"], ["Luis Gil", "Otra"], ["Íñigo Pérez"], ["Eva Sanz"]])
        assert rel.never_contacted(_connections(), messages)["never_contacted"].tolist() == [0, 1]

    def test_no_messages_means_all_never(self):
        """Without messages, every connection is never contacted."""
        empty = _messages().iloc[0:0]
        assert rel.never_contacted(_connections(), empty)["share"].tolist() == [1.0, 1.0]

    def test_wrong_tables(self):
        """Passing the tables the wrong way round says which columns are missing."""
        with pytest.raises(SSIInputError, match="connections"):
            rel.never_contacted(_messages(), _connections())

    def test_reactivate_longest_silence_first(self):
        """People you wrote to come longest silence first, with days counted to today; the others are left out."""
        found = rel.to_reactivate(_connections(), _messages(), today="2025-06-01")
        assert found["name"].tolist() == ["Ana Ruiz", "Íñigo Pérez", "Luis Gil"]
        assert found["days"].tolist() == [(dt.date(2025, 6, 1) - dt.date(2021, 1, 1)).days,
                                          (dt.date(2025, 6, 1) - dt.date(2024, 6, 1)).days,
                                          (dt.date(2025, 6, 1) - dt.date(2025, 1, 1)).days]
        assert len(rel.to_reactivate(_connections(), _messages(), top=1, today="2025-06-01")) == 1

    def test_example_messages_fit_the_example_connections(self):
        """The example messages leave some connections never contacted, more among recent ones."""
        shares = rel.never_contacted(ssi_kit.load_dataset("conexiones_ejemplo"), rel.example_messages())
        assert 0 < shares["share"].mean() < 1
        assert shares["share"].iloc[-1] > shares["share"].iloc[0]
        assert "aproximación" in rel.describe_never_contacted(shares)


def test_next_steps_table_shows_labels():
    """The table a learner reads has the stage's label, not its key, and the suggestion."""
    table = rel.next_steps_table(rel.example_tracker(), today="2025-07-01")
    assert table.columns.tolist() == ["name", "label", "last_interaction", "suggested"]
    assert set(table["label"]) <= {s.label for s in rel.STAGES}
    assert table["suggested"].str.len().min() > 0


def test_works_on_read_messages_output(tmp_path):
    """The frame read_messages gives from a real-shaped messages.csv (2023, with recipient URLs) joins as expected."""
    path = tmp_path / "messages.csv"
    path.write_text(
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,"
        "CONTENT,FOLDER\n"
        "c1,,Yo Mismo,https://www.linkedin.com/in/yo,Ana Ruiz,https://www.linkedin.com/in/ana,"
        "2025-06-01 14:03:22 UTC,,Hola,INBOX\n",
        encoding="utf-8",
    )
    messages = ssi_kit.read_messages(path)
    shares = rel.never_contacted(_connections(), messages)
    assert shares["never_contacted"].tolist() == [1, 2]
