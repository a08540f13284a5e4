"""The one validation path (ssi_kit._checks) and the package-level functions it guards."""

from __future__ import annotations

import datetime as dt
import errno
import io
import json
import math
import os
import re
import zipfile

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ssi_kit
from ssi_kit import SSI, SSIInputError, SSITypeError, SSIWarning
from ssi_kit._checks import (
    NAME_MAX_BYTES,
    check_choice,
    check_date,
    check_frame,
    check_integer,
    check_number,
    check_path,
    check_probability,
    check_seed,
    decode_text,
    describe_os_error,
    read_source,
    temporary_path,
)
from ssi_kit._i18n import format_percent, format_thousands, plural, short_repr


class TestCheckNumber:
    @pytest.mark.parametrize("value", [10**400, -(10**400), 10**5000], ids=["400", "-400", "5000"])
    def test_huge_integers_are_out_of_range(self, value):
        """A 400- or 5,000-digit integer is "out of range", never an OverflowError."""
        with pytest.raises(SSIInputError, match=r"«weeks» .*recibido un número de [0-9.]+ cifras"):
            check_number(value, name="weeks", maximum=520)

    def test_out_of_range_names_value_range_and_received(self):
        """The message names the argument, the range and what came in, with a decimal comma."""
        with pytest.raises(SSIInputError, match=r"«overlap» debe estar entre 0 y 0,99; recibido 1,5\."):
            check_number(1.5, name="overlap", maximum=0.99)

    def test_big_bounds_have_thousands_separators(self):
        """Bounds read like numbers people write: 30.000, not 30000."""
        with pytest.raises(SSIInputError, match=re.escape("entre 1 y 30.000")):
            check_number(0, name="first", minimum=1, maximum=30_000)

    @pytest.mark.parametrize("value", ["20", None, True, [1], math.nan, math.inf])
    def test_not_a_number(self, value):
        """Text, None, booleans, lists and non-finite values are refused with what was expected."""
        with pytest.raises(SSIInputError, match="«x» debe ser un número entre 0 y 10; recibido"):
            check_number(value, name="x", maximum=10)

    def test_text_gets_a_hint(self):
        """A number typed in quotes gets told to drop them."""
        with pytest.raises(SSIInputError) as info:
            check_number("20", name="x")
        assert "sin comillas" in info.value.hint

    def test_integer(self):
        """check_integer wants whole numbers and returns an int."""
        assert check_integer(26.0, name="weeks") == 26 and isinstance(check_integer(26.0, name="weeks"), int)
        with pytest.raises(SSIInputError, match="número entero"):
            check_integer(2.5, name="weeks")

    @given(st.one_of(st.integers(), st.floats(), st.text(max_size=5), st.none(), st.booleans()))
    def test_any_value_gives_number_or_our_error(self, value):
        """Whatever comes in, the result is a float in range or an SSIInputError."""
        try:
            number = check_number(value, name="x", minimum=-5, maximum=5)
        except SSIInputError:
            return
        assert -5 <= number <= 5


class TestOtherChecks:
    @pytest.mark.parametrize("value", [0, 1, -0.2, 1.5, "0.8"])
    def test_probability_is_strictly_between_0_and_1(self, value):
        """A probability of 0 or 1 (or outside) is refused."""
        with pytest.raises(SSIInputError, match="«band» debe ser una probabilidad entre 0 y 1"):
            check_probability(value, name="band")

    @pytest.mark.parametrize("value", [-1, "a", 1.5, None, 2**32])
    def test_seed(self, value):
        """A seed is a whole number from 0."""
        with pytest.raises(SSIInputError, match="«seed»"):
            check_seed(value)

    @pytest.mark.parametrize("value", [["brand"], {"a": 1}, pd.NA, None, 3])
    def test_choice_unhashable_or_missing(self, value):
        """A list, a dict, NA or a number where a choice goes gets the list of options."""
        with pytest.raises(SSIInputError, match="«color» debe ser uno de: rojo, verde; recibido"):
            check_choice(value, ["rojo", "verde"], name="color")

    def test_choice_suggests_the_close_one(self):
        """A typo gets "¿Querías decir…?"."""
        with pytest.raises(SSIInputError) as info:
            check_choice("verd", ["rojo", "verde"], name="color")
        assert "verde" in info.value.hint

    def test_frame_with_repeated_columns(self):
        """Two columns with the same name are refused, naming it."""
        frame = pd.DataFrame([[1, 2]], columns=["brand", "brand"])
        with pytest.raises(SSIInputError, match="columnas repetidas: brand"):
            check_frame(frame, name="ssis", expected="una tabla")

    def test_frame_missing_columns_are_named(self):
        """Missing columns are listed."""
        with pytest.raises(SSIInputError, match="le faltan las columnas: b, c"):
            check_frame(pd.DataFrame({"a": [1]}), name="t", expected="una tabla", required=["a", "b", "c"])

    def test_frame_wrong_type(self):
        """Something that is not a DataFrame is a type error."""
        with pytest.raises(SSITypeError, match="«t» debe ser una tabla; recibido list"):
            check_frame([1], name="t", expected="una tabla")


