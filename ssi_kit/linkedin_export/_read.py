"""Reading ``Connections.csv`` in every shape LinkedIn and spreadsheets give it."""

from __future__ import annotations

import re
import warnings
from os import PathLike
from typing import TYPE_CHECKING

from .._i18n import tr
from .._table_reader import TableKind, date_warning, header_key, parse_dates, read_table
from ..errors import SSIWarning
from ._table import COLUMNS, SUMMARY_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

_TEXT_COLUMNS = COLUMNS[:-1]
_EXPORT_NAMES = dict(zip(COLUMNS, ("First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                                   "Connected On"))) | {"full_name": "Name"}

# Header names seen in exports and in hand-edited files, as header_key writes them ("Connected on",
# "ConnectedOn", "connected_on" are all "connectedon") -> our column. Prefixes added by tools that
# strip a file of names ("De-Identified First Name") or by exports of other tools ("Current_Company")
# are tried off too.
_SPELLINGS: dict[str, tuple[str, ...]] = {
    "first_name": ("firstname", "nombre", "givenname", "forename", "primernombre"),
    "last_name": ("lastname", "apellidos", "apellido", "surname", "familyname"),
    "full_name": ("name", "fullname", "nombrecompleto", "contactname", "contact", "contacto", "person",
                  "persona"),
    "url": ("url", "profileurl", "linkedinurl", "linkedinprofileurl", "urldelperfil", "profile", "perfil",
            "linkedinprofile", "publicprofileurl"),
    "email": ("emailaddress", "email", "correoelectronico", "correo", "direcciondecorreoelectronico", "mail",
              "emailaddresses"),
    "company": ("company", "empresa", "compania", "companyname", "organization", "organisation", "organizacion",
                "employer", "nombredelaempresa"),
    "position": ("position", "title", "jobtitle", "cargo", "puesto", "positiontitle", "role", "rol"),
    "connected_on": ("connectedon", "connected", "connectiondate", "fechadeconexion", "dateconnected",
                     "connectedat", "conectadoel", "fecha"),
}
_PREFIX = re.compile(r"^(deidentified|anonymi[sz]ed|pseudonymi[sz]ed|hashed|masked|redacted|current|latest)")
_LOOKUP = {spelling: key for key, spellings in _SPELLINGS.items() for spelling in spellings}
_EXPECTED_HEADER = ", ".join(_EXPORT_NAMES[c] for c in COLUMNS)
_MAX_LINE_CHARS = 10_000  # a real row is under 1,000 characters

_DOWNLOAD_HINT = (
    "Descarga tus datos en LinkedIn (Configuración → Privacidad de datos → Obtener una copia de tus datos → "
    "Contactos) y pasa la ruta de Connections.csv.",
    "Download your data from LinkedIn (Settings → Data privacy → Get a copy of your data → Connections) "
    "and pass the path of Connections.csv.",
)
_DATE_LIKE = re.compile(r"\d{1,2}[ -/.][A-Za-z]{3,9}[ -/.]\d{2,4}|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")


def _keys(name: str) -> dict[str, int]:
    """Our column for a header name as people write it (prefixes such as "De-Identified" off)."""
    key = header_key(name)
    found = _LOOKUP.get(key) or _LOOKUP.get(_PREFIX.sub("", key))
    return {found: 0} if found else {}


def _looks_like_a_connection(fields: list[str]) -> bool:
    """A row of the export: five to eight fields, one a LinkedIn profile address or a date."""
    return 5 <= len(fields) <= 8 and any("linkedin.com/in/" in f.lower() or _DATE_LIKE.fullmatch(f.strip())
                                         for f in fields)


CONNECTIONS = TableKind(
    file="Connections.csv", columns=_SPELLINGS, function="read_connections", match=_keys,
    described=("una exportación de contactos de LinkedIn (Connections.csv)", "a LinkedIn connections export"),
    one_of=SUMMARY_COLUMNS, max_line_chars=_MAX_LINE_CHARS, expected=_EXPECTED_HEADER,
    argument=("la ruta de tu Connections.csv (o la carpeta o el .zip de LinkedIn)",
              "the path of your Connections.csv (or LinkedIn's folder or .zip)"),
    member="Connections.csv", text_starts=("Notes:", "First Name,", "First Name;"), download=_DOWNLOAD_HINT,
    without=("Sin ninguna de ellas no hay nada que resumir; para la pirámide de la lección 03 basta con escribir "
             "cuántos contactos tienes.",
             "Without any of them there is nothing to summarise; for lesson 03's pyramid, typing how many "
             "connections you have is enough."),
    data_row=_looks_like_a_connection,
)
"""What ``Connections.csv`` holds, for the one table reader."""


def _empty_table() -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame({c: pd.Series([], dtype="string") for c in _TEXT_COLUMNS})
    frame["connected_on"] = pd.Series([], dtype="datetime64[ns]")
    return frame


def _split_full_names(frame: pd.DataFrame, source_of: str) -> pd.DataFrame:
    """A single name column ("Name", "Full Name"): the first word as first name, the rest as last name."""
    import pandas as pd

    full = frame.pop("full_name")
    if "first_name" in frame or "last_name" in frame:
        return frame  # the file has its own name columns: the full one adds nothing
    parts = full.str.strip().str.split(n=1, expand=True, regex=False)
    frame["first_name"] = parts[0].astype("string") if 0 in parts else pd.Series(pd.NA, index=frame.index,
                                                                                  dtype="string")
    frame["last_name"] = parts[1].astype("string") if 1 in parts else pd.Series(pd.NA, index=frame.index,
                                                                                 dtype="string")
    warnings.warn(
        tr("{of} tiene una sola columna con el nombre completo: la primera palabra queda como nombre "
           "(first_name) y el resto como apellidos (last_name).",
           "{of} has one column with the full name: the first word is kept as first name (first_name) and "
           "the rest as last name (last_name).", of=source_of[:1].upper() + source_of[1:]),
        SSIWarning, stacklevel=3,
    )
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
    import numpy as np
    import pandas as pd

    table = read_table(path, CONNECTIONS, names=_EXPORT_NAMES)
    frame = table.frame
    if "full_name" in frame:
        frame = _split_full_names(frame, table.source.of)
    # A row with any value, even only a date, is a person; one blank in every known column is not
    # (the reader already left out rows blank in every column).
    blank = frame.isna().all(axis=1).to_numpy() if len(frame.columns) < table.width else \
        np.zeros(len(frame), dtype=bool)
    if frame.empty or blank.all():
        return _empty_table()
    for column in _TEXT_COLUMNS:
        if column not in frame:
            frame[column] = pd.Series(pd.NA, index=frame.index, dtype="string")
    if "connected_on" in frame:
        dates = parse_dates(frame["connected_on"])
        frame["connected_on"] = pd.Series(dates.values, index=frame.index)
        for rows, far in ((dates.unread, False), (dates.far, True)):
            if len(rows):
                warnings.warn(date_warning(table, rows, far=far), SSIWarning, stacklevel=2)
    else:
        frame["connected_on"] = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    frame = frame[list(COLUMNS)]
    if blank.any():
        frame = frame[~blank]
    return frame.reset_index(drop=True)
