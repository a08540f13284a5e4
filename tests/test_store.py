"""ssi_kit._store: the one store of history, plans and contacts, tested through the public functions of each.

Another program's file is refused without being modified (its WAL, its hot journal); SQLite's
refusals reach the learner as our errors, apart and in Spanish: busy, read-only, disk full,
damaged.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from ssi_kit import SSI, SSIInputError, _store
from ssi_kit.history import history_path, load_history, record
from ssi_kit.plans import list_plans, load_plan, save_plan
from ssi_kit.relationships import add_contact, load_tracker, new_tracker, save_tracker

START = SSI(6, 6, 5, 8)

# Each public function that opens a store, by name: (call with path=, writes?).
CALLS: dict[str, tuple[Callable[[Path], object], bool]] = {
    "record": (lambda path: record(SSI(1, 2, 3, 4), "2025-03-14", path=path), True),
    "load_history": (lambda path: load_history(path), False),
    "save_plan": (lambda path: save_plan(["publicar"], start="2025-01-06", ssi=START, weeks=4, path=path), True),
    "load_plan": (lambda path: load_plan(path=path), False),
    "list_plans": (lambda path: list_plans(path=path), False),
    "save_tracker": (lambda path: save_tracker(add_contact(new_tracker(), "Ana Ruiz"), path=path), True),
    "load_tracker": (lambda path: load_tracker(path), False),
}
WRITERS = [name for name, (_call, writes) in CALLS.items() if writes]
SQLITE_WORDS = ("database", "locked", "disk", "readonly", "attempt", "malformed", "SQLite format")


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    """The user folder is a temporary one: nothing touches a real learner's files."""
    monkeypatch.setenv("SSI_KIT_HOME", str(tmp_path / "home"))


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _run(code: str, *args: object) -> None:
    subprocess.run([sys.executable, "-c", code, *map(str, args)], check=True, timeout=60)


_FOREIGN_WAL = """
import os, sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA journal_mode = WAL")
connection.execute("PRAGMA wal_autocheckpoint = 0")
connection.execute("CREATE TABLE notas (texto TEXT)")
connection.executemany("INSERT INTO notas VALUES (?)", [("nota %d" % i,) for i in range(200)])
os._exit(0)  # killed: its -wal and -shm stay, holding what the main file does not have yet
"""

_FOREIGN_HOT_JOURNAL = """
import os, sqlite3, sys
path = sys.argv[1]
connection = sqlite3.connect(path, isolation_level=None)
connection.execute("CREATE TABLE notas (texto TEXT)")
connection.executemany("INSERT INTO notas VALUES (?)", [("nota %d" % i,) for i in range(2000)])
connection.execute("PRAGMA cache_size = 1")  # changed pages spill into the file before the commit
connection.execute("BEGIN IMMEDIATE")
connection.execute("DELETE FROM notas")
connection.executemany("INSERT INTO notas VALUES (?)", [("otra %d" % i,) for i in range(3000)])
os._exit(0)  # died mid-transaction: a hot journal SQLite would roll back on the next open
"""


class TestAnotherProgramsFile:
    @pytest.mark.parametrize("name", list(CALLS))
    def test_wal_database_refused_without_touching_it(self, tmp_path, name):
        """A database in WAL mode with its -wal and -shm: refused, and none of its three files changes."""
        where = tmp_path / "otra.sqlite"
        _run(_FOREIGN_WAL, where)
        before = _files(tmp_path)
        assert {"otra.sqlite-wal", "otra.sqlite-shm"} <= set(before)
        call, _writes = CALLS[name]
        with pytest.raises(SSIInputError, match=r"base de datos de otro programa\); no lo abro ni lo modifico"):
            call(where)
        assert _files(tmp_path) == before

    @pytest.mark.parametrize("name", list(CALLS))
    def test_hot_journal_refused_without_rolling_it_back(self, tmp_path, name):
        """A database a program left mid-transaction (a hot journal): refused, neither file rolled back."""
        where = tmp_path / "otra.sqlite"
        _run(_FOREIGN_HOT_JOURNAL, where)
        before = _files(tmp_path)
        assert before["otra.sqlite-journal"]
        call, _writes = CALLS[name]
        with pytest.raises(SSIInputError, match="otro programa"):
            call(where)
        assert _files(tmp_path) == before

    @pytest.mark.parametrize("name", WRITERS)
    def test_empty_file_is_not_taken(self, tmp_path, name):
        """An empty file (someone else's, just created) is refused, not made ours."""
        where = tmp_path / "vacio.sqlite"
        where.write_bytes(b"")
        with pytest.raises(SSIInputError, match="no es una base de datos SQLite"):
            CALLS[name][0](where)
        assert where.read_bytes() == b""


