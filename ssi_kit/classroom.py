"""A class at once: SSIs collected by a form or a shared folder, and what the teacher reads in them.

:func:`read_class` reads what Google Forms, Microsoft Forms or a spreadsheet in Spanish exports
(``,`` or ``;``, decimal commas, a first column "Marca temporal"), or a folder filled by
:func:`submit`. One bad row never stops the rest: it goes to ``.rejected`` with its line number
and the reason, never its content. :func:`latest_submissions`, :func:`weakest_pillar`,
:func:`class_progress` and :func:`compare_projection` are what the teacher reads;
:func:`export_csv` saves the class (spreadsheet-safe, atomic). The figures, and the offline HTML
report, are :func:`ssi_kit.plots.class_dashboard` and :func:`ssi_kit.plots.export_dashboard`.

The SSI is an indicator of where to improve, not a measure of anyone's work: use these figures
to decide what to teach next, never to grade people.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import stat
import unicodedata
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ._checks import MAX_FILE_BYTES, Source, check_date, check_frame, check_path, check_type
from ._i18n import format_number, plural, short_repr, tr
from ._table_reader import Table, TableKind, parse_dates, read_table
from ._weeks import PROJECTION_WEEKS
from .errors import SSIInputError, SSIWarning
from .score import PILLAR_MAX, PILLARS, as_ssi, pillar_label

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = [
    "ClassData",
    "class_progress",
    "class_projection",
    "compare_projection",
    "describe_class_comparison",
    "export_csv",
    "latest_submissions",
    "read_class",
    "student_key",
    "submit",
    "weakest_pillar",
]

SUBMISSION_COLUMNS = ("timestamp", "student", *PILLARS, "total")

# Column roles → spellings (normalised: lower case, no accents, words). Earlier spellings win.
_ROLES: dict[str, tuple[str, ...]] = {
    "timestamp": ("marca temporal", "timestamp", "hora de finalizacion", "completion time", "fecha y hora",
                  "fecha", "date", "hora de inicio", "start time"),
    "brand": ("establecer tu marca profesional", "establish your professional brand", "marca profesional",
              "professional brand", "marca", "brand"),
    "people": ("encontrar a las personas adecuadas", "find the right people", "personas adecuadas",
               "right people", "personas", "people"),
    "insights": ("interactuar ofreciendo informacion", "engage with insights", "informacion", "insights",
                 "interactuar", "engage"),
    "relationships": ("construir relaciones", "build relationships", "relaciones", "relationships"),
    "student": ("alias", "alumno", "alumna", "estudiante", "student", "participante", "nombre", "name"),
}
_WORDS = re.compile(r"[^a-z0-9]+")
_FIRST_YEAR = 2000  # no LinkedIn SSI existed before: an earlier date is a typo


def _normal(text: str) -> str:
    """Lower case, no accents, words separated by one space: ``"Marca  Temporal"`` → ``"marca temporal"``."""
    folded = unicodedata.normalize("NFKD", text.strip().lstrip("\ufeff").casefold())
    return _WORDS.sub(" ", "".join(c for c in folded if not unicodedata.combining(c))).strip()


def _role_rank(header: str) -> dict[str, int]:
    """Each role a header could have, with how well it matches (lower is better)."""
    words = f" {_normal(header)} "
    found: dict[str, int] = {}
    for role, spellings in _ROLES.items():
        for rank, spelling in enumerate(spellings):
            if f" {spelling} " in words:
                found[role] = rank
                break
    if "timestamp" in found:  # "Marca temporal" is a time, not the brand pillar
        found.pop("brand", None)
    if "student" in found and ("correo" in words or "email" in words or " id " in words):
        found.pop("student")
    return found


_CLASS_FILE = TableKind(
    file="CSV", columns=dict.fromkeys(SUBMISSION_COLUMNS[:-1], ()), function="read_class",
    described=("un CSV de la clase", "a class CSV"), match=_role_rank, required=("student", *PILLARS),
    strict=False, cut_at_bad_quote=True, expected="Marca temporal, Alias, Marca, Personas, Información, Relaciones",
    argument=("la ruta del CSV de la clase (o su texto, o la carpeta compartida)",
              "the path of the class CSV (or its text, or the shared folder)"),
    download=("Parte de data/plantilla_clase.csv o de la exportación del formulario.",
              "Start from data/plantilla_clase.csv or from the form's export."),
    without=("Cada pilar va en su columna, con su nombre (por ejemplo «Marca»).",
             "Each pillar goes in its own column, with its name (e.g. 'Brand')."),
)


def student_key(alias: str) -> str:
    """Who a student is, however they typed their alias: spaces, case and compatibility forms folded.

    ``"Ana"`` and ``"ana "``, ``"Strauß"`` and ``"STRAUSS"``, the Kelvin sign and ``K`` are one
    student; accents are kept (``"José"`` is not ``"Jose"``). :func:`submit` names files by it
    and :func:`read_class` groups by it.

    >>> student_key(" Strauß "), student_key("STRAUSS")
    ('strauss', 'strauss')
    """
    check_type(alias, str, name="alias", expected=tr("un alias (texto)", "an alias (text)"))
    text = " ".join(alias.split())
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


# --- values --------------------------------------------------------------------------------
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")


def _number(text: str) -> float:
    """A number as forms and Spanish spreadsheets write it (``12,5``, ``12.5``, `` 8 ``); NaN otherwise
    (``1e5``, ``inf`` or ``nan`` are text, not scores)."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    return float(cleaned.replace(",", ".")) if _NUMBER.fullmatch(cleaned) else math.nan


