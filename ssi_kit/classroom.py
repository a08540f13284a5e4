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

import csv
import hashlib
import io
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ._checks import (
    check_date,
    check_frame,
    check_number,
    check_type,
    decode_text,
    read_source,
)
from ._i18n import format_number, plural, short_repr, tr
from .errors import SSIInputError, SSITypeError
from .score import PILLAR_MAX, PILLARS, as_ssi, pillar_label

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ClassData",
    "class_progress",
    "class_projection",
    "compare_projection",
    "describe_comparison",
    "export_csv",
    "latest_submissions",
    "read_class",
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
_HEADER_SCAN = 20  # a header is among the first lines (a notes preamble may come before it)
_WORDS = re.compile(r"[^a-z0-9]+")


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


def _columns(fields: list[str]) -> dict[str, int]:
    """Role → column index, each column used once, the best match first."""
    candidates = sorted(
        ((rank, index, role) for index, name in enumerate(fields) for role, rank in _role_rank(name).items()),
    )
    chosen: dict[str, int] = {}
    used: set[int] = set()
    for _rank, index, role in candidates:
        if role not in chosen and index not in used:
            chosen[role] = index
            used.add(index)
    return chosen


def _separator(line: str) -> str:
    counts = {sep: len(next(csv.reader([line], delimiter=sep), [])) for sep in (",", ";", "\t")}
    return max(counts, key=lambda s: (counts[s], s == ";"))


# --- values --------------------------------------------------------------------------------
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{2,4})")
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*([ap])?\.?\s*m?\.?", re.IGNORECASE)


def _number(text: str) -> float | None:
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    if not _NUMBER.fullmatch(cleaned):
        return None
    return float(cleaned.replace(",", "."))


def _timestamp(text: str) -> datetime | None:
    """A date and time as forms and spreadsheets write them (day first, as in Spanish)."""
    text = text.strip()
    match = _ISO.match(text)
    try:
        if match:
            year, month, day = (int(g) for g in match.groups())
        else:
            match = _DAY_FIRST.match(text)
            if not match:
                return None
            day, month, year = (int(g) for g in match.groups())
            year += 2000 if year < 100 else 0
        moment = datetime(year, month, day)
    except ValueError:
        return None
    clock = _TIME.search(text, match.end())
    if clock:
        hour, minute = int(clock.group(1)), int(clock.group(2))
        second = int(clock.group(3) or 0)
        half = (clock.group(4) or "").lower()
        if half == "p" and hour < 12:
            hour += 12
        elif half == "a" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60 and second < 60:
            moment = moment.replace(hour=hour, minute=minute, second=second)
    return moment


