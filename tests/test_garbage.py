"""Every public function called with generated garbage: only our two errors may come out.

For each function, one argument at a time is replaced by garbage (huge numbers, NaN, text
with line breaks, NA, lists, dicts, bytes, tables, other ssi-kit objects…) while the others
stay valid. Whatever happens, the call returns or raises SSIInputError / SSITypeError: never
pandas', numpy's, the OS's or Python's own errors. A learner's typo always reads as a message.
"""

from __future__ import annotations

import inspect
import math
import os
import tempfile
import warnings
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ssi_kit
from ssi_kit import SSI, SSIInputError, SSITypeError

OURS = (SSIInputError, SSITypeError)


@pytest.fixture(autouse=True, scope="module")
def _in_an_empty_folder(tmp_path_factory):
    """Garbage text may name a path: run where "." holds nothing of ours, with a private SSI_KIT_HOME."""
    before, home = os.getcwd(), os.environ.get("SSI_KIT_HOME")
    folder = tmp_path_factory.mktemp("garbage")
    os.chdir(folder)
    os.environ["SSI_KIT_HOME"] = str(folder / "home")
    yield
    os.chdir(before)
    if home is None:
        os.environ.pop("SSI_KIT_HOME", None)
    else:
        os.environ["SSI_KIT_HOME"] = home


def _frames() -> st.SearchStrategy[pd.DataFrame]:
    columns = st.lists(st.sampled_from(["brand", "people", "marca", "id", "pillar", "minutes", "effect", "count",
                                        "share", "degree", "company", "position", "connected_on", "x", ""]),
                       max_size=6)
    cells = st.one_of(st.none(), st.integers(-5, 10**6), st.floats(), st.text(max_size=4), st.just(pd.NA))
    return columns.flatmap(lambda cols: st.lists(st.lists(cells, min_size=len(cols), max_size=len(cols)),
                                                 max_size=3).map(lambda rows: pd.DataFrame(rows, columns=cols)))


scalars = st.one_of(
    st.integers(), st.sampled_from([10**400, -(10**400), 10**5000, 2**63, -1, 0]),
    st.floats(), st.sampled_from([math.nan, math.inf, -math.inf, 1e308, -0.0]),
    st.text(max_size=12), st.sampled_from(["", " ", "a\nb", "1.500", "0,3", "12,5; 8; 5,25; 10", "../..", "/etc",
                                           "{", "[", "brand", "marca", "es", "Yo", "publicar", "C:\\x"]),
    st.none(), st.booleans(), st.just(pd.NA), st.just(np.nan), st.just(np.int64(7)), st.just(b"\xff\xfe\x00"),
    st.just(Ellipsis), st.just(3 + 4j), st.just(object()),
)
garbage = st.one_of(
    scalars,
    st.lists(scalars, max_size=4), st.tuples(scalars, scalars),
    st.dictionaries(st.text(max_size=5), scalars, max_size=3),
    st.dictionaries(st.integers(0, 5), scalars, max_size=3), _frames(),
    st.builds(pd.Series, st.lists(scalars, max_size=3)),
    st.sampled_from([SSI(1, 2, 3, 4), pd.DataFrame(), set(), frozenset([1]), [[1, 2], [3]], {"brand": [1]}]),
)


