"""ssi_kit.plans: saving plans in SQLite, comparing them with recorded SSIs, saying it in words."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import sqlite3

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssi_kit import SSI, SSIInputError, SSITypeError, SSIWarning, best_plan, simulate
from ssi_kit.plans import (
    STATUSES,
    SavedPlan,
    compare_plan,
    describe_plan_comparison,
    example_history,
    list_plans,
    load_plan,
    plans_path,
    practice_file,
    save_plan,
)

START = SSI(6, 6, 5, 8)


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    """Every test keeps its plans in a temporary SSI_KIT_HOME, never the real user folder."""
    monkeypatch.setenv("SSI_KIT_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    """One plan saved once for the comparison tests."""
    return save_plan(["publicar", "grupos"], start="2025-01-06", ssi=START, weeks=12,
                     path=tmp_path_factory.mktemp("plans") / "p.sqlite")


def _history(dates, totals):
    return pd.DataFrame({"date": pd.to_datetime(dates, format="ISO8601"), "total": totals})


class TestSavePlan:
    def test_default_file_is_in_the_user_folder(self, home):
        """Without path=, the plan goes to planes.sqlite in $SSI_KIT_HOME (created if missing)."""
        plan = save_plan(["publicar"], start="2025-01-06", ssi=START)
        assert plans_path() == home / "planes.sqlite"
        assert plans_path().is_file()
        assert load_plan().id == plan.id

    def test_best_plan_keeps_its_actions_weeks_and_projection(self, tmp_path):
        """A BestPlan is saved with its actions, horizon, minutes and the same projected scores, plus a band."""
        best = best_plan(START, 90, weeks=10)
        plan = save_plan(best, start="2025-02-03", path=tmp_path / "p.sqlite")
        assert plan.actions == best.actions and plan.weeks == 10 and plan.minutes == best.minutes
        assert plan.ssi == START
        np.testing.assert_allclose(plan.projection["score"].to_numpy(), best.projection["score"].to_numpy())
        assert (plan.projection["low"] <= plan.projection["score"]).all()
        assert (plan.projection["score"] <= plan.projection["high"]).all()

    def test_round_trip(self, tmp_path):
        """What load_plan reads equals what save_plan returned: actions, dates, SSI, projection with band."""
        where = tmp_path / "p.sqlite"
        plan = save_plan(["publicar", "grupos"], start="06/01/2025", ssi=START, weeks=8, name="Mío", path=where)
        back = load_plan(path=where)
        assert (back.id, back.name, back.start, back.weeks, back.minutes, back.actions, back.ssi, back.band) == (
            plan.id, "Mío", dt.date(2025, 1, 6), 8, plan.minutes, ("publicar", "grupos"), START, 0.8)
        expected = simulate(START, ["publicar", "grupos"], weeks=8, band=True)
        pd.testing.assert_frame_equal(back.projection, expected, check_dtype=False)

    def test_latest_by_default_then_by_id_or_name(self, tmp_path):
        """load_plan gives the latest plan, or the one named or numbered."""
        where = tmp_path / "p.sqlite"
        first = save_plan(["publicar"], ssi=START, name="A", path=where)
        second = save_plan(["grupos"], ssi=START, name="B", path=where)
        assert load_plan(path=where).id == second.id
        assert load_plan(first.id, path=where).actions == ("publicar",)
        assert load_plan("B", path=where).actions == ("grupos",)
        assert list(list_plans(path=where)["name"]) == ["B", "A"]

    def test_start_defaults_to_today(self, tmp_path):
        """Without a start date the plan starts today."""
        assert save_plan(["publicar"], ssi=START, path=tmp_path / "p.sqlite").start == dt.date.today()

    def test_list_of_actions_needs_an_ssi(self):
        """A list of actions without the starting SSI says what is missing."""
        with pytest.raises(SSIInputError, match="SSI de partida"):
            save_plan(["publicar"])

    def test_bad_date(self):
        """A date that cannot be read names the argument and shows the accepted forms."""
        with pytest.raises(SSIInputError, match="«start» debe ser una fecha"):
            save_plan(["publicar"], start="el lunes", ssi=START)

    @pytest.mark.parametrize("start", ["2025-01-06T08:00:00+01:00", "6/1/2025", " 06.01.25 ",
                                       pd.Timestamp("2025-01-06 9:00")])
    def test_start_in_any_accepted_form(self, tmp_path, start):
        """The start day is read like every date a learner types (check_date); the time of day is dropped."""
        assert save_plan(["publicar"], start=start, ssi=START, path=tmp_path / "p.sqlite").start == dt.date(2025, 1, 6)

    @pytest.mark.parametrize(("start", "error"), [("01/13/2025", SSIInputError), (20250106, SSITypeError)])
    def test_month_first_or_a_number(self, tmp_path, start, error):
        """Month first is refused (hint: day, month, year); a number is a type error (hint: quotes)."""
        with pytest.raises(error, match="«start» debe ser una fecha") as info:
            save_plan(["publicar"], start=start, ssi=START, path=tmp_path / "p.sqlite")
        assert "13/01/2025" in info.value.hint or "comillas" in info.value.hint

    def test_band_is_required(self):
        """band=False is refused: the comparison needs the band."""
        with pytest.raises(SSIInputError, match="banda"):
            save_plan(["publicar"], ssi=START, band=False)

    def test_unknown_action(self):
        """An unknown action id is reported by the catalog's message."""
        with pytest.raises(SSIInputError, match="publicr"):
            save_plan(["publicr"], ssi=START)

    def test_path_of_wrong_type(self):
        """A path that is not text is a type error."""
        with pytest.raises(SSITypeError, match="path"):
            save_plan(["publicar"], ssi=START, path=3)

    def test_missing_folder(self, tmp_path):
        """A path in a folder that does not exist is refused, not created."""
        with pytest.raises(SSIInputError, match="No existe la carpeta"):
            save_plan(["publicar"], ssi=START, path=tmp_path / "no" / "p.sqlite")
        assert not (tmp_path / "no").exists()


