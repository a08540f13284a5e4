"""Lesson 06 in a real JupyterLab: runs cleanly, every chart of the class dashboard draws, the class planner reacts."""

from __future__ import annotations

from ssi_kit.actions import load_actions

from ._lab import error_outputs, open_notebook, run_all, screenshot, wait_for_plots, widget_errors

LESSON = "06_para_docentes.ipynb"

# The dashboard's four charts follow the class in use (FigureWidgets), and so does the class planner's.
_DRAWN_IDS = """() => Array.from(document.querySelectorAll('.js-plotly-plot'))
    .filter(p => p.querySelector('.main-svg') && p.data && p.data.length)
    .map(p => p.layout.title && p.layout.title.text)"""
# The planner's chart: trace 2 is the class mean, week by week.
_PLAN_MEAN = """() => {
    const plot = document.querySelector('.ssi-class-planner .js-plotly-plot');
    return plot && plot.data && plot.data.length > 2 ? Array.from(plot.data[2].y) : null;
}"""
_SUMMARY = """() => { const s = document.querySelector('.ssi-class-planner .ssi-class-summary');
    return s ? s.textContent : ''; }"""
# An action of the class's weakest pillar (insights) that the lesson's plan does not include.
_ACTION_ID = "compartir_contenido"


def test_lesson06_runs_and_dashboard_draws(page, lab_url):
    """Running all of lesson 06 gives no errors; its charts draw; ticking a planner action raises the class mean."""
    open_notebook(page, lab_url, LESSON)
    run_all(page)
    assert error_outputs(page) == []
    wait_for_plots(page, 1)
    # JupyterLab renders only the cells near the view: scroll down the notebook, collecting the charts drawn.
    page.locator(".jp-Notebook").first.hover()
    drawn: set[str] = set()
    for _ in range(80):
        drawn |= set(page.evaluate(_DRAWN_IDS))
        if len(drawn) >= 5:  # the dashboard's four charts and the planner's
            break
        page.mouse.wheel(0, 600)
        page.wait_for_timeout(300)
    assert len(drawn) == 5
    assert widget_errors(page) == 0

    planner = page.locator(".ssi-class-planner").first
    planner.scroll_into_view_if_needed(timeout=30_000)
    page.wait_for_function(f"() => ({_PLAN_MEAN})() !== null", timeout=60_000)
    before = page.evaluate(_PLAN_MEAN)
    summary_before = page.evaluate(_SUMMARY)
    assert len(before) == 7  # weeks 0..6
    assert summary_before.startswith("Plan: 3 acciones")

    label = str(load_actions().set_index("id").loc[_ACTION_ID, "label"])
    action = planner.locator(".ssi-action", has_text=label).first
    checkbox = action.locator("input[type=checkbox]")
    assert not checkbox.is_checked()
    action.scroll_into_view_if_needed()
    checkbox.click()

    page.wait_for_function(f"(b) => JSON.stringify(({_PLAN_MEAN})()) !== JSON.stringify(b)", arg=before,
                           timeout=20_000)
    after = page.evaluate(_PLAN_MEAN)
    assert after[0] == before[0]  # week 0 is the class as it is today
    assert after[-1] > before[-1]  # one more action for everyone: the mean line moves up
    page.wait_for_function(f"(s) => ({_SUMMARY})() !== s", arg=summary_before, timeout=20_000)
    assert page.evaluate(_SUMMARY).startswith("Plan: 4 acciones")
    assert error_outputs(page) == [] and widget_errors(page) == 0
    page.locator(".ssi-class-planner .js-plotly-plot").first.scroll_into_view_if_needed()
    screenshot(page, "lesson06_dashboard")
