"""The personal plan opened in headless Chromium with the network off: every chart draws, nothing is requested."""

from __future__ import annotations

import pytest

import ssi_kit
from ssi_kit.personal_plan import report

from ._lab import block_outside
from .conftest import BUILD


@pytest.fixture
def offline_browser(browser):
    """The session's Chromium: one Playwright per process (a second sync_playwright would fail)."""
    return browser


def test_report_draws_every_chart_offline(offline_browser, tmp_path, monkeypatch):
    """With the network disabled, the plan's page requests nothing outside the file and draws all its charts."""
    monkeypatch.setenv("SSI_KIT_HOME", str(tmp_path / "home"))
    connections = ssi_kit.load_dataset("conexiones_ejemplo")
    out = report(ssi_kit.load_dataset("ssi_ejemplo"), actions=["publicar", "grupos"], connections=connections,
                 dest=tmp_path / "mi_plan.html")
    figures = out.read_text(encoding="utf-8").count('class="plotly-graph-div"')
    assert figures >= 3

    context = offline_browser.new_context(viewport={"width": 900, "height": 1200})
    context.set_offline(True)
    outside = block_outside(context, "file://")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(out.resolve().as_uri(), wait_until="load")
        page.wait_for_function(
            "(n) => document.querySelectorAll('.js-plotly-plot .main-svg').length > 0 &&"
            " document.querySelectorAll('.js-plotly-plot').length === n", arg=figures, timeout=30_000)
        drawn = page.evaluate("() => document.querySelectorAll('.js-plotly-plot').length")
        plots_with_svg = page.evaluate(
            "() => Array.from(document.querySelectorAll('.js-plotly-plot'))"
            ".filter(p => p.querySelector('.main-svg')).length")
        assert drawn == plots_with_svg == figures
        assert "Tu SSI hoy" in page.inner_text("body")
        BUILD.mkdir(exist_ok=True)
        page.screenshot(path=str(BUILD / "report_offline.png"), full_page=True)
    finally:
        context.close()
    assert outside == []
    assert errors == []
