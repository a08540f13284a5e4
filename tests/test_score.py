"""The SSI model: construction, derived values, parsing and LinkedIn's SSI data."""

from __future__ import annotations

import json
import math
import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ssi_kit
from ssi_kit import SSI, GroupScore, SSIInputError, SSIProfile, SSITypeError, read_linkedin_ssi

from .strategies import any_values, ssis


class TestSSI:
    def test_keeps_pillars_in_order(self):
        """Positional arguments map to brand, people, insights, relationships."""
        s = SSI(12.5, 8, 5.25, 10)
        assert s.as_dict() == {"brand": 12.5, "people": 8.0, "insights": 5.25, "relationships": 10.0}
        assert ssi_kit.PILLARS == ("brand", "people", "insights", "relationships")

    def test_is_immutable(self):
        """An SSI is a value: its pillars cannot be reassigned."""
        s = SSI(1, 2, 3, 4)
        with pytest.raises(AttributeError):
            s.brand = 5  # type: ignore[misc]

    @given(ssis)
    def test_total_is_sum_of_pillars(self, s):
        """The total always equals the sum of the four pillars and stays within 0–100."""
        assert math.isclose(s.total, sum(s.as_tuple()), abs_tol=1e-9)
        assert 0 <= s.total <= 100

    @given(ssis)
    def test_headroom_is_what_is_left_to_25(self, s):
        """Headroom per pillar is 25 minus its score, never negative."""
        for pillar, left in s.headroom.items():
            assert math.isclose(left, 25 - getattr(s, pillar), abs_tol=1e-9)
            assert left >= 0

    @given(ssis)
    def test_weakest_is_a_lowest_pillar(self, s):
        """The weakest pillar has the lowest score."""
        assert getattr(s, s.weakest) == min(s.as_tuple())

    def test_weakest_ties_follow_pillar_order(self):
        """Tied lowest pillars resolve to the first in PILLARS order."""
        assert SSI(10, 5, 5, 5).weakest == "people"
        assert SSI(5, 5, 5, 5).weakest == "brand"
        assert SSI(9, 9, 7, 7).weakest == "insights"

    @pytest.mark.parametrize(
        ("values", "level"),
        [((17.5, 17.5, 17.5, 17.5), "average"), ((17.5, 17.5, 17.5, 17.501), "leader"),
         ((7.5, 7.5, 7.5, 7.5), "average"), ((7.5, 7.5, 7.5, 7.499), "laggard")],
    )
    def test_level_uses_linkedin_thresholds(self, values, level):
        """Leaders are above 70, laggards below 30; exactly 30 or 70 is in between."""
        assert SSI(*values).level == level

    def test_rounds_to_three_decimals(self):
        """Float noise is rounded to LinkedIn's three decimals."""
        s = SSI(0.29999998, 13.118002, 0.1 + 0.2, 25.0000001)
        assert s.as_tuple() == (0.3, 13.118, 0.3, 25.0)

    def test_rounded_total_is_whole_number_as_linkedin_shows(self):
        """The displayed total is an int, halves rounding up."""
        assert SSI(10, 10, 10, 5.5).rounded_total == 36
        assert SSI(10, 10, 10, 5.499).rounded_total == 35

    def test_to_frame_is_tidy(self):
        """to_frame gives one row per pillar with pillar, label, score and headroom."""
        frame = SSI(12.5, 8, 5.25, 10).to_frame()
        assert list(frame.columns) == ["pillar", "label", "score", "headroom"]
        assert list(frame["pillar"]) == list(ssi_kit.PILLARS)
        assert list(frame["label"]) == ["marca", "personas", "información", "relaciones"]
        assert (frame["score"] + frame["headroom"] == 25).all()

    def test_from_dict_accepts_keys_and_spanish_labels(self):
        """from_dict reads pillar keys or their Spanish labels."""
        s = SSI.from_dict({"marca": 1, "personas": 2, "insights": 3, "Relaciones": 4})
        assert s == SSI(1, 2, 3, 4)

    def test_from_dict_names_missing_pillars(self):
        """A mapping without every pillar says which are missing."""
        with pytest.raises(SSIInputError, match="Faltan pilares: información, relaciones"):
            SSI.from_dict({"brand": 1, "people": 2})

    def test_summary_lists_every_pillar_and_the_weakest(self):
        """summary() shows the rounded total, the level and the weakest pillar."""
        text = SSI(13.118, 8.205, 4.9, 9.877).summary()
        assert text.startswith("SSI total: 36 de 100 (36,1) · nivel intermedio")
        assert "13,118 / 25" in text and text.endswith("Pilar más débil: información")


