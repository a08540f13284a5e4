"""Your LinkedIn connections export (``Connections.csv``): read it, summarise it, anonymise it.

LinkedIn's "Get a copy of your data" gives a ``Connections.csv``. Its shape changed over the
years and spreadsheets change it again when they re-save it; :func:`read_connections` reads
every variant into one tidy table. Your data never leaves your machine: nothing here sends
anything anywhere, and the file you read is never modified.
"""

from __future__ import annotations

import codecs
import hashlib
import hmac
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from ._checks import check_number
from ._i18n import format_number, tr
from .errors import SSIInputError, SSITypeError

if TYPE_CHECKING:
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

# Header names seen in exports (lower case, spaces collapsed) -> our column.
_ALIASES: dict[str, str] = {
    "first name": "first_name", "firstname": "first_name", "nombre": "first_name",
    "last name": "last_name", "lastname": "last_name", "apellidos": "last_name", "apellido": "last_name",
    "url": "url", "profile url": "url", "linkedin url": "url", "url del perfil": "url",
    "email address": "email", "e-mail address": "email", "email": "email", "e-mail": "email",
    "correo electrónico": "email", "dirección de correo electrónico": "email",
    "company": "company", "empresa": "company",
    "position": "position", "title": "position", "cargo": "position", "puesto": "position",
    "connected on": "connected_on", "connected": "connected_on", "fecha de conexión": "connected_on",
}
_EXPECTED_HEADER = "First Name, Last Name, URL, Email Address, Company, Position, Connected On"
_HEAD_BYTES = 65_536  # decode this much to look for the header in big files
_HEADER_SCAN_LINES = 200  # preambles are a few lines; look well beyond that, never to the end

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
    "%d-%b-%y",               # 15-Mar-24
    "%d-%b-%Y",
    "%d %B %Y",
)
_SPANISH_MONTHS = {"ene": "Jan", "abr": "Apr", "ago": "Aug", "dic": "Dec", "sept": "Sep"}


