"""The one table reader: every CSV reader of ssi-kit reads the files people really have the same way.

Each test names the issue's case: files re-saved by spreadsheets, renamed columns, deleted
headers, old Mac line ends, huge cells, dates spreadsheets write. People in these files are
invented; no message may quote them.
"""

from __future__ import annotations

import json
import os
import warnings
from datetime import date

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ssi_kit
from ssi_kit import SSI, SSIInputError, SSIWarning
from ssi_kit._table_reader import TableKind, parse_dates, read_table
from ssi_kit.classroom import compare_projection, read_class, student_key, submit
from ssi_kit.linkedin_export import read_connections
from ssi_kit.messages import read_invitations, read_messages
from ssi_kit.network import read_network

SECRET = "Zacarías Quiñonero"  # nobody: if this shows in a message, a row was quoted


@pytest.fixture(autouse=True)
def _private_home(tmp_path, monkeypatch):
    monkeypatch.setenv("SSI_KIT_HOME", str(tmp_path / "home"))


def quietly(function, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SSIWarning)
        return function(*args, **kwargs)


# --- one date parser for dates inside files -----------------------------------------------
class TestDates:
    def test_every_reader_reads_what_spreadsheets_write(self):
        """«11/28/21», as a spreadsheet re-saves LinkedIn's dates, is the same day in every reader."""
        day = pd.Timestamp("2021-11-28")
        connections = read_connections("First Name,Last Name,Company,Position,Connected On\n"
                                       "Ana,Ruiz,Acme,CEO,11/28/21\n")
        messages = read_messages("FROM,TO,DATE,CONTENT,FOLDER\nAna,Yo,11/28/21,hola,INBOX\n")
        invitations = read_invitations("From,To,Sent At,Message,Direction\nAna,Yo,11/28/21,,INCOMING\n")
        assert connections.loc[0, "connected_on"] == day
        assert messages.loc[0, "sent_at"].tz_localize(None) == day
        assert invitations.loc[0, "sent_at"].tz_localize(None) == day

    def test_a_resaved_invitations_file_keeps_all_its_dates(self):
        """A re-saved Invitations.csv (40 rows, month first without the time) loses none of its dates."""
        rows = [f"Persona {i},Yo,{(i % 12) + 1}/{(i % 28) + 1}/21,,INCOMING" for i in range(40)]
        with warnings.catch_warnings():
            warnings.simplefilter("error", SSIWarning)
            table = read_invitations("From,To,Sent At,Message,Direction\n" + "\n".join(rows) + "\n")
        assert table["sent_at"].notna().all() and len(table) == 40

    @pytest.mark.parametrize(("text", "expected"), [
        ("2025-06-01 14:03:22 UTC", "2025-06-01 14:03:22"),
        ("7/18/22, 1:42 AM", "2022-07-18 01:42:00"),
        ("16/10/2018 20:36", "2018-10-16 20:36:00"),
        ("5/3/2025 10:00:00", "2025-03-05 10:00:00"),
        ("15 Mar 2024", "2024-03-15 00:00:00"),
        ("3 dic. 2021", "2021-12-03 00:00:00"),
        ("26.03.2021", "2021-03-26 00:00:00"),
        ("5-Apr-21", "2021-04-05 00:00:00"),
        ("5/3/2025 10:00:00 p. m.", "2025-03-05 22:00:00"),
    ])
    def test_one_parser_for_every_spelling(self, text, expected):
        """Exports, forms and spreadsheets in Spanish and English: one parser reads them all."""
        assert str(pd.Timestamp(parse_dates(pd.Series([text])).values[0])) == expected

    def test_ambiguous_dates_follow_the_files_majority(self):
        """03/04/2021 is 3 April beside day-first dates and 4 March beside month-first ones."""
        day_first = parse_dates(pd.Series(["03/04/2021", "28/11/2021"])).values[0]
        month_first = parse_dates(pd.Series(["03/04/2021", "11/28/2021"])).values[0]
        assert pd.Timestamp(day_first) == pd.Timestamp("2021-04-03")
        assert pd.Timestamp(month_first) == pd.Timestamp("2021-03-04")