def _each_distinct(values: pd.Series, function: Callable[[str], Any]) -> np.ndarray:
    """``function`` of each cell (NA cells give what ``function("")`` gives), computed once per distinct
    text: a class repeats its aliases, dates and scores."""
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(values.to_numpy(dtype=object, na_value=""))
    results = np.empty(len(uniques), dtype=object)
    results[:] = [function(str(u)) for u in uniques]
    return results[codes]


# --- reading -------------------------------------------------------------------------------
@dataclass(frozen=True)
class ClassData:
    """A class's SSIs as read by :func:`read_class`.

    Attributes
    ----------
    submissions : DataFrame
        The valid rows: ``timestamp, student, brand, people, insights, relationships, total``.
        One student is one :func:`student_key`: their rows share the alias of their latest
        submission.
    rejected : DataFrame
        ``file, line, reason``: each row left out, numbered as a text editor numbers lines,
        with the reason in the current language (never the row's content).
    """

    submissions: pd.DataFrame
    rejected: pd.DataFrame
    source: str = field(default="")

    def summary(self) -> str:
        """One line: valid submissions, people and rows left out."""
        students = int(self.submissions["student"].nunique()) if len(self.submissions) else 0
        return tr("{subs} de {people}; {rejected} descartadas.",
                  "{subs} from {people}; {rejected} left out.",
                  subs=plural(len(self.submissions), "envío válido", "envíos válidos", "valid submission",
                              "valid submissions"),
                  people=plural(students, "persona", "personas", "person", "people"),
                  rejected=plural(len(self.rejected), "fila", "filas", "row", "rows"))

    def __str__(self) -> str:
        return self.summary()

    def _repr_markdown_(self) -> str:
        from ._html import literal_block

        return literal_block(self.summary())


