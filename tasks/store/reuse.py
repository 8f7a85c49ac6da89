"""What the dataset already holds about bodies equal to new ones: the language, keywords,
entities and signature an earlier run computed, for tasks/pipeline/reuse.py to reuse."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import pyarrow as pa

from newsflow.tasks.core.ids import body_digest
from newsflow.tasks.core.schema import TextFacts
from newsflow.tasks.core.settings import REUSE_LOOKUP_MEMORY
from newsflow.tasks.store.dataset import connect, part_files, sql_text


def stored_text_facts(data_dir: Path, hashes: Collection[str]) -> dict[str, TextFacts]:
    """The facts of the stored articles whose body_sha256 is one of `hashes`, by that hash."""
    if not hashes or not part_files(data_dir, "articles"):
        return {}
    db = connect(data_dir)
    # On a worker process: one thread (the workers are the parallelism, a core each) and a small
    # pool, as the lookup reads a few rows of each file, not a table.
    db.execute("SET threads = 1")
    db.execute("SET memory_limit = ?", [REUSE_LOOKUP_MEMORY])
    try:
        db.register("batch_hashes", pa.table({"body_sha256": pa.array(sorted(hashes), pa.string())}))
        rows = db.execute(sql_text("reuse_text_facts")).fetchall()
    finally:
        db.close()
    return {row[0]: _facts(*row[1:]) for row in rows}


def _facts(body: str, language: str | None, confidence: float | None, keywords: list[str] | None,
           entities: list[dict] | None, minhash: list[int] | None) -> TextFacts:
    return TextFacts(
        body_digest=body_digest(body), language=language, language_confidence=confidence,
        keywords=tuple(keywords or ()),
        entities=tuple((e["text"], e["label"], e["count"]) for e in entities or ()),
        minhash=None if minhash is None else tuple(minhash),
    )
