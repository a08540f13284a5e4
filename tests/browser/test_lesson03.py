"""Lesson 03 in a real JupyterLab: runs cleanly, and the pyramid explorer reacts to its controls."""

from __future__ import annotations

import json

from ._lab import drag_slider, error_outputs, open_notebook, run_all, screenshot, widget_errors

LESSON = "03_piramide_de_relacion.ipynb"

# The explorer's chart: trace 0 holds the three centred bars (widths) of the pyramid.
_WIDTHS = """() => {
    const plot = document.querySelector('.ssi-pyramid-explorer .js-plotly-plot');
    return plot && plot.data && plot.data[0] && plot.data[0].x ? Array.from(plot.data[0].x) : null;
}"""
_TICKS = """() => {
    const plot = document.querySelector('.ssi-pyramid-explorer .js-plotly-plot');
    return plot && plot.layout && plot.layout.yaxis && plot.layout.yaxis.ticktext
        ? Array.from(plot.layout.yaxis.ticktext) : null;
}"""
_MESSAGE = """() => Array.from(document.querySelectorAll('.ssi-pyramid-explorer .widget-html-content'))
    .map(e => e.textContent).find(t => t.includes('1.er grado'))"""


def test_lesson03_runs_and_explorer_updates_pyramid(page, lab_url):
    """Running all of lesson 03 gives no errors; the log toggle and the connections slider redraw the pyramid."""
    open_notebook(page, lab_url, LESSON)
    run_all(page)
    assert error_outputs(page) == []

    explorer = page.locator(".ssi-pyramid-explorer").first
    explorer.scroll_into_view_if_needed(timeout=30_000)
    page.wait_for_function(f"() => ({_WIDTHS})() !== null", timeout=60_000)
    assert widget_errors(page) == 0

    log_widths = page.evaluate(_WIDTHS)
    assert len(log_widths) == 3 and log_widths[0] < log_widths[1] < log_widths[2] < 10  # log scale
    assert page.evaluate(_MESSAGE).startswith("500 personas de 1.er grado son el 0,019 %")
    screenshot(page, "lesson03_explorer_log")

    # Untick the log scale: widths become the counts themselves.
    explorer.locator(".widget-checkbox input[type=checkbox]").click()
    page.wait_for_function(f"() => ({_WIDTHS})()[2] > 1000", timeout=20_000)
    assert page.evaluate(_WIDTHS) == [500, 36_000, 2_592_000]

    # Drag the connections slider to the right: more people at every degree, same shares.
    ticks_before = page.evaluate(_TICKS)
    before = json.dumps(json.dumps(ticks_before, separators=(",", ":"), ensure_ascii=False))
    drag_slider(page, explorer.locator(".widget-slider").first, 0.5,
                changed=f"() => JSON.stringify(({_TICKS})()) !== {before}")
    widths = page.evaluate(_WIDTHS)
    assert widths[0] > 500 and widths[2] > 2_592_000
    assert "0,019 %" in page.evaluate(_MESSAGE)  # the model's shares do not depend on your count
    assert error_outputs(page) == []
    screenshot(page, "lesson03_explorer_linear")
