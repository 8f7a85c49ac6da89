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
    overridden = deployment_specs({"data_dir": "/d", "unknown": 1}, {"ingest-inbox": {"sources": ["/in"]}},
                                  ["ingest-inbox"])
    assert overridden[0]["parameters"] == {"sources": ["/in"], "data_dir": "/d", "deadline_minutes": 12}


def test_every_deployment_runs_one_at_a_time_and_serve_says_so_too():
    from prefect.client.schemas.objects import ConcurrencyLimitStrategy

    from newsflow.flows.serve import concurrency_limit, deployment_specs, load_entrypoint

    for spec in deployment_specs({}):
        limit = concurrency_limit(spec)
        assert (limit.limit, limit.collision_strategy) == (1, ConcurrencyLimitStrategy.CANCEL_NEW), spec["name"]
        served = load_entrypoint(spec["entrypoint"]).to_deployment(name=spec["name"], concurrency_limit=limit)
        assert served.concurrency_limit == 1
        assert served.concurrency_options.collision_strategy == ConcurrencyLimitStrategy.CANCEL_NEW


def served_parameters(monkeypatch, tmp_path, *options: str) -> dict[str, dict]:
    """The parameters `newsflow serve OPTIONS` would serve each deployment with."""
    from newsflow.flows import serve
    from newsflow.flows.cli import main

    given = {}
    monkeypatch.setattr(serve, "serve_deployments",
                        lambda common, per, only, banner: given.update(common=common, per=per, banner=banner))
    assert main(["serve", *options, "--data", str(tmp_path / "data")]) == 0
    served = {spec["name"]: spec["parameters"] for spec in serve.deployment_specs(given["common"], given["per"])}
    return {**served, "banner": given["banner"]}


def test_serve_gives_the_inbox_to_ingest_inbox_and_the_feeds_to_ingest_feeds_only(monkeypatch, tmp_path):
    (tmp_path / "inbox").mkdir()
    served = served_parameters(monkeypatch, tmp_path, "--inbox", str(tmp_path / "inbox"),
                               "--feeds", str(tmp_path / "feeds.txt"))  # no feeds file yet: not an error
    data = str(tmp_path / "data")
    assert served.pop("banner").startswith("newsflow: serving ingest-inbox, ingest-feeds, relink")
    assert served == {
        "ingest-inbox": {"sources": [str(tmp_path / "inbox")], "data_dir": data, "deadline_minutes": 12},
        "ingest-feeds": {"sources": [], "feeds_file": str(tmp_path / "feeds.txt"), "data_dir": data,
                         "deadline_minutes": 50},
        "relink": {"data_dir": data},
    }
    only_feeds = served_parameters(monkeypatch, tmp_path, "--feeds", "feeds.txt")
    assert only_feeds["ingest-inbox"]["sources"] == ["inbox"]  # prefect.yaml's own
    assert only_feeds["ingest-feeds"]["feeds_file"] == str(Path("feeds.txt").resolve())


def test_serve_without_a_server_says_there_is_no_dashboard_and_how_to_get_one(monkeypatch, tmp_path):
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        banner = served_parameters(monkeypatch, tmp_path)["banner"]
    assert "temporary Prefect server" in banner and "no dashboard" in banner
    assert "prefect server start" in banner and "PREFECT_API_URL=http://127.0.0.1:4200/api" in banner
    with temporary_settings(updates={PREFECT_API_URL: "http://127.0.0.1:4200/api"}):
        banner = served_parameters(monkeypatch, tmp_path)["banner"]
    assert "http://127.0.0.1:4200/deployments" in banner and "no dashboard" not in banner


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
    # Stopped cleanly: Prefect's own SIGTERM handler left "coroutine 'Runner.astop' was never awaited".
    stopped = log.read_text()
    assert served.returncode == 0 and "never awaited" not in stopped and "Traceback" not in stopped, stopped[-5000:]
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
