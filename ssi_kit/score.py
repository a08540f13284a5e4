"""The SSI model: four pillars of 0–25, a total of 0–100, and LinkedIn's SSI data.

Everything here is plain Python; pandas is imported only by :meth:`SSI.to_frame`.
"""

from __future__ import annotations

import json
import math
import numbers
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ._i18n import format_number, get_language, tr
from .errors import SSIInputError, SSITypeError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "PILLARS",
    "PILLAR_LABELS",
    "PILLAR_NAMES",
    "PILLAR_MAX",
    "TOTAL_MAX",
    "LAGGARD_THRESHOLD",
    "LEADER_THRESHOLD",
    "LEVELS",
    "SSI",
    "GroupScore",
    "SSIProfile",
    "pillar_key",
    "pillar_label",
    "read_linkedin_ssi",
]

Pillar = Literal["brand", "people", "insights", "relationships"]
PILLARS: tuple[Pillar, ...] = ("brand", "people", "insights", "relationships")
PILLAR_MAX = 25.0
TOTAL_MAX = 100.0
DECIMALS = 3  # LinkedIn shows pillars with up to three decimals

# Short labels (charts, errors) and full names (the four pillars as LinkedIn states them).
PILLAR_LABELS: dict[str, dict[str, str]] = {
    "es": {"brand": "marca", "people": "personas", "insights": "información", "relationships": "relaciones"},
    "en": {"brand": "brand", "people": "people", "insights": "insights", "relationships": "relationships"},
}
PILLAR_NAMES: dict[str, dict[str, str]] = {
    "es": {
        "brand": "Establecer tu marca profesional",
        "people": "Encontrar a las personas adecuadas",
        "insights": "Interactuar ofreciendo información",
        "relationships": "Construir relaciones",
    },
    "en": {
        "brand": "Establish your professional brand",
        "people": "Find the right people",
        "insights": "Engage with insights",
        "relationships": "Build relationships",
    },
}
# LinkedIn's study of SSI: leaders score above 70, laggards below 30.
LEADER_THRESHOLD = 70.0
LAGGARD_THRESHOLD = 30.0
LEVELS: dict[str, dict[str, str]] = {
    "es": {"leader": "líder (más de 70)", "average": "intermedio (30–70)", "laggard": "rezagado (menos de 30)"},
    "en": {"leader": "leader (above 70)", "average": "average (30–70)", "laggard": "laggard (below 30)"},
}
_LINKEDIN_PILLARS: dict[str, Pillar] = {
    "PROFESSIONAL_BRAND": "brand",
    "FIND_RIGHT_PEOPLE": "people",
    "INSIGHT_ENGAGEMENT": "insights",
    "STRONG_RELATIONSHIP": "relationships",
}
# Sum of four values each rounded to 3 decimals is off by at most 0.002; LinkedIn's own
# overall carries float noise too. Anything beyond this is a real inconsistency.
_OVERALL_TOLERANCE = 0.01


def pillar_label(pillar: str, *, full: bool = False) -> str:
    """The label of a pillar key in the current language (short, or the full name)."""
    table = PILLAR_NAMES if full else PILLAR_LABELS
    return table[get_language()][pillar_key(pillar)]


def pillar_key(pillar: object) -> Pillar:
    """The key of a pillar given as a key or as its Spanish or English short label.

    >>> pillar_key("Información")
    'insights'
    """
    if pillar in PILLARS:
        return pillar  # type: ignore[return-value]
    # Accept the Spanish or English short labels too, whatever the current language.
    if isinstance(pillar, str):
        key = pillar.strip().lower()
        for labels in PILLAR_LABELS.values():
            for p, label in labels.items():
                if key == label:
                    return p  # type: ignore[return-value]
    raise SSIInputError(
        tr(
            "Pilar desconocido: {received!r}. Los pilares son: {valid}.",
            "Unknown pillar: {received!r}. The pillars are: {valid}.",
            received=pillar,
            valid=", ".join(PILLARS),
        ),
        field="pillar",
        received=pillar,
    )


_FIELD_NAMES = {
    "es": {"overall": "el total", "top_percent": "el «Top %»"},
    "en": {"overall": "the overall", "top_percent": "the 'Top %'"},
}


