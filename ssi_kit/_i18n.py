"""Language of labels and messages. Spanish is the default; English on request."""

from __future__ import annotations

from typing import Any, Literal

from .errors import SSIInputError

Language = Literal["es", "en"]
LANGUAGES: tuple[Language, ...] = ("es", "en")

_current: Language = "es"


def set_language(language: str) -> None:
    """Set the language of labels, figures and messages: ``"es"`` (default) or ``"en"``.

    Examples
    --------
    >>> import ssi_kit
    >>> ssi_kit.set_language("en")
    >>> ssi_kit.set_language("es")
    """
    global _current
    key = str(language).strip().lower()[:2] if isinstance(language, str) else language
    if key not in LANGUAGES:
        raise SSIInputError(
            tr(
                "Idioma no disponible: {received!r}. Usa «es» (español) o «en» (inglés).",
                "Unsupported language: {received!r}. Use 'es' (Spanish) or 'en' (English).",
                received=language,
            ),
            field="language",
            received=language,
        )
    _current = key  # type: ignore[assignment]


def get_language() -> Language:
    """The current language, ``"es"`` or ``"en"``."""
    return _current


def tr(es: str, en: str, /, **values: Any) -> str:
    """Pick the text for the current language and fill in ``values``."""
    text = en if _current == "en" else es
    return text.format(**values) if values else text


def format_number(value: float, decimals: int = 3) -> str:
    """A number as a learner reads it: decimal comma in Spanish, no trailing zeros."""
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".") if decimals else f"{value:.0f}"
    if text == "-0":
        text = "0"
    return text.replace(".", ",") if _current == "es" else text
