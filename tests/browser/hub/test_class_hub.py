"""A class on a real JupyterHub, end to end: three students and their teacher, as a school runs it.

The students pull the course with the README's nbgitpuller link, type their SSI in lesson 01 in app mode
(Voilà, through the hub) and send it to the class folder; a second click brings the teacher's changes and
keeps the student's; nobody reads or replaces another's data or submission; the teacher reads the class in
lesson 06 in JupyterLab and exports the dashboard, which opens offline; the culler stops a closed page's
kernel and an idle server, and the student's saved data is still there. The tests run in order, on one hub
(``conftest.hub``): each step starts from what the one before left, as in a real class.
"""

from __future__ import annotations

import hashlib
import json
import re
import stat
import time
from pathlib import Path

import pytest

from .._lab import block_outside, open_notebook, run_all, screenshot
from .._servers import ROOT
from ._hub import DEPLOY, LESSONS, PASSWORD, REPO_FOLDER, Hub, commit

LESSON01 = f"{LESSONS}/01_que_es_el_ssi.ipynb"
LESSON06 = f"{LESSONS}/06_para_docentes.ipynb"
# Each student's pillars as they type them (decimal commas) and the total they make.
TYPED = [(("12,5", "8,25", "5,75", "10"), 36.5), (("20", "15", "10", "5"), 50.0), (("7", "7", "7", "7"), 28.0)]
ALIASES = ["lince_azul", "garza_roja", "zorro_gris"]
PILLAR_BOXES = ("Establecer tu marca profesional", "Encontrar a las personas adecuadas",
                "Interactuar ofreciendo información", "Construir relaciones")
NOTE = "Mis notas de la clase: repasar el pilar de relaciones."
NEWS = "Novedad de la docente: hay una lección de repaso."
DATA = ".local/share/ssi-kit"  # where ssi-kit keeps a learner's history, plans, tracker and data (platformdirs)


