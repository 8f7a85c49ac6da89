"""The task runner of a run: Prefect's thread pool, a local Dask cluster of processes, or a
Dask cluster elsewhere (prefect-dask's DaskTaskRunner)."""

from __future__ import annotations

from prefect_dask import DaskTaskRunner


def task_runner(workers: int | None = None, dask_address: str | None = None) -> DaskTaskRunner | None:
    """A Dask runner for `--dask-address` or `--workers N` (N > 1); None keeps Prefect's default."""
    if dask_address:
        return DaskTaskRunner(address=dask_address)
    if workers and workers > 1:
        # One thread per process: the stages are CPU-bound Python, so processes, not threads, scale.
        cluster = {"n_workers": workers, "threads_per_worker": 1, "processes": True, "dashboard_address": None}
        return DaskTaskRunner(cluster_kwargs=cluster)
    return None