@cache
def _cases() -> dict[str, tuple[Callable[..., Any], dict[str, Any]]]:
    """Each public function with valid arguments, by name."""
    from ssi_kit import classroom, history, messages, plans, plots, relationships
    from ssi_kit.actions import actions_for, load_actions, plan_actions, plan_minutes
    from ssi_kit.exercises import lesson01
    from ssi_kit.linkedin_export import anonymize, is_decision_maker, network_summary, read_connections, save_csv
    from ssi_kit.network import degree_label, degrees_from, describe_pyramid, introducers, pyramid, read_network
    from ssi_kit.personal_plan import report
    from ssi_kit.simulation import best_plan, projection_at, recommend, simulate, simulate_many
    from ssi_kit.widgets import (
        class_planner,
        exercise,
        exercises,
        pyramid_explorer,
        quiz,
        relationship_tracker,
        simulator,
        ssi_input,
    )

    s = SSI(6, 6, 5, 8)
    graph = ssi_kit.load_dataset("red_ejemplo")
    frame = pyramid(500)
    projection = simulate(s, ["publicar"], weeks=4)
    model = {"decay": 0.015, "floor_fraction": 0.5}
    learners = pd.DataFrame({"brand": [6, 12], "people": [6, 8], "insights": [5, 5], "relationships": [8, 10]})
    contacts = ssi_kit.load_dataset("conexiones_ejemplo").head(40)
    summary = network_summary(contacts)
    mails = ssi_kit.load_dataset("mensajes_ejemplo")
    # Built at collection time, before any chdir: write only into a private temporary folder.
    saved = plans.save_plan(["publicar"], "2025-01-06", ssi=s, weeks=8,
                            path=Path(tempfile.mkdtemp(prefix="ssi-garbage-")) / "planes.sqlite")
    snapshots = plans.example_history(saved, weeks=6)
    klass = ssi_kit.load_dataset("clase_ejemplo")
    tracker = relationships.example_tracker()
    if "Zoe" not in set(tracker.get("name", [])):
        tracker = relationships.add_contact(tracker, "Zoe", stage="colaboracion")
    from ssi_kit.linkedin_ssi import read_ssi_page
    from ssi_kit.profile import Profile, forget_me, load_profile, read_upload, save_profile, use_profile

    invitations = ssi_kit.data_path("invitaciones_ejemplo.csv").read_bytes()
    page = ("Establecer tu marca profesional\n12,5\nEncontrar a las personas adecuadas\n8\n"
            "Interactuar ofreciendo información\n5,25\nConstruir relaciones\n10\nTop 45 %\n"
            "Las personas de tu red tienen un SSI medio de 30.\n")
    return {
        "read_connections": (read_connections, {"path": ssi_kit.data_path("conexiones_ejemplo.csv")}),
        "network_summary": (network_summary, {"df": contacts, "top": 5}),
        "is_decision_maker": (is_decision_maker, {"positions": ["CEO", None]}),
        "anonymize": (anonymize, {"df": contacts, "keep": ("position",), "key": None}),
        "save_csv": (save_csv, {"df": contacts.head(3), "path": "salida.csv", "overwrite": True}),
        "plot_growth": (plots.plot_growth, {"summary": summary, "title": None}),
        "plot_top_companies": (plots.plot_top_companies, {"summary": summary, "title": None}),
        "plot_top_positions": (plots.plot_top_positions, {"summary": contacts, "title": None}),
        "plot_decision_makers": (plots.plot_decision_makers, {"summary": summary, "title": None}),
        "SSI": (SSI, {"brand": 6, "people": 6, "insights": 5, "relationships": 8}),
        "SSI.parse": (SSI.parse, {"text": "1; 2; 3; 4"}),
        "SSI.from_dict": (SSI.from_dict, {"values": {"brand": 1, "people": 2, "insights": 3, "relationships": 4}}),
        "GroupScore": (ssi_kit.GroupScore, {"overall": 30, "top_percent": 10, "pillars": None}),
        "pillar_key": (ssi_kit.pillar_key, {"pillar": "brand"}),
        "pillar_label": (ssi_kit.pillar_label, {"pillar": "brand", "full": False}),
        "read_linkedin_ssi": (ssi_kit.read_linkedin_ssi, {"source": ssi_kit.data_path("ssi_ejemplo.json")}),
        "load_dataset": (ssi_kit.load_dataset, {"name": "ssi_ejemplo"}),
        "data_path": (ssi_kit.data_path, {"filename": "acciones.csv"}),
        "pyramid": (pyramid, {"first": 500, "avg_connections": 400, "overlap": 0.82, "members": 10**9}),
        "degree_shares": (ssi_kit.degree_shares, {"counts": {1: 1, 2: 2, 3: 3}}),
        "degree_label": (degree_label, {"degree": 2}),
        "describe_pyramid": (describe_pyramid, {"frame": frame}),
        "read_network": (read_network, {"source": [("a", "b")]}),
        "degrees_from": (degrees_from, {"graph": graph, "me": "Yo"}),
        "introducers": (introducers, {"graph": graph, "me": "Yo", "target": "Marta"}),
        "plot_ssi": (plots.plot_ssi, {"ssi": s, "industry": 30, "network": None, "compare": None, "title": None}),
        "plot_pyramid": (plots.plot_pyramid, {"frame": frame, "log": True, "title": None}),
        "plot_network": (plots.plot_network, {"graph": graph, "me": "Yo", "target": None, "seed": 7, "title": None}),
        "load_actions": (load_actions, {"path": None}),
        "plan_minutes": (plan_minutes, {"actions": ["publicar"], "catalog": None}),
        "simulate": (simulate, {"ssi": s, "actions": ["publicar"], "weeks": 4, "catalog": None, "band": None,
                                "draws": 50, "seed": 0, **model}),
        "simulate_many": (simulate_many, {"ssis": learners, "actions": ["publicar"], "weeks": 4, "catalog": None,
                                          **model}),
        "recommend": (recommend, {"ssi": s, "weeks": 8, "catalog": None, **model}),
        "best_plan": (best_plan, {"ssi": s, "minutes_per_week": 90, "weeks": 8, "actions": None, "catalog": None,
                                  **model}),
        "plot_trajectory": (plots.plot_trajectory, {"projection": projection, "title": None}),
        "plot_before_after": (plots.plot_before_after, {"projection": projection, "title": None}),
        "plot_plans": (plots.plot_plans, {"plans": {"A": projection}, "title": None}),
        "simulator": (simulator, {"ssi": s, "weeks": 8, "minutes": 90, "actions": (), "catalog": None}),
        "actions_for": (actions_for, {"pillar": "brand"}),
        "plan_actions": (plan_actions, {"actions": ["publicar"], "catalog": None}),
        "projection_at": (projection_at, {"projection": projection, "weeks": [0, 4]}),
        "read_messages": (messages.read_messages,
                          {"path": ssi_kit.data_path("mensajes_ejemplo.csv"), "content": False}),
        "read_invitations": (messages.read_invitations, {"path": ssi_kit.data_path("invitaciones_ejemplo.csv")}),
        "responsiveness": (messages.responsiveness, {"messages": mails, "me": None}),
        "responsiveness_from_counts": (messages.responsiveness_from_counts, {"received": 10, "answered": 7}),
        "user_shares": (messages.user_shares, {"users": None}),
        "plot_users": (plots.plot_users, {"users": None, "title": None}),
        "plot_responsiveness": (plots.plot_responsiveness, {"result": messages.responsiveness(mails), "title": None}),
        "stage_key": (relationships.stage_key, {"value": "confianza"}),
        "next_step": (relationships.next_step, {"stage": "colaboracion", "last_interaction": None, "today": None}),
        "add_contact": (relationships.add_contact, {"tracker": tracker, "name": "Ana", "stage": "conexion"}),
        "update_contact": (relationships.update_contact, {"tracker": tracker, "name": "Zoe", "stage": "confianza"}),
        "remove_contact": (relationships.remove_contact, {"tracker": tracker, "name": "Zoe"}),
        "stage_counts": (relationships.stage_counts, {"tracker": tracker}),
        "next_steps_table": (relationships.next_steps_table, {"tracker": tracker, "today": None}),
        "save_tracker": (relationships.save_tracker, {"tracker": tracker, "path": "relaciones.sqlite"}),
        "load_tracker": (relationships.load_tracker, {"path": "no_existe.sqlite"}),
        "export_tracker": (relationships.export_tracker, {"tracker": tracker, "dest": "relaciones.csv",
                                                          "overwrite": True}),
        "never_contacted": (relationships.never_contacted, {"connections": contacts, "messages": mails}),
        "to_reactivate": (relationships.to_reactivate, {"connections": contacts, "messages": mails, "n": 5}),
        "plot_funnel": (plots.plot_funnel, {"tracker": tracker, "title": None}),
        "plot_never_contacted": (plots.plot_never_contacted, {"shares": relationships.never_contacted(contacts, mails),
                                                             "title": None}),
        "relationship_tracker": (relationship_tracker, {"path": "tracker.sqlite"}),
        "record": (history.record, {"ssi": s, "when": "2025-03-14", "path": "historial.sqlite"}),
        "load_history": (history.load_history, {"path": "historial.sqlite"}),
        "delete": (history.delete, {"date": "2025-03-14", "path": "historial.sqlite"}),
        "export_history": (history.export_history, {"dest": "h.csv", "path": "historial.sqlite", "overwrite": True}),
        "import_ssi_folder": (history.import_ssi_folder, {"folder": ".", "path": "historial.sqlite"}),
        "describe_change": (history.describe_change, {"history": snapshots}),
        "plot_history": (plots.plot_history, {"history": snapshots, "title": None}),
        "save_plan": (plans.save_plan, {"plan": ["publicar"], "start": "2025-01-06", "ssi": s, "weeks": 8,
                                        "band": True, "name": None, "path": "planes.sqlite"}),
        "load_plan": (plans.load_plan, {"which": None, "path": "planes.sqlite"}),
        "compare_plan": (plans.compare_plan, {"plan": saved, "history": snapshots}),
        "describe_comparison": (plans.describe_comparison, {"comparison": plans.compare_plan(saved, snapshots)}),
        "plot_plan_vs_reality": (plots.plot_plan_vs_reality, {"plan": saved, "history": snapshots, "title": None}),
        "report": (report, {"profile_or_ssi": s, "plan": None, "connections": None, "dest": "plan.html",
                            "overwrite": True}),
        "read_class": (classroom.read_class, {"path": ssi_kit.data_path("clase_ejemplo.csv")}),
        "submit": (classroom.submit, {"ssi": s, "alias": "ana", "class_dir": "."}),
        "class_dashboard": (plots.class_dashboard, {"class_data": klass}),
        "show_table": (ssi_kit.show_table, {"frame": learners, "columns": None, "percent": (), "decimals": 2}),
        "ssi_input": (ssi_input, {"initial": s, "industry": None, "network": None}),
        "pyramid_explorer": (pyramid_explorer, {"first": 500, "avg_connections": 400, "overlap": 0.82, "log": True}),
        "class_planner": (class_planner, {"class_data": klass, "actions": ["grupos"], "weeks": 6, "catalog": None}),
        "update_responsiveness_figure": (plots.update_responsiveness_figure, {
            "fig": plots.plot_responsiveness(messages.responsiveness_from_counts(20, 15)),
            "result": messages.responsiveness_from_counts(30, 12)}),
        "responsiveness_input": (ssi_kit.widgets.responsiveness_input, {"received": 20, "answered": 15}),
        "course_home": (ssi_kit.widgets.course_home, {}),
        "tus_datos": (ssi_kit.widgets.tus_datos, {}),
        "plan_check": (ssi_kit.widgets.plan_check, {}),
        "class_input": (ssi_kit.widgets.class_input, {}),
        "class_submit": (ssi_kit.widgets.class_submit, {"source": ssi_kit.widgets.tus_datos()}),
        "follow": (ssi_kit.widgets.follow, {"source": __import__("ipywidgets").IntText(3), "render": str}),
        "exercise": (exercise, {"ex": lesson01.q2}),
        "exercises": (exercises, {"module": lesson01}),
        "quiz": (quiz, {"questions": lesson01.QUIZ, "lesson": "01"}),
        "read_ssi_page": (read_ssi_page, {"text": page}),
        "read_ssi_input": (ssi_kit.read_ssi_input, {"source": "12,5; 8; 5,25; 10"}),
        "read_upload": (read_upload, {"files": {"Invitations.csv": invitations}}),
        "Profile": (Profile, {"ssi": s, "measured_on": "14/03/2025", "industry": 24, "network": None,
                              "connections": 500, "connections_table": contacts, "messages": mails,
                              "invitations": None, "saved_on": None, "from_example": frozenset()}),
        "Profile.with_ssi": (Profile().with_ssi, {"value": page, "measured_on": None}),
        "Profile.with_upload": (Profile().with_upload, {"upload": read_upload({"Invitations.csv": invitations})}),
        "Profile.example_label": (Profile().example_label, {"part": "ssi"}),
        "use_profile": (use_profile, {"profile": Profile(connections=5), "save": False}),
        "save_profile": (save_profile, {"profile": Profile(connections=5), "path": "perfil.sqlite"}),
        "load_profile": (load_profile, {"path": "no_existe.sqlite"}),
        "forget_me": (forget_me, {"folder": "home"}),
    }


