"""read_connections on files as people have them: damaged, edited, re-saved, or not exports at all.

Only SSIInputError / SSITypeError (and SSIWarning) ever reach the learner, every message names
the file as it was given and the line at fault, and none ever quotes a row of someone's data.
"""

from __future__ import annotations

import io
import struct
import warnings
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssi_kit import SSIInputError, SSITypeError, SSIWarning
from ssi_kit.linkedin_export import COLUMNS, read_connections

from .strategies import csv_like_texts

DATA = Path(__file__).resolve().parent / "data"
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
NOTES = ('Notes:\n"When exporting your connection data, you may notice that some of the email addresses are '
         'missing."\n\n')
# A person nobody is: if any of these shows up in a message, a row was quoted.
SECRET_NAME, SECRET_SURNAME = "Zacarías", "Quiñonero-Vélez"
SECRET_EMAIL, SECRET_COMPANY = "zq.secreto@example.com", "Empresa Secretísima"
SECRETS = (SECRET_NAME, SECRET_SURNAME, SECRET_EMAIL, SECRET_COMPANY, "secreto", "Secretísima")
SECRET_ROW = f"{SECRET_NAME},{SECRET_SURNAME},https://www.example.com/in/zq,{SECRET_EMAIL},{SECRET_COMPANY},CEO"


def write(tmp_path: Path, data: bytes | str, name: str = "Connections.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def lines(*rows: str) -> str:
    return "\n".join(rows) + "\n"


def read_quietly(source):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SSIWarning)
        return read_connections(source)


# --- dates ------------------------------------------------------------------------------------
class TestDates:
    def test_far_future_and_past_dates_are_nat_with_a_warning(self, tmp_path):
        """'31 Dec 9999' and '0001-01-01' (out of pandas' range) become NaT; the warning names their lines."""
        text = lines(HEADER, "Ana,Ruiz,,,Acme,CEO,15 Mar 2024", f"{SECRET_ROW},31 Dec 9999",
                     "Luis,Peña,,,Beta,CEO,0001-01-01")
        with pytest.warns(SSIWarning, match=r"2 fechas .*fuera del rango.*Líneas 3, 4\.") as record:
            df = read_connections(write(tmp_path, text))
        assert df["connected_on"].isna().tolist() == [False, True, True]
        assert df.loc[0, "connected_on"] == pd.Timestamp("2024-03-15")
        message = str(record[0].message)
        assert not any(s in message for s in SECRETS) and "9999" not in message

    def test_unreadable_dates_warn_with_their_lines(self, tmp_path):
        """A date no format reads is NaT and a warning gives its line (after the notes), not its text."""
        text = NOTES + lines(HEADER, "Ana,Ruiz,,,Acme,CEO,ayer", "Luis,Peña,,,Acme,CEO,15 Mar 2024")
        with pytest.warns(SSIWarning, match=r"1 fecha del archivo «.*» no se pudo leer.*Línea 5\.") as record:
            df = read_connections(write(tmp_path, text))
        assert df.loc[0, "connected_on"] is pd.NaT and "ayer" not in str(record[0].message)

    def test_many_distinct_dates(self, tmp_path):
        """Thousands of distinct dates (each parsed once) all come back right, in any order."""
        days = pd.date_range("2004-01-01", periods=3000, freq="3D")
        rows = [f"P{i},Q,,,C,CEO,{d.day:02d} {d.strftime('%b')} {d.year}" for i, d in enumerate(days[::-1])]
        df = read_connections(write(tmp_path, lines(HEADER, *rows)))
        assert df["connected_on"].tolist() == list(days[::-1])

    def test_a_day_that_does_not_exist(self, tmp_path):
        """'31 Feb 2024' is not a date: NaT with a warning, the other rows read."""
        text = lines(HEADER, "Ana,Ruiz,,,Acme,CEO,31 Feb 2024", "Luis,Peña,,,Acme,CEO,29 Feb 2024")
        with pytest.warns(SSIWarning, match="Línea 2"):
            df = read_connections(write(tmp_path, text))
        assert df["connected_on"].tolist()[1] == pd.Timestamp("2024-02-29") and df.loc[0, "connected_on"] is pd.NaT


