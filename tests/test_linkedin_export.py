"""Tests of ssi_kit.linkedin_export: every export variant, the summary, anonymising, safe CSVs."""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import io
import zipfile
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ssi_kit
from ssi_kit import SSIInputError, SSITypeError, SSIWarning
from ssi_kit.datasets import data_path, load_dataset
from ssi_kit.linkedin_export import (
    COLUMNS,
    anonymize,
    is_decision_maker,
    network_summary,
    read_connections,
)
from ssi_kit.safe_csv import save_csv

from .strategies import export_rows, export_variants

ROOT = Path(__file__).resolve().parent.parent
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
NOTES = [
    "Notes:",
    '"When exporting your connection data, you may notice that some of the email addresses are missing. '
    'You will only see email addresses for connections who have allowed it https://www.linkedin.com/psettings"',
    "",
]
HEADER = {"first_name": "First Name", "last_name": "Last Name", "url": "URL", "email": "Email Address",
          "company": "Company", "position": "Position", "connected_on": "Connected On"}
MESSAGES_HEADER = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER"

ANA = {"first_name": "Ana", "last_name": "Muñoz", "url": "https://www.example.com/in/ana", "email": None,
       "company": "Andina, S.A.", "position": "Directora de Marketing", "connected_on": datetime(2024, 3, 15)}
LUIS = {"first_name": "Luis", "last_name": "Peña", "url": None, "email": "luis@example.com",
        "company": None, "position": "Analista", "connected_on": datetime(2019, 1, 8, 18, 14)}


# --- building exports like the ones people have -------------------------------------------------
def _date_text(when: datetime | None, fmt: str, i: int) -> str:
    if when is None:
        return ""
    if fmt == "current":
        return f"{when.day:02d} {MONTHS[when.month - 1]} {when.year}"
    hour = when.hour % 12 or 12
    return f"{when.month}/{when.day}/{when.year % 100:02d}, {hour}:{when.minute:02d} {'AM' if when.hour < 12 else 'PM'}"


def build_export(rows, *, fmt="current", encoding="utf-8", newline="\n", preamble=3, sep=",",
                 order=None, blank_rows=()) -> bytes:
    """The bytes of a Connections.csv with the given rows and variant."""
    columns = order or [c for c in COLUMNS if not (fmt == "2018" and c == "url")]
    out = io.StringIO()
    notes = NOTES if preamble <= 3 else [*NOTES[:2], "Exported by LinkedIn", "Second note", "", ""][:preamble]
    for line in notes[:preamble]:
        out.write(line + newline)
    writer = csv.writer(out, delimiter=sep, lineterminator=newline)
    writer.writerow([HEADER[c] for c in columns])
    for i, row in enumerate(rows):
        if i in blank_rows:
            out.write(newline)
        writer.writerow([_date_text(row[c], fmt, i) if c == "connected_on" else (row[c] or "") for c in columns])
    return out.getvalue().encode(encoding)


def expected_frame(rows, *, fmt="current") -> pd.DataFrame:
    """What read_connections should return for ``rows``."""
    if fmt == "2018":  # no URL column: a URL never reaches the file
        rows = [{**r, "url": None} for r in rows]
    keep = [r for r in rows if any(v is not None for v in r.values())]
    data = {}
    for column in COLUMNS[:-1]:
        data[column] = pd.array([r[column] for r in keep], dtype="string")
    dates = [r["connected_on"] for r in keep]
    if fmt == "current":
        dates = [d and datetime(d.year, d.month, d.day) for d in dates]
    data["connected_on"] = pd.to_datetime(pd.Series(dates, dtype="object")).astype("datetime64[ns]")
    return pd.DataFrame(data).reset_index(drop=True)


