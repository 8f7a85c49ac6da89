"""One Prefect server a run: the worker processes report to the API of the flow's process (the
temporary server Prefect starts for a run without PREFECT_API_URL), never to one of their own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent


@pytest.mark.slow
def test_workers_report_to_the_flows_temporary_server(tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "PREFECT_API_URL"}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), PYTHONPATH=str(TESTS))
    done = subprocess.run([sys.executable, str(TESTS / "worker_api_probe.py"), "default", "1"], env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["api_url"].startswith("http://127.0.0.1:")  # the flow's temporary server
    for runner, worker in seen["workers"].items():  # the process pool, a local Dask cluster
        assert worker["pid"] != seen["pid"], runner  # the task did run on a worker process
        assert worker["api_url"] == seen["api_url"], runner
        assert not worker["own_server"] and not any("uvicorn" in child for child in worker["children"]), runner


def test_the_test_servers_start_is_made_again_only_when_it_met_pytest_changing_the_environment():
    from prefect_harness import _environment_race

    assert _environment_race(KeyError("PYTEST_CURRENT_TEST"))
    assert _environment_race(RuntimeError("dictionary changed size during iteration"))
    assert not _environment_race(KeyError("PREFECT_API_URL"))
    assert not _environment_race(RuntimeError("Prefect's test server did not start"))