# --- reading -------------------------------------------------------------------------------
@dataclass(frozen=True)
class ClassData:
    """A class's SSIs as read by :func:`read_class`.

    Attributes
    ----------
    submissions : DataFrame
        The valid rows: ``timestamp, student, brand, people, insights, relationships, total``.
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
        return self.summary()


def _reasons() -> dict[str, str]:
    return {
        "columns": tr("faltan columnas en esta fila", "this row lacks columns"),
        "student": tr("el alumno está vacío", "the student is empty"),
        "timestamp_empty": tr("la fecha está vacía", "the date is empty"),
        "timestamp": tr("la fecha no se entiende", "the date cannot be read"),
    }


def _parse(text: str, name: str, rows: list[tuple[Any, ...]], rejected: list[tuple[str, int, str]],
           *, default_time: datetime | None = None) -> None:
    """Append the valid rows of one CSV text to ``rows`` and the others to ``rejected``."""
    reasons = _reasons()
    lines = text.splitlines()
    header_at, columns, sep = -1, {}, ","
    for i, line in enumerate(lines[:_HEADER_SCAN]):
        if not line.strip():
            continue
        sep = _separator(line)
        found = _columns(next(csv.reader([line], delimiter=sep), []))
        if "student" in found and any(p in found for p in PILLARS):
            header_at, columns = i, found
            break
    if header_at < 0:
        raise SSIInputError(
            tr("No encuentro la cabecera en {w}: hace falta una columna de alumno (alumno, nombre, alias…) y una "
               "por pilar (marca, personas, información, relaciones).",
               "No header found in {w}: a student column (student, name, alias…) and one per pillar (brand, "
               "people, insights, relationships) are needed.", w=name),
            field="source", received=name,
            hint=tr("Parte de data/plantilla_clase.csv o de la exportación del formulario.",
                    "Start from data/plantilla_clase.csv or from the form's export."),
        )
    missing = [p for p in PILLARS if p not in columns]
    if missing:
        raise SSIInputError(
            tr("A {w} le faltan las columnas de los pilares: {m}.", "{w} lacks the pillar columns: {m}.",
               w=name, m=", ".join(pillar_label(p) for p in missing)),
            field="source", received=missing,
            hint=tr("Cada pilar va en su columna, con su nombre (por ejemplo «Marca»).",
                    "Each pillar goes in its own column, with its name (e.g. 'Brand')."),
        )
    pillar_at = [columns[p] for p in PILLARS]
    student_at, time_at = columns["student"], columns.get("timestamp")
    width = max(columns.values()) + 1
    body = "\n".join(lines[header_at + 1:])
    reader = csv.reader(io.StringIO(body), delimiter=sep)
    previous = 0
    for fields in reader:
        line_no = header_at + 2 + previous  # the row's first line, numbered from 1 as an editor does
        previous = reader.line_num
        if not any(f.strip() for f in fields):
            continue  # a blank line is not a submission
        if len(fields) < width:
            rejected.append((name, line_no, reasons["columns"]))
            continue
        student = fields[student_at].strip()
        if not student:
            rejected.append((name, line_no, reasons["student"]))
            continue
        if time_at is None:
            moment = default_time
        elif not fields[time_at].strip():
            rejected.append((name, line_no, reasons["timestamp_empty"]))
            continue
        else:
            moment = _timestamp(fields[time_at])
            if moment is None:
                rejected.append((name, line_no, reasons["timestamp"]))
                continue
        values, problem = [], ""
        for pillar, at in zip(PILLARS, pillar_at):
            cell = fields[at]
            number = _number(cell)
            if not cell.strip():
                problem = tr("el pilar «{p}» está vacío", "the pillar '{p}' is empty", p=pillar_label(pillar))
            elif number is None:
                problem = tr("el pilar «{p}» no es un número", "the pillar '{p}' is not a number",
                             p=pillar_label(pillar))
            elif not 0 <= number <= PILLAR_MAX:
                problem = tr("el pilar «{p}» está fuera de rango (de 0 a 25)",
                             "the pillar '{p}' is out of range (0 to 25)", p=pillar_label(pillar))
            if problem:
                break
            values.append(round(number, 3) + 0.0)  # type: ignore[arg-type]
        if problem:
            rejected.append((name, line_no, problem))
            continue
        rows.append((moment, student, *values, round(sum(values), 3) + 0.0))


def _frames(rows: list[tuple[Any, ...]], rejected: list[tuple[str, int, str]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    import pandas as pd

    submissions = pd.DataFrame(rows, columns=list(SUBMISSION_COLUMNS))
    submissions["timestamp"] = pd.to_datetime(submissions["timestamp"])
    submissions["student"] = submissions["student"].astype(object)
    for column in (*PILLARS, "total"):
        submissions[column] = submissions[column].astype(float)
    bad = pd.DataFrame(rejected, columns=["file", "line", "reason"])
    bad["line"] = bad["line"].astype(int)
    return submissions, bad


def read_class(path: str | PathLike[str] | bytes) -> ClassData:
    """Read a class's SSIs: a form or spreadsheet export, pasted text, or a :func:`submit` folder.

    Columns are found by name, in Spanish or English, whatever their case and accents: the
    time (*Marca temporal*, *fecha*, *timestamp*), the student (*alumno*, *estudiante*,
    *nombre*, *alias*, *student*) and the four pillars by their short or full names (*marca* or
    *Establecer tu marca profesional*, *brand*…). Separators ``,`` or ``;`` and decimal commas
    are read as a Spanish spreadsheet writes them. The file is never modified.

    Parameters
    ----------
    path : path, pasted text or bytes
        A CSV file (also inside a ``.zip``), its text, or a folder of files written by
        :func:`submit`.

    Returns
    -------
    ClassData
        ``.submissions`` (the valid rows) and ``.rejected`` (line number and reason of each
        row left out: empty, not a number, out of range, missing column, unreadable date).

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
    rows: list[tuple[Any, ...]] = []
    rejected: list[tuple[str, int, str]] = []
    folder = _as_folder(path)
    if folder is not None:
        files = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".csv" and not p.name.startswith(".")
                       and p.is_file())
        if not files:
            raise SSIInputError(
                tr("La carpeta «{f}» no tiene archivos .csv de la clase.",
                   "The folder '{f}' holds no class .csv files.",
                   f=os.fspath(path)),
                field="path", received=os.fspath(path),
                hint=tr("Cada persona envía su SSI con ssi_kit.classroom.submit(...).",
                        "Each person sends their SSI with ssi_kit.classroom.submit(...)."),
            )
        for file in files:
            source = read_source(file, function="read_class", expected="")
            text, _ = decode_text(source.data, where=source)
            try:
                _parse(text, file.name, rows, rejected)
            except SSIInputError as error:
                rejected.append((file.name, 1, error.message))
        submissions, bad = _frames(rows, rejected)
        return ClassData(submissions, bad, os.fspath(folder))
    source = read_source(
        path, function="read_class",
        expected=tr("la ruta del CSV de la clase (o su texto, o la carpeta compartida)",
                    "the path of the class CSV (or its text, or the shared folder)"),
        hint=tr("Descarga las respuestas del formulario como CSV.", "Download the form's answers as CSV."),
    )
    text, _ = decode_text(source.data, where=source)
    _parse(text, source.noun if source.kind != "file" else tr("«{n}»", "'{n}'", n=source.name), rows, rejected)
    submissions, bad = _frames(rows, rejected)
    bad["file"] = ""  # a single file: the line is enough
    return ClassData(submissions, bad, source.name)


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
    text = checked.strip()
    hint = tr("Usa letras, números, espacios, «_» o «-», por ejemplo «ana_g».",
              "Use letters, digits, spaces, '_' or '-', e.g. 'ana_g'.")
    problem = ""
    if not text:
        problem = tr("«alias» está vacío", "'alias' is empty")
    elif len(text) > _ALIAS_MAX:
        problem = tr("«alias» tiene más de {n} caracteres", "'alias' has more than {n} characters", n=_ALIAS_MAX)
    elif any(c in text for c in "/\\:") or text.startswith((".", *_FORMULA)) or ".." in text \
            or any(unicodedata.category(c).startswith("C") for c in text):
        problem = tr("«alias» no puede llevar barras, «..», caracteres de control ni empezar por «.», «=», «+», "
                     "«-» o «@»", "'alias' cannot hold slashes, '..', control characters, nor start with '.', '=', "
                     "'+', '-' or '@'")
    if problem:
        raise SSIInputError(tr("{p}; recibido {r}.", "{p}; received {r}.", p=problem, r=short_repr(alias)),
                            field="alias", received=alias, hint=hint)
    return text


