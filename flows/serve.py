"""`newsflow serve`: the deployments of prefect.yaml, served with their schedules in one process.

The simplest scheduled set-up: no work pool, no worker. prefect.yaml stays the one place the
schedules, default parameters and concurrency limits are written; options given here override
the parameters of the deployments they are for.
"""

from __future__ import annotations

import asyncio
import faulthandler
import importlib
import signal
import sys
from pathlib import Path
from typing import Any
from uuid import UUID

import yaml
from prefect.client.orchestration import get_client
from prefect.client.schemas.actions import DeploymentUpdate
from prefect.client.schemas.objects import ConcurrencyLimitConfig
from prefect.deployments.runner import RunnerDeployment
from prefect.runner import Runner

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


def deployment_specs(common: dict[str, object], per_deployment: dict[str, dict[str, object]] | None = None,
                     only: list[str] | None = None) -> list[dict]:
    """The deployments of prefect.yaml, their parameters updated with the `common` overrides
    their flow accepts and with the overrides given for them by name in `per_deployment`."""
    path = prefect_yaml()
    if path is None:
        raise FileNotFoundError("prefect.yaml")
    specs = yaml.safe_load(path.read_text())["deployments"]
    chosen = [spec for spec in specs if only is None or spec["name"] in only]
    for spec in chosen:
        accepted = load_entrypoint(spec["entrypoint"]).parameters.properties
        spec["parameters"] = {**spec.get("parameters", {}), **{k: v for k, v in common.items() if k in accepted},
                              **(per_deployment or {}).get(spec["name"], {})}
    return chosen


def concurrency_limit(spec: dict) -> ConcurrencyLimitConfig | None:
    """The deployment's `concurrency_limit` of prefect.yaml, as `to_deployment` takes it."""
    limit = spec.get("concurrency_limit")
    return ConcurrencyLimitConfig(**limit) if isinstance(limit, dict) else limit


def working_directory_step() -> dict:
    """A pull step that starts the served runs in the folder `newsflow serve` runs in: the folder
    Prefect writes a served flow's entrypoint relative to, and the one the relative paths given
    to serve (`--inbox inbox`) mean. (The checkout's prefect.yaml may be elsewhere: a run started
    there looked for '<checkout>/../../<serve folder>/flows/ingest.py'.)"""
    return {"prefect.deployments.steps.set_working_directory": {"directory": str(Path.cwd())}}


class TermRunner(Runner):
    """Prefect's runner, with two repairs: its deployments keep their working folder, and SIGTERM
    stops it cleanly. Prefect's own SIGTERM handler calls the runner's stop() on the event loop's
    thread, where it only makes a coroutine that nobody awaits ("coroutine 'Runner.astop' was
    never awaited") and then exits without stopping the runs."""

    async def aadd_deployment(self, deployment: RunnerDeployment) -> UUID:
        """Register the deployment with a pull step to serve's folder (`working_directory_step`).
        Serving one that `prefect deploy` registered first clears its pull steps and leaves it no
        code path, and its runs then crashed looking for '<folder>/None' (Prefect 3.8.8 sends no
        path when it updates a deployment)."""
        deployment_id = await super().aadd_deployment(deployment)
        async with get_client() as client:
            await client.update_deployment(deployment_id, DeploymentUpdate(pull_steps=[working_directory_step()]))
        return deployment_id

    def handle_sigterm(self, *args: Any, **kwargs: Any) -> None:
        self._logger.info("SIGTERM received, stopping")
        loop = asyncio.get_running_loop()  # the handler runs on the main thread, inside the loop
        self._stop_task = loop.create_task(self.astop())


def serve_deployments(common: dict[str, object], per_deployment: dict[str, dict[str, object]],
                      only: list[str] | None = None, banner: str = "") -> None:
    """Serve the chosen deployments on their cron schedules until interrupted or terminated; the
    banner goes to stderr once they are registered (a run of theirs can be triggered from then)."""
    # A long-lived service: `kill -USR1 <pid>` prints every thread's stack to stderr, to see
    # what it is waiting on without stopping it.
    faulthandler.register(signal.SIGUSR1, all_threads=True)
    runner = TermRunner()
    for spec in deployment_specs(common, per_deployment, only):
        runner.add_deployment(load_entrypoint(spec["entrypoint"]).to_deployment(
            name=spec["name"],
            description=spec.get("description"),
            parameters=spec["parameters"],
            cron=[schedule["cron"] for schedule in spec.get("schedules", [])] or None,
            concurrency_limit=concurrency_limit(spec),
        ))
    if banner:
        print(banner, file=sys.stderr, flush=True)
    try:
        asyncio.run(runner.start())
    except KeyboardInterrupt:
        pass
