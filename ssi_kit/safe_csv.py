"""Tables saved as CSV files that are safe to open in a spreadsheet, written whole or not at all.

A learner shares an anonymised table with a class, or keeps their own data: a cell such as
``=HYPERLINK(...)`` must not run as a formula when someone opens the file, and a crash while
saving must never leave half a file nor destroy the previous one.
"""

from __future__ import annotations

import csv
import errno
import os
from collections.abc import Callable
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ._checks import check_destination, describe_os_error, temporary_path
from ._i18n import short_repr, tr
from ._spreadsheet import protect, protect_values
from .errors import SSIInputError, SSITypeError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["save_csv", "write_atomically"]


def _neutralised(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` as it is written: a meaningful index (named, text, several levels: a ``pivot_table``
    of companies) as columns, and every text cell and header cell, of every level, through
    :func:`~ssi_kit._spreadsheet.protect`. Numbers stay numbers."""
    import pandas as pd

    def cell(value: object) -> object:
        return protect(value) if isinstance(value, str) else value

    index = df.index
    row_numbers = index.nlevels == 1 and index.name is None and pd.api.types.is_integer_dtype(index.dtype)
    safe = df.copy() if row_numbers else df.reset_index(allow_duplicates=True)
    columns = safe.columns
    if isinstance(columns, pd.MultiIndex):
        safe.columns = pd.MultiIndex.from_tuples([tuple(cell(v) for v in c) for c in columns],
                                                 names=[cell(n) for n in columns.names])
    else:
        safe.columns = pd.Index([cell(c) for c in columns], dtype=object, name=cell(columns.name))
    for i in range(safe.shape[1]):
        values = safe.iloc[:, i]
        if isinstance(values.dtype, pd.CategoricalDtype):
            values = values.astype(object)
        if values.dtype == object or isinstance(values.dtype, pd.StringDtype):
            safe.isetitem(i, protect_values(values).array)
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


def save_csv(table: pd.DataFrame, path: str | PathLike[str], *, overwrite: bool = False) -> Path:
    """Write a table as a CSV that is safe to open in a spreadsheet.

    Safe to open whichever of ``,`` or ``;`` the spreadsheet splits on: text fields are quoted,
    and an apostrophe goes before a formula start (``=``, ``+``, ``-``, ``@``, a tab or a
    carriage return) at the start of a text cell *and* right after any ``,``, ``;`` or line
    break inside it, in the cells and in the headers of every level. A meaningful index (a
    ``pivot_table`` of companies) is written as columns; plain row numbers are left out.
    Numbers stay numbers. Readers take the apostrophes off again
    (:func:`ssi_kit._spreadsheet.unprotect`), so a note typed as ``'=1+1`` reads back as
    ``'=1+1``. UTF-8 with BOM, so accents show right in Excel. The file is written whole or
    not at all: a crash midway never leaves half a file, nor destroys the one it replaces.
    The file stays on your machine: share it yourself.

    Parameters
    ----------
    table : DataFrame
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
        If ``table`` is not a table or ``path`` not a path.

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "clase.csv"
    >>> _ = save_csv(pd.DataFrame({"position": ["=1+1", "CEO;=1+1;"], "n": [1, 2]}), out)
    >>> out.read_text(encoding="utf-8-sig").splitlines()
    ['"position","n"', '"\\'=1+1",1', '"CEO;\\'=1+1;",2']
    """
    import pandas as pd

    if not isinstance(table, pd.DataFrame):
        raise SSITypeError(
            tr("save_csv espera un DataFrame; recibido {kind}.", "save_csv expects a DataFrame; received {kind}.",
               kind=type(table).__name__),
            field="table", received=table,
        )
    target = check_destination(path, name="path", overwrite=overwrite,
                               example=tr('"mi_red_anonima.csv"', '"my_network.csv"'))
    safe = _neutralised(table)
    # Every text field quoted: a separator or line break inside it never splits a cell.
    write_atomically(target, os.fspath(path),
                     lambda file: safe.to_csv(file, index=False, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n"),
                     encoding="utf-8-sig")
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