# --- rows that cannot be read ---------------------------------------------------------------
class TestBrokenRows:
    def test_stray_comma_in_the_first_row(self, tmp_path):
        """A comma in the FIRST data row is refused like on any other line (pandas would drop a field)."""
        text = lines("First Name,Last Name,Company,Position", "Ana,Ruiz,Acme, S.L.,CEO", "Luis,Peña,Beta,CEO")
        with pytest.raises(SSIInputError, match=r"línea 2 del archivo «.*Connections\.csv»: tiene 5 campos y el "
                                                r"encabezado 4") as info:
            read_connections(write(tmp_path, text))
        assert "entre comillas" in info.value.hint

    def test_stray_comma_after_the_notes(self, tmp_path):
        """The line number is the one a text editor shows, counting the notes and blank lines."""
        text = NOTES + lines(HEADER, "Ana,Ruiz,,,Acme,CEO,15 Mar 2024", "", "Luis,Peña,,,Acme, S.L.,CEO,15 Mar 2024")
        with pytest.raises(SSIInputError, match="línea 7 del archivo"):
            read_connections(write(tmp_path, text))

    def test_stray_comma_in_a_later_row_with_semicolons(self, tmp_path):
        """With ';' between fields, the message names ';' as the separator to watch."""
        text = lines("First Name;Last Name;Company;Position", "Ana;Ruiz;Acme;CEO", "Luis;Peña;Acme; S.L.;CEO")
        with pytest.raises(SSIInputError, match=r"línea 3 .*un texto con «;»"):
            read_connections(write(tmp_path, text))

    @pytest.mark.parametrize("last", ["Marta,Gil,,,Acme,CEO,15 Mar 2024", ""])
    def test_unclosed_quote(self, tmp_path, last):
        """An unclosed quote names the line where it opens ('comilla sin cerrar'), never 'línea ?'."""
        text = NOTES + lines(HEADER, "Ana,Ruiz,,,Acme,CEO,15 Mar 2024", 'Luis,Peña,,,"Acme,CEO,15 Mar 2024', last)
        with pytest.raises(SSIInputError, match=r"comilla sin cerrar.*en la línea 6") as info:
            read_connections(write(tmp_path, text))
        assert "?" not in info.value.message

    def test_unclosed_quote_closed_by_a_later_one(self, tmp_path):
        """A quote that swallows lines until another quote closes it is still an unclosed quote."""
        text = lines(HEADER, 'Ana,Ruiz,,,"Acme,CEO,15 Mar 2024', 'Luis,Peña,,,"Beta",CEO,15 Mar 2024')
        with pytest.raises(SSIInputError, match=r"comilla sin cerrar.*línea 2"):
            read_connections(write(tmp_path, text))

    def test_quoted_field_over_two_lines_is_fine(self, tmp_path):
        """A properly quoted field holding a line break is data, and later lines keep their numbers."""
        text = lines(HEADER, 'Ana,Ruiz,,,"Acme\nIberia",CEO,15 Mar 2024', "Luis,Peña,,,Beta,CEO,ayer")
        with pytest.warns(SSIWarning, match="Línea 4"):
            df = read_connections(write(tmp_path, text))
        assert df["company"].tolist() == ["Acme\nIberia", "Beta"]

    def test_five_million_fields_refused_before_parsing(self, tmp_path, monkeypatch):
        """One row of five million fields is refused by a line-length check, before pandas parses anything."""
        def no_parsing(*args, **kwargs):
            raise AssertionError("pandas.read_csv should not run")

        monkeypatch.setattr(pd, "read_csv", no_parsing)
        text = HEADER + "\n" + SECRET_NAME + "," * 5_000_000 + "\n"
        with pytest.raises(SSIInputError, match=r"línea 2 .*más de 10\.000 caracteres") as info:
            read_connections(write(tmp_path, text))
        assert SECRET_NAME not in str(info.value)

    def test_empty_file(self, tmp_path):
        """A 0-byte file, or one holding only a BOM and line breaks, is 'vacío', not EmptyDataError."""
        for data in (b"", b"\xef\xbb\xbf\r\n\r\n", "\n".encode("utf-16")):
            with pytest.raises(SSIInputError, match=r"El archivo «.*Connections\.csv» está vacío"):
                read_connections(write(tmp_path, data))

    def test_only_the_notes(self, tmp_path):
        """The notes without a header row is not an export."""
        with pytest.raises(SSIInputError, match="no encuentro la fila de encabezado"):
            read_connections(write(tmp_path, NOTES))


