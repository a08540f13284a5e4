"""The ``ssi-kit`` command, run in-process: copying lessons safely, launching JupyterLab and Voilà."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ssi_kit
from ssi_kit._resources import lessons_dir
from ssi_kit.cli import (
    DEFAULT_FOLDER,
    HOME_LESSON,
    MANIFEST,
    VOILA_KERNEL_CULLING,
    VOILA_PREHEAT,
    VOILA_TEMPLATE,
    copy_lessons,
    main,
    voila_options,
)

SHIPPED = sorted(lessons_dir().glob("*.ipynb"))


def _option_values(options: list[str]) -> dict[str, list[str]]:
    """Each ``--name=value`` option's values, in order (a list option is given once per item)."""
    found: dict[str, list[str]] = {}
    for option in options:
        name, _, value = option.partition("=")
        found.setdefault(name, []).append(value)
    return found


class Launcher:
    """Stands in for subprocess.call: records the command line instead of starting a server."""

    def __init__(self, code: int = 0) -> None:
        self.code = code
        self.calls: list[list[str]] = []

    def __call__(self, command: list[str]) -> int:
        self.calls.append(command)
        return self.code


class TestLessons:
    def test_copies_every_shipped_lesson_unchanged(self, tmp_path, capsys):
        """`ssi-kit lessons DEST` puts every packaged notebook in DEST, byte for byte, and says so in Spanish."""
        assert SHIPPED, "no packaged lessons found"
        assert main(["lessons", str(tmp_path / "mis")]) == 0
        for source in SHIPPED:
            assert (tmp_path / "mis" / source.name).read_bytes() == source.read_bytes()
        out = capsys.readouterr().out
        assert "copiadas" in out and "lecciones" in out

    def test_running_twice_changes_nothing(self, tmp_path):
        """A second copy finds every lesson up to date and rewrites none of them."""
        copy_lessons(tmp_path)
        report = copy_lessons(tmp_path)
        assert report.copied == [] and report.refreshed == [] and report.kept == []
        assert report.current == [p.name for p in SHIPPED]

    def test_edited_lesson_is_kept_and_reported(self, tmp_path, capsys):
        """A lesson the learner changed survives a new copy, and the output names it and --force."""
        copy_lessons(tmp_path)
        edited = tmp_path / SHIPPED[0].name
        edited.write_text("mis notas", encoding="utf-8")
        assert main(["lessons", str(tmp_path)]) == 0
        assert edited.read_text(encoding="utf-8") == "mis notas"
        out = capsys.readouterr().out
        assert SHIPPED[0].name in out and "--force" in out

    def test_force_replaces_an_edited_lesson(self, tmp_path):
        """--force brings back the shipped lesson over the learner's edits."""
        copy_lessons(tmp_path)
        edited = tmp_path / SHIPPED[0].name
        edited.write_text("mis notas", encoding="utf-8")
        assert main(["lessons", str(tmp_path), "--force"]) == 0
        assert edited.read_bytes() == SHIPPED[0].read_bytes()

    def test_lesson_from_an_earlier_version_is_refreshed(self, tmp_path):
        """A file identical to what an earlier ssi-kit shipped (recorded in the manifest) is updated, not kept."""
        copy_lessons(tmp_path)
        old = b'{"cells": [], "old": true}'
        target = tmp_path / SHIPPED[0].name
        target.write_bytes(old)
        manifest_path = tmp_path / MANIFEST
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        manifest[SHIPPED[0].name].append(hashlib.sha256(old).hexdigest())
        manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
        report = copy_lessons(tmp_path)
        assert report.refreshed == [SHIPPED[0].name] and report.kept == []
        assert target.read_bytes() == SHIPPED[0].read_bytes()

    def test_lesson_not_copied_by_us_is_kept(self, tmp_path):
        """A different file already there under a lesson's name (no manifest) is never overwritten."""
        target = tmp_path / SHIPPED[0].name
        target.write_text("otro cuaderno", encoding="utf-8")
        report = copy_lessons(tmp_path)
        assert report.kept == [SHIPPED[0].name]
        assert target.read_text(encoding="utf-8") == "otro cuaderno"

    def test_broken_manifest_keeps_edits(self, tmp_path):
        """An unreadable manifest is treated as empty: edited lessons are still kept, nothing crashes."""
        copy_lessons(tmp_path)
        (tmp_path / MANIFEST).write_text("{no es json", encoding="utf-8")
        (tmp_path / SHIPPED[0].name).write_text("mis notas", encoding="utf-8")
        assert copy_lessons(tmp_path).kept == [SHIPPED[0].name]

    @settings(max_examples=25)
    @given(content=st.binary(max_size=200))
    def test_any_different_content_survives_without_force(self, content):
        """Whatever bytes a learner's lesson holds, a copy without --force leaves them exactly as they were."""
        with tempfile.TemporaryDirectory() as folder:
            copy_lessons(folder)
            target = Path(folder) / SHIPPED[-1].name
            target.write_bytes(content)
            copy_lessons(folder)
            assert target.read_bytes() == content

    def test_spanish_alias_and_forzar(self, tmp_path):
        """`ssi-kit lecciones DEST --forzar` works like `lessons DEST --force`."""
        copy_lessons(tmp_path)
        (tmp_path / SHIPPED[0].name).write_text("mis notas", encoding="utf-8")
        assert main(["lecciones", str(tmp_path), "--forzar"]) == 0
        assert (tmp_path / SHIPPED[0].name).read_bytes() == SHIPPED[0].read_bytes()


