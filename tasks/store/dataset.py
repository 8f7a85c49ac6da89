"""The Parquet dataset: crash-safe batch commits, derived-table swaps, and DuckDB views.

Layout (docs/ARCHITECTURE.md): `<data>/<table>/ingest_date=YYYY-MM-DD/<run>-<batch>.parquet` for the
append-only tables, `<data>/<table>/<table>.parquet` for links and stories, which each link
step replaces whole.

A batch commit stages all of its table files in `<data>/_staging/<run>-<batch>/`, writes a
COMMIT marker, then renames the files into place. It runs under an exclusive lock on the data
folder, so two runs on one folder never interleave, and a run that dies leaves either an
uncommitted staging folder (discarded by the next run) or a committed one (finished by the
next run). Readers only glob `*.parquet` inside table folders, so they never see a half file.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import IO, TypedDict

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from newsflow.tasks.core.ids import document_id, quarantine_key
from newsflow.tasks.core.schema import DERIVED_TABLES, PARTITIONED_TABLES, TABLE_SCHEMAS, is_passing
from newsflow.tasks.core.settings import DUCKDB_MEMORY_LIMIT

SQL_DIR = files("newsflow.sql")  # package data: the same in a checkout and an installed wheel
STAGING = "_staging"
COMMIT_MARKER = "COMMIT"
LOCK_FILE = ".lock"
STATE = "_state"  # a run's own files, never read as tables
SPILL = f"{STATE}/duckdb_spill"  # where DuckDB writes what exceeds its memory limit


class ParquetOptions(TypedDict):
    """How every Parquet file of the dataset is written (keyword arguments of pq.write_table)."""

    compression: str
    row_group_size: int


PARQUET_OPTIONS: ParquetOptions = {"compression": "zstd", "row_group_size": 256_000}


def sql_text(name: str) -> str:
    """The text of `sql/<name>.sql`."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def table_dir(data_dir: Path, table: str) -> Path:
    return Path(data_dir) / table


def part_files(data_dir: Path, table: str) -> list[Path]:
    """The committed Parquet files of a table, oldest first by name."""
    pattern = "*/*.parquet" if table in PARTITIONED_TABLES else "*.parquet"
    return sorted(table_dir(data_dir, table).glob(pattern))


