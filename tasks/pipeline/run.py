"""One ingest run, outside the work of its batches: the dataset healed and read before the run,
its inputs cut into batches until its deadline, each finished batch committed and counted, and
what the next run needs saved at the end."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa

from newsflow.tasks.core.schema import Quarantine, RawDocument, is_passing
from newsflow.tasks.core.settings import BATCH_MAX_BYTES
from newsflow.tasks.pipeline.inputs import RunInputs
from newsflow.tasks.pipeline.memory import keep_large_blocks_off_the_heap, return_freed_memory
from newsflow.tasks.pipeline.report import RunSummary
from newsflow.tasks.sources.http_cache import HttpCache
from newsflow.tasks.sources.web import FetchOptions
from newsflow.tasks.store.commit import failure_tables, write_batch
from newsflow.tasks.store.dataset import STATE, KnownKeys, data_lock, recover

HTTP_CACHE = f"{STATE}/http_cache.json"

Batch = list[RawDocument | Quarantine]


@dataclass
class IngestRun:
    """The state of one run that outlives its batches. `retry_next_run`: inputs quarantined for
    a passing cause, whose HTTP validators are forgotten so that the next run fetches them whole."""

    data_dir: Path
    ingested_at: datetime
    summary: RunSummary
    known: KnownKeys
    cache: HttpCache
    retry_next_run: set[str] = field(default_factory=set)

    @classmethod
    def open(cls, data_dir: str | Path, now: datetime | None = None) -> IngestRun:
        """Finish what a dead run left staged, and read what the dataset already holds."""
        keep_large_blocks_off_the_heap()
        freeze_objects_held_now()
        data_dir, now = Path(data_dir), now or datetime.now(UTC)
        known = KnownKeys(data_dir)
        with data_lock(data_dir):
            recover(data_dir)
            known.refresh()
        summary = RunSummary(run_id=new_run_id(now), data_dir=str(data_dir))
        return cls(data_dir, now, summary, known, HttpCache(data_dir / HTTP_CACHE))

    def inputs(self, sources: list[str], urls_file: str | None, feeds_file: str | None,
               fetch: FetchOptions | None) -> RunInputs:
        return RunInputs(sources, urls_file, feeds_file, fetch or FetchOptions(), self.cache, self.summary)

    def batches(self, inputs: Iterable[RawDocument | Quarantine], size: int,
                deadline_minutes: float | None = None) -> Iterator[tuple[str, Batch]]:
        """Named batches of the inputs; none is started after `deadline_minutes` (the rest is
        left for the next run, and the summary says why the run stopped)."""
        deadline = None if deadline_minutes is None else time.monotonic() + 60 * deadline_minutes
        for number, batch in enumerate(chunked(inputs, size)):
            if deadline is not None and time.monotonic() >= deadline:
                self.summary.stopped = f"its deadline of {deadline_minutes:g} minutes passed"
                return
            yield f"{self.summary.run_id}-{number:05d}", batch

    def commit(self, name: str, tables: dict[str, pa.Table], seconds: dict[str, float]) -> None:
        """Write a finished batch's rows and count them; inputs quarantined for a passing cause
        are noted to be fetched whole next time."""
        written = write_batch(tables, str(self.data_dir), self.known, name, self.ingested_at.date())
        self.summary.add_batch(written, seconds)
        quarantine = tables["quarantine"].select(["source_uri", "reason"]).to_pylist()
        self.retry_next_run.update(row["source_uri"] for row in quarantine if is_passing(row["reason"]))

    def commit_failure(self, name: str, raw: RawDocument | Quarantine, error: BaseException) -> None:
        """An input whose processing failed even alone: one quarantine row naming the error."""
        self.commit(name, failure_tables(raw, error, self.summary.run_id, self.ingested_at), {})

    def finish(self) -> RunSummary:
        """Save the HTTP cache, only now that the pages are committed (a run that dies refetches
        what it did not commit instead of being told 304), and return the run's summary."""
        self.cache.forget(self.retry_next_run)
        self.cache.save()
        return self.summary


def freeze_objects_held_now() -> None:
    """Leave what the process holds before the run's batches (its libraries', Prefect's and the
    models' objects) out of every later collection, so that release_batch_memory's full
    collection walks only what the run made since. Over 1,000 distinct pages (10 batches) the
    collections after each write were a third of the flow's process's time (py-spy), and the run
    took 67.0 CPU s without the freeze against 59.6 with it (bench/throughput_notes.md)."""
    gc.collect()  # what is garbage now is freed, not frozen
    gc.freeze()


def release_batch_memory() -> None:
    """Free a written batch now. Prefect's chain of futures around a batch's result is a
    reference cycle that holds the pickled result: left to the automatic full collections, which
    come rarer as a run's long-lived objects grow, a 3k-document run held up to 200 MB of written
    batches (tests/test_memory.py holds the flow to freeing each)."""
    gc.collect()
    return_freed_memory()


def new_run_id(now: datetime) -> str:
    return now.strftime("%Y%m%dT%H%M%S") + f"-{now.microsecond:06d}"


def chunked(items: Iterable[RawDocument | Quarantine], size: int, max_bytes: int = BATCH_MAX_BYTES) -> Iterator[Batch]:
    """Batches of at most `size` inputs and `max_bytes` of input bytes (the last may hold one
    input of more): a batch is held in this process and shipped to a worker whole, so its
    bytes, not only its count, bound the run's memory."""
    chunk: Batch = []
    held = 0
    for item in items:
        chunk.append(item)
        held += len(item.data) if isinstance(item, RawDocument) else 0
        if len(chunk) >= size or held >= max_bytes:
            yield chunk
            chunk, held = [], 0
    if chunk:
        yield chunk
