"""What a run shows in the Prefect dashboard: its summary, its biggest stories, its progress."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import cast
from uuid import UUID

import duckdb
import pyarrow as pa
from prefect import get_run_logger
from prefect.artifacts import (
    create_markdown_artifact,
    create_progress_artifact,
    create_table_artifact,
    update_progress_artifact,
)

from newsflow.tasks.pipeline.report import RunSummary, drift_markdown, stories_markdown
from newsflow.tasks.store.dataset import connect, sql_text

# Artifact keys take lowercase letters, digits and dashes only (docs/STACK.md).
SUMMARY_KEY = "ingest-summary"
# The CLI listens here to draw its progress bar (flows/cli.py).
PROGRESS_LOG = logging.getLogger("newsflow.progress")
STORIES_KEY = "ingest-stories"
DRIFT_KEY = "ingest-drift"


class RunProgress:
    """A run's progress: the dashboard's progress artifact and, as log records, the CLI's progress
    bar. Web pages and feed entries are not known ahead, so only files make the total."""

    def __init__(self, total: int) -> None:
        self.total = total
        # Prefect's artifact functions return a coroutine only when called from async code.
        self.artifact_id = cast(UUID, create_progress_artifact(progress=0.0, description=f"inputs read of {total} files and the web"))

    def update(self, done: int) -> None:
        done = min(done, self.total)
        update_progress_artifact(artifact_id=self.artifact_id, progress=100.0 * done / max(self.total, 1))
        PROGRESS_LOG.info("%d of %d inputs read", done, self.total, extra={"done": done, "total": self.total})

    def finish(self) -> None:
        self.update(self.total)


def publish_summary(summary: RunSummary) -> RunSummary:
    """The run's counts as a table; the dataset's biggest stories and the run's most changed
    copies and rewrites as markdown reports; its warnings and summary to the run's log."""
    create_table_artifact(key=SUMMARY_KEY, table=summary.as_rows(), description=f"newsflow run {summary.run_id}")
    db = connect(Path(summary.data_dir))
    rows = query_rows(db, "report_stories")
    create_markdown_artifact(key=STORIES_KEY, markdown=stories_markdown(summary, rows),
                             description="the biggest stories in the dataset after this run")
    db.register("run_articles", pa.table({"article_id": pa.array(summary.new_article_ids, pa.string())}))
    create_markdown_artifact(key=DRIFT_KEY, markdown=drift_markdown(summary, query_rows(db, "report_drift")),
                             description="what this run's copies and rewrites changed against their originals")
    logger = get_run_logger()
    for warning in summary.warnings:
        logger.warning(warning)
    logger.info(summary.as_text())
    return summary


def query_rows(db: duckdb.DuckDBPyConnection, name: str) -> list[dict]:
    """The rows of `sql/<name>.sql` as dicts."""
    cursor = db.execute(sql_text(name))
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]