# --- line ends and cell sizes ------------------------------------------------------------
class TestShapes:
    def test_old_mac_line_ends_in_every_reader(self, tmp_path):
        """CR-only files (Excel for Mac) read in connections, messages, the class and the network."""
        def cr(*lines: str) -> bytes:
            return "\r".join(lines).encode("utf-8") + b"\r"

        assert len(read_connections(cr("Company,Position,Connected On", "Acme,CEO,15 Mar 2024"))) == 1
        assert len(read_messages(cr("FROM,TO,DATE,CONTENT", "A,B,2024-01-01 10:00:00 UTC,x"))) == 1
        assert read_class(cr("alias;marca;personas;informacion;relaciones", "ana;1;2;3;4")).submissions.shape[0] == 1
        (tmp_path / "red.csv").write_bytes(cr("a;b", "Ana;Luis"))
        assert list(read_network(tmp_path / "red.csv").edges) == [("Ana", "Luis")]

    def test_a_cell_of_200_kb_is_read(self):
        """No «field larger than field limit»: a 200,000-character cell is just a long text."""
        note = "x" * 200_000
        table = read_messages(f'FROM,TO,DATE,CONTENT,FOLDER\nA,B,2024-01-01 10:00:00 UTC,"{note}",INBOX\n',
                              content=True)
        assert table.loc[0, "content"] == note

    def test_a_planted_200_kb_cell_does_not_break_the_class(self, tmp_path):
        """One file with a huge cell in the class folder is read (or set aside); the rest of the class is read."""
        submit(SSI(1, 2, 3, 4), "ana", tmp_path, when=date(2025, 3, 5))
        (tmp_path / "plantado.csv").write_text("alias;marca;personas;informacion;relaciones\n"
                                               f"{'y' * 200_000};1;2;3;4\n", encoding="utf-8")
        clase = read_class(tmp_path)
        assert "ana" in clase.submissions["student"].tolist()

    def test_duplicated_columns_warn_and_say_which_is_read(self):
        """Two «Company» columns: a warning names both and the one read."""
        with pytest.warns(SSIWarning, match=r"2 columnas «Company» \(las columnas 3, 4\): uso la 3\.ª"):
            table = read_connections("First Name,Last Name,Company,Company,Position\nAna,Ruiz,Acme,Beta,CEO\n")
        assert table.loc[0, "company"] == "Acme"


# --- real export shapes -------------------------------------------------------------------
class TestRealShapes:
    @pytest.mark.parametrize("header", ["Current_Company", "Company Name", "Organization", "current company"])
    def test_renamed_company_column(self, header):
        """Columns renamed by other tools (Current_Company…) are read as company, never left empty."""
        table = read_connections(f"First Name,Last Name,{header},Position,Connected On\n"
                                 "Ana,Ruiz,Acme,CEO,15 Mar 2024\nLuis,Gil,Beta,CTO,16 Mar 2024\n")
        assert table["company"].tolist() == ["Acme", "Beta"]

    @pytest.mark.parametrize("header", ["Name", "Full Name", "Nombre completo"])
    def test_single_name_column_is_kept(self, header):
        """A single full-name column is split (first word, the rest) with a warning, never dropped."""
        with pytest.warns(SSIWarning, match="una sola columna con el nombre completo"):
            table = read_connections(f"{header},Company,Position\nAna María Ruiz,Acme,CEO\nLuis,Beta,CTO\n")
        assert table["first_name"].tolist() == ["Ana", "Luis"]
        assert table["last_name"].tolist()[0] == "María Ruiz" and pd.isna(table["last_name"].tolist()[1])

    @pytest.mark.parametrize(("reader", "text", "missing"), [
        (read_messages, "FROM,TO,CONTENT,FOLDER\nA,B,hola,INBOX\n", "DATE"),
        (read_invitations, "From,Message,Direction\nA,,INCOMING\n", "To, Sent At"),
    ])
    def test_a_header_lacking_columns_says_which(self, reader, text, missing):
        """A header that is there but lacks columns: not «no encuentro la fila», but what is missing and
        what the lesson can still do."""
        with pytest.raises(SSIInputError, match=rf"línea 1 .*parece un encabezado.*le faltan las columnas "
                                                rf"{missing}") as info:
            reader(text)
        assert "no encuentro la fila" not in str(info.value) and "a mano" in str(info.value)

    def test_a_deleted_header_row(self):
        """A Connections.csv whose header was deleted: the first line looks like data; the hint gives the header."""
        text = (f"{SECRET},Ruiz,https://www.linkedin.com/in/zq,,Acme,CEO,15 Mar 2024\n"
                "Luis,Gil,https://www.linkedin.com/in/lg,,Beta,CTO,16 Mar 2024\n")
        with pytest.raises(SSIInputError, match="su primera línea parece ya un dato") as info:
            read_connections(text)
        assert "First Name,Last Name,URL,Email Address,Company,Position,Connected On" in info.value.hint
        assert SECRET not in str(info.value)

    def test_ssi_json_inside_an_api_envelope(self):
        """The SSI JSON as an API or a browser tool saves it, inside {"object": ..., "data": {...}}."""
        inner = json.loads(ssi_kit.data_path("ssi_ejemplo.json").read_text(encoding="utf-8"))
        expected = ssi_kit.read_linkedin_ssi(inner)
        for wrapped in ({"object": "salesApiSsi", "data": inner}, {"response": {"data": inner}},
                        {"elements": [inner]}):
            assert ssi_kit.read_linkedin_ssi(json.dumps(wrapped)) == expected


