"""Shared fixtures: a fixed hypothesis profile and Spanish as the language of every test."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

import ssi_kit

settings.register_profile(
    "ssi-kit",
    derandomize=True,  # same examples every run: CI failures reproduce
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    max_examples=int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES", "150")),
)
settings.load_profile("ssi-kit")


@pytest.fixture(autouse=True)
def spanish():
    """Every test starts in Spanish (the default) and leaves the language as it found it."""
    ssi_kit.set_language("es")
    yield
    ssi_kit.set_language("es")


@pytest.fixture(scope="session")
def lite_site(tmp_path_factory):
    """The experimental JupyterLite site, built once per test process (tests/test_lite.py and its browser test)."""
    from tests.test_lite import build_site

    where = tmp_path_factory.mktemp("lite")
    return build_site(where / "site", where / "wheels")
