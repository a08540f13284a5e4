"""Drive JupyterLab from Playwright: open a lesson, run it, read its outputs and widgets.

``--LabApp.expose_app_in_browser`` gives ``window.jupyterapp``, so commands and the notebook
model are used directly instead of guessing at menus.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

BUILD = Path(__file__).resolve().parents[2] / "build"
LESSONS = Path(__file__).resolve().parents[2] / "lessons"


def open_notebook(page: Page, lab_url: str, name: str) -> None:
    """Open ``lessons/<name>`` in JupyterLab and wait until its kernel is idle."""
    # ?reset: start from an empty workspace, not the tabs an earlier test left open.
    page.goto(f"{lab_url}/lab/tree/{name}?reset", wait_until="domcontentloaded")
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell", timeout=60_000)
    page.wait_for_function(
        "(name) => { const w = window.jupyterapp.shell.currentWidget;"
        " return w && w.context && w.context.path === name && w.content && w.content.widgets.length > 0; }",
        arg=name,
        timeout=60_000,
    )
    # A fresh JupyterLab may ask which kernel to use: accept the default (Python 3).
    try:
        page.locator("dialog.jp-Dialog .jp-mod-accept, .jp-Dialog .jp-mod-accept").first.click(timeout=5_000)
    except Exception:
        pass
    page.wait_for_function(
        """() => {
            const w = window.jupyterapp.shell.currentWidget;
            const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
            return k && k.status === 'idle';
        }""",
        timeout=90_000,
    )


def run_all(page: Page, *, timeout_ms: int = 180_000) -> None:
    """Run every cell and wait until each has run (all have an execution count) and the kernel is idle."""
    page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(
        """() => {
            const w = window.jupyterapp.shell.currentWidget;
            const k = w.sessionContext.session.kernel;
            const cells = Array.from(w.content.model.cells);
            const code = cells.filter(c => c.type === 'code');
            return k.status === 'idle' && code.every(c => c.executionCount !== null && c.executionCount !== undefined);
        }""",
        timeout=timeout_ms,
        polling=500,
    )


def error_outputs(page: Page) -> list[str]:
    """Texts of every error output in the open notebook (empty when all cells ran cleanly)."""
    return page.evaluate(
        """() => {
            const w = window.jupyterapp.shell.currentWidget;
            const found = [];
            for (const cell of Array.from(w.content.model.cells)) {
                if (cell.type !== 'code') continue;
                const outputs = cell.outputs;
                for (let i = 0; i < outputs.length; i++) {
                    const o = outputs.get(i).toJSON();
                    if (o.output_type === 'error') found.push(o.ename + ': ' + o.evalue);
                }
            }
            return found;
        }"""
    )


def widget_errors(page: Page) -> int:
    """How many widgets failed to display."""
    return page.get_by_text("Error displaying widget").count()


def wait_for_plots(page: Page, count: int, *, timeout_ms: int = 60_000) -> None:
    """Wait until at least ``count`` plotly charts are drawn."""
    page.wait_for_function(
        f"() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= {count}",
        timeout=timeout_ms,
    )


def screenshot(page: Page, name: str) -> Path:
    """Save a full-page screenshot under build/ and return its path."""
    BUILD.mkdir(exist_ok=True)
    path = BUILD / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


def drag_slider(page: Page, slider, fraction: float, *, changed: str, attempts: int = 3) -> None:
    """Drag an ipywidgets slider's handle to ``fraction`` of its track, like a person would.

    ``slider`` is the ``.widget-slider`` locator; ``changed`` is a JavaScript function
    (as text) that returns true once the page shows the effect. JupyterLab renders cells
    lazily, so the layout can shift while the notebook scrolls: measure after hovering,
    and drag again if the first drag landed before the layout settled.
    """
    handle = slider.locator(".noUi-handle").first
    track = slider.locator(".noUi-target").first
    for attempt in range(attempts):
        handle.hover()
        box = handle.bounding_box()
        line = track.bounding_box()
        y = box["y"] + box["height"] / 2
        page.mouse.down()
        page.mouse.move(line["x"] + line["width"] * fraction, y, steps=10)
        page.mouse.up()
        try:
            page.wait_for_function(changed, timeout=8_000)
            return
        except Exception:
            if attempt == attempts - 1:
                screenshot(page, "drag_slider_failed")
                raise


def type_text(page: Page, box, text: str, *, changed: str) -> None:
    """Type ``text`` into an ipywidgets text box and press Enter, like a person would.

    ``box`` is the ``input`` locator; ``changed`` a JavaScript function (as text) that
    returns true once the page shows the effect.
    """
    box.scroll_into_view_if_needed()
    box.click()
    box.fill(text)
    box.press("Enter")
    page.wait_for_function(changed, timeout=20_000)


def pillar_text_box(page: Page):
    """The text box beside the first pillar slider (the brand pillar of ``ssi_input``)."""
    return page.locator(".widget-hbox:has(> .widget-slider)").first.locator(".widget-text input").first


_QUIZ_TEXT = "() => { const s = document.querySelector('.ssi-quiz'); return s ? s.textContent : ''; }"


def answer_quiz(page: Page, questions) -> None:
    """Answer every question of the lesson's quiz right, like a learner (radio buttons, then «Comprobar»),
    and wait until the quiz shows the full score ("N de N")."""
    quiz = page.locator(".ssi-quiz").first
    quiz.scroll_into_view_if_needed(timeout=30_000)
    groups = quiz.locator(".widget-radio-box")
    assert groups.count() == len(questions)
    for number, question in enumerate(questions):
        groups.nth(number).locator("input[type=radio]").nth(question.answer).check()
    quiz.get_by_role("button", name="Comprobar").click()
    page.wait_for_function(f"() => ({_QUIZ_TEXT})().includes('{len(questions)} de {len(questions)}')",
                           timeout=20_000)


def block_outside(context, allowed: str) -> list[str]:
    """Refuse every request of ``context`` whose URL does not start with ``allowed``; return the refused URLs
    (filled as the pages ask: the list is how a test proves nothing left the machine)."""
    outside: list[str] = []

    def guard(route) -> None:
        if route.request.url.startswith(allowed):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    return outside


def error_details(page: Page) -> list[dict]:
    """Every error output of the open notebook: its cell's index and tags, ename, evalue and shown lines."""
    return page.evaluate(
        """() => {
            const w = window.jupyterapp.shell.currentWidget;
            const found = [];
            const cells = Array.from(w.content.model.cells);
            cells.forEach((cell, index) => {
                if (cell.type !== 'code') return;
                const tags = (cell.toJSON().metadata || {}).tags || [];
                for (let i = 0; i < cell.outputs.length; i++) {
                    const o = cell.outputs.get(i).toJSON();
                    if (o.output_type === 'error') {
                        found.push({cell: index, tags: tags, ename: o.ename, evalue: o.evalue,
                                    traceback: o.traceback || []});
                    }
                }
            });
            return found;
        }"""
    )


