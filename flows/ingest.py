"""The ingest flow: read; extract, clean and split, enrich, find entities (on worker processes,
a batch at a time); write; merge the day's part files; link."""

from __future__ import annotations

import gc
import time
from collections import deque
from collections.abc import Iterator
from datetime import UTC, date, datetime
from itertools import chain
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.futures import PrefectFuture
from prefect.runtime import flow_run
from prefect.task_runners import TaskRunner

from newsflow.flows.artifacts import publish_summary, report_progress, start_progress
from newsflow.flows.batch import process
from newsflow.flows.link import link_articles
from newsflow.flows.runners import batch_runner
from newsflow.flows.runners import batches_in_flight as default_in_flight
from newsflow.tasks.core.schema import Quarantine, RawDocument, is_passing
from newsflow.tasks.core.settings import BATCH_MAX_BYTES, BATCH_SIZE, EXTRACT_TIMEOUT_SECONDS
from newsflow.tasks.pipeline.admit import admitted
from newsflow.tasks.pipeline.memory import keep_large_blocks_off_the_heap, return_freed_memory
from newsflow.tasks.pipeline.report import RunSummary
from newsflow.tasks.sources.files import count_files, read_sources
from newsflow.tasks.sources.http_cache import HttpCache
from newsflow.tasks.sources.web import FetchOptions, WebCounts, iter_web_inputs, read_url_list
from newsflow.tasks.store.commit import failure_tables, write_batch
from newsflow.tasks.store.compact import Compaction
from newsflow.tasks.store.compact import compact as compact_parts
from newsflow.tasks.store.dataset import KnownKeys, data_lock, recover

HTTP_CACHE = "_state/http_cache.json"


@task(name="compact")
def merge_small_parts(data_dir: str, ingest_date: date) -> list[Compaction]:
    """Merge the day's part files, one a batch, into files of a size DuckDB reads fast."""
    return compact_parts(Path(data_dir), partition=f"ingest_date={ingest_date.isoformat()}")


def new_run_id(now: datetime) -> str:
    return now.strftime("%Y%m%dT%H%M%S") + f"-{now.microsecond:06d}"


def chunked(items: Iterator[RawDocument | Quarantine], size: int, max_bytes: int = BATCH_MAX_BYTES) -> Iterator[list]:
    """Batches of at most `size` inputs and `max_bytes` of input bytes (the last may hold one
    input of more): a batch is held in this process and shipped to a worker whole, so its
    bytes, not only its count, bound the run's memory."""
    chunk: list = []
    held = 0
    for item in items:
        chunk.append(item)
        held += len(item.data) if isinstance(item, RawDocument) else 0
        if len(chunk) >= size or held >= max_bytes:
            yield chunk
            chunk, held = [], 0
    if chunk:
        yield chunk


def run_name() -> str:
    """What the run ingests, for the dashboard: "ingest inbox (11 files)"."""
    parameters = flow_run.parameters
    sources = [Path(s) for s in parameters.get("sources") or []]
    files = count_files(sources)
    names = [s.name or str(s) for s in sources[:3]] + (["…"] if len(sources) > 3 else [])
    names += [f"{kind} {Path(parameters[key]).name}" for key, kind in (("urls_file", "urls"), ("feeds_file", "feeds"))
              if parameters.get(key)]
    return f"ingest {', '.join(names)} ({files} file{'s' if files != 1 else ''})"


@flow(name="ingest", flow_run_name=run_name, log_prints=True)
def ingest_flow(
    sources: list[str],
    data_dir: str = "data",
    batch_size: int = BATCH_SIZE,
    spacy_model: str | None = None,
    link: bool = True,
    urls_file: str | None = None,
    feeds_file: str | None = None,
    batches_in_flight: int | None = None,
    compact: bool = True,
    workers: int | None = None,
    dask_address: str | None = None,
    extract_timeout: float = EXTRACT_TIMEOUT_SECONDS,
    retry_quarantined: bool = False,
    deadline_minutes: float | None = None,
    fetch: FetchOptions | None = None,
) -> RunSummary:
    """Ingest files and folders, a URL list and feeds into the dataset at `data_dir`, merge the
    day's small part files (unless `compact` is off), then link the articles not linked yet.

    The batch stages run on a worker process a core, or on a local Dask cluster of `workers`
    processes (0: in this process), or on the Dask cluster at `dask_address`. A page whose
    extraction takes longer than `extract_timeout` seconds is quarantined. Inputs quarantined for
    their own bytes are not processed again unless `retry_quarantined`. With `deadline_minutes`
    the run stops reading new inputs at that time and finishes what it started (scheduled runs
    cannot pile up). `fetch` sets the limits of fetching (tasks/sources/web.py FetchOptions)."""
    keep_large_blocks_off_the_heap()
    ingested_at = datetime.now(UTC)
    summary = RunSummary(run_id=new_run_id(ingested_at), data_dir=data_dir)
    known = open_dataset(Path(data_dir))
    cache = HttpCache(Path(data_dir) / HTTP_CACHE)
    web_counts = WebCounts()
    sources = [source for source in sources if present(source, summary)]
    urls_file, feeds_file = present(urls_file, summary), present(feeds_file, summary)
    web = web_inputs(urls_file, feeds_file, fetch or FetchOptions(), cache, web_counts)
    files = count_files(sources)
    progress = start_progress(f"inputs read of {files} files and the web")
    inputs = admitted(chain(web, read_sources(sources)), known, summary, retry_quarantined)
    stage_options = {"run_id": summary.run_id, "ingested_at": ingested_at, "spacy_model": spacy_model,
                     "extract_timeout": extract_timeout}
    deadline = None if deadline_minutes is None else time.monotonic() + 60 * deadline_minutes
    # The workers, and the models they hold, are gone before merging and linking need the memory.
    with batch_runner(workers, dask_address) as runner:
        writer = BatchWriter(runner, stage_options, data_dir, known, summary, ingested_at.date())
        in_flight = batches_in_flight or default_in_flight(workers)
        for number, raws in enumerate(chunked(inputs, batch_size)):
            if deadline is not None and time.monotonic() >= deadline:
                summary.stopped = f"its deadline of {deadline_minutes:g} minutes passed"
                break
            writer.submit(f"{summary.run_id}-{number:05d}", raws)
            while writer.pending > in_flight:
                writer.write_oldest()
                report_progress(progress, summary.files_read, files)
        web.close()  # stops the fetching threads when the deadline cut the run short
        while writer.pending:
            writer.write_oldest()
            report_progress(progress, summary.files_read, files)
    summary.unchanged_web = web_counts.unchanged
    # Both also when this run committed nothing: they complete what a killed or failed run left
    # (its part files unmerged, its articles unlinked), and cost a few ms when nothing is left.
    if compact:
        summary.merged_files = sum(merged.files_before for merged in merge_small_parts(data_dir, ingested_at.date()))
    if link:  # every article not linked yet (tasks/link/update.py), not only this run's
        summary.links.update(link_articles(data_dir))
    report_progress(progress, files, files)
    cache.forget(writer.retry_next_run)
    cache.save()  # only now, after the pages are committed: a run that dies refetches, not 304s
    publish_summary(summary)
    get_run_logger().info(summary.as_text())
    return summary