# --- reading --------------------------------------------------------------------------------
def _source_bytes(source: object) -> tuple[bytes, str]:
    """The raw bytes of the export and how to name it in messages."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), tr("el archivo subido", "the uploaded file")
    if hasattr(source, "columns"):
        raise SSITypeError(
            tr("read_connections espera la ruta de tu Connections.csv; recibido un DataFrame. "
               "Ya tienes la tabla: úsala directamente.",
               "read_connections expects the path of your Connections.csv; received a DataFrame. "
               "You already have the table: use it directly."),
            field="path", received=type(source).__name__,
        )
    if hasattr(source, "read"):
        data = source.read()
        return (data.encode("utf-8") if isinstance(data, str) else bytes(data)), getattr(
            source, "name", tr("el archivo", "the file"))
    if not isinstance(source, (str, PathLike)):
        raise SSITypeError(
            tr("read_connections espera la ruta de tu Connections.csv (texto); recibido {kind}.",
               "read_connections expects the path of your Connections.csv (text); received {kind}.",
               kind=type(source).__name__),
            field="path", received=source,
        )
    path = Path(source).expanduser()
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.name.lower() == "connections.csv")
        if not found:
            raise SSIInputError(
                tr("La carpeta {path!s} no contiene Connections.csv. Pasa la ruta del archivo.",
                   "The folder {path!s} holds no Connections.csv. Pass the path of the file.", path=path),
                field="path", received=str(source),
            )
        path = found[0]
    if not path.is_file():
        raise SSIInputError(
            tr("No encuentro el archivo {path!s}. Descarga tus datos en LinkedIn (Configuración → "
               "Privacidad de datos → Obtener una copia de tus datos → Contactos) y pasa la ruta de "
               "Connections.csv.",
               "File not found: {path!s}. Download your data from LinkedIn (Settings → Data privacy → "
               "Get a copy of your data → Connections) and pass the path of Connections.csv.", path=path),
            field="path", received=str(source),
        )
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as archive:
            members = [n for n in archive.namelist() if n.rsplit("/", 1)[-1].lower() == "connections.csv"]
            if not members:
                raise SSIInputError(
                    tr("El archivo {path!s} no contiene Connections.csv.",
                       "The archive {path!s} holds no Connections.csv.", path=path),
                    field="path", received=str(source),
                )
            return archive.read(members[0]), f"{path}:{members[0]}"
    return path.read_bytes(), str(path)


def _decode(data: bytes) -> tuple[str, str]:
    """The text and its encoding: UTF-8 (BOM removed before); else Windows-1252 / latin-1, as
    spreadsheets re-save it."""
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1"), "latin-1"


def _header_name(field: str) -> str:
    return " ".join(field.strip().strip('"').strip().lstrip("\ufeff").lower().split())


def _find_header(text: str) -> tuple[int, int, str] | None:
    """Offset of the header row, its line number (0-based) and its delimiter, or None."""
    start = 0
    for number in range(_HEADER_SCAN_LINES):
        end = text.find("\n", start)
        line = text[start:] if end < 0 else text[start:end]
        for sep in (",", ";", "\t"):
            if sep in line:
                names = {_ALIASES.get(_header_name(f)) for f in line.split(sep)}
                if "first_name" in names and "last_name" in names:
                    return start, number, sep
        if end < 0:
            return None
        start = end + 1
    return None


def _not_an_export(text: str, where: str) -> SSIInputError:
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    seen = first[:90] + ("…" if len(first) > 90 else "")
    hint = ""
    if "conversation id" in first.lower() or "conversation title" in first.lower():
        hint = tr(" Parece messages.csv (tus mensajes): busca Connections.csv en la misma carpeta.",
                  " It looks like messages.csv (your messages): look for Connections.csv in the same folder.")
    elif not first:
        hint = tr(" El archivo está vacío: vuelve a descargarlo desde LinkedIn.",
                  " The file is empty: download it again from LinkedIn.")
    return SSIInputError(
        tr("{where} no parece una exportación de contactos de LinkedIn (Connections.csv): no encuentro la fila "
           "de encabezado con las columnas {expected}. Primera línea: {seen!r}.{hint}",
           "{where} does not look like a LinkedIn connections export (Connections.csv): there is no header "
           "row with the columns {expected}. First line: {seen!r}.{hint}",
           where=where, expected=_EXPECTED_HEADER, seen=seen, hint=hint),
        field="path", received=where,
    )


def _parse_dates(values: pd.Series) -> pd.Series:
    """Dates in any of the export's formats; unreadable ones become NaT. Parses each distinct value once."""
    import numpy as np
    import pandas as pd

    # Fast path: the whole column in the current format (to_datetime caches repeated values).
    fast = pd.to_datetime(values, format=_DATE_FORMATS[0], errors="coerce")
    if not (fast.isna() & values.notna()).any():
        return fast.astype("datetime64[ns]")
    codes, uniques = pd.factorize(values)
    parsed = pd.Series(pd.NaT, index=range(len(uniques)), dtype="datetime64[ns]")
    todo = pd.Series(np.asarray(uniques, dtype=object), dtype="string").str.strip()
    while len(todo):
        # The format that reads most of what is left wins (so 03/04 follows the file's majority).
        best, best_count = None, 0
        for fmt in _DATE_FORMATS:
            attempt = pd.to_datetime(todo, format=fmt, errors="coerce")
            count = int(attempt.notna().sum())
            if count > best_count:
                best, best_count = attempt, count
                if count == len(todo):
                    break
        if best is None:
            translated = todo.str.lower().replace(_SPANISH_MONTHS, regex=True).str.replace(".", "", regex=False)
            if translated.equals(todo):
                break
            todo = translated  # Spanish month names ("15 ene 2024"): try once more in English
            continue
        read = best.notna()
        parsed.loc[best.index[read]] = best[read].astype("datetime64[ns]")
        todo = todo[~read]
    out = parsed.to_numpy()[codes]
    out[codes < 0] = np.datetime64("NaT")
    return pd.Series(out, index=values.index, dtype="datetime64[ns]")


def _read_csv(data: bytes, start: int, encoding: str, sep: str) -> pd.DataFrame:
    import pandas as pd

    return pd.read_csv(
        io.BytesIO(data[start:]) if start else io.BytesIO(data), encoding=encoding,
        sep=sep, dtype="string", keep_default_na=False, na_values=[""], skip_blank_lines=True,
        skipinitialspace=True, index_col=False,
    )


def _empty() -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame({c: pd.Series([], dtype="string") for c in _TEXT_COLUMNS})
    frame["connected_on"] = pd.Series([], dtype="datetime64[ns]")
    return frame