def write_parquet_atomic(pieces: Iterable[pa.Table], schema: pa.Schema, path: Path) -> None:
    """Write tables one after the other into a Parquet file under a temporary name and rename
    it: readers see all or nothing, and a writer that dies leaves no file behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with pq.ParquetWriter(temporary, schema, compression=PARQUET_OPTIONS["compression"]) as writer:
            for piece in pieces:
                writer.write_table(piece.select(schema.names).cast(schema),
                                   row_group_size=PARQUET_OPTIONS["row_group_size"])
        fsync_path(temporary)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def write_derived(data_dir: Path, table: str, rows: pa.Table | Iterable[pa.Table]) -> Path:
    """Replace a derived table (links, stories) whole, atomically, from one table or from
    pieces streamed in order (links: millions of rows never held at once)."""
    path = table_dir(data_dir, table) / f"{table}.parquet"
    write_parquet_atomic([rows] if isinstance(rows, pa.Table) else rows, DERIVED_TABLES[table], path)
    return path


@contextmanager
def scratch_folder(data_dir: Path, prefix: str) -> Iterator[Path]:
    """A temporary folder in the dataset's _state for the part files a step writes before it
    merges them, removed afterwards; one a killed step left is removed by `clear_leftovers`."""
    state = Path(data_dir) / STATE
    state.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=prefix, dir=state) as folder:
        yield Path(folder)


def clear_leftovers(data_dir: Path, scratch_prefix: str, tables: Iterable[str]) -> None:
    """Remove what a step killed midway leaves: its scratch folders, and the temporary file of a
    derived table it was writing (never read: not `*.parquet`). The caller holds the lock, so no
    other step is using them."""
    for stale in (Path(data_dir) / STATE).glob(f"{scratch_prefix}*"):
        shutil.rmtree(stale, ignore_errors=True)
    for table in tables:
        for stale in table_dir(data_dir, table).glob(f".{table}.parquet.*.tmp"):
            stale.unlink(missing_ok=True)


@contextmanager
def data_lock(data_dir: Path) -> Iterator[None]:
    """Exclusive lock on a data folder, held to change it; the OS drops it if the holder dies."""
    Path(data_dir).mkdir(parents=True, exist_ok=True)
    with open(Path(data_dir) / LOCK_FILE, "a+") as handle, _flocked(handle, fcntl.LOCK_EX):
        yield


@contextmanager
def read_lock(data_dir: Path) -> Iterator[None]:
    """Shared lock on a data folder, held to read it: readers read side by side, and a run
    commits or merges only between their reads. Without it a query can list a part file that a
    merge then removes ("No such file or directory": a few queries in a hundred while a run
    commits and merges, tests/test_cli.py) or, while a merge swaps its files in, the merged file
    beside the parts it replaces (every row of them twice, silently). A read-only folder without a lock
    file is read without it: no run can change that folder either."""
    handle = _opened_lock_file(Path(data_dir) / LOCK_FILE)
    if handle is None:
        yield
        return
    with handle, _flocked(handle, fcntl.LOCK_SH):
        yield


def _opened_lock_file(path: Path) -> IO | None:
    for mode in ("a+", "r"):  # made if missing; only read where the folder is read-only
        try:
            return open(path, mode)
        except OSError:
            continue
    return None


@contextmanager
def _flocked(handle: IO, operation: int) -> Iterator[None]:
    fcntl.flock(handle, operation)
    try:
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)


def recover(data_dir: Path) -> int:
    """Finish committed batches a dead run left staged and discard uncommitted ones (hold the lock)."""
    staging = Path(data_dir) / STAGING
    finished = 0
    for batch_dir in sorted(staging.glob("*")) if staging.exists() else []:
        marker = batch_dir / COMMIT_MARKER
        if marker.exists():
            finish_commit(Path(data_dir), batch_dir, json.loads(marker.read_text()))
            finished += 1
        shutil.rmtree(batch_dir, ignore_errors=True)
    return finished


def commit_batch(data_dir: Path, batch_name: str, ingest_date: date, tables: dict[str, pa.Table]) -> dict[str, int]:
    """Stage, mark and move one batch's table files into place (hold the lock); rows per table."""
    data_dir = Path(data_dir)
    batch_dir = data_dir / STAGING / batch_name
    batch_dir.mkdir(parents=True, exist_ok=True)
    placement: dict[str, str] = {}
    for name, rows in tables.items():
        if rows.num_rows == 0:
            continue
        staged = batch_dir / f"{name}.parquet"
        pq.write_table(rows.cast(PARTITIONED_TABLES[name]), staged, **PARQUET_OPTIONS)
        fsync_path(staged)
        placement[name] = f"{name}/ingest_date={ingest_date.isoformat()}/{batch_name}.parquet"
    mark_and_finish(data_dir, batch_dir, {"place": placement, "remove": []})
    return {name: tables[name].num_rows for name in placement}


def mark_and_finish(data_dir: Path, batch_dir: Path, plan: dict) -> None:
    """Write the COMMIT marker of a staged change, then carry it out. From the marker on, the
    change happens whole: if this process dies, the next run's `recover` finishes it."""
    # Written aside and renamed: a marker torn by a kill or a full disk would be a commit that
    # `recover` can neither read nor finish, failing every later run.
    marker, written = batch_dir / COMMIT_MARKER, batch_dir / f"{COMMIT_MARKER}.tmp"
    written.write_text(json.dumps(plan))
    fsync_path(written)
    os.replace(written, marker)
    finish_commit(data_dir, batch_dir, plan)
    shutil.rmtree(batch_dir, ignore_errors=True)


def finish_commit(data_dir: Path, batch_dir: Path, plan: dict) -> None:
    """Move staged files into place, then delete the files they replace; safe to repeat."""
    for name, relative in plan["place"].items():
        staged = batch_dir / f"{name}.parquet"
        if staged.exists():  # absent when a dead run had already moved it
            target = data_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, target)
    for relative in plan["remove"]:
        (data_dir / relative).unlink(missing_ok=True)


