"""Tests of ssi_kit.network: the pyramid model, degree shares, degrees and introducers."""

from __future__ import annotations

import math
import re

import networkx as nx
import pandas as pd
import pytest
from hypothesis import given

import ssi_kit
from ssi_kit import SSIInputError, SSITypeError
from ssi_kit.datasets import load_dataset
from ssi_kit.network import (
    AVG_CONNECTIONS,
    MAX_CONNECTIONS,
    MEMBERS,
    Assumptions,
    degree_label,
    degree_shares,
    degrees_from,
    describe_pyramid,
    introducers,
    pyramid,
    read_network,
)

from .strategies import pyramid_avgs, pyramid_firsts, pyramid_overlaps

COURSE_SEARCH = {1: 131, 2: 2905, 3: 5876}  # 131 first-degree results were 1.47 % of the total


class TestPyramid:
    @pytest.mark.parametrize("first", [1, 50, 150, 500, 1000, 5000, 30_000])
    def test_defaults_reproduce_the_course(self, first):
        """With the defaults the 1st degree is 0.01–0.03 % of the network and more than 99.7 % is 2nd and 3rd."""
        p = pyramid(first)
        assert 0.0001 <= p["share"].iloc[0] <= 0.0003
        assert p["share"].iloc[1:].sum() > 0.997

    def test_columns_and_example(self):
        """One row per degree with degree, count and share; 500 connections give 36,000 and 2,592,000."""
        p = pyramid(500)
        assert list(p.columns) == ["degree", "count", "share"]
        assert p["degree"].tolist() == [1, 2, 3]
        assert p["count"].tolist() == [500, 36_000, 2_592_000]
        assert p["count"].dtype == "int64"
        assert p.attrs["assumptions"] == Assumptions(avg_connections=AVG_CONNECTIONS, overlap=0.82, members=MEMBERS)

    def test_assumptions_are_adjustable(self):
        """Average connections and overlap change the size of each degree as the model says."""
        p = pyramid(100, avg_connections=200, overlap=0.5)
        assert p["count"].tolist() == [100, 10_000, 1_000_000]
        assert p.attrs["assumptions"].new_per_person == 100

    def test_members_cap_the_network(self):
        """No network is bigger than LinkedIn's members."""
        p = pyramid(30_000, overlap=0)
        assert p["count"].sum() == MEMBERS
        small = pyramid(10, avg_connections=100, overlap=0, members=500)
        assert small["count"].tolist() == [10, 490, 0]

    @given(pyramid_firsts, pyramid_avgs, pyramid_overlaps)
    def test_invariants(self, first, avg, overlap):
        """Shares add up to 1, counts are non-negative whole numbers, the total never exceeds the members."""
        p = pyramid(first, avg_connections=avg, overlap=overlap)
        assert math.isclose(p["share"].sum(), 1.0)
        assert (p["count"] >= 0).all() and p["count"].iloc[0] == first
        assert p["count"].sum() <= MEMBERS
        assert ((p["share"] >= 0) & (p["share"] <= 1)).all()

    @given(pyramid_firsts, pyramid_avgs, pyramid_overlaps)
    def test_more_connections_never_shrink_the_network(self, first, avg, overlap):
        """One more connection never makes the network or its 2nd degree smaller."""
        a = pyramid(first, avg_connections=avg, overlap=overlap)["count"]
        b = pyramid(min(first + 1, MAX_CONNECTIONS), avg_connections=avg, overlap=overlap)["count"]
        assert b.sum() >= a.sum() and b.iloc[1] >= a.iloc[1]

    @pytest.mark.parametrize("first", [0, 30_001, -5, 2.5, math.nan])
    def test_bad_first(self, first):
        """Connections must be a whole number from 1 to 30,000 (LinkedIn's cap)."""
        with pytest.raises(SSIInputError, match=r"«first» debe (ser un número entero entre|estar entre) 1 y 30\.000"):
            pyramid(first)

    def test_over_the_cap_mentions_it(self):
        """More than 30,000 connections explains LinkedIn's cap."""
        with pytest.raises(SSIInputError, match=re.escape("como máximo 30.000 contactos")):
            pyramid(40_000)

    @pytest.mark.parametrize("overlap", [1, 1.5, -0.1])
    def test_bad_overlap(self, overlap):
        """The overlap is a fraction from 0 to 0.99, and the message says so."""
        with pytest.raises(SSIInputError, match=r"«overlap» debe estar entre 0 y 0,99.*0,82 significa 82 %"):
            pyramid(500, overlap=overlap)

    def test_bad_avg_connections(self):
        """Average connections must be at least 1."""
        with pytest.raises(SSIInputError, match=re.escape("«avg_connections» debe estar entre 1 y 30.000")):
            pyramid(500, avg_connections=0)

    def test_members_below_first(self):
        """The members cannot be fewer than your own connections."""
        with pytest.raises(SSIInputError, match="«members»"):
            pyramid(500, members=100)

    @pytest.mark.parametrize("value", ["500", None, True, [500]])
    def test_not_a_number(self, value):
        """Text, None, booleans or lists are refused, naming what came in."""
        expected = "«first» debe ser un número entero entre 1 y 30.000; recibido"
        with pytest.raises(SSIInputError, match=re.escape(expected)):
            pyramid(value)

    def test_english(self):
        """Messages follow set_language."""
        ssi_kit.set_language("en")
        with pytest.raises(SSIInputError, match="'first' must be between 1 and 30,000"):
            pyramid(0)


