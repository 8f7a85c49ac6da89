"""Merge the small part files of each partition into one, without changing any query's result.

Each partition is merged under the data folder's lock through the store's staged commit: the
merged file is staged, a COMMIT marker lists it and the files it replaces, then the swap is
made. A crash before the marker leaves the old files; after it, the next run finishes the swap.
Readers never see both the merged file and the files it replaces.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyarrow.parquet as pq

from tasks.schema import PARTITIONED_TABLES
from tasks.store import PARQUET_OPTIONS, STAGING, data_lock, fsync_path, mark_and_finish, part_files


@dataclass(frozen=True, slots=True)
class Compaction:
    table: str
    partition: str
    files_before: int
    rows: int


def compact(data_dir: Path, min_files: int = 2) -> list[Compaction]:
    """Merge every partition holding at least `min_files` part files into a single file."""
    data_dir = Path(data_dir)
    done = []
    with data_lock(data_dir):
        for table in PARTITIONED_TABLES:
            partitions: dict[Path, list[Path]] = {}
            for path in part_files(data_dir, table):
                partitions.setdefault(path.parent, []).append(path)
            for folder, files in sorted(partitions.items()):
                if len(files) >= min_files:
                    done.append(merge_partition(data_dir, table, folder, files))
    return done


def merge_partition(data_dir: Path, table: str, folder: Path, files: list[Path]) -> Compaction:
    """Stream the row groups of `files` into one staged file and swap it in."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    batch_dir = data_dir / STAGING / f"compact-{table}-{folder.name}-{stamp}"
    batch_dir.mkdir(parents=True, exist_ok=True)
    staged = batch_dir / "merged.parquet"
    schema = PARTITIONED_TABLES[table]
    rows = 0
    with pq.ParquetWriter(staged, schema, compression=PARQUET_OPTIONS["compression"]) as writer:
        for path in files:
            part = pq.read_table(path, schema=schema)
            rows += part.num_rows
            writer.write_table(part, row_group_size=PARQUET_OPTIONS["row_group_size"])
    fsync_path(staged)
    target = (folder / f"compact-{stamp}.parquet").relative_to(data_dir).as_posix()
    plan = {"place": {"merged": target}, "remove": [p.relative_to(data_dir).as_posix() for p in files]}
    mark_and_finish(data_dir, batch_dir, plan)
    return Compaction(table, folder.name, len(files), rows)
