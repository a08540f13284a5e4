"""A real class JupyterHub for the tests: Unix users, the class folder, a course repository, the hub itself.

Plain functions (no pytest), so a person can start the same hub by hand to measure it. The hub runs as
root on 127.0.0.1 with configurable-http-proxy (from npm, in ``.venv/chp``), the dummy authenticator
(one password), the local-process spawner (each server runs as its Unix user) and jupyterhub-idle-culler
as a hub service. It loads ``deploy/tljh/ssi-kit.py`` and its servers read ``deploy/jupyter_server_config.py``:
the files a teacher copies. Only the culling times are shortened (``Timeouts``), on the command line.
"""

from __future__ import annotations

import asyncio
import grp
import importlib.util
import json
import os
import pwd
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote

from .._servers import ROOT, ServerFailed, free_port

DEPLOY = ROOT / "deploy"
BIN = Path(sys.executable).parent
# The students' servers run as their Unix users: their Python must be one they can read. This checkout's
# .venv may be built on a Python in root's home (pyenv), so their environment is a venv of the system's
# Python 3 with this environment's packages (hard links, no download) and this checkout installed in it.
USER_PYTHON = Path(os.environ.get("SSI_KIT_HUB_PYTHON", "/usr/bin/python3"))
CHP = ROOT / ".venv" / "chp" / "node_modules" / ".bin" / "configurable-http-proxy"
PREFIX = "ssikit-"
PASSWORD = "clase-de-prueba"
REPO_FOLDER = "ssi-kit"  # the folder nbgitpuller clones into: the repository's name
LESSONS = f"{REPO_FOLDER}/lessons"


class Timeouts(NamedTuple):
    """The culling times of a test hub, in seconds (a class uses 600/60 for kernels and 3600/300 for servers)."""

    kernel_idle: int = 4
    kernel_interval: int = 2
    server_idle: int = 30
    server_every: int = 3


class HubUnavailable(RuntimeError):
    """What this machine lacks to start a hub (not root, no configurable-http-proxy...): the reason, in Spanish."""


def missing() -> str:
    """Why a hub cannot start here, or ``""`` when it can."""
    if os.geteuid() != 0:
        return "el hub de prueba crea usuarios de Unix: hace falta ejecutar las pruebas como root"
    for tool in ("useradd", "userdel", "groupadd", "git"):
        if shutil.which(tool) is None:
            return f"falta la orden «{tool}»"
    if not USER_PYTHON.exists():
        return f"falta un Python del sistema para los servidores del alumnado ({USER_PYTHON})"
    if not CHP.exists():
        return f"falta configurable-http-proxy en {CHP} (make test lo instala con npm)"
    for module in ("jupyterhub", "jupyterhub_idle_culler", "nbgitpuller", "voila"):
        if importlib.util.find_spec(module) is None:
            return f"falta el paquete de Python «{module}» (pip install -e '.[test]')"
    return ""


# --- Unix users and the class folder ---------------------------------------------------------
def _run(*command: str, **kwargs: Any) -> subprocess.CompletedProcess:
    return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)


def create_user(name: str) -> None:
    """A Unix user with a private home, as The Littlest JupyterHub creates each person."""
    _run("useradd", "--create-home", "--shell", "/bin/bash", name)
    os.chmod(pwd.getpwnam(name).pw_dir, 0o750)


def _processes_of(uids: set[int]) -> list:
    import psutil

    found = []
    for process in psutil.process_iter(["uids"]):
        try:
            if process.info["uids"] and process.info["uids"].real in uids:
                found.append(process)
        except psutil.Error:
            continue
    return found


def remove_users(names: list[str], groups: list[str] = ()) -> None:
    """Stop every process of ``names`` (by process id), delete the users, their homes and ``groups``."""
    import psutil

    uids = set()
    for name in names:
        try:
            uids.add(pwd.getpwnam(name).pw_uid)
        except KeyError:
            pass
    processes = _processes_of(uids)
    for process in processes:
        try:
            process.terminate()
        except psutil.Error:
            pass
    _, alive = psutil.wait_procs(processes, timeout=10)
    for process in alive:
        try:
            process.kill()
        except psutil.Error:
            pass
    for name in uids_by_name(names):
        subprocess.run(["userdel", "--remove", "--force", name], capture_output=True)
    for group in groups:
        subprocess.run(["groupdel", group], capture_output=True)


def uids_by_name(names: list[str]) -> dict[str, int]:
    found = {}
    for name in names:
        try:
            found[name] = pwd.getpwnam(name).pw_uid
        except KeyError:
            pass
    return found