def _rows(table: Table, name: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The valid submissions of one file, and its rejected rows (line and reason, never the content)."""
    import numpy as np
    import pandas as pd

    frame = table.frame
    n = len(frame)
    reason = np.full(n, "", dtype=object)

    def reject(where: Any, why: str) -> None:
        where = np.asarray(where, dtype=bool) & (reason == "")
        reason[where] = why

    if table.widths is not None:
        reject(table.widths < table.width, tr("faltan columnas en esta fila", "this row lacks columns"))
    students = _each_distinct(frame["student"], lambda v: v.strip() or None)
    reject(pd.isna(students), tr("el alumno está vacío", "the student is empty"))
    today = pd.Timestamp(date.today()) + pd.Timedelta(days=2)  # a day's leeway for time zones
    if "timestamp" in frame:
        texts = frame["timestamp"]
        reject(_each_distinct(texts, lambda v: not v.strip()).astype(bool),
               tr("la fecha está vacía", "the date is empty"))
        dates = parse_dates(texts)
        moments = pd.Series(dates.values, index=frame.index)
        outside = ((moments < pd.Timestamp(_FIRST_YEAR, 1, 1)) | (moments >= today)).to_numpy(copy=True)
        outside[dates.far] = True  # years pandas cannot even hold (1, 9999)
        reject(outside, tr("la fecha no está entre 2000 y hoy", "the date is not between 2000 and today"))
        reject(moments.isna().to_numpy(), tr("la fecha no se entiende", "the date cannot be read"))
    else:
        moments = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    scores: dict[str, np.ndarray] = {}
    for pillar in PILLARS:
        values = _each_distinct(frame[pillar], _number).astype(float)
        label = pillar_label(pillar)
        reject(_each_distinct(frame[pillar], lambda v: not v.strip()).astype(bool),
               tr("el pilar «{p}» está vacío", "the pillar '{p}' is empty", p=label))
        reject(np.isnan(values), tr("el pilar «{p}» no es un número", "the pillar '{p}' is not a number", p=label))
        reject(~((values >= 0) & (values <= PILLAR_MAX)), tr(
            "el pilar «{p}» está fuera de rango (de 0 a 25)", "the pillar '{p}' is out of range (0 to 25)", p=label))
        scores[pillar] = np.round(values, 3) + 0.0
    good = reason == ""
    submissions = pd.DataFrame({"timestamp": moments, "student": students, **scores})[good]
    submissions["total"] = submissions[list(PILLARS)].sum(axis=1).round(3) + 0.0
    lines = table.lines if table.lines is not None else np.zeros(n, dtype=np.int64)
    rejected = pd.DataFrame({"file": name, "line": np.asarray(lines)[~good].astype(int), "reason": reason[~good]})
    if table.broken_at is not None:
        cut = pd.DataFrame({"file": [name], "line": [table.broken_at], "reason": [tr(
            "una comilla (\") se abre aquí y no se cierra: no leo desde esta línea",
            "a quote (\") opens here and is never closed: nothing is read from this line on")]})
        rejected = pd.concat([rejected, cut], ignore_index=True)
    return submissions, rejected


def _class_data(parts: list[tuple[pd.DataFrame, pd.DataFrame]], source: str) -> ClassData:
    """The files' rows as one class: each student (by :func:`student_key`) under their latest alias."""
    import pandas as pd

    submissions = pd.concat([p[0] for p in parts], ignore_index=True) if parts else pd.DataFrame(
        columns=list(SUBMISSION_COLUMNS))
    rejected = pd.concat([p[1] for p in parts], ignore_index=True) if parts else pd.DataFrame(
        columns=["file", "line", "reason"])
    submissions["timestamp"] = pd.to_datetime(submissions["timestamp"]).astype("datetime64[ns]")
    submissions["student"] = submissions["student"].astype(object)
    if len(submissions):
        keys = submissions["student"].map(student_key)
        latest = submissions.assign(key=keys).sort_values("timestamp", kind="stable", na_position="first")
        shown = latest.groupby("key", sort=False)["student"].last()
        submissions["student"] = keys.map(shown).astype(object)
    for column in (*PILLARS, "total"):
        submissions[column] = submissions[column].astype(float)
    rejected["line"] = rejected["line"].astype(int)
    rejected["file"] = rejected["file"].astype(object)
    rejected["reason"] = rejected["reason"].astype(object)
    return ClassData(submissions[list(SUBMISSION_COLUMNS)].reset_index(drop=True), rejected.reset_index(drop=True),
                     source)


def read_class(path: str | PathLike[str] | bytes) -> ClassData:
    """Read a class's SSIs: a form or spreadsheet export, pasted text, or a :func:`submit` folder.

    Columns are found by name, in Spanish or English, whatever their case and accents: the
    time (*Marca temporal*, *fecha*, *timestamp*), the student (*alumno*, *estudiante*,
    *nombre*, *alias*, *student*) and the four pillars by their short or full names (*marca* or
    *Establecer tu marca profesional*, *brand*…). Separators ``,`` or ``;`` and decimal commas
    are read as a Spanish spreadsheet writes them. The file is never modified. In a folder,
    every ``.csv`` file is read on its own (one that cannot be read is one rejected row, never
    the end of the class) and links to files elsewhere are not followed.

    Parameters
    ----------
    path : path, pasted text or bytes
        A CSV file (also inside a ``.zip``), its text, or a folder of files written by
        :func:`submit`.

    Returns
    -------
    ClassData
        ``.submissions`` (the valid rows) and ``.rejected`` (line number and reason of each
        row left out: empty, not a number, out of range, missing column, unreadable date or one
        outside 2000..today).

    Raises
    ------
    SSIInputError
        If the file cannot be read, has no recognisable header or lacks a pillar column.
    SSITypeError
        If ``path`` is not a path, text or bytes.

    Examples
    --------
    >>> clase = read_class("Marca temporal;Alias;Marca;Personas;Información;Relaciones\\n"
    ...                    "5/3/2025 10:00:00;ana;12,5;8;5,25;10\\n5/3/2025 10:05:00;luis;30;8;5;10\\n")
    >>> clase.submissions["total"].tolist(), clase.rejected["line"].tolist()
    ([35.75], [3])
    """
    folder = _as_folder(path)
    if folder is None:
        table = read_table(path, _CLASS_FILE, header_lines=20, names=_column_names())
        submissions, rejected = _rows(table, "")  # a single file: the line is enough
        return _class_data([(submissions, rejected)], table.source.name)
    files = _class_files(folder)
    if not files:
        raise SSIInputError(
            tr("La carpeta «{f}» no tiene archivos .csv de la clase.", "The folder '{f}' holds no class .csv files.",
               f=os.fspath(path)),
            field="path", received=os.fspath(path),
            hint=tr("Cada persona envía su SSI con ssi_kit.classroom.submit(...).",
                    "Each person sends their SSI with ssi_kit.classroom.submit(...)."),
        )
    parts = []
    for file in files:
        try:
            table = read_table(_read_in_folder(folder, file), _CLASS_FILE, header_lines=20, names=_column_names())
            parts.append(_rows(table, file))
        except SSIInputError as error:
            parts.append(_one_rejected(file, error.message))
    return _class_data(parts, os.fspath(folder))


def _one_rejected(file: str, reason: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    import pandas as pd

    return (pd.DataFrame(columns=list(SUBMISSION_COLUMNS)),
            pd.DataFrame({"file": [file], "line": [1], "reason": [reason]}))


def _column_names() -> dict[str, str]:
    return {"timestamp": tr("fecha", "date"), "student": tr("alumno", "student"),
            **{p: pillar_label(p) for p in PILLARS}}


def _class_files(folder: Path) -> list[str]:
    """The ``.csv`` files directly in the class folder, by name; links and hidden files left out."""
    names = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.lower().endswith(".csv") and not entry.name.startswith(".") \
                    and entry.is_file(follow_symlinks=False):
                names.append(entry.name)
    return sorted(names)


def _read_in_folder(folder: Path, name: str) -> Source:
    """One file of the class folder, never through a link (a link could point outside the folder)."""
    try:
        descriptor = os.open(folder / name, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(descriptor, "rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise SSIInputError(tr("no se puede leer ({e})", "cannot be read ({e})",
                               e=error.strerror or type(error).__name__), field="path", received=name) from None
    if len(data) > MAX_FILE_BYTES:
        raise SSIInputError(tr("ocupa demasiado para ser un envío", "too large to be a submission"),
                            field="path", received=name)
    return Source(data, "file", name)


def _as_folder(path: object) -> Path | None:
    if isinstance(path, (str, PathLike)) and not isinstance(path, bytes):
        given = os.fspath(path)
        if isinstance(given, str) and "\n" not in given and given.strip():
            try:
                candidate = Path(given).expanduser()
                if candidate.is_dir():
                    return candidate
            except (OSError, ValueError):
                return None
    return None


# --- submitting into a shared folder --------------------------------------------------------
_ALIAS_MAX = 40
_FORMULA = ("=", "+", "-", "@")


def _check_alias(alias: object) -> str:
    checked: str = cast(str, check_type(alias, str, name="alias", expected=tr("un alias (texto)", "an alias (text)"),
                                        hint=tr('Por ejemplo "ana_g".', 'For example "ana_g".')))
    text = " ".join(checked.split())
    hint = tr("Usa letras, números, espacios, «_» o «-», por ejemplo «ana_g».",
              "Use letters, digits, spaces, '_' or '-', e.g. 'ana_g'.")
    problem = ""
    if not text:
        problem = tr("«alias» está vacío", "'alias' is empty")
    elif len(text) > _ALIAS_MAX:
        problem = tr("«alias» tiene más de {n} caracteres", "'alias' has more than {n} characters", n=_ALIAS_MAX)
    elif any(c in text for c in "/\\:") or text.startswith((".", *_FORMULA)) or ".." in text \
            or any(unicodedata.category(c).startswith("C") for c in checked):
        problem = tr("«alias» no puede llevar barras, «..», caracteres de control ni empezar por «.», «=», «+», "
                     "«-» o «@»", "'alias' cannot hold slashes, '..', control characters, nor start with '.', '=', "
                     "'+', '-' or '@'")
    if problem:
        raise SSIInputError(tr("{p}; recibido {r}.", "{p}; received {r}.", p=problem, r=short_repr(alias)),
                            field="alias", received=alias, hint=hint)
    return text


def _slug(key: str) -> str:
    """A file-name-safe slug of a student's key, with a digest that keeps "José" and "Jose" apart."""
    folded = unicodedata.normalize("NFKD", key)
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:30] or "alias"
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]
    return f"{slug}-{digest}"


