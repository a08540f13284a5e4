"""Tests of the responsiveness widget (lesson 04), driven headless: type counts, check the ring in place."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ssi_kit
from ssi_kit import SSIInputError, SSITypeError
from ssi_kit._i18n import format_percent, format_thousands
from ssi_kit.messages import responsiveness_from_counts
from ssi_kit.plots import plot_responsiveness, plot_users
from ssi_kit.plots._messages import update_responsiveness_figure
from ssi_kit.widgets import responsiveness_input


def _type(widget, field, text):
    widget.controls[field].text.value = text


def _counts(result):
    """What identifies a typed-in result (its ``waiting`` table is always empty)."""
    return result.received, result.answered, result.response_rate, result.unanswered


class TestResponsivenessInput:
    def test_builds_with_defaults(self):
        """Two boxes showing 20 and 15, a summary with the rate and a FigureWidget ring of those counts."""
        w = responsiveness_input()
        expected = responsiveness_from_counts(20, 15)
        assert isinstance(w.figure, go.FigureWidget)
        assert [c.text.value for c in w.controls.values()] == ["20", "15"]
        assert list(w.figure.data[0].values) == list(plot_responsiveness(expected).data[0].values)
        assert format_percent(expected.response_rate) in w.summary.value
        assert "no, gracias" in w.summary.value
        assert _counts(w.value) == _counts(expected)

    def test_typed_counts_update_figure_in_place(self):
        """Typing «1.500» and «900» changes the same figure and trace to those counts."""
        w = responsiveness_input(20, 15)
        figure, trace = w.figure, w.figure.data[0]
        _type(w, "received", "1.500")
        _type(w, "answered", "900")
        expected = responsiveness_from_counts(1500, 900)
        assert w.figure is figure and w.figure.data[0] is trace
        assert list(w.figure.data[0].values) == [expected.answered, expected.unanswered]
        assert _counts(w.value) == _counts(expected)
        assert w.controls["received"].text.value == format_thousands(1500)

    def test_centre_shows_rate_with_decimal_comma(self):
        """The ring's centre and the summary show the rate as a Spanish percentage (decimal comma)."""
        w = responsiveness_input()
        _type(w, "received", "1.500")
        _type(w, "answered", "1.234")
        rate = format_percent(responsiveness_from_counts(1500, 1234).response_rate)
        assert "," in rate
        assert w.figure.layout.annotations[0].text == f"<b>{rate}</b>"
        assert rate in w.summary.value

    def test_spaces_around_a_count_are_fine(self):
        """« 30 » is read as 30."""
        w = responsiveness_input()
        _type(w, "received", " 30 ")
        assert w.value.received == 30 and w.controls["received"].error.value == ""

    def test_large_count_widens_both_sliders(self):
        """A count beyond the sliders' end widens both, so the slider shows the typed value."""
        w = responsiveness_input()
        _type(w, "received", "5.000")
        assert all(c.slider.max >= 5000 for c in w.controls.values())
        assert w.controls["received"].slider.value == 5000

    @pytest.mark.parametrize(("field", "text", "match"), [
        ("received", "veinte", "«Conversaciones que empezó otra persona» debe ser un número entero"),
        ("answered", "-3", "«De ellas, respondiste» debe estar entre 0 y"),
        ("answered", "25", "«De ellas, respondiste» debe estar entre 0 y 20; recibido 25"),
        ("received", "12,5", "número entero"),
    ])
    def test_mistake_shows_message_and_keeps_chart(self, field, text, match):
        """A typo, a negative count, more answered than received: a Spanish message under that box, same chart."""
        w = responsiveness_input(20, 15)
        before, values = w.value, list(w.figure.data[0].values)
        centre = w.figure.layout.annotations[0].text
        _type(w, field, text)
        assert match in w.controls[field].error.value
        assert list(w.figure.data[0].values) == values and w.figure.layout.annotations[0].text == centre
        assert _counts(w.value) == _counts(before)

    def test_fixing_the_other_box_clears_the_pair_message(self):
        """After «answered > received», raising the received count draws the chart and removes the message."""
        w = responsiveness_input(20, 15)
        _type(w, "answered", "25")
        assert w.controls["answered"].error.value
        _type(w, "received", "40")
        assert w.controls["answered"].error.value == ""
        assert _counts(w.value) == _counts(responsiveness_from_counts(40, 25))

    def test_typo_message_stays_while_the_other_box_changes(self):
        """A box still holding a typo keeps its message when the other count changes."""
        w = responsiveness_input(20, 15)
        _type(w, "answered", "veinte")
        _type(w, "received", "30")
        assert w.controls["answered"].error.value
        assert _counts(w.value) == _counts(responsiveness_from_counts(30, 15))

    def test_slider_drag_updates_chart(self):
        """Moving a slider updates the text box and the chart."""
        w = responsiveness_input(20, 15)
        w.controls["answered"].slider.value = 10
        assert w.controls["answered"].text.value == "10"
        assert list(w.figure.data[0].values) == [10, 10]

    def test_zero_received(self):
        """No conversations: the ring is empty, the centre shows a dash and the summary says so."""
        w = responsiveness_input()
        _type(w, "answered", "0")
        _type(w, "received", "0")
        assert list(w.figure.data[0].values) == [0, 0]
        assert w.figure.layout.annotations[0].text == "<b>—</b>"
        assert w.value.response_rate is None

    @pytest.mark.parametrize(("kwargs", "match"), [
        ({"received": -1}, "«received»"),
        ({"received": 10, "answered": 11}, "«answered» debe estar entre 0 y 10"),
        ({"received": "veinte"}, "«received»"),
        ({"received": 2_000_000}, "1.000.000"),
    ])
    def test_bad_start_values(self, kwargs, match):
        """Bad starting counts raise SSIInputError before any widget is built."""
        with pytest.raises(SSIInputError, match=match):
            responsiveness_input(**kwargs)

    def test_english_labels(self):
        """Labels follow set_language."""
        ssi_kit.set_language("en")
        w = responsiveness_input()
        assert w.controls["received"].slider.description == "Conversations someone else started"

    @given(texts=st.lists(st.text(max_size=10), min_size=1, max_size=20))
    @settings(max_examples=20)
    def test_any_text_never_raises(self, texts):
        """Whatever is typed, one text after another as in a real box, the box shows a message or the chart
        shows the count: nothing escapes. (One widget per sequence: building one per text cost 15 s.)"""
        w = responsiveness_input(1000, 0)
        for text in texts:
            _type(w, "answered", text)
            control = w.controls["answered"]
            assert control.error.value or w.value.answered == control.slider.value


