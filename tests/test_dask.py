"""A run on a local Dask cluster of processes makes the same tables as Prefect's default runner."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.cli import main
from tasks.schema import TABLE_SCHEMAS
from tasks.store import connect

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


@pytest.mark.slow
def test_dask_cluster_makes_the_same_tables(prefect_server, tmp_path):
    default, dask = tmp_path / "default", tmp_path / "dask"
    assert main(["ingest", str(EXAMPLES), "--data", str(default)]) == 0
    assert main(["ingest", str(EXAMPLES), "--data", str(dask), "--workers", "2", "--batch-size", "3"]) == 0
    assert snapshot(dask) == snapshot(default)
