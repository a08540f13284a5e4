"""Widgets: controls wired to the pure functions and a plotly FigureWidget updated in place.

Import cost (ipywidgets, plotly) is paid only when a widget is first used.
"""

from __future__ import annotations

import importlib
from typing import Any

# widget name -> private module that builds it
_WIDGETS: dict[str, str] = {
    "ssi_input": "._ssi_input",
    "simulator": "._simulator",
    "pyramid_explorer": "._pyramid",
    "quiz": "._quiz",
    "exercise": "._exercise",
    "exercises": "._exercise",
    "relationship_tracker": "._relationships",
    "class_planner": "._class_planner",
    "responsiveness_input": "._responsiveness",
    "course_home": "._home",
    "follow": "._follow",
    "tus_datos": "._data_panel",
    "plan_check": "._plan_check",
    "class_input": "._classroom",
    "class_submit": "._classroom",
}

__all__ = list(_WIDGETS)


def __getattr__(name: str) -> Any:
    if name in _WIDGETS:
        value = getattr(importlib.import_module(_WIDGETS[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'ssi_kit.widgets' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WIDGETS))
