"""The rest of linkedin_export under a learner's mistakes: clear errors, nothing lost, nothing leaked.

is_decision_maker / network_summary / anonymize given the wrong things, keyed pseudonyms that
keep distinct people distinct, and save_csv that never leaves half a file.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import time

import pandas as pd
import pytest
from hypothesis import given

from ssi_kit import SSIInputError, SSITypeError
from ssi_kit.datasets import load_dataset
from ssi_kit.linkedin_export import anonymize, is_decision_maker, network_summary, read_connections
from ssi_kit.safe_csv import save_csv

from .strategies import connection_tables

EXPORT_2018 = "First Name,Last Name,Email Address,Company,Position,Connected On\n"


class TestIsDecisionMakerInputs:
    @pytest.mark.parametrize("value", [5, None, 2.5, b"CEO"])
    def test_not_a_list_of_titles(self, value):
        """A number (or anything that is not a list of titles) is a clear SSITypeError."""
        with pytest.raises(SSITypeError, match="«positions» debe ser una lista o columna de cargos"):
            is_decision_maker(value)

    def test_one_title_alone(self):
        """One title as text says to put it in a list."""
        with pytest.raises(SSITypeError, match="recibido str") as info:
            is_decision_maker("CEO")
        assert 'is_decision_maker(["CEO"])' in info.value.hint

    def test_a_whole_table(self):
        """The whole table says which column to pass."""
        with pytest.raises(SSITypeError, match="recibido DataFrame") as info:
            is_decision_maker(load_dataset("conexiones_ejemplo"))
        assert 'tabla["position"]' in info.value.hint

    def test_odd_values_in_a_list(self):
        """Numbers, NaN and None among the titles are not decision makers; a list in a cell raises nothing."""
        result = is_decision_maker(["CEO", 5, float("nan"), None, ["CEO"]]).tolist()
        assert result[:4] == [True, False, False, False] and len(result) == 5


class TestNetworkSummaryInputs:
    def test_huge_top(self):
        """top=10**400 is a clear error, not an OverflowError."""
        with pytest.raises(SSIInputError, match="«top» debe ser un número entero"):
            network_summary(load_dataset("conexiones_ejemplo"), top=10**400)

    def test_repeated_columns(self):
        """Two columns with the same name are named in the message."""
        df = load_dataset("conexiones_ejemplo")
        df = pd.concat([df, df[["company"]]], axis=1)
        with pytest.raises(SSIInputError, match="columnas repetidas: company"):
            network_summary(df)

    def test_missing_columns_named(self):
        """Only the missing columns are named."""
        df = load_dataset("conexiones_ejemplo").drop(columns=["position"])
        with pytest.raises(SSIInputError, match=r"faltan las columnas: position\.") as info:
            network_summary(df)
        assert "read_connections" in info.value.hint

    def test_numbers_instead_of_dates(self):
        """connected_on holding numbers says it must hold dates."""
        df = pd.DataFrame({"company": ["A"], "position": ["CEO"], "connected_on": [2020]})
        with pytest.raises(SSIInputError, match="«connected_on» debe tener fechas"):
            network_summary(df)

    def test_dates_as_text_and_far_dates(self):
        """Dates kept as text (even year 9999) are summarised, unreadable ones counted as undated."""
        df = pd.DataFrame({"company": ["A", "B", "C"], "position": ["CEO", "x", None],
                           "connected_on": ["2020-01-05", "9999-12-31", "ayer"]})
        s = network_summary(df)
        assert s.total == 3 and s.undated == 1 and s.per_year["year"].iloc[0] == 2020

    @given(df=connection_tables())
    def test_odd_tables_never_raise_raw_errors(self, df):
        """Whatever the cells hold, network_summary and anonymize succeed or raise an SSI error."""
        for call in (lambda: network_summary(df), lambda: anonymize(df), lambda: anonymize(df, key="k"),
                     lambda: anonymize(df, keep=["company", "connected_on"])):
            try:
                call()
            except (SSIInputError, SSITypeError):
                pass


class TestAnonymizeInputs:
    @pytest.mark.parametrize("keep", [None, 5, {"position": True}])
    def test_keep_not_a_list(self, keep):
        """keep=None (or a number, a dict) is a clear error with an example."""
        with pytest.raises(SSITypeError, match="«keep» debe ser una lista de columnas") as info:
            anonymize(load_dataset("conexiones_ejemplo"), keep=keep)
        assert "keep=[]" in info.value.hint

    def test_keep_nothing(self):
        """keep=[] leaves only the pseudonym."""
        assert list(anonymize(load_dataset("conexiones_ejemplo"), keep=[]).columns) == ["contact"]

    @pytest.mark.parametrize(("key", "error"), [(123, SSITypeError), ("", SSIInputError)])
    def test_bad_key(self, key, error):
        """The key must be non-empty text."""
        with pytest.raises(error, match="key"):
            anonymize(load_dataset("conexiones_ejemplo"), key=key)

    def test_not_a_table(self):
        """A path instead of the table is a type error pointing to read_connections."""
        with pytest.raises(SSITypeError, match="la tabla de read_connections") as info:
            anonymize("Connections.csv")
        assert "anonymize(read_connections(ruta))" in info.value.hint


class TestKeyedPseudonyms:
    def test_namesakes_without_url_stay_distinct(self):
        """Two people with the same name in a 2018 export (no URL column) get different pseudonyms."""
        df = read_connections(EXPORT_2018 + "Ana,García,,Acme,CEO,\"1/8/18, 6:14 PM\"\n"
                                            "Ana,García,,Beta,Analista,\"3/2/19, 9:00 AM\"\n")
        shared = anonymize(df, key="secreto")
        assert shared["contact"].nunique() == 2

    def test_identical_rows_stay_distinct(self):
        """Even two identical rows (same name, date, company and title) are two pseudonyms."""
        df = read_connections(EXPORT_2018 + "Ana,García,,Acme,CEO,\"1/8/18, 6:14 PM\"\n" * 3)
        assert anonymize(df, key="secreto")["contact"].nunique() == 3

    def test_stable_across_exports_without_url(self):
        """Without URLs, a person keeps their pseudonym when rows are added or reordered (name + date)."""
        one = read_connections(EXPORT_2018 + "Ana,García,,Acme,CEO,\"1/8/18, 6:14 PM\"\n"
                                             "Luis,Peña,,Beta,CEO,\"3/2/19, 9:00 AM\"\n")
        two = read_connections(EXPORT_2018 + "Marta,Gil,,Gamma,CEO,\"5/5/20, 9:00 AM\"\n"
                                             "Luis,Peña,,Beta,CEO,\"3/2/19, 9:00 AM\"\n"
                                             "Ana,García,,Nueva,CTO,\"1/8/18, 6:14 PM\"\n")
        a, b = anonymize(one, key="k", keep=[]), anonymize(two, key="k", keep=[])
        assert set(a["contact"]) <= set(b["contact"])

    def test_url_pseudonyms_unchanged(self):
        """With a URL, the pseudonym is the keyed hash of the URL, as before (shared tables stay comparable)."""
        import hashlib
        import hmac

        df = load_dataset("conexiones_ejemplo").iloc[:5]
        expected = sorted(f"C-{hmac.new(b'k', u.encode(), hashlib.sha256).hexdigest()[:10]}" for u in df["url"])
        assert anonymize(df, key="k", keep=[])["contact"].tolist() == expected


# --- save_csv ------------------------------------------------------------------------------------
class TestSaveCsvSafety:
    def test_header_neutralised(self, tmp_path):
        """A column named like a formula gets the apostrophe too, like every cell."""
        path = save_csv(pd.DataFrame({"=1+1": ["a"], "@x": ["b"], "ok": ["-3"]}), tmp_path / "x.csv")
        assert path.read_text(encoding="utf-8-sig").splitlines() == ['"\'=1+1","\'@x","ok"', '"a","b","\'-3"']

    def test_numbers_and_categories(self, tmp_path):
        """Numbers stay numbers; text in object and category columns is neutralised."""
        df = pd.DataFrame({"n": [-1, 2], "o": pd.Series(["=A1", 3], dtype=object),
                           "c": pd.Categorical(["+1", "ok"])})
        path = save_csv(df, tmp_path / "x.csv")
        assert path.read_text(encoding="utf-8-sig").splitlines() == ['"n","o","c"', '-1,"\'=A1","\'+1"', '2,3,"ok"']

    def test_missing_folder(self, tmp_path):
        """A folder that does not exist is a clear error."""
        with pytest.raises(SSIInputError, match=r"No existe la carpeta de «.*no_hay/x\.csv»"):
            save_csv(pd.DataFrame({"a": [1]}), tmp_path / "no_hay" / "x.csv")

    def test_path_is_a_folder(self, tmp_path):
        """A folder as the path says to name a file."""
        with pytest.raises(SSIInputError, match="es una carpeta"):
            save_csv(pd.DataFrame({"a": [1]}), tmp_path)

    def test_permission_denied(self, tmp_path, monkeypatch):
        """A folder without write permission (simulated: tests run as root) is a clear error."""
        def denied(*args, **kwargs):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(os, "open", denied)
        with pytest.raises(SSIInputError, match=r"No tengo permiso para escribir «.*x\.csv»"):
            save_csv(pd.DataFrame({"a": [1]}), tmp_path / "x.csv")

    def test_name_too_long(self, tmp_path):
        """A file name too long for the system is a clear error."""
        with pytest.raises(SSIInputError, match="demasiado largo"):
            save_csv(pd.DataFrame({"a": [1]}), tmp_path / ("x" * 300 + ".csv"))

    @pytest.mark.parametrize("path", [None, 5, ["x.csv"]])
    def test_path_not_a_path(self, path):
        """A path that is not text is a type error."""
        with pytest.raises(SSITypeError, match="«path» debe ser la ruta"):
            save_csv(pd.DataFrame({"a": [1]}), path)

    def test_error_midway_keeps_the_old_file(self, tmp_path, monkeypatch):
        """If writing fails midway, the previous file is intact and no temporary file is left."""
        path = save_csv(pd.DataFrame({"a": [1]}), tmp_path / "x.csv")
        before = path.read_bytes()

        def fails(self, file, **kwargs):
            file.write("a\r\n9")
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(pd.DataFrame, "to_csv", fails)
        with pytest.raises(SSIInputError, match="el disco está lleno"):
            save_csv(pd.DataFrame({"a": [2]}), path, overwrite=True)
        assert path.read_bytes() == before and os.listdir(tmp_path) == ["x.csv"]

    @pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "darwin", reason="needs fork")
    def test_killed_writer_never_leaves_a_broken_file(self, tmp_path):
        """A writer killed (SIGKILL) at random moments leaves either the old file or the new one, whole."""
        rows = 20_000
        old = pd.DataFrame({"n": range(rows), "text": ["antes, con coma"] * rows})
        new = pd.DataFrame({"n": range(rows, 2 * rows), "text": ["después"] * rows})
        target = tmp_path / "out.csv"
        save_csv(new, target)
        new_bytes = target.read_bytes()
        save_csv(old, target, overwrite=True)
        versions = {target.read_bytes(), new_bytes}
        rng = random.Random(0)
        for _ in range(30):
            ready, started = os.pipe()
            pid = os.fork()
            if pid == 0:  # the writer: replace the file again and again until killed
                try:
                    os.close(ready)
                    os.write(started, b"1")
                    while True:
                        save_csv(new, target, overwrite=True)
                        save_csv(old, target, overwrite=True)
                finally:
                    os._exit(1)
            os.close(started)
            os.read(ready, 1)
            os.close(ready)
            time.sleep(rng.uniform(0, 0.06))
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            assert target.read_bytes() in versions
        leftovers = [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]
        assert leftovers, "some kills should have landed mid-write (a temporary file left behind)"