class TestFrameColumns:
    """check_frame's numbers=, dates=, text= and complete=: what each column holds."""

    @pytest.mark.parametrize(("cells", "found"), [
        (["Ana Secreta"], "texto"), ([True], "True/False"), ([math.inf], "un número infinito"),
        ([3 + 4j], "un valor de tipo complex"), ([[1, 2]], "un valor de tipo list"),
        ([pd.Timestamp("2025-03-14")], "una fecha"), ([10**400], "un número infinito"),
    ])
    def test_numbers_name_the_column_the_row_and_the_kind_found(self, cells, found):
        """Not a number: the message says column, table, row and kind of value, never the value itself."""
        frame = pd.DataFrame({"brand": [1.0, *cells]}, dtype=object)
        with pytest.raises(SSIInputError) as raised:
            check_frame(frame, name="history", expected="una tabla", numbers=["brand"])
        assert str(raised.value).startswith(
            f"La columna «brand» de la tabla «history» debe tener números; en la fila 2 hay {found}.")
        assert "Secreta" not in str(raised.value)

    def test_numbers_stored_as_objects_become_floats(self):
        """Numbers typed into an object column (numpy's too, blanks as NaN) come back as floats."""
        import numpy as np

        frame = pd.DataFrame({"brand": [1, np.float32(2.5), None, np.int64(3)]}, index=[7, 8, 9, 10])
        checked = check_frame(frame, name="t", expected="una tabla", numbers=["brand"])
        assert checked["brand"].dtype == float and checked.index.tolist() == [7, 8, 9, 10]
        assert checked["brand"].tolist()[:2] == [1.0, 2.5] and math.isnan(checked["brand"].iloc[2])

    def test_a_table_already_right_is_returned_as_it_came(self):
        """Nothing to convert: the same object, not a copy."""
        frame = pd.DataFrame({"date": pd.to_datetime(["2025-03-14"]), "brand": [1], "name": ["Ana"]})
        assert check_frame(frame, name="t", expected="una tabla", numbers=["brand"], dates=["date"],
                           text=["name"], complete=["brand"]) is frame

    def test_dates_stored_as_objects_become_timestamps(self):
        """Dates as objects (datetime, numpy) become a datetime column; text is refused with a hint."""
        import numpy as np

        frame = pd.DataFrame({"date": [dt.date(2025, 3, 14), np.datetime64("2025-03-15"), None]})
        checked = check_frame(frame, name="t", expected="una tabla", dates=["date"])
        assert str(checked["date"].dtype).startswith("datetime64")
        with pytest.raises(SSIInputError, match=r"«date» .* debe tener fechas; en la fila 1 hay texto\. "
                                                r"Conviértela con pd\.to_datetime"):
            check_frame(pd.DataFrame({"date": ["14/03/2025"]}), name="t", expected="una tabla", dates=["date"])

    def test_dates_with_and_without_time_zone_are_refused(self):
        """A column mixing time zones cannot be compared: our message, not pandas'."""
        frame = pd.DataFrame({"date": [pd.Timestamp("2025-03-14", tz="UTC"), pd.Timestamp("2025-03-14")]})
        with pytest.raises(SSIInputError, match="mezcla fechas con zona horaria y sin ella"):
            check_frame(frame, name="t", expected="una tabla", dates=["date"])

    def test_text_takes_numbers_as_their_text_and_refuses_bytes(self):
        """A company called 1800 is text "1800"; bytes are refused."""
        checked = check_frame(pd.DataFrame({"company": ["Acme", 1800, None]}), name="t", expected="una tabla",
                              text=["company"])
        assert checked["company"].tolist()[:2] == ["Acme", "1800"]
        with pytest.raises(SSIInputError, match="debe tener texto; en la fila 1 hay un valor de tipo bytes"):
            check_frame(pd.DataFrame({"company": [b"\xff"]}), name="t", expected="una tabla", text=["company"])

    def test_complete_refuses_blanks(self):
        """A blank cell where every row needs a value names the row."""
        frame = pd.DataFrame({"total": [1.0, None]})
        assert check_frame(frame, name="t", expected="una tabla", numbers=["total"]) is frame
        with pytest.raises(SSIInputError, match="«total» de la tabla «t» debe tener un valor en cada fila; "
                                                "en la fila 2 hay un valor vacío"):
            check_frame(frame, name="t", expected="una tabla", numbers=["total"], complete=["total"])

    @pytest.mark.parametrize(("cells", "found"), [([-1], "un número negativo"), ([2.5], "un número con decimales"),
                                                  (["3"], "texto")])
    def test_counts_are_whole_numbers_from_zero(self, cells, found):
        """People, messages, years: whole numbers from 0 up."""
        with pytest.raises(SSIInputError, match=f"debe tener números enteros de 0 en adelante; en la fila 2 hay {found}"
                           if found != "texto" else "debe tener números; en la fila 2 hay texto"):
            check_frame(pd.DataFrame({"n": [4, *cells]}), name="t", expected="una tabla", counts=["n"])

    def test_absent_optional_columns_are_skipped(self):
        """A column named in numbers= but absent is not required (required= says what is)."""
        frame = pd.DataFrame({"total": [1.0]})
        assert check_frame(frame, name="t", expected="una tabla", numbers=["total", "industry"]) is frame


def _renderings(day: dt.date) -> list[object]:
    """Every way a learner may give ``day``: objects, and text as people type it."""
    import numpy as np

    moment = dt.datetime.combine(day, dt.time(10, 30, 15))
    texts = [
        day.isoformat(), f"{moment:%Y-%m-%dT%H:%M:%S}+01:00", f"{moment:%Y-%m-%d %H:%M}",
        f"{moment:%Y-%m-%d %H:%M:%S.%f}", f"{moment:%Y-%m-%dT%H:%M:%S}Z", f"{day:%Y%m%d}",
        f"{day:%d/%m/%Y}", f"{day:%d-%m-%Y}", f"{day:%d.%m.%Y}", f"{day.day}/{day.month}/{day.year}",
        f"{moment:%d/%m/%Y %H:%M}",
    ]
    if 2000 <= day.year <= 2099:
        texts.append(f"{day:%d/%m/%y}")
    return [day, moment, pd.Timestamp(moment), pd.Timestamp(moment, tz="Europe/Madrid"), np.datetime64(day),
            *texts, *(f"  {t}\t" for t in texts)]