class TestDegreeShares:
    def test_course_search_example(self):
        """131 first-degree results are 1.47 % of the total; the extended network 98.53 %."""
        s = degree_shares(COURSE_SEARCH)
        assert round(s["share"].iloc[0] * 100, 2) == 1.47
        assert round(s["share"].iloc[1:].sum() * 100, 2) == 98.53
        assert list(s.columns) == ["degree", "count", "share"]

    def test_describe_course_search(self):
        """The sentence for the course's search gives its figures with a decimal comma."""
        assert describe_pyramid(degree_shares(COURSE_SEARCH)) == (
            "131 personas de 1.er grado son el 1,47 % del total (8.912); el 98,53 % está en 2.º y 3.er grado."
        )
        ssi_kit.set_language("en")
        assert describe_pyramid(degree_shares(COURSE_SEARCH)).startswith("131 people in the 1st degree are 1.47 %")

    def test_describe_pyramid_small_share(self):
        """Tiny shares keep two significant digits: 0,019 %."""
        assert "el 0,019 % del total (2.628.500)" in describe_pyramid(pyramid(500))

    @pytest.mark.parametrize("counts", [
        [131, 2905, 5876], (131, 2905, 5876), pd.Series(COURSE_SEARCH), {"1": 131, "2nd": 2905, "3.er": 5876},
    ])
    def test_other_inputs(self, counts):
        """A list in degree order, a Series, or keys such as '2nd' work like the dict."""
        assert degree_shares(counts)["count"].tolist() == [131, 2905, 5876]

    def test_missing_degrees_count_zero(self):
        """Degrees left out count as 0."""
        s = degree_shares({1: 10, 3: 30})
        assert s["count"].tolist() == [10, 0, 30] and s["share"].tolist() == [0.25, 0.0, 0.75]

    def test_unknown_degree(self):
        """Degree 4 does not exist on LinkedIn."""
        with pytest.raises(SSIInputError, match=re.escape("Grado desconocido: 4. Usa 1, 2 o 3.")):
            degree_shares({1: 10, 4: 3})

    def test_negative_count(self):
        """Counts cannot be negative."""
        with pytest.raises(SSIInputError, match=re.escape("«2.º grado» debe estar entre 0 y")):
            degree_shares({1: 10, 2: -3})

    def test_all_zero(self):
        """All zero has no shares."""
        with pytest.raises(SSIInputError, match="Todas las cantidades son 0"):
            degree_shares([0, 0, 0])

    def test_too_many_values(self):
        """A list longer than three degrees is refused."""
        with pytest.raises(SSIInputError, match="como mucho 3 valores"):
            degree_shares([1, 2, 3, 4])

    def test_wrong_type(self):
        """A single number is a type error with an example of what to pass."""
        with pytest.raises(SSITypeError, match=r"\{1: 131, 2: 2905, 3: 5876\}"):
            degree_shares(131)

    def test_text_count(self):
        """A count written as text is refused, showing what came in."""
        with pytest.raises(SSIInputError, match="recibido '131'"):
            degree_shares({1: "131"})