class TestMistakes:
    def _one_line_error(self, capsys) -> str:
        captured = capsys.readouterr()
        lines = captured.err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("ssi-kit: ")
        return lines[0]

    def test_unknown_command(self, capsys):
        """An unknown command exits with 2 and one Spanish line listing the commands."""
        assert main(["lesons", "x"]) == 2
        line = self._one_line_error(capsys)
        assert "lessons, lab, app" in line and "'lesons'" in line and "--help" in line

    def test_missing_destination(self, capsys):
        """`ssi-kit lessons` without a folder exits with 2 and shows the usage."""
        assert main(["lessons"]) == 2
        assert "Uso: ssi-kit lessons DESTINO [--force]" in self._one_line_error(capsys)

    def test_unknown_option(self, tmp_path, capsys):
        """An option the command does not take exits with 2, names what came in, and copies nothing."""
        assert main(["lessons", str(tmp_path / "d"), "--rapido"]) == 2
        assert "--rapido" in self._one_line_error(capsys)
        assert not (tmp_path / "d").exists()

    def test_destination_is_a_file(self, tmp_path, capsys):
        """A destination that is a file exits with 2 and leaves the file alone."""
        file = tmp_path / "notas.txt"
        file.write_text("mío", encoding="utf-8")
        assert main(["lessons", str(file)]) == 2
        assert "es un archivo, no una carpeta" in self._one_line_error(capsys)
        assert file.read_text(encoding="utf-8") == "mío"

    def test_destination_cannot_be_created(self, tmp_path, capsys):
        """A folder that cannot be created (inside a file) exits with 2 and a Spanish reason."""
        file = tmp_path / "notas.txt"
        file.write_text("mío", encoding="utf-8")
        assert main(["lessons", str(file / "dentro")]) == 2
        assert "una parte de la ruta es un archivo, no una carpeta" in self._one_line_error(capsys)

    def test_destination_name_too_long(self, tmp_path, capsys):
        """A folder name too long for the system (ENAMETOOLONG) exits with 2 and one Spanish line, no traceback."""
        assert main(["lessons", str(tmp_path / ("x" * 300))]) == 2
        assert "demasiado largo: ocupa 300 bytes" in self._one_line_error(capsys)

    def test_copy_lessons_refuses_a_non_path(self):
        """copy_lessons given something that is not a path raises our type error."""
        with pytest.raises(ssi_kit.SSITypeError, match="El destino debe ser una carpeta"):
            copy_lessons(42)  # type: ignore[arg-type]

    def test_english(self, capsys):
        """With the language set to English the command speaks English."""
        ssi_kit.set_language("en")
        assert main(["nope"]) == 2
        assert "must be one of" in self._one_line_error(capsys)


