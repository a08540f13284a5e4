"""Hostile data shown the way lessons show it, in JupyterLab and in Voilà: nothing runs, the text shows literally.

Every text column of every reader's output (connections, messages, invitations, a class, an
actions catalog, a network, a relationship tracker) holds markup that would run JavaScript if
it reached a page as HTML. A notebook written by the test reads those files with the public
readers and shows them with ``show_table``, the reprs, the widgets and the figures. The page
must set no ``window.__ssi_xss_*`` marker, open no dialog, hold no element built from the data
(each payload carries a ``data-ssi-hostile`` attribute) and show each payload as text.
"""

from __future__ import annotations

import csv
import json
import urllib.request
from pathlib import Path

import nbformat
import pytest

from ._lab import error_outputs, open_notebook, open_voila, run_all, screenshot, voila_problems, widget_errors
from ._servers import ROOT

NOTEBOOK = "hostile_data.ipynb"


def _payload(tag: str, kind: int) -> str:
    """Markup for column ``tag``: one of four ways to run script, each with the marker attribute."""
    forms = (
        '<img src=x onerror="window.__ssi_xss_{t}=1" data-ssi-hostile>{t}',
        '"><svg data-ssi-hostile onload="window.__ssi_xss_{t}=1"></svg>{t}',
        "<script data-ssi-hostile>window.__ssi_xss_{t}=1</script>{t}",
        "<img src=x data-ssi-hostile onerror=\"alert('{t}')\">{t}",
    )
    return forms[kind % len(forms)].format(t=tag)


# Texts that must not be read as markup, maths or an entity either.
LITERAL = "&lt;b&gt; $x^2$ {{ssi}}"

CONNECTIONS = {  # column → payload; "connected_on" is a date
    "First Name": _payload("first", 0), "Last Name": _payload("last", 1), "URL": _payload("url", 2),
    "Email Address": _payload("email", 3), "Company": _payload("company", 0), "Position": _payload("position", 1),
}
MESSAGES = {
    "CONVERSATION ID": _payload("conv", 2), "CONVERSATION TITLE": _payload("title", 3), "FROM": _payload("from", 0),
    "SENDER PROFILE URL": _payload("senderurl", 1), "TO": _payload("to", 2),
    "RECIPIENT PROFILE URLS": _payload("recipurls", 3), "SUBJECT": _payload("subject", 0),
    "CONTENT": _payload("content", 1), "FOLDER": _payload("folder", 0), "ATTACHMENTS": _payload("attach", 2),
}
INVITATIONS = {
    "From": _payload("ifrom", 3), "To": _payload("ito", 0), "Message": _payload("imsg", 1),
    "inviterProfileUrl": _payload("iurl1", 2), "inviteeProfileUrl": _payload("iurl2", 3),
}
ACTION_ID = _payload("actionid", 2) + " $y$"
ACTIONS = {
    "label_es": _payload("labeles", 0) + " " + LITERAL, "label_en": _payload("labelen", 1),
    "description_es": _payload("desces", 2), "description_en": _payload("descen", 3), "source": _payload("source", 0),
}
ALIAS = _payload("alias", 1) + " $x$"
OTHER_ALIAS = _payload("alias2", 3)
PEOPLE = (_payload("n1", 0), _payload("n2", 1) + " " + LITERAL)
TRACKER = {"name": _payload("tname", 2), "next_step": _payload("tstep", 3)}
WIDGET_TRACKER = {"name": _payload("wname", 0), "next_step": _payload("wstep", 1)}
PLAN_NAME = _payload("plan", 2) + " " + LITERAL
ANSWER = _payload("answer", 3) + " *x* [a](javascript:alert(1))"

# Shown verbatim somewhere on the page (a reader upper-cases the folder; the answer is cut by short_repr).
SHOWN = [*CONNECTIONS.values(), *(v for k, v in MESSAGES.items() if k in {
    "CONVERSATION ID", "FROM", "SENDER PROFILE URL", "TO"}), INVITATIONS["From"], INVITATIONS["To"],
    ACTION_ID, ACTIONS["label_es"], ACTIONS["description_es"], ALIAS, OTHER_ALIAS, *PEOPLE, *TRACKER.values(),
    *WIDGET_TRACKER.values(), PLAN_NAME, MESSAGES["FOLDER"].upper()]


def _write(path: Path, header: list[str], rows: list[list[str]], delimiter: str = ",") -> None:
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)


