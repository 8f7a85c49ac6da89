"""`newsflow serve`: the deployments of prefect.yaml, served with their schedules in one process.

The simplest scheduled set-up: no work pool, no worker. prefect.yaml stays the one place the
schedules and default parameters are written; options given here override its parameters.
"""

from __future__ import annotations

import faulthandler
import importlib
import signal
from pathlib import Path

import yaml
from prefect import serve

# The checkout's prefect.yaml (an editable install); an installed wheel has none beside its code,
# so there it is the one of the project folder newsflow serve runs in.
CANDIDATES = (Path(__file__).resolve().parent.parent / "prefect.yaml", Path("prefect.yaml"))


def prefect_yaml() -> Path | None:
    """The prefect.yaml whose deployments `newsflow serve` serves, if there is one."""
    return next((path.resolve() for path in CANDIDATES if path.is_file()), None)


def load_entrypoint(entrypoint: str):
    """The flow object an entrypoint like 'flows/ingest.py:ingest_flow' names."""
    path, name = entrypoint.split(":")
    module = importlib.import_module("newsflow." + path.removesuffix(".py").replace("/", "."))
    return getattr(module, name)


def deployment_specs(overrides: dict[str, object], only: list[str] | None = None) -> list[dict]:
    """The deployments of prefect.yaml, their parameters updated with the overrides they accept."""
    path = prefect_yaml()
    if path is None:
        raise FileNotFoundError("prefect.yaml")
    specs = yaml.safe_load(path.read_text())["deployments"]
    chosen = [spec for spec in specs if only is None or spec["name"] in only]
    for spec in chosen:
        accepted = load_entrypoint(spec["entrypoint"]).parameters.properties
        spec["parameters"] = {**spec.get("parameters", {}), **{k: v for k, v in overrides.items() if k in accepted}}
    return chosen


def serve_deployments(overrides: dict[str, object], only: list[str] | None = None) -> None:
    """Serve the chosen deployments on their cron schedules until interrupted."""
    # A long-lived service: `kill -USR1 <pid>` prints every thread's stack to stderr, to see
    # what it is waiting on without stopping it.
    faulthandler.register(signal.SIGUSR1, all_threads=True)
    deployments = [
        load_entrypoint(spec["entrypoint"]).to_deployment(
            name=spec["name"],
            description=spec.get("description"),
            parameters=spec["parameters"],
            cron=[schedule["cron"] for schedule in spec.get("schedules", [])] or None,
        )
        for spec in deployment_specs(overrides, only)
    ]
    serve(*deployments)
