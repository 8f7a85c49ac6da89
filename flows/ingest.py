"""The ingest flow: read; extract, clean and split, enrich, find entities (on worker processes,
a batch at a time); write; merge the day's part files; link."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from prefect import flow, task
from prefect.runtime import flow_run

from newsflow.flows.artifacts import RunProgress, publish_summary
from newsflow.flows.batch_queue import BatchQueue
from newsflow.flows.link import compare_with_origins, link_articles
from newsflow.flows.runners import batch_runner, default_batches_in_flight
from newsflow.tasks.core.settings import BATCH_SIZE, EXTRACT_TIMEOUT_SECONDS
from newsflow.tasks.pipeline.report import RunSummary
from newsflow.tasks.pipeline.run import IngestRun
from newsflow.tasks.sources.web import FetchOptions
from newsflow.tasks.store.compact import merge_part_files


@task(name="compact")
def merge_small_parts(data_dir: str, ingest_date: date) -> int:
    """Merge the day's part files, one a batch, into files of a size DuckDB reads fast; the
    number of files merged."""
    merged = merge_part_files(Path(data_dir), partition=f"ingest_date={ingest_date.isoformat()}")
    return sum(compaction.files_before for compaction in merged)


def run_name() -> str:
    """What the run ingests, for the dashboard: "ingest inbox, feeds feeds.txt"."""
    parameters = flow_run.parameters
    sources = [Path(s) for s in parameters.get("sources") or []]
    names = [s.name or str(s) for s in sources[:3]] + (["…"] if len(sources) > 3 else [])
    names += [f"{kind} {Path(parameters[key]).name}" for key, kind in (("urls_file", "urls"), ("feeds_file", "feeds"))
              if parameters.get(key)]
    return f"ingest {', '.join(names)}"


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
    reuse_enrichment: bool = True,
) -> RunSummary:
    """Ingest files and folders, a URL list and feeds into the dataset at `data_dir`, merge the
    day's small part files (unless `compact` is off), then link the articles not linked yet.

    The batch stages run on a worker process a core, or on a local Dask cluster of `workers`
    processes (0: in this process), or on the Dask cluster at `dask_address`. A page whose
    extraction takes longer than `extract_timeout` seconds is quarantined. Inputs quarantined for
    their own bytes are not processed again unless `retry_quarantined`. With `deadline_minutes`
    the run stops reading new inputs at that time and finishes what it started (scheduled runs
    cannot pile up). `fetch` sets the limits of fetching (tasks/sources/web.py FetchOptions).
    `reuse_enrichment` off cleans, splits and enriches every copy of a text anew
    (tasks/pipeline/reuse.py: the tables are the same either way)."""
    run = IngestRun.open(data_dir)
    inputs = run.inputs(sources, urls_file, feeds_file, fetch)
    progress = RunProgress(files=inputs.files, inputs=inputs.total)
    stage_options = {"run_id": run.summary.run_id, "ingested_at": run.ingested_at, "spacy_model": spacy_model,
                     "extract_timeout": extract_timeout, "reuse": reuse_enrichment, "data_dir": data_dir}
    # The workers, and the models they hold, are gone before merging and linking need the memory.
    with batch_runner(workers, dask_address, small_run=inputs.small(batch_size)) as runner:
        queue = BatchQueue(runner, run, stage_options, batches_in_flight or default_batches_in_flight(workers), progress)
        for name, batch in run.batches(inputs.admitted(run.known, retry_quarantined), batch_size, deadline_minutes):
            queue.submit(name, batch)  # extract, clean, split, enrich on a worker; the oldest done is written
        inputs.close()
        queue.drain()
    # Both also when this run committed nothing: they complete what a killed or failed run left
    # (its part files unmerged, its articles unlinked), and cost a few ms when nothing is left.
    if compact:
        run.summary.merged_files = merge_small_parts(data_dir, run.ingested_at.date())
    if link:  # every article not linked yet (tasks/link/update.py), not only this run's
        run.summary.links.update(link_articles(data_dir))
        run.summary.drift.update(compare_with_origins(data_dir, workers=workers))
    progress.finish(run.summary.inputs)
    return publish_summary(run.finish())
