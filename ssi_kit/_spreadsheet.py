"""Placeholder: replaced by the real module (protect/unprotect) when the html branch lands."""

from __future__ import annotations

import re

_MARKED = re.compile(r"(^|[,;])'('*[=+\-@\t\r])")


def unprotect(text: str) -> str:
    """Remove the apostrophe the CSV writer put before a would-be formula."""
    return _MARKED.sub(r"\1\2", text)