def write(tmp_path: Path, data: bytes, name: str = "Connections.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- read_connections -----------------------------------------------------------------------------
class TestReadConnections:
    def test_current_format(self, tmp_path):
        """The current export (notes, blank line, header, '15 Mar 2024') is read into the seven columns."""
        path = write(tmp_path, build_export([ANA, LUIS]))
        df = read_connections(path)
        assert list(df.columns) == list(COLUMNS)
        pd.testing.assert_frame_equal(df, expected_frame([ANA, LUIS]))

    def test_dtypes(self, tmp_path):
        """Text columns are pandas strings with NA for missing values; connected_on is datetime64."""
        df = read_connections(write(tmp_path, build_export([ANA, LUIS])))
        assert all(df[c].dtype == "string" for c in COLUMNS[:-1])
        assert str(df["connected_on"].dtype).startswith("datetime64")
        assert df.loc[0, "email"] is pd.NA and df.loc[1, "company"] is pd.NA

    @pytest.mark.parametrize("preamble", [0, 1, 2, 3, 5, 6])
    def test_preamble_of_any_length(self, tmp_path, preamble):
        """The header row is found whatever the number of note lines before it."""
        df = read_connections(write(tmp_path, build_export([ANA, LUIS], preamble=preamble)))
        pd.testing.assert_frame_equal(df, expected_frame([ANA, LUIS]))

    def test_2018_format(self, tmp_path):
        """Older exports (no notes, no URL column, '1/8/18, 6:14 PM') are read, the URL left NA."""
        data = build_export([ANA, LUIS], fmt="2018", preamble=0)
        assert data.decode().splitlines()[0] == "First Name,Last Name,Email Address,Company,Position,Connected On"
        df = read_connections(write(tmp_path, data))
        pd.testing.assert_frame_equal(df, expected_frame([ANA, LUIS], fmt="2018"))
        assert df.loc[1, "connected_on"] == pd.Timestamp("2019-01-08 18:14")

    def test_2018_date_text(self, tmp_path):
        """A date exactly as written in 2018 exports, '1/8/18, 6:14 PM', becomes 8 January 2018 18:14."""
        text = 'First Name,Last Name,Email Address,Company,Position,Connected On\nAna,Ruiz,,,CEO,"1/8/18, 6:14 PM"\n'
        df = read_connections(write(tmp_path, text.encode()))
        assert df.loc[0, "connected_on"] == pd.Timestamp("2018-01-08 18:14")

    def test_any_column_order(self, tmp_path):
        """Columns may come in any order; the result always has the same order."""
        order = ["connected_on", "position", "email", "first_name", "company", "url", "last_name"]
        df = read_connections(write(tmp_path, build_export([ANA, LUIS], order=order)))
        pd.testing.assert_frame_equal(df, expected_frame([ANA, LUIS]))

    @pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1"])
    @pytest.mark.parametrize("newline", ["\n", "\r\n"])
    def test_encodings_and_line_ends(self, tmp_path, encoding, newline):
        """UTF-8 with or without BOM, latin-1/Windows-1252 re-saves, LF or CRLF: all read the same."""
        df = read_connections(write(tmp_path, build_export([ANA, LUIS], encoding=encoding, newline=newline)))
        pd.testing.assert_frame_equal(df, expected_frame([ANA, LUIS]))
        assert df.loc[0, "last_name"] == "Muñoz"

    def test_bom_without_preamble(self, tmp_path):
        """A BOM right before the header (a spreadsheet's UTF-8 save) does not hide 'First Name'."""
        df = read_connections(write(tmp_path, build_export([ANA], preamble=0, encoding="utf-8-sig")))
        assert df.loc[0, "first_name"] == "Ana"

    def test_large_latin1_file(self, tmp_path):
        """A big latin-1 file (the encoding guessed from its start is wrong) is still read right."""
        rows = [dict(ANA, first_name=f"Ana{i}") for i in range(2000)] + [dict(LUIS, last_name="Íñiguez")]
        data = build_export(rows, encoding="cp1252")
        assert len(data) > 65_536
        df = read_connections(write(tmp_path, data))
        assert len(df) == 2001 and df["last_name"].iloc[-1] == "Íñiguez"

    def test_semicolon_separator(self, tmp_path):
        """Spreadsheets in Spanish save with ';' between fields: still read."""
        df = read_connections(write(tmp_path, build_export([ANA, LUIS], sep=";", encoding="cp1252")))
        pd.testing.assert_frame_equal(df, expected_frame([ANA, LUIS]))

    def test_quoted_fields_with_commas(self, tmp_path):
        """Quoted fields keep their commas and quotes."""
        person = dict(ANA, company='Grupo "Sur", S.L.', position="CEO, fundadora")
        df = read_connections(write(tmp_path, build_export([person])))
        assert df.loc[0, "company"] == 'Grupo "Sur", S.L.'
        assert df.loc[0, "position"] == "CEO, fundadora"

    def test_blank_rows_dropped_partial_rows_kept(self, tmp_path):
        """Fully blank rows (empty lines or only separators) are dropped; rows with some fields stay."""
        only_name = {c: None for c in COLUMNS} | {"first_name": "Pau"}
        only_company = {c: None for c in COLUMNS} | {"company": "Acme"}
        blank = {c: None for c in COLUMNS}
        rows = [ANA, blank, only_name, blank, only_company, LUIS]
        df = read_connections(write(tmp_path, build_export(rows, blank_rows=(1, 4))))
        assert df["first_name"].tolist()[:3] == ["Ana", "Pau", pd.NA]
        assert len(df) == 4 and df.loc[2, "company"] == "Acme"
        assert df.loc[1, "connected_on"] is pd.NaT

    def test_short_rows_are_padded(self, tmp_path):
        """A row with fewer fields than the header gets NA in the missing ones."""
        text = "\n".join([*NOTES, ",".join(HEADER.values()), "Ana,Ruiz", "Luis,Peña,,,Acme,CEO,02 Feb 2020"])
        df = read_connections(write(tmp_path, text.encode()))
        assert df.loc[0, "company"] is pd.NA and df.loc[0, "connected_on"] is pd.NaT
        assert df.loc[1, "connected_on"] == pd.Timestamp("2020-02-02")

    def test_words_pandas_takes_for_missing_are_kept(self, tmp_path):
        """A name such as 'NA' or 'None' is a name, not a missing value."""
        person = dict(ANA, first_name="NA", last_name="None", company="null")
        df = read_connections(write(tmp_path, build_export([person])))
        assert df.loc[0, ["first_name", "last_name", "company"]].tolist() == ["NA", "None", "null"]

    def test_leading_spaces_dropped(self, tmp_path):
        """Spaces after a separator (hand-edited files) are not part of the value."""
        text = "First Name, Last Name, Company, Connected On\nAna, Ruiz, Acme, 15 Mar 2024\n"
        df = read_connections(write(tmp_path, text.encode()))
        assert df.loc[0, ["last_name", "company"]].tolist() == ["Ruiz", "Acme"]
        assert df.loc[0, "connected_on"] == pd.Timestamp("2024-03-15")

    def test_export_with_no_connections(self, tmp_path):
        """An export with the header and no connections gives an empty table with the seven columns."""
        df = read_connections(write(tmp_path, build_export([])))
        assert df.empty and list(df.columns) == list(COLUMNS)
        assert str(df["connected_on"].dtype).startswith("datetime64")
        assert df["first_name"].dtype == "string"

    def test_only_blank_rows_is_empty(self, tmp_path):
        """Only blank rows after the header: an empty table, not an error."""
        df = read_connections(write(tmp_path, build_export([{c: None for c in COLUMNS}] * 3)))
        assert df.empty and list(df.columns) == list(COLUMNS)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("15 mar 2024", "2024-03-15"),
            ("15 ene 2024", "2024-01-15"),
            ("3 dic. 2021", "2021-12-03"),
            ("2024-03-15", "2024-03-15"),
            ("15-Mar-24", "2024-03-15"),
        ],
    )
    def test_other_date_spellings(self, tmp_path, text, expected):
        """Dates re-typed by spreadsheets or in Spanish are read too."""
        data = f"First Name,Last Name,Connected On\nAna,Ruiz,{text}\n".encode()
        assert read_connections(write(tmp_path, data)).loc[0, "connected_on"] == pd.Timestamp(expected)

    def test_slash_dates_follow_the_files_majority(self, tmp_path):
        """Day/month or month/day is decided by the whole file: '13/02/2024' makes '03/04/2024' 3 April."""
        data = "First Name,Last Name,Connected On\nAna,Ruiz,13/02/2024\nLuis,Peña,03/04/2024\n".encode()
        df = read_connections(write(tmp_path, data))
        assert df["connected_on"].tolist() == [pd.Timestamp("2024-02-13"), pd.Timestamp("2024-04-03")]

    def test_unreadable_date_is_nat(self, tmp_path):
        """A date no format reads becomes NaT (with a warning giving its line); the row is kept."""
        data = "First Name,Last Name,Connected On\nAna,Ruiz,ayer\nLuis,Peña,15 Mar 2024\n".encode()
        with pytest.warns(SSIWarning, match="Línea 2"):
            df = read_connections(write(tmp_path, data))
        assert df.loc[0, "connected_on"] is pd.NaT and len(df) == 2

    def test_folder_zip_and_bytes(self, tmp_path):
        """The unzipped folder, LinkedIn's .zip, or the bytes of an upload work like the file."""
        data = build_export([ANA, LUIS])
        folder = tmp_path / "Basic_LinkedInDataExport"
        folder.mkdir()
        write(folder, data)
        archive = tmp_path / "export.zip"
        with zipfile.ZipFile(archive, "w") as z:
            z.writestr("Connections.csv", data)
            z.writestr("messages.csv", MESSAGES_HEADER + "\n")
        expected = expected_frame([ANA, LUIS])
        for source in (folder, archive, data, io.BytesIO(data)):
            pd.testing.assert_frame_equal(read_connections(source), expected)

    @pytest.mark.parametrize("variant", [
        {}, {"fmt": "2018", "preamble": 0}, {"encoding": "cp1252"}, {"encoding": "utf-8-sig", "newline": "\r\n"},
    ])
    def test_input_file_not_modified(self, tmp_path, variant):
        """Reading never changes the learner's file (same bytes, same hash)."""
        path = write(tmp_path, build_export([ANA, LUIS], **variant))
        before, mtime = sha256(path), path.stat().st_mtime_ns
        read_connections(path)
        assert sha256(path) == before and path.stat().st_mtime_ns == mtime

    def test_messages_csv_is_rejected(self, tmp_path):
        """LinkedIn's messages.csv raises a clear error naming the file and pointing to Connections.csv."""
        row = '1,Hola,Ana,url,Luis,2024-01-01,,"Hola, ¿qué tal?",INBOX'
        path = write(tmp_path, (MESSAGES_HEADER + "\n" + row + "\n").encode(), name="messages.csv")
        with pytest.raises(SSIInputError, match=r"messages\.csv.*no parece una exportación de contactos") as info:
            read_connections(path)
        assert "First Name, Last Name" in str(info.value)
        assert "busca Connections.csv" in str(info.value)

    def test_other_csv_is_rejected(self, tmp_path):
        """Any CSV without a connections header is rejected, naming the file but never quoting its lines."""
        path = write(tmp_path, b"nombre;edad\nAna;30\n", name="otra.csv")
        with pytest.raises(SSIInputError, match=r"otra\.csv» no parece.*no encuentro la fila de encabezado") as info:
            read_connections(path)
        assert "nombre;edad" not in str(info.value) and "Ana" not in str(info.value)

    def test_empty_file_is_rejected(self, tmp_path):
        """A 0-byte file (a failed download) says so."""
        with pytest.raises(SSIInputError, match=r"El archivo «.*Connections\.csv» está vacío"):
            read_connections(write(tmp_path, b""))

    def test_missing_file(self, tmp_path):
        """A wrong path names the file and says how to download the data."""
        with pytest.raises(SSIInputError, match=r"No encuentro el archivo .*no_existe\.csv.*Obtener una copia"):
            read_connections(tmp_path / "no_existe.csv")

    def test_folder_without_export(self, tmp_path):
        """A folder without Connections.csv is an error naming the folder."""
        with pytest.raises(SSIInputError, match=r"no contiene Connections\.csv"):
            read_connections(tmp_path)

    def test_zip_without_export(self, tmp_path):
        """A .zip without Connections.csv is an error naming the archive."""
        archive = tmp_path / "x.zip"
        with zipfile.ZipFile(archive, "w") as z:
            z.writestr("messages.csv", MESSAGES_HEADER)
        with pytest.raises(SSIInputError, match=r"x\.zip» no contiene Connections.csv"):
            read_connections(archive)

    def test_row_with_too_many_fields(self, tmp_path):
        """An unquoted comma that adds a field gives the file's line number, not a pandas traceback."""
        text = "\n".join([*NOTES, ",".join(HEADER.values()), "Ana,Ruiz,,,Acme,CEO,15 Mar 2024",
                          "Luis,Peña,,,Acme,CEO, fundador,15 Mar 2024", ""])
        with pytest.raises(SSIInputError, match=r"línea 6 del archivo «.*Connections\.csv»"):
            read_connections(write(tmp_path, text.encode()))

    def test_dataframe_is_a_type_error(self):
        """Passing the table instead of the path says you already have the table."""
        with pytest.raises(SSITypeError, match="Ya tienes la tabla"):
            read_connections(pd.DataFrame({"a": [1]}))

    def test_number_is_a_type_error(self):
        """Something that is not a path is a type error naming what came in."""
        with pytest.raises(SSITypeError, match="recibido int"):
            read_connections(42)

    def test_messages_in_english(self, tmp_path):
        """With set_language('en') errors are in English."""
        ssi_kit.set_language("en")
        with pytest.raises(SSIInputError, match="does not look like a LinkedIn connections export"):
            read_connections(write(tmp_path, MESSAGES_HEADER.encode(), name="messages.csv"))

    @given(rows=st.lists(export_rows, max_size=12), variant=export_variants)
    def test_any_variant_round_trips(self, tmp_path_factory, rows, variant):
        """Whatever the variant (format, encoding, line ends, notes, separator, order), the rows come back."""
        fmt = variant["fmt"]
        order = [c for c in COLUMNS if not (fmt == "2018" and c == "url")]
        variant["shuffle"].shuffle(order)
        data = build_export(rows, fmt=fmt, encoding=variant["encoding"], newline=variant["newline"],
                            preamble=0 if fmt == "2018" else variant["preamble"], sep=variant["sep"], order=order)
        path = write(tmp_path_factory.mktemp("export"), data)
        before = sha256(path)
        pd.testing.assert_frame_equal(read_connections(path), expected_frame(rows, fmt=fmt))
        assert sha256(path) == before