def _subject(field: str) -> str:
    """How an error names what it is about: «El pilar «marca»», «El total»..."""
    language = get_language()
    if field in PILLARS:
        return tr("El pilar «{label}»", "The pillar '{label}'", label=PILLAR_LABELS[language][field])
    name = _FIELD_NAMES[language].get(field, f"«{field}»")
    return name[:1].upper() + name[1:]


def _clean_number(value: object, *, field: str, maximum: float = PILLAR_MAX) -> float:
    """Validate one score: a real number within 0..maximum, rounded to 3 decimals."""
    label = _subject(field)
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        hint = (
            tr(" Para texto como «12,5» usa SSI.parse.", " For text such as '12.5' use SSI.parse.")
            if isinstance(value, str)
            else ""
        )
        raise SSIInputError(
            tr(
                "{label} debe ser un número entre 0 y {max}; recibido {received!r}.{hint}",
                "{label} must be a number between 0 and {max}; received {received!r}.{hint}",
                label=label,
                max=format_number(maximum),
                received=value,
                hint=hint,
            ),
            field=field,
            received=value,
        )
    number = float(value)
    if not math.isfinite(number):
        raise SSIInputError(
            tr(
                "{label} debe ser un número entre 0 y {max}; recibido {received} (no es un número válido).",
                "{label} must be a number between 0 and {max}; received {received} (not a valid number).",
                label=label,
                max=format_number(maximum),
                received=value,
            ),
            field=field,
            received=value,
        )
    rounded = round(number, DECIMALS) + 0.0  # + 0.0 turns -0.0 into 0.0
    if not 0 <= rounded <= maximum:
        hint = tr(" Los valores negativos no existen en el SSI.", " Negative values do not exist in the SSI.") if rounded < 0 else ""
        raise SSIInputError(
            tr(
                "{label} debe estar entre 0 y {max}; recibido {received}.{hint}",
                "{label} must be between 0 and {max}; received {received}.{hint}",
                label=label,
                max=format_number(maximum),
                received=format_number(number, DECIMALS),
                hint=hint,
            ),
            field=field,
            received=value,
        )
    return rounded