class TestCheckDate:
    @given(st.dates(min_value=dt.date(1970, 1, 1), max_value=dt.date(2100, 12, 31)))
    def test_every_form_gives_the_same_day(self, day):
        """Any day from 1970 to 2100, written in any accepted form (spaces around too), reads back as that day."""
        for value in _renderings(day):
            assert check_date(value, name="when") == day, value

    @pytest.mark.parametrize(("text", "day"), [
        ("4/3/2025", dt.date(2025, 3, 4)), ("14/03/25", dt.date(2025, 3, 14)), ("2025/03/14", dt.date(2025, 3, 14)),
        ("2025-3-4", dt.date(2025, 3, 4)), ("2025-W11-5", dt.date(2025, 3, 14)),
        ("14/03/2025 1:30 p.m.", dt.date(2025, 3, 14)), ("\u00a014.03.2025 ", dt.date(2025, 3, 14)),
    ])
    def test_short_and_other_forms(self, text, day):
        """One-digit day and month, a two-digit year (this century), year first with slashes, ISO weeks, a time."""
        assert check_date(text, name="when") == day

    def test_ambiguous_text_is_day_first(self):
        """05/03/2025 is the 5th of March, never the 3rd of May."""
        assert check_date("05/03/2025", name="when") == dt.date(2025, 3, 5)

    def test_month_first_is_refused_with_the_day_first_form(self):
        """03/14/2025 is refused; the hint says day, month and year, and shows 14/03/2025."""
        with pytest.raises(SSIInputError, match=r"«when» debe ser una fecha.*recibido '03/14/2025'") as info:
            check_date("03/14/2025", name="when")
        assert "día, mes y año" in info.value.hint and "14/03/2025" in info.value.hint
        assert info.value.field == "when"

    @pytest.mark.parametrize("text", ["31/02/2025", "2025-13-01", "ayer", "14/03", "14/03/2025 25:00", "2025",
                                      "14/03/2025 y algo"])
    def test_text_that_is_no_date(self, text):
        """Text that is not a day of the calendar is an input error naming the argument and what came in."""
        match = f"«start» debe ser una fecha, como «14/03/2025».*recibido '{text}'"
        with pytest.raises(SSIInputError, match=match) as info:
            check_date(text, name="start")
        assert info.value.field == "start" and info.value.received == text and info.value.hint

    @pytest.mark.parametrize("value", [2025, 20250314, 14.03, True])
    def test_numbers_are_type_errors(self, value):
        """A number is a type error; the hint says to write the date in quotes (not for True)."""
        with pytest.raises(SSITypeError, match="«when» debe ser una fecha") as info:
            check_date(value, name="when")
        assert info.value.field == "when"
        assert ("entre comillas" in info.value.hint) == (not isinstance(value, bool))

    def test_other_types_are_type_errors(self):
        """A list where a date goes is a type error naming its type."""
        with pytest.raises(SSITypeError, match="recibido list"):
            check_date([2025, 3, 14], name="when")

    @pytest.mark.parametrize("value", [None, "", "  ", math.nan, pd.NaT, pd.NA], ids=repr)
    def test_blank_dates(self, value):
        """A blank date is None when optional, an input error otherwise."""
        assert check_date(value, name="when", optional=True) is None
        with pytest.raises(SSIInputError, match="«when» debe ser una fecha"):
            check_date(value, name="when")

    def test_bounds_message(self):
        """Out of bounds: the range in Spanish dd/mm/yyyy ("hoy" for today), the day read, a hint."""
        today = dt.date.today()
        later = today + dt.timedelta(days=30)
        with pytest.raises(SSIInputError, match=rf"«when» debe ser una fecha entre el 01/01/2003 y hoy; "
                                                rf"recibido {later:%d/%m/%Y}\.") as info:
            check_date(later.isoformat(), name="when", earliest=dt.date(2003, 1, 1), latest=today)
        assert "día/mes/año" in info.value.hint
        with pytest.raises(SSIInputError, match=r"del 01/01/2003 en adelante; recibido 31/12/2002"):
            check_date("31/12/2002", name="when", earliest=dt.date(2003, 1, 1))
        with pytest.raises(SSIInputError, match=r"hasta el 01/01/2003; recibido 02/01/2003") as info:
            check_date("02/01/2003", name="when", latest=dt.date(2003, 1, 1), hint="Otra pista.")
        assert info.value.hint == "Otra pista."
        assert check_date("01/01/2003", name="when", earliest=dt.date(2003, 1, 1), latest=dt.date(2003, 1, 1))

    def test_in_english(self):
        """In English the message is English and shows the day in ISO form."""
        ssi_kit.set_language("en")
        with pytest.raises(SSIInputError, match=r"'when' must be a date between 2003-01-01 and today; received"):
            check_date(dt.date.today() + dt.timedelta(days=9), name="when", earliest=dt.date(2003, 1, 1),
                       latest=dt.date.today())

    @pytest.mark.parametrize("value", ["31/02/2025", "ayer", "03/14/2025", 2025, None])
    def test_no_traceback_from_inside(self, value):
        """The error is raised by check_date itself, with no chained exception from the parsing behind it."""
        with pytest.raises((SSIInputError, SSITypeError)) as info:
            check_date(value, name="when")
        assert info.value.__cause__ is None and info.value.__context__ is None
        assert info.traceback[-1].name == "check_date"

    def test_light_import(self):
        """Reading a date never imports pandas: _checks stays light."""
        import subprocess
        import sys

        code = ("import sys; from ssi_kit._checks import check_date; check_date('14/03/2025', name='w');"
                "check_date(None, name='w', optional=True); print('pandas' in sys.modules)")
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert result.stdout.strip() == "False"


