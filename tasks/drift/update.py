"""The `drift` table after a link step: every article that has an origin in `stories` compared
with it, each (article, origin) pair once.

The pairs already compared are kept in the dataset's _state (DRIFT_PAIRS_FILE), differences or
not, so a link step compares only the pairs it made new: a new copy, or an article whose origin
changed. The drift rows are written first, then the pairs: a step killed between the two leaves
pairs that are compared again next time, whose old rows are replaced, so the table ends as a
clean run leaves it.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter, deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import chain
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from newsflow.tasks.core.schema import DRIFT, DRIFT_PAIRS
from newsflow.tasks.drift.pairs import drift_rows
from newsflow.tasks.store.dataset import STATE, connect, part_files, sql_text, write_derived, write_parquet_atomic

DRIFT_PAIRS_FILE = f"{STATE}/drift_pairs.parquet"
# Pairs sent to a process at a time. Small enough that the processes end together: on 1,000
# distinct pages (837 pairs, about 6 ms each), groups of 500 left one of two processes idle for
# the last 1.5 s of a 4 s comparison.
PAIRS_AT_ONCE = 100
# Characters of bodies one query reads for its pairs (both sides): about 100 MB of text and its
# join, within DuckDB's memory limit (settings.DUCKDB_MEMORY_LIMIT); at 100k articles, about
# 13,000 pairs a query.
BODIES_PER_QUERY = 100_000_000
POOL_FROM_PAIRS = 500  # fewer pairs are compared in this process: about 3 s, a worker's start is 1


def update_drift(data_dir: Path, from_scratch: bool = False, workers: int | None = None) -> Counter:
    """Compare every (article, origin) pair of `stories` not compared yet (`from_scratch`: all)
    and rewrite `drift`; counts of the whole table by kind. The caller holds the data folder's lock.

    workers: processes comparing pairs (default: a core each; 0 or 1: this process). Comparing is
    pure Python; on the 10k-document throughput dataset (10,031 pairs) it took 95 CPU seconds,
    enough to keep both cores of a 2-core machine busy."""
    data_dir = Path(data_dir)
    workers = os.cpu_count() or 1 if workers is None else workers
    db = connect(data_dir)
    checked = DRIFT_PAIRS.empty_table() if from_scratch else checked_pairs(data_dir)
    current = pairs_with_origin(db)
    db.register("checked_pairs", checked)
    db.register("current_pairs", current)
    found = list(drift_of_pending(db, workers))
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


def pending_groups(db: duckdb.DuckDBPyConnection, pending: pa.Table) -> Iterator[list[dict]]:
    """The pending pairs with their bodies (sql/drift_pairs.sql), PAIRS_AT_ONCE at a time. A
    query reads the bodies of consecutive pairs up to BODIES_PER_QUERY characters (both sides,
    as drift_pending.sql measured them; at least one pair), so no query holds every pair's bodies."""
    lengths = pending.column("pair_length").to_pylist()
    start = 0
    while start < len(lengths):
        end, size = start, 0
        while end < len(lengths) and (end == start or size + lengths[end] <= BODIES_PER_QUERY):
            size += lengths[end]
            end += 1
        db.register("pending_pairs", pending.slice(start, end - start))
        for batch in db.sql(sql_text("drift_pairs")).to_arrow_reader(PAIRS_AT_ONCE):
            yield batch.to_pylist()
        start = end


def drift_of_pending(db: duckdb.DuckDBPyConnection, workers: int) -> Iterator[pa.Table]:
    """The drift rows of the pairs not compared yet, a group of pairs at a time, on `workers`
    processes when more than POOL_FROM_PAIRS pairs are pending (below that, starting them costs
    more than it saves). The groups in flight are bounded, so memory holds a few groups' bodies
    whatever the number of pairs."""
    groups = pending_groups(db, db.sql(sql_text("drift_pending")).to_arrow_table())
    read: list[list[dict]] = []  # the groups read before deciding where to compare them
    pairs = 0
    for group in groups:
        read.append(group)
        pairs += len(group)
        if pairs > POOL_FROM_PAIRS:
            break
    if workers <= 1 or pairs <= POOL_FROM_PAIRS:
        for group in chain(read, groups):
            yield pa.Table.from_pylist(drift_rows(group), DRIFT)
        return
    spawn = multiprocessing.get_context("spawn")  # not fork: the caller may hold threads (Prefect, DuckDB)
    with ProcessPoolExecutor(workers, mp_context=spawn) as pool:
        pending: deque = deque()
        for group in chain(read, groups):
            pending.append(pool.submit(drift_rows, group))
            if len(pending) > 2 * workers:
                yield pa.Table.from_pylist(pending.popleft().result(), DRIFT)
        while pending:
            yield pa.Table.from_pylist(pending.popleft().result(), DRIFT)
