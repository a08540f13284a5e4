"""Text a spreadsheet would run as a formula, made inert for a CSV file, and given back as typed.

A spreadsheet opening a CSV runs a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return as a formula (``=HYPERLINK(…)``, ``=cmd|…``). Where a cell starts depends on the
separator the spreadsheet splits on: a Spanish Excel splits on ``;``, so a field ``CEO;=1+1``
written for ``,`` holds a cell ``=1+1``. :func:`protect` puts an apostrophe before a formula
start at every place a cell could begin, whichever of ``,`` or ``;`` the spreadsheet uses;
:func:`unprotect` removes exactly those apostrophes, so a reader gets back what was written,
a learner's own ``'=1+1`` included.

The contract, for a reader that calls :func:`unprotect` on every text cell it reads:

- A *cell start* is the start of the text and every position right after a ``,``, a ``;``,
  a line feed or a carriage return in it.
- A *formula start* is one of ``=``, ``+``, ``-``, ``@``, tab, carriage return.
- At each cell start, after any run of spaces and double quotes (which a spreadsheet may skip),
  :func:`protect` adds one apostrophe to the run of apostrophes (possibly empty) that precedes a
  formula start; :func:`unprotect` removes one apostrophe from such a run when it is not empty.
  Nothing else changes: no other character is added, removed or moved.
- So ``unprotect(protect(s)) == s`` for every string ``s``; ``protect`` never leaves a formula
  start right at a cell start (after those spaces and quotes); and ``unprotect`` on text that
  ``protect`` did not write removes one apostrophe before each formula start at a cell start
  (``'=1+1`` becomes ``=1+1``), as the readers did with files written by earlier versions.
- Numbers are not text: callers pass only ``str`` values (a number stays a number).
- A reader calls it on each field as the CSV parser returns it, before stripping spaces, and
  keeps carriage returns inside fields (``open(..., newline="")``): a ``\\r`` turned into
  ``\\n`` is no longer a formula start, so its apostrophe would stay.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FORMULA_START", "protect", "protect_values", "unprotect", "unprotect_values"]

FORMULA_START = "=+-@\t\r"
"""The characters that make a spreadsheet read a cell as a formula."""

# A cell start (group 1), the spaces and quotes a spreadsheet may skip (group 2), apostrophes, a formula start.
_PROTECT = re.compile(r"(\A|[,;\n\r])([ \"]*'*)(?=[=+\-@\t\r])")
_UNPROTECT = re.compile(r"(\A|[,;\n\r])([ \"]*)'(?='*[=+\-@\t\r])")
# Texts that protect (unprotect) can change hold a formula start (an apostrophe): a quick filter.
_HAS_FORMULA_START = re.compile(r"[=+\-@\t\r]")
_HAS_APOSTROPHE = re.compile(r"'")


def protect(text: str) -> str:
    """``text`` with an apostrophe before every formula start at a cell start (see the module).

    >>> protect("=1+1"), protect("CEO;=1+1;"), protect("'=1+1"), protect("Ana")
    ("'=1+1", "CEO;'=1+1;", "''=1+1", 'Ana')
    """
    return _PROTECT.sub(r"\1\2'", text)


def unprotect(text: str) -> str:
    """``text`` without the apostrophes :func:`protect` added: ``unprotect(protect(s)) == s``.

    >>> unprotect("'=1+1"), unprotect("CEO;'=1+1;"), unprotect("''=1+1"), unprotect("it's")
    ('=1+1', 'CEO;=1+1;', "'=1+1", "it's")
    """
    return _UNPROTECT.sub(r"\1\2", text)


def _each_text(values: pd.Series, change: re.Pattern[str], function: Callable[[str], str]) -> pd.Series:
    import pandas as pd

    def each(value: object) -> object:
        return function(value) if isinstance(value, str) else value

    if isinstance(values.dtype, pd.StringDtype):  # vectorised: only the texts that can change are touched
        touched = values.str.contains(change, na=False)
        if not touched.any():
            return values.copy()
        changed = values.copy()
        changed[touched] = values[touched].map(function)
        return changed
    return values.map(each).astype(values.dtype)


def protect_values(values: pd.Series) -> pd.Series:
    """:func:`protect` on every ``str`` of ``values``; other values (numbers, missing) as they are.

    >>> import pandas as pd
    >>> protect_values(pd.Series(["=1", 2, None], dtype=object)).tolist()
    ["'=1", 2, None]
    """
    return _each_text(values, _HAS_FORMULA_START, protect)


def unprotect_values(values: pd.Series) -> pd.Series:
    """:func:`unprotect` on every ``str`` of ``values``; other values as they are.

    >>> import pandas as pd
    >>> unprotect_values(pd.Series(["'=1", "it's"], dtype="string")).tolist()
    ['=1', "it's"]
    """
    return _each_text(values, _HAS_APOSTROPHE, unprotect)
