"""Where a run's batches are processed: worker processes on the local machine (the default), a
local Dask cluster, a Dask cluster elsewhere (prefect-dask's DaskTaskRunner), or this process."""

from __future__ import annotations

import atexit
import gc
import multiprocessing
import multiprocessing.forkserver
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import prefect.task_runners
from prefect.settings import PREFECT_API_URL, temporary_settings
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from newsflow.tasks.core.settings import BATCHES_IN_FLIGHT_PER_WORKER, MIN_BATCHES_IN_FLIGHT

# One BLAS thread a worker: the workers are the parallelism, one a core, and each OpenBLAS
# thread more would compete with them for the same cores and hold buffers of its own. It must be
# in a worker's environment when the process starts (`worker_environment`): OpenBLAS reads it
# once, when numpy is first imported, and a spawned worker imports the parent's main module (a
# user's script, Prefect's engine) before anything of newsflow runs there. On 1,000 distinct
# pages, with workers whose OpenBLAS had two threads each, the entities stage took 46 s of
# the run's stage time against 4 in one process (bench/throughput_notes.md).
WORKER_ENV = {"OPENBLAS_NUM_THREADS": "1"}
# The default runner's workers when `workers_started_early` started them: the next batch_runner
# on the default runner takes them (one a process: the `newsflow` command's run).
_started_early: list[ProcessPoolTaskRunner] = []


@contextmanager
def workers_started_early() -> Iterator[None]:
    """The default runner started now, its workers loading the stages while Prefect's temporary
    server starts: the server uses one core for seconds in which this process would otherwise
    wait for it. The run's batch_runner takes the runner; if the run ends before it does, it
    stops here.

    A forking runner's fork server starts loading the stages as the runner is entered, and its
    workers are forked at the run's first batches: this process goes on with the flow meanwhile.
    Forking them now would hold it here until the fork server is ready, and its flow run, its
    artifacts and its first batches would wait for the loading instead of being made beside it
    (3.3 s of waiting on 905 republished pages, bench/throughput_notes.md). Spawned workers each
    load the stages themselves, and are spawned now."""
    runner = default_runner().__enter__()
    if not (isinstance(runner, ForkedWorkersTaskRunner) and runner.forks_workers):
        # ProcessPoolExecutor spawns a worker per task submitted while none is idle: one no-op
        # each spawns them all now instead of at the run's first batches. (Prefect's runner has
        # no public way to its executor, which __enter__ creates.)
        executor = runner._executor
        assert executor is not None
        with worker_environment():
            for _ in range(runner._max_workers):
                executor.submit(int)
    _started_early.append(runner)
    try:
        yield
    finally:
        while _started_early:
            _started_early.pop().__exit__(None, None, None)


@contextmanager
def batch_runner(workers: int | None = None, dask_address: str | None = None,
                 small_run: bool = False) -> Iterator[TaskRunner]:
    """The runner for the batch stages, started, its workers reporting to this run's Prefect API
    (see `run_api_url`). A `small_run` (tasks/sources/files.py `small_run`) on the
    default runner runs in this process: one batch has no other to run beside it on a worker."""
    if small_run and workers is None and dask_address is None:
        workers = 0
    early = _started_early.pop() if _started_early else None
    if early is not None and (workers is not None or dask_address is not None):
        early.__exit__(None, None, None)  # the run chose another runner after all
        early = None
    api_url = run_api_url()
    # The workers receive the settings of the flow's context with each task (Prefect serialises
    # them), not its environment: the API URL has to be in those settings.
    with temporary_settings(updates={PREFECT_API_URL: api_url} if api_url else {}):
        with worker_environment(), (started(early) if early is not None
                                    else new_batch_runner(workers, dask_address)) as runner:
            yield runner


@contextmanager
def worker_environment() -> Iterator[None]:
    """WORKER_ENV in this process's environment while the block runs, for the worker processes
    started in it to inherit; the values before are put back after."""
    before = {name: os.environ.get(name) for name in WORKER_ENV}
    os.environ.update(WORKER_ENV)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@contextmanager
def started(runner: TaskRunner) -> Iterator[TaskRunner]:
    """A runner already started, stopped when the block ends."""
    try:
        yield runner
    finally:
        runner.__exit__(None, None, None)


def run_api_url() -> str | None:
    """The API this process reports to: the configured one, or else the temporary server Prefect
    started for this run. A worker given neither starts a temporary server of its own, a
    uvicorn process costing it seconds of CPU at start and its task runs the run's dashboard."""
    configured = PREFECT_API_URL.value()
    if configured:
        return configured
    from prefect.server.api.server import SubprocessASGIServer

    temporary = SubprocessASGIServer()  # the one get_client() starts when no API URL is set
    return temporary.api_url if temporary.running else None


