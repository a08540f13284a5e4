"""The package's shape: dependencies point one way, no private names cross modules, no import cycles."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "ssi_kit"
MODULES = sorted(PACKAGE.rglob("*.py"))

# Lower layers never import higher ones: errors/i18n/checks/resources/store ← models ← plots ← widgets/exercises.
_LAYERS = {
    "ssi_kit.errors": 0, "ssi_kit._i18n": 0, "ssi_kit._checks": 0, "ssi_kit._resources": 0, "ssi_kit._store": 0,
    "ssi_kit._html": 0, "ssi_kit._weeks": 0,
    "ssi_kit._palette": 0, "ssi_kit._spreadsheet": 0, "ssi_kit._table_reader": 0,
    "ssi_kit.server_extension": 0,
    "ssi_kit.score": 1, "ssi_kit._catalog": 1, "ssi_kit.linkedin_ssi": 1, "ssi_kit.actions": 1, "ssi_kit.simulation": 1,
    "ssi_kit.network": 1, "ssi_kit.linkedin_export": 1, "ssi_kit.datasets": 1, "ssi_kit.safe_csv": 1,
    "ssi_kit.messages": 1, "ssi_kit.relationships": 1, "ssi_kit.tables": 1,
    "ssi_kit.plans": 1, "ssi_kit.history": 1, "ssi_kit.classroom": 1, "ssi_kit.progress": 1, "ssi_kit.course": 1,
    "ssi_kit.profile": 1,
    "ssi_kit.plots": 2, "ssi_kit.personal_plan": 3, "ssi_kit.cli": 4, "ssi_kit.widgets": 3, "ssi_kit.exercises": 3,
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, *, top_level_only: bool) -> list[tuple[str, list[str]]]:
    """(module imported, names imported) for each ``from … import`` inside ssi_kit."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rsplit(".", 1)[0]
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found = []
    for node in nodes:
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if target.startswith("ssi_kit"):
                found.append((target, [alias.name for alias in node.names]))
    return found


def _layer(module: str) -> int | None:
    for prefix, layer in sorted(_LAYERS.items(), key=lambda kv: -len(kv[0])):
        if module == prefix or module.startswith(prefix + "."):
            return layer
    return None


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_private_names_from_other_modules(path):
    """No module imports another module's private names: what two modules share is a named helper."""
    for target, names in _imports(path, top_level_only=False):
        private = [n for n in names if n.startswith("_") and n != "__version__"]
        assert not private, f"{path.name} imports {private} from {target}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_dependencies_point_one_way(path):
    """errors/i18n/checks ← models ← plots ← widgets/exercises, never the other way."""
    own = _layer(_module_name(path))
    if own is None:
        return
    for target, _names in _imports(path, top_level_only=False):
        other = _layer(target)
        assert other is None or other <= own, f"{_module_name(path)} (layer {own}) imports {target} (layer {other})"


def test_no_import_cycles():
    """Imports between ssi_kit modules, lazy ones included, form no cycle (datasets ↔ simulation was one)."""
    graph: dict[str, set[str]] = {}
    names = {_module_name(p) for p in MODULES}
    for path in MODULES:
        deps = set()
        for target, imported in _imports(path, top_level_only=False):
            deps |= {f"{target}.{n}" for n in imported if f"{target}.{n}" in names} or {target}
        graph[_module_name(path)] = {d for d in deps if d in names and d != _module_name(path)}
    # A package importing its own submodules is not a cycle; a submodule importing its package's
    # __init__ for a name is, when __init__ imports that submodule.
    visiting: list[str] = []
    done: set[str] = set()

    def visit(node: str) -> None:
        if node in done:
            return
        assert node not in visiting, " → ".join([*visiting[visiting.index(node):], node])
        visiting.append(node)
        for dep in graph.get(node, ()):
            visit(dep)
        visiting.pop()
        done.add(node)

    for module in graph:
        visit(module)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_one_translation_path(path):
    """Only _i18n looks at the language: everything else goes through tr()/format_*."""
    if path.name == "_i18n.py":
        return
    source = path.read_text(encoding="utf-8")
    assert "get_language() ==" not in source and "get_language() !=" not in source


def test_import_changes_no_global_state():
    """Importing ssi_kit (and its plots) in a kernel leaves plotly's renderer alone."""
    code = (
        "import sys, types; sys.modules['ipykernel'] = types.ModuleType('ipykernel');"
        "import plotly.io as pio; before = pio.renderers.default;"
        "import ssi_kit, ssi_kit.plots, ssi_kit.widgets; ssi_kit.plot_ssi;"
        "print(before == pio.renderers.default)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "True"


def _declared_names(path: Path) -> tuple[list[str], bool]:
    """The names a module's ``__all__`` lists, and whether it is patched later (``__all__ += …``)."""
    names: list[str] = []
    patched = False
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and node.target.id == "__all__":
            patched = True
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            names = [e.value for e in getattr(node.value, "elts", []) if isinstance(e, ast.Constant)]
    return names, patched


# Packages that gather their modules' names on purpose (the API a lesson reaches as ssi_kit.x, ssi_kit.plots.x…),
# and the lesson exercise modules, which all declare the same protocol (LESSON, EXERCISES, QUIZ, q1…).
_GATHERING = {"ssi_kit", "ssi_kit.plots", "ssi_kit.widgets", "ssi_kit.linkedin_export", "ssi_kit.exercises"}
# Names two public modules may both list on purpose: none (describe_comparison was two ideas, now
# describe_plan_comparison and describe_class_comparison).
_KNOWN_SHARED: set[str] = set()


def test_each_public_name_has_one_home():
    """``__all__`` is written once per module, and a public module never lists a name another one lists:
    a function is reached one way (re-exports such as simulation.load_actions are gone)."""
    homes: dict[str, list[str]] = {}
    for path in MODULES:
        module = _module_name(path)
        names, patched = _declared_names(path)
        assert not patched, f"{module} patches __all__ after declaring it"
        private = any(part.startswith("_") for part in module.split("."))
        if private or module in _GATHERING or module.startswith("ssi_kit.exercises.lesson"):
            continue
        for name in names:
            homes.setdefault(name, []).append(module)
    shared = {name: where for name, where in homes.items() if len(where) > 1 and name not in _KNOWN_SHARED}
    assert shared == {}
