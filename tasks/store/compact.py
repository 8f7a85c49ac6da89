"""Merge the small part files of each partition into one, without changing any query's result.

Each partition is merged under the data folder's lock through the store's staged commit: the
merged file is staged, a COMMIT marker lists it and the files it replaces, then the swap is
made. A crash before the marker leaves the old files; after it, the next run finishes the swap
(`recover`, which an ingest, a link step and `compact` itself run first under the lock).
Readers never see both the merged file and the files it replaces, except those reading while
a swap is half done without the lock (between the rename of the merged file and the removal of
the files it replaces); the lock holders, which write, never do.
"""

from __future__ import annotations

import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyarrow.parquet as pq

from newsflow.tasks.core.schema import PARTITIONED_TABLES
from newsflow.tasks.core.settings import PART_FILE_TARGET_BYTES
from newsflow.tasks.store.dataset import (
    PARQUET_OPTIONS,
    STAGING,
    data_lock,
    fsync_path,
    mark_and_finish,
    part_files,
    recover,
)


@dataclass(frozen=True, slots=True)
class Compaction:
    table: str
    partition: str
    files_before: int
    rows: int


def merge_part_files(data_dir: Path, min_files: int = 2, target_bytes: int = PART_FILE_TARGET_BYTES,
                     partition: str | None = None) -> list[Compaction]:
    """Merge the small part files of every partition (or of `partition`, e.g. 'ingest_date=2025-01-13')
    into files of up to `target_bytes`; a run of fewer than `min_files` files is left as it is."""
    data_dir = Path(data_dir)
    with data_lock(data_dir):
        recover(data_dir)  # a swap a killed compaction left committed, before the files are listed
        merges = []  # per partition: (table, its folder, the runs of files to merge, each into one)
        for table in PARTITIONED_TABLES:
            partitions: dict[Path, list[Path]] = {}
            for path in part_files(data_dir, table):
                if partition is None or path.parent.name == partition:
                    partitions.setdefault(path.parent, []).append(path)
            for folder, files in sorted(partitions.items()):
                runs = [run for run in runs_to_merge(files, target_bytes) if len(run) >= min_files]
                if runs:
                    merges.append((table, folder, runs))

        def merge_runs(table: str, folder: Path, runs: list[list[Path]]) -> list[Compaction]:
            # One after the other within a partition: its merged files are named by the time.
            return [merge_partition(data_dir, table, folder, run) for run in runs]

        # Each merge is staged and committed on its own; Arrow reads, compresses and writes without
        # the interpreter's lock, so the partitions are merged side by side, a thread a core. On
        # 905 pages of one day the documents' merge (their pages' HTML) took 0.8 s, the five other
        # tables' 0.4 s together, one after the other on one core.
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            return [done for merged in pool.map(lambda merge: merge_runs(*merge), merges) for done in merged]


def runs_to_merge(files: list[Path], target_bytes: int) -> list[list[Path]]:
    """The partition's files below the target size, in runs that together stay within it."""
    runs: list[list[Path]] = [[]]
    size = 0
    for path in sorted(files):
        length = path.stat().st_size
        if length >= target_bytes:
            continue
        if size + length > target_bytes and runs[-1]:
            runs.append([])
            size = 0
        runs[-1].append(path)
        size += length
    return [run for run in runs if run]


def merge_partition(data_dir: Path, table: str, folder: Path, files: list[Path]) -> Compaction:
    """Stream the row groups of `files` into one staged file and swap it in."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    batch_dir = data_dir / STAGING / f"compact-{table}-{folder.name}-{stamp}"
    batch_dir.mkdir(parents=True, exist_ok=True)
    staged = batch_dir / "merged.parquet"
    schema = PARTITIONED_TABLES[table]
    rows = 0
    try:
        with pq.ParquetWriter(staged, schema, compression=PARQUET_OPTIONS["compression"]) as writer:
            for path in files:
                part = pq.read_table(path, schema=schema)
                rows += part.num_rows
                writer.write_table(part, row_group_size=PARQUET_OPTIONS["row_group_size"])
        fsync_path(staged)
    except BaseException:  # a full disk: the old files stand, and the half-merged copy's space is freed now
        shutil.rmtree(batch_dir, ignore_errors=True)
        raise
    target = (folder / f"compact-{stamp}.parquet").relative_to(data_dir).as_posix()
    plan = {"place": {"merged": target}, "remove": [p.relative_to(data_dir).as_posix() for p in files]}
    mark_and_finish(data_dir, batch_dir, plan)
    return Compaction(table, folder.name, len(files), rows)
