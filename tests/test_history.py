"""ssi_kit.history: record, load, delete, export and import snapshots of a learner's SSI."""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import sqlite3
import tempfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssi_kit import SSI, SSIInputError, SSITypeError, SSIWarning, read_linkedin_ssi
from ssi_kit._resources import data_path
from ssi_kit.history import (
    COLUMNS,
    FILE_NAME,
    delete,
    describe_change,
    export_history,
    history_path,
    import_ssi_folder,
    load_history,
    record,
)

from .strategies import ssis

EXAMPLE = data_path("ssi_ejemplo.json")


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    """Every test keeps its history in a temporary SSI_KIT_HOME, never the learner's real one."""
    folder = tmp_path / "home"
    monkeypatch.setenv("SSI_KIT_HOME", str(folder))
    return folder


class TestRecord:
    def test_creates_the_file_in_ssi_kit_home(self, home):
        """The first record creates historial.sqlite in $SSI_KIT_HOME (the folder too)."""
        assert not home.exists()
        record(SSI(12.5, 8, 5.25, 10), "2025-03-14")
        assert (home / FILE_NAME).is_file()
        assert history_path() == home / FILE_NAME

    def test_round_trip(self):
        """What is recorded comes back: the day, the four pillars and their sum."""
        ssi = SSI(12.5, 8, 5.25, 10)
        assert record(ssi, "14/03/2025") == dt.date(2025, 3, 14)
        frame = load_history()
        assert list(frame.columns) == list(COLUMNS)
        row = frame.iloc[0]
        assert row["date"] == dt.datetime(2025, 3, 14)
        assert tuple(row[["brand", "people", "insights", "relationships"]]) == ssi.as_tuple()
        assert row["total"] == ssi.total
        assert math.isnan(row["industry"]) and math.isnan(row["network"])

    def test_same_day_twice_replaces_it(self):
        """Recording the same day again keeps one row, with the last values."""
        record(SSI(1, 1, 1, 1), "2025-03-14")
        record(SSI(2, 2, 2, 2), dt.datetime(2025, 3, 14, 18, 30))
        frame = load_history()
        assert len(frame) == 1
        assert frame["total"].iloc[0] == SSI(2, 2, 2, 2).total

    def test_profile_keeps_industry_and_network(self):
        """A profile from LinkedIn's JSON keeps its industry and network averages."""
        profile = read_linkedin_ssi(EXAMPLE)
        record(profile, "2025-03-14")
        row = load_history().iloc[0]
        assert row["industry"] == profile.industry.overall
        assert row["network"] == profile.network.overall
        assert row["total"] == profile.member.total

    def test_text_as_a_learner_types_it(self):
        """Text with decimal commas is read as SSI.parse reads it."""
        record("12,5; 8; 5,25; 10", "2025-03-14")
        assert load_history()["total"].iloc[0] == SSI.parse("12,5; 8; 5,25; 10").total

    def test_today_by_default(self):
        """Without a date the snapshot is today's."""
        assert record(SSI(1, 2, 3, 4)) == dt.date.today()

    def test_sorted_by_date(self):
        """Rows come back oldest first whatever the order of recording."""
        for day in ("2025-03-21", "2025-03-07", "2025-03-14"):
            record(SSI(1, 1, 1, 1), day)
        assert load_history()["date"].is_monotonic_increasing

    def test_explicit_path(self, tmp_path, home):
        """path= writes that file and leaves SSI_KIT_HOME alone."""
        target = tmp_path / "otro.sqlite"
        record(SSI(1, 1, 1, 1), "2025-03-14", path=target)
        assert target.is_file() and not home.exists()
        assert len(load_history(target)) == 1

    @pytest.mark.parametrize("when", ["31/02/2025", "2025-13-01", "ayer", "", "03/14/2025"])
    def test_unreadable_date(self, when):
        """A date that cannot be read names the form expected."""
        with pytest.raises(SSIInputError, match="debe ser una fecha"):
            record(SSI(1, 1, 1, 1), when)

    @pytest.mark.parametrize("when", ["14.03.2025", "14-03-25", "2025-03-14 18:30:00", "20250314", "14/3/2025 "])
    def test_date_in_any_accepted_form(self, when):
        """The day is read like every date a learner types (check_date), as the plans and the tracker read it."""
        assert record(SSI(1, 1, 1, 1), when) == dt.date(2025, 3, 14)

    def test_month_first_gets_the_day_first_hint(self):
        """03/14/2025 is refused with a hint that shows 14/03/2025."""
        with pytest.raises(SSIInputError, match="«when» debe ser una fecha") as info:
            record(SSI(1, 1, 1, 1), "03/14/2025")
        assert "14/03/2025" in info.value.hint

    def test_future_date_refused(self):
        """A day after tomorrow is refused with a hint about the order day/month/year."""
        later = dt.date.today() + dt.timedelta(days=30)
        with pytest.raises(SSIInputError, match="entre el 01/01/2000 y hoy") as info:
            record(SSI(1, 1, 1, 1), later)
        assert "día/mes/año" in info.value.hint

    def test_date_of_wrong_type(self):
        """A number where a date goes is a type error with a hint."""
        with pytest.raises(SSITypeError, match="«when» debe ser una fecha"):
            record(SSI(1, 1, 1, 1), 20250314)  # type: ignore[arg-type]

    def test_invalid_ssi(self):
        """An out-of-range pillar or a wrong type never reaches the file."""
        with pytest.raises(SSIInputError, match="entre 0 y 25"):
            record("30; 1; 1; 1", "2025-03-14")
        with pytest.raises(SSITypeError, match="«ssi» debe ser un SSI"):
            record(42, "2025-03-14")  # type: ignore[arg-type]
        assert len(load_history()) == 0

    def test_path_of_wrong_type(self):
        """path must be a path."""
        with pytest.raises(SSITypeError, match="«path»"):
            record(SSI(1, 1, 1, 1), path=3)  # type: ignore[arg-type]

    def test_folder_as_path(self, tmp_path):
        """A folder given as the history says it is a folder."""
        with pytest.raises(SSIInputError, match="es una carpeta"):
            record(SSI(1, 1, 1, 1), path=tmp_path)

    @given(ssis, st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date.today()))
    def test_any_ssi_any_day_round_trips(self, ssi, day):
        """Any valid SSI recorded on any valid day is read back exactly."""
        with tempfile.TemporaryDirectory() as folder:
            target = os.path.join(folder, FILE_NAME)
            record(ssi, day, path=target)
            row = load_history(target).iloc[0]
        assert row["date"].date() == day
        assert tuple(row[["brand", "people", "insights", "relationships"]]) == ssi.as_tuple()


