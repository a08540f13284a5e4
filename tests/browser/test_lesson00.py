"""Lesson 00 in a real JupyterLab: runs to the end past its deliberate mistake, draws its chart, the quiz checks."""

from __future__ import annotations

import json

import pytest

from ssi_kit import SSI, SSIInputError, get_language, set_language
from ssi_kit.exercises import lesson00 as ej

from ._lab import (
    LESSONS,
    answer_quiz,
    error_details,
    open_notebook,
    run_all,
    screenshot,
    strip_ansi,
    wait_for_plots,
    widget_errors,
)

LESSON = "00_bienvenida.ipynb"


def _mistake_message() -> str:
    """The Spanish message the library gives for the lesson's deliberate-mistake cell."""
    cells = json.loads((LESSONS / LESSON).read_text(encoding="utf-8"))["cells"]
    tagged = [c for c in cells if "raises-exception" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1
    source = "".join(tagged[0]["source"])
    text = source.split('"')[1]
    previous = get_language()
    set_language("es")
    try:
        with pytest.raises(SSIInputError) as caught:
            SSI.parse(text)
    finally:
        set_language(previous)
    return str(caught.value)


def test_lesson00_runs_past_its_mistake_and_the_quiz_checks(page, lab_url):
    """Lesson 00 runs to the end; its only error is the tagged mistake, short and in Spanish; chart and quiz work."""
    message = _mistake_message()
    open_notebook(page, lab_url, LESSON)
    run_all(page)

    errors = error_details(page)
    assert len(errors) == 1  # the deliberate mistake, and nothing else
    error = errors[0]
    assert "raises-exception" in error["tags"]
    assert error["ename"] == "SSIInputError"
    assert error["evalue"] == message
    shown = [strip_ansi(line) for line in error["traceback"]]
    assert 1 <= len(shown) <= 2  # the message (and a hint), no library internals
    assert shown[0] == f"SSIInputError: {message}"
    assert not any("Traceback" in line or "File " in line for line in shown)
    assert "recibido" in message  # Spanish, names what came in

    wait_for_plots(page, 1)  # plot_ssi's two panels
    assert widget_errors(page) == 0

    answer_quiz(page, ej.QUIZ)
    assert len(error_details(page)) == 1 and widget_errors(page) == 0
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
