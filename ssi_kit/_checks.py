"""One argument check for every number a learner passes (weeks, minutes, connections…).

Its message names the argument, what was expected and what came in, plus an optional hint,
so every function speaks the same way about the same mistake.
"""

from __future__ import annotations

import math
import numbers

from ._i18n import format_number, tr
from .errors import SSIInputError


def check_number(
    value: object,
    *,
    name: str,
    minimum: float = 0,
    maximum: float = math.inf,
    integer: bool = False,
    expected: str | None = None,
    hint: str = "",
) -> float:
    """Return ``value`` as a float if it is a real, finite number in ``minimum..maximum``.

    Parameters
    ----------
    name : str
        The argument's name, as the learner wrote it (``"weeks"``).
    integer : bool
        Also require a whole number (``26.0`` passes, ``2.5`` does not).
    expected : str, optional
        What to call a valid value in the message (already in the current language);
        by default "un número (entero) entre A y B" or "… de A en adelante".
    hint : str
        Appended to the message: an example of a good value, in the current language.

    Raises
    ------
    SSIInputError
        For anything else: text, booleans, NaN, out of range, a fraction where a whole
        number goes.
    """
    if expected is None:
        lo, hi = format_number(minimum), format_number(maximum)
        if math.isinf(maximum):
            expected = (
                tr("un número entero de {lo} en adelante", "a whole number from {lo} up", lo=lo)
                if integer
                else tr("un número de {lo} en adelante", "a number from {lo} up", lo=lo)
            )
        else:
            expected = (
                tr("un número entero entre {lo} y {hi}", "a whole number between {lo} and {hi}", lo=lo, hi=hi)
                if integer
                else tr("un número entre {lo} y {hi}", "a number between {lo} and {hi}", lo=lo, hi=hi)
            )
    valid = not isinstance(value, bool) and isinstance(value, numbers.Real)
    if valid:
        number = float(value)
        valid = math.isfinite(number) and minimum <= number <= maximum and (not integer or number.is_integer())
    if not valid:
        raise SSIInputError(
            tr(
                "«{name}» debe ser {expected}; recibido {received!r}.{hint}",
                "'{name}' must be {expected}; received {received!r}.{hint}",
                name=name,
                expected=expected,
                received=value,
                hint=hint,
            ),
            field=name,
            received=value,
        )
    return number
