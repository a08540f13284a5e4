"""Lessons in app mode (Voilà, headless Chromium): from the page request to its first chart, with a breakdown.

Starts Voilà exactly as `ssi-kit app` does (``ssi_kit.cli.voila_options()``: ssi-kit's template, one
preheated kernel per lesson, plotly.js served once) on a copy of lessons/, waits until every lesson
has been prepared, then opens each lesson in one browser, like a learner going through the course
(the browser's cache is warm after the first page). Between two lessons it waits until the kernel
that replaces the used one has been prepared, as happens while a learner reads.

Rows: ``lesson NN (Voilà): request -> first chart`` (target 2000 ms). Printed on stderr, where the
time went: the page transferred (``html``), parsed (``dom``), plotly.js ready (``plotly.js``), the
first chart drawn (``chart``), the kernel's connection open (``kernel``) and the first chart drawn by
a widget (``widget chart``), all in ms from the request.

``python benchmarks/bench_voila.py --voila-defaults`` measures Voilà as it was before (the lab
template, no preheated kernels, only the kernel culling), for comparison.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LESSONS = ROOT / "lessons"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # tests.browser: the servers of the browser tests
TARGET_MS = 2000.0
NO_CHART_WAIT_MS = 15_000  # a page with no chart (the home) is given this long to draw one

# Installed before any page script: when the first chart appears (in the page or in a widget), and the
# kernel's connection. performance.now() counts from the request of the page.
_WATCH = """
window.__bench = {chart: null, widgetChart: null, kernel: null};
new MutationObserver(() => {
  const b = window.__bench;
  if (b.chart === null && document.querySelector('.js-plotly-plot .main-svg')) b.chart = performance.now();
  if (b.widgetChart === null && document.querySelector('.widget-subarea .js-plotly-plot .main-svg, '
      + '.jupyter-widgets .js-plotly-plot .main-svg')) b.widgetChart = performance.now();
}).observe(document, {subtree: true, childList: true});
const NativeSocket = window.WebSocket;
window.WebSocket = function (url, protocols) {
  const socket = protocols === undefined ? new NativeSocket(url) : new NativeSocket(url, protocols);
  if (String(url).includes('/channels')) socket.addEventListener('open', () => {
    if (window.__bench.kernel === null) window.__bench.kernel = performance.now(); });
  return socket;
};
window.WebSocket.prototype = NativeSocket.prototype;
Object.assign(window.WebSocket, NativeSocket);
"""
_TIMES = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const plotly = performance.getEntriesByType('resource').find(r => r.name.includes('plotly.min.js'));
  const b = window.__bench;
  return {html: nav.responseEnd, dom: nav.domContentLoadedEventEnd, plotly: plotly ? plotly.responseEnd : null,
          chart: b.chart, kernel: b.kernel, widget: b.widgetChart};
}"""
_COLUMNS = [("html", "html"), ("dom", "dom"), ("plotly", "plotly.js"), ("chart", "chart"), ("kernel", "kernel"),
            ("widget", "widget chart")]


def _measure(page, url: str, name: str) -> dict:
    """Open lesson ``name`` and return its timings in ms from the request (None: did not happen)."""
    page.goto(f"{url}/voila/render/{name}", wait_until="commit", timeout=180_000)
    try:
        page.wait_for_function("() => window.__bench && window.__bench.chart !== null", timeout=NO_CHART_WAIT_MS,
                               polling=50)
    except Exception:
        pass  # no chart on this page
    try:  # widgets' charts come later: give them a moment, so the breakdown can say when
        page.wait_for_function("() => window.__bench.widgetChart !== null", timeout=10_000, polling=100)
    except Exception:
        pass
    return page.evaluate(_TIMES)


def _breakdown(name: str, times: dict) -> str:
    cells = [f"{label} {'-' if times[key] is None else round(times[key])}" for key, label in _COLUMNS]
    return f"  {name:<34} " + " | ".join(cells)


def bench_lessons_in_voila(options: list[str] | None = None, label: str = "Voilà") -> list[dict]:
    """Every lesson in Voilà as `ssi-kit app` serves it: ms from the page request to its first chart."""
    from ssi_kit.cli import HOME_LESSON as HOME
    from ssi_kit.cli import VOILA_REFILL_DELAY, voila_options
    from tests.browser._lab import block_outside
    from tests.browser._servers import CHROMIUM, CHROMIUM_ARGS, has_chromium, voila, wait_until_quiet

    if not has_chromium():
        print(f"Chromium not found at {CHROMIUM}: Voilà benchmarks skipped", file=sys.stderr)
        return []
    from playwright.sync_api import sync_playwright

    preheated = options is None or any(o.startswith("--preheat_kernel=True") for o in options)
    options = voila_options() if options is None else options
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="ssi-bench-voila-") as tmp, voila(Path(tmp), options) as server, \
            sync_playwright() as p:
        answered = time.monotonic()
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.add_init_script(_WATCH)
        outside = block_outside(context, server.url)
        page = context.new_page()
        # What `ssi-kit app` opens as soon as Voilà answers: the start page, which leads to the course home
        # (and gives the browser Voilà's cookie), while every lesson is still being prepared.
        page.goto(server.url + "/", wait_until="commit")
        if HOME in {p.name for p in LESSONS.glob("*.ipynb")}:
            page.wait_for_url(f"**/voila/render/{HOME}", wait_until="domcontentloaded", timeout=180_000)
            rows.append({"benchmark": f"{label}: server up -> course home shown", "unit": "s", "target": None,
                         "value": time.monotonic() - answered})
        page.wait_for_load_state("load")
        wait_until_quiet(server)
        rows.append({"benchmark": f"{label}: server up -> every lesson prepared", "value": time.monotonic() - answered,
                     "unit": "s", "target": None})
        print(f"  {label}, ms from the page request:", file=sys.stderr)
        for notebook in sorted(LESSONS.glob("*.ipynb")):
            name = notebook.name
            requested = time.monotonic()
            times = _measure(page, server.url, name)
            print(_breakdown(name, times), file=sys.stderr)
            if times["chart"] is not None:
                rows.append({"benchmark": f"lesson {name.split('_')[0]} ({label}): request -> first chart",
                             "value": times["chart"], "unit": "ms", "target": TARGET_MS})
            page.goto("about:blank")  # leaves the lesson: Voilà stops its kernel
            if preheated:  # a learner reads for a while: the replacement kernel gets prepared meanwhile
                time.sleep(max(0.0, requested + VOILA_REFILL_DELAY + 1 - time.monotonic()))
            wait_until_quiet(server)
        if outside:
            print(f"  requests that left the machine (refused): {sorted(set(outside))}", file=sys.stderr)
        browser.close()
    return rows


if __name__ == "__main__":
    if "--voila-defaults" in sys.argv[1:]:
        from ssi_kit.cli import VOILA_KERNEL_CULLING

        found = bench_lessons_in_voila(list(VOILA_KERNEL_CULLING), label="Voilà defaults")
    else:
        found = bench_lessons_in_voila()
    for row in found:
        print(f"{row['benchmark']:<55} {row['value']:>10.1f} {row['unit']}")
