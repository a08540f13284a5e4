"""The classroom: reading form exports and shared folders, submitting, the dashboard and its exports."""

from __future__ import annotations

import os
import re
from datetime import date, datetime

import pandas as pd
import plotly.graph_objects as go
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ssi_kit
from ssi_kit import SSI, SSIInputError, SSITypeError
from ssi_kit.classroom import (
    ClassData,
    class_progress,
    compare_projection,
    describe_class_comparison,
    export_csv,
    latest_submissions,
    read_class,
    submit,
    weakest_pillar,
)
from ssi_kit.datasets import data_path, load_dataset
from ssi_kit.plots import class_dashboard as dashboard
from ssi_kit.plots import export_dashboard as export_html

PILLARS = list(ssi_kit.PILLARS)


@pytest.fixture(autouse=True)
def _private_home(tmp_path, monkeypatch):
    """No test touches the real user folder."""
    monkeypatch.setenv("SSI_KIT_HOME", str(tmp_path / "home"))


def _csv(header: str, *rows: str, sep: str = ";") -> str:
    return "\n".join([header.replace(";", sep), *rows]) + "\n"


class TestReadClass:
    def test_google_forms_export_in_spanish(self):
        """A Google Forms export (Marca temporal, full pillar names, quoted decimal commas) is read whole."""
        clase = load_dataset("clase_ejemplo")
        assert isinstance(clase, ClassData)
        assert list(clase.submissions.columns) == ["timestamp", "student", *PILLARS, "total"]
        assert clase.submissions["student"].nunique() == 24
        sums = clase.submissions[PILLARS].sum(axis=1).round(3)
        assert (sums == clase.submissions["total"]).all()
        assert clase.submissions["timestamp"].dt.month.isin([2, 3]).all()  # day first: 3/2/2025 is 3 February

    def test_bad_rows_are_rejected_with_editor_line_and_reason(self):
        """Every bad row lands in .rejected with the line an editor shows and a reason; the rest is read."""
        text = _csv("Marca temporal;Alias;Marca;Personas;Información;Relaciones",
                    "5/3/2025 10:00:00;ana;12,5;8;5,25;10",
                    "5/3/2025 10:01:00;luis;30;8;5;10",
                    "5/3/2025 10:02:00;eva;;8;5;10",
                    "5/3/2025 10:03:00;sol;diez;8;5;10",
                    "5/3/2025 10:04:00;rio;1;2",
                    "5/3/2025 10:05:00;;1;2;3;4",
                    "nunca;pau;1;2;3;4",
                    "5/3/2025 10:06:00;mar;1;2;3;4")
        clase = read_class(text)
        assert clase.submissions["student"].tolist() == ["ana", "mar"]
        assert clase.rejected["line"].tolist() == [3, 4, 5, 6, 7, 8]
        reasons = clase.rejected["reason"].tolist()
        assert "fuera de rango" in reasons[0] and "vacío" in reasons[1] and "no es un número" in reasons[2]
        assert "faltan columnas" in reasons[3] and "alumno" in reasons[4] and "fecha" in reasons[5]

    def test_reasons_never_quote_the_row(self):
        """A rejected row's content (a name, a value) never appears in its reason."""
        clase = read_class(_csv("alias;marca;personas;informacion;relaciones", "Secreto Pérez;99;1;1;1",
                                "x;abcdef;1;1;1"))
        text = " ".join(clase.rejected["reason"])
        assert "Secreto" not in text and "99" not in text and "abcdef" not in text

    def test_comma_separated_english_headers_any_case(self):
        """English names, any case, no accents, comma separator, ISO dates: the same table."""
        text = _csv("TIMESTAMP,Student,BRAND,People,insights,Relationships", "2025-03-05 10:00,ana,12.5,8,5.25,10",
                    sep=",")
        clase = read_class(text)
        row = clase.submissions.iloc[0]
        assert row["student"] == "ana" and row["total"] == SSI(12.5, 8, 5.25, 10).total
        assert row["timestamp"] == pd.Timestamp(2025, 3, 5, 10, 0)

    def test_columns_found_by_name_in_any_order_with_extra_columns(self):
        """Columns are found by their name, wherever they are, next to others the form added."""
        text = _csv("Relaciones;Correo electrónico;Información (0-25);Nombre o alias;Personas;Marca;Fecha",
                    "10;a@b.c;5,25;ana;8;12,5;05/03/2025")
        row = read_class(text).submissions.iloc[0]
        assert (row["brand"], row["people"], row["insights"], row["relationships"]) == (12.5, 8, 5.25, 10)
        assert row["student"] == "ana"

    def test_preamble_bom_and_windows_1252(self, tmp_path):
        """A notes line before the header, a BOM or a Windows-1252 file (accents) are read."""
        text = "Respuestas del formulario;;;;\n" + _csv("Marca temporal;Alias;Marca;Personas;Información;Relaciones",
                                                        "5/3/2025 10:00:00;Íñigo;1;2;3;4")
        path = tmp_path / "clase.csv"
        path.write_bytes(text.encode("cp1252"))
        clase = read_class(path)
        assert clase.submissions["student"].tolist() == ["Íñigo"]
        path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
        assert read_class(path).submissions["student"].tolist() == ["Íñigo"]

    def test_file_is_not_modified(self, tmp_path):
        """Reading never changes the file."""
        path = tmp_path / "clase.csv"
        path.write_bytes(data_path("clase_ejemplo.csv").read_bytes())
        before = path.read_bytes()
        read_class(path)
        assert path.read_bytes() == before

    def test_missing_pillar_column_is_a_clear_error(self):
        """A file without one pillar column says which one is missing."""
        with pytest.raises(SSIInputError, match="información"):
            read_class(_csv("alias;marca;personas;relaciones", "ana;1;2;3"))

    def test_no_header_is_a_clear_error(self):
        """A file that is not a class export says what it needs."""
        with pytest.raises(SSIInputError, match="encabezado con las columnas Marca temporal, Alias, Marca"):
            read_class("a;b;c\n1;2;3\n")

    def test_bad_types(self):
        """A number or a DataFrame is not a source."""
        with pytest.raises(SSITypeError):
            read_class(3)  # type: ignore[arg-type]

    def test_template_is_recognised(self):
        """The shipped template has every column read_class needs (and no rows)."""
        clase = read_class(data_path("plantilla_clase.csv"))
        assert clase.submissions.empty and clase.rejected.empty

    @given(st.lists(st.text(alphabet="0123456789,;.-ab \"", max_size=30), max_size=8))
    def test_any_rows_never_stop_reading(self, rows):
        """Whatever rows come after the header, reading ends with valid + rejected rows, nothing escapes."""
        text = "alias;marca;personas;informacion;relaciones\n" + "\n".join(rows)
        clase = read_class(text + "\n")
        assert (clase.submissions[PILLARS] >= 0).all().all() and (clase.submissions[PILLARS] <= 25).all().all()
        assert clase.rejected["line"].ge(2).all()