def test_degree_labels():
    """Degree names in Spanish and English."""
    assert [degree_label(d) for d in (1, 2, 3)] == ["1.er grado", "2.º grado", "3.er grado"]
    ssi_kit.set_language("en")
    assert [degree_label(d) for d in (1, 2, 3)] == ["1st degree", "2nd degree", "3rd degree"]


# --- networks ----------------------------------------------------------------------------------
@pytest.fixture
def red() -> nx.Graph:
    return load_dataset("red_ejemplo")


class TestReadNetwork:
    def test_example_network(self, red):
        """The example network: 41 people, 57 ties, undirected."""
        assert (red.number_of_nodes(), red.number_of_edges()) == (41, 57)
        assert not red.is_directed()

    def test_from_file_dataframe_and_list(self, tmp_path):
        """A CSV (any column names, blank rows), a DataFrame or a list of pairs give the same graph."""
        path = tmp_path / "clase.csv"
        path.write_text("quien,conoce_a\n Ana ,Luis\n\n,\nLuis,Marta\nMarta,Marta\n", encoding="utf-8")
        from_file = read_network(path)
        from_frame = read_network(pd.DataFrame({"a": ["Ana", "Luis"], "b": ["Luis", "Marta"]}))
        from_list = read_network([("Ana", "Luis"), ("Luis", "Marta")])
        for g in (from_file, from_frame, from_list):
            assert sorted(g.edges) == [("Ana", "Luis"), ("Luis", "Marta")]

    def test_latin1_file(self, tmp_path):
        """An edge list re-saved in latin-1 keeps its accents."""
        path = tmp_path / "red.csv"
        path.write_bytes("a,b\nMaría,Íñigo\n".encode("cp1252"))
        assert set(read_network(path).nodes) == {"María", "Íñigo"}

    def test_missing_file(self, tmp_path):
        """A wrong path names the file and the expected columns."""
        with pytest.raises(SSIInputError, match=r"No encuentro el archivo .*dos columnas"):
            read_network(tmp_path / "nada.csv")

    def test_one_column(self):
        """An edge list needs two columns."""
        with pytest.raises(SSIInputError, match=r"debe tener dos columnas .*tiene 1"):
            read_network(pd.DataFrame({"a": ["Ana"]}))

    def test_no_pairs(self):
        """Only blank rows and self-ties: no network."""
        with pytest.raises(SSIInputError, match="no tiene ninguna pareja"):
            read_network([("Ana", "Ana"), ("", "Luis")])

    def test_wrong_type(self):
        """A number is a type error."""
        with pytest.raises(SSITypeError, match="read_network espera"):
            read_network(3)


class TestDegreesFrom:
    def test_example_degrees(self, red):
        """In the example: 8 first-degree, 16 second, 12 third; Óscar, Paula and an isolated pair beyond."""
        d = degrees_from(red, "Yo")
        counts = d.value_counts(dropna=False)
        assert (counts[1], counts[2], counts[3]) == (8, 16, 12)
        assert d.isna().sum() == 4
        assert d["Marta"] == 2 and d["Adrián"] == 3 and d["Óscar"] is pd.NA and d["Renata"] is pd.NA

    def test_series_shape(self, red):
        """An Int64 Series named degree, indexed by person, you excluded, sorted by degree then name."""
        d = degrees_from(red, "Yo")
        assert d.dtype == "Int64" and d.name == "degree" and d.index.name == "person"
        assert "Yo" not in d.index
        assert d.index[:3].tolist() == ["Ana", "Bruno", "Carmen"]
        assert d.dropna().is_monotonic_increasing

    def test_directed_graph(self):
        """A directed graph is read as undirected: knowing someone goes both ways."""
        g = nx.DiGraph([("Ana", "Yo"), ("Luis", "Ana")])
        assert degrees_from(g, "Yo").to_dict() == {"Ana": 1, "Luis": 2}

    def test_unknown_person_suggests_names(self, red):
        """A misspelt name says it is not in the network and suggests close ones."""
        with pytest.raises(SSIInputError, match=r"'yo' no está en la red \(41 personas\).*¿Quizá Yo"):
            degrees_from(red, "yo")

    def test_not_a_graph(self):
        """A DataFrame instead of a graph points to read_network."""
        with pytest.raises(SSITypeError, match="usa read_network"):
            degrees_from(pd.DataFrame(), "Yo")