# --- the class folder ---------------------------------------------------------------------
class TestClassFolder:
    @pytest.mark.parametrize(("first", "second"), [("Ana", "ana"), ("Strauß", "STRAUSS"), ("\u212aim", "kim")])
    def test_submit_and_read_class_agree_on_who_a_student_is(self, tmp_path, first, second):
        """The same student however the alias is cased or folded: one file a day, one student, a warning."""
        submit(SSI(1, 1, 1, 1), first, tmp_path, when=date(2025, 3, 5))
        with pytest.warns(SSIWarning, match="Ya habías enviado hoy"):
            submit(SSI(2, 2, 2, 2), second, tmp_path, when=date(2025, 3, 5))
        submit(SSI(3, 3, 3, 3), second, tmp_path, when=date(2025, 3, 12))
        clase = read_class(tmp_path)
        assert clase.submissions["total"].tolist() == [8, 12]
        assert clase.submissions["student"].nunique() == 1 and student_key(first) == student_key(second)

    def test_a_class_file_with_two_spellings_is_one_student(self):
        """In a form export, «Ana» and «ana » are one student, shown as in their latest row."""
        clase = read_class("fecha;alias;marca;personas;informacion;relaciones\n"
                           "2025-03-01;Ana;1;1;1;1\n2025-03-08;ana ;2;2;2;2\n")
        assert clase.submissions["student"].tolist() == ["ana", "ana"]

    @pytest.mark.parametrize("when", ["0001-01-01", "9999-12-31", "31/12/1999", date(2999, 1, 1)])
    def test_submit_refuses_dates_outside_2000_to_today(self, tmp_path, when):
        """Year 1 or 9999 are typos, not measurements: refused, nothing written."""
        with pytest.raises(SSIInputError, match="«when» debe ser una fecha entre el 01/01/2000 y hoy"):
            submit(SSI(1, 1, 1, 1), "ana", tmp_path, when=when)
        assert not any(tmp_path.iterdir())

    def test_read_class_sets_far_dates_aside(self):
        """A row dated year 1 or 9999 is rejected, and compare_projection works for the rest of the class."""
        clase = read_class("fecha;alias;marca;personas;informacion;relaciones\n"
                           "2025-03-01;ana;10;8;5;10\n2025-03-22;ana;12;8;5;10\n"
                           "0001-01-01;luis;1;1;1;1\n9999-12-31;luis;2;2;2;2\n")
        assert clase.rejected["line"].tolist() == [4, 5]
        assert all("2000" in reason for reason in clase.rejected["reason"])
        assert compare_projection(clase, ["grupos"])["student"].tolist() == ["ana"]

    def test_a_planted_folder_cannot_block_a_submit(self, tmp_path):
        """Someone creates a folder with another student's file name: that student still submits."""
        first = submit(SSI(1, 1, 1, 1), "ana", tmp_path, when=date(2025, 3, 5))
        first.unlink()
        first.mkdir()
        written = submit(SSI(2, 2, 2, 2), "ana", tmp_path, when=date(2025, 3, 5))
        assert written != first and written.is_file() and first.is_dir()
        again = submit(SSI(3, 3, 3, 3), "ana", tmp_path, when=date(2025, 3, 5))
        assert again == written
        assert read_class(tmp_path).submissions["total"].tolist() == [12]

    def test_a_link_under_the_students_name_is_never_followed(self, tmp_path):
        """A symlink planted with a student's file name is left alone; the submission goes elsewhere."""
        outside = tmp_path / "fuera.csv"
        outside.write_text("no tocar\n", encoding="utf-8")
        folder = tmp_path / "clase"
        folder.mkdir()
        first = submit(SSI(1, 1, 1, 1), "ana", folder, when=date(2025, 3, 5))
        first.unlink()
        first.symlink_to(outside)
        written = submit(SSI(2, 2, 2, 2), "ana", folder, when=date(2025, 3, 5))
        assert written != first and outside.read_text(encoding="utf-8") == "no tocar\n"

    def test_read_class_does_not_follow_links_out_of_the_folder(self, tmp_path):
        """A link in the class folder to a file elsewhere (the teacher's own data) is not read."""
        secret = tmp_path / "notas_privadas.csv"
        secret.write_text("alias;marca;personas;informacion;relaciones\nsecreto;1;2;3;4\n", encoding="utf-8")
        folder = tmp_path / "clase"
        folder.mkdir()
        submit(SSI(1, 1, 1, 1), "ana", folder, when=date(2025, 3, 5))
        os.symlink(secret, folder / "enlace.csv")
        clase = read_class(folder)
        assert clase.submissions["student"].tolist() == ["ana"]
        assert "secreto" not in " ".join(clase.rejected["reason"])


