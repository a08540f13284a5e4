"""Lesson 04 in a real JupyterLab: runs cleanly, its charts draw, and the closing quiz checks answers."""

from __future__ import annotations

from ssi_kit.datasets import load_dataset
from ssi_kit.exercises import lesson04 as ej
from ssi_kit.messages import responsiveness

from ._lab import error_outputs, open_notebook, run_all, screenshot, wait_for_plots, widget_errors

LESSON = "04_hacer_negocios.ipynb"

_RING = """() => {
    const plots = Array.from(document.querySelectorAll('.js-plotly-plot'));
    const ring = plots.find(p => p.data && p.data[0] && p.data[0].type === 'pie');
    return ring ? Array.from(ring.data[0].values) : null;
}"""
_USER_BARS = """() => {
    const plots = Array.from(document.querySelectorAll('.js-plotly-plot'));
    const bars = plots.find(p => p.data && p.data[0] && p.data[0].type === 'bar');
    return bars ? bars.data.map(t => t.name) : null;
}"""
_SCORE = "() => { const s = document.querySelector('.ssi-quiz'); return s ? s.textContent : ''; }"


def test_lesson04_runs_charts_draw_and_quiz_checks(page, lab_url):
    """Running all of lesson 04 gives no errors; the user and responsiveness charts draw; the quiz scores answers."""
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

    quiz = page.locator(".ssi-quiz").first
    quiz.scroll_into_view_if_needed(timeout=30_000)
    assert widget_errors(page) == 0
    groups = quiz.locator(".widget-radio-box")
    assert groups.count() == len(ej.QUIZ)
    for number, question in enumerate(ej.QUIZ):
        groups.nth(number).locator("input[type=radio]").nth(question.answer).check()
    quiz.get_by_role("button", name="Comprobar").click()
    page.wait_for_function(f"() => ({_SCORE})().includes('{len(ej.QUIZ)} de {len(ej.QUIZ)}')", timeout=20_000)
    assert error_outputs(page) == []
    screenshot(page, "lesson04_quiz")