_SPARE_NAMES = 9  # other names tried when something that is not the student's file takes theirs


def _destination(folder: Path, stem: str, alias: str) -> Path:
    """Where this student's file goes: their own file of that day if there is one, else a free name.

    A folder, a link or a file of another account under the student's name never blocks them
    (the next free name is used) and is never replaced.
    """
    candidates = [folder / f"{stem}.csv", *(folder / f"{stem}-{n}.csv" for n in range(2, _SPARE_NAMES + 2))]
    free: Path | None = None
    for candidate in candidates:
        try:
            info = os.lstat(candidate)
        except FileNotFoundError:
            free = free or candidate
            continue
        except OSError:
            continue
        previous = _alias_in(candidate) if stat.S_ISREG(info.st_mode) and info.st_uid == os.geteuid() else None
        if previous is not None:
            if previous != alias:
                warnings.warn(tr("Ya habías enviado hoy como «{a}»: este envío lo reemplaza.",
                                 "You had already sent today as '{a}': this one replaces it.", a=previous),
                              SSIWarning, stacklevel=3)
            return candidate
    if free is None:
        raise SSIInputError(
            tr("La carpeta de la clase ya tiene demasiados archivos con el nombre de tu alias de hoy.",
               "The class folder already has too many files named after your alias for today."),
            field="class_dir", received=str(folder),
            hint=tr("Pide a tu docente que revise la carpeta, o usa otro alias.",
                    "Ask your teacher to check the folder, or use another alias."),
        )
    return free