def strip_ansi(text: str) -> str:
    """``text`` without terminal colour codes (tracebacks are coloured)."""
    import re

    return re.sub(r"\x1b\[[0-9;]*m", "", text)


# --- Voilà (app mode): the page is the rendered notebook, no JupyterLab around it ---

# What Voilà itself would show a learner, in English (file list, loading screen, error pages and outputs), and a
# marker of the lessons' code: none of it may reach a page of ssi-kit's template.
ENGLISH_CHROME = ["Select items to open", "Running ", "Executing ", "Reading ", "Voilà Home", "Opening Voilà",
                  "There was an error", "Please run Voilà", "Execution error", "Traceback", "does not exist",
                  "Error displaying widget", "NBVAL_CHECK_OUTPUT"]

ALL_PLOTS_DRAWN = """() => {
    const plots = Array.from(document.querySelectorAll('.js-plotly-plot'));
    return plots.length > 0 && plots.every(p => p.querySelector('.main-svg'));
}"""


def open_voila(page: Page, voila_url: str, name: str, *, timeout_ms: int = 180_000) -> None:
    """Open ``name`` in Voilà and wait until the executed page has loaded and every chart on it is drawn.

    ``timeout_ms`` bounds each wait: a CI machine running two test processes at once draws slowly.
    """
    # Voilà runs the whole notebook before it sends the page: the load itself can take a while.
    page.goto(f"{voila_url}/voila/render/{name}", wait_until="load", timeout=timeout_ms)
    page.wait_for_function(ALL_PLOTS_DRAWN, timeout=timeout_ms, polling=250)
    # Widgets render after the static outputs: wait until the number of charts holds still.
    page.evaluate("() => { window.__plots = {n: -1, since: performance.now()}; }")
    page.wait_for_function(
        """() => {
            const n = document.querySelectorAll('.js-plotly-plot .main-svg').length;
            if (n !== window.__plots.n) { window.__plots = {n: n, since: performance.now()}; }
            return performance.now() - window.__plots.since > 2000;
        }""",
        timeout=timeout_ms,
        polling=250,
    )
    page.wait_for_function(ALL_PLOTS_DRAWN, timeout=timeout_ms, polling=250)


def voila_problems(page: Page) -> dict:
    """What a learner should never see in app mode: code, error outputs, failed widgets."""
    return page.evaluate(
        """() => ({
            editors: document.querySelectorAll('.cm-editor, .CodeMirror, .jp-CodeCell .jp-InputArea').length,
            errors: Array.from(document.querySelectorAll(
                '[data-mime-type="application/vnd.jupyter.stderr"], .jp-OutputArea-output.jp-mod-error'))
                .map(e => e.textContent.slice(0, 200)),
            texts: ['Error displaying widget', 'There was an error when executing cell', 'Traceback',
                    'Execution error'].filter(t => document.body.innerText.includes(t)),
        })"""
    )


def code_lines(name: str) -> list[str]:
    """Lines of code of lesson ``name`` recognisable on a page (comments and lines its text quotes left out)."""
    import json

    cells = json.loads((LESSONS / name).read_text(encoding="utf-8"))["cells"]
    prose = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    lines = []
    for cell in cells:
        if cell["cell_type"] != "code":
            continue
        for line in "".join(cell["source"]).splitlines():
            line = line.strip()
            if len(line) >= 12 and not line.startswith("#") and line not in prose:
                lines.append(line)
    return lines
