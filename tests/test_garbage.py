"""Every public function called with generated garbage: only our two errors may come out.

For each function, one argument at a time is replaced by garbage (huge numbers, NaN, text
with line breaks, NA, lists, dicts, bytes, tables, numpy scalars, other ssi-kit objects…) while
the others stay valid. A table argument also gets tables with the right column names holding
the wrong types (text where numbers go, numbers where text or dates go, objects, NA, inf),
with and without rows. Whatever happens, the call returns or raises SSIInputError / SSITypeError: never
pandas', numpy's, the OS's or Python's own errors. A learner's typo always reads as a message.
"""

from __future__ import annotations

import dataclasses
import inspect
import math
import os
import tempfile
import warnings
from collections.abc import Callable
from functools import cache, partial
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ssi_kit
from ssi_kit import SSI, SSIInputError, SSITypeError

# Internals shared between modules (private modules, public-looking names): learners never call them,
# but public functions and widgets pass them what learners typed, so they get garbage too.
from ssi_kit._catalog import as_catalog, resolve_plan
from ssi_kit._checks import check_destination
from ssi_kit._weeks import check_budget, check_weeks
from ssi_kit.plots._classroom import update_class_plan_figure
from ssi_kit.plots._messages import update_responsiveness_figure
from ssi_kit.plots._network import update_pyramid_figure
from ssi_kit.plots._relationships import update_funnel_figure
from ssi_kit.plots._score import update_ssi_figure
from ssi_kit.plots._simulation import update_trajectory_figure

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


