"""Shared fixtures: an isolated Prefect home, one Prefect test server per session, ../shared."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Before anything imports prefect: never write ~/.prefect, never phone home (docs/STACK.md).
_PREFECT_HOME = tempfile.mkdtemp(prefix="newsflow-prefect-home-")
os.environ.setdefault("PREFECT_HOME", _PREFECT_HOME)
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
# As `newsflow` sets it (flows/cli.py) for the tests that run flows in this process: Prefect's
# 20 s default to start its temporary server ran out in a suite sharing the machine's two cores
# with a benchmark.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples" / "inbox"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the repository (seeds and evaluation data); skips when absent."""
    if not (SHARED / "seeds" / "expected.json").exists():
        pytest.skip(f"../shared is not beside the repository (looked in {SHARED}); seeds and eval data absent")
    return SHARED


@pytest.fixture(scope="session")
def prefect_server():
    """One temporary Prefect API for every flow test of the session (~10 s once)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