def _slug(alias: str) -> str:
    folded = unicodedata.normalize("NFKD", alias.casefold())
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:30] or "alias"
    digest = hashlib.sha256(alias.casefold().encode("utf-8")).hexdigest()[:8]
    return f"{slug}-{digest}"  # the digest keeps "José" and "Jose" apart


def submit(ssi: Any, alias: str, class_dir: str | PathLike[str], *,
           when: date | datetime | str | None = None) -> Path:
    """Save your SSI into the class's shared folder, one file per alias and date.

    The file name derives from a safe slug of the alias and the date, so two people never
    write the same file; sending again the same day replaces your own file. The file is
    written whole or not at all. Use an alias, not your full name: the teacher only needs to
    tell the submissions apart.

    Parameters
    ----------
    ssi : SSI, SSIProfile, text or dict
        Your SSI (``"12,5; 8; 5,25; 10"`` works).
    alias : str
        Up to 40 characters; no slashes, ``..`` nor control characters.
    class_dir : path
        The shared folder the teacher created.
    when : date, datetime or str, optional
        The date of the measurement (``"05/03/2025"`` or ``"2025-03-05"`` too); now by default.

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    SSIInputError
        A bad SSI or alias, or a folder that does not exist or cannot be written.
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
        day = check_date(when, name="when")  # a datetime keeps its time
        moment = when if isinstance(when, datetime) else datetime(day.year, day.month, day.day)
    if not isinstance(class_dir, (str, PathLike)) or not isinstance(os.fspath(class_dir), str):
        raise SSITypeError(
            tr("«class_dir» debe ser la ruta de la carpeta de la clase; recibido {k}.",
               "'class_dir' must be the path of the class folder; received {k}.", k=type(class_dir).__name__),
            field="class_dir", received=class_dir)
    folder = Path(os.fspath(class_dir)).expanduser()
    try:
        is_folder = folder.is_dir()
    except (OSError, ValueError):
        is_folder = False
    if not is_folder:
        raise SSIInputError(
            tr("No existe la carpeta de la clase «{f}».", "The class folder '{f}' does not exist.",
               f=short_repr(os.fspath(class_dir))[1:-1]),
            field="class_dir", received=class_dir,
            hint=tr("Pide a tu docente la ruta de la carpeta compartida.", "Ask your teacher for the shared folder."),
        )
    import pandas as pd

    row = pd.DataFrame([{"timestamp": moment.isoformat(sep=" "), "student": text, **score.as_dict(),
                         "total": score.total}])
    return save_csv(row, folder / f"ssi_{moment.date().isoformat()}_{_slug(text)}.csv", overwrite=True)


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


def class_progress(class_data: ClassData | pd.DataFrame, start: date | str | None = None,
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


def class_projection(class_data: ClassData | pd.DataFrame, plan: Iterable[str] | str | None = (), *,
                     weeks: int = 12, catalog: pd.DataFrame | str | PathLike[str] | None = None) -> pd.DataFrame:
    """The whole class following one plan from each student's latest SSI (:func:`ssi_kit.simulate_many`).

    Parameters
    ----------
    class_data : ClassData or DataFrame
        What :func:`read_class` returns (or its ``.submissions``).
    plan : list of action ids, optional
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
    return simulate_many(ssis, plan, weeks=weeks, catalog=catalog)


def describe_comparison(comparison: pd.DataFrame, *, tolerance: float = 1.0) -> str:
    """In plain words, how many students are above, in line with or below the projection.

    ``tolerance`` is how many points either side still count as "in line".

    Examples
    --------
    >>> import pandas as pd
    >>> print(describe_comparison(pd.DataFrame({"difference": [2.0, 0.5, -3.0]})))
    De 3 personas: 1 por encima de la proyección, 1 en línea (±1 punto) y 1 por debajo.
    """
    frame = check_frame(comparison, name="comparison", required=("difference",),
                        expected=tr("lo que devuelve compare_projection", "what compare_projection returns"),
                        numbers=("difference",))
    tolerance = check_number(tolerance, name="tolerance", maximum=25)
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
    "'=cmd"
    """
    from .safe_csv import save_csv

    frame = _submissions(class_data).copy()
    frame["timestamp"] = frame["timestamp"].dt.strftime("%Y-%m-%d %H:%M:%S")
    return save_csv(frame, dest, overwrite=overwrite)

