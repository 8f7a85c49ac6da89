"""Committing what the batches made: under the data folder's lock, minus what is already there."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pyarrow as pa

from newsflow.tasks.core.ids import sha256_hex
from newsflow.tasks.core.schema import PARTITIONED_TABLES, QUARANTINE, Quarantine, RawDocument, to_row, to_table
from newsflow.tasks.store.dataset import KnownKeys, commit_batch, data_lock, without_known


def write_batch(tables: dict[str, pa.Table], data_dir: str, known: KnownKeys, batch_name: str,
                ingest_date: date) -> dict[str, pa.Table]:
    """Commit a batch's rows under the data folder's lock, minus what another run committed
    meanwhile; returns the rows written."""
    with data_lock(Path(data_dir)):
        known.refresh()
        fresh = without_known(tables, known)
        commit_batch(Path(data_dir), batch_name, ingest_date, fresh)
        known.doc_ids.update(fresh["documents"].column("doc_id").to_pylist())
    return fresh


def failure_tables(raw: RawDocument | Quarantine, error: BaseException, run_id: str,
                   ingested_at: datetime) -> dict[str, pa.Table]:
    """The tables of an input whose processing failed even alone: one quarantine row naming the
    error (a passing reason: the next run tries the input again), every other table empty."""
    if isinstance(raw, Quarantine):
        row = raw
    else:
        detail = f"processing failed: {type(error).__name__}: {error}"
        row = Quarantine(raw.source_uri, "worker_failed", detail, len(raw.data), sha256_hex(raw.data))
    tables = {name: schema.empty_table() for name, schema in PARTITIONED_TABLES.items()}
    tables["quarantine"] = to_table([{**to_row(row), "run_id": run_id, "ingested_at": ingested_at}], QUARANTINE)
    return tables
