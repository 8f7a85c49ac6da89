"""Batches in flight on the task runner, committed in the order they were submitted."""

from __future__ import annotations

from collections import deque

from prefect import get_run_logger
from prefect.futures import PrefectFuture
from prefect.task_runners import TaskRunner

from newsflow.flows.artifacts import RunProgress
from newsflow.flows.batch import process
from newsflow.tasks.core.schema import ProcessedBatch
from newsflow.tasks.pipeline.run import Batch, IngestRun, release_batch_memory


class BatchQueue:
    """Batches submitted to the runner and committed in order as they finish, at most `in_flight`
    ahead of the writer (a bound on the memory held, whatever the corpus). A batch that fails is
    run again input by input, so that only the input that breaks it is quarantined."""

    def __init__(self, runner: TaskRunner, run: IngestRun, stage_options: dict, in_flight: int,
                 progress: RunProgress) -> None:
        self.runner, self.run, self.stage_options = runner, run, stage_options
        self.in_flight, self.progress = in_flight, progress
        self.queue: deque[tuple[str, Batch, PrefectFuture[ProcessedBatch]]] = deque()

    def submit(self, name: str, batch: Batch) -> None:
        self.queue.append((name, batch, self._start(batch)))
        while len(self.queue) > self.in_flight:
            self.commit_oldest()

    def drain(self) -> None:
        while self.queue:
            self.commit_oldest()

    def _start(self, batch: Batch) -> PrefectFuture[ProcessedBatch]:
        return self.runner.submit(process, {**self.stage_options, "raws": batch})

    def commit_oldest(self) -> None:
        name, batch, future = self.queue.popleft()
        try:
            processed = future.result()
        except Exception as error:  # a batch's failure costs only the input that causes it
            get_run_logger().warning(f"batch {name} failed ({type(error).__name__}); running its inputs one by one")
            self._one_by_one(name, batch)
        else:
            self.run.commit(name, processed.tables, processed.seconds)
            del future, processed
            release_batch_memory()
        # Inputs done: every input read so far but those of the batches still in flight.
        in_flight = sum(len(waiting) for _, waiting, _ in self.queue)
        self.progress.update(self.run.summary.files_read, self.run.summary.inputs - in_flight)

    def _one_by_one(self, name: str, batch: Batch) -> None:
        futures = [self._start([raw]) for raw in batch]
        for number, (raw, future) in enumerate(zip(batch, futures)):
            try:
                processed = future.result()
            except Exception as error:
                self.run.commit_failure(f"{name}-{number:03d}", raw, error)
            else:
                self.run.commit(f"{name}-{number:03d}", processed.tables, processed.seconds)