def remove_leftovers() -> None:
    """Users and groups of an earlier test hub that was killed before it could clean up (none running)."""
    users = [u.pw_name for u in pwd.getpwall() if u.pw_name.startswith(PREFIX)]
    if users and not _processes_of({pwd.getpwnam(u).pw_uid for u in users}):
        remove_users(users, [g.gr_name for g in grp.getgrall() if g.gr_name.startswith(PREFIX)])


def make_class_folder(teacher: str, folder: Path, group: str) -> None:
    """The class folder, by the command the README gives a teacher (``deploy/carpeta_clase.sh``)."""
    _run("bash", str(DEPLOY / "carpeta_clase.sh"), teacher, str(folder), group)


# --- the environment every server runs in -----------------------------------------------------
def _own_files() -> list[str]:
    """What installing ssi-kit puts in an environment besides its package (pyproject's shared-data)."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return list(project["tool"]["hatch"]["build"]["targets"]["wheel"]["shared-data"].values())


def make_user_environment(where: Path) -> Path:
    """The class's shared environment, as a teacher installs it (deploy/tljh/instalar.sh): Jupyter, Voilà,
    nbgitpuller and this checkout of ssi-kit (not editable), and ``deploy/jupyter_server_config.py`` in its
    ``etc/jupyter``. Built in seconds: the packages are hard links to this environment's (copies across disks).
    """
    env = where / "entorno"
    _run(str(USER_PYTHON), "-m", "venv", "--without-pip", str(env))
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    ours = Path(sys.prefix)
    for part in (f"lib/{version}/site-packages", "share/jupyter", "etc/jupyter"):
        target = env / part
        shutil.rmtree(target, ignore_errors=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        if subprocess.run(["cp", "-al", str(ours / part), str(target)], capture_output=True).returncode:
            shutil.rmtree(target, ignore_errors=True)
            _run("cp", "-a", str(ours / part), str(target))
    packages = env / "lib" / version / "site-packages"
    for leftover in [*packages.glob("_editable_impl_ssi_kit*"), *packages.glob("ssi_kit*"),
                     *(env / name for name in _own_files())]:
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover)
        elif leftover.exists() or leftover.is_symlink():
            leftover.unlink()
    _run(str(env / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--no-compile", "--disable-pip-version-check", str(ROOT))
    _run("install", "-m", "644", str(DEPLOY / "jupyter_server_config.py"),
         str(env / "etc" / "jupyter" / "jupyter_server_config.py"))
    return env


# --- the course repository nbgitpuller pulls -------------------------------------------------
def make_source(where: Path) -> Path:
    """A git clone of this repository, on branch main, with the lessons as they are in the working tree."""
    source = where / REPO_FOLDER
    _run("git", "clone", "--quiet", "--depth", "1", ROOT.as_uri(), str(source))
    for notebook in (ROOT / "lessons").glob("*.ipynb"):
        shutil.copy(notebook, source / "lessons" / notebook.name)
    commit(source, "Lessons of the working tree")
    return source


def trust(user: str, source: Path) -> None:
    """Let ``user``'s git read the course repository, which root owns (git refuses another account's
    repository unless its owner's ``safe.directory`` says so; a real class pulls from GitHub instead)."""
    account = pwd.getpwnam(user)
    config = Path(account.pw_dir) / ".gitconfig"
    config.write_text(f"[safe]\n\tdirectory = {source}/.git\n\tdirectory = {source}\n", encoding="utf-8")
    os.chown(config, account.pw_uid, account.pw_gid)


def commit(source: Path, message: str) -> None:
    """Commit everything changed in ``source`` on branch main (nothing to commit is fine)."""
    git = ["git", "-C", str(source), "-c", "user.name=ssi-kit", "-c", "user.email=ssi-kit@example.invalid"]
    _run(*git, "checkout", "--quiet", "-B", "main")
    _run(*git, "add", "--all")
    subprocess.run([*git, "commit", "--quiet", "-m", message], capture_output=True, text=True)