class TestIntroducers:
    def test_example_marta(self, red):
        """Four of your contacts know Marta; Carmen first (ties with Ana on 6 shared ties, but shares more with you)."""
        table = introducers(red, "Yo", "Marta")
        assert table["introducer"].tolist() == ["Carmen", "Ana", "Bruno", "Elena"]
        assert table["score"].tolist() == [6, 6, 4, 1]
        assert table.loc[1].to_dict() == {"introducer": "Carmen", "shared_with_you": 3, "shared_with_target": 3,
                                          "score": 6}
        assert list(table.index) == [1, 2, 3, 4] and table.index.name == "rank"

    def test_ranking_rule(self):
        """Ranked by ties shared with you plus with the target, then ties with you, then name."""
        g = nx.Graph([("Yo", "A"), ("Yo", "B"), ("Yo", "C"), ("Yo", "D"),
                      ("A", "T"), ("B", "T"), ("C", "T"),
                      ("B", "D"),            # B shares D with you
                      ("C", "X"), ("X", "T"),  # C shares X with the target
                      ("A", "Z")])
        table = introducers(g, "Yo", "T")
        assert table["introducer"].tolist() == ["B", "C", "A"]
        assert table["score"].tolist() == [1, 1, 0]

    def test_only_first_degree_contacts_who_know_the_target(self, red):
        """Every introducer is your contact and the target's contact."""
        for target in ("Marta", "Pablo", "Walter"):
            for person in introducers(red, "Yo", target)["introducer"]:
                assert red.has_edge("Yo", person) and red.has_edge(person, target)

    def test_third_degree_has_nobody(self, red):
        """For a third-degree person nobody of yours knows them directly: an empty table."""
        table = introducers(red, "Yo", "Adrián")
        assert table.empty and list(table.columns) == ["introducer", "shared_with_you", "shared_with_target", "score"]

    def test_first_degree_target(self, red):
        """A direct contact needs no introduction, and the message says so."""
        with pytest.raises(SSIInputError, match="'Ana' ya es tu contacto de primer grado"):
            introducers(red, "Yo", "Ana")

    def test_same_person(self, red):
        """You cannot be introduced to yourself."""
        with pytest.raises(SSIInputError, match="son la misma persona"):
            introducers(red, "Yo", "Yo")

    def test_unknown_target(self, red):
        """An unknown target is named, with suggestions."""
        with pytest.raises(SSIInputError, match=r"'Martha' no está en la red.*Marta"):
            introducers(red, "Yo", "Martha")


class TestLesson03Exercises:
    def test_search_share(self):
        """q1 accepts 1.47 (per cent) and explains a fraction or a wrong value."""
        from ssi_kit.exercises import lesson03 as ej

        assert ej.q1.evaluate(1.47).correct
        assert "multiplícala por 100" in ej.q1.evaluate(0.0147).message
        assert ej.q1.evaluate(98.53).status == "incorrect"
        assert ej.q1.evaluate("1,47").correct  # a decimal comma is read as a Spanish speaker writes it (issue 8)

    def test_second_degree(self):
        """q2 wants pyramid(800)'s second degree, and spots the third degree."""
        from ssi_kit.exercises import lesson03 as ej

        assert ej.q2.evaluate(57_600).correct
        assert "3.er grado" in ej.q2.evaluate(4_147_200).message

    def test_best_introducer(self):
        """q3 wants the top of introducers(red, 'Yo', 'Marta'), any case."""
        from ssi_kit.exercises import lesson03 as ej

        assert ej.q3.evaluate(" carmen ").correct
        assert "comparte más contactos" in ej.q3.evaluate("Elena").message
        assert "no puede presentarte" in ej.q3.evaluate("Walter").message
        assert ej.q3.evaluate(None).status == "not_attempted"


