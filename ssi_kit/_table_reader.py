"""The one reader of the CSV tables people bring: LinkedIn's exports, class forms, catalogs, trackers.

Every CSV ssi-kit reads goes through :func:`read_table`, so every reader handles the files
people really have in the same way: the header row found among the first lines by the names of
its columns (in Spanish or English, edited by hand, after a notes preamble), the separator
(``,``, ``;`` or tab), the encoding (UTF-8 with or without BOM, UTF-16/32, Windows-1252, both
mixed), Windows, Unix and old Mac (CR-only) line ends, quoted fields over several lines, rows
a tool wrapped whole in quotes, cells of any size, and the apostrophe :mod:`ssi_kit._spreadsheet`
puts before a would-be formula when ssi-kit writes a CSV. :func:`parse_dates` is the one parser
of the dates inside files.

Messages name the file and the line, never what a row holds: a row is someone's data.
"""

from __future__ import annotations

import csv
import re
import unicodedata
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ._checks import Source, decode_text, read_source
from ._i18n import format_thousands, plural, tr
from ._spreadsheet import unprotect
from .errors import SSIInputError, SSIWarning

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = ["Dates", "Table", "TableKind", "date_warning", "header_key", "parse_dates", "read_table", "split_line"]

SEPARATORS = (",", ";", "\t")
_HEADER_MAX_CHARS = 4_000  # a header row is short: longer lines are never tried as one
_EXTRA_COLUMNS = 8  # fields read beyond the header's: enough to see a stray separator's text


