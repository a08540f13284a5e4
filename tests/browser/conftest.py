"""Fixtures for browser tests: JupyterLab and Voilà servers on 127.0.0.1 and headless Chromium.

Chromium comes from Debian's package (/usr/bin/chromium); nothing is downloaded. Without it
the browser tests are skipped on a developer's machine and fail under CI (CI=true), so a
missing browser can never turn CI green. The servers are started by ``_servers`` (shared
with ``benchmarks/bench_browser.py``).
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator, Sequence

import pytest

from ssi_kit.cli import voila_options

from ._servers import CHROMIUM, CHROMIUM_ARGS, ROOT, Server, ServerFailed, has_chromium, jupyterlab, shutdown_kernels
from ._servers import voila as start_voila

BUILD = ROOT / "build"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


def _require_browser() -> None:
    if has_chromium():
        return
    message = f"Chromium no encontrado en {CHROMIUM}: apt-get install chromium"
    if os.environ.get("CI"):
        pytest.fail(message + " (CI exige las pruebas de navegador)")
    pytest.skip(message)


def _require_voila() -> None:
    if importlib.util.find_spec("voila") is None:
        message = "Voilà no está instalado en este entorno: pip install 'voila>=0.5'"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def lab_url(tmp_path_factory):
    """Base URL of a JupyterLab serving a copy of lessons/ (the real notebooks stay untouched)."""
    _require_browser()
    try:
        with jupyterlab(tmp_path_factory.mktemp("jupyter-home")) as server:
            yield server.url
    except ServerFailed as error:
        pytest.fail(str(error))


def voila_server_for(tmp_path_factory, options: Sequence[str], **kwargs) -> Iterator[Server]:
    """Start a Voilà server with ``options`` for the rest of the session (a generator for a fixture).

    ``kwargs`` go to ``_servers.voila`` (``base_url``, ``extra`` notebooks).
    """
    _require_browser()
    _require_voila()
    try:
        with start_voila(tmp_path_factory.mktemp("voila-home"), options, **kwargs) as server:
            yield server
    except ServerFailed as error:
        pytest.fail(str(error))


@pytest.fixture(scope="session")
def voila_server(tmp_path_factory):
    """One Voilà server as `ssi-kit app` starts it (template, ready kernels, culling); stopped at the end."""
    yield from voila_server_for(tmp_path_factory, voila_options())


@pytest.fixture(scope="session")
def voila_url(voila_server):
    """Base URL of the Voilà server."""
    return voila_server.url


@pytest.fixture(scope="session")
def browser():
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, lab_url):
    """A fresh browser page, 1400×1000; its kernels are stopped afterwards."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    yield page
    context.close()
    shutdown_kernels(lab_url)


@pytest.fixture
def voila_page(browser, voila_url):
    """A fresh browser page on the Voilà server, 1400×1000, holding the start page's cookie like a learner's.

    The start page (which sends the browser on to the course home) sets the cookie that Voilà 0.5's
    "page closed, stop its kernel" request needs, so closing the page stops its kernel at once (a
    direct link waits for culling). The page's own requests share the browser's cookies: asking for
    the start page sets it without running the course home in one more kernel for every test
    (test_voila_app.py opens the start page in the browser).
    """
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    start = page.request.get(f"{voila_url}/", max_redirects=0)
    assert start.ok and any(c["name"] == "_xsrf" for c in context.cookies()), start.status
    yield page
    page.goto("about:blank")  # fires beforeunload: Voilà stops this page's kernel
    context.close()