class TestSubmit:
    def test_one_file_per_alias_and_date(self, tmp_path):
        """Two people, or one person on two dates, write different files; the folder reads back."""
        a = submit("12,5; 8; 5,25; 10", "ana", tmp_path, when=date(2025, 3, 5))
        b = submit(SSI(10, 8, 5, 10), "luis", tmp_path, when=date(2025, 3, 5))
        c = submit(SSI(13, 8, 5, 10), "ana", tmp_path, when=date(2025, 3, 26))
        assert len({a, b, c}) == 3
        clase = read_class(tmp_path)
        assert sorted(clase.submissions["student"]) == ["ana", "ana", "luis"]
        assert class_progress(clase)["change"].tolist() == [SSI(13, 8, 5, 10).total - SSI(12.5, 8, 5.25, 10).total]

    def test_same_day_replaces_own_file(self, tmp_path):
        """Sending again the same day replaces that person's file, never another's."""
        submit(SSI(1, 1, 1, 1), "ana", tmp_path, when=date(2025, 3, 5))
        submit(SSI(2, 2, 2, 2), "ana", tmp_path, when=date(2025, 3, 5))
        clase = read_class(tmp_path)
        assert clase.submissions["total"].tolist() == [8]

    def test_similar_aliases_do_not_collide(self, tmp_path):
        """Aliases whose slugs match (accents, symbols) still get their own files."""
        paths = {submit(SSI(1, 1, 1, 1), alias, tmp_path, when=date(2025, 3, 5)) for alias in ("José", "Jose", "jose!")}
        assert len(paths) == 3

    @pytest.mark.parametrize("alias", ["../x", "a/b", "a\\b", "", "  ", ".oculto", "=cmd", "a\x00b", "x" * 41, "a..b"])
    def test_path_tricks_are_refused(self, tmp_path, alias):
        """Aliases that could leave the folder, hide a file or run a formula are refused; nothing is written."""
        with pytest.raises(SSIInputError):
            submit(SSI(1, 1, 1, 1), alias, tmp_path)
        assert not any(tmp_path.iterdir())

    def test_file_stays_in_the_folder(self, tmp_path):
        """The written file is directly inside the class folder."""
        path = submit(SSI(1, 1, 1, 1), "ana maría", tmp_path)
        assert path.parent == tmp_path and re.fullmatch(r"ssi_\d{4}-\d{2}-\d{2}_[a-z0-9-]+\.csv", path.name)

    def test_missing_folder_and_bad_types(self, tmp_path):
        """A folder that does not exist, a bad SSI or a non-text alias get our errors."""
        with pytest.raises(SSIInputError, match="carpeta"):
            submit(SSI(1, 1, 1, 1), "ana", tmp_path / "no")
        with pytest.raises(SSIInputError):
            submit("30; 1; 1; 1", "ana", tmp_path)
        with pytest.raises(SSITypeError):
            submit(SSI(1, 1, 1, 1), 3, tmp_path)  # type: ignore[arg-type]
        with pytest.raises(SSIInputError, match="«when» debe ser una fecha"):
            submit(SSI(1, 1, 1, 1), "ana", tmp_path, when="ayer")
        with pytest.raises(SSITypeError, match="«when» debe ser una fecha"):
            submit(SSI(1, 1, 1, 1), "ana", tmp_path, when=20250305)  # type: ignore[arg-type]

    @pytest.mark.parametrize("when", ["05/03/2025", "2025-03-05", "5.3.2025", date(2025, 3, 5)])
    def test_date_typed_as_a_spanish_speaker_writes_it(self, tmp_path, when):
        """submit's date is read like every other date a learner types (check_date): same file name."""
        assert submit(SSI(1, 1, 1, 1), "ana", tmp_path, when=when).name.startswith("ssi_2025-03-05_")

    def test_unreadable_file_in_folder_is_rejected_not_fatal(self, tmp_path):
        """A foreign file in the shared folder is set aside; the others are read."""
        submit(SSI(1, 1, 1, 1), "ana", tmp_path, when=date(2025, 3, 5))
        (tmp_path / "otra_cosa.csv").write_text("a,b\n1,2\n", encoding="utf-8")
        clase = read_class(tmp_path)
        assert clase.submissions["student"].tolist() == ["ana"]
        assert clase.rejected["file"].tolist() == ["otra_cosa.csv"]


