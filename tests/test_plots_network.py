"""Tests of the lesson-03 figures: pyramid, growth, top companies/titles, decision makers, network."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
import pytest

import ssi_kit
from ssi_kit import SSIInputError, SSITypeError
from ssi_kit._palette import BLUE, GREEN, ORANGE
from ssi_kit.datasets import load_dataset
from ssi_kit.linkedin_export import network_summary
from ssi_kit.network import degree_shares, introducers, pyramid
from ssi_kit.plots import (
    plot_decision_makers,
    plot_growth,
    plot_network,
    plot_pyramid,
    plot_top_companies,
    plot_top_positions,
)
from ssi_kit.plots._network import DEGREE_COLORS, update_pyramid_figure


@pytest.fixture(scope="module")
def contacts() -> pd.DataFrame:
    return load_dataset("conexiones_ejemplo")


class TestPlotPyramid:
    def test_first_degree_on_top_centred(self):
        """One bar per degree, the 1st at the top, each bar centred on 0."""
        fig = plot_pyramid(pyramid(500))
        bar = fig.data[0]
        assert isinstance(fig, go.Figure) and len(fig.data) == 1
        assert list(bar.y) == [1, 2, 3] and fig.layout.yaxis.autorange == "reversed"
        for width, base in zip(bar.x, bar.base):
            assert math.isclose(base, -width / 2)
        assert list(bar.marker.color) == [BLUE, ORANGE, GREEN]

    def test_linear_widths_are_counts(self):
        """On a linear scale widths are the people at each degree."""
        assert list(plot_pyramid(pyramid(500)).data[0].x) == [500, 36_000, 2_592_000]

    def test_log_widths(self):
        """With log=True widths are log10(count + 1), so the 1st degree is visible."""
        bar = plot_pyramid(pyramid(500), log=True).data[0]
        assert [round(w, 3) for w in bar.x] == [2.700, 4.556, 6.414]
        assert bar.x[0] / bar.x[2] > 0.4

    def test_shares_and_counts_written(self):
        """Bars show the exact shares; the axis labels name the degree and its people."""
        fig = plot_pyramid(pyramid(500), log=True)
        assert fig.data[0].text == ("0,019 %", "1,37 %", "98,61 %")
        assert fig.layout.yaxis.ticktext[1] == "<b>2.º grado</b><br>36.000 personas"
        assert "0,019 % de tu red" in fig.layout.title.text

    def test_course_search(self):
        """The search example: title about results, 1.47 % on the top bar."""
        fig = plot_pyramid(degree_shares({1: 131, 2: 2905, 3: 5876}))
        assert fig.data[0].text[0] == "1,47 %" and fig.layout.title.text.startswith("Resultados por grado")

    def test_english(self):
        """Labels follow set_language."""
        ssi_kit.set_language("en")
        fig = plot_pyramid(pyramid(500))
        assert fig.layout.yaxis.ticktext[0] == "<b>1st degree</b><br>500 people"
        assert fig.data[0].text[0] == "0.019 %"

    def test_update_in_place(self):
        """update_pyramid_figure changes the same figure: widths, labels and title, not the trace count."""
        fig = go.FigureWidget(plot_pyramid(pyramid(500), log=True))
        update_pyramid_figure(fig, pyramid(1000), log=False)
        assert len(fig.data) == 1
        assert list(fig.data[0].x) == list(plot_pyramid(pyramid(1000)).data[0].x)
        assert fig.layout.yaxis.ticktext[0] == "<b>1.er grado</b><br>1.000 personas"
        assert fig.layout.xaxis.title.text.startswith("ancho proporcional")

    def test_wrong_type(self):
        """A number instead of the table is a type error."""
        with pytest.raises(SSITypeError, match="«frame» debe ser la tabla de pyramid"):
            plot_pyramid(500)

    def test_wrong_columns(self):
        """A table without degree/count/share says how to make it."""
        with pytest.raises(SSIInputError, match=r"le faltan las columnas: degree, count, share"):
            plot_pyramid(pd.DataFrame({"a": [1, 2, 3]}))


class TestConnectionPlots:
    def test_growth(self, contacts):
        """Bars per year and the cumulative line (on the right axis) match the summary."""
        s = network_summary(contacts)
        fig = plot_growth(s)
        assert list(fig.data[0].x) == s.per_year["year"].tolist()
        assert list(fig.data[0].y) == s.per_year["connections"].tolist()
        assert fig.data[1].y[-1] == 500 and fig.data[1].yaxis == "y2"

    def test_top_companies_and_positions(self, contacts):
        """Horizontal bars, most first, with the share written on."""
        s = network_summary(contacts)
        companies = plot_top_companies(s)
        assert list(companies.data[0].y) == s.top_companies["company"].tolist()
        assert companies.layout.yaxis.autorange == "reversed"
        assert companies.data[0].text[0].endswith("%")
        positions = plot_top_positions(contacts)  # the table works too
        assert list(positions.data[0].x) == s.top_positions["connections"].tolist()

    def test_decision_makers(self, contacts):
        """The ring shows decision makers and the rest."""
        fig = plot_decision_makers(contacts)
        assert list(fig.data[0].values) == [131, 369]
        assert fig.data[0].labels[0] == "con poder de decisión"

    def test_wrong_type(self):
        """Anything but a summary or the table is a type error."""
        with pytest.raises(SSITypeError, match="Se esperaba network_summary"):
            plot_growth([1, 2])


class TestPlotNetwork:
    def test_traces_by_degree(self):
        """Ties first, then one trace per degree coloured by degree; everyone drawn once."""
        red = load_dataset("red_ejemplo")
        fig = plot_network(red, "Yo")
        assert [t.name for t in fig.data] == ["lazos", "Tú", "1.er grado", "2.º grado", "3.er grado",
                                              "más allá del 3.º"]
        assert fig.data[2].marker.color == DEGREE_COLORS[1]
        assert sum(len(t.x) for t in fig.data[1:]) == red.number_of_nodes()
        assert len(fig.data[0].x) == 3 * red.number_of_edges()

    def test_same_seed_same_picture(self):
        """The layout is seeded: the same call draws the same positions."""
        red = load_dataset("red_ejemplo")
        assert plot_network(red, "Yo").data[1].x == plot_network(red, "Yo").data[1].x

    def test_target_highlights_introducers(self):
        """With a target, its introducers' ties are highlighted (two per introducer) and it is drawn larger."""
        red = load_dataset("red_ejemplo")
        fig = plot_network(red, "Yo", target="Marta")
        highlight = fig.data[1]
        assert highlight.name == "quién te presenta"
        assert len(highlight.x) == 3 * 2 * len(introducers(red, "Yo", "Marta"))
        second = next(t for t in fig.data if t.name == "2.º grado")
        sizes = dict(zip(second.text, second.marker.size))
        assert sizes["Marta"] > sizes["Nicolás"]
        assert "Marta" in fig.layout.title.text

    def test_unknown_person(self):
        """An unknown 'me' is the same clear error as degrees_from."""
        with pytest.raises(SSIInputError, match="no está en la red"):
            plot_network(load_dataset("red_ejemplo"), "Nadie")

    def test_unknown_target(self):
        """An unknown target is named."""
        with pytest.raises(SSIInputError, match="'Nadie' no está en la red"):
            plot_network(load_dataset("red_ejemplo"), "Yo", target="Nadie")