def wait_until(condition, *, timeout: float, what: str, every: float = 0.5):
    """Poll ``condition`` until it returns something true; that value. Fails with ``what`` after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"{what}: no ocurrió en {timeout:.0f} s")
        time.sleep(every)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def pages(browser, hub):
    """One browser per person (its own cookies), kept across the steps; closed at the end."""
    opened: dict[str, object] = {}

    def page_of(user: str):
        if user not in opened:
            opened[user] = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        return opened[user]

    yield page_of
    for page in opened.values():
        page.context.close()


@pytest.fixture(scope="module")
def left() -> dict:
    """What the student who leaves (the third) had saved and sent when they closed their page."""
    return {}


def log_in_and_open(page, hub: Hub, user: str, url: str) -> None:
    """Open ``url`` like a student who is not logged in yet: the hub asks for the name and password first."""
    page.goto(url, wait_until="load", timeout=60_000)
    page.fill("#username_input", user)
    page.fill("#password_input", PASSWORD)
    page.click("#login_submit", no_wait_after=True)


def panel(page):
    return page.locator(".ssi-data-panel:visible").first


def type_pillars(page, typed: tuple[str, ...]) -> None:
    box = panel(page)
    box.locator("button", has_text="Cambiar mis datos").click()
    for label, text in zip(PILLAR_BOXES, typed):
        field = box.locator(".widget-text", has_text=label).locator("input")
        field.fill(text)
        field.press("Enter")
    keep = box.locator(".widget-checkbox", has_text="Guardar en este equipo").locator("input")
    if not keep.is_checked():
        keep.click()
    box.locator("button", has_text="Usar estos datos").click()


def data_files(hub: Hub, user: str) -> dict[str, str]:
    """The files ssi-kit saved for ``user`` (name → SHA-256), read as root."""
    folder = hub.home(user) / DATA
    return {p.name: digest(p) for p in sorted(folder.glob("*.sqlite"))} if folder.is_dir() else {}


def class_files(hub: Hub) -> list[Path]:
    return sorted(hub.class_dir.glob("*.csv"))


# --- 1. the link ----------------------------------------------------------------------------------
def test_each_student_gets_their_own_copy_from_the_link(hub, pages):
    """The nbgitpuller link (app mode) gives each student their own clone of the lessons and opens lesson 01."""
    link = hub.pull_link(f"voila/render/{LESSON01}")
    for user in hub.students:  # all three at once: the hub pulls and renders in parallel
        log_in_and_open(pages(user), hub, user, link)
    for user in hub.students:
        page = pages(user)
        page.wait_for_url(f"**/user/{user}/voila/render/{LESSON01}", wait_until="commit", timeout=120_000)
        page.locator(".ssi-class-submit").first.wait_for(timeout=180_000)
        page.locator(".ssi-data-panel").first.wait_for(timeout=60_000)

    lessons = {p.name for p in (hub.source / "lessons").glob("*.ipynb")}
    for user in hub.students:
        listed = {item["name"] for item in hub.contents(user, LESSONS)["content"]}
        assert lessons <= listed
        copy = hub.home(user) / LESSONS / "01_que_es_el_ssi.ipynb"
        assert copy.stat().st_uid == hub.home(user).stat().st_uid  # theirs, in their own home
        assert (hub.home(user) / "ssi-kit" / ".git").is_dir()


# --- 2. lesson 01 in Voilà: SSI typed, saved, sent to the class -----------------------------------
def test_students_type_save_and_send_their_ssi_in_voila(hub, pages):
    """Two students at once type their pillars and save them, then all three send their SSI to the class folder:
    one file each, theirs, readable by the teachers' group and by no other student."""
    first, second, third = hub.students
    # Two students at the same moment: each types, then each saves («Guardar» records the SSI in the history).
    for user, (typed, _total) in zip((first, second), TYPED):
        type_pillars(pages(user), typed)
    type_pillars(pages(third), TYPED[2][0])
    for user in hub.students:
        panel(pages(user)).locator(".widget-html-content", has_text="Guardados en este equipo").first.wait_for(
            timeout=30_000)
    for user in hub.students:
        pages(user).locator("button", has_text=re.compile(r"^\s*Guardar\s*$")).first.click()
    for user, (_typed, total) in zip(hub.students, TYPED):
        shown = f"Guardado: SSI {total:.1f}".replace(".", ",").replace(",0", "")
        pages(user).get_by_text(shown).first.wait_for(timeout=30_000)

    for user, alias in zip(hub.students, ALIASES):
        form = pages(user).locator(".ssi-class-submit").first
        assert form.locator(".widget-text", has_text="Carpeta de la clase").locator("input").input_value() == str(
            hub.class_dir)  # the hub's setting, already filled in
        form.locator(".widget-text", has_text="Tu alias").locator("input").fill(alias)
        form.locator("button", has_text="Enviar a la clase").click()
    for user in hub.students:
        pages(user).locator(".ssi-class-submit", has_text="Enviado: tu SSI").first.wait_for(timeout=30_000)

    files = class_files(hub)
    assert len(files) == 3
    owners = {hub.home(u).stat().st_uid: u for u in hub.students}
    assert {owners[f.stat().st_uid] for f in files} == set(hub.students)
    for file in files:
        mode = file.stat().st_mode
        assert stat.S_IMODE(mode) & 0o007 == 0  # nothing for other students
        assert file.stat().st_gid == hub.class_dir.stat().st_gid  # the teachers' group reads it
    # Each student's own saved data, in their own home: their history holds their SSI, not the others'.
    from ssi_kit.history import load_history

    for user, (_typed, total) in zip(hub.students, TYPED):
        assert {"perfil.sqlite", "historial.sqlite"} <= set(data_files(hub, user))
        history = load_history(hub.home(user) / DATA / "historial.sqlite")
        assert history["total"].round(2).tolist() == [total]


# --- 3. a page closed: its kernel culled, and the student's idle time starts ----------------------
def test_a_closed_voila_page_has_its_kernel_culled(hub, pages, left):
    """Closing a lesson opened in Voilà by a direct link leaves its kernel; the server culls it once idle."""
    student = hub.students[2]
    uid = hub.home(student).stat().st_uid
    left.update(data=data_files(hub, student),
                submitted={f: digest(f) for f in class_files(hub) if f.stat().st_uid == uid})
    kernels = {k["id"] for k in hub.kernels(student)}
    assert kernels  # lesson 01's kernel, alive while its page is open
    pages(student).context.close()
    wait_until(lambda: not ({k["id"] for k in hub.kernels(student)} & kernels),
               timeout=60, what="el núcleo de la página cerrada se detiene")
    log = hub.log.read_text(errors="replace")
    assert any("Culling '" in line and kernel in line for kernel in kernels for line in log.splitlines())