class TestLearnerMistakes:
    """Every mistake with the pyramid and networks ends in one of our errors."""

    @pytest.mark.parametrize("frame", [
        pd.DataFrame(),
        pd.DataFrame({"degree": [1, 2], "count": [1, 2], "share": [.5, .5]}),
        pd.DataFrame({"degree": [1, 2, 3], "count": [1, None, 2], "share": [.3, .3, .4]}),
        pd.DataFrame({"degree": [1, 2, 3], "count": ["a", "b", "c"], "share": [0, 0, 1]}),
    ])
    def test_describe_pyramid_checks_its_table(self, frame):
        """describe_pyramid of an empty or edited table says what the table needs."""
        with pytest.raises(SSIInputError, match=r"(le faltan las columnas|debe tener 3 filas)"):
            describe_pyramid(frame)

    def test_describe_pyramid_wrong_type(self):
        """A number instead of the table is a type error."""
        with pytest.raises(SSITypeError, match="«frame» debe ser la tabla de pyramid"):
            describe_pyramid(131)

    def test_describe_one_person(self):
        """One person is "1 persona", not "1 personas"."""
        assert describe_pyramid(degree_shares({1: 1, 2: 9})).startswith("1 persona de 1.er grado")

    @pytest.mark.parametrize("source", [[1, 2, 3], [("Ana",)], ["AnaLuis"], [("Ana", "Luis", "Marta")]])
    def test_read_network_items_must_be_pairs(self, source):
        """A list whose items are not pairs names the first bad one by position."""
        with pytest.raises(SSIInputError, match=r"debe ser una pareja \(persona, contacto\); el 1\.º es"):
            read_network(source)

    def test_read_network_pasted_text_and_semicolons(self):
        """The CSV's text pasted, re-saved with ';', reads."""
        graph = read_network("persona;contacto\nAna;Luis\nLuis;Marta\n")
        assert sorted(graph.nodes) == ["Ana", "Luis", "Marta"]

    def test_read_network_missing_file(self):
        """A missing file names it as given."""
        with pytest.raises(SSIInputError, match=re.escape("No encuentro el archivo «red.csv»")):
            read_network("red.csv")

    @pytest.mark.parametrize("source", [3, None, {"Ana": "Luis"}])
    def test_read_network_wrong_type(self, source):
        """Other types are type errors."""
        with pytest.raises(SSITypeError, match="read_network espera"):
            read_network(source)

    def test_read_network_ragged_rows(self, tmp_path):
        """Rows with extra or missing fields use the first two; an unclosed quote names its line."""
        path = tmp_path / "red.csv"
        path.write_text('a,b\nAna,Luis,extra\nSolo\nLuis,Marta\n', encoding="utf-8")
        graph = read_network(path)
        assert ("Ana", "Luis") in graph.edges and ("Luis", "Marta") in graph.edges
        path.write_text('a,b\nAna,Luis\nLuis,"Marta\n', encoding="utf-8")
        with pytest.raises(SSIInputError, match=r"comilla sin cerrar.*línea 3"):
            read_network(path)

    @pytest.mark.parametrize("newline", ["\r", "\r\n", "\n"])
    def test_read_network_any_line_end(self, tmp_path, newline):
        """CR-only files (Excel for Mac), Windows and Unix line ends give the same network."""
        path = tmp_path / "red.csv"
        path.write_bytes(newline.join(["persona;contacto", "Ana;Luis", "Luis;Marta", ""]).encode("utf-8"))
        assert sorted(read_network(path).edges) == [("Ana", "Luis"), ("Luis", "Marta")]