class TestOneDateEverywhere:
    @pytest.mark.parametrize("text", ["14/03/2025", "2025-03-14", "14.03.2025", "14-03-2025", "14/03/25",
                                      "2025-03-14 10:30:00", "2025-03-14T10:30:00+01:00", " 14/3/2025 "])
    def test_lessons_01_02_05_read_a_date_alike(self, tmp_path, text):
        """The same typed date gives the same day in the history, a saved plan, the tracker and the class window."""
        from ssi_kit.classroom import class_progress
        from ssi_kit.history import record
        from ssi_kit.plans import save_plan
        from ssi_kit.relationships import add_contact, new_tracker, next_step

        day = dt.date(2025, 3, 14)
        assert record(SSI(1, 2, 3, 4), text, path=tmp_path / "h.sqlite") == day
        assert save_plan(["publicar"], start=text, ssi=SSI(6, 6, 5, 8), path=tmp_path / "p.sqlite").start == day
        tracker = add_contact(new_tracker(), "Ana", last_interaction=text)
        assert tracker["last_interaction"].dt.date.tolist() == [day]
        assert next_step("conexion", last_interaction=text, today="2025-06-01") != \
            next_step("conexion", last_interaction=text, today=text)
        clase = ssi_kit.load_dataset("clase_ejemplo")
        assert class_progress(clase, start=text).equals(class_progress(clase, start=day))

    @pytest.mark.parametrize("text", ["03/14/2025", "ayer", "31/02/2025"])
    def test_lessons_01_02_05_refuse_alike(self, tmp_path, text):
        """A date that is not one is refused the same way by each of them, naming their argument."""
        from ssi_kit.history import record
        from ssi_kit.plans import save_plan
        from ssi_kit.relationships import add_contact, new_tracker

        with pytest.raises(SSIInputError, match="«when» debe ser una fecha, como «14/03/2025»"):
            record(SSI(1, 2, 3, 4), text, path=tmp_path / "h.sqlite")
        with pytest.raises(SSIInputError, match="«start» debe ser una fecha, como «14/03/2025»"):
            save_plan(["publicar"], start=text, ssi=SSI(6, 6, 5, 8), path=tmp_path / "p.sqlite")
        with pytest.raises(SSIInputError, match="«last_interaction» debe ser una fecha, como «14/03/2025»"):
            add_contact(new_tracker(), "Ana", last_interaction=text)


