"""The scheduled path, the way the README's "Scheduled runs" section sets it up: a Prefect server,
the process work pool, `prefect deploy --all` of the checkout's prefect.yaml, the failed-run
automation, a process worker; files dropped into the inbox, `ingest-inbox` triggered, and what the
run left read back through Prefect's API. Then `newsflow serve` beside those deployments.

The project folder is a scratch one holding the checkout's prefect.yaml and flows/ (linked), so
that the deployments' own relative parameters (`inbox`, `feeds.txt`, `data`) land there.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest
from prefect_server import (
    PREFECT,
    REPO,
    api,
    client_env,
    flow_run_artifacts,
    flow_run_logs,
    prefect_server,
    wait_for_final_state,
)

from newsflow.tasks.store.dataset import connect

EXAMPLES = REPO / "examples" / "inbox"
DEPLOYMENTS = {"ingest/ingest-inbox": "*/15 * * * *", "ingest/ingest-feeds": "0 * * * *", "relink/relink": "30 2 * * *"}
ERROR = 40  # the logging level of ERROR, as the API gives it


def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    folder.mkdir()
    shutil.copy(REPO / "prefect.yaml", folder / "prefect.yaml")
    (folder / "flows").symlink_to(REPO / "flows")
    return folder


def prefect(env: dict[str, str], *arguments: str, cwd: Path = REPO, seconds: float = 300) -> str:
    done = subprocess.run([PREFECT, *arguments], cwd=cwd, env=env, capture_output=True, text=True, timeout=seconds,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0, f"prefect {' '.join(arguments)}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def run_deployment(env: dict[str, str], name: str, *parameters: str) -> str:
    """`prefect deployment run NAME`, as the README triggers one; the new flow run's id."""
    printed = prefect(env, "deployment", "run", name, *(f"--param={p}" for p in parameters))
    return re.search(r"UUID:\s*([0-9a-f-]{36})", printed).group(1)


def deployment(api_url: str, name: str) -> dict:
    found = api(api_url, f"deployments/name/{name}")
    assert isinstance(found, dict)
    return found


def start(command: list[str], env: dict[str, str], cwd: Path, log: Path) -> subprocess.Popen:
    # PYTHONFAULTHANDLER: a process that outlives its stop signal is sent SIGABRT (`stop`), and
    # writes every thread's stack to the log before it dies.
    with log.open("w") as log_file:  # a file, not a pipe: nobody reads a pipe while it runs
        return subprocess.Popen(command, cwd=cwd, env={**env, "PYTHONFAULTHANDLER": "1"}, stdin=subprocess.DEVNULL,
                                stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True)


def stop(process: subprocess.Popen, first: signal.Signals, seconds: float = 60, group: bool = True) -> int:
    """Stop a process and its children with `first` (sent to the process alone unless `group`);
    SIGKILL what is left after `seconds`."""
    try:
        if group:
            os.killpg(process.pid, first)
        else:
            os.kill(process.pid, first)
        return process.wait(seconds)
    except subprocess.TimeoutExpired:
        left = subprocess.run(["ps", "-o", "pid,ppid,stat,etime,args", "-g", str(process.pid)], capture_output=True, text=True)
        print(f"still running {seconds} s after {first.name}:\n{left.stdout}")  # shown when the test fails
        os.killpg(process.pid, signal.SIGABRT)  # each stuck process writes its threads' stacks to the log
        time.sleep(5)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return -signal.SIGKILL
    except ProcessLookupError:
        return process.wait()


# A worker with no run left stops in a few seconds when it stops at all (alone, the test passes);
# in the full suite it hangs, and every second waited for it is the suite's.
WORKER_GRACE_SECONDS = 20


