"""Someone who never programs takes the course in app mode (Voilà) and in JupyterLab (test_learner_journey_lab.py),
without typing Python.

They open the home; in lesson 01 they type their pillars with decimal commas and save them; lesson 02
uses those pillars; in lesson 03 they upload their LinkedIn export as LinkedIn sends it (a ``.zip``
of invented people) and see a pyramid of its row count; they answer one exercise wrong and then right
in every lesson through its boxes and buttons; back home, the progress shows it. Each server has its
own ``SSI_KIT_HOME``: nothing touches the machine's real user folder.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from ssi_kit.course import HOME
from ssi_kit.exercises import lesson00, lesson01, lesson02, lesson03, lesson04, lesson05, lesson06
from ssi_kit.score import PILLARS, pillar_label

from ._lab import open_voila, screenshot, voila_problems
from .conftest import voila_server_for

PILLARS_TYPED = ("12,5", "8,25", "5,75", "10")  # 36,5 in all
PEOPLE = 37  # rows of the uploaded export

# One exercise per lesson, answered wrong and then right through its box.
EXERCISES = [
    ("00_bienvenida.ipynb", lesson00, "q1", "marca"),
    ("01_que_es_el_ssi.ipynb", lesson01, "q1", "relaciones"),
    ("02_mejora_tu_ssi.ipynb", lesson02, "q5", "marca"),
    ("03_piramide_de_relacion.ipynb", lesson03, "q1", "50"),
    ("04_hacer_negocios.ipynb", lesson04, "q1", "marca"),
    ("05_poder_de_las_relaciones.ipynb", lesson05, "q4", "conexion"),
    ("06_para_docentes.ipynb", lesson06, "q1", "marca"),
]


def export_zip(folder: Path) -> Path:
    """A LinkedIn export as LinkedIn sends it: a .zip with Connections.csv (after its notes) and other files,
    bigger than Tornado's default websocket message (10 MB), as an export with photos is."""
    rows = [f"Persona{i},Inventada,https://www.linkedin.com/in/p{i},,Empresa {i % 5},Cargo {i % 3},"
            f"{1 + i % 28:02d} Mar 2024" for i in range(PEOPLE)]
    csv = ("Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are "
           "missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
           + "\n".join(rows) + "\n")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Basic_LinkedInDataExport_12-04-2026/Connections.csv", csv)
        archive.writestr("Basic_LinkedInDataExport_12-04-2026/Profile.csv", "First Name,Last Name\nYo,Mismo\n")
        archive.writestr("Basic_LinkedInDataExport_12-04-2026/Rich_Media/foto.jpg", os.urandom(11 * 2**20))
    path = folder / "Basic_LinkedInDataExport_12-04-2026.zip"
    path.write_bytes(buffer.getvalue())
    return path


# --- what the learner does, in either mode --------------------------------------------------
def panel(page):
    """The data panel of the lesson on screen (JupyterLab keeps other open lessons in the page, hidden)."""
    return page.locator(".ssi-data-panel:visible").first


def status(page) -> str:
    return panel(page).locator(".widget-html-content").first.inner_text(timeout=60_000)


def open_editor(page) -> None:
    box = panel(page)
    box.wait_for(timeout=60_000)
    box.locator("button", has_text="Cambiar mis datos").click()
    box.locator(".widget-text input").first.wait_for(state="visible", timeout=20_000)


def type_box(page, label: str, text: str) -> None:
    field = panel(page).locator(".widget-text", has_text=label).locator("input")
    field.fill(text)
    field.press("Enter")


def use_data(page, *, save: bool) -> None:
    """«Usar estos datos», with or without «Guardar en este equipo»."""
    box = panel(page)
    keep = box.locator(".widget-checkbox", has_text="Guardar en este equipo").locator("input")
    if keep.is_checked() != save:
        keep.click()
    box.locator("button", has_text="Usar estos datos").click()
    said = "Guardados en este equipo" if save else "Solo en esta sesión"
    box.locator(".widget-html-content", has_text=said).first.wait_for(timeout=30_000)


def enter_pillars(page) -> None:
    """A pillar above 25 first: the panel says so in Spanish and uses nothing; then the real pillars."""
    open_editor(page)
    for pillar, text in zip(PILLARS, ("30", *PILLARS_TYPED[1:])):
        type_box(page, pillar_label(pillar, full=True), text)
    panel(page).locator("button", has_text="Usar estos datos").click()
    panel(page).locator(".widget-html-content", has_text="debe estar entre 0 y 25; recibido 30").first.wait_for(
        timeout=30_000)
    assert status(page).startswith("Estás usando el ejemplo")
    type_box(page, pillar_label(PILLARS[0], full=True), PILLARS_TYPED[0])
    use_data(page, save=True)
    assert status(page).startswith("Estás usando tus datos (tu SSI)")