def _alias_in(path: Path) -> str | None:
    """The alias a submission file holds (its ``student``), or None if it is not a submission."""
    try:
        table = read_table(_read_in_folder(path.parent, path.name), _CLASS_FILE, header_lines=20)
    except SSIInputError:
        return None
    values = table.frame["student"].dropna()
    return str(values.iloc[0]).strip() if len(values) else None


def submit(ssi: Any, alias: str, class_dir: str | PathLike[str], *,
           when: date | datetime | str | None = None) -> Path:
    """Save your SSI into the class's shared folder, one file per student and date.

    The file is named after the student (:func:`student_key` of the alias: ``"Ana"`` and
    ``"ana"`` are one student, as :func:`read_class` reads them) and the date; sending again
    the same day replaces your own file (a warning says so if you typed the alias
    differently), never another person's, and something else left under your name (a folder,
    a link, another account's file) makes it take the next free name. The file is written
    whole or not at all. Use an alias, not your full name: the teacher only needs to tell the
    submissions apart.

    Parameters
    ----------
    ssi : SSI, SSIProfile, text or dict
        Your SSI (``"12,5; 8; 5,25; 10"`` works).
    alias : str
        Up to 40 characters; no slashes, ``..`` nor control characters.
    class_dir : path
        The shared folder the teacher created.
    when : date, datetime or str, optional
        The date of the measurement (``"05/03/2025"`` or ``"2025-03-05"`` too), from 2000 to
        today; now by default.

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    SSIInputError
        A bad SSI, alias or date, or a folder that does not exist or cannot be written.
    SSITypeError
        Arguments of the wrong type.

    Examples
    --------
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> _ = submit("12,5; 8; 5,25; 10", "ana_g", folder, when=date(2025, 3, 5))
    >>> read_class(folder).submissions["student"].tolist()
    ['ana_g']
    """
    from .safe_csv import save_csv

    score = as_ssi(ssi, name="ssi")
    text = _check_alias(alias)
    if when is None:
        moment = datetime.now().replace(microsecond=0)
    else:
        # A day's leeway: a learner ahead of the machine's time zone sends "today" too.
        day = check_date(when, name="when", earliest=date(_FIRST_YEAR, 1, 1),
                         latest=date.today() + timedelta(days=1))
        moment = when if isinstance(when, datetime) else datetime(day.year, day.month, day.day)
    folder = check_path(class_dir, name="class_dir", use="folder", subject=tr("La carpeta de la clase",
                                                                              "The class folder"),
                        expected=tr("la ruta de la carpeta de la clase", "the path of the class folder"),
                        hint=tr("Pide a tu docente la ruta de la carpeta compartida.",
                                "Ask your teacher for the shared folder."))
    import pandas as pd

    row = pd.DataFrame([{"timestamp": moment.isoformat(sep=" "), "student": text, **score.as_dict(),
                         "total": score.total}])
    target = _destination(folder, f"ssi_{moment.date().isoformat()}_{_slug(student_key(text))}", text)
    return save_csv(row, target, overwrite=True)