class TestServers:
    def test_lab_opens_the_course_home_on_localhost(self, tmp_path, capsys):
        """`ssi-kit lab DEST` copies the lessons and starts JupyterLab there, at the course home, on 127.0.0.1."""
        launcher = Launcher()
        assert main(["lab", str(tmp_path)], launch=launcher) == 0
        (command,) = launcher.calls
        assert command[1:3] == ["-m", "jupyterlab"]
        assert f"--ServerApp.root_dir={tmp_path.resolve()}" in command
        assert "--LabApp.default_url=/lab/tree/00_inicio.ipynb" in command
        assert "--ServerApp.ip=127.0.0.1" in command
        assert (tmp_path / SHIPPED[0].name).is_file()
        assert "JupyterLab" in capsys.readouterr().out

    def test_app_serves_with_voila(self, tmp_path):
        """`ssi-kit app DEST` serves the copied lessons with Voilà on 127.0.0.1 and passes its exit code back."""
        launcher = Launcher(code=3)
        assert main(["app", str(tmp_path)], launch=launcher) == 3
        (command,) = launcher.calls
        assert command[1:4] == ["-m", "voila", str(tmp_path.resolve())]
        assert "--Voila.ip=127.0.0.1" in command
        assert set(VOILA_KERNEL_CULLING) <= set(command)  # closed pages' kernels do not pile up

    def test_app_uses_the_template_ready_kernels_and_opens_the_browser(self, tmp_path):
        """`ssi-kit app` serves with ssi-kit's template, one ready kernel per lesson, errors for the template to
        word, and lets Voilà open the browser (its start page leads to the course home)."""
        launcher = Launcher()
        assert main(["app", str(tmp_path)], launch=launcher) == 0
        (command,) = launcher.calls
        assert f"--template={VOILA_TEMPLATE}" in command
        assert set(VOILA_PREHEAT) <= set(command)
        assert "--show_tracebacks=True" in command
        assert "--no-browser" not in command
        assert command[4:] == ["--Voila.ip=127.0.0.1", *voila_options()]

    def test_plotly_js_is_served_once_for_the_template(self):
        """The options serve plotly's own plotly.min.js and tell the template so; plotly's JupyterLab extension,
        a second copy of plotly.js, and the extensions a lesson never uses are left out."""
        given = _option_values(voila_options())
        (folder,) = given["--VoilaConfiguration.extra_labextensions_path"]
        assert (Path(folder) / "plotly.min.js").is_file()
        assert given["--VoilaConfiguration.resources"] == ["ssi_kit_plotly_js=plotly.min.js"]
        denied = given["--VoilaConfiguration.extension_denylist"]
        assert {"jupyterlab-plotly", "@jupyterlite/pyodide-kernel-extension", "jupyterlab_pygments"} == set(denied)

    def test_an_upload_of_the_largest_export_fits_in_one_message(self):
        """Voilà on its own (``ssi-kit app``) takes websocket messages bigger than the largest upload the data
        panel reads, as a number Tornado can compare."""
        from voila.app import Voila

        from ssi_kit.profile import MAX_UPLOAD_BYTES
        from ssi_kit.server_extension import WEBSOCKET_MAX_MESSAGE_BYTES

        app = Voila()
        app.parse_command_line([o for o in voila_options() if o.startswith("--Voila.config_file_paths")])
        app.load_config_file("voila", path=app.config_file_paths)  # what Voilà does as it starts
        assert app.tornado_settings["websocket_max_message_size"] == WEBSOCKET_MAX_MESSAGE_BYTES
        assert app.config_file_paths[0] == os.getcwd()  # the learner's own voila.json are still read, first
        assert WEBSOCKET_MAX_MESSAGE_BYTES >= MAX_UPLOAD_BYTES + 2**20  # the file and the message around it

    def test_without_plotly_the_template_draws_nothing_itself(self, monkeypatch):
        """Where plotly.min.js cannot be found, Voilà draws the charts as usual: no plotly.js option, its
        JupyterLab extension kept."""
        import importlib.util

        real = importlib.util.find_spec
        monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "plotly" else real(name, *a))
        given = _option_values(voila_options())
        assert "--VoilaConfiguration.resources" not in given
        assert "--VoilaConfiguration.extra_labextensions_path" not in given
        assert "jupyterlab-plotly" not in given["--VoilaConfiguration.extension_denylist"]

    def test_make_app_is_ssi_kit_app_on_the_repository_lessons(self):
        """`make app` runs `ssi-kit app lessons`: the same Voilà options, and the lessons served where they are."""
        makefile = (Path(__file__).resolve().parent.parent / "Makefile").read_text(encoding="utf-8")
        recipe = makefile.split("\napp:", 1)[1].split("\n\n", 1)[0].replace("\\\n", " ")
        assert recipe.splitlines()[1].split() == ["$(BIN)/ssi-kit", "app", "lessons"]

    def test_app_on_the_shipped_lessons_copies_nothing(self):
        """Serving the shipped lessons folder itself (`make app` in a checkout) copies nothing, writes no manifest."""
        before = {p.name: p.read_bytes() for p in SHIPPED}
        launcher = Launcher()
        assert main(["app", str(lessons_dir())], launch=launcher) == 0
        assert launcher.calls[0][3] == str(lessons_dir().resolve())
        assert not (lessons_dir() / MANIFEST).exists()
        assert {p.name: p.read_bytes() for p in SHIPPED} == before
        assert copy_lessons(lessons_dir()).current == [p.name for p in SHIPPED]

    def test_default_folder(self, tmp_path, monkeypatch):
        """Without DEST, lab uses a lessons folder inside the current folder."""
        monkeypatch.chdir(tmp_path)
        launcher = Launcher()
        assert main(["lab"], launch=launcher) == 0
        assert (tmp_path / DEFAULT_FOLDER / SHIPPED[0].name).is_file()

    def test_server_not_started_after_a_mistake(self, tmp_path, capsys):
        """A bad destination stops before any server starts."""
        file = tmp_path / "f"
        file.write_text("x", encoding="utf-8")
        launcher = Launcher()
        assert main(["app", str(file)], launch=launcher) == 2
        assert launcher.calls == []


