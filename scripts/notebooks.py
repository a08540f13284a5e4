"""Keep lesson notebooks clean for git: ``python scripts/notebooks.py [--execute] [--check] [files]``.

Committed notebooks hold no outputs, execution counts or widget state (a FigureWidget's state
is megabytes of JavaScript), with one exception: cells marked ``# NBVAL_CHECK_OUTPUT`` keep
their printed text (and execution count 1), because that text is what nbval compares against
when testing the lesson: without it the marker would check nothing.

Plumbing (imports, set-up, column renames: code a learner need not read) is a code cell with
the tag ``plumbing``. Cleaning hides its code in JupyterLab (``"jupyter": {"source_hidden": true}``:
the cell shows as a thin bar, one click shows the code) and the check insists on it; code is
hidden only that way, so every hidden cell carries the tag. In Voilà no code ever shows, and
ssi-kit's template does not show a plumbing cell at all.

--execute  run each notebook first (in lessons/) so check cells get fresh expected output
--check    change nothing; exit 1 and list the notebooks that are not clean
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
CHECK_MARK = "# NBVAL_CHECK_OUTPUT"
PLUMBING_TAG = "plumbing"


def is_check_cell(cell) -> bool:
    return cell.cell_type == "code" and cell.source.lstrip().startswith(CHECK_MARK)


def is_plumbing(cell) -> bool:
    return cell.cell_type == "code" and PLUMBING_TAG in cell.metadata.get("tags", [])


def is_hidden(cell) -> bool:
    return bool(cell.metadata.get("jupyter", {}).get("source_hidden"))


def kept_outputs(cell) -> list:
    """Outputs a committed cell may keep: plain printed text of check cells only."""
    if not is_check_cell(cell):
        return []
    return [o for o in cell.get("outputs", []) if o.get("output_type") == "stream" and o.get("name") == "stdout"]


def strip(nb) -> None:
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs = kept_outputs(cell)
            if is_check_cell(cell):
                cell.metadata["keep_output"] = True  # nbstripout's marker: it keeps these too
            # nbval refuses stored outputs on a cell that never ran: give check cells a count.
            cell.execution_count = 1 if cell.outputs else None
            if is_plumbing(cell):
                cell.metadata.setdefault("jupyter", {})["source_hidden"] = True


def problems(nb) -> list[str]:
    found = []
    if "widgets" in nb.metadata:
        found.append("widget state in metadata")
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if cell.execution_count not in (None, 1) or (cell.execution_count and not kept_outputs(cell)):
            found.append(f"cell {index}: execution count")
        extra = [o for o in cell.outputs if o not in kept_outputs(cell)]
        if extra:
            found.append(f"cell {index}: {len(extra)} output(s) that must not be committed")
        if is_plumbing(cell) and not is_hidden(cell):
            found.append(f"cell {index}: plumbing cell with its code shown (run this script to hide it)")
        if is_hidden(cell) and not is_plumbing(cell):
            found.append(f"cell {index}: code hidden without the tag {PLUMBING_TAG!r}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--execute", action="store_true")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    files = args.files or sorted((ROOT / "lessons").glob("*.ipynb"))
    dirty = []
    for path in files:
        nb = nbformat.read(path, as_version=4)
        if args.check:
            if problems(nb):
                dirty.append(f"{path}: {'; '.join(problems(nb))}")
            continue
        if args.execute:
            from nbclient import NotebookClient

            resources = {"metadata": {"path": str(path.parent)}}
            NotebookClient(nb, timeout=300, kernel_name="python3", resources=resources).execute()
        strip(nb)
        nbformat.write(nb, path)
    if dirty:
        print("Not clean:\n" + "\n".join(dirty))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
