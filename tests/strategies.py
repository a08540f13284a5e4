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
