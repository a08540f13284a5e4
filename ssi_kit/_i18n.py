"""The one translation path: language, labels, plurals, numbers and percentages.

Spanish is the default; English on request. Every text a learner reads is chosen with
:func:`tr`, and every number they read is formatted here (decimal comma and ``.`` for
thousands in Spanish), so no other module branches on the language.
"""

from __future__ import annotations

import math
import re
import sys
from datetime import date
from typing import Any, Literal, TypeVar

from .errors import SSIInputError, SSITypeError, set_full_tracebacks

T = TypeVar("T")
Language = Literal["es", "en"]

_current: Language = "es"
# "es", "es-ES", "es_MX", "en-GB"... and the languages' names as people type them.
_CODE = re.compile(r"(es|en)(?:[-_][a-z]{2,3})?")
_NAMES: dict[str, Language] = {
    "español": "es", "espanol": "es", "castellano": "es", "spanish": "es",
    "inglés": "en", "ingles": "en", "english": "en",
}


def set_language(language: str) -> None:
    """Set the language of labels, figures and messages: ``"es"`` (default) or ``"en"``.

    Examples
    --------
    >>> import ssi_kit
    >>> ssi_kit.set_language("en")
    >>> ssi_kit.set_language("es")
    """
    global _current
    if not isinstance(language, str):
        raise SSITypeError(
            tr("El idioma debe ser un texto: «es» (español) o «en» (inglés); recibido {kind}.",
               "The language must be text: 'es' (Spanish) or 'en' (English); received {kind}.",
               kind=type(language).__name__),
            field="language", received=language,
        )
    key = language.strip().lower()
    match = _CODE.fullmatch(key)
    chosen = match.group(1) if match else _NAMES.get(key)
    if chosen is None:
        raise SSIInputError(
            tr("Idioma no disponible: {received}. Usa «es» (español) o «en» (inglés).",
               "Unsupported language: {received}. Use 'es' (Spanish) or 'en' (English).",
               received=short_repr(language)),
            field="language", received=language,
        )
    _current = chosen  # type: ignore[assignment]


def show_tracebacks(show: bool = True) -> None:
    """Show ssi-kit's errors with their full Python traceback (``True``) or as a short box.

    By default a mistake in a notebook shows only the message, which is what a learner
    needs. Turn tracebacks on to see where inside ssi-kit an error came from.

    Examples
    --------
    >>> import ssi_kit
    >>> ssi_kit.show_tracebacks(True)
    >>> ssi_kit.show_tracebacks(False)
    """
    numpy = sys.modules.get("numpy")
    if not isinstance(show, (bool, numpy.bool_) if numpy is not None else bool):  # numpy's True too
        raise SSITypeError(
            tr("«show» debe ser True (ver el detalle de los errores) o False; recibido {r}.",
               "'show' must be True (see the errors' details) or False; received {r}.", r=short_repr(show)),
            field="show", received=show,
        )
    set_full_tracebacks(bool(show))


def get_language() -> Language:
    """The current language, ``"es"`` or ``"en"``."""
    return _current


def tr(es: str, en: str, /, **values: Any) -> str:
    """Pick the text for the current language and fill in ``values``."""
    text = en if _current == "en" else es
    return text.format(**values) if values else text


def pick(es: T, en: T, /) -> T:
    """The value for the current language, for what is not a text to format (a tuple of options)."""
    return en if _current == "en" else es


def plural(n: int, es_one: str, es_many: str, en_one: str, en_many: str) -> str:
    """``n`` and its noun in the current language: ``"1 persona"``, ``"2.000 personas"``.

    >>> plural(1, "persona", "personas", "person", "people")
    '1 persona'
    """
    one = n == 1
    noun = tr(es_one if one else es_many, en_one if one else en_many)
    return f"{format_thousands(n)} {noun}"


def format_number(value: float, decimals: int = 3) -> str:
    """A number as a learner reads it: decimal comma in Spanish, no trailing zeros."""
    if not math.isfinite(value) or abs(value) >= 1e15:
        return short_repr(value)
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".") if decimals else f"{value:.0f}"
    if text == "-0":
        text = "0"
    return text.replace(".", ",") if _current == "es" else text


def format_thousands(n: int) -> str:
    """A whole number with thousands separators: ``8.912`` in Spanish, ``8,912`` in English."""
    text = f"{int(n):,}"
    return text.replace(",", ".") if _current == "es" else text


def format_percent(share: float) -> str:
    """A share (0–1) as a percentage with enough decimals to be seen: ``0,019 %``, ``98,53 %``."""
    pct = share * 100
    if pct == 0:
        return "0 %"
    if not math.isfinite(pct):  # never a crash for a learner's NaN
        return short_repr(share)
    decimals = 2 if abs(pct) >= 1 else max(2, 1 - math.floor(math.log10(abs(pct))) + 1)
    return f"{format_number(pct, decimals)} %"


def format_date(day: date) -> str:
    """A day as a learner reads it: ``14/03/2025`` in Spanish, ISO ``2025-03-14`` in English."""
    return tr("{d:%d/%m/%Y}", "{d:%Y-%m-%d}", d=day)


def separators() -> str:
    """Plotly's decimal and thousands separators for the current language."""
    return ", " if _current == "es" else ". "


def as_text(value: object) -> str:
    """``str(value)``, for any value: an integer of thousands of digits reads as :func:`short_repr` says."""
    try:
        return str(value)
    except ValueError:  # Python refuses to write integers of more than 4,300 digits
        return short_repr(value)


def short_repr(value: object, limit: int = 60) -> str:
    """``repr(value)`` cut to ``limit`` characters, safe for any value (a 5,000-digit integer too).

    Error messages quote what was received through this, so a huge value never floods them.
    """
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**limit:
        digits = len(str(abs(value))) if abs(value) < 10**4000 else int(math.log10(abs(value))) + 1
        return tr("un número de {n} cifras", "a number with {n} digits", n=format_thousands(digits))
    try:
        text = repr(value)
    except Exception:  # a broken __repr__ must not hide the real message
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 1] + "…"
