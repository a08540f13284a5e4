"""The learner profile: given once, kept in the session or saved on request, the example labelled, forgotten."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import ssi_kit
from ssi_kit import SSI, GroupScore, SSIInputError, SSITypeError, SSIWarning
from ssi_kit import profile as profile_module
from ssi_kit.profile import (
    PARTS,
    Profile,
    current_profile,
    discard_session,
    forget_me,
    lesson_data,
    load_profile,
    profile_path,
    read_upload,
    save_profile,
    use_profile,
)

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date.today()


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    """A private, empty user folder, and no session profile before or after each test."""
    folder = tmp_path / "home"
    monkeypatch.setenv("SSI_KIT_HOME", str(folder))
    monkeypatch.setattr(profile_module, "_session", None)
    yield folder
    profile_module._session = None


@pytest.fixture(scope="module")
def tables():
    """The example's three tables, as their readers return them."""
    return {"connections_table": ssi_kit.load_dataset("conexiones_ejemplo").head(40),
            "messages": ssi_kit.load_dataset("mensajes_ejemplo"),
            "invitations": ssi_kit.load_dataset("invitaciones_ejemplo")}


def _full(tables) -> Profile:
    return Profile(ssi=SSI(12.5, 8, 5.25, 10), measured_on="14/03/2025",
                   industry=GroupScore(24, top_percent=45), network=GroupScore(27.4, 22, SSI(9.1, 6.3, 4.8, 7.2)),
                   connections=1500, **tables)


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*")) if folder.exists() else []


class TestProfile:
    def test_typed_values_are_read(self):
        """Text as a learner types it: the SSI, a day-first date, «1.500» connections, an average of «24,5»."""
        mine = Profile(ssi="12,5; 8; 5,25; 10", measured_on="14/03/2025", connections="1.500", industry="24,5")
        assert mine.ssi == SSI(12.5, 8, 5.25, 10) and mine.measured_on == dt.date(2025, 3, 14)
        assert mine.connections == 1500 and mine.industry == GroupScore(24.5)

    @pytest.mark.parametrize(("field", "value", "error"), [
        ("connections", 0, SSIInputError), ("connections", 30_001, SSIInputError), ("connections", 2.5, SSIInputError),
        ("connections", "muchos", SSIInputError), ("measured_on", "2099-01-01", SSIInputError),
        ("measured_on", 2025, SSITypeError), ("ssi", "1; 2; 3", SSIInputError), ("industry", 120, SSIInputError),
        ("network", [30], SSITypeError), ("messages", pd.DataFrame({"x": [1]}), SSIInputError),
        ("connections_table", "Connections.csv", SSITypeError), ("from_example", {"nada"}, SSIInputError),
        ("ssi", ssi_kit.load_dataset("ssi_ejemplo"), SSITypeError),
    ])
    def test_bad_parts_are_our_errors(self, field, value, error):
        """Each part out of range or of the wrong kind: our error."""
        with pytest.raises(error):
            Profile(**{field: value})

    def test_message_text_is_never_kept(self):
        """A messages table read with content=True loses its text in a profile."""
        with_text = ssi_kit.read_messages(ssi_kit.data_path("mensajes_ejemplo.csv"), content=True)
        assert "content" not in Profile(messages=with_text).messages.columns

    def test_tables_must_hold_dates(self, tables):
        """A table whose dates are text is refused (it did not come from the reader)."""
        broken = tables["invitations"].assign(sent_at="7/18/22")
        with pytest.raises(SSIInputError, match="fechas"):
            Profile(invitations=broken)

    def test_replace_is_checked_and_unsaved(self):
        """replace() checks the new value, refuses unknown parts, and a changed profile is no longer «saved»."""
        saved = Profile(connections=500, saved_on=TODAY)
        assert saved.replace(connections="800").connections == 800
        assert saved.replace(connections=800).saved_on is None
        with pytest.raises(SSIInputError):
            saved.replace(connections=-1)
        with pytest.raises(SSIInputError, match="contactos_totales"):
            saved.replace(contactos_totales=3)

    def test_equality_compares_tables(self, tables):
        """Two profiles are equal when every part is, tables included."""
        assert _full(tables) == _full(tables)
        other = dict(tables, invitations=tables["invitations"].head(2))
        assert _full(tables) != _full(other)

    def test_with_ssi_takes_the_averages_with_it(self):
        """Pasting the page sets the SSI, both averages and today's date; a later SSI without them clears them."""
        from tests.test_ssi_page import PAGE_ES

        mine = Profile().with_ssi(PAGE_ES)
        assert mine.measured_on == TODAY and mine.industry.overall == 24 and mine.network.top_percent == 60
        mine = mine.with_ssi("12; 8; 5; 10", measured_on="01/03/2025")
        assert mine.industry is None and mine.measured_on == dt.date(2025, 3, 1)

    def test_with_upload_keeps_the_rest(self, tables):
        """An upload replaces the tables it found and keeps the others."""
        mine = Profile(messages=tables["messages"], connections=300)
        csv = ssi_kit.data_path("invitaciones_ejemplo.csv").read_bytes()
        mine = mine.with_upload(read_upload({"Invitations.csv": csv}))
        assert mine.messages is not None and len(mine.invitations) == 8 and mine.connections == 300