def _calls() -> list[tuple[str, str]]:
    return [(name, parameter) for name, (_f, kwargs) in _cases().items() for parameter in kwargs]


def _call(function: Callable[..., Any], kwargs: dict[str, Any]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            function(**kwargs)
        except OURS:
            pass


@pytest.mark.parametrize(("name", "parameter"), _calls(), ids=[f"{n}-{p}" for n, p in _calls()])
@settings(max_examples=int(os.environ.get("GARBAGE_EXAMPLES", "30")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(value=garbage)
def test_only_our_errors_escape(name, parameter, value):
    """Garbage in one argument: the call succeeds or raises SSIInputError/SSITypeError, nothing else."""
    function, kwargs = _cases()[name]
    _call(function, {**kwargs, parameter: value})


@pytest.mark.parametrize("name", list(_cases()))
def test_valid_arguments_work(name):
    """The base arguments of every case are valid (so garbage is what makes a call fail)."""
    function, kwargs = _cases()[name]
    assert set(kwargs) <= set(inspect.signature(function).parameters)
    function(**kwargs)


def _slider_texts(widget: Any) -> list[Any]:
    """Every slider+box pair (SliderText) inside ``widget``, however deeply nested."""
    from ssi_kit.widgets._controls import SliderText

    found, stack = [], [widget]
    while stack:
        node = stack.pop()
        if isinstance(node, SliderText):
            found.append(node)
        stack.extend(getattr(node, "children", ()) or ())
    return found


@pytest.fixture(scope="module")
def boxes():
    """The typed boxes of every widget in ssi_kit.widgets, each widget built from its case above."""
    cases = _cases()
    found = {name: _slider_texts(cases[name][0](**cases[name][1])) for name in ssi_kit.widgets.__all__ if name in cases}
    assert {"ssi_input", "pyramid_explorer", "responsiveness_input"} <= {n for n, pairs in found.items() if pairs}
    return [pair for pairs in found.values() for pair in pairs]


def test_every_widget_has_a_garbage_case():
    """A new widget cannot miss the garbage tests: each public widget has a case (and so its boxes are typed into)."""
    assert set(ssi_kit.widgets.__all__) <= set(_cases())


@settings(max_examples=int(os.environ.get("GARBAGE_EXAMPLES", "30")) * 3, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.text(max_size=12), st.sampled_from(["1.500", "0,3", "50 %", "1e400", "9" * 5000, "-0",
                                                              "nan", "inf", "٣", "１２", "1,2,3", "%", " 12 ",
                                                              "veinte", "-3", "1.000.001"])))
def test_typed_boxes_never_raise(boxes, text):
    """Whatever is typed in any widget's box, the callback shows a message or takes the value: nothing escapes."""
    for control in boxes:
        control.text.value = text
        assert control.error.value or control.text.value == control._format(control.slider.value)
        control.text.value = control._format(control.slider.value)
