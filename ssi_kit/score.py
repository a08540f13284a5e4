"""The SSI model: four pillars of 0–25, a total of 0–100, and LinkedIn's SSI data.

Everything here is plain Python; pandas is imported only by :meth:`SSI.to_frame`.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from ._checks import check_choice, check_flag, check_number, parse_typed_number
from ._i18n import format_number, get_language, tr
from .errors import SSIInputError, SSITypeError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "LAGGARD_THRESHOLD",
    "LEADER_THRESHOLD",
    "LEVELS",
    "PILLARS",
    "PILLAR_LABELS",
    "PILLAR_MAX",
    "PILLAR_NAMES",
    "SSI",
    "TOTAL_MAX",
    "GroupScore",
    "SSIProfile",
    "as_ssi",
    "pillar_key",
    "pillar_label",
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
# Sum of four values each rounded to 3 decimals is off by at most 0.002; LinkedIn's own
# overall carries float noise too. Anything beyond this is a real inconsistency.
_OVERALL_TOLERANCE = 0.01


def pillar_label(pillar: str, *, full: bool = False) -> str:
    """The label of a pillar key in the current language (short, or the full name)."""
    table = PILLAR_NAMES if check_flag(full, name="full") else PILLAR_LABELS
    return table[get_language()][pillar_key(pillar)]


def pillar_key(pillar: object) -> Pillar:
    """The key of a pillar given as a key or as its Spanish or English short label.

    >>> pillar_key("Información")
    'insights'
    """
    return check_choice(pillar, _PILLAR_SPELLINGS, name=tr("pilar", "pillar"), shown=PILLARS)


# Keys and the Spanish and English short labels, whatever the current language.
_PILLAR_SPELLINGS: dict[str, Pillar] = {
    **{p: p for p in PILLARS},
    **{label: p for labels in PILLAR_LABELS.values() for p, label in labels.items()},  # type: ignore[misc]
}


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


def clean_score(value: object, *, field: str, maximum: float = PILLAR_MAX) -> float:
    """Validate one score: a real number within 0..maximum, rounded to 3 decimals."""
    hint = ""
    if isinstance(value, str):
        hint = tr("Para texto como «12,5» usa SSI.parse.", "For text such as '12.5' use SSI.parse.")
    elif isinstance(value, numbers.Real) and not isinstance(value, bool):
        try:
            value = round(float(value), DECIMALS) + 0.0  # + 0.0 turns -0.0 into 0.0
        except (OverflowError, TypeError, ValueError):
            pass  # a 400-digit integer, numpy's timedelta: check_number says what is wrong
        else:
            if value < 0:
                hint = tr("Los valores negativos no existen en el SSI.", "Negative values do not exist in the SSI.")
    return check_number(value, name=field, maximum=maximum, subject=_subject(field), hint=hint)


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
            object.__setattr__(self, pillar, clean_score(getattr(self, pillar), field=pillar))

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
        return math.floor(self.total + 0.5)

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


def parse_number(text: str, *, field: str) -> float:
    """Read one pillar typed by a learner (decimal comma or point) and check it."""
    return clean_score(parse_typed_number(text, name=field, maximum=PILLAR_MAX, subject=_subject(field)), field=field)


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


# --- your SSI beside your industry and network -----------------------------------------


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
        overall = clean_score(self.overall, field="overall", maximum=TOTAL_MAX)
        object.__setattr__(self, "overall", overall)
        if self.top_percent is not None:
            top = clean_score(self.top_percent, field="top_percent", maximum=100.0)
            object.__setattr__(self, "top_percent", round(top, 2) + 0.0)
        if self.pillars is not None:
            if not isinstance(self.pillars, SSI):
                raise SSITypeError(
                    tr("«pillars» debe ser un SSI o None.", "'pillars' must be an SSI or None."),
                    field="pillars",
                    received=self.pillars,
                )
            check_total(overall, self.pillars, where="group")


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
            line = tr("{name}: SSI medio {overall}", "{name}: average SSI {overall}",
                      name=name, overall=format_number(group.overall))
            if group.top_percent is not None:
                line += tr(" · estás en el Top {top} %", " · you are in the top {top}%",
                           top=format_number(group.top_percent, 2))
            lines.append(line)
        return "\n".join(lines)


def check_total(overall: float, pillars: SSI, *, where: str) -> None:
    """Refuse an overall that is not the sum of its pillars (beyond rounding)."""
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
