"""Prefect on PostgreSQL, as a team runs it (README, "Prefect on PostgreSQL"): a real PostgreSQL
server as the Prefect server's database, and the three deployments' flows with their parameters
of prefect.yaml run over each other: `ingest-inbox` twice at once, and `relink` while an ingest
runs. All complete, no lock error anywhere, and the dataset is the one the same runs make one
after the other (run ids and times aside).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
from postgres_server import postgres_server
from prefect_server import REPO, api, client_env, prefect_server

from newsflow.tasks.store.dataset import connect

EXAMPLES = REPO / "examples" / "inbox"
# A deployment's flow with its parameters of prefect.yaml, in the current folder, as a worker runs it.
RUN_DEPLOYMENT_FLOW = (
    "import sys\n"
    "from newsflow.flows.serve import deployment_specs, load_entrypoint\n"
    "spec, = deployment_specs({}, only=[sys.argv[1]])\n"
    "state = load_entrypoint(spec['entrypoint'])(**spec['parameters'], return_state=True)\n"
    "sys.exit(0 if state.is_completed() else 1)\n"
)
# What a run writes that differs from run to run; everything else must be equal.
RUN_COLUMNS = {"run_id", "ingested_at", "ingest_date"}
LOCK_TROUBLE = ("database is locked", "deadlock detected", "could not obtain lock", "lock timeout",
                "LockNotAvailable", "Traceback", "| ERROR")


def project(root: Path) -> Path:
    shutil.copytree(EXAMPLES, root / "inbox")
    return root


def start_flow(name: str, folder: Path, env: dict[str, str], log: Path) -> subprocess.Popen:
    with log.open("w") as output:
        return subprocess.Popen([sys.executable, "-c", RUN_DEPLOYMENT_FLOW, name], cwd=folder, env=env,
                                stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)


def finished(process: subprocess.Popen, log: Path, seconds: float = 600) -> str:
    code = process.wait(seconds)
    text = log.read_text()
    assert code == 0, text[-5000:]
    return text


def flow_runs(api_url: str) -> list[dict]:
    runs = api(api_url, "flow_runs/filter", {"sort": "START_TIME_ASC"})
    assert isinstance(runs, list)
    return runs


def running(api_url: str, flow_name: str) -> int:
    flows = {f["id"]: f["name"] for f in api(api_url, "flows/filter", {})}  # type: ignore[union-attr]
    return sum(run["state_type"] == "RUNNING" and flows[run["flow_id"]] == flow_name for run in flow_runs(api_url))


def dataset(data: Path) -> dict[str, list[tuple]]:
    """Every row of documents, articles, links and stories, minus the columns a run's id and time fill."""
    db = connect(data)
    tables = {}
    for table in ("documents", "articles", "links", "stories"):
        columns = [c[0] for c in db.execute(f"DESCRIBE {table}").fetchall() if c[0] not in RUN_COLUMNS]
        quoted = ", ".join('"' + column + '"' for column in columns)
        rows = db.execute(f"SELECT {quoted} FROM {table}").fetchall()
        tables[table] = sorted(rows, key=repr)
    return tables


def moment(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


@pytest.mark.slow
def test_overlapping_runs_on_a_prefect_server_backed_by_postgresql(tmp_path):
    with postgres_server() as database_url, \
            prefect_server(tmp_path / "server-home", database_url, tmp_path / "server.log") as api_url:
        env = {**client_env(tmp_path / "client-home", api_url), "PREFECT_LOGGING_LEVEL": "INFO"}

        # One project folder for both ways: an input's identity is its path and its bytes.
        folder = project(tmp_path / "project")
        logs = {name: tmp_path / f"{name}.log" for name in ("ingest-a", "ingest-b", "relink")}
        ingests = [start_flow("ingest-inbox", folder, env, logs[name]) for name in ("ingest-a", "ingest-b")]
        deadline = time.monotonic() + 300
        while running(api_url, "ingest") == 0:  # relink starts while an ingest runs
            assert time.monotonic() < deadline and all(p.poll() is None for p in ingests), logs["ingest-a"].read_text()[-3000:]
            time.sleep(0.5)
        relink = start_flow("relink", folder, env, logs["relink"])
        outputs = [finished(ingests[0], logs["ingest-a"]), finished(ingests[1], logs["ingest-b"]),
                   finished(relink, logs["relink"])]

        runs = flow_runs(api_url)
        assert [run["state_type"] for run in runs] == ["COMPLETED"] * 3
        (first, second, relinking) = sorted(runs, key=lambda run: (run["name"].startswith("relink"), run["start_time"]))
        assert moment(second["start_time"]) < moment(first["end_time"]), "the two ingests did not overlap"
        assert moment(relinking["start_time"]) < max(moment(first["end_time"]), moment(second["end_time"])), \
            "relink did not run while an ingest ran"
        for output in [*outputs, (tmp_path / "server.log").read_text()]:
            assert [trouble for trouble in LOCK_TROUBLE if trouble in output] == [], output[-5000:]

        overlapping = (folder / "data").rename(tmp_path / "overlapping-data")
        for number, name in enumerate(("ingest-inbox", "ingest-inbox", "relink")):
            log = tmp_path / f"sequential-{number}.log"
            finished(start_flow(name, folder, env, log), log)
        assert [run["state_type"] for run in flow_runs(api_url)] == ["COMPLETED"] * 6

    assert not list((tmp_path / "server-home").glob("*.db")), "the server used an SQLite file, not PostgreSQL"
    expected = dataset(folder / "data")
    assert len(expected["documents"]) == 9 and len(expected["stories"]) == 10
    assert dataset(overlapping) == expected