class TestExample:
    def test_nothing_given_is_the_example(self):
        """An empty profile: every part is the example's, and the panel says so."""
        data = Profile().effective()
        assert data.from_example == frozenset(PARTS) and data.status == "example"
        assert data.ssi == ssi_kit.load_dataset("ssi_ejemplo").member and data.connections == 500
        assert data.describe().startswith("Estás usando el ejemplo")
        assert all(data.example_label(part) == " (ejemplo)" for part in PARTS)

    def test_all_given_is_mine(self, tables):
        """Everything given: nothing from the example."""
        data = _full(tables).effective()
        assert data.from_example == frozenset() and data.status == "mine"
        assert data.describe().startswith("Estás usando tus datos.") and data.example_label("ssi") == ""

    def test_mixed_says_which_parts(self):
        """The SSI given, the rest example: the sentence lists both, and the labels follow."""
        data = Profile(ssi="12; 8; 5; 10").effective()
        assert data.status == "mixed" and not data.is_example("ssi") and data.is_example("messages")
        assert data.industry is None  # the example's averages never go with your SSI
        text = data.describe()
        assert "tus datos (tu SSI)" in text and "tus mensajes (messages.csv)" in text and "Solo en esta sesión" in text

    def test_connections_count_from_your_table(self, tables):
        """Without a typed number, your uploaded table gives it: not the example."""
        data = Profile(connections_table=tables["connections_table"]).effective()
        assert data.connections == 40 and not data.is_example("connections")

    def test_example_is_never_saved(self, home):
        """An effective profile saved keeps only your parts."""
        saved = use_profile(Profile(connections=700).effective(), save=True)
        assert saved.ssi is None and saved.from_example == frozenset()
        assert load_profile().ssi is None and load_profile().connections == 700

    def test_example_tables_are_fresh(self):
        """A lesson changing the example's table does not change it for the next lesson."""
        first = lesson_data().connections_table
        first["company"] = "cambiada"
        assert (lesson_data().connections_table["company"] != "cambiada").any()

    def test_in_english(self):
        """The panel's sentence follows the language."""
        ssi_kit.set_language("en")
        assert Profile().effective().describe().startswith("You are using the example")


