"""plot_ssi and update_ssi_figure: what the figure holds, not how it looks."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

import ssi_kit
from ssi_kit import SSI, GroupScore, SSIInputError, SSITypeError, plot_ssi
from ssi_kit.plots._score import update_ssi_figure


def test_four_bars_on_a_25_axis_with_total_in_title():
    """Your four pillars are the first trace, on a 0–25 axis, and the title gives the total."""
    fig = ssi_kit.plot_ssi(SSI(12.5, 8, 5.25, 10))
    assert isinstance(fig, go.Figure)
    assert fig.data[0].y == (12.5, 8.0, 5.25, 10.0)
    assert list(fig.data[0].x) == ["Marca", "Personas", "Información", "Relaciones"]
    assert fig.layout.yaxis.range[0] == 0 and fig.layout.yaxis.range[1] >= 25
    assert "36" in fig.layout.title.text and "de 100" in fig.layout.title.text


def test_decimal_comma_labels_in_spanish():
    """Bar labels use a decimal comma in Spanish and a point in English."""
    assert ssi_kit.plot_ssi(SSI(12.5, 8, 5.25, 10)).data[0].text[2] == "5,25"
    ssi_kit.set_language("en")
    fig = ssi_kit.plot_ssi(SSI(12.5, 8, 5.25, 10))
    assert fig.data[0].text[2] == "5.25"
    assert fig.data[0].x[0] == "Brand"


def test_industry_and_network_numbers_join_the_totals():
    """Numbers for industry/network appear as totals beside yours."""
    fig = ssi_kit.plot_ssi(SSI(10, 10, 10, 10), industry=31, network=27.4)
    totals = fig.data[1]
    assert list(totals.x) == ["Tú", "Sector", "Tu red"]
    assert list(totals.y) == [40, 31, 27.4]


def test_group_pillars_add_bars_per_pillar():
    """A group with pillars adds its own bars per pillar, named after the group."""
    network = GroupScore(overall=24, pillars=SSI(6, 6, 6, 6))
    fig = ssi_kit.plot_ssi(SSI(10, 10, 10, 10), industry=GroupScore(overall=30.99, top_percent=28), network=network)
    names = [t.name for t in fig.data]
    assert names == ["Tú", "Total", "Tu red"]
    assert fig.data[2].y == (6.0, 6.0, 6.0, 6.0)


def test_profile_brings_its_groups():
    """Passing an SSIProfile draws its industry and network too."""
    fig = ssi_kit.plot_ssi(ssi_kit.load_dataset("ssi_ejemplo"))
    assert list(fig.data[1].x) == ["Tú", "Sector", "Tu red"]


def test_compare_adds_named_ssis():
    """compare={'Ejemplo': ssi} adds a named set of bars and its total."""
    fig = ssi_kit.plot_ssi(SSI(10, 10, 10, 10), compare={"Ejemplo": SSI(20, 15, 12, 18)})
    assert fig.data[-1].name == "Ejemplo"
    assert list(fig.data[1].y) == [40, 65]


def test_colour_blind_safe_palette():
    """Every bar colour comes from the Okabe–Ito palette."""
    from ssi_kit._palette import GREY, PALETTE

    fig = ssi_kit.plot_ssi(ssi_kit.load_dataset("ssi_ejemplo"), compare={"A": SSI(1, 1, 1, 1)})
    colours = set()
    for trace in fig.data:
        c = trace.marker.color
        colours.update(c if isinstance(c, (list, tuple)) else [c])
    assert colours <= set(PALETTE) | {GREY}


def test_linkedin_thresholds_drawn():
    """Dotted lines mark the leaders (70) and laggards (30) thresholds."""
    fig = ssi_kit.plot_ssi(SSI(1, 1, 1, 1))
    assert sorted(shape.y0 for shape in fig.layout.shapes) == [30, 70]


@pytest.mark.parametrize("bad", [[1, 2, 3, 4], None, 36])
def test_rejects_non_ssi(bad):
    """Anything but an SSI, a profile or its text is a clear type error."""
    with pytest.raises(SSITypeError, match="plot_ssi espera un SSI"):
        ssi_kit.plot_ssi(bad)


def test_takes_the_text_simulate_takes():
    """plot_ssi reads «12,5; 8; 5,25; 10» (and a dict of pillars) as simulate does; bad text says why."""
    typed = ssi_kit.plot_ssi("12,5; 8; 5,25; 10")
    given = ssi_kit.plot_ssi(SSI(12.5, 8, 5.25, 10))
    assert typed.data[0].y == given.data[0].y
    assert ssi_kit.plot_ssi(SSI(12.5, 8, 5.25, 10).as_dict()).data[0].y == given.data[0].y
    with pytest.raises(SSIInputError):
        ssi_kit.plot_ssi("36")


def test_rejects_bad_industry():
    """industry must be a number, an SSI or a GroupScore."""
    with pytest.raises(SSITypeError, match="«industry» debe ser un número"):
        ssi_kit.plot_ssi(SSI(1, 1, 1, 1), industry="alto")


def test_update_changes_only_your_values():
    """update_ssi_figure moves your bars and total and leaves the comparisons alone."""
    fig = ssi_kit.plot_ssi(SSI(10, 10, 10, 10), industry=31)
    update_ssi_figure(fig, SSI(20, 10, 10, 10))
    assert fig.data[0].y == (20.0, 10.0, 10.0, 10.0)
    assert list(fig.data[1].y) == [50, 31]
    assert "50" in fig.layout.title.text


class TestLearnerMistakes:
    def test_compare_as_list(self):
        """compare=[s2] (a list, not a dict) says what compare needs."""
        with pytest.raises(SSITypeError, match="«compare» debe ser un diccionario nombre → SSI; recibido list"):
            plot_ssi(SSI(1, 2, 3, 4), compare=[SSI(2, 3, 4, 5)])

    def test_compare_as_dataframe(self):
        """A DataFrame is refused without pandas' "truth value is ambiguous"."""
        with pytest.raises(SSITypeError, match="«compare»"):
            plot_ssi(SSI(1, 2, 3, 4), compare=pd.DataFrame({"a": [1]}))

    def test_compare_value_not_an_ssi(self):
        """Each compared value must be an SSI, named by its key."""
        with pytest.raises(SSITypeError, match="«compare\\['Ana'\\]» debe ser un SSI; recibido float"):
            plot_ssi(SSI(1, 2, 3, 4), compare={"Ana": 30.0})

    @pytest.mark.parametrize("value", [10**400, 1e400, -1, 101], ids=["10**400", "1e400", "-1", "101"])
    def test_industry_out_of_range(self, value):
        """plot_ssi(industry=10**400) is out of range, not an OverflowError."""
        with pytest.raises(SSIInputError, match="El total debe"):
            plot_ssi(SSI(1, 2, 3, 4), industry=value)

    def test_names_are_escaped(self):
        """A name with HTML tags reaches plotly as text, not markup."""
        fig = plot_ssi(SSI(1, 2, 3, 4), compare={"<b>Ana</b>": SSI(2, 3, 4, 5)})
        assert "&lt;b&gt;Ana&lt;/b&gt;" in fig.data[1].x
        assert all("<b>Ana" not in str(trace.name) for trace in fig.data)