# --- the hub ---------------------------------------------------------------------------------
@dataclass
class Hub:
    """A running hub: its address, an administrator's token (a hub service's) and who is in the class."""

    url: str
    token: str
    teacher: str
    students: list[str]
    class_dir: Path
    source: Path
    log: Path
    timeouts: Timeouts
    teachers_group: str
    _started: dict[str, float] = field(default_factory=dict)

    # REST API
    def api(self, method: str, path: str, body: Any = None, *, timeout: float = 30) -> Any:
        """Call the hub's REST API (``/hub/api`` + ``path``) with the administrator's token; the JSON answer."""
        return self.request(method, f"/hub/api{path}", body, timeout=timeout)

    def request(self, method: str, path: str, body: Any = None, *, timeout: float = 30) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method,
                                         headers={"Authorization": f"token {self.token}",
                                                  "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            text = response.read()
        return json.loads(text) if text else None

    def server(self, user: str) -> dict | None:
        """The user's default server as the hub sees it (None when stopped)."""
        return self.api("GET", f"/users/{user}")["servers"].get("")

    def start(self, *users: str, timeout: float = 120) -> None:
        """Start the servers of ``users`` (all at once) unless running, and wait until each answers."""
        for user in users:
            if self.server(user) is None:
                try:
                    self.api("POST", f"/users/{user}/server")
                except urllib.error.HTTPError as error:
                    if error.code != 400:  # 400: already starting
                        raise
        deadline = time.monotonic() + timeout
        for user in users:
            while not (self.server(user) or {}).get("ready"):
                if time.monotonic() > deadline:
                    raise ServerFailed(f"el servidor de {user} no arrancó:\n{self.log_tail()}")
                time.sleep(0.3)

    def contents(self, user: str, path: str) -> dict:
        """A file or folder of the user's server (Jupyter's contents API), through the hub's proxy."""
        return self.request("GET", f"/user/{user}/api/contents/{quote(path)}")

    def kernels(self, user: str) -> list[dict]:
        return self.request("GET", f"/user/{user}/api/kernels")

    def sessions(self, user: str) -> list[dict]:
        return self.request("GET", f"/user/{user}/api/sessions")

    def pull_link(self, urlpath: str) -> str:
        """The course's nbgitpuller link, as the README writes it, with the local clone as the repository."""
        return (f"{self.url}/hub/user-redirect/git-pull?repo={quote(self.source.as_uri(), safe='')}"
                f"&branch=main&urlpath={quote(urlpath, safe='/')}")

    def home(self, user: str) -> Path:
        return Path(pwd.getpwnam(user).pw_dir)

    def log_tail(self, chars: int = 4000) -> str:
        return self.log.read_text(errors="replace")[-chars:]

    # Code in a user's kernel
    def run(self, user: str, code: str, *, kernel: str | None = None, timeout: float = 60) -> str:
        """Run ``code`` as ``user`` in a kernel of their server (a new one unless ``kernel``); what it printed.

        Raises ``AssertionError`` with the traceback when the code fails.
        """
        return self._in_own_loop([(user, code, kernel)], timeout)[0]

    def run_at_once(self, jobs: list[tuple[str, str]], *, timeout: float = 60) -> list[str]:
        """Run each ``(user, code)`` in a new kernel of that user's server, all at the same time."""
        return self._in_own_loop([(user, code, None) for user, code in jobs], timeout)

    def _in_own_loop(self, jobs: list[tuple[str, str, str | None]], timeout: float) -> list[str]:
        # A thread of its own: Playwright's synchronous API keeps an event loop running in this one.
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, self._run_all(jobs, timeout)).result()

    async def _run_all(self, jobs: list[tuple[str, str, str | None]], timeout: float) -> list[str]:
        return list(await asyncio.gather(*(self._execute(*job, timeout) for job in jobs)))

    async def _execute(self, user: str, code: str, kernel: str | None, timeout: float) -> str:
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        own = kernel is None
        if own:
            kernel = (await asyncio.to_thread(self.request, "POST", f"/user/{user}/api/kernels",
                                              {"name": "python3"}))["id"]
        url = self.url.replace("http://", "ws://") + f"/user/{user}/api/kernels/{kernel}/channels"
        connection = await websocket_connect(HTTPRequest(url, headers={"Authorization": f"token {self.token}"}))
        msg_id = uuid.uuid4().hex
        connection.write_message(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": user,
                       "session": uuid.uuid4().hex, "date": "", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True},
        }))
        printed, failure = [], None
        try:
            while True:
                raw = await asyncio.wait_for(connection.read_message(), timeout)
                if raw is None:
                    raise AssertionError(f"el núcleo de {user} cerró la conexión")
                if not isinstance(raw, str):
                    continue
                message = json.loads(raw)
                if message.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind, content = message["msg_type"], message["content"]
                if kind == "stream":
                    printed.append(content["text"])
                elif kind == "error":
                    failure = "\n".join(content["traceback"])
                elif kind == "status" and content["execution_state"] == "idle":
                    break
        finally:
            connection.close()
            if own:
                await asyncio.to_thread(self.request, "DELETE", f"/user/{user}/api/kernels/{kernel}")
        if failure is not None:
            raise AssertionError(f"el código de {user} falló:\n{failure}")
        return "".join(printed)


