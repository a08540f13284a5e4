"""Uploading the LinkedIn export from the browser: the .zip as LinkedIn sends it, or its CSVs, read from memory."""

from __future__ import annotations

import datetime as dt
import io
import os
import struct
import tempfile
import zipfile

import pytest

import ssi_kit
from ssi_kit import SSIInputError, SSITypeError, data_path
from ssi_kit import profile as profile_module
from ssi_kit.profile import MAX_UPLOAD_BYTES, Upload, read_upload

CONNECTIONS = data_path("conexiones_ejemplo.csv").read_bytes()
MESSAGES = data_path("mensajes_ejemplo.csv").read_bytes()
INVITATIONS = data_path("invitaciones_ejemplo.csv").read_bytes()
# Other files of a real export (invented people), which the course does not use.
OTHERS = {
    "Profile.csv": "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,"
                   "Geo Location,Twitter Handles,Websites,Instant Messengers\n"
                   "Lucía,Ramos,,,,Consultora,,Software,,\"Madrid, España\",,,\n",
    "Positions.csv": "Company Name,Title,Description,Location,Started On,Finished On\n"
                     "Tecnologías Quetzal,Consultora,,Madrid,Mar 2021,\n",
    "Skills.csv": "Name\nVentas consultivas\n",
    "Email Addresses.csv": "Email Address,Confirmed,Primary,Updated On\nlucia@example.com,Yes,Yes,1/1/20\n",
    "Jobs/Job Applications.csv": "Application Date,Contact Email,Company Name,Job Title\n",
    "guide_messages.csv": "CONVERSATION ID,FROM,TO,DATE,CONTENT\n",
}


def _zip(files: dict[str, bytes | str], *, folder: str = "") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(folder + name, content)
    return buffer.getvalue()


def _export(*, folder: str = "") -> bytes:
    """A Basic_LinkedInDataExport .zip shaped like the real one."""
    return _zip({"Connections.csv": CONNECTIONS, "messages.csv": MESSAGES, "Invitations.csv": INVITATIONS, **OTHERS},
                folder=folder)


def _file_upload(**files: bytes) -> tuple[dict, ...]:
    """What ipywidgets 8's FileUpload.value holds after the learner picks ``files``."""
    return tuple({"name": name, "type": "application/zip" if name.endswith(".zip") else "text/csv",
                  "size": len(content), "content": memoryview(content),
                  "last_modified": dt.datetime(2025, 3, 14, tzinfo=dt.UTC)} for name, content in files.items())


def _expected(part: str):
    readers = {"connections_table": ssi_kit.read_connections, "messages": ssi_kit.read_messages,
               "invitations": ssi_kit.read_invitations}
    names = {"connections_table": "conexiones_ejemplo.csv", "messages": "mensajes_ejemplo.csv",
             "invitations": "invitaciones_ejemplo.csv"}
    return readers[part](data_path(names[part]))