class TestExampleExport:
    def test_example_file(self):
        """The shipped example has 500 people, all named and dated, read through load_dataset."""
        df = load_dataset("conexiones_ejemplo")
        assert len(df) == 500 and list(df.columns) == list(COLUMNS)
        assert df[["first_name", "last_name", "connected_on"]].notna().all().all()
        assert df["url"].str.startswith("https://www.example.com/").all()  # points to no real person
        assert df["email"].dropna().str.endswith("@example.com").all()

    def test_example_file_is_reproducible(self, tmp_path):
        """scripts/make_example_export.py makes exactly the committed example files."""
        script = ROOT / "scripts" / "make_example_export.py"
        spec = importlib.util.spec_from_file_location("make_example_export", script)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        assert module.export_text(module.make_people()) == data_path("conexiones_ejemplo.csv").read_text("utf-8")
        assert module.network_text() == data_path("red_ejemplo.csv").read_text("utf-8")

    def test_example_file_name_is_not_ignored(self):
        """The example is not called Connections.csv (that name is git-ignored to protect learners' data)."""
        assert data_path("conexiones_ejemplo.csv").name != "Connections.csv"


# --- decision makers --------------------------------------------------------------------------
class TestIsDecisionMaker:
    @pytest.mark.parametrize("title", [
        "Director de Marketing", "Directora Comercial", "Subdirectora General", "CEO", "Co-founder & CEO",
        "Fundadora", "Cofundador", "Gerente General", "gerenta de ventas", "Jefe de Proyectos", "JEFA DE COMPRAS",
        "Head of Sales", "VP of Engineering", "Vicepresidente", "Presidenta", "Socio", "Socia directora",
        "Managing Partner", "Dueño", "DUEÑA", "Owner", "Propietaria", "CFO", "Chief Revenue Officer",
        "Country Manager", "Managing Director", "Consejero Delegado", "Directivo en banca",
    ])
    def test_decision_makers(self, title):
        """Decision-making titles in Spanish and English, any case, with or without accents."""
        assert is_decision_maker([title]).tolist() == [True]

    @pytest.mark.parametrize("title", [
        "Analista de Datos", "Ejecutiva de Cuentas", "Asistente de Dirección", "Executive Assistant to the CEO",
        "Secretaria del Director", "Becario de Marketing", "Product Owner", "Account Manager", "Asociado",
        "Sociólogo", "Headhunter", "Coordinadora", "Como siempre, aprendiendo", "",
    ])
    def test_not_decision_makers(self, title):
        """Other titles, including assistants of a director and look-alike words, are not."""
        assert is_decision_maker([title]).tolist() == [False]

    def test_missing_titles_and_index(self):
        """NA titles are False and the result keeps the input's index."""
        s = pd.Series(["CEO", pd.NA, "Analista"], index=[10, 11, 12], dtype="string")
        result = is_decision_maker(s)
        assert result.tolist() == [True, False, False] and list(result.index) == [10, 11, 12]