class TestNetworkLayout:
    """The lesson-03 network is laid out by degree: you in the centre, one ring per degree."""

    @staticmethod
    def _positions(fig):
        return {name: (x, y) for t in fig.data if t.mode == "markers+text" for name, x, y in zip(t.text, t.x, t.y)}

    def test_radius_is_the_degree(self):
        """Everyone sits on the ring of their degree (you at 0, beyond the 3rd on ring 4)."""
        from ssi_kit.network import degrees_from

        red = load_dataset("red_ejemplo")
        fig = plot_network(red, "Yo")
        positions = self._positions(fig)
        assert positions["Yo"] == (0.0, 0.0)
        for person, degree in degrees_from(red, "Yo").items():
            expected = 4 if pd.isna(degree) else int(degree)
            assert math.hypot(*positions[person]) == pytest.approx(expected)
        assert len([s for s in fig.layout.shapes if s.type == "circle"]) == 4

    def test_names_are_not_piled(self):
        """People on a ring are evenly spread: no two closer than the ring's even spacing allows."""
        fig = plot_network(load_dataset("red_ejemplo"), "Yo")
        for trace in fig.data[2:]:
            points = list(zip(trace.x, trace.y))
            radius = math.hypot(*points[0])
            spacing = 2 * radius * math.sin(math.pi / len(points)) if len(points) > 1 else 0
            closest = min((math.dist(a, b) for i, a in enumerate(points) for b in points[i + 1:]), default=spacing)
            assert closest == pytest.approx(spacing)

    def test_introduction_paths_are_thick_and_go_through_introducers(self):
        """The highlighted trace is thick and runs you → introducer → target for each introducer."""
        red = load_dataset("red_ejemplo")
        fig = plot_network(red, "Yo", target="Marta")
        positions = self._positions(fig)
        path = fig.data[1]
        assert path.line.width >= 4
        segments = [((path.x[i], path.y[i]), (path.x[i + 1], path.y[i + 1])) for i in range(0, len(path.x), 3)]
        for name in introducers(red, "Yo", "Marta")["introducer"]:
            assert (positions["Yo"], positions[name]) in segments
            assert (positions[name], positions["Marta"]) in segments

    def test_second_degree_sits_near_who_links_them(self):
        """A 2nd-degree person is drawn closer to a contact who links them to you than the ring's average."""
        red = load_dataset("red_ejemplo")
        positions = self._positions(plot_network(red, "Yo"))
        first = [p for p in red.neighbors("Yo")]
        marta = positions["Marta"]
        linking = min(math.dist(marta, positions[p]) for p in first if red.has_edge(p, "Marta"))
        average = sum(math.dist(marta, positions[p]) for p in first) / len(first)
        assert linking < average

    def test_seed_turns_the_picture_only(self):
        """Another seed rotates the picture: the radii stay the same."""
        red = load_dataset("red_ejemplo")
        a, b = self._positions(plot_network(red, "Yo", seed=0)), self._positions(plot_network(red, "Yo", seed=90))
        assert a != b
        assert all(math.hypot(*a[p]) == pytest.approx(math.hypot(*b[p])) for p in a)
