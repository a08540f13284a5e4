"""Lesson 04 figures: the user figures chart and the responsiveness ring, tested through their data."""

from __future__ import annotations

import pandas as pd
import pytest

import ssi_kit
from ssi_kit import SSIInputError, SSITypeError
from ssi_kit.datasets import load_dataset
from ssi_kit.messages import linkedin_users, responsiveness, responsiveness_from_counts
from ssi_kit.plots import plot_responsiveness, plot_users


class TestPlotUsers:
    def test_one_series_per_origin_named_with_date_and_source(self):
        """Course and current figures are separate series; each name says when and, for the current one, who."""
        fig = plot_users()
        users = linkedin_users()
        assert len(fig.data) == users["origin"].nunique()
        course, current = fig.data
        assert course.name.startswith("Curso") and "sin fecha" in course.name
        row = users[users["origin"] == "current"].iloc[0]
        assert row["as_of"] in current.name and row["source"].split(",")[0] in current.name

    def test_heights_are_the_figures_in_millions(self):
        """Bar heights are the table's users in millions, labelled in Spanish."""
        fig = plot_users()
        users = linkedin_users()
        course = users[users["origin"] == "course"]
        assert list(fig.data[0].y) == pytest.approx((course["users"] / 1e6).tolist())
        assert list(fig.data[0].x) == ["Mundo", "América Latina", "México"]
        assert fig.data[0].text[0].endswith("millones")

    def test_english(self):
        """In English the regions and the title follow the language."""
        ssi_kit.set_language("en")
        try:
            fig = plot_users()
            assert "Latin America" in fig.data[0].x and "LinkedIn users" in fig.layout.title.text
        finally:
            ssi_kit.set_language("es")

    def test_bad_input(self):
        """A table without the columns or a non-text title gets our errors."""
        with pytest.raises(SSIInputError):
            plot_users(pd.DataFrame({"x": [1]}))
        with pytest.raises(SSITypeError):
            plot_users(title=3)


class TestPlotResponsiveness:
    def test_ring_holds_answered_and_waiting(self):
        """The ring's two slices are the answered and unanswered conversations; the rate is written in the middle."""
        result = responsiveness(load_dataset("mensajes_ejemplo"))
        fig = plot_responsiveness(result)
        assert list(fig.data[0].values) == [result.answered, result.unanswered]
        assert "%" in fig.layout.annotations[0].text

    def test_no_conversations(self):
        """Nothing received: an empty ring with a dash, not an error."""
        fig = plot_responsiveness(responsiveness_from_counts(0, 0))
        assert list(fig.data[0].values) == [0, 0] and "—" in fig.layout.annotations[0].text

    def test_bad_input(self):
        """Something that is not a responsiveness result gets a type error with a hint."""
        with pytest.raises(SSITypeError, match="responsiveness"):
            plot_responsiveness(load_dataset("mensajes_ejemplo"))