_HOLD_LOCK = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()  # until the test closes our stdin
"""


@contextmanager
def _locked_by_another_window(where: Path) -> Iterator[None]:
    """Another process writing ``where`` (an exclusive lock) for as long as the block lasts."""
    holder = subprocess.Popen([sys.executable, "-c", _HOLD_LOCK, str(where)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


def _made(name: str, where: Path, number: int = 0) -> None:
    """A healthy file of the kind ``name`` uses, with something (more) in it."""
    if name in ("record", "load_history"):
        record(SSI(1, 1, 1, 1), dt.date(2001, 1, 1) + dt.timedelta(days=number), path=where)
    elif name.endswith("_tracker"):
        save_tracker(add_contact(new_tracker(), f"Persona {number:04d}", next_step="x" * 200), path=where)
    else:
        save_plan(["grupos"], start="2025-01-06", ssi=START, weeks=4 + number % 40, path=where)


def _count(name: str, where: Path) -> int:
    if name in ("record", "load_history"):
        return len(load_history(where))
    return len(load_tracker(where) if name.endswith("_tracker") else list_plans(path=where))


class TestMessagesApart:
    @pytest.mark.parametrize("name", list(CALLS))
    def test_busy_says_wait_not_damaged(self, tmp_path, monkeypatch, name):
        """A file another window is writing: «ocupado…: espera un momento», nothing about damage or a new file."""
        where = tmp_path / "f.sqlite"
        _made(name, where)
        before = where.read_bytes()
        monkeypatch.setattr(_store, "BUSY_SECONDS", 0.2)
        with _locked_by_another_window(where), pytest.raises(SSIInputError) as info:
            CALLS[name][0](where)
        assert "está ocupado por otra ventana o lección: espera un momento y vuelve a intentarlo" in info.value.message
        assert "dañado" not in str(info.value) and "No se ha perdido nada" in info.value.hint
        assert not any(word in str(info.value) for word in SQLITE_WORDS)
        assert where.read_bytes() == before
        CALLS[name][0](where)  # once the other window is done, it works

    @pytest.mark.parametrize("name", WRITERS)
    def test_read_only(self, tmp_path, monkeypatch, name):
        """A file SQLite may only read (SQLITE_READONLY): the read-only message, with where to save instead."""
        where = tmp_path / "f.sqlite"
        _made(name, where)
        connect = sqlite3.connect

        def read_only(target, *args, **kwargs):
            return connect(f"file:{target}?mode=ro", *args, uri=True, **kwargs)

        monkeypatch.setattr(sqlite3, "connect", read_only)
        with pytest.raises(SSIInputError, match="solo lectura, o no tienes permiso") as info:
            CALLS[name][0](where)
        assert "SSI_KIT_HOME" in info.value.hint
        assert not any(word in str(info.value) for word in SQLITE_WORDS)

    @pytest.mark.parametrize("name", WRITERS)
    def test_disk_full(self, tmp_path, monkeypatch, name):
        """No room for a new page (SQLITE_FULL): «el disco está lleno», and what was saved before is intact."""
        where = tmp_path / "f.sqlite"
        _made(name, where)
        kept = _count(name, where)
        connect = sqlite3.connect

        def no_room(*args, **kwargs):
            connection = connect(*args, **kwargs)
            pages = connection.execute("PRAGMA page_count").fetchone()[0]
            connection.execute(f"PRAGMA max_page_count = {pages}")
            return connection

        monkeypatch.setattr(sqlite3, "connect", no_room)
        with pytest.raises(SSIInputError, match=r"el disco está lleno\. No se ha modificado nada") as info:
            for number in range(1, 300):  # until a new page is needed
                _made(name, where, number)
        assert "Libera espacio" in info.value.hint
        monkeypatch.undo()
        assert _count(name, where) >= kept

    @pytest.mark.parametrize("name", list(CALLS))
    def test_damaged_pages(self, tmp_path, name):
        """Scribbled pages: «dañado», keep a copy, nothing modified; never SQLite's English text."""
        where = tmp_path / "f.sqlite"
        for _ in range(3):
            _made(name, where)
        data = bytearray(where.read_bytes())
        page = int.from_bytes(data[16:18], "big")
        data[page:] = b"\xa5" * (len(data) - page)
        where.write_bytes(bytes(data))
        with pytest.raises(SSIInputError, match="está dañado") as info:
            CALLS[name][0](where)
        assert "copia" in info.value.hint
        assert not any(word in str(info.value) for word in SQLITE_WORDS)
        assert where.read_bytes() == bytes(data)

    def test_messages_in_english(self, tmp_path, monkeypatch):
        """In English, the busy message is English too."""
        import ssi_kit

        where = tmp_path / "f.sqlite"
        _made("record", where)
        ssi_kit.set_language("en")
        monkeypatch.setattr(_store, "BUSY_SECONDS", 0.2)
        with _locked_by_another_window(where), pytest.raises(SSIInputError, match="is busy in another window"):
            record(SSI(1, 1, 1, 1), "2025-03-14", path=where)


