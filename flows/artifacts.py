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
from newsflow.tasks.store.dataset import connect, read_lock, sql_text

# Artifact keys take lowercase letters, digits and dashes only (docs/STACK.md).
SUMMARY_KEY = "ingest-summary"
# The CLI listens here to draw its progress bar (flows/cli.py).
PROGRESS_LOG = logging.getLogger("newsflow.progress")
STORIES_KEY = "ingest-stories"
DRIFT_KEY = "ingest-drift"


class RunProgress:
    """A run's progress: the dashboard's progress artifact (files read of the files found) and, as
    log records, the CLI's progress bar (inputs done: archive records, JSONL lines, pages). The
    total of inputs is known only when every input is a file of one document and a listed URL;
    archives, JSONL files and feeds hold as many as they turn out to hold."""

    def __init__(self, files: int, inputs: int | None) -> None:
        self.files, self.inputs = files, inputs
        # Prefect's artifact functions return a coroutine only when called from async code.
        self.artifact_id = cast(UUID, create_progress_artifact(progress=0.0, description=f"inputs read of {files} files and the web"))
        self.log(0)  # the start: the CLI's rate counts from here

    def log(self, inputs_done: int) -> None:
        total = "" if self.inputs is None else f" of {self.inputs}"
        PROGRESS_LOG.info("%d%s inputs done", inputs_done, total, extra={"done": inputs_done, "total": self.inputs})

    def update(self, files_done: int, inputs_done: int) -> None:
        files_done = min(files_done, self.files)
        update_progress_artifact(artifact_id=self.artifact_id, progress=100.0 * files_done / max(self.files, 1))
        self.log(inputs_done)

    def finish(self, inputs_done: int) -> None:
        self.update(self.files, inputs_done)


def publish_summary(summary: RunSummary) -> RunSummary:
    """The run's counts as a table; the dataset's biggest stories and the run's most changed
    copies and rewrites as markdown reports; its warnings and summary to the run's log."""
    create_table_artifact(key=SUMMARY_KEY, table=summary.as_rows(), description=f"newsflow run {summary.run_id}")
    stories, drift = report_rows(Path(summary.data_dir), summary.new_article_ids)
    create_markdown_artifact(key=STORIES_KEY, markdown=stories_markdown(summary, stories),
                             description="the biggest stories in the dataset after this run")
    create_markdown_artifact(key=DRIFT_KEY, markdown=drift_markdown(summary, drift),
                             description="what this run's copies and rewrites changed against their originals")
    logger = get_run_logger()
    for warning in summary.warnings:
        logger.warning(warning)
    logger.info(summary.as_text())
    return summary


def report_rows(data_dir: Path, new_article_ids: list[str]) -> tuple[list[dict], list[dict]]:
    """The rows of the reports: the dataset's biggest stories, and what the run's new articles
    changed against their originals. Read under the data folder's shared lock: another run may be
    rewriting the tables they read (tests/test_postgres.py's overlapping runs once read a drift
    file mid-replacement: "TProtocolException: Invalid data")."""
    with read_lock(data_dir):
        db = connect(data_dir)
        try:
            stories = query_rows(db, "report_stories")
            db.register("run_articles", pa.table({"article_id": pa.array(new_article_ids, pa.string())}))
            return stories, query_rows(db, "report_drift")
        finally:
            db.close()


def query_rows(db: duckdb.DuckDBPyConnection, name: str) -> list[dict]:
    """The rows of `sql/<name>.sql` as dicts."""
    cursor = db.execute(sql_text(name))
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]