class TestSSIErrors:
    def test_out_of_range_names_pillar_range_and_value(self):
        """A pillar above 25 names the pillar, the range and the value received."""
        with pytest.raises(SSIInputError, match="El pilar «marca» debe estar entre 0 y 25; recibido 30") as info:
            SSI(30, 1, 1, 1)
        assert info.value.field == "brand"

    def test_negative_gets_a_hint(self):
        """A negative pillar is rejected with a hint that the SSI has no negatives."""
        with pytest.raises(SSIInputError, match=r"«relaciones».*recibido -2.*negativos"):
            SSI(1, 1, 1, -2)

    @pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf")])
    def test_non_finite_is_rejected(self, bad):
        """NaN and infinities are not numbers a learner can have."""
        with pytest.raises(SSIInputError, match=r"«personas».*no es un número válido"):
            SSI(1, bad, 1, 1)

    @pytest.mark.parametrize("bad", ["12", None, True, [1], {}])
    def test_non_numbers_are_rejected(self, bad):
        """Text, None, booleans and containers are refused with the pillar's name."""
        with pytest.raises(SSIInputError, match="«información» debe ser un número"):
            SSI(1, 1, bad, 1)

    def test_text_points_to_parse(self):
        """Passing text to the constructor suggests SSI.parse."""
        with pytest.raises(SSIInputError, match=re.escape("SSI.parse")):
            SSI("12,5", 1, 1, 1)

    def test_is_a_value_error(self):
        """Learner errors are ValueErrors, so generic handlers catch them."""
        assert issubclass(SSIInputError, ValueError)
        assert issubclass(SSITypeError, TypeError)

    @given(any_values, any_values, any_values, any_values)
    def test_any_input_gives_ssi_or_input_error(self, a, b, c, d):
        """Whatever is passed, the result is a valid SSI or an SSIInputError, nothing else."""
        try:
            s = SSI(a, b, c, d)
        except SSIInputError as error:
            assert str(error)
        else:
            assert all(0 <= v <= 25 for v in s.as_tuple())

    def test_english_messages(self):
        """With set_language('en') the same error speaks English."""
        ssi_kit.set_language("en")
        with pytest.raises(SSIInputError, match="The pillar 'brand' must be between 0 and 25; received 30"):
            SSI(30, 1, 1, 1)


class TestParse:
    @pytest.mark.parametrize(
        "text",
        ["12,5; 8; 5,25; 10", "12.5 8 5.25 10", "12,5 8 5,25 10", "12.5, 8, 5.25, 10",
         " 12,5 ;8;5,25 ; 10 ", "12,5;8;5,25;10;", "12.5\t8\n5.25 10"],
    )
    def test_reads_what_learners_type(self, text):
        """Decimal commas or points, separated by ;, spaces or ', ' all give the same SSI."""
        assert SSI.parse(text) == SSI(12.5, 8, 5.25, 10)

    def test_comma_separated_whole_numbers(self):
        """'12,8,5,10' (three commas, no spaces) is four whole numbers."""
        assert SSI.parse("12,8,5,10") == SSI(12, 8, 5, 10)

    @pytest.mark.parametrize("text", ["", "12", "1; 2; 3", "1 2 3 4 5"])
    def test_wrong_count_says_how_many(self, text):
        """Anything but four values is refused with the count received."""
        with pytest.raises(SSIInputError, match="Escribe 4 valores"):
            SSI.parse(text)

    def test_non_number_names_pillar(self):
        """A value that is not a number names its pillar and shows an example."""
        expected = ("El pilar «información» debe ser un número entre 0 y 25; recibido 'cinco'. "
                    "Escribe solo el número, por ejemplo 12,5")
        with pytest.raises(SSIInputError, match=re.escape(expected)):
            SSI.parse("1; 2; cinco; 4")

    def test_out_of_range_in_text(self):
        """Range errors from parsed text name the pillar."""
        with pytest.raises(SSIInputError, match="«relaciones» debe estar entre 0 y 25; recibido 26"):
            SSI.parse("1; 2; 3; 26")

    def test_not_text_is_a_type_error(self):
        """parse given a number says it expects text."""
        with pytest.raises(SSITypeError, match="espera un texto"):
            SSI.parse(12)  # type: ignore[arg-type]

    @given(st.text(max_size=40))
    def test_any_text_gives_ssi_or_input_error(self, text):
        """Any text is either a valid SSI or an SSIInputError."""
        try:
            s = SSI.parse(text)
        except SSIInputError:
            pass
        else:
            assert 0 <= s.total <= 100

    @given(ssis, st.sampled_from(["; ", " ", ", "]), st.booleans())
    def test_round_trips_formatted_values(self, s, separator, comma):
        """An SSI written out with any separator and decimal mark parses back to itself."""
        numbers = [f"{v:g}".replace(".", ",") if comma and separator != ", " else f"{v:g}" for v in s.as_tuple()]
        assert SSI.parse(separator.join(numbers)) == s


