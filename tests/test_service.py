"""The service: `newsflow serve` registers prefect.yaml's deployments on a real server, a
triggered run completes, and prefect.yaml itself stays consistent with the flows."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from prefect_server import PREFECT, REPO, client_env, prefect_server

from newsflow.tasks.store.dataset import connect

EXAMPLES = REPO / "examples" / "inbox"


def test_prefect_yaml_names_real_flows_and_parameters():
    from newsflow.flows.serve import deployment_specs, load_entrypoint

    spec = yaml.safe_load((REPO / "prefect.yaml").read_text())
    assert {d["name"]: d["schedules"][0]["cron"] for d in spec["deployments"]} == {
        "ingest-inbox": "*/15 * * * *", "ingest-feeds": "0 * * * *", "relink": "30 2 * * *"}
    for deployment in spec["deployments"]:
        accepted = set(load_entrypoint(deployment["entrypoint"]).parameters.properties)
        assert set(deployment["parameters"]) <= accepted, deployment["name"]
        assert deployment["work_pool"]["name"] == "newsflow-process"
    overridden = deployment_specs({"data_dir": "/d", "sources": ["/in"], "unknown": 1}, ["ingest-inbox"])
    assert overridden[0]["parameters"] == {"sources": ["/in"], "data_dir": "/d", "deadline_minutes": 12}


@pytest.mark.slow
def test_served_deployment_runs_to_completion(tmp_path):
    data = tmp_path / "data"
    with prefect_server(tmp_path / "server-home") as api_url:
        env = client_env(tmp_path / "client-home", api_url)
        # INFO: on a failure, the runner's own account of its shutdown is in the message. A file,
        # not a pipe: nobody reads a pipe while the service runs, and a full one would block it.
        log = tmp_path / "serve.log"
        with log.open("w") as log_file:
            served = subprocess.Popen([sys.executable, "-m", "newsflow.flows.cli", "serve", "--inbox", str(EXAMPLES), "--data",
                                       str(data), "--only", "ingest-inbox", "relink"], cwd=REPO,
                                      env={**env, "PREFECT_LOGGING_LEVEL": "INFO"}, stdout=subprocess.DEVNULL,
                                      stderr=log_file, start_new_session=True)
        try:
            wait_for_deployment(env, "ingest/ingest-inbox", served, log)
            run = subprocess.run([PREFECT, "deployment", "run", "ingest/ingest-inbox", "--watch",
                                  "--watch-timeout", "240"], cwd=REPO, env=env, capture_output=True, text=True,
                                 timeout=300)
            assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
            assert "Completed" in run.stdout + run.stderr
        finally:
            # SIGTERM, as a service manager stops it. Not SIGINT: a test run started in the
            # background (`nohup .ci/run &`) ignores SIGINT, and so does every child it starts.
            os.killpg(served.pid, signal.SIGTERM)
            try:
                served.wait(90)  # a loaded machine can take its time to stop the runner
            except subprocess.TimeoutExpired:
                left = subprocess.run(["ps", "-o", "pid,ppid,stat,etime,args", "-g", str(served.pid)],
                                      capture_output=True, text=True).stdout
                os.kill(served.pid, signal.SIGUSR1)  # its threads' stacks, into its log
                time.sleep(2)
                os.killpg(served.pid, signal.SIGKILL)
                raise AssertionError(f"newsflow serve did not stop on SIGTERM; its processes:\n{left}\n"
                                     f"its log:\n{log.read_text()[-8000:]}") from None
    assert connect(data).execute("SELECT count(*) FROM documents").fetchone()[0] == 9


def wait_for_deployment(env: dict[str, str], name: str, served: subprocess.Popen, log: Path,
                        seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if served.poll() is not None:
            raise RuntimeError(f"newsflow serve exited with {served.returncode}: {log.read_text()[-2000:]}")
        found = subprocess.run([PREFECT, "deployment", "inspect", name], env=env, capture_output=True, text=True)
        if found.returncode == 0:
            return
        time.sleep(1)
    raise TimeoutError(f"the deployment {name} was not registered in {seconds} s")