class TestLoad:
    def test_no_file_gives_an_empty_table_and_creates_nothing(self, home):
        """Loading before any record gives the empty table and writes nothing."""
        frame = load_history()
        assert list(frame.columns) == list(COLUMNS) and len(frame) == 0
        assert not home.exists()


class TestFilesNotOurs:
    def test_text_file(self, tmp_path):
        """A file that is not a database: clear error, bytes untouched."""
        target = tmp_path / "notas.sqlite"
        target.write_bytes(b"mis notas\n" * 50)
        for call in (lambda: load_history(target), lambda: record(SSI(1, 1, 1, 1), path=target)):
            with pytest.raises(SSIInputError, match="no es un historial de ssi-kit"):
                call()
        assert target.read_bytes() == b"mis notas\n" * 50

    def test_another_programs_database(self, tmp_path):
        """Another program's SQLite database is refused and left as it was."""
        target = tmp_path / "otra.sqlite"
        connection = sqlite3.connect(target)
        connection.execute("CREATE TABLE t (x)")
        connection.commit()
        connection.close()
        before = target.read_bytes()
        with pytest.raises(SSIInputError, match="otro programa"):
            record(SSI(1, 1, 1, 1), path=target)
        assert target.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["otra.sqlite"]

    def test_empty_file(self, tmp_path):
        """An empty file is not taken for a history."""
        target = tmp_path / "vacio.sqlite"
        target.write_bytes(b"")
        with pytest.raises(SSIInputError, match="no es un historial"):
            record(SSI(1, 1, 1, 1), path=target)
        assert target.read_bytes() == b""


def _hand_edit(path, sql, *values):
    """Change the history as someone would with an SQLite editor."""
    connection = sqlite3.connect(path)
    connection.execute(sql, values)
    connection.commit()
    connection.close()