# --- 4. the second click --------------------------------------------------------------------------
def test_a_second_click_brings_changes_and_keeps_the_students_edit(hub, pages):
    """After the teacher changes the course, the same link brings the change and a new file, and the lesson
    the student edited keeps the student's text."""
    student = hub.students[0]
    hub.start(student)
    lesson = hub.contents(student, LESSON01)
    notebook = lesson["content"]
    notebook["cells"].append({"cell_type": "markdown", "metadata": {}, "source": NOTE})
    hub.request("PUT", f"/user/{student}/api/contents/{LESSON01}",
                {"type": "notebook", "format": "json", "content": notebook})

    source_lessons = hub.source / "lessons"
    welcome = json.loads((source_lessons / "00_bienvenida.ipynb").read_text(encoding="utf-8"))
    welcome["cells"].insert(0, {"cell_type": "markdown", "metadata": {}, "source": [NEWS]})
    (source_lessons / "00_bienvenida.ipynb").write_text(json.dumps(welcome, indent=1), encoding="utf-8")
    upstream01 = json.loads((source_lessons / "01_que_es_el_ssi.ipynb").read_text(encoding="utf-8"))
    upstream01["cells"].append({"cell_type": "markdown", "metadata": {}, "source": ["Texto nuevo del curso."]})
    (source_lessons / "01_que_es_el_ssi.ipynb").write_text(json.dumps(upstream01, indent=1), encoding="utf-8")
    (source_lessons / "novedades.md").write_text(NEWS + "\n", encoding="utf-8")
    commit(hub.source, "The teacher adds news")

    page = pages(student)
    page.goto(hub.pull_link(f"files/{LESSONS}/novedades.md"), wait_until="load", timeout=60_000)
    page.wait_for_url(f"**/user/{student}/files/{LESSONS}/novedades.md", timeout=120_000)
    assert "Novedad de la docente" in page.inner_text("body")  # served as bytes: the browser guesses the encoding
    assert hub.contents(student, f"{LESSONS}/novedades.md")["content"] == NEWS + "\n"

    pulled = json.dumps(hub.contents(student, f"{LESSONS}/00_bienvenida.ipynb")["content"], ensure_ascii=False)
    assert NEWS in pulled
    kept = json.dumps(hub.contents(student, LESSON01)["content"], ensure_ascii=False)
    assert NOTE in kept
    # The other students did not click again: their copy is as it was.
    other = json.dumps(hub.contents(hub.students[1], f"{LESSONS}/00_bienvenida.ipynb")["content"], ensure_ascii=False)
    assert NEWS not in other


# --- 5. two students at once: plans, tracker, history ---------------------------------------------
_OWN_DATA = """
import json, pathlib
import ssi_kit
from ssi_kit import relationships
from ssi_kit.history import load_history, record
from ssi_kit.plans import list_plans, save_plan

save_plan(["publicar", "grupos"], ssi={ssi!r}, name={plan!r})
tracker = relationships.add_contact(relationships.load_tracker(), {contact!r})
relationships.save_tracker(tracker)
record({ssi!r}, "2026-11-02")
other = pathlib.Path({other!r})
try:
    sorted(other.iterdir())
    seen = "yes"
except PermissionError:
    seen = "no"
print(json.dumps({{"plans": list_plans()["name"].tolist(),
                  "contacts": relationships.load_tracker()["name"].tolist(),
                  "history": load_history()["total"].round(2).tolist(), "other_home": seen}}))
"""


def test_two_students_at_once_keep_their_own_plans_tracker_and_history(hub):
    """Two students save a plan, a contact and an SSI at the same moment, each in their own kernel on the hub:
    each sees only their own, and neither can look into the other's home."""
    first, second = hub.students[:2]
    hub.start(first, second)
    jobs = [(first, _OWN_DATA.format(ssi="10; 10; 10; 10", plan="Plan de Ana", contact="Beatriz Ruiz",
                                     other=str(hub.home(second)))),
            (second, _OWN_DATA.format(ssi="20; 20; 20; 20", plan="Plan de Luis", contact="Carlos Gil",
                                      other=str(hub.home(first))))]
    mine, theirs = (json.loads(out) for out in hub.run_at_once(jobs))
    assert mine["plans"] == ["Plan de Ana"] and mine["contacts"] == ["Beatriz Ruiz"]
    assert theirs["plans"] == ["Plan de Luis"] and theirs["contacts"] == ["Carlos Gil"]
    assert sorted(mine["history"]) == [TYPED[0][1], 40.0]  # lesson 01's «Guardar» and this kernel's record
    assert sorted(theirs["history"]) == [TYPED[1][1], 80.0]
    assert mine["other_home"] == theirs["other_home"] == "no"


