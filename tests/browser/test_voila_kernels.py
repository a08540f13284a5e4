"""Voilà as a class server: a closed page's Python kernel stops, so a day of lessons does not fill the memory."""

from __future__ import annotations

import time

import pytest

from ._lab import open_voila
from .conftest import voila_server_for

LESSON = "00_bienvenida.ipynb"  # the quickest lesson: what is tested here is the server, not the lesson
_KERNEL_ID = "() => JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"


def _stopped(log, kernel_id: str) -> bool:
    return f"Kernel shutdown: {kernel_id}" in log.read_text(encoding="utf-8", errors="replace")


def _wait_stopped(log, kernel_id: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if _stopped(log, kernel_id):
            return True
        time.sleep(0.5)
    return _stopped(log, kernel_id)


def test_closing_a_page_opened_from_the_list_stops_its_kernel(voila_page, voila_server):
    """A lesson opened after Voilà's start page (what `ssi-kit app` opens) stops its kernel when its page closes."""
    open_voila(voila_page, voila_server.url, LESSON)
    kernel_id = voila_page.evaluate(_KERNEL_ID)
    assert not _stopped(voila_server.log, kernel_id)
    voila_page.goto("about:blank")
    assert _wait_stopped(voila_server.log, kernel_id, 20)


@pytest.fixture(scope="module")
def quick_culling_server(tmp_path_factory):
    """A Voilà server with the app's culling policy, shortened to seconds so a test can watch it."""
    yield from voila_server_for(tmp_path_factory, ["--MappingKernelManager.cull_idle_timeout=6",
                                                   "--MappingKernelManager.cull_interval=2"])


def test_direct_link_kernel_is_culled_after_close_but_never_while_open(browser, quick_culling_server):
    """A lesson opened by a direct link keeps its kernel while open, however idle; once closed it is culled."""
    server = quick_culling_server
    context = browser.new_context()
    page = context.new_page()
    try:
        open_voila(page, server.url, LESSON)
        kernel_id = page.evaluate(_KERNEL_ID)
        assert not _wait_stopped(server.log, kernel_id, 12)  # idle for twice the timeout, page open: kept
        page.goto("about:blank")
        assert _wait_stopped(server.log, kernel_id, 30)
        culled = [line for line in server.log.read_text(encoding="utf-8", errors="replace").splitlines()
                  if "Culling" in line and kernel_id in line]
        assert culled  # stopped by culling, not by the page
    finally:
        context.close()
