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
def _example_module():
    spec = importlib.util.spec_from_file_location("make_example_export", ROOT / "scripts" / "make_example_export.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@lru_cache(maxsize=1)
def _folder() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="ssi-bench-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def _write(text: str, name: str) -> Path:
    path = _folder() / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


@lru_cache(maxsize=1)
def _export() -> Path:
    module = _example_module()
    return _write(module.export_text(module.make_people(ROWS)), "Connections.csv")


def _read_ratio(path: Path, label: str) -> list[dict[str, object]]:
    """read_connections against a bare pandas.read_csv of the same file (skipping its 3 note lines)."""
    import pandas as pd

    from ssi_kit.linkedin_export import read_connections

    ours = best_ms(lambda: read_connections(path), repeat=9)
    bare = best_ms(lambda: pd.read_csv(path, skiprows=3), repeat=9)
    return [
        {"benchmark": f"read_connections 30k {label}", "value": ours, "unit": "ms", "target": None},
        {"benchmark": f"pandas.read_csv 30k {label} (bare)", "value": bare, "unit": "ms", "target": None},
        {"benchmark": f"read_connections / read_csv, {label}", "value": ours / bare, "unit": "x", "target": 1.5},
    ]


def bench_read_connections_vs_read_csv() -> list[dict[str, object]]:
    """The example generator's export: few distinct dates, no quoted commas."""
    return _read_ratio(_export(), "example")


@lru_cache(maxsize=1)
def _realistic_export() -> Path:
    """30,000 people connected on about 6,000 distinct random days, in random order; about 40 % of
    the companies hold a comma (so they are quoted, as LinkedIn writes them)."""
    import csv
    import io
    import random
    from datetime import date, timedelta

    module = _example_module()
    rng = random.Random(30_000)
    first = date(2009, 1, 1)
    days = rng.sample(range((date(2025, 6, 30) - first).days), 6_000)
    suffixes = (", S.L.", ", S.A.", ", Inc.", ", LLC", ", S.A. de C.V.", "", "", "", "", "", "", "")
    out = io.StringIO()
    out.write(module.PREAMBLE)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(module.HEADER)
    for i in range(ROWS):
        name, surname = rng.choice(module.FIRST_NAMES), rng.choice(module.LAST_NAMES)
        day = first + timedelta(days=rng.choice(days))
        handle = f"{module._slug(name)}-{module._slug(surname)}-{i:05x}"
        writer.writerow([
            name, surname, f"https://www.example.com/in/{handle}",
            f"{handle}@example.com" if rng.random() < 0.08 else "",
            rng.choice(module.COMPANIES) + rng.choice(suffixes) if rng.random() < 0.96 else "",
            rng.choice(module.DECISION_TITLES + module.OTHER_TITLES),
            f"{day.day:02d} {module.MONTHS[day.month - 1]} {day.year}",
        ])
    return _write(out.getvalue(), "Connections_realista.csv")


def bench_read_connections_realistic() -> list[dict[str, object]]:
    """The realistic export (about 6,000 distinct dates, quoted companies with commas): date parsing
    and validation must stay cheap."""
    return _read_ratio(_realistic_export(), "realistic")


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
    from ssi_kit.plots import plot_pyramid
    from ssi_kit.plots._network import update_pyramid_figure

    fig = go.FigureWidget(plot_pyramid(pyramid(500), log=True))
    counter = iter(range(1, 10**9))
    return {"benchmark": "pyramid slider update", "unit": "ms", "target": None,
            "value": best_ms(lambda: update_pyramid_figure(fig, pyramid(1 + next(counter) % 30000), log=True),
                             repeat=7, number=20)}