def _write_config(work: Path, env: Path, *, port: int, teacher: str, students: list[str], token: str,
                  timeouts: Timeouts) -> Path:
    """The test hub's jupyterhub_config.py: the deploy fragment, then what only a test hub needs."""
    culler = [sys.executable, "-m", "jupyterhub_idle_culler", f"--timeout={timeouts.server_idle}",
              f"--cull-every={timeouts.server_every}"]
    settings = {
        "deploy": str(DEPLOY / "tljh" / "ssi-kit.py"),
        "port": port, "hub_port": free_port(), "proxy_api": f"http://127.0.0.1:{free_port()}",
        "chp": str(CHP), "work": str(work), "users": [teacher, *students], "password": PASSWORD,
        "singleuser": [str(env / "bin" / "python"), "-m", "jupyterhub.singleuser"], "token": token,
        "culler": culler,
        "environment": {
            "PATH": os.pathsep.join([str(env / "bin"), "/usr/local/bin", "/usr/bin", "/bin"]),
            # Servers tell the hub of their activity every second (a class uses the 5 minutes default).
            "JUPYTERHUB_ACTIVITY_INTERVAL": "1",
        },
        "args": [f"--MappingKernelManager.cull_idle_timeout={timeouts.kernel_idle}",
                 f"--MappingKernelManager.cull_interval={timeouts.kernel_interval}",
                 "--LabApp.expose_app_in_browser=True"],
    }
    config = work / "jupyterhub_config.py"
    config.write_text(f"""\
import json
c = get_config()
S = json.loads({json.dumps(json.dumps(settings))})
load_subconfig(S["deploy"])  # what a teacher copies (deploy/tljh/ssi-kit.py)

c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = S["port"]
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = S["hub_port"]
c.ConfigurableHTTPProxy.api_url = S["proxy_api"]
c.ConfigurableHTTPProxy.command = [S["chp"]]
c.JupyterHub.db_url = "sqlite:///" + S["work"] + "/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = S["work"] + "/cookie_secret"
c.JupyterHub.pid_file = S["work"] + "/jupyterhub.pid"
c.JupyterHub.last_activity_interval = 1
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = S["password"]
c.Authenticator.allowed_users = set(S["users"])
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = S["singleuser"]
c.Spawner.args = S["args"]
c.Spawner.environment.update(S["environment"])
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.JupyterHub.services = [
    {{"name": "idle-culler", "command": S["culler"]}},
    {{"name": "ssikit-test", "api_token": S["token"]}},
]
c.JupyterHub.load_roles = [
    {{"name": "idle-culler", "services": ["idle-culler"],
      "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"]}},
    {{"name": "ssikit-test", "services": ["ssikit-test"],
      "scopes": ["admin:users", "admin:servers", "access:servers", "list:users", "read:users"]}},
]
""", encoding="utf-8")
    return config


@contextmanager
def class_hub(timeouts: Timeouts | None = None) -> Iterator[Hub]:
    """Users, class folder, course repository and hub; everything removed afterwards, even after a failure."""
    reason = missing()
    if reason:
        raise HubUnavailable(reason)
    timeouts = timeouts or Timeouts()
    remove_leftovers()
    tag = secrets.token_hex(2)
    teacher = f"{PREFIX}{tag}-docente"
    students = [f"{PREFIX}{tag}-est{n}" for n in (1, 2, 3)]
    group = f"{PREFIX}{tag}-docentes"
    work = Path(tempfile.mkdtemp(prefix="ssikit-hub-"))
    work.chmod(0o755)  # the students' servers read the course repository and the class folder in it
    process = None
    try:
        for user in (teacher, *students):
            create_user(user)
        class_dir = work / "clase"
        make_class_folder(teacher, class_dir, group)
        source = make_source(work / "fuente")
        for user in (teacher, *students):
            trust(user, source)
        env = make_user_environment(work)
        port, token = free_port(), secrets.token_hex(16)
        config = _write_config(work, env, port=port, teacher=teacher, students=students, token=token,
                               timeouts=timeouts)
        log = work / "jupyterhub.log"
        env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
               "SSI_KIT_CLASS_DIR": str(class_dir)}
        env.pop("SSI_KIT_HOME", None)
        with open(log, "w") as out:
            process = subprocess.Popen([str(BIN / "jupyterhub"), "-f", str(config)], cwd=work, env=env,
                                       stdout=out, stderr=subprocess.STDOUT)
        hub = Hub(f"http://127.0.0.1:{port}", token, teacher, students, class_dir, source, log, timeouts, group)
        deadline = time.monotonic() + 60
        while True:
            try:
                hub.api("GET", "/")
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise ServerFailed("JupyterHub no arrancó:\n" + hub.log_tail()) from None
                time.sleep(0.3)
        yield hub
    finally:
        if process is not None:
            process.terminate()  # the hub stops the servers it started, then itself
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        remove_users([teacher, *students], [group])
        shutil.rmtree(work, ignore_errors=True)