# --- files that are not connections exports --------------------------------------------------
class TestNotAnExport:
    def test_no_header_row(self, tmp_path):
        """A header row deleted: the first line looks like data, and the hint gives the line to add."""
        text = lines(SECRET_ROW + ",15 Mar 2024", "Ana,Ruiz,,,Acme,CEO,15 Mar 2024")
        with pytest.raises(SSIInputError, match=r"no tiene fila de encabezado: su primera línea parece ya un "
                                                r"dato") as info:
            read_connections(write(tmp_path, text))
        assert info.value.hint.endswith("First Name,Last Name,URL,Email Address,Company,Position,Connected On")
        assert not any(secret in str(info.value) for secret in SECRETS)

    def test_rows_that_are_not_connections_without_header(self, tmp_path):
        """Lines that neither are a header nor look like a connection: the list of expected columns."""
        text = lines("hola,qué tal", "nada,que ver")
        with pytest.raises(SSIInputError, match=r"no encuentro la fila de encabezado con las columnas First Name, "
                                                r"Last Name, URL, Email Address, Company, Position, Connected On"):
            read_connections(write(tmp_path, text))

    def test_header_lacking_the_needed_columns(self, tmp_path):
        """A header with names but no company, position or date names the missing columns."""
        text = lines("First Name,Last Name,Email Address", f"{SECRET_NAME},{SECRET_SURNAME},{SECRET_EMAIL}")
        with pytest.raises(SSIInputError, match=r"línea 1 .*\(First Name, Last Name, Email Address\), pero le "
                                                r"faltan las columnas Company, Position, Connected On"):
            read_connections(write(tmp_path, text))

    def test_profile_csv_is_not_an_export(self, tmp_path):
        """LinkedIn's Profile.csv (first and last name, no company/title/date) is refused."""
        text = lines("First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary",
                     f"{SECRET_NAME},{SECRET_SURNAME},,,,CEO,")
        with pytest.raises(SSIInputError, match="le faltan las columnas"):
            read_connections(write(tmp_path, text, "Profile.csv"))

    def test_spreadsheet_file(self, tmp_path):
        """An .xlsx passed instead of the CSV says to save it as CSV."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as z:
            z.writestr("xl/workbook.xml", "<workbook/>")
        with pytest.raises(SSIInputError, match="guárdala como CSV"):
            read_connections(write(tmp_path, buffer.getvalue(), "Connections.xlsx"))


# --- where the file comes from ---------------------------------------------------------------
class TestSources:
    def test_pasted_text(self):
        """The file's text pasted instead of a path (a string with a line break) is read as the file."""
        df = read_connections(NOTES + lines(HEADER, "Ana,Ruiz,,,Acme,CEO,15 Mar 2024"))
        assert df.loc[0, "company"] == "Acme" and df.loc[0, "connected_on"] == pd.Timestamp("2024-03-15")

    def test_pasted_text_errors_say_so(self):
        """Errors about pasted text say 'del texto pegado'."""
        with pytest.raises(SSIInputError, match="línea 2 del texto pegado"):
            read_connections(lines("Company,Position", "Acme, S.L.,CEO"))

    def test_missing_path(self, tmp_path):
        """A path that does not exist: 'No encuentro el archivo' with the name as given and how to download."""
        with pytest.raises(SSIInputError, match=r"No encuentro el archivo «.*no_existe\.csv».*Obtener una copia"):
            read_connections(str(tmp_path / "no_existe.csv"))

    def test_name_too_long(self, tmp_path):
        """A path too long for the system says so (counted in bytes), not an OSError nor 'not found'."""
        with pytest.raises(SSIInputError, match=r"es demasiado largo: ocupa 5\.004 bytes"):
            read_connections(str(tmp_path / ("x" * 5000 + ".csv")))

    def test_permission_denied(self, tmp_path, monkeypatch):
        """A file that cannot be read (simulated: tests run as root) is a clear error, not PermissionError."""
        path = write(tmp_path, lines(HEADER, "Ana,Ruiz,,,Acme,CEO,15 Mar 2024"))

        def denied(self):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(Path, "read_bytes", denied)
        with pytest.raises(SSIInputError, match=r"No tengo permiso para leer «.*Connections\.csv»"):
            read_connections(path)

    def test_open_file_and_bytes(self, tmp_path):
        """An open file, bytes, a bytearray and a memoryview read the same."""
        data = lines(HEADER, "Ana,Ruiz,,,Acme,CEO,15 Mar 2024").encode()
        path = write(tmp_path, data)
        expected = read_connections(path)
        with path.open("rb") as file:
            pd.testing.assert_frame_equal(read_connections(file), expected)
        for source in (data, bytearray(data), memoryview(data)):
            pd.testing.assert_frame_equal(read_connections(source), expected)

    @pytest.mark.parametrize("value", [None, 3.5, ["Connections.csv"], {"path": "x"}])
    def test_wrong_types(self, value):
        """Anything that is not a path, text, bytes or file is an SSITypeError."""
        with pytest.raises(SSITypeError, match="read_connections espera"):
            read_connections(value)


