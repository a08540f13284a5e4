"""The public API, listed: one name per idea, data first and options keyword-only (issue 17 §3).

Every function a learner can reach (``ssi_kit.__all__`` and each public module's ``__all__``) is
checked by its parameters, so a renamed idea (``plan=``, ``minutes=``, ``n=``…) cannot come back.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import ssi_kit

# One name per idea: the parameter names that meant an idea which now has another name.
_RETIRED = {
    "minutes": "minutes_per_week (a weekly budget)",
    "n": "top (how many to show)",
    "date": "when (a day)",
    "df": "connections (the connections table) or table (any table)",
}
# ``plan`` is a saved plan (or what becomes one) in these; elsewhere a list of actions is ``actions``.
_PLAN_IS_A_SAVED_PLAN = {"save_plan", "compare_plan", "plot_plan_vs_reality", "example_history"}
# Options that may still come by position (everything else with a default is keyword-only): the data a
# function works on, and ``weeks``/``minutes_per_week`` where lessons, README and hints pass them by position
# (``simulate(mi_ssi, ["publicar"], 26)``, ``best_plan(mi_ssi, 150, 26)``, ``recommend(mi_ssi, 12)``).
_POSITIONAL_OPTIONS = {
    "simulate": {"actions", "weeks"},
    "simulate_many": {"actions", "weeks"},
    "best_plan": {"weeks"},
    "recommend": {"weeks"},
    "class_projection": {"actions"},
    "record": {"when"},  # the reading and its day
    "compare_plan": {"history"},
    "plot_plan_vs_reality": {"history"},
    "load_plan": {"which"},
    "ssi_input": {"initial"},
    "pyramid_explorer": {"first"},
    "responsiveness_input": {"received", "answered"},
    "relationship_tracker": {"path"},  # where the tracker lives: its data
    "plot_history": {"history"},
    "plot_users": {"users"},
    "user_shares": {"users"},
    "main": {"argv"},
    "show_tracebacks": {"show"},
}
# Functions whose only argument is a file they read or a folder: no data to come first.
_SOURCE_ONLY = {"load_history", "load_profile", "load_tracker", "load_actions", "history_path", "profile_path",
                "progress_path"}


def _public_modules() -> list[str]:
    names = ["ssi_kit"]
    for info in pkgutil.walk_packages(ssi_kit.__path__, "ssi_kit."):
        parts = info.name.split(".")
        if any(p.startswith("_") for p in parts) or info.name.startswith("ssi_kit.exercises.lesson"):
            continue
        if info.name in {"ssi_kit.server_extension"}:
            continue
        names.append(info.name)
    return names


def _api() -> list[tuple[str, str, inspect.Signature]]:
    """(where, name, signature) of every public function."""
    found = []
    for module_name in _public_modules():
        module = importlib.import_module(module_name)
        for name in getattr(module, "__all__", []):
            value = getattr(module, name)
            if inspect.isfunction(value):
                found.append((module_name, name, inspect.signature(value)))
    return found


API = _api()


def test_the_api_is_listed():
    """The list covers the functions lessons call (a broken walk would make the checks below vacuous)."""
    names = {name for _, name, _ in API}
    assert {"simulate", "best_plan", "plot_ssi", "class_projection", "to_reactivate", "network_summary"} <= names


@pytest.mark.parametrize(("module", "name", "signature"), API, ids=[f"{m}.{n}" for m, n, _ in API])
def test_one_name_per_idea(module, name, signature):
    """No public function names a retired idea: actions, minutes_per_week, top, when, connections."""
    for parameter in signature.parameters:
        assert parameter not in _RETIRED, f"{module}.{name}({parameter}=…): use {_RETIRED[parameter]}"
        if parameter == "plan":
            assert name in _PLAN_IS_A_SAVED_PLAN, f"{module}.{name}(plan=…): a list of actions is 'actions'"


@pytest.mark.parametrize(("module", "name", "signature"), API, ids=[f"{m}.{n}" for m, n, _ in API])
def test_options_are_keyword_only(module, name, signature):
    """Data first, then options keyword-only (seaborn's way), except the listed positional ones."""
    if name in _SOURCE_ONLY:
        return
    allowed = _POSITIONAL_OPTIONS.get(name, set())
    loose = [p.name for p in signature.parameters.values()
             if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD and p.default is not inspect.Parameter.empty
             and p.name not in allowed]
    assert not loose, f"{module}.{name}: {loose} should be keyword-only (after a *)"


def test_weeks_defaults_come_from_the_named_horizons():
    """Every default ``weeks`` is one of the named horizons (PROJECTION_WEEKS, PLAN_WEEKS, EXAMPLE_HISTORY_WEEKS)."""
    from ssi_kit.plans import EXAMPLE_HISTORY_WEEKS
    from ssi_kit.simulation import PLAN_WEEKS, PROJECTION_WEEKS

    horizons = {PROJECTION_WEEKS, PLAN_WEEKS, EXAMPLE_HISTORY_WEEKS}
    defaults = {f"{m}.{n}": s.parameters["weeks"].default for m, n, s in API
                if "weeks" in s.parameters and s.parameters["weeks"].default is not inspect.Parameter.empty}
    assert defaults and all(value is None or value in horizons for value in defaults.values()), defaults


# Internals that several modules share live in private modules under public-looking names (issue 17 §3):
# figure updaters for widgets, validators, catalog plumbing. None is a public name of a public module.
_INTERNAL_PREFIXES = ("update_", "check_")
_INTERNAL = {"as_catalog", "resolve_plan"}
# Public by a learner's need: update_contact changes a row of the relationship tracker.
_PUBLIC_ON_PURPOSE = {"update_contact"}
# Validators still defined in public modules, to become private (move them to a private module).
_STILL_PUBLIC = {"ssi_kit.history.check_history", "ssi_kit.simulation.check_projection", "ssi_kit.score.check_total",
                 "ssi_kit.network.check_graph", "ssi_kit.network.check_person",
                 "ssi_kit.relationships.check_never_contacted"}


def _internal(name: str) -> bool:
    return (name.startswith(_INTERNAL_PREFIXES) or name in _INTERNAL) and name not in _PUBLIC_ON_PURPOSE


def test_internals_are_not_public():
    """No public module lists or defines an update_*/check_* helper, as_catalog or resolve_plan."""
    found = []
    for module_name in _public_modules():
        module = importlib.import_module(module_name)
        listed = [f"{module_name}.{n}" for n in getattr(module, "__all__", []) if _internal(n)]
        defined = [f"{module_name}.{n}" for n, v in vars(module).items()
                   if _internal(n) and inspect.isfunction(v) and v.__module__ == module_name]
        found += [name for name in {*listed, *defined} if name not in _STILL_PUBLIC]
    assert not sorted(found), f"internal helpers reachable as public names: {sorted(found)}"
    for name in _INTERNAL:
        assert not hasattr(ssi_kit, name) or name not in ssi_kit.__all__


def test_still_public_internals_are_listed_truly():
    """The list of validators still to move names only names that are still there (it shrinks, never goes stale)."""
    for qualified in _STILL_PUBLIC:
        module_name, _, name = qualified.rpartition(".")
        assert hasattr(importlib.import_module(module_name), name), f"{qualified} is gone: drop it from _STILL_PUBLIC"