class TestClassFigures:
    def test_latest_and_weakest(self):
        """latest_submissions keeps each student's last row; the weakest pillar is the lowest class mean."""
        clase = load_dataset("clase_ejemplo")
        latest = latest_submissions(clase)
        assert latest["student"].is_unique and len(latest) == 24
        means = latest[PILLARS].mean()
        assert weakest_pillar(clase) == means.idxmin()

    def test_progress_window(self):
        """A window that holds one measurement per person gives no progress rows."""
        clase = load_dataset("clase_ejemplo")
        assert class_progress(clase, start="2025-02-01", end="2025-02-10").empty
        full = class_progress(clase)
        assert (full["change"] == (full["after"] - full["before"]).round(3)).all()
        with pytest.raises(SSIInputError):
            class_progress(clase, start="ayer")
        with pytest.raises(SSIInputError, match="«end» debe ser una fecha"):
            class_progress(clase, end="02/14/2025")  # month first
        assert class_progress(clase, start="01/02/2025", end="10/02/2025").empty  # day first, as typed in Spanish

    def test_dashboard_figures(self):
        """The dashboard gives the four figures; the leaderboard and the plan only when asked."""
        clase = load_dataset("clase_ejemplo")
        figures = dashboard(clase)
        assert sorted(figures) == ["distribution", "industry", "progress", "weakest"]
        assert all(isinstance(f, go.Figure) for f in figures.values())
        more = dashboard(clase, leaderboard=True, actions=["grupos"], weeks=4)
        assert {"leaderboard", "plan"} <= set(more)

    def test_industry_default_is_the_example_data(self):
        """Without an industry figure, the comparison uses the example data's industry average."""
        clase = load_dataset("clase_ejemplo")
        bars = dashboard(clase)["industry"].data[0]
        assert bars.y[1] == load_dataset("ssi_ejemplo").industry.overall
        assert dashboard(clase, industry=40)["industry"].data[0].y[1] == 40

    def test_dashboard_bad_input(self):
        """A table without the columns, or a bad option, gets our errors."""
        with pytest.raises(SSIInputError):
            dashboard(pd.DataFrame({"x": [1]}))
        with pytest.raises(SSITypeError):
            dashboard(load_dataset("clase_ejemplo"), leaderboard="sí")  # type: ignore[arg-type]
        with pytest.raises(SSIInputError):
            dashboard(load_dataset("clase_ejemplo"), industry=130)