class TestReadSource:
    def _read(self, source, **kwargs):
        return read_source(source, function="leer", expected="una ruta", **kwargs)

    def test_pasted_text_is_content(self):
        """A string with a line break is the file's text, not a path (no "File name too long")."""
        got = self._read("a,b\n" * 5000)
        assert got.kind == "text" and got.data.startswith(b"a,b\n")

    def test_missing_file_says_so_with_the_name_as_given(self):
        """A missing file names the path exactly as given."""
        with pytest.raises(SSIInputError, match=re.escape("No encuentro el archivo «mis datos/conexiones.csv»")):
            self._read("mis datos/conexiones.csv")

    @pytest.mark.parametrize("name", ["x" * 5000, "a\0b", "   "])
    def test_impossible_names(self, name):
        """A too long name, a NUL byte or blanks give our error, not OSError/ValueError."""
        with pytest.raises(SSIInputError):
            self._read(name)

    def test_permission(self, tmp_path, monkeypatch):
        """An unreadable file is reported as such (simulated: tests may run as root)."""
        file = tmp_path / "a.csv"
        file.write_text("x")

        def refuse(self):
            raise PermissionError(13, "denied")

        monkeypatch.setattr(type(file), "read_bytes", refuse)
        with pytest.raises(SSIInputError, match="No tengo permiso para leer"):
            self._read(str(file))

    def test_folder_without_member(self, tmp_path):
        """A folder where a file goes says it is a folder."""
        with pytest.raises(SSIInputError, match="es una carpeta"):
            self._read(tmp_path)

    def test_wrong_type_mentions_what_to_pass(self):
        """A DataFrame gets a hint that it is already the table."""
        with pytest.raises(SSITypeError, match="leer espera una ruta; recibido DataFrame") as info:
            self._read(pd.DataFrame())
        assert "Ya tienes la tabla" in info.value.hint

    def test_file_too_large(self, tmp_path):
        """Files over the limit are refused before reading."""
        file = tmp_path / "big.csv"
        file.write_bytes(b"x" * 2000)
        with pytest.raises(SSIInputError, match="ocupa más de"):
            self._read(file, max_bytes=1000)

    def _zip(self, tmp_path, members, **kwargs):
        path = tmp_path / "export.zip"
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, data in members.items():
                archive.writestr(name, data)
        return path

    def test_zip_member(self, tmp_path):
        """The member is found in any folder of the zip, in any case."""
        path = self._zip(tmp_path, {"datos/connections.CSV": b"a,b\n"})
        got = self._read(path, member="Connections.csv")
        assert got.data == b"a,b\n" and got.member == "datos/connections.CSV"

    def test_two_members_warn_which_was_read(self, tmp_path):
        """Two candidates: the shallowest is read and a warning names it."""
        path = self._zip(tmp_path, {"b/Connections.csv": b"2", "Connections.csv": b"1"})
        with pytest.warns(SSIWarning, match="leo «Connections.csv»"):
            got = self._read(path, member="Connections.csv")
        assert got.data == b"1"

    def test_zip_bomb_refused_before_reading(self, tmp_path):
        """A member expanding past the limit is refused from its header."""
        path = self._zip(tmp_path, {"Connections.csv": b"0" * 3_000_000})
        assert path.stat().st_size < 100_000
        with pytest.raises(SSIInputError, match="descomprimido ocupa más de"):
            self._read(path, member="Connections.csv", max_bytes=1_000_000)

    @pytest.mark.parametrize("content", [b"not a zip at all", b"PK\x03\x04broken"])
    def test_not_a_zip(self, tmp_path, content):
        """A .zip that is not one, or is cut short, says so."""
        path = tmp_path / "export.zip"
        path.write_bytes(content)
        with pytest.raises(SSIInputError, match=re.escape("no es un .zip válido o está incompleto")):
            self._read(path, member="Connections.csv")

    def test_truncated_zip(self, tmp_path):
        """A download cut in the middle is reported, not a BadZipFile."""
        path = self._zip(tmp_path, {"Connections.csv": os.urandom(50_000)})
        path.write_bytes(path.read_bytes()[:30_000])
        with pytest.raises(SSIInputError, match=re.escape("no es un .zip válido o está incompleto")):
            self._read(path, member="Connections.csv")

    def test_encrypted_zip(self, tmp_path):
        """A password-protected member is refused clearly (flag bit 0 set)."""
        path = self._zip(tmp_path, {"Connections.csv": b"a,b\n"})
        data = bytearray(path.read_bytes())
        for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
            at = data.find(signature)
            data[at + offset] |= 0x1
        path.write_bytes(bytes(data))
        with pytest.raises(SSIInputError, match="protegido con contraseña"):
            self._read(path, member="Connections.csv")

    def test_bytes_holding_a_zip(self, tmp_path):
        """Uploaded bytes of a zip are opened like the file."""
        path = self._zip(tmp_path, {"Connections.csv": b"a,b\n"})
        got = self._read(path.read_bytes(), member="Connections.csv")
        assert got.data == b"a,b\n"

    def test_message_phrases(self, tmp_path):
        """Messages say "del archivo «x»" with the name as given, never "de el"."""
        file = tmp_path / "Mi archivo.csv"
        file.write_text("x")
        got = self._read(str(file))
        assert got.of == f"del archivo «{file}»" and got.subject.startswith("El archivo «")
        assert self._read("a\nb").of == "del texto pegado"


class TestDecodeText:
    def test_utf16_with_and_without_bom(self):
        """UTF-16 (as some Excel versions save "Unicode text") is recognised."""
        text = "Nombre;Empresa\nJosé;Peña\n"
        for data in (text.encode("utf-16"), text.encode("utf-16-le"), text.encode("utf-16-be")):
            assert decode_text(data)[0] == text

    def test_windows_1252(self):
        """A file re-saved by a spreadsheet in Windows-1252 reads right."""
        assert decode_text("José Peña\n".encode("cp1252")) == ("José Peña\n", "cp1252")

    def test_mixed_lines_are_decoded_each_with_its_own(self):
        """UTF-8 and Windows-1252 lines in one file: no mojibake, and a warning."""
        data = "José\n".encode() + "José\n".encode("cp1252") + "Peña\n".encode()
        with pytest.warns(SSIWarning, match="mezcla dos codificaciones"):
            text, encoding = decode_text(data)
        assert text == "José\nJosé\nPeña\n" and "Ã" not in text and encoding == "mixed"

    def test_replacement_character_is_kept(self):
        """Valid UTF-8 holding U+FFFD stays as it is."""
        assert decode_text("Jos\ufffd\n".encode())[0] == "Jos\ufffd\n"

    def test_bom_removed(self):
        """A UTF-8 BOM is not part of the text."""
        assert decode_text(b"\xef\xbb\xbfa,b")[0] == "a,b"


class TestI18n:
    def test_plural(self):
        """Counts agree with their noun, with thousands separators."""
        assert plural(1, "persona", "personas", "person", "people") == "1 persona"
        assert plural(2000, "persona", "personas", "person", "people") == "2.000 personas"
        ssi_kit.set_language("en")
        assert plural(2000, "persona", "personas", "person", "people") == "2,000 people"

    def test_percent_and_thousands(self):
        """Shares keep enough decimals to be seen; thousands use the language's separator."""
        assert format_percent(0.00019) == "0,019 %" and format_thousands(8912) == "8.912"

    def test_percent_of_odd_shares_never_crashes(self):
        """A negative or missing share (a table edited by hand) is still written, not a math error."""
        assert format_percent(-0.005) == "-0,5 %" and format_percent(math.nan) == "nan"

    def test_short_repr(self):
        """Quoted values are cut short."""
        assert len(short_repr("x" * 1000)) <= 60 and short_repr(10**5000).startswith("un número de")

    @pytest.mark.parametrize("value", ["enfermera", "fr", "", "e", "english please"])
    def test_unknown_languages(self, value):
        """Only Spanish and English (codes, regional codes or names) are accepted."""
        with pytest.raises(SSIInputError, match="Idioma no disponible"):
            ssi_kit.set_language(value)
        assert ssi_kit.get_language() == "es"

    @pytest.mark.parametrize("value", [pd.NA, None, 3, ["es"]])
    def test_language_not_text(self, value):
        """A language that is not text is a type error, not pandas' "boolean value of NA"."""
        with pytest.raises(SSITypeError, match="El idioma debe ser un texto"):
            ssi_kit.set_language(value)

    @pytest.mark.parametrize(("value", "code"), [("ES", "es"), ("es-MX", "es"), ("en_GB", "en"), ("Inglés", "en")])
    def test_language_spellings(self, value, code):
        """Codes with a region and the languages' names work."""
        ssi_kit.set_language(value)
        assert ssi_kit.get_language() == code


