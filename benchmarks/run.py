"""Run every benchmark and print a table (``make bench``). Benchmarks are not tests.

Each ``benchmarks/bench_*.py`` module defines functions named ``bench_*`` that take no
argument and return a row: ``{"benchmark", "value", "unit", "target"}`` (target may be None).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # bench modules import _timing


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def main(argv: list[str]) -> int:
    wanted = argv[1:]
    rows = []
    for path in sorted(HERE.glob("bench_*.py")):
        if wanted and not any(w in path.stem for w in wanted):
            continue
        module = _load(path)
        for name in sorted(n for n in dir(module) if n.startswith("bench_")):
            print(f"… {path.stem}.{name}", file=sys.stderr)
            result = getattr(module, name)()
            rows.extend(result if isinstance(result, list) else [result])
    width = max((len(r["benchmark"]) for r in rows), default=10)
    print(f"{'benchmark':<{width}}  {'value':>10}  {'unit':<5}  {'target':>8}  ok")
    print("-" * (width + 36))
    for r in rows:
        target = r.get("target")
        ok = "" if target is None else ("yes" if r["value"] <= target else "NO")
        target_text = "" if target is None else f"{target:g}"
        print(f"{r['benchmark']:<{width}}  {r['value']:>10.3f}  {r['unit']:<5}  {target_text:>8}  {ok}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
