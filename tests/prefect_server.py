"""A real Prefect server on loopback for the service and browser tests, started and stopped here."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PREFECT = str(Path(sys.executable).with_name("prefect"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def client_env(home: Path, api_url: str) -> dict[str, str]:
    """The environment of a process that talks to the test server."""
    return {**os.environ, "PREFECT_HOME": str(home), "PREFECT_API_URL": api_url,
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PYTHONPATH": str(REPO)}


@contextmanager
def prefect_server(home: Path, database_url: str | None = None, log: Path | None = None) -> Iterator[str]:
    """`prefect server start` on a free loopback port, on its own SQLite file or on the database at
    `database_url`; yields its API URL once /api/health answers. Its output goes to `log`, if given."""
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    env = {**client_env(home, api_url), "PREFECT_UI_API_URL": api_url}  # the UI calls its API at this URL
    env.pop("PREFECT_API_URL")
    if database_url:
        env["PREFECT_API_DATABASE_CONNECTION_URL"] = database_url
    with open(log or os.devnull, "w") as output:
        server = subprocess.Popen([PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(port)], env=env,
                                  stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_for(f"{api_url}/health", server, 120)
        yield api_url
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def wait_for(url: str, process: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the Prefect server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer in {seconds} s")


# What Prefect's own client retries (prefect/client/base.py): the server answers 503 for a database
# error worth retrying, such as SQLite busy under a loaded machine (a PATCH of the scheduled-path
# test failed so in the full suite).
RETRIED_STATUSES = frozenset({429, 502, 503})
API_ATTEMPTS = 5


def api(api_url: str, path: str, body: dict | None = None, method: str | None = None) -> object:
    """One call to the server's REST API: GET without a body, POST with one; tried again, after a
    pause, when the server answers with a status Prefect's client retries."""
    import httpx

    for attempt in range(1, API_ATTEMPTS + 1):
        response = httpx.request(method or ("GET" if body is None else "POST"), f"{api_url}/{path}", json=body,
                                 timeout=30)
        if response.status_code not in RETRIED_STATUSES or attempt == API_ATTEMPTS:
            break
        time.sleep(attempt)
    response.raise_for_status()
    return response.json() if response.content else None


FINAL_STATES = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


def wait_for_final_state(api_url: str, flow_run_id: str, seconds: float = 300) -> dict:
    """The flow run once it has ended (Completed, Failed, Crashed or Cancelled)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        run = api(api_url, f"flow_runs/{flow_run_id}")
        assert isinstance(run, dict)
        if run["state_type"] in FINAL_STATES:
            return run
        time.sleep(1)
    raise TimeoutError(f"the flow run {flow_run_id} did not end in {seconds} s")


LOGS_SETTLED_SECONDS = 10.0


def flow_run_logs(api_url: str, flow_run_id: str, seconds: float = 60, settled: float = LOGS_SETTLED_SECONDS) -> list[dict]:
    """The run's logs, once the last of them reached the server: the run's process sends them in
    the background, and its "Finished in state" line comes last. A run whose process exits before
    its log worker sends that line (a worker's run that had nothing to do), or that sends none at
    all (a worker's runs log at WARNING: a run that went well has no line), has its logs once no
    new one has come for `settled` seconds: waiting for the line, or for a first line, cost the
    scheduled-path test a minute a run."""
    deadline = time.monotonic() + seconds
    count, since = -1, time.monotonic()
    while True:
        logs = api(api_url, "logs/filter", {"logs": {"flow_run_id": {"any_": [flow_run_id]}}, "limit": 200})
        assert isinstance(logs, list)
        if len(logs) != count:
            count, since = len(logs), time.monotonic()
        if (any("Finished in state" in log["message"] for log in logs) or time.monotonic() > deadline
                or time.monotonic() - since >= settled):
            return logs
        time.sleep(1)


def flow_run_artifacts(api_url: str, flow_run_id: str) -> list[dict]:
    artifacts = api(api_url, "artifacts/filter", {"artifacts": {"flow_run_id": {"any_": [flow_run_id]}}})
    assert isinstance(artifacts, list)
    return artifacts
