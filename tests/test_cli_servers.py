"""`ssi-kit app` and `ssi-kit lab` for real: the command starts the server, which answers, and stops with it.

These start the real Voilà and JupyterLab of this environment through the installed
``ssi-kit`` command (no browser: ``BROWSER=true`` makes "open a browser" a no-op). Voilà finds
ssi-kit's template in this checkout's ``jupyter/`` folder (first on ``JUPYTER_PATH``), the one
being tested, whatever copy an earlier install left in the environment.
"""

from __future__ import annotations

import html
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from ssi_kit.cli import HOME_LESSON

COMMAND = Path(sys.executable).parent / "ssi-kit"
ROOT = Path(__file__).resolve().parent.parent
_URL = re.compile(r"(http://127\.0\.0\.1:\d+/\S*)")


def _as_in_a_terminal() -> None:
    """Ctrl+C does what it does in a terminal even when the tests run where it is ignored (a background job,
    a pytest-xdist worker): a process started with SIGINT ignored would never see it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Running:
    """``ssi-kit`` started in its own process group, its output collected line by line."""

    def __init__(self, args: list[str], tmp_path: Path) -> None:
        env = {
            **os.environ, "BROWSER": "true",
            "JUPYTER_CONFIG_DIR": str(tmp_path / "config"), "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
            "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "lab-settings"),
            "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "workspaces"),
            "JUPYTER_PATH": os.pathsep.join(filter(None, [str(ROOT / "jupyter"), os.environ.get("JUPYTER_PATH")])),
        }
        self.process = subprocess.Popen([str(COMMAND), *args], cwd=tmp_path, env=env, stdin=subprocess.DEVNULL,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                        start_new_session=True, preexec_fn=_as_in_a_terminal)
        self.lines: list[str] = []
        threading.Thread(target=self._collect, daemon=True).start()

    def _collect(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def url(self, timeout: float = 120) -> str:
        """The first local URL the server printed."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = _URL.search(self.output)
            if found:
                return found.group(1)
            if self.process.poll() is not None:
                break
            time.sleep(0.3)
        pytest.fail("the server printed no URL:\n" + self.output[-3000:])

    def wait_for(self, text: str, timeout: float = 20) -> bool:
        """Whether ``text`` appears in the output within ``timeout`` seconds (the output arrives line by line)."""
        deadline = time.monotonic() + timeout
        while text not in self.output and time.monotonic() < deadline:
            time.sleep(0.2)
        return text in self.output

    def read_json(self, url: str, timeout: float = 30) -> dict:
        """``url``'s JSON, asked again while the server is up but not yet answering; a failure shows the output."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    return json.load(response)
            except OSError as error:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"{url.split('?')[0]} did not answer ({error}):\n" + self.output[-3000:])
                time.sleep(0.5)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=20)


def _first_heading(lesson: str) -> str:
    from ssi_kit._resources import lessons_dir

    cells = json.loads((lessons_dir() / lesson).read_text(encoding="utf-8"))["cells"]
    text = "".join(cells[0]["source"])
    heading = next(line for line in text.splitlines() if line.startswith("# "))
    return heading.lstrip("# ").split("·")[-1].strip()


def _answers(url: str) -> bool:
    try:
        urllib.request.urlopen(url, timeout=3).close()
        return True
    except OSError:
        return False


@pytest.fixture
def run(tmp_path):
    started: list[Running] = []

    def start(*args: str) -> Running:
        started.append(Running(list(args), tmp_path))
        return started[-1]

    yield start
    for running in started:
        running.stop()


@pytest.mark.skipif(not COMMAND.exists(), reason="the ssi-kit command is not installed in this environment")
class TestRealServers:
    def test_app_serves_the_lessons_with_culling_and_stops_on_sigterm(self, run, tmp_path):
        """`ssi-kit app` serves the copied lessons in Voilà, in Spanish, from the course home, with ready kernels
        and kernel culling; a SIGTERM stops both processes."""
        app = run("app", str(tmp_path / "lecciones"))
        base = app.url()
        assert (tmp_path / "lecciones" / HOME_LESSON).is_file()
        with urllib.request.urlopen(base, timeout=30) as response:  # what the browser opens first
            start = response.read().decode("utf-8")
        assert '<html lang="es">' in start
        assert f'url=/voila/render/{HOME_LESSON}"' in start  # sends the browser to the course home
        # Once its ready kernel has started, the lesson is run in it before anyone asks: the page uses it
        # and arrives with the lesson's first heading rendered, as its title.
        assert app.wait_for("Kernel pool of 00_bienvenida.ipynb is filled", timeout=120)
        with urllib.request.urlopen(f"{base}voila/render/00_bienvenida.ipynb", timeout=120) as response:
            page = html.unescape(response.read().decode("utf-8"))
        heading = _first_heading("00_bienvenida.ipynb")
        assert heading in page and '<html lang="es">' in page
        assert re.search(r"<title>[^<]*" + re.escape(heading), page)
        assert "Culling kernels with idle durations > 600 seconds" in app.output  # the option took effect
        assert app.wait_for("Using pre-heated kernel")
        os.kill(app.process.pid, signal.SIGTERM)  # to ssi-kit only, as a service manager would
        assert app.process.wait(timeout=30) is not None
        deadline = time.monotonic() + 20
        while _answers(base) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert not _answers(base)  # the server went with it

    def test_lab_opens_the_home_with_ssi_kit_settings_and_ctrl_c_stops_it(self, run, tmp_path):
        """`ssi-kit lab` opens JupyterLab at lesson 00 with the news prompt off; Ctrl+C twice (the group) stops it."""
        lab = run("lab", str(tmp_path / "lecciones"))
        url = lab.url()
        assert "/lab/tree/00_inicio.ipynb" in url
        base, token = url.split("/lab/", 1)[0], url.split("token=", 1)[1]
        plugin = "@jupyterlab/apputils-extension:notification"
        schema = lab.read_json(f"{base}/lab/api/settings/{plugin}?token={token}")["schema"]["properties"]
        assert schema["fetchNews"]["default"] == "false"
        # A terminal's Ctrl+C reaches the whole group; JupyterLab wants a second one to stop.
        for _ in range(2):
            os.killpg(lab.process.pid, signal.SIGINT)
            time.sleep(1)
        try:
            lab.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            raise AssertionError("ssi-kit lab siguió en marcha tras dos Ctrl+C:\n" + lab.output[-3000:]) from None
        assert not _answers(f"{base}/api/status")