class TestZip:
    def zip_with(self, tmp_path, members, name="export.zip"):
        path = tmp_path / name
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for member, data in members.items():
                z.writestr(member, data)
        return path

    def test_not_a_zip(self, tmp_path):
        """A .zip that is not one says it is not a valid .zip."""
        with pytest.raises(SSIInputError, match=r"«.*export\.zip» no es un \.zip válido"):
            read_connections(write(tmp_path, b"this is not a zip file at all", "export.zip"))

    def test_truncated_zip(self, tmp_path):
        """A download cut short is refused as incomplete."""
        path = self.zip_with(tmp_path, {"Connections.csv": lines(HEADER, *["Ana,Ruiz,,,Acme,CEO,15 Mar 2024"] * 50)})
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
        with pytest.raises(SSIInputError, match=r"no es un \.zip válido o está incompleto"):
            read_connections(path)

    def test_encrypted_zip(self, tmp_path):
        """A password-protected .zip says so and how to go on."""
        path = self.zip_with(tmp_path, {"Connections.csv": lines(HEADER, SECRET_ROW + ",15 Mar 2024")})
        data = bytearray(path.read_bytes())
        for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # the "encrypted" flag bit
            data[data.index(signature) + offset] |= 0x1
        path.write_bytes(bytes(data))
        with pytest.raises(SSIInputError, match="protegido con contraseña") as info:
            read_connections(path)
        assert "Descomprímelo" in info.value.hint

    @staticmethod
    def declare_size(path, size):
        """Rewrite the member's uncompressed size in both zip headers (what a zip bomb declares)."""
        data = bytearray(path.read_bytes())
        struct.pack_into("<I", data, data.index(b"PK\x03\x04") + 22, size)  # local header
        struct.pack_into("<I", data, data.index(b"PK\x01\x02") + 24, size)  # central directory
        path.write_bytes(bytes(data))

    def test_zip_bomb_refused_before_reading(self, tmp_path, monkeypatch):
        """A member that expands past the limit (300 MB) is refused from its declared size, before reading."""
        path = self.zip_with(tmp_path, {"Connections.csv": b"\0" * 2**20})
        self.declare_size(path, 300 * 2**20)

        def no_reading(*args, **kwargs):
            raise AssertionError("the member should not be opened")

        monkeypatch.setattr(zipfile.ZipFile, "open", no_reading)
        with pytest.raises(SSIInputError, match=r"Connections\.csv descomprimido ocupa más de 200 MB"):
            read_connections(path)

    def test_zip_bomb_lying_about_its_size(self, tmp_path):
        """A member whose headers claim a small size but that expands to more is refused too."""
        path = self.zip_with(tmp_path, {"Connections.csv": b"\0" * (3 * 2**20)})
        self.declare_size(path, 100)
        with pytest.raises(SSIInputError, match=r"no es un \.zip válido"):
            read_connections(path)

    def test_two_exports_in_one_zip(self, tmp_path):
        """Two Connections.csv in one .zip: the shallowest is read and a warning says which."""
        path = self.zip_with(tmp_path, {
            "old/Connections.csv": lines(HEADER, "Old,One,,,Acme,CEO,15 Mar 2020"),
            "Connections.csv": lines(HEADER, "Ana,Ruiz,,,Acme,CEO,15 Mar 2024"),
        })
        with pytest.warns(SSIWarning, match=r"Hay 2 archivos Connections\.csv .*leo «Connections\.csv»"):
            df = read_connections(path)
        assert df["first_name"].tolist() == ["Ana"]

    def test_errors_inside_a_zip_name_both(self, tmp_path):
        """An error about the export inside a .zip names the member and the .zip."""
        path = self.zip_with(tmp_path, {"Connections.csv": lines("Company,Position", "Acme, S.L.,CEO")})
        with pytest.raises(SSIInputError, match=r"línea 2 del archivo «Connections\.csv» de «.*export\.zip»"):
            read_connections(path)


