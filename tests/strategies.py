"""Hypothesis strategies shared by the tests."""

from __future__ import annotations

from hypothesis import strategies as st

import ssi_kit

pillar_scores = st.floats(min_value=0, max_value=25, allow_nan=False, allow_infinity=False).map(
    lambda x: round(x, 3)
)
ssis = st.builds(ssi_kit.SSI, pillar_scores, pillar_scores, pillar_scores, pillar_scores)
any_numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-10**6, max_value=10**6),
)
any_values = st.one_of(any_numbers, st.text(max_size=8), st.none(), st.booleans(), st.lists(st.integers(), max_size=2))


def _catalog_ids() -> list[str]:
    from ssi_kit.actions import load_actions

    return list(load_actions().id)


# Subsets of the course's action catalog (ids), loaded only when a test draws one.
action_ids = st.deferred(lambda: st.lists(st.sampled_from(_catalog_ids()), unique=True, max_size=20))
week_counts = st.integers(min_value=0, max_value=60)


# --- lesson 03: the relationship pyramid and LinkedIn connections exports --------------------
from datetime import datetime as _datetime  # noqa: E402

pyramid_firsts = st.integers(min_value=1, max_value=30_000)
pyramid_avgs = st.floats(min_value=1, max_value=30_000, allow_nan=False)
pyramid_overlaps = st.floats(min_value=0, max_value=0.99, allow_nan=False)

# Field values as people type them: accents (all in Windows-1252, so latin-1 variants can hold
# them), commas and quotes (quoted in the CSV), and words pandas would take for missing values.
_export_letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZáéíóúñÁÉÍÓÚÑüÜçàèò"
_export_word = st.text(alphabet=_export_letters, min_size=1, max_size=8)
export_values = st.one_of(
    st.none(),
    st.lists(st.one_of(_export_word, st.sampled_from(["&", "-", "y", "CEO,", '"Top"', "=1+1", "(UE)"])),
             min_size=1, max_size=4).map(" ".join),
    st.sampled_from(["NA", "N/A", "null", "None", "nan", "Ana María", "O'Neill", "Muñoz, S.L."]),
)
export_dates = st.one_of(st.none(), st.datetimes(
    min_value=_datetime(2003, 5, 5), max_value=_datetime(2025, 12, 31),
).map(lambda d: d.replace(second=0, microsecond=0)))
export_rows = st.fixed_dictionaries({
    "first_name": export_values, "last_name": export_values, "url": export_values, "email": export_values,
    "company": export_values, "position": export_values, "connected_on": export_dates,
})
export_variants = st.fixed_dictionaries({
    "fmt": st.sampled_from(["current", "2018"]),
    "encoding": st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
    "newline": st.sampled_from(["\n", "\r\n"]),
    "preamble": st.sampled_from([0, 1, 3, 6]),
    "sep": st.sampled_from([",", ";"]),
    "shuffle": st.randoms(use_true_random=False),
})


# --- lesson 03: tables that are not quite read_connections' (hardening of the summary) ------
# Columns as a learner may build or edit them: text, numbers, NaN, None, booleans, lists, dates.
_odd_cells = st.one_of(
    any_values, st.datetimes(min_value=_datetime(1, 1, 1), max_value=_datetime(9999, 12, 31)),
    st.sampled_from(["15 Mar 2024", "31 Dec 9999", "0001-01-01", "ayer", "", "=1+1"]),
)


@st.composite
def connection_tables(draw):
    """A DataFrame with company, position and connected_on (and maybe names) holding odd values."""
    import pandas as pd

    n = draw(st.integers(min_value=0, max_value=6))
    names = draw(st.lists(st.sampled_from(["first_name", "last_name", "url"]), unique=True, max_size=3))
    columns = ["company", "position", "connected_on", *names]
    return pd.DataFrame({c: pd.Series(draw(st.lists(_odd_cells, min_size=n, max_size=n)), dtype=object)
                         for c in columns})


# Texts that look a bit like a connections export and break it in every way: headers, separators,
# quotes, line breaks, dates and junk in any order (the reader must only ever raise SSI errors).
_csv_pieces = st.sampled_from([
    "First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On", "ConnectedOn",
    "Notes:", ",", ";", "\t", '"', '""', "\n", "\r\n", "\r", " ", "Ana", "Acme, S.L.", "15 Mar 2024",
    "31 Dec 9999", "0001-01-01", "26-mar-21", "1/8/18, 6:14 PM", "26.03.2021", "ñ", "\ufffd", "\ufeff", "\x00",
])
csv_like_texts = st.lists(_csv_pieces, max_size=60).map("".join)