class TestTheExportZip:
    @pytest.mark.parametrize("folder", ["", "Basic_LinkedInDataExport_03-14-2025/"], ids=["root", "subfolder"])
    def test_reads_the_three_tables(self, folder):
        """The .zip as LinkedIn sends it: the three tables, equal to what their readers give; the rest unopened."""
        upload = read_upload(_file_upload(**{"Basic_LinkedInDataExport_03-14-2025.zip": _export(folder=folder)}))
        assert upload.found == ("connections_table", "messages", "invitations") and upload.missing == ()
        for part in upload.found:
            assert getattr(upload, part).equals(_expected(part))
        notes = upload.describe()
        assert "500 contactos" in notes and "28 mensajes (sin su texto" in notes and "8 invitaciones" in notes
        assert "6 archivos más que el curso no usa" in notes

    def test_with_a_real_file_upload_widget(self):
        """The value of an actual ipywidgets FileUpload is read as it is."""
        import ipywidgets

        widget = ipywidgets.FileUpload(accept=".zip,.csv", multiple=True)
        widget.value = _file_upload(**{"export.zip": _export()})
        assert len(read_upload(widget.value).connections_table) == 500

    def test_only_some_tables(self):
        """An export holding only messages: that table, and the others said to be missing."""
        upload = read_upload({"Complete_LinkedInDataExport.zip": _zip({"messages.csv": MESSAGES, **OTHERS})})
        assert upload.found == ("messages",)
        assert "No encontré: Connections.csv, Invitations.csv." in upload.describe()

    def test_message_text_is_dropped(self):
        """Messages are read without their text: no column, and no cell holds it."""
        with_text = ssi_kit.read_messages(data_path("mensajes_ejemplo.csv"), content=True)
        upload = read_upload({"export.zip": _export()})
        assert "content" not in upload.messages.columns
        cells = set(upload.messages.astype(str).to_numpy().ravel())
        assert not cells & set(with_text["content"].dropna())

    def test_nothing_is_written_to_disk(self, tmp_path, monkeypatch):
        """Reading an upload writes no file: the working folder, the user folder and the temporary folder stay empty."""
        for name in ("cwd", "home", "tmp"):
            (tmp_path / name).mkdir()
        monkeypatch.chdir(tmp_path / "cwd")
        monkeypatch.setenv("SSI_KIT_HOME", str(tmp_path / "home"))
        monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
        read_upload(_file_upload(**{"export.zip": _export(), "Connections.csv": CONNECTIONS}))
        assert [list(os.scandir(tmp_path / name)) for name in ("cwd", "home", "tmp")] == [[], [], []]


class TestSeparateFiles:
    def test_by_their_names(self):
        """The three CSVs picked one by one (a browser's «(1)» in a name too)."""
        upload = read_upload(_file_upload(**{"Connections (1).csv": CONNECTIONS, "messages.csv": MESSAGES,
                                             "Invitations.csv": INVITATIONS}))
        assert upload.found == ("connections_table", "messages", "invitations")
        assert upload.connections_table.equals(_expected("connections_table"))

    def test_by_their_headers(self):
        """Files renamed by the learner are recognised by their header."""
        upload = read_upload({"mis_contactos.csv": CONNECTIONS, "bandeja.csv": MESSAGES, "otra cosa": INVITATIONS})
        assert upload.found == ("connections_table", "messages", "invitations")

    def test_spreadsheet_resaved_header(self):
        """A Connections.csv re-saved by a spreadsheet in Spanish, under another name, is recognised."""
        text = "Nombre;Apellidos;Empresa;Cargo;Fecha de conexión\r\nAna;Ruiz;Acme;CEO;26/03/2021\r\n"
        upload = read_upload({"contactos_excel.csv": text.encode("cp1252")})
        assert upload.connections_table.loc[0, "company"] == "Acme"

    def test_mapping_of_plain_bytes_and_ipywidgets7_shape(self):
        """A {name: bytes} mapping, and ipywidgets 7's {name: {"content": …}}, are read too."""
        assert read_upload({"Invitations.csv": bytearray(INVITATIONS)}).found == ("invitations",)
        assert read_upload({"Invitations.csv": {"metadata": {}, "content": INVITATIONS}}).found == ("invitations",)

    def test_a_second_copy_is_left_aside(self):
        """Connections.csv in the .zip and on its own: the first one is used, and the note says so."""
        upload = read_upload(_file_upload(**{"export.zip": _export(), "Connections.csv": CONNECTIONS}))
        assert "ya tenía Connections.csv" in upload.describe()

    def test_reader_warnings_become_notes(self):
        """A date the reader cannot read: the table is kept and the panel's notes say which line."""
        text = CONNECTIONS.decode().replace("29 Jun 2025", "el martes", 1).encode()
        upload = read_upload({"Connections.csv": text})
        assert len(upload.connections_table) == 500
        assert any("línea 5" in note.lower() and "martes" not in note for note in upload.notes)