# --- the class as the teacher reads it --------------------------------------------------------
def _submissions(class_data: object) -> pd.DataFrame:
    if isinstance(class_data, ClassData):
        return class_data.submissions
    frame = check_frame(class_data, name="class_data",
                        expected=tr("lo que devuelve read_class", "what read_class returns"),
                        required=SUBMISSION_COLUMNS,
                        hint=tr("Lee la clase con ssi_kit.classroom.read_class(...).",
                                "Read the class with ssi_kit.classroom.read_class(...)."),
                        dates=("timestamp",), text=("student",), numbers=(*PILLARS, "total"),
                        complete=("student", *PILLARS, "total"))
    return frame


def latest_submissions(class_data: ClassData | pd.DataFrame) -> pd.DataFrame:
    """Each student's most recent submission (one row per student, by student).

    Examples
    --------
    >>> clase = read_class("alias,marca,personas,informacion,relaciones,fecha\\n"
    ...                    "ana,10,8,5,10,2025-03-01\\nana,12,8,5,10,2025-03-20\\n")
    >>> latest_submissions(clase)["brand"].tolist()
    [12.0]
    """
    frame = _submissions(class_data)
    ordered = frame.sort_values(["student", "timestamp"], kind="stable")
    return ordered.drop_duplicates("student", keep="last").reset_index(drop=True)


def weakest_pillar(class_data: ClassData | pd.DataFrame) -> str:
    """The pillar with the lowest class average (on each student's latest SSI): what to teach next.

    Examples
    --------
    >>> clase = read_class("alias;marca;personas;informacion;relaciones\\nana;12;8;5;10\\nluis;9;7;6;11\\n")
    >>> weakest_pillar(clase)
    'insights'
    """
    latest = latest_submissions(class_data)
    if latest.empty:
        raise SSIInputError(tr("La clase no tiene envíos válidos.", "The class has no valid submissions."),
                            field="class_data", received=0,
                            hint=tr("Mira .rejected para saber por qué.", "See .rejected to know why."))
    means = latest[list(PILLARS)].mean()
    return str(min(PILLARS, key=lambda p: float(means[p])))