class TestExports:
    def test_csv_is_spreadsheet_safe(self, tmp_path):
        """Exported aliases that look like formulas are neutralised; the header is there."""
        clase = read_class(_csv("alias;marca;personas;informacion;relaciones", "@SUM(A1);1;2;3;4", "ana;1;2;3;4"))
        out = export_csv(clase, tmp_path / "clase.csv")
        lines = out.read_text(encoding="utf-8-sig").splitlines()
        assert lines[0].split(",")[:2] == ['"timestamp"', '"student"']
        assert lines[1].split(",")[1] == '"\'@SUM(A1)"'
        with pytest.raises(SSIInputError):
            export_csv(clase, tmp_path / "clase.csv")

    def test_html_is_standalone_and_offline(self, tmp_path):
        """The HTML report embeds plotly.js once and loads nothing from the network."""
        out = export_html(dashboard(load_dataset("clase_ejemplo"), leaderboard=True), tmp_path / "panel.html")
        page = out.read_text(encoding="utf-8")
        assert page.count("<div class=\"figure\">") == 5
        assert not re.search(r"<script[^>]+src=|<link[^>]+href=\"?https?:", page)
        assert page.count("Plotly.newPlot") == 5
        assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]

    def test_html_refuses_to_overwrite_and_bad_input(self, tmp_path):
        """An existing file is kept unless overwrite=True; non-figures are refused."""
        figures = {"a": go.Figure()}
        out = export_html(figures, tmp_path / "p.html")
        with pytest.raises(SSIInputError):
            export_html(figures, out)
        export_html(figures, out, overwrite=True)
        with pytest.raises(SSITypeError):
            export_html({"a": 3}, tmp_path / "q.html")  # type: ignore[dict-item]