class TestHandEditedRows:
    @pytest.fixture
    def edited(self, tmp_path):
        """A history of three days, recorded the usual way."""
        target = tmp_path / "h.sqlite"
        for day in ("2025-03-07", "2025-03-14", "2025-03-21"):
            record(SSI(10, 8, 5, 10), day, path=target)
        return target

    @pytest.mark.parametrize(("sql", "names"), [
        ("UPDATE snapshots SET brand = '12,5' WHERE date = '2025-03-14'", "la medición del 14/03/2025 .*«marca»"),
        ("UPDATE snapshots SET people = 40 WHERE date = '2025-03-14'", "la medición del 14/03/2025 .*«personas»"),
        ("UPDATE snapshots SET date = '2025-02-30' WHERE date = '2025-03-14'", "la fila 2 .*fecha no es un día"),
        ("UPDATE snapshots SET date = 'ayer' WHERE date = '2025-03-14'", "la fila 2 .*fecha"),
        ("UPDATE snapshots SET industry = 'mucho' WHERE date = '2025-03-14'", "la medición del 14/03/2025 .*sector"),
        ("UPDATE snapshots SET insights = X'FF' WHERE date = '2025-03-14'", "la medición del 14/03/2025"),
    ])
    def test_bad_row_is_left_out_with_a_warning(self, edited, sql, names):
        """A row edited by hand is left out with a warning naming its date (or row), never a ValueError."""
        _hand_edit(edited, sql)
        before = edited.read_bytes()
        with pytest.warns(SSIWarning, match="En el historial «.*h.sqlite», " + names) as warned:
            frame = load_history(edited)
        assert "queda fuera y el archivo no se modifica" in str(warned[0].message)
        assert frame["date"].dt.strftime("%Y-%m-%d").tolist() == ["2025-03-07", "2025-03-21"]
        assert edited.read_bytes() == before

    def test_the_rest_keeps_working(self, edited):
        """With a bad row, recording and deleting other days still work; the bad row stays as it was."""
        _hand_edit(edited, "UPDATE snapshots SET date = 'ayer' WHERE date = '2025-03-14'")
        record(SSI(1, 1, 1, 1), "2025-03-28", path=edited)
        delete("2025-03-07", path=edited)
        with pytest.warns(SSIWarning):
            assert len(load_history(edited)) == 2
        with pytest.raises(SSIInputError, match="No hay ninguna medición del 14/03/2025"):
            delete("2025-03-14", path=edited)

    def test_a_missing_table_is_damage(self, edited):
        """A history whose table was dropped: «dañado», not «no es un historial» (the header says it is ours)."""
        _hand_edit(edited, "DROP TABLE snapshots")
        with pytest.raises(SSIInputError, match=r"El historial «.*» está dañado \(le faltan tablas o columnas\)"):
            load_history(edited)


class TestDelete:
    def test_removes_that_day_only(self):
        """delete removes the snapshot of that day and keeps the others."""
        record(SSI(1, 1, 1, 1), "2025-03-07")
        record(SSI(2, 2, 2, 2), "2025-03-14")
        delete("07/03/2025")
        assert load_history()["date"].dt.date.tolist() == [dt.date(2025, 3, 14)]

    def test_unknown_day_lists_the_nearest(self):
        """Deleting a day without a snapshot says so and names the nearest days."""
        record(SSI(1, 1, 1, 1), "2025-03-07")
        with pytest.raises(SSIInputError, match="No hay ninguna medición del 08/03/2025") as info:
            delete("2025-03-08")
        assert "07/03/2025" in info.value.hint

    def test_empty_history(self):
        """Deleting from an empty history says it is empty."""
        with pytest.raises(SSIInputError) as info:
            delete("2025-03-08")
        assert "vacío" in info.value.hint


class TestExport:
    def test_spanish_headers_and_rows(self, tmp_path):
        """The export has Spanish headers and one line per snapshot."""
        record(SSI(12.5, 8, 5.25, 10), "2025-03-14")
        record(read_linkedin_ssi(EXAMPLE), "2025-03-21")
        out = export_history(tmp_path / "h.csv")
        lines = out.read_text(encoding="utf-8-sig").splitlines()
        assert lines[0] == '"fecha","marca","personas","información","relaciones","total","sector","red"'
        assert len(lines) == 3 and lines[1].startswith('"2025-03-14",')

    def test_never_replaces_without_overwrite(self, tmp_path):
        """An existing file is kept unless overwrite=True."""
        target = tmp_path / "h.csv"
        target.write_text("mío")
        with pytest.raises(SSIInputError, match="Ya existe"):
            export_history(target)
        assert target.read_text() == "mío"
        export_history(target, overwrite=True)
        assert target.read_text(encoding="utf-8-sig").startswith('"fecha"')