def header_key(name: str) -> str:
    """A header name as it is compared: lower case, no accents, letters and digits only.

    >>> header_key(" Connected On "), header_key("Fecha de conexión"), header_key("Current_Company")
    ('connectedon', 'fechadeconexion', 'currentcompany')
    """
    decomposed = unicodedata.normalize("NFKD", name.lstrip("\ufeff"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return re.sub(r"[^a-z0-9]", "", plain)


# --- what a reader looks for --------------------------------------------------------------
@dataclass(frozen=True)
class TableKind:
    """What one kind of file holds and how messages speak of it.

    Parameters
    ----------
    file : str
        The file as people know it (``"Connections.csv"``), for messages.
    function : str
        The public function that reads it, for messages.
    described : (str, str)
        What the file is, in Spanish and English, for "does not look like …"
        (``"una exportación de contactos de LinkedIn (Connections.csv)"``); ``file`` by default.
    columns : mapping, optional
        Our key → the header names it takes, as :func:`header_key` writes them. ``None``: any
        header, the columns taken by position (an edge list).
    required : tuple of str
        Keys the header must have; a header lacking some is named with what it lacks.
    one_of : tuple of str
        And at least one of these.
    match : callable, optional
        Instead of ``columns``' exact names: a header name → ``{key: rank}`` for every key it
        could be (lower ranks win when two columns claim a key).
    min_known : int
        How many known names make a line look like a header (and so be read, or refused for
        what it lacks).
    max_line_chars : int, optional
        Longer lines are refused (a real row of the file is far shorter); no limit by default.
    strict : bool
        A row with more non-empty fields than the header is an error (an unquoted separator
        shifted its values); otherwise extra fields are ignored.
    expected : str
        The header to show a learner (``"First Name, Last Name, …"``).
    argument : (str, str)
        What to pass, in Spanish and English, for the wrong-type message.
    member : str, optional
        The file looked for inside a folder or a ``.zip``.
    text_starts : tuple of str
        Text starting like this is the file pasted, not a path.
    download : (str, str)
        Where to get the file (Spanish, English).
    without : (str, str)
        What the lesson can still do when required columns are missing.
    extra_field_hint : (str, str), optional
        The hint for a row with too many fields (default: quote the text with the separator).
    data_row : callable, optional
        Whether a line's fields look like a data row of this file (to tell a file whose header
        was deleted).
    unprotect : bool
        Undo the apostrophe ssi-kit's CSV writer puts before a would-be formula.
    repeated : {"warn", "error"}
        Two columns with the same name: read the first with a warning, or refuse the file.
    cut_at_bad_quote : bool
        A quote never closed: read the rows before it (``Table.broken_at`` says where) instead
        of refusing the file.
    """

    file: str
    columns: Mapping[str, tuple[str, ...]] | None
    function: str
    described: tuple[str, str] = ("", "")
    required: tuple[str, ...] = ()
    one_of: tuple[str, ...] = ()
    match: Callable[[str], Mapping[str, int]] | None = None
    min_known: int = 2
    max_line_chars: int | None = None
    strict: bool = True
    expected: str = ""
    argument: tuple[str, str] = ("la ruta de un archivo CSV", "the path of a CSV file")
    member: str | None = None
    text_starts: tuple[str, ...] = ()
    download: tuple[str, str] = ("", "")
    without: tuple[str, str] = ("", "")
    extra_field_hint: tuple[str, str] | None = None
    data_row: Callable[[list[str]], bool] | None = None
    unprotect: bool = True
    repeated: str = "warn"
    cut_at_bad_quote: bool = False

    def keys_of(self, name: str) -> Mapping[str, int]:
        """The keys a header name could be, with their rank (lower is better)."""
        if self.match is not None:
            return self.match(name)
        key = header_key(name)
        found = self._lookup().get(key)
        return {found: 0} if found else {}

    def _lookup(self) -> dict[str, str]:
        cached: dict[str, str] | None = self.__dict__.get("_lookup_table")
        if cached is None:
            cached = {spelling: key for key, spellings in (self.columns or {}).items() for spelling in spellings}
            object.__setattr__(self, "_lookup_table", cached)  # frozen: computed once
        return cached


@dataclass(frozen=True)
class Table:
    """What :func:`read_table` found.

    Attributes
    ----------
    frame : DataFrame
        One ``string`` column per key found (in the order of ``kind.columns``; by position when
        the kind has none), NA where a cell is empty; every row in file order except fully
        blank ones, index 0..n-1.
    lines : ndarray or None
        The line (1-based, as an editor numbers them) where each row starts; None if unknown.
    source : Source
        Where the bytes came from, for messages.
    header_line : int
        The header's line, 1-based.
    separator : str
    width : int
        How many fields the header has.
    missing : tuple of str
        Keys of ``kind.columns`` the header does not have.
    widths : ndarray or None
        Each row's number of fields (to tell a row cut short from empty cells); only for kinds
        that are not ``strict``, None otherwise.
    extra : ndarray
        Whether each row has a non-empty field beyond the header's (only kinds that are not
        ``strict`` keep such rows).
    repeated : dict
        Our key → every column (0-based) that claimed it equally; the first one is read.
    broken_at : int or None
        With ``kind.cut_at_bad_quote``: the line where a quote never closed opens (the rows
        from there on are not read); None otherwise.
    """

    frame: pd.DataFrame
    lines: np.ndarray | None
    source: Source
    header_line: int
    separator: str
    width: int
    missing: tuple[str, ...]
    widths: np.ndarray | None
    extra: np.ndarray
    repeated: dict[str, list[int]]
    broken_at: int | None = None

    def line_list(self, where: np.ndarray) -> str:
        """``5, 9, 12`` or ``5, 9, 12… (y 40 más)``: the lines of the rows at ``where`` (ten at most)."""
        if self.lines is None:
            return tr("(no sé en qué líneas)", "(lines unknown)")
        numbers = [format_thousands(int(n)) for n in self.lines[where[:10]]]
        text = ", ".join(numbers)
        if len(where) > 10:
            return text + tr("… (y {n} más)", "… (and {n} more)", n=format_thousands(len(where) - 10))
        return text

    def line_of(self, row: int) -> int | None:
        """The line where row ``row`` (0-based) starts, or None if unknown."""
        return None if self.lines is None else int(self.lines[row])


# --- the header --------------------------------------------------------------------------
@dataclass(frozen=True)
class _Header:
    line: int  # 0-based
    sep: str
    width: int
    positions: dict[str, int]  # our key -> column
    duplicates: dict[str, list[int]]  # key -> every column that claimed it with the best rank


def split_line(line: str, sep: str) -> list[str]:
    """The fields of one line; a line a tool wrapped whole in quotes gives its inner fields."""
    fields = next(csv.reader([line.rstrip("\r")], delimiter=sep, skipinitialspace=True), [])
    if len(fields) == 1 and sep in fields[0] and line.lstrip().startswith('"'):
        fields = next(csv.reader([fields[0]], delimiter=sep, skipinitialspace=True), [])
    return fields


def _assign(fields: list[str], kind: TableKind) -> tuple[dict[str, int], dict[str, list[int]]]:
    """Key → column, each column used once, the best match first; and the keys claimed twice."""
    candidates = sorted((rank, index, key) for index, name in enumerate(fields)
                        for key, rank in kind.keys_of(name).items())
    chosen: dict[str, int] = {}
    best_rank: dict[str, int] = {}
    used: set[int] = set()
    duplicates: dict[str, list[int]] = {}
    for rank, index, key in candidates:
        if key in chosen:
            if rank == best_rank[key] and index not in used:
                duplicates.setdefault(key, [chosen[key]]).append(index)
            continue
        if index not in used:
            chosen[key], best_rank[key] = index, rank
            used.add(index)
    return chosen, duplicates


def _as_text(line: str) -> str:
    """A line of the file's bytes (held as latin-1) as text: header names may have accents."""
    try:
        return line.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return line.encode("latin-1").decode("cp1252", errors="replace")


def _complete(keys: Mapping[str, int], kind: TableKind) -> bool:
    return all(k in keys for k in kind.required) and (not kind.one_of or any(k in keys for k in kind.one_of))


def _find_header(lines: list[str], kind: TableKind) -> tuple[_Header | None, _Header | None]:
    """The header row, or else the line that looks most like one (to say what it lacks)."""
    partial: _Header | None = None
    for number, line in enumerate(lines):
        if len(line) > _HEADER_MAX_CHARS or not line.strip():
            continue
        if kind.columns is None and kind.match is None:  # positional: the first line is the header
            sep = max(SEPARATORS, key=line.count) if any(s in line for s in SEPARATORS) else ","
            fields = split_line(line, sep)
            return _Header(number, sep, len(fields), {str(i): i for i in range(len(fields))}, {}), None
        text = _as_text(line)
        best: _Header | None = None
        for sep in SEPARATORS:
            if sep not in text:
                continue
            fields = split_line(text, sep)
            positions, duplicates = _assign(fields, kind)
            if len(positions) >= kind.min_known and (best is None or len(positions) > len(best.positions)):
                best = _Header(number, sep, len(fields), positions, duplicates)
        if best is None:
            continue
        if _complete(best.positions, kind):
            return best, None
        if partial is None or len(best.positions) > len(partial.positions):
            partial = best
    return None, partial


# A LinkedIn export recognised by its header, to say which file was given instead.
_KNOWN_FILES = (
    (("conversation id",), "messages.csv", "read_messages"),
    (("conversation title",), "messages.csv", "read_messages"),
    (("first name", "connected on"), "Connections.csv", "read_connections"),
    (("sent at", "direction"), "Invitations.csv", "read_invitations"),
    (("inviterprofileurl",), "Invitations.csv", "read_invitations"),
)


def _which_file(head: str) -> tuple[str, str] | None:
    lowered = head.lower()
    for words, file, function in _KNOWN_FILES:
        if all(w in lowered for w in words):
            return file, function
    return None


def _not_this_file(source: Source, head: list[str], kind: TableKind) -> SSIInputError:
    """No header row: say what was expected and what the file looks like; never quote it."""
    first = next((line for line in head if line.strip()), "")
    joined = " ".join(head[:50])
    other = _which_file(joined)
    if other is not None and other[0] != kind.file:
        hint = tr("Parece {f}: léelo con {fn}, y busca {w} en la misma carpeta.",
                  "It looks like {f}: read it with {fn}, and look for {w} in the same folder.",
                  f=other[0], fn=other[1], w=kind.file)
    elif source.data[:4] == b"PK\x03\x04" or source.name.lower().endswith((".xlsx", ".xls", ".ods")):
        hint = tr("Parece una hoja de cálculo: guárdala como CSV (UTF-8) y pasa ese archivo.",
                  "It looks like a spreadsheet: save it as CSV (UTF-8) and pass that file.")
    elif kind.data_row is not None and _looks_like_data(first, kind):
        return SSIInputError(
            tr("{what} no tiene fila de encabezado: su primera línea parece ya un dato, no los nombres de las "
               "columnas.", "{what} has no header row: its first line looks like data already, not the "
               "columns' names.", what=source.subject),
            field="path", received=source.name or source.kind,
            hint=tr("Añade al principio, en una copia del archivo, esta línea: {e}",
                    "Add this line at the top, in a copy of the file: {e}", e=kind.expected.replace(", ", ",")),
        )
    else:
        hint = tr(*kind.download) if kind.download[0] else tr(
            "Comprueba que es el archivo correcto.", "Check that it is the right file.")
    return SSIInputError(
        tr("{what} no parece {f}: no encuentro la fila de encabezado con las columnas {e}.",
           "{what} does not look like {f}: there is no header row with the columns {e}.",
           what=source.subject, f=tr(*kind.described) if kind.described[0] else kind.file, e=kind.expected),
        field="path", received=source.name or source.kind, hint=hint,
    )


def _looks_like_data(line: str, kind: TableKind) -> bool:
    if len(line) > _HEADER_MAX_CHARS:
        return False
    text = _as_text(line)
    for sep in SEPARATORS:
        if sep in text and kind.data_row is not None and kind.data_row(split_line(text, sep)):
            return True
    return False


def _missing_columns(source: Source, header: _Header, kind: TableKind, names: Mapping[str, str]) -> SSIInputError:
    wanted = [names.get(k, k) for k in kind.required if k not in header.positions]
    either = ""
    if kind.one_of and not any(k in header.positions for k in kind.one_of):
        wanted += [names.get(k, k) for k in kind.one_of]
        either = tr(" (basta con una de ellas)", " (one of them is enough)") \
            if len(kind.one_of) > 1 and len(wanted) == len(kind.one_of) else ""
    found = ", ".join(names.get(k, k) for k in sorted(header.positions, key=header.positions.__getitem__))
    without = (" " + tr(*kind.without)) if kind.without[0] else ""
    return SSIInputError(
        tr("La línea {line} {of} parece un encabezado ({found}), pero le faltan las columnas {missing}{either}."
           "{without}",
           "Line {line} {of} looks like a header ({found}), but it lacks the columns {missing}{either}.{without}",
           line=format_thousands(header.line + 1), of=source.of, found=found,
           missing=", ".join(wanted), either=either, without=without),
        field="path", received=sorted(header.positions),
        hint=tr("¿Es el {f} de tu exportación? Si borraste o cambiaste columnas, vuelve a descargarlo.",
                "Is it the {f} of your export? If you deleted or renamed columns, download it again.", f=kind.file),
    )


def _repeated_columns(source: Source, header: _Header, names: Mapping[str, str]) -> SSIInputError:
    repeated = sorted(names.get(k, k) for k in header.duplicates)
    return SSIInputError(
        tr("{what} tiene columnas repetidas: {cols}. Deja una de cada.",
           "{what} has repeated columns: {cols}. Keep one of each.", what=source.subject, cols=", ".join(repeated)),
        field="columns", received=repeated,
    )


def _duplicate_warning(source: Source, header: _Header, names: Mapping[str, str]) -> None:
    for key, columns in header.duplicates.items():
        warnings.warn(
            tr("{what} tiene {n} columnas «{c}» (las columnas {cols}): uso la {first}.ª y no las demás.",
               "{what} has {n} '{c}' columns (columns {cols}): using column {first} and not the others.",
               what=source.subject, n=len(columns), c=names.get(key, key),
               cols=", ".join(str(c + 1) for c in columns), first=columns[0] + 1),
            SSIWarning, stacklevel=4,
        )


# --- rows --------------------------------------------------------------------------------
def _too_many_fields(source: Source, line: int | None, fields: int, width: int, sep: str,
                     kind: TableKind) -> SSIInputError:
    shown = tr("tabulador", "tab") if sep == "\t" else sep
    where = tr("la línea {line} {of}", "line {line} {of}", line=format_thousands(line), of=source.of) \
        if line is not None else source.noun
    hint = tr(*kind.extra_field_hint) if kind.extra_field_hint else tr(
        'Pon ese texto entre comillas ("Acme{sep} S.L.") o quita el «{shown}» de más, en una copia del archivo.',
        'Put that text in quotes ("Acme{sep} Inc.") or remove the extra «{shown}», in a copy of the file.',
        sep="" if sep == "\t" else sep, shown=shown)
    return SSIInputError(
        tr("No puedo leer {where}: tiene {n} campos y el encabezado {w}. Suele pasar cuando un texto con «{sep}» "
           "no está entre comillas.",
           "Cannot read {where}: it has {n} fields and the header {w}. This happens when a text holding '{sep}' "
           "is not quoted.", where=where, n=format_thousands(fields), w=width, sep=shown),
        field="path", received=line, hint=hint,
    )


def _unclosed_quote(source: Source, line: int) -> SSIInputError:
    return SSIInputError(
        tr('No puedo leer {what}: hay una comilla sin cerrar (") en la línea {line}; todo lo que sigue '
           "quedaría dentro de un solo campo.",
           'Cannot read {what}: there is an unclosed quote (") on line {line}; everything after it would '
           "end up in one field.",
           what=source.noun, line=format_thousands(line)),
        field="path", received=line,
        hint=tr("Cierra la comilla o quítala en esa línea, en una copia del archivo.",
                "Close the quote or remove it on that line, in a copy of the file."),
    )


class _UnclosedQuote(Exception):
    """A quote opened on ``line`` (1-based) and never properly closed."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def _scan(lines: list[str], sep: str, first: int) -> tuple[list[int], list[int]]:
    """The line (1-based) where each record starts and its number of fields, as pandas reads
    them (blank lines skipped); raises :class:`_UnclosedQuote` for a quote never closed.

    ``lines`` start at line ``first`` (1-based). Plain Python: only used when a quoted field
    runs over lines or something looks wrong.
    """
    starts: list[int] = []
    widths: list[int] = []
    skip = " " if sep == "\t" else " \t"
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        start, fields, pos = i, 1, 0
        while True:
            while pos < len(line) and line[pos] in skip:
                pos += 1
            if line.startswith('"', pos):
                opened, pos = i, pos + 1
                while True:
                    quote = line.find('"', pos)
                    if quote < 0:  # the field goes on in the next line
                        i += 1
                        if i >= n:
                            raise _UnclosedQuote(first + opened)
                        line, pos = lines[i], 0
                    elif line.startswith('"', quote + 1):  # "" is a quote inside the field
                        pos = quote + 2
                    else:
                        pos = quote + 1
                        break
                end = line.find(sep, pos)
                rest = line[pos:] if end < 0 else line[pos:end]
                # A quote that ran over lines and closed just before more text was never meant to open.
                if i > opened and rest.strip(" \t\r"):
                    raise _UnclosedQuote(first + opened)
            else:
                end = line.find(sep, pos)
            if end < 0:
                break
            fields, pos = fields + 1, end + 1
        starts.append(first + start)
        widths.append(fields)
        i += 1
    return starts, widths


@dataclass
class _Layout:
    """Where each line of the (UTF-8) file starts and ends, found in bulk."""

    raw: bytes
    starts: np.ndarray
    ends: np.ndarray
    blank: np.ndarray  # empty lines (pandas skips them)

    @classmethod
    def of(cls, raw: bytes) -> _Layout:
        import numpy as np

        arr = np.frombuffer(raw, dtype=np.uint8)
        breaks = np.flatnonzero(arr == 10)
        starts = np.concatenate(([0], breaks + 1))
        ends = np.concatenate((breaks, [len(raw)]))
        length = ends - starts
        last = np.zeros(len(starts), dtype=np.uint8)
        last[length > 0] = arr[ends[length > 0] - 1]
        blank = (length == 0) | ((length == 1) & (last == 13))
        return cls(raw, starts, ends, blank)

    def line(self, i: int) -> str:
        # latin-1 keeps every byte: slicing, splitting and re-encoding give the same bytes back.
        return self.raw[self.starts[i]:self.ends[i]].decode("latin-1")

    def lines(self, first: int, stop: int | None = None) -> list[str]:
        stop = len(self.starts) if stop is None else min(stop, len(self.starts))
        if first >= stop:
            return []
        return self.raw[self.starts[first]:self.ends[stop - 1]].decode("latin-1").split("\n")


def _line_too_long(source: Source, layout: _Layout, limit: int, kind: TableKind) -> SSIInputError | None:
    import numpy as np

    long = np.flatnonzero(layout.ends - layout.starts > 4 * limit)  # bytes: up to 4 per character
    if not len(long):
        return None
    return SSIInputError(
        tr("La línea {line} {of} tiene más de {n} caracteres: no es una fila de {f} (una fila real tiene unos "
           "cientos).",
           "Line {line} {of} is longer than {n} characters: it is not a row of {f} (a real row has a few "
           "hundred).",
           line=format_thousands(int(long[0]) + 1), of=source.of, n=format_thousands(limit), f=kind.file),
        field="path", received=int(long[0]) + 1,
        hint=tr("Comprueba que es el archivo correcto; si lo editaste, vuelve a descargarlo.",
                "Check that it is the right file; if you edited it, download it again."),
    )


_WRAPPED = re.compile(r'"((?:[^"]|"")*)"')


def _unwrap_rows(layout: _Layout, header: _Header) -> bytes | None:
    """The file with rows a tool wrapped whole in quotes (``"Ana,Ruiz,""Jefe, Iberia"",…"``) split
    back into fields; None when there are none (the usual case, found in bulk)."""
    import numpy as np

    if header.width < 2:
        return None
    arr = np.frombuffer(layout.raw, dtype=np.uint8)
    starts, ends = layout.starts[header.line:], layout.ends[header.line:]
    length = ends - starts
    full = length >= 2
    first = np.zeros(len(starts), dtype=np.uint8)
    first[full] = arr[starts[full]]
    close = np.zeros(len(starts), dtype=np.uint8)
    close[full] = arr[ends[full] - 1]
    crlf = full & (close == 13) & (length >= 3)
    close[crlf] = arr[ends[crlf] - 2]
    # Rows quoted field by field ("Ana","Ruiz",…: a lone quote, the separator, a lone quote) are
    # not wrapped whole: set them aside in bulk, so files ssi-kit writes are read at full speed.
    sep = ord(header.sep)
    at = np.flatnonzero((arr[1:-3] == 34) & (arr[2:-2] == sep) & (arr[3:-1] == 34) & (arr[:-4] != 34)
                        & (arr[4:] != 34)) + 1 if len(arr) > 4 else np.zeros(0, dtype=np.int64)
    split = np.zeros(len(layout.starts), dtype=bool)
    split[np.searchsorted(layout.starts, at, side="right") - 1] = True
    candidates = np.flatnonzero((first == 34) & (close == 34) & ~split[header.line:]) + header.line
    if not len(candidates):
        return None
    pieces, done = [], 0
    for i in candidates.tolist():
        line = layout.line(i)
        wrapped = _WRAPPED.fullmatch(line.rstrip("\r"))  # one quoted field, every inner quote doubled
        if wrapped is not None and header.sep in wrapped[1]:
            pieces += [layout.raw[done:layout.starts[i]], wrapped[1].replace('""', '"').encode("latin-1"),
                       b"\r" if line.endswith("\r") else b""]
            done = int(layout.ends[i])
    if not pieces:
        return None
    return b"".join([*pieces, layout.raw[done:]])


def _read_rows(layout: _Layout, header: _Header, width: int, source: Source) -> pd.DataFrame:
    """Every row after the header, ``width`` columns of text (NA when empty); pandas reads them,
    our own scan explains whatever it refuses."""
    import io

    import pandas as pd

    # A first row of exactly ``width`` fields: pandas then reads short rows padded and ignores
    # fields beyond ``width`` (it refuses columns no row has).
    body = header.sep.encode() * (width - 1) + b"\n" + layout.raw[layout.ends[header.line] + 1:]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", pd.errors.ParserWarning)
            # Text for the header's columns; fields beyond them are only looked at (and stay cheap).
            frame = pd.read_csv(
                io.BytesIO(body), encoding="utf-8", sep=header.sep, header=None, names=range(width),
                usecols=range(width), dtype={i: "string" for i in range(header.width)}, keep_default_na=False,
                na_values=[""], skip_blank_lines=True, skipinitialspace=True, index_col=False,
                encoding_errors="replace",
            )
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError, OverflowError, MemoryError):
        _scan(layout.lines(header.line + 1), header.sep, header.line + 2)  # raises for a bad quote
        raise SSIInputError(
            tr("No puedo leer {what} como CSV.", "Cannot read {what} as CSV.", what=source.noun),
            field="path", received=source.name or source.kind,
            hint=tr("Ábrelo en una hoja de cálculo y guárdalo de nuevo como CSV (UTF-8).",
                    "Open it in a spreadsheet and save it again as CSV (UTF-8)."),
        ) from None
    return frame.iloc[1:].reset_index(drop=True)


def _record_lines(layout: _Layout, header: _Header, rows: int, source: Source) -> tuple[Any, Any]:
    """Each record's first line (1-based) and its number of fields (None if a scan was not needed)."""
    import numpy as np

    lines = np.flatnonzero(~layout.blank[header.line + 1:]) + header.line + 2
    if len(lines) == rows:
        return lines, None
    # Quoted fields over several lines, or lines of spaces: check them, and find the rows' lines.
    starts, widths = _scan(layout.lines(header.line + 1), header.sep, header.line + 2)
    if len(starts) != rows:
        return None, None
    return np.asarray(starts, dtype=np.int64), np.asarray(widths, dtype=np.int64)


def _widths(layout: _Layout, header: _Header, lines: Any, widths: Any) -> np.ndarray | None:
    """Each row's number of fields: separators counted in bulk, each line holding a quote split
    properly (the scan's own count when records run over lines)."""
    import numpy as np

    if lines is None:
        return None
    if widths is not None:
        return np.asarray(widths, dtype=np.int64)
    arr = np.frombuffer(layout.raw, dtype=np.uint8)
    index = lines - 1  # 0-based line of each row
    marks = np.flatnonzero(arr == ord(header.sep))
    # A separator inside quotes has an odd number of quotes before it on its line ("" counts twice).
    quotes = np.cumsum(arr == 34, dtype=np.int64)
    line_of = np.searchsorted(layout.starts, marks, side="right") - 1
    before_line = np.where(layout.starts > 0, quotes[np.maximum(layout.starts - 1, 0)], 0)
    real = (quotes[marks] - before_line[line_of]) % 2 == 0
    separators = np.bincount(line_of[real], minlength=len(layout.starts))[index]
    return np.asarray(separators + 1, dtype=np.int64)


def _extra_fields(frame: pd.DataFrame, header: _Header, lines: Any, source: Source, kind: TableKind) -> np.ndarray:
    """Whether each row has a non-empty field beyond the header's (an unquoted separator shifted
    it): an error for strict kinds."""
    import numpy as np

    extra = frame.iloc[:, header.width:].notna().to_numpy()
    rows: np.ndarray = np.asarray(extra.any(axis=1), dtype=bool)
    if kind.strict and rows.any():
        row = int(rows.nonzero()[0][0])
        fields = header.width + int(extra[row].nonzero()[0][-1]) + 1
        line = None if lines is None else int(lines[row])
        raise _too_many_fields(source, line, fields, header.width, header.sep, kind)
    return rows


def _decoded(source: Source) -> bytes:
    """The file's bytes as UTF-8, line ends as ``\\n`` or ``\\r\\n`` (old Mac CR-only files too)."""
    text, encoding = decode_text(source.data, where=source)
    if encoding == "utf-8":  # already UTF-8 (most files): its bytes, without a BOM
        raw = source.data[3:] if source.data.startswith(b"\xef\xbb\xbf") else source.data
    else:
        raw = text.lstrip("\ufeff").encode("utf-8", errors="surrogatepass")
    if b"\r" in raw and raw.count(b"\r") != raw.count(b"\r\n"):
        raw = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")  # old Mac line ends: one per line
    return raw


def read_table(path: object, kind: TableKind, *, header_lines: int = 200,
               names: Mapping[str, str] | None = None) -> Table:
    """Read a CSV table of ``kind`` from what a learner passed (path, folder, ``.zip``, text, bytes, file).

    Parameters
    ----------
    path : object
        As :func:`ssi_kit._checks.read_source` takes it, or a :class:`~ssi_kit._checks.Source`
        already read.
    kind : TableKind
        What the file holds.
    header_lines : int
        How many lines the header may be preceded by (a notes preamble).
    names : mapping, optional
        How messages name our keys (``{"company": "Company"}``); the key itself by default.

    Raises
    ------
    SSIInputError
        An empty or unreadable file, no header row (or one lacking ``kind.required``), a quote
        never closed, a row with too many fields (``kind.strict``) or a line over
        ``kind.max_line_chars``; every message names lines, never what they hold.

    Warns
    -----
    SSIWarning
        Two columns with the same name (which one is read), two encodings in one file.
    """
    import pandas as pd

    names = names or {}
    source = path if isinstance(path, Source) else read_source(
        path, function=kind.function, member=kind.member, text_starts=kind.text_starts, expected=tr(*kind.argument),
        hint=tr(*kind.download) if kind.download[0] else "")
    raw = _decoded(source)
    if not raw.strip(b" \t\r\n\0"):
        raise SSIInputError(
            tr("{what} está vacío.", "{what} is empty.", what=source.subject),
            field="path", received=source.name or source.kind,
            hint=tr(*kind.download) if kind.download[0] else "",
        )
    layout = _Layout.of(raw)
    head = layout.lines(0, header_lines)
    header, partial = _find_header(head, kind)
    if header is None:
        other = _which_file(" ".join(head[:50]))
        if partial is not None and (other is None or other[0] == kind.file):
            raise _missing_columns(source, partial, kind, names)
        raise _not_this_file(source, head, kind)
    if kind.repeated == "error" and header.duplicates:
        raise _repeated_columns(source, header, names)
    _duplicate_warning(source, header, names)
    if kind.max_line_chars is not None:
        too_long = _line_too_long(source, layout, kind.max_line_chars, kind)
        if too_long is not None:
            raise too_long
    unwrapped = _unwrap_rows(layout, header)
    if unwrapped is not None:
        layout = _Layout.of(unwrapped)
    broken = None
    try:
        rows = _read_rows(layout, header, header.width + _EXTRA_COLUMNS, source)
        lines, scanned = _record_lines(layout, header, len(rows), source)
    except _UnclosedQuote as bad:
        if not kind.cut_at_bad_quote:
            raise _unclosed_quote(source, bad.line) from None
        # Everything from the quote on would be one field: read what comes before it.
        broken, layout = bad.line, _Layout.of(layout.raw[:layout.starts[bad.line - 1]])
        rows = _read_rows(layout, header, header.width + _EXTRA_COLUMNS, source)
        lines, scanned = _record_lines(layout, header, len(rows), source)
    extra = _extra_fields(rows, header, lines, source, kind)
    keys = list(kind.columns) if kind.columns is not None else list(header.positions)
    found = [k for k in keys if k in header.positions]
    frame = pd.DataFrame({k: rows.iloc[:, header.positions[k]] for k in found}, index=rows.index)
    if kind.columns is None:
        frame.columns = pd.Index(range(len(found)))
    blank = ~extra
    for column in range(header.width):
        blank &= rows[column].isna().to_numpy()
    # Only tolerant kinds tell a row cut short from empty cells (it costs a look at quoted lines).
    widths = None if kind.strict else _widths(layout, header, lines, scanned)
    if blank.any():
        keep = ~blank
        frame = frame[keep].reset_index(drop=True)
        lines = None if lines is None else lines[keep]
        widths = None if widths is None else widths[keep]
        extra = extra[keep]
    if kind.unprotect and _PROTECTED.search(layout.raw):
        frame = _unprotected(frame)
    missing = tuple(k for k in (kind.columns or {}) if k not in header.positions)
    return Table(frame, lines, source, header.line + 1, header.sep, header.width, missing, widths, extra,
                 header.duplicates, broken)


# Where ssi-kit's writer may have put an apostrophe: at a field's start or after a separator.
_PROTECTED = re.compile(rb"'[=+\-@\t\r]")


def _unprotected(frame: pd.DataFrame) -> pd.DataFrame:
    """Cells without the apostrophe ssi-kit's CSV writer put before a would-be formula."""
    for column in frame.columns:
        values = frame[column]
        marked = values.str.contains("'", regex=False).fillna(False).to_numpy(dtype=bool)
        if marked.any():
            restored = values.copy()
            restored[marked] = [unprotect(v) for v in values[marked].tolist()]
            frame[column] = restored
    return frame


# --- dates inside files -------------------------------------------------------------------
# Every spelling seen in exports, forms and files re-saved by spreadsheets. Ties between day
# first and month first go to day first (the order here); a file's majority decides the rest.
_DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y/%m/%d",
    "%Y/%m/%d %H:%M:%S",
    "%m/%d/%y, %I:%M %p",     # LinkedIn ~2018 and Invitations' Sent At: 1/8/18, 6:14 PM
    "%m/%d/%Y, %I:%M %p",
    "%d/%m/%Y %H:%M:%S",      # spreadsheets and forms in Spanish
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
    "%d/%m/%y %H:%M:%S",
    "%d/%m/%y %H:%M",
    "%d/%m/%y",
    "%m/%d/%Y %H:%M:%S",      # spreadsheets and forms in English
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y",
    "%m/%d/%y %H:%M:%S",
    "%m/%d/%y %H:%M",
    "%m/%d/%y",
    "%m/%d/%y %I:%M %p",
    "%m/%d/%Y %I:%M %p",
    "%d/%m/%Y %I:%M %p",
    "%d/%m/%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M:%S %p",
    "%d.%m.%Y %H:%M:%S",      # spreadsheets in German and others
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
    "%d.%m.%y",
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y",
    "%d-%m-%y",
    "%d-%b-%y",               # 15-Mar-24, 5-Mar-24
    "%d-%b-%Y",
    "%d %b %Y",
    "%d %B %Y",
    "%b %d, %Y",
    "%B %d, %Y",
)
_SPANISH_MONTHS = {"ene": "Jan", "abr": "Apr", "ago": "Aug", "dic": "Dec", "sept": "Sep", "set": "Sep"}
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_MONTHS |= {"ene": 1, "abr": 4, "ago": 8, "dic": 12}
_MONTH_KEYS = {(ord(m[0]) << 16) | (ord(m[1]) << 8) | ord(m[2]): n for m, n in _MONTHS.items()}
_ZONE = re.compile(r"\s*(UTC|GMT|Z)$", re.IGNORECASE)
_MERIDIEM = re.compile(r"\s*([ap])\.?\s*m\.?$", re.IGNORECASE)
_FRACTION = re.compile(r"(\d:\d{2})[.,]\d{1,9}\b")
# pandas keeps datetime64[ns]: years 1677 to 2262 (a day inside each end).
FIRST_DAY, LAST_DAY = "1677-09-22", "2262-04-10"


def _current_format(texts: list[str]) -> np.ndarray:
    """Dates written like ``15 Mar 2024`` (the current Connections export), read in bulk as
    character codes (strptime costs a microsecond each); anything else is NaT."""
    import numpy as np

    sized = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) == 11
    chars = np.array(texts, dtype="U11").view(np.uint32).reshape(len(texts), 11).astype(np.int64)
    digits = chars[:, [0, 1, 7, 8, 9, 10]] - 48
    letters = chars[:, 3:6] | 32  # lower case
    ok = sized & ((digits >= 0) & (digits <= 9)).all(axis=1) & (chars[:, 2] == 32) & (chars[:, 6] == 32) \
        & ((letters >= 97) & (letters <= 122)).all(axis=1)
    keys = (letters[:, 0] << 16) | (letters[:, 1] << 8) | letters[:, 2]
    table = np.array(sorted(_MONTH_KEYS), dtype=np.int64)
    slot = np.minimum(np.searchsorted(table, keys), len(table) - 1)
    ok &= table[slot] == keys
    month = np.array([_MONTH_KEYS[k] for k in table.tolist()], dtype=np.int64)[slot]
    day = digits[:, 0] * 10 + digits[:, 1]
    year = digits[:, 2] * 1000 + digits[:, 3] * 100 + digits[:, 4] * 10 + digits[:, 5]
    ok &= (day >= 1) & (year >= 1)
    first = ((year - 1970) * 12 + month - 1).astype("datetime64[M]")
    result = first.astype("datetime64[D]") + (day - 1).astype("timedelta64[D]")
    ok &= result.astype("datetime64[M]") == first  # 31 Feb rolls over into March: not a date
    return np.where(ok, result, np.datetime64("NaT")).astype("datetime64[us]")


