"""Tests of the teaching model: catalog, simulate, simulate_many, recommend, best_plan."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ssi_kit
from ssi_kit import SSI, SSIInputError, SSITypeError
from ssi_kit.simulation import (
    DECAY,
    FLOOR_FRACTION,
    best_plan,
    load_actions,
    plan_minutes,
    recommend,
    simulate,
    simulate_many,
)

from .strategies import action_ids, pillar_scores, ssis, week_counts

PILLARS = list(ssi_kit.PILLARS)
HEADER = "id,pillar,label_es,label_en,minutes,effect\n"
# Scores are rounded to 3 decimals, so two projections that are equal in exact arithmetic
# may differ by one unit in the last place.
ROUNDING = 0.0011


def final(frame: pd.DataFrame, pillar: str = "total") -> float:
    return float(frame[(frame.week == frame.week.max()) & (frame.pillar == pillar)].score.iloc[0])


def pillars_wide(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[frame.pillar != "total"].pivot(index="week", columns="pillar", values="score")[PILLARS]


@pytest.fixture
def write_csv(tmp_path: Path):
    def write(body: str, header: str = HEADER) -> Path:
        path = tmp_path / "acciones.csv"
        path.write_text(header + body, encoding="utf-8")
        return path

    return write


class TestLoadActions:
    def test_course_catalog_is_valid_and_covers_every_pillar(self):
        """The shipped catalog loads, has unique ids and several actions for each pillar."""
        actions = load_actions()
        assert actions.id.is_unique
        assert set(actions.pillar) == set(PILLARS)
        assert actions.groupby("pillar").size().min() >= 3
        assert (actions.minutes > 0).all() and (actions.effect > 0).all()

    def test_course_catalog_names_the_actions_of_the_course(self):
        """Every action the course lists per pillar is in the catalog."""
        ids = set(load_actions().id)
        course = {
            "perfil_completo", "muestras_trabajo", "recomendaciones", "publicar", "busqueda_avanzada",
            "presentaciones", "visitas_perfil", "grupos", "compartir_contenido", "uso_diario", "debates",
            "responder_mensajes", "tomadores_decision", "desvirtualizar",
        }
        assert course <= ids

    def test_sources_point_to_course_texts(self):
        """Each action says which course text it comes from."""
        sources = load_actions().source
        assert sources.str.contains("que_es_el_ssi").all()

    def test_labels_follow_the_language(self):
        """`label` is Spanish by default and English after set_language('en')."""
        spanish = load_actions()
        ssi_kit.set_language("en")
        english = load_actions()
        assert (spanish.label == spanish.label_es).all()
        assert (english.label == english.label_en).all()
        assert not (english.label == spanish.label).all()

    def test_is_the_acciones_dataset(self):
        """load_dataset('acciones') gives the same catalog."""
        pd.testing.assert_frame_equal(ssi_kit.load_dataset("acciones"), load_actions())

    def test_returns_a_copy(self):
        """Changing the returned frame does not change the next load (the cache is safe)."""
        actions = load_actions()
        actions.loc[0, "effect"] = 9.0
        assert load_actions().loc[0, "effect"] != 9.0

    def test_reports_every_bad_row_with_its_line(self, write_csv):
        """Unknown pillar, negative effort and missing label are all reported, by line number."""
        path = write_csv(
            "ok,brand,Bien,Good,10,0.5\n"
            "a,marketing,Uno,One,10,0.5\n"
            "b,people,Dos,Two,-5,0.5\n"
            "c,insights,,Three,10,0.5\n"
        )
        with pytest.raises(SSIInputError, match="3 problema") as info:
            load_actions(path)
        message = str(info.value)
        assert "línea 3" in message and "'marketing'" in message
        assert "línea 4" in message and "'-5'" in message
        assert "línea 5" in message and "label_es" in message
        assert "línea 2" not in message

    def test_rejects_repeated_ids(self, write_csv):
        """A repeated id names the line where it first appeared."""
        path = write_csv("x,brand,A,A,10,0.5\nx,people,B,B,10,0.5\n")
        with pytest.raises(SSIInputError, match="línea 3.*ya está en la línea 2"):
            load_actions(path)

    def test_rejects_effect_out_of_range(self, write_csv):
        """An effect above 10 points per week (or not a number) is a bad row."""
        path = write_csv("x,brand,A,A,10,30\ny,brand,B,B,10,mucho\n")
        with pytest.raises(SSIInputError, match="«effect» debe estar entre 0 y 10"):
            load_actions(path)

    def test_rejects_fractional_or_zero_minutes(self, write_csv):
        """Minutes must be whole and above 0."""
        path = write_csv("x,brand,A,A,0,0.5\ny,brand,B,B,7.5,0.5\n")
        with pytest.raises(SSIInputError, match="2 problema"):
            load_actions(path)

    def test_accepts_spanish_pillar_labels_and_decimal_commas(self, write_csv):
        """Teachers may write «marca» and "0,5"; optional columns may be left out."""
        path = write_csv('x,marca,A,,10,"0,5"\n')
        actions = load_actions(path)
        assert actions.pillar.tolist() == ["brand"]
        assert actions.effect.tolist() == [0.5]
        assert actions.label_en.tolist() == ["A"]

    def test_missing_columns(self, write_csv):
        """A CSV without the required columns lists what is missing."""
        path = write_csv("x,brand\n", header="id,pillar\n")
        with pytest.raises(SSIInputError, match="faltan columnas: label_es, minutes, effect"):
            load_actions(path)

    def test_empty_catalog(self, write_csv):
        """A catalog with a header and no rows is rejected."""
        with pytest.raises(SSIInputError, match="no tiene ninguna acción"):
            load_actions(write_csv(""))

    def test_missing_file(self, tmp_path):
        """A path that does not exist says so."""
        with pytest.raises(SSIInputError, match="No encuentro el catálogo"):
            load_actions(tmp_path / "nada.csv")

    def test_wrong_type(self):
        """A number instead of a path is a type error."""
        with pytest.raises(SSITypeError, match="espera la ruta de un CSV"):
            load_actions(42)  # type: ignore[arg-type]

    def test_messages_in_english(self, write_csv):
        """Errors follow the current language."""
        ssi_kit.set_language("en")
        with pytest.raises(SSIInputError, match="line 2: unknown pillar"):
            load_actions(write_csv("a,marketing,Uno,One,10,0.5\n"))


class TestSimulate:
    @given(ssis, action_ids, week_counts)
    def test_week_zero_is_the_input(self, ssi, ids, weeks):
        """Week 0 of any projection is exactly the SSI given."""
        frame = simulate(ssi, ids, weeks)
        start = frame[frame.week == 0].set_index("pillar").score
        assert [start[p] for p in PILLARS] == list(ssi.as_tuple())
        assert start["total"] == pytest.approx(ssi.total, abs=ROUNDING)

    @given(ssis, action_ids, week_counts)
    def test_scores_stay_in_range(self, ssi, ids, weeks):
        """Pillars stay within 0–25 and the total within 0–100."""
        frame = simulate(ssi, ids, weeks)
        pillars = frame[frame.pillar != "total"].score
        assert pillars.between(0, 25).all()
        assert frame[frame.pillar == "total"].score.between(0, 100).all()

    @given(ssis, action_ids, action_ids, week_counts)
    def test_more_effort_never_gives_less(self, ssi, some, more, weeks):
        """Adding actions never lowers any pillar in any week."""
        less = pillars_wide(simulate(ssi, some, weeks))
        plus = pillars_wide(simulate(ssi, some + more, weeks))
        assert (plus.to_numpy() >= less.to_numpy() - ROUNDING).all()

    @given(pillar_scores, pillar_scores, st.sampled_from(["publicar", "grupos", "desvirtualizar"]))
    def test_gains_shrink_near_25(self, low, high, action):
        """Without fading, a week's gain is proportional to the headroom left to 25."""
        low, high = sorted((low, high))
        gains = []
        for score in (low, high):
            frame = simulate(SSI(score, score, score, score), [action], 1, decay=0)
            gains.append(pillars_wide(frame).diff().iloc[1].max())
        assert gains[1] <= gains[0] + ROUNDING
        if high < 25:
            rate = load_actions().set_index("id").effect[action] / 25
            assert gains[0] == pytest.approx(rate * (25 - low), abs=ROUNDING)
            assert gains[1] == pytest.approx(rate * (25 - high), abs=ROUNDING)

    @given(ssis, week_counts)
    def test_idle_pillars_fade_down_to_a_floor(self, ssi, weeks):
        """With no action every pillar slowly goes down, never below half its start."""
        wide = pillars_wide(simulate(ssi, [], weeks)).to_numpy()
        assert (np.diff(wide, axis=0) <= 0).all()
        floor = FLOOR_FRACTION * np.asarray(ssi.as_tuple())
        assert (wide >= floor - ROUNDING).all()

    def test_idle_fading_is_slow(self):
        """Half a year without activity costs a pillar about a fifth of what it had, not all."""
        wide = pillars_wide(simulate(SSI(20, 20, 20, 20), [], 26))
        lost = 1 - wide.iloc[-1] / wide.iloc[0]
        expected = (1 - FLOOR_FRACTION) * (1 - (1 - DECAY) ** 26)  # fading closes the gap to the floor
        assert lost.to_numpy() == pytest.approx([expected] * 4, abs=1e-3)

    def test_floor_is_reached_in_the_long_run(self):
        """After ten years idle a pillar sits on its floor, not at 0."""
        wide = pillars_wide(simulate(SSI(20, 10, 4, 0), [], 520))
        assert wide.iloc[-1].tolist() == pytest.approx([10, 5, 2, 0], abs=0.01)

    @given(ssis, action_ids, week_counts)
    def test_deterministic(self, ssi, ids, weeks):
        """Same inputs, same projection."""
        pd.testing.assert_frame_equal(simulate(ssi, ids, weeks), simulate(ssi, ids, weeks))

    @given(ssis, action_ids)
    def test_total_is_the_sum_of_pillars(self, ssi, ids):
        """Each week's total row is the sum of that week's four pillars."""
        frame = simulate(ssi, ids, 8)
        sums = frame[frame.pillar != "total"].groupby("week").score.sum()
        totals = frame[frame.pillar == "total"].set_index("week").score
        assert np.allclose(sums, totals, atol=ROUNDING)

    def test_tidy_shape(self):
        """One row per week (0..weeks) and pillar plus total, with Spanish labels."""
        frame = simulate(SSI(6, 6, 5, 8), ["publicar"], 10)
        assert list(frame.columns) == ["week", "pillar", "label", "score"]
        assert len(frame) == 11 * 5
        assert frame.week.tolist()[:5] == [0] * 5
        assert frame.label.tolist()[:5] == ["marca", "personas", "información", "relaciones", "total"]

    def test_action_only_moves_its_pillar(self):
        """Publishing lifts the brand pillar; the pillars without actions fade."""
        wide = pillars_wide(simulate(SSI(6, 6, 5, 8), ["publicar"], 12))
        assert wide.brand.iloc[-1] > 6
        assert (wide[["people", "insights", "relationships"]].iloc[-1] < [6, 5, 8]).all()

    def test_ids_rows_and_single_id_are_the_same_plan(self):
        """A list of ids, the matching catalog rows and a single id string give the same projection."""
        catalog = load_actions()
        by_ids = simulate(SSI(6, 6, 5, 8), ["publicar"], 6)
        by_rows = simulate(SSI(6, 6, 5, 8), catalog[catalog.id == "publicar"], 6)
        by_text = simulate(SSI(6, 6, 5, 8), "publicar", 6)
        pd.testing.assert_frame_equal(by_ids, by_rows)
        pd.testing.assert_frame_equal(by_ids, by_text)

    def test_repeated_ids_count_once(self):
        """Listing an action twice does not double its effect."""
        once = simulate(SSI(6, 6, 5, 8), ["grupos"], 6)
        pd.testing.assert_frame_equal(once, simulate(SSI(6, 6, 5, 8), ["grupos", "grupos"], 6))

    def test_accepts_text_and_profiles(self):
        """The start can be typed text or the example profile."""
        profile = ssi_kit.load_dataset("ssi_ejemplo")
        pd.testing.assert_frame_equal(
            simulate(profile, ["grupos"], 3), simulate(profile.member, ["grupos"], 3)
        )
        assert final(simulate("12,5; 8; 5,25; 10", [], 0)) == 35.75

    def test_unknown_action_suggests_a_close_id(self):
        """A typo in an id says which ids exist and suggests the closest."""
        with pytest.raises(SSIInputError, match="'publicr'.*¿Querías decir 'publicar'"):
            simulate(SSI(6, 6, 5, 8), ["publicr"])

    def test_actions_of_wrong_type(self):
        """A number where the list of actions goes is a type error."""
        with pytest.raises(SSITypeError, match="«actions» debe ser una lista de ids"):
            simulate(SSI(6, 6, 5, 8), 3)  # type: ignore[arg-type]

    def test_actions_frame_without_columns(self):
        """A table without the catalog's columns names the missing ones."""
        with pytest.raises(SSIInputError, match="faltan columnas: pillar, minutes, effect"):
            simulate(SSI(6, 6, 5, 8), pd.DataFrame({"id": ["x"]}))

    @pytest.mark.parametrize("weeks", [-1, 521, 2.5, "26", True])
    def test_weeks_out_of_range(self, weeks):
        """Weeks must be a whole number within 0–520."""
        with pytest.raises(SSIInputError, match="«weeks» debe ser un número entero de semanas entre 0 y 520"):
            simulate(SSI(6, 6, 5, 8), [], weeks)

    def test_ssi_of_wrong_type(self):
        """A list of numbers is not an SSI; the message shows how to make one."""
        with pytest.raises(SSITypeError, match=r"SSI\.parse"):
            simulate([6, 6, 5, 8], [])  # type: ignore[arg-type]

    @pytest.mark.parametrize("band", [0, 1, 1.5, -0.2, "80%"])
    def test_band_out_of_range(self, band):
        """The band is a probability strictly between 0 and 1."""
        with pytest.raises(SSIInputError, match="«band» es la probabilidad"):
            simulate(SSI(6, 6, 5, 8), ["grupos"], 4, band=band)

    @pytest.mark.parametrize("draws", [0, 5, 10**6, 2.5])
    def test_draws_out_of_range(self, draws):
        """The number of Monte Carlo runs is a whole number within 10–100000."""
        with pytest.raises(SSIInputError, match="«draws» debe (ser un número entero|estar entre 10 y 100.000)"):
            simulate(SSI(6, 6, 5, 8), ["grupos"], 4, band=True, draws=draws)

    @pytest.mark.parametrize(("name", "value"), [("decay", 0.9), ("floor_fraction", 1.5), ("decay", -0.1)])
    def test_model_parameters_out_of_range(self, name, value):
        """The fading parameters are checked."""
        with pytest.raises(SSIInputError, match=f"«{name}» debe estar entre 0 y"):
            simulate(SSI(6, 6, 5, 8), [], 4, **{name: value})

    @given(ssis, action_ids)
    @settings(max_examples=30)
    def test_band_surrounds_the_projection(self, ssi, ids):
        """With a band, low ≤ score ≤ high everywhere, and it starts with no width."""
        frame = simulate(ssi, ids, 12, band=0.8, draws=50)
        assert (frame.low <= frame.score).all() and (frame.score <= frame.high).all()
        start = frame[frame.week == 0]
        assert (start.low == start.score).all() and (start.high == start.score).all()

    def test_band_is_seeded_and_widens(self):
        """Same seed, same band; the band of a plan with actions widens over time."""
        one = simulate(SSI(6, 6, 5, 8), ["publicar", "debates"], 20, band=True, seed=3)
        two = simulate(SSI(6, 6, 5, 8), ["publicar", "debates"], 20, band=True, seed=3)
        pd.testing.assert_frame_equal(one, two)
        total = one[one.pillar == "total"]
        width = (total.high - total.low).to_numpy()
        assert width[-1] > width[5] > 0

    def test_wider_band_probability_is_wider(self):
        """A 95 % band contains the 50 % band."""
        narrow = simulate(SSI(6, 6, 5, 8), ["publicar"], 10, band=0.5)
        wide = simulate(SSI(6, 6, 5, 8), ["publicar"], 10, band=0.95)
        assert (wide.low <= narrow.low).all() and (wide.high >= narrow.high).all()

    def test_english_labels(self):
        """Pillar labels in the frame follow the language."""
        ssi_kit.set_language("en")
        assert simulate(SSI(6, 6, 5, 8), [], 0).label.tolist()[:2] == ["brand", "people"]


