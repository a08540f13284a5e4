"""LinkedIn's SSI data: the JSON behind linkedin.com/sales/ssi, read into an :class:`SSIProfile`.

Plain Python (json); the values are checked by :mod:`ssi_kit.score`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from os import PathLike
from typing import Any

from ._checks import check_choice, decode_text, read_source
from ._i18n import tr
from .errors import SSIInputError
from .score import SSI, TOTAL_MAX, GroupScore, Pillar, SSIProfile, check_total, clean_score

__all__ = ["read_linkedin_ssi"]

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
