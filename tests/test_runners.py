"""Worker processes started before the flow (while Prefect's server starts) are the ones the
run's batches go to; a run that chooses another runner, or ends first, stops them."""

from __future__ import annotations

import multiprocessing.forkserver
import os
import pickle
import subprocess
import sys

import pytest
from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

from newsflow.flows import runners


@pytest.fixture
def one_quick_worker(monkeypatch):
    """The default runner with one worker that loads nothing (a real one loads spaCy)."""
    made = []

    def default_runner():
        made.append(ProcessPoolTaskRunner(max_workers=1))
        return made[-1]

    monkeypatch.setattr(runners, "default_runner", default_runner)
    return made


def test_the_run_takes_the_workers_started_early_and_stops_them(one_quick_worker):
    with runners.workers_started_early():
        (early,) = one_quick_worker
        assert early._executor is not None and len(early._executor._processes) == 1  # spawned already
        with runners.batch_runner() as runner:
            assert runner is early
        assert early._executor is None  # stopped with the batches, before merging and linking
    assert len(one_quick_worker) == 1


def test_workers_started_early_stop_when_the_run_chooses_another_runner_or_none(one_quick_worker):
    with runners.workers_started_early():
        with runners.batch_runner(small_run=True) as runner:  # a small run runs in this process
            assert isinstance(runner, ThreadPoolTaskRunner)
        assert one_quick_worker[0]._executor is None
    with runners.workers_started_early():
        pass  # the flow failed before its batches
    assert one_quick_worker[1]._executor is None and not runners._started_early


@pytest.fixture
def light_fork_server(monkeypatch):
    """The default runner forking one worker from a fork server that preloads a light module."""
    monkeypatch.setattr(runners, "PRELOAD_MODULE", "json")
    monkeypatch.setattr(runners, "default_runner", lambda: runners.ForkedWorkersTaskRunner(max_workers=1))


def fork_server_pid() -> int | None:
    return multiprocessing.forkserver._forkserver._forkserver_pid


def test_a_forking_runner_started_early_forks_at_the_first_batch_from_a_server_started_at_once(light_fork_server,
                                                                                               monkeypatch):
    """The fork server starts loading as the runner is entered, and this process does not wait
    for it to fork the workers: they are forked when the run's first batch is submitted."""
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    with runners.workers_started_early():
        (early,) = runners._started_early
        assert early.forks_workers and not early._executor._processes  # nothing forked, nothing waited for
        server = fork_server_pid()
        assert server is not None
        with runners.batch_runner() as runner:
            assert runner is early
            assert runner._executor.submit(os.getppid).result() == server
            environment = runner._executor.submit(initial_environment).result()
        assert fork_server_pid() is None
    assert {name: environment.get(name) for name in runners.WORKER_ENV} == runners.WORKER_ENV
    assert "OPENBLAS_NUM_THREADS" not in os.environ


def test_the_flow_reads_a_workers_result_without_loading_the_stages(tmp_path):
    """A worker sends its batch's rows back pickled; unpickling them in the flow's process must
    not import the stages' module, which loads spaCy and trafilatura there for nothing."""
    from datetime import UTC, datetime

    from newsflow.tasks.pipeline.batches import process_batch
    from newsflow.tasks.pipeline.warmup import WARM_UP_PAGE

    result = tmp_path / "result.pickle"
    result.write_bytes(pickle.dumps(process_batch([WARM_UP_PAGE], "r", datetime.now(UTC), None, reuse=False)))
    flow_side = (
        "import pickle, sys\n"
        "import newsflow.flows.ingest\n"
        f"batch = pickle.loads(open({str(result)!r}, 'rb').read())\n"
        "assert batch.tables['articles'].num_rows == 1, batch.tables['articles']\n"
        "print(sorted(m for m in sys.modules if m == 'spacy' or m == 'trafilatura' or m.startswith('newsflow.tasks.pipeline.batches')))\n"
    )
    done = subprocess.run([sys.executable, "-c", flow_side], capture_output=True, text=True, check=True, timeout=120)
    assert done.stdout.strip() == "[]"


def initial_environment() -> dict[str, str]:
    """The environment this process was started with (what OpenBLAS saw, whatever was set after)."""
    with open("/proc/self/environ", "rb") as environ:
        pairs = [entry.split(b"=", 1) for entry in environ.read().split(b"\0") if b"=" in entry]
    return {name.decode(): value.decode() for name, value in pairs}


@pytest.mark.parametrize("early", [True, False])
def test_workers_start_with_the_worker_environment(one_quick_worker, monkeypatch, early):
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    if early:
        with runners.workers_started_early(), runners.batch_runner() as runner:
            environment = runner._executor.submit(initial_environment).result()
    else:
        with runners.batch_runner() as runner:
            environment = runner._executor.submit(initial_environment).result()
    assert {name: environment.get(name) for name in runners.WORKER_ENV} == runners.WORKER_ENV
    assert "OPENBLAS_NUM_THREADS" not in os.environ  # this process's own is put back


def preloaded_by() -> tuple[int, int | None]:
    """(this worker's pid, the pid of the process that imported flows/worker_preload.py, if any did)."""
    preload = sys.modules.get(runners.PRELOAD_MODULE)
    return os.getpid(), getattr(preload, "LOADED_IN_PID", None)


@pytest.mark.slow  # the fork server loads the real stages
def test_the_default_workers_are_forked_with_the_stages_loaded_and_their_server_stops_with_them():
    with runners.batch_runner() as runner:
        assert isinstance(runner, runners.ForkedWorkersTaskRunner)
        workers = {runner._executor.submit(preloaded_by).result() for _ in range(4)}
    (server,) = {loaded_in for _, loaded_in in workers}
    assert server is not None and server != os.getpid()
    assert all(pid != server for pid, _ in workers)  # the stages came with the fork, not loaded again
    with pytest.raises(ProcessLookupError):
        os.kill(server, 0)  # the fork server and the models it held are gone with the runner


def test_without_a_fork_server_the_default_workers_are_spawned(monkeypatch):
    monkeypatch.setattr(runners.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    with runners.ForkedWorkersTaskRunner(max_workers=1) as runner:
        assert runner._executor._mp_context.get_start_method() == "spawn"
        assert runner._executor.submit(os.getppid).result() == os.getpid()  # not a fork server's child


def test_a_worker_leaves_what_it_holds_out_of_the_collections_of_its_exit():
    """start_worker freezes the garbage collector's objects once the exit handlers begin: the
    collections of the interpreter's shutdown then skip the models a worker holds. The handlers
    registered before it (here one standing for Prefect's) still run, after it."""
    worker = (
        "import atexit, gc\n"
        "import newsflow.tasks.pipeline.warmup as warmup\n"
        "warmup.load_stages = lambda model: None  # what the stages load is not what is tested\n"
        "from newsflow.flows.runners import start_worker\n"
        "atexit.register(lambda: print('frozen at exit', gc.get_freeze_count() > 0, flush=True))\n"
        "print('frozen at start', gc.get_freeze_count() > 0, flush=True)\n"
        "start_worker()\n"
    )
    done = subprocess.run([sys.executable, "-c", worker], capture_output=True, text=True, check=True, timeout=120)
    assert done.stdout.split("\n")[:2] == ["frozen at start False", "frozen at exit True"]
