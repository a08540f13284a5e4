"""The history never loses a row: killed writers, two writers at once, a damaged file left untouched."""

from __future__ import annotations

import datetime as dt
import os
import random
import subprocess
import sys

import pytest

from ssi_kit import SSI, SSIInputError
from ssi_kit.history import load_history, record

from .killing import kill_while_writing

FIRST_DAY = dt.date(2001, 1, 1)


def _day(i: int) -> dt.date:
    return FIRST_DAY + dt.timedelta(days=i)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_killed_writer_never_loses_a_returned_record(tmp_path):
    """Killing a recording process at random moments, 100 times: the history always opens and
    holds every snapshot whose record() returned."""
    target = tmp_path / "historial.sqlite"

    def holds(confirmed: set[int]) -> None:
        assert {_day(i) for i in confirmed} <= set(load_history(target)["date"].dt.date)  # always opens

    confirmed = kill_while_writing(lambda i: record(SSI(i % 25, 1, 2, 3), _day(i), path=target), holds,
                                   rounds=100, seed=2024)
    assert len(confirmed) > 0


_DIES_MID_COMMIT = """
import os, sqlite3, sys
path = sys.argv[1]
connection = sqlite3.connect(path, isolation_level=None)
connection.execute("PRAGMA cache_size = 1")  # changed pages spill into the file before the commit
connection.execute("BEGIN IMMEDIATE")
connection.execute("CREATE TABLE scratch (x)")  # page 1 changes, so its original goes to the journal
connection.executemany("INSERT INTO snapshots VALUES (?, 1, 1, 1, 1, NULL, NULL, 'x')",
                       [(f"1999-{i:06d}",) for i in range(5000)])
# A commit writes page 1 (with the new page count) before the pages after it: die in between.
with open(path, "r+b") as file:
    file.seek(28)
    file.write((os.path.getsize(path) // 4096 + 50).to_bytes(4, "big"))
os._exit(0)
"""


def test_writer_that_died_mid_commit_is_rolled_back_not_called_damaged(tmp_path):
    """A history a writer left half changed (hot journal) opens with its rows as they were."""
    target = tmp_path / "historial.sqlite"
    for i in range(30):
        record(SSI(1, 2, 3, 4), _day(i), path=target)
    subprocess.run([sys.executable, "-c", _DIES_MID_COMMIT, str(target)], check=True, timeout=60)
    assert (tmp_path / "historial.sqlite-journal").stat().st_size > 0
    assert load_history(target)["date"].dt.date.tolist() == [_day(i) for i in range(30)]
    record(SSI(5, 5, 5, 5), _day(30), path=target)
    assert len(load_history(target)) == 31
    assert not (tmp_path / "historial.sqlite-journal").exists()


_WRITER = """
import datetime as dt, sys
from ssi_kit import SSI
from ssi_kit.history import record
offset, path = int(sys.argv[1]), sys.argv[2]
for i in range(500):
    record(SSI(1, 2, 3, 4), dt.date(2001, 1, 1) + dt.timedelta(days=offset + 2 * i), path=path)
print("ok")
"""


def test_two_processes_writing_at_once_keep_every_row(tmp_path):
    """Two processes recording 500 different days each into one file end with 1,000 rows."""
    target = tmp_path / "historial.sqlite"
    writers = [subprocess.Popen([sys.executable, "-c", _WRITER, str(offset), str(target)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for offset in (0, 1)]
    results = [w.communicate(timeout=120) for w in writers]
    assert [w.returncode for w in writers] == [0, 0], [err for _, err in results]
    history = load_history(target)
    assert len(history) == 1000
    assert history["date"].is_unique


@pytest.mark.parametrize("damage", ["truncate", "cut_in_last_page", "scribble_header", "scribble_pages"])
def test_damaged_history_gives_a_clear_error_and_stays_untouched(tmp_path, damage):
    """A damaged history: loading and recording give a clear error, and its bytes never change."""
    target = tmp_path / "historial.sqlite"
    for i in range(300):  # a few pages of data
        record(SSI(1, 2, 3, 4), _day(i), path=target)
    data = bytearray(target.read_bytes())
    if damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "cut_in_last_page":  # SQLite alone would write to this one
        data = data[:-100]
    elif damage == "scribble_header":
        data[:16] = b"x" * 16
    else:
        page = int.from_bytes(data[16:18], "big")
        data[page:] = bytes(random.Random(1).randrange(256) for _ in range(len(data) - page))
    target.write_bytes(bytes(data))
    for call in (lambda: load_history(target), lambda: record(SSI(1, 1, 1, 1), _day(999), path=target)):
        with pytest.raises(SSIInputError) as info:
            call()
        assert "historial" in str(info.value)
        assert target.read_bytes() == bytes(data)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["historial.sqlite"]