def new_batch_runner(workers: int | None = None, dask_address: str | None = None) -> TaskRunner:
    """A runner for the batch stages: a worker process a core by default (the stages are
    CPU-bound Python, which threads do not scale); `workers` N: a local Dask cluster of N
    processes, 0: this process; `dask_address`: the Dask cluster there."""
    if dask_address or workers:
        # Imported here: Dask costs every worker process 30 MB and a second of start-up otherwise.
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        # One thread a process, as above.
        cluster = {"n_workers": workers, "threads_per_worker": 1, "processes": True, "dashboard_address": None,
                   "env": WORKER_ENV}
        return DaskTaskRunner(cluster_kwargs=cluster)
    if workers == 0:
        return ThreadPoolTaskRunner()  # everything in this process: for a debugger, or a handful of files
    return default_runner()


def default_runner() -> ProcessPoolTaskRunner:
    return ForkedWorkersTaskRunner(max_workers=os.cpu_count() or 1, initializer=start_worker)


PRELOAD_MODULE = "newsflow.flows.worker_preload"


class ForkedWorkersTaskRunner(ProcessPoolTaskRunner):
    """Prefect's process pool runner with workers forked from one fork server that loaded the
    stages (flows/worker_preload.py) instead of spawned, each loading them anew. On 1,000
    distinct pages, the peak summed PSS of a run fell from 1,188-1,216 MB to 1,012-1,072 MB (three
    paired runs, bench/throughput_notes.md). Prefect's runner spawns its workers (its __enter__ asks
    multiprocessing for the "spawn" context); it is given the fork server's context instead, and
    the fork server, which holds the models, stops with the runner, before merging and linking
    need the memory. The fork server is a fresh interpreter, not a fork of this process and its
    threads; its one thread when it forks is the time limits' watchdog (tasks/core/timelimit.py),
    whose lock a forked child makes anew."""

    forks_workers = False  # until __enter__ finds a fork server

    def __enter__(self) -> ForkedWorkersTaskRunner:
        if "forkserver" not in multiprocessing.get_all_start_methods():  # Windows: spawned, as Prefect does
            super().__enter__()
            return self
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([PRELOAD_MODULE])
        real = prefect.task_runners.multiprocessing
        prefect.task_runners.multiprocessing = _OneContext(real, context)  # type: ignore[assignment]
        try:
            super().__enter__()
        finally:
            prefect.task_runners.multiprocessing = real
        self.forks_workers = True
        # Started now, not at the first task, the fork server loads the stages while this process
        # goes on; the workers forked from it inherit its environment, set here.
        with worker_environment():
            multiprocessing.forkserver.ensure_running()
        return self

    def __exit__(self, *exc: Any) -> None:
        super().__exit__(*exc)
        # The standard library stops its fork server only at exit; its _stop (which its own tests
        # use) closes the pipe the server waits on and waits for it to end.
        multiprocessing.forkserver._forkserver._stop()  # type: ignore[attr-defined]


class _OneContext:
    """The multiprocessing module as prefect.task_runners sees it while our runner starts: any
    start method asked for is `context`."""

    def __init__(self, module: Any, context: Any) -> None:
        self._module, self._context = module, context

    def get_context(self, method: str | None = None) -> Any:
        return self._context

    def __getattr__(self, name: str) -> Any:
        return getattr(self._module, name)


def start_worker() -> None:
    """Run first in each worker process: the stages loaded (tasks/pipeline/warmup.py), before the
    worker takes its first batch. (Its environment is set by `worker_environment`, and the heap
    settings of tasks/pipeline/memory.py by the batch function itself, on every runner.)"""
    import prefect.task_engine  # noqa: F401

    from newsflow.tasks.pipeline.warmup import load_stages

    load_stages(None)  # little left to do in a worker forked from flows/worker_preload.py
    # A spawned worker ends as any Python program does: after the exit handlers, the interpreter
    # collects garbage over every object still alive (the models, the caches) before it frees them,
    # and the run waits for that as its runner stops, with nothing else to do. Frozen first, they
    # are left out of those collections: on 1,000 distinct pages the runner stopped in 0.11 s
    # instead of 0.93 (bench/throughput_notes.md). The exit handlers registered before this one
    # (Prefect's, which send its last events and logs) run after it, as before.
    atexit.register(gc.freeze)


def default_batches_in_flight(workers: int | None) -> int:
    """Batches submitted ahead of the writer: enough to keep every worker busy while the flow
    writes in order, and a bound on the memory held whatever the corpus."""
    cores = workers if workers is not None else os.cpu_count() or 1
    return max(MIN_BATCHES_IN_FLIGHT, BATCHES_IN_FLIGHT_PER_WORKER * cores)