class TestDataPath:
    @pytest.mark.parametrize("name", ["/etc/passwd", "../README.md", "../../etc/passwd", "data/acciones.csv", ""])
    def test_never_leaves_data(self, name):
        """Only names of files in data/ are accepted: no path escapes the folder."""
        with pytest.raises(SSIInputError, match="No existe el archivo de ejemplo"):
            ssi_kit.data_path(name)

    @pytest.mark.parametrize("name", [3, None, ["acciones.csv"]])
    def test_not_text(self, name):
        """A name that is not text is a type error."""
        with pytest.raises(SSITypeError, match="«filename» debe ser el nombre de un archivo de ejemplo"):
            ssi_kit.data_path(name)


class TestScoreMistakes:
    @pytest.mark.parametrize("value", [10**400, -(10**400), 1e400])
    def test_huge_pillar(self, value):
        """SSI(10**400, …) is a pillar out of range, not an OverflowError."""
        with pytest.raises(SSIInputError, match="El pilar «marca» debe"):
            SSI(value, 1, 1, 1)

    @pytest.mark.parametrize("value", [pd.NA, None, ["brand"], {"brand"}, 5])
    def test_pillar_key_of_anything(self, value):
        """pillar_key names the pillars for NA, lists or numbers (no "unhashable type")."""
        with pytest.raises(SSIInputError, match="«pilar» debe ser uno de: brand, people, insights, relationships"):
            ssi_kit.pillar_key(value)

    def test_dict_with_list_key_meaning(self):
        """SSI.from_dict with a tuple key still gets our message."""
        with pytest.raises(SSIInputError):
            SSI.from_dict({("brand",): 1, "people": 1, "insights": 1, "relationships": 1})


def _member(**overrides):
    data = {"memberScore": {"overall": 10, "subScores": [
        {"pillar": "PROFESSIONAL_BRAND", "score": 4}, {"pillar": "FIND_RIGHT_PEOPLE", "score": 3},
        {"pillar": "INSIGHT_ENGAGEMENT", "score": 2}, {"pillar": "STRONG_RELATIONSHIP", "score": 1}]}}
    data["memberScore"].update(overrides)
    return data


class TestLinkedinJSONMistakes:
    def test_deeply_nested(self):
        """JSON nested 100,000 deep is refused, not a RecursionError."""
        with pytest.raises(SSIInputError, match="demasiados niveles anidados"):
            ssi_kit.read_linkedin_ssi("[" * 100_000 + "]" * 100_000)

    def test_integer_with_5000_digits(self):
        """An integer of 5,000 digits in the JSON is refused, not a ValueError."""
        with pytest.raises(SSIInputError, match="número demasiado largo"):
            ssi_kit.read_linkedin_ssi('{"memberScore": {"overall": ' + "9" * 5000 + "}}")

    def test_number_with_400_digits(self):
        """A 400-digit overall is out of range, not an OverflowError."""
        with pytest.raises(SSIInputError, match="El total debe"):
            ssi_kit.read_linkedin_ssi(json.dumps(_member(overall=10**400)))

    def test_list_as_pillar_name(self):
        """A list where a pillar name goes names the valid pillars."""
        data = _member()
        data["memberScore"]["subScores"][0]["pillar"] = ["PROFESSIONAL_BRAND"]
        with pytest.raises(SSIInputError, match="PROFESSIONAL_BRAND, FIND_RIGHT_PEOPLE"):
            ssi_kit.read_linkedin_ssi(data)

    def test_pasted_multiline_text(self):
        """The JSON pasted with line breaks is read as content."""
        assert ssi_kit.read_linkedin_ssi(json.dumps(_member(), indent=2)).member.total == 10

    def test_utf16_file(self, tmp_path):
        """A JSON saved as UTF-16 by an editor reads."""
        path = tmp_path / "ssi.json"
        path.write_bytes(json.dumps(_member()).encode("utf-16"))
        assert ssi_kit.read_linkedin_ssi(path).member.total == 10

    def test_missing_file_named_as_given(self):
        """The message keeps the name as the learner typed it."""
        with pytest.raises(SSIInputError, match=re.escape("No encuentro el archivo «mi_ssi.json»")):
            ssi_kit.read_linkedin_ssi("mi_ssi.json")

    def test_broken_file_says_del_archivo(self, tmp_path):
        """Broken JSON in a file: "El archivo «x» no es JSON válido"."""
        path = tmp_path / "ssi.json"
        path.write_text("{oops")
        with pytest.raises(SSIInputError, match=r"El archivo «.*ssi.json» no es JSON válido \(línea 1"):
            ssi_kit.read_linkedin_ssi(str(path))

    def test_bytes(self):
        """Uploaded bytes (a FileUpload's content) read."""
        assert ssi_kit.read_linkedin_ssi(io.BytesIO(json.dumps(_member()).encode())).member.total == 10