def _moment(value: object, name: str) -> Any:
    import pandas as pd

    if value is None:
        return None
    return pd.Timestamp(check_date(value, name=name))  # the day: the window takes whole days


def class_progress(class_data: ClassData | pd.DataFrame, *, start: date | str | None = None,
                   end: date | str | None = None) -> pd.DataFrame:
    """Each student's change between their first and last submissions from ``start`` to ``end``.

    Parameters
    ----------
    start, end : date or text, optional
        The window (both days included); the whole class's range by default.

    Returns
    -------
    pandas.DataFrame
        ``student, first, last, before, after, change``: one row per student with two or more
        submissions in the window (``before``/``after`` are totals).

    Examples
    --------
    >>> clase = read_class("alias,marca,personas,informacion,relaciones,fecha\\n"
    ...                    "ana,10,8,5,10,2025-03-01\\nana,12,8,5,10,2025-03-20\\n")
    >>> class_progress(clase)["change"].tolist()
    [2.0]
    """
    return _progress(*_first_and_last(class_data, start, end))


def _first_and_last(class_data: object, start: object, end: object) -> tuple[pd.DataFrame, pd.DataFrame, pd.Series]:
    """Each student's first and last submission from ``start`` to ``end`` (whole days), and how many."""
    import pandas as pd

    frame = _submissions(class_data)
    low, high = _moment(start, "start"), _moment(end, "end")
    window = frame
    if low is not None:
        window = window[window["timestamp"] >= low]
    if high is not None:
        window = window[window["timestamp"] < high + pd.Timedelta(days=1)]
    ordered = window.sort_values(["student", "timestamp"], kind="stable")
    grouped = ordered.groupby("student", sort=True)
    return grouped.first(), grouped.last(), grouped.size()


def _progress(first: pd.DataFrame, last: pd.DataFrame, count: pd.Series) -> pd.DataFrame:
    """:func:`class_progress`'s table: the students with two submissions or more."""
    import pandas as pd

    keep = count[count >= 2].index
    result = pd.DataFrame({
        "student": list(keep),
        "first": first.loc[keep, "timestamp"].to_numpy(),
        "last": last.loc[keep, "timestamp"].to_numpy(),
        "before": first.loc[keep, "total"].to_numpy(dtype=float),
        "after": last.loc[keep, "total"].to_numpy(dtype=float),
    })
    result["change"] = (result["after"] - result["before"]).round(3) + 0.0
    return result


def compare_projection(class_data: ClassData | pd.DataFrame, actions: Iterable[str] | str, *,
                       start: date | str | None = None, end: date | str | None = None) -> pd.DataFrame:
    """Each student's re-measurement against what the plan projected from their first one.

    For every student with two submissions from ``start`` to ``end``, the plan is simulated
    (:func:`ssi_kit.simulate_many`) from their first SSI for the weeks between both, and set
    beside the SSI they really measured.

    Returns
    -------
    pandas.DataFrame
        ``student, weeks, before, projected, after, difference`` (``after - projected``: above
        zero, the student went further than the plan said).

    Examples
    --------
    >>> clase = read_class("alias,marca,personas,informacion,relaciones,fecha\\n"
    ...                    "ana,10,8,5,10,2025-03-01\\nana,12,8,5,10,2025-03-22\\n")
    >>> compare_projection(clase, ["grupos"])["weeks"].tolist()
    [3]
    """
    import pandas as pd

    from .simulation import simulate_many

    first, last, count = _first_and_last(class_data, start, end)
    progress = _progress(first, last, count)
    columns = ["student", "weeks", "before", "projected", "after", "difference"]
    if progress.empty:
        return pd.DataFrame({c: [] for c in columns})
    progress["weeks"] = ((progress["last"] - progress["first"]).dt.days / 7).round().astype(int)
    ssis = first.loc[progress["student"], list(PILLARS)]  # each one's first SSI in the window
    projection = simulate_many(ssis, actions, weeks=max(1, int(progress["weeks"].max())))
    totals = projection[projection["pillar"] == "total"].set_index(["learner", "week"])["score"]
    progress["projected"] = [float(totals.loc[(s, w)]) for s, w in zip(progress["student"], progress["weeks"])]
    progress["difference"] = (progress["after"] - progress["projected"]).round(3) + 0.0
    return progress[columns].reset_index(drop=True)