def stop_prefect_worker(worker: subprocess.Popen) -> int:
    """Stop `prefect worker start` as the README says: SIGTERM to its command alone, as `kill PID`
    sends it (sent to the whole group, its process got a second SIGINT of its own while shutting
    down: 3 CI runs). Prefect's worker then stops once its runs have ended; in the full suite it
    has hung in that shutdown with no run left (its stacks: the event loop idle after the
    cancellation), and a second SIGTERM is Prefect's forced stop (a SIGKILL of itself)."""
    os.kill(worker.pid, signal.SIGTERM)
    try:
        return worker.wait(WORKER_GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        # Its children wherever they are (a flow run's process in a session of its own is in no
        # group of the worker's): what a worker waiting for its runs would wait for.
        children = subprocess.run(["ps", "-o", "pid,ppid,pgid,stat,etime,args", "--ppid", str(worker.pid)],
                                  capture_output=True, text=True).stdout
        warnings.warn(f"the Prefect worker did not stop within {WORKER_GRACE_SECONDS} s of SIGTERM: stopped by a "
                      "second SIGTERM; "
                      f"its processes then:\n{children}", stacklevel=2)
        return stop(worker, signal.SIGTERM, 30, group=False)


def summary_rows(artifacts: list[dict]) -> dict[str, int]:
    table = next(a for a in artifacts if a["key"] == "ingest-summary")
    data = table["data"]
    rows = data if isinstance(data, list) else __import__("json").loads(data)
    return {row["what"]: row["count"] for row in rows}


# The worker and the served runner look for runs due every 10 s by default: each triggered run
# waited up to that long before it started. Polling every second tests the same path sooner.
QUICK_POLLS = {"PREFECT_WORKER_QUERY_SECONDS": "1", "PREFECT_RUNNER_POLL_FREQUENCY": "1"}


@pytest.mark.slow
def test_the_readme_scheduled_path_runs_a_triggered_ingest_to_completion(tmp_path):
    home = project(tmp_path)
    with prefect_server(tmp_path / "server-home") as api_url:
        env = client_env(tmp_path / "client-home", api_url)
        prefect(env, "work-pool", "create", "newsflow-process", "--type", "process")
        prefect(env, "deploy", "--all", cwd=home)
        prefect(env, "automation", "create", "--from-file", str(REPO / "automations" / "failed-runs.yaml"))

        registered = {name: deployment(api_url, name) for name in DEPLOYMENTS}
        for name, cron in DEPLOYMENTS.items():
            found = registered[name]
            assert [s["schedule"]["cron"] for s in found["schedules"]] == [cron], name
            assert found["work_pool_name"] == "newsflow-process"
            assert found["concurrency_limit"] == 1 or found["global_concurrency_limit"]["limit"] == 1, name
            assert found["concurrency_options"]["collision_strategy"] == "CANCEL_NEW", name
            # The run's folder is the project's, by absolute path: a worker started anywhere finds it.
            assert found["pull_steps"] == [{"prefect.deployments.steps.set_working_directory": {"directory": str(home)}}]
        automations = api(api_url, "automations/filter", {})
        assert [a["name"] for a in automations] == ["newsflow-failed-run"]
        # The schedules are as the README sets them up (above); off from here on, which also
        # deletes the runs they made ahead: a test straddling a quarter hour had the */15 run
        # start beside the triggered ones, and the worker, still running it, outlived its SIGTERM.
        for found in registered.values():
            for schedule in found["schedules"]:
                api(api_url, f"deployments/{found['id']}/schedules/{schedule['id']}", {"active": False}, method="PATCH")

        elsewhere = tmp_path / "elsewhere"  # the worker's own folder does not matter
        elsewhere.mkdir()
        worker = start([PREFECT, "worker", "start", "--pool", "newsflow-process"], {**env, **QUICK_POLLS}, elsewhere,
                       tmp_path / "worker.log")
        try:
            shutil.copytree(EXAMPLES, home / "inbox")
            ingest = run_deployment(env, "ingest/ingest-inbox")
            finished = wait_for_final_state(api_url, ingest)
            assert finished["state_type"] == "COMPLETED", (tmp_path / "worker.log").read_text()[-5000:]
            assert finished["name"] == "ingest inbox"
            artifacts = flow_run_artifacts(api_url, ingest)
            assert {a["key"] for a in artifacts if a["key"]} == {"ingest-summary", "ingest-stories", "ingest-drift"}
            progress = [a for a in artifacts if a["type"] == "progress"]
            assert len(progress) == 1 and progress[0]["data"] == 100.0
            stories = next(a for a in artifacts if a["key"] == "ingest-stories")
            assert "## Biggest stories in the dataset" in stories["data"]
            assert summary_rows(artifacts)["documents"] == 9
            assert [log["message"][:300] for log in flow_run_logs(api_url, ingest) if log["level"] >= ERROR] == []
            assert connect(home / "data").execute("SELECT count(*) FROM documents").fetchone()[0] == 9

            # No feeds.txt in the project yet: nothing to do, which is not a failure.
            feeds = run_deployment(env, "ingest/ingest-feeds")
            nothing_to_do = wait_for_final_state(api_url, feeds)
            assert (nothing_to_do["state_type"], nothing_to_do["run_count"]) == ("COMPLETED", 1)  # no retry
            warning = f"warning: {home / 'feeds.txt'} does not exist: nothing was read there"
            assert summary_rows(flow_run_artifacts(api_url, feeds))[warning] == 1
            logs = flow_run_logs(api_url, feeds)
            assert any("feeds.txt does not exist" in log["message"] and log["level"] == 30 for log in logs)
            assert [log["message"][:300] for log in logs if log["level"] >= ERROR or "Traceback" in log["message"]] == []

            # Two runs due at once: one runs, the other is cancelled (CANCEL_NEW), none piles up.
            # Made through the API, milliseconds apart: two `prefect` commands on a loaded machine
            # were seconds apart, and the first run could be over before the second was due.
            inbox_id = registered["ingest/ingest-inbox"]["id"]
            both = [api(api_url, f"deployments/{inbox_id}/create_flow_run", {})["id"] for _ in range(2)]
            states = sorted(wait_for_final_state(api_url, run)["state_type"] for run in both)
            assert states == ["CANCELLED", "COMPLETED"]

            # A failed run pauses its deployment (the automation), and is seen on the deployments page.
            assert not deployment(api_url, "relink/relink")["paused"]
            (tmp_path / "not-a-folder").write_text("a file where the data folder should be")
            failed = run_deployment(env, "relink/relink", f"data_dir={tmp_path / 'not-a-folder'}")
            assert wait_for_final_state(api_url, failed)["state_type"] == "FAILED"
            deadline = time.monotonic() + 120
            while not deployment(api_url, "relink/relink")["paused"]:
                assert time.monotonic() < deadline, "the failed-run automation did not pause relink"
                time.sleep(1)
            assert not deployment(api_url, "ingest/ingest-inbox")["paused"]
        finally:
            worker_stopped = stop_prefect_worker(worker)
        assert worker_stopped in (0, -signal.SIGKILL) and "Fatal Python error" not in (tmp_path / "worker.log").read_text(), (
            "the worker did not stop on SIGTERM, nor on a second one, as the README says:\n"
            + (tmp_path / "worker.log").read_text()[-12000:])

        # `newsflow serve` on the same server, beside the deployments `prefect deploy` registered:
        # a triggered run completes, and SIGTERM stops it cleanly.
        log = tmp_path / "serve.log"
        served = start([sys.executable, "-m", "newsflow.flows.cli", "serve", "--inbox", "inbox", "--only", "ingest-inbox"],
                       {**env, **QUICK_POLLS, "PREFECT_LOGGING_LEVEL": "INFO"}, home, log)
        try:
            (home / "inbox" / "new.txt").write_text("HARBOUR CITY (Wire) - The harbour ferry resumed service on "
                                                   "Tuesday after a two-day strike ended with a pay deal.\n")
            deadline = time.monotonic() + 120
            while "ingest-inbox" not in log.read_text():
                assert served.poll() is None, log.read_text()[-3000:]
                assert time.monotonic() < deadline, log.read_text()[-3000:]
                time.sleep(1)
            time.sleep(5)  # the served deployment registered (its banner), and the runner polling
            again = run_deployment(env, "ingest/ingest-inbox")
            finished = wait_for_final_state(api_url, again)
            assert finished["state_type"] == "COMPLETED", log.read_text()[-5000:]
        finally:
            code = stop(served, signal.SIGTERM, 90)
        text = log.read_text()
        assert code == 0, text[-3000:]
        assert "never awaited" not in text and "Traceback" not in text, text[-3000:]
        assert connect(home / "data").execute("SELECT count(*) FROM documents").fetchone()[0] == 10
