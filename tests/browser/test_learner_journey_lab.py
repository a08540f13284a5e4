"""The learner's journey in JupyterLab (test_learner_journey.py has it in app mode): no Python typed.

A file of its own so that this test's JupyterLab and the app-mode journey's Voilà can run in
different test processes.
"""

from __future__ import annotations

from ssi_kit.exercises import lesson03

from ._lab import error_outputs, open_notebook, run_all, screenshot, widget_errors
from .test_learner_journey import PEOPLE, answer, export_zip, panel, upload_export


# --- JupyterLab -----------------------------------------------------------------------------
def test_one_lesson_and_the_upload_in_jupyterlab(page, lab_url, tmp_path):
    """The same path for a learner in JupyterLab: lesson 03, run all, upload the export (this session only: the
    other JupyterLab tests share the server), answer an exercise wrong then right, all through the widgets."""
    open_notebook(page, lab_url, "03_piramide_de_relacion.ipynb")
    run_all(page)
    assert error_outputs(page) == [] and widget_errors(page) == 0
    upload_export(page, export_zip(tmp_path), save=False)
    shows_people = f"() => document.body.textContent.includes('{PEOPLE} personas de 1.er grado')"
    # JupyterLab draws only the cells near the view: scroll down from the panel until the pyramid's text shows.
    panel(page).scroll_into_view_if_needed()
    page.locator(".jp-Notebook:visible").first.hover()
    for _ in range(30):
        if page.evaluate(shows_people):
            break
        page.mouse.wheel(0, 400)
        page.wait_for_timeout(300)
    assert page.evaluate(shows_people)
    answer(page, lesson03, "q1", "50")
    assert error_outputs(page) == []
    screenshot(page, "journey_lab_03")