def _clean_date(text: str) -> str:
    """One spelling for what spreadsheets vary: spaces, a time zone suffix, «a. m.», fractions of a second."""
    if "  " in text or "\t" in text or "\u00a0" in text:
        text = " ".join(text.split())
    if text[-1:].isalpha() or text[-1:] == ".":  # only then a zone or «a. m.» can end it
        text = _MERIDIEM.sub(lambda m: " " + m.group(1).upper() + "M", _ZONE.sub("", text))
    if ":" in text and ("." in text or "," in text):
        text = _FRACTION.sub(r"\1", text)
    return text


@dataclass(frozen=True)
class Dates:
    """What :func:`parse_dates` read: naive ``datetime64[ns]`` values and the rows it could not."""

    values: np.ndarray
    unread: np.ndarray  # rows with a date that could not be read (NaT)
    far: np.ndarray  # rows with a date out of the range pandas represents (NaT)


_DATE_SAMPLE = 400  # texts a format is tried on before it reads a whole column


def _dates_in(texts: pd.Series, fmt: str) -> pd.Series:
    """``texts`` read with one format; NaT where it does not fit."""
    import pandas as pd

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return pd.to_datetime(texts, format=fmt, errors="coerce")
    except (ValueError, OverflowError):  # whatever pandas cannot coerce is not this format
        return pd.Series(pd.NaT, index=texts.index)