class TestCalibration:
    """The default catalog is calibrated so that 2–3 h a week takes ~25 to 60–70 in six months."""

    TYPICAL = SSI(6, 6, 5, 8)  # a total of 25, relationships a little ahead, as in LinkedIn's laggards

    @pytest.mark.parametrize("minutes", [150, 180])
    def test_best_plan_of_two_and_a_half_to_three_hours(self, minutes):
        """The best plan of 150–180 min/week ends six months in the 60–70 range."""
        assert 60 <= best_plan(self.TYPICAL, minutes, 26).total <= 70

    def test_two_hours_lands_near_sixty(self):
        """Two hours a week is the low end: close to 60 after six months."""
        assert 57 <= best_plan(self.TYPICAL, 120, 26).total <= 62

    def test_doing_everything_stays_below_the_maximum(self):
        """Even the whole catalog (about 7 h a week) does not reach 100 in six months."""
        everything = simulate(self.TYPICAL, load_actions().id, 26)
        assert 75 <= final(everything) < 90

    def test_nothing_loses_a_little(self):
        """Six months idle loses some points but keeps most of the SSI."""
        assert 18 < final(simulate(self.TYPICAL, [], 26)) < 25


class TestSimulateMany:
    @given(st.lists(ssis, min_size=1, max_size=5), action_ids, st.integers(0, 20))
    @settings(max_examples=40)
    def test_same_as_simulate_row_by_row(self, learners, ids, weeks):
        """Each learner's rows equal simulate() for that learner."""
        many = simulate_many(learners, ids, weeks)
        for index, ssi in enumerate(learners):
            mine = many[many.learner == index].drop(columns="learner").reset_index(drop=True)
            pd.testing.assert_frame_equal(mine, simulate(ssi, ids, weeks))

    def test_frame_with_spanish_columns_and_names(self):
        """A class table may use Spanish pillar labels; its index names the learners."""
        table = pd.DataFrame(
            {"marca": [6, 12.5], "personas": [6, 8], "información": [5, 5.25], "relaciones": [8, 10]},
            index=["Ana", "Luis"],
        )
        many = simulate_many(table, ["grupos"], 4)
        assert list(many.columns) == ["learner", "week", "pillar", "label", "score"]
        luis = many[many.learner == "Luis"].drop(columns="learner").reset_index(drop=True)
        pd.testing.assert_frame_equal(luis, simulate(SSI(12.5, 8, 5.25, 10), ["grupos"], 4))

    def test_bad_rows_are_named(self):
        """Values outside 0–25 or empty are reported with the learners' names."""
        table = pd.DataFrame(
            {"brand": [6, 30, 5], "people": [6, 8, None], "insights": [5, 5, 5], "relationships": [8, 10, 3]},
            index=["Ana", "Luis", "Eva"],
        )
        with pytest.raises(SSIInputError, match="'Luis', 'Eva'"):
            simulate_many(table, [], 4)

    def test_missing_column(self):
        """A table without one of the pillars says which."""
        with pytest.raises(SSIInputError, match="faltan: relaciones"):
            simulate_many(pd.DataFrame({"brand": [1], "people": [1], "insights": [1]}), [], 4)

    def test_wrong_type(self):
        """A single SSI (not a list or table) is a type error."""
        with pytest.raises(SSITypeError, match="simulate_many espera una tabla"):
            simulate_many(SSI(6, 6, 5, 8), [], 4)  # type: ignore[arg-type]