class TestUpdateResponsivenessFigure:
    def test_updates_in_place(self):
        """The ring's values, slice texts and centre become those of the new result."""
        fig = plot_responsiveness(responsiveness_from_counts(20, 15))
        new = responsiveness_from_counts(40, 15)
        update_responsiveness_figure(fig, new)
        fresh = plot_responsiveness(new)
        assert list(fig.data[0].values) == list(fresh.data[0].values)
        assert list(fig.data[0].text) == list(fresh.data[0].text)
        assert fig.layout.annotations[0].text == fresh.layout.annotations[0].text

    @pytest.mark.parametrize("fig", [None, "fig", go.Figure(), go.Figure(go.Bar(y=[1]))])
    def test_refuses_other_figures(self, fig):
        """Anything but a plot_responsiveness figure gets our message."""
        with pytest.raises((SSIInputError, SSITypeError), match="plot_responsiveness"):
            update_responsiveness_figure(fig, responsiveness_from_counts(20, 15))

    def test_refuses_users_figure(self):
        """The lesson's other chart is refused too."""
        with pytest.raises(SSIInputError, match="plot_responsiveness"):
            update_responsiveness_figure(plot_users(), responsiveness_from_counts(20, 15))

    def test_refuses_other_result(self):
        """The result must be a Responsiveness."""
        fig = plot_responsiveness(responsiveness_from_counts(20, 15))
        with pytest.raises(SSITypeError, match="result"):
            update_responsiveness_figure(fig, (20, 15))
