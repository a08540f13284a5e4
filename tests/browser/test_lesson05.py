"""Lesson 05 in a real JupyterLab: runs cleanly, and adding a contact in the tracker changes the funnel."""

from __future__ import annotations

from ssi_kit.relationships import load_tracker

from ._lab import error_outputs, open_notebook, run_all, screenshot, widget_errors

LESSON = "05_poder_de_las_relaciones.ipynb"

# The tracker's funnel: trace 0 holds the contacts per stage, top (connection) to bottom (trust).
_FUNNEL = """() => {
    const plot = document.querySelector('.ssi-relationship-tracker .js-plotly-plot');
    return plot && plot.data && plot.data[0] && plot.data[0].x ? Array.from(plot.data[0].x) : null;
}"""


def test_lesson05_runs_and_tracker_updates_funnel(page, lab_url, tmp_path):
    """Running all of lesson 05 gives no errors; a contact added in the tracker is saved and shows in the funnel."""
    open_notebook(page, lab_url, LESSON)
    run_all(page)
    assert error_outputs(page) == []

    tracker = page.locator(".ssi-relationship-tracker").first
    tracker.scroll_into_view_if_needed(timeout=30_000)
    page.wait_for_function(f"() => ({_FUNNEL})() !== null", timeout=60_000)
    assert widget_errors(page) == 0

    # Work on a file of the test's own, never the real user's tracker.
    own = tmp_path / "relaciones.sqlite"
    texts = tracker.locator(".widget-text input")
    texts.nth(0).fill(str(own))
    texts.nth(0).press("Enter")
    page.wait_for_function(f"() => ({_FUNNEL})().every(x => x === 0)", timeout=20_000)

    texts.nth(1).fill("Ana Prueba")
    tracker.locator(".widget-dropdown select").select_option(label="Colaboración")
    texts.nth(2).fill("01/06/2025")
    tracker.get_by_role("button", name="Añadir o actualizar").click()
    page.wait_for_function(f"() => ({_FUNNEL})()[3] === 1", timeout=20_000)
    assert page.evaluate(_FUNNEL) == [0, 0, 0, 1, 0, 0]
    assert "Ana Prueba" in tracker.inner_text()
    assert own.exists() and load_tracker(own)["name"].tolist() == ["Ana Prueba"]
    assert error_outputs(page) == []
    screenshot(page, "lesson05_tracker")