# --- encodings --------------------------------------------------------------------------------
class TestEncodings:
    @pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
    def test_utf16_and_utf32(self, tmp_path, encoding):
        """UTF-16 (with or without BOM) and UTF-32 files are recognised."""
        text = NOTES + lines(HEADER, "José,Núñez,,,Acme,CEO,15 Mar 2024")
        df = read_connections(write(tmp_path, text.encode(encoding)))
        assert df.loc[0, ["first_name", "last_name"]].tolist() == ["José", "Núñez"]

    def test_mixed_utf8_and_windows_1252_lines(self):
        """A file with UTF-8 and Windows-1252 lines reads both right and warns: never 'JosÃ©' next to 'José'."""
        with pytest.warns(SSIWarning, match="mezcla dos codificaciones"):
            df = read_connections(DATA / "connections_mixed_encoding.csv")
        assert df["first_name"].tolist() == ["José", "José"]
        assert df["last_name"].tolist() == ["Núñez", "Ibáñez"]
        assert not df.astype(str).apply(lambda c: c.str.contains("Ã")).any().any()

    def test_mixed_lines_in_a_big_file(self, tmp_path):
        """A Windows-1252 line far into a big UTF-8 file is still found and read right."""
        rows = [f"Íñigo{i},Peña,,,Acme,CEO,15 Mar 2024" for i in range(3000)]
        data = lines(HEADER, *rows).encode() + "José,Ibáñez,,,Beta,CEO,02 Feb 2020\n".encode("cp1252")
        with pytest.warns(SSIWarning, match="mezcla dos codificaciones"):
            df = read_connections(write(tmp_path, data))
        assert len(df) == 3001 and df["last_name"].iloc[-1] == "Ibáñez" and df["first_name"].iloc[0] == "Íñigo0"

    def test_replacement_character_kept(self, tmp_path):
        """UTF-8 that already holds U+FFFD keeps it as it is (no guessing, no warning)."""
        with warnings.catch_warnings():
            warnings.simplefilter("error", SSIWarning)
            df = read_connections(write(tmp_path, lines(HEADER, "Jos\ufffd,Ruiz,,,Acme,CEO,15 Mar 2024").encode()))
        assert df.loc[0, "first_name"] == "Jos\ufffd"

    @pytest.mark.parametrize("newline", ["\r", "\r\n"])
    def test_old_mac_and_windows_line_ends(self, tmp_path, newline):
        """CR-only (old Mac) and CRLF files read the same, and line numbers stay right."""
        text = newline.join([HEADER, "Ana,Ruiz,,,Acme,CEO,15 Mar 2024", "Luis,Peña,,,Beta,CEO,ayer", ""])
        with pytest.warns(SSIWarning, match="Línea 3"):
            df = read_connections(write(tmp_path, text))
        assert df["company"].tolist() == ["Acme", "Beta"]