def _linkedin(member=(13.118002, 2.6, 0.9, 3.087749), overall=None, groups=None, **extra):
    names = ["PROFESSIONAL_BRAND", "FIND_RIGHT_PEOPLE", "INSIGHT_ENGAGEMENT", "STRONG_RELATIONSHIP"]
    data = {
        "memberScore": {
            "overall": sum(member) if overall is None else overall,
            "subScores": [{"score": v, "pillar": n} for v, n in zip(member, names)],
        },
        "groupScore": groups if groups is not None else [
            {"groupType": "INDUSTRY", "rank": 75, "score": {"overall": 30.99, "subScores": []}},
            {"groupType": "NETWORK", "rank": 40, "score": {"overall": 24.0, "subScores": [
                {"score": 6, "pillar": n} for n in names]}},
            {"groupType": "TEAM", "rank": 1, "score": {"overall": 99, "subScores": []}},
        ],
    }
    data.update(extra)
    return data


class TestReadLinkedinSSI:
    def test_reads_member_and_groups(self):
        """Member pillars, industry and network (rank as Top %, pillars or None) are read."""
        profile = read_linkedin_ssi(_linkedin())
        assert isinstance(profile, SSIProfile)
        assert profile.member == SSI(13.118, 2.6, 0.9, 3.088)
        assert profile.industry == GroupScore(overall=30.99, top_percent=75, pillars=None)
        assert profile.network.pillars == SSI(6, 6, 6, 6)
        assert profile.network.top_percent == 40

    def test_issue_example_overall(self):
        """The issue's example (overall 19.705751) is consistent with its pillars."""
        profile = read_linkedin_ssi(_linkedin(overall=19.705751))
        assert profile.member.rounded_total == 20

    def test_path_and_json_text_and_dict_agree(self, tmp_path):
        """A file path, its JSON text and the dict give the same profile."""
        data = _linkedin()
        path = tmp_path / "ssi.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        profile = read_linkedin_ssi(path)
        assert profile == read_linkedin_ssi(str(path)) == read_linkedin_ssi(json.dumps(data)) == read_linkedin_ssi(data)

    def test_file_with_bom(self, tmp_path):
        """A JSON file saved with a UTF-8 BOM still reads."""
        path = tmp_path / "ssi.json"
        path.write_bytes(b"\xef\xbb\xbf" + json.dumps(_linkedin()).encode())
        assert read_linkedin_ssi(path).member.brand == 13.118

    def test_unknown_groups_and_extra_keys_are_ignored(self):
        """TEAM groups and keys LinkedIn may add do not get in the way."""
        data = _linkedin(extra="x")
        data["memberScore"]["memberId"] = 42
        profile = read_linkedin_ssi(data)
        assert profile.industry is not None and profile.network is not None

    def test_missing_groups_are_none(self):
        """Without groupScore, industry and network are None."""
        profile = read_linkedin_ssi(_linkedin(groups=[]))
        assert profile.industry is None and profile.network is None

    def test_float_noise_is_rounded(self):
        """0.29999998 from LinkedIn reads as 0.3."""
        profile = read_linkedin_ssi(_linkedin(member=(0.29999998, 1, 1, 1)))
        assert profile.member.brand == 0.3

    def test_inconsistent_overall_is_reported(self):
        """An overall that is not the sum of its pillars is refused with both numbers."""
        expected = "El total (50) no coincide con la suma de los pilares (19,706)"
        with pytest.raises(SSIInputError, match=re.escape(expected)):
            read_linkedin_ssi(_linkedin(overall=50))

    def test_out_of_range_pillar_is_named(self):
        """A LinkedIn pillar above 25 is named like a typed one."""
        with pytest.raises(SSIInputError, match="«marca» debe estar entre 0 y 25"):
            read_linkedin_ssi(_linkedin(member=(26, 1, 1, 1)))

    def test_missing_pillar_is_named(self):
        """A subScores list without a pillar names the missing LinkedIn pillar."""
        data = _linkedin()
        data["memberScore"]["subScores"].pop()
        with pytest.raises(SSIInputError, match="Faltan pilares en «memberScore»: STRONG_RELATIONSHIP"):
            read_linkedin_ssi(data)

    def test_not_ssi_json(self):
        """JSON without memberScore says what was expected."""
        with pytest.raises(SSIInputError, match="falta «memberScore»"):
            read_linkedin_ssi({"elements": []})

    def test_broken_json_text(self):
        """Truncated JSON text gives a line and column, not a json traceback."""
        with pytest.raises(SSIInputError, match="no es JSON válido \\(línea 1"):
            read_linkedin_ssi('{"memberScore": {')

    def test_missing_file(self, tmp_path):
        """A path that does not exist is named in the message."""
        with pytest.raises(SSIInputError, match=r"No encuentro el archivo .*no_existe\.json"):
            read_linkedin_ssi(tmp_path / "no_existe.json")

    def test_wrong_type(self):
        """A number is not a source."""
        expected = "espera la ruta de un .json, su texto o un diccionario; recibido int"
        with pytest.raises(SSITypeError, match=re.escape(expected)):
            read_linkedin_ssi(42)  # type: ignore[arg-type]

    @given(st.recursive(st.none() | st.booleans() | st.floats() | st.text(max_size=5) | st.integers(),
                        lambda children: (st.lists(children, max_size=4)
                                          | st.dictionaries(st.text(max_size=12), children, max_size=4)),
                        max_leaves=12))
    def test_any_json_gives_profile_or_input_error(self, data):
        """Any JSON-like structure, as the member's score or (a dict) as the whole file, is a profile or an
        SSIInputError, never another exception."""
        for payload in [{"memberScore": data}, *([data] if isinstance(data, dict) else [])]:
            try:
                profile = read_linkedin_ssi(payload)
            except SSIInputError:
                continue
            assert isinstance(profile.member, SSI)