def test_summary_in_spanish():
    """The class's summary counts valid submissions, people and rows left out."""
    text = str(load_dataset("clase_ejemplo"))
    assert "envíos válidos" in text and "24 personas" in text


def test_submit_timestamp_now(tmp_path):
    """Without a date, the submission is dated today."""
    submit(SSI(1, 1, 1, 1), "ana", tmp_path)
    stamp = read_class(tmp_path).submissions["timestamp"].iloc[0]
    assert stamp.date() == datetime.now().date()


class TestCompareProjection:
    def test_projection_from_first_measurement(self):
        """Each student's projection starts at their first SSI and runs for the weeks until their last one."""
        clase = load_dataset("clase_ejemplo")
        comparison = compare_projection(clase, ["grupos"])
        progress = class_progress(clase)
        assert comparison["student"].tolist() == progress["student"].tolist()
        assert (comparison["before"] == progress["before"]).all()
        assert (comparison["difference"] == (comparison["after"] - comparison["projected"]).round(3)).all()
        one = comparison.iloc[0]
        start = clase.submissions[clase.submissions["student"] == one["student"]].sort_values("timestamp").iloc[0]
        alone = ssi_kit.simulate(SSI(*(start[p] for p in PILLARS)), ["grupos"], weeks=int(one["weeks"]))
        assert one["projected"] == pytest.approx(alone[alone["pillar"] == "total"]["score"].iloc[-1], abs=0.01)

    def test_description_counts_everyone(self):
        """The sentence splits every student into above, in line and below."""
        comparison = compare_projection(load_dataset("clase_ejemplo"), ["grupos"])
        text = describe_class_comparison(comparison)
        numbers = [int(n) for n in re.findall(r"(\d+) (?:por|en)", text)]
        assert sum(numbers) == len(comparison) and text.startswith(f"De {len(comparison)} personas")

    def test_nobody_with_two_measurements(self):
        """A window with one measurement each gives an empty comparison."""
        clase = load_dataset("clase_ejemplo")
        assert compare_projection(clase, ["grupos"], end="2025-02-04").empty


class TestLesson06Exercises:
    def test_q1_weakest_pillar(self):
        """The expected pillar is the library's weakest, accepted in Spanish or English, any case or accents."""
        from ssi_kit.exercises import lesson06 as ej

        key = weakest_pillar(load_dataset("clase_ejemplo"))
        assert ej.q1.expected == ssi_kit.pillar_label(key)
        assert ej.q1.check(key).correct and ej.q1.check(ej.q1.expected.upper()).correct
        other = next(p for p in PILLARS if p != key)
        assert not ej.q1.check(other) and not ej.q1.check(3)

    def test_q2_people_who_improved(self):
        """The expected count comes from class_progress; a wrong count or a word is not right."""
        from ssi_kit.exercises import lesson06 as ej

        expected = int((class_progress(load_dataset("clase_ejemplo"))["change"] > 0).sum())
        assert ej.q2.expected == expected
        assert ej.q2.check(expected).correct and ej.q2.check(str(expected)).correct
        assert not ej.q2.check(expected + 1) and not ej.q2.check("muchas")

    @pytest.mark.parametrize(("answer", "right"), [("no", True), ("No", True), (False, True), ("sí", False),
                                                   ("si", False), ("quizá", False)])
    def test_q3_never_grade_by_ssi(self, answer, right):
        """The SSI is an indicator, not a grade: "no" is right, "sí" is not."""
        from ssi_kit.exercises import lesson06 as ej

        assert bool(ej.q3.check(answer)) is right

    def test_quiz_builds(self):
        """The lesson's quiz has questions with a valid answer each."""
        from ssi_kit.exercises import lesson06 as ej
        from ssi_kit.widgets import quiz

        assert len(ej.QUIZ) >= 3
        assert quiz(ej.QUIZ) is not None
