"""Lesson 02 in a real JupyterLab: runs cleanly, ticking an action moves the projection, the quiz checks answers."""

from __future__ import annotations

from ssi_kit.exercises import lesson02 as ej

from ._lab import answer_quiz, error_outputs, open_notebook, run_all, screenshot, widget_errors

LESSON = "02_mejora_tu_ssi.ipynb"

# The simulator's chart: trace 2 is the projected total, week by week.
_SIM_TOTAL = """() => {
    const plot = document.querySelector('.ssi-simulator .js-plotly-plot');
    return plot && plot.data && plot.data[2] && plot.data[2].y ? Array.from(plot.data[2].y) : null;
}"""
_SUMMARY = """() => Array.from(document.querySelectorAll('.ssi-simulator .widget-html-content'))
    .map(e => e.textContent).find(t => t.startsWith('Plan:'))"""
_ACTION = ".ssi-simulator .ssi-action"


def test_lesson02_runs_and_ticking_an_action_changes_the_projection(page, lab_url):
    """Lesson 02 runs cleanly; ticking an action raises the projection, unticking restores it; the quiz checks."""
    open_notebook(page, lab_url, LESSON)
    run_all(page)
    assert error_outputs(page) == []

    simulator = page.locator(".ssi-simulator").first
    simulator.scroll_into_view_if_needed(timeout=30_000)
    page.wait_for_function(f"() => ({_SIM_TOTAL})() !== null", timeout=60_000)
    assert widget_errors(page) == 0

    before = page.evaluate(_SIM_TOTAL)
    summary_before = page.evaluate(_SUMMARY)
    assert len(before) == 27  # weeks 0..26
    assert summary_before.startswith("Plan: 0 acciones")  # the learner's plan starts empty

    # Tick "Usar LinkedIn a diario".
    action = page.locator(_ACTION, has_text="Usar LinkedIn a diario").first
    checkbox = action.locator("input[type=checkbox]")
    assert not checkbox.is_checked()
    action.scroll_into_view_if_needed()
    checkbox.click()

    page.wait_for_function(f"(b) => JSON.stringify(({_SIM_TOTAL})()) !== JSON.stringify(b)", arg=before, timeout=20_000)
    after = page.evaluate(_SIM_TOTAL)
    assert after[0] == before[0]  # week 0 is still your SSI
    assert after[-1] > before[-1]  # more effort, higher projection
    page.wait_for_function(f"(s) => ({_SUMMARY})() !== s", arg=summary_before, timeout=20_000)
    assert page.evaluate(_SUMMARY).startswith("Plan: 1 acción")
    screenshot(page, "lesson02_simulator")

    checkbox.click()  # untick: back to the empty plan
    page.wait_for_function(f"(b) => JSON.stringify(({_SIM_TOTAL})()) === JSON.stringify(b)", arg=before, timeout=20_000)
    assert error_outputs(page) == []

    answer_quiz(page, ej.QUIZ)
    assert error_outputs(page) == [] and widget_errors(page) == 0
    screenshot(page, "lesson02_quiz")
