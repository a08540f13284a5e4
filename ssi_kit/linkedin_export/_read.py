"""Reading ``Connections.csv`` in every shape LinkedIn and spreadsheets give it."""

from __future__ import annotations

import csv
import re
import warnings
from dataclasses import dataclass
from os import PathLike
from typing import TYPE_CHECKING, Any

from .._checks import Source, decode_text, detect_encoding, read_source
from .._i18n import format_thousands, plural, tr
from ..errors import SSIInputError, SSIWarning
from ._table import COLUMNS, SUMMARY_COLUMNS, plain_text

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

_TEXT_COLUMNS = COLUMNS[:-1]
_EXPORT_NAMES = dict(zip(COLUMNS, ("First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                                   "Connected On")))
_EXPECTED_HEADER = ", ".join(_EXPORT_NAMES.values())

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
def _column_key(name: str) -> str | None:
    """Our column for a header name as people write it, or None."""
    key = re.sub(r"[^a-z0-9]", "", plain_text(name))
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
        if any(k in best.keys for k in SUMMARY_COLUMNS):
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
    missing = [_EXPORT_NAMES[k] for k in SUMMARY_COLUMNS]
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