def open_dataset(data_dir: Path) -> KnownKeys:
    """Finish what a dead run left staged, and read what the dataset already holds."""
    known = KnownKeys(data_dir)
    with data_lock(data_dir):
        recover(data_dir)
        known.refresh()
    return known


def present(path: str | None, summary: RunSummary) -> str | None:
    """`path` when it exists. A missing one is a warning of the run, not a failure: a scheduled
    run over an inbox or a feeds file not created yet has nothing to do there, and says so."""
    if path is None or Path(path).exists():
        return path
    summary.warnings.append(f"{path} does not exist: nothing was read there")
    get_run_logger().warning(summary.warnings[-1])
    return None


def web_inputs(urls_file: str | None, feeds_file: str | None, options: FetchOptions, cache: HttpCache,
               counts: WebCounts) -> Iterator[RawDocument | Quarantine]:
    """The pages of the URL list and of the feeds' entries, streamed as they are fetched."""
    urls = read_url_list(Path(urls_file)) if urls_file else []
    feeds = read_url_list(Path(feeds_file)) if feeds_file else []
    if urls or feeds:
        yield from iter_web_inputs(urls, feeds, options, cache, counts)


class BatchWriter:
    """Batches submitted to the runner and written in order as they finish. A batch that fails
    is run again input by input, so that only the input that breaks it is quarantined."""

    def __init__(self, runner: TaskRunner, stage_options: dict, data_dir: str, known: KnownKeys,
                 summary: RunSummary, ingest_date: date) -> None:
        self.runner, self.stage_options = runner, stage_options
        self.data_dir, self.known, self.summary, self.ingest_date = data_dir, known, summary, ingest_date
        self.queue: deque[tuple[str, list, PrefectFuture]] = deque()
        self.retry_next_run: set[str] = set()  # inputs quarantined for a passing cause

    @property
    def pending(self) -> int:
        return len(self.queue)

    def submit(self, name: str, raws: list) -> None:
        self.queue.append((name, raws, self._run(raws)))

    def _run(self, raws: list) -> PrefectFuture:
        return self.runner.submit(process, {**self.stage_options, "raws": raws})

    def write_oldest(self) -> None:
        name, raws, future = self.queue.popleft()
        try:
            processed = future.result()
        except Exception as error:  # a batch's failure costs only the input that causes it
            get_run_logger().warning(f"batch {name} failed ({type(error).__name__}); running its inputs one by one")
            self._one_by_one(name, raws)
            return
        self._commit(name, processed.tables, processed.seconds)
        del future, processed
        # Prefect's chain of futures around a batch's result is a reference cycle that holds the
        # pickled result: left to the automatic full collections, which come rarer as a run's
        # long-lived objects grow, a 3k-document run held up to 200 MB of written batches.
        gc.collect()
        return_freed_memory()

    def _one_by_one(self, name: str, raws: list) -> None:
        futures = [self._run([raw]) for raw in raws]
        for number, (raw, future) in enumerate(zip(raws, futures)):
            try:
                processed = future.result()
                tables, seconds = processed.tables, processed.seconds
            except Exception as error:
                tables = failure_tables(raw, error, self.summary.run_id, self.stage_options["ingested_at"])
                seconds = {}
            self._commit(f"{name}-{number:03d}", tables, seconds)

    def _commit(self, name: str, tables: dict, seconds: dict) -> None:
        written = write_batch(tables, self.data_dir, self.known, name, self.ingest_date)
        self.summary.add_batch(written, seconds)
        quarantine = tables["quarantine"].select(["source_uri", "reason"]).to_pylist()
        self.retry_next_run.update(row["source_uri"] for row in quarantine if is_passing(row["reason"]))
