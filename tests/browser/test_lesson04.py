"""Lesson 04 in a real JupyterLab: runs cleanly, its charts draw, the counts widget reacts, the quiz checks answers."""

from __future__ import annotations

import json

from ssi_kit._i18n import format_percent
from ssi_kit.datasets import load_dataset
from ssi_kit.exercises import lesson04 as ej
from ssi_kit.messages import responsiveness, responsiveness_from_counts

from ._lab import (
    answer_quiz,
    error_outputs,
    open_notebook,
    run_all,
    screenshot,
    type_text,
    wait_for_plots,
    widget_errors,
)

LESSON = "04_hacer_negocios.ipynb"

_RING = """() => {
    const plots = Array.from(document.querySelectorAll('.js-plotly-plot'));
    const ring = plots.find(p => p.data && p.data[0] && p.data[0].type === 'pie'
                                 && !p.closest('.ssi-responsiveness-input'));
    return ring ? Array.from(ring.data[0].values) : null;
}"""
# The counts widget's own ring (a FigureWidget): its slice sizes and the rate written in its centre.
_WIDGET_RING = """() => {
    const plot = document.querySelector('.ssi-responsiveness-input .js-plotly-plot');
    if (!plot || !plot.data || !plot.data[0]) return null;
    const centre = plot.querySelector('.annotation-text');
    return {values: Array.from(plot.data[0].values), centre: centre ? centre.textContent : ''};
}"""
_USER_BARS = """() => {
    const plots = Array.from(document.querySelectorAll('.js-plotly-plot'));
    const bars = plots.find(p => p.data && p.data[0] && p.data[0].type === 'bar');
    return bars ? bars.data.map(t => t.name) : null;
}"""


def _ring_shows(result) -> str:
    """JavaScript: true once the widget's ring shows ``result``'s answered and unanswered counts."""
    want = json.dumps([result.answered, result.unanswered], separators=(",", ":"))
    return f"() => JSON.stringify((({_WIDGET_RING})() || {{}}).values) === '{want}'"


def test_lesson04_runs_charts_draw_and_quiz_checks(page, lab_url):
    """Lesson 04 runs cleanly; its charts draw; typed counts change the widget's ring; the quiz scores answers."""
    open_notebook(page, lab_url, LESSON)
    run_all(page)
    assert error_outputs(page) == []

    page.locator(".js-plotly-plot").first.scroll_into_view_if_needed(timeout=30_000)
    wait_for_plots(page, 1)
    page.wait_for_function(f"() => ({_USER_BARS})() !== null", timeout=60_000)
    names = page.evaluate(_USER_BARS)
    assert names[0].startswith("Curso") and names[1].startswith("Cifra actual")
    screenshot(page, "lesson04_users")

    page.locator(".js-plotly-plot").nth(1).scroll_into_view_if_needed(timeout=30_000)
    page.wait_for_function(f"() => ({_RING})() !== null", timeout=60_000)
    result = responsiveness(load_dataset("mensajes_ejemplo"))
    assert page.evaluate(_RING) == [result.answered, result.unanswered]
    screenshot(page, "lesson04_responsiveness")

    # Without an export: type the counts in the widget's boxes like a learner (Spanish thousands dot).
    counts = page.locator(".ssi-responsiveness-input").first
    counts.scroll_into_view_if_needed(timeout=30_000)
    page.wait_for_function(f"() => ({_WIDGET_RING})() !== null", timeout=60_000)
    start = responsiveness_from_counts(20, 15)
    assert page.evaluate(_WIDGET_RING)["values"] == [start.answered, start.unanswered]
    boxes = counts.locator(".widget-text input")
    assert boxes.count() == 2
    first, typed = responsiveness_from_counts(1500, 15), responsiveness_from_counts(1500, 1234)
    type_text(page, boxes.nth(0), "1.500", changed=_ring_shows(first))
    type_text(page, boxes.nth(1), "1.234", changed=_ring_shows(typed))
    rate = format_percent(typed.response_rate)
    assert "," in rate
    page.wait_for_function(f"(r) => ({_WIDGET_RING})().centre === r", arg=rate, timeout=20_000)
    summary = counts.locator(".ssi-responsiveness-summary").inner_text()
    assert rate in summary
    # A mistake: the message shows under the box and the chart keeps the last good counts.
    type_text(page, boxes.nth(1), "veinte",
              changed="() => document.querySelector('.ssi-responsiveness-input').textContent.includes('veinte')")
    assert page.evaluate(_WIDGET_RING)["values"] == [typed.answered, typed.unanswered]
    assert error_outputs(page) == [] and widget_errors(page) == 0
    screenshot(page, "lesson04_counts")

    answer_quiz(page, ej.QUIZ)
    assert widget_errors(page) == 0
    assert error_outputs(page) == []
    screenshot(page, "lesson04_quiz")