# --- only our errors, never a row -----------------------------------------------------------
_KIND = TableKind(file="x.csv", columns={"a": ("a",), "b": ("b",)}, function="read_x", strict=False,
                  cut_at_bad_quote=True)


@given(st.text(alphabet='ab,;\t"\r\n x\'=é', max_size=60))
def test_any_text_is_a_table_or_our_error(text):
    """Whatever the text after a header, the reader gives a table or our error; its lines grow."""
    try:
        table = read_table("a,b\n" + text, _KIND)
    except SSIInputError as error:
        assert "Traceback" not in str(error)
        return
    if table.lines is not None and len(table.lines) > 1:
        assert np.all(np.diff(table.lines) > 0)
    assert list(table.frame.columns) == ["a", "b"]


# --- the tracker's CSV ------------------------------------------------------------------------
class TestTrackerFile:
    def test_a_200_000_character_note_saves_and_loads(self, tmp_path):
        """A tracker with a 200,000-character note loads again, from the store and from its CSV export."""
        from ssi_kit import relationships as rel

        note = "llamar " * 30_000
        tracker = rel.add_contact(rel.new_tracker(), "Ana Ruiz", stage="confianza", next_step=note)
        rel.save_tracker(tracker, path=tmp_path / "relaciones.sqlite")
        assert rel.load_tracker(tmp_path / "relaciones.sqlite")["next_step"].tolist() == [" ".join(note.split())]
        exported = rel.export_tracker(tracker, tmp_path / "copia.csv")
        assert rel.load_tracker(exported)["next_step"].tolist() == [" ".join(note.split())]

    @pytest.mark.parametrize("row", [
        f"{SECRET},desconocida,2025-01-01,",
        f"{SECRET},confianza,ayer por la tarde,",
        f"{SECRET * 20},confianza,,",
        f",confianza,,{SECRET}",
    ])
    def test_messages_never_quote_a_cell(self, tmp_path, row):
        """A malformed row is named by its line and what is wrong, never by what it holds."""
        from ssi_kit import relationships as rel

        path = tmp_path / "relaciones.csv"
        path.write_text(f"nombre,etapa,ultima_interaccion,siguiente_paso\nAna,conexion,,\n{row}\n", encoding="utf-8")
        with pytest.raises(SSIInputError, match="Línea 3") as info:
            rel.load_tracker(path)
        assert SECRET not in str(info.value) and "desconocida" not in str(info.value)
        assert "ayer" not in str(info.value)

    def test_round_trip_of_what_a_learner_typed(self, tmp_path):
        """A note «'=1+1» saved to CSV and loaded is «'=1+1», and «=1+1» is «=1+1»."""
        from ssi_kit import relationships as rel

        tracker = rel.add_contact(rel.new_tracker(), "Ana", next_step="'=1+1")
        tracker = rel.add_contact(tracker, "Luis", next_step="=1+1; +2, @3")
        out = rel.export_tracker(tracker, tmp_path / "copia.csv")
        assert rel.load_tracker(out)["next_step"].tolist() == ["'=1+1", "=1+1; +2, @3"]