def fsync_path(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


class KnownKeys:
    """The doc ids and quarantine keys already in a dataset, read incrementally from part files."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.doc_ids: set[str] = set()
        self.quarantine_keys: set[str] = set()
        # Inputs quarantined for their own bytes (tasks/core/schema.py is_passing): known like documents.
        self.settled_inputs: set[str] = set()
        self._seen: set[Path] = set()

    def refresh(self) -> None:
        """Read the part files committed since the last refresh (by this or another run)."""
        for path in part_files(self.data_dir, "documents"):
            if path not in self._seen:
                self.doc_ids.update(pq.read_table(path, columns=["doc_id"]).column(0).to_pylist())
                self._seen.add(path)
        for path in part_files(self.data_dir, "quarantine"):
            if path not in self._seen:
                rows = pq.read_table(path, columns=["source_uri", "reason", "content_sha256"]).to_pylist()
                self.quarantine_keys.update(quarantine_key(**row) for row in rows)
                self.settled_inputs.update(document_id(row["source_uri"], row["content_sha256"]) for row in rows
                                           if row["content_sha256"] and not is_passing(row["reason"]))
                self._seen.add(path)


def without_known(tables: dict[str, pa.Table], known: KnownKeys) -> dict[str, pa.Table]:
    """A batch's rows minus those of inputs already in the dataset (another run may have won)."""
    documents = tables["documents"].column("doc_id").to_pylist()
    stale_docs = {doc_id for doc_id in documents if doc_id in known.doc_ids}
    articles = tables["articles"]
    stale_articles = {
        article_id
        for article_id, doc_id in zip(articles.column("article_id").to_pylist(), articles.column("doc_id").to_pylist())
        if doc_id in stale_docs
    }
    kept = {name: _drop_keys(rows, stale_docs, stale_articles) for name, rows in tables.items()}
    quarantine = kept["quarantine"]
    fresh = [quarantine_key(**row) not in known.quarantine_keys for row in
             quarantine.select(["source_uri", "reason", "content_sha256"]).to_pylist()]
    kept["quarantine"] = quarantine.filter(pa.array(fresh, pa.bool_()))
    return kept


def _drop_keys(rows: pa.Table, doc_ids: set[str], article_ids: set[str]) -> pa.Table:
    if "doc_id" in rows.column_names and doc_ids:
        return rows.filter(pc.invert(pc.is_in(rows.column("doc_id"), pa.array(list(doc_ids), pa.string()))))
    if "article_id" in rows.column_names and article_ids:
        return rows.filter(pc.invert(pc.is_in(rows.column("article_id"), pa.array(list(article_ids), pa.string()))))
    return rows


def connect(data_dir: Path, database: str = ":memory:") -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with a view per table of the dataset (empty, typed views for empty tables)."""
    connection = duckdb.connect(database)
    connection.execute("SET VARIABLE data_dir = ?", [str(Path(data_dir).resolve())])
    connection.execute("SET memory_limit = ?", [DUCKDB_MEMORY_LIMIT])
    spill = Path(data_dir).resolve() / SPILL
    try:
        spill.parent.mkdir(parents=True, exist_ok=True)  # DuckDB makes only the last folder itself
        connection.execute("SET temp_directory = ?", [str(spill)])
    except OSError:
        pass  # a read-only dataset: queries still run, within the memory limit
    for table, schema in TABLE_SCHEMAS.items():
        if part_files(data_dir, table):
            connection.execute(sql_text(table))
        else:
            _create_empty_view(connection, table, schema, table in PARTITIONED_TABLES)
    return connection


def _create_empty_view(connection: duckdb.DuckDBPyConnection, table: str, schema: pa.Schema, partitioned: bool) -> None:
    empty = schema.empty_table()
    if partitioned:
        empty = empty.append_column("ingest_date", pa.array([], pa.date32()))
    connection.register(f"_empty_{table}", empty)
    connection.execute(f'CREATE OR REPLACE VIEW "{table}" AS SELECT * FROM "_empty_{table}"')
