"""Checks of a whole dataset that several tests share."""

from __future__ import annotations

from pathlib import Path

from newsflow.tasks.core.schema import TABLE_SCHEMAS
from newsflow.tasks.store.dataset import connect


def row_counts(data_dir: Path) -> dict[str, int]:
    db = connect(data_dir)
    return {table: db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in TABLE_SCHEMAS}


def lossless_violations(data_dir: Path) -> list[str]:
    """Documents whose spans miss a non-whitespace character of raw_text or misquote it."""
    db = connect(data_dir)
    problems = []
    for doc_id, raw_text in db.execute("SELECT doc_id, raw_text FROM documents").fetchall():
        spans = db.execute('SELECT start, "end", text FROM spans WHERE doc_id = ? ORDER BY start', [doc_id]).fetchall()
        covered = [False] * len(raw_text)
        for start, end, text in spans:
            if raw_text[start:end] != text:
                problems.append(f"{doc_id}: span {start}:{end} text differs from raw_text")
            covered[start:end] = [True] * (end - start)
        missed = [i for i, ch in enumerate(raw_text) if not ch.isspace() and not covered[i]]
        if missed:
            problems.append(f"{doc_id}: {len(missed)} characters in no span, first at {missed[0]}: {raw_text[missed[0]:missed[0] + 40]!r}")
    return problems
