"""ssi-kit: learn LinkedIn's Social Selling Index (SSI) by doing.

The SSI is four pillars of 0–25 (``brand``, ``people``, ``insights``, ``relationships``)
adding up to 0–100. This package models it, simulates improvements, draws your
relationship pyramid and checks exercises; the ``lessons/`` notebooks use it.

Heavy parts (pandas, plotly, widgets) load on first use, so ``import ssi_kit`` is quick.
"""

from __future__ import annotations

import importlib
from typing import Any

from ._i18n import get_language, set_language
from .datasets import data_path, dataset_names, load_dataset
from .errors import SSIInputError, SSITypeError
from .score import (
    LEVELS,
    PILLAR_LABELS,
    PILLAR_NAMES,
    PILLARS,
    SSI,
    GroupScore,
    SSIProfile,
    pillar_label,
    read_linkedin_ssi,
)

__version__ = "0.1.0"

# Public names that live in modules with heavy imports: name -> module.
_LAZY: dict[str, str] = {
    # plots
    "plot_ssi": "ssi_kit.plots",
}
_SUBMODULES = ("plots", "widgets", "simulation", "network", "linkedin_export", "exercises")

__all__ = [
    "LEVELS",
    "PILLARS",
    "PILLAR_LABELS",
    "PILLAR_NAMES",
    "SSI",
    "GroupScore",
    "SSIInputError",
    "SSIProfile",
    "SSITypeError",
    "data_path",
    "dataset_names",
    "get_language",
    "load_dataset",
    "pillar_label",
    "read_linkedin_ssi",
    "set_language",
    *_LAZY,
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        return importlib.import_module(f"ssi_kit.{name}")
    raise AttributeError(f"module 'ssi_kit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY) | set(_SUBMODULES))