class TestRecommend:
    @given(ssis)
    @settings(max_examples=40)
    def test_weakest_pillar_first(self, ssi):
        """Actions come pillar by pillar from the weakest to the strongest."""
        table = recommend(ssi)
        order = list(dict.fromkeys(table.pillar))
        scores = [getattr(ssi, p) for p in order]
        assert order[0] == ssi.weakest
        assert scores == sorted(scores)

    def test_every_action_once_with_a_reason(self):
        """The list holds each catalog action once, numbered, each with its reason."""
        table = recommend(SSI(12.5, 8, 5.25, 10))
        assert sorted(table.id) == sorted(load_actions().id)
        assert table.order.tolist() == list(range(1, len(table) + 1))
        assert table.reason.iloc[0].startswith("«información» es tu pilar más débil (5,25 de 25)")
        assert "más fuerte" in table.reason.iloc[-1]

    def test_within_a_pillar_best_points_per_hour_first(self):
        """Inside a pillar, actions go by projected gain per minute, highest first."""
        table = recommend(SSI(12.5, 8, 5.25, 10))
        for _, group in table.groupby("pillar", sort=False):
            per_minute = (group.gain / group.minutes).to_numpy()
            assert (np.diff(per_minute) <= 1e-12).all()
            assert (group.gain > 0).all()

    def test_english_reasons(self):
        """Reasons follow the language."""
        ssi_kit.set_language("en")
        assert recommend(SSI(12.5, 8, 5.25, 10)).reason.iloc[0].startswith("'insights' is your weakest pillar")