class TestWrongFiles:
    @pytest.mark.parametrize(("files", "said"), [
        ({"foto.png": b"\x89PNG\r\n\x1a\n" + bytes(100)}, "no parece Connections.csv"),
        ({"ssi.json": data_path("ssi_ejemplo.json").read_bytes()}, "casilla de tu SSI"),
        ({"Libro1.xlsx": _zip({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<x/>"})}, "hoja de cálculo"),
        ({"otro.zip": _zip(OTHERS)}, "no contiene Connections.csv"),
        ({"export.zip": _export()[:2000]}, "no es un .zip válido"),
        ({"vacío.csv": b""}, "está vacío"),
        ({"Positions.csv": OTHERS["Positions.csv"].encode()}, "no parece"),
    ], ids=["png", "json", "xlsx", "zip-without", "zip-cut", "empty", "positions"])
    def test_alone_they_are_our_error(self, files, said):
        """Only files the course cannot use: our error, saying why for each."""
        with pytest.raises(SSIInputError, match=said):
            read_upload(files)

    def test_beside_a_good_file_they_are_notes(self):
        """A wrong file next to a good one: the good one is read, the wrong one is a note."""
        upload = read_upload({"foto.png": b"\x89PNG\r\n", "Invitations.csv": INVITATIONS})
        assert upload.found == ("invitations",) and any("foto.png" in note for note in upload.notes)

    def test_a_named_file_that_is_another(self):
        """messages.csv that is really Connections.csv: the reader's message, without the file's data."""
        with pytest.raises(SSIInputError, match=r"no se pudo leer messages\.csv") as caught:
            read_upload({"messages.csv": CONNECTIONS})
        assert "example.com" not in str(caught.value) and "Vargas" not in str(caught.value)


class TestLimits:
    def test_too_large_is_refused_before_reading(self, monkeypatch):
        """A file over 50 MB is refused by its size alone: it is never opened, and the message says the limit."""
        monkeypatch.setattr(profile_module, "_one_file", lambda *a: pytest.fail("the file was read"))
        huge = memoryview(bytes(MAX_UPLOAD_BYTES + 1))
        with pytest.raises(SSIInputError, match="51 MB y el límite es 50 MB por archivo"):
            read_upload(({"name": "Connections.csv", "size": huge.nbytes, "content": huge},))

    def test_too_large_beside_a_good_file(self):
        """The limit is per file: the others are still read."""
        upload = read_upload({"grande.zip": bytes(MAX_UPLOAD_BYTES + 1), "Invitations.csv": INVITATIONS})
        assert upload.found == ("invitations",) and any("50 MB" in note for note in upload.notes)

    def test_zip_bomb_is_refused(self):
        """A .zip whose Connections.csv says it unpacks to 300 MB is refused before unpacking."""
        data = bytearray(_zip({"Connections.csv": CONNECTIONS}))
        central = data.index(b"PK\x01\x02")
        data[central + 24: central + 28] = struct.pack("<I", 300 * 2**20)  # uncompressed size
        with pytest.raises(SSIInputError, match="más de 200 MB"):
            read_upload({"export.zip": bytes(data)})

    def test_encrypted_zip_is_refused(self):
        """A password-protected .zip: our error, saying so."""
        data = bytearray(_zip({"Connections.csv": CONNECTIONS}))
        central = data.index(b"PK\x01\x02")
        data[central + 8] |= 0x1  # the "encrypted" flag
        with pytest.raises(SSIInputError, match="contraseña"):
            read_upload({"export.zip": bytes(data)})


class TestArguments:
    @pytest.mark.parametrize("bad", ["Connections.csv", 3, None, [1], ({"name": "a.csv"},), {"a.csv": "texto"},
                                     {3: b"x"}])
    def test_not_uploads(self, bad):
        """A path, a number, entries without content, text where bytes go: a type error."""
        with pytest.raises(SSITypeError):
            read_upload(bad)

    def test_nothing_uploaded(self):
        """An empty FileUpload: our error, saying what to upload."""
        with pytest.raises(SSIInputError, match="No has subido ningún archivo"):
            read_upload(())

    def test_in_english(self):
        """Notes follow the language."""
        ssi_kit.set_language("en")
        assert read_upload({"Invitations.csv": INVITATIONS}).notes == ("'Invitations.csv': 8 invitations.",)

    def test_result_type(self):
        """read_upload returns an Upload, shown by what it found."""
        upload = read_upload({"Invitations.csv": INVITATIONS})
        assert isinstance(upload, Upload) and repr(upload) == "Upload(invitations=<8 filas>)"
        assert ssi_kit.read_upload is read_upload
