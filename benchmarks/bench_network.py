"""Benchmarks of lesson 03: reading a 30,000-row export (LinkedIn's cap) and summarising it."""

from __future__ import annotations

import atexit
import importlib.util
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

from _timing import best_ms

ROOT = Path(__file__).resolve().parent.parent
ROWS = 30_000


@lru_cache(maxsize=1)
def _export() -> Path:
    spec = importlib.util.spec_from_file_location("make_example_export", ROOT / "scripts" / "make_example_export.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    folder = Path(tempfile.mkdtemp(prefix="ssi-bench-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    path = folder / "Connections.csv"
    path.write_text(module.export_text(module.make_people(ROWS)), encoding="utf-8", newline="")
    return path


def bench_read_connections_vs_read_csv() -> list[dict[str, object]]:
    """read_connections against a bare pandas.read_csv of the same file (skipping its 3 note lines)."""
    import pandas as pd

    from ssi_kit.linkedin_export import read_connections

    path = _export()
    ours = best_ms(lambda: read_connections(path), repeat=9)
    bare = best_ms(lambda: pd.read_csv(path, skiprows=3), repeat=9)
    return [
        {"benchmark": "read_connections 30k rows", "value": ours, "unit": "ms", "target": None},
        {"benchmark": "pandas.read_csv 30k rows (bare)", "value": bare, "unit": "ms", "target": None},
        {"benchmark": "read_connections / read_csv", "value": ours / bare, "unit": "x", "target": 1.5},
    ]


def bench_network_summary() -> dict[str, object]:
    """network_summary on the 30,000-row export."""
    from ssi_kit.linkedin_export import network_summary, read_connections

    df = read_connections(_export())
    return {"benchmark": "network_summary 30k rows", "value": best_ms(lambda: network_summary(df), repeat=9),
            "unit": "ms", "target": 100.0}


def bench_pyramid_update() -> dict[str, object]:
    """One in-place update of the pyramid figure (what a slider move costs, without a browser)."""
    import plotly.graph_objects as go

    from ssi_kit.network import pyramid
    from ssi_kit.plots import plot_pyramid, update_pyramid_figure

    fig = go.FigureWidget(plot_pyramid(pyramid(500), log=True))
    counter = iter(range(1, 10**9))
    return {"benchmark": "pyramid slider update", "unit": "ms", "target": None,
            "value": best_ms(lambda: update_pyramid_figure(fig, pyramid(1 + next(counter) % 30000), log=True),
                             repeat=7, number=20)}
