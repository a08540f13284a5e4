"""Issue 2: import cost of ssi_kit against pandas, and one slider change in ssi_input."""

from __future__ import annotations

import subprocess
import sys

from _timing import best_ms


def _import_ms(module: str, repeat: int = 5) -> float:
    """Best fresh-interpreter import time of ``module``, in ms."""
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(repeat)]
    return min(runs) * 1000


def bench_import_ssi_kit():
    """import ssi_kit costs at most 0.15 × import pandas in the same run; the exercises load no plotly."""
    ours, pandas = _import_ms("ssi_kit"), _import_ms("pandas")
    return [
        {"benchmark": "import ssi_kit", "value": ours, "unit": "ms", "target": None},
        {"benchmark": "import pandas (same run, for scale)", "value": pandas, "unit": "ms", "target": None},
        {"benchmark": "import ssi_kit / import pandas", "value": ours / pandas, "unit": "x", "target": 0.15},
        {"benchmark": "from ssi_kit.exercises import lesson01 (all lessons alike)",
         "value": _import_ms("ssi_kit.exercises.lesson01"), "unit": "ms", "target": None},
    ]


def bench_ssi_input_slider_change():
    from ssi_kit import SSI
    from ssi_kit.widgets import ssi_input

    widget = ssi_input(SSI(12.5, 8, 5.25, 10), industry=31, network=27.4)
    slider = widget.sliders["brand"]
    values = iter([5 + (i % 2000) * 0.01 for i in range(10**6)])

    def change():
        slider.value = next(values)

    return {"benchmark": "ssi_input: one slider change (Python side)", "value": best_ms(change, repeat=7, number=50),
            "unit": "ms", "target": 5.0}
