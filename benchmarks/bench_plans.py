"""Benchmarks of plans checked against reality: one save (projection with band + SQLite), one comparison."""

from __future__ import annotations

import tempfile
from pathlib import Path

from _timing import best_ms


def bench_save_plan() -> dict:
    """save_plan: the lesson's best plan (26 weeks, band) written to a plans file."""
    from ssi_kit import SSI
    from ssi_kit.plans import save_plan
    from ssi_kit.simulation import best_plan

    plan = best_plan(SSI(6, 6, 5, 8), 150, weeks=26)
    where = Path(tempfile.mkdtemp()) / "planes.sqlite"
    save_plan(plan, "2025-01-06", path=where)  # warm-up: imports, schema
    value = best_ms(lambda: save_plan(plan, "2025-01-06", path=where), repeat=7)
    return {"benchmark": "save_plan best plan 26 weeks with band", "value": value, "unit": "ms", "target": 60.0}


def bench_compare_plan() -> dict:
    """compare_plan + plot_plan_vs_reality: a year of daily snapshots against a 52-week plan."""
    import pandas as pd

    from ssi_kit import SSI
    from ssi_kit.plans import compare_plan, save_plan
    from ssi_kit.plots import plot_plan_vs_reality

    plan = save_plan(["publicar", "grupos"], "2025-01-06", ssi=SSI(6, 6, 5, 8), weeks=52,
                     path=Path(tempfile.mkdtemp()) / "planes.sqlite")
    history = pd.DataFrame({"date": pd.date_range("2025-01-06", periods=365, freq="D"),
                            "total": [25 + i * 0.05 for i in range(365)]})
    compare_plan(plan, history)
    value = best_ms(lambda: plot_plan_vs_reality(plan, history), repeat=7)
    return {"benchmark": "plot_plan_vs_reality 365 snapshots x 52 weeks", "value": value, "unit": "ms",
            "target": 100.0}