# What a value read out of a table or an array is: numpy's scalars, not Python's.
numpy_scalars = st.one_of(
    st.integers(-(2**63), 2**63 - 1).map(np.int64), st.floats().map(np.float64),
    st.sampled_from([np.int64(7), np.int32(-1), np.uint8(0), np.float64(np.nan), np.float64(np.inf),
                     np.float64(-np.inf), np.float32(2.5), np.str_("brand"), np.str_(""), np.str_("14/03/2025"),
                     np.bool_(True), np.bool_(False), np.datetime64("2025-03-14"), np.datetime64("NaT"),
                     np.datetime64("9999-12-31T23:59"), np.timedelta64(3, "D"), np.timedelta64("NaT")]),
)
scalars = st.one_of(
    st.integers(), st.sampled_from([10**400, -(10**400), 10**5000, 2**63, -1, 0]),
    st.floats(), st.sampled_from([math.nan, math.inf, -math.inf, 1e308, -0.0]),
    st.text(max_size=12), st.sampled_from(["", " ", "a\nb", "1.500", "0,3", "12,5; 8; 5,25; 10", "../..", "/etc",
                                           "{", "[", "brand", "marca", "es", "Yo", "publicar", "C:\\x"]),
    st.none(), st.booleans(), st.just(pd.NA), st.just(np.nan), numpy_scalars, st.just(b"\xff\xfe\x00"),
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

# A whole column of one wrong kind (what a learner's own table holds), or of all kinds mixed.
_WRONG_CELLS = {
    "text": st.sampled_from(["abc", "", " ", "12,5", "1.500", "14/03/2025", "marca", "NaN", "=1+1"]),
    "numbers": st.one_of(st.integers(-(10**6), 10**6), st.floats(), st.sampled_from([math.inf, -1, 10**20, 0.5])),
    "dates": st.sampled_from([pd.Timestamp("2025-03-14"), pd.Timestamp("1677-09-22"), pd.Timestamp("2262-04-11"),
                              pd.NaT, pd.Timestamp("2025-03-14 10:30", tz="UTC")]),
    "booleans": st.booleans(),
    "missing": st.sampled_from([None, pd.NA, np.nan, pd.NaT]),
    "objects": st.sampled_from([[1, 2], {"a": 1}, b"\xff", object(), (1,), SSI(1, 2, 3, 4), 3 + 4j]),
}
_WRONG_CELLS["mixed"] = st.one_of(*_WRONG_CELLS.values())


def _tables_in(valid: object) -> list[pd.DataFrame]:
    """The tables a valid argument is or holds (a frame, a dataclass's frames, a dict of frames)."""
    if isinstance(valid, pd.DataFrame):
        return [valid]
    if isinstance(valid, dict):
        return [v for v in valid.values() if isinstance(v, pd.DataFrame)]
    if dataclasses.is_dataclass(valid) and not isinstance(valid, type):
        return [v for f in dataclasses.fields(valid) if isinstance(v := getattr(valid, f.name), pd.DataFrame)]
    return []


def _like(valid: pd.DataFrame) -> st.SearchStrategy[pd.DataFrame]:
    """Tables with ``valid``'s column names, one to three columns holding a wrong kind; 0 to 3 rows."""
    columns = list(valid.columns)

    @st.composite
    def tables(draw: st.DrawFn) -> pd.DataFrame:
        frame = valid.head(draw(st.integers(0, 3))).copy()
        rows = len(frame)
        for column in draw(st.lists(st.sampled_from(columns), min_size=1, max_size=3, unique=True)):
            cells = draw(st.lists(_WRONG_CELLS[draw(st.sampled_from(sorted(_WRONG_CELLS)))],
                                  min_size=rows, max_size=rows))
            frame[column] = pd.Series(cells, index=frame.index, dtype=None if rows else object)
        return frame

    return tables() if columns else st.just(valid.head(0))


@cache
def _garbage_for(name: str, parameter: str) -> st.SearchStrategy[Any]:
    """Garbage for one argument: half of it shaped like the argument's tables when it takes one."""
    valid = _cases()[name][1][parameter]
    tables = _tables_in(valid)
    if not tables:
        return garbage
    like = st.one_of(*(_like(table) for table in tables))
    if isinstance(valid, dict):  # plot_plans' {name: projection}
        like = like.map(lambda frame: dict.fromkeys(valid, frame))
    return st.booleans().flatmap(lambda shaped: like if shaped else garbage)


@cache
def _cases() -> dict[str, tuple[Callable[..., Any], dict[str, Any]]]:
    """Each public function with valid arguments, by name."""
    from ssi_kit import classroom, exercises, history, messages, plans, plots, relationships
    from ssi_kit.actions import actions_for, load_actions, plan_actions, plan_minutes
    from ssi_kit.exercises import lesson01
    from ssi_kit.linkedin_export import anonymize, is_decision_maker, network_summary, read_connections
    from ssi_kit.network import (
        Assumptions,
        degree_label,
        degree_values,
        degrees_from,
        describe_pyramid,
        introducers,
        pyramid,
        read_network,
    )
    from ssi_kit.personal_plan import report
    from ssi_kit.safe_csv import save_csv
    from ssi_kit.simulation import (
        best_plan,
        check_projection,
        projection_at,
        recommend,
        simulate,
        simulate_many,
    )
    from ssi_kit.tables import column_label
    from ssi_kit.widgets import (
        class_planner,
        exercise,
        pyramid_explorer,
        quiz,
        relationship_tracker,
        simulator,
        ssi_input,
    )
    from ssi_kit.widgets import exercises as exercises_widget

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
    saved = plans.save_plan(["publicar"], start="2025-01-06", ssi=s, weeks=8,
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
    shares = relationships.never_contacted(contacts, mails)
    latest = classroom.latest_submissions(klass)
    comparison = classroom.compare_projection(klass, ["grupos"])
    class_plan = classroom.class_projection(klass, ["grupos"], weeks=6)
    return {
        "read_connections": (read_connections, {"path": ssi_kit.data_path("conexiones_ejemplo.csv")}),
        "network_summary": (network_summary, {"connections": contacts, "top": 5}),
        "is_decision_maker": (is_decision_maker, {"positions": ["CEO", None]}),
        "anonymize": (anonymize, {"connections": contacts, "keep": ("position",), "key": None}),
        "save_csv": (save_csv, {"table": contacts.head(3), "path": "salida.csv", "overwrite": True}),
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
        "plan_minutes": (plan_minutes, {"actions": ["publicar"], "catalog": None, "weeks": 26}),
        "simulate": (simulate, {"ssi": s, "actions": ["publicar"], "weeks": 4, "catalog": None, "band": None,
                                "draws": 50, "seed": 0, "floor": None, **model}),
        "simulate_many": (simulate_many, {"ssis": learners, "actions": ["publicar"], "weeks": 4, "catalog": None,
                                          **model}),
        "recommend": (recommend, {"ssi": s, "weeks": 8, "catalog": None, **model}),
        "best_plan": (best_plan, {"ssi": s, "minutes_per_week": 90, "weeks": 8, "actions": None, "catalog": None,
                                  "floor": None, **model}),
        "plot_trajectory": (plots.plot_trajectory, {"projection": projection, "title": None}),
        "plot_before_after": (plots.plot_before_after, {"projection": projection, "title": None}),
        "plot_plans": (plots.plot_plans, {"plans": {"A": projection}, "title": None}),
        "simulator": (simulator, {"ssi": s, "weeks": 8, "minutes_per_week": 90, "actions": (), "catalog": None}),
        "actions_for": (actions_for, {"pillar": "brand", "catalog": None}),
        "plan_actions": (plan_actions, {"actions": ["publicar"], "catalog": None}),
        "projection_at": (projection_at, {"projection": projection, "weeks": [0, 4]}),
        "read_messages": (messages.read_messages,
                          {"path": ssi_kit.data_path("mensajes_ejemplo.csv"), "content": False}),
        "read_invitations": (messages.read_invitations, {"path": ssi_kit.data_path("invitaciones_ejemplo.csv")}),
        "responsiveness": (messages.responsiveness, {"messages": mails, "me": None}),
        "responsiveness_from_counts": (messages.responsiveness_from_counts, {"received": 10, "answered": 7,
                                                                              "median_response_hours": 5.5}),
        "user_shares": (messages.user_shares, {"users": None}),
        "plot_users": (plots.plot_users, {"users": None, "title": None}),
        "plot_responsiveness": (plots.plot_responsiveness, {"result": messages.responsiveness(mails), "title": None}),
        "stage_key": (relationships.stage_key, {"value": "confianza"}),
        "next_step": (relationships.next_step, {"stage": "colaboracion", "last_interaction": None, "today": None}),
        "add_contact": (relationships.add_contact, {"tracker": tracker, "name": "Ana", "stage": "conexion",
                                                    "last_interaction": "2025-03-14", "next_step": None}),
        "update_contact": (relationships.update_contact, {"tracker": tracker, "name": "Zoe", "stage": "confianza",
                                                          "last_interaction": None, "next_step": "Llamar"}),
        "remove_contact": (relationships.remove_contact, {"tracker": tracker, "name": "Zoe"}),
        "stage_counts": (relationships.stage_counts, {"tracker": tracker}),
        "next_steps_table": (relationships.next_steps_table, {"tracker": tracker, "today": None}),
        "save_tracker": (relationships.save_tracker, {"tracker": tracker, "path": "relaciones.sqlite"}),
        "load_tracker": (relationships.load_tracker, {"path": "no_existe.sqlite"}),
        "export_tracker": (relationships.export_tracker, {"tracker": tracker, "dest": "relaciones.csv",
                                                          "overwrite": True}),
        "never_contacted": (relationships.never_contacted, {"connections": contacts, "messages": mails}),
        "to_reactivate": (relationships.to_reactivate, {"connections": contacts, "messages": mails, "top": 5,
                                                        "today": None}),
        "plot_funnel": (plots.plot_funnel, {"tracker": tracker, "title": None}),
        "plot_never_contacted": (plots.plot_never_contacted, {"shares": relationships.never_contacted(contacts, mails),
                                                             "title": None}),
        "relationship_tracker": (relationship_tracker, {"path": "tracker.sqlite"}),
        "record": (history.record, {"ssi": s, "when": "2025-03-14", "path": "historial.sqlite"}),
        "load_history": (history.load_history, {"path": "historial.sqlite"}),
        "delete": (history.delete, {"when": "2025-03-14", "path": "historial.sqlite"}),
        "export_history": (history.export_history, {"dest": "h.csv", "path": "historial.sqlite", "overwrite": True}),
        "import_ssi_folder": (history.import_ssi_folder, {"folder": ".", "path": "historial.sqlite"}),
        "describe_change": (history.describe_change, {"history": snapshots}),
        "plot_history": (plots.plot_history, {"history": snapshots, "title": None}),
        "save_plan": (plans.save_plan, {"plan": ["publicar"], "start": "2025-01-06", "ssi": s, "weeks": 8,
                                        "band": True, "name": None, "path": "planes.sqlite"}),
        "load_plan": (plans.load_plan, {"which": None, "path": "planes.sqlite"}),
        "compare_plan": (plans.compare_plan, {"plan": saved, "history": snapshots}),
        "describe_plan_comparison": (plans.describe_plan_comparison,
                                     {"comparison": plans.compare_plan(saved, snapshots)}),
        "plot_plan_vs_reality": (plots.plot_plan_vs_reality, {"plan": saved, "history": snapshots, "title": None}),
        "report": (report, {"profile_or_ssi": s, "actions": None, "connections": None, "dest": "plan.html",
                            "overwrite": True}),
        "read_class": (classroom.read_class, {"path": ssi_kit.data_path("clase_ejemplo.csv")}),
        "submit": (classroom.submit, {"ssi": s, "alias": "ana", "class_dir": ".", "when": None}),
        "class_dashboard": (plots.class_dashboard, {"class_data": klass, "industry": 30, "start": None, "end": None,
                                                     "leaderboard": True, "top": 5, "actions": ["grupos"], "weeks": 4}),
        "show_table": (ssi_kit.show_table, {"frame": learners, "columns": None, "percent": (), "decimals": 2}),
        "ssi_input": (ssi_input, {"initial": s, "industry": None, "network": None,
                                   "history_path": "historial.sqlite"}),
        "pyramid_explorer": (pyramid_explorer, {"first": 500, "avg_connections": 400, "overlap": 0.82, "log": True}),
        "class_planner": (class_planner, {"class_data": klass, "actions": ["grupos"], "weeks": 6, "catalog": None}),
        "update_responsiveness_figure": (update_responsiveness_figure, {
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
        "exercises": (exercises_widget, {"module": lesson01}),
        "read_ssi_page": (read_ssi_page, {"text": page}),
        "read_ssi_input": (ssi_kit.read_ssi_input, {"source": "12,5; 8; 5,25; 10"}),
        "read_upload": (read_upload, {"files": {"Invitations.csv": invitations}}),
        "Profile": (Profile, {"ssi": s, "measured_on": "14/03/2025", "industry": 24, "network": None,
                              "connections": 500, "connections_table": contacts, "messages": mails,
                              "invitations": None, "saved_on": None, "from_example": frozenset()}),
        "Profile.with_ssi": (Profile().with_ssi, {"value": page, "measured_on": None}),
        "Profile.with_upload": (Profile().with_upload, {"upload": read_upload({"Invitations.csv": invitations})}),
        "Profile.example_label": (Profile().example_label, {"part": "ssi"}),
        "Profile.is_example": (Profile().effective().is_example, {"part": "ssi"}),
        "profile_path": (ssi_kit.profile.profile_path, {"path": "perfil.sqlite"}),
        "student_key": (classroom.student_key, {"alias": "Ana"}),
        "read_typed": (exercises.read_typed, {"text": " «12,5» "}),
        "Exercise.evaluate_input": (lesson01.q1.evaluate_input, {"value": "informacion"}),
        "NumericExercise.evaluate_input": (lesson01.q2.evaluate_input, {"value": "42,5"}),
        "use_profile": (use_profile, {"profile": Profile(connections=5), "save": False}),
        "save_profile": (save_profile, {"profile": Profile(connections=5), "path": "perfil.sqlite"}),
        "load_profile": (load_profile, {"path": "no_existe.sqlite"}),
        "forget_me": (forget_me, {"folder": "home"}),
        # score and the language
        "SSIProfile": (ssi_kit.SSIProfile, {"member": s, "industry": ssi_kit.GroupScore(30, 10), "network": None}),
        "set_language": (ssi_kit.set_language, {"language": "es"}),
        "show_tracebacks": (ssi_kit.show_tracebacks, {"show": False}),
        # lesson 03: network and connections
        "Assumptions": (Assumptions, {"avg_connections": 400, "overlap": 0.82, "members": 10**9}),
        "degree_values": (partial(degree_values, name="frame"), {"frame": frame}),
        "top_decision_makers": (ssi_kit.top_decision_makers, {"connections": contacts, "top": 5}),
        "check_destination": (partial(check_destination, name="dest", example="'salida.csv'", suffixes=(".csv",)),
                              {"path": "salida.csv", "overwrite": True}),
        "update_pyramid_figure": (update_pyramid_figure, {"fig": plots.plot_pyramid(frame), "frame": frame,
                                                                "log": True, "title": None}),
        # lesson 02: actions and simulation
        "as_catalog": (partial(as_catalog, name="catalog"), {"catalog": None}),
        "resolve_plan": (resolve_plan, {"actions": ["publicar"], "catalog": None}),
        "check_budget": (partial(check_budget, name="minutes"), {"minutes_per_week": 90}),
        "check_projection": (partial(check_projection, name="projection"), {"value": projection}),
        "check_weeks": (partial(check_weeks, minimum=0), {"weeks": 8}),
        "update_trajectory_figure": (update_trajectory_figure, {
            "fig": plots.plot_trajectory(projection), "projection": projection, "title": None}),
        "update_ssi_figure": (update_ssi_figure, {"fig": plots.plot_ssi(s), "ssi": s, "title": None}),
        "safe_text": (plots.safe_text, {"value": "Muñoz <b>S.L.</b>"}),
        # lessons 04 and 05: messages and relationships
        "has_contact": (relationships.has_contact, {"tracker": tracker, "name": "Zoe"}),
        "stage_label": (relationships.stage_label, {"value": "confianza"}),
        "suggest_next_steps": (relationships.suggest_next_steps, {"tracker": tracker, "today": None}),
        "describe_never_contacted": (relationships.describe_never_contacted, {"shares": shares}),
        "update_funnel_figure": (update_funnel_figure, {"fig": plots.plot_funnel(tracker), "tracker": tracker}),
        "column_label": (column_label, {"name": "brand", "extra": {"brand": "Marca"}}),
        # the SSI week after week, plans against reality
        "check_history": (history.check_history, {"history": snapshots}),
        "history_path": (history.history_path, {"path": "historial.sqlite"}),
        "example_history": (plans.example_history, {"plan": saved, "weeks": 6, "seed": 0}),
        "list_plans": (plans.list_plans, {"path": "planes.sqlite"}),
        "status_label": (plans.status_label, {"status": "above"}),
        # lesson 06: the class, for the teacher
        "latest_submissions": (classroom.latest_submissions, {"class_data": klass}),
        "weakest_pillar": (classroom.weakest_pillar, {"class_data": klass}),
        "class_progress": (classroom.class_progress, {"class_data": klass, "start": None, "end": None}),
        "class_projection": (classroom.class_projection, {"class_data": klass, "actions": ["grupos"], "weeks": 6,
                                                          "catalog": None}),
        "compare_projection": (classroom.compare_projection, {"class_data": klass, "actions": ["grupos"],
                                                              "start": None, "end": None}),
        "describe_class_comparison": (classroom.describe_class_comparison, {"comparison": comparison}),
        "export_csv": (classroom.export_csv, {"class_data": klass, "dest": "clase.csv", "overwrite": True}),
        "plot_class_distribution": (plots.plot_class_distribution, {"latest": latest, "title": None}),
        "plot_class_average": (plots.plot_class_average, {"latest": latest, "industry": 30, "title": None}),
        "plot_class_progress": (plots.plot_class_progress, {"progress": classroom.class_progress(klass),
                                                            "title": None}),
        "plot_class_weakest": (plots.plot_class_weakest, {"latest": latest, "title": None}),
        "plot_leaderboard": (plots.plot_leaderboard, {"latest": latest, "top": 5, "title": None}),
        "plot_class_plan": (plots.plot_class_plan, {"projection": class_plan, "title": None}),
        "update_class_plan_figure": (update_class_plan_figure, {
            "fig": plots.plot_class_plan(class_plan), "projection": class_plan, "title": None}),
        "export_dashboard": (plots.export_dashboard, {"figures": {"weakest": plots.plot_class_weakest(latest)},
                                                      "dest": "panel.html", "title": None, "overwrite": True}),
        # exercises: what learners pass to q1.check(...) and the quiz
        "quiz": (quiz, {"questions": lesson01.QUIZ, "lesson": "01"}),
        "Exercise.check": (lesson01.q1.check, {"answer": lesson01.q1.expected}),
        "Exercise.evaluate": (lesson01.q1.evaluate, {"answer": lesson01.q1.expected}),
        "NumericExercise.evaluate": (lesson01.q2.evaluate, {"answer": lesson01.q2.expected}),
        "Question.evaluate": (lesson01.QUIZ[0].evaluate, {"choice": 0}),
        "answer_number": (exercises.answer_number, {"answer": 12.5}),
        "read_number": (exercises.read_number, {"answer": "12,5"}),
        "read_name": (exercises.read_name, {"answer": "Ana"}),
        "read_pillar": (exercises.read_pillar, {"answer": "marca"}),
        "percent_answer": (partial(exercises.percent_answer, expected=12.5, tolerance=0.05, example="12.5"),
                           {"answer": "12,5"}),
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
@given(data=st.data())
def test_only_our_errors_escape(name, parameter, data):
    """Garbage in one argument: the call succeeds or raises SSIInputError/SSITypeError, nothing else."""
    function, kwargs = _cases()[name]
    _call(function, {**kwargs, parameter: data.draw(_garbage_for(name, parameter), label=parameter)})


@pytest.mark.parametrize("name", list(_cases()))
def test_valid_arguments_work(name):
    """The base arguments of every case are valid (so garbage is what makes a call fail)."""
    function, kwargs = _cases()[name]
    assert set(kwargs) <= set(inspect.signature(function).parameters)
    function(**kwargs)


def _secret_in(frame: pd.DataFrame, column: str, rows: int | None = None) -> pd.DataFrame:
    """``frame`` (its first ``rows``) with text that is someone's data in a column of numbers or dates."""
    frame = frame.head(rows).copy() if rows else frame.copy()
    frame[column] = pd.Series(["Ana Secreta"] * len(frame), index=frame.index, dtype=object)
    return frame


def _issue_examples() -> dict[str, tuple[Callable[[], Any], type[Exception] | None, str]]:
    """Issue 14 §7's kinds of garbage, one call each: (call, our error or None if it returns, message)."""
    from ssi_kit import classroom, history, messages, plans, plots, relationships, tables
    from ssi_kit.widgets import quiz, ssi_input

    cases = _cases()
    klass, latest = cases["weakest_pillar"][1]["class_data"], cases["plot_class_weakest"][1]["latest"]
    snapshots, plan = cases["plot_history"][1]["history"], cases["plot_class_plan"][1]["projection"]
    tracker, mails = cases["plot_funnel"][1]["tracker"], cases["responsiveness"][1]["messages"]
    contacts = cases["never_contacted"][1]["connections"]
    column = "La columna «{c}» de la tabla «{n}» debe tener {k}; en la fila 1 hay {f}"
    return {
        "describe_never_contacted-empty": (lambda: relationships.describe_never_contacted(pd.DataFrame()),
                                           SSIInputError, "le faltan las columnas: year, connections"),
        "update_ssi_figure-text": (lambda: update_ssi_figure("x", SSI(1, 1, 1, 1)), SSITypeError,
                                   "«fig» debe ser una figura de plot_ssi"),
        "status_label-list": (lambda: plans.status_label(["above"]), SSIInputError, "«status» debe ser uno de"),
        "column_label-number": (lambda: tables.column_label("brand", extra=5), SSITypeError, "«extra» debe ser"),
        "plot_history-text": (lambda: plots.plot_history(_secret_in(snapshots, "brand")), SSIInputError,
                              column.format(c="brand", n="history", k="números", f="texto")),
        "describe_change-text": (lambda: history.describe_change(_secret_in(snapshots, "date")), SSIInputError,
                                 column.format(c="date", n="history", k="fechas", f="texto")),
        "weakest_pillar-text": (lambda: classroom.weakest_pillar(_secret_in(klass.submissions, "people")),
                                SSIInputError, column.format(c="people", n="class_data", k="números", f="texto")),
        "plot_class_plan-text": (lambda: plots.plot_class_plan(_secret_in(plan, "score")), SSIInputError,
                                 column.format(c="score", n="projection", k="números", f="texto")),
        "plot_class_distribution-text": (lambda: plots.plot_class_distribution(_secret_in(latest, "insights")),
                                         SSIInputError, column.format(c="insights", n="latest", k="números",
                                                                      f="texto")),
        "plot_class_progress-complex": (lambda: plots.plot_class_progress(
            cases["plot_class_progress"][1]["progress"].assign(change=3 + 4j)), SSIInputError,
            column.format(c="change", n="progress", k="números", f="un valor de tipo complex")),
        "export_csv-empty": (lambda: classroom.export_csv(pd.DataFrame(columns=list(klass.submissions.columns)),
                                                          "vacia.csv", overwrite=True), None, ""),
        "responsiveness-bytes": (lambda: messages.responsiveness(mails.assign(sender=b"\xff")), SSIInputError,
                                 column.format(c="sender", n="messages", k="texto", f="un valor de tipo bytes")),
        "never_contacted-bytes": (lambda: relationships.never_contacted(contacts.assign(last_name=b"\xff"), mails),
                                  SSIInputError, "«last_name»"),
        "plans.describe_plan_comparison-na": (lambda: plans.describe_plan_comparison(
            plans.compare_plan(cases["compare_plan"][1]["plan"], snapshots).assign(status=pd.NA)),
            SSIInputError, "«status» de la tabla «comparison» debe tener un valor en cada fila"),
        "update_funnel_figure-number": (lambda: update_funnel_figure(0, tracker), SSITypeError, "«fig»"),
        "ssi_input-timedelta64": (lambda: ssi_input(SSI(1, 1, 1, 1), industry=np.timedelta64(3, "D")),
                                  SSIInputError, "debe ser un número entre 0 y 100; recibido np.timedelta64"),
        "add_contact-datetime64": (lambda: relationships.add_contact(tracker, "Eva",
                                                                     last_interaction=np.datetime64("9999-12-31")),
                                   SSIInputError, "«last_interaction» debe ser una fecha entre"),
        "show_tracebacks-na": (lambda: ssi_kit.show_tracebacks(pd.NA), SSITypeError, "«show» debe ser True"),
        "quiz-number": (lambda: quiz(0), SSITypeError, "«questions» debe ser una lista de preguntas"),
        "safe_text-huge": (lambda: plots.safe_text(10**5000), None, ""),
        "best_plan-unknown_home": (lambda: ssi_kit.best_plan(SSI(6, 6, 5, 8), 90, catalog="~nadie_aqui/a.csv"),
                                   SSIInputError, "No encuentro el archivo «~nadie_aqui/a.csv»"),
        "save_plan-numpy_false": (lambda: plans.save_plan(["publicar"], start="2025-01-06", ssi=SSI(6, 6, 5, 8),
                                                          band=np.False_, path="planes.sqlite"),
                                  SSIInputError, "«band» debe ser True o una probabilidad"),
    }


@pytest.mark.parametrize("name", list(_issue_examples()))
def test_issue_examples_give_our_message(name):
    """Each kind of garbage the issue names: our error with a message naming what is wrong, never the data."""
    call, error, message = _issue_examples()[name]
    if error is None:
        call()
        return
    with pytest.raises(error) as raised:
        call()
    assert message in str(raised.value)
    assert "Secreta" not in str(raised.value)


# Public callables without a garbage case, on purpose (by qualified name), and why. A function
# without parameters has nothing to replace and needs no entry.
_NO_CASE = {
    **dict.fromkeys(("SSIInputError", "SSITypeError", "SSIWarning"), "our errors themselves"),
    **dict.fromkeys(("Exercise", "NumericExercise", "Question", "Outcome"),
                    "how ssi_kit.exercises declares the course's exercises; learners call check/evaluate on them"),
    **dict.fromkeys(("ActionPlan", "ActionPlan.from_catalog", "ActionPlan.take", "ActionPlan.weekly_minutes"),
                    "the simulation's numpy form of a plan, built by resolve_plan (which has a case)"),
    "write_atomically": "how modules write a file (it takes the Python function that writes); learners never call it",
    **dict.fromkeys(("BestPlan", "NetworkSummary", "Responsiveness", "SavedPlan", "ImportReport", "ClassData",
                     "Stage", "Upload"), "a result ssi-kit returns, read by learners, never built; what takes one "
                                         "has a case"),
    **dict.fromkeys(("Choice", "tr_path", "unknown_pillar"),
                    "how the lesson modules write their exercises (course text, not learners' input)"),
    "AnswerKind": "a type name (Literal), not something to call",
    "Profile.replace": "takes keyword changes; Profile's own case garbles every field it checks",
}


def _target(function: Any) -> Any:
    """What a case calls, unwrapped: the function behind a partial or a bound method."""
    function = function.func if isinstance(function, partial) else function
    return getattr(function, "__func__", function)


def _has_parameters(function: Any) -> bool:
    try:
        return any(name not in ("self", "cls") for name in inspect.signature(function).parameters)
    except ValueError:  # a builtin without a signature
        return True


def _public_callables() -> dict[str, Any]:
    """Every function, class and class method in ssi_kit's and its public modules' ``__all__``, by qualified name."""
    found: dict[str, Any] = {}
    for module in [ssi_kit, *(getattr(ssi_kit, name) for name in ssi_kit._SUBMODULES)]:
        for attribute in module.__all__:
            value = getattr(module, attribute)
            if inspect.isclass(value):
                for klass in value.__mro__:
                    if klass.__module__.startswith("ssi_kit"):
                        found.update({f"{value.__qualname__}.{name}": getattr(value, name) for name in vars(klass)
                                      if not name.startswith("_") and inspect.isroutine(getattr(value, name))})
            if callable(value):
                found[value.__qualname__ if inspect.isclass(value) else f"{value.__module__}.{attribute}"] = value
    return {name: value for name, value in found.items() if _has_parameters(value)}


def test_every_public_function_has_a_garbage_case():
    """A new public function cannot miss the garbage tests: each has a case or a reason above."""
    covered = {_target(function) for function, _kwargs in _cases().values()}
    public = _public_callables()
    missing = sorted(name for name, value in public.items()
                     if _target(value) not in covered and name.rpartition(".")[2] not in _NO_CASE
                     and name not in _NO_CASE)
    assert not missing, f"without a garbage case: {missing}"
    uncalled = {name.rpartition(".")[2] for name in public} | set(public)
    assert set(_NO_CASE) <= uncalled, f"exempt but no longer public: {set(_NO_CASE) - uncalled}"


def test_every_parameter_gets_garbage():
    """Each case names every parameter of its function (a partial fixes only what a developer sets, like name=)."""
    for name, (function, kwargs) in _cases().items():
        fixed = set(function.keywords) if isinstance(function, partial) else set()
        parameters = {p.name for p in inspect.signature(function).parameters.values()
                      if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)}
        assert parameters - fixed <= set(kwargs), f"{name}: no garbage for {parameters - fixed - set(kwargs)}"


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