# --- exports as people have them ---------------------------------------------------------------
class TestRealExports:
    def test_spanish_spreadsheet_resave(self):
        """';', Windows-1252, notes padded with ';', dd/mm/yyyy (the file's majority decides 03/04)."""
        df = read_connections(DATA / "connections_excel_es.csv")
        assert df["first_name"].tolist() == ["Lucía", "Íñigo", "Ana"]
        assert df.loc[0, "company"] == "Andina Logística, S.L."
        assert df["connected_on"].tolist() == [pd.Timestamp("2021-03-26"), pd.Timestamp("2020-02-13"),
                                               pd.Timestamp("2019-04-03")]

    def test_mixed_date_spellings(self):
        """'05 Apr 2021', '26-mar-21', '5-Apr-21', '16-Dec-19', '15-ene-21', '3 dic. 2021' in one file."""
        df = read_connections(DATA / "connections_mixed_dates.csv")
        assert df["connected_on"].dt.strftime("%Y-%m-%d").tolist() == [
            "2021-04-05", "2021-03-26", "2021-04-05", "2019-12-16", "2021-01-15", "2021-12-03"]

    def test_dotted_dates_and_semicolons(self):
        """A German-style re-save: ';', dd.mm.yyyy, UTF-8 with BOM, CRLF."""
        df = read_connections(DATA / "connections_dotted_dates.csv")
        assert df["connected_on"].tolist() == [pd.Timestamp("2021-03-26"), pd.Timestamp("2019-12-01")]
        assert df.loc[1, "company"] == "Acme, S.L."

    def test_header_edited_by_hand(self):
        """'FirstName', 'ConnectedOn', 'EmailAddress': spaces removed by hand."""
        df = read_connections(DATA / "connections_hand_edited.csv")
        assert df.loc[0, ["first_name", "company"]].tolist() == ["Ana", "Acme"]
        assert df.loc[0, "connected_on"] == pd.Timestamp("2024-03-15")

    def test_prefixed_headers(self):
        """'De-Identified First Name' and 'Connected on' (another case) are recognised."""
        df = read_connections(DATA / "connections_deidentified.csv")
        assert df["company"].tolist() == ["Acme", "Beta"] and df["first_name"].isna().all()
        assert df["connected_on"].notna().all()

    def test_name_columns_deleted_and_date_only_row(self):
        """Company, position and date are enough; ',,16-Dec-19' is a person; ',,' is dropped."""
        df = read_connections(DATA / "connections_no_names.csv")
        assert list(df.columns) == list(COLUMNS) and len(df) == 3
        assert df.loc[1, "connected_on"] == pd.Timestamp("2019-12-16") and df.loc[1, "company"] is pd.NA

    def test_only_one_name_column(self, tmp_path):
        """A header with only 'Last Name' of the two name columns is still a header."""
        df = read_connections(write(tmp_path, lines("Last Name,Company,Position,Connected On",
                                                    "Ruiz,Acme,CEO,15 Mar 2024")))
        assert df.loc[0, "last_name"] == "Ruiz" and df.loc[0, "first_name"] is pd.NA

    def test_date_only_row_in_a_2018_export(self, tmp_path):
        """',,,,,16-Dec-19' under the 2018 header is a person connected that day, not a blank line."""
        text = lines("First Name,Last Name,Email Address,Company,Position,Connected On",
                     "Ana,Ruiz,,Acme,CEO,15-Dec-19", ",,,,,16-Dec-19", ",,,,,")
        df = read_connections(write(tmp_path, text))
        assert df["connected_on"].tolist() == [pd.Timestamp("2019-12-15"), pd.Timestamp("2019-12-16")]

    def test_rows_wrapped_in_quotes(self):
        """Rows a tool wrapped whole in quotes, inner quotes doubled, are split into their fields."""
        df = read_connections(DATA / "connections_wrapped_rows.csv")
        assert df["first_name"].tolist() == ["Ana", "Luis", "Marta"]
        assert df["position"].tolist() == ["Jefe de Ventas, Iberia", "Analista", "CEO"]
        assert df["company"].tolist() == ["Acme", "Beta, S.A.", "Gamma"]
        assert df.loc[0, "connected_on"] == pd.Timestamp("2020-03-22")

    def test_wrapped_header_too(self, tmp_path):
        """A header wrapped in quotes like its rows is found and split."""
        text = lines(f'"{HEADER}"', '"Ana,Ruiz,,,Acme,""CEO, Iberia"",15 Mar 2024"')
        df = read_connections(write(tmp_path, text))
        assert df.loc[0, ["first_name", "position"]].tolist() == ["Ana", "CEO, Iberia"]

    def test_all_fields_quoted(self, tmp_path):
        """Every field quoted (some tools do this) is ordinary CSV, not wrapped rows."""
        text = lines(",".join(f'"{h}"' for h in HEADER.split(",")),
                     '"Ana","Ruiz","","","Acme, S.L.","CEO","15 Mar 2024"')
        df = read_connections(write(tmp_path, text))
        assert df.loc[0, ["first_name", "company"]].tolist() == ["Ana", "Acme, S.L."]

    def test_tab_separated(self, tmp_path):
        """Tab-separated (a copy from a spreadsheet) is read too."""
        df = read_connections(write(tmp_path, lines(HEADER.replace(",", "\t"),
                                                    "Ana\tRuiz\t\t\tAcme, S.L.\tCEO\t15 Mar 2024")))
        assert df.loc[0, "company"] == "Acme, S.L."

    def test_input_files_never_modified(self):
        """Reading the fixtures leaves them byte for byte as they were."""
        for path in sorted(DATA.glob("connections_*.csv")):
            before = path.read_bytes()
            read_quietly(path)
            assert path.read_bytes() == before


