"""Lesson 01 in a real JupyterLab: runs cleanly, and the SSI widget reacts to its slider."""

from __future__ import annotations

import json
import re

from ._lab import (
    drag_slider,
    error_outputs,
    open_notebook,
    pillar_text_box,
    run_all,
    screenshot,
    type_text,
    wait_for_plots,
    widget_errors,
)

LESSON = "01_que_es_el_ssi.ipynb"

_FIRST_CHART_BARS = """() => {
    const plot = document.querySelector('.js-plotly-plot');
    return plot && plot.data && plot.data[0] && plot.data[0].y ? Array.from(plot.data[0].y) : null;
}"""
_TOTAL_TEXT = """() => Array.from(document.querySelectorAll('.widget-html-content'))
    .map(e => e.textContent).find(t => t.startsWith('Total:'))"""


def test_lesson01_runs_and_slider_updates_total_and_chart(page, lab_url):
    """Lesson 01 runs cleanly; dragging a pillar slider and typing «9,75» in its box change the total and bars."""
    open_notebook(page, lab_url, LESSON)
    run_all(page)
    assert error_outputs(page) == []
    wait_for_plots(page, 2)  # the widget's FigureWidget and the comparison chart
    assert widget_errors(page) == 0

    total_before = page.evaluate(_TOTAL_TEXT)
    assert total_before and total_before.startswith("Total: 36")
    check_dragged_pillar(page, _FIRST_CHART_BARS)
    assert error_outputs(page) == []
    screenshot(page, "lesson01")

    check_typed_pillar(page, _FIRST_CHART_BARS)
    assert error_outputs(page) == []
    screenshot(page, "lesson01_typed")


def _total(page) -> float:
    """The exact total shown in brackets: "Total: 47 de 100 (47,25)" → 47.25 (the whole number when exact)."""
    found = re.match(r"Total: (\d+) de 100(?: \(([\d,]+)\))?", page.evaluate(_TOTAL_TEXT))
    assert found, page.evaluate(_TOTAL_TEXT)
    return float((found[2] or found[1]).replace(",", "."))


def check_dragged_pillar(page, bars_js: str) -> None:
    """Drag the brand slider to 90 % of its track: the brand bar and the total grow, the other bars stay."""
    bars_before = page.evaluate(bars_js)
    total_before = page.evaluate(_TOTAL_TEXT)
    exact_before = _total(page)
    drag_slider(page, page.locator(".widget-slider").first, 0.9,
                changed=f"() => ({_TOTAL_TEXT})() !== {total_before!r}")
    page.wait_for_function(
        f"(before) => JSON.stringify(({bars_js})()) !== before",
        arg=json.dumps(bars_before, separators=(",", ":")),
        timeout=20_000,
    )
    bars_after = page.evaluate(bars_js)
    assert bars_after[0] > bars_before[0]  # the brand bar grew
    assert bars_after[1:] == bars_before[1:]  # the other pillars did not move
    assert _total(page) > exact_before


def check_typed_pillar(page, bars_js: str) -> None:
    """Type a decimal comma into the brand pillar's box, then a word: the first moves the bar, the second is refused."""
    box = pillar_text_box(page)
    others = page.evaluate(bars_js)[1:]
    type_text(page, box, "9,75", changed=f"() => ({bars_js})()[0] === 9.75")
    assert page.evaluate(bars_js)[1:] == others
    assert box.input_value() == "9,75"
    shown = page.evaluate(_TOTAL_TEXT)
    assert shown.split()[1] == str(round(9.75 + sum(others)))  # "Total: 47 de 100 (47,25)"
    assert format(9.75 + sum(others), ".2f").replace(".", ",").rstrip("0").rstrip(",") in shown

    type_text(page, box, "treinta", changed="""() => Array.from(document.querySelectorAll('.widget-html-content'))
        .some(e => e.textContent.includes("recibido 'treinta'"))""")
    message = page.locator(".widget-html-content", has_text="recibido 'treinta'").first.inner_text()
    assert "entre 0 y 25" in message and "«marca»" in message  # Spanish, names the pillar and the range
    assert page.evaluate(bars_js)[0] == 9.75  # the last good value stays