def parse_dates(values: pd.Series) -> Dates:
    """The dates of a column of a file, however exports and spreadsheets wrote them.

    Each distinct text is parsed once; the format that reads most of what is left wins, so an
    ambiguous ``03/04/2024`` follows the file's majority (day first when there is none). The
    time of day is kept; time zone suffixes (``UTC``) are dropped (times are UTC or local, as
    the file says). Blank cells are NaT and not "unread".

    >>> import pandas as pd
    >>> [str(d)[:10] for d in parse_dates(pd.Series(["11/28/21", "15 Mar 2024", ""])).values]
    ['2021-11-28', '2024-03-15', 'NaT']
    """
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(values.to_numpy(dtype=object))
    texts = [t.strip() if isinstance(t, str) else "" for t in uniques]
    days = np.full(len(texts), np.datetime64("NaT"), dtype="datetime64[us]")
    if texts:
        fast = _current_format(texts)
        todo = np.isnat(fast)
        days[~todo] = fast[~todo]
    else:
        todo = np.zeros(0, dtype=bool)
    left = pd.Series([_clean_date(t) for t, d in zip(texts, todo) if d], index=np.flatnonzero(todo), dtype="string")
    left = left[left != ""]
    translated = False
    while len(left):
        # Formats are scored on a sample (every text when there are few), the winner read in full.
        sample = left.iloc[np.linspace(0, len(left) - 1, _DATE_SAMPLE).astype(int)] \
            if len(left) > _DATE_SAMPLE else left
        best_format, best_count = None, 0
        for fmt in _DATE_FORMATS:
            count = int(_dates_in(sample, fmt).notna().sum())
            if count > best_count:
                best_format, best_count = fmt, count
                if count == len(sample):
                    break
        best = None if best_format is None else _dates_in(left, best_format)
        if best is None or not best.notna().any():
            if translated:
                break
            # Spanish month names ("15 ene 2024", "3 dic. 2021"): try once more in English.
            left = left.str.lower().replace({rf"\b{k}\b": v for k, v in _SPANISH_MONTHS.items()},
                                            regex=True).str.replace(".", "", regex=False)
            translated = True
            continue
        read = best.notna()
        days[best.index[read]] = best[read].to_numpy().astype("datetime64[us]")
        left = left[~read]
    blank = np.array([not t for t in texts], dtype=bool)
    out_of_range = (days < np.datetime64(FIRST_DAY)) | (days > np.datetime64(LAST_DAY))
    unread = np.isnat(days) & ~blank
    days[out_of_range] = np.datetime64("NaT")
    known = codes >= 0
    result = np.full(len(codes), np.datetime64("NaT"), dtype="datetime64[ns]")
    result[known] = days.astype("datetime64[ns]")[codes[known]]
    bad = np.flatnonzero(unread)
    far = np.flatnonzero(out_of_range)
    none = np.array([], dtype=np.int64)
    return Dates(result, np.flatnonzero(known & np.isin(codes, bad)) if len(bad) else none,
                 np.flatnonzero(known & np.isin(codes, far)) if len(far) else none)