# --- summary -----------------------------------------------------------------------------------
def _table(rows):
    return pd.DataFrame({
        "company": pd.array([r[0] for r in rows], dtype="string"),
        "position": pd.array([r[1] for r in rows], dtype="string"),
        "connected_on": pd.to_datetime(pd.Series([r[2] for r in rows], dtype="object")),
    })


class TestNetworkSummary:
    def test_per_year_has_every_year_and_cumulative(self):
        """Years without connections appear with 0; cumulative adds up to the dated connections."""
        df = _table([("A", "CEO", "2019-05-01"), ("A", "Analista", "2021-01-01"), ("B", "CEO", "2021-06-01"),
                     ("B", None, None)])
        s = network_summary(df)
        assert s.per_year.to_dict("list") == {"year": [2019, 2020, 2021], "connections": [1, 0, 2],
                                              "cumulative": [1, 1, 3]}
        assert s.total == 4 and s.undated == 1

    def test_top_companies_and_positions(self):
        """Most frequent first, ties alphabetical, trailing spaces merged, share of all connections."""
        df = _table([("Beta", "CEO", "2020-01-01"), ("Alfa", "CEO", "2020-01-01"), ("Alfa ", "Analista", "2020-01-01"),
                     ("Beta", "Analista", "2020-01-01"), ("Gamma", None, "2020-01-01")])
        s = network_summary(df, top=2)
        assert s.top_companies.to_dict("list") == {"company": ["Alfa", "Beta"], "connections": [2, 2],
                                                   "share": [0.4, 0.4]}
        assert s.top_positions["position"].tolist() == ["Analista", "CEO"]

    def test_decision_maker_share(self):
        """The share of decision makers is over all connections."""
        df = _table([("A", "CEO", "2020-01-01"), ("A", "Gerente", "2020-01-01"), ("A", "Analista", "2020-01-01"),
                     ("A", None, "2020-01-01")])
        s = network_summary(df)
        assert s.decision_makers == 2 and s.decision_maker_share == 0.5

    def test_example_figures(self):
        """The example export's summary: 500 connections from 2012 to 2025, 131 decision makers."""
        s = network_summary(load_dataset("conexiones_ejemplo"))
        assert (s.total, s.undated, s.decision_makers) == (500, 0, 131)
        assert s.per_year["year"].iloc[[0, -1]].tolist() == [2012, 2025]
        assert s.per_year["cumulative"].iloc[-1] == 500
        assert len(s.top_companies) == 10
        assert str(s).startswith("500 contactos entre 2012 y 2025; 131 (26,2 %)")
        assert "<p>500 contactos" in s._repr_html_()

    def test_empty_export(self, tmp_path):
        """An empty export gives a summary of zeros, not an error."""
        s = network_summary(read_connections(write(tmp_path, build_export([]))))
        assert s.total == 0 and s.decision_maker_share == 0.0 and s.per_year.empty
        assert str(s) == "Tu exportación no tiene contactos todavía."

    def test_not_a_dataframe(self):
        """A path instead of the table is a type error pointing to read_connections."""
        with pytest.raises(SSITypeError, match="«df» debe ser la tabla de read_connections"):
            network_summary("Connections.csv")

    def test_missing_columns(self):
        """A table without company/position/connected_on says which columns are missing."""
        with pytest.raises(SSIInputError, match="faltan las columnas: company, position, connected_on"):
            network_summary(pd.DataFrame({"x": [1]}))

    @pytest.mark.parametrize("top", [0, -1, 2.5, True])
    def test_bad_top(self, top):
        """top must be a whole number from 1."""
        with pytest.raises(SSIInputError, match=r"«top» debe ser (un número entero|1 o más)"):
            network_summary(load_dataset("conexiones_ejemplo"), top=top)


