"""Run as a script, with no PREFECT_API_URL set: a flow on newsflow's batch runners whose task
tells, from the worker process it runs on, which Prefect API it was given and whether that
worker started a server of its own. Prints one JSON object."""

from __future__ import annotations

import json
import os
import sys

import psutil
from prefect import flow, task
from prefect.settings import PREFECT_API_URL

from newsflow.flows.runners import batch_runner, run_api_url


@task
def probe() -> dict:
    """Run on a worker, after Prefect's task engine has created this task run through the API."""
    from prefect.server.api.server import SubprocessASGIServer

    return {"pid": os.getpid(), "api_url": PREFECT_API_URL.value(), "own_server": SubprocessASGIServer().running,
            "children": [" ".join(p.cmdline()) for p in psutil.Process().children(recursive=True)]}


@flow
def probe_flow(runners: list[int | None]) -> dict:
    seen = {}
    for workers in runners:
        with batch_runner(workers) as runner:
            seen[str(workers)] = runner.submit(probe, {}).result()
    return {"pid": os.getpid(), "api_url": run_api_url(), "workers": seen}


if __name__ == "__main__":
    print(json.dumps(probe_flow([None if arg == "default" else int(arg) for arg in sys.argv[1:]])))
