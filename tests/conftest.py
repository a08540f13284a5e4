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
    """The experimental JupyterLite site, built once per test run (tests/test_lite.py and its browser test),
    even when they run in two pytest-xdist processes: those share the run's temporary folder, and a lock."""
    import fcntl

    from tests.test_lite import build_site

    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the folder of this run, above each worker's own
    where = shared / "lite"
    with open(shared / "lite.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the other process waits for the build instead of doing it again
        built = where / "built"
        if not built.exists():
            build_site(where / "site", where / "wheels")
            built.touch()
    return where / "site"