def class_projection(
    class_data: ClassData | pd.DataFrame, actions: Iterable[str] | str | None = (), *,
    weeks: int = PROJECTION_WEEKS, catalog: pd.DataFrame | str | PathLike[str] | None = None,
) -> pd.DataFrame:
    """The whole class following one plan from each student's latest SSI (:func:`ssi_kit.simulate_many`).

    Parameters
    ----------
    class_data : ClassData or DataFrame
        What :func:`read_class` returns (or its ``.submissions``).
    actions : list of action ids, optional
        The actions everyone does; none by default.
    weeks : int
        How many weeks to project (0 to 520).
    catalog : DataFrame or path, optional
        Where the ids are looked up; the course's actions by default.

    Returns
    -------
    pandas.DataFrame
        ``learner, week, pillar, label, score``, one learner per alias.

    Raises
    ------
    SSIInputError, SSITypeError
        As :func:`latest_submissions` and :func:`ssi_kit.simulate_many`.

    Examples
    --------
    >>> clase = read_class("alias;marca;personas;informacion;relaciones\\nana;12;8;5;10\\nluis;9;7;6;11\\n")
    >>> class_projection(clase, ["grupos"], weeks=4)["learner"].unique().tolist()
    ['ana', 'luis']
    """
    from .simulation import simulate_many

    ssis = latest_submissions(class_data).set_index("student")[list(PILLARS)]
    return simulate_many(ssis, actions, weeks=weeks, catalog=catalog)


_IN_LINE_POINTS = 1.0  # a re-measurement this close to the projection is "in line"


def describe_class_comparison(comparison: pd.DataFrame) -> str:
    """In plain words, how many students are above, in line with or below the projection.

    Up to one point either side counts as "in line".

    Examples
    --------
    >>> import pandas as pd
    >>> print(describe_class_comparison(pd.DataFrame({"difference": [2.0, 0.5, -3.0]})))
    De 3 personas: 1 por encima de la proyección, 1 en línea (±1 punto) y 1 por debajo.
    """
    frame = check_frame(comparison, name="comparison", required=("difference",),
                        expected=tr("lo que devuelve compare_projection", "what compare_projection returns"),
                        numbers=("difference",))
    tolerance = _IN_LINE_POINTS
    differences = frame["difference"].astype(float)
    above = int((differences > tolerance).sum())
    below = int((differences < -tolerance).sum())
    return tr("De {n}: {a} por encima de la proyección, {i} en línea (±{t} punto) y {b} por debajo.",
              "Of {n}: {a} above the projection, {i} in line (±{t} point) and {b} below.",
              n=plural(len(frame), "persona", "personas", "person", "people"), a=above,
              i=len(frame) - above - below, b=below, t=format_number(tolerance))


# --- exports ---------------------------------------------------------------------------------
def export_csv(class_data: ClassData | pd.DataFrame, dest: str | PathLike[str], *, overwrite: bool = False) -> Path:
    """Save the class's valid submissions as a CSV safe to open in a spreadsheet (see ``save_csv``).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> clase = read_class("alias;marca;personas;informacion;relaciones\\n=cmd;12;8;5;10\\n")
    >>> out = export_csv(clase, pathlib.Path(tempfile.mkdtemp()) / "clase.csv")
    >>> out.read_text(encoding="utf-8-sig").splitlines()[1].split(",")[1]
    '"\\'=cmd"'
    """
    from .safe_csv import save_csv

    frame = _submissions(class_data).copy()
    frame["timestamp"] = frame["timestamp"].dt.strftime("%Y-%m-%d %H:%M:%S")
    return save_csv(frame, dest, overwrite=overwrite)

