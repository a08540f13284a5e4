"""The class hub of these tests: one per test process, started once, everything removed after (``_hub``).

Where the hub cannot start (not root, no configurable-http-proxy, no system Python for the students) its
tests are skipped with the reason; under CI (``CI=true``) that is a failure, never a skip.
"""

from __future__ import annotations

import os

import pytest

from .._servers import ServerFailed
from ._hub import class_hub, missing


@pytest.fixture(scope="module")
def hub():
    """A running class hub with one teacher and three students; the students' servers already started."""
    reason = missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"El hub de la clase no puede arrancar: {reason} (CI exige estas pruebas)")
        pytest.skip(f"El hub de la clase no puede arrancar: {reason}")
    try:
        with class_hub() as running:
            running.start(*running.students)
            yield running
    except ServerFailed as error:
        pytest.fail(str(error))
