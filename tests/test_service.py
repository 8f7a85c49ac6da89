"""The service: `newsflow serve` registers prefect.yaml's deployments on a real server, a
triggered run completes, and prefect.yaml itself stays consistent with the flows."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
import yaml

from prefect_server import PREFECT, REPO, client_env, prefect_server
from tasks.store import connect

EXAMPLES = REPO / "examples" / "inbox"


def test_prefect_yaml_names_real_flows_and_parameters():
    from flows.serve import deployment_specs, load_entrypoint

    spec = yaml.safe_load((REPO / "prefect.yaml").read_text())
    assert {d["name"]: d["schedules"][0]["cron"] for d in spec["deployments"]} == {
        "ingest-inbox": "*/15 * * * *", "ingest-feeds": "0 * * * *", "relink": "30 2 * * *"}
    for deployment in spec["deployments"]:
        accepted = set(load_entrypoint(deployment["entrypoint"]).parameters.properties)
        assert set(deployment["parameters"]) <= accepted, deployment["name"]
        assert deployment["work_pool"]["name"] == "newsflow-process"
    overridden = deployment_specs({"data_dir": "/d", "sources": ["/in"], "unknown": 1}, ["ingest-inbox"])
    assert overridden[0]["parameters"] == {"sources": ["/in"], "data_dir": "/d"}


@pytest.mark.slow
def test_served_deployment_runs_to_completion(tmp_path):
    data = tmp_path / "data"
    with prefect_server(tmp_path / "server-home") as api_url:
        env = client_env(tmp_path / "client-home", api_url)
        served = subprocess.Popen([sys.executable, "-m", "flows.cli", "serve", "--inbox", str(EXAMPLES), "--data",
                                   str(data), "--only", "ingest-inbox", "relink"], cwd=REPO, env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
        try:
            wait_for_deployment(env, "ingest/ingest-inbox", served)
            run = subprocess.run([PREFECT, "deployment", "run", "ingest/ingest-inbox", "--watch",
                                  "--watch-timeout", "240"], cwd=REPO, env=env, capture_output=True, text=True,
                                 timeout=300)
            assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
            assert "Completed" in run.stdout + run.stderr
        finally:
            os.killpg(served.pid, signal.SIGINT)
            try:
                served.wait(90)  # a loaded machine can take its time to stop the runner
            except subprocess.TimeoutExpired:
                os.killpg(served.pid, signal.SIGKILL)
                raise AssertionError(f"newsflow serve did not stop on SIGINT: {served.communicate()[1][-3000:]}") from None
    assert connect(data).execute("SELECT count(*) FROM documents").fetchone()[0] == 9


def wait_for_deployment(env: dict[str, str], name: str, served: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if served.poll() is not None:
            raise RuntimeError(f"newsflow serve exited: {served.stderr.read()[-2000:]}")
        found = subprocess.run([PREFECT, "deployment", "inspect", name], env=env, capture_output=True, text=True)
        if found.returncode == 0:
            return
        time.sleep(1)
    raise TimeoutError(f"the deployment {name} was not registered in {seconds} s")