# --- 6. the teacher -------------------------------------------------------------------------------
_DASHBOARD_TITLES = """() => Array.from(document.querySelectorAll('.js-plotly-plot'))
    .filter(p => p.querySelector('.main-svg') && p.layout && p.layout.title)
    .map(p => p.layout.title.text || '')"""


def test_the_teacher_reads_the_class_in_lesson06(hub, pages):
    """The teacher pulls the course (JupyterLab link), runs lesson 06, reads the class folder the hub names:
    the dashboard counts the three students; the exported dashboard opens with the network off."""
    teacher = hub.teacher
    hub.start(teacher)
    page = pages(teacher)
    log_in_and_open(page, hub, teacher, hub.pull_link(f"lab/tree/{LESSON06}"))
    # Pulled once JupyterLab's page arrives; open_notebook then opens the lesson in a fresh workspace.
    page.wait_for_url(f"**/user/{teacher}/lab/tree/{LESSON06}", wait_until="commit", timeout=120_000)
    lab = f"{hub.url}/user/{teacher}"
    open_notebook(page, lab, LESSON06)
    run_all(page)
    reader = page.locator(".ssi-class-input:visible").first
    reader.scroll_into_view_if_needed(timeout=30_000)
    assert reader.locator(".widget-text", has_text="Carpeta de la clase").locator("input").input_value() == str(
        hub.class_dir)
    reader.locator("button", has_text="Leer la carpeta").click()
    reader.locator(".widget-html-content", has_text="la carpeta de la clase: 3 envíos válidos de 3 personas").first \
        .wait_for(timeout=30_000)

    # The dashboard's charts follow the class read: scroll until the class's spread shows its three people.
    page.locator(".jp-Notebook").first.hover()
    for _ in range(60):
        if any("(3 personas)" in title for title in page.evaluate(_DASHBOARD_TITLES)):
            break
        page.mouse.wheel(0, 500)
        page.wait_for_timeout(250)
    assert any("(3 personas)" in title for title in page.evaluate(_DASHBOARD_TITLES))
    screenshot(page, "hub_lesson06_dashboard")

    kernel = next(s["kernel"]["id"] for s in hub.sessions(teacher) if s["path"] == LESSON06)
    shown = json.loads(hub.run(teacher, "import json\nprint(json.dumps(sorted(mi_clase.value.submissions"
                                        "['student'].tolist())))", kernel=kernel))
    assert shown == sorted(ALIASES)
    exported = Path(hub.run(teacher, 'print(ssi_kit.export_dashboard(ssi_kit.class_dashboard(mi_clase.value), '
                                     '"panel_clase.html").resolve())', kernel=kernel).strip())
    assert exported.parent == hub.home(teacher) / LESSONS
    figures = exported.read_text(encoding="utf-8").count('<div class="figure">')
    assert figures >= 3

    context = page.context.browser.new_context(viewport={"width": 1000, "height": 1200})
    context.set_offline(True)
    outside = block_outside(context, "file://")
    offline = context.new_page()
    try:
        offline.goto(exported.as_uri(), wait_until="load")
        offline.wait_for_function(
            "(n) => Array.from(document.querySelectorAll('.js-plotly-plot')).filter(p => p.querySelector('.main-svg'))"
            ".length === n", arg=figures, timeout=30_000)
        assert "3 personas" in offline.inner_text("body")
    finally:
        context.close()
    assert outside == []


# --- 7. nobody replaces another's submission ------------------------------------------------------
_IMPOSTOR = """
import json, os, pathlib
from ssi_kit.classroom import submit

victim = pathlib.Path({victim!r})
written = submit("25; 25; 25; 25", {alias!r}, {folder!r})
tries = {{}}
for what, attempt in [("read", lambda: victim.read_bytes()),
                      ("append", lambda: open(victim, "a").close()),
                      ("delete", lambda: victim.unlink()),
                      ("rename", lambda: victim.rename(victim.with_name("mio.csv"))),
                      ("replace", lambda: os.replace(written, victim)),
                      ("list", lambda: os.listdir(victim.parent))]:
    try:
        attempt()
        tries[what] = "done"
    except PermissionError:
        tries[what] = "refused"
print(json.dumps({{"written": str(written), "tries": tries}}))
"""


