"""Tables saved as CSV files that are safe to open in a spreadsheet, written whole or not at all.

A learner shares an anonymised table with a class, or keeps their own data: a cell such as
``=HYPERLINK(...)`` must not run as a formula when someone opens the file, and a crash while
saving must never leave half a file nor destroy the previous one.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from ._checks import check_type
from ._i18n import short_repr, tr
from .errors import SSIInputError, SSITypeError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["save_csv"]

_FORMULA_START = re.compile(r"^[=+\-@\t\r]")


def _neutralised(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with an apostrophe before every text a spreadsheet would run as a formula, the
    column names included."""
    import pandas as pd

    def cell(value: object) -> object:
        return "'" + value if isinstance(value, str) and _FORMULA_START.match(value) else value

    safe = df.copy()
    if not isinstance(safe.columns, pd.MultiIndex):
        safe.columns = pd.Index([cell(c) for c in safe.columns], dtype=object)
    for i in range(safe.shape[1]):
        values = safe.iloc[:, i]
        if isinstance(values.dtype, pd.CategoricalDtype):
            values = values.astype(object)
        if pd.api.types.is_string_dtype(values.dtype) and values.dtype != object:
            risky = values.str.match(_FORMULA_START).fillna(False).astype(bool)
            if risky.any():
                safe.isetitem(i, values.where(~risky, "'" + values).array)
        elif values.dtype == object:
            safe.isetitem(i, values.map(cell).to_numpy(dtype=object))
    return safe


def _write_error(given: str, error: OSError) -> SSIInputError:
    if isinstance(error, PermissionError):
        message = tr("No tengo permiso para escribir «{p}».", "No permission to write '{p}'.", p=given)
    elif error.errno == errno.ENOSPC:
        message = tr("No cabe «{p}»: el disco está lleno.", "'{p}' does not fit: the disk is full.", p=given)
    elif error.errno == errno.ENAMETOOLONG:
        message = tr("El nombre «{p}» es demasiado largo.", "The name '{p}' is too long.", p=short_repr(given)[1:-1])
    else:
        message = tr("No pude guardar «{p}» ({e}).", "Could not save '{p}' ({e}).", p=given,
                     e=error.strerror or type(error).__name__)
    return SSIInputError(message, field="path", received=given,
                         hint=tr("Elige otra carpeta, por ejemplo junto a las lecciones.",
                                 "Choose another folder, e.g. next to the lessons."))


def save_csv(df: pd.DataFrame, path: str | PathLike[str], *, overwrite: bool = False) -> Path:
    """Write a table as a CSV that is safe to open in a spreadsheet.

    Text cells and column names that a spreadsheet would run as a formula (starting with
    ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) get a leading apostrophe. UTF-8
    with BOM, so accents show right in Excel. The file is written whole or not at all: a
    crash midway never leaves half a file, nor destroys the one it replaces. The file stays
    on your machine: share it yourself.

    Parameters
    ----------
    df : DataFrame
        What to write, e.g. :func:`ssi_kit.anonymize`'s result.
    path : path
        Where. An existing file is not replaced unless ``overwrite=True``.

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    SSIInputError
        If the file exists and ``overwrite`` is False, the folder does not exist, or the
        file cannot be written there (permission, disk full, name too long).
    SSITypeError
        If ``df`` is not a table or ``path`` not a path.

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "clase.csv"
    >>> _ = save_csv(pd.DataFrame({"position": ["=1+1", "CEO"]}), out)
    >>> out.read_text(encoding="utf-8-sig").splitlines()
    ['position', "'=1+1", 'CEO']
    """
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        raise SSITypeError(
            tr("save_csv espera un DataFrame; recibido {kind}.", "save_csv expects a DataFrame; received {kind}.",
               kind=type(df).__name__),
            field="df", received=df,
        )
    if not isinstance(path, (str, PathLike)) or not isinstance(os.fspath(path), str):
        raise SSITypeError(
            tr("«path» debe ser la ruta del archivo (texto); recibido {kind}.",
               "'path' must be the file's path (text); received {kind}.", kind=type(path).__name__),
            field="path", received=path, hint=tr('Por ejemplo "mi_red_anonima.csv".', 'For example "my_network.csv".'),
        )
    overwrite = check_type(overwrite, bool, name="overwrite", expected=tr("True o False", "True or False"))
    given = os.fspath(path)
    if not given.strip():
        raise SSIInputError(tr("«path» está vacío: escribe el nombre del archivo.",
                               "'path' is empty: write the file's name."), field="path", received=given)
    if "\0" in given:
        raise SSIInputError(tr("«path» no es un nombre de archivo válido: {p}.",
                               "'path' is not a valid file name: {p}.", p=short_repr(given)),
                            field="path", received=given)
    target = Path(given).expanduser()
    try:
        if target.is_dir():
            raise SSIInputError(
                tr("«{p}» es una carpeta; pasa la ruta de un archivo, por ejemplo «{p}/red.csv».",
                   "'{p}' is a folder; pass the path of a file, e.g. '{p}/network.csv'.", p=given),
                field="path", received=given,
            )
        if not target.parent.is_dir():
            raise SSIInputError(
                tr("No existe la carpeta de «{p}».", "The folder of '{p}' does not exist.", p=given),
                field="path", received=given,
                hint=tr("Créala primero, o guarda en la carpeta actual con solo el nombre del archivo.",
                        "Create it first, or save in the current folder with just the file's name."),
            )
        exists = target.exists()
    except OSError as error:
        raise _write_error(given, error) from None
    if exists and not overwrite:
        raise SSIInputError(
            tr("Ya existe «{p}»; no lo reemplazo. Elige otro nombre o pasa overwrite=True.",
               "'{p}' already exists; not replacing it. Choose another name or pass overwrite=True.", p=given),
            field="path", received=given,
        )
    safe = _neutralised(df)
    # Write next to the target, then rename over it: the rename is atomic, so the file is always
    # the old one or the new one, whole, even if the kernel is killed midway.
    temporary = target.with_name(f".{target.name[:200]}.{secrets.token_hex(4)}.tmp")
    try:
        # os.open honours the umask, like a plain open() would for a new file.
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:
        raise _write_error(given, error) from None
    try:
        with open(descriptor, "w", encoding="utf-8-sig", newline="") as file:
            # CRLF line ends: the csv writer then also quotes cells holding a lone "\r".
            safe.to_csv(file, index=False, lineterminator="\r\n")
            file.flush()
            os.fsync(file.fileno())
        if exists:
            try:
                os.chmod(temporary, target.stat().st_mode & 0o7777)  # keep the old file's permissions
            except OSError:
                pass
        os.replace(temporary, target)
    except BaseException as error:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if isinstance(error, OSError):
            raise _write_error(given, error) from None
        raise
    try:  # make the rename itself durable
        folder = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
    except OSError:
        pass
    return target
