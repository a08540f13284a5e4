"""Benchmarks of the teaching model: a class at once, the exact best plan, one widget change."""

from __future__ import annotations

import numpy as np

from _timing import best_ms


def bench_simulate_many() -> dict:
    """simulate_many: 1,000 learners × 52 weeks × the full catalog."""
    import pandas as pd

    from ssi_kit.simulation import load_actions, simulate_many

    rng = np.random.default_rng(0)
    learners = pd.DataFrame(
        np.round(rng.uniform(0, 25, size=(1000, 4)), 3),
        columns=["brand", "people", "insights", "relationships"],
    )
    ids = list(load_actions().id)
    simulate_many(learners, ids, 52)  # warm-up: imports and catalog cache
    value = best_ms(lambda: simulate_many(learners, ids, 52), repeat=7)
    return {"benchmark": "simulate_many 1000 learners x 52 weeks", "value": value, "unit": "ms", "target": 50.0}


def bench_best_plan() -> dict:
    """best_plan on the full catalog, 150 min/week, 26 weeks (exact search)."""
    from ssi_kit import SSI
    from ssi_kit.simulation import best_plan

    start = SSI(6, 6, 5, 8)
    best_plan(start, 150, 26)
    value = best_ms(lambda: best_plan(start, 150, 26), repeat=7)
    return {"benchmark": "best_plan full catalog (150 min, 26 weeks)", "value": value, "unit": "ms", "target": 200.0}


def bench_simulator_change() -> dict:
    """One widget change (tick or untick an action), Python side, no browser attached."""
    from ssi_kit import SSI
    from ssi_kit.widgets import simulator

    widget = simulator(SSI(6, 6, 5, 8), actions=["publicar"])
    box = widget.checkboxes["grupos"]

    def toggle() -> None:
        box.value = not box.value

    toggle()
    value = best_ms(toggle, repeat=15)
    return {"benchmark": "simulator widget: one checkbox change", "value": value, "unit": "ms", "target": 10.0}