def write_hostile_files(folder: Path) -> None:
    """LinkedIn exports, a class, a catalog and a network, each text column holding a payload."""
    c = CONNECTIONS
    _write(folder / "Connections.csv", [*c, "Connected On"], [
        [*c.values(), "12 Mar 2024"],
        ["Ana", "Ruiz", "https://www.linkedin.com/in/ana", "", c["Company"], "CEO " + c["Position"], "01 Jan 2023"],
        ["Luis", LITERAL, "", "", LITERAL, LITERAL, "02 Feb 2022"],
    ])
    m = MESSAGES
    header = ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO", "RECIPIENT PROFILE URLS",
              "DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS", "IS MESSAGE DRAFT", "IS CONVERSATION DRAFT"]
    row = [m["CONVERSATION ID"], m["CONVERSATION TITLE"], m["FROM"], m["SENDER PROFILE URL"], m["TO"],
           m["RECIPIENT PROFILE URLS"], "2025-03-16 19:00:00 UTC", m["SUBJECT"], m["CONTENT"], m["FOLDER"],
           m["ATTACHMENTS"], "false", "false"]
    _write(folder / "messages.csv", header, [row])
    i = INVITATIONS
    _write(folder / "Invitations.csv", ["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl",
                                        "inviteeProfileUrl"],
           [[i["From"], i["To"], "3/18/25, 9:00 AM", i["Message"], "INCOMING", i["inviterProfileUrl"],
             i["inviteeProfileUrl"]]])
    a = ACTIONS
    _write(folder / "acciones.csv", ["id", "pillar", "kind", "label_es", "label_en", "description_es",
                                     "description_en", "minutes", "effect", "source"],
           [[ACTION_ID, "relationships", "weekly", a["label_es"], a["label_en"], a["description_es"],
             a["description_en"], "30", "0.5", a["source"]]])
    _write(folder / "red.csv", ["persona", "contacto"], [["Yo", PEOPLE[0]], [PEOPLE[0], PEOPLE[1]]])
    # By hand: classroom.submit refuses such aliases, a shared form does not.
    _write(folder / "clase.csv", ["Marca temporal", "Alias", "Marca", "Personas", "Información", "Relaciones"], [
        ["3/2/2025 10:04:39", ALIAS, "11,02", "9,17", "5,34", "6,56"],
        ["3/9/2025 10:04:39", ALIAS, "12", "9,5", "5,34", "7"],
        ["3/2/2025 11:00:00", OTHER_ALIAS, "8", "7", "6", "5"],
        ["3/9/2025 11:00:00", OTHER_ALIAS, "9", "7", "6", "6"],
    ])


def _cells(folder: Path) -> list[str]:
    """The notebook's code: read each file with the public readers, show it the way lessons do."""
    j = json.dumps
    return [
        f"""import os
from pathlib import Path
D = Path({j(str(folder))})
os.environ["SSI_KIT_HOME"] = str(D / "home")  # the tracker widget's own file lives in the test's folder
(D / "home").mkdir(exist_ok=True)
import ssi_kit
from ssi_kit import classroom, relationships, show_table
print(ssi_kit.__file__)""",
        'contactos = ssi_kit.read_connections(D / "Connections.csv")\nshow_table(contactos)',
        "resumen = ssi_kit.network_summary(contactos)\nresumen",
        "show_table(resumen.top_companies)",
        "ssi_kit.plot_top_companies(resumen)",
        "ssi_kit.plot_top_positions(resumen)",
        "from ssi_kit.linkedin_export import top_decision_makers\nshow_table(top_decision_makers(contactos))",
        "show_table(ssi_kit.anonymize(contactos))",
        'mensajes = ssi_kit.read_messages(D / "messages.csv")\nshow_table(mensajes)',
        "respuesta = ssi_kit.responsiveness(mensajes)\nrespuesta",
        "show_table(respuesta.waiting)",
        'show_table(ssi_kit.read_invitations(D / "Invitations.csv"))',
        'acciones = ssi_kit.load_actions(D / "acciones.csv")\nshow_table(acciones)',
        "ssi_kit.best_plan(ssi_kit.SSI(10, 8, 6, 9), 60, catalog=acciones)",
        "from ssi_kit.widgets import simulator\n"
        f'simulator(ssi_kit.SSI(10, 8, 6, 9), catalog=acciones, actions=[{j(ACTION_ID)}])',
        f'red = ssi_kit.read_network(D / "red.csv")\nssi_kit.plot_network(red, "Yo", target={j(PEOPLE[1])})',
        f'show_table(ssi_kit.introducers(red, "Yo", {j(PEOPLE[1])}))',
        'clase = classroom.read_class(D / "clase.csv")\nclase',
        "show_table(classroom.latest_submissions(clase))",
        'show_table(classroom.compare_projection(clase, ["grupos"]))',
        "panel = ssi_kit.plots.class_dashboard(clase, leaderboard=True)\npanel['progress']",
        "panel['leaderboard']",
        "from ssi_kit.widgets import class_planner\n"
        f'class_planner(clase, catalog=acciones, actions=[{j(ACTION_ID)}])',
        f"""seguimiento = relationships.add_contact(relationships.new_tracker(), {j(TRACKER["name"])},
    stage="colaboracion", next_step={j(TRACKER["next_step"])})
show_table(relationships.next_steps_table(seguimiento))""",
        "ssi_kit.plots.plot_funnel(seguimiento)",
        f"""from ssi_kit.widgets import relationship_tracker
tracker = relationship_tracker()
tracker.name.value, tracker.next_step.value = {j(WIDGET_TRACKER["name"])}, {j(WIDGET_TRACKER["next_step"])}
tracker.add()
tracker""",
        f"""from ssi_kit import plans
plans.save_plan(["publicar"], start="2025-01-06", ssi=ssi_kit.SSI(6, 6, 5, 8), name={j(PLAN_NAME)},
                path=D / "planes.sqlite")""",
        f"ssi_kit.plot_plans({{{j(PLAN_NAME)}: ssi_kit.simulate(ssi_kit.SSI(6, 6, 5, 8), ['publicar'])}})",
        f"from ssi_kit.exercises import lesson02\nlesson02.q1.check([{j(ANSWER)}])",
    ]


