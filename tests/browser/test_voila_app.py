"""App mode as `ssi-kit app` serves it: ssi-kit's Voilà template, ready kernels, links that stay in their mode.

The course in Voilà reads as a Spanish site: its start page is the course home, every page says
lang="es", nothing is fetched from the Internet, no code and no English Voilà text shows, errors
are short Spanish sentences. Links between lessons work in JupyterLab and in Voilà, also under a
hub's base URL (/user/NAME/). A widget hears when the page connects, even in a kernel prepared
before anyone asked for the page.
"""

from __future__ import annotations

import json
import re

import nbformat
import pytest

from ssi_kit.cli import HOME_LESSON, voila_options

from ._lab import (
    ALL_PLOTS_DRAWN,
    ENGLISH_CHROME,
    LESSONS,
    block_outside,
    code_lines,
    open_voila,
    voila_problems,
)
from .conftest import voila_server_for

BASE_URL = "/user/ana/"  # as on a JupyterHub
TARGET = "00_bienvenida.ipynb"  # where the test links lead: a real lesson, and a quick one to open

_KERNEL = {"display_name": "Python 3", "language": "python", "name": "python3"}


def _notebook(*cells) -> str:
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": _KERNEL})
    nb.cells = [nbformat.v4.new_markdown_cell(c[3:]) if c.startswith("md:") else nbformat.v4.new_code_cell(c)
                for c in cells]
    return nbformat.writes(nb)


# A link to another lesson in each place a lesson can hold one.
LINKS = {
    "celda": "md:# Enlaces\n\n[Siguiente lección (celda) →](00_bienvenida.ipynb)",
    "widget": "import ipywidgets\nfrom IPython.display import HTML, Markdown\n"
              "ipywidgets.HTML('<a href=\"00_bienvenida.ipynb\">Siguiente lección (widget) →</a>')",
    "salida": "HTML('<a href=\"00_bienvenida.ipynb\">Siguiente lección (salida) →</a>')",
    "salida-widget": "caja = ipywidgets.Output()\nwith caja:\n"
                     "    display(Markdown('[Siguiente lección (salida-widget) →](00_bienvenida.ipynb)'))\ncaja",
}
LINKS_NOTEBOOK = _notebook(*LINKS.values())

# A widget that tells the kernel when its page shows it; the kernel answers by changing what it says.
CONNECT_NOTEBOOK = _notebook(
    "md:# Conexión",
    "import time\n\nimport anywidget\nimport traitlets\n\npreparado = time.time()\n\n"
    "class Saludo(anywidget.AnyWidget):\n"
    "    _esm = \"export default { render({ model, el }) { model.send({event: 'conectado'});\"\n"
    "    _esm += \" const show = () => { el.textContent = model.get('estado'); el.className = 'saludo'; };\"\n"
    "    _esm += \" model.on('change:estado', show); show(); } }\"\n"
    "    estado = traitlets.Unicode('esperando').tag(sync=True)\n\n"
    "    def __init__(self):\n"
    "        super().__init__()\n"
    "        self.on_msg(self._mensaje)\n\n"
    "    def _mensaje(self, widget, content, buffers):\n"
    "        if content.get('event') == 'conectado':\n"
    "            self.estado = f'conectado {time.time() - preparado:.1f} s después'\n\n"
    "Saludo()",
)

# An unexpected error, after a warning of ssi-kit's and one of another library.
FAILING_NOTEBOOK = _notebook(
    "md:# Un fallo",
    "import warnings\n\nimport ssi_kit\n\nwarnings.warn('Fechas leídas con una suposición', ssi_kit.SSIWarning)\n"
    "warnings.warn('An English library warning', UserWarning)",
    "raise ValueError('detalle interno 42')",
)


@pytest.fixture(scope="module")
def hub_server(tmp_path_factory):
    """Voilà with `ssi-kit app`'s options under a hub's base URL, with the test notebooks (only those prepared
    ahead: the lessons open the usual way, which keeps this server light)."""
    options = [*voila_options(), "--VoilaKernelManager.preheat_denylist=^0"]
    extra = {"enlaces.ipynb": LINKS_NOTEBOOK, "conexion.ipynb": CONNECT_NOTEBOOK, "fallo.ipynb": FAILING_NOTEBOOK}
    yield from voila_server_for(tmp_path_factory, options, base_url=BASE_URL, extra=extra)


