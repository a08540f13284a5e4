"""Tests of ssi_kit.relationships: the ladder, the tracker and its file, the never-contacted share."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ssi_kit
from ssi_kit import SSIInputError, SSITypeError
from ssi_kit import relationships as rel


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
        assert rel.load_tracker(tmp_path / "nuevo.csv").empty
        assert not (tmp_path / "nuevo.csv").exists()

    def test_default_location_is_a_user_folder(self, tmp_path, monkeypatch):
        """Without path= the tracker goes to the per-user data folder, created when needed."""
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "datos"))
        saved = rel.save_tracker(_tracker(("Ana", "confianza")))
        assert saved == rel.tracker_path() and str(saved).startswith(str(tmp_path))
        assert rel.load_tracker()["name"].tolist() == ["Ana"]

    @given(st.lists(st.tuples(
        st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=30)
        .filter(lambda s: s.strip()),
        st.sampled_from([s.key for s in rel.STAGES]),
        st.one_of(st.none(), st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31))),
        st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=40),
    ), max_size=6, unique_by=lambda row: rel._plain(" ".join(row[0].split()))))
    def test_round_trip(self, rows):
        """Whatever the learner types (formulas, quotes, accents) comes back the same after save and load."""
        import tempfile
        from pathlib import Path

        tracker = rel.new_tracker()
        for name, stage, last, step in rows:
            tracker = rel.add_contact(tracker, name, stage=stage, last_interaction=last, next_step=step)
        path = Path(tempfile.mkdtemp()) / "rel.csv"
        rel.save_tracker(tracker, path)
        pd.testing.assert_frame_equal(rel.load_tracker(path), tracker)

    def test_spreadsheet_resave(self, tmp_path):
        """A file re-saved by a spreadsheet (semicolons, BOM, dd/mm/yyyy, English headers) is read."""
        path = tmp_path / "rel.csv"
        path.write_bytes("\ufeffName;Stage;Last interaction;Next step\r\nAna;Trust;15/03/2025;\r\n;;;\r\n"
                         .encode("utf-8"))
        tracker = rel.load_tracker(path)
        assert tracker["stage"].tolist() == ["confianza"]
        assert tracker["last_interaction"].iloc[0] == pd.Timestamp("2025-03-15")

    def test_bad_file_names_the_line(self, tmp_path):
        """An unknown stage in the file gives the line, and a file without headers says so."""
        path = tmp_path / "rel.csv"
        path.write_text("nombre,etapa\nAna,confianza\nLuis,amistad\n", encoding="utf-8")
        with pytest.raises(SSIInputError, match="Línea 3"):
            rel.load_tracker(path)
        path.write_text("a,b\n1,2\n", encoding="utf-8")
        with pytest.raises(SSIInputError, match="no parece un archivo de seguimiento"):
            rel.load_tracker(path)

    def test_save_replaces_whole_file(self, tmp_path):
        """Saving again replaces the file; no temporary file is left behind."""
        path = tmp_path / "rel.csv"
        rel.save_tracker(_tracker(("Ana", "conexion"), ("Luis", "conexion")), path)
        rel.save_tracker(_tracker(("Eva", "confianza")), path)
        assert rel.load_tracker(path)["name"].tolist() == ["Eva"]
        assert [p.name for p in tmp_path.iterdir()] == ["rel.csv"]

    def test_bad_path(self):
        """A path that is not text is a type error."""
        with pytest.raises(SSITypeError, match="path"):
            rel.save_tracker(rel.new_tracker(), 42)


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
        assert len(rel.to_reactivate(_connections(), _messages(), n=1, today="2025-06-01")) == 1

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