class TestForeignAndDamagedFiles:
    @pytest.mark.parametrize("content", [b"nombre,etapa\nAna,conexion\n", b"\x00" * 100,
                                         b"SQLite format 3\x00" + b"\xff" * 5000])
    def test_not_ours_or_damaged_is_never_touched(self, tmp_path, content):
        """A text file, zeros or a damaged database: clear error, the file byte for byte the same."""
        where = tmp_path / "p.sqlite"
        where.write_bytes(content)
        with pytest.raises(SSIInputError, match=r"no lo toco|dañado|no es un archivo de planes"):
            save_plan(["publicar"], ssi=START, path=where)
        with pytest.raises(SSIInputError):
            load_plan(path=where)
        assert where.read_bytes() == content

    def test_another_programs_database(self, tmp_path):
        """An SQLite file of another program is refused and left unchanged."""
        where = tmp_path / "otra.sqlite"
        with sqlite3.connect(where) as connection:
            connection.execute("CREATE TABLE notas (texto TEXT)")
        before = where.read_bytes()
        with pytest.raises(SSIInputError, match="otro programa"):
            save_plan(["publicar"], ssi=START, path=where)
        assert where.read_bytes() == before

    def test_truncated_plans_file(self, tmp_path):
        """A plans file cut in half gives a clear error and stays as it was."""
        where = tmp_path / "p.sqlite"
        for _ in range(20):
            save_plan(["publicar", "grupos"], ssi=START, weeks=52, path=where)
        content = where.read_bytes()[: len(where.read_bytes()) // 2]
        where.write_bytes(content)
        with pytest.raises(SSIInputError, match="dañado"):
            save_plan(["publicar"], ssi=START, path=where)
        assert where.read_bytes() == content

    def test_no_plans_yet(self, tmp_path):
        """Loading before saving says there is no plan yet and how to save one, without creating the file."""
        with pytest.raises(SSIInputError, match="Aún no hay ningún plan"):
            load_plan(path=tmp_path / "p.sqlite")
        assert not (tmp_path / "p.sqlite").exists()
        assert list_plans(path=tmp_path / "p.sqlite").empty

    def test_unknown_plan_lists_the_saved_ones(self, tmp_path):
        """An unknown name lists the plans that exist."""
        save_plan(["publicar"], ssi=START, name="Verano", path=tmp_path / "p.sqlite")
        with pytest.raises(SSIInputError, match="Verano"):
            load_plan("Invierno", path=tmp_path / "p.sqlite")


class TestHandEditedPlans:
    @pytest.fixture
    def two_plans(self, tmp_path):
        """A plans file with plan 1 (to be edited by hand) and plan 2 (left alone)."""
        where = tmp_path / "p.sqlite"
        save_plan(["publicar"], start="2025-01-06", ssi=START, weeks=4, name="Uno", path=where)
        save_plan(["grupos"], start="2025-01-06", ssi=START, weeks=4, name="Dos", path=where)
        return where

    @pytest.mark.parametrize(("sql", "why"), [
        ("UPDATE plans SET start = '2025-02-30' WHERE id = 1", "fecha de inicio"),
        ("UPDATE plans SET start = '06/01/2025' WHERE id = 1", "fecha de inicio"),
        ("UPDATE plans SET actions = 'publicar, grupos' WHERE id = 1", "acciones"),
        ("UPDATE plans SET actions = '5' WHERE id = 1", "acciones"),
        ("UPDATE plans SET actions = '[\"publicar\", 3]' WHERE id = 1", "acciones"),
        ("UPDATE plans SET weeks = 'diez' WHERE id = 1", "semanas"),
        ("UPDATE plans SET brand = '12,5' WHERE id = 1", "SSI de partida"),
        ("UPDATE plans SET band = 2 WHERE id = 1", "banda"),
        ("UPDATE plans SET name = CAST(X'FF' AS TEXT) WHERE id = 1", "nombre"),
        ("DELETE FROM projection WHERE plan_id = 1", "proyección"),
        ("DELETE FROM projection WHERE plan_id = 1 AND week = 2 AND pillar = 'total'", "proyección"),
        ("UPDATE projection SET score = 'alto' WHERE plan_id = 1 AND week = 1", "proyección"),
    ])
    def test_bad_plan_is_named_and_the_others_still_load(self, two_plans, sql, why):
        """A plan edited by hand: load_plan names its number (our error), list_plans leaves it out with a warning."""
        connection = sqlite3.connect(two_plans)
        connection.execute(sql)
        connection.commit()
        connection.close()
        before = two_plans.read_bytes()
        named = r"En el archivo de planes «.*», el plan n\.º 1 no se puede leer"
        with pytest.raises(SSIInputError, match=named) as info:
            load_plan(1, path=two_plans)
        assert why in info.value.message and "load_plan(número)" in info.value.hint
        assert load_plan(2, path=two_plans).name == "Dos"
        with pytest.warns(SSIWarning, match="el plan n.º 1 no se puede leer"):
            assert list_plans(path=two_plans)["id"].tolist() == [2]
        assert two_plans.read_bytes() == before


def _save_many(where: str, n: int) -> None:
    for _ in range(n):
        save_plan(["publicar"], start="2025-01-06", ssi=START, weeks=4, path=where)


def test_two_processes_saving_at_once_lose_nothing(tmp_path):
    """Two processes saving 15 plans each into one file end with 30 plans (SQLite locking)."""
    where = str(tmp_path / "p.sqlite")
    save_plan(["grupos"], ssi=START, weeks=4, path=where)
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_save_many, args=(where, 15)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    assert [w.exitcode for w in workers] == [0, 0]
    assert len(list_plans(path=where)) == 31


class TestComparePlan:
    def test_weeks_come_from_calendar_days(self, saved):
        """A snapshot 7·k days after the start is week k; half a week is 0.5."""
        frame = compare_plan(saved, _history(["2025-01-06", "2025-01-09 18:30", "2025-01-20", "2025-03-31"],
                                             [25, 25, 26, 30]))
        assert frame["week"].tolist() == [0.0, round(3 / 7, 3), 2.0, 12.0]

    def test_before_start_and_after_the_horizon_are_left_out(self, saved):
        """Snapshots before the start or after the plan's last week are not compared."""
        frame = compare_plan(saved, _history(["2024-12-30", "2025-01-13", "2025-06-30"], [25, 26, 40]))
        assert frame["date"].tolist() == [pd.Timestamp("2025-01-13")]

    def test_projected_value_at_whole_weeks(self, saved):
        """At a whole week, projected/low/high are the plan's own numbers."""
        frame = compare_plan(saved, _history(["2025-01-27"], [30]))
        row = saved.projection.query("week == 3 and pillar == 'total'").iloc[0]
        assert frame.loc[0, ["projected", "low", "high"]].tolist() == pytest.approx(
            [row.score, row.low, row.high], abs=1e-3)

    @given(days=st.lists(st.integers(0, 84), min_size=1, max_size=8),
           totals=st.lists(st.floats(0, 100, allow_nan=False), min_size=8, max_size=8))
    def test_status_agrees_with_the_band(self, saved, days, totals):
        """above ⇔ total > high, below ⇔ total < low, inside otherwise; weeks = days / 7; dates in order."""
        dates = [pd.Timestamp("2025-01-06") + pd.Timedelta(days=d) for d in days]
        frame = compare_plan(saved, _history(dates, totals[: len(days)]))
        assert len(frame) == len(days)
        assert frame["date"].is_monotonic_increasing
        np.testing.assert_allclose(frame["week"], np.round(np.sort(days) / 7, 3))
        assert set(frame["status"]) <= set(STATUSES)
        for row in frame.itertuples():
            assert row.low <= row.projected <= row.high
            expected = "above" if row.total > row.high else "below" if row.total < row.low else "inside"
            assert row.status == expected

    def test_history_in_text_dates(self, saved):
        """Dates written as text (day/month/year) are read too."""
        frame = compare_plan(saved, pd.DataFrame({"date": ["13/01/2025"], "total": [26.0]}))
        assert frame["week"].tolist() == [1.0]

    def test_history_without_total(self, saved):
        """A history without a total column names what is missing."""
        with pytest.raises(SSIInputError, match="total"):
            compare_plan(saved, pd.DataFrame({"date": pd.to_datetime(["2025-01-13"])}))

    def test_bad_row(self, saved):
        """A total out of range names the row."""
        with pytest.raises(SSIInputError, match="fila 1"):
            compare_plan(saved, _history(["2025-01-13", "2025-01-20"], [26, 260]))

    def test_plan_of_wrong_type(self):
        """A projection instead of a saved plan is a type error that says what to pass."""
        with pytest.raises(SSITypeError, match="save_plan"):
            compare_plan(simulate(START, weeks=2), _history(["2025-01-13"], [26]))


class TestDescribeComparison:
    def test_no_measurements_yet(self, saved):
        """No snapshot since the start: says so and how to record one."""
        text = describe_plan_comparison(compare_plan(saved, _history([], [])))
        assert "Aún no hay medidas desde que empezaste el plan" in text

    @pytest.mark.parametrize(("total", "words"), [(99.0, "por encima de lo previsto"),
                                                  (None, "dentro de la banda"), (1.0, "por debajo de lo previsto")])
    def test_latest_status_in_words(self, saved, total, words):
        """The text speaks of the latest snapshot: above, inside or below, with the numbers in Spanish."""
        row = saved.projection.query("week == 4 and pillar == 'total'").iloc[0]
        value = float(row.score) if total is None else total
        text = describe_plan_comparison(compare_plan(saved, _history(["2025-01-13", "2025-02-03"], [25.0, value])))
        assert words in text
        assert "semana 4" in text
        assert "De tus 2 medidas" in text

    def test_english(self, saved):
        """In English, the same message in English."""
        import ssi_kit

        ssi_kit.set_language("en")
        assert "below the plan" in describe_plan_comparison(compare_plan(saved, _history(["2025-01-13"], [1.0])))

    def test_not_a_comparison(self):
        """A table without the comparison's columns is refused."""
        with pytest.raises(SSIInputError, match="status"):
            describe_plan_comparison(pd.DataFrame({"week": [1]}))


class TestExampleHistory:
    def test_has_the_history_columns_and_weekly_dates(self, saved):
        """The practice history has load_history's columns, a row a week from the start, totals = sum of pillars."""
        frame = example_history(saved, weeks=6)
        assert list(frame.columns) == ["date", "brand", "people", "insights", "relationships", "total",
                                       "industry", "network"]
        assert (frame["date"].diff().dropna() == pd.Timedelta(days=7)).all()
        np.testing.assert_allclose(frame["total"], frame[["brand", "people", "insights", "relationships"]].sum(axis=1),
                                   atol=1e-3)
        assert frame["total"].iloc[0] == pytest.approx(START.total)

    def test_is_reproducible(self, saved):
        """The same seed gives the same history."""
        pd.testing.assert_frame_equal(example_history(saved, seed=3), example_history(saved, seed=3))


def test_practice_file_is_new_each_time():
    """Each practice file is in its own new folder, so lessons never reuse a learner's file."""
    assert practice_file() != practice_file()


def test_saved_plan_reads_in_spanish(saved):
    """str(plan) names the plan, its minutes and start date the Spanish way."""
    assert isinstance(saved, SavedPlan)
    assert "06/01/2025" in str(saved) and "min/semana" in str(saved)
