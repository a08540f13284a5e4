"""The one place that opens, checks and writes ssi-kit's SQLite files: history, plans, contacts.

Each kind of file (:class:`StoreKind`) brings its tables and how messages name it; this
module does the rest, the same way for all of them:

- a file that is not ours is refused before SQLite ever opens it (SQLite would write to it:
  check a WAL, roll back a hot journal): its first 100 bytes are read and checked first
  (SQLite's magic, our application id, a schema version we know);
- a new file is created whole under a temporary name, then linked into place: no window
  ever sees it half made;
- every operation is one transaction (``BEGIN IMMEDIATE`` for writes, so two windows or
  lessons saving at once take turns), committed whole or rolled back;
- a file cut short or damaged gives a clear error and is never modified;
- SQLite's and the system's refusals become our errors, in Spanish and apart: busy (another
  window is writing: wait), read-only, disk full, damaged.
"""

from __future__ import annotations

import datetime as dt
import errno
import math
import os
import re
import sqlite3
import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path

from ._checks import check_path, describe_os_error, temporary_path
from ._i18n import tr
from ._resources import user_dir
from .errors import SSIInputError, SSIWarning

__all__ = ["BUSY_SECONDS", "StoreKind", "readable_text", "store_path", "stored_date", "stored_number", "transaction",
           "unreadable_row", "warn_unreadable_row"]

BUSY_SECONDS = 30.0
"""How long an operation waits for another window or lesson using the same file, before saying it is busy."""

_MAGIC = b"SQLite format 3\x00"
# SQLite's primary result codes (sqlite_errorcode & 0xFF), grouped by what the learner can do.
_BUSY = {5, 6}  # BUSY, LOCKED: another connection holds the file
_READ_ONLY = {3, 8, 14, 23}  # PERM, READONLY, CANTOPEN, AUTH
_FULL = 13
_DISK = {7, 10}  # NOMEM, IOERR: the machine failed, not the file
_CORRUPT = 11
_NOT_A_DATABASE = 26
_INCONSISTENT = ("su contenido no es coherente", "its content is inconsistent")
_JOURNAL = len("-journal")  # SQLite writes "<name>-journal" beside the file: its name must fit too


@dataclass(frozen=True)
class StoreKind:
    """One kind of file ssi-kit keeps for a learner: what makes it ours, its tables, how to name it.

    Attributes
    ----------
    application_id : int
        Written in the SQLite header (bytes 68–71) when the file is created: the mark that it is ours.
    version : int
        The schema version (``PRAGMA user_version``); a file from a newer ssi-kit is refused.
    schema : str
        The ``CREATE TABLE`` (and ``INSERT``) statements of a new file.
    tables : mapping of str to tuple of str
        The tables and columns a file must have to be read.
    file_name : str
        The default file name in the user folder (``"historial.sqlite"``).
    the, a : (str, str)
        How messages name it, in Spanish and English: ``("el historial", "the history")`` and
        ``("un historial de ssi-kit", "an ssi-kit history")``.
    """

    application_id: int
    version: int
    schema: str
    tables: Mapping[str, tuple[str, ...]] = field(hash=False)
    file_name: str
    the: tuple[str, str]
    a: tuple[str, str]

    def named(self, target: Path) -> str:
        """``El historial «x.sqlite»``: the file, to start a sentence."""
        noun = tr(*self.the)
        return tr("{n} «{p}»", "{n} '{p}'", n=noun[:1].upper() + noun[1:], p=target)


# --- messages --------------------------------------------------------------------------------
def _error(target: Path, message: str, hint: str) -> SSIInputError:
    return SSIInputError(message, field="path", received=str(target), hint=hint)


def _not_ours(target: Path, kind: StoreKind, why: str) -> SSIInputError:
    return _error(target, tr("«{p}» no es {a} ({why}); no lo abro ni lo modifico.",
                             "'{p}' is not {a} ({why}); not opening nor modifying it.",
                             p=target, a=tr(*kind.a), why=why),
                  tr("Pasa otra ruta con path=..., o aparta ese archivo y se creará uno nuevo.",
                     "Pass another path with path=..., or move that file away and a new one will be created."))


