"""Issue 9: the one-page personal plan written in ≤ 2 s and ≤ 6 MB (plotly.js included once)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path


def bench_report():
    import ssi_kit
    from ssi_kit.personal_plan import report

    profile = ssi_kit.load_dataset("ssi_ejemplo")
    connections = ssi_kit.load_dataset("conexiones_ejemplo")
    with tempfile.TemporaryDirectory() as folder:
        dest = Path(folder) / "mi_plan.html"
        report(profile, connections=connections, dest=dest)  # warm-up: imports and plotly.js read once
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            report(profile, connections=connections, dest=dest, overwrite=True)
            runs.append(time.perf_counter() - start)
        size = dest.stat().st_size / 2**20
    return [
        {"benchmark": "report: personal plan written (with export)", "value": min(runs), "unit": "s", "target": 2.0},
        {"benchmark": "report: size of the HTML file", "value": size, "unit": "MB", "target": 6.0},
    ]