class TestFolders:
    def test_member_found_in_an_unzipped_export(self, tmp_path):
        """A folder as LinkedIn's zip unpacks (one folder deep) is searched for the file."""
        (tmp_path / "Basic_LinkedInDataExport" / "x").mkdir(parents=True)
        (tmp_path / "Basic_LinkedInDataExport" / "Connections.csv").write_bytes(b"a")
        got = read_source(tmp_path, function="f", expected="e", member="connections.csv")
        assert got.data == b"a" and got.member == "Basic_LinkedInDataExport/Connections.csv"

    def test_search_does_not_walk_deep_trees(self, tmp_path):
        """A file buried many folders deep (a whole home folder passed) is not searched for."""
        deep = tmp_path.joinpath(*"abcdef")
        deep.mkdir(parents=True)
        (deep / "Connections.csv").write_bytes(b"a")
        with pytest.raises(SSIInputError, match=re.escape("no contiene Connections.csv")):
            read_source(tmp_path, function="f", expected="e", member="Connections.csv")


def test_user_dir_follows_ssi_kit_home(monkeypatch, tmp_path):
    """$SSI_KIT_HOME moves every file ssi-kit keeps for a learner; without it, a per-user folder."""
    from ssi_kit._resources import user_dir

    monkeypatch.setenv("SSI_KIT_HOME", str(tmp_path))
    assert user_dir() == tmp_path
    monkeypatch.delenv("SSI_KIT_HOME")
    assert user_dir().name == "ssi-kit"


# Names that fit in 255 bytes but not in 255 characters' worth of a cut by characters.
CJK_NAME = "漢" * 80 + ".csv"  # 244 bytes
ACCENTED_NAME = "é" * 125 + ".csv"  # 254 bytes