@dataclass(frozen=True, slots=True)
class SSI:
    """A Social Selling Index: four pillars of 0–25 each.

    Parameters
    ----------
    brand, people, insights, relationships : float
        The pillar scores, each between 0 and 25. They are kept with three decimals,
        as LinkedIn shows them.

    Raises
    ------
    SSIInputError
        If a pillar is not a number or is outside 0–25.

    Examples
    --------
    >>> s = SSI(12.5, 8, 5.25, 10)
    >>> s.total
    35.75
    >>> s.weakest
    'insights'
    """

    brand: float
    people: float
    insights: float
    relationships: float

    def __post_init__(self) -> None:
        for pillar in PILLARS:
            object.__setattr__(self, pillar, _clean_number(getattr(self, pillar), field=pillar))

    # --- constructors -----------------------------------------------------------------
    @classmethod
    def from_dict(cls, values: Mapping[str, Any]) -> SSI:
        """Build an SSI from a mapping of pillar keys (or Spanish/English labels) to scores."""
        if not isinstance(values, Mapping):
            raise SSITypeError(
                tr(
                    "Se esperaba un diccionario pilar → puntuación; recibido {kind}.",
                    "Expected a dict of pillar → score; received {kind}.",
                    kind=type(values).__name__,
                ),
                received=values,
            )
        found: dict[str, Any] = {}
        for key, value in values.items():
            found[pillar_key(key)] = value
        missing = [pillar_label(p) for p in PILLARS if p not in found]
        if missing:
            raise SSIInputError(
                tr("Faltan pilares: {missing}.", "Missing pillars: {missing}.", missing=", ".join(missing)),
                received=dict(values),
            )
        return cls(**found)

    @classmethod
    def parse(cls, text: str) -> SSI:
        """Read the four pillars as a learner types them.

        Accepts decimal commas or points, separated by ``;``, spaces, or ``, `` (comma and
        space): ``"12,5; 8; 5,25; 10"``, ``"12.5 8 5.25 10"``, ``"12.5, 8, 5.25, 10"``.

        Raises
        ------
        SSIInputError
            If the text does not hold exactly four numbers between 0 and 25.
        """
        if not isinstance(text, str):
            raise SSITypeError(
                tr(
                    "SSI.parse espera un texto como «12,5; 8; 5,25; 10»; recibido {kind}.",
                    "SSI.parse expects text such as '12.5; 8; 5.25; 10'; received {kind}.",
                    kind=type(text).__name__,
                ),
                received=text,
            )
        parts = _split_values(text)
        if len(parts) != len(PILLARS):
            raise SSIInputError(
                tr(
                    "Escribe 4 valores (marca; personas; información; relaciones) separados por «;» o espacios; "
                    "recibidos {n}: {received!r}.",
                    "Type 4 values (brand; people; insights; relationships) separated by ';' or spaces; "
                    "received {n}: {received!r}.",
                    n=len(parts),
                    received=text,
                ),
                received=text,
            )
        values = {pillar: parse_number(part, field=pillar) for pillar, part in zip(PILLARS, parts)}
        return cls(**values)

    # --- derived values ---------------------------------------------------------------
    @property
    def total(self) -> float:
        """The SSI, 0–100: the sum of the four pillars (three decimals)."""
        return round(sum(self.as_tuple()), DECIMALS) + 0.0

    @property
    def rounded_total(self) -> int:
        """The total as LinkedIn shows it: a whole number (halves round up)."""
        return int(math.floor(self.total + 0.5))

    @property
    def weakest(self) -> Pillar:
        """Key of the lowest pillar; ties go to the first in :data:`PILLARS` order."""
        return min(PILLARS, key=lambda p: getattr(self, p))

    @property
    def headroom(self) -> dict[str, float]:
        """Points left to reach 25 in each pillar."""
        return {p: round(PILLAR_MAX - getattr(self, p), DECIMALS) + 0.0 for p in PILLARS}

    @property
    def level(self) -> Literal["leader", "average", "laggard"]:
        """LinkedIn's grouping: ``"leader"`` above 70, ``"laggard"`` below 30, else ``"average"``."""
        if self.total > LEADER_THRESHOLD:
            return "leader"
        if self.total < LAGGARD_THRESHOLD:
            return "laggard"
        return "average"

    @property
    def level_label(self) -> str:
        """:attr:`level` in words, in the current language."""
        return LEVELS[get_language()][self.level]

    def as_dict(self) -> dict[str, float]:
        """The pillars as a dict, in :data:`PILLARS` order."""
        return {p: getattr(self, p) for p in PILLARS}

    def as_tuple(self) -> tuple[float, float, float, float]:
        return (self.brand, self.people, self.insights, self.relationships)

    def to_frame(self) -> pd.DataFrame:
        """A tidy table: one row per pillar with ``pillar, label, score, headroom``."""
        import pandas as pd

        headroom = self.headroom
        return pd.DataFrame(
            {
                "pillar": list(PILLARS),
                "label": [pillar_label(p) for p in PILLARS],
                "score": [getattr(self, p) for p in PILLARS],
                "headroom": [headroom[p] for p in PILLARS],
            }
        )

    def summary(self) -> str:
        """A few lines a learner reads: total, level, each pillar out of 25, the weakest."""
        names = PILLAR_NAMES[get_language()]
        width = max(len(n) for n in names.values())
        lines = [
            tr(
                "SSI total: {total} de 100 ({exact}) · nivel {level}",
                "Total SSI: {total} of 100 ({exact}) · level {level}",
                total=self.rounded_total,
                exact=format_number(self.total),
                level=self.level_label,
            )
        ]
        lines += [f"  {names[p]:<{width}}  {format_number(getattr(self, p)):>6} / 25" for p in PILLARS]
        lines.append(tr("Pilar más débil: {p}", "Weakest pillar: {p}", p=pillar_label(self.weakest)))
        return "\n".join(lines)

    def __str__(self) -> str:
        parts = ", ".join(f"{pillar_label(p)} {format_number(getattr(self, p))}" for p in PILLARS)
        return tr("SSI {total} ({parts})", "SSI {total} ({parts})", total=self.rounded_total, parts=parts)


