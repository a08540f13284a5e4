"""Files shipped in ssi-kit's ``data/`` folder: where they are, by name.

A small module of its own so that any module (the action catalog, the datasets) can find
its data without importing another that imports it back.
"""

from __future__ import annotations

import os
from pathlib import Path

from ._checks import check_type
from ._i18n import short_repr, tr
from .errors import SSIInputError

__all__ = ["FIGURE_WIDGET_URL_VARIABLE", "HOME_VARIABLE", "data_path", "user_dir"]

HOME_VARIABLE = "SSI_KIT_HOME"
"""Environment variable that moves every file ssi-kit keeps for a learner (tests and classrooms use it)."""

FIGURE_WIDGET_URL_VARIABLE = "SSI_KIT_FIGURE_WIDGET_URL"
"""Environment variable: where the server serves plotly's widget code (``widgetbundle.js``), relative to
its base URL. A ``FigureWidget`` otherwise carries that code (about 5 MB) in its state, once per chart: a
lesson with seven charts sends 35 MB when a page connects, and Voilà, which restores every widget of a
page at once, then loses some of them («model not found»). ``ssi-kit app`` serves the file and sets the
variable for its kernels; each chart then carries a few lines that load it once per page."""


def _data_dir() -> Path:
    packaged = Path(__file__).resolve().parent / "data"  # installed wheel (force-include)
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "data"  # source checkout / editable install


def data_path(filename: str) -> Path:
    """Path of a file shipped in ssi-kit's ``data/`` folder, by its name (``"acciones.csv"``).

    Only names of files in that folder are accepted: a path elsewhere (``"/etc/passwd"``,
    ``"../x"``) is refused, so this never reads outside ``data/``.

    Examples
    --------
    >>> data_path("acciones.csv").name
    'acciones.csv'
    """
    check_type(filename, str, name="filename", expected=tr(
        "el nombre de un archivo de ejemplo (texto)", "the name of an example file (text)"))
    folder = _data_dir()
    available = sorted(p.name for p in folder.iterdir() if p.is_file())
    if filename not in available:
        raise SSIInputError(
            tr("No existe el archivo de ejemplo {name}. Archivos disponibles: {available}.",
               "There is no example file {name}. Available files: {available}.",
               name=short_repr(filename), available=", ".join(available)),
            field="filename", received=filename,
        )
    return folder / filename


def user_dir() -> Path:
    """The folder where ssi-kit keeps a learner's own files (history, plans, contacts).

    ``$SSI_KIT_HOME`` when set; otherwise the system's per-user data folder for ssi-kit
    (``~/.local/share/ssi-kit`` on Linux), via platformdirs. Not created here: writers
    create it when they first save.
    """
    home = os.environ.get(HOME_VARIABLE, "").strip()
    if home:
        return Path(home).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("ssi-kit", appauthor=False))


def lessons_dir() -> Path:
    """The folder of the course's lesson notebooks shipped with ssi-kit.

    Inside an installed wheel, ``ssi_kit/lessons`` (force-included at build time); in a
    source checkout or an editable install, the repository's ``lessons/`` folder. Read only:
    ``ssi-kit lessons DEST`` copies them where a learner can edit them.

    Examples
    --------
    >>> (lessons_dir() / "00_bienvenida.ipynb").is_file()
    True
    """
    packaged = Path(__file__).resolve().parent / "lessons"  # installed wheel (force-include)
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "lessons"  # source checkout / editable install