def write_notebook(path: Path, folder: Path) -> None:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(code) for code in _cells(folder)]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, path)


# The outputs' text (tables, reprs, widgets, chart labels), not the code cells nor the widget state.
_FOUND = """() => {
    const texts = [];
    for (const output of document.querySelectorAll('.jp-OutputArea-output')) {
        const walker = document.createTreeWalker(output, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (!node.parentElement.closest('script, style')) texts.push(node.textContent);
        }
        texts.push('\\n');
    }
    return {
        markers: Object.keys(window).filter(k => k.startsWith('__ssi_xss')),
        elements: Array.from(document.querySelectorAll('[data-ssi-hostile]')).map(e => e.outerHTML.slice(0, 120)),
        maths: document.querySelectorAll('mjx-container, .MathJax').length,
        text: texts.join(''),
    };
}"""


def _watch_dialogs(page) -> list[str]:
    opened: list[str] = []

    def dismiss(dialog) -> None:
        opened.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    return opened


def _assert_nothing_ran_and_text_shows(page, dialogs: list[str]) -> None:
    found = page.evaluate(_FOUND)
    assert found["markers"] == []
    assert found["elements"] == []
    assert dialogs == []
    assert found["maths"] == 0
    text = found["text"]
    missing = [p for p in SHOWN if p not in text]
    assert missing == []
    assert LITERAL in text


def _show_every_output(page) -> None:
    """Scroll through the notebook so JupyterLab renders every output (it draws cells lazily)."""
    count = page.evaluate("() => document.querySelectorAll('.jp-Cell').length")
    for index in range(count):
        page.locator(".jp-Cell").nth(index).scroll_into_view_if_needed(timeout=30_000)
        page.wait_for_timeout(150)


@pytest.fixture
def hostile_folder(tmp_path):
    folder = tmp_path / "hostil"
    folder.mkdir()
    write_hostile_files(folder)
    return folder


def test_hostile_data_runs_nothing_in_jupyterlab(page, lab_url, hostile_folder, tmp_path):
    """In JupyterLab, every reader's hostile text shown by tables, reprs, widgets and figures runs nothing."""
    write_notebook(tmp_path / NOTEBOOK, hostile_folder)
    body = json.dumps({"type": "notebook", "format": "json",
                       "content": json.loads((tmp_path / NOTEBOOK).read_text(encoding="utf-8"))}).encode()
    request = urllib.request.Request(f"{lab_url}/api/contents/{NOTEBOOK}", data=body, method="PUT",
                                     headers={"Content-Type": "application/json"})
    urllib.request.urlopen(request, timeout=30).close()
    dialogs = _watch_dialogs(page)

    open_notebook(page, lab_url, NOTEBOOK)
    run_all(page)
    assert error_outputs(page) == []
    first = page.evaluate("() => window.jupyterapp.shell.currentWidget.content.model.cells.get(0).outputs.get(0)"
                          ".toJSON().text")
    assert str(ROOT / "ssi_kit") in "".join(first)  # the kernel runs this worktree's code
    _show_every_output(page)
    page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= 8",
                           timeout=60_000)
    page.wait_for_function("() => document.querySelector('.ssi-relationship-tracker table') !== null",
                           timeout=60_000)
    page.wait_for_timeout(2_000)  # a typesetter or an image error handler would have run by now
    screenshot(page, "hostile_data_lab")
    assert widget_errors(page) == 0
    _assert_nothing_ran_and_text_shows(page, dialogs)


def test_hostile_data_runs_nothing_in_voila(browser, voila_server, hostile_folder):
    """In Voilà (what `ssi-kit app` serves), the same hostile notebook runs nothing and shows the text."""
    root = voila_server.log.parent / "lessons"  # the server's root (see _servers.voila)
    write_notebook(root / NOTEBOOK, hostile_folder)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    dialogs = _watch_dialogs(page)
    try:
        page.goto(f"{voila_server.url}/", wait_until="load")
        open_voila(page, voila_server.url, NOTEBOOK)
        page.wait_for_function("() => document.querySelector('.ssi-relationship-tracker table') !== null",
                               timeout=60_000)
        page.wait_for_timeout(2_000)
        screenshot(page, "hostile_data_voila")
        problems = voila_problems(page)
        assert problems["errors"] == [] and problems["texts"] == []
        _assert_nothing_ran_and_text_shows(page, dialogs)
    finally:
        page.goto("about:blank")  # Voilà stops this page's kernel
        context.close()
