"""What the dataset already holds about bodies equal to new ones: the language, keywords,
entities and signature an earlier run computed, for tasks/pipeline/reuse.py to reuse."""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from newsflow.tasks.core.ids import body_digest
from newsflow.tasks.core.schema import TextFacts
from newsflow.tasks.core.settings import REUSE_LOOKUP_MEMORY
from newsflow.tasks.store.dataset import part_files, sql_text


def stored_text_facts(data_dir: Path, hashes: Collection[str]) -> dict[str, TextFacts]:
    """The facts of the stored articles whose body_sha256 is one of `hashes`, by that hash.

    The queries name the files they read: the article files that hold one of the hashes
    (StoredBodies), and every entity and signature file. A connection with the dataset's views
    (tasks/store/dataset.py `connect`) read the schema of every file of every table as it made
    them, to unite older files' columns, which these queries do not read (sql/reuse_*.sql). Over
    650 part files a table (a 100k run's day before its merge), a look-up's RSS rose 140 MB
    that way and 20 MB this way, for each worker; that run peaked over its memory goal, 435 MB
    above the 10k run (bench/throughput_notes.md)."""
    data_dir = Path(data_dir)
    article_files = stored_bodies(data_dir).files_holding(hashes)
    if not article_files:
        return {}
    db = duckdb.connect()
    # On a worker process: one thread (the workers are the parallelism, a core each) and a small
    # pool, as the lookup reads a few rows of each file, not a table.
    db.execute("SET threads = 1")
    db.execute("SET memory_limit = ?", [REUSE_LOOKUP_MEMORY])
    try:
        db.register("wanted", pa.table({"key": pa.array(sorted(hashes), pa.string())}))
        firsts = _read(db, "reuse_articles", article_files)
        db.register("wanted", pa.table({"key": pa.array([row[1] for row in firsts], pa.string())}))
        entities = dict(_read(db, "reuse_entities", part_files(data_dir, "entities")))
        minhashes = dict(_read(db, "reuse_signatures", part_files(data_dir, "signatures")))
    finally:
        db.close()
    return {body_sha256: _facts(body, language, confidence, keywords, entities.get(article_id), minhashes.get(article_id))
            for body_sha256, article_id, body, language, confidence, keywords in firsts}


def _read(db: duckdb.DuckDBPyConnection, query: str, files: list[Path]) -> list[tuple]:
    """The rows of sql/`query`.sql over `files` (none: no rows)."""
    if not files:
        return []
    db.execute("SET VARIABLE files = ?", [[str(path) for path in files]])
    return db.execute(sql_text(query)).fetchall()


class StoredBodies:
    """Which body hashes the dataset's article files hold, each file read once by this process
    (its body_sha256 column alone), so that a look-up reads only the article files holding its
    bodies, and a batch none of whose bodies is stored asks no query.

    During a run, whose batches each add a file until the run merges them, a query over every
    article file took 0.03-0.05 s over 1 file and 0.09 s over 91 (905 republished pages), once a
    batch on each worker, and the files grow with the run. Reading a file's hashes took 0.6 ms.
    A committed file never changes (tasks/store/dataset.py writes each under a new name), and one
    merged away is forgotten. Each hash is kept as its Python hash, an int (the same process
    computes both sides): a collision only costs reading a file that holds none of the bodies."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        # By (path, mtime, size): the hashes of the bodies a file holds, None for a file that could
        # not be read (it may hold any: it is read, and costs the reuse only if the query fails too).
        self.files: dict[tuple[str, int, int], frozenset[int] | None] = {}

    def files_holding(self, hashes: Collection[str]) -> list[Path]:
        """The article files that hold, or may hold, one of `hashes`, by name."""
        self.refresh()
        wanted = {hash(h) for h in hashes}
        return sorted(Path(path) for (path, _, _), held in self.files.items()
                      if held is None or not wanted.isdisjoint(held))

    def refresh(self) -> None:
        current: dict[tuple[str, int, int], frozenset[int] | None] = {}
        for path in part_files(self.data_dir, "articles"):
            try:
                stat = path.stat()
            except OSError:
                continue  # merged away since the listing
            key = (str(path), stat.st_mtime_ns, stat.st_size)
            current[key] = self.files[key] if key in self.files else _hashes_in(path)
        self.files = current


@lru_cache(maxsize=4)
def stored_bodies(data_dir: Path) -> StoredBodies:
    """This process's index of the dataset at `data_dir` (a worker serves one run's dataset)."""
    return StoredBodies(data_dir)


def _hashes_in(path: Path) -> frozenset[int] | None:
    try:
        column = pq.read_table(path, columns=["body_sha256"])["body_sha256"]
    except (OSError, pa.ArrowException):
        return None
    return frozenset(hash(h) for h in column.to_pylist() if h)


def _facts(body: str, language: str | None, confidence: float | None, keywords: list[str] | None,
           entities: list[dict] | None, minhash: list[int] | None) -> TextFacts:
    return TextFacts(
        body_digest=body_digest(body), language=language, language_confidence=confidence,
        keywords=tuple(keywords or ()),
        entities=tuple((e["text"], e["label"], e["count"]) for e in entities or ()),
        minhash=None if minhash is None else tuple(minhash),
    )
