"""CSV exports safe in any spreadsheet (``,`` or ``;``), and what a learner typed read back unchanged.

``protect``/``unprotect`` (``ssi_kit._spreadsheet``) and their real consumers: ``save_csv``,
``anonymize``'s table, ``export_history``, the class export and the relationship tracker.
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ssi_kit
from ssi_kit import classroom, relationships, save_csv
from ssi_kit._spreadsheet import FORMULA_START, protect, protect_values, unprotect, unprotect_values
from ssi_kit.history import export_history, record

# Text made mostly of the characters that matter here, and any text at all.
_TRICKY = st.text(alphabet=st.sampled_from(list("=+-@\t\r\n,;' \"aZ1")), max_size=40)
texts = st.one_of(_TRICKY, st.text(max_size=40))

HOSTILE = ["=HYPERLINK(A1)", "CEO;=1+1;", "Ventas, -2 ; +3", "@SUM(A1)", "\t=1", "\r=1", "a\n=1", "'=1+1",
           "''@x", ' "=1+1', "Ana", "", "it's", "x,;=y"]
_NUMBER = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?")


def _live_formula(piece: str) -> bool:
    """Whether a spreadsheet could run ``piece`` as a formula (it may skip spaces, quotes and line breaks first)."""
    text = piece.lstrip(' "\t\r\n')
    return bool(text) and text[0] in FORMULA_START and not _NUMBER.fullmatch(text)


def _cell_starts(text: str) -> list[str]:
    """What follows each place a cell can begin in ``text``, after spaces and quotes."""
    return [text[m.end():] for m in re.finditer(r'(?:\A|[,;\n\r])[ "]*', text)]


class TestProtect:
    @given(texts)
    def test_round_trip(self, text):
        """unprotect(protect(s)) == s for every string."""
        assert unprotect(protect(text)) == text

    @given(texts)
    def test_no_formula_at_any_cell_start(self, text):
        """After protect, no cell start (start, after , ; or a line break) is followed by a formula start."""
        assert not [rest for rest in _cell_starts(protect(text)) if rest[:1] and rest[0] in FORMULA_START]

    @given(texts)
    def test_only_apostrophes_are_added(self, text):
        """protect adds apostrophes and nothing else."""
        protected = protect(text)
        assert protected.replace("'", "") == text.replace("'", "")

    def test_examples(self):
        """A formula after a separator is neutralised; a learner's apostrophe is doubled; plain text is untouched."""
        assert protect("CEO;=1+1;") == "CEO;'=1+1;"
        assert protect("'=1+1") == "''=1+1" and unprotect("''=1+1") == "'=1+1"
        assert protect('a, "=b') == "a, \"'=b"
        assert [protect(t) for t in ("Ana", "it's", "2020-2021", "")] == ["Ana", "it's", "2020-2021", ""]

    def test_unprotect_removes_exactly_one(self):
        """unprotect takes one apostrophe off a run before a formula start, and leaves other apostrophes."""
        assert unprotect("'''=x") == "''=x"
        assert unprotect("'hola") == "'hola" and unprotect("O'Brien") == "O'Brien"

    def test_values(self):
        """The Series versions act on text only: numbers and missing values stay as they are."""
        mixed = pd.Series(["=1", 2, None, "CEO;-3"], dtype=object)
        assert protect_values(mixed).tolist() == ["'=1", 2, None, "CEO;'-3"]
        strings = pd.Series(["=1", pd.NA, "ok"], dtype="string")
        protected = protect_values(strings)
        assert protected.dtype == strings.dtype and protected.tolist() == ["'=1", pd.NA, "ok"]
        assert unprotect_values(protected).tolist() == ["=1", pd.NA, "ok"]


def _text(path) -> str:
    """The file's text with its line ends as written (a carriage return inside a field stays one)."""
    return path.read_bytes().decode("utf-8-sig")


def _lines(path) -> list[str]:
    return _text(path).splitlines()


def _assert_safe_in_any_spreadsheet(path) -> None:
    """Split naively on ; and on , (a spreadsheet in any locale), then parse as CSV with either: no live formula."""
    text = _text(path)
    for line in text.splitlines():
        for separator in ",;":
            assert not [p for p in line.split(separator) if _live_formula(p)], (separator, line)
    for separator in ",;":
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=separator):
            assert not [f for f in row if _live_formula(f)], (separator, row)


def _read_back(path) -> list[list[str]]:
    """The file as a reader sees it: parsed as CSV, every text cell through unprotect."""
    return [[unprotect(f) for f in row] for row in csv.reader(io.StringIO(_text(path), newline=""))]


