"""The ingest flow: read; extract, clean and split, enrich, find entities (on worker processes,
a batch at a time); write; merge the day's part files; link."""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from prefect import flow, get_run_logger, task
from prefect.futures import PrefectFuture
from prefect.runtime import flow_run
from prefect.states import Failed

from flows.artifacts import publish_summary, report_progress, start_progress
from flows.batch import process
from flows.link import link_articles
from flows.runners import batch_runner
from flows.runners import batches_in_flight as default_in_flight
from tasks.compact import Compaction
from tasks.compact import compact as compact_parts
from tasks.memory import keep_large_blocks_off_the_heap, return_freed_memory
from tasks.report import BatchesFailed, RunSummary
from tasks.schema import Quarantine, RawDocument
from tasks.settings import BATCH_SIZE
from tasks.sources import document_id, iter_paths, read_sources, sha256_hex
from tasks.store import KnownKeys, commit_batch, data_lock, quarantine_key, recover, without_known
from tasks.web import FetchOptions, FetchResult, HttpCache, fetch_feeds, fetch_urls, read_url_list

if TYPE_CHECKING:
    from tasks.batches import ProcessedBatch

HTTP_CACHE = "_state/http_cache.json"


@task(name="fetch", retries=1, retry_delay_seconds=10)
def fetch(urls_file: str | None, feeds_file: str | None, cache: HttpCache) -> FetchResult:
    """Pages of a URL list and of feeds' entries. Each request already retries with backoff
    (tasks/web.py); the task's one retry covers what no request-level retry can (the host's
    resolver or network gone for a moment)."""
    result = FetchResult()
    if urls_file:
        result.add(fetch_urls(read_url_list(Path(urls_file)), FetchOptions(), cache))
    if feeds_file:
        result.add(fetch_feeds(read_url_list(Path(feeds_file)), FetchOptions(), cache))
    return result


def write(processed: ProcessedBatch, data_dir: str, known: KnownKeys, batch_name: str,
          ingest_date: date) -> dict:
    """Commit a batch under the data folder's lock, minus what another run committed meanwhile.

    A step of the flow, not a task: a task run costs the Prefect server ~0.2 s of CPU on the
    workers' cores (states, events), and a write is milliseconds of the flow's own work."""
    with data_lock(Path(data_dir)):
        known.refresh()
        tables = without_known(processed.tables, known)
        commit_batch(Path(data_dir), batch_name, ingest_date, tables)
        known.doc_ids.update(tables["documents"].column("doc_id").to_pylist())
    return tables


@task(name="compact")
def merge_small_parts(data_dir: str, ingest_date: date) -> list[Compaction]:
    """Merge the day's part files, one a batch, into files of a size DuckDB reads fast."""
    return compact_parts(Path(data_dir), partition=f"ingest_date={ingest_date.isoformat()}")


def new_run_id(now: datetime) -> str:
    return now.strftime("%Y%m%dT%H%M%S") + f"-{now.microsecond:06d}"


def unknown_inputs(
    inputs: Iterable[RawDocument | Quarantine], known: KnownKeys, summary: RunSummary
) -> Iterator[RawDocument | Quarantine]:
    """The inputs that the dataset does not hold yet (same place, same bytes)."""
    last_file = None
    for item in inputs:
        summary.inputs += 1
        this_file = item.source_uri.split("#", 1)[0]
        summary.files_read += this_file != last_file
        last_file = this_file
        if isinstance(item, Quarantine):
            seen = quarantine_key(item.source_uri, item.reason, item.content_sha256) in known.quarantine_keys
        else:
            seen = document_id(item.source_uri, sha256_hex(item.data)) in known.doc_ids
        if seen:
            summary.skipped_known += 1
        else:
            yield item


def chunked(items: Iterator, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_name() -> str:
    """What the run ingests, for the dashboard: "ingest inbox (11 files)"."""
    parameters = flow_run.parameters
    sources = [Path(s) for s in parameters.get("sources") or []]
    files = sum(1 for _ in iter_paths(sources))
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
) -> RunSummary:
    """Ingest files and folders, a URL list and feeds into the dataset at `data_dir`, merge the
    day's small part files (unless `compact` is off), then link the new articles.

    The batch stages run on a worker process a core, or on a local Dask cluster of `workers`
    processes (0: in this process), or on the Dask cluster at `dask_address`."""
    keep_large_blocks_off_the_heap()
    ingested_at = datetime.now(UTC)
    summary = RunSummary(run_id=new_run_id(ingested_at), data_dir=data_dir)
    known = KnownKeys(Path(data_dir))
    with data_lock(Path(data_dir)):
        recover(Path(data_dir))
        known.refresh()
    cache = HttpCache(Path(data_dir) / HTTP_CACHE)
    fetched = fetch(urls_file, feeds_file, cache) if urls_file or feeds_file else FetchResult()
    summary.unchanged_web = fetched.unchanged
    files = sum(1 for _ in iter_paths(sources)) + len(fetched.documents) + len(fetched.quarantined)
    progress = start_progress(f"inputs read of {files}")
    inputs = unknown_inputs(chain(fetched.documents, fetched.quarantined, read_sources(sources)), known, summary)
    # The workers, and the models they hold, are gone before merging and linking need the memory.
    with batch_runner(workers, dask_address) as runner:
        pending: deque[tuple[str, PrefectFuture]] = deque()
        in_flight = batches_in_flight or default_in_flight(workers)
        for number, raws in enumerate(chunked(inputs, batch_size)):
            parameters = {"raws": raws, "run_id": summary.run_id, "ingested_at": ingested_at, "spacy_model": spacy_model}
            pending.append((f"{summary.run_id}-{number:05d}", runner.submit(process, parameters)))
            while len(pending) > in_flight:
                _write_next(pending, data_dir, known, summary, ingested_at.date())
                report_progress(progress, summary.files_read, files)
        while pending:
            _write_next(pending, data_dir, known, summary, ingested_at.date())
            report_progress(progress, summary.files_read, files)
    if compact and summary.batches:
        summary.merged_files = sum(merged.files_before for merged in merge_small_parts(data_dir, ingested_at.date()))
    if link and summary.new_article_ids:  # an unchanged inbox or feed: nothing to relink
        summary.links.update(link_articles(data_dir, summary.new_article_ids))
    report_progress(progress, files, files)
    if not summary.failed_batches:
        cache.save()  # only now: a page whose batch failed must be fetched again, not answered 304
    publish_summary(summary)
    get_run_logger().info(summary.as_text())
    if summary.failed_batches:
        # An honest end: the run is Failed, and its error still carries the counts of what it did
        # (a Failed state's data must be an exception: Prefect raises it to a direct caller).
        failure = BatchesFailed(summary)
        return Failed(message=str(failure), data=failure)
    return summary


def _write_next(pending: deque, data_dir: str, known: KnownKeys, summary: RunSummary, ingest_date: date) -> None:
    """Write the oldest batch; a batch whose stages failed is reported, and its inputs stay new."""
    name, future = pending.popleft()
    try:
        processed = future.result()
    except Exception as error:  # a failed batch (after its retries) costs only its own inputs
        get_run_logger().error(f"batch {name} failed: {error}")
        summary.failed_batches.append(name)
        return
    written = write(processed, data_dir, known, name, ingest_date)
    summary.add_batch(written, processed.seconds)
    del future, processed, written
    # Prefect's chain of futures around a batch's result is a reference cycle that holds the
    # pickled result: left to the automatic full collections, which come rarer as a run's
    # long-lived objects grow, a 3k-document run held up to 200 MB of written batches.
    gc.collect()
    return_freed_memory()