def test_a_student_cannot_replace_another_students_submission(hub):
    """With another student's alias, a student's submission goes to a file of their own; reading, changing,
    deleting, renaming or replacing the other's file, or listing the folder, is refused."""
    victim_user, impostor = hub.students[0], hub.students[1]
    hub.start(impostor)
    uid = hub.home(victim_user).stat().st_uid
    victim = next(f for f in class_files(hub) if f.stat().st_uid == uid)
    before = digest(victim)
    result = json.loads(hub.run(impostor, _IMPOSTOR.format(victim=str(victim), alias=ALIASES[0],
                                                           folder=str(hub.class_dir))))
    assert Path(result["written"]) != victim
    assert result["tries"] == dict.fromkeys(["read", "append", "delete", "rename", "replace", "list"], "refused")
    assert digest(victim) == before and victim.stat().st_uid == uid


# --- 8. the idle culler ---------------------------------------------------------------------------
def test_an_idle_server_is_stopped_and_keeps_what_the_student_saved(hub, left):
    """The idle culler stops the server of a student who left; their saved data and submission are intact,
    and their server starts again with their data."""
    student = hub.students[2]
    saved, submitted = left["data"], left["submitted"]
    assert saved and submitted
    wait_until(lambda: hub.server(student) is None, timeout=hub.timeouts.server_idle * 4,
               what="el culler detiene el servidor inactivo", every=1)
    assert any(student in line and "Culling server" in line
               for line in hub.log.read_text(errors="replace").splitlines())
    assert data_files(hub, student) == saved
    assert {f: digest(f) for f in submitted} == submitted

    hub.start(student)
    total = hub.run(student, "from ssi_kit.profile import load_profile\nprint(load_profile().ssi.total)")
    assert float(total) == TYPED[2][1]


def test_the_servers_run_with_the_deploy_settings(hub):
    """Every server reads deploy/jupyter_server_config.py: kernels talk over files, not local TCP ports any
    account could reach, and what a student writes is closed to other accounts."""
    student = hub.students[0]
    hub.start(student)
    out = json.loads(hub.run(student, "import json, os\nfrom ipykernel.connect import get_connection_info\n"
                                      "print(json.dumps({'transport': json.loads(get_connection_info())['transport'],"
                                      " 'umask': os.umask(0o027)}))"))
    assert out == {"transport": "ipc", "umask": 0o027}


# --- 9. what a teacher copies -----------------------------------------------------------------
def _tljh_setting(key: str) -> int:
    script = (DEPLOY / "tljh" / "instalar.sh").read_text(encoding="utf-8")
    return int(re.search(rf"tljh-config set {re.escape(key)} (\d+)", script).group(1))


def test_the_zero_to_jupyterhub_fragment_has_the_tested_settings():
    """config.yaml carries what the hub above runs with: the class folder, every server's config file, the idle
    culler's times of the TLJH script, and a Voilà default URL and pull of lessons that exist."""
    import yaml

    config = yaml.safe_load((DEPLOY / "z2jh" / "config.yaml").read_text(encoding="utf-8"))
    fragment = (DEPLOY / "tljh" / "ssi-kit.py").read_text(encoding="utf-8")
    single = config["singleuser"]
    class_dir = single["extraEnv"]["SSI_KIT_CLASS_DIR"]
    assert f'"SSI_KIT_CLASS_DIR", "{class_dir}"' in fragment
    assert class_dir in [m["mountPath"] for m in single["storage"]["extraVolumeMounts"]]
    assert single["extraFiles"]["ssi-kit"]["mountPath"].endswith("/jupyter_server_config.py")
    assert "singleuser.extraFiles.ssi-kit.stringData=deploy/jupyter_server_config.py" in (
        DEPLOY / "z2jh" / "config.yaml").read_text(encoding="utf-8")
    assert config["cull"] == {"enabled": True, "timeout": _tljh_setting("services.cull.timeout"),
                              "every": _tljh_setting("services.cull.every")}
    command = single["lifecycleHooks"]["postStart"]["exec"]["command"]
    assert command[0] == "gitpuller" and command[2:] == ["main", REPO_FOLDER]
    view, _, path = single["defaultUrl"].lstrip("/").partition(f"/{REPO_FOLDER}/")
    assert view == "voila/render" and (ROOT / path).is_file()
