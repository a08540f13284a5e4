"""The ``ssi-kit`` command: copy the lessons to a folder of one's own, open them in JupyterLab or Voilà.

::

    ssi-kit lessons DESTINO [--force]   # copies the lesson notebooks into DESTINO
    ssi-kit lab [DESTINO]               # copies them (if needed) and opens JupyterLab at the course home
    ssi-kit app [DESTINO]               # copies them (if needed) and serves them with Voilà (no code)

Copying never overwrites a lesson the learner has changed unless ``--force`` is given: a
file still identical to what ssi-kit shipped (this version or an earlier one, recorded in
a small manifest in DESTINO) is refreshed, a different one is kept and reported. Everything
the command prints is in the current language (Spanish by default); a mistake prints one
line and exits with code 2.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import NoReturn, TextIO

from ._checks import check_choice, check_path, describe_os_error
from ._i18n import plural, short_repr, tr
from ._resources import FIGURE_WIDGET_URL_VARIABLE, lessons_dir
from .errors import SSIInputError, SSITypeError
from .safe_csv import write_atomically

__all__ = ["DEFAULT_FOLDER", "HOME_LESSON", "MANIFEST", "VOILA_APP_OPTIONS", "VOILA_KERNEL_CULLING", "VOILA_PREHEAT",
           "VOILA_REFILL_DELAY", "VOILA_TEMPLATE", "CopyReport", "copy_lessons", "main", "voila_options"]

DEFAULT_FOLDER = "lecciones_ssi"
"""Where ``ssi-kit lab`` and ``ssi-kit app`` put the lessons when no folder is given (in the current folder)."""

MANIFEST = ".ssi-kit-lecciones.json"
"""File in the destination that records the checksum of each lesson as ssi-kit copied it."""

VOILA_KERNEL_CULLING = ("--MappingKernelManager.cull_idle_timeout=600", "--MappingKernelManager.cull_interval=60")
"""Voilà options that stop a page's kernel 10 minutes after its last connection closed.

Voilà 0.5 stops a kernel when its page closes only if the browser went through Voilà's start
page first (what `ssi-kit app` opens; a direct link lacks the cookie that request needs);
without culling, each page opened by a direct link would keep a Python process alive until
the server stops.
A page still open is never culled (``cull_connected`` stays off).
"""

VOILA_TEMPLATE = "ssi-kit"
"""ssi-kit's Voilà template (``share/jupyter/voila/templates/ssi-kit``, installed with the package).

