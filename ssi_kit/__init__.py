"""ssi-kit: learn LinkedIn's Social Selling Index (SSI) by doing.

The SSI is four pillars of 0–25 (``brand``, ``people``, ``insights``, ``relationships``)
adding up to 0–100. This package models it, simulates improvements, draws your
relationship pyramid and checks exercises; the ``lessons/`` notebooks use it.

Heavy parts (pandas, plotly, widgets) load on first use, so ``import ssi_kit`` is quick.
"""

from __future__ import annotations

import importlib
from typing import Any

from ._i18n import get_language, set_language, show_tracebacks
from .datasets import data_path, dataset_names, load_dataset
from .errors import SSIInputError, SSITypeError, SSIWarning
from .linkedin_ssi import read_linkedin_ssi
from .score import (
    LEVELS,
    PILLAR_LABELS,
    PILLAR_NAMES,
    PILLARS,
    SSI,
    GroupScore,
    SSIProfile,
    pillar_key,
    pillar_label,
)

__version__ = "0.1.0"

# Public names that live in modules with heavy imports: name -> module. Lessons, the README and
# hints reach the library only through ``ssi_kit.__all__`` (tests/test_one_way_in.py): a name a
# learner calls is listed here, once, and keeps its one home in its module.
_LAZY: dict[str, str] = {
    # network (lesson 03)
    "pyramid": "ssi_kit.network",
    "degree_shares": "ssi_kit.network",
    "describe_pyramid": "ssi_kit.network",
    "read_network": "ssi_kit.network",
    "degrees_from": "ssi_kit.network",
    "introducers": "ssi_kit.network",
    "read_connections": "ssi_kit.linkedin_export",
    "network_summary": "ssi_kit.linkedin_export",
    "is_decision_maker": "ssi_kit.linkedin_export",
    "anonymize": "ssi_kit.linkedin_export",
    "save_csv": "ssi_kit.safe_csv",
    "top_decision_makers": "ssi_kit.linkedin_export",
    "plot_pyramid": "ssi_kit.plots",
    "plot_network": "ssi_kit.plots",
    "plot_growth": "ssi_kit.plots",
    "plot_top_companies": "ssi_kit.plots",
    "plot_top_positions": "ssi_kit.plots",
    "plot_decision_makers": "ssi_kit.plots",
    # plots
    "plot_ssi": "ssi_kit.plots",
    "plot_funnel": "ssi_kit.plots",
    "plot_never_contacted": "ssi_kit.plots",
    "plot_trajectory": "ssi_kit.plots",
    "plot_before_after": "ssi_kit.plots",
    "plot_plans": "ssi_kit.plots",
    # the SSI week after week
    "record": "ssi_kit.history",
    "load_history": "ssi_kit.history",
    "export_history": "ssi_kit.history",
    "import_ssi_folder": "ssi_kit.history",
    "column_labels": "ssi_kit.history",
    "practice_path": "ssi_kit.history",
    "plot_history": "ssi_kit.plots",
    # plans checked against reality
    "save_plan": "ssi_kit.plans",
    "load_plan": "ssi_kit.plans",
    "list_plans": "ssi_kit.plans",
    "compare_plan": "ssi_kit.plans",
    "describe_plan_comparison": "ssi_kit.plans",
    "example_history": "ssi_kit.plans",
    "practice_file": "ssi_kit.plans",
    "plot_plan_vs_reality": "ssi_kit.plots",
    # classroom
    "read_class": "ssi_kit.classroom",
    "submit": "ssi_kit.classroom",
    "latest_submissions": "ssi_kit.classroom",
    "weakest_pillar": "ssi_kit.classroom",
    "class_progress": "ssi_kit.classroom",
    "compare_projection": "ssi_kit.classroom",
    "describe_class_comparison": "ssi_kit.classroom",
    "export_csv": "ssi_kit.classroom",
    "class_dashboard": "ssi_kit.plots",
    "export_dashboard": "ssi_kit.plots",
    # one-page personal plan
    "report": "ssi_kit.personal_plan",
    # tables as a learner reads them
    "show_table": "ssi_kit.tables",
    # lessons 04 and 05: messages and relationships
    "read_messages": "ssi_kit.messages",
    "read_invitations": "ssi_kit.messages",
    "responsiveness": "ssi_kit.messages",
    "responsiveness_from_counts": "ssi_kit.messages",
    "linkedin_users": "ssi_kit.messages",
    "user_shares": "ssi_kit.messages",
    "plot_users": "ssi_kit.plots",
    "plot_responsiveness": "ssi_kit.plots",
    # lesson 05: the relationship ladder and the tracker
    "STAGES": "ssi_kit.relationships",
    "stages": "ssi_kit.relationships",
    "describe_ladder": "ssi_kit.relationships",
    "never_contacted": "ssi_kit.relationships",
    "describe_never_contacted": "ssi_kit.relationships",
    "to_reactivate": "ssi_kit.relationships",
    "example_messages": "ssi_kit.relationships",
    "example_tracker": "ssi_kit.relationships",
    "next_steps_table": "ssi_kit.relationships",
    "export_tracker": "ssi_kit.relationships",
    # simulation
    "simulate": "ssi_kit.simulation",
    "simulate_many": "ssi_kit.simulation",
    "best_plan": "ssi_kit.simulation",
    "recommend": "ssi_kit.simulation",
    "load_actions": "ssi_kit.actions",
    "plan_minutes": "ssi_kit.actions",
    "actions_for": "ssi_kit.actions",
    "plan_actions": "ssi_kit.actions",
    "projection_at": "ssi_kit.simulation",
    # your data, given once (the data panel)
    "Profile": "ssi_kit.profile",
    "current_profile": "ssi_kit.profile",
    "lesson_data": "ssi_kit.profile",
    "use_profile": "ssi_kit.profile",
    "discard_session": "ssi_kit.profile",
    "load_profile": "ssi_kit.profile",
    "save_profile": "ssi_kit.profile",
    "forget_me": "ssi_kit.profile",
    "read_upload": "ssi_kit.profile",
    "read_ssi_input": "ssi_kit.linkedin_ssi",
    # the course itself (its lessons, in order)
    "LESSONS": "ssi_kit.course",
}
_SUBMODULES = (
    "plots", "widgets", "actions", "simulation", "network", "linkedin_export", "linkedin_ssi", "safe_csv",
    "messages", "relationships", "tables", "personal_plan", "plans", "history", "classroom",
    "exercises", "profile",
)

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
    "SSIWarning",
    "data_path",
    "dataset_names",
    "get_language",
    "load_dataset",
    "pillar_key",
    "pillar_label",
    "read_linkedin_ssi",
    "set_language",
    "show_tracebacks",
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