# --- messages: the name as given, and never a row ----------------------------------------------
def _broken_files() -> dict[str, bytes]:
    """Files that each fail (or warn) in their own way, all holding the secret person."""
    row = SECRET_ROW + ",15 Mar 2024"
    return {
        "sin_encabezado.csv": lines(row, row).encode(),
        "solo_nombres.csv": lines("First Name,Last Name,Email Address",
                                  f"{SECRET_NAME},{SECRET_SURNAME},{SECRET_EMAIL}").encode(),
        "campo_de_mas.csv": lines(HEADER, SECRET_ROW + ", S.L.,15 Mar 2024").encode(),
        "campo_de_mas_luego.csv": lines(HEADER, "Ana,Ruiz,,,Acme,CEO,15 Mar 2024", SECRET_ROW + ", S.L.,x").encode(),
        "comilla.csv": lines(HEADER, f'{SECRET_NAME},"{SECRET_SURNAME},,,{SECRET_COMPANY},CEO,x').encode(),
        "larga.csv": (HEADER + "\n" + row + "," * 50_000 + "\n").encode(),
        "fechas.csv": lines(HEADER, SECRET_ROW + ",ayer " + SECRET_NAME, SECRET_ROW + ",31 Dec 9999").encode(),
        "mezcla.csv": lines(HEADER, row).encode() + lines(SECRET_ROW.replace("í", "i") + ",x").encode("cp1252")
        + "Ñ\n".encode("cp1252"),
        "mensajes.csv": lines("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,CONTENT",
                              f"1,Hola,{SECRET_NAME},url,{SECRET_EMAIL},2024-01-01,{SECRET_COMPANY}").encode(),
        "binario.csv": b"\x00\x01\x02PK" + SECRET_NAME.encode() * 3,
    }


