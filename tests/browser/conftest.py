"""Fixtures for browser tests: a JupyterLab server on 127.0.0.1 and headless Chromium.

Chromium comes from Debian's package (/usr/bin/chromium); nothing is downloaded. Without it
the browser tests are skipped on a developer's machine and fail under CI (CI=true), so a
missing browser can never turn CI green.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

import pytest

from ssi_kit.cli import VOILA_KERNEL_CULLING

ROOT = Path(__file__).resolve().parents[2]
LESSONS = ROOT / "lessons"
BUILD = ROOT / "build"
CHROMIUM = os.environ.get("SSI_KIT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


def _require_browser() -> None:
    if Path(CHROMIUM).exists() or shutil.which(CHROMIUM):
        return
    message = f"Chromium no encontrado en {CHROMIUM}: apt-get install chromium"
    if os.environ.get("CI"):
        pytest.fail(message + " (CI exige las pruebas de navegador)")
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def lab_url(tmp_path_factory):
    """Base URL of a JupyterLab serving a copy of lessons/ (the real notebooks stay untouched)."""
    _require_browser()
    root = tmp_path_factory.mktemp("lessons")
    for notebook in LESSONS.glob("*.ipynb"):
        shutil.copy(notebook, root / notebook.name)
    port = _free_port()
    home = tmp_path_factory.mktemp("jupyter-home")
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(home / "lab-settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "lab-workspaces"),
    }
    log = open(home / "lab.log", "w")
    process = subprocess.Popen(
        [
            sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root",
            "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
            "--IdentityProvider.token=", "--ServerApp.password=", "--ServerApp.disable_check_xsrf=True",
            f"--ServerApp.root_dir={root}", "--LabApp.expose_app_in_browser=True",
        ],
        stdout=log, stderr=subprocess.STDOUT, env=env, cwd=root,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(f"{url}/api/status", timeout=2)
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail("JupyterLab no arrancó:\n" + (home / "lab.log").read_text()[-3000:])
            time.sleep(0.5)
    yield url
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


def _wait_until_up(url: str, process: subprocess.Popen, log: Path, what: str) -> None:
    """Wait until ``url`` answers; fail with the end of ``log`` if the server died or never answered."""
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"{what} no arrancó:\n" + log.read_text()[-3000:])
            time.sleep(0.5)


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=20)


class VoilaServer(NamedTuple):
    url: str
    log: Path


@pytest.fixture(scope="session")
def voila_url(voila_server):
    """Base URL of the Voilà server."""
    return voila_server.url


@pytest.fixture(scope="session")
def voila_server(tmp_path_factory):
    """One Voilà server (app mode: code hidden) serving a copy of lessons/ as `ssi-kit app` does; stopped at the end."""
    yield from start_voila(tmp_path_factory, VOILA_KERNEL_CULLING)


def start_voila(tmp_path_factory, options: Sequence[str]) -> Iterator[VoilaServer]:
    """Start Voilà on a copy of lessons/ with ``options``; yield its URL and log; stop it afterwards."""
    _require_browser()
    if importlib.util.find_spec("voila") is None:
        message = "Voilà no está instalado en este entorno: pip install 'voila>=0.5'"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    root = tmp_path_factory.mktemp("voila-lessons")
    for notebook in LESSONS.glob("*.ipynb"):
        shutil.copy(notebook, root / notebook.name)
    port = _free_port()
    home = tmp_path_factory.mktemp("voila-home")
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
    }
    log_path = home / "voila.log"
    log = open(log_path, "w")
    process = subprocess.Popen(
        [
            sys.executable, "-m", "voila", "--no-browser", "--Voila.ip=127.0.0.1",
            f"--port={port}", "--Voila.port_retries=0", f"--Voila.root_dir={root}", *options,
            str(root),
        ],
        stdout=log, stderr=subprocess.STDOUT, env=env, cwd=root,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(f"{url}/", process, log_path, "Voilà")
        yield VoilaServer(url, log_path)
    finally:
        _stop(process)
        log.close()


@pytest.fixture(scope="session")
def browser():
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _shutdown_kernels(lab_url: str) -> None:
    """Stop every kernel the test started, so the next lesson does not share two cores with it."""
    import json

    with urllib.request.urlopen(f"{lab_url}/api/sessions", timeout=10) as response:
        sessions = json.load(response)
    for session in sessions:
        request = urllib.request.Request(f"{lab_url}/api/sessions/{session['id']}", method="DELETE")
        urllib.request.urlopen(request, timeout=30).close()


@pytest.fixture
def page(browser, lab_url):
    """A fresh browser page, 1400×1000; on failure a screenshot is kept under build/."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    yield page
    context.close()
    _shutdown_kernels(lab_url)


@pytest.fixture
def voila_page(browser, voila_url):
    """A fresh browser page on the Voilà server, 1400×1000, opened at the list of lessons like a learner.

    The list sets the cookie that Voilà 0.5's "page closed, stop its kernel" request needs,
    so closing the page stops its kernel at once (a direct link waits for culling).
    """
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(f"{voila_url}/", wait_until="load")
    yield page
    page.goto("about:blank")  # fires beforeunload: Voilà stops this page's kernel
    context.close()