def _damaged(target: Path, kind: StoreKind, why: str) -> SSIInputError:
    return _error(target, tr("{f} está dañado ({why}); no lo he modificado.",
                             "{f} is damaged ({why}); it was not modified.", f=kind.named(target), why=why),
                  tr("Guarda una copia del archivo (por si se puede recuperar) y usa otro con path=...; "
                     "lo que exportaste a CSV sigue a salvo.",
                     "Keep a copy of the file (it may be recoverable) and use another with path=...; "
                     "what you exported to CSV is safe."))


def _busy(target: Path, kind: StoreKind) -> SSIInputError:
    return _error(target, tr("{f} está ocupado por otra ventana o lección: espera un momento y vuelve a intentarlo.",
                             "{f} is busy in another window or lesson: wait a moment and try again.",
                             f=kind.named(target)),
                  tr("No se ha perdido nada. Si sigue ocupado, cierra los otros cuadernos que lo usan.",
                     "Nothing was lost. If it stays busy, close the other notebooks using it."))


def _read_only(target: Path, kind: StoreKind) -> SSIInputError:
    noun = tr(*kind.the)
    return _error(target, tr("No puedo escribir en {n} «{p}»: el archivo o su carpeta son de solo lectura, o no "
                             "tienes permiso.", "Cannot write to {n} '{p}': the file or its folder is read-only, or "
                             "you have no permission.", n=noun, p=target),
                  tr("Elige otra carpeta con path=... o la variable SSI_KIT_HOME.",
                     "Choose another folder with path=... or the SSI_KIT_HOME variable."))


def _full(target: Path, kind: StoreKind) -> SSIInputError:
    return _error(target, tr("No cabe lo que guardas en {n} «{p}»: el disco está lleno. No se ha modificado nada.",
                             "What you save does not fit in {n} '{p}': the disk is full. Nothing was modified.",
                             n=tr(*kind.the), p=target),
                  tr("Libera espacio en el disco y vuelve a intentarlo.", "Free some disk space and try again."))


def _disk(target: Path, kind: StoreKind, why: str) -> SSIInputError:
    return _error(target, tr("No pude leer ni escribir {n} «{p}» ({why}). No se ha modificado nada.",
                             "Could not read nor write {n} '{p}' ({why}). Nothing was modified.",
                             n=tr(*kind.the), p=target, why=why),
                  tr("Si está en un disco externo o una carpeta de red, comprueba que sigue conectado y vuelve "
                     "a intentarlo.", "If it is on an external disk or a network folder, check it is still "
                     "connected and try again."))


def _from_os(target: Path, kind: StoreKind, error: OSError) -> SSIInputError:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return _full(target, kind)
    if isinstance(error, PermissionError) or error.errno == errno.EROFS:
        return _read_only(target, kind)
    return _disk(target, kind, describe_os_error(error))


def _from_sqlite(target: Path, kind: StoreKind, error: sqlite3.Error) -> SSIInputError:
    """Our error for SQLite's, by its result code: never SQLite's English text."""
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    if code in _BUSY:
        return _busy(target, kind)
    if code in _READ_ONLY:
        return _read_only(target, kind)
    if code == _FULL:
        return _full(target, kind)
    if code in _DISK:
        return _disk(target, kind, tr("el sistema dio un error al usarlo", "the system failed while using it"))
    if code == _NOT_A_DATABASE:
        return _damaged(target, kind, tr("no tiene el formato de una base de datos", "it lacks a database's format"))
    if code == _CORRUPT:
        return _damaged(target, kind, tr(*_INCONSISTENT))
    return _damaged(target, kind, tr("SQLite no puede leerlo", "SQLite cannot read it"))


def unreadable_row(target: Path, kind: StoreKind, row: str, why: str, hint: str = "") -> SSIInputError:
    """The error for one row that cannot be read (``row``: «el plan n.º 3», never someone's data)."""
    return _error(target, tr("En {n} «{p}», {row} no se puede leer ({why}). El archivo no se ha modificado.",
                             "In {n} '{p}', {row} cannot be read ({why}). The file was not modified.",
                             n=tr(*kind.the), p=target, row=row, why=why),
                  hint or tr("Si editaste el archivo a mano, deshaz ese cambio.",
                             "If you edited the file by hand, undo that change."))


