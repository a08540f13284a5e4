"""Issue 9: one record() into the SSI history (a real transaction, synced to disk)."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from _timing import best_ms


def bench_history_record():
    from ssi_kit import SSI
    from ssi_kit.history import load_history, record

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "historial.sqlite"
        ssi = SSI(12.5, 8, 5.25, 10)
        days = iter([dt.date(2001, 1, 1) + dt.timedelta(days=i) for i in range(10_000)])
        for _ in range(200):  # a history of a few years already
            record(ssi, next(days), path=path)

        def one():
            record(ssi, next(days), path=path)

        rows = [{"benchmark": "history: one record", "value": best_ms(one, repeat=7, number=10), "unit": "ms",
                 "target": 20.0},
                {"benchmark": "history: load_history (300 rows)", "value": best_ms(lambda: load_history(path)),
                 "unit": "ms", "target": None}]
    return rows