class TestSessionAndStore:
    def test_nothing_is_written_without_save(self, home, tables, tmp_path):
        """Setting a profile for the session writes nothing: the user folder stays empty (or absent)."""
        mine = use_profile(_full(tables))
        assert current_profile() == mine and mine.saved_on is None
        assert _files(home) == []
        assert "Solo en esta sesión" in current_profile().describe()

    def test_save_round_trip(self, home, tables):
        """Saved and read back: every part equal, tables with their dtypes; saved_on is today."""
        saved = use_profile(_full(tables), save=True)
        assert saved.saved_on == TODAY and _files(home) == ["perfil.sqlite"]
        loaded = load_profile()
        assert loaded == saved
        for part in ("connections_table", "messages", "invitations"):
            pd.testing.assert_frame_equal(getattr(loaded, part), tables[part].reset_index(drop=True))
        assert current_profile() == saved and "Guardados en este equipo" in current_profile().describe()

    def test_empty_tables_and_missing_values_survive(self):
        """An export with no rows, and NA cells, come back as they went."""
        empty = ssi_kit.read_invitations("From,To,Sent At,Message,Direction\n")
        contacts = ssi_kit.read_connections("Company,Position,Connected On\nAcme,,26-mar-21\n,CEO,\n")
        save_profile(Profile(invitations=empty, connections_table=contacts))
        loaded = load_profile()
        pd.testing.assert_frame_equal(loaded.invitations, empty)
        pd.testing.assert_frame_equal(loaded.connections_table, contacts)

    def test_message_text_never_reaches_the_file(self, home):
        """The saved file holds no message text, whatever was read."""
        with_text = ssi_kit.read_messages(ssi_kit.data_path("mensajes_ejemplo.csv"), content=True)
        words = with_text["content"].dropna().iloc[0].split()[-1]
        save_profile(Profile(messages=with_text))
        assert words.encode() not in profile_path().read_bytes()

    def test_session_wins_until_saved(self, home):
        """Saved data, then a session change: the session wins; saving hands over to the store again."""
        use_profile(Profile(connections=500), save=True)
        use_profile(current_profile().replace(connections=900))
        assert current_profile().connections == 900 and load_profile().connections == 500
        use_profile(current_profile(), save=True)
        assert load_profile().connections == 900
        assert discard_session().connections == 900

    def test_discard_session_goes_back_to_saved(self):
        """discard_session forgets the unsaved change and returns what is saved."""
        use_profile(Profile(connections=500), save=True)
        use_profile(Profile(connections=900))
        assert discard_session().connections == 500

    def test_store_is_reread_when_it_changes(self):
        """A lesson without a session of its own sees each new save (here, one made through another path)."""
        save_profile(Profile(connections=500))
        assert current_profile().connections == 500
        save_profile(Profile(connections=600))
        assert current_profile().connections == 600

    def test_handed_out_tables_are_copies(self, tables):
        """A lesson adding a column to its table does not change the profile kept for the others."""
        use_profile(Profile(**tables))
        table = current_profile().connections_table
        table["nueva"] = 1
        assert "nueva" not in current_profile().connections_table.columns

    def test_failed_save_changes_nothing(self, home):
        """A save that fails (the profile's place is a folder) raises our error and keeps the session."""
        use_profile(Profile(connections=800))
        (home / "perfil.sqlite").mkdir(parents=True)
        with pytest.raises(SSIInputError):
            use_profile(Profile(connections=500), save=True)
        assert current_profile().connections == 800

    def test_damaged_store_falls_back_to_the_example(self, home):
        """A saved profile that cannot be read: the lesson still runs, on the example, and a warning says why."""
        (home / "perfil.sqlite").mkdir(parents=True)
        with pytest.warns(SSIWarning, match="uso el ejemplo"):
            assert current_profile().is_empty and lesson_data().status == "example"

    def test_other_programs_file_is_refused(self, home):
        """A perfil.sqlite that is not ours is neither read nor modified."""
        home.mkdir()
        with sqlite3.connect(home / "perfil.sqlite") as other:
            other.execute("CREATE TABLE t (x)")
        before = (home / "perfil.sqlite").read_bytes()
        with pytest.raises(SSIInputError, match="no es un perfil de ssi-kit"):
            load_profile()
        with pytest.raises(SSIInputError):
            save_profile(Profile(connections=3))
        assert (home / "perfil.sqlite").read_bytes() == before

    def test_explicit_path(self, tmp_path):
        """save_profile/load_profile take a path; the user folder is then not used."""
        where = tmp_path / "otro" / "mio.sqlite"
        where.parent.mkdir()
        save_profile(Profile(connections=42), path=where)
        assert load_profile(where).connections == 42 and load_profile() is None

    @pytest.mark.parametrize("bad", [12, ["a"], "use"])
    def test_use_profile_types(self, bad):
        """use_profile takes a Profile and a True/False save."""
        with pytest.raises(SSITypeError):
            use_profile(bad)
        with pytest.raises(SSITypeError):
            use_profile(Profile(), save=bad)