class TestOneDamagedByte:
    @pytest.mark.parametrize(("name", "table"), [("record", b"snapshots"), ("save_plan", b"projection"),
                                                 ("save_tracker", b"contacts")])
    def test_in_a_table_name(self, tmp_path, name, table):
        """One byte changed wherever a table's name is written: each call works or gives our error, touching nothing."""
        where = tmp_path / "f.sqlite"
        _made(name, where)
        data = where.read_bytes()
        places = [i for i in range(len(data)) if data.startswith(table, i)]
        assert len(places) >= 2
        refused = 0
        for place in places:
            damaged = bytearray(data)
            damaged[place + 3] = 0xFF  # not UTF-8 either
            for call, _writes in CALLS.values():
                where.write_bytes(bytes(damaged))
                try:
                    call(where)
                except SSIInputError as error:
                    refused += 1
                    assert not any(word in str(error) for word in SQLITE_WORDS), str(error)
                    assert where.read_bytes() == bytes(damaged)
        assert refused


class TestWhere:
    def test_default_file_and_folder_are_created(self, tmp_path):
        """Without path=, the user folder is created with the file; with path=, the folder must exist."""
        record(SSI(1, 1, 1, 1), "2025-03-14")
        assert (tmp_path / "home" / "historial.sqlite").is_file()
        with pytest.raises(SSIInputError, match="No existe la carpeta de") as info:
            record(SSI(1, 1, 1, 1), "2025-03-14", path=tmp_path / "no_hay" / "h.sqlite")
        assert "no pases path=" in info.value.hint
        assert not (tmp_path / "no_hay").exists()

    @pytest.mark.parametrize("name", WRITERS)
    def test_dangling_link_creates_nothing_at_its_target(self, tmp_path, name):
        """A link to a file that does not exist: refused, and no file appears where it points (SQLite follows links)."""
        elsewhere = tmp_path / "otro_sitio"
        elsewhere.mkdir()
        link = tmp_path / "f.sqlite"
        link.symlink_to(elsewhere / "f.sqlite")
        with pytest.raises(SSIInputError, match="enlace a un archivo que no existe"):
            CALLS[name][0](link)
        assert list(elsewhere.iterdir()) == []

    def test_no_temporary_file_is_left(self, tmp_path):
        """Creating a file leaves only that file (the temporary one it was made under is gone)."""
        record(SSI(1, 1, 1, 1), "2025-03-14", path=tmp_path / "h.sqlite")
        save_plan(["publicar"], ssi=START, weeks=4, path=tmp_path / "p.sqlite")
        save_tracker(add_contact(new_tracker(), "Ana"), path=tmp_path / "r.sqlite")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["h.sqlite", "p.sqlite", "r.sqlite"]

    @pytest.mark.parametrize("name", ["漢" * 80 + ".sqlite", "é" * 119 + ".sqlite"])
    def test_long_names_in_other_scripts(self, tmp_path, name):
        """A file name long in bytes (80 CJK characters, 119 «é») is created: its temporary name is cut by bytes."""
        record(SSI(1, 2, 3, 4), "2025-03-14", path=tmp_path / name)
        assert len(load_history(tmp_path / name)) == 1
        save_plan(["publicar"], ssi=START, weeks=4, path=tmp_path / name.replace(".sqlite", ".db"))
        assert len(list_plans(path=tmp_path / name.replace(".sqlite", ".db"))) == 1
        assert len(list(tmp_path.iterdir())) == 2

    def test_name_without_room_for_the_journal(self, tmp_path):
        """A name of 250 bytes fits a file but not SQLite's «-journal» beside it: «demasiado largo», never read-only."""
        with pytest.raises(SSIInputError, match="es demasiado largo: ocupa 250 bytes y aquí caben 247"):
            record(SSI(1, 2, 3, 4), "2025-03-14", path=tmp_path / ("é" * 120 + ".sqlite" + "xxx"))
        assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_new_folder_for_the_history_is_its_owners_alone(tmp_path, monkeypatch):
    """On a class server other people have accounts: the folder ssi-kit creates for a learner's data is closed to
    them, whatever the server's umask."""
    monkeypatch.setenv("SSI_KIT_HOME", str(tmp_path / "datos" / "ssi-kit"))
    record(SSI(10, 10, 10, 10), "2026-01-05")
    assert history_path().exists()
    assert history_path().parent.stat().st_mode & 0o077 == 0
