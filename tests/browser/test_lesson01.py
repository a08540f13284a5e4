"""Lesson 01 in a real JupyterLab: runs cleanly, and the SSI widget reacts to its slider."""

from __future__ import annotations

import json

from ._lab import drag_slider, error_outputs, open_notebook, run_all, screenshot, wait_for_plots, widget_errors

LESSON = "01_que_es_el_ssi.ipynb"

_FIRST_CHART_BARS = "() => Array.from(document.querySelector('.js-plotly-plot').data[0].y)"
_TOTAL_TEXT = """() => Array.from(document.querySelectorAll('.widget-html-content'))
    .map(e => e.textContent).find(t => t.startsWith('Total:'))"""


def test_lesson01_runs_and_slider_updates_total_and_chart(page, lab_url):
    """Running all of lesson 01 gives no errors, and dragging a pillar slider changes the total and the bars."""
    open_notebook(page, lab_url, LESSON)
    run_all(page)
    assert error_outputs(page) == []
    wait_for_plots(page, 2)  # the widget's FigureWidget and the comparison chart
    assert widget_errors(page) == 0

    bars_before = page.evaluate(_FIRST_CHART_BARS)
    total_before = page.evaluate(_TOTAL_TEXT)
    assert total_before and total_before.startswith("Total: 36")

    drag_slider(page, page.locator(".widget-slider").first, 0.9,
                changed=f"() => ({_TOTAL_TEXT})() !== {total_before!r}")
    page.wait_for_function(
        f"() => JSON.stringify(({_FIRST_CHART_BARS})()) !== {json.dumps(json.dumps(bars_before, separators=(',', ':')))}",
        timeout=20_000,
    )
    bars_after = page.evaluate(_FIRST_CHART_BARS)
    total_after = page.evaluate(_TOTAL_TEXT)
    assert bars_after[0] > bars_before[0]  # the brand bar grew
    assert bars_after[1:] == bars_before[1:]  # the other pillars did not move
    assert int(total_after.split()[1]) > 36
    assert error_outputs(page) == []
    screenshot(page, "lesson01")