def small_catalogs():
    """Catalogs of up to 8 actions with random pillars, efforts and effects."""
    action = st.tuples(st.sampled_from(PILLARS), st.integers(5, 60), st.floats(0, 2).map(lambda x: round(x, 2)))

    def frame(rows):
        return pd.DataFrame(
            [{"id": f"a{i}", "pillar": p, "minutes": m, "effect": e} for i, (p, m, e) in enumerate(rows)]
        )

    return st.lists(action, min_size=1, max_size=8).map(frame)


class TestBestPlan:
    @given(ssis, small_catalogs(), st.integers(0, 200), st.integers(0, 40))
    @settings(max_examples=60)
    def test_matches_brute_force(self, ssi, catalog, budget, weeks):
        """On small catalogs no subset within the budget projects a higher total."""
        plan = best_plan(ssi, budget, weeks, catalog=catalog)
        minutes = catalog.set_index("id").minutes
        best = -1.0
        for size in range(len(catalog) + 1):
            for subset in itertools.combinations(catalog.id, size):
                if minutes[list(subset)].sum() <= budget:
                    best = max(best, final(simulate(ssi, list(subset), weeks, catalog=catalog)))
        # Both sides are sums of four pillars rounded to 3 decimals.
        assert plan.total >= best - 0.005
        assert plan.minutes <= budget

    @given(ssis, st.integers(0, 600), st.integers(1, 52))
    @settings(max_examples=40)
    def test_fits_the_budget_and_projects_its_actions(self, ssi, budget, weeks):
        """The plan fits the budget and its projection is simulate() of its actions."""
        plan = best_plan(ssi, budget, weeks)
        assert plan.minutes == plan_minutes(plan.actions) <= budget
        pd.testing.assert_frame_equal(plan.projection, simulate(ssi, plan.actions, weeks))
        assert plan.total == final(plan.projection)

    def test_more_time_never_worse(self):
        """A bigger budget never gives a lower projected total."""
        totals = [best_plan(SSI(6, 6, 5, 8), budget, 26).total for budget in range(0, 420, 15)]
        assert totals == sorted(totals)

    def test_zero_budget_is_empty(self):
        """With no time there is no plan."""
        plan = best_plan(SSI(6, 6, 5, 8), 0, 26)
        assert plan.actions == () and plan.minutes == 0

    def test_whole_catalog_when_time_allows(self):
        """With time for everything, every action helps, so all are chosen."""
        plan = best_plan(SSI(6, 6, 5, 8), 1000, 26)
        assert set(plan.actions) == set(load_actions().id)

    def test_beats_greedy_on_a_crafted_catalog(self):
        """Exact, not greedy: one long action loses to two short ones that fit the same time."""
        catalog = pd.DataFrame({
            "id": ["largo", "corto1", "corto2"],
            "pillar": ["brand", "people", "insights"],
            "minutes": [60, 30, 30],
            "effect": [1.2, 1.0, 1.0],  # largo has the best effect, the shorts the best per minute together
        })
        plan = best_plan(SSI(5, 5, 5, 5), 60, 26, catalog=catalog)
        assert set(plan.actions) == {"corto1", "corto2"}

    def test_restricted_to_given_actions(self):
        """With `actions`, the plan only picks among them."""
        plan = best_plan(SSI(6, 6, 5, 8), 500, 26, ["publicar", "grupos", "debates"])
        assert set(plan.actions) == {"publicar", "grupos", "debates"}

    def test_summary_in_spanish(self):
        """str(plan) states the budget, the actions and that it is an orientation."""
        text = str(best_plan(SSI(6, 6, 5, 8), 60, 26))
        assert text.startswith("Mejor plan con 60 min/semana") and "orientativo" in text

    @pytest.mark.parametrize("minutes", [-10, "2h", float("nan"), None])
    def test_bad_budget(self, minutes):
        """The budget must be a number of minutes, 0 or more."""
        with pytest.raises(SSIInputError, match="«minutes_per_week» debe ser un número de minutos"):
            best_plan(SSI(6, 6, 5, 8), minutes, 26)

    def test_too_many_actions_in_one_pillar(self):
        """More than 16 actions in one pillar is refused (the exact search would be slow)."""
        catalog = pd.DataFrame({
            "id": [f"a{i}" for i in range(17)], "pillar": "brand", "minutes": 10, "effect": 0.2,
        })
        with pytest.raises(SSIInputError, match="hasta 16 acciones por pilar"):
            best_plan(SSI(6, 6, 5, 8), 100, 26, catalog=catalog)


class TestPlanMinutes:
    def test_sums_the_weekly_effort(self):
        """The minutes of a plan are the sum of its actions' minutes."""
        catalog = load_actions().set_index("id")
        assert plan_minutes(["publicar", "grupos"]) == catalog.minutes["publicar"] + catalog.minutes["grupos"]
        assert plan_minutes([]) == 0
