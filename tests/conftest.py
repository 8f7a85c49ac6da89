"""Shared fixtures: an isolated Prefect home, one Prefect test server per session (started in the
background, the tests that need it run last), the example dataset built once per session (each
test gets its own copy), ../shared."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from dataset_builds import BuiltDataset, build_dataset
from prefect_harness import BackgroundHarness

# Before anything imports prefect: never write ~/.prefect, never phone home (docs/STACK.md).
_PREFECT_HOME = tempfile.mkdtemp(prefix="newsflow-prefect-home-")
if os.environ.get("PYTEST_XDIST_WORKER"):  # a process of a parallel run: its own home, not the controller's
    os.environ["PREFECT_HOME"] = _PREFECT_HOME
else:
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
EXAMPLE_OPTIONS = ("--batch-size", "3")  # 13 inputs: five batches, so more than one is in flight


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the repository (seeds and evaluation data); skips when absent."""
    if not (SHARED / "seeds" / "expected.json").exists():
        pytest.skip(f"../shared is not beside the repository (looked in {SHARED}); seeds and eval data absent")
    return SHARED


@pytest.fixture(scope="session")
def split_benchmark(shared_dir):
    """bench/split_bench.py's held-out documents scored with the settings' weights (about 20 s),
    once for the quality gate and the splitting's floors."""
    from bench.split_bench import run_split_benchmark

    return run_split_benchmark()


PREFECT_API = BackgroundHarness()


def needs_prefect(item: pytest.Item) -> bool:
    return "prefect_server" in getattr(item, "fixturenames", ())


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The tests that need Prefect's API last (in their order), so that its start overlaps the others."""
    items.sort(key=needs_prefect)


def pytest_collection_finish(session: pytest.Session) -> None:
    if not session.config.option.collectonly and any(needs_prefect(item) for item in session.items):
        PREFECT_API.start()


def pytest_sessionfinish(session: pytest.Session) -> None:
    try:
        PREFECT_API.stop()  # when the session ended before the fixture's own teardown
    except RuntimeError:
        pass  # reported by the fixture's teardown, or by the test that waited for the start
    shutil.rmtree(_PREFECT_HOME, ignore_errors=True)  # each session's own: 83 were left in /tmp before


@pytest.fixture(scope="session")
def prefect_server() -> Iterator[str]:
    """One temporary Prefect API for every flow test of the session, started in the background
    when the session's tests were collected (tests/prefect_harness.py); its API URL."""
    yield PREFECT_API.wait()
    PREFECT_API.stop()


@pytest.fixture(scope="session")
def example_dataset_once(prefect_server, tmp_path_factory) -> BuiltDataset:
    """`newsflow ingest examples/inbox --batch-size 3`, once for the whole session: the default
    runner (worker processes) with several batches in flight, then the day's part files merged.
    Never change it: take `example_dataset`, a copy."""
    return build_dataset(tmp_path_factory.mktemp("example-dataset") / "data", [EXAMPLES], *EXAMPLE_OPTIONS)


@pytest.fixture()
def example_dataset(example_dataset_once, tmp_path) -> Path:
    """This test's own copy of the example dataset, free to query, ingest into or change."""
    return example_dataset_once.copy_to(tmp_path / "example-data")


@pytest.fixture(scope="session")
def fragmented_example_dataset_once(prefect_server, tmp_path_factory) -> BuiltDataset:
    """The example inbox ingested two inputs a batch and left uncompacted (a part file a batch),
    once for the session, for the compaction tests. Never change it: copy it (`copy_to`)."""
    return build_dataset(tmp_path_factory.mktemp("fragmented-example-dataset") / "data", [EXAMPLES],
                         "--batch-size", "2", "--no-compact", "--workers", "0")
