"""Lessons in a real JupyterLab (headless Chromium): run all → last chart drawn, slider move → chart repainted.

Starts its own JupyterLab on 127.0.0.1 exactly as the browser tests do (tests/browser/_servers.py:
a free port, an empty token, a copy of lessons/ as root) and stops it at the end. Cells are rendered all at
once (windowing off) so every chart of a lesson is drawn without scrolling. Skipped (no rows) without Chromium.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LESSONS = ROOT / "lessons"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # tests.browser: the servers and the JupyterLab driver of the browser tests
QUIET_MS = 3000  # no new chart for this long: the last one was drawn

# Counts drawn charts every 50 ms and remembers when the count last grew.
_WATCH_DRAWS = """() => {
    window.__draws = {count: 0, last: null};
    window.__drawWatch = setInterval(() => {
        const n = document.querySelectorAll('.js-plotly-plot .main-svg').length;
        if (n > window.__draws.count) { window.__draws.count = n; window.__draws.last = performance.now(); }
    }, 50);
}"""
# Remembers when any chart's drawing last changed.
_WATCH_PAINTS = """() => {
    window.__paint = {first: null, last: null};
    const seen = (m) => { const t = performance.now();
        if (window.__paint.first === null) window.__paint.first = t; window.__paint.last = t; };
    const observer = new MutationObserver(seen);
    for (const p of document.querySelectorAll('.js-plotly-plot'))
        observer.observe(p, {subtree: true, childList: true, attributes: true, characterData: true});
    window.__paintObserver = observer;
}"""


def _run_all_to_last_chart(page, url: str, name: str) -> float | None:
    """Seconds from "run all" to the last chart drawn (None when the lesson draws no chart)."""
    from tests.browser._lab import open_notebook, run_all

    open_notebook(page, url, name)
    page.evaluate(_WATCH_DRAWS)
    start = page.evaluate("() => performance.now()")
    run_all(page)
    page.wait_for_function(f"() => performance.now() - (window.__draws.last || 0) > {QUIET_MS}", timeout=120_000,
                           polling=250)
    last = page.evaluate("() => { clearInterval(window.__drawWatch); return window.__draws.last; }")
    return None if last is None else (last - start) / 1000


def _slider_to_repaint(page) -> float | None:
    """Milliseconds from one step of the first slider (arrow key on its handle) to its chart repainted."""
    sliders = page.locator(".widget-slider")
    if sliders.count() == 0:
        return None
    handle = sliders.first.locator(".noUi-handle").first
    handle.scroll_into_view_if_needed()
    page.wait_for_timeout(1000)  # let the scroll's own repaints pass
    page.evaluate(_WATCH_PAINTS)
    handle.focus()
    start = page.evaluate("() => performance.now()")
    handle.press("ArrowRight")
    try:
        page.wait_for_function("() => window.__paint.first !== null", timeout=20_000)
    except Exception:
        return None  # this slider moves no chart
    page.wait_for_function("() => performance.now() - window.__paint.last > 1000", timeout=20_000, polling=100)
    last = page.evaluate("() => { window.__paintObserver.disconnect(); return window.__paint.last; }")
    return last - start


def bench_lessons_in_browser() -> list[dict]:
    """Every lesson in JupyterLab: time to its last chart after "run all", and a slider step to the repaint."""
    from tests.browser._servers import CHROMIUM, CHROMIUM_ARGS, has_chromium, jupyterlab, shutdown_kernels

    if not has_chromium():
        print(f"Chromium not found at {CHROMIUM}: browser benchmarks skipped", file=sys.stderr)
        return []
    from playwright.sync_api import sync_playwright

    rows: list[dict] = []
    # Cells rendered all at once (windowing off), so every chart of a lesson draws without scrolling.
    settings = {"@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"}}
    with tempfile.TemporaryDirectory(prefix="ssi-bench-lab-") as tmp, \
            jupyterlab(Path(tmp), lab_settings=settings) as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for notebook in sorted(LESSONS.glob("*.ipynb")):
            name, lesson = notebook.name, notebook.name.split("_")[0]
            print(f"  … {name}", file=sys.stderr)
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            page = context.new_page()
            try:
                drawn = _run_all_to_last_chart(page, server.url, name)
                if drawn is not None:
                    rows.append({"benchmark": f"lesson {lesson}: run all -> last chart drawn",
                                 "value": drawn, "unit": "s", "target": 4.0})
                repaint = _slider_to_repaint(page)
                if repaint is not None:
                    rows.append({"benchmark": f"lesson {lesson}: slider step -> chart repainted",
                                 "value": repaint, "unit": "ms", "target": 50.0})
            finally:
                context.close()
                shutdown_kernels(server.url)
        browser.close()
    return rows


if __name__ == "__main__":
    for row in bench_lessons_in_browser():
        print(row)
