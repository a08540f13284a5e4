"""Links between lessons in JupyterLab under a hub's base URL (/user/NAME/): they open the other lesson in JupyterLab.

The same links as in app mode (test_voila_app.py), in a file of their own so that its JupyterLab and that
file's Voilà can start in different test processes.
"""

from __future__ import annotations

import pytest

from ._lab import open_notebook, run_all
from ._servers import ServerFailed, jupyterlab
from .test_voila_app import BASE_URL, LINKS, LINKS_NOTEBOOK, TARGET


@pytest.fixture(scope="module")
def hub_lab_url(tmp_path_factory):
    """JupyterLab under a hub's base URL, with the links notebook."""
    try:
        with jupyterlab(tmp_path_factory.mktemp("hub-lab"), base_url=BASE_URL,
                        extra={"enlaces.ipynb": LINKS_NOTEBOOK}) as server:
            yield server.url
    except ServerFailed as error:
        pytest.fail(str(error))



@pytest.mark.parametrize("place", list(LINKS))
def test_jupyterlab_link_to_another_lesson_stays_in_jupyterlab_under_a_base_url(hub_lab_url, browser, place):
    """Under /user/ana/, the same links open that lesson in JupyterLab. A link inside an ipywidgets HTML widget
    reloads JupyterLab (the browser first asks whether to leave the page); the others open it inside it."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    asked: list[str] = []
    try:
        page = context.new_page()
        page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.accept()))
        open_notebook(page, hub_lab_url, "enlaces.ipynb")
        run_all(page)
        link = page.get_by_role("link", name=f"Siguiente lección ({place}) →").last
        link.wait_for(timeout=60_000)
        link.click()
        page.wait_for_function(
            "(name) => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;"
            " return w && w.context && w.context.path === name; }", arg=TARGET, timeout=90_000)
        assert page.url.split("?")[0].endswith(f"{BASE_URL}lab/tree/{TARGET}")
        assert len(context.pages) == 1
        assert asked == (["beforeunload"] if place == "widget" else [])
    finally:
        context.close()
