"""Tables saved as CSV files that are safe to open in a spreadsheet, written whole or not at all.

A learner shares an anonymised table with a class, or keeps their own data: a cell such as
``=HYPERLINK(...)`` must not run as a formula when someone opens the file, and a crash while
saving must never leave half a file nor destroy the previous one.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Callable
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ._checks import check_path, check_type, describe_os_error, temporary_path
from ._i18n import short_repr, tr
from .errors import SSIInputError, SSITypeError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["check_destination", "save_csv", "write_atomically"]

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
                     e=describe_os_error(error))
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
    target = check_destination(path, name="path", overwrite=overwrite,
                               example=tr('"mi_red_anonima.csv"', '"my_network.csv"'))
    safe = _neutralised(df)
    # CRLF line ends: the csv writer then also quotes cells holding a lone "\r".
    write_atomically(target, os.fspath(path), lambda file: safe.to_csv(file, index=False, lineterminator="\r\n"),
                     encoding="utf-8-sig")
    return target


def check_destination(path: object, *, name: str, overwrite: object, example: str,
                      suffixes: tuple[str, ...] = ()) -> Path:
    """Where to write a file a learner asked for, checked before anything is built.

    :func:`ssi_kit._checks.check_path` for a file to write (a non-path, an empty, impossible
    or too long name, a wrong suffix, a folder, a missing folder, a broken link), and an
    existing file is refused unless ``overwrite`` is True.
    """
    target = check_path(path, name=name, use="write", example=example, suffixes=suffixes,
                        expected=tr("la ruta del archivo (texto)", "the file's path (text)"))
    overwrite = check_type(overwrite, bool, name="overwrite", expected=tr("True o False", "True or False"))
    if target.exists() and not overwrite:
        given = os.fspath(target)
        raise SSIInputError(
            tr("Ya existe «{p}»; no lo reemplazo. Elige otro nombre o pasa overwrite=True.",
               "'{p}' already exists; not replacing it. Choose another name or pass overwrite=True.", p=given),
            field=name, received=given,
        )
    return target


def write_atomically(target: Path, given: str, write: Callable[[TextIO], object], *,
                     encoding: str = "utf-8") -> None:
    """Write ``target`` whole or not at all: ``write(file)`` fills a temporary file in the same
    folder, which is synced and renamed over the target. A crash midway leaves the old file
    (or none), never half a file. OS errors become our errors, naming ``given``.
    """
    temporary = temporary_path(target)  # cut by bytes: a long name in accents or CJK still fits
    try:
        # os.open honours the umask, like a plain open() would for a new file.
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:
        raise _write_error(given, error) from None
    try:
        with open(descriptor, "w", encoding=encoding, newline="") as file:
            write(file)
            file.flush()
            os.fsync(file.fileno())
        if target.exists():
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
