"""The experimental JupyterLite site in headless Chromium: the UI and the lessons load from 127.0.0.1 alone,
and running code needs exactly one outside host, Pyodide's CDN (blocked here, as on a machine offline)."""

from __future__ import annotations

import functools
import http.server
import threading
import time

import pytest

from tests.test_lite import LESSONS

from ._lab import block_outside

#: What the Pyodide kernel of jupyterlite-pyodide-kernel 0.8 loads first when a notebook runs.
PYODIDE_CDN = "https://cdn.jsdelivr.net/pyodide/v314.0.6/full/"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def lite_url(lite_site):
    """The site (built once per run, tests/conftest.py) served on 127.0.0.1 by http.server in a thread."""
    handler = functools.partial(_QuietHandler, directory=str(lite_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def offline_page(browser, lite_url):
    """A page whose requests to anything but the local site are refused; ``page.outside`` lists them."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    outside = block_outside(context, lite_url)
    page = context.new_page()
    page.outside = outside  # type: ignore[attr-defined]
    yield page
    context.close()


def test_the_site_lists_every_lesson(offline_page, lite_url):
    """JupyterLite's file browser opens from the local site and shows every lesson, with no outside request."""
    offline_page.goto(f"{lite_url}/lab/index.html")
    offline_page.wait_for_selector(".jp-DirListing-item", timeout=90_000)
    shown = offline_page.locator(".jp-DirListing-itemText").all_inner_texts()
    assert sorted(name for name in shown if name.endswith(".ipynb")) == LESSONS
    assert offline_page.outside == []


def test_running_a_cell_needs_pyodide_from_its_cdn(offline_page, lite_url):
    """A lesson's kernel is Pyodide, fetched first from its CDN (pyodide.mjs); without it the kernel never starts."""
    offline_page.goto(f"{lite_url}/lab/index.html?path={LESSONS[0]}")
    offline_page.wait_for_selector(".jp-Notebook .jp-CodeCell", timeout=90_000)
    cell = offline_page.locator(".jp-Notebook .jp-CodeCell").first
    cell.click()
    offline_page.keyboard.press("Shift+Enter")
    deadline = time.monotonic() + 60
    while not offline_page.outside and time.monotonic() < deadline:
        offline_page.wait_for_timeout(500)
    assert offline_page.outside, "el núcleo no pidió nada fuera del sitio"
    assert offline_page.outside[0] == PYODIDE_CDN + "pyodide.mjs"
    assert all(url.startswith(PYODIDE_CDN) for url in offline_page.outside)
    # Without Pyodide the kernel never starts: the status bar never says it is idle.
    offline_page.wait_for_timeout(5_000)
    status = " ".join(offline_page.locator(".jp-StatusBar-Widget").all_inner_texts())
    assert "Python (Pyodide)" in status
    assert "Idle" not in status