def date_warning(table: Table, rows: np.ndarray, *, far: bool) -> str:
    """The warning for dates left empty (NaT); it names lines, never what they hold."""
    count = len(rows)
    lines = table.line_list(rows)
    where = tr("Línea {l}.", "Line {l}.", l=lines) if count == 1 else tr("Líneas {l}.", "Lines {l}.", l=lines)
    if far:
        text = tr("{n} {of} está fuera del rango que se puede representar (años 1678 a 2261) y queda sin fecha "
                  "(NaT).", "{n} {of} is out of the range that can be represented (years 1678 to 2261) and is "
                  "left empty (NaT).") if count == 1 else \
            tr("{n} {of} están fuera del rango que se puede representar (años 1678 a 2261) y quedan sin fecha "
               "(NaT).", "{n} {of} are out of the range that can be represented (years 1678 to 2261) and are "
               "left empty (NaT).")
    else:
        text = tr("{n} {of} no se pudo leer y queda sin fecha (NaT).",
                  "{n} {of} could not be read and is left empty (NaT).") if count == 1 else \
            tr("{n} {of} no se pudieron leer y quedan sin fecha (NaT).",
               "{n} {of} could not be read and are left empty (NaT).")
    number = plural(count, "fecha", "fechas", "date", "dates")
    return text.format(n=number[:1].upper() + number[1:], of=table.source.of) + " " + where