def as_ssi(value: object, *, name: str = "ssi") -> SSI:
    """An :class:`SSI` from what a learner passes where one goes: an SSI, a profile's member,
    text such as ``"12,5; 8; 5,25; 10"`` or a dict of pillars."""
    if isinstance(value, SSI):
        return value
    if isinstance(value, SSIProfile):
        return value.member
    if isinstance(value, str):
        return SSI.parse(value)
    if isinstance(value, Mapping):
        return SSI.from_dict(value)
    raise SSITypeError(
        tr("«{name}» debe ser un SSI; recibido {kind}.", "'{name}' must be an SSI; received {kind}.",
           name=name, kind=type(value).__name__),
        field=name, received=value,
        hint=tr('Por ejemplo ssi_kit.SSI.parse("12,5; 8; 5,25; 10").', 'E.g. ssi_kit.SSI.parse("12.5; 8; 5.25; 10").'),
    )


_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


def parse_number(text: str, *, field: str) -> float:
    """Read one number typed by a learner (decimal comma or point) and check it as a pillar."""
    cleaned = text.strip().replace(",", ".")
    if not _NUMBER.fullmatch(cleaned):
        raise SSIInputError(
            tr(
                "{label} debe ser un número entre 0 y 25 (por ejemplo 12,5); recibido {received!r}.",
                "{label} must be a number between 0 and 25 (e.g. 12.5); received {received!r}.",
                label=_subject(field),
                received=text.strip(),
            ),
            field=field,
            received=text,
        )
    return _clean_number(float(cleaned), field=field)


def _split_values(text: str) -> list[str]:
    text = text.strip()
    if not text:
        return []
    if ";" in text:
        return [part.strip() for part in text.strip(";").split(";")]
    if re.search(r",\s", text):  # "12, 8, 5, 10": comma + space separates values
        return [part for part in re.split(r",\s+", text.rstrip(", ")) if part]
    if re.search(r"\s", text):
        return text.split()
    if text.count(",") == len(PILLARS) - 1:  # "12,8,5,10": four whole numbers
        return text.split(",")
    return [text]


# --- LinkedIn's SSI data ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GroupScore:
    """How a group (your industry or your network) scores, as LinkedIn shows it.

    Parameters
    ----------
    overall : float
        The group's average SSI, 0–100.
    top_percent : float or None
        Your rank in the group, "Top N %" on LinkedIn's page (smaller is better).
    pillars : SSI or None
        The group's pillars when LinkedIn gives them.
    """

    overall: float
    top_percent: float | None = None
    pillars: SSI | None = None

    def __post_init__(self) -> None:
        overall = _clean_number(self.overall, field="overall", maximum=TOTAL_MAX)
        object.__setattr__(self, "overall", overall)
        if self.top_percent is not None:
            top = _clean_number(self.top_percent, field="top_percent", maximum=100.0)
            object.__setattr__(self, "top_percent", round(top, 2) + 0.0)
        if self.pillars is not None:
            if not isinstance(self.pillars, SSI):
                raise SSITypeError(
                    tr("«pillars» debe ser un SSI o None.", "'pillars' must be an SSI or None."),
                    field="pillars",
                    received=self.pillars,
                )
            _check_overall(overall, self.pillars, where="group")


@dataclass(frozen=True, slots=True)
class SSIProfile:
    """Your SSI with the industry and network comparisons from LinkedIn's SSI page."""

    member: SSI
    industry: GroupScore | None = None
    network: GroupScore | None = None

    def summary(self) -> str:
        """Your SSI's summary, then the industry and network averages and your rank in each."""
        lines = [self.member.summary()]
        for name, group in ((tr("Sector", "Industry"), self.industry), (tr("Tu red", "Your network"), self.network)):
            if group is None:
                continue
            line = tr("{name}: SSI medio {overall}", "{name}: average SSI {overall}", name=name, overall=format_number(group.overall))
            if group.top_percent is not None:
                line += tr(
                    " · estás en el Top {top} %", " · you are in the top {top}%", top=format_number(group.top_percent, 2)
                )
            lines.append(line)
        return "\n".join(lines)


