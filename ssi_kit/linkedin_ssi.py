"""LinkedIn's SSI data read into an :class:`SSIProfile`: the JSON behind linkedin.com/sales/ssi,
the text of that page copied and pasted, or the four numbers typed.

:func:`read_ssi_input` is the one entry for "what the learner pasted or dropped". Plain Python
(json, re); the values are checked by :mod:`ssi_kit.score`.
"""

from __future__ import annotations

import bisect
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from os import PathLike
from typing import Any

from ._checks import check_choice, check_type, decode_text, parse_typed_number, read_source
from ._i18n import format_number, tr
from .errors import SSIInputError, SSITypeError
from .score import (
    PILLARS,
    SSI,
    TOTAL_MAX,
    GroupScore,
    Pillar,
    SSIProfile,
    check_total,
    clean_score,
    parse_number,
    pillar_label,
)

__all__ = ["read_linkedin_ssi", "read_ssi_input", "read_ssi_page"]

_LINKEDIN_PILLARS: dict[str, Pillar] = {
    "PROFESSIONAL_BRAND": "brand",
    "FIND_RIGHT_PEOPLE": "people",
    "INSIGHT_ENGAGEMENT": "insights",
    "STRONG_RELATIONSHIP": "relationships",
}


def _expect_dict(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise SSIInputError(
            tr(
                "Formato de SSI de LinkedIn no reconocido: «{where}» debería ser un objeto JSON; recibido {kind}.",
                "Unrecognised LinkedIn SSI format: '{where}' should be a JSON object; received {kind}.",
                where=where,
                kind=type(value).__name__,
            ),
            field=where,
            received=value,
        )
    return value


def _scores_from_linkedin(block: Mapping[str, Any], where: str) -> tuple[float, SSI | None]:
    """``{"overall": x, "subScores": [...]}`` → (overall, pillars or None when empty)."""
    if "overall" not in block:
        raise SSIInputError(
            tr("Falta «overall» en «{where}».", "Missing 'overall' in '{where}'.", where=where),
            field=where,
        )
    overall = clean_score(block["overall"], field="overall", maximum=TOTAL_MAX)
    sub_scores = block.get("subScores") or []
    if not isinstance(sub_scores, list):
        raise SSIInputError(
            tr("«subScores» debe ser una lista en «{where}».", "'subScores' must be a list in '{where}'.", where=where),
            field=where,
        )
    if not sub_scores:
        return overall, None
    values: dict[str, Any] = {}
    for item in sub_scores:
        item = _expect_dict(item, f"{where}.subScores")
        name = item.get("pillar")
        pillar: Pillar = check_choice(name, _LINKEDIN_PILLARS, name=tr("pilar en «{w}»", "pillar in '{w}'", w=where))
        if pillar in values:
            raise SSIInputError(
                tr("El pilar {name} aparece dos veces en «{where}».", "The pillar {name} appears twice in '{where}'.",
                   name=name, where=where),
                field=pillar,
                received=name,
            )
        values[pillar] = item.get("score")
    missing = [name for name, p in _LINKEDIN_PILLARS.items() if p not in values]
    if missing:
        raise SSIInputError(
            tr("Faltan pilares en «{where}»: {missing}.", "Missing pillars in '{where}': {missing}.",
               where=where, missing=", ".join(missing)),
            field=where,
        )
    pillars = SSI(**values)
    check_total(overall, pillars, where=where)
    return overall, pillars


def read_linkedin_ssi(source: str | PathLike[str] | Mapping[str, Any]) -> SSIProfile:
    """Read the data behind LinkedIn's SSI page (``/sales-api/salesApiSsi``).

    Parameters
    ----------
    source : path, JSON text or dict
        A ``.json`` file saved from LinkedIn, its text, or the parsed dict.

    Returns
    -------
    SSIProfile
        ``.member`` (your SSI), ``.industry`` and ``.network`` (``GroupScore`` or ``None``).
        Unknown group types (``TEAM``…) and extra keys are ignored; float noise is rounded.

    Raises
    ------
    SSIInputError
        If the file is missing, is not JSON, or the scores are invalid or inconsistent.

    Examples
    --------
    >>> profile = read_linkedin_ssi({"memberScore": {"overall": 10, "subScores": [
    ...     {"pillar": "PROFESSIONAL_BRAND", "score": 4}, {"pillar": "FIND_RIGHT_PEOPLE", "score": 3},
    ...     {"pillar": "INSIGHT_ENGAGEMENT", "score": 2}, {"pillar": "STRONG_RELATIONSHIP", "score": 1}]}})
    >>> profile.member.total
    10.0
    """
    data = _unwrapped(_expect_dict(_load_json(source), tr("raíz", "root")))
    if "memberScore" not in data:
        raise SSIInputError(
            tr(
                "Esto no parece el SSI de LinkedIn: falta «memberScore». Se esperaba el JSON de "
                "linkedin.com/sales-api/salesApiSsi.",
                "This does not look like LinkedIn's SSI: 'memberScore' is missing. Expected the JSON of "
                "linkedin.com/sales-api/salesApiSsi.",
            ),
            field="memberScore",
        )
    _overall, member = _scores_from_linkedin(_expect_dict(data["memberScore"], "memberScore"), "memberScore")
    if member is None:
        raise SSIInputError(
            tr("«memberScore» no trae los pilares («subScores» vacío).",
               "'memberScore' has no pillars (empty 'subScores')."),
            field="memberScore",
        )
    groups: dict[str, GroupScore] = {}
    group_list = data.get("groupScore") or []
    if not isinstance(group_list, Iterable) or isinstance(group_list, (str, bytes, dict)):
        group_list = []
    for group in group_list:
        if not isinstance(group, dict):
            continue
        kind = str(group.get("groupType", "")).upper()
        if kind not in ("INDUSTRY", "NETWORK") or kind in groups:
            continue
        where = f"groupScore[{kind}]"
        score = _expect_dict(group.get("score"), f"{where}.score")
        group_overall, group_pillars = _scores_from_linkedin(score, where)
        rank = group.get("rank")
        groups[kind] = GroupScore(overall=group_overall, top_percent=rank, pillars=group_pillars)
    return SSIProfile(member=member, industry=groups.get("INDUSTRY"), network=groups.get("NETWORK"))


_ENVELOPES = ("data", "value", "response", "elements")  # where APIs and browser tools nest the payload


def _unwrapped(data: dict[str, Any]) -> dict[str, Any]:
    """The SSI itself when it comes inside an API envelope (``{"object": …, "data": {"memberScore": …}}``),
    a few levels deep at most; ``data`` unchanged otherwise."""
    for _level in range(3):
        if "memberScore" in data:
            break
        inner = next((data[k] for k in _ENVELOPES if isinstance(data.get(k), dict)), None)
        if inner is None:
            inner = next((data[k][0] for k in _ENVELOPES if isinstance(data.get(k), list) and len(data[k]) == 1
                          and isinstance(data[k][0], dict)), None)
        if inner is None:
            break
        data = inner
    return data


def _load_json(source: object) -> Any:
    if isinstance(source, Mapping):
        return dict(source)
    got = read_source(
        source, function="read_linkedin_ssi", text_starts=("{", "["),
        expected=tr("la ruta de un .json, su texto o un diccionario", "the path of a .json, its text or a dict"),
        hint=tr("Guarda el JSON de linkedin.com/sales-api/salesApiSsi y pasa su ruta, o pega su texto.",
                "Save the JSON of linkedin.com/sales-api/salesApiSsi and pass its path, or paste its text."),
    )
    text, _encoding = decode_text(got.data, where=got)
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        problem = tr("no es JSON válido (línea {line}, columna {col})", "is not valid JSON (line {line}, column {col})",
                     line=error.lineno, col=error.colno)
        hint = tr("¿Copiaste la respuesta completa?", "Did you copy the whole response?")
    except RecursionError:
        problem = tr("tiene demasiados niveles anidados", "is nested too deeply")
        hint = tr("No parece el JSON de LinkedIn.", "It does not look like LinkedIn's JSON.")
    except ValueError:  # an integer of thousands of digits
        problem = tr("tiene un número demasiado largo", "holds a number that is too long")
        hint = tr("No parece el JSON de LinkedIn.", "It does not look like LinkedIn's JSON.")
    raise SSIInputError(
        tr("{what} {problem}.", "{what} {problem}.", what=got.subject, problem=problem),
        field="source", received=got.name or got.kind, hint=hint,
    )


# --- the page's text, pasted -----------------------------------------------------------------
_MAX_PASTE = 2**20
"""The most a pasted or dropped SSI may hold (bytes or characters): the page's text is about 5 KB."""

# The four pillars as LinkedIn's page names them (lower case, without accents), in its Spanish and
# English interface, and the few wordings seen or likely for the same pillar.
_PAGE_LABELS: dict[Pillar, tuple[str, ...]] = {
    "brand": ("establecer tu marca profesional", "establecer su marca profesional", "establece tu marca profesional",
              "establish your professional brand"),
    "people": ("encontrar a las personas adecuadas", "encontrar las personas adecuadas",
               "encuentra a las personas adecuadas", "find the right people"),
    "insights": ("interactuar ofreciendo informacion", "interactuar aportando informacion",
                 "interactua ofreciendo informacion", "engage with insights"),
    "relationships": ("construir relaciones", "crear relaciones", "establecer relaciones", "construye relaciones",
                      "build relationships"),
}
_LABEL_PATTERNS = {pillar: re.compile("|".join(r"\b" + r"\s+".join(map(re.escape, label.split())) + "(?![a-z])"
                                               for label in labels))
                   for pillar, labels in _PAGE_LABELS.items()}
_NUMBER = r"(\d{1,3}(?:[.,]\d{1,3})?)(?![\d.,]*\d)"
_GAP = r"[\s:·|\-–—]*"  # what may stand between a label and its number: spaces, line breaks, a colon
_AFTER = re.compile(_GAP + _NUMBER)
_BEFORE = re.compile(r"(?<![\d.,])" + _NUMBER + _GAP + r"$")
_TOTAL = re.compile(r"(?<![\d.,])" + _NUMBER + r"\s*(?:/|de|sobre|out\s+of|of)\s*100(?![\d.,]*\d)")
_TOP = re.compile(r"\btop\s*" + _NUMBER + r"\s*%")
_AVERAGE = re.compile(r"\b(?:average|medio|media|promedio)\b[^\d\n]{0,30}?" + _NUMBER)
_NETWORK_SURE = re.compile(r"\b(?:your network|tu red|su red|de la red|en la red|network ssi|ssi de (?:la )?red)\b")
_INDUSTRY = re.compile(r"\b(?:industry|sector|industria)\b")
_NETWORK = re.compile(r"\b(?:network|red)\b")
_ROUNDED_TOTAL = 0.51  # the page rounds the total to a whole number


def _plain(text: str) -> str:
    """``text`` lower case, without accents, with one kind of line break and of space (for matching only)."""
    decomposed = unicodedata.normalize("NFKD", text.replace("\r\n", "\n").replace("\r", "\n"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return plain.replace("\t", " ")


def _preview(text: str) -> str:
    """The first few characters of what was pasted, to say what came in without quoting it."""
    flat = "".join(ch if ch.isprintable() else "·" for ch in " ".join(text.split()[:20]))
    return flat if len(flat) <= 15 else flat[:15] + "…"


def _group_of(line: str) -> str | None:
    """``"industry"`` or ``"network"`` by the words of one line, or None if it names neither."""
    if _NETWORK_SURE.search(line):
        return "network"
    if _INDUSTRY.search(line):
        return "industry"
    if _NETWORK.search(line):
        return "network"
    return None


def _pillar_numbers(plain: str) -> tuple[dict[Pillar, str], list[Pillar]]:
    """Each pillar's number, the label followed by it (or, on pages laid out the other way, preceded by it).

    Returns the numbers found (as typed) and the pillars whose label was not found at all.
    """
    labelled = {p: list(pattern.finditer(plain)) for p, pattern in _LABEL_PATTERNS.items()}
    absent = [p for p in PILLARS if not labelled[p]]
    best: dict[Pillar, str] = {}
    for after in (True, False):
        found: dict[Pillar, str] = {}
        for pillar in PILLARS:
            for label in labelled[pillar]:
                match = _AFTER.match(plain, label.end()) if after else _BEFORE.search(plain, 0, label.start())
                if match:
                    found[pillar] = match.group(1)
                    break
        if len(found) == len(PILLARS):
            return found, absent
        if len(found) > len(best):
            best = found
    return best, absent


def _groups(plain: str) -> dict[str, GroupScore]:
    """The industry's and network's average SSI and your «Top N %» in each, where the page gives them."""
    lines = plain.split("\n")
    starts, position = [], 0
    for line in lines:
        starts.append(position)
        position += len(line) + 1

    def group_at(index: int) -> str | None:
        line = bisect.bisect_right(starts, index) - 1
        for number in range(line, max(line - 4, -1), -1):  # the line itself, then the heading above it
            group = _group_of(lines[number])
            if group:
                return group
        return None

    values: dict[str, dict[str, str]] = {"industry": {}, "network": {}}
    for key, pattern in (("top", _TOP), ("overall", _AVERAGE)):
        for match in pattern.finditer(plain):
            group = group_at(match.start())
            if group:
                values[group].setdefault(key, match.group(1))
    groups: dict[str, GroupScore] = {}
    for group, found in values.items():
        if "overall" not in found:
            continue  # a rank without the group's average cannot make a GroupScore
        name = tr("la media del sector", "the industry's average") if group == "industry" else \
            tr("la media de tu red", "your network's average")
        overall = parse_typed_number(found["overall"], name=group, maximum=TOTAL_MAX,
                                     subject=name[:1].upper() + name[1:])
        top = parse_typed_number(found["top"], name="top_percent", maximum=100,
                                 subject=tr("El «Top %»", "The 'Top %'")) if "top" in found else None
        groups[group] = GroupScore(overall=overall, top_percent=top)
    return groups


def _page_total(plain: str) -> float | None:
    """The total the page shows («36 de 100»), unless it stands on a line about the industry or network."""
    for match in _TOTAL.finditer(plain):
        start = plain.rfind("\n", 0, match.start()) + 1
        end = plain.find("\n", match.end())
        if _group_of(plain[start: end if end >= 0 else None]) is None:
            return parse_typed_number(match.group(1), name="overall", maximum=TOTAL_MAX,
                                      subject=tr("El total", "The overall"))
    return None


def read_ssi_page(text: str) -> SSIProfile:
    """Read the text a learner copies from linkedin.com/sales/ssi (select all, copy, paste).

    Recognises LinkedIn's page in its Spanish or English interface: the four pillars by their
    names («Establecer tu marca profesional», «Encontrar a las personas adecuadas»,
    «Interactuar ofreciendo información», «Construir relaciones»; «Establish your
    professional brand», «Find the right people», «Engage with insights», «Build
    relationships»; case and accents ignored), each followed by its number on the same line or
    the next (or, on a page laid out the other way, preceded by it), with a decimal comma or
    point. Also, when present: the total («36 de 100», «36 out of 100»; it must match the sum
    of the pillars, as the page rounds it), your industry's and network's average SSI («Las
    personas de tu red tienen un SSI medio de 30», «People in your network have an average SSI
    of 30») and your rank in each («Top 45 %»), told apart by the words of their line or of the
    heading above it. Any other text around is ignored.

    LinkedIn may change the page's wording at any time; when it does, the four numbers typed
    (``"12,5; 8; 5,25; 10"``) or the page's JSON still work through :func:`read_ssi_input`.

    Parameters
    ----------
    text : str
        What was pasted.

    Returns
    -------
    SSIProfile
        ``.member`` (the four pillars); ``.industry`` and ``.network`` when the page gave
        their average SSI (``None`` otherwise).

    Raises
    ------
    SSIInputError
        When the four pillars are not all found (the message names the missing ones and
        quotes at most the first 15 characters pasted), a number is out of range, or the total
        does not match the pillars.
    SSITypeError
        If ``text`` is not text.

    Examples
    --------
    >>> page = '''Tu Social Selling Index actual
    ... 36 de 100
    ... Establecer tu marca profesional
    ... 12,5
    ... Encontrar a las personas adecuadas
    ... 8
    ... Interactuar ofreciendo información
    ... 5,25
    ... Construir relaciones
    ... 10
    ... Las personas de tu red tienen un SSI medio de 30.'''
    >>> profile = read_ssi_page(page)
    >>> profile.member.total, profile.network.overall, profile.industry
    (35.75, 30.0, None)
    """
    check_type(text, str, name="text", expected=tr("el texto copiado de la página del SSI",
                                                   "the text copied from the SSI page"))
    if len(text) > _MAX_PASTE:
        raise _too_long(len(text))
    plain = _plain(text)
    numbers, absent = _pillar_numbers(plain)
    if len(numbers) < len(PILLARS):
        raise _pillars_missing(text, numbers, absent)
    member = SSI(**{p: parse_number(numbers[p], field=p) for p in PILLARS})
    total = _page_total(plain)
    if total is not None and abs(total - member.total) > _ROUNDED_TOTAL:
        raise SSIInputError(
            tr("El total de la página ({t}) no coincide con la suma de los pilares que encontré ({s}).",
               "The page's total ({t}) does not match the sum of the pillars found ({s}).",
               t=format_number(total), s=format_number(member.total)),
            field="overall", received=total,
            hint=tr("¿Copiaste la página entera? Selecciona todo (Ctrl+A), copia y pega de nuevo, o escribe los "
                    "cuatro números: «12,5; 8; 5,25; 10».",
                    "Did you copy the whole page? Select all (Ctrl+A), copy and paste again, or type the four "
                    "numbers: '12.5; 8; 5.25; 10'."),
        )
    groups = _groups(plain)
    return SSIProfile(member=member, industry=groups.get("industry"), network=groups.get("network"))


_PASTE_HINT = ("Abre linkedin.com/sales/ssi, selecciona todo (Ctrl+A o Cmd+A), copia y pégalo aquí; o escribe los "
               "cuatro números de tus pilares: «12,5; 8; 5,25; 10».",
               "Open linkedin.com/sales/ssi, select all (Ctrl+A or Cmd+A), copy and paste it here; or type your "
               "four pillars' numbers: '12.5; 8; 5.25; 10'.")


def _too_long(size: int) -> SSIInputError:
    return SSIInputError(
        tr("Lo que pegaste o subiste es demasiado largo para ser tu SSI (más de {mb} MB).",
           "What you pasted or uploaded is too long to be your SSI (more than {mb} MB).", mb=_MAX_PASTE // 2**20),
        field="source", received=size, hint=tr(*_PASTE_HINT))


def _pillars_missing(text: str, numbers: Mapping[Pillar, str], absent: Sequence[Pillar]) -> SSIInputError:
    if len(absent) == len(PILLARS):
        return SSIInputError(
            tr("No encuentro tu SSI en lo que pegaste («{p}»): no están los nombres de los cuatro pilares.",
               "Could not find your SSI in what you pasted ('{p}'): the four pillars' names are not there.",
               p=_preview(text)),
            field="source", hint=tr(*_PASTE_HINT))
    missing = [p for p in PILLARS if p not in numbers]
    return SSIInputError(
        tr("En lo que pegaste encontré {n} de los 4 pilares con su número; falta: {m}.",
           "In what you pasted I found {n} of the 4 pillars with their number; missing: {m}.",
           n=len(numbers), m=", ".join(f"«{pillar_label(p, full=True)}»" for p in missing)),
        field="source", hint=tr(*_PASTE_HINT))


# --- the one entry: whatever the learner pasted or dropped ------------------------------------
def _uploaded(source: object) -> object:
    """The content of a file given as ipywidgets' ``FileUpload.value`` (or one of its entries); else ``source``."""
    entries = source if isinstance(source, (tuple, list)) else None
    if entries is not None and entries and all(isinstance(e, Mapping) and "content" in e for e in entries):
        if len(entries) > 1:
            raise SSIInputError(
                tr("Subiste {n} archivos: sube solo el de tu SSI (un .json).",
                   "You uploaded {n} files: upload only your SSI's (a .json).", n=len(entries)),
                field="source", received=len(entries))
        source = entries[0]
    if isinstance(source, Mapping) and "content" in source:
        content = source["content"]
        if not isinstance(content, (bytes, bytearray, memoryview)):
            raise SSITypeError(
                tr("El archivo subido no trae su contenido en bytes; recibido {kind}.",
                   "The uploaded file does not hold its content as bytes; received {kind}.",
                   kind=type(content).__name__), field="source", received=content)
        return content
    if entries is not None and not entries:
        raise SSIInputError(tr("No has subido ningún archivo.", "No file was uploaded."), field="source",
                            hint=tr(*_PASTE_HINT))
    return source


_NUMBERS_ONLY = re.compile(r"[\d\s.,;:/+-]*")


def _read_text(text: str) -> SSIProfile:
    if len(text) > _MAX_PASTE:
        raise _too_long(len(text))
    stripped = text.strip()
    if not stripped:
        raise SSIInputError(tr("No has pegado nada.", "Nothing was pasted."), field="source", received=text,
                            hint=tr(*_PASTE_HINT))
    if stripped.startswith(("{", "[")):
        return read_linkedin_ssi(stripped)
    plain = _plain(stripped)
    if any(pattern.search(plain) for pattern in _LABEL_PATTERNS.values()):
        return read_ssi_page(stripped)
    if len(stripped) <= 80 and _NUMBERS_ONLY.fullmatch(stripped):
        return SSIProfile(member=SSI.parse(stripped))
    raise _pillars_missing(stripped, {}, PILLARS)


def read_ssi_input(source: object) -> SSIProfile:
    """Your SSI from whatever you pasted or dropped: the page's text, the four numbers, or the JSON.

    The one reader behind the data panel's SSI box:

    - the text copied from linkedin.com/sales/ssi (:func:`read_ssi_page`), in Spanish or English;
    - the four pillars typed: ``"12,5; 8; 5,25; 10"`` (:meth:`SSI.parse`);
    - the page's JSON (:func:`read_linkedin_ssi`), pasted, as a dict, or as a file dropped in an
      upload box: its bytes, or ipywidgets' ``FileUpload.value`` (one file);
    - the path of a ``.json`` file;
    - an :class:`SSI` or an :class:`SSIProfile`, returned as they are.

    Nothing is written anywhere.

    Returns
    -------
    SSIProfile
        Your SSI, with your industry's and network's averages when what you gave has them.

    Raises
    ------
    SSIInputError
        When nothing in it is recognised (the message quotes at most its first 15 characters),
        a pillar is missing or out of range, the JSON is damaged, or more than 1 MB came in.
    SSITypeError
        For anything else (a number, a table…).

    Examples
    --------
    >>> read_ssi_input("12,5; 8; 5,25; 10").member.total
    35.75
    >>> read_ssi_input(b"Build relationships 10\\nFind the right people 8\\n"
    ...                b"Establish your professional brand 12.5\\nEngage with insights 5.25").member.brand
    12.5
    """
    if isinstance(source, SSIProfile):
        return source
    if isinstance(source, SSI):
        return SSIProfile(member=source)
    source = _uploaded(source)
    if isinstance(source, (bytes, bytearray, memoryview)):
        size = memoryview(source).nbytes
        if size > _MAX_PASTE:
            raise _too_long(size)
        got = read_source(source, function="read_ssi_input", max_bytes=_MAX_PASTE,
                          expected=tr("el texto de tu SSI", "your SSI's text"))
        text, _encoding = decode_text(got.data, where=got)
        return _read_text(text)
    if isinstance(source, str):
        if "\n" not in source and source.strip().lower().endswith(".json"):
            return read_linkedin_ssi(source.strip())
        return _read_text(source)
    if isinstance(source, os.PathLike):
        return read_linkedin_ssi(source)
    if isinstance(source, Mapping):
        return read_linkedin_ssi(source)
    raise SSITypeError(
        tr("read_ssi_input espera el texto de la página del SSI, los cuatro números o el JSON; recibido {kind}.",
           "read_ssi_input expects the SSI page's text, the four numbers or the JSON; received {kind}.",
           kind=type(source).__name__),
        field="source", received=source, hint=tr(*_PASTE_HINT))