def warn_unreadable_row(target: Path, kind: StoreKind, row: str, why: str, *, stacklevel: int = 2) -> None:
    """Say that one row is left out of what was read (the file keeps it as it is)."""
    warnings.warn(tr("En {n} «{p}», {row} no se puede leer ({why}): queda fuera y el archivo no se modifica.",
                     "In {n} '{p}', {row} cannot be read ({why}): it is left out and the file is not modified.",
                     n=tr(*kind.the), p=target, row=row, why=why), SSIWarning, stacklevel=stacklevel + 1)


def readable_text(value: object) -> bool:
    """Whether ``value`` is text that could be written back (no bytes SQLite held that were not UTF-8)."""
    if not isinstance(value, str):
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def stored_date(value: object) -> dt.date | None:
    """The day a row holds as ``YYYY-MM-DD`` text, or None if it holds anything else (a hand edit)."""
    if not isinstance(value, str) or not _ISO_DAY.fullmatch(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:  # 2025-02-30
        return None


def stored_number(value: object, minimum: float, maximum: float) -> float | None:
    """The number a row holds if it is one in ``minimum..maximum`` (``'12,5'`` as text is not), else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    number = float(value)
    return number if math.isfinite(number) and minimum <= number <= maximum else None


# --- where -----------------------------------------------------------------------------------
def store_path(path: object, kind: StoreKind) -> Path:
    """The file used for ``path``: ``kind.file_name`` in the user folder when None, else ``path`` checked."""
    if path is None:
        return user_dir() / kind.file_name
    return check_path(path, name="path", use="read", missing_ok=True, folders=True, example=f'"{kind.file_name}"',
                      expected=tr("la ruta de un archivo (texto) o None", "the path of a file (text) or None"),
                      room=_JOURNAL)


def _is_default(target: Path, kind: StoreKind) -> bool:
    """Whether ``target`` is the file of ``kind`` in the user folder (the one folder ssi-kit creates)."""
    return target == user_dir() / kind.file_name


def _checked(path: object, kind: StoreKind, *, write: bool) -> Path:
    target = store_path(path, kind)
    return check_path(
        target, name="path", use="write" if write else "read", missing_ok=True,
        create_parent=_is_default(target, kind), example=f'"{kind.file_name}"', room=_JOURNAL,
        hint=tr("Créala primero, o no pases path= para usar tu carpeta de usuario.",
                "Create it first, or pass no path= to use your user folder."))


# --- opening the file safely -----------------------------------------------------------------
def _read_header(target: Path, kind: StoreKind) -> bool:
    """True if ``target`` is a file of ``kind``; False if there is none. Reads 100 bytes, writes nothing.

    SQLite's header says what the file is before SQLite opens it: opening another program's
    database would already change it (a WAL checkpointed, a hot journal rolled back).
    """
    try:
        with open(target, "rb") as file:
            header = file.read(100)
    except FileNotFoundError:
        return False
    except OSError as error:
        raise _from_os(target, kind, error) from None
    if len(header) < 100 or not header.startswith(_MAGIC):
        raise _not_ours(target, kind, tr("no es una base de datos SQLite", "not an SQLite database"))
    if int.from_bytes(header[68:72], "big") != kind.application_id:
        raise _not_ours(target, kind, tr("es una base de datos de otro programa", "a database of another program"))
    if int.from_bytes(header[60:64], "big") > kind.version:
        raise _error(target, tr("{f} es de una versión más nueva de ssi-kit; no lo modifico.",
                                "{f} comes from a newer ssi-kit; not modifying it.", f=kind.named(target)),
                     tr("Actualiza ssi-kit (pip install -U ssi-kit).", "Update ssi-kit (pip install -U ssi-kit)."))
    return True


def _create(target: Path, kind: StoreKind, *, folder: bool) -> None:
    """Create the file whole under a temporary name, then give it its name: it never exists half made."""
    try:
        if folder:
            # Only its owner may open the folder: on a shared class server the others are classmates.
            target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        temporary = temporary_path(target, room=_JOURNAL)
    except OSError as error:
        raise _from_os(target, kind, error) from None
    try:
        connection = sqlite3.connect(temporary, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode = DELETE")
            connection.executescript(f"BEGIN; {kind.schema}; PRAGMA application_id = {kind.application_id};"
                                     f" PRAGMA user_version = {kind.version}; COMMIT;")
        finally:
            connection.close()
        try:
            os.link(temporary, target)  # atomic, and fails if another window created it first
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not target.exists():
                os.replace(temporary, target)
    except sqlite3.Error as error:
        raise _from_sqlite(target, kind, error) from None
    except OSError as error:
        raise _from_os(target, kind, error) from None
    finally:
        try:
            os.unlink(temporary)
        except OSError:
            pass


def _text(data: bytes) -> str:
    # Bytes that are not UTF-8 (a damaged byte, a hand edit) come back as text that
    # readable_text() refuses, so the row can be named, instead of failing the whole read.
    return data.decode("utf-8", "surrogateescape")


def _check_tables(connection: sqlite3.Connection, target: Path, kind: StoreKind) -> None:
    """The tables and columns ``kind`` needs (the first read: SQLite takes its lock and repairs here)."""
    for table, columns in kind.tables.items():
        found = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
        if not set(columns) <= found:
            raise _damaged(target, kind, tr("le faltan tablas o columnas", "tables or columns are missing"))


def _check_whole(connection: sqlite3.Connection, target: Path, kind: StoreKind) -> None:
    """Refuse a file shorter than its pages, before anything is written to it.

    Called inside the transaction, once SQLite holds its lock and has rolled back any hot
    journal: before that, a writer killed (or still busy) mid-commit leaves the file
    legitimately shorter than its new header, and SQLite, not us, must repair it. The file
    is only stat'ed, never opened: closing a second handle on a file SQLite holds would drop
    SQLite's POSIX locks in this process.
    """
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    if os.stat(target).st_size < page_size * pages:
        raise _damaged(target, kind, tr("le faltan datos: está cortado", "data is missing: it is cut short"))
    if connection.execute("PRAGMA quick_check(1)").fetchone()[0] != "ok":
        raise _damaged(target, kind, tr("la comprobación de SQLite encontró errores",
                                        "SQLite's check found errors"))


def _rollback(connection: sqlite3.Connection) -> None:
    try:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
    except sqlite3.Error:
        pass


@contextmanager
def transaction(path: str | PathLike[str] | None, kind: StoreKind, *,
                write: bool) -> Iterator[sqlite3.Connection | None]:
    """A connection inside one transaction on the file of ``kind`` at ``path`` (the user folder's when None).

    Yields ``None`` when reading a file not created yet (nothing is created then). Writing
    creates the file if needed (and the user folder for the file there), takes the write
    lock at once (``BEGIN IMMEDIATE``: two windows saving take turns, each waiting up to
    :data:`BUSY_SECONDS`), commits when the block ends and rolls back on any error.

    Raises
    ------
    SSIInputError
        The path cannot be used (:func:`~ssi_kit._checks.check_path`); the file is not of
        ``kind`` or comes from a newer ssi-kit, is cut short or damaged (never modified); it
        is busy, read-only, or the disk is full. Errors raised in the block pass through
        (SQLite's become ours).
    """
    target = _checked(path, kind, write=write)
    if not _read_header(target, kind):
        if not write:
            yield None
            return
        _create(target, kind, folder=_is_default(target, kind))
        _read_header(target, kind)  # what is there now: another window may have made it first
    try:
        connection = sqlite3.connect(target, timeout=BUSY_SECONDS, isolation_level=None)
    except sqlite3.Error as error:
        raise _from_sqlite(target, kind, error) from None
    try:
        connection.text_factory = _text
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        _check_tables(connection, target, kind)
        _check_whole(connection, target, kind)
        yield connection
        connection.execute("COMMIT")
    except sqlite3.Error as error:
        _rollback(connection)
        raise _from_sqlite(target, kind, error) from None
    except UnicodeDecodeError:  # SQLite quoting a damaged name in its message
        _rollback(connection)
        raise _damaged(target, kind, tr(*_INCONSISTENT)) from None
    except UnicodeEncodeError:
        _rollback(connection)
        raise _error(target, tr("Un texto que guardas en {n} tiene caracteres que no se pueden guardar; no se ha "
                                "modificado nada.", "A text you save in {n} holds characters that cannot be "
                                "saved; nothing was modified.", n=tr(*kind.the)),
                     tr("Vuelve a escribir ese texto.", "Type that text again.")) from None
    except BaseException:
        _rollback(connection)
        raise
    finally:
        connection.close()