def _check_overall(overall: float, pillars: SSI, *, where: str) -> None:
    if abs(overall - pillars.total) > _OVERALL_TOLERANCE:
        raise SSIInputError(
            tr(
                "El total ({overall}) no coincide con la suma de los pilares ({total}) en «{where}». "
                "El SSI siempre es la suma de sus cuatro pilares.",
                "The overall ({overall}) does not match the sum of the pillars ({total}) in '{where}'. "
                "The SSI is always the sum of its four pillars.",
                overall=format_number(overall),
                total=format_number(pillars.total),
                where=where,
            ),
            field="overall",
            received=overall,
        )


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
    overall = _clean_number(block["overall"], field="overall", maximum=TOTAL_MAX)
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
        if name not in _LINKEDIN_PILLARS:
            raise SSIInputError(
                tr(
                    "Pilar de LinkedIn desconocido en «{where}»: {received!r}; se esperaba uno de {valid}.",
                    "Unknown LinkedIn pillar in '{where}': {received!r}; expected one of {valid}.",
                    where=where,
                    received=name,
                    valid=", ".join(_LINKEDIN_PILLARS),
                ),
                field="pillar",
                received=name,
            )
        pillar = _LINKEDIN_PILLARS[name]
        if pillar in values:
            raise SSIInputError(
                tr("El pilar {name} aparece dos veces en «{where}».", "The pillar {name} appears twice in '{where}'.", name=name, where=where),
                field=pillar,
                received=name,
            )
        values[pillar] = item.get("score")
    missing = [name for name, p in _LINKEDIN_PILLARS.items() if p not in values]
    if missing:
        raise SSIInputError(
            tr("Faltan pilares en «{where}»: {missing}.", "Missing pillars in '{where}': {missing}.", where=where, missing=", ".join(missing)),
            field=where,
        )
    pillars = SSI(**values)
    _check_overall(overall, pillars, where=where)
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
    data = _load_json(source)
    data = _expect_dict(data, "raíz" if get_language() == "es" else "root")
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
    overall, member = _scores_from_linkedin(_expect_dict(data["memberScore"], "memberScore"), "memberScore")
    if member is None:
        raise SSIInputError(
            tr("«memberScore» no trae los pilares («subScores» vacío).", "'memberScore' has no pillars (empty 'subScores')."),
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


def _load_json(source: object) -> Any:
    if isinstance(source, Mapping):
        return dict(source)
    if isinstance(source, bytes):
        source = source.decode("utf-8-sig", errors="replace")
    if isinstance(source, str) and source.lstrip().startswith(("{", "[")):
        return _parse_json(source, origin=tr("el texto", "the text"))
    if isinstance(source, (str, PathLike)):
        path = Path(source)
        if not path.is_file():
            raise SSIInputError(
                tr(
                    "No encuentro el archivo {path!s}. Pasa la ruta de un .json guardado desde "
                    "linkedin.com/sales-api/salesApiSsi, su texto o un diccionario.",
                    "File not found: {path!s}. Pass the path of a .json saved from "
                    "linkedin.com/sales-api/salesApiSsi, its text or a dict.",
                    path=path,
                ),
                field="source",
                received=source,
            )
        return _parse_json(path.read_text(encoding="utf-8-sig", errors="replace"), origin=str(path))
    raise SSITypeError(
        tr(
            "read_linkedin_ssi espera una ruta, un texto JSON o un diccionario; recibido {kind}.",
            "read_linkedin_ssi expects a path, JSON text or a dict; received {kind}.",
            kind=type(source).__name__,
        ),
        received=source,
    )


def _parse_json(text: str, *, origin: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise SSIInputError(
            tr(
                "{origin} no es JSON válido (línea {line}, columna {col}). ¿Copiaste la respuesta completa?",
                "{origin} is not valid JSON (line {line}, column {col}). Did you copy the whole response?",
                origin=origin[:1].upper() + origin[1:],
                line=error.lineno,
                col=error.colno,
            ),
            field="source",
        ) from None
