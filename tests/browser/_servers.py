"""Start and stop the servers the browser tests and benchmarks drive: JupyterLab and Voilà on 127.0.0.1.

Plain functions (no pytest), so ``benchmarks/bench_browser.py`` starts JupyterLab exactly as
the tests do. Each server serves a copy of ``lessons/`` (the real notebooks stay untouched),
keeps its Jupyter folders under ``home`` and writes its log there.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from ssi_kit.cli import voila_environment

ROOT = Path(__file__).resolve().parents[2]
LESSONS = ROOT / "lessons"
CHROMIUM = os.environ.get("SSI_KIT_CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags Chromium keeps trying Google's hosts on a closed network.
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


class ServerFailed(RuntimeError):
    """A server died or never answered; the message ends with its log."""


class Server(NamedTuple):
    url: str
    log: Path
    pid: int = 0


def has_chromium() -> bool:
    return Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is not None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _copy_lessons(home: Path, extra: Mapping[str, str] | None = None) -> Path:
    """A copy of the lessons in ``home/lessons``, plus ``extra`` notebooks (file name -> notebook JSON)."""
    root = home / "lessons"
    root.mkdir(parents=True)
    for notebook in LESSONS.glob("*.ipynb"):
        shutil.copy(notebook, root / notebook.name)
    for name, text in (extra or {}).items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def _wait_until_up(url: str, process: subprocess.Popen, log: Path, what: str) -> None:
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise ServerFailed(f"{what} no arrancó:\n" + log.read_text(errors="replace")[-3000:]) from None
            time.sleep(0.5)


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=20)


@contextmanager
def _serve(command: list[str], home: Path, root: Path, env: dict[str, str], port: int, up_path: str,
           what: str) -> Iterator[Server]:
    """Run ``command``; once ``up_path`` answers on ``port``, yield the server; stop it afterwards."""
    log_path = home / f"{what.lower()}.log"
    url = f"http://127.0.0.1:{port}"
    with open(log_path, "w") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=root)
        try:
            _wait_until_up(url + up_path, process, log_path, what)
            yield Server(url, log_path, process.pid)
        finally:
            _stop(process)


@contextmanager
def jupyterlab(home: Path, *, lab_settings: dict[str, dict] | None = None, base_url: str = "/",
               extra: Mapping[str, str] | None = None) -> Iterator[Server]:
    """JupyterLab with an empty token (xsrf off) and ``window.jupyterapp`` exposed, as a learner's ``ssi-kit lab``.

    ``lab_settings`` maps a settings file (``"@jupyterlab/notebook-extension/tracker"``) to its content.
    ``base_url`` serves everything under a prefix, as a JupyterHub does (``/user/NAME/``); the server's
    url then ends with it. ``extra`` adds notebooks to the copy of the lessons (file name -> notebook JSON).
    """
    root = _copy_lessons(home, extra)
    for name, content in (lab_settings or {}).items():
        path = home / "lab-settings" / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(content), encoding="utf-8")
    port = free_port()
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(home / "lab-settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "lab-workspaces"),
        "SSI_KIT_HOME": str(home / "ssi-kit"),  # what the learner saves stays in the test's folder
    }
    command = [
        sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        "--IdentityProvider.token=", "--ServerApp.password=", "--ServerApp.disable_check_xsrf=True",
        f"--ServerApp.root_dir={root}", "--LabApp.expose_app_in_browser=True", f"--ServerApp.base_url={base_url}",
    ]
    with _serve(command, home, root, env, port, base_url + "api/status", "JupyterLab") as server:
        yield server._replace(url=server.url + base_url.rstrip("/"))


@contextmanager
def voila(home: Path, options: Sequence[str] = (), *, base_url: str = "/",
          extra: Mapping[str, str] | None = None) -> Iterator[Server]:
    """Voilà (app mode) on a copy of the lessons, with ``options`` added to its command line.

    Voilà finds ssi-kit's template in this checkout's ``jupyter/`` folder (first on ``JUPYTER_PATH``),
    so the tests use the template being worked on, not a copy installed earlier. ``base_url`` serves
    everything under a prefix, as a JupyterHub does (``/user/NAME/``); the server's url then ends with it.
    ``extra`` adds notebooks to the copy of the lessons (file name -> notebook JSON).
    """
    root = _copy_lessons(home, extra)
    port = free_port()
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(home / "config"), "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
           "SSI_KIT_HOME": str(home / "ssi-kit"),  # what the learner saves stays in the test's folder
           "JUPYTER_PATH": os.pathsep.join(filter(None, [str(ROOT / "jupyter"), os.environ.get("JUPYTER_PATH")])),
           **voila_environment(options)}  # as `ssi-kit app` starts it
    command = [
        sys.executable, "-m", "voila", "--no-browser", "--Voila.ip=127.0.0.1",
        f"--port={port}", "--Voila.port_retries=0", f"--Voila.root_dir={root}", f"--Voila.base_url={base_url}",
        *options, str(root),
    ]
    with _serve(command, home, root, env, port, base_url, "Voila") as server:
        yield server._replace(url=server.url + base_url.rstrip("/"))


def wait_until_quiet(server: Server, *, timeout: float = 240) -> float:
    """Wait until a server and its kernels are idle (preheated lessons all run); return the seconds waited.

    "Idle" is under a fifth of one core, summed over the server and its child processes, for two
    seconds in a row: Voilà logs a pool as "filled" when its kernel has started, not when the lesson
    has run in it.
    """
    import psutil

    start = time.monotonic()
    parent = psutil.Process(server.pid)
    quiet = 0
    while time.monotonic() - start < timeout:
        processes = [parent, *parent.children(recursive=True)]
        before = {}
        for process in processes:
            try:
                before[process] = process.cpu_times()
            except psutil.Error:
                pass
        time.sleep(1)
        busy = 0.0
        for process, times in before.items():
            try:
                now = process.cpu_times()
            except psutil.Error:
                continue
            busy += (now.user + now.system) - (times.user + times.system)
        quiet = quiet + 1 if busy < 0.2 else 0
        if quiet >= 2:
            break
    return time.monotonic() - start


def shutdown_kernels(lab_url: str) -> None:
    """Stop every kernel of a JupyterLab, so the next lesson does not share the cores with it."""
    with urllib.request.urlopen(f"{lab_url}/api/sessions", timeout=10) as response:
        sessions = json.load(response)
    for session in sessions:
        request = urllib.request.Request(f"{lab_url}/api/sessions/{session['id']}", method="DELETE")
        urllib.request.urlopen(request, timeout=30).close()