class TestGroupScore:
    def test_validates_overall(self):
        """A group's overall must be 0–100."""
        with pytest.raises(SSIInputError, match="El total debe estar entre 0 y 100; recibido 120"):
            GroupScore(overall=120)

    def test_validates_top_percent(self):
        """Top % must be 0–100."""
        with pytest.raises(SSIInputError, match="«Top %» debe estar entre 0 y 100"):
            GroupScore(overall=30, top_percent=150)

    def test_pillars_must_match_overall(self):
        """Pillars given with a group must add up to its overall."""
        with pytest.raises(SSIInputError, match="no coincide"):
            GroupScore(overall=30, pillars=SSI(1, 1, 1, 1))


def test_profile_summary_shows_ranks():
    """The example profile's summary states the industry and network averages and ranks."""
    text = ssi_kit.load_dataset("ssi_ejemplo").summary()
    assert "Sector: SSI medio 30,99 · estás en el Top 28 %" in text
    assert "Tu red: SSI medio 27,4 · estás en el Top 22 %" in text


def test_to_frame_types():
    """Scores in to_frame are floats a learner can compute with."""
    frame = SSI(1, 2, 3, 4).to_frame()
    assert pd.api.types.is_float_dtype(frame["score"])
    assert frame["score"].sum() == 10
