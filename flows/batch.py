"""The task that takes a batch through every CPU stage, in a module of its own: a worker process
imports this and what the stages need, not the flow's readers, writers and linking."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from prefect import task
from prefect.cache_policies import NO_CACHE

from newsflow.tasks.core.settings import EXTRACT_TIMEOUT_SECONDS

if TYPE_CHECKING:
    from newsflow.tasks.core.schema import ProcessedBatch, Quarantine, RawDocument


# No cache key: a batch's inputs are megabytes of pages, hashed for nothing, as no result is kept.
# No retry: the flow runs a failed batch again input by input (flows/ingest.py BatchWriter), which
# also retries what a passing fault broke, and a poisoned batch is not run whole twice.
@task(name="extract-clean-split-enrich", cache_policy=NO_CACHE)
def process(raws: list[RawDocument | Quarantine], run_id: str, ingested_at: datetime,
            spacy_model: str | None, extract_timeout: float = EXTRACT_TIMEOUT_SECONDS, reuse: bool = True,
            data_dir: str | None = None) -> ProcessedBatch:
    """A batch through extract, clean and split, enrich, entities and signatures: its table rows.
    A page whose extraction takes more than `extract_timeout` seconds is quarantined. With `reuse`,
    a body enriched before (on this worker, or in the dataset at `data_dir`) is not enriched again."""
    # Imported where it runs, on the worker: the stages' libraries (spaCy, trafilatura, the
    # language and MinHash models, ~200 MB) need not load in the flow's own process.
    from newsflow.tasks.pipeline.batches import process_batch

    return process_batch(raws, run_id, ingested_at, spacy_model, extract_timeout, reuse, data_dir)
