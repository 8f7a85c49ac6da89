"""The `drift` table after a link step: every article that has an origin in `stories` compared
with it, each (article, origin) pair once.

The pairs already compared are kept in the dataset's _state (DRIFT_PAIRS_FILE), differences or
not, so a link step compares only the pairs it made new: a new copy, or an article whose origin
changed. The drift rows are written first, then the pairs: a step killed between the two leaves
pairs that are compared again next time, whose old rows are replaced, so the table ends as a
clean run leaves it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from newsflow.tasks.core.schema import DRIFT, DRIFT_PAIRS
from newsflow.tasks.drift.detect import Drift, DriftText, find_drift
from newsflow.tasks.store.dataset import STATE, connect, part_files, sql_text, write_derived, write_parquet_atomic

DRIFT_PAIRS_FILE = f"{STATE}/drift_pairs.parquet"
PAIRS_AT_ONCE = 500  # pairs whose two bodies are held at a time


def update_drift(data_dir: Path, from_scratch: bool = False) -> Counter:
    """Compare every (article, origin) pair of `stories` not compared yet (`from_scratch`: all)
    and rewrite `drift`; counts of the whole table by kind. The caller holds the data folder's lock."""
    data_dir = Path(data_dir)
    db = connect(data_dir)
    checked = DRIFT_PAIRS.empty_table() if from_scratch else checked_pairs(data_dir)
    current = pairs_with_origin(db)
    db.register("checked_pairs", checked)
    db.register("current_pairs", current)
    found = list(drift_of_pending(db))
    kept = kept_rows(db) if part_files(data_dir, "drift") else []
    path = write_derived(data_dir, "drift", kept + found)
    write_parquet_atomic([current], DRIFT_PAIRS, data_dir / DRIFT_PAIRS_FILE)
    kinds = pq.read_table(path, columns=["kind"])["kind"]
    return Counter({row["values"]: row["counts"] for row in pc.value_counts(kinds).to_pylist()})


def checked_pairs(data_dir: Path) -> pa.Table:
    path = data_dir / DRIFT_PAIRS_FILE
    return pq.read_table(path, schema=DRIFT_PAIRS) if path.exists() else DRIFT_PAIRS.empty_table()


def pairs_with_origin(db: duckdb.DuckDBPyConnection) -> pa.Table:
    """Every (article, origin) pair of `stories` now."""
    return db.sql(sql_text("drift_current_pairs")).to_arrow_table().cast(DRIFT_PAIRS)


def kept_rows(db: duckdb.DuckDBPyConnection) -> list[pa.Table]:
    """The old drift rows of the pairs that are still current and were compared before."""
    return [db.sql(sql_text("drift_kept")).to_arrow_table().cast(DRIFT)]


def drift_of_pending(db: duckdb.DuckDBPyConnection) -> Iterator[pa.Table]:
    """The drift rows of the pairs not compared yet, a group of pairs at a time."""
    reader = db.sql(sql_text("drift_pairs")).to_arrow_reader(PAIRS_AT_ONCE)
    for batch in reader:
        rows = [row for pair in batch.to_pylist() for row in pair_rows(pair)]
        yield pa.Table.from_pylist(rows, DRIFT)


def pair_rows(pair: dict) -> list[dict]:
    origin = DriftText(pair["origin_body"] or "", aware(pair["origin_published_at"]), pair["origin_language"])
    copy = DriftText(pair["body"] or "", aware(pair["published_at"]), pair["language"])
    drifts = find_drift(origin, copy, fallback_date=aware(pair["story_earliest"]))
    return [drift_row(pair["article_id"], pair["origin_article_id"], drift) for drift in drifts]


def drift_row(article_id: str, origin_article_id: str, drift: Drift) -> dict:
    return {"article_id": article_id, "origin_article_id": origin_article_id, "kind": drift.kind,
            "change": drift.change, "origin_value": drift.origin_value, "value": drift.value,
            "origin_sentence": drift.origin_sentence, "origin_start": drift.origin_start,
            "origin_end": drift.origin_end, "sentence": drift.sentence, "start": drift.start, "end": drift.end,
            "confidence": drift.confidence}


def aware(value: datetime | None) -> datetime | None:
    """DuckDB gives timestamps with time zone in the session's zone, and naive ones as they are."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