@pytest.fixture
def offline(browser):
    """A browser context that refuses every request leaving the machine, and the list of those refused."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_navigation_timeout(120_000)  # Voilà runs a page's notebook before sending it

    def start(server_url: str):
        origin = re.match(r"https?://[^/]+", server_url).group(0)
        return context.new_page(), block_outside(context, origin)

    yield start
    context.close()


def _text(page) -> str:
    return page.evaluate("() => document.title + '\\n' + document.body.innerText")


def _first_heading(name: str) -> str:
    cells = json.loads((LESSONS / name).read_text(encoding="utf-8"))["cells"]
    lines = "".join(cells[0]["source"]).splitlines()
    return next(line.removeprefix("# ").strip() for line in lines if line.startswith("# "))


def test_start_page_opens_the_course_home_in_spanish(hub_server, offline):
    """The start page (what `ssi-kit app` opens) leads to the course home, a Spanish page that asks nothing
    of the Internet and shows no English Voilà text."""
    page, outside = offline(hub_server.url)
    page.goto(hub_server.url + "/", wait_until="load")
    page.wait_for_url(f"**{BASE_URL}voila/render/{HOME_LESSON}", wait_until="load", timeout=120_000)
    page.wait_for_function("() => !document.getElementById('loading')", timeout=120_000)
    assert page.evaluate("() => document.documentElement.lang") == "es"
    assert page.title() == _first_heading(HOME_LESSON)
    text = _text(page)
    assert [words for words in ENGLISH_CHROME if words in text] == []
    assert outside == []


def test_lesson_shows_no_code_no_english_and_draws_its_charts_itself(voila_server, offline):
    """A lesson under `ssi-kit app` (lesson 00: a chart) shows its text and its charts drawn by the page, and no
    code, Voilà English or outside request. (A mistake typed in a box: the learner's journey.)"""
    page, outside = offline(voila_server.url)
    open_voila(page, voila_server.url, TARGET)
    text = _text(page)
    assert page.evaluate("() => document.documentElement.lang") == "es"
    assert page.title() == _first_heading(TARGET)
    assert [line for line in code_lines(TARGET) if line in text] == []
    assert [words for words in ENGLISH_CHROME if words in text] == []
    assert page.evaluate("() => document.querySelectorAll('.ssi-kit-plot .js-plotly-plot .main-svg').length") >= 1
    assert page.evaluate(ALL_PLOTS_DRAWN)
    assert voila_problems(page)["editors"] == 0
    assert outside == []


def test_missing_page_says_so_in_spanish(hub_server, offline):
    """A link to a lesson that does not exist gets a Spanish page with a way back to the course."""
    page, _ = offline(hub_server.url)
    response = page.goto(f"{hub_server.url}/voila/render/no_existe.ipynb", wait_until="load")
    assert response.status == 404
    assert "Esta página no existe" in _text(page)
    assert page.evaluate("() => document.documentElement.lang") == "es"
    assert page.get_by_role("link", name="Volver al inicio del curso").get_attribute("href") == BASE_URL
    assert [words for words in ENGLISH_CHROME if words in _text(page)] == []


def test_unexpected_error_is_one_spanish_sentence_and_only_ssi_kit_warnings_show(hub_server, offline):
    """An unexpected error shows one Spanish sentence, no traceback nor detail; ssi-kit's warning shows, another
    library's (in English) does not."""
    page, _ = offline(hub_server.url)
    page.goto(f"{hub_server.url}/voila/render/fallo.ipynb", wait_until="load", timeout=120_000)
    page.wait_for_function("() => !document.getElementById('loading')", timeout=60_000)
    text = _text(page)
    assert "Algo falló al preparar esta parte de la lección" in text
    assert "Fechas leídas con una suposición" in text
    for hidden in ("ValueError", "detalle interno", "Traceback", "An English library warning", "UserWarning"):
        assert hidden not in text


def test_widget_hears_the_page_connect_in_a_kernel_prepared_ahead(hub_server, offline):
    """In a kernel that ran the notebook before the page was asked for, a widget still gets a message from its
    page when it shows, and the kernel's answer reaches the page (what a data panel needs to read fresh data)."""
    page, _ = offline(hub_server.url)
    page.goto(f"{hub_server.url}/voila/render/conexion.ipynb", wait_until="load", timeout=120_000)
    page.wait_for_function(
        "() => { const s = document.querySelector('.saludo'); return s && s.textContent.startsWith('conectado'); }",
        timeout=60_000)
    assert re.search(r"Using pre-heated kernel: \S+ for conexion\.ipynb", hub_server.log.read_text(errors="replace"))


@pytest.mark.parametrize("place", list(LINKS))
def test_voila_link_to_another_lesson_stays_in_voila_under_a_base_url(hub_server, browser, place):
    """Under /user/ana/, a link to another lesson (in the text, in a widget, in an output, in an Output widget)
    opens that lesson in Voilà, in the same tab."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{hub_server.url}/voila/render/enlaces.ipynb", wait_until="load", timeout=120_000)
        link = page.get_by_role("link", name=f"Siguiente lección ({place}) →")
        link.wait_for(timeout=60_000)
        link.click()
        page.wait_for_url(f"**{BASE_URL}voila/render/{TARGET}", wait_until="domcontentloaded", timeout=60_000)
        assert page.title() == _first_heading(TARGET)
        assert len(context.pages) == 1  # same tab
    finally:
        context.close()