class TestCheckPath:
    """check_path: the one check of every path a learner passes."""

    @pytest.mark.parametrize("name", [CJK_NAME, ACCENTED_NAME])
    def test_long_names_in_other_scripts_fit(self, tmp_path, name):
        """80 CJK characters or 125 «é» are under 255 bytes: accepted, and their temporary name fits too."""
        target = check_path(tmp_path / name, name="dest", use="write")
        assert target == tmp_path / name
        temporary = temporary_path(target)
        assert len(os.fsencode(temporary.name)) <= NAME_MAX_BYTES and temporary.parent == tmp_path

    @pytest.mark.parametrize("name", [CJK_NAME, ACCENTED_NAME])
    def test_save_csv_takes_long_names_in_other_scripts(self, tmp_path, name):
        """save_csv writes a file whose name is long in bytes (its temporary name is cut by bytes, not characters)."""
        out = ssi_kit.save_csv(pd.DataFrame({"a": [1]}), tmp_path / name)
        assert out.read_text(encoding="utf-8-sig").splitlines() == ['"a"', "1"]
        assert [p.name for p in tmp_path.iterdir()] == [name]

    def test_name_too_long_is_counted_in_bytes(self, tmp_path):
        """130 «é» are 130 characters but 264 bytes: refused, saying how many bytes and how to shorten it."""
        with pytest.raises(SSIInputError, match="es demasiado largo: ocupa 264 bytes y aquí caben 255") as info:
            check_path(tmp_path / ("é" * 130 + ".csv"), name="dest", use="write")
        assert "tilde ocupa 2 bytes" in info.value.hint

    def test_whole_path_too_long(self, tmp_path):
        """A path over 4,096 bytes (each name short) is refused before the system is asked."""
        deep = tmp_path.joinpath(*["carpeta"] * 600, "x.csv")
        with pytest.raises(SSIInputError, match=r"La ruta «.*» es demasiado larga: ocupa"):
            check_path(deep, name="dest", use="write")

    def test_system_name_too_long_becomes_our_error(self, tmp_path, monkeypatch):
        """ENAMETOOLONG from the system (a file system with shorter names) is our error, not an OSError."""
        def refuse(*args, **kwargs):
            raise OSError(errno.ENAMETOOLONG, "File name too long")

        monkeypatch.setattr(os, "stat", refuse)
        with pytest.raises(SSIInputError, match="nombre demasiado largo para este sistema"):
            check_path(tmp_path / "x.csv", name="path")

    def test_link_loop(self, tmp_path):
        """Two links pointing at each other (ELOOP) are our error, for reading and for writing."""
        (tmp_path / "a").symlink_to(tmp_path / "b")
        (tmp_path / "b").symlink_to(tmp_path / "a")
        for use in ("read", "write"):
            with pytest.raises(SSIInputError, match="enlace que vuelve sobre sí mismo"):
                check_path(tmp_path / "a", name="path", use=use)

    def test_dangling_link_is_never_written_through(self, tmp_path):
        """A link to a file that does not exist is refused for writing: nothing is created at its target."""
        elsewhere = tmp_path / "otra" / "sitio.csv"
        elsewhere.parent.mkdir()
        (tmp_path / "enlace.csv").symlink_to(elsewhere)
        with pytest.raises(SSIInputError, match="enlace a un archivo que no existe"):
            check_path(tmp_path / "enlace.csv", name="dest", use="write")
        with pytest.raises(SSIInputError, match="enlace a un archivo que no existe"):
            ssi_kit.save_csv(pd.DataFrame({"a": [1]}), tmp_path / "enlace.csv")
        assert not elsewhere.exists()

    def test_link_to_an_existing_file_is_a_file(self, tmp_path):
        """A link to an existing file is that file: accepted for reading and writing."""
        (tmp_path / "real.csv").write_text("x")
        (tmp_path / "enlace.csv").symlink_to(tmp_path / "real.csv")
        for use in ("read", "write"):
            assert check_path(tmp_path / "enlace.csv", name="path", use=use) == tmp_path / "enlace.csv"

    def test_folder_where_a_file_goes(self, tmp_path):
        """An existing folder is refused where a file is read or written."""
        for use in ("read", "write"):
            with pytest.raises(SSIInputError, match="es una carpeta; pasa la ruta de un archivo"):
                check_path(tmp_path, name="path", use=use)
        assert check_path(tmp_path, name="source", use="read", folders=True) == tmp_path

    def test_missing_parent_unless_the_caller_creates_it(self, tmp_path):
        """Writing needs the folder to exist; with create_parent the caller creates it (the user folder)."""
        with pytest.raises(SSIInputError, match=r"No existe la carpeta de «.*no_hay/x\.csv»") as info:
            check_path(tmp_path / "no_hay" / "x.csv", name="path", use="write", hint="Crea la carpeta.")
        assert info.value.hint == "Crea la carpeta."
        assert check_path(tmp_path / "no_hay" / "x.csv", name="path", use="write", create_parent=True).name == "x.csv"
        assert not (tmp_path / "no_hay").exists()

    def test_part_of_the_path_is_a_file(self, tmp_path):
        """A file used as a folder (ENOTDIR): our error when writing, 'not found' when reading."""
        (tmp_path / "notas.txt").write_text("x")
        with pytest.raises(SSIInputError, match="una parte de la ruta es un archivo, no una carpeta"):
            check_path(tmp_path / "notas.txt" / "x.csv", name="path", use="write")
        with pytest.raises(SSIInputError, match="No encuentro el archivo"):
            check_path(tmp_path / "notas.txt" / "x.csv", name="path", use="read")

    def test_home_is_expanded(self, tmp_path, monkeypatch):
        """«~» is the learner's home folder."""
        monkeypatch.setenv("HOME", str(tmp_path))
        (tmp_path / "datos.csv").write_text("x")
        assert check_path("~/datos.csv", name="path") == tmp_path / "datos.csv"

    @pytest.mark.parametrize(("value", "error", "match"), [
        (42, SSITypeError, "«path» debe ser la ruta de un archivo \\(texto\\); recibido int"),
        (b"x.csv", SSITypeError, "recibido bytes"),
        ("", SSIInputError, "Falta «path»: escribe la ruta de un archivo"),
        ("  ", SSIInputError, "Falta «path»"),
        ("a\0b", SSIInputError, "no es una ruta válida: lleva un carácter nulo"),
        ("a\ud800b", SSIInputError, "no es una ruta válida: lleva caracteres"),
    ])
    def test_impossible_values(self, value, error, match):
        """Not a path, empty, a NUL byte, a lone surrogate: our errors, never OSError or ValueError."""
        with pytest.raises(error, match=match):
            check_path(value, name="path", use="write")

    def test_folders(self, tmp_path):
        """use='folder': an existing folder; missing or a file is refused; missing_ok lets a new one through."""
        assert check_path(tmp_path, name="folder", use="folder") == tmp_path
        with pytest.raises(SSIInputError, match="No encuentro la carpeta"):
            check_path(tmp_path / "no", name="folder", use="folder")
        assert check_path(tmp_path / "no", name="folder", use="folder", missing_ok=True) == tmp_path / "no"
        (tmp_path / "f.txt").write_text("x")
        with pytest.raises(SSIInputError, match="es un archivo, no una carpeta"):
            check_path(tmp_path / "f.txt", name="folder", use="folder", missing_ok=True)

    def test_suffixes(self, tmp_path):
        """A wrong ending names the endings accepted."""
        with pytest.raises(SSIInputError, match=re.escape("«dest» debe terminar en .html o .htm")):
            check_path(tmp_path / "x.csv", name="dest", use="write", suffixes=(".html", ".htm"))

    def test_inside_refuses_a_link_leaving_the_folder(self, tmp_path):
        """A file of a class folder that links outside it is refused; files (and links) inside are fine."""
        folder, outside = tmp_path / "clase", tmp_path / "secreto.csv"
        folder.mkdir()
        outside.write_text("x")
        (folder / "ana.csv").write_text("x")
        (folder / "fuera.csv").symlink_to(outside)
        (folder / "dentro.csv").symlink_to(folder / "ana.csv")
        assert check_path(folder / "ana.csv", name="path", inside=folder) == folder / "ana.csv"
        assert check_path(folder / "dentro.csv", name="path", inside=folder) == folder / "dentro.csv"
        with pytest.raises(SSIInputError, match="lleva fuera de la carpeta"):
            check_path(folder / "fuera.csv", name="path", inside=folder)

    def test_english(self, tmp_path):
        """Messages follow the language."""
        ssi_kit.set_language("en")
        with pytest.raises(SSIInputError, match="File not found"):
            check_path(tmp_path / "x.csv", name="path")

    def test_system_reasons_in_spanish(self):
        """The system's refusals are named in Spanish, never with its English text."""
        assert describe_os_error(OSError(errno.ENOSPC, "No space left on device")) == "el disco está lleno"
        assert describe_os_error(PermissionError(errno.EACCES, "Permission denied")) == "sin permiso"
        assert "No space" not in describe_os_error(OSError(errno.EPIPE, "Broken pipe"))