class TestSaveCsv:
    def test_text_fields_quoted_numbers_not(self, tmp_path):
        """Text fields are quoted; numbers and booleans are written as numbers."""
        out = save_csv(pd.DataFrame({"position": ["CEO;=1+1;"], "n": [-1], "x": [2.5], "b": [True]}),
                       tmp_path / "x.csv")
        assert _lines(out) == ['"position","n","x","b"', "\"CEO;'=1+1;\",-1,2.5,True"]

    @pytest.mark.parametrize("separator", [",", ";"])
    def test_every_hostile_text_is_safe_and_reads_back(self, tmp_path, separator):
        """Each hostile text, as a cell and as a header, is safe with either separator and reads back as typed."""
        frame = pd.DataFrame({h: [h] for h in HOSTILE})
        out = save_csv(frame, tmp_path / "x.csv")
        _assert_safe_in_any_spreadsheet(out)
        assert _read_back(out) == [HOSTILE, HOSTILE]

    @given(st.lists(texts, min_size=1, max_size=4))
    def test_any_text_is_safe_and_reads_back(self, cells):
        """Whatever the text, the file is safe with either separator and reads back as written."""
        with tempfile.TemporaryDirectory() as folder:
            out = save_csv(pd.DataFrame({"nota": cells}), Path(folder) / "x.csv")
            _assert_safe_in_any_spreadsheet(out)
            assert [row[0] for row in _read_back(out)] == ["nota", *cells]

    def test_pivot_table_headers_and_index(self, tmp_path):
        """A pivot table of companies keeps its companies (the index) and neutralises headers of every level."""
        contacts = pd.DataFrame({"company": ["=HYPERLINK(A1)", "Acme;=2"], "position": ["@x", "CEO"],
                                 "n": [1, 2], "m": [3, 4]})
        pivot = contacts.pivot_table(index="company", columns="position", values=["n", "m"], aggfunc="sum")
        pivot.columns.names = ["=HYPERLINK(A1)", "+cmd"]
        pivot.index.name = "=HYPERLINK(A1)"
        out = save_csv(pivot, tmp_path / "pivot.csv")
        _assert_safe_in_any_spreadsheet(out)
        rows = _read_back(out)
        assert rows[0][0] == "=HYPERLINK(A1)" and rows[1][1:] == ["@x", "CEO", "@x", "CEO"]
        assert sorted(r[0] for r in rows[2:]) == ["=HYPERLINK(A1)", "Acme;=2"]

    def test_row_numbers_are_not_written(self, tmp_path):
        """A plain integer index (row numbers, even after filtering) is left out, as before."""
        frame = pd.DataFrame({"a": ["x", "y", "z"]})
        out = save_csv(frame[frame["a"] != "y"], tmp_path / "x.csv")
        assert _lines(out) == ['"a"', '"x"', '"z"']

    def test_learners_apostrophe_round_trips(self, tmp_path):
        """A note typed as '=1+1 is written so that a reader gets '=1+1 back."""
        out = save_csv(pd.DataFrame({"nota": ["'=1+1"]}), tmp_path / "x.csv")
        assert _lines(out)[1] == "\"''=1+1\""
        assert _read_back(out)[1] == ["'=1+1"]


class TestConsumers:
    def test_anonymize_output(self, tmp_path):
        """anonymize's table with hostile positions is safe with either separator."""
        contacts = pd.DataFrame({"first_name": ["Ana", "Luis"], "last_name": ["R", "G"],
                                 "company": ["=1+1", "Acme"], "position": ["CEO;=1+1;", "@SUM(A1), -2"],
                                 "connected_on": pd.to_datetime(["2024-01-01", "2023-05-02"])})
        out = save_csv(ssi_kit.anonymize(contacts), tmp_path / "anon.csv")
        _assert_safe_in_any_spreadsheet(out)
        assert {"CEO;=1+1;", "@SUM(A1), -2"} <= {cell for row in _read_back(out) for cell in row}

    def test_export_history(self, tmp_path):
        """The history export quotes its text (dates, headers) and is safe with either separator."""
        history = tmp_path / "historial.sqlite"
        record("12,5; 8; 5,25; 10", "14/03/2025", path=history)
        out = export_history(tmp_path / "h.csv", path=history)
        _assert_safe_in_any_spreadsheet(out)
        assert _lines(out)[1].startswith('"2025-03-14",12.5,')

    def test_class_export_reads_back(self, tmp_path):
        """The class export is safe with either separator, and read_class gives back the same aliases."""
        source = ("fecha;alias;marca;personas;informacion;relaciones\n"
                  "2025-03-01;''=cmd;12;8;5;10\n2025-03-01;\"x,+1;@y\";9;7;6;11\n")
        clase = classroom.read_class(source)
        assert sorted(clase.submissions["student"]) == ["'=cmd", "x,+1;@y"]
        out = classroom.export_csv(clase, tmp_path / "clase.csv")
        _assert_safe_in_any_spreadsheet(out)
        again = classroom.read_class(out)
        assert sorted(again.submissions["student"]) == ["'=cmd", "x,+1;@y"]

    def test_tracker_export(self, tmp_path):
        """A tracker with hostile names and notes is safe with either separator once written."""
        tracker = relationships.add_contact(relationships.new_tracker(), "=HYPERLINK(A1)", next_step="CEO;=1+1;")
        tracker = relationships.add_contact(tracker, "Ana;@x", next_step="'=1+1")
        out = save_csv(tracker, tmp_path / "seguimiento.csv")
        _assert_safe_in_any_spreadsheet(out)
        assert [row[3] for row in _read_back(out)[1:]] == ["CEO;=1+1;", "'=1+1"]

    def test_tracker_round_trip(self, tmp_path, monkeypatch):
        """What a learner typed in the tracker (a note '=1+1, a name with ;=) is loaded back unchanged."""
        monkeypatch.setenv("SSI_KIT_HOME", str(tmp_path))
        tracker = relationships.add_contact(relationships.new_tracker(), "Ana;=1+1", next_step="'=1+1")
        tracker = relationships.add_contact(tracker, "=HYPERLINK(A1)", next_step="CEO;=1+1;, -2")
        relationships.save_tracker(tracker)
        loaded = relationships.load_tracker()
        assert loaded["name"].tolist() == ["Ana;=1+1", "=HYPERLINK(A1)"]
        assert loaded["next_step"].tolist() == ["'=1+1", "CEO;=1+1;, -2"]