class TestMessages:
    @pytest.mark.parametrize("name", sorted(_broken_files()))
    def test_no_message_quotes_a_row(self, tmp_path, name, monkeypatch):
        """No error, hint or warning ever shows a name, e-mail or employer from the file."""
        monkeypatch.chdir(tmp_path)
        write(tmp_path, _broken_files()[name], name)
        with warnings.catch_warnings(record=True) as record:
            warnings.simplefilter("always")
            try:
                read_connections(name)
            except SSIInputError as error:
                texts = [str(error), error.hint, repr(error.received)]
            else:
                texts = []
        texts += [str(w.message) for w in record]
        assert texts, "every file here fails or warns"
        for text in texts:
            assert not any(s in text for s in SECRETS), text

    @pytest.mark.parametrize("name", sorted(_broken_files()))
    def test_name_as_given(self, tmp_path, name, monkeypatch):
        """Messages show the file name exactly as given (lower case kept) and say 'del archivo', never 'de el'."""
        monkeypatch.chdir(tmp_path)
        write(tmp_path, _broken_files()[name], name)
        with warnings.catch_warnings(record=True) as record:
            warnings.simplefilter("always")
            try:
                read_connections(name)
            except SSIInputError as error:
                texts = [str(error)]
            else:
                texts = []
        texts += [str(w.message) for w in record]
        for text in texts:
            assert f"«{name}»" in text and "de el " not in text and f"«{name.capitalize()}»" not in text

    def test_messages_in_english(self, tmp_path):
        """With set_language('en') the reader's messages are in English, naming the file the same way."""
        import ssi_kit

        ssi_kit.set_language("en")
        with pytest.raises(SSIInputError, match=r"Cannot read line 2 of the file '.*x\.csv'"):
            read_connections(write(tmp_path, lines("Company,Position", "Acme, S.L.,CEO"), "x.csv"))
        with pytest.raises(SSIInputError, match="unclosed quote"):
            read_connections(write(tmp_path, lines("Company,Position", '"Acme,CEO'), "x.csv"))


# --- anything at all ------------------------------------------------------------------------------
class TestOnlyLearnerErrors:
    @given(text=csv_like_texts, encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]))
    def test_any_text_gives_a_table_or_an_ssi_error(self, text, encoding):
        """Whatever the file holds, read_connections returns the seven columns or raises an SSIInputError."""
        data = text.encode(encoding, errors="replace")
        try:
            df = read_quietly(data)
        except SSIInputError as error:
            assert "?" not in error.message.replace("¿", "")
        else:
            assert list(df.columns) == list(COLUMNS)
            assert str(df["connected_on"].dtype) == "datetime64[ns]"

    @given(data=st.binary(max_size=300))
    def test_any_bytes_give_a_table_or_an_ssi_error(self, data):
        """Random bytes never raise anything but an SSIInputError."""
        try:
            read_quietly(b"First Name,Company\n" + data)
        except SSIInputError:
            pass
