"""Lesson 06 in a real JupyterLab: runs cleanly and every chart of the class dashboard draws."""

from __future__ import annotations

from ._lab import error_outputs, open_notebook, run_all, screenshot, wait_for_plots, widget_errors

LESSON = "06_para_docentes.ipynb"

# Plotly outputs in the notebook's model (independent of which cells the page has rendered).
_PLOTLY_OUTPUTS = """() => {
    const w = window.jupyterapp.shell.currentWidget;
    let n = 0;
    for (const cell of Array.from(w.content.model.cells)) {
        if (cell.type !== 'code') continue;
        for (let i = 0; i < cell.outputs.length; i++) {
            if ('application/vnd.plotly.v1+json' in (cell.outputs.get(i).toJSON().data || {})) n++;
        }
    }
    return n;
}"""
_DRAWN_IDS = """() => Array.from(document.querySelectorAll('.js-plotly-plot'))
    .filter(p => p.querySelector('.main-svg') && p.data && p.data.length)
    .map(p => p.layout.title && p.layout.title.text)"""


def test_lesson06_runs_and_dashboard_draws(page, lab_url):
    """Running all of lesson 06 gives no errors; its five charts are output and each draws when scrolled to."""
    open_notebook(page, lab_url, LESSON)
    run_all(page)
    assert error_outputs(page) == []
    assert page.evaluate(_PLOTLY_OUTPUTS) == 5
    wait_for_plots(page, 1)
    # JupyterLab renders only the cells near the view: scroll down the notebook, collecting the charts drawn.
    page.locator(".jp-Notebook").first.hover()
    drawn: set[str] = set()
    for _ in range(80):
        drawn |= set(page.evaluate(_DRAWN_IDS))
        if len(drawn) >= 5:
            break
        page.mouse.wheel(0, 600)
        page.wait_for_timeout(300)
    assert len(drawn) == 5
    assert widget_errors(page) == 0
    screenshot(page, "lesson06_dashboard")