Spanish page titles, loading text and error pages, ``lang="es"``, nothing fetched from the
Internet, Voilà's file list replaced by the course home (:data:`HOME_LESSON`), errors shown as
ssi-kit's short Spanish messages.
"""

HOME_LESSON = "00_inicio.ipynb"
"""The course home: where `ssi-kit app` opens (Voilà's root page sends the browser there)."""

VOILA_REFILL_DELAY = 20
"""Seconds Voilà waits before preparing a new kernel for a lesson whose ready kernel a page took."""

VOILA_PREHEAT = ("--preheat_kernel=True", "--pool_size=1", f"--VoilaKernelManager.fill_delay={VOILA_REFILL_DELAY}")
"""Voilà options that keep one kernel per lesson ready, the lesson already run in it.

A lesson's page then arrives at once instead of after its kernel started and ran every cell.
The kernel that replaces a used one is prepared :data:`VOILA_REFILL_DELAY` seconds later
(Voilà's default is 1 s), so preparing it does not compete with the browser while the page
that used it loads. A page opened again before that gets a fresh kernel the usual, slower way.
"""

VOILA_APP_OPTIONS = (
    f"--template={VOILA_TEMPLATE}",
    # Errors reach the template, which shows ssi-kit's own Spanish message and hides any traceback.
    "--show_tracebacks=True",
    *VOILA_PREHEAT,
    *VOILA_KERNEL_CULLING,
)
"""The Voilà options of `ssi-kit app` and `make app` (:func:`voila_options` adds plotly.js and the extensions)."""

_UNUSED_EXTENSIONS = ("@jupyterlite/pyodide-kernel-extension", "jupyterlab_pygments")
"""JupyterLab extensions a lesson in Voilà never uses: JupyterLite's kernel (it fails outside
JupyterLite) and code highlighting (no code is shown)."""

_COMMANDS = {"lessons": "lessons", "lecciones": "lessons", "lab": "lab", "app": "app"}
_USAGE = {
    "lessons": "ssi-kit lessons DESTINO [--force]",
    "lab": "ssi-kit lab [DESTINO]",
    "app": "ssi-kit app [DESTINO]",
}


@dataclass
class CopyReport:
    """What :func:`copy_lessons` did with each lesson, by file name."""

    folder: Path
    copied: list[str] = field(default_factory=list)
    """New in the folder."""
    refreshed: list[str] = field(default_factory=list)
    """Replaced by the shipped version: unchanged by the learner (or ``--force``)."""
    kept: list[str] = field(default_factory=list)
    """Left as they were because the learner changed them (no ``--force``)."""
    current: list[str] = field(default_factory=list)
    """Already identical to the shipped version: nothing to do."""

    def summary(self) -> str:
        """The report as a few lines for the learner, in the current language."""
        lines = [tr("Lecciones en {folder}", "Lessons in {folder}", folder=self.folder)]
        if self.copied:
            lines.append(tr("  copiadas: {n}", "  copied: {n}", n=plural(
                len(self.copied), "lección", "lecciones", "lesson", "lessons")))
        if self.refreshed:
            lines.append(tr("  actualizadas: {n}", "  updated: {n}", n=plural(
                len(self.refreshed), "lección", "lecciones", "lesson", "lessons")))
        for name in self.kept:
            lines.append(tr("  conservada con tus cambios: {name} (usa --force para reemplazarla)",
                            "  kept with your changes: {name} (use --force to replace it)", name=name))
        if self.current:
            lines.append(tr("  ya al día: {n}", "  already up to date: {n}", n=plural(
                len(self.current), "lección", "lecciones", "lesson", "lessons")))
        return "\n".join(lines)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _write_text(text: str, file: TextIO) -> None:
    file.write(text)


def _read_manifest(path: Path) -> dict[str, list[str]]:
    """Checksums recorded by earlier copies ({} when the manifest is missing or unreadable)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(raw, dict):
        return {}
    return {str(k): [str(d) for d in v] for k, v in raw.items() if isinstance(v, list)}


def _check_folder(destination: object) -> Path:
    folder = check_path(
        destination, name="destino", use="folder", missing_ok=True, subject=tr("El destino", "The destination"),
        expected=tr("una carpeta (su ruta como texto)", "a folder (its path as text)"),
        example=tr("ssi-kit lessons mis_lecciones", "ssi-kit lessons my_lessons"),
        hint=tr("Elige una carpeta nueva o una donde ya copiaste las lecciones.",
                "Choose a new folder or one where you already copied the lessons."))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SSIInputError(
            tr("No se pudo crear la carpeta {given}: {reason}.", "Could not create the folder {given}: {reason}.",
               given=short_repr(str(destination)), reason=describe_os_error(error)),
            field="destino", received=str(destination),
            hint=tr("Elige una carpeta tuya, por ejemplo dentro de tus Documentos.",
                    "Choose a folder of yours, for example inside your Documents.")) from None
    return folder


def copy_lessons(destination: str | os.PathLike[str], *, force: bool = False) -> CopyReport:
    """Copy the course's lesson notebooks into ``destination``, keeping a learner's edits.

    Parameters
    ----------
    destination : str or path
        A folder the learner owns; created if missing.
    force : bool
        Replace lessons the learner changed too (their edits are lost).
        The folder of the shipped lessons itself (a source checkout's ``lessons/``) is left as
        it is: every lesson there is reported current.

    Returns
    -------
    CopyReport
        The lessons copied, refreshed and kept.

    Raises
    ------
    SSIInputError
        The destination is a file or cannot be created or written.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     first = copy_lessons(folder)
    ...     again = copy_lessons(folder)
    >>> "00_bienvenida.ipynb" in first.copied, again.copied, again.kept, again.current == first.copied
    (True, [], [], True)
    """
    folder = _check_folder(destination)
    if not isinstance(force, bool):
        raise SSITypeError(tr("«--force» debe ser True o False; recibido {r}.", "'--force' must be True or False; "
                              "received {r}.", r=short_repr(force)), field="force", received=force)
    report = CopyReport(folder=folder.resolve())
    if report.folder == lessons_dir().resolve():  # the shipped lessons themselves (`make app` in a checkout)
        report.current = sorted(p.name for p in report.folder.glob("*.ipynb"))
        return report
    manifest_path = folder / MANIFEST
    manifest = _read_manifest(manifest_path)
    for source in sorted(lessons_dir().glob("*.ipynb")):
        shipped = source.read_bytes()
        digest = _digest(shipped)
        target = folder / source.name
        known = manifest.setdefault(source.name, [])
        if target.exists():
            try:
                current = _digest(target.read_bytes())
            except OSError:
                current = ""
            if current == digest:
                report.current.append(source.name)
                if digest not in known:
                    known.append(digest)
                continue
            if current not in known and not force:
                report.kept.append(source.name)
                continue
            report.refreshed.append(source.name)
        else:
            report.copied.append(source.name)
        write_atomically(target, str(target), partial(_write_text, shipped.decode("utf-8")))
        if digest not in known:
            known.append(digest)
    write_atomically(manifest_path, str(manifest_path),
                     lambda file: file.write(json.dumps(manifest, indent=1, sort_keys=True) + "\n"))
    return report


# --- the command ------------------------------------------------------------------------------
class _Parser(argparse.ArgumentParser):
    """argparse with its mistakes raised as our (translated) errors instead of printed in English."""

    def __init__(self, command: str, received: list[str]) -> None:
        super().__init__(prog=f"ssi-kit {command}", add_help=False, usage=_USAGE[command])
        self.command = command
        self.received = received

    def error(self, message: str) -> NoReturn:
        raise SSIInputError(
            tr("Argumentos no válidos para «{prog}»; recibido {received}.",
               "Invalid arguments for '{prog}'; received {received}.",
               prog=self.prog,
               received=short_repr(" ".join(self.received)) if self.received else tr("nada", "nothing")),
            field="argumentos", received=self.received,
            hint=tr("Uso: {usage}", "Usage: {usage}", usage=_USAGE[self.command]))


def _parser(command: str, received: list[str]) -> _Parser:
    parser = _Parser(command, received)
    if command == "lessons":
        parser.add_argument("destination", metavar="DESTINO")
        parser.add_argument("--force", "--forzar", action="store_true")
    else:
        parser.add_argument("destination", metavar="DESTINO", nargs="?", default=DEFAULT_FOLDER)
    return parser


def _help() -> str:
    return tr(
        "ssi-kit: las lecciones del curso sobre el Social Selling Index.\n\n"
        "  {lessons}\n      copia las lecciones en la carpeta DESTINO; no reemplaza las que cambiaste"
        " (salvo con --force)\n"
        "  {lab}\n      abre JupyterLab en el inicio del curso (carpeta {default} si no indicas otra)\n"
        "  {app}\n      abre el curso sin código (Voilà) en tu navegador, en su página de inicio\n",
        "ssi-kit: the lessons of the course on the Social Selling Index.\n\n"
        "  {lessons}\n      copies the lessons into the DESTINO folder; never replaces those you changed"
        " (unless --force)\n"
        "  {lab}\n      opens JupyterLab at the course home (folder {default} unless you give another)\n"
        "  {app}\n      opens the course without code (Voilà) in your browser, at its home page\n",
        lessons=_USAGE["lessons"], lab=_USAGE["lab"], app=_USAGE["app"], default=DEFAULT_FOLDER)


def _plotly_js_folder() -> Path | None:
    """The folder holding plotly's own ``plotly.min.js`` in this environment (None without plotly)."""
    import importlib.util

    spec = importlib.util.find_spec("plotly")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "package_data"
    return folder if (folder / "plotly.min.js").is_file() else None


def voila_options() -> list[str]:
    """The options `ssi-kit app` and `make app` give Voilà, besides the folder and the address.

    :data:`VOILA_APP_OPTIONS`, the JupyterLab extensions left out, and, when plotly is installed,
    the two that let the template draw static charts itself: Voilà serves plotly's
    ``plotly.min.js`` (one file the browser caches) and the template knows it is there. Then
    plotly's own JupyterLab extension is left out too: it would load a second plotly.js (4.8 MB)
    before any widget could connect, and no lesson needs it (ssi-kit's widgets draw with
    FigureWidget, which brings its own).

    Examples
    --------
    >>> options = voila_options()
    >>> "--template=ssi-kit" in options and "--preheat_kernel=True" in options
    True
    >>> any(o.startswith("--VoilaConfiguration.resources=") for o in options)
    True
    """
    options = list(VOILA_APP_OPTIONS)
    unused = list(_UNUSED_EXTENSIONS)
    folder = _plotly_js_folder()
    if folder is not None:
        options.append(f"--VoilaConfiguration.extra_labextensions_path={folder}")
        options.append("--VoilaConfiguration.resources=ssi_kit_plotly_js=plotly.min.js")
        unused.append("jupyterlab-plotly")
    # A list option is given once per item (traitlets 5 deprecates a JSON list on the command line).
    options.extend(f"--VoilaConfiguration.extension_denylist={name}" for name in unused)
    # An upload reaches the kernel in one websocket message; Tornado's default (10 MB) would drop the
    # connection on a bigger export. A number can't be given on the command line (key=value gives a
    # string), so it comes from ssi-kit's voila.json, read after the learner's own (which win).
    from jupyter_core.paths import jupyter_config_path

    ours = Path(__file__).resolve().parent / "voila_config"
    options.extend(f"--Voila.config_file_paths={p}" for p in [os.getcwd(), *jupyter_config_path(), str(ours)])
    return options


def voila_environment(options: Sequence[str]) -> dict[str, str]:
    """What Voilà's kernels need in their environment, given Voilà's ``options``.

    When the options serve plotly's folder (:func:`voila_options` does, with plotly installed), the
    lessons' live charts load plotly's widget code from there once per page instead of carrying it,
    5 MB each (``ssi_kit.widgets`` reads the variable).

    Examples
    --------
    >>> voila_environment(voila_options())
    {'SSI_KIT_FIGURE_WIDGET_URL': 'voila/labextensions/widgetbundle.js'}
    >>> voila_environment([])
    {}
    """
    served = [o.partition("=")[2] for o in options if o.startswith("--VoilaConfiguration.extra_labextensions_path=")]
    if any((Path(folder) / "widgetbundle.js").is_file() for folder in served):
        return {FIGURE_WIDGET_URL_VARIABLE: "voila/labextensions/widgetbundle.js"}
    return {}


def _server_command(command: str, folder: Path) -> list[str]:
    """The JupyterLab or Voilà command line for ``folder``, on this machine only (127.0.0.1)."""
    lessons = sorted(p.name for p in folder.glob("*.ipynb"))
    allow_root = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    if command == "lab":
        first = ["--LabApp.default_url=/lab/tree/" + (HOME_LESSON if HOME_LESSON in lessons else lessons[0])] \
            if lessons else []
        return [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={folder}", "--ServerApp.ip=127.0.0.1",
                *first, *allow_root]
    # Voilà has no --allow-root: it serves only its own pages, as the user who started it.
    return [sys.executable, "-m", "voila", str(folder), "--Voila.ip=127.0.0.1", *voila_options()]


def _run_server(command: list[str]) -> int:
    """Run a JupyterLab or Voilà server in the foreground until it stops; return its exit code.

    Ctrl+C in a terminal reaches the server too, so it is not killed from here: JupyterLab
    asks to confirm (a second Ctrl+C stops it) and Voilà stops its kernels before leaving.
    A SIGTERM sent to ``ssi-kit`` (a service manager, ``kill``) is passed on, so no server
    is left running without it.
    """
    import signal

    process = subprocess.Popen(command, env={**os.environ, **voila_environment(command)})
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: process.send_signal(signum))
    try:
        while True:
            try:
                return process.wait()
            except KeyboardInterrupt:
                continue
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: Sequence[str] | None = None, *, launch: Callable[[list[str]], int] | None = None) -> int:
    """Run the ``ssi-kit`` command with ``argv`` (the process's arguments by default).

    ``launch`` starts the server for ``lab``/``app`` and returns its exit code
    (:func:`_run_server` by default; tests pass their own). Returns the exit code: 0 when
    all went well, 2 after a mistake, printed as one line.

    Examples
    --------
    >>> main(["--help"])  # doctest: +ELLIPSIS
    ssi-kit: las lecciones del curso ...
    0
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        if not arguments or arguments[0] in ("-h", "--help", "ayuda"):
            print(_help())
            return 0
        command: str = check_choice(arguments[0], _COMMANDS, name="orden", shown=list(_USAGE),
                               hint=tr("Escribe «ssi-kit --help» para ver las órdenes.",
                                       "Type 'ssi-kit --help' to see the commands."))
        rest = arguments[1:]
        if any(a in ("-h", "--help") for a in rest):
            print(tr("Uso: {usage}", "Usage: {usage}", usage=_USAGE[command]))
            return 0
        parser = _parser(command, rest)
        options, extra = parser.parse_known_args(rest)
        if extra:  # name only what was not understood
            parser.received = extra
            parser.error("")
        report = copy_lessons(options.destination, force=getattr(options, "force", False))
        print(report.summary())
        if command == "lessons":
            return 0
        if command == "lab":
            print(tr("Abriendo JupyterLab… (Ctrl+C para terminar)", "Opening JupyterLab… (Ctrl+C to stop)"))
        else:
            print(tr("Abriendo el curso con Voilà en tu navegador, en su página de inicio; las lecciones tardan"
                     " unos segundos en estar listas la primera vez… (Ctrl+C para terminar)",
                     "Opening the course with Voilà in your browser, at its home page; the lessons take a few"
                     " seconds to be ready the first time… (Ctrl+C to stop)"))
        return (launch or _run_server)(_server_command(command, report.folder))
    except (SSIInputError, SSITypeError) as error:
        print("ssi-kit: " + " ".join(str(error).split()), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
