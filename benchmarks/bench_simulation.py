"""Benchmarks of the teaching model: a class at once, the exact best plan, a wide band, one widget change."""

from __future__ import annotations

import numpy as np
from _timing import best_ms


def bench_simulate_many() -> dict:
    """simulate_many: 1,000 learners × 52 weeks × the full catalog."""
    import pandas as pd

    from ssi_kit.actions import load_actions
    from ssi_kit.simulation import simulate_many

    rng = np.random.default_rng(0)
    learners = pd.DataFrame(
        np.round(rng.uniform(0, 25, size=(1000, 4)), 3),
        columns=["brand", "people", "insights", "relationships"],
    )
    ids = list(load_actions().id)
    simulate_many(learners, ids, weeks=52)  # warm-up: imports and catalog cache
    value = best_ms(lambda: simulate_many(learners, ids, weeks=52), repeat=7)
    return {"benchmark": "simulate_many 1000 learners x 52 weeks", "value": value, "unit": "ms", "target": 10.0}


def bench_best_plan() -> dict:
    """best_plan on the full catalog, 150 min/week, 26 weeks (exact search)."""
    from ssi_kit import SSI
    from ssi_kit.simulation import best_plan

    start = SSI(6, 6, 5, 8)
    best_plan(start, 150, weeks=26)
    value = best_ms(lambda: best_plan(start, 150, weeks=26), repeat=7)
    return {"benchmark": "best_plan full catalog (150 min, 26 weeks)", "value": value, "unit": "ms", "target": 200.0}


def bench_simulate_band() -> list[dict]:
    """simulate with a band: the lesson's (400 draws, 26 weeks) and the largest allowed (100,000 × 520)."""
    from ssi_kit import SSI
    from ssi_kit.actions import load_actions
    from ssi_kit.simulation import simulate

    start, ids = SSI(6, 6, 5, 8), list(load_actions().id)
    simulate(start, ids, weeks=26, band=True)
    lesson = best_ms(lambda: simulate(start, ids, weeks=26, band=True), repeat=7)
    # Computed week by week: memory stays near 20 MB (all weeks at once took 4 GB).
    largest = best_ms(lambda: simulate(start, ids, weeks=520, band=True, draws=100_000), repeat=1)
    return [
        {"benchmark": "simulate band 400 draws x 26 weeks", "value": lesson, "unit": "ms", "target": 20.0},
        {"benchmark": "simulate band 100000 draws x 520 weeks", "value": largest, "unit": "ms", "target": 10_000.0},
    ]


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
