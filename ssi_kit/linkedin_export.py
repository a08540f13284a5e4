"""Your LinkedIn connections export (``Connections.csv``): read it, summarise it, anonymise it.

LinkedIn's "Get a copy of your data" gives a ``Connections.csv``. Its shape changed over the
years and spreadsheets change it again when they re-save it; :func:`read_connections` reads
every variant into one tidy table. Your data never leaves your machine: nothing here sends
anything anywhere, and the file you read is never modified. Messages about a file name its
lines, never what they hold.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import re
import unicodedata
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from os import PathLike
from typing import TYPE_CHECKING, Any

from ._checks import Source, check_frame, check_integer, check_type, decode_text, detect_encoding, read_source
from ._i18n import format_number, format_thousands, plural, short_repr, tr
from .errors import SSIInputError, SSITypeError, SSIWarning
from .safe_csv import save_csv  # re-exported: lesson 03 imports it from here

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = [
    "COLUMNS",
    "DECISION_MAKER_TERMS",
    "NetworkSummary",
    "anonymize",
    "is_decision_maker",
    "network_summary",
    "read_connections",
    "save_csv",
]

COLUMNS = ("first_name", "last_name", "url", "email", "company", "position", "connected_on")
"""Columns of the table :func:`read_connections` returns, in this order."""
_TEXT_COLUMNS = COLUMNS[:-1]
_EXPORT_NAMES = dict(zip(COLUMNS, ("First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                                   "Connected On")))
_EXPECTED_HEADER = ", ".join(_EXPORT_NAMES.values())
_NEEDED = ("company", "position", "connected_on")  # what the summary uses: a header needs one of them

# Header names seen in exports and in hand-edited files, lower case, accents and everything but
# letters and digits removed ("Connected on", "ConnectedOn", "connected_on") -> our column.
_ALIASES: dict[str, str] = {
    "firstname": "first_name", "nombre": "first_name", "givenname": "first_name",
    "lastname": "last_name", "apellidos": "last_name", "apellido": "last_name", "surname": "last_name",
    "familyname": "last_name",
    "url": "url", "profileurl": "url", "linkedinurl": "url", "linkedinprofileurl": "url", "urldelperfil": "url",
    "emailaddress": "email", "email": "email", "correoelectronico": "email", "correo": "email",
    "direcciondecorreoelectronico": "email",
    "company": "company", "empresa": "company", "compania": "company",
    "position": "position", "title": "position", "jobtitle": "position", "cargo": "position", "puesto": "position",
    "connectedon": "connected_on", "connected": "connected_on", "connectiondate": "connected_on",
    "fechadeconexion": "connected_on",
}
# Prefixes added by tools that strip a file of names ("De-Identified First Name").
_PREFIX = re.compile(r"^(deidentified|anonymi[sz]ed|pseudonymi[sz]ed|hashed|masked|redacted)")
_HEADER_SCAN_LINES = 200  # preambles are a few lines; look well beyond that, never to the end
_MAX_LINE_BYTES = 40_000  # a real row is under 1,000 characters; this is >= 10,000 characters
_MAX_LINE_CHARS = 10_000
_SEPARATORS = (",", ";", "\t")

# Date formats seen in exports (current, ~2018) and in files re-saved by spreadsheets.
_DATE_FORMATS = (
    "%d %b %Y",               # 15 Mar 2024 (current)
    "%m/%d/%y, %I:%M %p",     # 1/8/18, 6:14 PM (around 2018)
    "%m/%d/%Y, %I:%M %p",
    "%Y-%m-%d",
    "%Y-%m-%d %H:%M:%S",
    "%d/%m/%Y",               # spreadsheets in Spanish
    "%m/%d/%Y",               # spreadsheets in English
    "%d/%m/%y",
    "%m/%d/%y",
    "%d/%m/%Y %H:%M",
    "%m/%d/%Y %H:%M",
    "%d.%m.%Y",               # spreadsheets in German and others
    "%d.%m.%y",
    "%d-%b-%y",               # 15-Mar-24, 5-Mar-24
    "%d-%b-%Y",
    "%d %B %Y",
)
_SPANISH_MONTHS = {"ene": "Jan", "abr": "Apr", "ago": "Aug", "dic": "Dec", "sept": "Sep"}
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_MONTHS |= {"ene": 1, "abr": 4, "ago": 8, "dic": 12, "sept": 9}
# pandas keeps datetime64[ns]: years 1677 to 2262 (a day inside each end).
_FIRST_DAY, _LAST_DAY = "1677-09-22", "2262-04-10"

_DOWNLOAD_HINT = (
    "Descarga tus datos en LinkedIn (Configuración → Privacidad de datos → Obtener una copia de tus datos → "
    "Contactos) y pasa la ruta de Connections.csv.",
    "Download your data from LinkedIn (Settings → Data privacy → Get a copy of your data → Connections) "
    "and pass the path of Connections.csv.",
)


# --- reading: the header ----------------------------------------------------------------------
def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def _column_key(name: str) -> str | None:
    """Our column for a header name as people write it, or None."""
    key = re.sub(r"[^a-z0-9]", "", _plain(name))
    return _ALIASES.get(key) or _ALIASES.get(_PREFIX.sub("", key))


def _split_line(line: str, sep: str) -> list[str]:
    """The fields of one line; a line a tool wrapped whole in quotes gives its inner fields."""
    fields = next(csv.reader([line.rstrip("\r")], delimiter=sep, skipinitialspace=True), [])
    if len(fields) == 1 and sep in fields[0] and line.lstrip().startswith('"'):
        fields = next(csv.reader([fields[0]], delimiter=sep, skipinitialspace=True), [])
    return fields


@dataclass(frozen=True)
class _Header:
    line: int  # 0-based
    sep: str
    width: int
    keys: tuple[str, ...]  # our columns found, in file order


def _find_header(lines: list[str]) -> tuple[_Header | None, _Header | None]:
    """The header row (>= 2 known columns, one of them company/position/connected on), or else the
    best row with known columns but none of those (to say which are missing)."""
    partial = None
    for number, line in enumerate(lines):
        if len(line) > _MAX_LINE_CHARS:
            continue
        try:  # lines come as latin-1 (byte for byte); header names may have accents
            line = line.encode("latin-1").decode("utf-8")
        except UnicodeError:
            line = line.encode("latin-1").decode("cp1252", errors="replace")
        best: _Header | None = None
        for sep in _SEPARATORS:
            if sep not in line:
                continue
            fields = _split_line(line, sep)
            keys = tuple(dict.fromkeys(k for k in map(_column_key, fields) if k))
            if len(keys) >= 2 and (best is None or len(keys) > len(best.keys)):
                best = _Header(number, sep, len(fields), keys)
        if best is None:
            continue
        if any(k in best.keys for k in _NEEDED):
            return best, None
        partial = partial or best
    return None, partial


def _not_an_export(source: Source, first_line: str) -> SSIInputError:
    """No header row: say what was expected; never quote the file (it may hold someone's data)."""
    first = first_line.lower()
    if "conversation id" in first or "conversation title" in first:
        hint = tr("Parece messages.csv (tus mensajes): busca Connections.csv en la misma carpeta.",
                  "It looks like messages.csv (your messages): look for Connections.csv in the same folder.")
    elif source.data[:4] == b"PK\x03\x04" or source.name.lower().endswith((".xlsx", ".xls", ".ods")):
        hint = tr("Parece una hoja de cálculo: guárdala como CSV (UTF-8) y pasa ese archivo.",
                  "It looks like a spreadsheet: save it as CSV (UTF-8) and pass that file.")
    else:
        hint = tr("Pasa el Connections.csv de tu exportación de LinkedIn.",
                  "Pass the Connections.csv of your LinkedIn export.")
    return SSIInputError(
        tr("{what} no parece una exportación de contactos de LinkedIn (Connections.csv): no encuentro la fila "
           "de encabezado con las columnas {expected}.",
           "{what} does not look like a LinkedIn connections export (Connections.csv): there is no header "
           "row with the columns {expected}.",
           what=source.subject, expected=_EXPECTED_HEADER),
        field="path", received=source.name or source.kind, hint=hint,
    )


def _missing_columns(source: Source, header: _Header) -> SSIInputError:
    found = ", ".join(_EXPORT_NAMES[k] for k in COLUMNS if k in header.keys)
    missing = [_EXPORT_NAMES[k] for k in _NEEDED]
    return SSIInputError(
        tr("La línea {line} {of} parece un encabezado ({found}), pero le faltan las columnas {missing}: "
           "sin ellas no hay nada que resumir.",
           "Line {line} {of} looks like a header ({found}), but it lacks the columns {missing}: without "
           "them there is nothing to summarise.",
           line=format_thousands(header.line + 1), of=source.of, found=found, missing=", ".join(missing)),
        field="path", received=[_EXPORT_NAMES[k] for k in header.keys],
        hint=tr("¿Es el Connections.csv de tu exportación? Si borraste columnas, vuelve a descargarlo.",
                "Is it the Connections.csv of your export? If you deleted columns, download it again."),
    )


# --- reading: rows ----------------------------------------------------------------------------
def _too_many_fields(source: Source, line: int, fields: int, width: int, sep: str) -> SSIInputError:
    shown = tr("tabulador", "tab") if sep == "\t" else sep
    return SSIInputError(
        tr("No puedo leer la línea {line} {of}: tiene {n} campos y el encabezado {w}. Suele pasar cuando "
           "un texto con «{sep}» no está entre comillas.",
           "Cannot read line {line} {of}: it has {n} fields and the header {w}. This happens when a text "
           "holding '{sep}' is not quoted.",
           line=format_thousands(line), of=source.of, n=format_thousands(fields), w=width, sep=shown),
        field="path", received=line,
        hint=tr('Pon ese texto entre comillas ("Acme{sep} S.L.") o quita el «{shown}» de más, en una copia del '
                "archivo.", 'Put that text in quotes ("Acme{sep} Inc.") or remove the extra «{shown}», in a copy '
                "of the file.", sep="" if sep == "\t" else sep, shown=shown),
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


def _scan(lines: list[str], sep: str, width: int, first: int, source: Source, *,
          limit: int | None = None, complete: bool = True) -> list[int]:
    """The line (1-based) where each record starts, as pandas reads them (blank lines skipped);
    raises for a record with more than ``width`` fields or a quote never closed.

    ``lines`` start at line ``first`` (1-based). Only used when something looks wrong, or for the
    first rows: it is plain Python.
    """
    records: list[int] = []
    skip = " " if sep == "\t" else " \t"
    i, n = 0, len(lines)
    while i < n and (limit is None or len(records) < limit):
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
                            if complete:
                                raise _unclosed_quote(source, first + opened)
                            return records
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
                    raise _unclosed_quote(source, first + opened)
            else:
                end = line.find(sep, pos)
            if end < 0:
                break
            fields, pos = fields + 1, end + 1
        if fields > width:
            raise _too_many_fields(source, first + start, fields, width, sep)
        records.append(first + start)
        i += 1
    return records


@dataclass
class _Layout:
    """Where each line of the (UTF-8 or byte-compatible) file starts and ends, found in bulk."""

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


def _line_too_long(source: Source, layout: _Layout) -> SSIInputError | None:
    import numpy as np

    long = np.flatnonzero(layout.ends - layout.starts > _MAX_LINE_BYTES)
    if not len(long):
        return None
    return SSIInputError(
        tr("La línea {line} {of} tiene más de {n} caracteres: no es una fila de una exportación de contactos "
           "(una fila real tiene unos cientos).",
           "Line {line} {of} is longer than {n} characters: it is not a row of a connections export (a real "
           "row has a few hundred).",
           line=format_thousands(int(long[0]) + 1), of=source.of, n=format_thousands(_MAX_LINE_CHARS)),
        field="path", received=int(long[0]) + 1,
        hint=tr("Comprueba que es tu Connections.csv; si lo editaste, vuelve a descargarlo.",
                "Check that it is your Connections.csv; if you edited it, download it again."),
    )


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
    candidates = np.flatnonzero((first == 34) & (close == 34)) + header.line
    if not len(candidates):
        return None
    pieces, done = [], 0
    for i in candidates.tolist():
        line = layout.line(i)
        fields = next(csv.reader([line.rstrip("\r")], delimiter=header.sep), [])
        if len(fields) == 1 and header.sep in fields[0]:
            pieces += [layout.raw[done:layout.starts[i]], fields[0].encode("latin-1"),
                       b"\r" if line.endswith("\r") else b""]
            done = int(layout.ends[i])
    if not pieces:
        return None
    return b"".join([*pieces, layout.raw[done:]])


def _read_table(layout: _Layout, header: _Header, source: Source) -> pd.DataFrame:
    """pandas reads the rows; our own scan explains whatever it refuses."""
    import io

    import pandas as pd

    body = layout.raw[layout.starts[header.line]:]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", pd.errors.ParserWarning)
            return pd.read_csv(
                io.BytesIO(body), encoding="utf-8", sep=header.sep, dtype="string", keep_default_na=False,
                na_values=[""], skip_blank_lines=True, skipinitialspace=True, index_col=False,
            )
    except UnicodeDecodeError:
        raise
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError, OverflowError):
        _scan(layout.lines(header.line), header.sep, header.width, header.line + 1, source)
    raise SSIInputError(
        tr("No puedo leer {what} como CSV.", "Cannot read {what} as CSV.", what=source.noun),
        field="path", received=source.name or source.kind,
        hint=tr("Ábrelo en una hoja de cálculo y guárdalo de nuevo como CSV (UTF-8).",
                "Open it in a spreadsheet and save it again as CSV (UTF-8)."),
    )


def _parse(raw: bytes, source: Source) -> tuple[pd.DataFrame, Any]:
    """The table of a UTF-8 (or not yet checked) file, and each row's line (None if unknown)."""
    import numpy as np

    if b"\r" in raw and raw.count(b"\r") != raw.count(b"\r\n"):
        raw = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")  # old Mac line ends: one per line
    layout = _Layout.of(raw)
    head = layout.lines(0, _HEADER_SCAN_LINES)
    header, partial = _find_header(head)
    if header is None:
        if partial is not None:
            raise _missing_columns(source, partial)
        raise _not_an_export(source, next((line for line in head if line.strip()), ""))
    too_long = _line_too_long(source, layout)
    if too_long is not None:
        raise too_long
    unwrapped = _unwrap_rows(layout, header)
    if unwrapped is not None:
        layout = _Layout.of(unwrapped)
    # pandas silently drops the extra field of the first row (it takes it for an index): check it.
    _scan(layout.lines(header.line + 1, header.line + 50), header.sep, header.width, header.line + 2, source,
          limit=1, complete=False)
    frame = _read_table(layout, header, source)
    rows = np.flatnonzero(~layout.blank[header.line + 1:]) + header.line + 2
    if len(rows) != len(frame):
        # Quoted fields over several lines, or lines of spaces: check them, and find the rows' lines.
        rows = np.asarray(_scan(layout.lines(header.line + 1), header.sep, header.width, header.line + 2,
                                source), dtype=np.int64)
    return frame, rows if len(rows) == len(frame) else None


def _line_list(lines: Any, where: np.ndarray) -> str:
    """``5, 9, 12`` or ``5, 9, 12… (y 40 más)``: the lines of the rows at ``where`` (ten at most)."""
    if lines is None:
        return tr("(no sé en qué líneas)", "(lines unknown)")
    numbers = [format_thousands(int(n)) for n in lines[where[:10]]]
    text = ", ".join(numbers)
    if len(where) > 10:
        return text + tr("… (y {n} más)", "… (and {n} more)", n=format_thousands(len(where) - 10))
    return text


def _date_warning(count: int, source: Source, lines: str, *, far: bool) -> str:
    """The warning for dates left NaT; it names lines, never what they hold."""
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
    return text.format(n=number[:1].upper() + number[1:], of=source.of) + " " + where


_MONTH_KEYS = {(ord(m[0]) << 16) | (ord(m[1]) << 8) | ord(m[2]): n for m, n in _MONTHS.items() if len(m) == 3}


def _current_format(texts: list[str]) -> np.ndarray:
    """Dates written like ``15 Mar 2024`` (the current export), read in bulk as character codes
    (strptime costs a microsecond each); anything else is NaT, left to the general path."""
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


def _parse_dates(values: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``datetime64[ns]`` for dates in any of the export's formats, with the rows whose date could
    not be read and those out of range (both NaT). Each distinct text is parsed once."""
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(values.to_numpy(dtype=object))
    texts = [str(t).strip() for t in uniques]
    days = np.full(len(texts), np.datetime64("NaT"), dtype="datetime64[us]")
    fast = _current_format(texts)
    todo = np.isnat(fast)
    days[~todo] = fast[~todo]
    left = pd.Series([t for t, d in zip(texts, todo) if d], index=np.flatnonzero(todo), dtype="string")
    left = left[left != ""]
    translated = False
    while len(left):
        # The format that reads most of what is left wins (so 03/04 follows the file's majority).
        best, best_count = None, 0
        for fmt in _DATE_FORMATS:
            try:
                attempt = pd.to_datetime(left, format=fmt, errors="coerce")
            except (ValueError, OverflowError):  # whatever pandas cannot coerce is not this format
                continue
            count = int(attempt.notna().sum())
            if count > best_count:
                best, best_count = attempt, count
                if count == len(left):
                    break
        if best is None:
            if translated:
                break
            # Spanish month names ("15 ene 2024", "3 dic. 2021"): try once more in English
            left = left.str.lower().replace(_SPANISH_MONTHS, regex=True).str.replace(".", "", regex=False)
            translated = True
            continue
        read = best.notna()
        days[best.index[read]] = best[read].to_numpy().astype("datetime64[us]")
        left = left[~read]
    blank = np.array([not t for t in texts], dtype=bool)
    out_of_range = (days < np.datetime64(_FIRST_DAY)) | (days > np.datetime64(_LAST_DAY))
    unread = np.isnat(days) & ~blank
    days[out_of_range] = np.datetime64("NaT")
    known = codes >= 0
    result = np.full(len(codes), np.datetime64("NaT"), dtype="datetime64[ns]")
    result[known] = days.astype("datetime64[ns]")[codes[known]]
    bad = np.flatnonzero(unread)
    far = np.flatnonzero(out_of_range)
    return (result, np.flatnonzero(known & np.isin(codes, bad)) if len(bad) else np.array([], dtype=np.int64),
            np.flatnonzero(known & np.isin(codes, far)) if len(far) else np.array([], dtype=np.int64))


def _empty_table() -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame({c: pd.Series([], dtype="string") for c in _TEXT_COLUMNS})
    frame["connected_on"] = pd.Series([], dtype="datetime64[ns]")
    return frame


def read_connections(path: str | PathLike[str] | bytes) -> pd.DataFrame:
    """Read the ``Connections.csv`` of your LinkedIn data export.

    Reads every variant people have: the current export (a few lines of notes before the
    header, dates like ``15 Mar 2024``) and the older one (~2018: no notes, no URL column,
    dates like ``1/8/18, 6:14 PM``); any column order; UTF-8 with or without BOM, UTF-16,
    or Windows-1252 as spreadsheets re-save it (also lines of both in one file), with ``,``,
    ``;`` or tabs between fields; CRLF, LF or CR line ends. Files edited or re-saved by a
    spreadsheet are read too: headers such as ``FirstName`` or ``Connected on``, name columns
    deleted, dates like ``26.03.2021``, ``5-Apr-21`` or ``26-mar-21``, rows wrapped whole in
    quotes. The file is only read, never modified, and stays on your machine.

    Parameters
    ----------
    path : path, bytes, file or text
        Your ``Connections.csv``, the folder or ``.zip`` LinkedIn gave you, the bytes of an
        uploaded file, or the file's text pasted (any text with a line break).

    Returns
    -------
    pandas.DataFrame
        One row per connection with exactly the columns ``first_name``, ``last_name``,
        ``url``, ``email``, ``company``, ``position`` (text, as in the file; spaces after a
        separator dropped) and ``connected_on`` (``datetime64``). Missing values are NA
        (most e-mails are missing: LinkedIn only exports those your contacts allow). Blank
        rows are dropped; a row with any value is kept. An export with no connections gives
        an empty table.

    Raises
    ------
    SSIInputError
        If the file is missing, unreadable, empty, too large, a damaged ``.zip``, not a
        connections export (e.g. ``messages.csv``), or a row cannot be read (the message
        gives its line, never its content).
    SSITypeError
        If ``path`` is not a path (e.g. a DataFrame).

    Warns
    -----
    SSIWarning
        Dates that cannot be read or are out of range (years before 1678 or after 2261)
        become NaT, and a warning gives their lines; also a file mixing two encodings, or a
        ``.zip`` holding two ``Connections.csv``.

    Examples
    --------
    >>> from ssi_kit.datasets import data_path
    >>> contacts = read_connections(data_path("conexiones_ejemplo.csv"))
    >>> list(contacts.columns)
    ['first_name', 'last_name', 'url', 'email', 'company', 'position', 'connected_on']
    >>> len(contacts)
    500
    >>> read_connections("Company,Position,Connected On\\nAcme,CEO,26-mar-21\\n").loc[0, "connected_on"]
    Timestamp('2021-03-26 00:00:00')
    """
    import codecs

    import pandas as pd

    source = read_source(
        path, function="read_connections", member="Connections.csv",
        expected=tr("la ruta de tu Connections.csv (o la carpeta o el .zip de LinkedIn)",
                    "the path of your Connections.csv (or LinkedIn's folder or .zip)"),
        text_starts=("Notes:", "First Name,", "First Name;"), hint=tr(*_DOWNLOAD_HINT),
    )
    data = source.data
    encoding, bom = detect_encoding(data)
    if encoding in ("", "utf-8"):
        # Most files are UTF-8: pandas checks that in bulk while it reads; only if it is not is
        # the file decoded here, line by line if need be.
        raw = data[len(codecs.BOM_UTF8):] if bom else data
    else:
        raw = decode_text(data, where=source)[0].encode("utf-8", errors="surrogatepass")
    if not raw.strip(b" \t\r\n\0"):
        raise SSIInputError(
            tr("{what} está vacío.", "{what} is empty.", what=source.subject),
            field="path", received=source.name or source.kind,
            hint=tr("Vuelve a descargarlo desde LinkedIn.", "Download it again from LinkedIn."),
        )
    try:
        frame, lines = _parse(raw, source)
    except UnicodeDecodeError:  # not UTF-8 after all: a spreadsheet's Windows-1252, or both
        text, _ = decode_text(data, where=source)
        frame, lines = _parse(text.encode("utf-8", errors="surrogatepass"), source)
    columns: dict[str, str] = {}
    for name in frame.columns:
        key = _column_key(str(name))
        if key is not None and key not in columns.values():
            columns[name] = key
    frame = frame[list(columns)].rename(columns=columns)
    if frame.empty:
        return _empty_table()
    # Fully blank rows (",,,,,,") are dropped; a row with any value, even only a date, is a person.
    blank = None
    for column in frame.columns:
        missing = frame[column].isna().to_numpy()
        blank = missing if blank is None else blank & missing
        if not blank.any():
            break
    for column in _TEXT_COLUMNS:
        if column not in frame:
            frame[column] = pd.Series(pd.NA, index=frame.index, dtype="string")
    if "connected_on" in frame:
        dates, unread, far = _parse_dates(frame["connected_on"])
        frame["connected_on"] = pd.Series(dates, index=frame.index)
        if len(unread):
            warnings.warn(_date_warning(len(unread), source, _line_list(lines, unread), far=False),
                          SSIWarning, stacklevel=2)
        if len(far):
            warnings.warn(_date_warning(len(far), source, _line_list(lines, far), far=True),
                          SSIWarning, stacklevel=2)
    else:
        frame["connected_on"] = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    frame = frame[list(COLUMNS)]
    if blank is not None and blank.any():
        frame = frame[~blank]
    return frame.reset_index(drop=True)


# --- decision makers ------------------------------------------------------------------------
DECISION_MAKER_TERMS: tuple[str, ...] = (
    # Spanish
    r"(sub)?director(a|es|as)?", r"directiv[oa]s?", r"gerent[ea]s?", r"jef[ea]s?",
    r"(vice-? ?)?president[ea]s?", r"(co-?)?fundador(a|es|as)?", r"soci[oa]s?", r"duen[oa]s?",
    r"propietari[oa]s?", r"consejer[oa]s? delegad[oa]s?", r"administrador(a)? unic[oa]",
    r"empresari[oa]s?",
    # English
    r"ceo", r"cfo", r"cto", r"coo", r"cmo", r"cio", r"cso", r"cro", r"cpo", r"cdo", r"chro",
    r"chief", r"head", r"s?vp", r"evp", r"(co-?)?founders?", r"partners?", r"owners?",
    r"general manager", r"country manager", r"managing director", r"chair(man|woman|person)?",
)
"""Words of a decision maker's title (Spanish and English, regexes on lower case without accents)."""
_NOT_DECISION_MAKER = (
    r"asistente", r"assistant", r"secretari[oa]", r"becari[oa]", r"intern", r"internship", r"trainee",
    r"practicas", r"estudiante", r"student", r"product owner",
)
_DECISION_RE = re.compile(r"\b(" + "|".join(DECISION_MAKER_TERMS) + r")\b")
_NOT_DECISION_RE = re.compile(r"\b(" + "|".join(_NOT_DECISION_MAKER) + r")\b")


def _is_decision_title(title: str) -> bool:
    plain = _plain(title)
    return bool(_DECISION_RE.search(plain)) and not _NOT_DECISION_RE.search(plain)


def _as_text(values: pd.Series, name: str) -> pd.Series:
    """A column as pandas strings (numbers become their text); a clear error for what cannot."""
    if values.dtype == "string":
        return values
    try:
        return values.astype("string")
    except (TypeError, ValueError) as error:
        raise SSIInputError(
            tr("La columna «{name}» tiene valores que no puedo leer como texto ({kind}).",
               "The column '{name}' holds values that cannot be read as text ({kind}).",
               name=name, kind=type(error).__name__),
            field=name, received=str(values.dtype),
        ) from None


def is_decision_maker(positions: pd.Series | Iterable[str | None]) -> pd.Series:
    """Whether each title is a decision maker's: director, CEO, gerente, jefe, head, VP, founder…

    Spanish and English, with or without accents, any case. Assistants, interns and
    students of a decision maker ("Asistente del director", "Executive Assistant to the
    CEO") are not decision makers; "Product Owner" is not an owner. Missing titles are False.

    Parameters
    ----------
    positions : Series or list of str
        Job titles, e.g. the ``position`` column of :func:`read_connections`.

    Returns
    -------
    pandas.Series of bool

    Raises
    ------
    SSITypeError
        If ``positions`` is not a list or column of titles (one title alone, a number, a table).

    Examples
    --------
    >>> is_decision_maker(["Directora de Marketing", "Analista", "Co-founder & CEO", None]).tolist()
    [True, False, True, False]
    """
    import numpy as np
    import pandas as pd

    if isinstance(positions, pd.Series):
        series = positions
    else:
        hint = ""
        if isinstance(positions, str):
            hint = tr('Para un solo cargo, ponlo en una lista: is_decision_maker(["{t}"]).',
                      'For one title, put it in a list: is_decision_maker(["{t}"]).', t=positions[:40])
        elif isinstance(positions, pd.DataFrame):
            hint = tr('Pasa la columna de cargos: is_decision_maker(tabla["position"]).',
                      'Pass the titles column: is_decision_maker(table["position"]).')
        if hint or isinstance(positions, (bytes, Mapping)) or not isinstance(positions, Iterable):
            raise SSITypeError(
                tr("«positions» debe ser una lista o columna de cargos; recibido {kind}.",
                   "'positions' must be a list or column of job titles; received {kind}.",
                   kind=type(positions).__name__),
                field="positions", received=positions, hint=hint,
            )
        series = pd.Series(list(positions), dtype=object)
    text = _as_text(series, "positions")
    codes, uniques = pd.factorize(text)
    flags = np.fromiter((_is_decision_title(str(t)) for t in uniques), dtype=bool, count=len(uniques))
    result = np.zeros(len(text), dtype=bool)
    known = codes >= 0
    result[known] = flags[codes[known]]
    return pd.Series(result, index=series.index, name="decision_maker")


# --- summary --------------------------------------------------------------------------------
@dataclass(frozen=True)
class NetworkSummary:
    """What :func:`network_summary` finds in your connections.

    Attributes
    ----------
    total : int
        Connections.
    per_year : DataFrame
        ``year``, ``connections`` (made that year) and ``cumulative`` (total by its end);
        every year from the first to the last, including years with none.
    top_companies, top_positions : DataFrame
        ``company`` / ``position``, ``connections`` and ``share`` (of all connections).
    decision_makers : int
        Connections whose title is a decision maker's (:func:`is_decision_maker`).
    decision_maker_share : float
        ``decision_makers / total`` (0 if there are no connections).
    undated : int
        Connections without a readable date (not in ``per_year``).
    """

    total: int
    per_year: pd.DataFrame
    top_companies: pd.DataFrame
    top_positions: pd.DataFrame
    decision_makers: int
    decision_maker_share: float
    undated: int

    def describe(self) -> str:
        """A few sentences for the learner, in the current language."""
        if self.total == 0:
            return tr("Tu exportación no tiene contactos todavía.", "Your export has no connections yet.")
        parts = [tr("{n} contactos", "{n} connections", n=self.total)]
        if len(self.per_year):
            first, last = int(self.per_year["year"].iloc[0]), int(self.per_year["year"].iloc[-1])
            parts[0] += tr(" entre {a} y {b}", " between {a} and {b}", a=first, b=last)
        parts.append(tr(
            "{n} ({pct} %) tienen un cargo con poder de decisión",
            "{n} ({pct}%) hold a decision-making title",
            n=self.decision_makers, pct=format_number(self.decision_maker_share * 100, 1),
        ))
        if len(self.top_companies):
            parts.append(tr("la empresa más frecuente es {c} ({n})", "the most frequent company is {c} ({n})",
                            c=self.top_companies["company"].iloc[0],
                            n=int(self.top_companies["connections"].iloc[0])))
        return "; ".join(parts) + "."

    def _repr_html_(self) -> str:
        import html

        return f"<p>{html.escape(self.describe())}</p>"

    def __str__(self) -> str:
        return self.describe()


def _check_connections(df: object, function: str) -> pd.DataFrame:
    return check_frame(
        df, name="df", required=_NEEDED,
        expected=tr("la tabla de read_connections (un DataFrame)", "the table from read_connections (a DataFrame)"),
        hint=tr("Léela con {f}(read_connections(ruta)).", "Read it with {f}(read_connections(path)).", f=function),
    )


def _dates(df: pd.DataFrame) -> pd.Series:
    """``connected_on`` as naive datetimes (NaT where missing); a clear error if it holds no dates."""
    import pandas as pd

    values = df["connected_on"]
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        return values.dt.tz_convert("UTC").dt.tz_localize(None)
    if pd.api.types.is_datetime64_dtype(values.dtype):
        return values
    problem = pd.api.types.is_bool_dtype(values.dtype) or pd.api.types.is_numeric_dtype(values.dtype)
    if not problem:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # "could not infer format": each value is tried
                dates = pd.to_datetime(values, errors="coerce", format="mixed")
            if isinstance(dates.dtype, pd.DatetimeTZDtype):
                dates = dates.dt.tz_convert("UTC").dt.tz_localize(None)
            if pd.api.types.is_datetime64_dtype(dates.dtype):
                return dates
        except (TypeError, ValueError, OverflowError):
            pass
    raise SSIInputError(
        tr("La columna «connected_on» debe tener fechas; tiene valores de tipo {kind}.",
           "The column 'connected_on' must hold dates; it holds values of type {kind}.", kind=str(values.dtype)),
        field="connected_on", received=str(values.dtype),
        hint=tr("Usa la tabla de read_connections(ruta) sin cambiar esa columna.",
                "Use the table from read_connections(path) without changing that column."),
    )


def _top(values: pd.Series, name: str, n: int, total: int) -> pd.DataFrame:
    import pandas as pd

    counts = _as_text(values, name).dropna().value_counts(sort=False)
    # "Acme" and "Acme " are the same company: tidy the (few) distinct values, then add up.
    counts = counts.groupby(counts.index.astype("string").str.strip(), sort=False).sum()
    counts = counts[counts.index != ""]
    # Ties in a stable, readable order: most connections first, then alphabetical.
    frame = pd.DataFrame({name: counts.index.astype("string"), "connections": counts.to_numpy("int64")})
    frame = frame.sort_values(["connections", name], ascending=[False, True], kind="stable").head(n)
    frame["share"] = frame["connections"] / total if total else 0.0
    return frame.reset_index(drop=True)


def network_summary(df: pd.DataFrame, *, top: int = 10) -> NetworkSummary:
    """Summarise your connections: growth per year, top companies and titles, decision makers.

    The course's advice is to focus on the decision makers: this tells you how many of
    your connections already are.

    Parameters
    ----------
    df : DataFrame
        The table from :func:`read_connections` (or :func:`anonymize`, which keeps the
        needed columns if asked).
    top : int, default 10
        How many companies and titles to list.

    Returns
    -------
    NetworkSummary

    Raises
    ------
    SSIInputError
        If the table lacks ``company``, ``position`` or ``connected_on`` (or has repeated
        columns), ``connected_on`` holds no dates, or ``top`` is not a whole number from 1.
    SSITypeError
        If ``df`` is not a table.

    Examples
    --------
    >>> from ssi_kit.datasets import load_dataset
    >>> s = network_summary(load_dataset("conexiones_ejemplo"))
    >>> s.total
    500
    >>> int(s.per_year["cumulative"].iloc[-1]) + s.undated
    500
    """
    import numpy as np
    import pandas as pd

    df = _check_connections(df, "network_summary")
    top = check_integer(top, name="top", minimum=1)
    total = len(df)
    years = _dates(df).dt.year.dropna().astype("int64")
    if len(years):
        counts = np.bincount(years.to_numpy() - years.min())
        per_year = pd.DataFrame({
            "year": np.arange(years.min(), years.max() + 1, dtype="int64"),
            "connections": counts.astype("int64"),
        })
    else:
        per_year = pd.DataFrame({"year": pd.Series([], dtype="int64"), "connections": pd.Series([], dtype="int64")})
    per_year["cumulative"] = per_year["connections"].cumsum().astype("int64")
    makers = int(is_decision_maker(df["position"]).sum())
    return NetworkSummary(
        total=total,
        per_year=per_year,
        top_companies=_top(df["company"], "company", top, total),
        top_positions=_top(df["position"], "position", top, total),
        decision_makers=makers,
        decision_maker_share=makers / total if total else 0.0,
        undated=int(total - len(years)),
    )


# --- sharing --------------------------------------------------------------------------------
_SHAREABLE = ("company", "position", "connected_on", "decision_maker")


def _identities(df: pd.DataFrame) -> list[str]:
    """What a keyed pseudonym hashes: the profile URL; without one (2018 exports have none) the
    name and connection date, then company and title, then the occurrence, until rows differ."""
    import pandas as pd

    def text(column: str) -> pd.Series:
        if column not in df:
            return pd.Series("", index=df.index, dtype="string")
        return _as_text(df[column], column).fillna("").str.strip()

    url = _as_text(df["url"], "url") if "url" in df else pd.Series(pd.NA, index=df.index, dtype="string")
    names = (text("first_name") + " " + text("last_name")).str.strip().str.lower()
    day = _dates(df).dt.strftime("%Y-%m-%d").astype("string").fillna("")
    ident = url.fillna("\x1fname\x1f" + names + "\x1f" + day)  # \x1f never appears in a URL
    repeated = ident.duplicated(keep=False) & url.isna()
    if repeated.any():
        ident = ident.where(~repeated, ident + "\x1f" + text("company") + "\x1f" + text("position"))
    occurrence = ident.groupby(ident, sort=False).cumcount()
    return [v if k == 0 else f"{v}\x1f#{k + 1}" for v, k in zip(ident.tolist(), occurrence.tolist())]


def _keyed(identities: list[str], key: str) -> list[str]:
    secret = key.encode("utf-8")
    digests = [hmac.new(secret, v.encode("utf-8", errors="surrogatepass"), hashlib.sha256).hexdigest()
               for v in identities]
    short = [f"C-{d[:10]}" for d in digests]
    if len(set(short)) < len(short):  # 40 bits can collide in big tables: lengthen only those
        seen: dict[str, int] = {}
        for s in short:
            seen[s] = seen.get(s, 0) + 1
        short = [f"C-{d[:20]}" if seen[s] > 1 else s for s, d in zip(short, digests)]
    return short


def anonymize(
    df: pd.DataFrame,
    *,
    keep: Iterable[str] = ("position", "connected_on", "decision_maker"),
    key: str | None = None,
) -> pd.DataFrame:
    """Your connections without names, e-mails or URLs: safe to share with a class.

    Each person becomes a pseudonym ``C-00001``… numbered by connection date (your oldest
    connection is ``C-00001``), so the same export always gives the same pseudonyms and new
    connections get new numbers. With ``key`` (a secret of your own), pseudonyms are keyed
    hashes of the profile instead: stable across exports, unreadable without the key.
    Different rows always get different pseudonyms (two people with the same name too).

    Parameters
    ----------
    df : DataFrame
        The table from :func:`read_connections`.
    keep : columns, default ("position", "connected_on", "decision_maker")
        What to keep besides the pseudonym, among ``company``, ``position``,
        ``connected_on`` and ``decision_maker`` (computed from the title). Company and
        title together can identify someone in a small company: add ``company`` with care.
    key : str, optional
        A secret for keyed pseudonyms (keep it to yourself).

    Returns
    -------
    pandas.DataFrame
        ``contact`` (the pseudonym) and the kept columns, sorted by pseudonym (so the row
        order says nothing about the original file).

    Raises
    ------
    SSIInputError
        If ``keep`` names a column that cannot be shared (names, e-mail, URL) or is unknown,
        ``key`` is empty, or the table lacks the needed columns.
    SSITypeError
        If ``df`` is not a table, ``keep`` is not a list of column names or ``key`` not text.

    Examples
    --------
    >>> from ssi_kit.datasets import load_dataset
    >>> shared = anonymize(load_dataset("conexiones_ejemplo"))
    >>> list(shared.columns)
    ['contact', 'position', 'connected_on', 'decision_maker']
    >>> shared["contact"].iloc[0]
    'C-00001'
    """
    import numpy as np
    import pandas as pd

    df = _check_connections(df, "anonymize")
    if isinstance(keep, str):
        keep = [keep]
    elif keep is None or isinstance(keep, (bytes, Mapping)) or not isinstance(keep, Iterable):
        raise SSITypeError(
            tr("«keep» debe ser una lista de columnas; recibido {kind}.",
               "'keep' must be a list of columns; received {kind}.", kind=type(keep).__name__),
            field="keep", received=keep,
            hint=tr('Por ejemplo keep=["position", "connected_on"]; keep=[] deja solo el seudónimo.',
                    'For example keep=["position", "connected_on"]; keep=[] leaves only the pseudonym.'),
        )
    keep = list(keep)
    for column in keep:
        if not (isinstance(column, str) and column in _SHAREABLE):
            private = isinstance(column, str) and column in ("first_name", "last_name", "url", "email")
            raise SSIInputError(
                tr("No se puede conservar la columna {c}; elige entre {ok}.",
                   "Cannot keep the column {c}; choose among {ok}.", c=short_repr(column), ok=", ".join(_SHAREABLE)),
                field="keep", received=column,
                hint=tr("Los nombres, e-mails y URL nunca se comparten.", "Names, e-mails and URLs are never shared.")
                if private else "",
            )
    if key is not None:
        key = check_type(key, str, name="key", expected=tr("un texto secreto", "a secret text"))
        if not key:
            raise SSIInputError(
                tr("«key» no puede ser un texto vacío.", "'key' cannot be empty text."), field="key", received=key,
                hint=tr("Usa un secreto tuyo, o key=None para numerar por fecha.",
                        "Use a secret of your own, or key=None to number by date."),
            )
    n = len(df)
    dates = _dates(df)
    if key is None:
        stamps = dates.to_numpy().astype("datetime64[us]")
        sort_key = stamps.astype("int64")
        sort_key[np.isnat(stamps)] = np.iinfo("int64").max  # undated people last
        order = np.lexsort((np.arange(n), sort_key))
        ranks = np.empty(n, dtype="int64")
        ranks[order] = np.arange(1, n + 1)
        contact = pd.Series([f"C-{r:05d}" for r in ranks], index=df.index, dtype="string")
    else:
        contact = pd.Series(_keyed(_identities(df), key), index=df.index, dtype="string")
    out = pd.DataFrame({"contact": contact})
    for column in keep:
        out[column] = is_decision_maker(df["position"]) if column == "decision_maker" else df[column]
    return out.sort_values("contact", kind="stable").reset_index(drop=True)



def top_decision_makers(connections: pd.DataFrame, *, top: int = 10) -> pd.DataFrame:
    """The most frequent (company, title) pairs among your decision-making connections.

    Parameters
    ----------
    connections : DataFrame
        From :func:`read_connections` (needs ``company`` and ``position``).
    top : int, default 10
        How many rows to keep (1 to 1000).

    Returns
    -------
    pandas.DataFrame
        ``company``, ``position`` and ``connections``, most frequent first (ties by
        company, then title); no names.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"company": ["A", "A", "B"], "position": ["CEO", "CEO", "Analista"]})
    >>> top_decision_makers(t)["connections"].tolist()
    [2]
    """
    import pandas as pd

    frame = check_frame(connections, name="connections", required=("company", "position"),
                        expected=tr("la tabla de read_connections", "the table from read_connections"),
                        hint=tr("Créala con ssi_kit.read_connections(...).",
                                "Make it with ssi_kit.read_connections(...)."))
    top = check_integer(top, name="top", minimum=1, maximum=1000)
    chosen = frame.loc[is_decision_maker(frame["position"]).to_numpy(), ["company", "position"]]
    counts = chosen.astype("string").fillna("").value_counts().rename("connections").reset_index()
    counts["unknown"] = counts["company"] == ""  # a title without a company goes after the named ones
    counts = counts.sort_values(["connections", "unknown", "company", "position"],
                                ascending=[False, True, True, True], kind="stable")
    return pd.DataFrame(counts.drop(columns="unknown").head(top)).reset_index(drop=True).astype(
        {"connections": "int64"})