def _save_json(path, member):
    """Write a LinkedIn SSI JSON with ``member`` as its four pillars."""
    names = ("PROFESSIONAL_BRAND", "FIND_RIGHT_PEOPLE", "INSIGHT_ENGAGEMENT", "STRONG_RELATIONSHIP")
    path.write_text(json.dumps({"memberScore": {"overall": member.total, "subScores": [
        {"pillar": n, "score": s} for n, s in zip(names, member.as_tuple())]}}))


class TestImportFolder:
    def test_dates_from_names_and_times(self, tmp_path):
        """Files are dated by an ISO or day-first date in the name, else by their modification day."""
        folder = tmp_path / "ssi"
        folder.mkdir()
        _save_json(folder / "ssi_2025-03-14.json", SSI(1, 1, 1, 1))
        _save_json(folder / "ssi_21-03-2025.json", SSI(2, 2, 2, 2))
        _save_json(folder / "captura.json", SSI(3, 3, 3, 3))
        stamp = dt.datetime(2025, 2, 1, 12).timestamp()
        os.utime(folder / "captura.json", (stamp, stamp))
        report = import_ssi_folder(folder)
        assert report.imported == 3 and report.skipped == []
        frame = load_history()
        assert frame["date"].dt.date.tolist() == [dt.date(2025, 2, 1), dt.date(2025, 3, 14), dt.date(2025, 3, 21)]
        assert frame["total"].tolist() == [SSI(3, 3, 3, 3).total, SSI(1, 1, 1, 1).total, SSI(2, 2, 2, 2).total]

    def test_bad_files_skipped_with_reasons(self, tmp_path):
        """Unreadable files and a second file of the same day are skipped, each with its reason."""
        folder = tmp_path / "ssi"
        folder.mkdir()
        (folder / "roto_2025-03-01.json").write_text("{no es json")
        _save_json(folder / "a_2025-03-14.json", SSI(1, 1, 1, 1))
        _save_json(folder / "b_2025-03-14.json", SSI(2, 2, 2, 2))
        (folder / "leeme.txt").write_text("no es json")
        report = import_ssi_folder(folder)
        assert report.imported == 1
        reasons = dict(report.skipped)
        assert set(reasons) == {"roto_2025-03-01.json", "b_2025-03-14.json"}
        assert "JSON" in reasons["roto_2025-03-01.json"]
        assert "misma fecha" in reasons["b_2025-03-14.json"]
        assert "Importadas: 1 medición" in str(report)

    def test_missing_folder(self, tmp_path):
        """A folder that does not exist gives a clear error."""
        with pytest.raises(SSIInputError, match="No encuentro la carpeta"):
            import_ssi_folder(tmp_path / "no_existe")

    def test_folder_name_too_long(self, tmp_path):
        """A folder name too long for the system (ENAMETOOLONG) is our error, not an OSError traceback."""
        with pytest.raises(SSIInputError, match="es demasiado largo: ocupa 300 bytes"):
            import_ssi_folder(tmp_path / ("x" * 300))


class TestDescribeChange:
    def _history(self, dates, totals):
        import pandas as pd

        return pd.DataFrame({"date": pd.to_datetime(dates), "brand": totals, "people": 0.0, "insights": 0.0,
                             "relationships": 0.0, "total": totals})

    def test_flat_week(self):
        """Two snapshots a week apart with the same total: «Sin cambios desde la semana pasada»."""
        assert describe_change(self._history(["2025-03-07", "2025-03-14"], [10.0, 10.0])) == \
            "Sin cambios desde la semana pasada"

    def test_drop_since_a_date(self):
        """A drop over a longer gap names the earlier date and the minus sign."""
        text = describe_change(self._history(["2025-02-01", "2025-03-14"], [12.0, 10.5]))
        assert text.startswith("−1,5 puntos desde el 01/02/2025")

    def test_one_and_none(self):
        """One snapshot invites a second one; none says there is nothing yet."""
        assert "Primera medición" in describe_change(self._history(["2025-03-14"], [10.0]))
        assert "Aún no hay" in describe_change(self._history([], []))

    def test_not_a_table(self):
        """Anything but the history table is a type error naming load_history."""
        with pytest.raises(SSITypeError, match="load_history"):
            describe_change([1, 2])