# --- anonymize ---------------------------------------------------------------------------------
class TestAnonymize:
    def test_no_names_emails_or_urls(self):
        """No name, e-mail or URL of the export appears anywhere in the anonymised table."""
        df = load_dataset("conexiones_ejemplo")
        shared = anonymize(df, keep=("company", "position", "connected_on", "decision_maker"))
        assert not {"first_name", "last_name", "url", "email"} & set(shared.columns)
        text = shared.to_csv()
        for column in ("url", "email"):
            assert not any(v in text for v in df[column].dropna())
        full_names = (df["first_name"] + " " + df["last_name"]).tolist()
        assert not any(name in text for name in full_names)

    def test_pseudonyms_by_connection_date(self):
        """C-00001 is the oldest connection; undated people come last; the same export gives the same table."""
        df = _table([("A", "CEO", "2021-01-01"), ("B", "X", None), ("C", "Y", "2019-01-01")])
        shared = anonymize(df, keep=["company"])
        assert shared.to_dict("list") == {"contact": ["C-00001", "C-00002", "C-00003"], "company": ["C", "A", "B"]}
        pd.testing.assert_frame_equal(anonymize(df, keep=["company"]), shared)

    def test_keyed_pseudonyms_are_stable_across_exports(self):
        """With a key, a person keeps their pseudonym when the export changes (rows added or reordered)."""
        df = load_dataset("conexiones_ejemplo")
        one = anonymize(df.iloc[:100], keep=["position"], key="secreto")
        two = anonymize(df.iloc[::-1], keep=["position"], key="secreto")
        assert set(one["contact"]) <= set(two["contact"])
        other_key = anonymize(df.iloc[:100], keep=["position"], key="otro")
        assert not set(one["contact"]) & set(other_key["contact"])

    def test_default_columns(self):
        """By default: pseudonym, title, date and the decision-maker flag."""
        shared = anonymize(load_dataset("conexiones_ejemplo"))
        assert list(shared.columns) == ["contact", "position", "connected_on", "decision_maker"]
        assert shared["decision_maker"].sum() == 131

    @pytest.mark.parametrize("column", ["email", "first_name", "url"])
    def test_private_columns_refused(self, column):
        """Names, e-mails and URLs cannot be kept."""
        with pytest.raises(SSIInputError, match=rf"No se puede conservar la columna '{column}'.*nunca se comparten"):
            anonymize(load_dataset("conexiones_ejemplo"), keep=[column])

    def test_unknown_column_refused(self):
        """An unknown column lists the ones that can be kept."""
        with pytest.raises(SSIInputError, match="elige entre company, position"):
            anonymize(load_dataset("conexiones_ejemplo"), keep="salario")


