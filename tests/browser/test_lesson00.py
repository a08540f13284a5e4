"""Lesson 00 in a real JupyterLab: runs without an error, draws its chart, its exercise answers through its box
and its quiz checks."""

from __future__ import annotations

import json

from ssi_kit.exercises import lesson00 as ej

from ._lab import answer_quiz, error_outputs, open_notebook, run_all, screenshot, wait_for_plots, widget_errors

LESSON = "00_bienvenida.ipynb"


def test_lesson00_runs_and_its_exercise_and_quiz_check(page, lab_url):
    """Lesson 00 runs to the end with no error; its chart draws; a wrong answer typed in the exercise's box gets
    «Todavía no» and the right one «¡Correcto!»; the quiz checks, all without typing code."""
    open_notebook(page, lab_url, LESSON)
    run_all(page)
    assert error_outputs(page) == []
    wait_for_plots(page, 1)  # plot_ssi's two panels
    assert widget_errors(page) == 0

    exercise = page.locator(".ssi-exercise").first
    exercise.scroll_into_view_if_needed(timeout=30_000)
    for text, verdict in (("marca", "Todavía no"), (str(ej.q1.expected), "¡Correcto!")):
        exercise.locator(".widget-text input").fill(text)
        exercise.locator("button", has_text="Comprobar").click()
        exercise.locator(".widget-html-content", has_text=verdict).first.wait_for(timeout=30_000)

    answer_quiz(page, ej.QUIZ)
    assert error_outputs(page) == [] and widget_errors(page) == 0
    screenshot(page, "lesson00")


def test_jupyterlab_takes_ssi_kit_settings_and_asks_nothing_about_news(page, lab_url):
    """The installed package's overrides reach JupyterLab: news off by default, and no news question pops up."""
    import urllib.request

    plugin = "@jupyterlab/apputils-extension:notification"
    with urllib.request.urlopen(f"{lab_url}/lab/api/settings/{plugin}", timeout=10) as response:
        schema = json.load(response)["schema"]["properties"]
    assert schema["fetchNews"]["default"] == "false"
    assert schema["checkForUpdates"]["default"] is False

    open_notebook(page, lab_url, LESSON)
    page.wait_for_timeout(3_000)  # JupyterLab asks about news shortly after start-up, if it asks
    text = page.evaluate("() => document.body.innerText")
    assert "news" not in text.lower()
