"""Tests of the teaching model: simulate, simulate_many, recommend, best_plan (the catalog: test_actions)."""

from __future__ import annotations

import inspect
import itertools
import tracemalloc

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ssi_kit
from ssi_kit import SSI, SSIInputError, SSITypeError, simulation
from ssi_kit._weeks import check_budget, check_weeks
from ssi_kit.actions import load_actions, plan_minutes
from ssi_kit.simulation import (
    DECAY,
    FLOOR_FRACTION,
    best_plan,
    recommend,
    simulate,
    simulate_many,
)

from .strategies import action_ids, pillar_scores, ssis, week_counts

PILLARS = list(ssi_kit.PILLARS)
START = SSI(6, 6, 5, 8)
# Scores are rounded to 3 decimals, so two projections that are equal in exact arithmetic
# may differ by one unit in the last place.
ROUNDING = 0.0011


def final(frame: pd.DataFrame, pillar: str = "total") -> float:
    return float(frame[(frame.week == frame.week.max()) & (frame.pillar == pillar)].score.iloc[0])


def pillars_wide(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[frame.pillar != "total"].pivot(index="week", columns="pillar", values="score")[PILLARS]


class TestSimulate:
    @given(ssis, action_ids, week_counts)
    def test_week_zero_is_the_input(self, ssi, ids, weeks):
        """Week 0 of any projection is exactly the SSI given."""
        frame = simulate(ssi, ids, weeks=weeks)
        start = frame[frame.week == 0].set_index("pillar").score
        assert [start[p] for p in PILLARS] == list(ssi.as_tuple())
        assert start["total"] == pytest.approx(ssi.total, abs=ROUNDING)

    @given(ssis, action_ids, week_counts)
    def test_scores_stay_in_range(self, ssi, ids, weeks):
        """Pillars stay within 0–25 and the total within 0–100."""
        frame = simulate(ssi, ids, weeks=weeks)
        pillars = frame[frame.pillar != "total"].score
        assert pillars.between(0, 25).all()
        assert frame[frame.pillar == "total"].score.between(0, 100).all()

    @given(ssis, action_ids, action_ids, week_counts)
    def test_more_effort_never_gives_less(self, ssi, some, more, weeks):
        """Adding actions never lowers any pillar in any week."""
        less = pillars_wide(simulate(ssi, some, weeks=weeks))
        plus = pillars_wide(simulate(ssi, some + more, weeks=weeks))
        assert (plus.to_numpy() >= less.to_numpy() - ROUNDING).all()

    @given(pillar_scores, pillar_scores, st.sampled_from(["publicar", "grupos", "desvirtualizar"]))
    def test_gains_shrink_near_25(self, low, high, action):
        """Without fading, a week's gain is proportional to the headroom left to 25."""
        low, high = sorted((low, high))
        gains = []
        for score in (low, high):
            frame = simulate(SSI(score, score, score, score), [action], weeks=1, decay=0)
            gains.append(pillars_wide(frame).diff().iloc[1].max())
        assert gains[1] <= gains[0] + ROUNDING
        if high < 25:
            rate = load_actions().set_index("id").effect[action] / 25
            assert gains[0] == pytest.approx(rate * (25 - low), abs=ROUNDING)
            assert gains[1] == pytest.approx(rate * (25 - high), abs=ROUNDING)

    @given(ssis, action_ids, week_counts)
    def test_a_pillar_with_a_weekly_action_never_goes_down(self, ssi, ids, weeks):
        """Working a pillar every week never lowers it: only idle pillars fade."""
        catalog = load_actions().set_index("id")
        worked = {catalog.pillar[a] for a in ids if catalog.kind[a] == "weekly"}
        wide = pillars_wide(simulate(ssi, ids, weeks=weeks))
        for pillar in worked:
            assert (np.diff(wide[pillar].to_numpy()) >= -ROUNDING).all(), pillar

    @given(ssis, action_ids, st.sampled_from(["perfil_completo", "muestras_trabajo"]), week_counts)
    def test_a_one_off_gain_does_not_repeat(self, ssi, ids, once, weeks):
        """A one-off action adds its lift in week 1 and never again: its extra points never grow."""
        ids = [a for a in ids if a != once]
        without = pillars_wide(simulate(ssi, ids, weeks=weeks)).brand.to_numpy()
        extra = pillars_wide(simulate(ssi, [*ids, once], weeks=weeks)).brand.to_numpy() - without
        assert extra[0] == 0
        assert (extra >= -ROUNDING).all()
        assert (np.diff(extra[1:]) <= 2 * ROUNDING).all()

    @given(ssis, st.sampled_from(["perfil_completo", "muestras_trabajo"]), week_counts)
    def test_a_one_off_lift_stays_on_an_idle_pillar(self, ssi, once, weeks):
        """Alone on an idle pillar, a one-off lift is kept whole week after week (it raises the floor)."""
        without = pillars_wide(simulate(ssi, [], weeks=weeks)).brand.to_numpy()
        extra = pillars_wide(simulate(ssi, [once], weeks=weeks)).brand.to_numpy() - without
        assert np.allclose(extra[1:], extra[1] if weeks else 0, atol=2 * ROUNDING)

    @given(ssis, action_ids, st.integers(0, 30), st.integers(0, 30))
    def test_chaining_two_runs_keeps_the_floor(self, ssi, ids, first, second):
        """Starting a run from another's end keeps its floor and, with weekly actions, equals one long run."""
        ids = [a for a in ids if a not in ("perfil_completo", "muestras_trabajo")]  # a one-off is done only once
        one = simulate(ssi, ids, weeks=first)
        two = simulate(one, ids, weeks=second)
        long = simulate(ssi, ids, weeks=first + second)
        end = long[long.week == first + second].reset_index(drop=True)
        last = two[two.week == second].reset_index(drop=True)
        assert np.allclose(last.floor, end.floor, atol=ROUNDING)
        # Rounding at the hand-over may shift the last digits a little.
        assert np.allclose(last.score, end.score, atol=0.01)

    def test_idle_chained_runs_do_not_halve_the_floor_again(self):
        """Two idle years in two runs end on the same floor as one: half of the start, not a quarter."""
        start = SSI(20, 20, 20, 20)
        chained = simulate(simulate(start, [], weeks=104), [], weeks=104)
        assert chained.floor.iloc[-1] == pytest.approx(FLOOR_FRACTION * start.total, abs=ROUNDING)
        assert final(chained) >= FLOOR_FRACTION * start.total - ROUNDING

    def test_explicit_floor(self):
        """floor= sets what each pillar keeps; above the start it is refused with the pillar named."""
        frame = simulate(SSI(10, 10, 10, 10), [], weeks=520, floor=SSI(8, 2, 0, 10))
        assert pillars_wide(frame).iloc[-1].tolist() == pytest.approx([8, 2, 0, 10], abs=0.01)
        same = simulate(SSI(10, 10, 10, 10), [], weeks=5, floor={"marca": 8, "personas": 2, "información": 0,
                                                               "relaciones": 10})
        pd.testing.assert_frame_equal(same, simulate(SSI(10, 10, 10, 10), [], weeks=5, floor=[8, 2, 0, 10]))
        with pytest.raises(SSIInputError, match="suelo del pilar «personas» debe estar entre 0 y su valor"):
            simulate(SSI(10, 5, 10, 10), [], floor=[1, 6, 1, 1])
        with pytest.raises(SSIInputError, match="un número por pilar"):
            simulate(START, [], floor=[1, 2])
        with pytest.raises(SSITypeError, match="«floor» debe ser"):
            simulate(START, [], floor=3)

    @given(ssis, week_counts)
    def test_idle_pillars_fade_down_to_a_floor(self, ssi, weeks):
        """With no action every pillar slowly goes down, never below half its start."""
        wide = pillars_wide(simulate(ssi, [], weeks=weeks)).to_numpy()
        assert (np.diff(wide, axis=0) <= 0).all()
        floor = FLOOR_FRACTION * np.asarray(ssi.as_tuple())
        assert (wide >= floor - ROUNDING).all()

    def test_idle_fading_is_slow(self):
        """Half a year without activity costs a pillar about a fifth of what it had, not all."""
        wide = pillars_wide(simulate(SSI(20, 20, 20, 20), [], weeks=26))
        lost = 1 - wide.iloc[-1] / wide.iloc[0]
        expected = (1 - FLOOR_FRACTION) * (1 - (1 - DECAY) ** 26)  # fading closes the gap to the floor
        assert lost.to_numpy() == pytest.approx([expected] * 4, abs=1e-3)

    def test_floor_is_reached_in_the_long_run(self):
        """After ten years idle a pillar sits on its floor, not at 0."""
        wide = pillars_wide(simulate(SSI(20, 10, 4, 0), [], weeks=520))
        assert wide.iloc[-1].tolist() == pytest.approx([10, 5, 2, 0], abs=0.01)

    @given(ssis, action_ids, week_counts)
    def test_deterministic(self, ssi, ids, weeks):
        """Same inputs, same projection."""
        pd.testing.assert_frame_equal(simulate(ssi, ids, weeks=weeks), simulate(ssi, ids, weeks=weeks))

    @given(ssis, action_ids)
    def test_total_is_the_sum_of_pillars(self, ssi, ids):
        """Each week's total row is the sum of that week's four pillars."""
        frame = simulate(ssi, ids, weeks=8)
        sums = frame[frame.pillar != "total"].groupby("week").score.sum()
        totals = frame[frame.pillar == "total"].set_index("week").score
        assert np.allclose(sums, totals, atol=ROUNDING)

    def test_tidy_shape(self):
        """One row per week (0..weeks) and pillar plus total, with Spanish labels."""
        frame = simulate(SSI(6, 6, 5, 8), ["publicar"], weeks=10)
        assert list(frame.columns) == ["week", "pillar", "label", "score", "floor"]
        assert len(frame) == 11 * 5
        assert frame.week.tolist()[:5] == [0] * 5
        assert frame.label.tolist()[:5] == ["marca", "personas", "información", "relaciones", "total"]

    def test_action_only_moves_its_pillar(self):
        """Publishing lifts the brand pillar; the pillars without actions fade (the idle ones only)."""
        wide = pillars_wide(simulate(SSI(6, 6, 5, 8), ["publicar"], weeks=12))
        assert wide.brand.iloc[-1] > 6
        assert (wide[["people", "insights", "relationships"]].iloc[-1] < [6, 5, 8]).all()

    def test_ids_rows_and_single_id_are_the_same_plan(self):
        """A list of ids, the matching catalog rows and a single id string give the same projection."""
        catalog = load_actions()
        by_ids = simulate(SSI(6, 6, 5, 8), ["publicar"], weeks=6)
        by_rows = simulate(SSI(6, 6, 5, 8), catalog[catalog.id == "publicar"], weeks=6)
        by_text = simulate(SSI(6, 6, 5, 8), "publicar", weeks=6)
        pd.testing.assert_frame_equal(by_ids, by_rows)
        pd.testing.assert_frame_equal(by_ids, by_text)

    def test_repeated_ids_count_once(self):
        """Listing an action twice does not double its effect."""
        once = simulate(SSI(6, 6, 5, 8), ["grupos"], weeks=6)
        pd.testing.assert_frame_equal(once, simulate(SSI(6, 6, 5, 8), ["grupos", "grupos"], weeks=6))

    def test_accepts_text_and_profiles(self):
        """The start can be typed text or the example profile."""
        profile = ssi_kit.load_dataset("ssi_ejemplo")
        pd.testing.assert_frame_equal(
            simulate(profile, ["grupos"], weeks=3), simulate(profile.member, ["grupos"], weeks=3)
        )
        assert final(simulate("12,5; 8; 5,25; 10", [], weeks=0)) == 35.75

    def test_unknown_action_suggests_a_close_id(self):
        """A typo in an id says which ids exist and suggests the closest."""
        with pytest.raises(SSIInputError, match=r"'publicr'.*¿Querías decir 'publicar'"):
            simulate(SSI(6, 6, 5, 8), ["publicr"])

    def test_actions_of_wrong_type(self):
        """A number where the list of actions goes is a type error."""
        with pytest.raises(SSITypeError, match="«actions» debe ser una lista de ids"):
            simulate(SSI(6, 6, 5, 8), 3)  # type: ignore[arg-type]

    @pytest.mark.parametrize("weeks", [-1, 521, 2.5, "26", True, 10**400, float("inf"), None],
                             ids=["-1", "521", "2.5", "text", "True", "huge", "inf", "None"])
    def test_weeks_out_of_range(self, weeks):
        """Weeks must be a whole number within 0–520."""
        with pytest.raises(SSIInputError, match="«weeks» debe ser un número entero de semanas entre 0 y 520"):
            simulate(SSI(6, 6, 5, 8), [], weeks=weeks)

    def test_ssi_of_wrong_type(self):
        """A list of numbers is not an SSI; the message shows how to make one."""
        with pytest.raises(SSITypeError, match=r"SSI\.parse"):
            simulate([6, 6, 5, 8], [])  # type: ignore[arg-type]

    @pytest.mark.parametrize("band", [0, 1, 1.5, -0.2, "80%", 10**400, float("nan")],
                             ids=["0", "1", "1.5", "-0.2", "text", "huge", "nan"])
    def test_band_out_of_range(self, band):
        """The band is a probability strictly between 0 and 1."""
        with pytest.raises(SSIInputError, match="«band» debe ser una probabilidad entre 0 y 1"):
            simulate(SSI(6, 6, 5, 8), ["grupos"], weeks=4, band=band)

    def test_band_true_means_80_percent(self):
        """band=True is the 80 % band; False and None add no band."""
        pd.testing.assert_frame_equal(simulate(START, ["grupos"], weeks=6, band=True),
                                      simulate(START, ["grupos"], weeks=6, band=0.8))
        assert "low" not in simulate(START, ["grupos"], weeks=6, band=False).columns

    @pytest.mark.parametrize("seed", [-1, "a", 1.5, 2**64, None])
    def test_seed_is_a_whole_number_from_zero(self, seed):
        """The seed goes through the shared check: a whole number, 0 or more."""
        with pytest.raises(SSIInputError, match="«seed» debe"):
            simulate(START, ["grupos"], weeks=4, band=True, seed=seed)

    @pytest.mark.parametrize("draws", [0, 5, 10**6, 2.5, 10**400, "400"],
                             ids=["0", "5", "million", "2.5", "huge", "text"])
    def test_draws_out_of_range(self, draws):
        """The number of Monte Carlo runs is a whole number within 10–100000."""
        with pytest.raises(SSIInputError, match=r"«draws» debe (ser un número entero|estar entre 10 y 100.000)"):
            simulate(SSI(6, 6, 5, 8), ["grupos"], weeks=4, band=True, draws=draws)

    @pytest.mark.parametrize(("name", "value"), [("decay", 0.9), ("floor_fraction", 1.5), ("decay", -0.1),
                                                 ("decay", 10**400), ("floor_fraction", -(10**400))],
                             ids=["decay", "floor", "negative", "huge", "huge-negative"])
    def test_model_parameters_out_of_range(self, name, value):
        """The fading parameters are checked."""
        with pytest.raises(SSIInputError, match=f"«{name}» debe (estar|ser un número) entre 0 y"):
            simulate(SSI(6, 6, 5, 8), [], weeks=4, **{name: value})

    @pytest.mark.parametrize(("name", "value"), [("decay", "0.1"), ("floor_fraction", None), ("decay", float("nan"))])
    def test_model_parameters_of_wrong_kind(self, name, value):
        """Text, None or NaN for a model parameter gets our message."""
        with pytest.raises(SSIInputError, match=f"«{name}» debe ser un número"):
            simulate(START, [], weeks=4, **{name: value})

    @given(ssis, action_ids)
    @settings(max_examples=30)
    def test_band_surrounds_the_projection(self, ssi, ids):
        """With a band, low ≤ score ≤ high everywhere, and it starts with no width."""
        frame = simulate(ssi, ids, weeks=12, band=0.8, draws=50)
        assert (frame.low <= frame.score).all() and (frame.score <= frame.high).all()
        start = frame[frame.week == 0]
        assert (start.low == start.score).all() and (start.high == start.score).all()

    def test_band_memory_does_not_grow_with_the_weeks(self):
        """A band of many draws over many weeks never holds all draws × weeks at once."""
        tracemalloc.start()
        try:
            simulate(START, load_actions().id, weeks=200, band=True, draws=20_000)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        all_at_once = 201 * 20_000 * 5 * 8  # bytes of every draw's pillars and total for every week: 160 MB
        assert peak < all_at_once / 8

    def test_band_is_seeded_and_widens(self):
        """Same seed, same band; the band of a plan with actions widens over time."""
        one = simulate(SSI(6, 6, 5, 8), ["publicar", "debates"], weeks=20, band=True, seed=3)
        two = simulate(SSI(6, 6, 5, 8), ["publicar", "debates"], weeks=20, band=True, seed=3)
        pd.testing.assert_frame_equal(one, two)
        total = one[one.pillar == "total"]
        width = (total.high - total.low).to_numpy()
        assert width[-1] > width[5] > 0

    def test_wider_band_probability_is_wider(self):
        """A 95 % band contains the 50 % band."""
        narrow = simulate(SSI(6, 6, 5, 8), ["publicar"], weeks=10, band=0.5)
        wide = simulate(SSI(6, 6, 5, 8), ["publicar"], weeks=10, band=0.95)
        assert (wide.low <= narrow.low).all() and (wide.high >= narrow.high).all()

    def test_english_labels(self):
        """Pillar labels in the frame follow the language."""
        ssi_kit.set_language("en")
        assert simulate(SSI(6, 6, 5, 8), [], weeks=0).label.tolist()[:2] == ["brand", "people"]

    def test_weeks_last_positional_then_options_keyword_only_in_one_order(self):
        """weeks is the last argument that may go by position; catalog, decay… are keyword-only, in one order."""
        common = ["catalog", "decay", "floor_fraction"]
        for function in (simulate, simulate_many, recommend, best_plan):
            parameters = inspect.signature(function).parameters
            positional = [n for n, p in parameters.items() if p.kind is p.POSITIONAL_OR_KEYWORD]
            keyword_only = [n for n, p in parameters.items() if p.kind is p.KEYWORD_ONLY]
            assert positional[-1] == "weeks", function.__name__
            assert [n for n in keyword_only if n in common] == common, function.__name__
        with pytest.raises(TypeError):
            simulate(START, ["grupos"], 26, None)  # type: ignore[misc]


class TestSharedChecks:
    def test_check_weeks(self):
        """check_weeks returns an int and takes a minimum (the simulator needs at least one week)."""
        assert check_weeks(26.0) == 26 and isinstance(check_weeks(26.0), int)
        with pytest.raises(SSIInputError, match="entre 1 y 520; recibido 0"):
            check_weeks(0, minimum=1)

    @pytest.mark.parametrize("minutes", [-10, 90.5, "2h", float("nan"), None, 10**400, 10_081, True],
                             ids=["-10", "90.5", "text", "nan", "None", "huge", "10081", "True"])
    def test_check_budget(self, minutes):
        """A budget is whole minutes between 0 and a week's 10,080, for best_plan and the simulator alike."""
        with pytest.raises(SSIInputError, match="«budget» debe ser un número entero de minutos por semana"):
            check_budget(minutes, name="budget")


class TestCalibration:
    """The default catalog is calibrated so that 2–3 h a week takes ~25 to 60–70 in six months.

    The target is ssi-kit's teaching choice (documented in ssi_kit.simulation and lesson 02),
    not a LinkedIn figure.
    """

    TYPICAL = SSI(6, 6, 5, 8)  # a total of 25, relationships a little ahead, as in LinkedIn's laggards

    @pytest.mark.parametrize("minutes", [150, 180])
    def test_best_plan_of_two_and_a_half_to_three_hours(self, minutes):
        """The best plan of 150–180 min/week ends six months in the 60–70 range."""
        assert 60 <= best_plan(self.TYPICAL, minutes, weeks=26).total <= 70

    def test_two_hours_lands_near_sixty(self):
        """Two hours a week is the low end: close to 60 after six months."""
        assert 57 <= best_plan(self.TYPICAL, 120, weeks=26).total <= 62

    def test_doing_everything_stays_below_the_maximum(self):
        """Even the whole catalog (about 7 h a week) does not reach 100 in six months."""
        everything = simulate(self.TYPICAL, load_actions().id, weeks=26)
        assert 75 <= final(everything) < 90

    def test_nothing_loses_a_little(self):
        """Six months idle loses some points but keeps most of the SSI."""
        assert 18 < final(simulate(self.TYPICAL, [], weeks=26)) < 25


class TestSimulateMany:
    @given(st.lists(ssis, min_size=1, max_size=5), action_ids, st.integers(0, 20))
    @settings(max_examples=40)
    def test_same_as_simulate_row_by_row(self, learners, ids, weeks):
        """Each learner's rows equal simulate() for that learner."""
        many = simulate_many(learners, ids, weeks=weeks)
        for index, ssi in enumerate(learners):
            mine = many[many.learner == index].drop(columns="learner").reset_index(drop=True)
            pd.testing.assert_frame_equal(mine, simulate(ssi, ids, weeks=weeks))

    def test_frame_with_spanish_columns_and_names(self):
        """A class table may use Spanish pillar labels; its index names the learners."""
        table = pd.DataFrame(
            {"marca": [6, 12.5], "personas": [6, 8], "información": [5, 5.25], "relaciones": [8, 10]},
            index=["Ana", "Luis"],
        )
        many = simulate_many(table, ["grupos"], weeks=4)
        assert list(many.columns) == ["learner", "week", "pillar", "label", "score", "floor"]
        luis = many[many.learner == "Luis"].drop(columns="learner").reset_index(drop=True)
        pd.testing.assert_frame_equal(luis, simulate(SSI(12.5, 8, 5.25, 10), ["grupos"], weeks=4))

    def test_bad_rows_are_named(self):
        """Values outside 0–25 or empty are reported with the learners' names."""
        table = pd.DataFrame(
            {"brand": [6, 30, 5], "people": [6, 8, None], "insights": [5, 5, 5], "relationships": [8, 10, 3]},
            index=["Ana", "Luis", "Eva"],
        )
        with pytest.raises(SSIInputError, match="'Luis', 'Eva'"):
            simulate_many(table, [], weeks=4)

    def test_missing_column(self):
        """A table without one of the pillars says which."""
        with pytest.raises(SSIInputError, match="faltan: relaciones"):
            simulate_many(pd.DataFrame({"brand": [1], "people": [1], "insights": [1]}), [], weeks=4)

    @pytest.mark.parametrize("value", [SSI(6, 6, 5, 8), "6; 6; 5; 8", {"brand": 6}, 3, np.array(3)])
    def test_wrong_type(self, value):
        """A single SSI, text, a dict or a number (not a list or table) is a type error."""
        with pytest.raises(SSITypeError, match="simulate_many espera una tabla"):
            simulate_many(value, [], weeks=4)

    def test_list_with_something_that_is_not_an_ssi(self):
        """A list holding a number names the argument."""
        with pytest.raises(SSITypeError, match="«ssis» debe ser un SSI"):
            simulate_many([START, 3], [], weeks=4)

    def test_two_columns_with_one_name(self):
        """Two «brand» columns are refused by the shared table check."""
        table = pd.DataFrame([[1, 2, 3, 4, 5]], columns=["brand", "brand", "people", "insights", "relationships"])
        with pytest.raises(SSIInputError, match="columnas repetidas: brand"):
            simulate_many(table, weeks=4)

    def test_two_columns_for_one_pillar(self):
        """«brand» and «marca» in one table are two columns for one pillar."""
        table = pd.DataFrame({"brand": [1], "marca": [2], "people": [1], "insights": [1], "relationships": [1]})
        with pytest.raises(SSIInputError, match="más de una columna para el pilar marca: 'brand', 'marca'"):
            simulate_many(table, weeks=4)

    @pytest.mark.parametrize("bad", ["doce", [12], True, 10**400, complex(1, 2), pd.NA, float("inf"), None],
                             ids=["text", "list", "bool", "huge", "complex", "NA", "inf", "None"])
    def test_text_and_odd_values_name_the_learners(self, bad):
        """A cell that is not a real number names the learner, never another column's contents."""
        table = pd.DataFrame(
            {"brand": pd.Series([6, bad], index=["Ana", "Luis"], dtype=object), "people": [6, 8],
             "insights": [5, 5], "relationships": [8, 10],
             "email": ["ana@secreto.es", "luis@secreto.es"]},
            index=["Ana", "Luis"],
        )
        with pytest.raises(SSIInputError, match=r"1 persona con valores fuera de rango.*: 'Luis'") as info:
            simulate_many(table, weeks=4)
        assert "secreto" not in str(info.value) and "Ana" not in str(info.value)

    def test_nullable_and_tuple_names(self):
        """Nullable dtypes work, and a MultiIndex names each learner by its tuple."""
        table = pd.DataFrame(
            {"brand": [6, 12], "people": [6, 8], "insights": [5, 5], "relationships": [8, 10]},
            index=pd.MultiIndex.from_tuples([("A", 1), ("B", 2)]),
        ).convert_dtypes()
        many = simulate_many(table, ["grupos"], weeks=2)
        assert many.learner.iloc[0] == ("A", 1) and many.learner.iloc[-1] == ("B", 2)
        assert len(many) == 2 * 3 * 5

    def test_too_big_a_result_is_refused(self):
        """100,000 learners × 520 weeks would not fit in memory: the message says how to shrink it."""
        table = pd.DataFrame(np.full((100_000, 4), 10.0), columns=PILLARS)
        with pytest.raises(SSIInputError, match=r"260.500.000 filas") as info:
            simulate_many(table, ["grupos"], weeks=520)
        assert "menos semanas o menos personas" in info.value.hint

    def test_the_cap_is_on_rows_of_the_result(self, monkeypatch):
        """learners × (weeks + 1) × 5 up to the cap is fine; one week more is refused."""
        monkeypatch.setattr(simulation, "MAX_ROWS", 100)
        assert len(simulate_many([START, START], weeks=9)) == 100
        with pytest.raises(SSIInputError, match="110 filas"):
            simulate_many([START, START], weeks=10)

    def test_empty_class(self):
        """No learners, no rows (but the usual columns)."""
        assert list(simulate_many([], weeks=3).columns) == ["learner", "week", "pillar", "label", "score", "floor"]

    def test_model_parameters_reach_every_learner(self):
        """decay and floor_fraction are used as in simulate()."""
        many = simulate_many([START], ["grupos"], weeks=5, decay=0.2, floor_fraction=0.9)
        pd.testing.assert_frame_equal(many.drop(columns="learner"),
                                      simulate(START, ["grupos"], weeks=5, decay=0.2, floor_fraction=0.9))


    def test_column_types_match_simulate(self):
        """simulate_many's columns have simulate's types: pillar and label categorical in pillar order."""
        one = simulate(START, ["grupos"], weeks=3)
        many = simulate_many([START, START], ["grupos"], weeks=3)
        assert many.drop(columns="learner").dtypes.to_dict() == one.dtypes.to_dict()
        assert list(one["pillar"].cat.categories) == [*PILLARS, "total"]
        assert list(one["label"].cat.categories)[-1] == "total"
        assert many["learner"].tolist()[::20] == [0, 1]
        assert (one[one.pillar == "total"].score > 0).all()  # compared with text as before


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
            weeks = 12  # recommend's default horizon: a weekly action's minutes count every week
            effort = np.where(group.id.map(load_actions().set_index("id").kind) == "once", group.minutes,
                              group.minutes * weeks)
            per_minute = (group.gain / effort).to_numpy()
            assert (np.diff(per_minute) <= 1e-12).all()
            assert (group.gain > 0).all()

    def test_english_reasons(self):
        """Reasons follow the language, the ordinals too."""
        ssi_kit.set_language("en")
        reasons = recommend(SSI(12.5, 8, 5.25, 10)).reason
        assert reasons.iloc[0].startswith("'insights' is your weakest pillar")
        assert reasons.str.contains("'people' is your second weakest pillar").any()
        assert reasons.str.contains("'relationships' is your third weakest pillar").any()

    def test_uses_the_model_parameters_given(self):
        """decay changes the gains instead of being silently ignored: doing nothing costs less without fading."""
        default = recommend(START, weeks=26).set_index("id")
        no_fading = recommend(START, weeks=26, decay=0).set_index("id").gain.reindex(default.index)
        weekly = (load_actions().set_index("id").kind == "weekly").reindex(default.index)
        assert (no_fading[weekly] < default.gain[weekly]).all()
        assert np.allclose(no_fading[~weekly], default.gain[~weekly], atol=ROUNDING)
        with pytest.raises(SSIInputError, match="«decay»"):
            recommend(START, decay=0.9)

    def test_custom_catalog(self):
        """A small table as catalog is ranked and labelled by its ids."""
        catalog = pd.DataFrame({"id": ["a", "b"], "pillar": ["insights", "brand"], "minutes": [10, 10],
                                "effect": [1.0, 1.0]})
        assert recommend(START, catalog=catalog).label.tolist() == ["a", "b"]


def small_catalogs(max_size: int = 8):
    """Catalogs of up to ``max_size`` actions with random pillars, kinds, efforts and effects."""
    action = st.tuples(st.sampled_from(PILLARS), st.sampled_from(["weekly", "once"]), st.integers(5, 300),
                       st.floats(0, 2).map(lambda x: round(x, 2)))

    def frame(rows):
        return pd.DataFrame(
            [{"id": f"a{i}", "pillar": p, "kind": k, "minutes": m if k == "once" else min(m, 60), "effect": e}
             for i, (p, k, m, e) in enumerate(rows)]
        )

    return st.lists(action, min_size=1, max_size=max_size).map(frame)


class TestBestPlan:
    # Six actions (64 subsets) already mix pillars, one-off and weekly actions and budgets that bind;
    # eight cost four times as many simulations for no case the six do not reach.
    @given(ssis, small_catalogs(max_size=6), st.integers(0, 200), st.integers(0, 40))
    @settings(max_examples=60)
    def test_matches_brute_force(self, ssi, catalog, budget, weeks):
        """On small catalogs no subset within the budget projects a higher total."""
        plan = best_plan(ssi, budget, weeks=weeks, catalog=catalog)
        best = -1.0
        for size in range(len(catalog) + 1):
            for subset in itertools.combinations(catalog.id, size):
                if plan_minutes(list(subset), catalog=catalog, weeks=weeks) <= budget:
                    best = max(best, final(simulate(ssi, list(subset), weeks=weeks, catalog=catalog)))
        # Both sides are sums of four pillars rounded to 3 decimals.
        assert plan.total >= best - 0.005
        assert plan.minutes <= budget

    @given(ssis, st.integers(0, 600), st.integers(1, 52))
    @settings(max_examples=40)
    def test_fits_the_budget_and_projects_its_actions(self, ssi, budget, weeks):
        """The plan fits the budget and its projection is simulate() of its actions."""
        plan = best_plan(ssi, budget, weeks=weeks)
        assert plan.minutes == plan_minutes(plan.actions, weeks=weeks) <= budget
        pd.testing.assert_frame_equal(plan.projection, simulate(ssi, plan.actions, weeks=weeks))
        assert plan.total == final(plan.projection)

    def test_more_time_never_worse(self):
        """A bigger budget never gives a lower projected total."""
        totals = [best_plan(SSI(6, 6, 5, 8), budget, weeks=26).total for budget in range(0, 420, 15)]
        assert totals == sorted(totals)

    def test_zero_budget_is_empty(self):
        """With no time there is no plan."""
        plan = best_plan(SSI(6, 6, 5, 8), 0, weeks=26)
        assert plan.actions == () and plan.minutes == 0

    def test_whole_catalog_when_time_allows(self):
        """With time for everything, every action helps, so all are chosen."""
        plan = best_plan(SSI(6, 6, 5, 8), 1000, weeks=26)
        assert set(plan.actions) == set(load_actions().id)

    def test_beats_greedy_on_a_crafted_catalog(self):
        """Exact, not greedy: one long action loses to two short ones that fit the same time."""
        catalog = pd.DataFrame({
            "id": ["largo", "corto1", "corto2"],
            "pillar": ["brand", "people", "insights"],
            "minutes": [60, 30, 30],
            "effect": [1.2, 1.0, 1.0],  # largo has the best effect, the shorts the best per minute together
        })
        plan = best_plan(SSI(5, 5, 5, 5), 60, weeks=26, catalog=catalog)
        assert set(plan.actions) == {"corto1", "corto2"}

    def test_restricted_to_given_actions(self):
        """With `actions`, the plan only picks among them."""
        plan = best_plan(SSI(6, 6, 5, 8), 500, weeks=26, actions=["publicar", "grupos", "debates"])
        assert set(plan.actions) == {"publicar", "grupos", "debates"}

    def test_summary_in_spanish(self):
        """str(plan) states the budget, the actions and that it is an orientation."""
        text = str(best_plan(SSI(6, 6, 5, 8), 60, weeks=26))
        assert text.startswith("Mejor plan con 60 min/semana") and "orientativo" in text

    @pytest.mark.parametrize("minutes", [-10, "2h", float("nan"), None, 90.5, 10**400],
                             ids=["-10", "text", "nan", "None", "90.5", "huge"])
    def test_bad_budget(self, minutes):
        """The budget must be whole minutes per week, 0 or more."""
        with pytest.raises(SSIInputError, match="«minutes_per_week» debe ser un número entero de minutos por semana"):
            best_plan(SSI(6, 6, 5, 8), minutes, weeks=26)

    def test_uses_the_model_parameters_given(self):
        """best_plan plans and projects with the decay and floor it is given."""
        plan = best_plan(START, 20, weeks=26, decay=0.1, floor_fraction=0.8)
        pd.testing.assert_frame_equal(
            plan.projection, simulate(START, plan.actions, weeks=26, decay=0.1, floor_fraction=0.8))
        assert plan.total != best_plan(START, 20, weeks=26).total

    @given(ssis, st.integers(0, 300), st.floats(0, 0.5), st.floats(0, 1))
    @settings(max_examples=30)
    def test_best_under_any_model_parameters(self, ssi, budget, decay, floor_fraction):
        """With other model parameters, no single action added or swapped in beats the plan."""
        options = {"weeks": 12, "decay": decay, "floor_fraction": floor_fraction}
        plan = best_plan(ssi, budget, **options)
        for extra in load_actions().id[~load_actions().id.isin(plan.actions)]:
            if plan_minutes([*plan.actions, extra], weeks=12) <= budget:
                assert final(simulate(ssi, [*plan.actions, extra], **options)) <= plan.total + 0.005

    def test_one_off_minutes_are_spread_over_the_horizon(self):
        """A one-off action costs its minutes spread over the weeks, rounded up; all of them in one week."""
        catalog = pd.DataFrame({"id": ["perfil"], "pillar": ["brand"], "kind": ["once"], "minutes": [120],
                                "effect": [5.0]})
        assert plan_minutes(["perfil"], catalog=catalog, weeks=26) == 5
        assert plan_minutes(["perfil"], catalog=catalog, weeks=1) == 120
        assert best_plan(START, 5, weeks=26, catalog=catalog).actions == ("perfil",)
        assert best_plan(START, 4, weeks=26, catalog=catalog).actions == ()

    def test_a_learner_at_80_with_the_best_90_minutes_never_goes_down(self):
        """Doing the best 90-minute plan from 80 never lowers the total in any week (steady work pays)."""
        plan = best_plan(SSI(20, 20, 20, 20), 90, weeks=26)
        totals = plan.projection[plan.projection.pillar == "total"].score.to_numpy()
        assert (np.diff(totals) >= -ROUNDING).all() and totals[-1] > 80

    def test_chaining_from_a_plan(self):
        """A best plan's result is a start too: the next run begins at its end, with its floor."""
        plan = best_plan(START, 60, weeks=10)
        nxt = simulate(plan, [], weeks=0)
        assert final(nxt) == plan.total

    def test_too_many_actions_in_one_pillar(self):
        """More than 16 actions in one pillar is refused (the exact search would be slow)."""
        catalog = pd.DataFrame({
            "id": [f"a{i}" for i in range(17)], "pillar": "brand", "minutes": 10, "effect": 0.2,
        })
        with pytest.raises(SSIInputError, match="hasta 16 acciones por pilar"):
            best_plan(SSI(6, 6, 5, 8), 100, weeks=26, catalog=catalog)


class TestWeeksByPosition:
    """Learners give the horizon as the last positional argument: "simulate my SSI with these actions for 26 weeks"."""

    def test_simulate_and_simulate_many_take_weeks_third(self):
        """simulate(ssi, ids, 26) and simulate_many(class, ids, 26) equal the keyword calls."""
        pd.testing.assert_frame_equal(simulate(START, ["publicar"], 26), simulate(START, ["publicar"], weeks=26))
        clase = pd.DataFrame({"brand": [6, 12], "people": [6, 8], "insights": [5, 5], "relationships": [8, 10]})
        pd.testing.assert_frame_equal(simulate_many(clase, ["grupos"], 8), simulate_many(clase, ["grupos"], weeks=8))

    def test_best_plan_takes_weeks_third(self):
        """best_plan(ssi, 90, 10) and recommend(ssi, 10) equal their calls with weeks=10."""
        assert best_plan(START, 90, 10).actions == best_plan(START, 90, weeks=10).actions
        pd.testing.assert_frame_equal(recommend(START, 10), recommend(START, weeks=10))

    def test_weeks_by_position_is_checked_like_by_name(self):
        """A bad third argument gets the same Spanish message as weeks=…"""
        with pytest.raises(SSIInputError) as by_position:
            simulate(START, [], 0.5)
        with pytest.raises(SSIInputError) as by_name:
            simulate(START, [], weeks=0.5)
        assert str(by_position.value) == str(by_name.value)
