"""Lessons 01–05 in app mode as `ssi-kit app` serves them: code hidden, no errors, every chart drawn, widgets talk
to the kernel."""

from __future__ import annotations

import pytest

from ._lab import ALL_PLOTS_DRAWN, ENGLISH_CHROME, code_lines, open_voila, screenshot, voila_problems
from .test_lesson01 import check_dragged_pillar, check_typed_pillar

APP_LESSONS = [
    "01_que_es_el_ssi.ipynb",
    "02_mejora_tu_ssi.ipynb",
    "03_piramide_de_relacion.ipynb",
    "04_hacer_negocios.ipynb",
    "05_poder_de_las_relaciones.ipynb",
]

# The chart of the widget that holds the first slider (Voilà may draw other charts before it).
_WIDGET_CHART_BARS = """() => {
    let box = document.querySelector('.widget-slider');
    while (box && !box.querySelector('.js-plotly-plot')) box = box.parentElement;
    return box ? Array.from(box.querySelector('.js-plotly-plot').data[0].y) : null;
}"""
_TOTAL_TEXT = """() => Array.from(document.querySelectorAll('.widget-html-content'))
    .map(e => e.textContent).find(t => t.startsWith('Total:'))"""


def _assert_clean_app_page(page, name: str) -> None:
    problems = voila_problems(page)
    assert problems == {"editors": 0, "errors": [], "texts": []}
    text = page.evaluate("() => document.title + '\\n' + document.body.innerText")
    shown = [line for line in code_lines(name) if line in text]
    assert shown == []  # no line of the lesson's code reaches the page
    assert [words for words in ENGLISH_CHROME if words in text] == []  # nor Voilà's English, nor a check marker
    assert page.evaluate("() => document.documentElement.lang") == "es"


@pytest.mark.parametrize("name", APP_LESSONS)
def test_voila_lesson_shows_no_code_no_errors_and_draws_its_charts(voila_page, voila_url, name):
    """In Voilà each lesson 01–05 loads with its code hidden, no error output, and every chart drawn."""
    open_voila(voila_page, voila_url, name)
    _assert_clean_app_page(voila_page, name)
    assert voila_page.evaluate("() => document.querySelectorAll('.js-plotly-plot').length") >= 1
    assert voila_page.evaluate(ALL_PLOTS_DRAWN)
    screenshot(voila_page, f"voila_{name.split('_')[0]}")


def test_voila_lesson01_slider_round_trips_to_the_kernel(voila_page, voila_url):
    """In Voilà, dragging a pillar slider and typing «9,75» in lesson 01 reach the kernel: total and bars change."""
    open_voila(voila_page, voila_url, APP_LESSONS[0])
    page = voila_page
    page.wait_for_function(f"() => Boolean(({_TOTAL_TEXT})()) && ({_WIDGET_CHART_BARS})() !== null", timeout=30_000)
    check_dragged_pillar(page, _WIDGET_CHART_BARS)
    _assert_clean_app_page(page, APP_LESSONS[0])
    screenshot(page, "voila_01_slider")

    check_typed_pillar(page, _WIDGET_CHART_BARS)  # a decimal comma typed in app mode reaches the kernel too
    _assert_clean_app_page(page, APP_LESSONS[0])
    screenshot(page, "voila_01_typed")
