"""The runners make the same tables: worker processes (the default), a local Dask cluster of
processes, and this process alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from prefect.task_runners import ProcessPoolTaskRunner

from newsflow.flows.cli import main
from newsflow.flows.runners import default_batches_in_flight, new_batch_runner
from newsflow.tasks.core.schema import TABLE_SCHEMAS
from newsflow.tasks.store.dataset import connect

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "inbox"
RUN_COLUMNS = {"run_id", "ingested_at", "ingest_date"}


def snapshot(data: Path) -> dict[str, list[tuple]]:
    db = connect(data)
    tables = {}
    for table in TABLE_SCHEMAS:
        columns = [c for c in TABLE_SCHEMAS[table].names if c not in RUN_COLUMNS]
        quoted = ", ".join(f'"{c}"' for c in columns)
        tables[table] = db.execute(f'SELECT {quoted} FROM "{table}" ORDER BY ALL').fetchall()
    return tables


def test_the_default_runner_is_a_worker_process_a_core(monkeypatch):
    assert isinstance(new_batch_runner(), ProcessPoolTaskRunner)
    monkeypatch.setattr("os.cpu_count", lambda: 8)
    assert default_batches_in_flight(None) == 16 and default_batches_in_flight(2) == 4 and default_batches_in_flight(0) == 2


@pytest.mark.slow
def test_every_runner_makes_the_same_tables(example_dataset, tmp_path):
    """The default runner's tables (the session's example dataset: worker processes, three inputs
    a batch) against a local Dask cluster's (three a batch) and this process's (one batch)."""
    dask, threads = tmp_path / "dask", tmp_path / "threads"
    assert main(["ingest", str(EXAMPLES), "--data", str(dask), "--workers", "2", "--batch-size", "3"]) == 0
    assert main(["ingest", str(EXAMPLES), "--data", str(threads), "--workers", "0"]) == 0
    default = snapshot(example_dataset)
    assert len(default["documents"]) == 9 and len(default["links"]) == 3
    assert snapshot(dask) == default
    assert snapshot(threads) == default