class TestDamagedRows:
    def _edit(self, sql: str, *values) -> None:
        with sqlite3.connect(profile_path()) as connection:
            connection.execute(sql, values)
        connection.close()

    def test_hand_edited_parts_are_left_out_with_a_warning(self, tables):
        """A pillar of 40, a date that is no day, text as the number of connections: each left out, named."""
        save_profile(_full(tables))
        self._edit("UPDATE profile SET brand = 40, measured_on = '2025-02-30', connections = '1.500'")
        with pytest.warns(SSIWarning) as caught:
            loaded = load_profile()
        said = " ".join(str(w.message) for w in caught)
        assert "tu SSI" in said and "la fecha de tu SSI" in said and "tu número de contactos" in said
        assert loaded.ssi is None and loaded.measured_on is None and loaded.connections is None
        assert loaded.industry == GroupScore(24, top_percent=45)

    def test_bad_table_rows_are_named_not_quoted(self, tables):
        """Rows with a number where a date goes are left out; the warning gives their numbers, never their data."""
        save_profile(Profile(**tables))
        self._edit("UPDATE connections SET connected_on = 'ayer' WHERE n IN (3, 7)")
        self._edit("UPDATE invitations SET has_message = 5 WHERE n = 2")
        with pytest.warns(SSIWarning) as caught:
            loaded = load_profile()
        said = " ".join(str(w.message) for w in caught)
        assert "cada una de las 2 filas n.º 3, 7 de tus contactos (Connections.csv) no se puede leer" in said
        assert "la fila n.º 2 de tus invitaciones (Invitations.csv) no se puede leer" in said
        row = tables["connections_table"].iloc[2]
        assert row["last_name"] not in said
        assert len(loaded.connections_table) == 38 and len(loaded.invitations) == 7

    def test_group_edited_is_left_out(self, tables):
        """A network average of 300 is left out with a warning; the rest is read."""
        save_profile(_full(tables))
        self._edit("UPDATE groups SET overall = 300 WHERE name = 'network'")
        with pytest.warns(SSIWarning, match="la media de tu red"):
            loaded = load_profile()
        assert loaded.network is None and loaded.industry is not None

    def test_damaged_file_is_our_error(self, home):
        """A file cut short: our error, and the file is left as it was."""
        save_profile(Profile(connections=5))
        data = profile_path().read_bytes()
        profile_path().write_bytes(data[: len(data) // 2])
        with pytest.raises(SSIInputError):
            load_profile()


class TestForgetMe:
    def _fill(self, home: Path) -> None:
        from ssi_kit import history, plans, progress, relationships

        use_profile(Profile(connections=500), save=True)
        progress.record_outcome("01", "q1", "correct")
        history.record("12; 8; 5; 10", "14/03/2025")
        plans.save_plan(["publicar"], start="2025-01-06", ssi=SSI(6, 6, 5, 8), weeks=4)
        relationships.save_tracker(relationships.example_tracker())

    def test_everything_of_ours_goes_and_nothing_else(self, home):
        """Profile, progress, history, plans and tracker deleted; a note and another program's database stay."""
        self._fill(home)
        (home / "notas.txt").write_text("mías")
        with sqlite3.connect(home / "otro.sqlite") as other:
            other.execute("CREATE TABLE t (x)")
        (home / ".perfil.sqlite.0123abcd.tmp").write_bytes(profile_path().read_bytes())
        use_profile(Profile(connections=900))
        deleted = forget_me()
        assert sorted(p.name for p in deleted) == [".perfil.sqlite.0123abcd.tmp", "historial.sqlite",
                                                   "perfil.sqlite", "planes.sqlite", "progreso.sqlite",
                                                   "relaciones.sqlite"]
        assert _files(home) == ["notas.txt", "otro.sqlite"]
        assert current_profile() == Profile()

    def test_a_file_with_our_name_but_not_ours_stays(self, home):
        """historial.sqlite from another program (or any other file with that name) is not deleted."""
        home.mkdir()
        (home / "historial.sqlite").write_text("no es SQLite")
        with sqlite3.connect(home / "planes.sqlite") as other:
            other.execute("CREATE TABLE t (x)")
        assert forget_me() == []
        assert _files(home) == ["historial.sqlite", "planes.sqlite"]

    def test_journal_goes_with_its_file(self, home):
        """A journal left by a killed write (which holds old data) goes with the file."""
        save_profile(Profile(connections=5))
        (home / "perfil.sqlite-journal").write_bytes(b"\xd9\xd5\x05\xf9 \xa1c\xd7 datos viejos")
        assert {p.name for p in forget_me()} == {"perfil.sqlite", "perfil.sqlite-journal"}

    def test_nothing_there(self, home):
        """No folder yet: nothing to delete, no error, the session forgotten."""
        use_profile(Profile(connections=900))
        assert forget_me() == [] and current_profile().is_empty

    def test_another_folder(self, tmp_path):
        """folder= forgets another folder's files (a class machine's shared folder, say)."""
        save_profile(Profile(connections=5), path=tmp_path / "perfil.sqlite")
        assert forget_me(folder=tmp_path) == [tmp_path / "perfil.sqlite"]

    def test_exported_from_the_package(self):
        """ssi_kit.forget_me() works as the panel and the lessons call it."""
        assert ssi_kit.forget_me is forget_me and ssi_kit.current_profile is current_profile

    def test_ids_match_each_store(self):
        """forget_me recognises each file by the same mark its module writes."""
        from ssi_kit import history, plans, progress, relationships

        kinds = {k.file_name: k.application_id for k in (history._HISTORY, plans._PLANS, progress._PROGRESS,
                                                           relationships._TRACKER, profile_module._PROFILE)}
        assert {name: number for name, number, _what in profile_module._KEPT_FILES} == kinds


_CHILD = """
import sys, ssi_kit
from ssi_kit.profile import Profile, current_profile, use_profile
action = sys.argv[1]
if action == "save":
    use_profile(Profile(connections=int(sys.argv[2])), save=True)
print(current_profile().connections)
"""


def _other_lesson(home: Path, *args: str) -> str:
    """Another kernel: a separate Python process with the same user folder."""
    env = {**os.environ, "SSI_KIT_HOME": str(home), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _CHILD, *args], env=env, capture_output=True, text=True,
                          timeout=120, check=True)
    return done.stdout.strip()


class TestTwoLessons:
    def test_save_in_one_read_in_another(self, home):
        """A lesson opened later gets what another one saved; a lesson that saved sees a newer save elsewhere."""
        use_profile(Profile(connections=500), save=True)
        assert _other_lesson(home, "read") == "500"
        assert _other_lesson(home, "save", "750") == "750"
        assert current_profile().connections == 750

    def test_a_session_of_its_own_wins_in_that_lesson(self, home):
        """A lesson with unsaved data keeps it while another saves; the other lesson never sees it."""
        use_profile(Profile(connections=320))
        assert _other_lesson(home, "read") == "None"
        assert _other_lesson(home, "save", "750") == "750"
        assert current_profile().connections == 320

    def test_forgotten_in_another_lesson(self, home):
        """Forgotten in one lesson: another lesson that follows the store sees nothing saved any more."""
        _other_lesson(home, "save", "750")
        assert current_profile().connections == 750
        forget_me()
        assert _other_lesson(home, "read") == "None" and current_profile().is_empty