def test_help_in_spanish(capsys):
    """`ssi-kit` and `ssi-kit --help` describe the three commands in Spanish and exit 0."""
    for argv in ([], ["--help"]):
        assert main(argv) == 0
        out = capsys.readouterr().out
        assert "copia las lecciones" in out and "ssi-kit lab" in out and "Voilà" in out


class TestVoilaTemplate:
    """ssi-kit's Voilà template ships with the package and leads to a home that exists."""

    TEMPLATE = Path(__file__).resolve().parent.parent / "jupyter" / "voila" / "templates" / VOILA_TEMPLATE

    def test_the_package_installs_the_template(self):
        """pyproject installs jupyter/voila/templates/ssi-kit where Voilà looks for templates by name."""
        import tomllib

        project = tomllib.loads((self.TEMPLATE.parents[3] / "pyproject.toml").read_text(encoding="utf-8"))
        shared = project["tool"]["hatch"]["build"]["targets"]["wheel"]["shared-data"]
        assert shared[f"jupyter/voila/templates/{VOILA_TEMPLATE}"] == f"share/jupyter/voila/templates/{VOILA_TEMPLATE}"

    def test_template_builds_on_voilas_lab_template(self):
        """The template extends Voilà's lab template and replaces every page a learner could read."""
        assert json.loads((self.TEMPLATE / "conf.json").read_text(encoding="utf-8")) == {"base_template": "lab"}
        for page in ("index.html.j2", "page.html", "tree.html", "tree-lab.html", "error.html", "404.html",
                     "browser-open.html", "spinner.macro.html.j2", "voila_setup.macro.html.j2",
                     "static/ssi-kit.js", "static/ssi-kit.css"):
            assert (self.TEMPLATE / page).is_file(), page

    def test_start_page_leads_to_the_shipped_home(self):
        """The start page sends the browser to the course home, a lesson shipped with the package."""
        assert f"'{HOME_LESSON}'" in (self.TEMPLATE / "tree.html").read_text(encoding="utf-8")
        assert (lessons_dir() / HOME_LESSON).is_file()

    def test_no_page_asks_the_internet(self):
        """No template file links a stylesheet, script or font from another site (the machine may be offline)."""
        for path in self.TEMPLATE.rglob("*"):
            if path.is_file():
                assert "://" not in path.read_text(encoding="utf-8"), path.name