def read_connections(path: str | PathLike[str] | bytes) -> pd.DataFrame:
    """Read the ``Connections.csv`` of your LinkedIn data export.

    Reads every variant people have: the current export (a few lines of notes before the
    header, dates like ``15 Mar 2024``) and the older one (~2018: no notes, no URL column,
    dates like ``1/8/18, 6:14 PM``); any column order; UTF-8 with or without BOM, or
    latin-1 / Windows-1252 as spreadsheets re-save it, with ``,`` or ``;`` between fields;
    CRLF or LF line ends. The file is only read, never modified, and stays on your machine.

    Parameters
    ----------
    path : path, bytes or file
        Your ``Connections.csv``, the folder or ``.zip`` LinkedIn gave you, or the bytes of
        an uploaded file.

    Returns
    -------
    pandas.DataFrame
        One row per connection with exactly the columns ``first_name``, ``last_name``,
        ``url``, ``email``, ``company``, ``position`` (text, as in the file; spaces after a
        separator dropped) and
        ``connected_on`` (``datetime64``). Missing values are NA (most e-mails are missing:
        LinkedIn only exports those your contacts allow). Blank rows are dropped. An export
        with no connections gives an empty table.

    Raises
    ------
    SSIInputError
        If the file is missing, or is not a connections export (e.g. ``messages.csv``), or
        a row cannot be read (the message gives the line).
    SSITypeError
        If ``path`` is not a path (e.g. a DataFrame).

    Examples
    --------
    >>> from ssi_kit.datasets import data_path
    >>> contacts = read_connections(data_path("conexiones_ejemplo.csv"))
    >>> list(contacts.columns)
    ['first_name', 'last_name', 'url', 'email', 'company', 'position', 'connected_on']
    >>> len(contacts)
    500
    """
    import pandas as pd

    data, where = _source_bytes(path)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    # The header is within the first lines: decode only those to find it (the header's names are
    # ASCII in every encoding); pandas decodes the rest, and says if the guess was wrong.
    head = data[:_HEAD_BYTES].decode("utf-8", errors="replace")
    found = _find_header(head) if len(data) > _HEAD_BYTES else None
    text, encoding = (head, "utf-8") if found else _decode(data)
    if found is None:
        found = _find_header(text)
    if found is None:
        raise _not_an_export(text, where)
    _offset, line_number, sep = found
    # Lines end in b"\n" in every encoding we read: the header's byte offset is after as many.
    start = 0
    for _ in range(line_number):
        start = data.index(b"\n", start) + 1
    try:
        try:
            raw = _read_csv(data, start, encoding, sep)
        except UnicodeDecodeError:  # not UTF-8 after all: re-saved by a spreadsheet
            raw = _read_csv(data, start, _decode(data)[1], sep)
    except pd.errors.ParserError as error:
        match = re.search(r"line (\d+)", str(error))
        line = int(match.group(1)) + line_number if match else "?"
        raise SSIInputError(
            tr("No puedo leer la línea {line} de {where}: tiene más campos que el encabezado. Suele pasar si "
               "un texto con comas no está entre comillas; corrige esa línea en una copia del archivo.",
               "Cannot read line {line} of {where}: it has more fields than the header. This happens when a "
               "text with commas is not quoted; fix that line in a copy of the file.", line=line, where=where),
            field="path", received=where,
        ) from None
    columns: dict[str, str] = {}
    for name in raw.columns:
        key = _ALIASES.get(_header_name(str(name)))
        if key is not None and key not in columns.values():
            columns[name] = key
    frame = raw[list(columns)].rename(columns=columns)
    if frame.empty:
        return _empty()
    for column in _TEXT_COLUMNS:
        if column not in frame:
            frame[column] = pd.Series(pd.NA, index=frame.index, dtype="string")
    dates = frame["connected_on"] if "connected_on" in frame else pd.Series(pd.NA, index=frame.index,
                                                                            dtype="string")
    frame["connected_on"] = _parse_dates(dates)
    frame = frame[list(COLUMNS)]
    # Fully blank rows (",,,,,,") are dropped; people always have a first name, so look further
    # only where it is missing.
    blank = frame["first_name"].isna().to_numpy()
    if blank.any():
        for column in COLUMNS[1:]:
            blank = blank & frame[column].isna().to_numpy()
        if blank.any():
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


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def _is_decision_title(title: str) -> bool:
    plain = _plain(title)
    return bool(_DECISION_RE.search(plain)) and not _NOT_DECISION_RE.search(plain)


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

    Examples
    --------
    >>> is_decision_maker(["Directora de Marketing", "Analista", "Co-founder & CEO", None]).tolist()
    [True, False, True, False]
    """
    import numpy as np
    import pandas as pd

    series = positions if isinstance(positions, pd.Series) else pd.Series(list(positions), dtype="string")
    codes, uniques = pd.factorize(series)
    flags = np.fromiter((_is_decision_title(str(t)) for t in uniques), dtype=bool, count=len(uniques))
    result = np.zeros(len(series), dtype=bool)
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
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        raise SSITypeError(
            tr("{f} espera la tabla de read_connections (un DataFrame); recibido {kind}.",
               "{f} expects the table from read_connections (a DataFrame); received {kind}.",
               f=function, kind=type(df).__name__),
            field="df", received=df,
        )
    missing = [c for c in ("company", "position", "connected_on") if c not in df.columns]
    if missing:
        raise SSIInputError(
            tr("A la tabla le faltan las columnas {missing}. Léela con read_connections(ruta).",
               "The table lacks the columns {missing}. Read it with read_connections(path).",
               missing=", ".join(missing)),
            field="df", received=list(df.columns),
        )
    return df


def _top(values: pd.Series, name: str, n: int, total: int) -> pd.DataFrame:
    import pandas as pd

    counts = values.dropna().value_counts(sort=False)
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
        If the table lacks ``company``, ``position`` or ``connected_on``, or ``top`` < 1.

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
    top = int(check_number(top, name="top", minimum=1, integer=True))
    total = len(df)
    dates = pd.to_datetime(df["connected_on"], errors="coerce")
    years = dates.dt.year.dropna().astype("int64")
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
        If ``keep`` names a column that cannot be shared (names, e-mail, URL) or is unknown.

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
    keep = [keep] if isinstance(keep, str) else list(keep)
    for column in keep:
        if column not in _SHAREABLE:
            private = column in ("first_name", "last_name", "url", "email")
            hint = tr(" Los nombres, e-mails y URL nunca se comparten.", " Names, e-mails and URLs are never shared.") \
                if private else ""
            raise SSIInputError(
                tr("No se puede conservar la columna {c!r}; elige entre {ok}.{hint}",
                   "Cannot keep the column {c!r}; choose among {ok}.{hint}",
                   c=column, ok=", ".join(_SHAREABLE), hint=hint),
                field="keep", received=column,
            )
    n = len(df)
    if key is None:
        dates = pd.to_datetime(df["connected_on"], errors="coerce").to_numpy("datetime64[ns]")
        sort_key = dates.astype("int64")
        sort_key[np.isnat(dates)] = np.iinfo("int64").max  # undated people last
        order = np.lexsort((np.arange(n), sort_key))
        ranks = np.empty(n, dtype="int64")
        ranks[order] = np.arange(1, n + 1)
        contact = pd.Series([f"C-{r:05d}" for r in ranks], index=df.index, dtype="string")
    else:
        secret = str(key).encode("utf-8")
        ident = df["url"] if "url" in df else pd.Series(pd.NA, index=df.index)
        names = df.get("first_name", pd.Series("", index=df.index)).fillna("").astype(str) + " " + \
            df.get("last_name", pd.Series("", index=df.index)).fillna("").astype(str)
        ident = ident.astype("string").fillna(names.str.strip().str.lower())
        contact = pd.Series(
            [f"C-{hmac.new(secret, str(v).encode('utf-8'), hashlib.sha256).hexdigest()[:10]}" for v in ident],
            index=df.index, dtype="string",
        )
    out = pd.DataFrame({"contact": contact})
    for column in keep:
        out[column] = is_decision_maker(df["position"]) if column == "decision_maker" else df[column]
    return out.sort_values("contact", kind="stable").reset_index(drop=True)


_FORMULA_START = re.compile(r"^[=+\-@\t\r]")


def save_csv(df: pd.DataFrame, path: str | PathLike[str], *, overwrite: bool = False) -> Path:
    """Write a table as a CSV that is safe to open in a spreadsheet.

    Text cells that a spreadsheet would run as a formula (starting with ``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return) get a leading apostrophe. UTF-8 with BOM, so
    accents show right in Excel. The file stays on your machine: share it yourself.

    Parameters
    ----------
    df : DataFrame
        What to write, e.g. :func:`anonymize`'s result.
    path : path
        Where. An existing file is not replaced unless ``overwrite=True``.

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    SSIInputError
        If the file exists and ``overwrite`` is False.

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
    target = Path(path).expanduser()
    if target.exists() and not overwrite:
        raise SSIInputError(
            tr("Ya existe {path!s}; no lo reemplazo. Elige otro nombre o pasa overwrite=True.",
               "{path!s} already exists; not replacing it. Choose another name or pass overwrite=True.",
               path=target),
            field="path", received=str(path),
        )
    safe = df.copy()
    for column in safe.columns:
        values = safe[column]
        if pd.api.types.is_string_dtype(values) or values.dtype == object:
            text = values.astype("string")
            risky = text.str.match(_FORMULA_START).fillna(False).astype(bool)
            if risky.any():
                safe[column] = text.where(~risky, "'" + text)
    # CRLF line ends: the csv writer then also quotes cells holding a lone "\r".
    safe.to_csv(target, index=False, encoding="utf-8-sig", lineterminator="\r\n")
    return target

