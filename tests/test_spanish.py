"""Spanish every Spanish speaker reads the same way: no «vosotros» forms and no «ordenador».

The course is for learners from Spain and Latin America, so what a learner reads uses «ustedes»
(«pueden», «se conocen») and «computadora» or «equipo». The texts checked: every lesson's markdown
and stored outputs, the library's string literals (messages, labels, chart titles), the data files a
lesson shows and the Voilà template. Code inside backticks is left out.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted((ROOT / "lessons").glob("*.ipynb"))
PACKAGE = ROOT / "ssi_kit"

FORBIDDEN = [
    (re.compile(r"\bvosotr[oa]s\b|\bvuestr[oa]s?\b", re.IGNORECASE), "vosotros, vuestro"),
    (re.compile(r"\bos\b", re.IGNORECASE), "«os» (use «les», «los», «se»)"),
    (re.compile(r"\b\w+(?:áis|éis)\b", re.IGNORECASE), "2nd person plural in -áis/-éis"),
    (re.compile(r"\b\w*[^\Waeiouáéíóú]ís\b", re.IGNORECASE), "2nd person plural in -ís (coincidís)"),
    (re.compile(r"\b\w+(?:asteis|isteis)\b", re.IGNORECASE), "2nd person plural past (conectasteis)"),
    (re.compile(r"\b(?:quedad|mirad|haced|pulsad|abrid|escribid|elegid|sabed|venid)\b", re.IGNORECASE),
     "plural imperative of vosotros"),
    (re.compile(r"\b(?:abriros|presentaros|conoceros|veros|escribiros|quedaros)\b", re.IGNORECASE),
     "infinitive with «os»"),
    (re.compile(r"\bordenador(?:es)?\b", re.IGNORECASE), "«ordenador» (use «computadora» or «equipo»)"),
    (re.compile(r"\bcítale\b", re.IGNORECASE), "leísmo (cítalo, cítala)"),
]
ALLOWED = {"parís", "anís"}  # words the -ís pattern catches that are not verbs
CODE = re.compile(r"```.*?```|`[^`]*`", re.DOTALL)


def problems(text: str) -> list[str]:
    """The vosotros forms and «ordenador» in ``text``, each with the rule it breaks."""
    text = CODE.sub(" ", text)
    found = []
    for pattern, rule in FORBIDDEN:
        found += [f"{m.group(0)!r}: {rule}" for m in pattern.finditer(text) if m.group(0).lower() not in ALLOWED]
    return found


def _lesson_texts(path: Path) -> list[str]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    texts = ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]
    for cell in cells:
        for output in cell.get("outputs", []):
            texts.append("".join(output.get("text", "")))
            texts += ["".join(v) for k, v in output.get("data", {}).items() if k.startswith("text/")]
    return texts


def _string_literals(path: Path) -> list[str]:
    """The string constants of a module, docstrings (English, for programmers) left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [n.value for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("text, expected", [
    ("¿Coincidís en algo? Quedad con ellos.", 2),
    ("Pídele que os presente; podéis abriros.", 3),
    ("el año en que conectasteis", 1),
    ("Guarda el archivo en tu ordenador.", 1),
    ("Cítale en tu mensaje.", 1),
    ("Si coinciden, pueden abrirse el uno al otro en su país; `import os` es código.", 0),
    ("Guarda el archivo en tu computadora o en este equipo; mira los primeros claros.", 0),
])
def test_the_rules_catch_vosotros_and_spare_ustedes(text, expected):
    """The patterns find vosotros forms and «ordenador», and leave ustedes, «país» and code alone."""
    assert len(problems(text)) == expected, problems(text)


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lessons_speak_to_every_spanish_speaker(path):
    """A lesson's text and stored outputs use ustedes and «computadora»/«equipo»."""
    found = [p for text in _lesson_texts(path) for p in problems(text)]
    assert found == []


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_library_strings_speak_to_every_spanish_speaker(path):
    """Messages, labels, titles and exercises of the library use ustedes and «computadora»/«equipo»."""
    found = [p for text in _string_literals(path) for p in problems(text)]
    assert found == []


@pytest.mark.parametrize("path", sorted((ROOT / "data").glob("*.csv")) + sorted((ROOT / "jupyter").rglob("*.html"))
                         + [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_data_templates_and_docs_speak_to_every_spanish_speaker(path):
    """The data files lessons show, the Voilà template and the docs use ustedes and «computadora»."""
    assert problems(path.read_text(encoding="utf-8")) == []