def upload_export(page, path: Path, *, save: bool) -> None:
    open_editor(page)
    with page.expect_file_chooser(timeout=30_000) as chooser:  # what the learner's «Subir exportación» opens
        panel(page).locator(".widget-upload", has_text="Subir exportación").click()
    chooser.value.set_files(str(path))
    # The export read: the panel says what it found and asks for «Usar estos datos» (an upload dropped on the
    # way, e.g. bigger than the server's websocket limit, never gets here).
    panel(page).locator(".widget-html-content", has_text="Pulsa «Usar estos datos»").first.wait_for(timeout=60_000)
    use_data(page, save=save)


def answer(page, module, key: str, wrong: str) -> None:
    """Type a wrong answer, check, then the right one, check: «Todavía no», then «¡Correcto!»."""
    exercise = getattr(module, key)
    widget = page.locator(".ssi-exercise").nth([e.key for e in module.EXERCISES].index(key))
    widget.scroll_into_view_if_needed(timeout=60_000)
    box = widget.locator(".widget-text input")
    button = widget.locator("button", has_text="Comprobar")
    for text, verdict in ((wrong, "Todavía no"), (str(exercise.expected).replace(".", ","), "¡Correcto!")):
        box.fill(text)
        button.click()
        widget.locator(".widget-html-content", has_text=verdict).first.wait_for(timeout=30_000)


def simulator_start(page) -> str:
    """The simulator's summary (its plan and «Proyección en 26 semanas: A → B»)."""
    summary = page.locator(".ssi-simulator .widget-html-content", has_text="Proyección").first
    summary.wait_for(timeout=60_000)
    return summary.inner_text()


# --- app mode -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def journey_voila(tmp_path_factory):
    """A Voilà of its own, as `ssi-kit app` starts it, with an empty learner folder."""
    from ssi_kit.cli import voila_options

    yield from voila_server_for(tmp_path_factory, voila_options())


def test_the_course_without_code_in_voila(browser, journey_voila, tmp_path):
    """Home → lesson 01 (pillars with decimal commas, saved) → lesson 02 uses them → lesson 03 upload → one
    exercise wrong then right in each lesson → the home shows the progress; no code, no error on the way."""
    url = journey_voila.url
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_navigation_timeout(180_000)  # Voilà runs a lesson before it sends the page
    page = context.new_page()
    try:
        page.goto(f"{url}/", wait_until="load")
        page.wait_for_url(f"**/voila/render/{HOME}", timeout=180_000)
        page.locator(".ssi-home-lesson").first.wait_for(timeout=60_000)
        assert page.locator(".ssi-home-lesson").count() >= 7
        page.locator(".ssi-home-lesson a", has_text="Qué es el SSI").click()
        page.wait_for_url("**/voila/render/01_que_es_el_ssi.ipynb", timeout=180_000)
        enter_pillars(page)
        screenshot(page, "journey_voila_01")

        open_voila(page, url, "02_mejora_tu_ssi.ipynb")
        assert status(page).startswith("Estás usando tus datos (tu SSI)")
        assert "36,5 →" in simulator_start(page)  # the simulator starts from the pillars typed in lesson 01

        open_voila(page, url, "03_piramide_de_relacion.ipynb")
        upload_export(page, export_zip(tmp_path), save=True)
        page.wait_for_function(
            f"() => document.body.textContent.includes('{PEOPLE} personas de 1.er grado')", timeout=30_000)
        screenshot(page, "journey_voila_03")

        for name, module, key, wrong in EXERCISES:
            open_voila(page, url, name)
            answer(page, module, key, wrong)
            assert voila_problems(page)["errors"] == []

        page.goto(f"{url}/voila/render/{HOME}", wait_until="load")
        # A home prepared ahead shows the progress of when it ran, then reads it again once the page shows it.
        progress = page.locator(".ssi-home-progress[data-lesson='01']", has_text="1 de 4 ejercicios")
        progress.wait_for(timeout=60_000)
        assert progress.inner_text().startswith("1 de 4 ejercicios")
        screenshot(page, "journey_voila_home")
    finally:
        page.goto("about:blank")
        context.close()