# --- save_csv ----------------------------------------------------------------------------------
class TestSaveCsv:
    @pytest.mark.parametrize("cell", ["=SUM(A1:A2)", "+34 600", "-2+3", "@cmd", "\tx", "\rx"])
    def test_formula_injection_neutralised(self, tmp_path, cell):
        """Cells a spreadsheet would run as a formula get a leading apostrophe."""
        path = save_csv(pd.DataFrame({"position": [cell, "CEO"]}), tmp_path / "out.csv")
        values = pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False)["position"].tolist()
        assert values == ["'" + cell, "CEO"]

    def test_anonymised_example_round_trip(self, tmp_path):
        """The anonymised example, saved, reads back with the same pseudonyms and UTF-8 accents."""
        shared = anonymize(load_dataset("conexiones_ejemplo"), keep=["company", "position"])
        path = save_csv(shared, tmp_path / "clase.csv")
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
        back = pd.read_csv(path, encoding="utf-8-sig")
        assert back["contact"].tolist() == shared["contact"].tolist()

    def test_refuses_to_overwrite(self, tmp_path):
        """An existing file is not replaced unless overwrite=True."""
        path = tmp_path / "x.csv"
        path.write_text("original")
        with pytest.raises(SSIInputError, match=r"Ya existe .*x\.csv.*overwrite=True"):
            save_csv(pd.DataFrame({"a": [1]}), path)
        assert path.read_text() == "original"
        save_csv(pd.DataFrame({"a": [1]}), path, overwrite=True)
        assert path.read_text(encoding="utf-8-sig").splitlines() == ['"a"', "1"]

    def test_not_a_dataframe(self, tmp_path):
        """save_csv takes a DataFrame."""
        with pytest.raises(SSITypeError, match="save_csv espera un DataFrame"):
            save_csv([1, 2], tmp_path / "x.csv")
